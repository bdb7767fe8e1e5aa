/**
 * The CLI edge: argv and environment in, text out, an exit code back. Nothing below this file
 * prints or exits. Exit codes: 0 approve, 1 reject, 2 usage or input error, 3 a required
 * external service was unavailable.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeError, EXIT, exitCodeFor, VetError } from '../errors.js';
import type { Severity } from '../model.js';
import { vetPackage } from '../pipeline/vet.js';
import { renderText } from '../report/text.js';
import type { SpecVersion } from '../sbom/cyclonedx.js';
import { VERSION } from '../version.js';
import { docUrl, FINDING_TO_RULE, ruleDoc, RULES } from '../policy/rules.js';
import type { VulnSource } from '../vuln/source.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  isTTY: boolean;
  /** Reads all of standard input (for `scan-tools -`). */
  readStdin?: () => Promise<string>;
}

const USAGE = `mcp-vet ${VERSION} — vet an MCP server's npm package before an AI agent runs it

Usage:
  mcp-vet vet <spec> [--registry URL] [--format json|text] [--sbom FILE] [--reproducible] [--cache-dir DIR]
              [--osv-url URL | --osv-db PATH | --no-vulns] [--on-unavailable fail|warn] [--policy FILE]
              [--no-capabilities] [--no-introspect] [--introspect-timeout MS]
  mcp-vet sbom <spec> [-o FILE] [--spec-version 1.5|1.6|1.7] [--reproducible] [--registry URL] [--cache-dir DIR]
  mcp-vet scan-tools <FILE|-> [--fail-on SEVERITY] [--format json|text]
  mcp-vet lock [--config FILE]... [--user] [--lock FILE] [--all]
  mcp-vet check [--config FILE]... [--user] [--lock FILE] [--fail-on SEVERITY] [--format json|text]
  mcp-vet diff OLD_LOCK NEW_LOCK [--format text|markdown|json] [--fail-on SEVERITY]
  mcp-vet explain <RULE>
  mcp-vet policy show [--policy FILE|PRESET] [--format yaml|json]
  mcp-vet --version | --help

scan-tools checks tool definitions for tool poisoning, offline: FILE is a tools/list result
{"tools": [...]}, a JSON array of tools, or JSON Lines with one tool (or {"tool": {...}}) per line;
- reads standard input. It exits 1 when a finding is at or above --fail-on (default medium).

lock writes mcp-vet.lock.json for every server in the repository's MCP configs (.mcp.json,
.cursor/mcp.json, .vscode/mcp.json, …; --config overrides discovery); check verifies, without
writing, that configs, registry and lock agree (exit 1 on any difference at --fail-on, default
low); diff prints what changed between two lockfiles.

<spec> is name, name@version, name@range or name@tag (scoped names too), e.g.
  @modelcontextprotocol/server-filesystem@2025.8.21   mcp-remote@^0.1   some-server@latest

Options:
  --registry URL        npm registry (default: from .npmrc, else https://registry.npmjs.org/)
  --userconfig FILE     the user .npmrc to read (default: $NPM_CONFIG_USERCONFIG or ~/.npmrc)
  --format json|text    vet report format (default: text on a terminal, json otherwise)
  --sbom FILE           vet: also write a CycloneDX SBOM to FILE
  -o, --output FILE     sbom: write to FILE instead of stdout
  --spec-version V      CycloneDX version: 1.5, 1.6 (default) or 1.7
  --reproducible        SBOM without serial number and timestamp, everything sorted
  --cache-dir DIR       cache for packuments and verified packages (default: $MCP_VET_CACHE_DIR,
                        else $XDG_CACHE_HOME/mcp-vet, else ~/.cache/mcp-vet)
  --prefer-online       revalidate every cached packument with the registry
  --osv-url URL         OSV API for advisories (default: $MCP_VET_OSV_URL, else https://api.osv.dev)
  --osv-db PATH         offline OSV database instead: a directory of OSV JSON records or
                        osv.dev's npm all.zip (default: $MCP_VET_OSV_DB when set)
  --no-vulns            skip the vulnerability check (the report says it was skipped)
  --on-unavailable M    when the vulnerability source can't answer: fail (default: reject,
                        exit 3) or warn (report it and decide on the rest)
  --policy FILE|PRESET  the policy (YAML file, or preset: default, strict); default: .mcp-vet.yml
                        when present, else the default preset
  --fail-on SEVERITY    alias: sets the policy's fail-on, vulnerabilities and tool-text thresholds
  --no-capabilities     vet: skip the static analysis of what the code can do
  --no-introspect       do not start the server; read its tools from package files and code only
  --introspect-timeout MS
                        per launch of the server when introspecting (default 10000)
  --config FILE         lock/check: read this MCP config instead of discovering them (repeatable)
  --user                lock/check: also read the user-scope configs (~/.claude.json,
                        ~/.cursor/mcp.json, VS Code's and Claude Desktop's user files, …)
  --lock FILE           lock/check: the lockfile (default mcp-vet.lock.json)
  --all                 lock: re-vet every server, not only those whose config changed

Exit codes: 0 approve, 1 reject, 2 usage or input error, 3 registry or vulnerability source
unavailable (the vet report is still printed).
`;

