/**
 * Vulnerabilities: the OSV matcher on real records (every edge case the fixtures' README lists),
 * severities and scores, the API source against a loopback OSV server (chunking, pagination,
 * retries, caching, hostile answers), the offline source (directory and all.zip), and the two
 * sources agreeing on the same tree.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile, readdir, readFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VetError } from '../src/errors.js';
import type { ResolvedPackage, ResolvedTree } from '../src/model.js';
import { checkVulnerabilities } from '../src/vuln/check.js';
import { OsvApiSource } from '../src/vuln/osv-api.js';
import { OsvDbSource } from '../src/vuln/osv-db.js';
import { matchRecord, parseOsvRecord, type OsvRecord } from '../src/vuln/osv.js';
import { severityOf } from '../src/vuln/severity.js';
import { loadRecords, makeZip, referenceAffects, startOsv, type OsvJson } from './helpers/osv.js';

const RECORDS_DIR = resolve(__dirname, 'fixtures/osv/records');
const VARIANTS_DIR = resolve(__dirname, 'fixtures/osv/variants');
const RECORDS = loadRecords(RECORDS_DIR);
const byId = (id: string): OsvRecord => {
  const raw = [...RECORDS, ...loadRecords(VARIANTS_DIR)].find((r) => r.id === id);
  if (!raw) throw new Error(`no fixture ${id}`);
  return parseOsvRecord(raw) as OsvRecord;
};
const MALFORMED = parseOsvRecord(
  JSON.parse(
    readFileSync(join(VARIANTS_DIR, 'GHSA-v6h2-p8h4-qcjw.modified-2025-06-10T22-52-00Z.json'), 'utf8'),
  ),
) as OsvRecord;

async function tmp(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'mcp-vet-vuln-'));
}

// ---------------------------------------------------------------------------------------------
// matching

describe('matchRecord on real advisories', () => {
  const cases: [id: string, pkg: string, version: string, affected: boolean, why: string][] = [
    // pre-releases around range bounds
    ['GHSA-rv95-896h-c2vc', 'express', '5.0.0-beta.1', true, 'inside [5.0.0-alpha.1, 5.0.0-beta.3)'],
    ['GHSA-rv95-896h-c2vc', 'express', '5.0.0-beta.3', false, 'fixed is exclusive'],
    ['GHSA-rv95-896h-c2vc', 'express', '5.0.0-alpha.1', true, 'introduced is inclusive'],
    ['GHSA-rv95-896h-c2vc', 'express', '4.19.1', true, 'below 4.19.2'],
    ['GHSA-rv95-896h-c2vc', 'express', '4.19.2', false, 'the fix'],
    ['GHSA-qw6h-vgh9-j6wx', 'express', '5.0.0-beta.3', true, 'in [5.0.0-alpha.1, 5.0.0)'],
    ['GHSA-qw6h-vgh9-j6wx', 'express', '5.0.0', false, 'the fix'],
    ['GHSA-qw6h-vgh9-j6wx', 'express', '4.21.0', false, 'past 4.20.0'],
    ['GHSA-4hjh-wcwx-xvwj', 'axios', '1.0.0-alpha.1', false, 'sorts between [0, 0.30.2) and [1.0.0, 1.12.0)'],
    ['GHSA-4hjh-wcwx-xvwj', 'axios', '0.30.1', true, 'first range'],
    ['GHSA-4hjh-wcwx-xvwj', 'axios', '0.30.2', false, 'first fix'],
    ['GHSA-4hjh-wcwx-xvwj', 'axios', '1.11.0', true, 'second range'],
    ['GHSA-4hjh-wcwx-xvwj', 'axios', '1.12.0', false, 'second fix'],
    // several ranges listed out of order
    ['GHSA-9wv6-86v2-598j', 'path-to-regexp', '0.1.7', true, '[0, 0.1.10)'],
    ['GHSA-9wv6-86v2-598j', 'path-to-regexp', '0.1.10', false, 'fix of the first range'],
    ['GHSA-9wv6-86v2-598j', 'path-to-regexp', '0.1.12', false, 'between ranges'],
    ['GHSA-9wv6-86v2-598j', 'path-to-regexp', '1.8.0', true, '[0.2.0, 1.9.0)'],
    ['GHSA-9wv6-86v2-598j', 'path-to-regexp', '3.2.0', true, '[2.0.0, 3.3.0), listed after [7, 8)'],
    ['GHSA-9wv6-86v2-598j', 'path-to-regexp', '3.3.0', false, 'fix'],
    ['GHSA-9wv6-86v2-598j', 'path-to-regexp', '6.2.2', true, '[4.0.0, 6.3.0)'],
    ['GHSA-9wv6-86v2-598j', 'path-to-regexp', '7.2.0', true, '[7.0.0, 8.0.0)'],
    ['GHSA-9wv6-86v2-598j', 'path-to-regexp', '8.0.0', false, 'fix'],
    // a range plus an explicit versions[] list
    ['GHSA-29xp-372q-xqph', 'tar', '7.5.1', true, 'range and versions[]'],
    ['GHSA-29xp-372q-xqph', 'tar', '7.5.2', false, 'the fix'],
    ['GHSA-29xp-372q-xqph', 'tar', '7.5.0', false, 'before introduced'],
    ['GHSA-wqch-xfxh-vrr4', 'body-parser', '2.2.0', true, 'versions[]'],
    ['GHSA-wqch-xfxh-vrr4', 'body-parser', '2.2.1', false, 'fix'],
    ['GHSA-wqch-xfxh-vrr4', 'body-parser', '1.20.2', false, 'another major'],
    // one record covering four packages
    ['GHSA-968p-4wvh-cqc8', '@babel/runtime', '7.26.9', true, 'package 2 of 4'],
    ['GHSA-968p-4wvh-cqc8', '@babel/runtime-corejs3', '7.26.10', false, 'the fix'],
    ['GHSA-968p-4wvh-cqc8', '@babel/helpers', '8.0.0-alpha.16', true, 'pre-release range'],
    ['GHSA-968p-4wvh-cqc8', '@babel/helpers', '8.0.0-alpha.17', false, 'pre-release fix'],
    ['GHSA-968p-4wvh-cqc8', '@babel/core', '7.0.0', false, 'not a listed package'],
    // introduced at a pre-release
    ['GHSA-c2qf-rxjj-qqgw', 'semver', '2.0.0-alpha', true, 'introduced 2.0.0-alpha'],
    ['GHSA-c2qf-rxjj-qqgw', 'semver', '5.7.1', true, ''],
    ['GHSA-c2qf-rxjj-qqgw', 'semver', '5.7.2', false, ''],
    ['GHSA-c2qf-rxjj-qqgw', 'semver', '1.1.4', false, 'before 2.0.0-alpha'],
    ['GHSA-c2qf-rxjj-qqgw', 'semver', '7.5.1', true, ''],
    // last_affected is inclusive
    ['GHSA-6jx8-rcjx-vmwf', '@sunwood-ai-labs/github-kanban-mcp-server', '0.3.0', true, 'last_affected'],
    [
      'GHSA-6jx8-rcjx-vmwf',
      '@sunwood-ai-labs/github-kanban-mcp-server',
      '0.3.1',
      false,
      'after last_affected',
    ],
    ['GHSA-3xgq-45jj-v275', 'cross-spawn', '6.0.5', true, ''],
    ['GHSA-3xgq-45jj-v275', 'cross-spawn', '7.0.5', false, ''],
  ];
  it.each(cases)('%s %s@%s → %s (%s)', (id, pkg, version, affected) => {
    const m = matchRecord(byId(id), pkg, version);
    expect(m.affected).toBe(affected);
    expect(m.uncertain).toBeUndefined();
    // the test server's independent matcher agrees
    expect(referenceAffects(RECORDS.find((r) => r.id === id)! as OsvJson, pkg, version)).toBe(affected);
  });

  it('names the fixed versions of the ranges for that package', () => {
    expect(matchRecord(byId('GHSA-3h5v-q93c-6h6q'), 'ws', '8.17.0').fixed).toEqual([
      '5.2.4',
      '6.2.3',
      '7.5.10',
      '8.17.1',
    ]);
    expect(matchRecord(byId('GHSA-8r9q-7v3j-jr4g'), '@modelcontextprotocol/sdk', '1.0.1')).toMatchObject({
      affected: true,
      fixed: [],
      lastAffected: ['1.25.1'],
    });
  });

  it('the malformed upstream record ("fixed": "2.0.2, 3.0.1, 4.0.1") is possibly affected with a reason, never safe', () => {
    for (const v of ['1.1.11', '2.0.1', '2.0.2', '4.0.0', '5.0.0']) {
      const m = matchRecord(MALFORMED, 'brace-expansion', v);
      expect(m.affected, v).toBe(true);
      expect(m.uncertain?.[0], v).toContain('"2.0.2, 3.0.1, 4.0.1" is not a valid version');
    }
  });

  it('the last_affected revision of GHSA-8r9q gives the same verdict as its fixed revision for every published version', () => {
    const old = byId('GHSA-8r9q-7v3j-jr4g');
    const current: OsvRecord = {
      ...old,
      affected: [
        {
          package: { ecosystem: 'npm', name: '@modelcontextprotocol/sdk' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.25.2' }] }],
        },
      ],
    };
    // the SDK's published versions around the boundary (from the registry's packument)
    const published = [
      '0.5.0',
      '0.6.0',
      '1.0.1',
      '1.12.0',
      '1.24.3',
      '1.25.0',
      '1.25.1',
      '1.25.2',
      '1.25.3',
      '1.26.0',
      '1.32.2',
    ];
    for (const v of published) {
      expect(matchRecord(old, '@modelcontextprotocol/sdk', v).affected, v).toBe(
        matchRecord(current, '@modelcontextprotocol/sdk', v).affected,
      );
    }
  });

  const synth = (affected: unknown, extra: Record<string, unknown> = {}): OsvRecord =>
    parseOsvRecord({ id: 'SYNTH-1', affected, ...extra }) as OsvRecord;
  it('handles SEMVER ranges, limit events, events in any order, GIT ranges and other ecosystems', () => {
    const r = synth([
      {
        package: { ecosystem: 'npm', name: 'a' },
        ranges: [
          { type: 'SEMVER', events: [{ fixed: '2.0.0' }, { introduced: '1.0.0' }, { limit: '1.5.0' }] },
        ],
      },
      {
        package: { ecosystem: 'PyPI', name: 'b' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }],
      },
      {
        package: { ecosystem: 'npm', name: 'c' },
        ranges: [{ type: 'GIT', repo: 'x', events: [{ introduced: 'abc123' }] }],
      },
    ]);
    expect(matchRecord(r, 'a', '1.2.0').affected).toBe(true);
    expect(matchRecord(r, 'a', '1.6.0').affected).toBe(false); // past the limit
    expect(matchRecord(r, 'a', '0.9.0').affected).toBe(false);
    expect(matchRecord(r, 'b', '1.0.0').affected).toBe(false); // PyPI "b" is not npm "b"
    expect(matchRecord(r, 'c', '1.0.0').affected).toBe(false); // commits say nothing about versions
  });

  it('survives records with missing or wrong-typed fields', () => {
    const odd = [
      synth(undefined),
      synth([null, 7, { package: null }, { package: { ecosystem: 'npm', name: 'a' }, ranges: 'nope' }]),
      synth([
        {
          package: { ecosystem: 'npm', name: 'a' },
          ranges: [{ type: 'ECOSYSTEM', events: [null, { introduced: 5 }] }],
        },
      ]),
    ];
    expect(odd.map((r) => matchRecord(r, 'a', '1.0.0').affected)).toEqual([false, false, true]);
    expect(matchRecord(odd[2]!, 'a', '1.0.0').uncertain?.[0]).toContain('"introduced" event is not a string');
    expect(parseOsvRecord({ no: 'id' })).toBe('has no "id" string');
    expect(parseOsvRecord([])).toBe('is not a JSON object');
  });
});

describe('severity', () => {
  const cases: [string, string, number | null, string][] = [
    ['GHSA-xvch-5gv4-984h', 'critical', 9.8, 'cvss'],
    ['GHSA-fjxv-7rqg-78g4', 'critical', 9.4, 'cvss'], // CVSS 4.0 only
    ['GHSA-6jx8-rcjx-vmwf', 'high', 8.9, 'cvss'], // CVSS 4.0 padded with X metrics, E:P
    ['GHSA-qw6h-vgh9-j6wx', 'medium', 5, 'cvss'], // v3 5.0 beats v4 2.3: the highest
    ['GHSA-v6h2-p8h4-qcjw', 'low', 3.1, 'cvss'], // X-padded v4 1.3, v3 3.1
    ['GHSA-952p-6rrq-rcjv', 'medium', null, 'database'], // empty severity[], MODERATE
    ['GHSA-3xgq-45jj-v275', 'low', 0, 'database'], // vector scores 0.0, database says LOW
    ['GHSA-6rw7-vpxm-498p', 'high', 8.7, 'cvss'],
  ];
  it.each(cases)('%s → %s %s (%s)', async (id, severity, score, source) => {
    expect(await severityOf(byId(id))).toMatchObject({ severity, score, source });
  });
  it('MAL- records are critical malware whatever they say; unrated records are medium', async () => {
    expect(
      await severityOf(
        parseOsvRecord({ id: 'MAL-2025-1', database_specific: { severity: 'LOW' } }) as OsvRecord,
      ),
    ).toMatchObject({
      severity: 'critical',
      source: 'malware',
    });
    expect(
      await severityOf(
        parseOsvRecord({ id: 'X-1', severity: [{ type: 'CVSS_V3', score: 'garbage' }] }) as OsvRecord,
      ),
    ).toMatchObject({
      severity: 'medium',
      source: 'unknown',
      invalidVectors: ['garbage'],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// sources

/** A tree of real package names at versions the fixture advisories affect (and some they don't). */
function tree(): ResolvedTree {
  const pkg = (
    name: string,
    version: string,
    location: string,
    path: string[],
    deps: string[] = [],
    extra: Partial<ResolvedPackage> = {},
  ): ResolvedPackage => ({
    name,
    version,
    integrity: null,
    resolved: null,
    location,
    path,
    optional: false,
    peer: false,
    bundled: false,
    fromShrinkwrap: false,
    dependencies: deps,
    ...extra,
  });
  const root = pkg(
    'srv',
    '1.0.0',
    'node_modules/srv',
    ['srv'],
    [
      'node_modules/express',
      'node_modules/ws',
      'node_modules/brace-expansion',
      'node_modules/@babel/runtime',
    ],
  );
  return {
    root,
    registry: 'http://registry.test/',
    spec: 'srv@1.0.0',
    packages: [
      pkg(
        'express',
        '4.19.1',
        'node_modules/express',
        ['srv', 'express'],
        ['node_modules/path-to-regexp', 'node_modules/body-parser'],
      ),
      pkg('path-to-regexp', '0.1.7', 'node_modules/path-to-regexp', ['srv', 'express', 'path-to-regexp']),
      pkg('body-parser', '1.20.2', 'node_modules/body-parser', ['srv', 'express', 'body-parser']),
      pkg('ws', '8.17.1', 'node_modules/ws', ['srv', 'ws']),
      pkg('brace-expansion', '2.0.1', 'node_modules/brace-expansion', ['srv', 'brace-expansion']),
      pkg('@babel/runtime', '7.26.9', 'node_modules/@babel/runtime', ['srv', '@babel/runtime']),
      pkg('minimist', '1.2.5', 'node_modules/minimist', ['srv', 'x', 'minimist'], [], {
        skipped: { reason: 'platform', detail: 'os ["win32"] does not include "linux"' },
      }),
    ],
  };
}

