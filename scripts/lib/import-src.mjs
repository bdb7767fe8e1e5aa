import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Imports TypeScript modules of src/ from a script without a build: bundles `source` (export
 * statements with paths relative to the repository root) with esbuild and imports the result.
 * @param {string} source e.g. "export { prefilter } from './src/capabilities/prefilter.ts';"
 */
export async function importSrc(source) {
  const dir = await mkdtemp(join(tmpdir(), 'mcp-vet-src-'));
  const out = join(dir, 'module.mjs');
  try {
    await build({
      stdin: { contents: source, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: out,
      logLevel: 'warning',
    });
    return await import(pathToFileURL(out).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
