import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VetError, type ErrorCode } from '../src/errors.js';
import {
  cachePathFor,
  DEFAULT_LIMITS,
  fetchPackage,
  findBundled,
  type FetchOptions,
  type TarballRequest,
} from '../src/registry/tarball.js';
import { paxEntry, pkgEntries, tarBytes, tgz } from './helpers/hostile.js';
import { sri, startRegistry, type RouteHandler, type TestRegistry } from './helpers/registry.js';

const packagesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'packages');
const FAST_RETRY = { retries: 1, minTimeout: 10, maxTimeout: 20 };

/** Hostile tarballs served under /hostile/<key>.tgz; each request uses the bytes' real integrity. */
const hostile: Record<string, Buffer> = {
  dotdot: tgz(pkgEntries('fx-evil', '1.0.0', [{ path: 'package/../../../escape.txt', body: 'pwned' }])),
  absolute: tgz(
    pkgEntries('fx-evil', '1.0.0', [{ path: `/tmp/mcp-vet-abs-${process.pid}.txt`, body: 'pwned' }]),
  ),
  symlink: tgz(
    pkgEntries('fx-evil', '1.0.0', [{ path: 'package/passwd', type: '2', linkpath: '/etc/passwd' }]),
  ),
  hardlink: tgz(
    pkgEntries('fx-evil', '1.0.0', [{ path: 'package/hl', type: '1', linkpath: 'package/index.js' }]),
  ),
  chardev: tgz(
    pkgEntries('fx-evil', '1.0.0', [{ path: 'package/null', type: '3', devmajor: 1, devminor: 3 }]),
  ),
  blockdev: tgz(pkgEntries('fx-evil', '1.0.0', [{ path: 'package/sda', type: '4', devmajor: 8 }])),
  fifo: tgz(pkgEntries('fx-evil', '1.0.0', [{ path: 'package/pipe', type: '6' }])),
  unknownType: tgz(pkgEntries('fx-evil', '1.0.0', [{ path: 'package/volume', type: 'V' }])),
  paxDotdot: tgz(
    pkgEntries('fx-evil', '1.0.0', [
      paxEntry({ path: 'package/../../pax-escape.txt' }),
      { path: 'package/innocent.txt', body: 'pwned' },
    ]),
  ),
  paxLongName: tgz(
    pkgEntries('fx-long', '1.0.0', [
      paxEntry({ path: `package/${'d'.repeat(120)}/file.txt` }),
      { path: 'package/short.txt', body: 'long name via pax' },
    ]),
  ),
  truncatedGzip: tgz(pkgEntries('fx-evil', '1.0.0')).subarray(0, 60),
  truncatedTar: gzipSync(
    tarBytes(pkgEntries('fx-evil', '1.0.0', [{ path: 'package/big.bin', size: 4096, body: 'short' }]), {
      end: false,
    }),
  ),
  garbage: gzipSync(Buffer.from('this is not a tar archive\n'.repeat(40))),
  noPackageJson: tgz([{ path: 'package/index.js', body: 'module.exports = 1;\n' }]),
  badPackageJson: tgz([{ path: 'package/package.json', body: '{ nope' }]),
  marker: tgz(pkgEntries('fx-evil', '1.0.0', [{ path: 'package/.mcp-vet.json', body: '{"format":1}' }])),
  fileVsDir: tgz(
    pkgEntries('fx-evil', '1.0.0', [
      { path: 'package/lib', body: 'a file' },
      { path: 'package/lib/x.js', body: 'x' },
    ]),
  ),
  // 8 MiB of zeros deflates ~1025:1, past tar's built-in 1000:1 guard, while under our byte caps.
  bomb: tgz(
    pkgEntries('fx-evil', '1.0.0', [{ path: 'package/zeros.bin', body: Buffer.alloc(8 * 1024 * 1024) }]),
  ),
  hugeHeader: tgz(pkgEntries('fx-evil', '1.0.0', [{ path: 'package/huge.bin', size: 300 * 1024 * 1024 }])),
  // bundled-package layouts that test every rule of findBundled's walk
  trickyBundles: tgz(
    pkgEntries('fx-tricky', '1.0.0', [
      { path: 'package/node_modules/.bin/package.json', body: '{"name":"dot-folder"}' },
      { path: 'package/node_modules/@s/package.json', body: '{"name":"scope-folder-itself"}' },
      { path: 'package/node_modules/@s/.hidden/package.json', body: '{"name":"in-scope","version":"1.0.0"}' },
      { path: 'package/node_modules/@s/node_modules/x/package.json', body: '{"name":"not-reached"}' },
      { path: 'package/node_modules/a/node_modules/b/package.json', body: '{"version":"2.0.0"}' },
      { path: 'package/node_modules/c/package.json', body: '{ broken' },
      {
        path: 'package/node_modules/c/node_modules/@t/d/package.json',
        body: '{"name":"@t/d","version":"3"}',
      },
      { path: 'package/node_modules/e/package.json', body: '[1]' },
      { path: 'package/node_modules/f/package.json', body: '{"name":"f","version":"1.0.0"}' },
      { path: 'package/node_modules/f/package.json', body: '{"name":"f","version":"1.0.1"}' },
      { path: 'package/node_modules/g/index.js', body: 'no package.json here' },
    ]),
  ),
  otherTopFolder: tgz([
    { path: 'node-pkg/package.json', body: JSON.stringify({ name: 'fx-top', version: '1.0.0' }) },
    { path: 'node-pkg/lib/a.js', body: 'a' },
    { path: 'stray-root-file', body: 'dropped, like npm does' },
  ]),
};

