/**
 * The orchestrator: the one place that knows the order of the stages.
 *
 *   spec → resolve (registry) → fetch + verify + extract every tarball → enrich from package.json
 *        → permission surface (capabilities of the code + declared) → findings → decision (→ SBOM)
 *
 * Downloads start while resolution is still running (each placed package is fetched at once),
 * so network time overlaps with placement. Every stage takes data and returns data; I/O comes
 * in through `VetDeps`.
 */
import { constants } from 'node:fs';
import { access, mkdir, readFile } from 'node:fs/promises';
import { VetError } from '../errors.js';
import { join } from 'node:path';
import type { ConfigEntry } from '../capabilities/declared.js';
import type { Permissions } from '../capabilities/surface.js';
import {
  bundleOwner,
  SEVERITY_RANK,
  type Finding,
  type ResolvedPackage,
  type ResolvedTree,
} from '../model.js';
import { RegistryClient } from '../registry/client.js';
import { loadNpmConfig, type NpmConfig } from '../registry/npmrc.js';
import type { Platform } from '../registry/resolve.js';
import { resolveTreeCached } from '../registry/resolution-cache.js';
import { fetchPackage, type ExtractedPackage, type TarballLimits } from '../registry/tarball.js';
import { limiter } from '../util/limit.js';
import type { OnUnavailable, VulnSummary } from '../vuln/check.js';
import type { VulnSource } from '../vuln/source.js';
import type { ClientEntry } from '../introspect/index.js';
import type { DeclaredSummary } from '../introspect/stage.js';
import type { ServerManifest } from '../manifest/types.js';

export interface VetInput {
  spec: string;
  /** `--registry`: beats every .npmrc. */
  registry?: string;
  cacheDir: string;
  /** Where the project .npmrc is looked for (default: cwd). */
  projectDir?: string;
  userconfig?: string;
  env?: NodeJS.ProcessEnv;
  platform?: Platform;
  limits?: Partial<TarballLimits>;
  preferOnline?: boolean;
  warn?: (message: string) => void;
  /** Where advisories come from; unset = the vulnerability check is skipped (and says so). */
  vulnSource?: VulnSource;
  onUnavailable?: OnUnavailable;
  /** false: skip the static capability analysis (declared permissions are still read). */
  capabilities?: boolean;
  /** false: no permission surface at all (the `sbom` command). */
  permissions?: boolean;
  /** The client-config entry that launches the server, for its declared permissions. */
  configEntry?: ConfigEntry;
  /** Read what the server shows the model at all (default true; `sbom` skips it). */
  manifest?: boolean;
  /** Start the server in a sandbox and record what it shows the model (default true). */
  introspect?: boolean;
  /** Per launch (default 10 s). */
  introspectTimeoutMs?: number;
  /** The server's args/env from its client config entry (launcher stripped). */
  clientEntry?: ClientEntry;
  /** mcp-vet's version, sent as clientInfo. */
  clientVersion?: string;
}

export interface DependencyEntry {
  name: string;
  version: string;
  integrity: string | null;
  /** Shortest dependency path from the server: [server, …, name]. */
  path: string[];
  /** Every node_modules location this name@version occupies. */
  locations: string[];
  optional?: true;
  peer?: true;
  bundled?: true;
  alias?: string;
  skipped?: ResolvedPackage['skipped'];
  license?: string;
  deprecated?: string;
  hasInstallScript?: true;
  published?: string;
}

export interface ServerReport {
  spec: string;
  registry: string;
  package: { name: string; version: string; integrity: string | null; license?: string; published?: string };
  dependencies: DependencyEntry[];
  findings: Finding[];
  /** The vulnerability check: which source, whether it ran, counts by severity. */
  vulnerabilities?: VulnSummary | { status: 'skipped' };
  stats: { packages: number; skipped: number; bundled: number; downloaded: number; fromCache: number };
  /** Declared permissions and the capabilities of the code (src/capabilities). */
  permissions?: Permissions;
  /** What the server shows the model: introspected, or static when introspection was skipped or failed. */
  manifest?: ServerManifest;
  /** What the package declares about itself (bin, mcpName, server.json inputs, MCPB user_config). */
  declared?: DeclaredSummary;
}

