/**
 * The one decision engine: findings from every stage plus the policy in, approve or reject and
 * the reasons out. `vet`, `check` and the action all decide here.
 *
 * Each finding is mapped to exactly one policy rule and gets `policy: {rule, action, doc}`.
 * The engine also makes the findings only a policy can make: licenses, denied capabilities,
 * allow/deny lists. Suppressions apply last; a suppressed finding stays in the report, marked,
 * and never counts.
 */
import parseSpdx from 'spdx-expression-parse';
import { SEVERITY_RANK, type Finding, type Severity } from '../model.js';
import type { ServerReport } from '../pipeline/vet.js';
import { docUrl } from './rules.js';
import { parsePackageRef, refMatches, type Action, type CapabilityName, type Policy } from './policy.js';
import { isExpired, type Suppression } from './suppressions.js';

const RANK = SEVERITY_RANK;
const atLeast = (s: Severity, t: Severity): boolean => RANK[s] >= RANK[t];

export interface Reason {
  server: string;
  rule: string;
  severity: Severity;
  message: string;
  finding: string;
}

export interface Decision {
  decision: 'approve' | 'reject';
  reasons: Reason[];
}

/** Which policy rule governs a finding, and what it does with it. */
export function classify(
  f: Finding,
  policy: Policy,
  isRootPackage: boolean,
): { rule: string; action: Action } {
  const threshold = (t: Severity): Action =>
    atLeast(f.severity, t) ? 'reject' : f.severity === 'info' ? 'info' : 'warn';
  switch (f.rule) {
    case 'malware':
      return { rule: 'malware', action: 'reject' };
    case 'vulnerability':
      return { rule: 'vulnerabilities', action: threshold(policy.vulnerabilities.severity) };
    case 'vulnerability-check-failed':
      return {
        rule: 'vulnerability-check',
        action: policy.vulnerabilities['on-unavailable'] === 'fail' ? 'reject' : 'warn',
      };
    case 'vulnerability-check-skipped':
    case 'suppression-unused':
    case 'suppression-expired':
      return {
        rule: f.rule.startsWith('suppression') ? 'suppressions' : 'vulnerability-check',
        action: 'info',
      };
    case 'introspection-failed':
    case 'introspection-malformed':
      return { rule: 'introspection', action: policy.introspection.failed };
    case 'manifest-changed-between-launches':
    case 'introspection-tampered':
      return { rule: 'introspection', action: policy.introspection.changed };
    case 'deprecated':
      return { rule: 'hygiene', action: policy.hygiene.deprecated };
    case 'server-not-npm':
      return { rule: 'hygiene', action: policy.hygiene['not-npm'] };
    case 'recently-published':
      return { rule: 'hygiene', action: 'reject' };
    case 'install-script': {
      const denied =
        policy.capabilities.deny.includes('install-scripts') ||
        (!isRootPackage && policy.capabilities.dependencies.deny.includes('install-scripts'));
      // not denied: it still counts like any finding of its severity (fail-on)
      return { rule: 'capabilities', action: denied ? 'reject' : threshold(policy['fail-on']) };
    }
    case 'lock-integrity-mismatch':
      return { rule: 'lockfile', action: 'reject' };
    case 'lock-unpinned':
      return { rule: 'lockfile', action: policy.lockfile.unpinned };
    case 'lock-missing':
      return { rule: 'lockfile', action: policy.lockfile.missing };
  }
  if (f.rule.startsWith('lock-')) {
    // an info-level change (a capability lost) is shown, never blocking
    return { rule: 'lockfile', action: f.severity === 'info' ? 'info' : policy.lockfile.changes };
  }
  if (f.category === 'tool-text')
    return { rule: 'tool-text', action: threshold(policy['tool-text'].severity) };
  if (f.rule === 'license-denied' || f.rule === 'license-unknown') {
    return {
      rule: 'licenses',
      action:
        f.rule === 'license-denied' ? 'reject' : policy.licenses.unknown === 'reject' ? 'reject' : 'warn',
    };
  }
  if (f.rule === 'capability-denied') return { rule: 'capabilities', action: 'reject' };
  if (f.rule === 'server-denied' || f.rule === 'server-not-allowed' || f.rule === 'package-denied') {
    return { rule: 'lists', action: 'reject' };
  }
  return { rule: 'findings', action: threshold(policy['fail-on']) };
}

