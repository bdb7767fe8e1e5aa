/**
 * A cache of whole resolutions, so a warm run does not parse packuments and re-run the resolver
 * to arrive at the tree it computed last time.
 *
 * Correctness rests on one fact: resolution is a pure function of its inputs. The inputs are the
 * spec, the registry configuration (which registry each name comes from), the platform (os, cpu,
 * and libc when a package asked for it), the node and npm versions the engines checks use, and
 * the packuments the resolver read (tarballs it opened are addressed by integrity, which those
 * packuments fix). The entry is keyed by everything but the packuments, and records the revision
 * (RegistryClient.revision) of every packument the resolver asked for. It is used only when each
 * of those packuments, obtained exactly as a fresh resolution would obtain it now (from the
 * packument cache while fresh, otherwise revalidated with the registry), still has that revision.
 * So a changed registry means a re-resolution, never a stale tree; checking costs a header read
 * per packument.
 *
 * The tree is stored with the publish times of its packages (from the same packuments), so a hit
 * needs no packument at all. Warnings the resolver printed are replayed. A missing, unreadable or
 * malformed entry is a miss; an unwritable cache directory only costs the next run time.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedTree } from '../model.js';
import { VERSION } from '../version.js';
import { isRecord } from './http.js';
import { currentPlatform, type Platform } from './platform.js';
import type { ResolveOptions } from './resolve.js';

/**
 * Bump when the resolver's output can change for the same inputs (a fidelity fix, a new field);
 * mcp-vet's version is part of the key too, so a release never reads another release's trees.
 */
const RESOLUTION_FORMAT = 1;

interface Entry {
  format: number;
  /** Name → revision (RegistryClient.revision) of every packument the resolution asked for. */
  packuments: Record<string, string>;
  /** The libc the resolution compared against ('' for unknown); null when no package declared one. */
  libc: string | null;
  warnings: string[];
  tree: ResolvedTree;
}

export interface CachedResolveOptions extends ResolveOptions {
  /** mcp-vet's cache root; entries go in `<cacheDir>/resolutions`. Unset: no caching. */
  cacheDir?: string;
}

export interface CachedResolution {
  tree: ResolvedTree;
  /** true when the tree came from the resolution cache. */
  cached: boolean;
}

/**
 * resolveTree, plus publish times on every package that is not bundled, answered from the cache
 * when every packument the cached resolution read is unchanged.
 */
export async function resolveTreeCached(rawSpec: string, o: CachedResolveOptions): Promise<CachedResolution> {
  const base = o.platform ?? currentPlatform();
  const nodeVersion = o.nodeVersion ?? process.version;
  const npmVersion = o.npmVersion ?? null;
  const file = o.cacheDir
    ? join(o.cacheDir, 'resolutions', `${cacheKey(rawSpec, o, base, nodeVersion, npmVersion)}.json`)
    : undefined;

  const hit = file ? await lookup(file, o, base) : undefined;
  if (hit) {
    for (const w of hit.warnings) o.warn?.(w);
    return { tree: hit.tree, cached: true };
  }

  // fresh resolution, recording what it depended on beyond the key
  const warnings: string[] = [];
  let libc: string | null = null;
  const platform: Platform = {
    os: base.os,
    cpu: base.cpu,
    get libc() {
      const v = base.libc;
      libc = v ?? '';
      return v;
    },
  };
  // the resolver (semver, npm-package-arg and all) is loaded only when there is resolving to do
  const { resolveTree } = await import('./resolve.js');
  const tree = await resolveTree(rawSpec, {
    ...o,
    platform,
    nodeVersion,
    npmVersion,
    warn: (m) => {
      warnings.push(m);
      o.warn?.(m);
    },
  });
  await addPublishTimes(tree, o);
  if (file) await store(file, o, { libc, warnings, tree });
  return { tree, cached: false };
}

