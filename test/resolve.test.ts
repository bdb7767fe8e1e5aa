/**
 * Resolution fidelity. Each scenario is a small registry built to exercise one of npm's
 * placement rules; mcp-vet's resolver and the real `npm install --package-lock-only` resolve
 * the same spec against the same loopback registry, and the name@version sets must be equal.
 * The expected set is also written down, so a change in npm's behaviour shows up as a clear
 * failure rather than silently moving both sides.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../src/registry/client.js';
import { loadNpmConfig } from '../src/registry/npmrc.js';
import { normalizePackument } from '../src/registry/packument.js';
import { parsePackageSpec, pickManifest, resolveTree } from '../src/registry/resolve.js';
import { fetchPackage } from '../src/registry/tarball.js';
import type { ResolvedTree } from '../src/model.js';
import { resolveWithNpm } from './helpers/npm.js';
import {
  startRegistry,
  type FixtureVersion,
  type PackageMeta,
  type TestRegistry,
} from './helpers/registry.js';

type Pkgs = Record<string, Record<string, FixtureVersion>>;
const v = (deps: Record<string, string> = {}, extra: Record<string, unknown> = {}): FixtureVersion => ({
  manifest: { dependencies: deps, ...extra },
});

interface Scenario {
  name: string;
  spec: string;
  packages: Pkgs;
  meta?: Record<string, PackageMeta>;
  /** The set npm produces (checked against npm itself too). */
  expected: string[];
  skipped?: string[];
}