/** Findings only the policy can make: licenses, denied capabilities, allow/deny lists. */
export function policyFindings(s: ServerReport, policy: Policy, now: Date = new Date()): Finding[] {
  const out: Finding[] = [];
  const server = s.package.name;
  const everyone = [
    { name: s.package.name, version: s.package.version, license: s.package.license, path: [s.package.name] },
    ...s.dependencies.filter((d) => !d.skipped),
  ];

  // lists
  for (const ref of policy.servers.deny) {
    const r = parsePackageRef(ref);
    if (r && refMatches(r, server, s.package.version)) {
      out.push({
        rule: 'server-denied',
        severity: 'critical',
        message: `the server ${server}@${s.package.version} is on the policy's servers.deny list (${ref})`,
        package: server,
        version: s.package.version,
      });
    }
  }
  if (
    policy.servers.allow &&
    !policy.servers.allow.some((ref) => {
      const r = parsePackageRef(ref);
      return r && refMatches(r, server, s.package.version);
    })
  ) {
    out.push({
      rule: 'server-not-allowed',
      severity: 'high',
      message: `the server ${server}@${s.package.version} is not on the policy's servers.allow list`,
      package: server,
      version: s.package.version,
    });
  }
  for (const ref of policy.packages.deny) {
    const r = parsePackageRef(ref);
    if (!r) continue;
    for (const p of everyone) {
      if (refMatches(r, p.name, p.version)) {
        out.push({
          rule: 'package-denied',
          severity: 'critical',
          message: `${p.name}@${p.version} is on the policy's packages.deny list (${ref})`,
          package: p.name,
          version: p.version,
          path: p.path,
        });
      }
    }
  }

  // very new releases: attackers publish a malicious version and strike within hours
  const minDays = policy.hygiene['min-age-days'];
  if (minDays > 0) {
    const withTimes = [
      { name: server, version: s.package.version, published: s.package.published, path: [server] },
      ...s.dependencies.filter((d) => !d.skipped),
    ];
    for (const p of withTimes) {
      if (!p.published) continue;
      const ageMs = now.getTime() - Date.parse(p.published);
      if (ageMs < minDays * 86_400_000) {
        const hours = Math.max(0, Math.floor(ageMs / 3_600_000));
        out.push({
          rule: 'recently-published',
          severity: 'medium',
          message: `${p.name}@${p.version} was published ${hours < 48 ? `${hours} hour${hours === 1 ? '' : 's'}` : `${Math.floor(hours / 24)} days`} ago (${p.published}); the policy waits ${minDays} day${minDays === 1 ? '' : 's'} before trusting a release (hygiene.min-age-days)`,
          package: p.name,
          version: p.version,
          path: p.path,
          published: p.published,
        });
      }
    }
  }

  // licenses
  const deny = new Set(policy.licenses.deny);
  const allow = policy.licenses.allow ? new Set(policy.licenses.allow) : undefined;
  for (const p of everyone) {
    const verdict = licenseVerdict(p.license, allow, deny);
    if (verdict === 'unknown') {
      if (policy.licenses.unknown !== 'allow') {
        out.push({
          rule: 'license-unknown',
          severity: 'low',
          message: `${p.name}@${p.version} declares no license mcp-vet can read${p.license ? ` ("${p.license}")` : ''}`,
          package: p.name,
          version: p.version,
          path: p.path,
        });
      }
    } else if (verdict !== 'ok') {
      out.push({
        rule: 'license-denied',
        severity: 'high',
        message: `${p.name}@${p.version} is licensed ${p.license}: ${verdict}`,
        package: p.name,
        version: p.version,
        path: p.path,
        license: p.license,
      });
    }
  }

  // capabilities
  const caps = s.permissions?.capabilities as
    Record<string, { package: string; version: string; own?: boolean; evidence?: unknown[] }[]> | undefined;
  if (caps) {
    const allowed = new Set<string>([...(policy.capabilities.allow[server] ?? [])]);
    for (const [cap, holders] of Object.entries(caps)) {
      if (cap === 'urls' || cap === 'sensitive-paths') continue;
      const globally = policy.capabilities.deny.includes(cap as CapabilityName);
      const inDeps = policy.capabilities.dependencies.deny.includes(cap as CapabilityName);
      if (!globally && !inDeps) continue;
      if (cap === 'install-scripts') continue; // the install-script findings carry it, per package
      for (const h of holders) {
        if (allowed.has(cap) || (policy.capabilities.allow[h.package] ?? []).includes(cap as CapabilityName))
          continue;
        if (!globally && h.own) continue;
        out.push({
          rule: 'capability-denied',
          severity: 'high',
          message: `${h.own ? 'the server' : 'the dependency'} ${h.package}@${h.version} has the capability "${cap}", which the policy denies${globally ? '' : ' in dependencies'} (capabilities.${globally ? 'deny' : 'dependencies.deny'})`,
          package: h.package,
          version: h.version,
          capability: cap,
          ...(h.evidence ? { evidence: h.evidence.slice(0, 3) } : {}),
        });
      }
    }
  }
  return out;
}

type LicenseVerdict = 'ok' | 'unknown' | string;

/** Evaluates an SPDX expression against the allow and deny lists: OR needs one side, AND both. */
export function licenseVerdict(
  expr: string | undefined,
  allow: Set<string> | undefined,
  deny: Set<string>,
): LicenseVerdict {
  if (!expr || /^(UNLICENSED|SEE LICENSE IN)/i.test(expr)) return 'unknown';
  let ast: unknown;
  try {
    ast = parseSpdx(expr);
  } catch {
    return 'unknown';
  }
  type Node = {
    license?: string;
    plus?: boolean;
    exception?: string;
    conjunction?: 'and' | 'or';
    left?: Node;
    right?: Node;
  };
  const ok = (n: Node): boolean => {
    if (n.conjunction === 'or') return ok(n.left!) || ok(n.right!);
    if (n.conjunction === 'and') return ok(n.left!) && ok(n.right!);
    const id = n.license!;
    if (deny.has(id)) return false;
    return allow ? allow.has(id) : true;
  };
  if (ok(ast as Node)) return 'ok';
  return allow
    ? 'no choice of its licenses is on licenses.allow'
    : 'every choice of its licenses is on licenses.deny';
}

