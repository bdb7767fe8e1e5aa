/**
 * The npm registry client: packuments through npm's own `npm-registry-fetch` (auth per
 * registry, `@scope:registry`, proxies, TLS, retries with backoff on 429/5xx/timeouts), each
 * fetched at most once per run, at bounded concurrency, with an on-disk cache of the pruned
 * documents (only the fields resolution reads) that honours the registry's `max-age` and
 * revalidates with `ETag`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type npmFetch from 'npm-registry-fetch';
import { VetError } from '../errors.js';
import { limiter } from '../util/limit.js';
import { authKeyFor, errorMessage, redactUrl } from './http.js';
import { registryFor, type NpmConfig } from './npmrc.js';
import { normalizePackument, PACKUMENT_FIELDS, type Packument } from './packument.js';
import { pruneJson } from './prune-json.js';

const ABBREVIATED = 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*';
/** Used when a registry sends no `max-age`: npm's public registry sends 300 s. */
const DEFAULT_MAX_AGE_S = 300;
/** Bytes read to find a cache file's header line (longer headers are read whole). */
const HEADER_READ = 1024;
// 2: publish times kept; 3: header line with the body's revision; 4: the body is the registry's
// document pruned to PACKUMENT_FIELDS (normalized when read), no longer the normalized form
const CACHE_FORMAT = 4;

/**
 * Fast retries by default: npm's own defaults wait 10 s to 60 s between tries, which turns a
 * flaky mirror into minutes of silence. `.npmrc` `fetch-retry-*` settings still win.
 */
export const DEFAULT_RETRY = { retries: 3, factor: 2, minTimeout: 300, maxTimeout: 4000 };
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface ClientOptions {
  config: NpmConfig;
  /** Root of mcp-vet's cache; packuments go in `<cacheDir>/packuments`. Unset: no disk cache. */
  cacheDir?: string;
  concurrency?: number;
  /** Ignore cached freshness and revalidate everything (still uses 304s). */
  preferOnline?: boolean;
}

/**
 * One packument cache file: a JSON header line, then the registry's document pruned to the fields
 * resolution reads (nothing after the header for a remembered 404). The header alone answers "is
 * it fresh, and which revision is it", so validating a cached resolution never parses a packument.
 */
interface CacheHeader {
  format: number;
  etag?: string;
  fetchedAt: number;
  maxAge: number;
  /**
   * The body's revision: a new id whenever the stored content changes, kept when the registry
   * answers 304 or sends the same bytes again. Cheaper than hashing megabytes of JSON, and
   * exactly as good for telling "the same packument" from "another one".
   */
  rev: string;
  /** Set when the registry answered 404: remembered for `maxAge` like any HTTP cache would. */
  notFound?: string;
}

/** A loaded packument: its revision, and its body, read and parsed on first use. */
interface Loaded {
  rev: string;
  notFound?: string;
  /** The cache file whose header was read (fresh hit): the body is read from it when needed. */
  file?: string;
  body?: Buffer;
  packument?: Packument;
  /** Its body turned out damaged: the memo holds a fresh load instead. */
  replaced?: boolean;
}

export interface ClientStats {
  requests: number;
  notModified: number;
  cacheHits: number;
}

export class RegistryClient {
  readonly config: NpmConfig;
  readonly stats: ClientStats = { requests: 0, notModified: 0, cacheHits: 0 };
  private readonly memo = new Map<string, Promise<Loaded>>();
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
  private readonly cacheDir: string | undefined;
  private cacheDirMade: Promise<void> | undefined;
  private readonly writes = new Set<Promise<void>>();
  private readonly preferOnline: boolean;
  private readonly fetchOptions: Record<string, unknown>;

  constructor(opts: ClientOptions) {
    this.config = opts.config;
    this.cacheDir = opts.cacheDir ? join(opts.cacheDir, 'packuments') : undefined;
    this.limit = limiter(opts.concurrency ?? 16);
    this.preferOnline = opts.preferOnline ?? false;
    const retry = { ...DEFAULT_RETRY, ...((opts.config.fetchOptions.retry as object | undefined) ?? {}) };
    this.fetchOptions = {
      timeout: DEFAULT_TIMEOUT_MS,
      maxSockets: 16,
      ...opts.config.fetchOptions,
      retry,
    };
  }

  /** Fetch options for npm-registry-fetch (auth, TLS, proxy, retry), e.g. for tarball downloads. */
  get registryOptions(): Record<string, unknown> {
    return this.fetchOptions;
  }

  registryFor(name: string): string {
    return registryFor(name, this.config);
  }

