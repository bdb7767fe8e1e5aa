/**
 * Lays the verified tree out as `npm install` would, in a temporary folder, without npm and
 * without running any script: every installed package's files, from its full, verified
 * extraction in the cache, placed at `<dest>/<location>`.
 *
 * Files are hard-linked when the cache and the destination share a filesystem (the temporary
 * folder is made inside the cache for that): on a ~100-package tree, linking takes a tenth of the
 * time of copying, and so does removing the folder afterwards. The server runs as our user, so it
 * could write through a link into the cache entry that later runs trust as verified; `tampered`
 * detects that after the run (any linked file whose ctime or mtime moved) so the caller can evict
 * the entry. Directories are always our own, so files the server creates never reach the cache.
 */
import { copyFile, link, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedPackage, ResolvedTree } from '../model.js';
import { limiter } from '../util/limit.js';

/** Cache bookkeeping files that are not part of the package. */
const SKIP = new Set(['.mcp-vet.json', '.mcp-vet.tgz']);

export interface LayoutResult {
  /** `<dest>/node_modules/<server name>` */
  serverDir: string;
  files: number;
  /** Per source (cache) folder, the files that were hard-linked from it (absolute source paths). */
  linked: Map<string, string[]>;
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
  const io = limiter(64);
  let files = 0;
  let canLink = true;
  const linked = new Map<string, string[]>();
  const place = async (src: string, dst: string, owner: string[]): Promise<void> => {
    files++;
    await io(async () => {
      if (canLink) {
        try {
          await link(src, dst);
          owner.push(src);
          return;
        } catch {
          canLink = false; // another filesystem (EXDEV) or links not allowed: copy from now on
        }
      }
      await copyFile(src, dst);
    });
  };
  const copyTree = async (from: string, to: string, owner: string[], top: boolean): Promise<void> => {
    await mkdir(to, { recursive: true });
    const entries = await io(() => readdir(from, { withFileTypes: true }));
    await Promise.all(
      entries.map(async (e) => {
        if (top && SKIP.has(e.name)) return;
        const src = path.join(from, e.name);
        const dst = path.join(to, e.name);
        if (e.isDirectory()) await copyTree(src, dst, owner, false);
        else if (e.isFile()) await place(src, dst, owner);
        // extraction never writes links or special files; anything else is ignored
      }),
    );
  };
  const installed = [tree.root, ...tree.packages].filter((p) => !p.skipped && !p.bundled && p.integrity);
  await Promise.all(
    installed.map(async (p) => {
      const dir = await extractedDir(p);
      const owner: string[] = [];
      linked.set(dir, owner);
      await copyTree(dir, path.join(dest, ...p.location.split('/')), owner, true);
    }),
  );
  return { serverDir: path.join(dest, ...tree.root.location.split('/')), files, linked };
}

/** Source folders with a linked file changed (content, mode or links) at or after `since` (ms). */
export async function tampered(linked: Map<string, string[]>, since: number): Promise<string[]> {
  const io = limiter(64);
  const out = new Set<string>();
  await Promise.all(
    [...linked].flatMap(([dir, list]) =>
      list.map((f) =>
        io(async () => {
          if (out.has(dir)) return;
          try {
            const st = await stat(f);
            if (st.ctimeMs >= since || st.mtimeMs >= since) out.add(dir);
          } catch {
            out.add(dir); // deleted or replaced in the cache: not what was verified
          }
        }),
      ),
    ),
  );
  return [...out].sort();
}