const scenarios: Scenario[] = [
  {
    // `a` is processed first and puts c@1.0.5 at the top; `b` accepts it, so no c@1.2.0 at all.
    // A resolver that picks the best version per edge would wrongly add c@1.2.0.
    name: 'reuses an already placed version that satisfies (order matters)',
    spec: 'srv-reuse@1.0.0',
    packages: {
      'srv-reuse': { '1.0.0': v({ 'r-a': '^1.0.0', 'r-b': '^1.0.0' }) },
      'r-a': { '1.0.0': v({ 'r-c': '~1.0.0' }) },
      'r-b': { '1.0.0': v({ 'r-c': '^1.0.0' }) },
      'r-c': { '1.0.5': v(), '1.2.0': v() },
    },
    expected: ['srv-reuse@1.0.0', 'r-a@1.0.0', 'r-b@1.0.0', 'r-c@1.0.5'],
  },
  {
    name: 'nests a conflicting version under its dependent',
    spec: 'srv-nest',
    packages: {
      'srv-nest': { '1.0.0': v({ 'n-a': '^1.0.0', 'n-c': '^2.0.0' }) },
      'n-a': { '1.0.0': v({ 'n-c': '^1.0.0' }) },
      'n-c': { '1.0.5': v(), '2.1.0': v() },
    },
    expected: ['srv-nest@1.0.0', 'n-a@1.0.0', 'n-c@1.0.5', 'n-c@2.1.0'],
  },
  {
    // x@1.0.0 is placed (latest tag), then ^1.1.0 needs newer: every dependent accepts 1.1.0,
    // so npm replaces it in place rather than keeping both.
    name: 'replaces an older copy when every dependent accepts the newer one',
    spec: 'srv-replace@1.0.0',
    packages: {
      'srv-replace': { '1.0.0': v({ 'p-a': '1.0.0', 'p-z': '1.0.0' }) },
      'p-a': { '1.0.0': v({ 'p-x': '^1.0.0' }) },
      'p-z': { '1.0.0': v({ 'p-x': '^1.1.0' }) },
      'p-x': { '1.0.0': v(), '1.1.0': v() },
    },
    meta: { 'p-x': { 'dist-tags': { latest: '1.0.0' } } },
    expected: ['srv-replace@1.0.0', 'p-a@1.0.0', 'p-z@1.0.0', 'p-x@1.1.0'],
  },
  {
    name: 'prefers the latest dist-tag over higher versions, and avoids deprecated ones',
    spec: 'srv-tags@^1.0.0',
    packages: {
      'srv-tags': { '1.0.0': v({ d: '^1.0.0', e: '^1.0.0' }), '1.1.0': v({ d: '^1.0.0', e: '^1.0.0' }) },
      d: { '1.0.0': v(), '1.5.0': v(), '2.0.0': v() },
      e: { '1.0.0': v(), '1.1.0': v() },
    },
    meta: {
      'srv-tags': { 'dist-tags': { latest: '1.0.0' } },
      d: { 'dist-tags': { latest: '1.0.0' } },
      e: { versions: { '1.1.0': { deprecated: 'broken, use 1.0.0' } } },
    },
    expected: ['srv-tags@1.0.0', 'd@1.0.0', 'e@1.0.0'],
  },
  {
    name: 'installs peer dependencies but not optional peers, and follows npm: aliases',
    spec: 'srv-peer@1.0.0',
    packages: {
      'srv-peer': { '1.0.0': v({ plugin: '^1.0.0', legacy: 'npm:real-pkg@^1.0.0' }) },
      plugin: {
        '1.0.0': v(
          {},
          {
            peerDependencies: { host: '^2.0.0', maybe: '*' },
            peerDependenciesMeta: { maybe: { optional: true } },
          },
        ),
      },
      host: { '2.0.0': v(), '2.3.0': v(), '3.0.0': v() },
      maybe: { '1.0.0': v() },
      'real-pkg': { '1.0.0': v(), '1.4.2': v() },
    },
    expected: ['srv-peer@1.0.0', 'plugin@1.0.0', 'host@2.3.0', 'real-pkg@1.4.2'],
  },
  {
    name: 'keeps foreign-platform optional dependencies in the tree, marked skipped',
    spec: 'srv-native@1.0.0',
    packages: {
      'srv-native': {
        '1.0.0': v({}, { optionalDependencies: { 'native-win': '1.0.0', 'native-any': '1.0.0' } }),
      },
      'native-win': { '1.0.0': v({ 'win-helper': '1.0.0' }, { os: ['win32'], cpu: ['x64'] }) },
      'win-helper': { '1.0.0': v() },
      'native-any': { '1.0.0': v({}, { os: ['!win32'] }) },
    },
    expected: ['srv-native@1.0.0', 'native-win@1.0.0', 'win-helper@1.0.0', 'native-any@1.0.0'],
    skipped: ['native-win@1.0.0', 'win-helper@1.0.0'],
  },
  {
    name: 'reads bundled dependencies from the tarball and still resolves the rest',
    spec: 'srv-bundle@1.0.0',
    packages: {
      'srv-bundle': {
        '1.0.0': {
          manifest: { dependencies: { inner: '^1.0.0', outer: '^1.0.0' }, bundleDependencies: ['inner'] },
          files: {
            'index.js': 'module.exports = 1;\n',
            'node_modules/inner/package.json': JSON.stringify({ name: 'inner', version: '1.0.3' }),
            'node_modules/inner/index.js': 'module.exports = 2;\n',
          },
        },
      },
      inner: { '1.0.0': v(), '1.9.9': v() },
      outer: { '1.0.0': v() },
    },
    expected: ['srv-bundle@1.0.0', 'inner@1.0.3', 'outer@1.0.0'],
  },
  {
    name: 'lays out a published npm-shrinkwrap.json instead of resolving ranges',
    spec: 'srv-shrink@1.0.0',
    packages: {
      'srv-shrink': {
        '1.0.0': {
          manifest: { dependencies: { lodashish: '^1.0.0' } },
          files: {
            'index.js': '',
            'npm-shrinkwrap.json': JSON.stringify({
              name: 'srv-shrink',
              version: '1.0.0',
              lockfileVersion: 3,
              requires: true,
              packages: {
                '': { name: 'srv-shrink', version: '1.0.0', dependencies: { lodashish: '^1.0.0' } },
                'node_modules/lodashish': { version: '1.0.0' },
              },
            }),
          },
        },
      },
      lodashish: { '1.0.0': v(), '1.3.0': v() },
    },
    meta: { 'srv-shrink': { versions: { '1.0.0': { _hasShrinkwrap: true } } } },
    expected: ['srv-shrink@1.0.0', 'lodashish@1.0.0'],
  },
];

