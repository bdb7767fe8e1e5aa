/**
 * The report for people: verdict first, then the reasons. Pure: returns a string; colour is
 * decided by the caller (only on a TTY, and never with NO_COLOR).
 */
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
  const nFindings = report.servers.reduce((n, s) => n + s.findings.length, 0);
  lines.push(`${verdict}  ${names}  (${plural(nFindings, 'finding')}; fails on ${report.failOn} or worse)`);
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
    if (s.manifest) lines.push(paint('gray', `  ${manifestLine(s.manifest)}`));
    for (const f of s.findings)
      lines.push(`  ${paint(sevColor[f.severity], f.severity.toUpperCase().padEnd(8))} ${line(f)}`);
  }
  return `${lines.join('\n')}\n`;
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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
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
