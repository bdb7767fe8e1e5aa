/**
 * The policy engine on fixed inputs: findings and permissions in, decision and reasons out, for
 * every rule, both presets, overrides and suppressions. Plus the loader's errors, and the CLI's
 * `explain` and `policy show`.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/model.js';
import { evaluate, licenseVerdict } from '../src/policy/engine.js';
import { loadPolicy, resolvePolicy, type Policy } from '../src/policy/policy.js';
import type { ServerReport } from '../src/pipeline/vet.js';
import { ROOT, runCli } from './helpers/cli.js';

const NOW = new Date('2026-11-21T12:00:00Z');

function server(findings: Finding[], extra: Partial<ServerReport> = {}): ServerReport {
  return {
    spec: 'srv@1.0.0',
    registry: 'http://r/',
    package: { name: 'srv', version: '1.0.0', integrity: 'sha512-x', license: 'MIT' },
    dependencies: [
      {
        name: 'dep',
        version: '2.0.0',
        integrity: 'sha512-y',
        path: ['srv', 'dep'],
        locations: ['node_modules/dep'],
        license: 'Apache-2.0',
      },
    ],
    findings: findings.map((f) => ({ ...f })),
    stats: { packages: 2, skipped: 0, bundled: 0, downloaded: 2, fromCache: 0 },
    ...extra,
  };
}

const preset = (name: string): Policy => loadPolicy(name, ROOT).policy;
const decideWith = (policy: Policy, servers: ServerReport[]) => evaluate(servers, policy, NOW);

const F = {
  vulnHigh: {
    rule: 'vulnerability',
    severity: 'high',
    message: 'qs@6.14.0 is affected by GHSA-6rw7',
    id: 'GHSA-6rw7-vpxm-498p',
    aliases: ['CVE-2025-15284'],
    package: 'qs',
    version: '6.14.0',
  },
  vulnMedium: {
    rule: 'vulnerability',
    severity: 'medium',
    message: 'express medium',
    id: 'GHSA-qw6h-vgh9-j6wx',
    aliases: [],
    package: 'express',
    version: '4.19.1',
  },
  malware: {
    rule: 'malware',
    severity: 'critical',
    message: 'known malware',
    id: 'MAL-2025-1',
    aliases: [],
    package: 'evil',
    version: '1.0.0',
  },
  checkFailed: { rule: 'vulnerability-check-failed', severity: 'critical', message: 'OSV down' },
  toolMedium: {
    rule: 'exfil-parameter',
    severity: 'medium',
    message: 'hidden sidenote',
    category: 'tool-text',
    tool: 't',
  },
  toolLow: {
    rule: 'invisible-characters',
    severity: 'low',
    message: 'a ZWJ',
    category: 'tool-text',
    tool: 't',
  },
  introFailed: { rule: 'introspection-failed', severity: 'medium', message: 'needs a URL' },
  changed: { rule: 'manifest-changed-between-launches', severity: 'high', message: 'switch' },
  installDep: {
    rule: 'install-script',
    severity: 'medium',
    message: 'dep runs an install script',
    package: 'dep',
    version: '2.0.0',
  },
  deprecated: { rule: 'deprecated', severity: 'low', message: 'old', package: 'dep', version: '2.0.0' },
  lockInteg: { rule: 'lock-integrity-mismatch', severity: 'critical', message: 'republished' },
  lockTool: { rule: 'lock-tool-changed', severity: 'high', message: 'description changed' },
  lockUnpinned: { rule: 'lock-unpinned', severity: 'high', message: 'npx srv' },
  notNpm: { rule: 'server-not-npm', severity: 'medium', message: 'uvx server' },
  obfuscatedFinding: { rule: 'obfuscated-code', severity: 'medium', message: 'packed' },
  other: { rule: 'something-new', severity: 'high', message: 'a future finding kind' },
} satisfies Record<string, Finding>;

describe('decisions by rule and preset', () => {
  // [finding, default preset, strict preset]
  const table: [keyof typeof F, 'approve' | 'reject', 'approve' | 'reject'][] = [
    ['vulnHigh', 'reject', 'reject'],
    ['vulnMedium', 'approve', 'reject'],
    ['malware', 'reject', 'reject'],
    ['checkFailed', 'reject', 'reject'],
    ['toolMedium', 'reject', 'reject'],
    ['toolLow', 'approve', 'reject'],
    ['introFailed', 'approve', 'reject'],
    ['changed', 'reject', 'reject'],
    ['installDep', 'approve', 'reject'],
    ['deprecated', 'approve', 'reject'],
    ['lockInteg', 'reject', 'reject'],
    ['lockTool', 'reject', 'reject'],
    ['lockUnpinned', 'reject', 'reject'],
    ['notNpm', 'reject', 'reject'],
    ['obfuscatedFinding', 'approve', 'reject'],
    ['other', 'reject', 'reject'],
  ];
  it.each(table)('%s → default %s, strict %s', (key, byDefault, byStrict) => {
    expect(decideWith(preset('default'), [server([F[key]])]).decision).toBe(byDefault);
    expect(decideWith(preset('strict'), [server([F[key]])]).decision).toBe(byStrict);
  });

  it('reasons are sorted by severity, name the server and the rule, and each finding links its rule', () => {
    const s = server([F.vulnMedium, F.toolMedium, F.malware, F.vulnHigh]);
    const d = decideWith(preset('default'), [s]);
    expect(d.reasons.map((r) => [r.severity, r.rule, r.server])).toEqual([
      ['critical', 'malware', 'srv@1.0.0'],
      ['high', 'vulnerabilities', 'srv@1.0.0'],
      ['medium', 'tool-text', 'srv@1.0.0'],
    ]);
    expect(s.findings.find((f) => f.rule === 'vulnerability' && f.severity === 'medium')?.policy).toEqual({
      rule: 'vulnerabilities',
      action: 'warn',
      doc: 'https://github.com/mcp-vet/mcp-vet/blob/main/policies/README.md#rule-vulnerabilities',
    });
  });

  it('vulnerability-check on-unavailable: warn lets the rest decide', () => {
    const p = preset('default');
    p.vulnerabilities['on-unavailable'] = 'warn';
    expect(decideWith(p, [server([F.checkFailed])]).decision).toBe('approve');
  });
});

describe('licenses', () => {
  it.each([
    ['MIT', undefined, [], 'ok'],
    ['GPL-3.0-only', undefined, ['GPL-3.0-only'], 'every choice of its licenses is on licenses.deny'],
    ['(MIT OR GPL-3.0-only)', undefined, ['GPL-3.0-only'], 'ok'],
    [
      '(MIT AND GPL-3.0-only)',
      undefined,
      ['GPL-3.0-only'],
      'every choice of its licenses is on licenses.deny',
    ],
    ['(MIT OR GPL-3.0-only)', ['MIT'], [], 'ok'],
    ['(MIT AND BSD-3-Clause)', ['MIT'], [], 'no choice of its licenses is on licenses.allow'],
    ['Apache-2.0 WITH LLVM-exception', ['Apache-2.0'], [], 'ok'],
    [undefined, undefined, [], 'unknown'],
    ['SEE LICENSE IN LICENSE.md', undefined, [], 'unknown'],
    ['not spdx at all', undefined, [], 'unknown'],
  ] as const)('%s with allow %j deny %j → %s', (expr, allow, deny, verdict) => {
    expect(licenseVerdict(expr, allow ? new Set(allow) : undefined, new Set(deny))).toBe(verdict);
  });

  it('denied and unknown licenses become findings under the licenses rule', () => {
    const p = preset('strict');
    const s = server([], {
      dependencies: [
        {
          name: 'agpl',
          version: '1.0.0',
          integrity: null,
          path: ['srv', 'agpl'],
          locations: [],
          license: 'AGPL-3.0-only',
        },
        { name: 'nolicense', version: '1.0.0', integrity: null, path: ['srv', 'nolicense'], locations: [] },
      ],
    });
    const d = decideWith(p, [s]);
    expect(d.decision).toBe('reject');
    expect(s.findings.map((f) => [f.rule, (f.policy as { action: string }).action])).toEqual([
      ['license-denied', 'reject'],
      ['license-unknown', 'warn'],
    ]);
  });
});

describe('capabilities', () => {
  const withCaps = (caps: Record<string, { package: string; version: string; own?: boolean }[]>) =>
    server([], { permissions: { capabilities: caps } as unknown as ServerReport['permissions'] });
  it('deny applies to the server and its dependencies; dependencies.deny only to dependencies; allow per server or package', () => {
    const p = preset('default');
    p.capabilities.deny = ['native-code'];
    p.capabilities.dependencies.deny = ['network'];
    const s = withCaps({
      'native-code': [{ package: 'dep', version: '2.0.0' }],
      network: [
        { package: 'srv', version: '1.0.0', own: true },
        { package: 'dep', version: '2.0.0' },
      ],
    });
    expect(decideWith(p, [s]).reasons.map((r) => r.message)).toEqual([
      'the dependency dep@2.0.0 has the capability "native-code", which the policy denies (capabilities.deny)',
      'the dependency dep@2.0.0 has the capability "network", which the policy denies in dependencies (capabilities.dependencies.deny)',
    ]);
    p.capabilities.allow = { srv: ['native-code'], dep: ['network'] };
    const again = withCaps({
      'native-code': [{ package: 'dep', version: '2.0.0' }],
      network: [{ package: 'dep', version: '2.0.0' }],
    });
    expect(decideWith(p, [again]).decision).toBe('approve');
  });
});

describe('hygiene.min-age-days', () => {
  it('rejects a package of the tree published more recently than the cooling-off period; unknown times pass', () => {
    const p = preset('default');
    p.hygiene['min-age-days'] = 2;
    const fresh = server([], {
      dependencies: [
        {
          name: 'dep',
          version: '2.0.0',
          integrity: null,
          path: ['srv', 'dep'],
          locations: [],
          published: '2026-11-21T06:00:00Z',
        },
        {
          name: 'old',
          version: '1.0.0',
          integrity: null,
          path: ['srv', 'old'],
          locations: [],
          published: '2026-01-01T00:00:00Z',
        },
        { name: 'unknown', version: '1.0.0', integrity: null, path: ['srv', 'unknown'], locations: [] },
      ],
    });
    const d = decideWith(p, [fresh]);
    expect(d.reasons).toEqual([
      expect.objectContaining({
        rule: 'hygiene',
        finding: 'recently-published',
        message:
          'dep@2.0.0 was published 6 hours ago (2026-11-21T06:00:00Z); the policy waits 2 days before trusting a release (hygiene.min-age-days)',
      }),
    ]);
    expect(decideWith(preset('default'), [server([], { dependencies: fresh.dependencies })]).decision).toBe(
      'approve',
    );
    expect(preset('strict').hygiene['min-age-days']).toBe(2);
  });
});

describe('allow and deny lists', () => {
  it('servers.deny by name and range, servers.allow, packages.deny by purl', () => {
    const p = preset('default');
    p.servers.deny = ['srv@<1.0.0'];
    expect(decideWith(p, [server([])]).decision).toBe('approve');
    p.servers.deny = ['srv@^1'];
    expect(decideWith(p, [server([])]).reasons[0]).toMatchObject({ rule: 'lists', severity: 'critical' });
    const q = preset('default');
    q.servers.allow = ['other-server'];
    expect(decideWith(q, [server([])]).reasons[0]?.message).toContain(
      "not on the policy's servers.allow list",
    );
    const r = preset('default');
    r.packages.deny = ['pkg:npm/dep@2.0.0'];
    expect(decideWith(r, [server([])]).reasons[0]?.message).toBe(
      "dep@2.0.0 is on the policy's packages.deny list (pkg:npm/dep@2.0.0)",
    );
  });
});

describe('suppressions', () => {
  const sup = (s: Partial<Policy['suppressions'][number]>) => ({
    reason: 'accepted',
    expires: '2027-01-01',
    source: '.mcp-vet.yml:3',
    ...s,
  });
  it.each([
    ['by id', { id: 'GHSA-6rw7-vpxm-498p' }, 'approve'],
    ['by alias', { id: 'CVE-2025-15284' }, 'approve'],
    ['by policy rule and package', { rule: 'vulnerabilities', package: 'qs' }, 'approve'],
    ['by finding rule and server', { rule: 'vulnerability', server: 'srv' }, 'approve'],
    ['wrong package', { id: 'GHSA-6rw7-vpxm-498p', package: 'other' }, 'reject'],
    ['wrong server', { id: 'GHSA-6rw7-vpxm-498p', server: 'other' }, 'reject'],
    ['expired yesterday', { id: 'GHSA-6rw7-vpxm-498p', expires: '2026-11-20' }, 'reject'],
    ['expires today: still valid', { id: 'GHSA-6rw7-vpxm-498p', expires: '2026-11-21' }, 'approve'],
  ] as const)('%s → %s', (_label, s, decision) => {
    const p = preset('default');
    p.suppressions = [sup(s)];
    const srv = server([F.vulnHigh]);
    expect(decideWith(p, [srv]).decision).toBe(decision);
  });

  it('malware can never be suppressed; expired and unused suppressions are reported', () => {
    const p = preset('default');
    p.suppressions = [
      sup({ id: 'MAL-2025-1' }),
      sup({ id: 'GHSA-6rw7-vpxm-498p', expires: '2020-01-01' }),
      sup({ id: 'GHSA-none' }),
    ];
    const srv = server([F.malware, F.vulnHigh]);
    const d = decideWith(p, [srv]);
    expect(d.reasons.map((r) => r.finding)).toEqual(['malware', 'vulnerability']);
    expect(srv.findings.filter((f) => f.rule.startsWith('suppression-')).map((f) => f.rule)).toEqual([
      'suppression-expired',
      'suppression-unused',
      'suppression-unused',
    ]);
  });
});

describe('policy files', () => {
  async function file(text: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'mcp-vet-policy-'));
    await writeFile(join(dir, '.mcp-vet.yml'), text);
    return dir;
  }
  it('extends a preset and overrides parts of it; suppressions add up along the chain', async () => {
    const dir = await file(
      'extends: strict\nvulnerabilities:\n  severity: critical\nsuppressions:\n  - id: GHSA-x\n    reason: ok\n    expires: 2030-01-01\n',
    );
    const loaded = resolvePolicy({ cwd: dir });
    expect(loaded.files).toEqual(['.mcp-vet.yml', 'preset:strict', 'preset:default']);
    expect(loaded.preset).toBe('default');
    expect(loaded.policy.vulnerabilities).toEqual({ severity: 'critical', 'on-unavailable': 'fail' });
    expect(loaded.policy.capabilities.deny).toEqual(['install-scripts', 'native-code', 'obfuscated']);
    expect(loaded.policy.suppressions).toEqual([
      { id: 'GHSA-x', reason: 'ok', expires: '2030-01-01', source: '.mcp-vet.yml:5' },
    ]);
  });

  it.each([
    [
      'vulnerabilities:\n  severty: high\n',
      /\.mcp-vet\.yml:2: vulnerabilities: unknown key "severty" \(did you mean "severity"\?\)/,
    ],
    ['fail-on: 3\n', /fail-on: "3" is not allowed|fail-on: 3 is not allowed/],
    [
      'capabilities:\n  deny: [network, teleport]\n',
      /capabilities\.deny\[1\]: "teleport" is not allowed; use one of network, shell/,
    ],
    ['extends: ./nope.yml\n', /"\.\/nope\.yml" is neither a preset \(default, strict\) nor an existing file/],
    [
      'licenses:\n  allow: ["MIT OR"]\n',
      /licenses\.allow\[0\]: "MIT OR" is not a valid SPDX license expression/,
    ],
    ['suppressions:\n  - reason: x\n    expires: 2030-01-01\n', /a suppression needs "rule" or "id"/],
    ['servers:\n  deny: ["not a name!"]\n', /servers\.deny\[0\]: "not a name!" is not a package reference/],
    [
      'lockfile:\n  changes: maybe\n',
      /lockfile\.changes: "maybe" is not allowed; use one of reject, warn, info/,
    ],
  ])('%j → a clear error', async (text, message) => {
    const dir = await file(text);
    expect(() => resolvePolicy({ cwd: dir })).toThrow(message);
  });

  it('an extends loop is an error naming the files', async () => {
    const dir = await file('extends: ./b.yml\n');
    await writeFile(join(dir, 'b.yml'), 'extends: ./.mcp-vet.yml\n');
    expect(() => resolvePolicy({ cwd: dir })).toThrow(
      /b\.yml:1: extends "\.\/\.mcp-vet\.yml" loops back to \.mcp-vet\.yml/,
    );
  });
});

describe('the CLI', () => {
  it('explain prints a rule, also when named by a finding rule; unknown rules are a usage error', async () => {
    const r = await runCli(['explain', 'licenses'], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('licenses: Licenses of every package, evaluated as SPDX expressions');
    const f = await runCli(['explain', 'install-script'], { cwd: ROOT });
    expect(f.stdout).toContain('(install-script findings are governed by the rule capabilities)');
    const bad = await runCli(['explain', 'nope'], { cwd: ROOT });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no rule "nope"; the rules are vulnerabilities, malware');
  });

  it('policy show prints the effective policy after extends and overrides', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mcp-vet-policy-'));
    await writeFile(join(dir, '.mcp-vet.yml'), 'extends: strict\nfail-on: critical\n');
    const r = await runCli(['policy', 'show', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { files: string[]; policy: Policy };
    expect(out.files).toEqual(['.mcp-vet.yml', 'preset:strict', 'preset:default']);
    expect(out.policy['fail-on']).toBe('critical');
    expect(out.policy.introspection.failed).toBe('reject');
    const yaml = await runCli(['policy', 'show', '--policy', 'default'], { cwd: dir });
    expect(yaml.stdout.split('\n')[0]).toBe('# effective policy from: preset:default');
  });
});