function serve(bytes: Buffer): RouteHandler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
    res.end(bytes);
  };
}

let registry: TestRegistry;
let authRegistry: TestRegistry;
let cacheDir: string;

beforeAll(async () => {
  const routes: Record<string, RouteHandler> = {
    '/always-500.tgz': (_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"boom"}');
    },
    // No Content-Length (chunked transfer): the compressed cap must be enforced while streaming.
    '/chunked/fx-many.tgz': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(registry.tarball('fx-many', '1.0.0'));
    },
    '/forbidden.tgz': (_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end('{"error":"forbidden"}');
    },
  };
  for (const [key, bytes] of Object.entries(hostile)) routes[`/hostile/${key}.tgz`] = serve(bytes);
  registry = await startRegistry({
    packagesDir,
    packages: {
      'fx-bundler': {
        '1.0.0': {
          manifest: { bundleDependencies: ['fx-inner', '@fx/scoped-inner'] },
          files: {
            'index.js': "module.exports = require('fx-inner');\n",
            'node_modules/fx-inner/package.json': '{"name":"fx-inner","version":"2.3.4"}',
            'node_modules/fx-inner/index.js': 'module.exports = 1;\n',
            'node_modules/fx-inner/node_modules/fx-deeper/package.json':
              '{"name":"fx-deeper","version":"0.0.1"}',
            'node_modules/@fx/scoped-inner/package.json': '{"name":"@fx/scoped-inner","version":"1.0.0"}',
            'node_modules/.bin/fx-inner': '#!/usr/bin/env node\n',
            'node_modules/not-a-package/README': 'no package.json here',
          },
        },
      },
      'fx-many': {
        '1.0.0': { files: { 'a.js': 'a', 'b.js': 'b', 'c.js': 'c', 'big.txt': 'x'.repeat(5000) } },
      },
    },
    routes,
  });
  authRegistry = await startRegistry({ packagesDir, token: 's3cret-token' });
});

afterAll(async () => {
  await registry?.close();
  await authRegistry?.close();
});

// A fresh, private cache directory per test.
beforeEach(async () => {
  cacheDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'mcp-vet-cache-'));
});
afterEach(async () => {
  await fsp.rm(cacheDir, { recursive: true, force: true });
});

function options(extra: Partial<FetchOptions> = {}, reg: TestRegistry = registry): FetchOptions {
  return { cacheDir, registryOptions: { registry: reg.url, retry: FAST_RETRY }, ...extra };
}

function fixtureRequest(name: string, version: string, reg: TestRegistry = registry): TarballRequest {
  return { name, version, integrity: reg.integrity(name, version), resolved: reg.tarballUrl(name, version) };
}

function hostileRequest(key: keyof typeof hostile, name = 'fx-evil'): TarballRequest {
  const bytes = hostile[key] as Buffer;
  return { name, version: '1.0.0', integrity: sri(bytes), resolved: `${registry.url}hostile/${key}.tgz` };
}