// fill in tarball URLs/integrity after start: the registry helper does that for us
let registry: TestRegistry;
let work: string;

beforeAll(async () => {
  const packages: Pkgs = {};
  const meta: Record<string, PackageMeta> = {};
  for (const s of scenarios) {
    for (const [name, versions] of Object.entries(s.packages)) {
      packages[name] = { ...(packages[name] ?? {}), ...versions };
    }
    for (const [name, m] of Object.entries(s.meta ?? {})) {
      meta[name] = {
        ...(meta[name] ?? {}),
        ...m,
        versions: { ...(meta[name]?.versions ?? {}), ...(m.versions ?? {}) },
      };
    }
  }
  registry = await startRegistry({ packages, meta });
  work = await mkdtemp(join(tmpdir(), 'mcp-vet-resolve-'));
});

afterAll(async () => {
  await registry?.close();
  if (work) await rm(work, { recursive: true, force: true, maxRetries: 5 });
});

async function resolveWithMcpVet(spec: string, cacheDir: string): Promise<ResolvedTree> {
  const config = loadNpmConfig({ registryOverride: registry.url, userconfig: join(work, 'none'), env: {} });
  const client = new RegistryClient({ config, cacheDir });
  return resolveTree(spec, {
    client,
    platform: { os: 'linux', cpu: 'x64', libc: 'glibc' },
    openTarball: (req) => fetchPackage(req, { cacheDir, registryOptions: client.registryOptions }),
  });
}

const setOf = (t: ResolvedTree): Set<string> =>
  new Set([t.root, ...t.packages].map((p) => `${p.name}@${p.version}`));

describe('resolution matches npm', () => {
  for (const s of scenarios) {
    it(
      s.name,
      async () => {
        const dir = await mkdtemp(join(work, 'case-'));
        const [tree, npmSet] = await Promise.all([
          resolveWithMcpVet(s.spec, join(dir, 'cache')),
          resolveWithNpm(s.spec, dir, registry.url, { isolated: true }),
        ]);
        const mine = setOf(tree);
        if (process.env.DEBUG_RESOLVE) console.log(s.name, [...mine].sort(), [...npmSet].sort());
        expect([...mine].sort()).toEqual([...s.expected].sort());
        expect([...mine].sort()).toEqual([...npmSet].sort());
        const skipped = [tree.root, ...tree.packages]
          .filter((p) => p.skipped)
          .map((p) => `${p.name}@${p.version}`);
        expect(skipped.sort()).toEqual([...(s.skipped ?? [])].sort());
        expect(registry.unexpected).toEqual([]);
      },
      60_000,
    );
  }

  it('records the alias name and the bundled flag', async () => {
    const peer = await resolveWithMcpVet('srv-peer@1.0.0', join(work, 'c-alias'));
    const real = peer.packages.find((p) => p.name === 'real-pkg');
    expect(real?.alias).toBe('legacy');
    expect(real?.location).toBe('node_modules/legacy');
    const bundle = await resolveWithMcpVet('srv-bundle@1.0.0', join(work, 'c-bundle'));
    const inner = bundle.packages.find((p) => p.name === 'inner');
    expect(inner).toMatchObject({
      bundled: true,
      integrity: null,
      location: 'node_modules/srv-bundle/node_modules/inner',
    });
  });

  it('gives every package its shortest dependency path from the server', async () => {
    const tree = await resolveWithMcpVet('srv-nest@1.0.0', join(work, 'c-path'));
    const nested = tree.packages.find((p) => p.name === 'n-c' && p.version === '1.0.5');
    expect(nested?.path).toEqual(['srv-nest', 'n-a', 'n-c']);
    expect(tree.root.path).toEqual(['srv-nest']);
  });

  it('starts early downloads only for packages of this platform', async () => {
    const config = loadNpmConfig({ registryOverride: registry.url, userconfig: join(work, 'none'), env: {} });
    const cacheDir = join(work, 'c-early');
    const client = new RegistryClient({ config, cacheDir });
    const placed: string[] = [];
    await resolveTree('srv-native@1.0.0', {
      client,
      platform: { os: 'linux', cpu: 'x64', libc: 'glibc' },
      openTarball: (req) => fetchPackage(req, { cacheDir, registryOptions: client.registryOptions }),
      onPlaced: (p) => placed.push(`${p.name}@${p.version}`),
    });
    // native-win declares os win32: skipped here, so never worth downloading early
    expect(placed.sort()).toEqual(['native-any@1.0.0', 'srv-native@1.0.0', 'win-helper@1.0.0']);
  });

  it('fetches each packument once per run', async () => {
    const before = registry.requests.length;
    await resolveWithMcpVet('srv-reuse@1.0.0', join(work, 'c-once'));
    const paths = registry.requests
      .slice(before)
      .filter((r) => !r.path.endsWith('.tgz'))
      .map((r) => r.path);
    expect(paths.length).toBe(new Set(paths).size);
    expect(
      registry.requests
        .slice(before)
        .every((r) => r.path.endsWith('.tgz') || (r.accept ?? '').includes('install-v1')),
    ).toBe(true);
  });
});

