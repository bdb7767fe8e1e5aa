import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a command to its end: its exit code and output. */
export function exec(cmd, args, env) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', fail);
    child.on('close', (code) => ok({ code, stdout, stderr }));
  });
}

/**
 * Starts a recorded registry snapshot's server (`DIR/serve.mjs --port-file F`) on 127.0.0.1 and
 * waits for its port: `{ url, close }`.
 */
export async function startSnapshot(dir) {
  const tmp = await mkdtemp(join(tmpdir(), 'mcp-vet-snapshot-'));
  const portFile = join(tmp, 'port');
  const child = spawn(process.execPath, [join(dir, 'serve.mjs'), '--port-file', portFile], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300 && !existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 100));
  const port = (await readFile(portFile, 'utf8')).trim();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      child.kill('SIGTERM');
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

/** Proxies pointed at a closed loopback port: a child that tries to leave 127.0.0.1 fails at once. */
const LEAK_GUARD = 'http://127.0.0.1:9';

/** This process's environment without npm and mcp-vet settings, with the leak guard on. */
export function isolatedEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(npm_config_|mcp_vet_)/i.test(k)) env[k] = v;
  return { ...env, HTTP_PROXY: LEAK_GUARD, HTTPS_PROXY: LEAK_GUARD, NO_PROXY: '127.0.0.1', NO_COLOR: '1' };
}
