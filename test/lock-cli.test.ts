/**
 * lock / check / diff end to end through the built CLI: a sequence of fixture versions on the
 * loopback registry, each changing one thing, must each produce its own change kind.
 */
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { mcpFixture } from './helpers/mcp-fixtures.js';
import { startRegistry, type FixtureVersion, type TestRegistry } from './helpers/registry.js';

const schema = (props: Record<string, unknown> = {}) => ({ type: 'object', properties: props });
const ECHO = {
  name: 'echo',
  description: 'Echoes the message back to the caller.',
  inputSchema: schema({ message: { type: 'string' } }),
};
const ADD = {
  name: 'add',
  description: 'Adds two numbers.',
  inputSchema: schema({ a: { type: 'number' }, b: { type: 'number' } }),
  annotations: { readOnlyHint: true },
};
const INSTRUCTIONS = 'A small demo server.';

function version(
  v: string,
  tools: unknown[],
  o: { instructions?: string; manifest?: Record<string, unknown>; extra?: string } = {},
) {
  const fx = mcpFixture('lockable', {
    version: v,
    vars: { TOOLS: JSON.stringify(tools), INSTRUCTIONS: JSON.stringify(o.instructions ?? INSTRUCTIONS) },
    manifest: o.manifest,
  });
  const f = fx['fx-mcp-lockable']![v]!;
  if (o.extra) f.files!['server.js'] += o.extra;
  return f;
}

const VERSIONS: Record<string, FixtureVersion> = {
  '1.0.0': version('1.0.0', [ECHO, ADD]),
  // adds a tool
  '1.1.0': version('1.1.0', [
    ECHO,
    ADD,
    { name: 'delete_all', description: 'Deletes every file.', inputSchema: schema() },
  ]),
  // one word of a description
  '1.2.0': version('1.2.0', [{ ...ECHO, description: 'Echoes the message back to the attacker.' }, ADD]),
  // an invisible character
  '1.3.0': version('1.3.0', [{ ...ECHO, description: 'Echoes the message\u200b back to the caller.' }, ADD]),
  // a rename
  '1.4.0': version('1.4.0', [{ ...ECHO, name: 'echo_message' }, ADD]),
  // a dependency with network access
  '1.5.0': version('1.5.0', [ECHO, ADD], { manifest: { dependencies: { 'fx-net-dep': '1.0.0' } } }),
  // schema and annotations
  '1.6.0': version(
    '1.6.0',
    [
      { ...ECHO, inputSchema: schema({ message: { type: 'string' }, bcc: { type: 'string' } }) },
      { ...ADD, annotations: { readOnlyHint: false, destructiveHint: true } },
    ],
    { instructions: 'A small demo server. Always call echo first.' },
  ),
};

let registry: TestRegistry;
let republished: TestRegistry;
let dir: string;
let repo: string;

beforeAll(async () => {
  const netDep = {
    'fx-net-dep': {
      '1.0.0': {
        files: { 'index.js': "const https = require('https');\nmodule.exports = (u) => https.get(u);\n" },
      },
    },
  };
  registry = await startRegistry({ packages: { 'fx-mcp-lockable': VERSIONS, ...netDep } });
  // the same version, other bytes
  republished = await startRegistry({
    packages: {
      'fx-mcp-lockable': { '1.0.0': version('1.0.0', [ECHO, ADD], { extra: '\n// republished\n' }) },
      ...netDep,
    },
  });
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'mcp-vet-lock-cli-'));
  repo = path.join(dir, 'repo');
  await fsp.mkdir(repo);
  await fsp.writeFile(path.join(dir, 'npmrc'), '');
}, 30_000);

afterAll(async () => {
  await registry?.close();
  await republished?.close();
  await fsp.rm(dir, { recursive: true, force: true });
});

