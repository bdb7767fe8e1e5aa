/**
 * Download a package tarball, verify its SRI integrity, extract it safely, and keep the result in a
 * content-addressed cache.
 *
 * Threat model: the registry (or anything between us and it) is not trusted. A tarball may be
 * hostile in every way tar allows — path traversal, absolute paths, links, device nodes, decompression
 * bombs, millions of tiny files, truncated or corrupt streams — and its bytes may not be the ones the
 * packument promised. Nothing from a tarball is used unless its digest matches the expected integrity,
 * and nothing is ever written outside a private temp directory inside the cache.
 *
 * Pipeline (one pass, no buffering of the tarball):
 *
 *   HTTP body ──► size cap ──► hash ──► tar.Parser (gunzip + parse) ──► checks ──► files in <cache>/tmp/…
 *
 * then, only if the digest matches: write the marker, rename the temp dir to
 * `<cacheDir>/packages/<algo>-<hex>/`.
 *
 * Files are written with synchronous fs calls from inside the parser's `data` events. That is
 * deliberate: npm-registry-fetch (minipass-fetch) does not apply backpressure to the socket, so any
 * asynchronous consumer that is slower than the network makes the response pile up in memory. With a
 * synchronous consumer every network chunk is hashed, inflated, parsed and written before the next one
 * is taken, memory stays at one chunk, and entries are written strictly in archive order (which also
 * gives "last duplicate wins", like npm).
 */
