/**
 * The OSV API as a vulnerability source (https://google.github.io/osv.dev/api/):
 *
 *   POST /v1/querybatch   ≤ 1000 queries per request; ids + modified only, in input order;
 *                         a query with more results carries `next_page_token` (followed,
 *                         capped at MAX_PAGES per query)
 *   GET  /v1/vulns/{id}   once per distinct id, bounded concurrency, cached on disk by id and
 *                         `modified` (an unchanged record is never fetched twice)
 *
 * HTTP goes through npm-registry-fetch so proxies, CA and TLS settings from .npmrc apply as they
 * do for the registry. Retries are ours: 429, 5xx and network errors/timeouts back off and try
 * again (429 honours Retry-After); any other 4xx fails at once. Every answer is size-capped and
 * shape-checked: a source that lies or floods fails the check (closed), it never shrinks it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type npmFetch from 'npm-registry-fetch';
import { VetError } from '../errors.js';
import { errorMessage, isRecord, redactUrl } from '../registry/http.js';
import { limiter } from '../util/limit.js';
import { parseOsvRecord, type OsvRecord } from './osv.js';
import type { PackageQuery, SourceResult, VulnSource } from './source.js';

export const DEFAULT_OSV_URL = 'https://api.osv.dev';
export const BATCH_SIZE = 1000;
export const MAX_PAGES = 10;
const MAX_BATCH_BYTES = 32 * 1024 * 1024;
const MAX_RECORD_BYTES = 4 * 1024 * 1024;
const CACHE_FORMAT = 1;

export interface OsvApiOptions {
  url?: string;
  /** Root of mcp-vet's cache; records go in `<cacheDir>/osv/records`. Unset: no disk cache. */
  cacheDir?: string;
  /** npm-registry-fetch options for TLS/proxy (from .npmrc); retry/cache settings are ignored. */
  fetchOptions?: Record<string, unknown>;
  timeoutMs?: number;
  retries?: number;
  minBackoffMs?: number;
  concurrency?: number;
}

export interface OsvApiStats {
  batchRequests: number;
  pageRequests: number;
  recordRequests: number;
  recordCacheHits: number;
  retries: number;
}

type Fetch = typeof npmFetch;
let fetchImpl: Fetch | undefined;
async function loadFetch(): Promise<Fetch> {
  fetchImpl ??= (await import('npm-registry-fetch')).default;
  return fetchImpl;
}

class Retryable extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export class OsvApiSource implements VulnSource {
  readonly kind = 'osv-api' as const;
  readonly location: string;
  readonly stats: OsvApiStats = {
    batchRequests: 0,
    pageRequests: 0,
    recordRequests: 0,
    recordCacheHits: 0,
    retries: 0,
  };
  private readonly base: string;
  private readonly cacheDir: string | undefined;
  private readonly opts: Required<
    Pick<OsvApiOptions, 'timeoutMs' | 'retries' | 'minBackoffMs' | 'concurrency'>
  >;
  private readonly fetchOptions: Record<string, unknown>;

  constructor(options: OsvApiOptions = {}) {
    const url = options.url ?? DEFAULT_OSV_URL;
    try {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
    } catch {
      throw new VetError(
        'E_USAGE',
        `--osv-url ${JSON.stringify(url)} is not an http(s) URL (e.g. ${DEFAULT_OSV_URL})`,
      );
    }
    this.base = url.replace(/\/+$/, '');
    this.location = redactUrl(this.base);
    this.cacheDir = options.cacheDir ? join(options.cacheDir, 'osv', 'records') : undefined;
    this.opts = {
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 3,
      minBackoffMs: options.minBackoffMs ?? 300,
      concurrency: options.concurrency ?? 8,
    };
    const { retry: _r, cache: _c, ...rest } = options.fetchOptions ?? {};
    this.fetchOptions = rest;
  }

