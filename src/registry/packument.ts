/**
 * Packument normalization: the registry's document is untrusted input, so it is parsed (not
 * just checked) into the compact shape the resolver reads, validating only the fields we use
 * (the approach of renovate's lenient packument schema). A malformed field names the package,
 * the version and the field. The compact form is also what the on-disk cache stores, which keeps
 * warm runs cheap: typescript's packument is ~10 MB of JSON, its compact form a fraction of that.
 */
import { VetError } from '../errors.js';
import { isRecord } from './http.js';
import type { PruneSchema } from './prune-json.js';

export type DepMap = Record<string, string>;

export interface Manifest {
  name: string;
  version: string;
  dependencies?: DepMap;
  optionalDependencies?: DepMap;
  peerDependencies?: DepMap;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  bundleDependencies?: string[];
  os?: string[];
  cpu?: string[];
  libc?: string[];
  engines?: { node?: string; npm?: string };
  deprecated?: string;
  hasInstallScript?: boolean;
  hasShrinkwrap?: boolean;
  dist: { tarball: string; integrity: string };
  /** Set when this version's metadata is malformed: the message to show if it is ever picked. */
  invalid?: string;
}

export interface Packument {
  name: string;
  distTags: Record<string, string>;
  versions: Record<string, Manifest>;
  /** version → publish time as the registry wrote it (not yet checked to be a date). */
  time?: Record<string, string>;
}

function fail(name: string, where: string, problem: string): never {
  throw new VetError(
    'E_PACKUMENT',
    `malformed packument for ${name}: ${where} ${problem}; the registry sent invalid metadata (check the registry or mirror)`,
  );
}

function depMap(name: string, where: string, v: unknown): DepMap | undefined {
  // Old packuments carry `[]` for "no dependencies"; npm treats it as empty.
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return undefined;
  if (!isRecord(v)) fail(name, where, 'is not an object');
  // checked in place and kept: the object is JSON.parse's own, referenced from nowhere else
  let empty = true;
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    if (typeof v[k] !== 'string') fail(name, `${where}.${k}`, 'is not a string');
    empty = false;
  }
  return empty ? undefined : (v as DepMap);
}

function stringList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) {
    const list = v.filter((x): x is string => typeof x === 'string');
    return list.length ? list : undefined;
  }
  return undefined;
}

/** sha1 hex (legacy `dist.shasum`) → SRI, as npm does when `dist.integrity` is absent. */
export function shasumToIntegrity(shasum: string): string {
  return `sha1-${Buffer.from(shasum, 'hex').toString('base64')}`;
}

