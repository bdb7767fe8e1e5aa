#!/usr/bin/env node
// Checks the capability pre-filter against the analysis on a large body of real JavaScript: every
// file that prefilter() skips must give no hit from analyzeSource(), as a script and as a module;
// every file it answers from string values alone must get exactly the hits analyzeSource() gives
// (when the file parses). Prints how much was skipped; exits 1 naming any file that breaks a rule.
//
//   node scripts/prefilter-soundness.mjs [DIR ...]      (default: node_modules)
//
// Bundles src/capabilities with esbuild, so it needs no build. On this repository's node_modules
// (8,405 files, 70 MB) it takes ~10–25 s.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSrc } from './lib/import-src.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [join(ROOT, 'node_modules')];
const MAX_BYTES = 5 * 1024 * 1024; // the analysis does not parse larger files either

const { prefilter, analyzeSource } = await importSrc(
  "export { prefilter } from './src/capabilities/prefilter.ts';\n" +
    "export { analyzeSource } from './src/capabilities/analyze.ts';\n",
);

const files = [];
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.isFile() && /\.(?:js|cjs|mjs)$/.test(e.name)) files.push(p);
  }
};
for (const d of dirs) walk(resolve(d));

let checked = 0;
let bytes = 0;
let skipped = 0;
let skippedBytes = 0;
let fromStrings = 0;
let fromStringsBytes = 0;
const broken = [];
const key = (h) => `${h.line}\t${h.cap}\t${h.api}\t${h.name ?? ''}`;
for (const f of files) {
  if (statSync(f).size > MAX_BYTES) continue;
  const src = readFileSync(f, 'utf8');
  checked++;
  bytes += src.length;
  const p = prefilter(src);
  if (p.verdict === 'parse') continue;
  if (p.verdict === 'strings') {
    fromStrings++;
    fromStringsBytes += src.length;
    const goal = /\.mjs$/.test(f) ? 'module' : 'script';
    const a = analyzeSource(src, goal);
    if (a.problem) continue; // does not parse: the analysis reports that instead of hits
    const want = a.hits.map(key).sort().join('\n');
    const got = p.hits.map(key).sort().join('\n');
    if (want !== got) broken.push(`${f} (strings only): analysis\n${want}\n  pre-filter\n${got}`);
    continue;
  }
  skipped++;
  skippedBytes += src.length;
  for (const goal of ['script', 'module']) {
    const hits = analyzeSource(src, goal).hits;
    if (hits.length > 0) {
      broken.push(`${f} (${goal}): ${hits.map((h) => `${h.line} ${h.cap} ${h.api}`).join('; ')}`);
      break;
    }
  }
}
const mb = (n) => (n / 1e6).toFixed(1);
console.log(
  `${checked} files (${mb(bytes)} MB): ${skipped} skipped by the pre-filter (${mb(skippedBytes)} MB), ` +
    `${fromStrings} answered from their strings (${mb(fromStringsBytes)} MB), ${broken.length} wrong`,
);
for (const b of broken) console.log(`WRONG ${b}`);
process.exit(broken.length > 0 ? 1 : 0);
