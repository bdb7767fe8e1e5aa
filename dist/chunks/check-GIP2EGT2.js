#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  matchRecord
} from "./chunk-23J3AB3F.js";
import "./chunk-OBZI2X5Z.js";
import {
  VetError,
  describeError
} from "./chunk-OI56ITB4.js";
import {
  require_npa
} from "./chunk-GGYBWKUX.js";
import {
  require_semver
} from "./chunk-Z72EFVUK.js";
import {
  __toESM
} from "./chunk-ESI7J6K4.js";

// src/vuln/check.ts
var import_npm_package_arg = __toESM(require_npa(), 1);
var import_semver = __toESM(require_semver(), 1);

// src/vuln/severity.ts
var calc;
async function calculator() {
  const mod = await import("./ae-cvss-calculator-MPY56WES.js");
  calc ??= mod.Cvss4P0 ? mod : mod.default;
  return calc;
}
async function cvssScore(vector) {
  const m = await calculator();
  try {
    let scores;
    if (vector.startsWith("CVSS:4.0/")) scores = new m.Cvss4P0(vector).calculateScores();
    else if (vector.startsWith("CVSS:3.1/")) scores = new m.Cvss3P1(vector).calculateScores();
    else if (vector.startsWith("CVSS:3.0/")) scores = new m.Cvss3P0(vector).calculateScores();
    else return null;
    const s = scores.base ?? scores.overall;
    return typeof s === "number" && Number.isFinite(s) && s >= 0 && s <= 10 ? s : null;
  } catch {
    return null;
  }
}
function labelForScore(score) {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return null;
}
var DB_LABELS = {
  CRITICAL: "critical",
  HIGH: "high",
  MODERATE: "medium",
  MEDIUM: "medium",
  LOW: "low"
};
var UNKNOWN_SEVERITY = "medium";
async function severityOf(record) {
  let best;
  const invalid = [];
  for (const s of record.severity ?? []) {
    if (s.type !== "CVSS_V3" && s.type !== "CVSS_V4") continue;
    const score = await cvssScore(s.score);
    if (score === null) {
      invalid.push(s.score);
      continue;
    }
    if (!best || score > best.score) best = { score, vector: s.score };
  }
  const extra = invalid.length ? { invalidVectors: invalid } : {};
  if (record.id.startsWith("MAL-")) {
    return {
      severity: "critical",
      score: best?.score ?? null,
      vector: best?.vector,
      source: "malware",
      ...extra
    };
  }
  const fromScore = best ? labelForScore(best.score) : null;
  if (best && fromScore)
    return { severity: fromScore, score: best.score, vector: best.vector, source: "cvss", ...extra };
  const db = record.database_specific?.severity;
  const dbLabel = typeof db === "string" ? DB_LABELS[db.toUpperCase()] : void 0;
  if (dbLabel)
    return {
      severity: dbLabel,
      score: best?.score ?? null,
      vector: best?.vector,
      source: "database",
      ...extra
    };
  return {
    // a vector that scores 0.0 ("none") with no database label: the lowest label we have
    severity: best ? "low" : UNKNOWN_SEVERITY,
    score: best?.score ?? null,
    vector: best?.vector,
    source: "unknown",
    ...extra
  };
}

