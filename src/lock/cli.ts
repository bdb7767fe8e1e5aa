/**
 * The `lock`, `check` and `diff` commands at the CLI edge: options in, text out, an exit code.
 */
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { EXIT, VetError } from '../errors.js';
import type { Finding, Severity } from '../model.js';
import { evaluateFindings } from '../policy/engine.js';
import { resolvePolicy } from '../policy/policy.js';
import type { CliIO } from '../cli/main.js';
import { VERSION } from '../version.js';
import { makeVisible } from '../tools/unicode.js';
import { runCheck, runLock } from './commands.js';
import { changeToFinding, diffLocks } from './diff.js';
import { LOCKFILE_NAME, readLock } from './format.js';
import { renderChanges } from './render.js';

interface Values {
  registry?: string;
  userconfig?: string;
  format?: string;
  'cache-dir'?: string;
  'prefer-online'?: boolean;
  'no-capabilities'?: boolean;
  'no-introspect'?: boolean;
  'introspect-timeout'?: string;
  config?: string[];
  user?: boolean;
  lock?: string;
  all?: boolean;
  'fail-on'?: string;
  policy?: string;
}

interface Helpers {
  defaultCacheDir: (env: NodeJS.ProcessEnv) => string;
  usageError: (message: string) => VetError;
  warn: (message: string) => void;
}

const SEVERITIES: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

export async function lockCli(
  command: 'lock' | 'check' | 'diff',
  rest: string[],
  values: Values,
  io: CliIO,
  h: Helpers,
): Promise<number> {
  const failOnFlag = values['fail-on'] as Severity | undefined;
  if (failOnFlag !== undefined && (!SEVERITIES.includes(failOnFlag) || failOnFlag === 'info'))
    throw h.usageError(`--fail-on must be low, medium, high or critical, not "${values['fail-on']}"`);
  // one decision engine: the policy (.mcp-vet.yml, --policy, else the default preset)
  const loaded = resolvePolicy({ ref: values.policy, cwd: io.cwd, failOn: failOnFlag });
  const failOn = loaded.policy['fail-on'];
  const decideOn = (findings: Finding[]) =>
    evaluateFindings(findings, loaded.policy, new Date(), 'configs and lockfile');
  if (command === 'diff') return diffCommand(rest, values, io, h, decideOn);
  if (rest.length) throw h.usageError(`"${command}" takes no positional arguments (got "${rest[0]}")`);
  const format = values.format ?? (io.isTTY ? 'text' : 'json');
  if (format !== 'json' && format !== 'text')
    throw h.usageError(`--format must be json or text, not "${format}"`);
  const timeoutText = values['introspect-timeout'];
  const introspectTimeoutMs = timeoutText === undefined ? undefined : Number(timeoutText);
  if (
    introspectTimeoutMs !== undefined &&
    (!/^\d+$/.test(timeoutText!) || introspectTimeoutMs < 100 || introspectTimeoutMs > 600_000)
  )
    throw h.usageError(
      `--introspect-timeout must be a number of milliseconds from 100 to 600000, not "${timeoutText}"`,
    );
  const input = {
    root: io.cwd,
    configs: values.config,
    userHome: values.user ? io.env.HOME || io.env.USERPROFILE || homedir() : undefined,
    lockFile: resolve(io.cwd, values.lock ?? LOCKFILE_NAME),
    all: values.all,
    progress: (m: string) => io.stderr(`mcp-vet: ${m}\n`),
    vet: {
      registry: values.registry,
      userconfig: values.userconfig ? resolve(io.cwd, values.userconfig) : undefined,
      cacheDir: resolve(io.cwd, values['cache-dir'] ?? h.defaultCacheDir(io.env)),
      projectDir: io.cwd,
      env: io.env,
      preferOnline: values['prefer-online'],
      capabilities: !values['no-capabilities'],
      introspect: !values['no-introspect'],
      introspectTimeoutMs,
      clientVersion: VERSION,
      warn: h.warn,
    },
  };
  if (command === 'lock') {
    const r = await runLock(input);
    const name = values.lock ?? LOCKFILE_NAME;
    if (format === 'json') {
      io.stdout(
        `${JSON.stringify({ schemaVersion: 1, command: 'lock', lockFile: name, vetted: r.vetted, kept: r.kept, findings: r.findings, changes: r.changes }, null, 2)}\n`,
      );
    } else {
      io.stdout(
        `wrote ${name}: ${Object.keys(r.lock.servers).length} server(s), ${r.vetted.length} vetted, ${r.kept.length} unchanged\n`,
      );
      if (r.findings.length) io.stdout(renderFindings(r.findings));
      if (r.changes.length)
        io.stdout(
          `\nchanges to review in the lockfile diff:\n${renderChanges(r.changes, { format: 'text' })}`,
        );
    }
    return EXIT.approve;
  }
  const r = await runCheck(input);
  const { decision, reasons } = decideOn(r.findings);
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify({ schemaVersion: 1, tool: { name: 'mcp-vet', version: VERSION }, command: 'check', decision, failOn, policy: { files: loaded.files, ...(loaded.preset ? { preset: loaded.preset } : {}) }, reasons, ...r }, null, 2)}\n`,
    );
  } else {
    io.stdout(
      `${decision === 'approve' ? 'APPROVE' : 'REJECT'}: ${r.servers.length} server(s) checked against ${r.lockFile}${r.changes.length ? `, ${r.changes.length} change(s)` : ', no changes'}\n`,
    );
    const other = r.findings.filter(
      (f) => !f.kind || !String(f.rule).startsWith('lock-') || f.rule === 'lock-unpinned',
    );
    const configFindings = other.filter(
      (f) => !r.changes.some((c) => c.rule === f.rule && c.message === f.message),
    );
    if (configFindings.length) io.stdout(renderFindings(configFindings));
    if (r.changes.length) io.stdout(`\n${renderChanges(r.changes, { format: 'text' })}`);
  }
  return decision === 'approve' ? EXIT.approve : EXIT.reject;
}

function renderFindings(findings: Finding[]): string {
  return findings
    .map((f) => `  ${f.severity.toUpperCase().padEnd(8)} ${f.rule}: ${makeVisible(f.message, 2000)}\n`)
    .join('');
}

async function diffCommand(
  rest: string[],
  values: Values,
  io: CliIO,
  h: Helpers,
  decideOn: (findings: Finding[]) => { decision: 'approve' | 'reject' },
): Promise<number> {
  if (rest.length !== 2)
    throw h.usageError(`"diff" takes OLD_LOCK and NEW_LOCK, got ${rest.length} argument(s)`);
  const format = values.format ?? 'text';
  if (format !== 'json' && format !== 'text' && format !== 'markdown')
    throw h.usageError(`--format must be text, markdown or json, not "${format}"`);
  const [oldPath, newPath] = rest as [string, string];
  const load = async (p: string) => {
    const l = await readLock(resolve(io.cwd, p), p);
    if (!l) throw new VetError('E_USAGE', `${p} does not exist`);
    return l;
  };
  const changes = diffLocks(await load(oldPath), await load(newPath));
  const findings = changes.map(changeToFinding);
  const { decision } = decideOn(findings);
  if (format === 'json')
    io.stdout(`${JSON.stringify({ schemaVersion: 1, command: 'diff', decision, changes }, null, 2)}\n`);
  else io.stdout(renderChanges(changes, { format }));
  return decision === 'approve' ? EXIT.approve : EXIT.reject;
}
