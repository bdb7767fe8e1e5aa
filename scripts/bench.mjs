#!/usr/bin/env node
// Benchmark: `mcp-vet sbom` vs. `npm install --package-lock-only` + `@cyclonedx/cyclonedx-npm`,
// both against the SAME local registry (a recorded snapshot served on 127.0.0.1, or a
// registry URL you already run). Nothing here talks to the internet: every child gets
// an empty npm userconfig/globalconfig and a proxy leak guard pointing at 127.0.0.1:9.
//
//   npm run bench -- --snapshot DIR [--specs a,b] [--runs N] [--json FILE]
//   npm run bench -- --registry http://127.0.0.1:4873/ ...
//
// Exit status: 0 when every measured command ran; 1 when something failed to run
// (including mcp-vet being unavailable); 2 on usage errors. Slow numbers and fidelity
// differences are reported, never turned into a failing exit status.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_SPECS = [
  '@modelcontextprotocol/server-filesystem@2026.8.31',
  '@modelcontextprotocol/server-everything',
  'mcp-remote@0.15.1',
  '@modelcontextprotocol/inspector@0.14.0',
  '@modelcontextprotocol/server-github@2025.4.8',
];
const LEAK_GUARD = 'http://127.0.0.1:9';

const USAGE = `usage: node scripts/bench.mjs (--snapshot DIR | --registry URL) [options]

  --snapshot DIR    recorded registry snapshot (has serve.mjs and index.json); the bench
                    starts "node DIR/serve.mjs --port-file F" and stops it at the end
  --registry URL    use an already running registry instead of a snapshot
  --specs a,b,c     package specs (default: the snapshot's index.json specs, else the
                    five MCP servers the snapshot was made for)
  --runs N          runs per measurement, the median is reported (default 3)
  --json FILE       also write all results (every run) as JSON
  --cli FILE        mcp-vet CLI to run with node (default: dist/cli.js)
  --tools LIST      which sides to run: vet,npm (default both)
  --memory MODE     peak RSS via: auto | time (/usr/bin/time -f %M) | node (--require
                    preload, Node children only) | off   (default auto: time, else node)
  --timeout S       per-command time limit in seconds (default 600)
  --abbreviate      pass --abbreviate to the snapshot server
  --no-leak-guard   don't point proxies at 127.0.0.1:9 (the guard is on by default)
  --keep-temp       keep the temp dir (projects, caches, SBOMs) and print its path
  -h, --help        this help`;

class UsageError extends Error {}
function usageError(msg) {
  process.stderr.write(`bench: ${msg}\n\n${USAGE}\n`);
  process.exit(2);
}

let opts;
try {
  opts = parseArgs({
    args: process.argv.slice(2),
    options: {
      snapshot: { type: 'string' },
      registry: { type: 'string' },
      specs: { type: 'string' },
      runs: { type: 'string', default: '3' },
      json: { type: 'string' },
      cli: { type: 'string' },
      tools: { type: 'string', default: 'vet,npm' },
      memory: { type: 'string', default: 'auto' },
      timeout: { type: 'string', default: '600' },
      abbreviate: { type: 'boolean', default: false },
      'no-leak-guard': { type: 'boolean', default: false },
      'keep-temp': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  }).values;
} catch (err) {
  usageError(err.message);
}
if (opts.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!opts.snapshot && !opts.registry) {
  usageError(
    'a registry snapshot is needed: pass --snapshot DIR (a recorded registry snapshot with serve.mjs) ' +
      'or --registry URL (an already running local registry). The benchmark never uses the public registry.',
  );
}
if (opts.snapshot && opts.registry) usageError('pass either --snapshot or --registry, not both');
const RUNS = Number(opts.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) usageError(`--runs must be a positive integer, got ${opts.runs}`);
const TIMEOUT_MS = Number(opts.timeout) * 1000;
if (!(TIMEOUT_MS > 0)) usageError(`--timeout must be a positive number of seconds, got ${opts.timeout}`);
if (!['auto', 'time', 'node', 'off'].includes(opts.memory)) usageError(`unknown --memory ${opts.memory}`);
const TOOLS = new Set(opts.tools.split(',').map((s) => s.trim()));
for (const t of TOOLS) if (t !== 'vet' && t !== 'npm') usageError(`unknown tool in --tools: ${t}`);
const LEAK = !opts['no-leak-guard'];

// ---------------------------------------------------------------------------------------
// helpers

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const tail = (s, n = 1500) => (s.length > n ? `…${s.slice(-n)}` : s).trim();

let TMP;
const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch {
      /* best effort */
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    cleanup().finally(() => process.exit(130));
  });
}

