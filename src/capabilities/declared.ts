/**
 * Declared permissions: what a server asks of its user, from its own metadata and from the client
 * config entry that launches it.
 *
 * - `server.json` (official MCP registry): camelCase (2025-09-29 schema) and the older snake_case
 *   (2025-07-09) are both read. The npm entries of `packages[]` give environment variables (secret,
 *   required, `format: filepath` = a host file), package/runtime arguments and the transport;
 *   `remotes[]` give remote URLs.
 * - MCPB `manifest.json`: `user_config` (`directory`/`file` inputs, `sensitive`, `required`) and
 *   `server.mcp_config` (`env` and `args`, which refer to `${user_config.x}`).
 * - a client config entry `{command, args, env}`: the env variable names it sets and its arguments.
 *
 * Values from a config entry are never copied into the report when they could be secrets.
 */
import { isRecord } from '../registry/http.js';

export interface DeclaredEnv {
  name: string;
  secret: boolean;
  required: boolean;
  /** `format` from server.json (`filepath`, …) */
  format?: string;
  source: DeclaredSource;
}

export interface DeclaredInput {
  name: string;
  type: 'file' | 'directory';
  required: boolean;
  multiple?: boolean;
  source: DeclaredSource;
}

export interface DeclaredArgument {
  kind: 'positional' | 'named';
  /** The flag (`--root`) or the argument's name. */
  name?: string;
  /** A literal value from a config entry or a value hint; omitted when it may be a secret. */
  value?: string;
  required: boolean;
  secret?: boolean;
  format?: string;
  source: DeclaredSource;
}

export interface DeclaredRemote {
  url: string;
  transport: string;
  source: DeclaredSource;
}

export type DeclaredSource = 'server.json' | 'manifest.json' | 'config';

export interface DeclaredPermissions {
  /** Which sources were found. */
  sources: DeclaredSource[];
  env: DeclaredEnv[];
  inputs: DeclaredInput[];
  arguments: DeclaredArgument[];
  remotes: DeclaredRemote[];
  /** Transports the server is declared to speak (`stdio`, `streamable-http`, `sse`). */
  transports: string[];
}

/** What the package's own files declare, normalized (cached with the capability analysis). */
export interface PackageDeclarations {
  serverJson?: NormalizedServerJson;
  manifest?: NormalizedManifest;
  /** Files that were present but not valid JSON objects. */
  invalid: string[];
}

interface NormalizedServerJson {
  packages: Array<{
    identifier: string;
    registryType: string;
    transport?: string;
    env: Array<Omit<DeclaredEnv, 'source'>>;
    arguments: Array<Omit<DeclaredArgument, 'source'>>;
  }>;
  remotes: Array<{ url: string; transport: string }>;
}

interface NormalizedManifest {
  userConfig: Array<{ key: string; type: string; sensitive: boolean; required: boolean; multiple: boolean }>;
  env: Array<{ name: string; value: string }>;
  args: string[];
}

export interface ConfigEntry {
  command?: string;
  args?: string[];
  env?: Record<string, string>;
}

