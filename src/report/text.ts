/**
 * The report for people: verdict first, then the reasons. Pure: returns a string; colour is
 * decided by the caller (only on a TTY, and never with NO_COLOR).
 */
import type { Permissions } from '../capabilities/surface.js';
import type { Capability } from '../capabilities/types.js';
import type { Finding, Severity } from '../model.js';
import type { ServerManifest } from '../manifest/types.js';
import type { Report } from '../pipeline/vet.js';

export interface TextOptions {
  color: boolean;
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, gray: 90, bold: 1 } as const;

export function renderText(report: Report, o: TextOptions): string {
  const paint = (code: keyof typeof CODES, s: string): string =>
    o.color ? `\x1b[${CODES[code]}m${s}\x1b[0m` : s;
  const sevColor: Record<Severity, keyof typeof CODES> = {
    critical: 'magenta',
    high: 'red',
    medium: 'yellow',
    low: 'blue',
    info: 'gray',
  };
  const lines: string[] = [];
  const verdict =
    report.decision === 'approve'
      ? paint('green', paint('bold', '✔ APPROVE'))
      : paint('red', paint('bold', '✘ REJECT'));
  const names = report.servers.map((s) => `${s.package.name}@${s.package.version}`).join(', ');
  const nFindings = report.servers.reduce((n, s) => n + s.findings.filter((f) => !f.suppressed).length, 0);
  const nSuppressed = report.servers.reduce((n, s) => n + s.findings.filter((f) => f.suppressed).length, 0);
  lines.push(
    `${verdict}  ${names}  (${plural(nFindings, 'finding')}${nSuppressed ? `, ${nSuppressed} suppressed` : ''}; policy: ${report.policy.files.join(' ← ')})`,
  );
  // why, first: the findings the policy rejects on
  for (const r of report.reasons.slice(0, 10)) {
    lines.push(`  ${paint('red', '✘')} ${paint('bold', r.rule)}: ${sanitize(r.message)}`);
  }
  if (report.reasons.length > 10) lines.push(`  … and ${report.reasons.length - 10} more reasons below`);
  for (const s of report.servers) {
    const st = s.stats;
    const extra = [
      st.skipped ? `${st.skipped} skipped on this platform` : '',
      st.bundled ? `${st.bundled} bundled` : '',
    ].filter(Boolean);
    lines.push('');
    lines.push(
      `${paint('bold', `${s.package.name}@${s.package.version}`)}  ${plural(st.packages, 'package')}${extra.length ? ` (${extra.join(', ')})` : ''}  from ${s.registry}`,
    );
    lines.push(
      paint(
        'gray',
        `  integrity ${s.package.integrity ?? 'n/a'}; ${plural(st.downloaded, 'tarball')} downloaded and verified, ${st.fromCache} from cache`,
      ),
    );
    const v = s.vulnerabilities;
    if (v && v.status !== 'skipped') {
      const counts = (['critical', 'high', 'medium', 'low'] as const)
        .filter((k) => v.bySeverity[k])
        .map((k) => `${v.bySeverity[k]} ${k}`);
      lines.push(
        paint(
          'gray',
          v.status === 'ok'
            ? `  advisories: ${plural(v.packages, 'package')} checked against ${v.location}: ${v.advisories ? `${plural(v.advisories, 'advisory', 'advisories')} (${counts.join(', ')})` : 'none known'}`
            : `  advisories: NOT CHECKED (${v.location} could not answer)`,
        ),
      );
    }
    if (s.permissions) lines.push(...permissionLines(s.permissions).map((l) => `  ${l}`));
    if (s.manifest) lines.push(paint('gray', `  ${manifestLine(s.manifest)}`));
    for (const f of s.findings.filter((x) => !x.suppressed)) {
      lines.push(`  ${paint(sevColor[f.severity], f.severity.toUpperCase().padEnd(8))} ${line(f)}`);
      for (const d of details(f)) lines.push(paint('gray', `           ${d}`));
    }
    const suppressed = s.findings.filter((x) => x.suppressed);
    if (suppressed.length) {
      lines.push(paint('gray', '  suppressed (not counted):'));
      for (const f of suppressed) {
        const sup = f.suppressed as { reason: string; expires: string; source: string };
        lines.push(
          paint('gray', `  ${f.severity.padEnd(8)} ${line(f)}`),
          paint(
            'gray',
            `           suppressed until ${sup.expires} (${sup.source}): ${sanitize(sup.reason)}`,
          ),
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Second lines for advisories: score, fixed versions, what to do. */
function details(f: Finding): string[] {
  if (f.rule !== 'vulnerability' && f.rule !== 'malware') return [];
  const out: string[] = [];
  const score = typeof f.score === 'number' ? `CVSS ${f.score.toFixed(1)}` : 'no CVSS score';
  const aliases =
    Array.isArray(f.aliases) && f.aliases.length ? ` (${(f.aliases as string[]).join(', ')})` : '';
  const fixed =
    Array.isArray(f.fixed) && f.fixed.length
      ? `fixed in ${(f.fixed as string[]).join(', ')}`
      : Array.isArray(f.lastAffected) && f.lastAffected.length
        ? `affected up to and including ${(f.lastAffected as string[]).join(', ')}`
        : 'no fixed version named';
  out.push(`${score}${aliases}; ${fixed}; ${String(f.url ?? '')}`);
  if (typeof f.remediation === 'string') out.push(`→ ${sanitize(f.remediation)}`);
  if (f.expiredSuppression) {
    const e = f.expiredSuppression as { expires: string; source: string };
    out.push(`(a suppression at ${e.source} expired on ${e.expires})`);
  }
  return out;
}

function permissionLines(p: Permissions): string[] {
  const out: string[] = [];
  const count = (cap: Capability): string => {
    const n = (p.capabilities[cap] ?? []).filter((e) => !e.own).length;
    return `${cap} (${n})`;
  };
  const a = p.analysis;
  if (a.packages > 0) {
    out.push(
      `capabilities of its own code: ${p.own.length ? p.own.join(', ') : 'none found'}`,
      `brought by dependencies: ${p.dependencies.length ? p.dependencies.map(count).join(', ') : 'none found'}`,
    );
  }
  const d = p.declared;
  const declared = [
    ...d.env.map((e) => `env ${sanitize(e.name)}${e.secret ? ' (secret)' : ''}`),
    ...d.inputs.map((i) => `${i.type} ${sanitize(i.name)}`),
    ...d.remotes.map((r) => `remote ${sanitize(r.url)}`),
  ];
  if (d.sources.length) {
    out.push(`declared (${d.sources.join(', ')}): ${declared.length ? declared.join(', ') : 'nothing'}`);
  }
  return out;
}

function manifestLine(m: ServerManifest): string {
  const counts = [
    plural(m.tools.length, 'tool'),
    plural(m.prompts.length, 'prompt'),
    plural(m.resources.length, 'resource'),
    plural(m.resourceTemplates.length, 'resource template'),
  ].join(', ');
  const how =
    m.source === 'introspection' ? 'introspected' : 'static (package files and code, not a running server)';
  const c = m.containment;
  const sandbox = c
    ? `; sandbox: allow-listed env, temporary HOME, ${c.network === 'namespace' ? `no network (${c.networkTool ?? 'namespace'})` : 'network NOT isolated'}, ${c.timeoutMs} ms timeout`
    : '';
  return `manifest ${how}: ${counts}${sandbox}`;
}

function line(f: Finding): string {
  const path = Array.isArray(f.path) && f.path.length > 1 ? `  [${(f.path as string[]).join(' › ')}]` : '';
  return `${f.rule}: ${sanitize(f.message)}${path}`;
}

// C0 controls except TAB and LF, DEL, C1 controls (ESC sequences start here)
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text from packages is untrusted: strip control characters so it can't drive the terminal. */
export function sanitize(s: string): string {
  return s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