export type { DecideOptions, Report } from './decide.js';

export interface VetResult {
  tree: ResolvedTree;
  server: ServerReport;
}

/** Resolves, downloads and verifies one server's tree. */
export async function vetPackage(input: VetInput): Promise<VetResult> {
  const warn = input.warn ?? (() => undefined);
  try {
    await mkdir(input.cacheDir, { recursive: true });
    await access(input.cacheDir, constants.W_OK);
  } catch (err) {
    throw new VetError(
      'E_USAGE',
      `the cache directory ${input.cacheDir} is not usable (${(err as Error).message}); pass --cache-dir with a writable folder`,
      { cause: err },
    );
  }
  const config: NpmConfig = loadNpmConfig({
    projectDir: input.projectDir,
    userconfig: input.userconfig,
    env: input.env,
    registryOverride: input.registry,
  });
  const client = new RegistryClient({ config, cacheDir: input.cacheDir, preferOnline: input.preferOnline });
  const limit = limiter(16);
  const fetches = new Map<string, Promise<ExtractedPackage>>();
  const fetchOnce = (req: { name: string; version: string; integrity: string; resolved: string }) => {
    let p = fetches.get(req.integrity);
    if (!p) {
      p = limit(() =>
        fetchPackage(req, {
          cacheDir: input.cacheDir,
          registryOptions: { ...client.registryOptions, registry: client.registryFor(req.name) },
          limits: input.limits,
        }),
      );
      fetches.set(req.integrity, p);
    }
    return p;
  };

  // with publish times (for hygiene.min-age-days); answered from the resolution cache when
  // every packument it was computed from is unchanged
  const { tree } = await resolveTreeCached(input.spec, {
    cacheDir: input.cacheDir,
    client,
    platform: input.platform,
    warn,
    openTarball: fetchOnce,
    // Early downloads overlap network with placement. A package dropped later (replaced or
    // deduped) costs one wasted download; skipped-platform packages are filtered below.
    onPlaced: (pkg) => {
      if (pkg.integrity && pkg.resolved) fetchOnce(pkg).catch(() => undefined);
    },
  });

  // fetch and verify everything that would be installed (not platform-skipped, not bundled)
  const all = [tree.root, ...tree.packages];
  const wanted = all.filter((p) => !p.skipped && !p.bundled && p.integrity && p.resolved);
  const extracted = new Map<string, ExtractedPackage>();
  await Promise.all(
    wanted.map(async (p) => {
      const ex = await fetchOnce({
        name: p.name,
        version: p.version,
        integrity: p.integrity!,
        resolved: p.resolved!,
      });
      extracted.set(p.integrity!, ex);
    }),
  );
  // settle early downloads of packages that did not make it into the tree, so nothing dangles
  await Promise.allSettled(fetches.values());

  await enrich(tree, extracted);
  const server = buildServerReport(tree, extracted);
  // advisories (network-bound) and the capability analysis (CPU-bound) overlap
  const vulnSource = input.vulnSource;
  const vulns = vulnSource
    ? import('../vuln/check.js').then(({ checkVulnerabilities }) =>
        checkVulnerabilities({
          source: vulnSource,
          tree,
          packument: (name) => client.packument(name),
          onUnavailable: input.onUnavailable ?? 'fail',
        }),
      )
    : undefined;
  const permissions =
    input.permissions === false
      ? undefined
      : import('../capabilities/surface.js').then(({ permissionSurface }) =>
          permissionSurface(tree, extracted, {
            cacheDir: input.cacheDir,
            analyse: input.capabilities !== false,
            configEntry: input.configEntry,
          }),
        );
  // what the server shows the model: needs every file, re-extracted offline from verified tarballs
  const extractedDir = async (p: ResolvedPackage): Promise<string> =>
    (
      await fetchPackage(
        { name: p.name, version: p.version, integrity: p.integrity!, resolved: p.resolved! },
        {
          cacheDir: input.cacheDir,
          registryOptions: { ...client.registryOptions, registry: client.registryFor(p.name) },
          limits: input.limits,
          extract: 'full',
        },
      )
    ).dir;
  // After the capability analysis, not beside it: the manifest stage upgrades cache entries to
  // full extractions (the folder is swapped), which readers of the same entries must not race.
  const manifest =
    input.manifest === false
      ? undefined
      : Promise.resolve(permissions)
          .then(() => import('../introspect/stage.js'))
          .then(async ({ manifestStage }) =>
            manifestStage({
              tree,
              serverDir: await extractedDir(tree.root),
              extractedDir,
              introspect: input.introspect ?? true,
              workRoot: join(input.cacheDir, 'tmp'),
              timeoutMs: input.introspectTimeoutMs,
              entry: input.clientEntry,
              env: input.env ?? process.env,
              clientVersion: input.clientVersion ?? '0.0.0',
              warn,
            }),
          );
  const [v, surface, m] = await Promise.all([vulns, permissions, manifest]);
  if (v) {
    server.findings.push(...v.findings);
    server.vulnerabilities = v.summary;
  } else {
    server.vulnerabilities = { status: 'skipped' };
    server.findings.push({
      rule: 'vulnerability-check-skipped',
      severity: 'info',
      message:
        'the vulnerability check was skipped (--no-vulns): this tree was not checked for known advisories',
    });
  }
  if (surface) {
    server.permissions = surface.permissions;
    server.findings.push(...surface.findings);
  }
  if (m) {
    server.manifest = m.manifest;
    server.declared = m.declared;
    server.findings.push(...m.findings);
    // what the model would read, judged locally: both launches when they differed
    const { scanManifest } = await import('../tools/index.js');
    const seen = new Set<string>();
    const views = [m.manifest, ...(m.manifest.relaunch ? [{ ...m.manifest, ...m.manifest.relaunch }] : [])];
    for (const [i, view] of views.entries()) {
      for (const f of scanManifest(view)) {
        const key = `${f.rule}\u0000${f.tool ?? f.target ?? ''}\u0000${f.pointer}\u0000${f.excerpt}`;
        if (seen.has(key)) continue;
        seen.add(key);
        server.findings.push({
          ...f,
          category: 'tool-text',
          source: m.manifest.source,
          ...(i === 1 ? { launch: 'second' } : {}),
        });
      }
    }
  }
  server.findings.sort(compareFindings);
  return { tree, server };
}