/** Publish times from the packuments resolution already loaded (for hygiene.min-age-days). */
async function addPublishTimes(tree: ResolvedTree, o: ResolveOptions): Promise<void> {
  await Promise.all(
    [tree.root, ...tree.packages]
      .filter((p) => !p.bundled)
      .map(async (p) => {
        const t = await o.client.packument(p.name).then(
          (d) => d.time?.[p.version],
          () => undefined,
        );
        if (t && !Number.isNaN(Date.parse(t))) p.published = t;
      }),
  );
}

function cacheKey(
  rawSpec: string,
  o: ResolveOptions,
  platform: Platform,
  nodeVersion: string,
  npmVersion: string | null,
): string {
  const { config } = o.client;
  // which registry serves which name: the default one and every `@scope:registry`
  const scopes = Object.entries(config.fetchOptions)
    .filter(([k, v]) => k.endsWith(':registry') && typeof v === 'string')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const key = JSON.stringify([
    RESOLUTION_FORMAT,
    VERSION,
    rawSpec,
    config.registry,
    scopes,
    platform.os,
    platform.cpu,
    nodeVersion,
    npmVersion,
  ]);
  return createHash('sha256').update(key).digest('hex');
}

async function lookup(file: string, o: ResolveOptions, platform: Platform): Promise<Entry | undefined> {
  let entry: Entry;
  try {
    entry = JSON.parse(await readFile(file, 'utf8')) as Entry;
  } catch {
    return undefined; // missing or corrupt
  }
  if (
    !isRecord(entry) ||
    entry.format !== RESOLUTION_FORMAT ||
    !isRecord(entry.packuments) ||
    !Array.isArray(entry.warnings) ||
    !isRecord(entry.tree) ||
    typeof entry.tree.spec !== 'string' ||
    typeof entry.tree.registry !== 'string' ||
    !Array.isArray(entry.tree.packages) ||
    ![entry.tree.root, ...entry.tree.packages].every(isPackage)
  ) {
    return undefined; // not what store() writes: damaged or edited
  }
  if (entry.libc !== null && entry.libc !== (platform.libc ?? '')) return undefined;
  const names = Object.entries(entry.packuments);
  if (names.length === 0) return undefined;
  try {
    const same = await Promise.all(names.map(async ([name, rev]) => (await o.client.revision(name)) === rev));
    if (!same.every(Boolean)) {
      if (process.env.MCP_VET_DEBUG) process.stderr.write('mcp-vet: cached resolution is stale: resolving\n');
      return undefined;
    }
  } catch {
    return undefined; // a packument that cannot be had now: let a fresh resolution report it
  }
  return entry;
}

/** The fields every stage relies on, with their types (a cheap check, not a full schema). */
function isPackage(p: unknown): boolean {
  return (
    isRecord(p) &&
    typeof p.name === 'string' &&
    typeof p.version === 'string' &&
    typeof p.location === 'string' &&
    (p.integrity === null || typeof p.integrity === 'string') &&
    (p.resolved === null || typeof p.resolved === 'string') &&
    Array.isArray(p.path) &&
    Array.isArray(p.dependencies) &&
    typeof p.optional === 'boolean' &&
    typeof p.peer === 'boolean' &&
    typeof p.bundled === 'boolean' &&
    typeof p.fromShrinkwrap === 'boolean'
  );
}

async function store(
  file: string,
  o: ResolveOptions,
  e: Omit<Entry, 'format' | 'packuments'>,
): Promise<void> {
  const packuments: Record<string, string> = {};
  // the packument cache files this entry refers to are on disk before the entry is
  await o.client.flush();
  try {
    // every name the resolver asked for, in a stable order; any failure means no entry
    for (const name of o.client.names().sort()) packuments[name] = await o.client.revision(name);
  } catch {
    return;
  }
  const entry: Entry = { format: RESOLUTION_FORMAT, packuments, ...e };
  try {
    await mkdir(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await writeFile(tmp, JSON.stringify(entry));
    await rename(tmp, file);
  } catch {
    // an unwritable cache slows the next run down; it must not fail this one
  }
}