  async query(packages: PackageQuery[]): Promise<SourceResult> {
    const ids = new Map<string, { id: string; modified?: string }[]>(); // key → hits
    const keys = packages.map((p) => `${p.name}@${p.version}`);
    for (let start = 0; start < packages.length; start += BATCH_SIZE) {
      const chunk = packages.slice(start, start + BATCH_SIZE);
      const results = await this.batch(
        chunk.map((p) => ({ package: { name: p.name, ecosystem: 'npm' }, version: p.version })),
      );
      this.stats.batchRequests++;
      // follow pagination: every query with a token goes again, together, until none is left
      let pending: { index: number; token: string }[] = [];
      results.forEach((r, i) => {
        ids.set(keys[start + i]!, r.vulns);
        if (r.nextPageToken) pending.push({ index: i, token: r.nextPageToken });
      });
      for (let page = 1; pending.length; page++) {
        if (page > MAX_PAGES) {
          const names = pending.map((p) => keys[start + p.index]).slice(0, 5);
          throw new VetError(
            'E_VULN_SOURCE',
            `${this.location} kept paginating past ${MAX_PAGES} pages for ${names.join(', ')}; the results would be incomplete`,
          );
        }
        const more = await this.batch(
          pending.map((p) => ({
            package: { name: chunk[p.index]!.name, ecosystem: 'npm' },
            version: chunk[p.index]!.version,
            page_token: p.token,
          })),
        );
        this.stats.pageRequests++;
        const next: typeof pending = [];
        more.forEach((r, j) => {
          const q = pending[j]!;
          ids.get(keys[start + q.index]!)!.push(...r.vulns);
          if (r.nextPageToken) next.push({ index: q.index, token: r.nextPageToken });
        });
        pending = next;
      }
    }

    // one GET per distinct id, newest `modified` seen wins the cache key
    const wanted = new Map<string, string | undefined>();
    for (const hits of ids.values()) {
      for (const h of hits) {
        const prev = wanted.get(h.id);
        if (!wanted.has(h.id) || (h.modified && (!prev || h.modified > prev))) wanted.set(h.id, h.modified);
      }
    }
    const limit = limiter(this.opts.concurrency);
    const records = new Map<string, OsvRecord>();
    await Promise.all(
      [...wanted].map(([id, modified]) =>
        limit(async () => {
          records.set(id, await this.record(id, modified));
        }),
      ),
    );

    const out: SourceResult = { records: new Map(), warnings: [] };
    for (const [key, hits] of ids) {
      const list: OsvRecord[] = [];
      const seen = new Set<string>();
      for (const h of hits) {
        if (seen.has(h.id)) continue;
        seen.add(h.id);
        list.push(records.get(h.id)!);
      }
      if (list.length) out.records.set(key, list);
    }
    return out;
  }

  private async batch(
    queries: Record<string, unknown>[],
  ): Promise<{ vulns: { id: string; modified?: string }[]; nextPageToken?: string }[]> {
    const url = `${this.base}/v1/querybatch`;
    const body = await this.request(url, 'POST', { queries }, MAX_BATCH_BYTES);
    const where = `POST ${this.location}/v1/querybatch`;
    if (!isRecord(body) || !Array.isArray(body.results)) {
      throw garbage(where, 'the answer has no "results" array');
    }
    if (body.results.length !== queries.length) {
      throw garbage(where, `${queries.length} queries got ${body.results.length} results`);
    }
    return body.results.map((r, i) => {
      if (!isRecord(r)) throw garbage(where, `results[${i}] is not an object`);
      const vulns = r.vulns ?? [];
      if (!Array.isArray(vulns)) throw garbage(where, `results[${i}].vulns is not an array`);
      const list = vulns.map((v, j) => {
        if (!isRecord(v) || typeof v.id !== 'string' || !/^[A-Za-z0-9][\w.:-]{0,127}$/.test(v.id)) {
          throw garbage(where, `results[${i}].vulns[${j}] has no valid "id"`);
        }
        return { id: v.id, modified: typeof v.modified === 'string' ? v.modified : undefined };
      });
      const token = r.next_page_token;
      if (token !== undefined && token !== null && token !== '' && typeof token !== 'string') {
        throw garbage(where, `results[${i}].next_page_token is not a string`);
      }
      return { vulns: list, nextPageToken: typeof token === 'string' && token ? token : undefined };
    });
  }

