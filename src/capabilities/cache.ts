/**
 * Capability results cached by package integrity: `<cache>/capabilities/<algo>-<hex>.json`, the
 * same key as the package cache. A result made by another analyzer version is a miss, so a new
 * analyzer re-analyses everything once; an unchanged package is never analysed twice.
 */
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { analyzeTarball, ANALYZER_VERSION, type AnalysisLimits, type TarballAnalysis } from './package.js';

/** Capability cache folders already created by this process. */
const madeDirs = new Set<string>();

export interface CachedAnalysis {
  analysis: TarballAnalysis;
  fromCache: boolean;
}

/**
 * `pkgDir` is the package's cache entry (`<cache>/packages/<algo>-<hex>`), which keeps the verified
 * tarball as `.mcp-vet.tgz`.
 */
export async function analyzePackageCached(
  cacheDir: string,
  pkgDir: string,
  integrity: string,
  limits?: AnalysisLimits,
): Promise<CachedAnalysis> {
  const digest = path.basename(pkgDir);
  const file = path.join(cacheDir, 'capabilities', `${digest}.json`);
  try {
    const cached = JSON.parse(await fsp.readFile(file, 'utf8')) as TarballAnalysis;
    if (cached.analyzer === ANALYZER_VERSION && cached.integrity === integrity && cached.packages?.['']) {
      return { analysis: cached, fromCache: true };
    }
  } catch {
    // missing or unreadable: analyse
  }
  const analysis = await analyzeTarball(path.join(pkgDir, '.mcp-vet.tgz'), digest, integrity, limits);
  const dir = path.dirname(file);
  if (!madeDirs.has(dir)) {
    await fsp.mkdir(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await fsp.writeFile(tmp, JSON.stringify(analysis));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    // the folder was removed since this process made it
    await fsp.mkdir(dir, { recursive: true });
    await fsp.writeFile(tmp, JSON.stringify(analysis));
  }
  await fsp.rename(tmp, file);
  return { analysis, fromCache: false };
}