/** Picks camelCase or snake_case spelling of a field. */
function field(o: Record<string, unknown>, camel: string): unknown {
  if (camel in o) return o[camel];
  const snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return o[snake];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const bool = (v: unknown): boolean => v === true || v === 'true';

export function readDeclaredFiles(files: Record<string, string>): PackageDeclarations {
  const out: PackageDeclarations = { invalid: [] };
  const parse = (name: string): Record<string, unknown> | undefined => {
    const text = files[name];
    if (text === undefined) return undefined;
    try {
      const v = JSON.parse(text) as unknown;
      if (isRecord(v)) return v;
    } catch {
      // reported below
    }
    out.invalid.push(name);
    return undefined;
  };
  const server = parse('server.json');
  if (server) out.serverJson = normalizeServerJson(server);
  const manifest = parse('manifest.json');
  // manifest.json is a common file name; an MCPB manifest has `server` or `user_config`
  if (manifest && (isRecord(manifest.server) || isRecord(manifest.user_config)))
    out.manifest = normalizeManifest(manifest);
  return out;
}

function normalizeServerJson(s: Record<string, unknown>): NormalizedServerJson {
  const packages: NormalizedServerJson['packages'] = [];
  const list = Array.isArray(s.packages) ? s.packages : [];
  for (const p of list) {
    if (!isRecord(p)) continue;
    const registryType = str(field(p, 'registryType')) ?? str(p.registry_name) ?? '';
    const identifier = str(p.identifier) ?? str(p.name) ?? '';
    const transportField = field(p, 'transport');
    const transport = isRecord(transportField)
      ? str(transportField.type)
      : (str(transportField) ?? str(p.transport_type));
    const env: Array<Omit<DeclaredEnv, 'source'>> = [];
    const envList = field(p, 'environmentVariables');
    for (const e of Array.isArray(envList) ? envList : []) {
      if (!isRecord(e) || !str(e.name)) continue;
      const format = str(e.format);
      env.push({
        name: e.name as string,
        secret: bool(field(e, 'isSecret')),
        required: bool(field(e, 'isRequired')),
        ...(format ? { format } : {}),
      });
    }
    const args: Array<Omit<DeclaredArgument, 'source'>> = [];
    for (const key of ['runtimeArguments', 'packageArguments']) {
      const argList = field(p, key);
      for (const a of Array.isArray(argList) ? argList : []) {
        if (!isRecord(a)) continue;
        const kind = a.type === 'named' ? 'named' : 'positional';
        const secret = bool(field(a, 'isSecret'));
        const value = str(field(a, 'valueHint')) ?? (secret ? undefined : (str(a.value) ?? str(a.default)));
        const format = str(a.format);
        args.push({
          kind,
          ...(str(a.name) ? { name: a.name as string } : {}),
          ...(value && !secret ? { value } : {}),
          required: bool(field(a, 'isRequired')),
          ...(secret ? { secret } : {}),
          ...(format ? { format } : {}),
        });
      }
    }
    packages.push({ identifier, registryType, ...(transport ? { transport } : {}), env, arguments: args });
  }
  const remotes: NormalizedServerJson['remotes'] = [];
  for (const r of Array.isArray(s.remotes) ? s.remotes : []) {
    if (!isRecord(r) || !str(r.url)) continue;
    remotes.push({ url: r.url as string, transport: str(r.type) ?? str(r.transport_type) ?? 'unknown' });
  }
  return { packages, remotes };
}

function normalizeManifest(m: Record<string, unknown>): NormalizedManifest {
  const userConfig: NormalizedManifest['userConfig'] = [];
  if (isRecord(m.user_config)) {
    for (const [key, v] of Object.entries(m.user_config)) {
      if (!isRecord(v)) continue;
      userConfig.push({
        key,
        type: str(v.type) ?? 'string',
        sensitive: bool(v.sensitive),
        required: bool(v.required),
        multiple: bool(v.multiple),
      });
    }
  }
  const env: NormalizedManifest['env'] = [];
  const args: string[] = [];
  const server = isRecord(m.server) ? m.server : {};
  const cfg = isRecord(server.mcp_config) ? server.mcp_config : {};
  if (isRecord(cfg.env)) {
    for (const [name, value] of Object.entries(cfg.env))
      env.push({ name, value: typeof value === 'string' ? value : '' });
  }
  if (Array.isArray(cfg.args)) for (const a of cfg.args) if (typeof a === 'string') args.push(a);
  return { userConfig, env, args };
}

const SECRET_NAME = /token|secret|passw|api[-_]?key|apikey|credential|auth|private[-_]?key|\bpat\b/i;

/** A config-entry value that could be a credential is not copied into the report. */
function mayBeSecret(value: string): boolean {
  if (/^\$\{[^}]+\}$/.test(value)) return false; // a reference such as ${input:token}
  if (/^(?:sk-|ghp_|gho_|github_pat_|xox[abp]-|eyJ|AKIA|glpat-|npm_)/.test(value)) return true;
  return value.length >= 32 && !/[/\\\s]/.test(value);
}

