/**
 * A strict npm registry on 127.0.0.1 for tests: real HTTP, real gzipped tarballs, real integrity.
 *
 * Fixture packages are packed at start-up (deterministically: sorted file list, mtime 0, portable
 * headers) and served with packuments shaped like registry.npmjs.org's. Anything a test did not set
 * up is a 404 *and* is recorded in `unexpected`, so tests can assert the code under test asked for
 * nothing it should not have.
 */
import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import semver from 'semver';
import * as tar from 'tar';

export interface FixtureVersion {
  /** A package directory (containing package.json) to pack. */
  dir?: string;
  /** Files to pack (relative path → content). Without a `package.json`, one is generated. */
  files?: Record<string, string | Buffer>;
  /** Extra package.json fields for the generated package.json (`name`/`version` are filled in). */
  manifest?: Record<string, unknown>;
}

export interface PackageMeta {
  'dist-tags'?: Record<string, string>;
  /**
   * Version-level overrides merged over the package.json fields in the packument (e.g. `deprecated`,
   * `os`, `cpu`, `_hasShrinkwrap`, or a wrong `dist`). A version listed here without a fixture is
   * served in the packument without a tarball.
   */
  versions?: Record<string, Record<string, unknown>>;
  /** `time` object of the packument (`created`, `modified`, per-version ISO dates). */
  time?: Record<string, string>;
  /** Any other packument-level fields. */
  [field: string]: unknown;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface RegistryOptions {
  /** folder like test/fixtures/packages/<name-with-%2f-for-scoped>/<version>/ (each a package dir containing package.json) */
  packagesDir?: string;
  /** In-code fixtures: name → version → fixture. */
  packages?: Record<string, Record<string, FixtureVersion>>;
  /** extra packument-level data per package name: dist-tags, deprecated per version, time, and any version-level field overrides (e.g. os, cpu, _hasShrinkwrap) */
  meta?: Record<string, PackageMeta>;
  /** When set, every request must carry `authorization: Bearer <token>` or gets 401. */
  token?: string;
  /**
   * Raw route overrides for hostile cases: path → handler (serve a hand-made tarball, a malformed
   * packument, always-500). Matched against the raw request path (no query) and its decoded form.
   */
  routes?: Record<string, RouteHandler>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  accept?: string;
  authorization?: string;
}

export interface TestRegistry {
  /** `http://127.0.0.1:<port>/` (with trailing slash). */
  url: string;
  /** Every request received, in order (including ones answered 401/404). */
  requests: RecordedRequest[];
  /** `METHOD path` of every request that matched nothing. */
  unexpected: string[];
  close(): Promise<void>;
  /** URL path of a fixture tarball, e.g. `/@scope/name/-/name-1.0.0.tgz`. */
  tarballPath(name: string, version: string): string;
  /** Full tarball URL as it appears in the packument. */
  tarballUrl(name: string, version: string): string;
  /** `sha512-…` SRI of the packed fixture tarball. */
  integrity(name: string, version: string): string;
  /** The packed fixture tarball bytes. */
  tarball(name: string, version: string): Buffer;
}

interface Packed {
  name: string;
  version: string;
  manifest: Record<string, unknown>;
  tgz: Buffer;
  integrity: string;
  shasum: string;
  fileCount: number;
  unpackedSize: number;
}

export async function startRegistry(opts: RegistryOptions): Promise<TestRegistry> {
  const packed = new Map<string, Map<string, Packed>>(); // name → version → packed
  const add = (p: Packed): void => {
    const versions = packed.get(p.name) ?? new Map<string, Packed>();
    versions.set(p.version, p);
    packed.set(p.name, versions);
  };

  if (opts.packagesDir) {
    for (const folder of (await fsp.readdir(opts.packagesDir)).sort()) {
      const name = decodeURIComponent(folder);
      for (const version of (await fsp.readdir(path.join(opts.packagesDir, folder))).sort()) {
        add(await packDir(path.join(opts.packagesDir, folder, version), name, version));
      }
    }
  }
  for (const [name, versions] of Object.entries(opts.packages ?? {})) {
    for (const [version, fixture] of Object.entries(versions)) add(await packFixture(name, version, fixture));
  }

  const requests: RecordedRequest[] = [];
  const unexpected: string[] = [];
  let base = '';

  const tarballPath = (name: string, version: string): string => {
    const basename = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
    return `/${name}/-/${basename}-${version}.tgz`;
  };

  // Built lazily (the URL is only known once listening) and rebuilt per request: cheap, and it keeps
  // the packument in step with anything a test mutates.
  const packument = (name: string): Record<string, unknown> | null => {
    const fixtures = packed.get(name);
    const meta = opts.meta?.[name];
    if (!fixtures && !meta) return null;
    const { 'dist-tags': distTags, versions: versionMeta, time, ...extra } = meta ?? {};
    const versions: Record<string, Record<string, unknown>> = {};
    for (const [version, p] of fixtures ?? []) {
      versions[version] = {
        ...p.manifest,
        name,
        version,
        _id: `${name}@${version}`,
        dist: {
          tarball: base + tarballPath(name, version).slice(1),
          integrity: p.integrity,
          shasum: p.shasum,
          fileCount: p.fileCount,
          unpackedSize: p.unpackedSize,
        },
      };
    }
    for (const [version, fields] of Object.entries(versionMeta ?? {})) {
      versions[version] = { name, version, _id: `${name}@${version}`, ...versions[version], ...fields };
    }
    const latest = Object.keys(versions)
      .filter((v) => semver.valid(v) && !semver.prerelease(v))
      .sort(semver.rcompare)[0];
    const doc: Record<string, unknown> = {
      _id: name,
      name,
      'dist-tags': { ...(latest ? { latest } : {}), ...distTags },
      versions,
      ...extra,
    };
    if (time) doc.time = time;
    return doc;
  };

  const tarballs = (): Map<string, Packed> => {
    const byPath = new Map<string, Packed>();
    for (const versions of packed.values()) {
      for (const p of versions.values()) {
        // The encoded-scope form (`/@scope%2fname/-/…`) is matched through the decoded path.
        byPath.set(tarballPath(p.name, p.version), p);
      }
    }
    return byPath;
  };

  const server = createServer((req, res) => {
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const accept = req.headers.accept;
    const authorization = req.headers.authorization;
    requests.push({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      ...(accept !== undefined ? { accept } : {}),
      ...(authorization !== undefined ? { authorization } : {}),
    });

    const send = (status: number, body: unknown, type = 'application/json'): void => {
      const data = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
      res.writeHead(status, { 'content-type': type, 'content-length': data.length });
      res.end(req.method === 'HEAD' ? undefined : data);
    };

    if (opts.token !== undefined && authorization !== `Bearer ${opts.token}`) {
      send(401, { error: 'Unauthorized' });
      return;
    }

    let decoded: string;
    try {
      decoded = decodeURIComponent(rawPath);
    } catch {
      decoded = rawPath;
    }

    const route = opts.routes?.[rawPath] ?? opts.routes?.[decoded];
    if (route) {
      route(req, res);
      return;
    }

    if (req.method === 'GET' || req.method === 'HEAD') {
      if (rawPath === '/-/ping') {
        send(200, {});
        return;
      }
      const tarball = tarballs().get(rawPath) ?? tarballs().get(decoded);
      if (tarball) {
        send(200, tarball.tgz, 'application/octet-stream');
        return;
      }
      // `/name`, `/@scope%2fname`, `/@scope/name`.
      const name = decoded.slice(1);
      if (/^(@[^/]+\/)?[^/@][^/]*$/.test(name)) {
        const doc = packument(name);
        if (doc) {
          send(200, doc);
          return;
        }
      }
    }

    unexpected.push(`${req.method ?? 'GET'} ${req.url ?? '/'}`);
    send(404, { error: 'Not found' });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const get = (name: string, version: string): Packed => {
    const p = packed.get(name)?.get(version);
    if (!p) throw new Error(`test registry: no fixture ${name}@${version}`);
    return p;
  };

  return {
    url: base,
    requests,
    unexpected,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets from the client's agent would otherwise hold close() open.
        server.closeAllConnections();
      }),
    tarballPath,
    tarballUrl: (name, version) => base + tarballPath(name, version).slice(1),
    integrity: (name, version) => get(name, version).integrity,
    tarball: (name, version) => get(name, version).tgz,
  };
}

/** `sha512-<base64>` of some bytes. */
export function sri(data: Buffer, algorithm = 'sha512'): string {
  return `${algorithm}-${createHash(algorithm).update(data).digest('base64')}`;
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fsp.readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** Packs a directory the way `npm pack` lays it out (`package/…`), byte-stable across runs. */
async function packDir(dir: string, name: string, version: string): Promise<Packed> {
  // Plain code-unit order (not locale order), so the archive is the same everywhere.
  const files = (await listFiles(dir)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const chunks: Buffer[] = [];
  const stream = tar.c(
    { gzip: true, portable: true, mtime: new Date(0), prefix: 'package', cwd: dir },
    files,
  );
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  const tgz = Buffer.concat(chunks);
  const manifest = JSON.parse(await fsp.readFile(path.join(dir, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  let unpackedSize = 0;
  for (const f of files) unpackedSize += (await fsp.stat(path.join(dir, f))).size;
  return {
    name,
    version,
    manifest,
    tgz,
    integrity: sri(tgz),
    shasum: createHash('sha1').update(tgz).digest('hex'),
    fileCount: files.length,
    unpackedSize,
  };
}

async function packFixture(name: string, version: string, fixture: FixtureVersion): Promise<Packed> {
  if (fixture.dir) return packDir(fixture.dir, name, version);
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'mcp-vet-fixture-'));
  try {
    const files: Record<string, string | Buffer> = { ...fixture.files };
    if (files['package.json'] === undefined) {
      files['package.json'] = JSON.stringify({ name, version, ...fixture.manifest }, null, 2) + '\n';
    }
    for (const [rel, content] of Object.entries(files)) {
      await fsp.mkdir(path.dirname(path.join(tmp, rel)), { recursive: true });
      await fsp.writeFile(path.join(tmp, rel), content);
    }
    return await packDir(tmp, name, version);
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
  }
}