import { createHash, type Hash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import type npmFetch from 'npm-registry-fetch';
import type { Parser, ReadEntry } from 'tar';
import { createGunzip, type Gunzip } from 'node:zlib';
import { VetError } from '../errors.js';
import { authKeyFor, errorMessage, isRecord, redactUrl } from './http.js';

export interface TarballLimits {
  maxCompressedBytes: number;
  maxTotalBytes: number;
  maxFiles: number;
  maxFileBytes: number;
}

/**
 * Generous enough for every real package, small enough that a hostile tarball cannot fill the disk or
 * exhaust inodes. For scale: the largest packages on npm (native binaries shipped as
 * `@scope/pkg-linux-x64`, e.g. TypeScript, esbuild, Next's swc) are 10–60 MB compressed, around
 * 100–150 MB unpacked, and a few thousand files.
 */
export const DEFAULT_LIMITS: TarballLimits = {
  /** Bytes on the wire: 100 MiB. Also bounds how much we download before giving up. */
  maxCompressedBytes: 100 * 1024 * 1024,
  /** Sum of all file sizes after extraction: 250 MiB (gzip bombs inflate far beyond this). */
  maxTotalBytes: 250 * 1024 * 1024,
  /** Files and directories: 20 000 (inode exhaustion; real packages stay well below). */
  maxFiles: 20_000,
  /** A single file: 100 MiB (the biggest legitimate files are native binaries / wasm). */
  maxFileBytes: 100 * 1024 * 1024,
};

export interface TarballRequest {
  name: string;
  version: string;
  integrity: string;
  resolved: string;
}

/**
 * What to write to disk. Every entry is always read, hashed and checked (paths, types, caps);
 * `metadata` writes only npm-shrinkwrap.json and bundled packages' package.json (the package's
 * own package.json is in the cache marker), which is all resolution and the SBOM need. `full`
 * writes every file, for stages that read the code. Writing tens of thousands of files costs
 * seconds, so it is done only when asked for, from the verified tarball kept in the cache entry
 * (no second download).
 */
export type ExtractMode = 'metadata' | 'full';

export interface FetchOptions {
  /** Default `metadata`. */
  extract?: ExtractMode;
  cacheDir: string;
  /**
   * Passed through to npm-registry-fetch: `registry` (the package's own, `@scope:registry` when
   * set: it decides which auth applies to a tarball URL on that host), auth keys like
   * `//host/:_authToken`, `retry`, `timeout`, proxy/TLS settings. `integrity` is always
   * overridden: verification happens here.
   */
  registryOptions: Record<string, unknown>;
  limits?: Partial<TarballLimits>;
  signal?: AbortSignal;
}

export interface BundledPackage {
  name: string;
  version: string;
  /** Relative to the package dir, e.g. `node_modules/foo/node_modules/bar`. */
  location: string;
}

export interface ExtractedPackage {
  /**
   * The package contents (first path component of the tarball stripped, as npm does): every file
   * after a `full` extraction; after a `metadata` one, only npm-shrinkwrap.json and bundled
   * packages' package.json (use `manifest` for the package's own), beside the verified tarball.
   */
  dir: string;
  /** The package.json from the tarball (not from the packument: it is what actually gets installed). */
  manifest: Record<string, unknown>;
  fromCache: boolean;
  /** Packages shipped inside the tarball under `node_modules/`, sorted by location. */
  bundled: BundledPackage[];
}

/**
 * How many bytes of metadata files (package.json, npm-shrinkwrap.json, bundled package.jsons) an
 * extraction keeps in memory instead of reading them back; beyond it they are read from disk.
 */
const METADATA_KEEP_BYTES = 8 * 1024 * 1024;

/** Written last into a cache entry; a directory without it is incomplete. */
const MARKER = '.mcp-vet.json';
/** 3: one line of marker, then the package's package.json (which a metadata entry has no file of) */
const MARKER_FORMAT = 3;
/** The verified tarball, kept inside its cache entry so a full extraction needs no download. */
const TARBALL = '.mcp-vet.tgz';

interface Marker {
  format: number;
  extract: ExtractMode;
  integrity: string;
  name: string;
  version: string;
  bundled: BundledPackage[];
}

// ---------------------------------------------------------------------------------------------------
// Integrity (SRI)

type Algorithm = 'sha512' | 'sha384' | 'sha256' | 'sha1';

/** Strongest first. Anything else in an SRI string (md5, unknown names) is ignored, like ssri does. */
const ALGORITHMS: readonly Algorithm[] = ['sha512', 'sha384', 'sha256', 'sha1'];
const DIGEST_BYTES: Record<Algorithm, number> = { sha512: 64, sha384: 48, sha256: 32, sha1: 20 };

interface ExpectedDigest {
  algorithm: Algorithm;
  /** Every digest given for that algorithm (SRI allows several; any one matching is a match). */
  digests: Buffer[];
}

/**
 * Picks the strongest algorithm in an SRI string (`sha512-… sha1-…`, options after `?` ignored).
 * Only the strongest one is checked: verifying a weaker hash in addition adds nothing, and accepting
 * a weaker one *instead* would let an attacker who can collide sha1 pick which hash we check.
 */
function parseIntegrity(integrity: string, id?: string): ExpectedDigest {
  const found = new Map<Algorithm, Buffer[]>();
  for (const token of integrity.trim().split(/\s+/)) {
    const match = /^([a-z0-9]+)-([A-Za-z0-9+/]+={0,2})(\?.*)?$/.exec(token);
    if (!match) continue;
    const algorithm = match[1] as Algorithm;
    if (!ALGORITHMS.includes(algorithm)) continue;
    const digest = Buffer.from(match[2] ?? '', 'base64');
    if (digest.length !== DIGEST_BYTES[algorithm]) continue;
    found.set(algorithm, [...(found.get(algorithm) ?? []), digest]);
  }
  for (const algorithm of ALGORITHMS) {
    const digests = found.get(algorithm);
    if (digests) return { algorithm, digests };
  }
  throw new VetError(
    'E_INTEGRITY',
    `The integrity "${integrity}"${id ? ` of ${id}` : ''} has no usable sha512/sha384/sha256/sha1 digest, ` +
      `so the tarball cannot be verified and was not used`,
  );
}

/** `<cacheDir>/packages/<algo>-<hex digest>` for the strongest hash in `integrity`. */
export function cachePathFor(cacheDir: string, integrity: string): string {
  const { algorithm, digests } = parseIntegrity(integrity);
  const hex = (digests[0] as Buffer).toString('hex');
  return path.join(cacheDir, 'packages', `${algorithm}-${hex}`);
}

// ---------------------------------------------------------------------------------------------------
// Entry point

export async function fetchPackage(req: TarballRequest, opts: FetchOptions): Promise<ExtractedPackage> {
  const id = `${req.name}@${req.version}`;
  const limits: TarballLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const expected = parseIntegrity(req.integrity, id);
  const finalDir = cachePathFor(opts.cacheDir, req.integrity);

  const mode: ExtractMode = opts.extract ?? 'metadata';
  const cached = await readCacheEntry(finalDir);
  if (cached && (mode === 'metadata' || cached.extract === 'full')) {
    return { dir: cached.dir, manifest: cached.manifest, bundled: cached.bundled, fromCache: true };
  }
  // A metadata-only entry asked for in full: re-extract from its verified tarball, no network.
  const localTarball = cached ? path.join(finalDir, TARBALL) : undefined;
  // A directory there without a valid marker is a leftover (interrupted or tampered with); publish()
  // replaces it. Not removed here: a concurrent process may complete the entry in the meantime.

  const tmpDir = await makeTempDir(path.join(opts.cacheDir, 'tmp'), `${expected.algorithm}-`);
  let published = false;
  try {
    const { metadata, packageJson } = await downloadAndExtract(
      req,
      opts,
      limits,
      expected,
      tmpDir,
      mode,
      localTarball,
    );
    // package.json and the bundled ones, from the bytes kept while extracting (the bundled ones
    // from disk when they were too big to keep)
    const manifest = parsePackageJson(packageJson, id);
    const bundled = metadata ? bundledFromMetadata(metadata) : await findBundled(tmpDir);
    const marker: Marker = {
      format: MARKER_FORMAT,
      extract: mode,
      integrity: req.integrity,
      name: req.name,
      version: req.version,
      bundled,
    };
    // The marker goes in last, so a directory that has one is complete: one line of marker, then
    // the package.json bytes (a metadata entry has no package.json file). Creating files is slow
    // on some disks; the promise API lets that run in the thread pool while this thread parses
    // and hashes.
    await fsp.writeFile(path.join(tmpDir, MARKER), [
      Buffer.from(`${JSON.stringify(marker)}\n`),
      packageJson as Buffer,
    ]);
    if (cached) await fsp.rm(finalDir, { recursive: true, force: true }); // upgrading to full
    const winner = await publish(tmpDir, finalDir);
    published = true;
    if (winner)
      return { dir: winner.dir, manifest: winner.manifest, bundled: winner.bundled, fromCache: false };
    return { dir: finalDir, manifest, fromCache: false, bundled };
  } finally {
    // After any failure this removes the partial extraction (after a rename there is nothing left,
    // and when another process's entry won, ours is still there).
    if (!published || existsSync(tmpDir)) await fsp.rm(tmpDir, { recursive: true, force: true });
  }
}

/**
 * Atomically moves the finished temp dir into place. If another process got there first with a
 * complete entry, theirs is kept (same digest, same bytes) and returned; ours is discarded.
 */
async function publish(tmpDir: string, finalDir: string): Promise<CacheEntry | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fsp.rename(tmpDir, finalDir);
      return null;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && attempt === 0) {
        // the first entry: `packages/` does not exist yet (made here, not before every rename)
        await fsp.mkdir(path.dirname(finalDir), { recursive: true });
        continue;
      }
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY' && code !== 'EPERM') throw err;
      const theirs = await readCacheEntry(finalDir);
      if (theirs) return theirs;
      // Incomplete leftover in the way: remove it and try once more.
      await fsp.rm(finalDir, { recursive: true, force: true });
    }
  }
  await fsp.rename(tmpDir, finalDir);
  return null;
}