async function expectVetError(
  promise: Promise<unknown>,
  code: ErrorCode,
  ...parts: string[]
): Promise<VetError> {
  const err = await promise.then(
    () => {
      throw new Error(`expected a VetError ${code}, but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VetError);
  const vet = err as VetError;
  expect(vet.code, vet.message).toBe(code);
  for (const part of parts) expect(vet.message).toContain(part);
  return vet;
}

/** After a failure: no temp dir left, nothing published in the cache. */
function expectNothingLeftBehind(): void {
  const tmp = path.join(cacheDir, 'tmp');
  if (existsSync(tmp)) expect(readdirSync(tmp)).toEqual([]);
  const packages = path.join(cacheDir, 'packages');
  if (existsSync(packages)) expect(readdirSync(packages)).toEqual([]);
}

describe('fetchPackage: happy path and cache', () => {
  it('downloads, verifies and extracts; a second call is a cache hit with zero requests', async () => {
    const req = fixtureRequest('fx-tiny', '1.1.0');
    const before = registry.requests.length;

    const first = await fetchPackage(req, options({ extract: 'full' }));
    expect(first.fromCache).toBe(false);
    expect(first.manifest).toMatchObject({ name: 'fx-tiny', version: '1.1.0' });
    expect(first.bundled).toEqual([]);
    expect(readFileSync(path.join(first.dir, 'index.js'), 'utf8')).toContain('fx-tiny 1.1.0');
    expect(readFileSync(path.join(first.dir, 'lib/helper.js'), 'utf8')).toContain('42');
    // Modes from the archive are ignored: plain files, never executable.
    expect(statSync(path.join(first.dir, 'index.js')).mode & 0o111).toBe(0);
    expect(registry.requests.slice(before).map((r) => r.path)).toEqual([
      registry.tarballPath('fx-tiny', '1.1.0'),
    ]);

    // Content-addressed layout: <cacheDir>/packages/sha512-<hex of the tarball's sha512>.
    const hex = createHash('sha512').update(registry.tarball('fx-tiny', '1.1.0')).digest('hex');
    expect(first.dir).toBe(path.join(cacheDir, 'packages', `sha512-${hex}`));
    expect(cachePathFor(cacheDir, req.integrity)).toBe(first.dir);
    // one line of marker, then the package's package.json, byte for byte
    const [markerLine, ...rest] = readFileSync(path.join(first.dir, '.mcp-vet.json'), 'utf8').split('\n');
    const marker = JSON.parse(markerLine!) as Record<string, unknown>;
    expect(JSON.parse(rest.join('\n'))).toEqual(first.manifest);
    expect(marker).toMatchObject({
      integrity: req.integrity,
      name: 'fx-tiny',
      version: '1.1.0',
      bundled: [],
    });
    expect(readdirSync(path.join(cacheDir, 'tmp'))).toEqual([]);

    const afterFirst = registry.requests.length;
    const second = await fetchPackage(req, options());
    expect(second).toEqual({ ...first, fromCache: true });
    expect(registry.requests.length).toBe(afterFirst);
    expect(registry.unexpected).toEqual([]);
  });

  it('fetches a scoped package from its /@scope/name/-/name-v.tgz URL', async () => {
    const result = await fetchPackage(fixtureRequest('@fx/scoped', '1.0.0'), options());
    expect(result.manifest).toMatchObject({ name: '@fx/scoped', dependencies: { 'fx-tiny': '^1.0.0' } });
    expect(registry.tarballPath('@fx/scoped', '1.0.0')).toBe('/@fx/scoped/-/scoped-1.0.0.tgz');
    expect(registry.unexpected).toEqual([]);
  });

  it('uses the strongest algorithm of a multi-hash SRI and ignores weaker or unknown ones', async () => {
    const tarball = registry.tarball('fx-tiny', '1.0.0');
    // A wrong sha1 and an unknown algorithm next to the right sha512: only sha512 is checked.
    const integrity = `sha1-${Buffer.alloc(20).toString('base64')} md5-AAAA ${sri(tarball)}`;
    const result = await fetchPackage(
      { name: 'fx-tiny', version: '1.0.0', integrity, resolved: registry.tarballUrl('fx-tiny', '1.0.0') },
      options(),
    );
    expect(path.basename(result.dir)).toMatch(/^sha512-[0-9a-f]{128}$/);
    // A sha256-only SRI is verified with sha256 and cached under it.
    const sha256 = sri(tarball, 'sha256');
    const other = await fetchPackage(
      {
        name: 'fx-tiny',
        version: '1.0.0',
        integrity: sha256,
        resolved: registry.tarballUrl('fx-tiny', '1.0.0'),
      },
      options(),
    );
    expect(path.basename(other.dir)).toMatch(/^sha256-[0-9a-f]{64}$/);
  });

  it('lists bundled packages (nested and scoped), also on a cache hit', async () => {
    const req = fixtureRequest('fx-bundler', '1.0.0');
    const expected = [
      { name: '@fx/scoped-inner', version: '1.0.0', location: 'node_modules/@fx/scoped-inner' },
      { name: 'fx-inner', version: '2.3.4', location: 'node_modules/fx-inner' },
      { name: 'fx-deeper', version: '0.0.1', location: 'node_modules/fx-inner/node_modules/fx-deeper' },
    ];
    const first = await fetchPackage(req, options());
    expect(first.bundled).toEqual(expected);
    expect(first.manifest.bundleDependencies).toEqual(['fx-inner', '@fx/scoped-inner']);
    const second = await fetchPackage(req, options());
    expect(second.fromCache).toBe(true);
    expect(second.bundled).toEqual(expected);
  });

  it('finds bundled packages from the bytes kept while extracting exactly as the disk walk does', async () => {
    const expected = [
      { name: 'in-scope', version: '1.0.0', location: 'node_modules/@s/.hidden' },
      { name: 'b', version: '2.0.0', location: 'node_modules/a/node_modules/b' },
      { name: '@t/d', version: '3', location: 'node_modules/c/node_modules/@t/d' },
      { name: 'f', version: '1.0.1', location: 'node_modules/f' },
    ];
    const meta = await fetchPackage(hostileRequest('trickyBundles', 'fx-tricky'), options());
    expect(meta.bundled).toEqual(expected);
    const full = await fetchPackage(
      hostileRequest('trickyBundles', 'fx-tricky'),
      options({ cacheDir: path.join(cacheDir, 'full') }),
    );
    expect(full.bundled).toEqual(expected);
    expect(await findBundled(full.dir)).toEqual(expected);
  });

  it('strips whatever the top folder is called and drops root-level files, like npm', async () => {
    const result = await fetchPackage(
      hostileRequest('otherTopFolder', 'fx-top'),
      options({ extract: 'full' }),
    );
    expect(result.manifest).toMatchObject({ name: 'fx-top' });
    expect(readdirSync(result.dir).sort()).toEqual(['.mcp-vet.json', '.mcp-vet.tgz', 'lib', 'package.json']);
  });

  it('accepts pax headers (long names) and applies them', async () => {
    const result = await fetchPackage(hostileRequest('paxLongName', 'fx-long'), options({ extract: 'full' }));
    expect(readFileSync(path.join(result.dir, 'd'.repeat(120), 'file.txt'), 'utf8')).toBe(
      'long name via pax',
    );
    expect(existsSync(path.join(result.dir, 'short.txt'))).toBe(false);
  });

  it('re-fetches a cache directory that has no marker (incomplete)', async () => {
    const req = fixtureRequest('fx-tiny', '1.0.0');
    const dir = cachePathFor(cacheDir, req.integrity);
    await fsp.mkdir(dir, { recursive: true });
    await fsp.writeFile(path.join(dir, 'package.json'), '{"name":"half-written"}');
    await fsp.writeFile(path.join(dir, 'junk.js'), 'leftover');
    const result = await fetchPackage(req, options());
    expect(result.fromCache).toBe(false);
    expect(result.manifest).toMatchObject({ name: 'fx-tiny', version: '1.0.0' });
    expect(existsSync(path.join(dir, 'junk.js'))).toBe(false);
  });

  it('survives concurrent fetches of the same tarball (one rename wins, the other keeps it)', async () => {
    const req = fixtureRequest('fx-tiny', '1.0.0');
    const results = await Promise.all([1, 2, 3].map(() => fetchPackage(req, options())));
    for (const r of results) expect(r.manifest).toMatchObject({ name: 'fx-tiny', version: '1.0.0' });
    expect(new Set(results.map((r) => r.dir)).size).toBe(1);
    expect(readdirSync(path.join(cacheDir, 'tmp'))).toEqual([]);
  });
});

describe('fetchPackage: integrity', () => {
  it('rejects bytes that do not match the packument integrity, naming both digests', async () => {
    // The registry serves 1.0.0's bytes where 1.1.0's integrity was promised.
    const expectedSri = registry.integrity('fx-tiny', '1.1.0');
    const actualSri = sri(registry.tarball('fx-tiny', '1.0.0'));
    const err = await expectVetError(
      fetchPackage(
        {
          name: 'fx-tiny',
          version: '1.1.0',
          integrity: expectedSri,
          resolved: registry.tarballUrl('fx-tiny', '1.0.0'),
        },
        options(),
      ),
      'E_INTEGRITY',
      'fx-tiny@1.1.0',
      expectedSri,
      actualSri,
      'not used',
    );
    expect(err.message).toContain(registry.tarballUrl('fx-tiny', '1.0.0'));
    expectNothingLeftBehind();
  });

  it('reports E_INTEGRITY (not E_TARBALL) when hostile bytes also fail the digest', async () => {
    const req = { ...hostileRequest('dotdot'), integrity: registry.integrity('fx-tiny', '1.0.0') };
    await expectVetError(fetchPackage(req, options()), 'E_INTEGRITY', 'fx-evil@1.0.0');
    expectNothingLeftBehind();
  });

  it('rejects an SRI with no usable digest', async () => {
    const req = { ...fixtureRequest('fx-tiny', '1.0.0'), integrity: 'md5-AAAAAAAAAAAAAAAAAAAAAA==' };
    await expectVetError(fetchPackage(req, options()), 'E_INTEGRITY', 'fx-tiny@1.0.0');
  });
});

describe('fetchPackage: unsafe archives', () => {
  const cases: [keyof typeof hostile, string][] = [
    ['dotdot', 'package/../../../escape.txt'],
    ['absolute', `/tmp/mcp-vet-abs-${process.pid}.txt`],
    ['symlink', 'symbolic link'],
    ['hardlink', 'hard link'],
    ['chardev', 'character device'],
    ['blockdev', 'block device'],
    ['fifo', 'FIFO'],
    ['unknownType', 'unsupported entry type'],
    ['paxDotdot', 'package/../../pax-escape.txt'],
    ['marker', '.mcp-vet.json'],
  ];
  it.each(cases)('%s → E_TARBALL naming the entry', async (key, mention) => {
    await expectVetError(fetchPackage(hostileRequest(key), options()), 'E_TARBALL', 'fx-evil@1.0.0', mention);
    expectNothingLeftBehind();
    // Nothing escaped: not next to the cache, not at the absolute path.
    expect(existsSync(path.join(cacheDir, 'escape.txt'))).toBe(false);
    expect(existsSync(path.join(path.dirname(cacheDir), 'escape.txt'))).toBe(false);
    expect(existsSync(path.join(cacheDir, 'pax-escape.txt'))).toBe(false);
    expect(existsSync(`/tmp/mcp-vet-abs-${process.pid}.txt`)).toBe(false);
  });

  it.each([
    ['truncatedGzip', 'truncated or corrupt'],
    ['truncatedTar', 'truncated or corrupt'],
    ['garbage', 'truncated or corrupt'],
    ['noPackageJson', 'no package.json'],
    ['badPackageJson', 'not valid JSON'],
    ['fileVsDir', 'package/lib/x.js'],
  ] as const)('%s → E_TARBALL', async (key, mention) => {
    await expectVetError(fetchPackage(hostileRequest(key), options()), 'E_TARBALL', 'fx-evil@1.0.0', mention);
    expectNothingLeftBehind();
  });
});

describe('fetchPackage: limits', () => {
  it('caps the number of files', async () => {
    await expectVetError(
      fetchPackage(fixtureRequest('fx-many', '1.0.0'), options({ limits: { maxFiles: 2 } })),
      'E_TARBALL_LIMIT',
      'fx-many@1.0.0',
      'maxFiles',
      '2',
    );
    expectNothingLeftBehind();
  });

  it('caps a single file size', async () => {
    await expectVetError(
      fetchPackage(fixtureRequest('fx-many', '1.0.0'), options({ limits: { maxFileBytes: 1000 } })),
      'E_TARBALL_LIMIT',
      'fx-many@1.0.0',
      'maxFileBytes',
      '1000',
      'big.txt',
    );
    expectNothingLeftBehind();
  });

  it('caps the total unpacked size (checked from headers, before any data arrives)', async () => {
    await expectVetError(
      fetchPackage(fixtureRequest('fx-many', '1.0.0'), options({ limits: { maxTotalBytes: 4000 } })),
      'E_TARBALL_LIMIT',
      'fx-many@1.0.0',
      'maxTotalBytes',
      '4000',
    );
    // A header claiming 300 MiB trips the default cap immediately, although the body is empty.
    await expectVetError(
      fetchPackage(hostileRequest('hugeHeader'), options()),
      'E_TARBALL_LIMIT',
      'fx-evil@1.0.0',
      'maxFileBytes',
      String(DEFAULT_LIMITS.maxFileBytes),
    );
    expectNothingLeftBehind();
  });

  it('caps the compressed size', async () => {
    await expectVetError(
      fetchPackage(fixtureRequest('fx-many', '1.0.0'), options({ limits: { maxCompressedBytes: 100 } })),
      'E_TARBALL_LIMIT',
      'fx-many@1.0.0',
      'maxCompressedBytes',
      '100',
    );
    // Without Content-Length the count during streaming catches it.
    await expectVetError(
      fetchPackage(
        { ...fixtureRequest('fx-many', '1.0.0'), resolved: `${registry.url}chunked/fx-many.tgz` },
        options({ limits: { maxCompressedBytes: 100 } }),
      ),
      'E_TARBALL_LIMIT',
      'fx-many@1.0.0',
      'maxCompressedBytes',
      'the download exceeded it',
    );
    expectNothingLeftBehind();
  });

  it("maps tar's decompression-ratio guard (gzip bomb) to E_TARBALL_LIMIT", async () => {
    await expectVetError(
      fetchPackage(hostileRequest('bomb'), options()),
      'E_TARBALL_LIMIT',
      'fx-evil@1.0.0',
      'decompression ratio',
    );
    expectNothingLeftBehind();
  });
});

describe('fetchPackage: HTTP failures', () => {
  it('404 → E_NOT_FOUND naming the URL and the package', async () => {
    const resolved = `${registry.url}fx-tiny/-/fx-tiny-9.9.9.tgz`;
    await expectVetError(
      fetchPackage({ ...fixtureRequest('fx-tiny', '1.0.0'), version: '9.9.9', resolved }, options()),
      'E_NOT_FOUND',
      'fx-tiny@9.9.9',
      resolved,
    );
    expect(registry.unexpected).toContain('GET /fx-tiny/-/fx-tiny-9.9.9.tgz');
    registry.unexpected.length = 0;
    expectNothingLeftBehind();
  });

  it('401 without a token → E_AUTH telling which .npmrc key to set; succeeds with it', async () => {
    const req = fixtureRequest('fx-tiny', '1.0.0', authRegistry);
    const host = new URL(authRegistry.url).host;
    await expectVetError(
      fetchPackage(req, options({}, authRegistry)),
      'E_AUTH',
      'fx-tiny@1.0.0',
      `//${host}/:_authToken`,
    );
    expectNothingLeftBehind();

    const withToken = options({}, authRegistry);
    withToken.registryOptions[`//${host}/:_authToken`] = 's3cret-token';
    const result = await fetchPackage(req, withToken);
    expect(result.manifest).toMatchObject({ name: 'fx-tiny' });
    expect(authRegistry.requests.at(-1)?.authorization).toBe('Bearer s3cret-token');
    expect(authRegistry.unexpected).toEqual([]);
  });

  it('403 → E_AUTH', async () => {
    const req = { ...fixtureRequest('fx-tiny', '1.0.0'), resolved: `${registry.url}forbidden.tgz` };
    await expectVetError(fetchPackage(req, options()), 'E_AUTH', 'fx-tiny@1.0.0', '403');
  });

  it('500 on every attempt → E_REGISTRY_UNAVAILABLE after the configured retries', async () => {
    const before = registry.requests.length;
    const req = { ...fixtureRequest('fx-tiny', '1.0.0'), resolved: `${registry.url}always-500.tgz` };
    await expectVetError(fetchPackage(req, options()), 'E_REGISTRY_UNAVAILABLE', 'fx-tiny@1.0.0', '500');
    // One attempt plus one retry.
    expect(registry.requests.slice(before).map((r) => r.path)).toEqual([
      '/always-500.tgz',
      '/always-500.tgz',
    ]);
    expectNothingLeftBehind();
  });

  it('connection refused → E_REGISTRY_UNAVAILABLE', async () => {
    // Grab a free port, then close it so nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    // Credentials in the URL must not leak into the message (minipass-fetch quotes the full URL).
    const req = {
      ...fixtureRequest('fx-tiny', '1.0.0'),
      resolved: `http://user:hunter2@127.0.0.1:${port}/fx-tiny/-/x.tgz`,
    };
    const err = await expectVetError(fetchPackage(req, options()), 'E_REGISTRY_UNAVAILABLE', 'fx-tiny@1.0.0');
    expect(err.message).not.toContain('hunter2');
    expectNothingLeftBehind();
  });

  it('an aborted signal stops the fetch without leaving anything behind', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    await expect(
      fetchPackage(fixtureRequest('fx-tiny', '1.0.0'), options({ signal: controller.signal })),
    ).rejects.toThrow('user cancelled');
    expectNothingLeftBehind();
  });
});

