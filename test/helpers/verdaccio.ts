// A throw-away Verdaccio on 127.0.0.1 for tests that need a *real*, authenticated npm
// registry (private scopes, bearer tokens, `npm publish`).
//
// Verdaccio runs in a child process (its `runServer` API, listening on port 0 so there
// is no free-port race). The config has NO uplinks, so nothing is ever proxied to the
// internet; every package requires an authenticated user. Storage, htpasswd, config and
// npmrc all live in one temp dir that close() removes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface VerdaccioHandle {
  /** Registry URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** Bearer token of the user created at startup. */
  token: string;
  /** User name / password of that user (htpasswd). */
  user: { name: string; password: string };
  /** `npm publish <dir>` to this registry (offline, no scripts, authenticated). */
  publish(dir: string): Promise<void>;
  /** Stops the server and removes every temp file. Safe to call twice. */
  close(): Promise<void>;
}

export interface VerdaccioOptions {
  /** Startup limit in ms (default 30 000). */
  startTimeoutMs?: number;
  /** Forward Verdaccio's own stdout/stderr to this process's stderr (debugging). */
  verbose?: boolean;
}

const require = createRequire(import.meta.url);

function configYaml(dir: string): string {
  // JSON is valid YAML; quoting every path keeps odd temp dirs safe.
  const q = (s: string): string => JSON.stringify(s);
  return [
    `storage: ${q(join(dir, 'storage'))}`,
    `plugins: ${q(join(dir, 'plugins'))}`,
    'web:',
    '  enable: false',
    'auth:',
    '  htpasswd:',
    `    file: ${q(join(dir, 'htpasswd'))}`,
    '    max_users: 100',
    // Cheap hashing: tests create users, they don't need bcrypt's cost.
    '    algorithm: sha1',
    'uplinks: {}',
    'packages:',
    "  '@private/*':",
    '    access: $authenticated',
    '    publish: $authenticated',
    '    unpublish: $authenticated',
    "  '**':",
    '    access: $authenticated',
    '    publish: $authenticated',
    '    unpublish: $authenticated',
    'publish:',
    '  allow_offline: true',
    'server:',
    '  keepAliveTimeout: 5',
    'log:',
    '  type: stdout',
    '  format: json',
    '  level: warn',
    '',
  ].join('\n');
}

// Runs inside the child: loads Verdaccio by absolute path, listens on an ephemeral
// port and reports it on stdout as a single tagged line.
const RUNNER = `
const { runServer } = require(process.env.VERDACCIO_ENTRY);
(async () => {
  const server = await runServer(process.env.VERDACCIO_CONFIG);
  server.on('error', (err) => { console.error('verdaccio listen error:', err); process.exit(1); });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write('\\n@@VERDACCIO_PORT ' + server.address().port + '\\n');
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
})().catch((err) => { console.error('verdaccio failed to start:', err); process.exit(1); });
`;

function waitForPort(child: ChildProcess, timeoutMs: number, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      buf += chunk.toString('utf8');
      const m = /@@VERDACCIO_PORT (\d+)/.exec(buf);
      if (m) {
        cleanup();
        resolve(Number(m[1]));
      }
    };
    const onExit = (code: number | null, signal: string | null): void => {
      cleanup();
      reject(new Error(`verdaccio exited during startup (code ${code}, signal ${signal}):\n${output()}`));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(new Error(`could not spawn verdaccio: ${err.message}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`verdaccio did not start within ${timeoutMs / 1000} s:\n${output()}`));
    }, timeoutMs);
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function fetchWithin(url: string, init: RequestInit, ms = 10_000): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(ms) });
}

function runNpm(args: string[], cwd: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    // Use the npm that ships with this Node (npm-cli.js next to it) when we can find
    // it; otherwise fall back to `npm` on PATH.
    const npmCli =
      process.env.npm_execpath && /npm-cli\.c?js$/.test(process.env.npm_execpath)
        ? process.env.npm_execpath
        : null;
    const cmd = npmCli ? process.execPath : 'npm';
    const argv = npmCli ? [npmCli, ...args] : args;
    const env = { ...process.env };
    // Don't let an outer `npm run`/`npm test` leak its config into the child npm.
    for (const k of Object.keys(env)) if (/^npm_config_/i.test(k)) delete env[k];
    const child = spawn(cmd, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`npm ${args.join(' ')} failed (code ${code}, signal ${signal}):\n${out}`));
    });
  });
}

export async function startVerdaccio(opts: VerdaccioOptions = {}): Promise<VerdaccioHandle> {
  const startTimeoutMs = opts.startTimeoutMs ?? 30_000;
  const dir = await mkdtemp(join(tmpdir(), 'mcp-vet-verdaccio-'));
  let child: ChildProcess | undefined;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    if (child) await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  };

  try {
    const configPath = join(dir, 'config.yaml');
    await writeFile(configPath, configYaml(dir));
    await writeFile(join(dir, 'runner.cjs'), RUNNER);

    let output = '';
    const keep = (d: Buffer): void => {
      output = (output + d.toString('utf8')).slice(-8_000);
      if (opts.verbose) process.stderr.write(d);
    };
    child = spawn(process.execPath, [join(dir, 'runner.cjs')], {
      cwd: dir,
      env: {
        ...process.env,
        VERDACCIO_ENTRY: require.resolve('verdaccio'),
        VERDACCIO_CONFIG: configPath,
        // Belt and braces: even a misconfigured uplink could not reach the internet.
        HTTP_PROXY: 'http://127.0.0.1:9',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        NO_PROXY: '127.0.0.1,localhost',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);

    const port = await waitForPort(child, startTimeoutMs, () => output);
    const url = `http://127.0.0.1:${port}/`;

    // Create the user; Verdaccio answers 201 with a token.
    const user = { name: 'mcpvet', password: 'mcpvet-test-password' };
    const res = await fetchWithin(`${url}-/user/org.couchdb.user:${user.name}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        _id: `org.couchdb.user:${user.name}`,
        name: user.name,
        password: user.password,
        email: 'mcpvet@example.invalid',
        type: 'user',
        roles: [],
        date: new Date().toISOString(),
      }),
    });
    const body = (await res.json().catch(() => ({}))) as { token?: string; error?: string };
    if (!res.ok || typeof body.token !== 'string') {
      throw new Error(`verdaccio user creation failed: HTTP ${res.status} ${JSON.stringify(body)}`);
    }
    const token = body.token;

    const npmrc = join(dir, 'npmrc');
    await writeFile(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    const npmCache = join(dir, 'npm-cache');

    const publish = async (pkgDir: string): Promise<void> => {
      await runNpm(
        [
          'publish',
          pkgDir,
          '--registry',
          url,
          '--userconfig',
          npmrc,
          '--cache',
          npmCache,
          '--ignore-scripts',
          '--no-provenance',
          '--access',
          'public',
          '--tag',
          'latest',
          '--no-audit',
          '--no-fund',
          '--no-update-notifier',
          '--loglevel',
          'warn',
          // Leak guard: anything not on loopback goes to a closed port.
          '--proxy',
          'http://127.0.0.1:9',
          '--https-proxy',
          'http://127.0.0.1:9',
          '--noproxy',
          '127.0.0.1',
        ],
        dir,
      );
    };

    return { url, token, user, publish, close };
  } catch (err) {
    await close();
    throw err;
  }
}
