#!/usr/bin/env node
// Benchmark: the capability analysis of a whole server tree, through the built CLI (dist/cli.js).
//
//   node scripts/bench/capabilities.mjs --snapshot ../shared/bench-registry [--spec S] [--runs N]
//   node scripts/bench/capabilities.mjs --registry http://127.0.0.1:4873/
//   node scripts/bench/capabilities.mjs --snapshot DIR --cli /tmp/dist-before/cli.js   (A/B)
//
// 1. fills a temp cache with the verified tarballs (`vet --no-capabilities`), so downloads are out
//    of the picture;
// 2. times `vet` with the package cache warm and the capability cache empty (cold analysis),
//    `vet --no-capabilities` (the baseline: resolution from cache, no analysis), and `vet` again
//    (the capability cache warm: nothing is analysed twice);
// 3. reports analysis time = cold − baseline, and peak RSS of the cold run.
// Every child runs pinned to one core (taskset) when taskset exists. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { exec, isolatedEnv, startSnapshot } from '../lib/procs.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const DEFAULT_SPEC = '@modelcontextprotocol/server-filesystem@2026.8.31';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function runBench(opts = {}) {
  const spec = opts.spec ?? DEFAULT_SPEC;
  const runs = Number(opts.runs ?? 3);
  const cli = opts.cli ? resolve(opts.cli) : CLI;
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first`);
  const reg = opts.registry
    ? { url: opts.registry, close: async () => {} }
    : await startSnapshot(opts.snapshot);
  const work = await mkdtemp(join(tmpdir(), 'mcp-vet-capbench-'));
  const userconfig = join(work, 'user.npmrc');
  await writeFile(userconfig, '');
  const env = isolatedEnv();
  const pin = spawnSync('taskset', ['--version']).status === 0;
  const time = existsSync('/usr/bin/time');
  const vet = async (cacheDir, extra = []) => {
    const args = [
      cli,
      'vet',
      spec,
      '--registry',
      reg.url,
      '--cache-dir',
      cacheDir,
      '--userconfig',
      userconfig,
      '--format',
      'json',
      // only the analysis varies between runs: no OSV queries, no server launch
      '--no-vulns',
      '--no-introspect',
      ...extra,
    ];
    let cmd = process.execPath;
    let full = args;
    if (time) {
      full = ['-f', '%M %U %S', cmd, ...full];
      cmd = '/usr/bin/time';
    }
    if (pin) {
      full = ['-c', '0', cmd, ...full];
      cmd = 'taskset';
    }
    const t0 = performance.now();
    const r = await exec(cmd, full, env);
    const ms = performance.now() - t0;
    if (r.code !== 0 && r.code !== 1) throw new Error(`mcp-vet failed (${r.code}): ${r.stderr}`);
    // /usr/bin/time: peak RSS in KiB, user and system CPU seconds
    const [kb, user, sys] = time ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
    return { ms, cpuMs: (user + sys) * 1000, peakMB: kb / 1024, report: JSON.parse(r.stdout) };
  };
  try {
    const cold = [];
    const base = [];
    const warm = [];
    let report;
    for (let i = 0; i < runs; i++) {
      const cacheDir = join(work, `cache-${i}`);
      await vet(cacheDir, ['--no-capabilities']); // downloads and verifies every tarball
      base.push(await vet(cacheDir, ['--no-capabilities']));
      const c = await vet(cacheDir);
      cold.push(c);
      report = c.report;
      warm.push(await vet(cacheDir));
    }
    // the analysis alone, in one process pinned to one core: process.cpuUsage() around
    // analyzeTarball over every package of the tree (cold: a fresh process per run)
    const inProcess = [];
    for (let i = 0; i < runs; i++) {
      const args = [fileURLToPath(import.meta.url), '--in-process', join(work, 'cache-0')];
      const r = pin
        ? await exec('taskset', ['-c', '0', process.execPath, ...args], env)
        : await exec(process.execPath, args, env);
      if (r.code !== 0) throw new Error(`in-process run failed: ${r.stderr}`);
      inProcess.push(JSON.parse(r.stdout));
    }
    const a = report.servers[0].permissions.analysis;
    const coldMs = median(cold.map((r) => r.ms));
    const baseMs = median(base.map((r) => r.ms));
    return {
      spec,
      pinnedToOneCore: pin,
      packages: a.packages,
      files: a.files,
      megabytes: +(a.bytes / 1e6).toFixed(2),
      unanalysedFiles: a.unanalysedFiles,
      vetColdAnalysisMs: Math.round(coldMs),
      vetNoCapabilitiesMs: Math.round(baseMs),
      analysisMs: Math.round(coldMs - baseMs),
      // CPU time (user + system) of the child processes: robust to a loaded machine
      vetColdAnalysisCpuMs: Math.round(median(cold.map((r) => r.cpuMs))),
      vetNoCapabilitiesCpuMs: Math.round(median(base.map((r) => r.cpuMs))),
      analysisCpuMs: Math.round(median(cold.map((r) => r.cpuMs)) - median(base.map((r) => r.cpuMs))),
      vetWarmMs: Math.round(median(warm.map((r) => r.ms))),
      peakMB: Math.round(Math.max(...cold.map((r) => r.peakMB))),
      inProcessCpuMs: Math.round(median(inProcess.map((r) => r.cpuMs))),
      inProcessWallMs: Math.round(median(inProcess.map((r) => r.wallMs))),
      targets: { analysisMs: 2000, peakMB: 400 },
    };
  } finally {
    await reg.close();
    await rm(work, { recursive: true, force: true });
  }
}

export { runBench as run };

/** Child of runBench: bundles src/capabilities (esbuild) and times analyzeTarball in-process. */
async function inProcess(cacheDir) {
  const { build } = await import('esbuild');
  const out = join(await mkdtemp(join(tmpdir(), 'mcp-vet-capbench-mod-')), 'package.mjs');
  await build({
    entryPoints: [join(ROOT, 'src', 'capabilities', 'package.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'warning',
  });
  const { analyzeTarball } = await import(pathToFileURL(out).href);
  const dirs = (await readdir(join(cacheDir, 'packages'))).sort();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const d of dirs) await analyzeTarball(join(cacheDir, 'packages', d, '.mcp-vet.tgz'), d, d);
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  await rm(dirname(out), { recursive: true, force: true });
  return { packages: dirs.length, cpuMs: (c.user + c.system) / 1000, wallMs };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === '--in-process') {
  process.stdout.write(JSON.stringify(await inProcess(process.argv[3])) + '\n');
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      snapshot: { type: 'string' },
      registry: { type: 'string' },
      spec: { type: 'string' },
      runs: { type: 'string', default: '3' },
      json: { type: 'string' },
      // another build to compare with (a copy of dist/ made before a change)
      cli: { type: 'string' },
    },
  });
  if (!values.snapshot && !values.registry) {
    process.stderr.write(
      'usage: node scripts/bench/capabilities.mjs (--snapshot DIR | --registry URL) [--spec S] [--runs N] [--json FILE]\n',
    );
    process.exit(2);
  }
  const r = await runBench(values);
  const rows = [
    ['spec', r.spec],
    ['packages / JS files / MB', `${r.packages} / ${r.files} / ${r.megabytes}`],
    ['files not analysed', r.unanalysedFiles],
    ['vet, capability cache cold', `${r.vetColdAnalysisMs} ms`],
    ['vet --no-capabilities', `${r.vetNoCapabilitiesMs} ms`],
    ['analysis (difference)', `${r.analysisMs} ms (target < ${r.targets.analysisMs})`],
    [
      'analysis CPU (difference)',
      `${r.analysisCpuMs} ms (cold ${r.vetColdAnalysisCpuMs}, base ${r.vetNoCapabilitiesCpuMs})`,
    ],
    [
      'analysis in-process, 1 core',
      `${r.inProcessCpuMs} ms CPU, ${r.inProcessWallMs} ms wall (process.cpuUsage)`,
    ],
    ['vet, capability cache warm', `${r.vetWarmMs} ms`],
    ['peak RSS, cold', `${r.peakMB} MB (target < ${r.targets.peakMB})`],
    ['pinned to one core', r.pinnedToOneCore ? 'yes (taskset -c 0)' : 'no'],
  ];
  for (const [k, v] of rows) console.log(`${String(k).padEnd(30)} ${v}`);
  if (values.json) await writeFile(values.json, JSON.stringify(r, null, 2) + '\n');
}
