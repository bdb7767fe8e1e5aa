/**
 * The resolution cache and the packument cache it validates against: a warm run reuses the last
 * tree only while every packument it was computed from is unchanged; a changed registry means a
 * re-resolution; corrupt cache files are ignored (and repaired), never a crash.
 */
import { readdir, readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../src/registry/client.js';
import { loadNpmConfig } from '../src/registry/npmrc.js';
import type { Platform } from '../src/registry/platform.js';
import { resolveTreeCached } from '../src/registry/resolution-cache.js';
import { fetchPackage } from '../src/registry/tarball.js';
import type { ResolvedTree } from '../src/model.js';
import { startRegistry, type PackageMeta, type TestRegistry } from './helpers/registry.js';

const LINUX: Platform = { os: 'linux', cpu: 'x64', libc: 'glibc' };

let registry: TestRegistry;
let work: string;
// mutated by tests to "publish": the helper rebuilds packuments per request
const meta: Record<string, PackageMeta> = {
  'rc-dep': { time: { '1.0.0': '2024-01-01T00:00:00.000Z', '1.1.0': '2024-02-01T00:00:00.000Z' } },
};

beforeAll(async () => {
  registry = await startRegistry({
    packages: {
      'rc-server': {
        '1.0.0': {
          manifest: { dependencies: { 'rc-dep': '^1.0.0' }, optionalDependencies: { 'rc-gone': '^1.0.0' } },
        },
      },
      'rc-dep': { '1.0.0': { manifest: {} }, '1.1.0': { manifest: {} }, '1.2.0': { manifest: {} } },
    },
    meta,
  });
  work = await mkdtemp(join(tmpdir(), 'mcp-vet-rescache-'));
});

afterAll(async () => {
  await registry?.close();
  if (work) await rm(work, { recursive: true, force: true, maxRetries: 5 });
});

interface Run {
  tree: ResolvedTree;
  cached: boolean;
  warnings: string[];
  requests: string[];
}

async function run(
  cacheDir: string,
  opts: { preferOnline?: boolean; platform?: Platform } = {},
): Promise<Run> {
  const config = loadNpmConfig({ registryOverride: registry.url, userconfig: join(work, 'none'), env: {} });
  const client = new RegistryClient({ config, cacheDir, preferOnline: opts.preferOnline });
  const warnings: string[] = [];
  const before = registry.requests.length;
  const { tree, cached } = await resolveTreeCached('rc-server@1.0.0', {
    cacheDir,
    client,
    platform: opts.platform ?? LINUX,
    warn: (m) => warnings.push(m),
    openTarball: (req) => fetchPackage(req, { cacheDir, registryOptions: client.registryOptions }),
  });
  // cache writes finish before the process exits; here, before the next run looks at the files
  await client.flush();
  const requests = registry.requests
    .slice(before)
    .map((r) => r.path)
    .filter((p) => !p.endsWith('.tgz'));
  return { tree, cached, warnings, requests };
}

const versionOf = (t: ResolvedTree, name: string): string | undefined =>
  t.packages.find((p) => p.name === name)?.version;

/** Makes every packument cache entry stale, as if max-age had passed. */
async function expirePackuments(cacheDir: string): Promise<void> {
  const dir = join(cacheDir, 'packuments');
  for (const f of await readdir(dir)) {
    const data = await readFile(join(dir, f), 'utf8');
    const nl = data.indexOf('\n');
    const header = JSON.parse(data.slice(0, nl)) as { fetchedAt: number };
    header.fetchedAt = 0;
    await writeFile(join(dir, f), `${JSON.stringify(header)}\n${data.slice(nl + 1)}`);
  }
}

/** `latest` on 1.1.0: npm picks the latest tag when it satisfies the range, so 1.2.0 is not used. */
function unpublish120(): void {
  meta['rc-dep']!['dist-tags'] = { latest: '1.1.0' };
}

/** Moving `latest` to 1.2.0 changes what `rc-dep@^1.0.0` resolves to, as a publish would. */
function publish120(): void {
  meta['rc-dep']!['dist-tags'] = { latest: '1.2.0' };
}

describe('resolution cache', () => {
  it('a second run reuses the tree without registry requests, and replays warnings', async () => {
    unpublish120();
    const cacheDir = join(work, 'c-hit');
    const first = await run(cacheDir);
    expect(first.cached).toBe(false);
    expect(versionOf(first.tree, 'rc-dep')).toBe('1.1.0');
    // publish times are part of the cached tree
    expect(first.tree.packages.find((p) => p.name === 'rc-dep')?.published).toBe('2024-02-01T00:00:00.000Z');
    // the optional dependency that does not exist is warned about
    expect(first.warnings.join('\n')).toMatch(/rc-gone/);

    const second = await run(cacheDir);
    expect(second.cached).toBe(true);
    expect(second.requests).toEqual([]);
    expect(second.tree).toEqual(first.tree);
    expect(second.warnings).toEqual(first.warnings);
    expect((await readdir(join(cacheDir, 'resolutions'))).length).toBe(1);
  });

  it('re-resolves when the registry changed (stale packuments revalidated)', async () => {
    unpublish120();
    const cacheDir = join(work, 'c-stale');
    const first = await run(cacheDir);
    expect(versionOf(first.tree, 'rc-dep')).toBe('1.1.0');

    // unchanged registry, stale cache: revalidated (requests), still the cached resolution
    await expirePackuments(cacheDir);
    const same = await run(cacheDir);
    expect(same.requests.length).toBeGreaterThan(0);
    expect(same.cached).toBe(true);
    expect(same.tree).toEqual(first.tree);

    // a new version is published: while the packuments are fresh, nothing is asked (like npm's
    // own cache); once they are stale, the new packument changes the revision → re-resolution
    publish120();
    const fresh = await run(cacheDir);
    expect(fresh.cached).toBe(true);
    expect(versionOf(fresh.tree, 'rc-dep')).toBe('1.1.0');
    await expirePackuments(cacheDir);
    const changed = await run(cacheDir);
    expect(changed.cached).toBe(false);
    expect(versionOf(changed.tree, 'rc-dep')).toBe('1.2.0');
    // and the new tree is what the cache serves from now on
    const again = await run(cacheDir);
    expect(again.cached).toBe(true);
    expect(versionOf(again.tree, 'rc-dep')).toBe('1.2.0');
  });

  it('--prefer-online revalidates every packument and re-resolves on a change', async () => {
    unpublish120();
    const cacheDir = join(work, 'c-online');
    expect(versionOf((await run(cacheDir)).tree, 'rc-dep')).toBe('1.1.0');
    publish120();
    const online = await run(cacheDir, { preferOnline: true });
    expect(online.cached).toBe(false);
    expect(versionOf(online.tree, 'rc-dep')).toBe('1.2.0');
  });

  it('another platform is another entry', async () => {
    unpublish120();
    const cacheDir = join(work, 'c-platform');
    await run(cacheDir);
    const mac = await run(cacheDir, { platform: { os: 'darwin', cpu: 'arm64' } });
    expect(mac.cached).toBe(false);
    expect((await readdir(join(cacheDir, 'resolutions'))).length).toBe(2);
  });

  it('ignores a corrupt resolution file and writes a good one', async () => {
    unpublish120();
    const cacheDir = join(work, 'c-corrupt');
    const first = await run(cacheDir);
    const dir = join(cacheDir, 'resolutions');
    const [file] = await readdir(dir);
    const good = JSON.parse(await readFile(join(dir, file!), 'utf8')) as { tree: ResolvedTree };
    const edited = { ...good, tree: { ...good.tree, packages: [{ name: 'x' }] } };
    for (const junk of [
      '{"format":1,"packuments":',
      'null',
      '{"format":1,"packuments":{},"tree":{}}',
      '',
      JSON.stringify(edited),
    ]) {
      await writeFile(join(dir, file!), junk);
      const r = await run(cacheDir);
      expect(r.cached).toBe(false);
      expect(r.tree).toEqual(first.tree);
    }
    expect((await run(cacheDir)).cached).toBe(true);
  });

  it('ignores corrupt packument cache files (garbage, or a damaged body under a good header)', async () => {
    unpublish120();
    const cacheDir = join(work, 'c-packument');
    const first = await run(cacheDir);
    const dir = join(cacheDir, 'packuments');
    const files = await readdir(dir);
    // garbage everywhere: every packument is fetched again, the resolution cannot be validated
    for (const f of files) await writeFile(join(dir, f), 'not json at all');
    const garbage = await run(cacheDir);
    expect(garbage.tree).toEqual(first.tree);
    expect(garbage.requests.length).toBeGreaterThan(0);

    // a good header over a truncated body: resolution (which parses the body) refetches it
    await rm(join(cacheDir, 'resolutions'), { recursive: true });
    for (const f of await readdir(dir)) {
      const data = await readFile(join(dir, f), 'utf8');
      const nl = data.indexOf('\n');
      if (data.length > nl + 1) await writeFile(join(dir, f), data.slice(0, nl + 10));
    }
    const damaged = await run(cacheDir);
    expect(damaged.cached).toBe(false);
    expect(damaged.tree).toEqual(first.tree);
    expect(damaged.requests.length).toBeGreaterThan(0);
  });
});