export function normalizeManifest(pkgName: string, version: string, raw: unknown): Manifest {
  const where = `versions["${version}"]`;
  if (!isRecord(raw)) fail(pkgName, where, 'is not an object');
  const dist = raw.dist;
  if (!isRecord(dist)) fail(pkgName, `${where}.dist`, 'is missing');
  if (typeof dist.tarball !== 'string' || !dist.tarball) fail(pkgName, `${where}.dist.tarball`, 'is missing');
  let integrity: string;
  if (typeof dist.integrity === 'string' && /^(sha512|sha384|sha256|sha1)-/.test(dist.integrity)) {
    integrity = dist.integrity;
  } else if (typeof dist.shasum === 'string' && /^[0-9a-f]{40}$/i.test(dist.shasum)) {
    integrity = shasumToIntegrity(dist.shasum);
  } else {
    fail(pkgName, `${where}.dist.integrity`, 'is missing or not an SRI string (and there is no dist.shasum)');
  }
  const m: Manifest = { name: pkgName, version, dist: { tarball: dist.tarball, integrity } };
  const deps = depMap(pkgName, `${where}.dependencies`, raw.dependencies);
  if (deps) m.dependencies = deps;
  const opt = depMap(pkgName, `${where}.optionalDependencies`, raw.optionalDependencies);
  if (opt) m.optionalDependencies = opt;
  const peer = depMap(pkgName, `${where}.peerDependencies`, raw.peerDependencies);
  if (peer) m.peerDependencies = peer;
  if (isRecord(raw.peerDependenciesMeta)) {
    const meta: Record<string, { optional?: boolean }> = {};
    for (const [k, v] of Object.entries(raw.peerDependenciesMeta)) {
      if (isRecord(v) && v.optional === true) meta[k] = { optional: true };
    }
    if (Object.keys(meta).length) m.peerDependenciesMeta = meta;
  }
  // npm accepts both spellings; `true` means "bundle every dependency"
  const bundleRaw = raw.bundleDependencies ?? raw.bundledDependencies;
  if (bundleRaw === true) {
    const all = Object.keys(deps ?? {});
    if (all.length) m.bundleDependencies = all;
  } else {
    const list = stringList(bundleRaw);
    if (list) m.bundleDependencies = list;
  }
  const os = stringList(raw.os);
  if (os) m.os = os;
  const cpu = stringList(raw.cpu);
  if (cpu) m.cpu = cpu;
  const libc = stringList(raw.libc);
  if (libc) m.libc = libc;
  if (isRecord(raw.engines)) {
    const e: { node?: string; npm?: string } = {};
    if (typeof raw.engines.node === 'string') e.node = raw.engines.node;
    if (typeof raw.engines.npm === 'string') e.npm = raw.engines.npm;
    if (e.node || e.npm) m.engines = e;
  }
  if (typeof raw.deprecated === 'string' && raw.deprecated) m.deprecated = raw.deprecated;
  if (raw.hasInstallScript === true) m.hasInstallScript = true;
  else if (isRecord(raw.scripts)) {
    const s = raw.scripts;
    if (s.preinstall || s.install || s.postinstall) m.hasInstallScript = true;
  }
  if (raw._hasShrinkwrap === true) m.hasShrinkwrap = true;
  return m;
}

/**
 * Every field `normalizePackument` and `normalizeManifest` read, for `pruneJson`: a registry
 * document pruned to these normalizes to exactly what the whole document does (a test holds the
 * two together). Everything else (`readme`, `users`, and per version `exports`, `contributors`,
 * `devDependencies`, …, most of a full packument's bytes) is skipped unparsed.
 */
export const PACKUMENT_FIELDS: PruneSchema = {
  members: {
    'dist-tags': true,
    time: true,
    versions: {
      other: {
        members: {
          dist: true,
          dependencies: true,
          optionalDependencies: true,
          peerDependencies: true,
          peerDependenciesMeta: true,
          bundleDependencies: true,
          bundledDependencies: true,
          os: true,
          cpu: true,
          libc: true,
          engines: true,
          deprecated: true,
          hasInstallScript: true,
          _hasShrinkwrap: true,
          scripts: { members: { preinstall: true, install: true, postinstall: true } },
        },
      },
    },
  },
};

export function normalizePackument(name: string, raw: unknown): Packument {
  if (!isRecord(raw)) fail(name, 'the document', 'is not a JSON object');
  if (!isRecord(raw.versions)) fail(name, '"versions"', 'is missing or not an object');
  const distTags: Record<string, string> = {};
  if (raw['dist-tags'] !== undefined) {
    if (!isRecord(raw['dist-tags'])) fail(name, '"dist-tags"', 'is not an object');
    for (const [tag, v] of Object.entries(raw['dist-tags'])) if (typeof v === 'string') distTags[tag] = v;
  }
  const versions: Record<string, Manifest> = {};
  for (const [v, m] of Object.entries(raw.versions)) {
    // One malformed old version must not make the whole package unusable, but it must never be
    // installed silently either: keep it as a candidate (so version selection matches npm's) and
    // fail if the resolver ever picks it.
    try {
      versions[v] = normalizeManifest(name, v, m);
    } catch (err) {
      if (!(err instanceof VetError)) throw err;
      versions[v] = { name, version: v, dist: { tarball: '', integrity: '' }, invalid: err.message };
    }
  }
  // publish times (the abbreviated document carries them too): kept for the versions only
  let time: Record<string, string> | undefined;
  if (isRecord(raw.time)) {
    for (const [v, t] of Object.entries(raw.time)) {
      // checked as a date where it is used (the placed versions), not for every version here
      if (typeof t === 'string' && versions[v]) (time ??= {})[v] = t;
    }
  }
  return { name, distTags, versions, ...(time ? { time } : {}) };
}