function summary(
  findings: { rule: string; id?: unknown; package?: unknown; version?: unknown; severity: string }[],
): string[] {
  return findings
    .map((f) => `${f.rule} ${String(f.id)} ${String(f.package)}@${String(f.version)} ${f.severity}`)
    .sort();
}

describe('OSV API source on a loopback OSV server', () => {
  let cache: string;
  beforeAll(async () => {
    cache = await tmp();
  });

  it('finds the advisories of the tree with one batch request and one GET per distinct id, then serves records from the cache', async () => {
    const osv = await startOsv({ records: RECORDS });
    try {
      const source = new OsvApiSource({ url: osv.url, cacheDir: cache });
      const { findings, summary: s } = await checkVulnerabilities({
        source,
        tree: tree(),
        onUnavailable: 'fail',
      });
      expect(summary(findings)).toEqual([
        'vulnerability GHSA-968p-4wvh-cqc8 @babel/runtime@7.26.9 medium',
        'vulnerability GHSA-9wv6-86v2-598j path-to-regexp@0.1.7 high',
        'vulnerability GHSA-qw6h-vgh9-j6wx express@4.19.1 medium',
        'vulnerability GHSA-qwcr-r2fm-qrc7 body-parser@1.20.2 high',
        'vulnerability GHSA-rhx6-c78j-4q9w path-to-regexp@0.1.7 high',
        'vulnerability GHSA-rv95-896h-c2vc express@4.19.1 medium',
        'vulnerability GHSA-v6h2-p8h4-qcjw brace-expansion@2.0.1 low',
      ]);
      expect(s).toMatchObject({ status: 'ok', packages: 7, advisories: 7 }); // skipped minimist not checked
      const batches = osv.requests.filter((r) => r.path === '/v1/querybatch');
      expect(batches).toHaveLength(1);
      expect(batches[0]!.queries).toBe(7);
      expect(osv.requests.filter((r) => r.path.startsWith('/v1/vulns/'))).toHaveLength(7);

      const before = osv.requests.length;
      await checkVulnerabilities({
        source: new OsvApiSource({ url: osv.url, cacheDir: cache }),
        tree: tree(),
        onUnavailable: 'fail',
      });
      expect(osv.requests.slice(before).map((r) => r.path)).toEqual(['/v1/querybatch']);
    } finally {
      await osv.close();
    }
  });

  it('a finding carries id, aliases, summary, score, fixed versions and the path', async () => {
    const osv = await startOsv({ records: RECORDS });
    try {
      const { findings } = await checkVulnerabilities({
        source: new OsvApiSource({ url: osv.url }),
        tree: tree(),
        onUnavailable: 'fail',
      });
      expect(findings.find((f) => f.id === 'GHSA-qwcr-r2fm-qrc7')).toMatchObject({
        rule: 'vulnerability',
        severity: 'high',
        aliases: ['CVE-2024-45590'],
        summary: expect.stringContaining('body-parser'),
        package: 'body-parser',
        version: '1.20.2',
        score: 8.7,
        fixed: ['1.20.3'],
        path: ['srv', 'express', 'body-parser'],
        url: 'https://osv.dev/vulnerability/GHSA-qwcr-r2fm-qrc7',
      });
    } finally {
      await osv.close();
    }
  });

  it('sends at most 1000 queries per request: 2,345 packages take 3 requests', async () => {
    const osv = await startOsv({ records: RECORDS });
    try {
      const source = new OsvApiSource({ url: osv.url });
      const pkgs = Array.from({ length: 2345 }, (_, i) => ({ name: `p${i}`, version: '1.0.0' }));
      pkgs[2000] = { name: 'minimist', version: '1.2.5' };
      const res = await source.query(pkgs);
      expect(osv.requests.map((r) => r.queries)).toEqual([1000, 1000, 345, undefined]);
      expect([...res.records.keys()]).toEqual(['minimist@1.2.5']);
      expect(source.stats.batchRequests).toBe(3);
    } finally {
      await osv.close();
    }
  });

  it('follows next_page_token for each query that has one', async () => {
    const osv = await startOsv({ records: RECORDS, pageSize: 1 });
    try {
      const { findings } = await checkVulnerabilities({
        source: new OsvApiSource({ url: osv.url }),
        tree: tree(),
        onUnavailable: 'fail',
      });
      expect(findings).toHaveLength(7);
      const batches = osv.requests.filter((r) => r.path === '/v1/querybatch');
      // express and path-to-regexp have 2 advisories each: one more round for those two queries
      expect(batches.map((b) => [b.queries, b.pageTokens])).toEqual([
        [7, 0],
        [2, 2],
      ]);
    } finally {
      await osv.close();
    }
  });

  it('a next_page_token that never ends fails closed after the page cap', async () => {
    const osv = await startOsv({ records: RECORDS, endlessPages: true });
    try {
      const { findings, summary: s } = await checkVulnerabilities({
        source: new OsvApiSource({ url: osv.url }),
        tree: tree(),
        onUnavailable: 'fail',
      });
      expect(s.status).toBe('failed');
      expect(findings).toEqual([
        expect.objectContaining({
          rule: 'vulnerability-check-failed',
          severity: 'critical',
          message: expect.stringContaining('kept paginating past 10 pages'),
        }),
      ]);
      expect(osv.requests.filter((r) => r.path === '/v1/querybatch')).toHaveLength(11);
    } finally {
      await osv.close();
    }
  });

  it('retries 5xx and 429 (honouring Retry-After), then succeeds', async () => {
    for (const status of [500, 503, 429]) {
      const osv = await startOsv({ records: RECORDS, failFirst: { count: 2, status, retryAfter: 0 } });
      try {
        const source = new OsvApiSource({ url: osv.url, minBackoffMs: 5 });
        const { findings } = await checkVulnerabilities({ source, tree: tree(), onUnavailable: 'fail' });
        expect(findings, String(status)).toHaveLength(7);
        expect(source.stats.retries).toBe(2);
      } finally {
        await osv.close();
      }
    }
  });

  it('gives up after the retries with a clear reason, and does not retry other 4xx', async () => {
    const down = await startOsv({ records: RECORDS, failFirst: { count: 100, status: 502 } });
    const bad = await startOsv({ records: RECORDS, failFirst: { count: 100, status: 403 } });
    try {
      const a = await checkVulnerabilities({
        source: new OsvApiSource({ url: down.url, minBackoffMs: 5 }),
        tree: tree(),
        onUnavailable: 'fail',
      });
      expect(a.summary.error).toMatch(/querybatch did not answer usefully after 4 tries \(HTTP 502\)/);
      expect(down.requests).toHaveLength(4);
      const b = await checkVulnerabilities({
        source: new OsvApiSource({ url: bad.url, minBackoffMs: 5 }),
        tree: tree(),
        onUnavailable: 'fail',
      });
      expect(b.summary.error).toMatch(/answered 403/);
      expect(bad.requests).toHaveLength(1);
    } finally {
      await down.close();
      await bad.close();
    }
  });

  it('times out a server that never answers', async () => {
    const osv = await startOsv({ records: RECORDS, hang: true });
    try {
      const source = new OsvApiSource({ url: osv.url, timeoutMs: 200, retries: 1, minBackoffMs: 5 });
      const { summary: s } = await checkVulnerabilities({ source, tree: tree(), onUnavailable: 'fail' });
      expect(s.status).toBe('failed');
      expect(s.error).toMatch(/after 2 tries/);
    } finally {
      await osv.close();
    }
  });

  it('refuses garbage: non-JSON, a wrong result count, a huge answer, an id whose record is missing', async () => {
    const cases: [Parameters<typeof startOsv>[0], RegExp][] = [
      [{ records: RECORDS, garbageBatch: '<html>proxy error</html>' }, /not JSON/],
      [{ records: RECORDS, garbageBatch: '{"results": 5}' }, /no "results" array/],
      [{ records: RECORDS, wrongCount: true }, /7 queries got 8 results/],
      [{ records: RECORDS, hugeBatch: 40 * 1024 * 1024 }, /larger than 32 MiB/],
      [{ records: RECORDS, missing: ['GHSA-9wv6-86v2-598j'] }, /GHSA-9wv6-86v2-598j answered 404/],
    ];
    for (const [opts, message] of cases) {
      const osv = await startOsv(opts);
      try {
        const r = await checkVulnerabilities({
          source: new OsvApiSource({ url: osv.url, minBackoffMs: 5 }),
          tree: tree(),
          onUnavailable: 'warn',
        });
        expect(r.summary.status).toBe('failed');
        expect(r.findings).toEqual([
          expect.objectContaining({ rule: 'vulnerability-check-failed', severity: 'info' }),
        ]);
        expect(r.summary.error).toMatch(message);
      } finally {
        await osv.close();
      }
    }
  });

  it('a record that changed (new modified) is fetched again; unchanged ones come from the cache', async () => {
    const dir = await tmp();
    const records = RECORDS.map((r) => ({ ...r }));
    const osv = await startOsv({ records });
    try {
      await checkVulnerabilities({
        source: new OsvApiSource({ url: osv.url, cacheDir: dir }),
        tree: tree(),
        onUnavailable: 'fail',
      });
      const i = records.findIndex((r) => r.id === 'GHSA-rv95-896h-c2vc');
      records[i] = { ...records[i]!, modified: '2099-01-01T00:00:00Z', summary: 'updated upstream' };
      const again = new OsvApiSource({ url: osv.url, cacheDir: dir });
      const { findings } = await checkVulnerabilities({ source: again, tree: tree(), onUnavailable: 'fail' });
      expect(again.stats).toMatchObject({ recordRequests: 1, recordCacheHits: 6 });
      expect(findings.find((f) => f.id === 'GHSA-rv95-896h-c2vc')?.summary).toBe('updated upstream');
    } finally {
      await osv.close();
    }
  });

  it('rejects an --osv-url that is not http(s)', () => {
    expect(() => new OsvApiSource({ url: 'ftp://x' })).toThrow(
      /--osv-url "ftp:\/\/x" is not an http\(s\) URL/,
    );
  });
});