/** Suppression matching: by policy rule or finding rule, advisory id (or alias), package, server. */
export function suppressionMatches(s: Suppression, f: Finding, policyRule: string, server: string): boolean {
  if (s.rule && s.rule !== policyRule && s.rule !== f.rule) return false;
  if (s.id) {
    const names = [f.id, ...(Array.isArray(f.aliases) ? (f.aliases as string[]) : [])];
    if (!names.includes(s.id)) return false;
  }
  if (s.package && s.package !== f.package && s.package !== `${String(f.package)}@${String(f.version)}`)
    return false;
  if (s.server && s.server !== server) return false;
  return true;
}

/**
 * Applies the policy to every server's findings (in place: policy findings are added, each finding
 * gets `policy`, suppressed ones get `suppressed`), then decides.
 */
export function evaluate(
  servers: ServerReport[],
  policy: Policy,
  now: Date,
  opts: { policyFindings?: boolean } = {},
): Decision {
  const used = new Set<Suppression>();
  const expiredHit = new Set<Suppression>();
  for (const s of servers) {
    if (opts.policyFindings !== false) s.findings.push(...policyFindings(s, policy, now));
    for (const f of s.findings) {
      if (f.rule === 'suppression-unused' || f.rule === 'suppression-expired') continue;
      const root = f.package === s.package.name && f.version === s.package.version;
      const classified = classify(f, policy, root);
      const { rule } = classified;
      let { action } = classified;
      // a pull request is judged on what it brings: problems the approved lock already had are
      // listed apart (policy baseline.existing), except malware
      if (f.preexisting && action === 'reject' && rule !== 'malware' && policy.baseline.existing === 'warn') {
        action = 'warn';
      }
      f.policy = { rule, action, doc: docUrl(rule), ...(f.preexisting ? { preexisting: true } : {}) };
      if (rule === 'malware') continue; // never suppressible
      for (const sup of policy.suppressions) {
        const serverName = typeof f.server === 'string' ? f.server : s.package.name;
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
  // findings about the suppressions themselves (on the first server: one policy per run)
  const about: Finding[] = [];
  for (const sup of policy.suppressions) {
    const what =
      `${sup.rule ?? ''}${sup.id ? ` ${sup.id}` : ''}${sup.package ? ` for ${sup.package}` : ''}${sup.server ? ` on ${sup.server}` : ''}`.trim();
    if (expiredHit.has(sup) && !used.has(sup)) {
      about.push({
        rule: 'suppression-expired',
        severity: 'info',
        message: `the suppression of ${what} (${sup.source}) expired on ${sup.expires} and no longer applies; fix the finding, or renew it with a reason`,
        ...(sup.id ? { id: sup.id } : {}),
        source: sup.source,
      });
    } else if (!used.has(sup) && !expiredHit.has(sup)) {
      about.push({
        rule: 'suppression-unused',
        severity: 'info',
        message: `the suppression of ${what} (${sup.source}) matched no finding; remove it if it is stale`,
        ...(sup.id ? { id: sup.id } : {}),
        source: sup.source,
      });
    }
  }
  for (const f of about) f.policy = { rule: 'suppressions', action: 'info', doc: docUrl('suppressions') };
  if (servers[0]) servers[0].findings.push(...about);

  const reasons: Reason[] = [];
  for (const s of servers) {
    s.findings.sort(
      (a, b) =>
        RANK[b.severity] - RANK[a.severity] ||
        (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
        (a.message < b.message ? -1 : 1),
    );
    for (const f of s.findings) {
      const p = f.policy as { rule: string; action: Action } | undefined;
      if (p?.action === 'reject' && !f.suppressed) {
        reasons.push({
          server: `${s.package.name}@${s.package.version}`,
          rule: p.rule,
          severity: f.severity,
          message: f.message,
          finding: f.rule,
        });
      }
    }
  }
  reasons.sort((a, b) => RANK[b.severity] - RANK[a.severity]);
  return { decision: reasons.length ? 'reject' : 'approve', reasons };
}

/**
 * For findings that belong to no single vetted tree (`mcp-vet check`, `diff`: config and lockfile
 * findings, each naming its `server`): the same classification, suppressions and decision.
 */
export function evaluateFindings(findings: Finding[], policy: Policy, now: Date, label: string): Decision {
  const pseudo = {
    spec: label,
    registry: '',
    package: { name: label, version: '', integrity: null },
    dependencies: [],
    findings,
    stats: { packages: 0, skipped: 0, bundled: 0, downloaded: 0, fromCache: 0 },
  } as ServerReport;
  const d = evaluate([pseudo], policy, now, { policyFindings: false });
  for (const r of d.reasons) r.server = label;
  return d;
}
