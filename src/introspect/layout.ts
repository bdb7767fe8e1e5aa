/**
 * Lays the verified tree out as `npm install` would, in a temporary folder, without npm and
 * without running any script: every installed package's files, re-extracted offline from its
 * verified tarball in the cache, copied to `<dest>/<location>`.
 *
 * Copied, not hard-linked: the server runs as our user, and a hard link would let it rewrite the
 * cache entry that later runs trust as verified.
 */
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedPackage, ResolvedTree } from '../model.js';
import { limiter } from '../util/limit.js';

/** Cache bookkeeping files that are not part of the package. */
const SKIP = new Set(['.mcp-vet.json', '.mcp-vet.tgz']);

export interface LayoutResult {
  /** `<dest>/node_modules/<server name>` */
  serverDir: string;
  files: number;
}

/**
 * `extractedDir` returns the folder holding a package's full contents (its bundled dependencies
 * included, under its own `node_modules/`).
 */
export async function layOut(
  tree: ResolvedTree,
  dest: string,
  extractedDir: (p: ResolvedPackage) => Promise<string>,
): Promise<LayoutResult> {
  const copy = limiter(32);
  let files = 0;
  const copyTree = async (from: string, to: string): Promise<void> => {
    await mkdir(to, { recursive: true });
    const entries = await readdir(from, { withFileTypes: true });
    await Promise.all(
      entries.map(async (e) => {
        const src = path.join(from, e.name);
        const dst = path.join(to, e.name);
        if (e.isDirectory()) await copyTree(src, dst);
        else if (e.isFile()) {
          files++;
          await copy(() => copyFile(src, dst));
        }
        // extraction never writes links or special files; anything else is ignored
      }),
    );
  };
  const installed = [tree.root, ...tree.packages].filter((p) => !p.skipped && !p.bundled && p.integrity);
  await Promise.all(
    installed.map(async (p) => {
      const dir = await extractedDir(p);
      const target = path.join(dest, ...p.location.split('/'));
      await mkdir(target, { recursive: true });
      const entries = await readdir(dir, { withFileTypes: true });
      await Promise.all(
        entries
          .filter((e) => !SKIP.has(e.name))
          .map(async (e) => {
            const src = path.join(dir, e.name);
            const dst = path.join(target, e.name);
            if (e.isDirectory()) await copyTree(src, dst);
            else if (e.isFile()) {
              files++;
              await copy(() => copyFile(src, dst));
            }
          }),
      );
    }),
  );
  return { serverDir: path.join(dest, ...tree.root.location.split('/')), files };
}
