/**
 * What a package declares about itself as an MCP server, read from its own files:
 *
 * - `package.json`: `bin`, install scripts, `mcpName` (the official registry's npm ownership proof);
 * - `server.json` (official MCP registry): the current camelCase schema and the older snake_case
 *   one (2025-07-09), normalized into one shape;
 * - MCPB `manifest.json` (formerly DXT): `server.mcp_config`, `user_config`, declared tools/prompts.
 *
 * Every format is parsed leniently: only the fields read here are validated, a malformed file or
 * field becomes a `problems` entry naming the file and field, never an exception.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isRecord } from '../registry/http.js';

export interface DeclaredArgument {
  type: 'positional' | 'named';
  /** For named arguments: the flag, e.g. `--root`. */
  name?: string;
  value?: string;
  default?: string;
  valueHint?: string;
  description?: string;
  isRequired: boolean;
  isRepeated?: boolean;
  /** `filepath` (server.json) means host file access. */
  format?: string;
}

export interface DeclaredEnvVar {
  name: string;
  description?: string;
  isRequired: boolean;
  isSecret: boolean;
  default?: string;
  value?: string;
  format?: string;
}

export interface ServerJsonPackage {
  registryType?: string;
  identifier?: string;
  version?: string;
  transport?: string;
  runtimeArguments: DeclaredArgument[];
  packageArguments: DeclaredArgument[];
  environmentVariables: DeclaredEnvVar[];
}

export interface ServerJson {
  /** Which naming the file used. */
  schema: 'camelCase' | 'snake_case';
  name?: string;
  version?: string;
  packages: ServerJsonPackage[];
}

export interface McpbUserConfig {
  type?: string;
  title?: string;
  description?: string;
  sensitive: boolean;
  required: boolean;
  default?: unknown;
  multiple?: boolean;
}

export interface Mcpb {
  manifestVersion?: string;
  serverType?: string;
  entryPoint?: string;
  mcpConfig?: { command: string; args: string[]; env: Record<string, string> };
  userConfig: Record<string, McpbUserConfig>;
  tools: Record<string, unknown>[];
  toolsGenerated?: boolean;
  prompts: Record<string, unknown>[];
}

export interface PackageDeclarations {
  name?: string;
  version?: string;
  /** `bin` normalized to a map (a string `bin` is named after the package, as npm does). */
  bin: Record<string, string>;
  mcpName?: string;
  /** preinstall/install/postinstall/prepare scripts, as written. */
  installScripts: Record<string, string>;
  serverJson?: ServerJson;
  mcpb?: Mcpb;
  /** Malformed files or fields: `server.json: packages[0].environmentVariables is not an array`. */
  problems: string[];
}

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];
/** Caps on files a hostile package could make huge. */
const MAX_JSON_BYTES = 2 * 1024 * 1024;

/** Reads the declarations of the package extracted at `dir`. */
export async function readDeclarations(dir: string): Promise<PackageDeclarations> {
  const problems: string[] = [];
  const pkg = await readJson(dir, 'package.json', problems);
  const out = fromPackageJson(pkg ?? {}, problems);
  const server = await readJson(dir, 'server.json', problems);
  if (server) out.serverJson = parseServerJson(server, problems);
  const mcpb = await readJson(dir, 'manifest.json', problems);
  // manifest.json is a common name; only an object that looks like an MCPB manifest counts
  if (
    mcpb &&
    (mcpb.manifest_version !== undefined || mcpb.dxt_version !== undefined || isRecord(mcpb.server))
  )
    out.mcpb = parseMcpb(mcpb, problems);
  out.problems = problems;
  return out;
}