describe('offline OSV database', () => {
  let zipPath: string;
  let dir: string;
  beforeAll(async () => {
    dir = await tmp();
    // nested like github/advisory-database: year/month/id/id.json
    for (const r of RECORDS) {
      const sub = join(dir, 'advisories', '2025', r.id);
      await mkdir(sub, { recursive: true });
      await writeFile(join(sub, `${r.id}.json`), JSON.stringify(r));
    }
    zipPath = join(dir, 'all.zip');
    await writeFile(
      zipPath,
      makeZip(RECORDS.map((r) => ({ name: `${r.id}.json`, data: JSON.stringify(r) }))),
    );
  });

  it('a directory, an all.zip and the API give identical findings for the same tree', async () => {
    const osv = await startOsv({ records: RECORDS });
    try {
      const api = await checkVulnerabilities({
        source: new OsvApiSource({ url: osv.url }),
        tree: tree(),
        onUnavailable: 'fail',
      });
      const fromDir = await checkVulnerabilities({
        source: new OsvDbSource(dir),
        tree: tree(),
        onUnavailable: 'fail',
      });
      const fromZip = await checkVulnerabilities({
        source: new OsvDbSource(zipPath),
        tree: tree(),
        onUnavailable: 'fail',
      });
      expect(fromDir.findings).toEqual(api.findings);
      expect(fromZip.findings).toEqual(api.findings);
      expect(api.findings).toHaveLength(7);
    } finally {
      await osv.close();
    }
  });

  it('indexes the database in the cache once, reuses the index, and rebuilds it when a record changes', async () => {
    const db = await tmp();
    const cacheDir = await tmp();
    for (const r of RECORDS) await writeFile(join(db, `${r.id}.json`), JSON.stringify(r));
    const first = new OsvDbSource(db, { cacheDir });
    const a = await checkVulnerabilities({ source: first, tree: tree(), onUnavailable: 'fail' });
    expect(first.indexState).toBe('built');
    const second = new OsvDbSource(db, { cacheDir });
    const b = await checkVulnerabilities({ source: second, tree: tree(), onUnavailable: 'fail' });
    expect(second.indexState).toBe('reused');
    expect(b.findings).toEqual(a.findings);
    // an advisory edited in place (new size): the old index must not answer
    const rv = RECORDS.find((r) => r.id === 'GHSA-rv95-896h-c2vc')!;
    await writeFile(
      join(db, `${rv.id}.json`),
      JSON.stringify({ ...rv, summary: 'edited locally, much longer summary' }),
    );
    const third = new OsvDbSource(db, { cacheDir });
    const c = await checkVulnerabilities({ source: third, tree: tree(), onUnavailable: 'fail' });
    expect(third.indexState).toBe('built');
    expect(c.findings.find((f) => f.id === rv.id)?.summary).toBe('edited locally, much longer summary');
    expect((await readdir(join(cacheDir, 'osv-db'))).filter((e) => !e.includes('.tmp-'))).toHaveLength(1);
  });

  it('skips withdrawn records and dedupes records that alias each other; MAL- records are malware', async () => {
    const db = await tmp();
    const base = RECORDS.find((r) => r.id === 'GHSA-rv95-896h-c2vc')!;
    await writeFile(join(db, 'a.json'), JSON.stringify(base));
    // a second record for the same vulnerability under another id, aliasing the CVE
    await writeFile(
      join(db, 'b.json'),
      JSON.stringify({ ...base, id: 'OTHER-2024-1', aliases: ['CVE-2024-29041'], database_specific: {} }),
    );
    await writeFile(
      join(db, 'c.json'),
      JSON.stringify({ ...base, id: 'GHSA-with-draw-n000', aliases: [], withdrawn: '2024-05-01T00:00:00Z' }),
    );
    await writeFile(
      join(db, 'd.json'),
      JSON.stringify({
        id: 'MAL-2025-9999',
        summary: 'Malicious code in ws',
        affected: [{ package: { ecosystem: 'npm', name: 'ws' }, versions: ['8.17.1'] }],
      }),
    );
    const { findings } = await checkVulnerabilities({
      source: new OsvDbSource(db),
      tree: tree(),
      onUnavailable: 'fail',
    });
    expect(summary(findings)).toEqual([
      'malware MAL-2025-9999 ws@8.17.1 critical',
      'vulnerability GHSA-rv95-896h-c2vc express@4.19.1 medium',
    ]);
    expect(findings.find((f) => f.id === 'GHSA-rv95-896h-c2vc')?.aliases).toEqual([
      'CVE-2024-29041',
      'OTHER-2024-1',
    ]);
  });

  it('a malformed record in a database: the package is reported possibly affected, with a warning', async () => {
    const db = await tmp();
    await cp(
      join(VARIANTS_DIR, 'GHSA-v6h2-p8h4-qcjw.modified-2025-06-10T22-52-00Z.json'),
      join(db, 'GHSA-v6h2-p8h4-qcjw.json'),
    );
    await writeFile(join(db, 'broken.json'), '{"id": ');
    const t = tree();
    t.packages.find((p) => p.name === 'brace-expansion')!.version = '5.0.0';
    const { findings } = await checkVulnerabilities({
      source: new OsvDbSource(db),
      tree: t,
      onUnavailable: 'fail',
    });
    expect(findings.map((f) => f.rule).sort()).toEqual(['vulnerability', 'vulnerability-source-warning']);
    const v = findings.find((f) => f.rule === 'vulnerability')!;
    expect(v.message).toContain('possibly affected');
    expect(v.uncertain).toEqual(['the "fixed" version "2.0.2, 3.0.1, 4.0.1" is not a valid version']);
    expect(findings.find((f) => f.rule === 'vulnerability-source-warning')?.message).toContain(
      'broken.json (not JSON',
    );
  });

  it('an all.zip bigger than the blocks it is read in, stored and deflated records mixed, matches the directory', async () => {
    // ~10 MB of records that do not compress (random details), so the zip spans several 4 MiB blocks
    // ~1,200 package names, so the persisted index's table is searched for real
    const many = Array.from({ length: 2400 }, (_, i) => {
      const t = RECORDS[i % RECORDS.length]!;
      const affected = ((t as { affected?: { package?: object }[] }).affected ?? []).map((a) => ({
        ...a,
        package: { ...a.package, name: `pkg-${i % 1200}` },
      }));
      return { ...t, id: `${t.id}-${i}`, details: randomBytes(2048).toString('hex'), affected };
    });
    const bigZip = join(await tmp(), 'all.zip');
    await writeFile(
      bigZip,
      makeZip(many.map((r, i) => ({ name: `${r.id}.json`, data: JSON.stringify(r), store: i % 3 === 0 }))),
    );
    expect((await readFile(bigZip)).length).toBeGreaterThan(9 * 1024 * 1024);
    const recordsDir = await tmp();
    for (const r of many) await writeFile(join(recordsDir, `${r.id}.json`), JSON.stringify(r));
    const [fromZip, fromDir] = [
      await new OsvDbSource(bigZip).load(),
      await new OsvDbSource(recordsDir).load(),
    ];
    expect(fromZip.records).toBe(many.length);
    expect(fromZip.warnings).toEqual([]);
    expect(fromZip.byName.size).toBeGreaterThan(1000);
    expect(fromZip).toEqual(fromDir);

    // through the index persisted in a cache: built, then reused, the same answers as in memory
    const cacheDir = await tmp();
    const queries = [...fromZip.byName.keys(), 'not-in-the-db', 'pkg-99999'].map((name) => ({
      name,
      version: '0.0.1',
    }));
    const built = new OsvDbSource(bigZip, { cacheDir });
    const first = await built.query(queries);
    const reused = new OsvDbSource(bigZip, { cacheDir });
    const second = await reused.query(queries);
    expect([built.indexState, reused.indexState]).toEqual(['built', 'reused']);
    expect(second.records.size).toBe(fromZip.byName.size);
    for (const [key, list] of first.records)
      expect(second.records.get(key)?.map((r) => r.id)).toEqual(list.map((r) => r.id));
  });

  it('an all.zip of more than 65,535 records (ZIP64, like the real one) is read whole', async () => {
    const n = 70_000;
    const zip = makeZip(
      Array.from({ length: n }, (_, i) => ({
        name: `MAL-2025-${i}.json`,
        store: i % 2 === 0,
        data: JSON.stringify({
          id: `MAL-2025-${i}`,
          modified: '2025-01-01T00:00:00Z',
          affected: [{ package: { ecosystem: 'npm', name: `mal-${i}` }, versions: ['1.0.0'] }],
        }),
      })),
    );
    const zipFile = join(await tmp(), 'all.zip');
    await writeFile(zipFile, zip);
    const db = await new OsvDbSource(zipFile).load();
    expect(db.records).toBe(n);
    expect(db.warnings).toEqual([]);
    expect(db.byName.size).toBe(n);
    expect(db.byName.get(`mal-${n - 1}`)?.map((r) => r.id)).toEqual([`MAL-2025-${n - 1}`]);
  }, 60_000);

  it('a corrupt or truncated all.zip, an empty one, a non-zip file and a missing path are clear errors', async () => {
    const good = await readFile(zipPath);
    const bad = await tmp();
    const files: [string, Buffer | string, RegExp][] = [
      ['truncated.zip', good.subarray(0, good.length - 100), /not a readable zip/],
      ['garbage.zip', Buffer.concat([Buffer.from('PK'), Buffer.alloc(200, 7)]), /not a readable zip/],
      ['empty.zip', makeZip([]), /holds no \.json records/],
      ['records.txt', 'hello', /does not start with a zip signature/],
    ];
    for (const [name, data, message] of files) {
      await writeFile(join(bad, name), data);
      const r = await checkVulnerabilities({
        source: new OsvDbSource(join(bad, name)),
        tree: tree(),
        onUnavailable: 'fail',
      });
      expect(r.summary.status, name).toBe('failed');
      expect(r.summary.error, name).toMatch(message);
    }
    // flipping bytes inside compressed data: zlib or the CRC/size check must notice
    const flipped = Buffer.from(good);
    for (let i = 200; i < 260; i++) flipped[i] = flipped[i]! ^ 0xff;
    await writeFile(join(bad, 'flipped.zip'), flipped);
    const f = await checkVulnerabilities({
      source: new OsvDbSource(join(bad, 'flipped.zip')),
      tree: tree(),
      onUnavailable: 'fail',
    });
    expect(
      f.summary.status === 'failed' || f.findings.some((x) => x.rule === 'vulnerability-source-warning'),
    ).toBe(true);

    // a stored (not deflated) record with one byte changed: only the CRC can tell
    const stored = makeZip(
      RECORDS.map((r) => ({ name: `${r.id}.json`, data: JSON.stringify(r), store: true })),
    );
    const at = stored.indexOf('"summary"');
    stored[at + 12] = stored[at + 12]! ^ 0x01;
    await writeFile(join(bad, 'stored.zip'), stored);
    const s = await checkVulnerabilities({
      source: new OsvDbSource(join(bad, 'stored.zip')),
      tree: tree(),
      onUnavailable: 'fail',
    });
    expect(s.summary.error).toMatch(/CRC-32 does not match/);

    await expect(new OsvDbSource(join(bad, 'nope')).query([])).rejects.toThrow(VetError);
    await expect(new OsvDbSource(join(bad, 'nope')).query([])).rejects.toThrow(
      /--osv-db .*nope: no such file or directory/,
    );
    const emptyDir = await tmp();
    const r = await checkVulnerabilities({
      source: new OsvDbSource(emptyDir),
      tree: tree(),
      onUnavailable: 'fail',
    });
    expect(r.summary.error).toMatch(/holds no \.json records; an empty database would approve everything/);
  });

  afterAll(async () => {
    expect(await readdir(dir)).toContain('all.zip');
  });
});
