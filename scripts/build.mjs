// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// Output is deterministic (no timestamps, no absolute paths) so CI can rebuild and
// `git diff --exit-code dist/` proves the committed bundle matches the source.
import { build } from 'esbuild';
import { chmod, rm } from 'node:fs/promises';

const banner = [
  // CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
  "import { createRequire as __mcpVetCreateRequire } from 'node:module';",
  'const require = __mcpVetCreateRequire(import.meta.url);',
].join('\n');

await rm('dist', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  sourcemap: false,
  minify: false,
  logLevel: 'warning',
  charset: 'utf8',
};

await build({
  ...common,
  entryPoints: { index: 'src/action/main.ts' },
  outdir: 'dist',
  banner: { js: banner },
});
await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  banner: { js: '#!/usr/bin/env node\n' + banner },
});
await chmod('dist/cli.js', 0o755);
