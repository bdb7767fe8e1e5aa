#!/usr/bin/env node
// Detection benchmark for the tool-text scanner: runs the built CLI (`dist/cli.js scan-tools`,
// so run `npm run build` first) over the labelled corpus in test/fixtures/corpus and the
// held-out samples in test/fixtures/tools-holdout.jsonl, and reports precision and recall
// (overall and per attack class), false positives on real and hard-benign tools, and every miss
// and false positive by id. A tool counts as detected when it has a finding at or above medium.
//
//   node scripts/bench/tools.mjs [--json FILE]
//
// Offline and deterministic. Exit 0 whenever the measurement ran (numbers are reported, not
// enforced: test/tools-corpus.test.ts enforces the targets); 1 if the CLI could not run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
const HOLDOUT = join(ROOT, 'test', 'fixtures', 'tools-holdout.jsonl');
const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'];
const DETECT_AT = 'medium';

const readJsonl = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

/** Runs `scan-tools` on labelled items (each with .tool); returns the items with their findings. */
function scan(items, cli, dir, name) {
  const file = join(dir, `${name}.jsonl`);
  writeFileSync(file, items.map((it) => JSON.stringify({ tool: it.tool })).join('\n') + '\n');
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'scan-tools', file, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`scan-tools ${name} exited ${r.status}: ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  const byIndex = new Map();
  for (const f of report.findings) {
    if (!byIndex.has(f.index)) byIndex.set(f.index, []);
    byIndex.get(f.index).push(f);
  }
  return {
    ms,
    items: items.map((it, i) => {
      const findings = byIndex.get(i) ?? [];
      const flagged = findings.filter((f) => SEVERITIES.indexOf(f.severity) >= SEVERITIES.indexOf(DETECT_AT));
      return { ...it, detected: flagged.length > 0, rules: [...new Set(flagged.map((f) => f.rule))] };
    }),
  };
}

function score(items) {
  const pos = items.filter((i) => i.label === 'poisoned');
  const neg = items.filter((i) => i.label !== 'poisoned');
  const tp = pos.filter((i) => i.detected).length;
  const fp = neg.filter((i) => i.detected).length;
  return {
    poisoned: pos.length,
    benign: neg.length,
    tp,
    fp,
    recall: pos.length ? tp / pos.length : null,
    precision: tp + fp ? tp / (tp + fp) : null,
    misses: pos.filter((i) => !i.detected).map((i) => i.id),
    falsePositives: neg.filter((i) => i.detected).map((i) => ({ id: i.id, rules: i.rules })),
  };
}

export async function run(opts = {}) {
  const cli = opts.cli ?? join(ROOT, 'dist', 'cli.js');
  const dir = mkdtempSync(join(tmpdir(), 'mcp-vet-bench-tools-'));
  try {
    const poisoned = readJsonl(join(CORPUS, 'poisoned.jsonl'));
    const hard = readJsonl(join(CORPUS, 'benign-hard.jsonl'));
    const real = readJsonl(join(CORPUS, 'real-tools.jsonl'));
    // before and after go in separate files: the same name twice in one list is itself a finding
    const pairs = readJsonl(join(CORPUS, 'rugpull.jsonl'));
    const rugAfter = pairs.map((r) => ({
      id: `${r.id}/after`,
      label: r.label,
      class: 'rug-pull-after',
      tool: r.after,
    }));
    const rugBefore = pairs.map((r) => ({
      id: `${r.id}/before`,
      label: 'benign',
      class: 'rug-pull-before',
      tool: r.before,
    }));
    const holdout = readJsonl(HOLDOUT);

    const runs = {
      poisoned: scan(poisoned, cli, dir, 'poisoned'),
      hard: scan(hard, cli, dir, 'hard'),
      real: scan(real, cli, dir, 'real'),
      rugAfter: scan(rugAfter, cli, dir, 'rug-after'),
      rugBefore: scan(rugBefore, cli, dir, 'rug-before'),
      holdout: scan(holdout, cli, dir, 'holdout'),
    };
    const rugItems = [...runs.rugAfter.items, ...runs.rugBefore.items];
    const corpusItems = [...runs.poisoned.items, ...runs.hard.items, ...runs.real.items, ...rugItems];
    const perClass = {};
    for (const it of runs.poisoned.items) {
      perClass[it.class] ??= { n: 0, detected: 0, misses: [] };
      perClass[it.class].n++;
      if (it.detected) perClass[it.class].detected++;
      else perClass[it.class].misses.push(it.id);
    }
    for (const c of Object.values(perClass)) c.recall = c.detected / c.n;
    const realFp = runs.real.items.filter((i) => i.detected);
    return {
      detectAt: DETECT_AT,
      corpus: score(corpusItems),
      poisonedOnly: score([...runs.poisoned.items, ...runs.hard.items, ...runs.real.items]),
      perClass,
      real: {
        tools: real.length,
        flagged: realFp.length,
        falsePositives: realFp.map((i) => ({ id: i.id, rules: i.rules })),
      },
      hardBenign: score(runs.hard.items),
      rugPull: score(rugItems),
      holdout: score(runs.holdout.items),
      timingMs: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, Math.round(v.ms)])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (x) => (x === null ? '  n/a' : `${(x * 100).toFixed(1).padStart(5)}%`);

function print(r) {
  const line = (name, s) =>
    console.log(
      `${name.padEnd(34)} recall ${pct(s.recall)} (${s.tp}/${s.poisoned})  precision ${pct(s.precision)}  FP ${s.fp}/${s.benign}`,
    );
  console.log(`tool-text scanner — detected = a finding at or above ${r.detectAt}\n`);
  line('corpus (poisoned+rug-pull vs all)', r.corpus);
  line('poisoned.jsonl vs real+hard', r.poisonedOnly);
  line('rug-pull pairs (after vs before)', r.rugPull);
  line('held-out samples (not tuned on)', r.holdout);
  console.log(`real servers' tools flagged: ${r.real.flagged}/${r.real.tools}`);
  console.log(`hard-benign flagged: ${r.hardBenign.fp}/${r.hardBenign.benign}\n`);
  console.log('per attack class:');
  for (const [cls, c] of Object.entries(r.perClass).sort()) {
    console.log(
      `  ${cls.padEnd(34)} ${String(c.detected).padStart(2)}/${c.n}  ${pct(c.recall)}${c.misses.length ? `  missed: ${c.misses.join(', ')}` : ''}`,
    );
  }
  const misses = [...r.corpus.misses, ...r.holdout.misses];
  const fps = [...r.corpus.falsePositives, ...r.holdout.falsePositives];
  console.log(`\nmisses: ${misses.length ? misses.join(', ') : 'none'}`);
  console.log(
    `false positives: ${fps.length ? fps.map((f) => `${f.id} (${f.rules.join(',')})`).join('; ') : 'none'}`,
  );
  console.log(`\ntiming (ms, one CLI process per file): ${JSON.stringify(r.timingMs)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { json: { type: 'string' } } });
  try {
    const r = await run();
    print(r);
    if (values.json) writeFileSync(values.json, `${JSON.stringify(r, null, 2)}\n`);
  } catch (err) {
    console.error(`bench/tools: ${err.message}`);
    process.exitCode = 1;
  }
}
