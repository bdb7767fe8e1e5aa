/**
 * Client-config discovery: find the MCP configs of a repository, parse them (JSON with comments
 * where the client allows it, TOML for Codex) and list every server they declare. Bad configs
 * become findings, never exceptions: a repository with one broken file still gets the rest vetted.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { parse as parseToml } from 'smol-toml';
import type { Finding } from '../model.js';
import { hasVariable, recognizeLauncher, type Launch, type RawEntry } from './launcher.js';

export type ClientName =
  | 'claude-code'
  | 'claude-desktop'
  | 'cursor'
  | 'vscode'
  | 'vscode-settings'
  | 'windsurf'
  | 'gemini'
  | 'codex'
  | 'zed'
  | 'kiro';

interface Format {
  client: ClientName;
  /**
   * Path relative to the repository root, `/`-separated; for a user-scope file, `~/…` (reports and
   * the lockfile never hold a home directory's absolute path).
   */
  file: string;
  /** Where a user-scope file is on this machine. */
  abs?: string;
  /** Only `key` holds servers (no looking for another servers key when it is missing). */
  exactKey?: boolean;
  /** Where the servers are: a path of keys (`mcp.servers` is one key in VS Code settings, or nested). */
  key: string[];
  syntax: 'json' | 'jsonc' | 'toml';
}

/** Project-scope files, in the order they are reported. */
export const KNOWN_CONFIGS: Format[] = [
  { client: 'claude-code', file: '.mcp.json', key: ['mcpServers'], syntax: 'json' },
  { client: 'cursor', file: '.cursor/mcp.json', key: ['mcpServers'], syntax: 'jsonc' },
  { client: 'vscode', file: '.vscode/mcp.json', key: ['servers'], syntax: 'jsonc' },
  { client: 'vscode-settings', file: '.vscode/settings.json', key: ['mcp', 'servers'], syntax: 'jsonc' },
  { client: 'claude-desktop', file: 'claude_desktop_config.json', key: ['mcpServers'], syntax: 'json' },
  { client: 'gemini', file: '.gemini/settings.json', key: ['mcpServers'], syntax: 'jsonc' },
  { client: 'codex', file: '.codex/config.toml', key: ['mcp_servers'], syntax: 'toml' },
  { client: 'zed', file: '.zed/settings.json', key: ['context_servers'], syntax: 'jsonc' },
  { client: 'kiro', file: '.kiro/settings/mcp.json', key: ['mcpServers'], syntax: 'jsonc' },
  { client: 'windsurf', file: 'mcp_config.json', key: ['mcpServers'], syntax: 'jsonc' },
  { client: 'windsurf', file: '.windsurf/mcp_config.json', key: ['mcpServers'], syntax: 'jsonc' },
];

export interface DeclaredAt {
  /** Relative to the repository root (or as given with --config), or `~/…` for a user-scope file. */
  file: string;
  client: ClientName;
}

export interface ConfigServer {
  /** The server's name in its config (the lockfile key). */
  name: string;
  declaredAt: DeclaredAt[];
  entry: RawEntry;
  launch: Launch;
  /** Variables (`${input:x}`, `${env:X}`) found in the entry, kept verbatim. */
  variables: string[];
}

export interface Discovery {
  files: DeclaredAt[];
  servers: ConfigServer[];
  findings: Finding[];
}

/** Guess the client of a file given with --config from its name and folder. */
function formatFor(rel: string): Format {
  const norm = rel.replace(/\\/g, '/');
  const known = KNOWN_CONFIGS.find((f) => norm === f.file || norm.endsWith(`/${f.file}`));
  if (known) return { ...known, file: norm };
  if (norm.endsWith('.toml')) return { client: 'codex', file: norm, key: ['mcp_servers'], syntax: 'toml' };
  if (/(^|\/)settings\.json$/.test(norm))
    return { client: 'vscode-settings', file: norm, key: ['mcp', 'servers'], syntax: 'jsonc' };
  if (/(^|\/)mcp_config\.json$/.test(norm))
    return { client: 'windsurf', file: norm, key: ['mcpServers'], syntax: 'jsonc' };
  if (/(^|\/)claude_desktop_config\.json$/.test(norm))
    return { client: 'claude-desktop', file: norm, key: ['mcpServers'], syntax: 'json' };
  // .mcp.json-like by default; the servers key is found by content below
  return { client: 'claude-code', file: norm, key: ['mcpServers'], syntax: 'jsonc' };
}

