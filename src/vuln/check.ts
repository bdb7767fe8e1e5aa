/**
 * The vulnerability stage: every installed package of a server's tree against one source, then
 * one finding per (advisory, package@version) with its severity, score, fixed versions, the
 * shortest dependency path, and whether a fix is reachable within the ranges its dependents
 * declare — which tells "upgrade / reinstall the server" apart from "the server must update
 * its dependency".
 *
 * Both sources go through `matchRecord`, so the API and an offline database agree. For the API,
 * OSV's own match is also trusted: a record it returns counts as affecting, even if the local
 * matcher disagrees (a fail-safe, never a way to drop an advisory).
 */
import npa from 'npm-package-arg';
import semver from 'semver';
import { VetError, describeError } from '../errors.js';
import type { Finding, ResolvedPackage, ResolvedTree, Severity } from '../model.js';
import type { Packument } from '../registry/packument.js';
import { matchRecord, type OsvRecord } from './osv.js';
import { severityOf } from './severity.js';
import type { PackageQuery, VulnSource } from './source.js';

export type OnUnavailable = 'fail' | 'warn';

export interface VulnSummary {
  source: VulnSource['kind'];
  location: string;
  status: 'ok' | 'failed';
  /** Distinct name@version pairs checked. */
  packages: number;
  /** Findings of rule vulnerability/malware (before suppressions). */
  advisories: number;
  bySeverity: Record<Severity, number>;
  error?: string;
}

export interface VulnCheckInput {
  source: VulnSource;
  tree: ResolvedTree;
  /** Looks up packuments (for fix reachability); errors make reachability unknown, never fatal. */
  packument?: (name: string) => Promise<Packument>;
  onUnavailable: OnUnavailable;
}

interface Installed {
  name: string;
  version: string;
  nodes: ResolvedPackage[];
  path: string[];
}

export async function checkVulnerabilities(
  input: VulnCheckInput,
): Promise<{ findings: Finding[]; summary: VulnSummary }> {
  const { tree, source } = input;
  const installed = installedPackages(tree);
  const summary: VulnSummary = {
    source: source.kind,
    location: source.location,
    status: 'ok',
    packages: installed.size,
    advisories: 0,
    bySeverity: { info: 0, low: 0, medium: 0, high: 0, critical: 0 },
  };
  const queries: PackageQuery[] = [...installed.values()].map((p) => ({ name: p.name, version: p.version }));
  let result;
  try {
    result = await source.query(queries);
  } catch (err) {
    if (!(err instanceof VetError) || err.code !== 'E_VULN_SOURCE') throw err;
    summary.status = 'failed';
    summary.error = err.message;
    return { findings: [checkFailed(source, err, input.onUnavailable)], summary };
  }

  const findings: Finding[] = [];
  for (const w of result.warnings) {
    findings.push({
      rule: 'vulnerability-source-warning',
      severity: 'medium',
      message: w,
      source: source.location,
    });
  }
  const dependents = dependentsByLocation(tree);
  for (const [key, pkg] of installed) {
    const records = (result.records.get(key) ?? []).filter((r) => !r.withdrawn);
    const hits: Hit[] = [];
    for (const record of records) {
      const m = matchRecord(record, pkg.name, pkg.version);
      if (!m.affected && source.kind !== 'osv-api') continue;
      hits.push({
        record,
        fixed: m.fixed,
        lastAffected: m.lastAffected,
        ...(m.uncertain ? { uncertain: m.uncertain } : {}),
      });
    }
    for (const group of groupAliases(hits)) {
      findings.push(await toFinding(pkg, group, tree, dependents, input.packument));
    }
  }
  for (const f of findings) {
    if (f.rule === 'vulnerability' || f.rule === 'malware') {
      summary.advisories++;
      summary.bySeverity[f.severity]++;
    }
  }
  return { findings, summary };
}