const OPTIONS = {
  registry: { type: 'string' },
  userconfig: { type: 'string' },
  format: { type: 'string' },
  sbom: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'spec-version': { type: 'string' },
  reproducible: { type: 'boolean' },
  'fail-on': { type: 'string' },
  'cache-dir': { type: 'string' },
  'prefer-online': { type: 'boolean' },
  'osv-url': { type: 'string' },
  'osv-db': { type: 'string' },
  'no-vulns': { type: 'boolean' },
  'on-unavailable': { type: 'string' },
  policy: { type: 'string' },
  'no-capabilities': { type: 'boolean' },
  'no-introspect': { type: 'boolean' },
  'introspect-timeout': { type: 'string' },
  config: { type: 'string', multiple: true },
  user: { type: 'boolean' },
  lock: { type: 'string' },
  all: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsConfig['options'];

const LOCK_OPTIONS = [
  'registry',
  'userconfig',
  'format',
  'cache-dir',
  'prefer-online',
  'no-capabilities',
  'no-introspect',
  'introspect-timeout',
  'config',
  'user',
  'lock',
];

const PER_COMMAND: Record<string, Set<string>> = {
  lock: new Set([...LOCK_OPTIONS, 'all']),
  check: new Set([...LOCK_OPTIONS, 'fail-on', 'policy']),
  diff: new Set(['format', 'fail-on', 'policy']),
  'scan-tools': new Set(['format', 'fail-on']),
  explain: new Set([]),
  policy: new Set(['policy', 'format']),
  vet: new Set([
    'registry',
    'userconfig',
    'format',
    'sbom',
    'spec-version',
    'reproducible',
    'fail-on',
    'cache-dir',
    'prefer-online',
    'osv-url',
    'osv-db',
    'no-vulns',
    'on-unavailable',
    'policy',
    'no-capabilities',
    'no-introspect',
    'introspect-timeout',
  ]),
  sbom: new Set([
    'registry',
    'userconfig',
    'output',
    'spec-version',
    'reproducible',
    'cache-dir',
    'prefer-online',
  ]),
};

const SEVERITIES: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
/** Mirrors SPEC_VERSIONS in sbom/cyclonedx.ts without loading the CycloneDX library. */
const SPEC_VERSIONS: readonly SpecVersion[] = ['1.5', '1.6', '1.7'];

export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.MCP_VET_CACHE_DIR) return env.MCP_VET_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'mcp-vet');
  return join(homedir(), '.cache', 'mcp-vet');
}

