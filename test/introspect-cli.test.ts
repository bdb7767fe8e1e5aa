/**
 * Introspection end to end through the built CLI as a process (dist/cli.js, built by the global
 * setup): the parent environment carries secrets, the report must show none of them.
 */
import { spawn } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mcpFixture } from './helpers/mcp-fixtures.js';
import { startRegistry, type TestRegistry } from './helpers/registry.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SECRETS = { GITHUB_TOKEN: 'ghp_cliParentSecret', AWS_SECRET_ACCESS_KEY: 'cliAwsSecret/xyz' };

let registry: TestRegistry;
let dir: string;

beforeAll(async () => {
  registry = await startRegistry({
    packages: {
      ...mcpFixture('honest'),
      ...mcpFixture('secret'),
      ...mcpFixture('switch'),
      ...mcpFixture('crash'),
      // no bin, but a registerTool call in its code: the static fallback finds it
      'fx-static': {
        '1.0.0': {
          files: {
            'index.js': `server.registerTool('lookup', { title: 'Lookup', description: 'Looks up a word.', inputSchema: { word: z.string().describe('The word') } }, async () => ({}));\n`,
          },
        },
      },
    },
  });
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'mcp-vet-introspect-cli-'));
  await fsp.writeFile(path.join(dir, 'npmrc'), '');
});

afterAll(async () => {
  await registry?.close();
  await fsp.rm(dir, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        CLI,
        ...args,
        '--registry',
        registry.url,
        '--cache-dir',
        path.join(dir, 'cache'),
        '--userconfig',
        path.join(dir, 'npmrc'),
      ],
      {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          HOME: os.homedir(),
          NO_COLOR: '1',
          MCP_VET_OSV_DB: path.join(ROOT, 'test', 'fixtures', 'osv', 'records'),
          ...SECRETS,
          ...env,
        },
        timeout: 25_000,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('mcp-vet vet (introspection on by default)', () => {
  it('honest server: approve, manifest in the JSON report, containment in the text report', async () => {
    const json = await cli(['vet', 'fx-mcp-honest', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.servers[0].manifest).toMatchObject({
      source: 'introspection',
      serverInfo: { name: 'fx-honest' },
    });
    expect(report.servers[0].manifest.tools).toHaveLength(3);
    const text = await cli(['vet', 'fx-mcp-honest', '--format', 'text']);
    expect(text.stdout).toMatch(
      /manifest introspected: 3 tools, 1 prompt, 1 resource, 1 resource template; sandbox: allow-listed env, temporary HOME, (no network \(unshare\)|network NOT isolated), 10000 ms timeout/,
    );
  });

  it('secrets in the parent environment never reach the server', async () => {
    const r = await cli(['vet', 'fx-mcp-secret', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    for (const v of Object.values(SECRETS)) expect(r.stdout).not.toContain(v);
    expect(r.stdout).toContain('secrets: []');
  });

  it('bait-and-switch: reject with exit 1', async () => {
    const r = await cli(['vet', 'fx-mcp-switch', '--format', 'text']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /HIGH {5}manifest-changed-between-launches: fx-mcp-switch@1\.0\.0 showed the model something else/,
    );
  });

  it('a crashing server: medium finding, static fallback, approve at the default threshold', async () => {
    const r = await cli(['vet', 'fx-mcp-crash', '--format', 'json', '--introspect-timeout', '2000']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout).servers[0];
    expect(s.findings.map((f: { rule: string }) => f.rule)).toEqual(['introspection-failed']);
    expect(s.manifest.source).toBe('static');
  });

  it('--no-introspect: static tools from the code, labelled static', async () => {
    const r = await cli(['vet', 'fx-static', '--format', 'json', '--no-introspect']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout).servers[0];
    expect(s.findings).toEqual([]);
    expect(s.manifest).toEqual({
      source: 'static',
      tools: [
        {
          name: 'lookup',
          title: 'Lookup',
          description: 'Looks up a word.',
          inputSchema: { type: 'object', properties: { word: { description: 'The word' } } },
        },
      ],
      prompts: [],
      resources: [],
      resourceTemplates: [],
    });
  });

  it.each([['abc'], ['50'], ['1e3']])('--introspect-timeout %s is a usage error', async (v) => {
    const r = await cli(['vet', 'fx-mcp-honest', '--introspect-timeout', v]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--introspect-timeout must be a number of milliseconds');
  });
});
