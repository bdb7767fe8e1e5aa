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
// With no argument: one server that passes and one that a real advisory rejects. With a spec:
// just that one (it must be in demo/registry).
const specs = process.argv[2]
  ? [process.argv[2]]
  : ['mcp-remote@0.15.1', '@modelcontextprotocol/server-github@2025.4.8'];
const work = await mkdtemp(join(tmpdir(), 'mcp-vet-demo-'));
const npmrc = join(work, '.npmrc');
await writeFile(npmrc, ''); // keep a personal ~/.npmrc out of the demo
const registry = await serveFolder(join(root, 'demo', 'registry'));
const sbom = join(work, 'sbom.cdx.json');

console.log(
  `mcp-vet demo: vetting ${specs.join(' and ')} from a loopback registry at ${registry.url},\n` +
    `with advisories from an offline OSV database (demo/osv: real GitHub advisory records). No network.\n`,
);
const run = (args, quiet = false) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
      cwd: work,
    });
    child.on('close', (code) => resolve(code ?? 2));
  });
const common = [
  '--registry',
  registry.url,
  '--osv-db',
  join(root, 'demo', 'osv'),
  '--userconfig',
  npmrc,
  '--cache-dir',
  join(work, 'cache'),
];
let worst = 0;
for (const [i, spec] of specs.entries()) {
  if (i) console.log('\n' + '─'.repeat(78) + '\n');
  const t0 = performance.now();
  const code = await run(['vet', spec, '--format', 'text', ...(i === 0 ? ['--sbom', sbom] : []), ...common]);
  const cold = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await run(['vet', spec, '--format', 'json', ...common], true);
  const warm = (performance.now() - t1) / 1000;
  console.log(
    `\n(exit ${code}: ${code === 0 ? 'approve' : code === 1 ? 'reject' : 'error'}; cold run ${cold.toFixed(2)} s with every tarball downloaded and verified, warm re-run ${warm.toFixed(2)} s)`,
  );
  if (i === 0) console.log(`CycloneDX SBOM of ${spec}: ${sbom}`);
  if (code > 1) worst = code;
}
await registry.close();
console.log(
  '\nNext: node dist/cli.js vet <spec> --format text   (uses your .npmrc registry and api.osv.dev)',
);
// approve and reject are both the demo working; only an error fails it
process.exit(worst);