describe('test registry', () => {
  it('serves packuments with dist data, install-v1 accept, ping, and records unexpected paths', async () => {
    const res = await fetch(`${registry.url}fx-tiny`, {
      headers: { accept: 'application/vnd.npm.install-v1+json' },
    });
    const doc = (await res.json()) as {
      'dist-tags': Record<string, string>;
      versions: Record<string, { dist: { tarball: string; integrity: string; shasum: string } }>;
    };
    expect(doc['dist-tags']).toEqual({ latest: '1.1.0' }); // the prerelease is not latest
    expect(Object.keys(doc.versions).sort()).toEqual(['1.0.0', '1.1.0', '2.0.0-beta.1']);
    expect(doc.versions['1.1.0']?.dist.tarball).toBe(registry.tarballUrl('fx-tiny', '1.1.0'));
    expect(doc.versions['1.1.0']?.dist.integrity).toBe(registry.integrity('fx-tiny', '1.1.0'));
    expect(registry.requests.at(-1)?.accept).toBe('application/vnd.npm.install-v1+json');

    for (const p of ['@fx%2fscoped', '@fx%2Fscoped', '@fx/scoped']) {
      const scoped = await fetch(registry.url + p);
      expect(scoped.status).toBe(200);
      expect(((await scoped.json()) as { name: string }).name).toBe('@fx/scoped');
    }
    expect((await fetch(`${registry.url}-/ping`)).status).toBe(200);

    const missing = await fetch(`${registry.url}does-not-exist`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'Not found' });
    expect(registry.unexpected).toEqual(['GET /does-not-exist']);
    registry.unexpected.length = 0;
  });

  it('packs fixtures deterministically', async () => {
    const again = await startRegistry({ packagesDir });
    try {
      expect(again.integrity('fx-tiny', '1.1.0')).toBe(registry.integrity('fx-tiny', '1.1.0'));
    } finally {
      await again.close();
    }
  });
});