  /** The packument of `name`, fetched at most once per client. */
  async packument(name: string): Promise<Packument> {
    const loaded = await this.loaded(name);
    if (loaded.packument) return loaded.packument;
    if (loaded.notFound !== undefined) throw new VetError('E_NOT_FOUND', loaded.notFound);
    let body = loaded.body;
    if (!body && loaded.file) {
      // the body of the revision whose header was read; another process may have replaced the
      // file since, and a body of another revision must not pass for this one
      const entry = this.readCache(loaded.file, false);
      if (entry?.header.rev === loaded.rev) body = entry.body;
    }
    loaded.body = undefined;
    loaded.file = undefined;
    if (body) {
      try {
        // normalized again: a damaged entry that is still JSON must not pass for a packument
        loaded.packument = normalizePackument(name, JSON.parse(body.toString('utf8')));
        return loaded.packument;
      } catch (err) {
        if (process.env.MCP_VET_DEBUG)
          process.stderr.write(`mcp-vet: damaged cache entry for ${name}: ${(err as Error).message}\n`);
      }
    }
    // damaged, replaced or already being replaced by a concurrent caller: fetch it again
    if (!loaded.replaced) {
      loaded.replaced = true;
      this.memo.set(
        name,
        this.limit(() => this.load(name, true)),
      );
    }
    return this.packument(name);
  }

  /**
   * Which revision of `name`'s packument (or of its 404) `packument(name)` returns. Answered from
   * the cache header when the entry is fresh, without parsing the packument; a stale entry is
   * revalidated with the registry first, exactly as `packument` would.
   */
  async revision(name: string): Promise<string> {
    const loaded = await this.loaded(name);
    return loaded.notFound !== undefined ? `404:${loaded.rev}` : loaded.rev;
  }

  /** Resolves when every cache write started so far has finished (or failed). */
  async flush(): Promise<void> {
    while (this.writes.size) await Promise.all(this.writes);
  }

  private track(write: Promise<void>): void {
    this.writes.add(write);
    void write.finally(() => this.writes.delete(write));
  }

  /** The names asked for so far (by `packument`, `prefetch` or `revision`). */
  names(): string[] {
    return [...this.memo.keys()];
  }

  /** Starts fetching without waiting; errors surface when the packument is actually needed. */
  prefetch(name: string): void {
    this.loaded(name).catch(() => undefined);
  }

  private loaded(name: string): Promise<Loaded> {
    let p = this.memo.get(name);
    if (!p) {
      p = this.limit(() => this.load(name));
      this.memo.set(name, p);
    }
    return p;
  }

  private cacheFile(name: string): string | undefined {
    if (!this.cacheDir) return undefined;
    const key = createHash('sha256')
      .update(`${this.registryFor(name)}\n${name}`)
      .digest('hex');
    return join(this.cacheDir, `${key}.json`);
  }

  /**
   * Reads a cache file: the header only (one small read, enough to answer freshness and
   * revision) or with its body. Synchronous: one or two reads of a local file, cheaper than the
   * promise API's thread pool round trips when a warm run checks a hundred entries.
   */
  private readCache(
    file: string | undefined,
    headerOnly: boolean,
  ): { header: CacheHeader; body?: Buffer } | undefined {
    if (!file) return undefined;
    try {
      let data = Buffer.alloc(0);
      let nl = -1;
      if (headerOnly) {
        const fd = openSync(file, 'r');
        try {
          data = Buffer.allocUnsafe(HEADER_READ);
          data = data.subarray(0, readSync(fd, data, 0, HEADER_READ, 0));
        } finally {
          closeSync(fd);
        }
        nl = data.indexOf(10);
      }
      if (nl < 0) {
        data = readFileSync(file);
        nl = data.indexOf(10);
        headerOnly = false;
      }
      if (nl < 0) return undefined;
      const header = JSON.parse(data.subarray(0, nl).toString('utf8')) as CacheHeader;
      if (
        header?.format !== CACHE_FORMAT ||
        typeof header.rev !== 'string' ||
        typeof header.fetchedAt !== 'number' ||
        typeof header.maxAge !== 'number'
      )
        return undefined;
      return headerOnly ? { header } : { header, body: data.subarray(nl + 1) };
    } catch {
      return undefined; // missing or corrupt: a cache is only ever a hint
    }
  }