type CacheEntry = Omit<ExtractedPackage, 'fromCache'> & { extract: ExtractMode };

/** mkdtemp in `root`, creating `root` only when it is missing (not before every package). */
async function makeTempDir(root: string, prefix: string): Promise<string> {
  try {
    return await fsp.mkdtemp(path.join(root, prefix));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await fsp.mkdir(root, { recursive: true });
    return await fsp.mkdtemp(path.join(root, prefix));
  }
}

/**
 * A cache hit: one read of the marker, which holds the package.json too. Anything unexpected
 * counts as a miss. Read synchronously: a small file, and a warm run checks one entry per
 * package, where the thread pool round trips of the promise API cost more than the read itself.
 */
async function readCacheEntry(dir: string): Promise<CacheEntry | null> {
  try {
    const data = readFileSync(path.join(dir, MARKER));
    const nl = data.indexOf(10);
    if (nl < 0) return null;
    const marker = JSON.parse(data.subarray(0, nl).toString('utf8')) as Marker;
    if (marker?.format !== MARKER_FORMAT || !Array.isArray(marker.bundled)) return null;
    const manifest = JSON.parse(data.subarray(nl + 1).toString('utf8')) as unknown;
    if (!isRecord(manifest)) return null;
    return {
      dir,
      manifest,
      bundled: marker.bundled,
      extract: marker.extract === 'full' ? 'full' : 'metadata',
    };
  } catch {
    return null;
  }
}