/** Environment for every child: no inherited npm config, empty npmrcs, leak guard. */
function childEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k)) continue; // config leaked by an outer `npm run bench`
    if (/^(https?|all|no)_proxy$/i.test(k)) continue;
    env[k] = v;
  }
  env.npm_config_userconfig = EMPTY_RC;
  env.npm_config_globalconfig = EMPTY_GLOBAL_RC;
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  if (LEAK) {
    env.HTTP_PROXY = env.http_proxy = LEAK_GUARD;
    env.HTTPS_PROXY = env.https_proxy = LEAK_GUARD;
    env.NO_PROXY = env.no_proxy = '127.0.0.1';
  }
  return { ...env, ...extra };
}
let EMPTY_RC; // empty user npmrc
let EMPTY_GLOBAL_RC; // empty global npmrc (npm refuses one file for both)

// Peak-RSS measurement -------------------------------------------------------------------
let MEMORY = 'off';
let PRELOAD;
function detectMemory() {
  if (opts.memory === 'off') return 'off';
  const timeOk =
    existsSync('/usr/bin/time') &&
    spawnSync('/usr/bin/time', ['-f', '%M', '-o', '/dev/null', process.execPath, '-e', '0'], {
      stdio: 'ignore',
    }).status === 0;
  if (opts.memory === 'time' && !timeOk) {
    process.stderr.write(
      'bench: --memory time: /usr/bin/time (GNU, with -f/-o) not usable; no memory numbers\n',
    );
    return 'off';
  }
  if (timeOk && opts.memory !== 'node') return 'time';
  return 'node';
}

/**
 * Runs cmd args; returns { ok, code, signal, seconds, peakKB, stdout, stderr }.
 * Wall time is process.hrtime around spawn→exit. Peak RSS is the child's max RSS in KB
 * (GNU time's %M; with the node preload: the max over every Node process in the tree).
 */
async function measure(cmd, args, { cwd, env }) {
  const rssFile = join(TMP, `rss-${process.hrtime.bigint()}.txt`);
  let file = cmd;
  let argv = args;
  let runEnv = env;
  if (MEMORY === 'time') {
    file = '/usr/bin/time';
    argv = ['-f', '%M', '-o', rssFile, cmd, ...args];
  } else if (MEMORY === 'node') {
    runEnv = {
      ...env,
      NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(PRELOAD)}`.trim(),
      MCP_VET_BENCH_RSS_FILE: rssFile,
    };
  }
  const t0 = process.hrtime.bigint();
  const res = await new Promise((done) => {
    let stdout = '';
    let stderr = '';
    const child = spawn(file, argv, { cwd, env: runEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => (stdout = (stdout + d).slice(-20_000)));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      done({ code: null, signal: null, stdout, stderr: `${stderr}\n${err.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) stderr += `\n(killed after ${TIMEOUT_MS / 1000} s)`;
      done({ code, signal, stdout, stderr });
    });
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let peakKB = null;
  if (MEMORY !== 'off') {
    try {
      const nums = (await readFile(rssFile, 'utf8'))
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => /^\d+$/.test(l))
        .map(Number);
      if (nums.length) peakKB = Math.max(...nums);
    } catch {
      /* no number */
    }
    await rm(rssFile, { force: true });
  }
  return { ok: res.code === 0, ...res, seconds, peakKB };
}