async function config(servers: Record<string, string>): Promise<void> {
  const mcpServers = Object.fromEntries(
    Object.entries(servers).map(([n, spec]) => [n, { command: 'npx', args: ['-y', spec] }]),
  );
  await fsp.writeFile(path.join(repo, '.mcp.json'), `${JSON.stringify({ mcpServers }, null, 2)}\n`);
}

function cli(args: string[], reg: TestRegistry = registry, env?: Record<string, string>) {
  return runCli(
    [
      ...args,
      '--registry',
      reg.url,
      '--cache-dir',
      path.join(dir, 'cache'),
      '--userconfig',
      path.join(dir, 'npmrc'),
    ],
    { cwd: repo, timeoutMs: 60_000, env },
  );
}

interface CheckJson {
  decision: string;
  findings: { rule: string; severity: string; kind?: string }[];
  changes: {
    kind: string;
    rule: string;
    severity: string;
    item?: string;
    details: { field: string; words?: string; lines?: string[] }[];
  }[];
}

async function check(
  extra: string[] = [],
  reg?: TestRegistry,
): Promise<{ code: number | null; json: CheckJson; text: string }> {
  const r = await cli(['check', '--format', 'json', ...extra], reg);
  expect(r.stderr).not.toMatch(/internal error/);
  const t = await cli(['check', '--format', 'text', ...extra], reg);
  return { code: r.code, json: JSON.parse(r.stdout) as CheckJson, text: t.stdout };
}

const LOCK = () => path.join(repo, 'mcp-vet.lock.json');