/** The files a metadata extraction writes: what resolution and the SBOM read. */
function isMetadataFile(rel: string): boolean {
  return (
    rel === 'package.json' ||
    rel === 'npm-shrinkwrap.json' ||
    /^(?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+package\.json$/.test(rel)
  );
}

// ---------------------------------------------------------------------------------------------------
// Download

/** What an extraction kept in memory, so nothing has to be read back from disk. */
interface Extracted {
  /** Bundled package.jsons and npm-shrinkwrap.json; null when too big to keep (read the files). */
  metadata: Map<string, Buffer> | null;
  packageJson: Buffer | undefined;
}

async function downloadAndExtract(
  req: TarballRequest,
  opts: FetchOptions,
  limits: TarballLimits,
  expected: ExpectedDigest,
  tmpDir: string,
  mode: ExtractMode,
  localTarball: string | undefined,
): Promise<Extracted> {
  const id = `${req.name}@${req.version}`;
  const url = redactUrl(req.resolved);
  const { Parser: TarParser } = await import('tar');
  if (localTarball) {
    // Re-extraction of a tarball that was verified when it was cached: verify it again anyway
    // (the cache is on disk and could have been changed), but don't go to the network.
    const hash = createHash(expected.algorithm);
    const extractor = new Extractor(TarParser, tmpDir, id, limits, mode);
    try {
      for await (const chunk of createReadStream(localTarball)) {
        hash.update(chunk as Buffer);
        extractor.write(chunk as Buffer);
      }
    } catch (err) {
      extractor.dispose();
      throw err instanceof VetError
        ? err
        : new VetError('E_TARBALL', `cannot read the cached tarball of ${id}: ${errorMessage(err)}`);
    }
    await extractor.end();
    verifyDigest(hash, expected, req, id);
    if (extractor.error) throw extractor.error;
    await fsp.copyFile(localTarball, path.join(tmpDir, TARBALL));
    return { metadata: extractor.metadata, packageJson: extractor.packageJson };
  }

  // Our own controller, so a failed check can cut the download off (minipass-fetch destroys the
  // socket on abort) instead of leaving the rest of a hostile response streaming in.
  const controller = new AbortController();
  const onOuterAbort = (): void => controller.abort(opts.signal?.reason);
  if (opts.signal?.aborted) throw opts.signal.reason;
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });

  try {
    let res: Awaited<ReturnType<typeof npmFetch>>;
    // loaded on first use: a warm run (everything cached) never needs the network stack
    const { default: fetchFn } = await import('npm-registry-fetch');
    try {
      res = await fetchFn(req.resolved, {
        // no `spec`: registryOptions.registry is the package's own (scoped) registry already, the
        // only thing npm-registry-fetch would derive from one (by parsing it on every request)
        ...(opts.registryOptions as npmFetch.Options),
        method: 'GET',
        // npm-registry-fetch would verify with ssri and throw its own EINTEGRITY; we verify
        // ourselves so the error says which package and what the digests were.
        integrity: undefined,
        signal: controller.signal,
      } as npmFetch.Options);
    } catch (err) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      throw httpError(err, req, opts);
    }
    if (res.status !== 200) {
      throw new VetError(
        'E_REGISTRY_UNAVAILABLE',
        `Downloading the tarball of ${id} from ${url} returned HTTP ${res.status} instead of 200`,
      );
    }

    // Refuse early when the server announces an oversized body; the streaming count below is
    // what actually enforces the cap (Content-Length may be absent or a lie).
    const announced = Number(res.headers.get('content-length'));
    if (Number.isFinite(announced) && announced > limits.maxCompressedBytes) {
      throw limitError(
        id,
        'maxCompressedBytes',
        limits.maxCompressedBytes,
        `the server announced ${announced} bytes`,
      );
    }

    const hash = createHash(expected.algorithm);
    const extractor = new Extractor(TarParser, tmpDir, id, limits, mode);
    let received = 0;
    // the compressed bytes are kept (written as they arrive) so a later full extraction is local
    const keep = openSync(path.join(tmpDir, TARBALL), 'w', 0o644);
    try {
      for await (const chunk of res.body as AsyncIterable<Buffer | string>) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        received += buf.length;
        if (received > limits.maxCompressedBytes) {
          throw limitError(id, 'maxCompressedBytes', limits.maxCompressedBytes, 'the download exceeded it');
        }
        hash.update(buf);
        for (let off = 0; off < buf.length;) off += writeSync(keep, buf, off, buf.length - off);
        // Synchronous; a no-op once extraction has failed. We keep hashing after an extraction
        // failure so that a tarball whose bytes are simply wrong is reported as E_INTEGRITY.
        extractor.write(buf);
      }
    } catch (err) {
      extractor.dispose();
      if (err instanceof VetError) throw err;
      if (opts.signal?.aborted) throw opts.signal.reason;
      throw new VetError(
        'E_REGISTRY_UNAVAILABLE',
        `The download of ${id} from ${url} was interrupted: ${errorMessage(err)}`,
        { cause: err },
      );
    } finally {
      closeSync(keep);
    }
    await extractor.end();

    verifyDigest(hash, expected, req, id);
    if (extractor.error) throw extractor.error;
    return { metadata: extractor.metadata, packageJson: extractor.packageJson };
  } finally {
    opts.signal?.removeEventListener('abort', onOuterAbort);
    // Harmless when the body was fully read; cuts the connection when we bailed out early.
    controller.abort();
  }
}

function verifyDigest(hash: Hash, expected: ExpectedDigest, req: TarballRequest, id: string): void {
  const actual = hash.digest();
  if (expected.digests.some((digest) => digest.equals(actual))) return;
  throw new VetError(
    'E_INTEGRITY',
    `Integrity check failed for ${id}: expected ${req.integrity}, but the tarball downloaded from ` +
      `${redactUrl(req.resolved)} has ${expected.algorithm}-${actual.toString('base64')}. ` +
      `The tarball was not used. The registry served different bytes than its packument promised ` +
      `(tampering, a corrupted mirror or a misconfigured proxy).`,
  );
}

