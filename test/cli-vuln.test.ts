/**
 * The vulnerability check end to end: the built CLI as a process, a loopback npm registry serving
 * a server whose tree holds real package names at versions real advisories affect, and the same
 * advisories from a loopback OSV API, an offline directory and an offline all.zip.
 */
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from './helpers/cli.js';
import { loadRecords, makeZip, startOsv, type OsvJson, type OsvServer } from './helpers/osv.js';
import { startRegistry, type TestRegistry } from './helpers/registry.js';

const RECORDS_DIR = path.join(ROOT, 'test', 'fixtures', 'osv', 'records');
const RECORDS = loadRecords(RECORDS_DIR);
const SERVER = 'mcp-server-kubernetes';

const js = (s: string) => ({ 'index.js': s });
/**
 * mcp-server-kubernetes@2.4.0 (vulnerable itself; 2.5.0 fixes it)
 *   ├─ express@4.19.1 (2 advisories) ─ path-to-regexp@0.1.7 (pinned by express: fix unreachable)
 *   │                                 └ body-parser@1.20.2
 *   ├─ qs@^6.13.0 → 6.14.0 (latest tag; 6.14.1 fixes it and is within the range: reachable)
 *   └─ minimist@1.2.8 (not affected: fixed in 1.2.6)
 */
const PACKAGES = {
  [SERVER]: {
    '2.4.0': {
      files: js('module.exports = {}'),
      manifest: { dependencies: { express: '4.19.1', qs: '^6.13.0', minimist: '^1.2.0' } },
    },
    '2.5.0': { files: js('module.exports = {}') },
  },
  express: {
    '4.19.1': {
      files: js(''),
      manifest: { dependencies: { 'path-to-regexp': '0.1.7', 'body-parser': '1.20.2' } },
    },
  },
  'path-to-regexp': { '0.1.7': { files: js('') }, '0.1.12': { files: js('') } },
  'body-parser': { '1.20.2': { files: js('') }, '1.20.3': { files: js('') } },
  qs: { '6.13.0': { files: js('') }, '6.14.0': { files: js('') }, '6.14.1': { files: js('') } },
  minimist: { '1.2.8': { files: js('') } },
};

const EXPECTED = [
  'vulnerability GHSA-9wv6-86v2-598j path-to-regexp@0.1.7 high',
  'vulnerability GHSA-gjv4-ghm7-q58q mcp-server-kubernetes@2.4.0 high',
  'vulnerability GHSA-6rw7-vpxm-498p qs@6.14.0 high',
  'vulnerability GHSA-qwcr-r2fm-qrc7 body-parser@1.20.2 high',
  'vulnerability GHSA-rhx6-c78j-4q9w path-to-regexp@0.1.7 high',
  'vulnerability GHSA-qw6h-vgh9-j6wx express@4.19.1 medium',
  'vulnerability GHSA-rv95-896h-c2vc express@4.19.1 medium',
].sort();

interface Finding {
  rule: string;
  severity: string;
  id?: string;
  package?: string;
  version?: string;
  [k: string]: unknown;
}
interface Report {
  decision: string;
  policy?: unknown;
  servers: { findings: Finding[]; vulnerabilities: Record<string, unknown> }[];
}

let registry: TestRegistry;
let osv: OsvServer;
let work: string;
let dbDir: string;
let dbZip: string;

beforeAll(async () => {
  registry = await startRegistry({
    packages: PACKAGES,
    meta: {
      // 6.14.1 published an hour ago (for hygiene.min-age-days)
      qs: {
        'dist-tags': { latest: '6.14.0' },
        time: { '6.14.1': new Date(Date.now() - 3_600_000).toISOString() },
      },
    },
  });
  osv = await startOsv({ records: RECORDS });
  work = await fsp.mkdtemp(path.join(os.tmpdir(), 'mcp-vet-cli-vuln-'));
  dbDir = RECORDS_DIR;
  dbZip = path.join(work, 'npm-all.zip');
  await fsp.writeFile(
    dbZip,
    makeZip(RECORDS.map((r) => ({ name: `${r.id}.json`, data: JSON.stringify(r) }))),
  );
});

afterAll(async () => {
  await registry.close();
  await osv.close();
  await fsp.rm(work, { recursive: true, force: true });
});