describe('lock then check', () => {
  it('lock writes a canonical lockfile; a second lock --all is byte-identical; check passes', async () => {
    await config({ demo: 'fx-mcp-lockable@1.0.0' });
    const l1 = await cli(['lock', '--format', 'text']);
    expect(l1.stderr).not.toMatch(/error/);
    expect(l1.code).toBe(0);
    const first = await fsp.readFile(LOCK(), 'utf8');
    const lock = JSON.parse(first);
    expect(lock.lockfileVersion).toBe(1);
    const e = lock.servers.demo;
    expect(e).toMatchObject({
      kind: 'npm',
      spec: 'fx-mcp-lockable@1.0.0',
      declaredAt: [{ file: '.mcp.json', client: 'claude-code' }],
    });
    expect(e.package).toEqual({
      name: 'fx-mcp-lockable',
      version: '1.0.0',
      integrity: registry.integrity('fx-mcp-lockable', '1.0.0'),
    });
    expect(e.manifest.source).toBe('introspection');
    expect(Object.keys(e.manifest.tools)).toEqual(['add', 'echo']);
    expect(e.manifest.tools.echo.fields.description.value).toBe(ECHO.description);
    expect(e.manifest.instructions.value).toBe(INSTRUCTIONS);
    expect(first).not.toContain(dir); // no absolute paths
    expect(first).not.toMatch(/"\d{4}-\d\d-\d\dT/); // no timestamps
    const l2 = await cli(['lock', '--all']);
    expect(l2.code).toBe(0);
    expect(await fsp.readFile(LOCK(), 'utf8')).toBe(first);
    const c = await check();
    expect(c.json.changes).toEqual([]);
    expect(c.code).toBe(0);
    expect(c.json.decision).toBe('approve');
    expect(c.text).toMatch(/^APPROVE/);
    await fsp.copyFile(LOCK(), path.join(dir, 'base.lock.json'));
  }, 120_000);

  const cases: [string, string, string, RegExp][] = [
    ['1.1.0', 'tool-added', 'lock-tool-added', /new tool "delete_all"[\s\S]*\{\+Deletes every file\.\+\}/],
    [
      '1.2.0',
      'tool-changed',
      'lock-tool-changed',
      /description: Echoes the message back to the \[-caller-\]\{\+attacker\+\}\./,
    ],
    [
      '1.3.0',
      'tool-changed',
      'lock-tool-changed',
      /CRITICAL[\s\S]*invisible character[\s\S]*message\{\+<U\+200B>\+\} back/,
    ],
    ['1.4.0', 'tool-renamed', 'lock-tool-renamed', /tool "echo" is now called "echo_message"/],
    [
      '1.5.0',
      'dependencies-changed',
      'lock-dependencies-changed',
      /HIGH +lock-permission-gained: server "demo" gained the capability network \(from fx-net-dep\)[\s\S]*\+ fx-net-dep@1\.0\.0/,
    ],
    [
      '1.6.0',
      'instructions-changed',
      'lock-instructions-changed',
      /\+ \/properties\/bcc: \{"type":"string"\}[\s\S]*~ \/readOnlyHint: true → false/,
    ],
  ];
  it.each(cases)(
    '%s: check rejects with %s',
    async (v, kind, rule, text) => {
      await config({ demo: `fx-mcp-lockable@${v}` });
      const c = await check();
      expect(c.code).toBe(1);
      expect(c.json.decision).toBe('reject');
      const kinds = c.json.changes.map((x) => x.kind);
      expect(kinds).toContain('version-changed');
      expect(kinds).toContain(kind);
      expect(c.json.findings.map((f) => f.rule)).toContain(rule);
      expect(c.text).toMatch(text);
      if (v === '1.3.0')
        expect(c.json.changes.find((x) => x.kind === 'tool-changed')!.severity).toBe('critical');
      if (v === '1.2.0') expect(c.json.changes.find((x) => x.kind === 'tool-changed')!.severity).toBe('high');
      if (v === '1.5.0')
        expect(c.json.changes.find((x) => x.kind === 'permission-gained')).toMatchObject({
          severity: 'high',
          item: 'network',
        });
      if (v === '1.6.0')
        expect(kinds).toEqual(expect.arrayContaining(['tool-changed', 'tool-annotations-changed']));
      if (v === '1.4.0') expect(kinds).not.toContain('tool-added');
    },
    120_000,
  );

  it('the same version republished with other bytes: critical integrity mismatch', async () => {
    await config({ demo: 'fx-mcp-lockable@1.0.0' });
    const c = await check([], republished);
    expect(c.code).toBe(1);
    expect(c.json.changes.map((x) => x.kind)).toContain('integrity-mismatch');
    expect(c.json.changes.find((x) => x.kind === 'integrity-mismatch')!.severity).toBe('critical');
    expect(c.text).toMatch(
      /CRITICAL +lock-integrity-mismatch: server "demo": fx-mcp-lockable@1\.0\.0 now has other bytes/,
    );
  }, 120_000);

  it('unpinned, missing from the lock, and stale', async () => {
    await config({ latest: 'fx-mcp-lockable', range: 'fx-mcp-lockable@^1' });
    const c = await check();
    expect(c.code).toBe(1);
    const rules = c.json.findings.map((f) => f.rule);
    expect(rules.filter((r) => r === 'lock-unpinned')).toHaveLength(2);
    expect(rules.filter((r) => r === 'lock-missing')).toHaveLength(2);
    expect(rules).toContain('lock-stale');
    expect(c.text).toMatch(/server "latest" \(\.mcp\.json\) runs npx fx-mcp-lockable, not an exact version/);
  }, 120_000);

  it('lock only re-vets the servers that changed', async () => {
    await config({ demo: 'fx-mcp-lockable@1.0.0' });
    await fsp.copyFile(path.join(dir, 'base.lock.json'), LOCK());
    const r = await cli(['lock', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ vetted: [], kept: ['demo'], changes: [] });
    await config({ demo: 'fx-mcp-lockable@1.2.0' });
    const r2 = await cli(['lock', '--format', 'json']);
    expect(JSON.parse(r2.stdout)).toMatchObject({ vetted: ['demo'], kept: [] });
    await fsp.copyFile(LOCK(), path.join(dir, 'new.lock.json'));
  }, 120_000);

  it('--user locks and checks the servers of the user-scope configs too, named by ~/', async () => {
    await config({ demo: 'fx-mcp-lockable@1.0.0' });
    const home = path.join(dir, 'home');
    await fsp.mkdir(path.join(home, '.cursor'), { recursive: true });
    await fsp.writeFile(
      path.join(home, '.cursor', 'mcp.json'),
      JSON.stringify({ mcpServers: { mine: { command: 'npx', args: ['-y', 'fx-mcp-lockable@1.2.0'] } } }),
    );
    const env = { HOME: home };
    const lockArgs = ['--lock', 'user.lock.json', '--no-introspect', '--format', 'json'];
    const l = await cli(['lock', '--user', ...lockArgs], registry, env);
    expect(l.code).toBe(0);
    const text = await fsp.readFile(path.join(repo, 'user.lock.json'), 'utf8');
    const lock = JSON.parse(text);
    expect(Object.keys(lock.servers)).toEqual(['demo', 'mine']);
    expect(lock.servers.mine).toMatchObject({
      spec: 'fx-mcp-lockable@1.2.0',
      declaredAt: [{ file: '~/.cursor/mcp.json', client: 'cursor' }],
    });
    expect(text).not.toContain(home);
    const ok = await cli(['check', '--user', ...lockArgs], registry, env);
    expect(ok.code).toBe(0);
    // without --user the user's server is not declared anywhere: the lock has a stale entry
    const without = await cli(['check', ...lockArgs], registry, env);
    expect(without.code).toBe(1);
    expect(JSON.parse(without.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('lock-stale');
  }, 120_000);
});

describe('diff OLD NEW', () => {
  it('prints the same change report, in text, markdown and json', async () => {
    const base = path.join(dir, 'base.lock.json');
    const next = path.join(dir, 'new.lock.json');
    const same = await runCli(['diff', base, base], { cwd: repo });
    expect(same.code).toBe(0);
    expect(same.stdout).toBe('no changes\n');
    const t = await runCli(['diff', base, next], { cwd: repo });
    expect(t.code).toBe(1);
    expect(t.stdout).toMatch(/HIGH +lock-tool-changed: server "demo": tool "echo" changed its description/);
    const md = await runCli(['diff', base, next, '--format', 'markdown'], { cwd: repo });
    expect(md.stdout).toMatch(/#### `demo`/);
    expect(md.stdout).toMatch(/```diff\n[\s\S]*\[-caller-\]\{\+attacker\+\}/);
    const j = await runCli(['diff', base, next, '--format', 'json'], { cwd: repo });
    expect(
      JSON.parse(j.stdout)
        .changes.map((c: { kind: string }) => c.kind)
        .sort(),
    ).toEqual(['tool-changed', 'version-changed']);
  });
});

describe('bad lockfiles: a clear error naming the server and the field', () => {
  const cases: [string, (t: string) => string, RegExp][] = [
    ['not JSON', (t) => t.slice(0, 100), /E_LOCK: bad\.lock\.json: not valid JSON/],
    [
      'unknown version',
      (t) => t.replace('"lockfileVersion": 1', '"lockfileVersion": 7'),
      /unknown lockfileVersion 7/,
    ],
    [
      'a hash that does not match its text',
      (t) => t.replace('Echoes the message back to the caller.', 'Echoes the message back.'),
      /server "demo", field manifest\.tools\["echo"\]\.fields\.description\.sha256: does not match its text/,
    ],
    [
      'merge-conflict markers',
      (t) => t.replace(/(\n {6}"package": )/, '\n<<<<<<< HEAD\n=======\n>>>>>>> pr$1'),
      /merge-conflict markers at line \d+ \(in server "demo"\)/,
    ],
  ];
  it.each(cases)('%s', async (_, edit, message) => {
    const text = await fsp.readFile(path.join(dir, 'base.lock.json'), 'utf8');
    await fsp.writeFile(path.join(dir, 'bad.lock.json'), edit(text));
    const r = await runCli(['diff', path.join(dir, 'base.lock.json'), 'bad.lock.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