describe('fetchPackage: metadata and full extraction', () => {
  it('writes only metadata by default, keeps the verified tarball, and extracts fully later without the network', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-vet-meta-'));
    const req = fixtureRequest('fx-tiny', '1.1.0');
    const meta = await fetchPackage(req, options({ cacheDir: dir }));
    // the package.json is in the marker: one file creation less per package
    expect(readdirSync(meta.dir).sort()).toEqual(['.mcp-vet.json', '.mcp-vet.tgz']);
    expect(meta.manifest).toMatchObject({ name: 'fx-tiny', version: '1.1.0' });
    const before = registry.requests.length;
    const full = await fetchPackage(req, options({ cacheDir: dir, extract: 'full' }));
    expect(registry.requests.length).toBe(before); // from the cached tarball
    expect(full.fromCache).toBe(false);
    expect(readFileSync(path.join(full.dir, 'lib', 'helper.js'), 'utf8').length).toBeGreaterThan(0);
    const again = await fetchPackage(req, options({ cacheDir: dir, extract: 'metadata' }));
    expect(again.fromCache).toBe(true); // a full entry serves metadata requests too
    rmSync(dir, { recursive: true, force: true });
  });

  it('re-verifies the cached tarball before a full extraction', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-vet-meta-'));
    const req = fixtureRequest('fx-tiny', '1.1.0');
    const meta = await fetchPackage(req, options({ cacheDir: dir }));
    const tgz = path.join(meta.dir, '.mcp-vet.tgz');
    const bytes = readFileSync(tgz);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    writeFileSync(tgz, bytes);
    await expectVetError(
      fetchPackage(req, options({ cacheDir: dir, extract: 'full' })),
      'E_INTEGRITY',
      'fx-tiny@1.1.0',
    );
    rmSync(dir, { recursive: true, force: true });
  });
});