/**
 * The user-scope configs of the clients that have one, for `home` on `platform` (`env` gives
 * Windows' %APPDATA%). Claude Code's `~/.claude.json` holds user servers under `mcpServers` and
 * each project's local servers under `projects["<absolute project path>"].mcpServers`.
 */
export function userConfigFormats(
  home: string,
  root: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Format[] {
  const p = platform === 'win32' ? path.win32 : path.posix;
  // the per-user application folder and how it is written in reports
  const [appDir, appShown] =
    platform === 'darwin'
      ? [p.join(home, 'Library', 'Application Support'), '~/Library/Application Support']
      : platform === 'win32'
        ? env.APPDATA
          ? [env.APPDATA, '%APPDATA%']
          : [p.join(home, 'AppData', 'Roaming'), '~/AppData/Roaming']
        : env.XDG_CONFIG_HOME
          ? [env.XDG_CONFIG_HOME, '$XDG_CONFIG_HOME']
          : [p.join(home, '.config'), '~/.config'];
  const inHome = (rel: string): { file: string; abs: string } => ({
    file: `~/${rel}`,
    abs: p.join(home, ...rel.split('/')),
  });
  const inApp = (rel: string): { file: string; abs: string } => ({
    file: `${appShown}/${rel}`,
    abs: p.join(appDir, ...rel.split('/')),
  });
  return [
    { client: 'claude-code', ...inHome('.claude.json'), key: ['mcpServers'], syntax: 'json', exactKey: true },
    {
      client: 'claude-code',
      ...inHome('.claude.json'),
      key: ['projects', root, 'mcpServers'],
      syntax: 'json',
      exactKey: true,
    },
    { client: 'cursor', ...inHome('.cursor/mcp.json'), key: ['mcpServers'], syntax: 'jsonc' },
    { client: 'vscode', ...inApp('Code/User/mcp.json'), key: ['servers'], syntax: 'jsonc' },
    {
      client: 'vscode-settings',
      ...inApp('Code/User/settings.json'),
      key: ['mcp', 'servers'],
      syntax: 'jsonc',
    },
    {
      client: 'claude-desktop',
      ...inApp('Claude/claude_desktop_config.json'),
      key: ['mcpServers'],
      syntax: 'json',
    },
    {
      client: 'windsurf',
      ...inHome('.codeium/windsurf/mcp_config.json'),
      key: ['mcpServers'],
      syntax: 'jsonc',
    },
    { client: 'gemini', ...inHome('.gemini/settings.json'), key: ['mcpServers'], syntax: 'jsonc' },
    { client: 'codex', ...inHome('.codex/config.toml'), key: ['mcp_servers'], syntax: 'toml' },
    { client: 'kiro', ...inHome('.kiro/settings/mcp.json'), key: ['mcpServers'], syntax: 'jsonc' },
  ];
}

export interface DiscoverOptions {
  /** Also read the user-scope configs under this home directory. */
  userHome?: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
}

export async function discoverConfigs(
  root: string,
  explicit?: string[],
  opts: DiscoverOptions = {},
): Promise<Discovery> {
  const formats: Format[] = [];
  const findings: Finding[] = [];
  const exists = async (file: string): Promise<boolean> => {
    try {
      return (await stat(file)).isFile();
    } catch {
      return false; // not there
    }
  };
  if (explicit?.length) {
    for (const p of explicit) formats.push(formatFor(p));
  } else {
    for (const f of KNOWN_CONFIGS) if (await exists(path.join(root, f.file))) formats.push(f);
  }
  if (opts.userHome) {
    for (const f of userConfigFormats(opts.userHome, path.resolve(root), opts.platform, opts.env))
      if (await exists(f.abs!)) formats.push(f);
  }
  const files: DeclaredAt[] = [];
  const all: ConfigServer[] = [];
  for (const f of formats) {
    const abs = f.abs ?? path.resolve(root, f.file);
    let text: string;
    try {
      text = await readFile(abs, 'utf8');
    } catch (err) {
      if (explicit?.length) {
        findings.push({
          rule: 'config-unreadable',
          severity: 'high',
          message: `${f.file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
          file: f.file,
        });
      }
      continue;
    }
    // ~/.claude.json is read twice (user and project servers), listed once
    if (!files.some((d) => d.file === f.file && d.client === f.client))
      files.push({ file: f.file, client: f.client });
    const parsed = parseConfig(text, f);
    findings.push(...parsed.findings);
    all.push(...parsed.servers);
  }
  const merged = mergeServers(all, findings);
  return { files, servers: merged, findings };
}

export function parseConfig(text: string, f: Format): { servers: ConfigServer[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const malformed = (why: string): { servers: ConfigServer[]; findings: Finding[] } => ({
    servers: [],
    findings: [
      {
        rule: 'config-malformed',
        severity: 'high',
        message: `${f.file}: ${why}; its servers were not vetted (the client may not start them either)`,
        file: f.file,
      },
    ],
  });
  let doc: unknown;
  if (f.syntax === 'toml') {
    try {
      doc = parseToml(text);
    } catch (err) {
      return malformed(`not valid TOML (${(err as Error).message.split('\n')[0]})`);
    }
  } else {
    const errors: ParseError[] = [];
    doc = parseJsonc(text, errors, { allowTrailingComma: f.syntax === 'jsonc', disallowComments: false });
    if (errors.length) {
      const e = errors[0]!;
      const line = text.slice(0, e.offset).split('\n').length;
      return malformed(`not valid JSON at line ${line} (${printParseErrorCode(e.error)})`);
    }
    if (f.syntax === 'json' && /^\s*\/\/|\/\*/m.test(stripStrings(text))) {
      findings.push({
        rule: 'config-comments',
        severity: 'low',
        message: `${f.file}: has comments, which ${f.client} does not accept in this file (read anyway)`,
        file: f.file,
      });
    }
  }
  if (!isObject(doc)) return malformed('the top level is not an object');
  let servers: unknown =
    f.key.length === 2 ? (doc[`${f.key[0]}.${f.key[1]}`] ?? dig(doc, f.key)) : dig(doc, f.key);
  if (servers === undefined && !f.exactKey) {
    // a file given with --config: take whichever servers key it has
    for (const k of ['mcpServers', 'servers', 'context_servers', 'mcp_servers'])
      if (isObject(doc[k])) servers = doc[k];
    const vs = doc['mcp.servers'] ?? dig(doc, ['mcp', 'servers']);
    if (servers === undefined && isObject(vs)) servers = vs;
  }
  if (servers === undefined) return { servers: [], findings };
  if (!isObject(servers)) return malformed(`"${f.key.join('.')}" is not an object of servers`);
  const out: ConfigServer[] = [];
  for (const [name, raw] of Object.entries(servers)) {
    if (!isObject(raw)) {
      findings.push(entryFinding(f, name, 'is not an object'));
      continue;
    }
    const entry = normalizeEntry(f, raw);
    if (typeof entry === 'string') {
      findings.push(entryFinding(f, name, entry));
      continue;
    }
    if (entry.disabled) continue;
    const variables = [...new Set(JSON.stringify(entry.raw).match(/\$\{[^}]*\}/g) ?? [])].sort();
    out.push({
      name,
      declaredAt: [{ file: f.file, client: f.client }],
      entry: entry.raw,
      launch: recognizeLauncher(entry.raw),
      variables,
    });
  }
  return { servers: out, findings };
}

function entryFinding(f: Format, name: string, why: string): Finding {
  return {
    rule: 'config-malformed',
    severity: 'high',
    message: `${f.file}: server "${name}" ${why}; it was not vetted`,
    file: f.file,
    server: name,
  };
}

function normalizeEntry(
  f: Format,
  o: Record<string, unknown>,
): { raw: RawEntry; disabled: boolean } | string {
  // Zed: { command: { path, args, env } } (older) or { command, args, env }, plus "source": "custom"
  let src = o;
  if (f.client === 'zed' && isObject(o.command)) {
    src = { ...o, ...o.command, command: (o.command as Record<string, unknown>).path };
  }
  const raw: RawEntry = {};
  const cmd = src.command;
  if (cmd !== undefined) {
    if (typeof cmd !== 'string') return '"command" is not a string';
    raw.command = cmd;
  }
  if (src.args !== undefined) {
    if (!Array.isArray(src.args) || src.args.some((a) => typeof a !== 'string' && typeof a !== 'number'))
      return '"args" is not a list of strings';
    raw.args = src.args.map(String);
  }
  if (src.env !== undefined) {
    if (!isObject(src.env)) return '"env" is not an object';
    raw.env = Object.fromEntries(Object.entries(src.env).map(([k, v]) => [k, String(v)]));
  }
  const url = src.url ?? src.serverUrl ?? src.httpUrl;
  if (url !== undefined) {
    if (typeof url !== 'string') return '"url" is not a string';
    raw.url = url;
  }
  if (typeof src.type === 'string') raw.type = src.type;
  if (raw.command === undefined && raw.url === undefined) return 'has neither "command" nor "url"';
  return { raw, disabled: src.disabled === true || src.enabled === false };
}

/** The same name in several files: one server when the definitions agree, a finding when not. */
function mergeServers(all: ConfigServer[], findings: Finding[]): ConfigServer[] {
  const byName = new Map<string, ConfigServer>();
  for (const s of all) {
    const seen = byName.get(s.name);
    if (!seen) {
      byName.set(s.name, s);
      continue;
    }
    if (launchKey(seen) === launchKey(s)) {
      seen.declaredAt.push(...s.declaredAt);
      continue;
    }
    findings.push({
      rule: 'config-conflict',
      severity: 'high',
      message: `server "${s.name}" is defined differently in ${seen.declaredAt.map((d) => d.file).join(', ')} (${describeLaunch(seen.launch)}) and ${s.declaredAt[0]!.file} (${describeLaunch(s.launch)}): which one runs depends on the client; the first is vetted and locked`,
      server: s.name,
      files: [...seen.declaredAt.map((d) => d.file), s.declaredAt[0]!.file],
    });
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function launchKey(s: ConfigServer): string {
  const { command, args, url } = s.entry;
  return JSON.stringify([
    s.launch.kind === 'npm' ? ['npm', s.launch.spec, s.launch.args] : [command, args, url],
  ]);
}

export function describeLaunch(l: Launch): string {
  switch (l.kind) {
    case 'npm':
      return `${l.launcher} ${l.spec}`;
    case 'node':
      return `node ${l.script}`;
    case 'pypi':
      return `${l.launcher} ${l.spec}`;
    case 'oci':
      return `docker run ${l.image}`;
    case 'remote':
      return `remote ${l.url}`;
    default:
      return l.command || '(no command)';
  }
}

/** Findings about what a discovered server is and is not (variables, launchers mcp-vet can't vet). */
export function serverFindings(s: ConfigServer): Finding[] {
  const out: Finding[] = [];
  const where = s.declaredAt.map((d) => d.file).join(', ');
  const l = s.launch;
  const base = { server: s.name, file: s.declaredAt[0]!.file };
  if (l.kind === 'npm' && hasVariable(l.spec)) {
    out.push({
      ...base,
      rule: 'config-unresolved-variable',
      severity: 'high',
      message: `server "${s.name}" (${where}): its package spec "${l.spec}" contains a variable mcp-vet cannot resolve, so the package that runs is unknown; write the package and version literally`,
      variables: s.variables,
    });
  }
  const notVetted = (what: string, missing: string): Finding => ({
    ...base,
    rule: 'server-not-npm',
    severity: 'medium',
    message: `server "${s.name}" (${where}) is ${what}: not vetted (${missing}); it is recorded in the lock so a change to it shows up`,
    kind: l.kind,
  });
  if (l.kind === 'pypi')
    out.push(
      notVetted(
        `a PyPI package run with ${l.launcher} (${l.spec})`,
        'no dependency resolution, advisories, capabilities or tools for PyPI yet',
      ),
    );
  else if (l.kind === 'oci')
    out.push(
      notVetted(
        `a container image (${l.image || 'no image'})`,
        'image contents, advisories and tools are not inspected',
      ),
    );
  else if (l.kind === 'remote')
    out.push(
      notVetted(
        `a remote server at ${l.url}`,
        'its code is not available; the tools it serves can change at any time',
      ),
    );
  else if (l.kind === 'node')
    out.push(notVetted(`a local script (node ${l.script})`, 'local code is not resolved from a registry'));
  else if (l.kind === 'unknown') out.push(notVetted(`started with "${l.command}"`, l.reason));
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function dig(o: Record<string, unknown>, keys: string[]): unknown {
  let cur: unknown = o;
  for (const k of keys) cur = isObject(cur) ? cur[k] : undefined;
  return cur;
}

function stripStrings(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
}