function usageError(message: string): VetError {
  return new VetError('E_USAGE', `${message} (run "mcp-vet --help" for usage)`);
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    io.stderr(`mcp-vet: E_USAGE: ${(err as Error).message} (run "mcp-vet --help" for usage)\n`);
    return EXIT.input;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT.approve;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    io.stdout(USAGE);
    return EXIT.approve;
  }
  if (!command) {
    // a usage error: the usage goes to stderr so `mcp-vet > report.json` never captures it
    io.stderr(USAGE);
    return EXIT.input;
  }

  const warn = (m: string): void => io.stderr(`mcp-vet: warning: ${m}\n`);
  try {
    const allowed = PER_COMMAND[command];
    if (!allowed)
      throw usageError(
        `unknown command "${command}"; the commands are vet, sbom, scan-tools, lock, check, diff, explain and policy`,
      );
    for (const key of Object.keys(values)) {
      if (!allowed.has(key)) throw usageError(`--${key} does not apply to "${command}"`);
    }
    if (command === 'scan-tools') return await scanToolsCommand(rest, values, io);
    if (command === 'lock' || command === 'check' || command === 'diff') {
      const { lockCli } = await import('../lock/cli.js');
      return await lockCli(command, rest, values, io, { defaultCacheDir, usageError, warn });
    }
    if (command === 'explain') return explainCommand(rest, io);
    if (command === 'policy') return await policyCommand(rest, values, io);
    if (rest.length !== 1) throw usageError(`"${command}" takes exactly one <spec>, got ${rest.length}`);
    const spec = rest[0]!;
    const specVersion = (values['spec-version'] ?? '1.6') as SpecVersion;
    if (!SPEC_VERSIONS.includes(specVersion)) {
      throw usageError(
        `--spec-version must be one of ${SPEC_VERSIONS.join(', ')}, not "${values['spec-version']}"`,
      );
    }
    const failOn = values['fail-on'] as Severity | undefined;
    if (failOn !== undefined && (!SEVERITIES.includes(failOn) || failOn === 'info')) {
      throw usageError(`--fail-on must be low, medium, high or critical, not "${values['fail-on']}"`);
    }
    const format = values.format ?? (io.isTTY ? 'text' : 'json');
    if (format !== 'json' && format !== 'text')
      throw usageError(`--format must be json or text, not "${format}"`);

    const onUnavailableFlag = values['on-unavailable'];
    if (onUnavailableFlag !== undefined && onUnavailableFlag !== 'fail' && onUnavailableFlag !== 'warn') {
      throw usageError(`--on-unavailable must be fail or warn, not "${onUnavailableFlag}"`);
    }
    const cacheDir = resolve(io.cwd, values['cache-dir'] ?? defaultCacheDir(io.env));
    // the policy decides; --fail-on and --on-unavailable are thin aliases over it
    // (loaded only for vet: the policy machinery is not part of an sbom run's start-up)
    const policy =
      command === 'vet'
        ? (await import('../policy/policy.js')).resolvePolicy({
            ref: values.policy,
            cwd: io.cwd,
            failOn,
            onUnavailable: onUnavailableFlag,
          })
        : undefined;
    const onUnavailable = policy?.policy.vulnerabilities['on-unavailable'] ?? 'fail';
    const vulnSource =
      command === 'vet' && !values['no-vulns'] ? await vulnSourceFor(values, io, cacheDir) : undefined;
    const timeoutText = values['introspect-timeout'];
    const introspectTimeoutMs = timeoutText === undefined ? undefined : Number(timeoutText);
    if (
      introspectTimeoutMs !== undefined &&
      (!/^\d+$/.test(timeoutText!) || introspectTimeoutMs < 100 || introspectTimeoutMs > 600_000)
    ) {
      throw usageError(
        `--introspect-timeout must be a number of milliseconds from 100 to 600000, not "${timeoutText}"`,
      );
    }

    const result = await vetPackage({
      spec,
      registry: values.registry,
      userconfig: values.userconfig ? resolve(io.cwd, values.userconfig) : undefined,
      cacheDir,
      projectDir: io.cwd,
      env: io.env,
      preferOnline: values['prefer-online'],
      // the SBOM command needs no permission surface
      permissions: command === 'vet',
      capabilities: !values['no-capabilities'],
      warn,
      vulnSource,
      onUnavailable,
      manifest: command === 'vet',
      introspect: !values['no-introspect'],
      introspectTimeoutMs,
      clientVersion: VERSION,
    });
    const sbomFile = command === 'sbom' ? values.output : values.sbom;
    if (command === 'sbom' || sbomFile) {
      // the CycloneDX library is only loaded when an SBOM is asked for
      const { buildSbom } = await import('../sbom/cyclonedx.js');
      const text = buildSbom(result.tree, {
        specVersion,
        reproducible: values.reproducible ?? false,
        toolName: 'mcp-vet',
        toolVersion: VERSION,
      });
      if (sbomFile) await writeOut(resolve(io.cwd, sbomFile), text);
      else io.stdout(text);
    }
    if (command === 'sbom') return EXIT.approve;

    const { decide } = await import('../pipeline/decide.js');
    const report = decide([result.server], VERSION, { policy });
    if (format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout(renderText(report, { color: io.isTTY && !io.env.NO_COLOR }));
    // fail closed: a check that could not run is a reject, and exit 3 says which kind
    if (onUnavailable === 'fail' && report.servers.some((s) => s.vulnerabilities?.status === 'failed')) {
      return EXIT.unavailable;
    }
    return report.decision === 'approve' ? EXIT.approve : EXIT.reject;
  } catch (err) {
    if (!(err instanceof VetError)) {
      // a bug, not a user error: still one line, but say where to look
      io.stderr(`mcp-vet: internal error: ${describeError(err)}\n`);
      if (io.env.MCP_VET_DEBUG) io.stderr(`${(err as Error)?.stack ?? ''}\n`);
      return EXIT.input;
    }
    io.stderr(`mcp-vet: ${describeError(err)}\n`);
    return exitCodeFor(err);
  }
}

async function vulnSourceFor(
  values: { 'osv-url'?: string; 'osv-db'?: string; userconfig?: string },
  io: CliIO,
  cacheDir: string,
): Promise<VulnSource> {
  // flags first (both at once is an error); else the environment, where a database wins
  const flagged = values['osv-url'] !== undefined || values['osv-db'] !== undefined;
  const osvUrl = flagged
    ? values['osv-url']
    : io.env.MCP_VET_OSV_DB
      ? undefined
      : io.env.MCP_VET_OSV_URL || undefined;
  const osvDb = flagged ? values['osv-db'] : io.env.MCP_VET_OSV_DB || undefined;
  const { makeVulnSource } = await import('../vuln/select.js');
  const { loadNpmConfig } = await import('../registry/npmrc.js');
  return makeVulnSource({
    osvUrl,
    osvDb: osvDb ? resolve(io.cwd, osvDb) : undefined,
    cacheDir,
    fetchOptions: loadNpmConfig({
      projectDir: io.cwd,
      env: io.env,
      userconfig: values.userconfig ? resolve(io.cwd, values.userconfig) : undefined,
    }).fetchOptions,
    timeoutMs: Number(io.env.MCP_VET_OSV_TIMEOUT_MS) || undefined,
  });
}

