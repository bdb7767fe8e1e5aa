#!/usr/bin/env node
// Checks the capability pre-filter against the analysis on a large body of real JavaScript: every
// file that mayHaveHits() skips must give no hit from analyzeSource(), as a script and as a
// module. Prints how much was skipped; exits 1 naming any file that breaks the rule.
//
//   node scripts/prefilter-soundness.mjs [DIR ...]      (default: node_modules)
//
// Bundles src/capabilities with esbuild, so it needs no build. On this repository's node_modules
// (8,405 files, 70 MB) it takes ~10–25 s.
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [join(ROOT, 'node_modules')];
const MAX_BYTES = 5 * 1024 * 1024; // the analysis does not parse larger files either

const out = join(await mkdtemp(join(tmpdir(), 'mcp-vet-soundness-')), 'capabilities.mjs');
await build({
  stdin: {
    contents:
      "export { mayHaveHits } from './src/capabilities/prefilter.ts';\n" +
      "export { analyzeSource } from './src/capabilities/analyze.ts';\n",
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'warning',
});
const { mayHaveHits, analyzeSource } = await import(pathToFileURL(out).href);
await rm(dirname(out), { recursive: true, force: true });

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
const broken = [];
for (const f of files) {
  if (statSync(f).size > MAX_BYTES) continue;
  const src = readFileSync(f, 'utf8');
  checked++;
  bytes += src.length;
  if (mayHaveHits(src)) continue;
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
    `${broken.length} of them with hits`,
);
for (const b of broken) console.log(`UNSOUND ${b}`);
process.exit(broken.length > 0 ? 1 : 0);