/** Adds package.json metadata (license, repository, homepage) read from the verified tarballs. */
async function enrich(tree: ResolvedTree, extracted: Map<string, ExtractedPackage>): Promise<void> {
  const apply = (p: ResolvedPackage, m: Record<string, unknown>): void => {
    const license = licenseOf(m.license ?? m.licenses);
    if (license) p.license = license;
    const repo = repositoryOf(m.repository);
    if (repo) p.repository = repo;
    if (typeof m.homepage === 'string' && m.homepage) p.homepage = m.homepage;
    if (typeof m.description === 'string' && m.description) p.description = m.description;
    const scripts = m.scripts as Record<string, unknown> | undefined;
    if (scripts && (scripts.preinstall || scripts.install || scripts.postinstall)) p.hasInstallScript = true;
  };
  const byLocation = new Map([tree.root, ...tree.packages].map((x) => [x.location, x]));
  const bundledReads: Promise<void>[] = [];
  for (const p of [tree.root, ...tree.packages]) {
    if (p.integrity && extracted.has(p.integrity)) {
      apply(p, extracted.get(p.integrity)!.manifest);
    } else if (p.bundled) {
      // a bundled package's package.json is inside its bundling ancestor's extracted folder
      const owner = bundleOwner(byLocation, p);
      const ex = owner?.integrity ? extracted.get(owner.integrity) : undefined;
      if (ex && owner) {
        const rel = p.location.slice(owner.location.length + 1);
        bundledReads.push(
          readFile(join(ex.dir, rel, 'package.json'), 'utf8')
            .then((t) => apply(p, JSON.parse(t) as Record<string, unknown>))
            .catch(() => undefined),
        );
      }
    }
  }
  await Promise.all(bundledReads);
}

