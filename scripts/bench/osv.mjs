#!/usr/bin/env node
// Vulnerability-check benchmark, fully offline:
//  1. matching a 250-package tree against an offline OSV database of 10,000 records (a directory,
//     then the same records as an all.zip), cold: read + parse + index + match, median of N runs;
//  2. the OSV API path against a loopback querybatch server: how many requests for 2,500 packages
//     (one per 1000 packages, never one per package).
// The records are the repo's real advisories (test/fixtures/osv/records) cloned under new ids and
// package names, so their shape (ranges, severities, aliases) is real.
//
//   node scripts/bench/osv.mjs [--records N] [--packages N] [--runs N] [--json FILE]
import { createServer } from 'node:http';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { makeZip } from '../lib/zip.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Bundles the vulnerability modules from src/ (the bench measures the real code, not a copy). */
async function loadModules(work) {
  const esbuild = await import('esbuild');
  const entry = join(work, 'entry.ts');
  await writeFile(
    entry,
    `export { checkVulnerabilities } from ${JSON.stringify(join(ROOT, 'src/vuln/check.ts'))};
export { OsvDbSource } from ${JSON.stringify(join(ROOT, 'src/vuln/osv-db.ts'))};
export { OsvApiSource } from ${JSON.stringify(join(ROOT, 'src/vuln/osv-api.ts'))};`,
  );
  const outfile = join(work, 'vuln.mjs');
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
    banner: { js: "import{createRequire}from'module';const require=createRequire(import.meta.url);" },
  });
  return import(pathToFileURL(outfile).href);
}

/** A tree of `n` packages, as the resolver produces it (root + packages with paths). */
function makeTree(n) {
  const pkg = (name, version, i) => ({
    name,
    version,
    integrity: null,
    resolved: null,
    location: i < 0 ? `node_modules/${name}` : `node_modules/${name}`,
    path: i < 0 ? [name] : ['bench-server', name],
    optional: false,
    peer: false,
    bundled: false,
    fromShrinkwrap: false,
    dependencies: [],
  });
  const root = pkg('bench-server', '1.0.0', -1);
  const packages = [];
  for (let i = 0; i < n - 1; i++) packages.push(pkg(`bench-pkg-${i}`, `1.${i % 7}.${i % 5}`, i));
  root.dependencies = packages.map((p) => p.location);
  return { root, packages, registry: 'http://bench/', spec: 'bench-server@1.0.0' };
}

/** `count` records cloned from the real ones; every 40th targets a package of the tree. */
function makeRecords(templates, count, treeSize) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const t = templates[i % templates.length];
    const name = i % 40 === 0 ? `bench-pkg-${(i / 40) % (treeSize - 1)}` : `other-pkg-${i}`;
    const affected = (t.affected ?? []).map((a) => ({ ...a, package: { ...a.package, name } }));
    out.push({ ...t, id: `BENCH-${String(i).padStart(5, '0')}`, aliases: [`CVE-BENCH-${i}`], affected });
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(opts = {}) {
  const nRecords = Number(opts.records ?? 10_000);
  const nPackages = Number(opts.packages ?? 250);
  const runs = Number(opts.runs ?? 3);
  const work = await mkdtemp(join(tmpdir(), 'mcp-vet-bench-osv-'));
  try {
    const mod = await loadModules(work);
    const dir = join(ROOT, 'test/fixtures/osv/records');
    const templates = await Promise.all(
      (await readdir(dir))
        .filter((f) => f.endsWith('.json'))
        .map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8'))),
    );
    const records = makeRecords(templates, nRecords, nPackages);
    const db = join(work, 'db');
    await mkdir(db);
    await Promise.all(records.map((r) => writeFile(join(db, `${r.id}.json`), JSON.stringify(r))));
    const zip = join(work, 'all.zip');
    await writeFile(zip, makeZip(records.map((r) => ({ name: `${r.id}.json`, data: JSON.stringify(r) }))));
    const tree = makeTree(nPackages);

    // cold: no index, the whole database is read and parsed (what the first run pays, once per
    // database version); indexed: the per-package index in the cache is read (every later run)
    const timeIt = async (path, cacheDir) => {
      const times = [];
      const cpu = [];
      let result;
      for (let i = 0; i < runs; i++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        result = await mod.checkVulnerabilities({
          source: new mod.OsvDbSource(path, { cacheDir }),
          tree,
          onUnavailable: 'fail',
        });
        times.push((performance.now() - t0) / 1000);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1e6);
      }
      return { seconds: median(times), cpu: median(cpu), advisories: result.summary.advisories };
    };
    const cache = join(work, 'cache');
    const dirResult = await timeIt(db);
    const zipResult = await timeIt(zip);
    await mod.checkVulnerabilities({
      source: new mod.OsvDbSource(zip, { cacheDir: cache }),
      tree,
      onUnavailable: 'fail',
    });
    await mod.checkVulnerabilities({
      source: new mod.OsvDbSource(db, { cacheDir: cache }),
      tree,
      onUnavailable: 'fail',
    });
    const zipIndexed = await timeIt(zip, cache);
    const dirIndexed = await timeIt(db, cache);

    // querybatch request count against a loopback server that answers "no vulns"
    const requests = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const q = JSON.parse(body).queries ?? [];
        requests.push(q.length);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ results: q.map(() => ({})) }));
      });
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${server.address().port}`;
    const big = makeTree(2500);
    const t0 = performance.now();
    await mod.checkVulnerabilities({
      source: new mod.OsvApiSource({ url }),
      tree: big,
      onUnavailable: 'fail',
    });
    const apiSeconds = (performance.now() - t0) / 1000;
    await new Promise((r) => server.close(r));

    return {
      records: nRecords,
      packages: nPackages,
      directory: dirResult,
      zip: zipResult,
      directoryIndexed: dirIndexed,
      zipIndexed,
      api: { packages: 2500, requests: requests.length, queriesPerRequest: requests, seconds: apiSeconds },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export function print(r) {
  const ok = (s) => (s < 1 ? 'under 1 s ✓' : 'over 1 s ✗');
  const row = (label, x) =>
    console.log(
      `  ${label.padEnd(30)} ${x.seconds.toFixed(3)} s wall, ${x.cpu.toFixed(3)} s CPU  (${ok(x.seconds)}; ${x.advisories} advisories matched)`,
    );
  console.log(
    `\nOSV: ${r.packages}-package tree vs an offline database of ${r.records.toLocaleString('en')} records (median)`,
  );
  row('directory, indexed', r.directoryIndexed);
  row('all.zip, indexed', r.zipIndexed);
  row('directory, no index (first run)', r.directory);
  row('all.zip, no index (first run)', r.zip);
  console.log(
    `OSV API: ${r.api.packages} packages → ${r.api.requests} querybatch requests (${r.api.queriesPerRequest.join(' + ')} queries), ${r.api.seconds.toFixed(3)} s on loopback`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      records: { type: 'string' },
      packages: { type: 'string' },
      runs: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const r = await run(values);
  print(r);
  if (values.json) await writeFile(values.json, JSON.stringify(r, null, 2));
}
