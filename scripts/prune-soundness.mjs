#!/usr/bin/env node
// Checks the packument pruner on real registry documents: for every packument (`*.json` or
// `*.json.gz`) under the given folders, the pruned document must normalize to exactly the packument
// the whole document normalizes to, and JSON.parse of it must equal JSON.parse of the whole with
// the unread members deleted. Prints sizes and times; exits 1 naming any document that differs.
//
//   node scripts/prune-soundness.mjs DIR [DIR ...]
//   node scripts/prune-soundness.mjs ../shared/bench-registry/packuments/full
//
// Bundles src/registry with esbuild, so it needs no build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importSrc } from './lib/import-src.mjs';
import { pruneParsed } from './lib/prune-reference.mjs';
import { isDeepStrictEqual } from 'node:util';
import { gunzipSync } from 'node:zlib';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  process.stderr.write('usage: node scripts/prune-soundness.mjs DIR [DIR ...]   (folders of packuments)\n');
  process.exit(2);
}

const { pruneJson, normalizePackument, PACKUMENT_FIELDS } = await importSrc(
  "export { pruneJson } from './src/registry/prune-json.ts';\n" +
    "export { normalizePackument, PACKUMENT_FIELDS } from './src/registry/packument.ts';\n",
);

function* files(dir) {
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.json(\.gz)?$/.test(entry)) yield p;
  }
}

let count = 0;
let bytes = 0;
let prunedBytes = 0;
let parseMs = 0;
let pruneMs = 0;
const bad = [];
for (const dir of dirs) {
  for (const file of files(dir)) {
    let raw = readFileSync(file);
    if (file.endsWith('.gz')) raw = gunzipSync(raw);
    const name = decodeURIComponent(basename(file).replace(/\.json(\.gz)?$/, ''));
    let t = performance.now();
    const whole = JSON.parse(raw.toString('utf8'));
    parseMs += performance.now() - t;
    t = performance.now();
    const prunedBuf = pruneJson(raw, PACKUMENT_FIELDS);
    const pruned = JSON.parse(prunedBuf.toString('utf8'));
    pruneMs += performance.now() - t;
    count++;
    bytes += raw.length;
    prunedBytes += prunedBuf.length;
    if (JSON.stringify(pruned) !== JSON.stringify(pruneParsed(whole, PACKUMENT_FIELDS))) {
      bad.push(`${file}: the pruned document differs from the whole one with its unread members deleted`);
      continue;
    }
    let a, b;
    try {
      a = normalizePackument(name, whole);
    } catch (err) {
      a = `error: ${err.message}`;
    }
    try {
      b = normalizePackument(name, pruned);
    } catch (err) {
      b = `error: ${err.message}`;
    }
    if (!isDeepStrictEqual(a, b)) bad.push(`${file}: normalizes differently when pruned`);
  }
}

const mb = (n) => (n / 1e6).toFixed(1);
process.stdout.write(
  `${count} packuments, ${mb(bytes)} MB → ${mb(prunedBytes)} MB pruned (${((100 * prunedBytes) / Math.max(bytes, 1)).toFixed(0)} %)\n` +
    `JSON.parse of the whole documents: ${parseMs.toFixed(0)} ms; prune + JSON.parse of the pruned ones: ${pruneMs.toFixed(0)} ms (one pass, JIT warming up)\n`,
);
if (bad.length) {
  process.stdout.write(`${bad.length} differ:\n${bad.map((b) => `  ${b}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('all equal\n');