export function licenseOf(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { type?: unknown }).type === 'string') {
    return (v as { type: string }).type;
  }
  if (Array.isArray(v)) {
    const parts = v.map((x) => licenseOf(x)).filter((x): x is string => !!x);
    if (parts.length === 1) return parts[0];
    if (parts.length > 1) return `(${parts.join(' OR ')})`;
  }
  return undefined;
}

function repositoryOf(v: unknown): string | undefined {
  if (typeof v === 'string' && v) return v;
  if (v && typeof v === 'object' && typeof (v as { url?: unknown }).url === 'string') {
    return (v as { url: string }).url;
  }
  return undefined;
}

/** The per-server part of the JSON report, with the findings this stage can make. */
export function buildServerReport(
  tree: ResolvedTree,
  extracted: Map<string, ExtractedPackage>,
): ServerReport {
  const entries = new Map<string, DependencyEntry>();
  for (const p of tree.packages) {
    const key = `${p.name}@${p.version}`;
    const existing = entries.get(key);
    if (existing) {
      existing.locations.push(p.location);
      if (p.path.length < existing.path.length) existing.path = p.path;
      // installed anywhere for real beats optional/peer-only elsewhere
      if (!p.optional) delete existing.optional;
      if (!p.peer) delete existing.peer;
      if (!p.skipped) delete existing.skipped;
      continue;
    }
    const e: DependencyEntry = {
      name: p.name,
      version: p.version,
      integrity: p.integrity,
      path: p.path,
      locations: [p.location],
    };
    if (p.optional) e.optional = true;
    if (p.peer) e.peer = true;
    if (p.bundled) e.bundled = true;
    if (p.alias) e.alias = p.alias;
    if (p.skipped) e.skipped = p.skipped;
    if (p.license) e.license = p.license;
    if (p.deprecated) e.deprecated = p.deprecated;
    if (p.hasInstallScript) e.hasInstallScript = true;
    if (p.published) e.published = p.published;
    entries.set(key, e);
  }
  const dependencies = [...entries.values()].sort(
    (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.version < b.version ? -1 : 1),
  );

  const findings: Finding[] = [];
  const root = tree.root;
  const everyone = [{ ...root, path: [root.name] }, ...dependencies.map((d) => ({ ...d }))];
  for (const d of everyone) {
    if (d.skipped) continue;
    if (d.deprecated) {
      findings.push({
        rule: 'deprecated',
        severity: 'low',
        message: `${d.name}@${d.version} is deprecated: ${d.deprecated}`,
        package: d.name,
        version: d.version,
        path: d.path,
      });
    }
    if (d.hasInstallScript) {
      findings.push({
        rule: 'install-script',
        severity: 'medium',
        message: `${d.name}@${d.version} runs an install script when installed with npm (mcp-vet never runs it)`,
        package: d.name,
        version: d.version,
        path: d.path,
      });
    }
  }
  findings.sort(compareFindings);

  const skipped = dependencies.filter((d) => d.skipped).length;
  const bundled = dependencies.filter((d) => d.bundled).length;
  let fromCache = 0;
  for (const ex of extracted.values()) if (ex.fromCache) fromCache++;
  return {
    spec: tree.spec,
    registry: tree.registry,
    package: {
      name: root.name,
      version: root.version,
      integrity: root.integrity,
      ...(root.license ? { license: root.license } : {}),
      ...(root.published ? { published: root.published } : {}),
    },
    dependencies,
    findings,
    stats: {
      packages: dependencies.length + 1,
      skipped,
      bundled,
      downloaded: extracted.size - fromCache,
      fromCache,
    },
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
