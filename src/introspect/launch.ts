/**
 * How to start the server the way its client would: which file, which arguments, which
 * environment. Pure: takes the declarations and returns a plan (or the reason there is none).
 *
 * Sources, first match wins:
 *   1. the client config entry's args/env (what the user actually runs), when given;
 *   2. the package's `bin` (what `npx <pkg>` runs), with server.json `packageArguments` and
 *      `environmentVariables`;
 *   3. an MCPB `server.mcp_config` whose command is `node`, with `user_config` substituted.
 *
 * Values the user would supply are never taken from the host: secrets and anything that looks
 * like a variable reference become placeholders; file and directory inputs point at an empty
 * folder inside the sandbox.
 */
import path from 'node:path';
import { npmEntry, type DeclaredArgument, type PackageDeclarations } from '../manifest/declarations.js';

/** What a client config entry contributes once the launcher (`npx -y pkg@1.2.3`) is stripped. */
export interface ClientEntry {
  args?: string[];
  env?: Record<string, string>;
}

export interface LaunchPlan {
  /** The program: a `bin` file (run with this Node) or an absolute command. */
  file: string;
  /** Run `file` with the current Node executable (it is JavaScript). */
  node: boolean;
  args: string[];
  env: Record<string, string>;
  /** Where the plan came from, for the report. */
  from: 'client-config' | 'bin' | 'mcpb';
}

export const PLACEHOLDER = 'mcp-vet-placeholder';

const SECRETISH = /(token|secret|passw|key|auth|credential|cookie|session|private)/i;

export interface PlanInput {
  declarations: PackageDeclarations;
  /** The server package folder inside the laid-out tree. */
  packageDir: string;
  /** An empty folder the server may be pointed at for file/directory inputs. */
  workDir: string;
  entry?: ClientEntry;
}

export function planLaunch(input: PlanInput): LaunchPlan | { error: string } {
  const d = input.declarations;
  const sj = npmEntry(d);
  const env: Record<string, string> = {};
  for (const v of sj?.environmentVariables ?? []) {
    const value = v.value ?? v.default;
    if (value !== undefined && !v.isSecret && !/\$\{|\{[A-Za-z_]+\}/.test(value)) env[v.name] = value;
    else if (v.isRequired || v.isSecret) env[v.name] = placeholderFor(v.format, input.workDir);
  }
  const binFile = pickBin(d);
  if (input.entry) {
    for (const [k, v] of Object.entries(input.entry.env ?? {})) env[k] = safeValue(k, v, input.workDir);
    if ('file' in binFile) {
      return {
        file: path.join(input.packageDir, binFile.file),
        node: true,
        args: (input.entry.args ?? []).map((a) => safeValue('', a, input.workDir)),
        env,
        from: 'client-config',
      };
    }
  }
  if ('file' in binFile) {
    return {
      file: path.join(input.packageDir, binFile.file),
      node: true,
      args: argsFromServerJson(sj?.packageArguments ?? [], input.workDir),
      env,
      from: 'bin',
    };
  }
  const mcpb = d.mcpb?.mcpConfig;
  if (mcpb) {
    if (!/^node(\.exe)?$/.test(path.basename(mcpb.command))) {
      return { error: `its MCPB manifest starts "${mcpb.command}", not node; only Node servers are started` };
    }
    const sub = (s: string): string =>
      s
        .replace(/\$\{__dirname\}/g, input.packageDir)
        .replace(/\$\{user_config\.([A-Za-z0-9_-]+)\}/g, (_, key: string) => {
          const u = d.mcpb?.userConfig[key];
          if (u && !u.sensitive && u.default !== undefined && typeof u.default !== 'object')
            return String(u.default);
          return placeholderFor(u?.type, input.workDir);
        })
        .replace(/\$\{HOME\}/g, input.workDir);
    const [first, ...rest] = mcpb.args.map(sub);
    if (!first) return { error: 'its MCPB manifest has a node command without a script' };
    for (const [k, v] of Object.entries(mcpb.env)) env[k] = sub(v);
    return {
      file: path.isAbsolute(first) ? first : path.join(input.packageDir, first),
      node: true,
      args: rest,
      env,
      from: 'mcpb',
    };
  }
  return { error: binFile.error };
}

/** npx's rule: the only bin, else the one named after the package (scope dropped). */
function pickBin(d: PackageDeclarations): { file: string } | { error: string } {
  const names = Object.keys(d.bin);
  if (names.length === 0) return { error: 'the package has no "bin" and no MCPB manifest: nothing to start' };
  if (names.length === 1) return { file: d.bin[names[0]!]! };
  const own = d.name?.replace(/^@[^/]+\//, '');
  if (own && d.bin[own]) return { file: d.bin[own] };
  return {
    error: `the package has several bins (${names.sort().join(', ')}) and none is named after it, so npx would not know which to run`,
  };
}

function placeholderFor(format: string | undefined, workDir: string): string {
  if (format === 'filepath' || format === 'directory' || format === 'file') return workDir;
  if (format === 'number') return '1';
  if (format === 'boolean') return 'false';
  return PLACEHOLDER;
}

/** A config value is kept unless it is a variable reference or sits under a secret-looking name. */
function safeValue(key: string, value: string, workDir: string): string {
  if (/\$\{[^}]*\}/.test(value) || SECRETISH.test(key)) return PLACEHOLDER;
  // a host path (the user's project, their home) is replaced by the sandbox's empty folder
  if (path.isAbsolute(value) || value.startsWith('~')) return workDir;
  return value;
}

function argsFromServerJson(decl: DeclaredArgument[], workDir: string): string[] {
  const out: string[] = [];
  for (const a of decl) {
    const given = a.value ?? a.default;
    const value =
      given !== undefined && !/\$\{|\{[A-Za-z_]+\}/.test(given)
        ? given
        : a.isRequired
          ? placeholderFor(a.format, workDir)
          : undefined;
    if (a.type === 'named') {
      if (!a.name) continue;
      if (value !== undefined) out.push(a.name, value);
      else if (a.isRequired) out.push(a.name);
    } else if (value !== undefined) out.push(value);
  }
  return out;
}
