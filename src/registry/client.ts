/**
 * The npm registry client: packuments through npm's own `npm-registry-fetch` (auth per
 * registry, `@scope:registry`, proxies, TLS, retries with backoff on 429/5xx/timeouts), each
 * fetched at most once per run, at bounded concurrency, with an on-disk cache of the compact
 * (normalized) documents that honours the registry's `max-age` and revalidates with `ETag`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type npmFetch from 'npm-registry-fetch';
import { VetError } from '../errors.js';
import { limiter } from '../util/limit.js';
import { authKeyFor, errorMessage, redactUrl } from './http.js';
import { registryFor, type NpmConfig } from './npmrc.js';
import { normalizePackument, type Packument } from './packument.js';

const ABBREVIATED = 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*';
/** Used when a registry sends no `max-age`: npm's public registry sends 300 s. */
const DEFAULT_MAX_AGE_S = 300;
const CACHE_FORMAT = 2; // 2: publish times kept

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

interface CacheEntry {
  format: number;
  etag?: string;
  fetchedAt: number;
  maxAge: number;
  /** Absent when the registry answered 404: remembered for `maxAge` like any HTTP cache would. */
  packument?: Packument;
  notFound?: string;
}

export interface ClientStats {
  requests: number;
  notModified: number;
  cacheHits: number;
}

export class RegistryClient {
  readonly config: NpmConfig;
  readonly stats: ClientStats = { requests: 0, notModified: 0, cacheHits: 0 };
  private readonly memo = new Map<string, Promise<Packument>>();
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
  private readonly cacheDir: string | undefined;
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
  packument(name: string): Promise<Packument> {
    let p = this.memo.get(name);
    if (!p) {
      p = this.limit(() => this.load(name));
      this.memo.set(name, p);
    }
    return p;
  }

  /** Starts fetching without waiting; errors surface when the packument is actually needed. */
  prefetch(name: string): void {
    this.packument(name).catch(() => undefined);
  }

  private cacheFile(name: string): string | undefined {
    if (!this.cacheDir) return undefined;
    const key = createHash('sha256')
      .update(`${this.registryFor(name)}\n${name}`)
      .digest('hex');
    return join(this.cacheDir, key.slice(0, 2), `${key}.json`);
  }

  private async readCache(file: string | undefined): Promise<CacheEntry | undefined> {
    if (!file) return undefined;
    try {
      const entry = JSON.parse(await readFile(file, 'utf8')) as CacheEntry;
      return entry.format === CACHE_FORMAT ? entry : undefined;
    } catch {
      return undefined; // missing or corrupt: a cache is only ever a hint
    }
  }

  private async writeCache(file: string | undefined, entry: CacheEntry): Promise<void> {
    if (!file) return;
    try {
      await mkdir(join(file, '..'), { recursive: true });
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      await writeFile(tmp, JSON.stringify(entry));
      await rename(tmp, file);
    } catch {
      // an unwritable cache slows the next run down; it must not fail this one
    }
  }

  private async load(name: string): Promise<Packument> {
    const file = this.cacheFile(name);
    const cached = await this.readCache(file);
    if (cached && !this.preferOnline && Date.now() - cached.fetchedAt < cached.maxAge * 1000) {
      this.stats.cacheHits++;
      if (cached.packument) return cached.packument;
      throw new VetError('E_NOT_FOUND', cached.notFound ?? `${name} was not found`);
    }
    const headers: Record<string, string> = { accept: ABBREVIATED };
    if (cached?.etag && cached.packument) headers['if-none-match'] = cached.etag;
    const registry = this.registryFor(name);
    const url = `${registry}${name.startsWith('@') ? name.replace('/', '%2f') : name}`;
    this.stats.requests++;
    if (process.env.MCP_VET_DEBUG)
      process.stderr.write(`mcp-vet: GET ${url}${cached ? ' (revalidate)' : ''}\n`);
    let res: Awaited<ReturnType<typeof npmFetch>>;
    try {
      // loaded on first use: a warm run answers from the cache and never needs the network stack
      const { default: fetchFn } = await import('npm-registry-fetch');
      res = await fetchFn(url, { ...this.fetchOptions, registry, headers, spec: name });
    } catch (err) {
      const e = toRegistryError(err, `the packument of ${name}`, url, registry);
      if (e.code === 'E_NOT_FOUND') {
        // optional peers are looked up even when nothing installs them (as npm does); caching the
        // 404 keeps a warm run from going to the network for them every time
        await this.writeCache(file, {
          format: CACHE_FORMAT,
          fetchedAt: Date.now(),
          maxAge: DEFAULT_MAX_AGE_S,
          notFound: e.message,
        });
      }
      throw e;
    }
    const maxAge = parseMaxAge(res.headers.get('cache-control'));
    if (res.status === 304 && cached?.packument) {
      this.stats.notModified++;
      const entry = { ...cached, fetchedAt: Date.now(), maxAge };
      await this.writeCache(file, entry);
      return cached.packument;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await res.text());
    } catch (err) {
      throw new VetError(
        'E_PACKUMENT',
        `malformed packument for ${name}: ${url} did not return JSON (${(err as Error).message})`,
        { cause: err },
      );
    }
    const packument = normalizePackument(name, raw);
    const etag = res.headers.get('etag') ?? undefined;
    await this.writeCache(file, { format: CACHE_FORMAT, etag, fetchedAt: Date.now(), maxAge, packument });
    return packument;
  }
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
