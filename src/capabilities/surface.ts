/**
 * The permission surface of a server: what it declares (server.json, MCPB manifest, its config
 * entry) plus the union of what the code of every installed package can do, each capability with
 * the packages that bring it. The server's own package and its dependencies are kept apart: a
 * filesystem server writing files is expected, a string-padding dependency opening sockets is news.
 *
 * Everything here is sorted and free of machine-specific data, so it can go into a lockfile.
 */
import {
  bundleOwner,
  type Finding,
  type ResolvedPackage,
  type ResolvedTree,
  type Severity,
} from '../model.js';
import type { ExtractedPackage } from '../registry/tarball.js';
import { limiter } from '../util/limit.js';
import { analyzePackageCached } from './cache.js';
import {
  declaredPermissions,
  readDeclaredFiles,
  type ConfigEntry,
  type DeclaredPermissions,
} from './declared.js';
import type { TarballAnalysis } from './package.js';
import {
  CAPABILITIES,
  type Capability,
  type Evidence,
  type FileProblem,
  type PackageCapabilities,
} from './types.js';

export interface CapabilityEntry {
  package: string;
  version: string;
  /** The server's own package. */
  own?: true;
  /** Shortest dependency path from the server. */
  path: string[];
  evidence: Evidence[];
  /** All places found (evidence shows the first ones). */
  count: number;
  /** `env`: the literal variable names (`*` = computed or the whole environment). */
  names?: string[];
  /** `urls`: the distinct hosts. */
  hosts?: string[];
}

export interface Permissions {
  declared: DeclaredPermissions;
  /** Capability → the packages that bring it: the server's own package first, then by name. */
  capabilities: Partial<Record<Capability, CapabilityEntry[]>>;
  /** Capabilities of the server's own package. */
  own: Capability[];
  /** Capabilities brought by dependencies. */
  dependencies: Capability[];
  analysis: { packages: number; files: number; bytes: number; unanalysedFiles: number };
}

export interface SurfaceOptions {
  cacheDir: string;
  /** false: skip the code analysis (declared permissions only). */
  analyse: boolean;
  configEntry?: ConfigEntry;
}

export interface SurfaceResult {
  permissions: Permissions;
  findings: Finding[];
  /** Packages whose analysis came from the cache (for stats and the benchmark; not in the report). */
  fromCache: number;
  analysed: number;
}

interface Member {
  pkg: ResolvedPackage;
  caps: PackageCapabilities;
}

export async function permissionSurface(
  tree: ResolvedTree,
  extracted: Map<string, ExtractedPackage>,
  opts: SurfaceOptions,
): Promise<SurfaceResult> {
  const root = tree.root;
  const rootEx = root.integrity ? extracted.get(root.integrity) : undefined;
  const analyses = new Map<string, TarballAnalysis>();
  let fromCache = 0;

  if (opts.analyse) {
    // CPU-bound; two at a time only overlaps file reads with parsing
    const limit = limiter(2);
    await Promise.all(
      [...extracted.entries()].map(([integrity, ex]) =>
        limit(async () => {
          const r = await analyzePackageCached(opts.cacheDir, ex.dir, integrity);
          if (r.fromCache) fromCache++;
          analyses.set(integrity, r.analysis);
        }),
      ),
    );
  } else if (root.integrity && rootEx) {
    // declared permissions only: read server.json / manifest.json from the root tarball
    const { readTarball } = await import('./tarball-files.js');
    const { basename, join } = await import('node:path');
    const files: Record<string, string> = {};
    await readTarball(join(rootEx.dir, '.mcp-vet.tgz'), basename(rootEx.dir), {
      want: (p, size) =>
        (p === 'server.json' || p === 'manifest.json') && size <= 1024 * 1024 ? 'content' : 'skip',
      file: (p, _size, data) => void (files[p] = data.toString('utf8')),
    });
    analyses.set(root.integrity, {
      analyzer: '',
      integrity: root.integrity,
      packages: {},
      declarations: readDeclaredFiles(files),
    });
  }

  const rootAnalysis = root.integrity ? analyses.get(root.integrity) : undefined;
  const declared = declaredPermissions(rootAnalysis?.declarations, root.name, opts.configEntry);

  // one member per name@version that is installed on this platform
  const byLocation = new Map([root, ...tree.packages].map((p) => [p.location, p]));
  const members = new Map<string, Member>();
  if (opts.analyse) {
    for (const pkg of [root, ...tree.packages]) {
      if (pkg.skipped) continue;
      const key = `${pkg.name}@${pkg.version}`;
      const prev = members.get(key);
      if (prev) {
        if (pkg.path.length < prev.pkg.path.length) prev.pkg = pkg;
        continue;
      }
      let caps: PackageCapabilities | undefined;
      if (pkg.integrity) caps = analyses.get(pkg.integrity)?.packages[''];
      else if (pkg.bundled) {
        const owner = bundleOwner(byLocation, pkg);
        const a = owner?.integrity ? analyses.get(owner.integrity) : undefined;
        if (a && owner) caps = a.packages[pkg.location.slice(owner.location.length + 1)];
      }
      if (caps) members.set(key, { pkg, caps });
    }
  }

  const capabilities: Permissions['capabilities'] = {};
  const own = new Set<Capability>();
  const deps = new Set<Capability>();
  let files = 0;
  let bytes = 0;
  let unanalysed = 0;
  const findings: Finding[] = [];
  const sorted = [...members.values()].sort((a, b) => {
    const ao = a.pkg === root ? 0 : 1;
    const bo = b.pkg === root ? 0 : 1;
    return ao - bo || cmp(a.pkg.name, b.pkg.name) || cmp(a.pkg.version, b.pkg.version);
  });
  for (const { pkg, caps } of sorted) {
    const isOwn = pkg === root;
    files += caps.files;
    bytes += caps.bytes;
    unanalysed += caps.problems.length;
    for (const cap of CAPABILITIES) {
      const c = caps.capabilities[cap];
      if (!c) continue;
      (isOwn ? own : deps).add(cap);
      const entry: CapabilityEntry = {
        package: pkg.name,
        version: pkg.version,
        ...(isOwn ? { own: true as const } : {}),
        path: pkg.path,
        evidence: c.evidence,
        count: c.count,
        ...(cap === 'env' ? { names: caps.envNames } : {}),
        ...(cap === 'urls' ? { hosts: caps.hosts } : {}),
      };
      (capabilities[cap] ??= []).push(entry);
    }
    findings.push(...findingsFor(pkg, caps, isOwn));
  }

  return {
    permissions: {
      declared,
      capabilities,
      own: CAPABILITIES.filter((c) => own.has(c)),
      dependencies: CAPABILITIES.filter((c) => deps.has(c)),
      analysis: { packages: members.size, files, bytes, unanalysedFiles: unanalysed },
    },
    findings,
    fromCache,
    analysed: analyses.size - fromCache,
  };
}