// Registry ----------------------------------------------------------------------------------
async function startSnapshotServer(dir) {
  const serve = join(dir, 'serve.mjs');
  if (!existsSync(serve)) {
    throw new UsageError(`${serve} not found: --snapshot must point to a recorded registry snapshot`);
  }
  const portFile = join(TMP, 'registry.port');
  const args = [serve, '--port-file', portFile];
  if (opts.abbreviate) args.push('--abbreviate');
  const child = spawn(process.execPath, args, {
    cwd: dir,
    env: childEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  cleanups.push(
    () =>
      new Promise((res) => {
        if (exited) return res();
        const k = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(k);
          res();
        });
        child.kill('SIGTERM');
      }),
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      throw new Error(
        `snapshot server exited early (code ${exited.code}, signal ${exited.signal}):\n${stderr}`,
      );
    }
    const txt = existsSync(portFile) ? (await readFile(portFile, 'utf8')).trim() : '';
    if (/^\d+$/.test(txt)) return `http://127.0.0.1:${txt}/`;
    if (Date.now() > deadline)
      throw new Error(`snapshot server did not report a port within 60 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function ping(url) {
  const deadline = Date.now() + 30_000;
  let last;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(new URL('-/ping', url), { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.cause?.message ?? err.message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`registry ${url} not reachable: ${last}`);
}

// Package sets ------------------------------------------------------------------------------
function purlToNameVersion(purl) {
  // pkg:npm/%40scope/name@1.0.0?qualifiers#subpath (the @ of a scope may be unencoded)
  if (!purl.startsWith('pkg:npm/')) return null;
  const body = purl.slice('pkg:npm/'.length).split(/[?#]/)[0];
  const at = body.lastIndexOf('@');
  if (at <= 0) return null;
  return `${decodeURIComponent(body.slice(0, at))}@${decodeURIComponent(body.slice(at + 1))}`;
}
function componentKey(c) {
  if (typeof c.purl === 'string') {
    const k = purlToNameVersion(c.purl);
    if (k) return k;
  }
  if (!c.name || !c.version) return null;
  return `${c.group ? `${c.group}/` : ''}${c.name}@${c.version}`;
}
function sbomSet(bom) {
  const set = new Set();
  const walk = (cs) => {
    for (const c of cs ?? []) {
      const k = componentKey(c);
      if (k) set.add(k);
      walk(c.components);
    }
  };
  if (bom?.metadata?.component) walk([bom.metadata.component]);
  walk(bom?.components);
  return set;
}
function lockSet(lock) {
  const set = new Set();
  for (const [path, e] of Object.entries(lock.packages ?? {})) {
    if (path === '' || e.dev || e.link || !e.version) continue;
    const i = path.lastIndexOf('node_modules/');
    const name = e.name ?? (i >= 0 ? path.slice(i + 'node_modules/'.length) : path);
    set.add(`${name}@${e.version}`);
  }
  return set;
}
function diff(a, b) {
  return [...a].filter((x) => !b.has(x)).sort();
}

// The two tools --------------------------------------------------------------------------------
const CLI = resolve(ROOT, opts.cli ?? 'dist/cli.js');
let vetUnavailable = null;
let cyclonedxBin = null;
let npmUnavailable = null;

async function runVet(spec, cacheDir, outFile) {
  if (vetUnavailable) return { ok: false, skipped: true, error: vetUnavailable };
  const r = await measure(
    process.execPath,
    [CLI, 'sbom', spec, '--registry', REGISTRY, '--reproducible', '-o', outFile, '--cache-dir', cacheDir],
    { cwd: TMP, env: childEnv() },
  );
  if (!r.ok) return { ...r, error: `exit ${r.code ?? r.signal}: ${tail(r.stderr || r.stdout)}` };
  try {
    const bom = JSON.parse(await readFile(outFile, 'utf8'));
    return { ...r, set: sbomSet(bom) };
  } catch (err) {
    return { ...r, ok: false, error: `exit 0 but no readable SBOM at ${outFile}: ${err.message}` };
  }
}

async function runNpmChain(spec, npmCache, projectDir) {
  if (npmUnavailable) return { ok: false, skipped: true, error: npmUnavailable };
  await mkdir(projectDir, { recursive: true });
  await writeFile(
    join(projectDir, 'package.json'),
    `${JSON.stringify({ name: 'mcp-vet-bench-project', version: '0.0.0', private: true }, null, 2)}\n`,
  );
  const guard = LEAK ? ['--proxy', LEAK_GUARD, '--https-proxy', LEAK_GUARD, '--noproxy', '127.0.0.1'] : [];
  const install = await measure(
    'npm',
    [
      'install',
      '--package-lock-only',
      '--omit=dev',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--no-update-notifier',
      '--loglevel=warn',
      '--registry',
      REGISTRY,
      '--cache',
      npmCache,
      '--userconfig',
      EMPTY_RC,
      '--globalconfig',
      EMPTY_GLOBAL_RC,
      ...guard,
      spec,
    ],
    { cwd: projectDir, env: childEnv() },
  );
  if (!install.ok) {
    return {
      ...install,
      error: `npm install: exit ${install.code ?? install.signal}: ${tail(install.stderr)}`,
    };
  }
  let set;
  try {
    set = lockSet(JSON.parse(await readFile(join(projectDir, 'package-lock.json'), 'utf8')));
  } catch (err) {
    return { ...install, ok: false, error: `npm install left no readable package-lock.json: ${err.message}` };
  }
  const sbomFile = join(projectDir, 'bom.json');
  const cdx = await measure(
    process.execPath,
    [
      cyclonedxBin,
      '--package-lock-only',
      '--omit',
      'dev',
      '--output-format',
      'JSON',
      '--output-file',
      sbomFile,
    ],
    // cyclonedx-npm shells out to `npm ls`; keep that npm on the same empty config/cache.
    { cwd: projectDir, env: childEnv({ npm_config_cache: npmCache, npm_config_registry: REGISTRY }) },
  );
  const both = {
    seconds: install.seconds + cdx.seconds,
    installSeconds: install.seconds,
    cyclonedxSeconds: cdx.seconds,
    peakKB:
      install.peakKB == null && cdx.peakKB == null ? null : Math.max(install.peakKB ?? 0, cdx.peakKB ?? 0),
    set,
  };
  if (!cdx.ok) {
    return {
      ...both,
      ok: false,
      error: `cyclonedx-npm: exit ${cdx.code ?? cdx.signal}: ${tail(cdx.stderr)}`,
    };
  }
  try {
    both.sbomComponents = sbomSet(JSON.parse(await readFile(sbomFile, 'utf8'))).size;
  } catch (err) {
    return { ...both, ok: false, error: `cyclonedx-npm wrote no readable SBOM: ${err.message}` };
  }
  return { ...both, ok: true };
}

// ---------------------------------------------------------------------------------------
// main

TMP = await mkdtemp(join(tmpdir(), 'mcp-vet-bench-'));
if (!opts['keep-temp']) cleanups.unshift(() => rm(TMP, { recursive: true, force: true }));
EMPTY_RC = join(TMP, 'empty-npmrc');
EMPTY_GLOBAL_RC = join(TMP, 'empty-global-npmrc');
await writeFile(EMPTY_RC, '');
await writeFile(EMPTY_GLOBAL_RC, '');
MEMORY = detectMemory();
if (MEMORY === 'node') {
  PRELOAD = join(TMP, 'rss-preload.cjs');
  await writeFile(
    PRELOAD,
    "'use strict';\nconst f = process.env.MCP_VET_BENCH_RSS_FILE;\n" +
      "if (f) process.on('exit', () => { try { require('fs').appendFileSync(f, process.resourceUsage().maxRSS + '\\n'); } catch {} });\n",
  );
}

let REGISTRY;
let snapshotIndex = null;
let exitCode = 0;
try {
  if (opts.snapshot) {
    const dir = resolve(opts.snapshot);
    try {
      snapshotIndex = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
    } catch {
      snapshotIndex = null;
    }
    REGISTRY = await startSnapshotServer(dir);
  } else {
    REGISTRY = opts.registry.endsWith('/') ? opts.registry : `${opts.registry}/`;
    if (!/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(REGISTRY)) {
      process.stderr.write(
        `bench: warning: ${REGISTRY} is not a loopback registry; timings include the network\n`,
      );
    }
  }
  await ping(REGISTRY);

  const specs = opts.specs
    ? opts.specs
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : (snapshotIndex?.specs?.map((s) => s.spec).filter(Boolean) ?? DEFAULT_SPECS);
  if (specs.length === 0) throw new UsageError('--specs is empty');

  // Tool availability
  if (!TOOLS.has('vet')) vetUnavailable = 'not requested (--tools)';
  else if (!existsSync(CLI)) vetUnavailable = `unavailable: ${CLI} not found (run "npm run build")`;
  if (!TOOLS.has('npm')) npmUnavailable = 'not requested (--tools)';
  else {
    // The package's `exports` hides package.json, so look for the folder directly.
    const req = createRequire(join(ROOT, 'package.json'));
    const pkgPath = (req.resolve.paths('@cyclonedx/cyclonedx-npm') ?? [])
      .map((p) => join(p, '@cyclonedx', 'cyclonedx-npm', 'package.json'))
      .find((p) => existsSync(p));
    if (!pkgPath) npmUnavailable = 'unavailable: @cyclonedx/cyclonedx-npm is not installed (npm install)';
    else {
      const pkg = JSON.parse(await readFile(pkgPath, 'utf8'));
      const bin =
        typeof pkg.bin === 'string'
          ? pkg.bin
          : (pkg.bin?.['cyclonedx-npm'] ?? Object.values(pkg.bin ?? {})[0]);
      if (bin) cyclonedxBin = join(dirname(pkgPath), bin);
      else npmUnavailable = `unavailable: no bin in ${pkgPath}`;
    }
  }
  const version = (cmd, args) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8', env: childEnv() });
    return r.status === 0 ? r.stdout.trim().split('\n').pop() : null;
  };
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    npm: version('npm', ['--version']),
    cyclonedxNpm: cyclonedxBin ? version(process.execPath, [cyclonedxBin, '--version']) : null,
    cli: CLI,
    registry: REGISTRY,
    snapshot: opts.snapshot ? resolve(opts.snapshot) : null,
    runs: RUNS,
    memory: MEMORY,
    leakGuard: LEAK,
    specs,
  };
  process.stderr.write(
    `bench: node ${meta.node}, npm ${meta.npm}, cyclonedx-npm ${meta.cyclonedxNpm ?? '-'}, registry ${REGISTRY}, ` +
      `${RUNS} run(s), memory: ${MEMORY === 'off' ? 'not measured' : MEMORY}\n`,
  );
  if (vetUnavailable) process.stderr.write(`bench: mcp-vet ${vetUnavailable}\n`);
  if (npmUnavailable) process.stderr.write(`bench: npm chain ${npmUnavailable}\n`);

  const results = [];
  for (const [si, spec] of specs.entries()) {
    const r = { spec, runs: [], errors: [] };
    for (let run = 0; run < RUNS; run++) {
      const base = join(TMP, `s${si}-r${run}`);
      const vetCache = join(base, 'vet-cache');
      const npmCache = join(base, 'npm-cache');
      await mkdir(vetCache, { recursive: true });
      await mkdir(npmCache, { recursive: true });
      process.stderr.write(`bench: ${spec} run ${run + 1}/${RUNS}:`);
      const one = {};
      one.vetCold = await runVet(spec, vetCache, join(base, 'vet-cold.cdx.json'));
      process.stderr.write(` vet cold ${fmtS(one.vetCold)}`);
      one.vetWarm = await runVet(spec, vetCache, join(base, 'vet-warm.cdx.json'));
      process.stderr.write(`, warm ${fmtS(one.vetWarm)}`);
      one.npmCold = await runNpmChain(spec, npmCache, join(base, 'npm-cold'));
      process.stderr.write(`; npm cold ${fmtS(one.npmCold)}`);
      one.npmWarm = await runNpmChain(spec, npmCache, join(base, 'npm-warm'));
      process.stderr.write(`, warm ${fmtS(one.npmWarm)}\n`);
      for (const [k, v] of Object.entries(one)) {
        if (!v.ok && !v.skipped) {
          r.errors.push(`${k}: ${v.error}`);
          process.stderr.write(`bench:   ${k} failed: ${v.error}\n`);
        }
      }
      r.runs.push(one);
      if (!opts['keep-temp']) await rm(base, { recursive: true, force: true });
    }
    summarise(r, snapshotIndex);
    results.push(r);
  }

  printTable(results);
  if (
    results.some((r) => r.errors.length) ||
    (TOOLS.has('vet') && vetUnavailable) ||
    (TOOLS.has('npm') && npmUnavailable)
  ) {
    exitCode = 1;
  }

  if (opts.json) {
    const out = {
      meta: { ...meta, vetUnavailable, npmUnavailable },
      results: results.map((r) => ({
        ...r,
        runs: r.runs.map((one) =>
          Object.fromEntries(
            Object.entries(one).map(([k, v]) => [
              k,
              {
                ok: v.ok,
                skipped: v.skipped ?? false,
                seconds: v.seconds ?? null,
                installSeconds: v.installSeconds,
                cyclonedxSeconds: v.cyclonedxSeconds,
                peakKB: v.peakKB ?? null,
                packages: v.set?.size ?? null,
                error: v.error,
              },
            ]),
          ),
        ),
      })),
    };
    await mkdir(dirname(resolve(opts.json)), { recursive: true });
    await writeFile(resolve(opts.json), `${JSON.stringify(out, null, 2)}\n`);
    process.stderr.write(`bench: wrote ${resolve(opts.json)}\n`);
  }
  if (opts['keep-temp']) process.stderr.write(`bench: temp files kept in ${TMP}\n`);
} catch (err) {
  process.stderr.write(`bench: ${err.message}\n`);
  exitCode = err instanceof UsageError ? 2 : 1;
} finally {
  await cleanup();
}
process.exit(exitCode);

// ---------------------------------------------------------------------------------------
// reporting

function fmtS(m) {
  if (m.skipped) return '-';
  if (!m.ok) return 'FAILED';
  return `${m.seconds.toFixed(2)}s`;
}

function summarise(r, index) {
  const pick = (k, f) => median(r.runs.filter((o) => o[k].ok).map((o) => f(o[k])));
  for (const k of ['vetCold', 'vetWarm', 'npmCold', 'npmWarm']) {
    r[k] = {
      ok: r.runs.some((o) => o[k].ok),
      okRuns: r.runs.filter((o) => o[k].ok).length,
      skipped: r.runs.every((o) => o[k].skipped),
      seconds: pick(k, (m) => m.seconds),
      peakKB: pick(k, (m) => m.peakKB),
    };
  }
  for (const k of ['npmCold', 'npmWarm']) {
    r[k].installSeconds = pick(k, (m) => m.installSeconds);
    r[k].cyclonedxSeconds = pick(k, (m) => m.cyclonedxSeconds);
  }
  r.coldRatio = r.vetCold.seconds != null && r.npmCold.seconds ? r.vetCold.seconds / r.npmCold.seconds : null;

  // Fidelity: first run where both sides produced a set.
  const firstSet = (keys) => {
    for (const o of r.runs) for (const k of keys) if (o[k].set) return o[k].set;
    return null;
  };
  const vet = firstSet(['vetCold', 'vetWarm']);
  const npm = firstSet(['npmCold', 'npmWarm']);
  r.packages = npm?.size ?? vet?.size ?? null;
  r.vetPackages = vet?.size ?? null;
  r.npmPackages = npm?.size ?? null;
  if (vet && npm) {
    const onlyInVet = diff(vet, npm);
    const onlyInNpm = diff(npm, vet);
    r.fidelity = { equal: onlyInVet.length === 0 && onlyInNpm.length === 0, onlyInVet, onlyInNpm };
  } else {
    r.fidelity = null;
  }
  // npm vs. the tree recorded in the snapshot (sanity check of the served snapshot).
  const rec = index?.specs?.find((s) => s.spec === r.spec)?.tree;
  if (npm && Array.isArray(rec)) {
    const recSet = new Set(rec);
    r.npmMatchesSnapshot = diff(npm, recSet).length === 0 && diff(recSet, npm).length === 0;
  }
  // Warm-run stability: every warm set equals the cold set.
  for (const [cold, warm] of [
    ['vetCold', 'vetWarm'],
    ['npmCold', 'npmWarm'],
  ]) {
    for (const o of r.runs) {
      if (
        o[cold].set &&
        o[warm].set &&
        (diff(o[cold].set, o[warm].set).length || diff(o[warm].set, o[cold].set).length)
      ) {
        r.errors.push(`${warm}: package set differs from ${cold}`);
        break;
      }
    }
  }
}

function printTable(results) {
  const s = (m) => (m.skipped ? '-' : m.seconds == null ? 'FAIL' : m.seconds.toFixed(2));
  const mb = (kb) => (kb == null ? '-' : (kb / 1024).toFixed(0));
  const header = [
    'spec',
    'packages',
    'mcp-vet cold s',
    'warm s',
    'npm chain cold s',
    'warm s',
    'cold ratio',
    'peak MB vet/npm',
    'fidelity',
  ];
  const rows = results.map((r) => {
    let fid;
    if (r.fidelity) {
      fid = r.fidelity.equal
        ? 'equal'
        : `differs (+${r.fidelity.onlyInVet.length}/-${r.fidelity.onlyInNpm.length})`;
    } else fid = r.vetCold.skipped || r.npmCold.skipped ? 'n/a' : 'n/a (failed)';
    const pk =
      r.vetPackages != null && r.npmPackages != null && r.vetPackages !== r.npmPackages
        ? `${r.vetPackages}/${r.npmPackages}`
        : String(r.packages ?? '-');
    return [
      r.spec,
      pk,
      s(r.vetCold),
      s(r.vetWarm),
      s(r.npmCold),
      s(r.npmWarm),
      r.coldRatio == null ? '-' : `${r.coldRatio.toFixed(2)}x`,
      `${mb(r.vetCold.peakKB)}/${mb(r.npmCold.peakKB)}`,
      fid,
    ];
  });
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  const out = [line(header), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)];
  out.push(
    '',
    `median of ${RUNS} run(s); "packages" = unique name@version (vet/npm when they differ); ` +
      `npm chain = npm install --package-lock-only + cyclonedx-npm; ` +
      `peak MB = cold runs${MEMORY === 'off' ? ' (not measured)' : ` (via ${MEMORY === 'time' ? '/usr/bin/time %M' : 'node preload'})`}.`,
  );
  if (TOOLS.has('vet') && vetUnavailable) out.push(`mcp-vet: ${vetUnavailable}`);
  if (TOOLS.has('npm') && npmUnavailable) out.push(`npm chain: ${npmUnavailable}`);
  for (const r of results) {
    if (r.fidelity && !r.fidelity.equal) {
      out.push(`fidelity ${r.spec}:`);
      const list = (xs) =>
        xs.length > 40
          ? `${xs.slice(0, 40).join(', ')} … (+${xs.length - 40} more; all in --json)`
          : xs.join(', ');
      if (r.fidelity.onlyInVet.length)
        out.push(`  only in mcp-vet SBOM (${r.fidelity.onlyInVet.length}): ${list(r.fidelity.onlyInVet)}`);
      if (r.fidelity.onlyInNpm.length)
        out.push(`  only in npm lockfile (${r.fidelity.onlyInNpm.length}): ${list(r.fidelity.onlyInNpm)}`);
    }
    if (r.npmCold.installSeconds != null) {
      out.push(
        `npm chain ${r.spec}: cold = npm install ${r.npmCold.installSeconds.toFixed(2)} s + cyclonedx-npm ${r.npmCold.cyclonedxSeconds.toFixed(2)} s` +
          (r.npmWarm.installSeconds != null
            ? `; warm = ${r.npmWarm.installSeconds.toFixed(2)} s + ${r.npmWarm.cyclonedxSeconds.toFixed(2)} s`
            : ''),
      );
    }
    if (r.npmMatchesSnapshot === false)
      out.push(`note ${r.spec}: npm's tree differs from the snapshot's recorded tree`);
    for (const e of [...new Set(r.errors)]) out.push(`error ${r.spec}: ${e.split('\n')[0]}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