  /**
   * Writes a cache file atomically (temp file, then rename), header and body in one gathered
   * write without a copy. Not awaited by callers: it runs in the thread pool (creating files is
   * slow on some disks) while resolution goes on, and a failed write only costs a later run.
   */
  private async writeCache(
    file: string | undefined,
    header: CacheHeader,
    body: Buffer | string,
  ): Promise<void> {
    if (!file || !this.cacheDir) return;
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      this.cacheDirMade ??= mkdir(this.cacheDir, { recursive: true }).then(() => undefined);
      await this.cacheDirMade;
      const fh = await open(tmp, 'w', 0o644);
      try {
        const head = Buffer.from(`${JSON.stringify(header)}\n`);
        await fh.writev([head, typeof body === 'string' ? Buffer.from(body) : body]);
      } finally {
        await fh.close();
      }
      await rename(tmp, file);
    } catch {
      // an unwritable cache slows the next run down; it must not fail this one
      await rm(tmp, { force: true }).catch(() => undefined);
    }
  }

  private async load(name: string, ignoreCache = false): Promise<Loaded> {
    const file = this.cacheFile(name);
    const head = ignoreCache ? undefined : this.readCache(file, true);
    const fresh = (h: CacheHeader): boolean => Date.now() - h.fetchedAt < h.maxAge * 1000;
    if (head && !this.preferOnline && fresh(head.header)) {
      this.stats.cacheHits++;
      const { rev, notFound } = head.header;
      return notFound !== undefined ? { rev, notFound } : { rev, file };
    }
    // stale: revalidated below, and a 304 needs the body
    const cached = head ? this.readCache(file, false) : undefined;
    const headers: Record<string, string> = { accept: ABBREVIATED };
    const revalidate = cached && cached.header.notFound === undefined ? cached : undefined;
    if (revalidate?.header.etag) headers['if-none-match'] = revalidate.header.etag;
    const registry = this.registryFor(name);
    const url = `${registry}${name.startsWith('@') ? name.replace('/', '%2f') : name}`;
    this.stats.requests++;
    if (process.env.MCP_VET_DEBUG)
      process.stderr.write(`mcp-vet: GET ${url}${cached ? ' (revalidate)' : ''}\n`);
    let res: Awaited<ReturnType<typeof npmFetch>>;
    try {
      // loaded on first use: a warm run answers from the cache and never needs the network stack
      const { default: fetchFn } = await import('npm-registry-fetch');
      // `registry` is already this name's (scoped) registry, which is all npm-registry-fetch would
      // derive from a `spec` (parsing it with npm-package-arg on every request, ~0.2 ms each)
      res = await fetchFn(url, { ...this.fetchOptions, registry, headers });
    } catch (err) {
      const e = toRegistryError(err, `the packument of ${name}`, url, registry);
      if (e.code !== 'E_NOT_FOUND') throw e;
      // optional peers are looked up even when nothing installs them (as npm does); caching the
      // 404 keeps a warm run from going to the network for them every time
      const notFound = e.message;
      const rev = createHash('sha256').update(notFound).digest('hex');
      const header = {
        format: CACHE_FORMAT,
        fetchedAt: Date.now(),
        maxAge: DEFAULT_MAX_AGE_S,
        rev,
        notFound,
      };
      this.track(this.writeCache(file, header, ''));
      return { rev, notFound };
    }
    const maxAge = parseMaxAge(res.headers.get('cache-control'));
    if (res.status === 304 && revalidate?.body) {
      this.stats.notModified++;
      this.track(
        this.writeCache(file, { ...revalidate.header, fetchedAt: Date.now(), maxAge }, revalidate.body),
      );
      return { rev: revalidate.header.rev, body: revalidate.body };
    }
    // Only the fields resolution reads are parsed (a full document is mostly other fields), and
    // those pruned bytes are what the cache keeps.
    let body: Buffer;
    let raw: unknown;
    try {
      body = pruneJson(await res.buffer(), PACKUMENT_FIELDS);
      raw = JSON.parse(body.toString('utf8'));
    } catch (err) {
      throw new VetError(
        'E_PACKUMENT',
        `malformed packument for ${name}: ${url} did not return JSON (${(err as Error).message})`,
        { cause: err },
      );
    }
    const packument = normalizePackument(name, raw);
    raw = undefined;
    // the same bytes as the stale copy (a registry without ETags): the same revision
    const rev = revalidate?.body?.equals(body) ? revalidate.header.rev : newRevision();
    const etag = res.headers.get('etag') ?? undefined;
    this.track(
      this.writeCache(file, { format: CACHE_FORMAT, etag, fetchedAt: Date.now(), maxAge, rev }, body),
    );
    return { rev, packument };
  }
}

function newRevision(): string {
  return randomBytes(12).toString('base64url');
}

function parseMaxAge(header: string | null): number {
  const m = header ? /max-age=(\d+)/i.exec(header) : null;
  if (!m?.[1]) return DEFAULT_MAX_AGE_S;
  if (header && /no-cache|no-store/i.test(header)) return 0;
  return Number(m[1]);
}

/** Maps npm-registry-fetch / network failures to mcp-vet error codes with an actionable message. */
export function toRegistryError(err: unknown, what: string, url: string, registry?: string): VetError {
  if (err instanceof VetError) return err;
  const e = err as { statusCode?: number; code?: string; message?: string };
  const status = e.statusCode;
  const safeUrl = redactUrl(url);
  if (status === 404) {
    return new VetError(
      'E_NOT_FOUND',
      `${what} was not found (404 from ${safeUrl}); check the name and the registry`,
      {
        cause: err,
      },
    );
  }
  if (status === 401 || status === 403) {
    const key = authKeyFor(url, registry);
    return new VetError(
      'E_AUTH',
      `${what}: ${safeUrl} answered ${status}; set a token for it in .npmrc (${key}:_authToken=\${NPM_TOKEN})`,
      { cause: err },
    );
  }
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return new VetError('E_PACKUMENT', `${what}: ${safeUrl} answered ${status}`, { cause: err });
  }
  const detail = status !== undefined ? `HTTP ${status}` : (e.code ?? errorMessage(err));
  return new VetError(
    'E_REGISTRY_UNAVAILABLE',
    `${what}: the registry did not answer usefully after retries (${detail} from ${safeUrl})`,
    { cause: err },
  );
}
