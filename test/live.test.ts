/**
 * Live fidelity check against the real npm registry (opt-in: MCP_VET_LIVE=1). For each real MCP
 * server, mcp-vet's resolved set and npm's own `npm install --package-lock-only --omit=dev`,
 * run at the same moment against the same registry, must be equal. Uses the registry from the
 * environment's npm config (`npm config get registry`).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveWithNpm } from './helpers/npm.js';

const run = promisify(execFile);
const LIVE = process.env.MCP_VET_LIVE === '1';
const CLI = resolve(__dirname, '..', 'dist', 'cli.js');
const SERVERS = [
  '@modelcontextprotocol/server-filesystem',
  '@modelcontextprotocol/server-everything',
  'mcp-remote',
  '@modelcontextprotocol/inspector@0.14.0',
  '@modelcontextprotocol/server-github',
];

let work: string;
let registry: string;
beforeAll(async () => {
  if (!LIVE) return;
  work = await mkdtemp(join(tmpdir(), 'mcp-vet-live-'));
  registry = (await run('npm', ['config', 'get', 'registry'])).stdout.trim();
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true, maxRetries: 5 });
});

describe.skipIf(!LIVE)('live: same tree as npm', () => {
  for (const spec of SERVERS) {
    it(
      spec,
      async () => {
        const dir = await mkdtemp(join(work, 'case-'));
        const [ours, npmSet] = await Promise.all([
          run(
            process.execPath,
            [CLI, 'vet', spec, '--format', 'json', '--registry', registry, '--cache-dir', join(dir, 'c')],
            {
              maxBuffer: 64 << 20,
            },
          ).catch((e: { stdout: string }) => e),
          resolveWithNpm(spec, dir, registry),
        ]);
        const report = JSON.parse(ours.stdout) as {
          servers: {
            package: { name: string; version: string };
            dependencies: { name: string; version: string }[];
          }[];
        };
        const server = report.servers[0]!;
        const mine = new Set([
          `${server.package.name}@${server.package.version}`,
          ...server.dependencies.map((d) => `${d.name}@${d.version}`),
        ]);
        expect([...mine].sort()).toEqual([...npmSet].sort());
      },
      180_000,
    );
  }
});
