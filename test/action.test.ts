/**
 * The bundled action (dist/index.js) run as a process, the way the runner starts it: inputs as
 * INPUT_* environment variables, outputs and the job summary written to the files GitHub names.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistry, type TestRegistry } from './helpers/registry.js';

const ACTION = resolve(__dirname, '..', 'dist', 'index.js');
let registry: TestRegistry;
let work: string;

beforeAll(async () => {
  registry = await startRegistry({
    packages: {
      'act-server': {
        '1.0.0': { manifest: { dependencies: { 'act-dep': '^1.0.0' }, bin: { 'act-server': 'index.js' } } },
        '2.0.0': {
          manifest: { dependencies: { 'act-dep': '^1.0.0' }, scripts: { postinstall: 'node x.js' } },
        },
      },
      'act-dep': { '1.0.0': { manifest: {} }, '1.2.0': { manifest: {} } },
    },
    meta: { 'act-server': { 'dist-tags': { latest: '1.0.0' } } },
  });
  work = await mkdtemp(join(tmpdir(), 'mcp-vet-action-'));
});

afterAll(async () => {
  await registry?.close();
  if (work) await rm(work, { recursive: true, force: true, maxRetries: 5 });
});

interface ActionRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  dir: string;
}

async function runAction(inputs: Record<string, string>): Promise<ActionRun> {
  const dir = await mkdtemp(join(work, 'run-'));
  const outFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  await writeFile(outFile, '');
  await writeFile(summaryFile, '');
  await writeFile(join(dir, '.npmrc'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: outFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    NPM_CONFIG_USERCONFIG: join(dir, '.npmrc'),
  };
  // advisories from the committed offline database unless a test names another source
  const all = { 'osv-db': fileURLToPath(new URL('./fixtures/osv/records', import.meta.url)), ...inputs };
  for (const [k, v] of Object.entries(all)) env[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(process.execPath, [ACTION], { env, cwd: dir });
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stdout += c.toString()));
  const code = await new Promise<number | null>((res) => child.on('close', res));
  const outputs: Record<string, string> = {};
  const raw = await readFile(outFile, 'utf8');
  for (const m of raw.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!;
  return { code, stdout, outputs, summary: await readFile(summaryFile, 'utf8'), dir };
}

describe('the bundled action', () => {
  it('approves, sets outputs, writes the report, an SBOM and the job summary', async () => {
    const r = await runAction({ package: 'act-server', registry: registry.url, 'fail-on-reject': 'true' });
    expect(r.code).toBe(0);
    expect(r.outputs.decision).toBe('approve');
    const report = JSON.parse(await readFile(r.outputs.report!, 'utf8')) as {
      decision: string;
      servers: { package: { name: string; version: string } }[];
    };
    expect(report.decision).toBe('approve');
    expect(report.servers[0]?.package).toMatchObject({ name: 'act-server', version: '1.0.0' });
    expect(await readdir(r.outputs['sbom-dir']!)).toEqual(['act-server@1.0.0.cdx.json']);
    expect(r.summary).toContain('mcp-vet approves');
    expect(r.summary).toContain('act\\-server@1\\.0\\.0');
  });

  it('rejects and fails the step when a finding reaches fail-on', async () => {
    const r = await runAction({
      package: 'act-server@2.0.0',
      registry: registry.url,
      'fail-on': 'medium',
      'fail-on-reject': 'true',
    });
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe('reject');
    expect(r.stdout).toContain('::error::mcp-vet rejected: act-server@2.0.0');
  });

  it('only warns on reject when fail-on-reject is false', async () => {
    const r = await runAction({
      package: 'act-server@2.0.0',
      registry: registry.url,
      'fail-on': 'medium',
      'fail-on-reject': 'false',
    });
    expect(r.code).toBe(0);
    expect(r.outputs.decision).toBe('reject');
    expect(r.stdout).toContain('::warning::');
  });

  it.each([
    [{ package: 'act-server', 'fail-on-reject': 'yes' }, 'input "fail-on-reject" must be true or false'],
    [{ package: 'act-server', 'fail-on-reject': 'true', 'fail-on': 'severe' }, 'input "fail-on" must be low'],
    [{ package: 'act-server@9', 'fail-on-reject': 'true' }, 'E_NO_MATCH'],
  ])('fails with a message naming the input or package: %j', async (inputs, message) => {
    const r = await runAction({ registry: registry.url, ...inputs });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(message);
    expect(r.stdout).not.toMatch(/\n\s+at /);
  });
});