/** What npm would install: the root and every non-skipped package, by name@version. */
function installedPackages(tree: ResolvedTree): Map<string, Installed> {
  const out = new Map<string, Installed>();
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

function dependentsByLocation(tree: ResolvedTree): Map<string, ResolvedPackage[]> {
  const out = new Map<string, ResolvedPackage[]>();
  for (const p of [tree.root, ...tree.packages]) {
    for (const loc of p.dependencies) {
      const list = out.get(loc);
      if (list) list.push(p);
      else out.set(loc, [p]);
    }
  }
  return out;
}

type Hit = { record: OsvRecord; fixed: string[]; lastAffected?: string[]; uncertain?: string[] };

/** Records that alias each other (directly or through a chain) describe one vulnerability. */
function groupAliases(hits: Hit[]): Hit[][] {
  const parent = hits.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  hits.forEach((h, i) => {
    for (const name of [h.record.id, ...(h.record.aliases ?? [])]) {
      const j = owner.get(name);
      if (j === undefined) owner.set(name, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Hit[]>();
  hits.forEach((h, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(h);
    else groups.set(r, [h]);
  });
  return [...groups.values()];
}

async function toFinding(
  pkg: Installed,
  group: Hit[],
  tree: ResolvedTree,
  dependents: Map<string, ResolvedPackage[]>,
  packument: VulnCheckInput['packument'],
): Promise<Finding> {
  // the representative: malware first, then the most severe, then the smallest id
  const rated = await Promise.all(group.map(async (h) => ({ ...h, sev: await severityOf(h.record) })));
  const rank: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
  rated.sort(
    (a, b) =>
      Number(b.record.id.startsWith('MAL-')) - Number(a.record.id.startsWith('MAL-')) ||
      rank[b.sev.severity] - rank[a.sev.severity] ||
      (b.sev.score ?? -1) - (a.sev.score ?? -1) ||
      (a.record.id < b.record.id ? -1 : 1),
  );
  const main = rated[0]!;
  const ids = new Set<string>();
  for (const h of rated) for (const a of [h.record.id, ...(h.record.aliases ?? [])]) ids.add(a);
  ids.delete(main.record.id);
  const malware = rated.some((h) => h.record.id.startsWith('MAL-'));
  const fixed = [...new Set(rated.flatMap((h) => h.fixed))].sort(semver.compare);
  const uncertain = [...new Set(rated.flatMap((h) => h.uncertain ?? []))];
  const lastAffected = [...new Set(rated.flatMap((h) => h.lastAffected ?? []))].sort(semver.compare);
  const isRoot = pkg.nodes.some((n) => n === tree.root);
  const fix = await reachability(pkg, main.record, tree, dependents, packument);

  const id = main.record.id;
  const summary = main.record.summary ?? firstLine(main.record.details) ?? '';
  const severity: Severity = malware ? 'critical' : main.sev.severity;
  const subject = isRoot ? `the server ${pkg.name}@${pkg.version}` : `${pkg.name}@${pkg.version}`;
  let message = malware
    ? `${subject} is known malware (${id}${summary ? `: ${summary}` : ''})`
    : `${subject} is affected by ${id}${summary ? `: ${summary}` : ''}`;
  if (uncertain.length) {
    message += ` (possibly affected: the advisory is malformed — ${uncertain[0]}; verify by hand)`;
  }
  const finding: Finding = {
    rule: malware ? 'malware' : 'vulnerability',
    severity,
    message,
    id,
    aliases: [...ids].sort(),
    summary,
    package: pkg.name,
    version: pkg.version,
    score: main.sev.score,
    ...(main.sev.vector ? { vector: main.sev.vector } : {}),
    severitySource: main.sev.source,
    fixed,
    path: pkg.path,
    fixReachable: fix.reachable,
    remediation: fix.remediation,
    url: `https://osv.dev/vulnerability/${encodeURIComponent(id)}`,
  };
  if (uncertain.length) finding.uncertain = uncertain;
  if (!fixed.length && lastAffected.length) finding.lastAffected = lastAffected;
  if (main.record.modified) finding.modified = main.record.modified;
  if (pkg.nodes.length > 1) finding.locations = pkg.nodes.map((n) => n.location).sort();
  return finding;
}

interface Reach {
  reachable: boolean | null;
  remediation: string;
}

/**
 * Is there a published version of the package, newer than the installed one and not affected,
 * that every dependent's declared range accepts? Then re-resolving (upgrading or reinstalling
 * the server) can pick it up; otherwise a dependent must change its range.
 */
async function reachability(
  pkg: Installed,
  record: OsvRecord,
  tree: ResolvedTree,
  dependents: Map<string, ResolvedPackage[]>,
  packument: VulnCheckInput['packument'],
): Promise<Reach> {
  let versions: string[] | undefined;
  if (packument) {
    try {
      const doc = await packument(pkg.name);
      versions = Object.entries(doc.versions)
        .filter(([v, m]) => !m.invalid && semver.valid(v) && semver.gt(v, pkg.version))
        .map(([v]) => v)
        .sort(semver.compare);
    } catch {
      versions = undefined;
    }
  }
  const unaffected = versions?.filter((v) => !matchRecord(record, pkg.name, v).affected);
  const server = `${tree.root.name}@${tree.root.version}`;
  if (pkg.nodes.includes(tree.root)) {
    if (!unaffected)
      return {
        reachable: null,
        remediation: `upgrade the server to a fixed version (the registry's version list could not be read)`,
      };
    if (!unaffected.length)
      return {
        reachable: false,
        remediation: `no fixed version of the server ${pkg.name} is published yet; remove it or wait for a fix`,
      };
    return { reachable: true, remediation: `upgrade the server to ${pkg.name}@${unaffected[0]} or later` };
  }
  if (!unaffected) {
    return {
      reachable: null,
      remediation: `update ${pkg.name} past the affected range (fix reachability unknown: its version list could not be read)`,
    };
  }
  if (!unaffected.length) {
    return {
      reachable: false,
      remediation: `no fixed version of ${pkg.name} is published yet; the server must drop or replace it`,
    };
  }
  // every place it is installed, every dependent's declared range
  const blockers: string[] = [];
  let candidates = unaffected;
  for (const node of pkg.nodes) {
    if (node.bundled) {
      return {
        reachable: false,
        remediation: `${pkg.name} is bundled inside a package of ${server}: only a new release that bundles ${pkg.name}@${unaffected[0]} or later can fix it; the server must update its dependency`,
      };
    }
    if (node.fromShrinkwrap) {
      return {
        reachable: false,
        remediation: `${pkg.name} is pinned by an npm-shrinkwrap.json in ${server}'s tree: the server must update its dependency (to ${pkg.name}@${unaffected[0]} or later)`,
      };
    }
    const edgeName = node.location.slice(node.location.lastIndexOf('node_modules/') + 'node_modules/'.length);
    for (const dep of dependents.get(node.location) ?? []) {
      const range = await declaredRange(dep, edgeName, packument);
      if (range === undefined) continue; // unknown: don't pretend it blocks
      const ok = candidates.filter((v) => semver.satisfies(v, range));
      if (!ok.length) blockers.push(`${dep.name}@${dep.version} requires ${pkg.name}@${range}`);
      if (ok.length) candidates = ok;
    }
  }
  if (blockers.length) {
    const direct = pkg.path.length === 2;
    return {
      reachable: false,
      remediation: `${blockers.join('; ')}, which excludes every fixed version (${unaffected[0]} or later): ${direct ? 'the server must update its dependency' : `${blockers.length === 1 ? 'that package' : 'those packages'} must update, and then the server`}`,
    };
  }
  return {
    reachable: true,
    remediation: `${pkg.name}@${candidates[0]} is within the ranges its dependents declare: upgrading or reinstalling the server picks it up`,
  };
}

async function declaredRange(
  dep: ResolvedPackage,
  edgeName: string,
  packument: VulnCheckInput['packument'],
): Promise<string | undefined> {
  if (!packument || dep.bundled) return undefined;
  let spec: string | undefined;
  try {
    const m = (await packument(dep.name)).versions[dep.version];
    spec =
      m?.dependencies?.[edgeName] ?? m?.optionalDependencies?.[edgeName] ?? m?.peerDependencies?.[edgeName];
  } catch {
    return undefined;
  }
  if (spec === undefined) return undefined;
  try {
    const parsed = npa.resolve(edgeName, spec);
    const target = parsed.type === 'alias' ? parsed.subSpec : parsed;
    if (!target || (target.type !== 'range' && target.type !== 'version')) return undefined;
    return semver.validRange(target.fetchSpec ?? '') ?? undefined;
  } catch {
    return undefined;
  }
}

function firstLine(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const line = text.split('\n').find((l) => l.trim() && !l.startsWith('#'));
  return line ? (line.length > 160 ? `${line.slice(0, 157)}…` : line.trim()) : undefined;
}

function checkFailed(source: VulnSource, err: unknown, onUnavailable: OnUnavailable): Finding {
  const warn = onUnavailable === 'warn';
  return {
    rule: 'vulnerability-check-failed',
    severity: warn ? 'info' : 'critical',
    message: `the vulnerability check could not run, so this tree was not checked for known advisories: ${describeError(err)}${warn ? ' (--on-unavailable warn: not failing)' : ''}`,
    source: source.location,
  };
}