describe('pickManifest (npm-pick-manifest semantics)', () => {
  const packument = normalizePackument('p', {
    name: 'p',
    'dist-tags': { latest: '1.2.0', next: '2.0.0-rc.1' },
    versions: Object.fromEntries(
      [
        ['1.0.0', {}],
        ['1.2.0', {}],
        ['1.3.0', { engines: { node: '>=99' } }],
        ['1.4.0', { deprecated: 'no' }],
        ['2.0.0-rc.1', {}],
      ].map(([ver, extra]) => [
        ver as string,
        {
          name: 'p',
          version: ver,
          dist: { tarball: `http://x/p-${ver as string}.tgz`, integrity: 'sha512-AA==' },
          ...(extra as object),
        },
      ]),
    ),
  });
  const opts = { nodeVersion: 'v20.0.0', npmVersion: null };
  it.each([
    ['^1.0.0', '1.2.0'], // latest satisfies
    // neither is deprecated-and-engine-ok; then engine compatibility beats not being deprecated
    ['>=1.3.0 <2', '1.4.0'],
    ['1.0.0', '1.0.0'],
    ['next', '2.0.0-rc.1'],
    ['*', '1.2.0'],
    ['^2.0.0-rc.0', '2.0.0-rc.1'],
  ])('%s → %s', (wanted, expected) => {
    expect(pickManifest(packument, wanted, opts)?.version).toBe(expected);
  });
  it('returns null when nothing matches', () => {
    expect(pickManifest(packument, '^3', opts)).toBeNull();
    expect(pickManifest(packument, 'nope', opts)).toBeNull();
  });
});

describe('parsePackageSpec', () => {
  it.each([
    ['mcp-remote', 'mcp-remote', '*'],
    [
      '@modelcontextprotocol/server-filesystem@2025.8.21',
      '@modelcontextprotocol/server-filesystem',
      '2025.8.21',
    ],
    ['@scope/pkg@^1.2.0', '@scope/pkg', '^1.2.0'],
    ['pkg@next', 'pkg', 'next'],
  ])('%s', (raw, name, fetchSpec) => {
    expect(parsePackageSpec(raw)).toMatchObject({ name, fetchSpec });
  });
  it.each(['', 'foo@@@', '../x', 'git+https://example.com/x.git', 'https://example.com/x.tgz', 'UPPER/../x'])(
    'rejects %j with E_SPEC',
    (raw) => {
      expect(() => parsePackageSpec(raw)).toThrowError(expect.objectContaining({ code: 'E_SPEC' }) as Error);
    },
  );
});
