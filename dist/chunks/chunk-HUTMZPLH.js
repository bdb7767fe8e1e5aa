#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  docUrl
} from "./chunk-HFQ76YOM.js";
import {
  SEVERITY_RANK
} from "./chunk-7VIVGJGJ.js";
import {
  parsePackageRef,
  refMatches
} from "./chunk-BK2N4HQ4.js";
import {
  require_spdx_expression_parse
} from "./chunk-OZXAZC2R.js";
import {
  __toESM
} from "./chunk-ESI7J6K4.js";

// src/policy/engine.ts
var import_spdx_expression_parse = __toESM(require_spdx_expression_parse(), 1);

// src/policy/suppressions.ts
function isExpired(s, now) {
  return now.getTime() >= Date.parse(`${s.expires}T00:00:00Z`) + 24 * 3600 * 1e3;
}

// src/policy/engine.ts
var RANK = SEVERITY_RANK;
var atLeast = (s, t) => RANK[s] >= RANK[t];
function classify(f, policy, isRootPackage) {
  const threshold = (t) => atLeast(f.severity, t) ? "reject" : f.severity === "info" ? "info" : "warn";
  switch (f.rule) {
    case "malware":
      return { rule: "malware", action: "reject" };
    case "vulnerability":
      return { rule: "vulnerabilities", action: threshold(policy.vulnerabilities.severity) };
    case "vulnerability-check-failed":
      return {
        rule: "vulnerability-check",
        action: policy.vulnerabilities["on-unavailable"] === "fail" ? "reject" : "warn"
      };
    case "vulnerability-check-skipped":
    case "suppression-unused":
    case "suppression-expired":
      return {
        rule: f.rule.startsWith("suppression") ? "suppressions" : "vulnerability-check",
        action: "info"
      };
    case "introspection-failed":
    case "introspection-malformed":
      return { rule: "introspection", action: policy.introspection.failed };
    case "manifest-changed-between-launches":
    case "introspection-tampered":
      return { rule: "introspection", action: policy.introspection.changed };
    case "deprecated":
      return { rule: "hygiene", action: policy.hygiene.deprecated };
    case "server-not-npm":
      return { rule: "hygiene", action: policy.hygiene["not-npm"] };
    case "recently-published":
      return { rule: "hygiene", action: "reject" };
    case "install-script": {
      const denied = policy.capabilities.deny.includes("install-scripts") || !isRootPackage && policy.capabilities.dependencies.deny.includes("install-scripts");
      return { rule: "capabilities", action: denied ? "reject" : threshold(policy["fail-on"]) };
    }
    case "lock-integrity-mismatch":
      return { rule: "lockfile", action: "reject" };
    case "lock-unpinned":
      return { rule: "lockfile", action: policy.lockfile.unpinned };
    case "lock-missing":
      return { rule: "lockfile", action: policy.lockfile.missing };
  }
  if (f.rule.startsWith("lock-")) {
    return { rule: "lockfile", action: f.severity === "info" ? "info" : policy.lockfile.changes };
  }
  if (f.category === "tool-text")
    return { rule: "tool-text", action: threshold(policy["tool-text"].severity) };
  if (f.rule === "license-denied" || f.rule === "license-unknown") {
    return {
      rule: "licenses",
      action: f.rule === "license-denied" ? "reject" : policy.licenses.unknown === "reject" ? "reject" : "warn"
    };
  }
  if (f.rule === "capability-denied") return { rule: "capabilities", action: "reject" };
  if (f.rule === "server-denied" || f.rule === "server-not-allowed" || f.rule === "package-denied") {
    return { rule: "lists", action: "reject" };
  }
  return { rule: "findings", action: threshold(policy["fail-on"]) };
}
function policyFindings(s, policy, now = /* @__PURE__ */ new Date()) {
  const out = [];
  const server = s.package.name;
  const everyone = [
    { name: s.package.name, version: s.package.version, license: s.package.license, path: [s.package.name] },
    ...s.dependencies.filter((d) => !d.skipped)
  ];
  for (const ref of policy.servers.deny) {
    const r = parsePackageRef(ref);
    if (r && refMatches(r, server, s.package.version)) {
      out.push({
        rule: "server-denied",
        severity: "critical",
        message: `the server ${server}@${s.package.version} is on the policy's servers.deny list (${ref})`,
        package: server,
        version: s.package.version
      });
    }
  }
  if (policy.servers.allow && !policy.servers.allow.some((ref) => {
    const r = parsePackageRef(ref);
    return r && refMatches(r, server, s.package.version);
  })) {
    out.push({
      rule: "server-not-allowed",
      severity: "high",
      message: `the server ${server}@${s.package.version} is not on the policy's servers.allow list`,
      package: server,
      version: s.package.version
    });
  }
  for (const ref of policy.packages.deny) {
    const r = parsePackageRef(ref);
    if (!r) continue;
    for (const p of everyone) {
      if (refMatches(r, p.name, p.version)) {
        out.push({
          rule: "package-denied",
          severity: "critical",
          message: `${p.name}@${p.version} is on the policy's packages.deny list (${ref})`,
          package: p.name,
          version: p.version,
          path: p.path
        });
      }
    }
  }
  const minDays = policy.hygiene["min-age-days"];
  if (minDays > 0) {
    const withTimes = [
      { name: server, version: s.package.version, published: s.package.published, path: [server] },
      ...s.dependencies.filter((d) => !d.skipped)
    ];
    for (const p of withTimes) {
      if (!p.published) continue;
      const ageMs = now.getTime() - Date.parse(p.published);
      if (ageMs < minDays * 864e5) {
        const hours = Math.max(0, Math.floor(ageMs / 36e5));
        out.push({
          rule: "recently-published",
          severity: "medium",
          message: `${p.name}@${p.version} was published ${hours < 48 ? `${hours} hour${hours === 1 ? "" : "s"}` : `${Math.floor(hours / 24)} days`} ago (${p.published}); the policy waits ${minDays} day${minDays === 1 ? "" : "s"} before trusting a release (hygiene.min-age-days)`,
          package: p.name,
          version: p.version,
          path: p.path,
          published: p.published
        });
      }
    }
  }
  const deny = new Set(policy.licenses.deny);
  const allow = policy.licenses.allow ? new Set(policy.licenses.allow) : void 0;
  for (const p of everyone) {
    const verdict = licenseVerdict(p.license, allow, deny);
    if (verdict === "unknown") {
      if (policy.licenses.unknown !== "allow") {
        out.push({
          rule: "license-unknown",
          severity: "low",
          message: `${p.name}@${p.version} declares no license mcp-vet can read${p.license ? ` ("${p.license}")` : ""}`,
          package: p.name,
          version: p.version,
          path: p.path
        });
      }
    } else if (verdict !== "ok") {
      out.push({
        rule: "license-denied",
        severity: "high",
        message: `${p.name}@${p.version} is licensed ${p.license}: ${verdict}`,
        package: p.name,
        version: p.version,
        path: p.path,
        license: p.license
      });
    }
  }
  const caps = s.permissions?.capabilities;
  if (caps) {
    const allowed = /* @__PURE__ */ new Set([...policy.capabilities.allow[server] ?? []]);
    for (const [cap, holders] of Object.entries(caps)) {
      if (cap === "urls" || cap === "sensitive-paths") continue;
      const globally = policy.capabilities.deny.includes(cap);
      const inDeps = policy.capabilities.dependencies.deny.includes(cap);
      if (!globally && !inDeps) continue;
      if (cap === "install-scripts") continue;
      for (const h of holders) {
        if (allowed.has(cap) || (policy.capabilities.allow[h.package] ?? []).includes(cap))
          continue;
        if (!globally && h.own) continue;
        out.push({
          rule: "capability-denied",
          severity: "high",
          message: `${h.own ? "the server" : "the dependency"} ${h.package}@${h.version} has the capability "${cap}", which the policy denies${globally ? "" : " in dependencies"} (capabilities.${globally ? "deny" : "dependencies.deny"})`,
          package: h.package,
          version: h.version,
          capability: cap,
          ...h.evidence ? { evidence: h.evidence.slice(0, 3) } : {}
        });
      }
    }
  }
  return out;
}
function licenseVerdict(expr, allow, deny) {
  if (!expr || /^(UNLICENSED|SEE LICENSE IN)/i.test(expr)) return "unknown";
  let ast;
  try {
    ast = (0, import_spdx_expression_parse.default)(expr);
  } catch {
    return "unknown";
  }
  const ok = (n) => {
    if (n.conjunction === "or") return ok(n.left) || ok(n.right);
    if (n.conjunction === "and") return ok(n.left) && ok(n.right);
    const id = n.license;
    if (deny.has(id)) return false;
    return allow ? allow.has(id) : true;
  };
  if (ok(ast)) return "ok";
  return allow ? "no choice of its licenses is on licenses.allow" : "every choice of its licenses is on licenses.deny";
}
function suppressionMatches(s, f, policyRule, server) {
  if (s.rule && s.rule !== policyRule && s.rule !== f.rule) return false;
  if (s.id) {
    const names = [f.id, ...Array.isArray(f.aliases) ? f.aliases : []];
    if (!names.includes(s.id)) return false;
  }
  if (s.package && s.package !== f.package && s.package !== `${String(f.package)}@${String(f.version)}`)
    return false;
  if (s.server && s.server !== server) return false;
  return true;
}
function evaluate(servers, policy, now, opts = {}) {
  const used = /* @__PURE__ */ new Set();
  const expiredHit = /* @__PURE__ */ new Set();
  for (const s of servers) {
    if (opts.policyFindings !== false) s.findings.push(...policyFindings(s, policy, now));
    for (const f of s.findings) {
      if (f.rule === "suppression-unused" || f.rule === "suppression-expired") continue;
      const root = f.package === s.package.name && f.version === s.package.version;
      const classified = classify(f, policy, root);
      const { rule } = classified;
      let { action } = classified;
      if (f.preexisting && action === "reject" && rule !== "malware" && policy.baseline.existing === "warn") {
        action = "warn";
      }
      f.policy = { rule, action, doc: docUrl(rule), ...f.preexisting ? { preexisting: true } : {} };
      if (rule === "malware") continue;
      for (const sup of policy.suppressions) {
        const serverName = typeof f.server === "string" ? f.server : s.package.name;
        if (!suppressionMatches(sup, f, rule, serverName)) continue;
        if (isExpired(sup, now)) {
          expiredHit.add(sup);
          f.expiredSuppression = { reason: sup.reason, expires: sup.expires, source: sup.source };
          continue;
        }
        used.add(sup);
        f.suppressed = { reason: sup.reason, expires: sup.expires, source: sup.source };
        break;
      }
    }
  }
  const about = [];
  for (const sup of policy.suppressions) {
    const what = `${sup.rule ?? ""}${sup.id ? ` ${sup.id}` : ""}${sup.package ? ` for ${sup.package}` : ""}${sup.server ? ` on ${sup.server}` : ""}`.trim();
    if (expiredHit.has(sup) && !used.has(sup)) {
      about.push({
        rule: "suppression-expired",
        severity: "info",
        message: `the suppression of ${what} (${sup.source}) expired on ${sup.expires} and no longer applies; fix the finding, or renew it with a reason`,
        ...sup.id ? { id: sup.id } : {},
        source: sup.source
      });
    } else if (!used.has(sup) && !expiredHit.has(sup)) {
      about.push({
        rule: "suppression-unused",
        severity: "info",
        message: `the suppression of ${what} (${sup.source}) matched no finding; remove it if it is stale`,
        ...sup.id ? { id: sup.id } : {},
        source: sup.source
      });
    }
  }
  for (const f of about) f.policy = { rule: "suppressions", action: "info", doc: docUrl("suppressions") };
  if (servers[0]) servers[0].findings.push(...about);
  const reasons = [];
  for (const s of servers) {
    s.findings.sort(
      (a, b) => RANK[b.severity] - RANK[a.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : 1)
    );
    for (const f of s.findings) {
      const p = f.policy;
      if (p?.action === "reject" && !f.suppressed) {
        reasons.push({
          server: `${s.package.name}@${s.package.version}`,
          rule: p.rule,
          severity: f.severity,
          message: f.message,
          finding: f.rule
        });
      }
    }
  }
  reasons.sort((a, b) => RANK[b.severity] - RANK[a.severity]);
  return { decision: reasons.length ? "reject" : "approve", reasons };
}
function evaluateFindings(findings, policy, now, label) {
  const pseudo = {
    spec: label,
    registry: "",
    package: { name: label, version: "", integrity: null },
    dependencies: [],
    findings,
    stats: { packages: 0, skipped: 0, bundled: 0, downloaded: 0, fromCache: 0 }
  };
  const d = evaluate([pseudo], policy, now, { policyFindings: false });
  for (const r of d.reasons) r.server = label;
  return d;
}

export {
  evaluate,
  evaluateFindings
};