async function readJson(
  dir: string,
  file: string,
  problems: string[],
): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    const buf = await readFile(path.join(dir, file));
    if (buf.length > MAX_JSON_BYTES) {
      problems.push(`${file}: larger than ${MAX_JSON_BYTES} bytes, not read`);
      return undefined;
    }
    text = buf.toString('utf8');
  } catch {
    return undefined;
  }
  try {
    const v = JSON.parse(text) as unknown;
    if (isRecord(v)) return v;
    problems.push(`${file}: not a JSON object`);
  } catch (err) {
    problems.push(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return undefined;
}

export function fromPackageJson(pkg: Record<string, unknown>, problems: string[]): PackageDeclarations {
  const name = typeof pkg.name === 'string' ? pkg.name : undefined;
  const bin: Record<string, string> = {};
  if (typeof pkg.bin === 'string' && name) {
    bin[name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name] = pkg.bin;
  } else if (isRecord(pkg.bin)) {
    for (const [k, v] of Object.entries(pkg.bin)) {
      if (typeof v === 'string') bin[k] = v;
      else problems.push(`package.json: bin.${k} is not a string`);
    }
  } else if (pkg.bin !== undefined) problems.push('package.json: bin is neither a string nor an object');
  const installScripts: Record<string, string> = {};
  if (isRecord(pkg.scripts)) {
    for (const s of INSTALL_SCRIPTS) {
      const v = pkg.scripts[s];
      if (typeof v === 'string') installScripts[s] = v;
    }
  }
  const out: PackageDeclarations = { bin, installScripts, problems };
  if (name) out.name = name;
  if (typeof pkg.version === 'string') out.version = pkg.version;
  if (typeof pkg.mcpName === 'string') out.mcpName = pkg.mcpName;
  return out;
}

// ---------------------------------------------------------------------------------------------
// server.json

/** Reads a field by its camelCase name or its snake_case twin. */
function field(o: Record<string, unknown>, camel: string): unknown {
  if (o[camel] !== undefined) return o[camel];
  return o[camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

export function parseServerJson(doc: Record<string, unknown>, problems: string[]): ServerJson {
  const snake = JSON.stringify(doc).match(
    /"(registry_type|registry_name|environment_variables|package_arguments|runtime_arguments|is_required)"/,
  );
  const out: ServerJson = { schema: snake ? 'snake_case' : 'camelCase', packages: [] };
  if (typeof doc.name === 'string') out.name = doc.name;
  // the oldest drafts nest the version: version_detail.version
  const version =
    str(doc.version) ?? (isRecord(doc.version_detail) ? str(doc.version_detail.version) : undefined);
  if (version) out.version = version;
  if (doc.packages === undefined) return out;
  if (!Array.isArray(doc.packages)) {
    problems.push('server.json: packages is not an array');
    return out;
  }
  doc.packages.forEach((p: unknown, i: number) => {
    const where = `server.json: packages[${i}]`;
    if (!isRecord(p)) {
      problems.push(`${where} is not an object`);
      return;
    }
    const transport = field(p, 'transport');
    const sp: ServerJsonPackage = {
      runtimeArguments: args(field(p, 'runtimeArguments'), `${where}.runtimeArguments`, problems),
      packageArguments: args(field(p, 'packageArguments'), `${where}.packageArguments`, problems),
      environmentVariables: envVars(
        field(p, 'environmentVariables'),
        `${where}.environmentVariables`,
        problems,
      ),
    };
    // 2025-09: registryType + identifier; 2025-07: registry_type/registry_name + identifier or name
    const registryType = str(field(p, 'registryType')) ?? str(p.registry_name);
    if (registryType) sp.registryType = registryType;
    const identifier = str(p.identifier) ?? str(p.name);
    if (identifier) sp.identifier = identifier;
    if (str(p.version)) sp.version = str(p.version);
    if (isRecord(transport) && typeof transport.type === 'string') sp.transport = transport.type;
    out.packages.push(sp);
  });
  return out;
}

function args(v: unknown, where: string, problems: string[]): DeclaredArgument[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    problems.push(`${where} is not an array`);
    return [];
  }
  const out: DeclaredArgument[] = [];
  v.forEach((a: unknown, i: number) => {
    if (!isRecord(a)) {
      problems.push(`${where}[${i}] is not an object`);
      return;
    }
    const type = a.type === 'named' ? 'named' : 'positional';
    const d: DeclaredArgument = { type, isRequired: field(a, 'isRequired') === true };
    for (const [k, val] of [
      ['name', str(a.name)],
      ['value', str(a.value)],
      ['default', str(a.default)],
      ['valueHint', str(field(a, 'valueHint'))],
      ['description', str(a.description)],
      ['format', str(a.format)],
    ] as const) {
      if (val !== undefined) d[k] = val;
    }
    if (field(a, 'isRepeated') === true) d.isRepeated = true;
    if (type === 'named' && !d.name) problems.push(`${where}[${i}] is a named argument without a name`);
    out.push(d);
  });
  return out;
}

function envVars(v: unknown, where: string, problems: string[]): DeclaredEnvVar[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    problems.push(`${where} is not an array`);
    return [];
  }
  const out: DeclaredEnvVar[] = [];
  v.forEach((e: unknown, i: number) => {
    if (!isRecord(e) || typeof e.name !== 'string' || !e.name) {
      problems.push(`${where}[${i}] has no name`);
      return;
    }
    const d: DeclaredEnvVar = {
      name: e.name,
      isRequired: field(e, 'isRequired') === true,
      isSecret: field(e, 'isSecret') === true,
    };
    for (const [k, val] of [
      ['description', str(e.description)],
      ['default', str(e.default)],
      ['value', str(e.value)],
      ['format', str(e.format)],
    ] as const) {
      if (val !== undefined) d[k] = val;
    }
    out.push(d);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// MCPB manifest.json

export function parseMcpb(doc: Record<string, unknown>, problems: string[]): Mcpb {
  const out: Mcpb = { userConfig: {}, tools: [], prompts: [] };
  const mv = str(doc.manifest_version) ?? str(doc.dxt_version);
  if (mv) out.manifestVersion = mv;
  if (isRecord(doc.server)) {
    const s = doc.server;
    if (typeof s.type === 'string') out.serverType = s.type;
    if (typeof s.entry_point === 'string') out.entryPoint = s.entry_point;
    if (isRecord(s.mcp_config)) {
      const c = s.mcp_config;
      if (typeof c.command !== 'string')
        problems.push('manifest.json: server.mcp_config.command is not a string');
      else {
        const argv = Array.isArray(c.args) ? c.args.filter((a): a is string => typeof a === 'string') : [];
        const env: Record<string, string> = {};
        if (isRecord(c.env))
          for (const [k, v] of Object.entries(c.env)) if (typeof v === 'string') env[k] = v;
        out.mcpConfig = { command: c.command, args: argv, env };
      }
    }
  } else if (doc.server !== undefined) problems.push('manifest.json: server is not an object');
  if (isRecord(doc.user_config)) {
    for (const [k, v] of Object.entries(doc.user_config)) {
      if (!isRecord(v)) {
        problems.push(`manifest.json: user_config.${k} is not an object`);
        continue;
      }
      const u: McpbUserConfig = { sensitive: v.sensitive === true, required: v.required === true };
      if (typeof v.type === 'string') u.type = v.type;
      if (typeof v.title === 'string') u.title = v.title;
      if (typeof v.description === 'string') u.description = v.description;
      if (v.default !== undefined) u.default = v.default;
      if (v.multiple === true) u.multiple = true;
      out.userConfig[k] = u;
    }
  }
  const list = (v: unknown, key: string): Record<string, unknown>[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      problems.push(`manifest.json: ${key} is not an array`);
      return [];
    }
    return v.filter((t, i) => {
      const ok = isRecord(t) && typeof t.name === 'string';
      if (!ok) problems.push(`manifest.json: ${key}[${i}] has no name`);
      return ok;
    }) as Record<string, unknown>[];
  };
  out.tools = list(doc.tools, 'tools');
  out.prompts = list(doc.prompts, 'prompts');
  if (typeof doc.tools_generated === 'boolean') out.toolsGenerated = doc.tools_generated;
  return out;
}

/** The server.json package entry that describes this npm package, if any. */
export function npmEntry(d: PackageDeclarations): ServerJsonPackage | undefined {
  const pkgs = d.serverJson?.packages ?? [];
  const npm = pkgs.filter((p) => !p.registryType || p.registryType === 'npm');
  return npm.find((p) => p.identifier === d.name) ?? npm[0];
}