/**
 * Findings stay modest (the policy decides later):
 * - obfuscated code anywhere: medium. Legitimate packages almost never ship it and it hides what
 *   the code does, but the signal is a heuristic, so it does not reject at the default threshold.
 * - a dependency that can run programs or load native code: low. Common (cross-spawn, esbuild),
 *   but it is reach beyond JavaScript that the server's author may not know they pulled in.
 * - a dependency that uses the network or evaluates code: info. Most trees have several (HTTP
 *   frameworks, the MCP SDK, ajv's compiled validators); the list is there to be read.
 * - files that could not be analysed: low when skipped by a cap or binary, info for syntax errors.
 */
const DEPENDENCY_RULES: Array<{ cap: Capability; rule: string; severity: Severity; what: string }> = [
  { cap: 'shell', rule: 'dependency-shell', severity: 'low', what: 'can run programs' },
  { cap: 'native-code', rule: 'dependency-native-code', severity: 'low', what: 'loads or ships native code' },
  { cap: 'network', rule: 'dependency-network', severity: 'info', what: 'uses the network' },
  {
    cap: 'dynamic-code',
    rule: 'dependency-dynamic-code',
    severity: 'info',
    what: 'evaluates code built at run time',
  },
];

function findingsFor(pkg: ResolvedPackage, caps: PackageCapabilities, isOwn: boolean): Finding[] {
  const out: Finding[] = [];
  const id = `${pkg.name}@${pkg.version}`;
  const base = { package: pkg.name, version: pkg.version, path: pkg.path };
  const first = (cap: Capability): string => {
    const e = caps.capabilities[cap]?.evidence[0];
    return e ? `${e.api} at ${e.file}${e.line ? `:${e.line}` : ''}` : '';
  };
  const ob = caps.capabilities.obfuscated;
  if (ob) {
    out.push({
      rule: 'obfuscated-code',
      severity: 'medium',
      message: `${id}${isOwn ? '' : ' (a dependency)'} contains code that looks obfuscated: ${first('obfuscated')}`,
      ...base,
    });
  }
  if (!isOwn) {
    for (const r of DEPENDENCY_RULES) {
      const c = caps.capabilities[r.cap];
      if (!c) continue;
      out.push({
        rule: r.rule,
        severity: r.severity,
        message: `${id} (a dependency) ${r.what}: ${first(r.cap)}${c.count > 1 ? ` and ${c.count - 1} more` : ''}`,
        ...base,
      });
    }
  }
  if (caps.problems.length > 0) {
    const serious = caps.problems.filter((p) => p.kind !== 'syntax');
    out.push({
      rule: 'unanalysed-code',
      severity: serious.length > 0 ? 'low' : 'info',
      message: `${id}: ${caps.problems.length} JavaScript file${caps.problems.length === 1 ? '' : 's'} could not be analysed: ${describeProblems(caps.problems)}`,
      ...base,
      files: caps.problems.slice(0, 20),
    });
  }
  return out;
}

function describeProblems(problems: FileProblem[]): string {
  const shown = problems.slice(0, 3).map((p) => `${p.file} (${p.kind}: ${p.detail})`);
  return shown.join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
