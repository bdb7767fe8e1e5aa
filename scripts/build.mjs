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

// mcp-vet writes JSON SBOMs only. The CycloneDX library probes for optional XML plug-ins
// (xmlbuilder2, libxmljs2) and falls back cleanly when a require() throws, so these stubs
// keep ~1 MB of XML code out of the bundle and out of every SBOM run's start-up.
const noXml = {
  name: 'no-optional-xml',
  setup(b) {
    b.onResolve({ filter: /^(xmlbuilder2|libxmljs2)$/ }, (args) => ({
      path: args.path,
      namespace: 'no-xml',
    }));
    b.onLoad({ filter: /.*/, namespace: 'no-xml' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(args.path + ' is not bundled with mcp-vet (JSON SBOMs only)')});`,
      loader: 'js',
    }));
  },
};

const common = {
  plugins: [noXml],
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

// One build with code splitting: heavy dependencies that only some runs need (the network
// stack, tar, the CycloneDX library) sit in chunks loaded by dynamic import(), so a warm run
// starts fast. Chunk names are content hashes, so the output stays deterministic.
await build({
  ...common,
  entryPoints: { index: 'src/action.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  // a hashbang is valid at the top of any ES module; the CLI entry needs it
  banner: { js: '#!/usr/bin/env node\n' + banner },
});
await chmod('dist/cli.js', 0o755);
