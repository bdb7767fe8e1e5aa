/**
 * Starting an untrusted server process with as little reach as the platform allows.
 *
 * Threat model: the server package is code we are reviewing, not code we trust. At start-up it may
 * read secrets from the environment or from HOME (~/.npmrc, ~/.aws, ~/.ssh), phone home, fork
 * children that outlive it, flood its pipes or wait forever. So:
 *
 * - the environment is rebuilt from an allow-list (PATH, locale, time zone) plus placeholders;
 *   nothing else of the parent's (GITHUB_TOKEN, INPUT_*, ACTIONS_*, AWS_*, NPM tokens…) reaches it;
 * - HOME, TMPDIR and the XDG folders point into a fresh temporary folder;
 * - on Linux, when unprivileged user namespaces work, it runs under `unshare --user --net --pid`:
 *   a new network namespace has only its own, down, loopback (no egress, not even to the parent's
 *   127.0.0.1), and in a new PID namespace the server is init, so when it dies every process it
 *   started dies with it, including children that called setsid() to leave the process group;
 * - it is spawned detached (own session and process group, no controlling terminal, so a server
 *   that opens /dev/tty to prompt gets ENXIO instead of the user's terminal) and the whole group
 *   is SIGKILLed afterwards; on Linux a last sweep kills any process still carrying this launch's
 *   marker in its environment (the fallback path without namespaces).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Containment } from '../manifest/types.js';

/** Variables copied from the parent when set: nothing here can carry a credential. */
const ENV_ALLOW = new Set([
  'PATH',
  'LANG',
  'LANGUAGE',
  'LC_ALL',
  'LC_CTYPE',
  'LC_MESSAGES',
  'LC_NUMERIC',
  'LC_TIME',
  'TZ',
  // Windows needs these to start any process at all
  'SYSTEMROOT',
  'SystemRoot',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
]);

/** The variable the sweep looks for; its value is random per launch. */
export const MARKER_VAR = 'MCP_VET_SANDBOX';

export interface SandboxDirs {
  home: string;
  tmp: string;
}

/**
 * The child's whole environment: allow-listed parent variables, the temporary HOME/TMPDIR, then
 * the server's declared variables (already placeholders; see launch.ts).
 */
export function sandboxEnv(
  parent: NodeJS.ProcessEnv,
  dirs: SandboxDirs,
  serverEnv: Record<string, string>,
  marker: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(parent)) if (v !== undefined && ENV_ALLOW.has(k)) env[k] = v;
  Object.assign(env, {
    HOME: dirs.home,
    USERPROFILE: dirs.home,
    TMPDIR: dirs.tmp,
    TMP: dirs.tmp,
    TEMP: dirs.tmp,
    XDG_CONFIG_HOME: `${dirs.home}/.config`,
    XDG_CACHE_HOME: `${dirs.home}/.cache`,
    XDG_DATA_HOME: `${dirs.home}/.local/share`,
    XDG_STATE_HOME: `${dirs.home}/.local/state`,
    // a server that checks for CI or colours must not get hints from us
    NO_COLOR: '1',
  });
  // declared variables may not override the containment (HOME, PATH, the marker)
  for (const [k, v] of Object.entries(serverEnv)) if (!(k in env)) env[k] = v;
  env[MARKER_VAR] = marker;
  return env;
}

let unshareProbe: boolean | undefined;

/**
 * Whether `unshare --user --map-current-user --net --pid --fork` works here (util-linux ≥ 2.38,
 * unprivileged user namespaces allowed). Probed once per process. `MCP_VET_NETNS=0` forces the
 * fallback (no network isolation), which is how CI tests that path and how a user opts out.
 */
export function networkIsolation(env: NodeJS.ProcessEnv): boolean {
  if (process.platform !== 'linux' || env.MCP_VET_NETNS === '0') return false;
  if (unshareProbe === undefined) {
    const r = spawnSync('unshare', [...UNSHARE_ARGS, 'true'], { stdio: 'ignore', timeout: 5000 });
    unshareProbe = r.status === 0;
  }
  return unshareProbe;
}

// --map-current-user (not --map-root-user): inside, the server is our ordinary uid, so exec()
// drops the namespace capabilities and it cannot override file modes or remount anything.
const UNSHARE_ARGS = ['--user', '--map-current-user', '--net', '--pid', '--fork', '--kill-child'];

export interface SpawnRequest {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  dirs: SandboxDirs;
  serverEnv: Record<string, string>;
  timeoutMs: number;
  maxOutputBytes: number;
}

export interface Sandboxed {
  child: ChildProcess;
  containment: Containment;
  /** Kills the whole process tree; safe to call more than once. */
  kill(): void;
}

export function spawnSandboxed(req: SpawnRequest): Sandboxed {
  const marker = randomBytes(12).toString('hex');
  const env = sandboxEnv(req.env, req.dirs, req.serverEnv, marker);
  const isolate = networkIsolation(req.env);
  const [command, args] = isolate
    ? ['unshare', [...UNSHARE_ARGS, '--', req.command, ...req.args]]
    : [req.command, req.args];
  const child = spawn(command, args, {
    cwd: req.cwd,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true, // own session + process group: no controlling terminal, killable as a group
    windowsHide: true,
  });
  const containment: Containment = {
    env: 'allow-list',
    home: 'temporary',
    network: isolate ? 'namespace' : 'none',
    ...(isolate ? { networkTool: 'unshare' } : {}),
    timeoutMs: req.timeoutMs,
    maxOutputBytes: req.maxOutputBytes,
  };
  let killed = false;
  const kill = (): void => {
    if (killed) return;
    killed = true;
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
    sweep(marker);
  };
  return { child, containment, kill };
}

/**
 * Linux only: SIGKILL every process of ours whose environment carries this launch's marker. Catches
 * descendants that left the process group (setsid, double fork) when no PID namespace holds them.
 */
export function sweep(marker: string): void {
  if (process.platform !== 'linux') return;
  const needle = `${MARKER_VAR}=${marker}`;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return;
  }
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    let environ: string;
    try {
      environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
    } catch {
      continue; // not ours, or gone
    }
    if (environ.split('\0').includes(needle)) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
  }
}
