/**
 * The internal model every stage shares. Wire formats (packuments, tarballs, npmrc, CycloneDX)
 * are normalized into these types at the boundary and nowhere else.
 */

/** Why a package that npm's ideal tree contains is not installed on the target platform. */
export interface SkipReason {
  reason: 'platform';
  /** e.g. `os ["darwin"] does not include "linux"` */
  detail: string;
}

export interface ResolvedPackage {
  /** The package's real name on the registry (for an `npm:` alias, the target's name). */
  name: string;
  version: string;
  /** SRI string from the registry (`sha512-…`); null only for bundled packages, whose bytes are the parent's tarball. */
  integrity: string | null;
  /** Tarball URL (already rewritten to the configured registry). null for bundled packages. */
  resolved: string | null;
  /**
   * Where `npm install <spec>` in an empty project would put it, exactly as the `packages` keys of
   * npm's package-lock: the server itself is `node_modules/<name>`, its hoisted dependencies
   * `node_modules/<dep>`, nested ones `node_modules/a/node_modules/b`.
   */
  location: string;
  /** When installed under another name through an `npm:` alias, that name. */
  alias?: string;
  /**
   * The shortest dependency path from the server to this package, names only:
   * [serverName, …, name]. The server's own path is [serverName].
   */
  path: string[];
  /** Only reachable through optional dependency edges. */
  optional: boolean;
  /** Only reachable through peer dependency edges. */
  peer: boolean;
  /** Shipped inside another package's tarball (`bundleDependencies`), not fetched on its own. */
  bundled: boolean;
  /** Laid out from a published `npm-shrinkwrap.json`. */
  fromShrinkwrap: boolean;
  /** Set when npm would skip it on the target platform (optional deps with non-matching os/cpu/libc). */
  skipped?: SkipReason;
  deprecated?: string;
  /** package.json metadata: present after the tarball was read (or from a full packument). */
  license?: string;
  repository?: string;
  homepage?: string;
  description?: string;
  hasInstallScript?: boolean;
  /** When this version was published (ISO), from the registry's `time`. */
  published?: string;
  /** Direct dependencies actually in the tree, as locations of the nodes they resolve to. */
  dependencies: string[];
}

export interface ResolvedTree {
  /** The server package itself (location `node_modules/<name>`). */
  root: ResolvedPackage;
  /** Every package in the tree except the root, sorted by location. */
  packages: ResolvedPackage[];
  /** The registry URL the root was resolved from. */
  registry: string;
  /** The spec the user asked for. */
  spec: string;
}

export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

/** Severities in order, for comparisons and sorting. */
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  package?: string;
  version?: string;
  [extra: string]: unknown;
}

/** The nearest ancestor folder's package that is not itself bundled: the tarball it came in. */
export function bundleOwner(
  byLoc: Map<string, ResolvedPackage>,
  p: ResolvedPackage,
): ResolvedPackage | undefined {
  let loc = p.location;
  for (;;) {
    const i = loc.lastIndexOf('/node_modules/');
    if (i < 0) return undefined;
    loc = loc.slice(0, i);
    const owner = byLoc.get(loc);
    if (owner && !owner.bundled) return owner;
  }
}
