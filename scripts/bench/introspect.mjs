#!/usr/bin/env node
// Introspection cost: `mcp-vet vet` (built CLI) warm, with and without introspection; the
// difference is laying out the tree + two sandboxed launches + the MCP sessions.
//
//   npm run build && node scripts/bench/introspect.mjs [--runs 3] [--specs a,b] [--registry URL]
//
// Servers: a fixture server (test/fixtures/mcp-servers/honest.js, packed and served from
// 127.0.0.1) and, unless --offline, real servers from the configured registry
// (@modelcontextprotocol/server-memory, @modelcontextprotocol/server-everything).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serveFolder } from '../lib/static-registry.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'dist', 'cli.js');
const REAL = ['@modelcontextprotocol/server-memory', '@modelcontextprotocol/server-everything'];

/** Packs the honest fixture as fx-mcp-honest@1.0.0 into a folder registry and serves it. */
async function fixtureRegistry(dir) {
  const tar = await import('tar');
  const src = join(root, 'test', 'fixtures', 'mcp-servers');
  const pkgDir = join(dir, 'src', 'package');
  await mkdir(pkgDir, { recursive: true });
  const code = `#!/usr/bin/env node\n${await readFile(join(src, '_mini-mcp.js'), 'utf8')}\n${await readFile(join(src, 'honest.js'), 'utf8')}`;
  const manifest = { name: 'fx-mcp-honest', version: '1.0.0', bin: { 'fx-mcp-honest': 'server.js' } };
  await writeFile(join(pkgDir, 'server.js'), code);
  await writeFile(join(pkgDir, 'package.json'), JSON.stringify(manifest));
  const chunks = [];
  for await (const c of tar.c({ gzip: true, portable: true, cwd: join(dir, 'src') }, ['package']))
    chunks.push(c);
  const tgz = Buffer.concat(chunks);
  await mkdir(join(dir, 'reg', 'tarballs', 'fx-mcp-honest'), { recursive: true });
  await mkdir(join(dir, 'reg', 'packuments'), { recursive: true });
  await writeFile(join(dir, 'reg', 'tarballs', 'fx-mcp-honest', '1.0.0.tgz'), tgz);
  const integrity = `sha512-${createHash('sha512').update(tgz).digest('base64')}`;
  await writeFile(
    join(dir, 'reg', 'packuments', 'fx-mcp-honest.json'),
    JSON.stringify({
      name: 'fx-mcp-honest',
      'dist-tags': { latest: '1.0.0' },
      versions: {
        '1.0.0': { ...manifest, dist: { tarball: '/fx-mcp-honest/-/fx-mcp-honest-1.0.0.tgz', integrity } },
      },
    }),
  );
  return serveFolder(join(dir, 'reg'));
}

function runCli(args, cwd) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err, ms: performance.now() - t0 }));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(opts = {}) {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const runs = opts.runs ?? 3;
  const work = await mkdtemp(join(tmpdir(), 'mcp-vet-bench-introspect-'));
  const fixture = await fixtureRegistry(work);
  const cases = [{ spec: 'fx-mcp-honest@1.0.0', registry: fixture.url }];
  if (!opts.offline) for (const spec of opts.specs ?? REAL) cases.push({ spec, registry: opts.registry });
  const results = [];
  try {
    for (const c of cases) {
      // the other stages are measured elsewhere (and the OSV API is not reachable offline)
      const common = [
        '--format',
        'json',
        '--no-vulns',
        '--no-capabilities',
        '--cache-dir',
        join(work, 'cache'),
        ...(c.registry ? ['--registry', c.registry] : []),
      ];
      const first = await runCli(['vet', c.spec, ...common], work); // cold: fills the cache
      if (first.code !== 0 && first.code !== 1) {
        results.push({ spec: c.spec, error: first.err.trim().split('\n').pop() });
        continue;
      }
      const withI = [];
      const without = [];
      let report;
      for (let i = 0; i < runs; i++) {
        const a = await runCli(['vet', c.spec, ...common], work);
        withI.push(a.ms);
        report = JSON.parse(a.out);
        without.push((await runCli(['vet', c.spec, '--no-introspect', ...common], work)).ms);
      }
      const s = report.servers[0];
      const m = s.manifest;
      results.push({
        spec: `${s.package.name}@${s.package.version}`,
        packages: s.stats.packages,
        source: m.source,
        tools: m.tools.length,
        network: m.containment?.network ?? 'n/a',
        warmWithMs: Math.round(median(withI)),
        warmWithoutMs: Math.round(median(without)),
        introspectionMs: Math.round(median(withI) - median(without)),
        findings: s.findings.map((f) => f.rule),
      });
    }
  } finally {
    await fixture.close();
    await rm(work, { recursive: true, force: true });
  }
  return { runs, results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      specs: { type: 'string' },
      registry: { type: 'string' },
      offline: { type: 'boolean' },
    },
  });
  const r = await run({
    runs: values.runs ? Number(values.runs) : undefined,
    specs: values.specs?.split(','),
    registry: values.registry,
    offline: values.offline,
  });
  console.log(`introspection cost, median of ${r.runs} warm runs (vet with − vet --no-introspect)\n`);
  console.log(
    '| server | packages | source | tools | network | vet warm | --no-introspect | introspection |',
  );
  console.log('|---|---:|---|---:|---|---:|---:|---:|');
  for (const x of r.results) {
    if (x.error) console.log(`| ${x.spec} | error: ${x.error} |`);
    else
      console.log(
        `| ${x.spec} | ${x.packages} | ${x.source} | ${x.tools} | ${x.network} | ${(x.warmWithMs / 1000).toFixed(2)} s | ${(x.warmWithoutMs / 1000).toFixed(2)} s | ${(x.introspectionMs / 1000).toFixed(2)} s |`,
      );
  }
}