/** `mcp-vet explain RULE`: a rule's documentation (policy rules and the finding rules they govern). */
function explainCommand(rest: string[], io: CliIO): number {
  if (rest.length !== 1) {
    throw usageError(`"explain" takes one RULE; the rules are ${RULES.map((r) => r.id).join(', ')}`);
  }
  const id = rest[0]!;
  const doc = ruleDoc(id) ?? ruleDoc(FINDING_TO_RULE[id] ?? '');
  if (!doc) {
    throw usageError(`no rule "${id}"; the rules are ${RULES.map((r) => r.id).join(', ')}`);
  }
  const via = doc.id !== id ? `(${id} findings are governed by the rule ${doc.id})\n\n` : '';
  io.stdout(
    `${via}${doc.id}: ${doc.title}\n\n${doc.rationale}\n\nSettings: ${doc.settings}\nDocs: ${docUrl(doc.id)}\n`,
  );
  return EXIT.approve;
}

/** `mcp-vet policy show [--policy FILE|PRESET]`: the effective policy after extends and overrides. */
async function policyCommand(
  rest: string[],
  values: { policy?: string; format?: string },
  io: CliIO,
): Promise<number> {
  if (rest.length !== 1 || rest[0] !== 'show')
    throw usageError('the policy command is "mcp-vet policy show [--policy FILE|PRESET]"');
  const { resolvePolicy } = await import('../policy/policy.js');
  const loaded = resolvePolicy({ ref: values.policy, cwd: io.cwd });
  const format = values.format ?? 'yaml';
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify({ files: loaded.files, preset: loaded.preset, policy: loaded.policy }, null, 2)}\n`,
    );
  } else if (format === 'yaml' || format === 'text') {
    // yaml is CommonJS: bundled, a dynamic import of it has only a default export
    const yaml = await import('yaml');
    const stringify = yaml.stringify ?? (yaml as unknown as { default: typeof yaml }).default.stringify;
    io.stdout(`# effective policy from: ${loaded.files.join(' ← ')}\n${stringify(loaded.policy)}`);
  } else throw usageError(`--format must be yaml or json, not "${format}"`);
  return EXIT.approve;
}

async function scanToolsCommand(
  rest: string[],
  values: { format?: string; 'fail-on'?: string },
  io: CliIO,
): Promise<number> {
  if (rest.length !== 1)
    throw usageError(`"scan-tools" takes exactly one FILE (or - for stdin), got ${rest.length}`);
  const failOn = (values['fail-on'] ?? 'medium') as Severity;
  if (!SEVERITIES.includes(failOn))
    throw usageError(`--fail-on must be info, low, medium, high or critical, not "${values['fail-on']}"`);
  const format = values.format ?? (io.isTTY ? 'text' : 'json');
  if (format !== 'json' && format !== 'text')
    throw usageError(`--format must be json or text, not "${format}"`);
  const file = rest[0]!;
  const label = file === '-' ? '<stdin>' : file;
  let text: string;
  try {
    text =
      file === '-'
        ? await (io.readStdin ?? (() => Promise.resolve('')))()
        : await readFile(resolve(io.cwd, file), 'utf8');
  } catch (err) {
    throw new VetError('E_USAGE', `cannot read ${label}: ${(err as Error).message}`, { cause: err });
  }
  const { parseToolsInput, renderToolFindings, scanTools, summarizeFindings } =
    await import('../tools/index.js');
  const input = parseToolsInput(text, label);
  const findings = scanTools(input.tools);
  const threshold = SEVERITIES.indexOf(failOn);
  const failed = findings.some((f) => SEVERITIES.indexOf(f.severity) >= threshold);
  if (format === 'json') {
    const report = {
      file: label,
      format: input.format,
      tools: input.tools.length,
      failOn,
      decision: failed ? 'reject' : 'approve',
      counts: summarizeFindings(findings),
      findings,
    };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else io.stdout(renderToolFindings(label, input.tools.length, findings));
  return failed ? EXIT.reject : EXIT.approve;
}

async function writeOut(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (err) {
    throw new VetError('E_USAGE', `cannot write ${file}: ${(err as Error).message}`, { cause: err });
  }
}

export async function main(argv: string[]): Promise<number> {
  return run(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  });
}
