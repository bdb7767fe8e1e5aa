#!/usr/bin/env node
// `npm run demo`: mcp-vet's main job, fully offline. Serves a real MCP server's recorded
// package tree (mcp-remote@0.15.1, 84 packages, from demo/registry/) on 127.0.0.1, then vets
// it with the built CLI: resolve the tree as npm would, download and verify every tarball,
// decide, and write a CycloneDX SBOM. No network, no tokens.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveFolder } from './lib/static-registry.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}
const spec = process.argv[2] ?? 'mcp-remote@0.15.1';
const work = await mkdtemp(join(tmpdir(), 'mcp-vet-demo-'));
const npmrc = join(work, '.npmrc');
await writeFile(npmrc, ''); // keep a personal ~/.npmrc out of the demo
const registry = await serveFolder(join(root, 'demo', 'registry'));
const sbom = join(work, 'sbom.cdx.json');

console.log(`mcp-vet demo: vetting ${spec} from a loopback registry at ${registry.url} (offline)\n`);
const run = (args, quiet = false) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
      cwd: work,
    });
    child.on('close', (code) => resolve(code ?? 2));
  });
const common = ['--registry', registry.url, '--userconfig', npmrc, '--cache-dir', join(work, 'cache')];
const t0 = performance.now();
const code = await run(['vet', spec, '--format', 'text', '--sbom', sbom, ...common]);
const cold = (performance.now() - t0) / 1000;
const t1 = performance.now();
await run(['vet', spec, '--format', 'json', ...common], true);
const warm = (performance.now() - t1) / 1000;
await registry.close();
console.log(`\nCycloneDX SBOM: ${sbom}`);
console.log(
  `cold run ${cold.toFixed(2)} s (every tarball downloaded and verified), warm re-run from the cache ${warm.toFixed(2)} s`,
);
console.log('Next: node dist/cli.js vet <spec> --format text   (uses your .npmrc registry)');
process.exit(code);