/** Maps npm-registry-fetch failures (HTTP errors carry `.statusCode`, network errors `.code`). */
function httpError(err: unknown, req: TarballRequest, opts: FetchOptions): VetError {
  if (err instanceof VetError) return err;
  const id = `${req.name}@${req.version}`;
  const url = redactUrl(req.resolved);
  const status = (err as { statusCode?: unknown }).statusCode;
  const code = (err as { code?: unknown }).code;
  if (status === 404 || status === 410) {
    return new VetError(
      'E_NOT_FOUND',
      `The tarball of ${id} was not found: ${url} returned ${status}. The packument points at a tarball the registry does not have.`,
      { cause: err },
    );
  }
  if (status === 401 || status === 403 || code === 'EOTP') {
    const key = authKeyFor(req.resolved, opts.registryOptions.registry);
    return new VetError(
      'E_AUTH',
      `The registry refused to serve the tarball of ${id} (${url} returned ${String(status)}). ` +
        `If it needs credentials, set \`${key}:_authToken=<token>\` in your .npmrc.`,
      { cause: err },
    );
  }
  const what = typeof status === 'number' ? `HTTP ${status}` : errorMessage(err);
  return new VetError(
    'E_REGISTRY_UNAVAILABLE',
    `Could not download the tarball of ${id} from ${url}: ${what} (after retries)`,
    { cause: err },
  );
}