export function declaredPermissions(
  decl: PackageDeclarations | undefined,
  packageName: string,
  config?: ConfigEntry,
): DeclaredPermissions {
  const env: DeclaredEnv[] = [];
  const inputs: DeclaredInput[] = [];
  const args: DeclaredArgument[] = [];
  const remotes: DeclaredRemote[] = [];
  const transports = new Set<string>();
  const sources = new Set<DeclaredSource>();

  const sj = decl?.serverJson;
  if (sj) {
    sources.add('server.json');
    const npm = sj.packages.filter((p) => p.registryType === 'npm' || p.registryType === '');
    const mine = npm.filter((p) => p.identifier === packageName);
    for (const p of mine.length > 0 ? mine : npm) {
      if (p.transport) transports.add(p.transport);
      for (const e of p.env) {
        env.push({ ...e, source: 'server.json' });
        if (e.format === 'filepath')
          inputs.push({ name: e.name, type: 'file', required: e.required, source: 'server.json' });
      }
      for (const a of p.arguments) {
        args.push({ ...a, source: 'server.json' });
        if (a.format === 'filepath') {
          inputs.push({
            name: a.name ?? a.value ?? 'argument',
            type: 'file',
            required: a.required,
            source: 'server.json',
          });
        }
      }
    }
    for (const r of sj.remotes) {
      remotes.push({ ...r, source: 'server.json' });
      transports.add(r.transport);
    }
  }

  const mf = decl?.manifest;
  if (mf) {
    sources.add('manifest.json');
    transports.add('stdio');
    const byKey = new Map(mf.userConfig.map((u) => [u.key, u]));
    const refs = (v: string): Array<(typeof mf.userConfig)[number]> =>
      [...v.matchAll(/\$\{user_config\.([^}]+)\}/g)].map((m) => byKey.get(m[1] as string)).filter((u) => !!u);
    for (const u of mf.userConfig) {
      if (u.type === 'directory' || u.type === 'file') {
        inputs.push({
          name: u.key,
          type: u.type,
          required: u.required,
          ...(u.multiple ? { multiple: true } : {}),
          source: 'manifest.json',
        });
      }
    }
    for (const e of mf.env) {
      const used = refs(e.value);
      env.push({
        name: e.name,
        secret: used.some((u) => u.sensitive) || SECRET_NAME.test(e.name),
        required: used.length > 0 ? used.some((u) => u.required) : true,
        source: 'manifest.json',
      });
    }
    for (const a of mf.args) {
      const used = refs(a);
      if (used.length === 0 && (a.startsWith('${__dirname}') || a.includes('${'))) continue; // the entry point
      const secret = used.some((u) => u.sensitive);
      args.push({
        kind: a.startsWith('-') ? 'named' : 'positional',
        ...(a.startsWith('-') ? { name: a.split('=')[0] as string } : {}),
        ...(secret ? { secret: true } : { value: a }),
        required: used.length > 0 ? used.some((u) => u.required) : true,
        source: 'manifest.json',
      });
    }
  }

  if (config) {
    sources.add('config');
    transports.add('stdio');
    for (const name of Object.keys(config.env ?? {})) {
      const value = config.env?.[name] ?? '';
      env.push({
        name,
        secret: SECRET_NAME.test(name) || mayBeSecret(value),
        required: true,
        source: 'config',
      });
    }
    // the launcher's own arguments (npx -y pkg@1) say nothing about the server's permissions
    const list = config.args ?? [];
    const at = list.findIndex((a) => a === packageName || a.startsWith(`${packageName}@`));
    const serverArgs = at >= 0 ? list.slice(at + 1) : list;
    for (let i = 0; i < serverArgs.length; i++) {
      const a = serverArgs[i] as string;
      if (a.startsWith('-')) {
        const [flag, inline] = a.split(/=(.*)/s) as [string, string | undefined];
        const secret = SECRET_NAME.test(flag) || (inline !== undefined && mayBeSecret(inline));
        args.push({
          kind: 'named',
          name: flag,
          ...(inline !== undefined && !secret ? { value: inline } : {}),
          ...(secret ? { secret: true } : {}),
          required: true,
          source: 'config',
        });
      } else {
        const secret = mayBeSecret(a) || (i > 0 && SECRET_NAME.test(serverArgs[i - 1] as string));
        args.push({
          kind: 'positional',
          ...(secret ? { secret: true } : { value: a }),
          required: true,
          source: 'config',
        });
      }
    }
  }

  const key = (o: { source: string; name?: string; value?: string; url?: string }): string =>
    `${o.name ?? ''}\u0000${o.url ?? ''}\u0000${o.source}\u0000${o.value ?? ''}`;
  const sortBy = <T extends { source: string; name?: string; value?: string; url?: string }>(xs: T[]): T[] =>
    xs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    sources: [...sources].sort(),
    env: sortBy(env),
    inputs: sortBy(inputs),
    // arguments keep their order: position matters
    arguments: args,
    remotes: sortBy(remotes),
    transports: [...transports].sort(),
  };
}
