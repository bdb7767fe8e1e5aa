/**
 * Which package a client config entry runs: the launcher (`npx -y pkg@1.2.3 …`, `pnpm dlx`,
 * `bunx`, `yarn dlx`, `node path`, `uvx`, `pipx run`, `docker run`) or a remote `url`. Pure.
 */
import npa from 'npm-package-arg';
import semver from 'semver';

export type Launch =
  | {
      kind: 'npm';
      launcher: 'npx' | 'pnpm dlx' | 'bunx' | 'yarn dlx';
      /** The package spec as written (`pkg@1.2.3`, `pkg`, `pkg@^1`). */
      spec: string;
      name: string;
      /** The exact version when the spec pins one, else undefined. */
      pinned?: string;
      /** The arguments after the package (what the server receives). */
      args: string[];
    }
  | { kind: 'node'; script: string; args: string[] }
  | { kind: 'pypi'; launcher: 'uvx' | 'pipx'; spec: string; pinned: boolean; args: string[] }
  | { kind: 'oci'; image: string; pinned: boolean; args: string[] }
  | { kind: 'remote'; url: string; transport?: string }
  | { kind: 'unknown'; command: string; reason: string };

export interface RawEntry {
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  url?: string;
  type?: string;
}

const VARIABLE = /\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*/;

export function hasVariable(s: string): boolean {
  return VARIABLE.test(s);
}

function base(cmd: string): string {
  const b = cmd.replace(/\\/g, '/').split('/').pop() ?? cmd;
  return b.replace(/\.(cmd|exe|bat|ps1)$/i, '');
}

/** Options of each launcher that take a value (so the value is not mistaken for the package). */
const VALUE_FLAGS: Record<string, Set<string>> = {
  npx: new Set([
    '-p',
    '--package',
    '-c',
    '--call',
    '--registry',
    '--cache',
    '--userconfig',
    '-w',
    '--workspace',
  ]),
  'pnpm dlx': new Set(['--package', '--reporter', '--registry', '--dir', '-C']),
  bunx: new Set(['-p', '--package', '--registry', '--cwd']),
  'yarn dlx': new Set(['-p', '--package', '--registry']),
  uvx: new Set([
    '--from',
    '--with',
    '--python',
    '-p',
    '--index',
    '--index-url',
    '--extra-index-url',
    '--with-requirements',
  ]),
  pipx: new Set(['--spec', '--python', '--index-url', '--pip-args']),
};

export function recognizeLauncher(e: RawEntry): Launch {
  if (e.url !== undefined && !e.command) return { kind: 'remote', url: e.url, transport: e.type };
  if (!e.command)
    return { kind: 'unknown', command: '', reason: 'the entry has neither "command" nor "url"' };
  // a command written as one string with spaces ("npx -y pkg") is split like a shell would
  let words = [e.command, ...(e.args ?? [])];
  if (!e.args?.length && /\s/.test(e.command.trim())) words = e.command.trim().split(/\s+/);
  const [cmd, ...rest] = words as [string, ...string[]];
  const b = base(cmd);
  if (b === 'npx') return npmLaunch('npx', rest);
  if (b === 'bunx') return npmLaunch('bunx', rest);
  if ((b === 'pnpm' || b === 'yarn') && rest[0] === 'dlx')
    return npmLaunch(`${b} dlx` as 'pnpm dlx', rest.slice(1));
  if (b === 'pnpx') return npmLaunch('pnpm dlx', rest);
  if (b === 'bun' && rest[0] === 'x') return npmLaunch('bunx', rest.slice(1));
  if (b === 'npm' && (rest[0] === 'exec' || rest[0] === 'x')) return npmLaunch('npx', rest.slice(1));
  if (b === 'node' || b === 'nodejs') {
    const i = rest.findIndex((a) => !a.startsWith('-'));
    if (i < 0) return { kind: 'unknown', command: cmd, reason: 'node is started without a script' };
    return { kind: 'node', script: rest[i]!, args: rest.slice(i + 1) };
  }
  if (b === 'uvx' || (b === 'uv' && rest[0] === 'tool' && rest[1] === 'run')) {
    return pypiLaunch('uvx', b === 'uv' ? rest.slice(2) : rest);
  }
  if (b === 'pipx' && rest[0] === 'run') return pypiLaunch('pipx', rest.slice(1));
  if ((b === 'docker' || b === 'podman') && rest[0] === 'run') return ociLaunch(rest.slice(1));
  return { kind: 'unknown', command: cmd, reason: `"${b}" is not a launcher mcp-vet recognises` };
}