function limitError(id: string, cap: keyof TarballLimits, value: number, detail: string): VetError {
  return new VetError(
    'E_TARBALL_LIMIT',
    `The tarball of ${id} exceeds the ${cap} limit of ${value} (${detail}); it was not extracted. ` +
      `Raise the limit only if you trust this package.`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Safe extraction

/**
 * Feeds bytes to tar's Parser (which sniffs gzip — npm itself extracts with the same parser, so we
 * accept exactly what npm would read) and writes regular files and directories into `dest`.
 * Anything else is a hard error; tar's own tolerance (stripping `..` and leading `/` with a
 * warning, skipping unknown types) is not used because a vetting tool must not look at a sanitized
 * version of what it was given.
 */
/** tar's own limit on inflated / compressed bytes, kept when mcp-vet inflates instead of tar. */
const MAX_DECOMPRESSION_RATIO = 1000;

class Extractor {
  error: VetError | undefined;
  /**
   * The metadata files' bytes (path → content of the last entry with that path, as on disk),
   * kept so nothing has to be read back; null once they exceed METADATA_KEEP_BYTES.
   */
  metadata: Map<string, Buffer> | null = new Map();
  /** The package's own package.json (the last entry with that path), kept apart from `metadata`. */
  packageJson: Buffer | undefined;
  private metadataBytes = 0;
  private readonly parser: Parser;
  /**
   * A gzip stream is inflated here, on the thread pool, and the tar bytes fed to the parser; tar
   * would inflate it synchronously on the main thread, which also parses packuments meanwhile.
   * undefined until the first bytes show whether the tarball is gzipped.
   */
  private gunzip: Gunzip | null | undefined;
  private compressedBytes = 0;
  private inflatedBytes = 0;
  private readonly finished: Promise<void>;
  private resolveFinished: () => void = () => {};
  private files = 0;
  private totalBytes = 0;
  private readonly filePaths = new Set<string>();
  private readonly dirPaths = new Set<string>();
  private openFd: number | undefined;

  constructor(
    TarParser: typeof Parser,
    private readonly dest: string,
    private readonly id: string,
    private readonly limits: TarballLimits,
    private readonly mode: ExtractMode = 'full',
  ) {
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve));
    // strict: every warning (bad checksum, truncated input, bad archive) becomes an 'error' event.
    this.parser = new TarParser({ strict: true, onReadEntry: (entry) => this.onEntry(entry) });
    this.parser.on('error', (err: unknown) => this.fail(this.parserError(err)));
    // Entries tar decides to skip: unknown type flags (tar skips them, other tools extract them as
    // files — a parser differential) and oversized pax/long-name headers (tar drops the override,
    // so the entry's real name would differ from what other tools see).
    this.parser.on('ignoredEntry', (entry: ReadEntry) => {
      this.fail(this.entryError(entry, `has an unsupported entry type "${entry.type}"`));
    });
    this.parser.on('end', () => this.resolveFinished());
  }

  write(chunk: Buffer): void {
    if (this.error) return;
    if (this.gunzip === undefined)
      this.gunzip = chunk[0] === 0x1f && chunk[1] === 0x8b ? this.inflater() : null;
    if (this.gunzip) {
      this.compressedBytes += chunk.length;
      this.gunzip.write(chunk);
      return;
    }
    this.toParser(chunk);
  }

  async end(): Promise<void> {
    if (!this.error) {
      if (this.gunzip)
        this.gunzip.end(); // the parser ends when the inflater has
      else this.endParser();
    }
    await this.finished;
    this.closeFile();
  }

  private toParser(chunk: Buffer): void {
    if (this.error) return;
    try {
      this.parser.write(chunk);
    } catch (err) {
      this.fail(this.asVetError(err));
    }
  }

  private endParser(): void {
    try {
      this.parser.end();
    } catch (err) {
      this.fail(this.asVetError(err));
    }
  }

  private inflater(): Gunzip {
    const gunzip = createGunzip({ chunkSize: 1 << 18 });
    gunzip.on('data', (tar: Buffer) => {
      if (this.error) return;
      // the guard tar applies when it inflates itself (a gzip bomb), with its message
      this.inflatedBytes += tar.length;
      const ratio = this.inflatedBytes / this.compressedBytes;
      if (ratio > MAX_DECOMPRESSION_RATIO) {
        this.fail(
          this.parserError(
            new Error(`max decompression ratio exceeded: ${ratio.toFixed(2)} > ${MAX_DECOMPRESSION_RATIO}`),
          ),
        );
        return;
      }
      this.toParser(tar);
    });
    gunzip.on('error', (err) => this.fail(this.parserError(err)));
    gunzip.on('end', () => {
      if (!this.error) this.endParser();
    });
    return gunzip;
  }

  /** Stops extraction when the download itself failed: releases the open file and the inflater. */
  dispose(): void {
    this.fail(new VetError('E_TARBALL', `Extraction of ${this.id} was abandoned`));
  }

  private fail(err: VetError): void {
    if (this.error) return;
    this.error = err;
    this.closeFile();
    this.resolveFinished();
    // Stops the inflaters (their 'error' re-enters fail(), which is a no-op now).
    this.gunzip?.destroy();
    this.parser.abort(new Error('extraction failed'));
  }

  private closeFile(): void {
    if (this.openFd === undefined) return;
    const fd = this.openFd;
    this.openFd = undefined;
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }

  private onEntry(entry: ReadEntry): void {
    if (this.error) {
      entry.resume();
      return;
    }
    try {
      this.handleEntry(entry);
    } catch (err) {
      this.fail(this.asVetError(err, entry));
      entry.resume();
    }
  }

  private handleEntry(entry: ReadEntry): void {
    const rel = this.checkPath(entry);
    this.checkType(entry);
    if (rel === null) {
      // The top folder itself (`package/`), or a file at the archive root: npm's strip:1 drops these.
      entry.resume();
      return;
    }
    if (rel === MARKER || rel === TARBALL) {
      // Would be overwritten by our marker, hiding the file from the vetting and poisoning the cache.
      throw this.entryError(entry, `uses the name ${MARKER}, which mcp-vet reserves for its cache marker`);
    }

    this.files++;
    if (this.files > this.limits.maxFiles) {
      throw limitError(this.id, 'maxFiles', this.limits.maxFiles, `at entry "${entry.path}"`);
    }
    const target = path.join(this.dest, rel);
    // Defence in depth: checkPath already guarantees this.
    if (!target.startsWith(this.dest + path.sep))
      throw this.entryError(entry, 'escapes the package directory');

    // A path that is a file in one entry and a directory in another: extractors disagree on what
    // wins, so the archive means different code to different tools. Refused in either mode.
    for (let dir = path.posix.dirname(rel); dir !== '.'; dir = path.posix.dirname(dir)) {
      if (this.filePaths.has(dir))
        throw this.entryError(entry, `puts a file inside "${dir}", which is a file`);
      this.dirPaths.add(dir);
    }
    if (entry.type === 'Directory') this.dirPaths.add(rel);
    else if (this.dirPaths.has(rel))
      throw this.entryError(entry, 'is a file where the archive has a directory');
    else this.filePaths.add(rel);

    if (entry.type === 'Directory') {
      if (this.mode === 'full') mkdirSync(target, { recursive: true, mode: 0o755 });
      entry.resume();
      return;
    }

    // Sizes come from the header (after pax overrides) and are checked before any byte is written;
    // the data handler re-checks actual bytes in case the two ever disagree.
    const size = entry.size ?? 0;
    if (size > this.limits.maxFileBytes) {
      throw limitError(this.id, 'maxFileBytes', this.limits.maxFileBytes, `"${entry.path}" is ${size} bytes`);
    }
    this.totalBytes += size;
    if (this.totalBytes > this.limits.maxTotalBytes) {
      throw limitError(this.id, 'maxTotalBytes', this.limits.maxTotalBytes, `reached at "${entry.path}"`);
    }

    const isMetadata = isMetadataFile(rel);
    if (this.mode === 'metadata' && !isMetadata) {
      // checked above like every entry; its bytes still pass through the hash, just not to disk
      entry.resume();
      return;
    }
    // The package's own package.json is always kept whole (the cache marker stores it). In a
    // metadata extraction it is not written as a file: creating a file costs more than all the
    // rest of a small package's extraction.
    const isManifest = rel === 'package.json';
    let kept: Buffer[] | undefined;
    if (isManifest) kept = [];
    else if (isMetadata && this.metadata) {
      this.metadataBytes += size;
      if (this.metadataBytes > METADATA_KEEP_BYTES) this.metadata = null;
      else kept = [];
    }
    let fd: number | undefined;
    if (!(isManifest && this.mode === 'metadata')) {
      mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
      // Modes and owners from the archive are ignored: no setuid, no executable bits, no chown.
      // 'w' truncates an earlier duplicate entry (last one wins, as with npm). No symlink can exist
      // in our temp dir (we never create one), so opening cannot be redirected outside it.
      fd = openSync(target, 'w', 0o644);
      this.openFd = fd;
    }
    let written = 0;
    entry.on('data', (chunk: Buffer) => {
      if (this.error || this.openFd !== fd) return;
      try {
        written += chunk.length;
        if (written > this.limits.maxFileBytes) {
          throw limitError(this.id, 'maxFileBytes', this.limits.maxFileBytes, `"${entry.path}" is larger`);
        }
        let offset = 0;
        if (fd !== undefined)
          while (offset < chunk.length) offset += writeSync(fd, chunk, offset, chunk.length - offset);
        kept?.push(chunk);
      } catch (err) {
        this.fail(this.asVetError(err, entry));
      }
    });
    entry.on('end', () => {
      if (fd !== undefined && this.openFd === fd) this.closeFile();
      if (!kept || this.error) return;
      // the last entry with a path wins, as it does on disk
      if (isManifest) this.packageJson = Buffer.concat(kept);
      else if (this.metadata) this.metadata.set(rel, Buffer.concat(kept));
    });
    entry.resume();
  }

  /**
   * Returns the path relative to the package dir (first component stripped), or null for entries npm
   * would drop. Rejects what could escape the extraction directory on any platform.
   */
  private checkPath(entry: ReadEntry): string | null {
    const p = entry.path;
    // Absolute POSIX paths, UNC/backslash roots and Windows drive letters: tar would strip the root
    // and extract anyway; the archive is lying about where its files go, so refuse it.
    if (p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:/.test(p)) {
      throw this.entryError(entry, 'has an absolute path');
    }
    if (p.includes('\0')) throw this.entryError(entry, 'has a NUL byte in its path');
    // `..` is checked on both separators: a backslash is a separator when npm extracts on Windows.
    const segments = p.split(/[/\\]/);
    if (segments.includes('..')) throw this.entryError(entry, 'has a ".." path segment (path traversal)');
    // Strip the first component whatever it is called (usually `package/`), like npm's strip: 1.
    const rest = p
      .split('/')
      .slice(1)
      .filter((s) => s !== '' && s !== '.');
    if (rest.some((s) => s.includes('\\'))) throw this.entryError(entry, 'has a backslash in its path');
    return rest.length === 0 ? null : rest.join('/');
  }

  private checkType(entry: ReadEntry): void {
    switch (entry.type) {
      case 'File':
      case 'OldFile':
      case 'ContiguousFile':
      case 'Directory':
        return;
      // Links can point anywhere (`/etc/passwd`, `../../.ssh`) and a later entry written "through"
      // a symlinked directory lands outside the package. npm packages never need them.
      case 'SymbolicLink':
        throw this.entryError(entry, `is a symbolic link (to "${entry.linkpath ?? ''}")`);
      case 'Link':
        throw this.entryError(entry, `is a hard link (to "${entry.linkpath ?? ''}")`);
      // Device nodes and FIFOs have no place in a package and can hang or harm readers.
      case 'CharacterDevice':
        throw this.entryError(entry, 'is a character device');
      case 'BlockDevice':
        throw this.entryError(entry, 'is a block device');
      case 'FIFO':
        throw this.entryError(entry, 'is a FIFO');
      default:
        throw this.entryError(entry, `has an unsupported entry type "${entry.type}"`);
    }
  }

  private entryError(entry: ReadEntry, problem: string): VetError {
    return new VetError(
      'E_TARBALL',
      `The tarball of ${this.id} is unsafe: entry "${entry.path}" ${problem}. It was not extracted.`,
    );
  }

  private parserError(err: unknown): VetError {
    const message = errorMessage(err);
    if (/decompression ratio/.test(message)) {
      // tar's own gzip-bomb guard (output/input > 1000) fired before our byte caps did.
      return new VetError(
        'E_TARBALL_LIMIT',
        `The tarball of ${this.id} exceeds the decompression ratio limit of 1000 (${message}); it was not extracted.`,
        { cause: err },
      );
    }
    return new VetError(
      'E_TARBALL',
      `The tarball of ${this.id} is truncated or corrupt: ${message.replace(/^TAR_[A-Z_]+: /, '')}`,
      { cause: err },
    );
  }

  private asVetError(err: unknown, entry?: ReadEntry): VetError {
    if (err instanceof VetError) return err;
    const code = (err as NodeJS.ErrnoException).code;
    const where = entry ? ` at entry "${entry.path}"` : '';
    if (entry && (code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR')) {
      // Entries that contradict each other, e.g. a file `lib` followed by `lib/x.js`.
      return new VetError(
        'E_TARBALL',
        `The tarball of ${this.id} is unsafe: entry "${entry.path}" conflicts with an earlier entry ` +
          `(a file where a directory is, or the reverse; ${code}). It was not extracted.`,
        { cause: err },
      );
    }
    // Do not leak our temp path into the message; the entry name is what the user needs.
    const detail = errorMessage(err).split(this.dest).join('<package>');
    return new VetError('E_TARBALL', `The tarball of ${this.id} could not be extracted${where}: ${detail}`, {
      cause: err,
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// After extraction

function parsePackageJson(data: Buffer | undefined, id: string): Record<string, unknown> {
  if (data === undefined) {
    throw new VetError(
      'E_TARBALL',
      `The tarball of ${id} has no package.json in its top folder; it is not an npm package.`,
    );
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(data.toString('utf8'));
  } catch (err) {
    throw new VetError(
      'E_TARBALL',
      `The package.json in the tarball of ${id} is not valid JSON: ${errorMessage(err)}`,
      {
        cause: err,
      },
    );
  }
  if (!isRecord(manifest)) {
    throw new VetError('E_TARBALL', `The package.json in the tarball of ${id} is not a JSON object.`);
  }
  return manifest;
}

/**
 * The package folder name of a location findBundled would visit (`node_modules/a`,
 * `node_modules/@s/b/node_modules/c`, …; never through a folder starting with `.`, and a scope
 * folder is never a package itself), or null for a location it would not reach.
 */
function bundledFolderName(location: string): string | null {
  const segments = location.split('/');
  let folder: string | null = null;
  for (let i = 0; i < segments.length;) {
    const name = segments[i + 1];
    if (segments[i] !== 'node_modules' || name === undefined || name.startsWith('.')) return null;
    if (name.startsWith('@')) {
      const child = segments[i + 2];
      if (child === undefined) return null;
      folder = `${name}/${child}`;
      i += 3;
    } else {
      folder = name;
      i += 2;
    }
  }
  return folder;
}

/** A bundled package from its package.json text; null when that is not a JSON object. */
function bundledPackage(text: string, location: string, folderName: string): BundledPackage | null {
  let pj: unknown;
  try {
    pj = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(pj)) return null;
  return {
    name: typeof pj.name === 'string' ? pj.name : folderName,
    version: typeof pj.version === 'string' ? pj.version : '',
    location,
  };
}

/** findBundled over the metadata files kept during extraction: the same answer, no disk reads. */
function bundledFromMetadata(metadata: Map<string, Buffer>): BundledPackage[] {
  const found: BundledPackage[] = [];
  for (const [rel, data] of metadata) {
    if (!rel.endsWith('/package.json')) continue;
    const location = rel.slice(0, -'/package.json'.length);
    const folderName = bundledFolderName(location);
    if (folderName === null) continue;
    const pkg = bundledPackage(data.toString('utf8'), location, folderName);
    if (pkg) found.push(pkg);
  }
  return found.sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0));
}

/**
 * Packages shipped inside the tarball (`bundleDependencies`, or anything else under node_modules):
 * node resolves them before anything installed next to the package, so they are part of what runs.
 * Only directories are walked; symlinks cannot exist (extraction rejects them).
 */
export async function findBundled(pkgDir: string): Promise<BundledPackage[]> {
  const found: BundledPackage[] = [];

  const subdirs = async (rel: string): Promise<string[]> => {
    try {
      const entries = await fsp.readdir(path.join(pkgDir, rel), { withFileTypes: true });
      return entries.filter((e) => e.isDirectory()).map((e) => e.name);
    } catch {
      return [];
    }
  };

  const visit = async (location: string, folderName: string): Promise<void> => {
    // no or unreadable package.json: not a package, but its node_modules may still hold some
    const text = await fsp.readFile(path.join(pkgDir, location, 'package.json'), 'utf8').catch(() => '');
    const pkg = bundledPackage(text, location, folderName);
    if (pkg) found.push(pkg);
    await scan(`${location}/node_modules`);
  };

  const scan = async (nodeModules: string): Promise<void> => {
    for (const name of await subdirs(nodeModules)) {
      if (name.startsWith('.')) continue; // .bin, .cache, …
      if (name.startsWith('@')) {
        for (const child of await subdirs(`${nodeModules}/${name}`)) {
          await visit(`${nodeModules}/${name}/${child}`, `${name}/${child}`);
        }
      } else {
        await visit(`${nodeModules}/${name}`, name);
      }
    }
  };

  await scan('node_modules');
  return found.sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0));
}
