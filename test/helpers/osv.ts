/**
 * An OSV-compatible API on 127.0.0.1 for tests: `POST /v1/querybatch` (≤ 1000 queries, ids and
 * `modified` only, pagination with `next_page_token`) and `GET /v1/vulns/{id}`, serving real OSV
 * records. Its matcher is written independently of mcp-vet's (a second implementation of the
 * schema's algorithm), so agreement between the API and the offline source means something.
 *
 * Hostile behaviours for bad-input tests are switched on per server: 5xx/429 bursts, a token
 * that never ends, oversized or non-JSON answers, ids whose record 404s, hanging requests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

export type OsvJson = Record<string, unknown> & { id: string; modified?: string };

export interface OsvServerOptions {
  records: OsvJson[];
  /** Results per query per page (default: all on one page). */
  pageSize?: number;
  /** Answer the first N requests (any endpoint) with this status. */
  failFirst?: { count: number; status: number; retryAfter?: number };
  /** Every querybatch answer carries a fresh next_page_token. */
  endlessPages?: boolean;
  /** querybatch answers this many bytes of padding (inside valid JSON). */
  hugeBatch?: number;
  /** querybatch answers this text instead of JSON. */
  garbageBatch?: string;
  /** These ids are listed by querybatch but 404 on GET. */
  missing?: string[];
  /** Never answer (the client must time out). */
  hang?: boolean;
  /** querybatch with an extra, fabricated result entry. */
  wrongCount?: boolean;
}

export interface OsvRequest {
  method: string;
  path: string;
  queries?: number;
  pageTokens?: number;
}

export interface OsvServer {
  url: string;
  requests: OsvRequest[];
  close(): Promise<void>;
}

export function loadRecords(dir: string): OsvJson[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as OsvJson);
}

/** Independent reference matcher (events sorted, introduced/fixed/last_affected/limit). */
export function referenceAffects(record: OsvJson, name: string, version: string): boolean {
  if (record.withdrawn) return false;
  const affected = (record.affected as Record<string, unknown>[] | undefined) ?? [];
  return affected.some((a) => {
    const pkg = a.package as { ecosystem?: string; name?: string } | undefined;
    if (pkg?.ecosystem !== 'npm' || pkg.name !== name) return false;
    if (Array.isArray(a.versions) && a.versions.includes(version)) return true;
    const ranges = (a.ranges as { type: string; events: Record<string, string>[] }[] | undefined) ?? [];
    return ranges.some((r) => {
      if (r.type !== 'SEMVER' && r.type !== 'ECOSYSTEM') return false;
      const points: [string, string][] = [];
      for (const e of r.events) for (const [k, v] of Object.entries(e)) points.push([k, v]);
      const limits = points.filter(([k]) => k === 'limit').map(([, v]) => v);
      if (limits.length && !limits.some((l) => semver.valid(l) && semver.lt(version, l))) return false;
      const key = (v: string): string => (v === '0' ? '0.0.0-0' : v);
      const ordered = points
        .filter(([k, v]) => k !== 'limit' && (v === '0' || semver.valid(v)))
        .sort((x, y) => semver.compare(key(x[1]), key(y[1])));
      let hit = false;
      for (const [k, v] of ordered) {
        if (k === 'introduced' && (v === '0' || semver.gte(version, v))) hit = true;
        if (k === 'fixed' && semver.gte(version, v)) hit = false;
        if (k === 'last_affected' && semver.gt(version, v)) hit = false;
      }
      // a malformed event (not a version) leaves the range open upward: count it, like OSV's
      // own conservative reading and mcp-vet's "possibly affected"
      return hit;
    });
  });
}

export async function startOsv(opts: OsvServerOptions): Promise<OsvServer> {
  const requests: OsvRequest[] = [];
  let served = 0;
  let tokenSeq = 0;

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(text);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      const entry: OsvRequest = { method: req.method ?? 'GET', path };
      requests.push(entry);
      if (opts.hang) return; // never answer
      if (opts.failFirst && served < opts.failFirst.count) {
        served++;
        const h: Record<string, string> =
          opts.failFirst.retryAfter !== undefined ? { 'retry-after': String(opts.failFirst.retryAfter) } : {};
        return send(res, opts.failFirst.status, { code: opts.failFirst.status, message: 'test failure' }, h);
      }
      served++;
      if (req.method === 'POST' && path === '/v1/querybatch') {
        let body: {
          queries?: {
            package?: { name?: string; ecosystem?: string };
            version?: string;
            page_token?: string;
          }[];
        };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
        } catch {
          return send(res, 400, { code: 3, message: 'invalid JSON' });
        }
        const queries = body.queries ?? [];
        entry.queries = queries.length;
        entry.pageTokens = queries.filter((q) => q.page_token).length;
        if (queries.length > 1000) return send(res, 400, { code: 3, message: 'Too many queries' });
        if (opts.garbageBatch !== undefined) return send(res, 200, opts.garbageBatch);
        const results = queries.map((q) => {
          const name = q.package?.name ?? '';
          const version = q.version ?? '';
          const all = opts.records
            .filter((r) => referenceAffects(r, name, version))
            .map((r) => ({ id: r.id, modified: r.modified }));
          if (opts.endlessPages) return { vulns: all.slice(0, 1), next_page_token: `t${++tokenSeq}` };
          const size = opts.pageSize ?? Infinity;
          const offset = q.page_token ? Number(q.page_token.slice(1)) : 0;
          const page = all.slice(offset, offset + size);
          const next = offset + size < all.length ? `o${offset + size}` : undefined;
          return { ...(page.length ? { vulns: page } : {}), ...(next ? { next_page_token: next } : {}) };
        });
        if (opts.wrongCount)
          results.push({ vulns: [{ id: 'GHSA-fake-fake-fake', modified: '2020-01-01T00:00:00Z' }] });
        if (opts.hugeBatch) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"padding":"');
          const block = 'x'.repeat(1 << 16);
          for (let n = 0; n < opts.hugeBatch; n += block.length) res.write(block);
          return res.end(`","results":${JSON.stringify(results)}}`);
        }
        return send(res, 200, { results });
      }
      const m = /^\/v1\/vulns\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && m) {
        const id = decodeURIComponent(m[1]!);
        const record = opts.records.find((r) => r.id === id); // live: tests may edit records
        if (!record || opts.missing?.includes(id))
          return send(res, 404, { code: 5, message: 'Bug not found.' });
        return send(res, 200, record);
      }
      send(res, 404, { code: 5, message: 'Not found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export { makeZip } from '../../scripts/lib/zip.mjs';