async function vet(
  args: string[],
  o: { env?: Record<string, string>; policy?: string } = {},
): Promise<CliResult> {
  const cwd = await fsp.mkdtemp(path.join(work, 'cwd-'));
  await fsp.writeFile(path.join(cwd, '.npmrc'), '');
  if (o.policy !== undefined) await fsp.writeFile(path.join(cwd, '.mcp-vet.yml'), o.policy);
  // this file is about advisories: the other stages are covered elsewhere and would add findings
  return runCli(
    [
      ...args,
      '--no-introspect',
      '--no-capabilities',
      '--registry',
      registry.url,
      '--userconfig',
      path.join(cwd, '.npmrc'),
      '--cache-dir',
      path.join(cwd, 'cache'),
    ],
    { cwd, env: o.env },
  );
}

const vulnSummary = (r: Report): string[] =>
  r.servers[0]!.findings.filter((f) => f.rule === 'vulnerability' || f.rule === 'malware')
    .map((f) => `${f.rule} ${f.id} ${f.package}@${f.version} ${f.severity}`)
    .sort();

describe('mcp-vet vet with advisories', () => {
  it('--osv-url, --osv-db DIR and --osv-db all.zip report exactly the advisories of the tree, identically', async () => {
    const runs = await Promise.all([
      vet(['vet', `${SERVER}@2.4.0`, '--format', 'json', '--osv-url', osv.url]),
      vet(['vet', `${SERVER}@2.4.0`, '--format', 'json', '--osv-db', dbDir]),
      vet(['vet', `${SERVER}@2.4.0`, '--format', 'json', '--osv-db', dbZip]),
    ]);
    const reports = runs.map((r) => {
      expect(r.code, r.stderr).toBe(1);
      return JSON.parse(r.stdout) as Report;
    });
    expect(vulnSummary(reports[0]!)).toEqual(EXPECTED);
    const strip = (r: Report) => r.servers[0]!.findings;
    expect(strip(reports[1]!)).toEqual(strip(reports[0]!));
    expect(strip(reports[2]!)).toEqual(strip(reports[0]!));
    expect(reports.map((r) => r.servers[0]!.vulnerabilities.source)).toEqual(['osv-api', 'osv-db', 'osv-db']);
    expect(reports[0]!.servers[0]!.vulnerabilities).toMatchObject({
      status: 'ok',
      packages: 6,
      advisories: 7,
    });
    // one querybatch for the whole tree
    expect(osv.requests.filter((q) => q.path === '/v1/querybatch').map((q) => q.queries)).toEqual([6]);
  });

  it('says whether a fix is reachable: upgrade the server, reinstall, or the dependency must change', async () => {
    const r = await vet(['vet', `${SERVER}@2.4.0`, '--format', 'json', '--osv-db', dbDir]);
    const f = (JSON.parse(r.stdout) as Report).servers[0]!.findings;
    const by = (id: string) => f.find((x) => x.id === id)!;
    expect(by('GHSA-gjv4-ghm7-q58q')).toMatchObject({
      path: [SERVER],
      fixed: ['2.5.0'],
      fixReachable: true,
      remediation: `upgrade the server to ${SERVER}@2.5.0 or later`,
    });
    expect(by('GHSA-6rw7-vpxm-498p')).toMatchObject({
      path: [SERVER, 'qs'],
      fixed: ['6.14.1'],
      score: 8.7,
      fixReachable: true,
      remediation: expect.stringContaining('qs@6.14.1 is within the ranges its dependents declare'),
    });
    expect(by('GHSA-9wv6-86v2-598j')).toMatchObject({
      path: [SERVER, 'express', 'path-to-regexp'],
      fixReachable: false,
      remediation: expect.stringContaining(
        'express@4.19.1 requires path-to-regexp@0.1.7, which excludes every fixed version (0.1.12 or later)',
      ),
    });
    expect(by('GHSA-qw6h-vgh9-j6wx')).toMatchObject({
      fixReachable: false,
      remediation: expect.stringContaining('no fixed version of express is published yet'),
    });
  });

  it('the text report leads with the verdict and gives score, fixed versions and the remedy', async () => {
    const r = await vet(['vet', `${SERVER}@2.4.0`, '--format', 'text', '--osv-db', dbDir]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(
      /^✘ REJECT {2}mcp-server-kubernetes@2\.4\.0 {2}\(7 findings; policy: preset:default\)/,
    );
    expect(r.stdout).toContain('advisories: 6 packages checked against');
    expect(r.stdout).toContain('7 advisories (5 high, 2 medium)');
    expect(r.stdout).toContain(
      'CVSS 8.7 (CVE-2025-15284); fixed in 6.14.1; https://osv.dev/vulnerability/GHSA-6rw7-vpxm-498p',
    );
    expect(r.stdout).toContain(`→ upgrade the server to ${SERVER}@2.5.0 or later`);
  });

  it('--fail-on critical approves highs; known malware rejects at any threshold', async () => {
    const ok = await vet([
      'vet',
      `${SERVER}@2.4.0`,
      '--format',
      'json',
      '--osv-db',
      dbDir,
      '--fail-on',
      'critical',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const malDir = path.join(work, 'mal');
    await fsp.mkdir(malDir, { recursive: true });
    const mal: OsvJson = {
      id: 'MAL-2099-0001',
      modified: '2099-01-01T00:00:00Z',
      summary: 'Malicious code in minimist (synthetic test record)',
      affected: [{ package: { ecosystem: 'npm', name: 'minimist' }, versions: ['1.2.8'] }],
    };
    await fsp.writeFile(path.join(malDir, 'MAL-2099-0001.json'), JSON.stringify(mal));
    const r = await vet([
      'vet',
      `${SERVER}@2.4.0`,
      '--format',
      'json',
      '--osv-db',
      malDir,
      '--fail-on',
      'critical',
    ]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(vulnSummary(report)).toEqual(['malware MAL-2099-0001 minimist@1.2.8 critical']);
  });

  it('fails closed when OSV is down: reject, exit 3, the report says the check could not run', async () => {
    const down = await startOsv({ records: RECORDS, failFirst: { count: 1000, status: 503 } });
    try {
      const r = await vet(['vet', 'qs@6.14.1', '--format', 'json', '--osv-url', down.url]);
      expect(r.code).toBe(3);
      const report = JSON.parse(r.stdout) as Report;
      expect(report.decision).toBe('reject');
      expect(report.servers[0]!.vulnerabilities).toMatchObject({ status: 'failed', source: 'osv-api' });
      expect(report.servers[0]!.findings).toEqual([
        expect.objectContaining({
          rule: 'vulnerability-check-failed',
          severity: 'critical',
          message: expect.stringMatching(/could not run.*did not answer usefully after 4 tries \(HTTP 503\)/),
        }),
      ]);
      const warn = await vet([
        'vet',
        'qs@6.14.1',
        '--format',
        'text',
        '--osv-url',
        down.url,
        '--on-unavailable',
        'warn',
      ]);
      expect(warn.code).toBe(0);
      expect(warn.stdout).toContain('advisories: NOT CHECKED');
      expect(warn.stdout).toContain('--on-unavailable warn: not failing');
    } finally {
      await down.close();
    }
  });

  it('an unreachable OSV (nothing listening) also fails closed with exit 3', async () => {
    const r = await vet(['vet', 'qs@6.14.1', '--format', 'json', '--osv-url', 'http://127.0.0.1:9'], {
      env: { MCP_VET_OSV_TIMEOUT_MS: '500' },
    });
    expect(r.code).toBe(3);
    expect((JSON.parse(r.stdout) as Report).servers[0]!.findings[0]!.message).toMatch(/ECONNREFUSED/);
  });

  it('suppressions: a reason and an expiry; expired ones stop working and say so; unused ones are stale', async () => {
    const highs = [
      'GHSA-9wv6-86v2-598j',
      'GHSA-gjv4-ghm7-q58q',
      'GHSA-6rw7-vpxm-498p',
      'GHSA-qwcr-r2fm-qrc7',
      'GHSA-rhx6-c78j-4q9w',
    ];
    const entry = (id: string, expires = '2999-12-31') =>
      `  - id: ${id}\n    reason: accepted in review 12 until the server ships a fix\n    expires: ${expires}\n`;
    // every high suppressed (one through its CVE alias, one scoped to the package) → approve
    let policy =
      'suppressions:\n' +
      highs
        .slice(2)
        .map((id) => entry(id))
        .join('');
    policy +=
      entry('CVE-2024-45296') +
      `  - id: GHSA-gjv4-ghm7-q58q\n    package: ${SERVER}@2.4.0\n    reason: sandboxed\n    expires: 2999-01-01\n`;
    policy += entry('GHSA-xvch-5gv4-984h'); // minimist's: not in this tree
    const ok = await vet(['vet', `${SERVER}@2.4.0`, '--format', 'json', '--osv-db', dbDir], { policy });
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const report = JSON.parse(ok.stdout) as Report;
    expect(report.policy).toEqual({ files: ['.mcp-vet.yml'] });
    expect(report.decision).toBe('approve');
    const f = report.servers[0]!.findings;
    expect(
      f
        .filter((x) => x.suppressed)
        .map((x) => x.id)
        .sort(),
    ).toEqual([...highs].sort());
    expect(f.find((x) => x.id === 'GHSA-9wv6-86v2-598j')?.suppressed).toEqual({
      reason: 'accepted in review 12 until the server ships a fix',
      expires: '2999-12-31',
      source: '.mcp-vet.yml:11',
    });
    expect(f.filter((x) => x.rule === 'suppression-unused').map((x) => x.id)).toEqual([
      'GHSA-xvch-5gv4-984h',
    ]);

    // one expired: it no longer suppresses, the verdict flips, and the report says why
    const expired = policy.replace(entry('GHSA-qwcr-r2fm-qrc7'), entry('GHSA-qwcr-r2fm-qrc7', '2001-01-01'));
    const r = await vet(['vet', `${SERVER}@2.4.0`, '--format', 'text', '--osv-db', dbDir], {
      policy: expired,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /suppression-expired: the suppression of GHSA-qwcr-r2fm-qrc7 \(\.mcp-vet\.yml:\d+\) expired on 2001-01-01/,
    );
    expect(r.stdout).toContain(
      'HIGH     vulnerability: body-parser@1.20.2 is affected by GHSA-qwcr-r2fm-qrc7',
    );
    expect(r.stdout).toContain('suppressed (not counted):');
  });

  it('a bad policy file is a usage error naming the file, the line and the fix', async () => {
    const cases: [string, RegExp][] = [
      [
        'suppressions:\n  - id: GHSA-1\n    expires: 2030-01-01\n',
        /\.mcp-vet\.yml:2: suppressions\[0\]: needs "reason" \(say why it is acceptable/,
      ],
      [
        'suppressions:\n  - id: GHSA-1\n    reason: x\n',
        /\.mcp-vet\.yml:2: suppressions\[0\]: needs "expires" \(a date, YYYY-MM-DD/,
      ],
      [
        'suppressions:\n  - id: GHSA-1\n    reason: x\n    expires: next week\n',
        /\.mcp-vet\.yml:4: suppressions\[0\]\.expires: "next week" is not a date \(use YYYY-MM-DD\)/,
      ],
      [
        'suppressions:\n  - id: GHSA-1\n    reason: x\n    expires: 2030-01-01\n    pakage: qs\n',
        /\.mcp-vet\.yml:5: suppressions\[0\]: unknown key "pakage" \(did you mean "package"\?\)/,
      ],
      [
        'supressions: []\n',
        /\.mcp-vet\.yml:1: \(top level\): unknown key "supressions" \(did you mean "suppressions"\?\)/,
      ],
      ['suppressions: [\n', /\.mcp-vet\.yml:\d+: not valid YAML/],
    ];
    for (const [policy, message] of cases) {
      const r = await vet(['vet', 'qs@6.14.1', '--osv-db', dbDir], { policy });
      expect(r.code, policy).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  });

  it('hygiene.min-age-days: a release younger than the cooling-off period rejects, with its publish time', async () => {
    const r = await vet(['vet', 'qs@6.14.1', '--format', 'json', '--osv-db', dbDir], {
      policy: 'extends: default\nhygiene:\n  min-age-days: 1\n',
    });
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as Report & { servers: { package: { published?: string } }[] };
    expect(report.servers[0]!.package.published).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(report.servers[0]!.findings.find((f) => f.rule === 'recently-published')?.message).toMatch(
      /^qs@6\.14\.1 was published [01] hours? ago .*the policy waits 1 day before trusting a release/,
    );
    const ok = await vet(['vet', 'qs@6.14.1', '--format', 'json', '--osv-db', dbDir]);
    expect(ok.code).toBe(0);
  });

  it('usage errors: two sources at once, a bad --on-unavailable, a missing database', async () => {
    const both = await vet(['vet', 'qs@6.14.1', '--osv-url', osv.url, '--osv-db', dbDir]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--osv-url and --osv-db are two sources for the same check; set one');
    const mode = await vet(['vet', 'qs@6.14.1', '--on-unavailable', 'ignore']);
    expect(mode.code).toBe(2);
    expect(mode.stderr).toContain('--on-unavailable must be fail or warn, not "ignore"');
    const missing = await vet(['vet', 'qs@6.14.1', '--osv-db', path.join(work, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--osv-db .*nope: no such file or directory/);
  });

  it('--no-vulns skips the check and says so', async () => {
    const r = await vet(['vet', `${SERVER}@2.4.0`, '--format', 'json', '--no-vulns']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.servers[0]!.vulnerabilities).toEqual({ status: 'skipped' });
    expect(report.servers[0]!.findings).toEqual([
      expect.objectContaining({ rule: 'vulnerability-check-skipped', severity: 'info' }),
    ]);
  });
});