function npmLaunch(launcher: Extract<Launch, { kind: 'npm' }>['launcher'], rest: string[]): Launch {
  const flags = VALUE_FLAGS[launcher]!;
  let pkg: string | undefined;
  let i = 0;
  for (; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-')) break;
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (flag === '-p' || flag === '--package') {
      pkg = eq > 0 ? a.slice(eq + 1) : rest[++i];
      continue;
    }
    if (flags.has(flag) && eq < 0) i++;
  }
  // with --package, the next word is the command (a bin), not the package
  const commandWord = rest[i];
  const spec = pkg ?? commandWord;
  const args = rest.slice(i + 1);
  if (!spec) return { kind: 'unknown', command: launcher, reason: `${launcher} is given no package` };
  let name = spec;
  let pinned: string | undefined;
  try {
    const parsed = npa(spec);
    if (parsed.type === 'version' || parsed.type === 'range' || parsed.type === 'tag') {
      name = parsed.name ?? spec;
      if (parsed.type === 'version' && semver.valid(parsed.fetchSpec)) pinned = parsed.fetchSpec!;
    } else {
      return {
        kind: 'unknown',
        command: launcher,
        reason: `${launcher} runs "${spec}", a ${parsed.type} spec, not a registry package`,
      };
    }
  } catch {
    if (!hasVariable(spec)) {
      return { kind: 'unknown', command: launcher, reason: `"${spec}" is not a valid npm package spec` };
    }
  }
  return { kind: 'npm', launcher, spec, name, ...(pinned ? { pinned } : {}), args };
}

function pypiLaunch(launcher: 'uvx' | 'pipx', rest: string[]): Launch {
  const flags = VALUE_FLAGS[launcher]!;
  let from: string | undefined;
  let i = 0;
  for (; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('-')) break;
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (flag === '--from' || flag === '--spec') {
      from = eq > 0 ? a.slice(eq + 1) : rest[++i];
      continue;
    }
    if (flags.has(flag) && eq < 0) i++;
  }
  const spec = from ?? rest[i] ?? '';
  return { kind: 'pypi', launcher, spec, pinned: /==[^=*]+$/.test(spec), args: rest.slice(i + 1) };
}

const DOCKER_VALUE_FLAGS = new Set([
  '-e',
  '--env',
  '-v',
  '--volume',
  '--name',
  '-p',
  '--publish',
  '--network',
  '--net',
  '-u',
  '--user',
  '-w',
  '--workdir',
  '--entrypoint',
  '--env-file',
  '--mount',
  '--platform',
  '-l',
  '--label',
  '--add-host',
  '--cap-add',
  '--cap-drop',
  '--security-opt',
  '-m',
  '--memory',
  '--cpus',
  '--pull',
  '-h',
  '--hostname',
  '--device',
  '--tmpfs',
]);

function ociLaunch(rest: string[]): Launch {
  let i = 0;
  for (; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('-')) break;
    if (DOCKER_VALUE_FLAGS.has(a)) i++;
  }
  const image = rest[i] ?? '';
  return { kind: 'oci', image, pinned: /@sha256:[0-9a-f]{64}$/.test(image), args: rest.slice(i + 1) };
}

/** Is the spec an exact version (what version-lock enforcement asks for)? */
export function isPinned(l: Launch): boolean {
  if (l.kind === 'npm') return l.pinned !== undefined;
  if (l.kind === 'pypi' || l.kind === 'oci') return l.pinned;
  return true;
}