  private async record(id: string, modified: string | undefined): Promise<OsvRecord> {
    const file = this.cacheFile(id);
    if (file && modified) {
      try {
        const cached = JSON.parse(await readFile(file, 'utf8')) as { format: number; record: OsvRecord };
        if (
          cached.format === CACHE_FORMAT &&
          cached.record.id === id &&
          cached.record.modified === modified
        ) {
          this.stats.recordCacheHits++;
          return cached.record;
        }
      } catch {
        // missing or corrupt cache entry: fetch
      }
    }
    const url = `${this.base}/v1/vulns/${encodeURIComponent(id)}`;
    const raw = await this.request(url, 'GET', undefined, MAX_RECORD_BYTES);
    this.stats.recordRequests++;
    const record = parseOsvRecord(raw);
    if (typeof record === 'string')
      throw garbage(`GET ${this.location}/v1/vulns/${id}`, `the record ${record}`);
    if (record.id !== id) {
      throw garbage(
        `GET ${this.location}/v1/vulns/${id}`,
        `asked for ${id}, got a record with id ${record.id}`,
      );
    }
    if (file && record.modified) {
      try {
        await mkdir(join(file, '..'), { recursive: true });
        const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        await writeFile(tmp, JSON.stringify({ format: CACHE_FORMAT, record }));
        await rename(tmp, file);
      } catch {
        // a cache is only ever a speed-up
      }
    }
    return record;
  }

  private cacheFile(id: string): string | undefined {
    if (!this.cacheDir) return undefined;
    const key = createHash('sha256').update(`${this.base}\n${id}`).digest('hex');
    return join(this.cacheDir, key.slice(0, 2), `${key}.json`);
  }

  /** One HTTP exchange with retries; returns the parsed JSON body. */
  private async request(
    url: string,
    method: 'GET' | 'POST',
    body: unknown,
    maxBytes: number,
  ): Promise<unknown> {
    const fetch = await loadFetch();
    const where = `${method} ${redactUrl(url)}`;
    for (let attempt = 0; ; attempt++) {
      try {
        let res;
        try {
          res = await fetch(url, {
            ...this.fetchOptions,
            method,
            body,
            headers: { accept: 'application/json' },
            retry: { retries: 0 },
            timeout: this.opts.timeoutMs,
          } as Parameters<Fetch>[1]);
        } catch (err) {
          const e = err as { statusCode?: number; code?: string; headers?: Record<string, unknown> };
          const status = e.statusCode;
          if (status === 404 && method === 'GET') {
            throw new VetError(
              'E_VULN_SOURCE',
              `${where} answered 404: OSV listed this advisory for a package but has no record for it`,
            );
          }
          if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
            throw new VetError('E_VULN_SOURCE', `${where} answered ${status}; check --osv-url`, {
              cause: err,
            });
          }
          throw new Retryable(
            status !== undefined ? `HTTP ${status}` : (e.code ?? errorMessage(err)),
            status === 429 ? retryAfterMs(e.headers) : undefined,
          );
        }
        const text = await readCapped(res.body as AsyncIterable<Buffer>, maxBytes, where);
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw garbage(where, `the answer is not JSON (${JSON.stringify(text.slice(0, 60))}…)`);
        }
      } catch (err) {
        if (!(err instanceof Retryable)) throw err;
        if (attempt >= this.opts.retries) {
          throw new VetError(
            'E_VULN_SOURCE',
            `${where} did not answer usefully after ${attempt + 1} tries (${err.message})`,
            { cause: err },
          );
        }
        this.stats.retries++;
        const backoff = Math.min(this.opts.minBackoffMs * 2 ** attempt, 4000);
        await new Promise((r) => setTimeout(r, Math.max(backoff, Math.min(err.retryAfterMs ?? 0, 10_000))));
      }
    }
  }
}

function garbage(where: string, problem: string): VetError {
  return new VetError(
    'E_VULN_SOURCE',
    `${where}: ${problem}; the vulnerability source sent an invalid answer`,
  );
}

function retryAfterMs(headers: unknown): number | undefined {
  let v: unknown;
  if (headers && typeof (headers as { get?: unknown }).get === 'function') {
    v = (headers as { get: (k: string) => unknown }).get('retry-after');
  } else if (isRecord(headers)) v = headers['retry-after'];
  const s = Array.isArray(v) ? v[0] : v;
  const n = typeof s === 'string' ? Number(s) : NaN;
  return Number.isFinite(n) && n >= 0 ? n * 1000 : undefined;
}

async function readCapped(body: AsyncIterable<Buffer>, maxBytes: number, where: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > maxBytes) {
        (body as { destroy?: () => void }).destroy?.();
        throw new VetError(
          'E_VULN_SOURCE',
          `${where}: the answer is larger than ${maxBytes / 1024 / 1024} MiB, far more than an honest one; refusing it`,
        );
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof VetError) throw err;
    throw new Retryable(errorMessage(err));
  }
  return Buffer.concat(chunks).toString('utf8');
}