// src/vuln/check.ts
async function checkVulnerabilities(input) {
  const { tree, source } = input;
  const installed = installedPackages(tree);
  const summary = {
    source: source.kind,
    location: source.location,
    status: "ok",
    packages: installed.size,
    advisories: 0,
    bySeverity: { info: 0, low: 0, medium: 0, high: 0, critical: 0 }
  };
  const queries = [...installed.values()].map((p) => ({ name: p.name, version: p.version }));
  let result;
  try {
    result = await source.query(queries);
  } catch (err) {
    if (!(err instanceof VetError) || err.code !== "E_VULN_SOURCE") throw err;
    summary.status = "failed";
    summary.error = err.message;
    return { findings: [checkFailed(source, err, input.onUnavailable)], summary };
  }
  const findings = [];
  for (const w of result.warnings) {
    findings.push({
      rule: "vulnerability-source-warning",
      severity: "medium",
      message: w,
      source: source.location
    });
  }
  const dependents = dependentsByLocation(tree);
  for (const [key, pkg] of installed) {
    const records = (result.records.get(key) ?? []).filter((r) => !r.withdrawn);
    const hits = [];
    for (const record of records) {
      const m = matchRecord(record, pkg.name, pkg.version);
      if (!m.affected && source.kind !== "osv-api") continue;
      hits.push({
        record,
        fixed: m.fixed,
        lastAffected: m.lastAffected,
        ...m.uncertain ? { uncertain: m.uncertain } : {}
      });
    }
    for (const group of groupAliases(hits)) {
      findings.push(await toFinding(pkg, group, tree, dependents, input.packument));
    }
  }
  for (const f of findings) {
    if (f.rule === "vulnerability" || f.rule === "malware") {
      summary.advisories++;
      summary.bySeverity[f.severity]++;
    }
  }
  return { findings, summary };
}
function installedPackages(tree) {
  const out = /* @__PURE__ */ new Map();
  for (const p of [tree.root, ...tree.packages]) {
    if (p.skipped) continue;
    const key = `${p.name}@${p.version}`;
    const e = out.get(key);
    if (e) {
      e.nodes.push(p);
      if (p.path.length < e.path.length) e.path = p.path;
    } else out.set(key, { name: p.name, version: p.version, nodes: [p], path: p.path });
  }
  return out;
}
function dependentsByLocation(tree) {
  const out = /* @__PURE__ */ new Map();
  for (const p of [tree.root, ...tree.packages]) {
    for (const loc of p.dependencies) {
      const list = out.get(loc);
      if (list) list.push(p);
      else out.set(loc, [p]);
    }
  }
  return out;
}
function groupAliases(hits) {
  const parent = hits.map((_, i) => i);
  const find = (i) => parent[i] === i ? i : parent[i] = find(parent[i]);
  const owner = /* @__PURE__ */ new Map();
  hits.forEach((h, i) => {
    for (const name of [h.record.id, ...h.record.aliases ?? []]) {
      const j = owner.get(name);
      if (j === void 0) owner.set(name, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = /* @__PURE__ */ new Map();
  hits.forEach((h, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(h);
    else groups.set(r, [h]);
  });
  return [...groups.values()];
}
async function toFinding(pkg, group, tree, dependents, packument) {
  const rated = await Promise.all(group.map(async (h) => ({ ...h, sev: await severityOf(h.record) })));
  const rank = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
  rated.sort(
    (a, b) => Number(b.record.id.startsWith("MAL-")) - Number(a.record.id.startsWith("MAL-")) || rank[b.sev.severity] - rank[a.sev.severity] || (b.sev.score ?? -1) - (a.sev.score ?? -1) || (a.record.id < b.record.id ? -1 : 1)
  );
  const main = rated[0];
  const ids = /* @__PURE__ */ new Set();
  for (const h of rated) for (const a of [h.record.id, ...h.record.aliases ?? []]) ids.add(a);
  ids.delete(main.record.id);
  const malware = rated.some((h) => h.record.id.startsWith("MAL-"));
  const fixed = [...new Set(rated.flatMap((h) => h.fixed))].sort(import_semver.default.compare);
  const uncertain = [...new Set(rated.flatMap((h) => h.uncertain ?? []))];
  const lastAffected = [...new Set(rated.flatMap((h) => h.lastAffected ?? []))].sort(import_semver.default.compare);
  const isRoot = pkg.nodes.some((n) => n === tree.root);
  const fix = await reachability(pkg, main.record, tree, dependents, packument);
  const id = main.record.id;
  const summary = main.record.summary ?? firstLine(main.record.details) ?? "";
  const severity = malware ? "critical" : main.sev.severity;
  const subject = isRoot ? `the server ${pkg.name}@${pkg.version}` : `${pkg.name}@${pkg.version}`;
  let message = malware ? `${subject} is known malware (${id}${summary ? `: ${summary}` : ""})` : `${subject} is affected by ${id}${summary ? `: ${summary}` : ""}`;
  if (uncertain.length) {
    message += ` (possibly affected: the advisory is malformed — ${uncertain[0]}; verify by hand)`;
  }
  const finding = {
    rule: malware ? "malware" : "vulnerability",
    severity,
    message,
    id,
    aliases: [...ids].sort(),
    summary,
    package: pkg.name,
    version: pkg.version,
    score: main.sev.score,
    ...main.sev.vector ? { vector: main.sev.vector } : {},
    severitySource: main.sev.source,
    fixed,
    path: pkg.path,
    fixReachable: fix.reachable,
    remediation: fix.remediation,
    url: `https://osv.dev/vulnerability/${encodeURIComponent(id)}`
  };
  if (uncertain.length) finding.uncertain = uncertain;
  if (!fixed.length && lastAffected.length) finding.lastAffected = lastAffected;
  if (main.record.modified) finding.modified = main.record.modified;
  if (pkg.nodes.length > 1) finding.locations = pkg.nodes.map((n) => n.location).sort();
  return finding;
}
async function reachability(pkg, record, tree, dependents, packument) {
  let versions;
  if (packument) {
    try {
      const doc = await packument(pkg.name);
      versions = Object.entries(doc.versions).filter(([v, m]) => !m.invalid && import_semver.default.valid(v) && import_semver.default.gt(v, pkg.version)).map(([v]) => v).sort(import_semver.default.compare);
    } catch {
      versions = void 0;
    }
  }
  const unaffected = versions?.filter((v) => !matchRecord(record, pkg.name, v).affected);
  const server = `${tree.root.name}@${tree.root.version}`;
  if (pkg.nodes.includes(tree.root)) {
    if (!unaffected)
      return {
        reachable: null,
        remediation: `upgrade the server to a fixed version (the registry's version list could not be read)`
      };
    if (!unaffected.length)
      return {
        reachable: false,
        remediation: `no fixed version of the server ${pkg.name} is published yet; remove it or wait for a fix`
      };
    return { reachable: true, remediation: `upgrade the server to ${pkg.name}@${unaffected[0]} or later` };
  }
  if (!unaffected) {
    return {
      reachable: null,
      remediation: `update ${pkg.name} past the affected range (fix reachability unknown: its version list could not be read)`
    };
  }
  if (!unaffected.length) {
    return {
      reachable: false,
      remediation: `no fixed version of ${pkg.name} is published yet; the server must drop or replace it`
    };
  }
  const blockers = [];
  let candidates = unaffected;
  for (const node of pkg.nodes) {
    if (node.bundled) {
      return {
        reachable: false,
        remediation: `${pkg.name} is bundled inside a package of ${server}: only a new release that bundles ${pkg.name}@${unaffected[0]} or later can fix it; the server must update its dependency`
      };
    }
    if (node.fromShrinkwrap) {
      return {
        reachable: false,
        remediation: `${pkg.name} is pinned by an npm-shrinkwrap.json in ${server}'s tree: the server must update its dependency (to ${pkg.name}@${unaffected[0]} or later)`
      };
    }
    const edgeName = node.location.slice(node.location.lastIndexOf("node_modules/") + "node_modules/".length);
    for (const dep of dependents.get(node.location) ?? []) {
      const range = await declaredRange(dep, edgeName, packument);
      if (range === void 0) continue;
      const ok = candidates.filter((v) => import_semver.default.satisfies(v, range));
      if (!ok.length) blockers.push(`${dep.name}@${dep.version} requires ${pkg.name}@${range}`);
      if (ok.length) candidates = ok;
    }
  }
  if (blockers.length) {
    const direct = pkg.path.length === 2;
    return {
      reachable: false,
      remediation: `${blockers.join("; ")}, which excludes every fixed version (${unaffected[0]} or later): ${direct ? "the server must update its dependency" : `${blockers.length === 1 ? "that package" : "those packages"} must update, and then the server`}`
    };
  }
  return {
    reachable: true,
    remediation: `${pkg.name}@${candidates[0]} is within the ranges its dependents declare: upgrading or reinstalling the server picks it up`
  };
}
async function declaredRange(dep, edgeName, packument) {
  if (!packument || dep.bundled) return void 0;
  let spec;
  try {
    const m = (await packument(dep.name)).versions[dep.version];
    spec = m?.dependencies?.[edgeName] ?? m?.optionalDependencies?.[edgeName] ?? m?.peerDependencies?.[edgeName];
  } catch {
    return void 0;
  }
  if (spec === void 0) return void 0;
  try {
    const parsed = import_npm_package_arg.default.resolve(edgeName, spec);
    const target = parsed.type === "alias" ? parsed.subSpec : parsed;
    if (!target || target.type !== "range" && target.type !== "version") return void 0;
    return import_semver.default.validRange(target.fetchSpec ?? "") ?? void 0;
  } catch {
    return void 0;
  }
}
function firstLine(text) {
  if (!text) return void 0;
  const line = text.split("\n").find((l) => l.trim() && !l.startsWith("#"));
  return line ? line.length > 160 ? `${line.slice(0, 157)}…` : line.trim() : void 0;
}
function checkFailed(source, err, onUnavailable) {
  const warn = onUnavailable === "warn";
  return {
    rule: "vulnerability-check-failed",
    severity: warn ? "info" : "critical",
    message: `the vulnerability check could not run, so this tree was not checked for known advisories: ${describeError(err)}${warn ? " (--on-unavailable warn: not failing)" : ""}`,
    source: source.location
  };
}
export {
  checkVulnerabilities
};
