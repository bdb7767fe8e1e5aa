/**
 * Turns a ResolvedTree into a CycloneDX JSON SBOM with `@cyclonedx/cyclonedx-library`.
 *
 * The library does the spec-specific work (what each spec version supports, the JSON shape, the
 * `$schema` URL); this module decides what goes in: one component per distinct name@version,
 * purls as bom-refs, hashes from the registry's SRI integrity, and the install-location graph
 * collapsed onto those components.
 */
import { randomUUID } from 'node:crypto';
// Subpath imports, not the package root: the root also loads Validation, whose resources module
// reads `__dirname` at load time and so crashes inside our ESM esbuild bundle.
import * as License from '@cyclonedx/cyclonedx-library/Contrib/License';
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import parseSpdxExpression from 'spdx-expression-parse';
import ownPackageJson from '../../package.json' with { type: 'json' };
import { VetError } from '../errors.js';
import type { ResolvedPackage, ResolvedTree } from '../model.js';

export type SpecVersion = '1.5' | '1.6' | '1.7';

/** Every CycloneDX version buildSbom can emit (@cyclonedx/cyclonedx-library 10.3.0 implements all three). */
export const SPEC_VERSIONS: readonly SpecVersion[] = Object.freeze(['1.5', '1.6', '1.7'] as const);

export interface SbomOptions {
  /** Default '1.6'. */
  specVersion?: SpecVersion;
  /** No serialNumber, no timestamp, so the same tree always gives the same bytes. Default false. */
  reproducible?: boolean;
  /** Default 'mcp-vet'. */
  toolName?: string;
  /** Default: mcp-vet's own package.json version. */
  toolVersion?: string;
  /** Clock for metadata.timestamp (ignored when reproducible). */
  now?: () => Date;
}

const SPECS = {
  '1.5': Spec.Spec1dot5,
  '1.6': Spec.Spec1dot6,
  '1.7': Spec.Spec1dot7,
} as const satisfies Record<SpecVersion, unknown>;

/** Property names. `cdx:*` ones are from the official CycloneDX property taxonomy (cdx.md, cdx/npm.md). */
const PROP = {
  reproducible: 'cdx:reproducible',
  bundled: 'cdx:npm:package:bundled',
  path: 'cdx:npm:package:path',
  // The cdx:npm taxonomy has no deprecation property, and `cdx:` is an officially administered
  // namespace, so these live under our own.
  alias: 'mcp-vet:alias',
  deprecated: 'mcp-vet:deprecated',
  skipped: 'mcp-vet:skipped',
} as const;

const SRI_ALGORITHMS: Readonly<Record<string, readonly [Enums.HashAlgorithm, number]>> = {
  sha512: [Enums.HashAlgorithm['SHA-512'], 64],
  sha384: [Enums.HashAlgorithm['SHA-384'], 48],
  sha256: [Enums.HashAlgorithm['SHA-256'], 32],
  sha1: [Enums.HashAlgorithm['SHA-1'], 20],
};

/** npm's hosted-git shorthands (`github:o/r`, bare `o/r` = GitHub) and their web hosts. */
const HOSTED_GIT: Readonly<Record<string, string>> = {
  github: 'github.com',
  gitlab: 'gitlab.com',
  bitbucket: 'bitbucket.org',
};
const HOSTED_GIT_DOMAINS: ReadonlySet<string> = new Set(Object.values(HOSTED_GIT));

/**
 * Code-unit order. The library's own `sortLists` option compares with `localeCompare`, whose result
 * depends on the ICU default locale of the machine; a reproducible SBOM must not change with $LANG,
 * so we insert everything already sorted this way and leave `sortLists` off.
 */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `@scope/name` → ['name', '@scope'], the same split cyclonedx-npm applies (group = scope). */
export function splitNameGroup(packageName: string): [name: string, group: string | undefined] {
  const slash = packageName.startsWith('@') ? packageName.indexOf('/', 2) : -1;
  return slash > 0 ? [packageName.slice(slash + 1), packageName.slice(0, slash)] : [packageName, undefined];
}

/**
 * Canonical npm purl without qualifiers: `pkg:npm/%40scope/name@1.2.3`.
 *
 * Library 10.x no longer has a PackageUrlFactory (it moved to @cyclonedx/cyclonedx-npm, on top of
 * packageurl-js, which is not our dependency), so the purl is built here with the same encoding
 * packageurl-js 2 applies: scope and name through encodeURIComponent (`@` → `%40`), the version too
 * but with `:` and `+` left literal. One deliberate difference: packageurl-js lowercases npm names,
 * we keep the registry's spelling, because legacy npm names are case-sensitive (`JSONStream` and
 * `jsonstream` are different packages) and folding them could give two packages one bom-ref.
 */
export function npmPurl(packageName: string, version: string): string {
  const [name, group] = splitNameGroup(packageName);
  const namespace = group === undefined ? '' : `${encodeURIComponent(group)}/`;
  const encodedVersion = encodeURIComponent(version).replace(/%3A/g, ':').replace(/%2B/g, '+');
  return `pkg:npm/${namespace}${encodeURIComponent(name)}@${encodedVersion}`;
}

/**
 * SRI string (`sha512-<base64>`, possibly several space-separated, possibly with `?opts`) → hex
 * digests keyed by CycloneDX algorithm. Tokens that are not a well-formed digest of a known
 * algorithm are ignored: the tarball stage has already verified the integrity, and a malformed
 * extra token is no reason to fail the SBOM.
 */
export function hashesFromIntegrity(integrity: string): Map<Enums.HashAlgorithm, string> {
  const hashes = new Map<Enums.HashAlgorithm, string>();
  for (const token of integrity.trim().split(/\s+/)) {
    const match = /^([a-z0-9]+)-([A-Za-z0-9+/]+={0,2})(?:\?.*)?$/.exec(token);
    const algorithm = match?.[1] === undefined ? undefined : SRI_ALGORITHMS[match[1]];
    if (match?.[2] === undefined || algorithm === undefined) continue;
    const [cdxAlgorithm, length] = algorithm;
    const digest = Buffer.from(match[2], 'base64');
    if (digest.length !== length || hashes.has(cdxAlgorithm)) continue;
    hashes.set(cdxAlgorithm, digest.toString('hex'));
  }
  return hashes;
}

/**
 * Parses an absolute URL and drops embedded credentials: registry and repository URLs can carry a
 * token (`https://user:token@host/…`) and an SBOM is meant to be shared. An ssh user name (`git@`)
 * is part of the address, not a secret, so it stays.
 */
function parseUrl(raw: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  url.password = '';
  if (!url.protocol.includes('ssh')) url.username = '';
  return url;
}

/** http(s) URLs only: a homepage or tarball URL with another scheme is not something to link to. */
function httpUrl(raw: string): string | undefined {
  const url = parseUrl(raw);
  return url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : undefined;
}

/**
 * package.json `repository` → a URL for a `vcs` external reference.
 *
 * Forms whose web URL is obvious become `https://host/owner/repo`: npm shorthands (`owner/repo`,
 * `github:owner/repo`, `gitlab:…`, `bitbucket:…`, `gist:id`), scp-like `git@github.com:o/r.git`, and
 * any `git+https:`/`git+ssh:`/`git:`/`ssh:` URL on GitHub, GitLab or Bitbucket. Other `git+http(s):`
 * URLs lose the `git+` prefix; any other absolute URL is kept as is; anything else (not a URL at
 * all) gives undefined so the reference is skipped rather than emitted invalid.
 */
export function normalizeRepositoryUrl(raw: string): string | undefined {
  const value = raw.trim();

  const shorthand =
    /^(?:(github|gitlab|bitbucket):)?([A-Za-z0-9][\w.-]*)\/([\w.-]+?)(?:\.git)?(?:#.*)?$/.exec(value);
  if (shorthand?.[2] !== undefined && shorthand[3] !== undefined) {
    const host = HOSTED_GIT[shorthand[1] ?? 'github'] ?? 'github.com';
    return `https://${host}/${shorthand[2]}/${shorthand[3]}`;
  }
  const gist = /^gist:([A-Za-z0-9]+)(?:#.*)?$/.exec(value);
  if (gist?.[1] !== undefined) return `https://gist.github.com/${gist[1]}`;

  // scp-like ssh address: not a URL, so spell it as one.
  const scp = /^([\w.-]+)@([\w.-]+):(?!\/)(.+)$/.exec(value);
  if (scp?.[1] !== undefined && scp[2] !== undefined && scp[3] !== undefined) {
    const host = scp[2].toLowerCase();
    const path = scp[3].replace(/\/+$/, '').replace(/\.git$/, '');
    if (HOSTED_GIT_DOMAINS.has(host) && /^[\w.-]+\/[\w.-]+$/.test(path)) return `https://${host}/${path}`;
    return parseUrl(`git+ssh://${scp[1]}@${scp[2]}/${scp[3]}`)?.href;
  }

  const url = parseUrl(value);
  if (url === undefined) return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (HOSTED_GIT_DOMAINS.has(host) && /^(?:(?:git\+)?(?:https?|ssh)|git):$/.test(url.protocol)) {
    const path = url.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
    if (path.split('/').filter((s) => s.length > 0).length >= 2) return `https://${host}${path}`;
  }
  // The WHATWG URL setter refuses to switch a non-special scheme to a special one, hence the slice.
  if (url.protocol === 'git+https:' || url.protocol === 'git+http:') return url.href.slice('git+'.length);
  return url.href;
}

function makeLicenseFactory(): License.Factories.LicenseFactory {
  // The factory tries, in order: a known SPDX id (`{license: {id}}`), an SPDX expression accepted
  // by this validator (`{expression}`), and falls back to a named license (`{license: {name}}`).
  return new License.Factories.LicenseFactory((expression) => {
    parseSpdxExpression(expression);
  });
}

/** The first non-empty value of a field over all copies of a name@version, in location order. */
function firstOf(
  copies: readonly ResolvedPackage[],
  get: (p: ResolvedPackage) => string | null | undefined,
): string | undefined {
  for (const p of copies) {
    const value = get(p)?.trim();
    if (value !== undefined && value.length > 0) return value;
  }
  return undefined;
}

function distinct(values: Iterable<string | undefined>): string[] {
  const set = new Set<string>();
  for (const v of values) if (v !== undefined && v.length > 0) set.add(v);
  return [...set].sort(byCodeUnit);
}

interface Group {
  purl: string;
  /** Every copy of this name@version in the tree, in location order (the root first when it is the root). */
  copies: ResolvedPackage[];
  component: Models.Component;
}

/**
 * A name@version installed at several locations is one component; its facts are merged:
 * - scope: `excluded` only when every copy is skipped on this platform; otherwise `optional` when
 *   every installed copy is optional, else `required`.
 * - bundled: when any copy is bundled (that copy's bytes came from a parent tarball, which is what
 *   a reviewer needs to know even if another copy was fetched on its own).
 * - metadata (integrity, URLs, license, description, deprecation): the first copy that has it.
 */
function makeComponent(
  purl: string,
  copies: readonly [ResolvedPackage, ...ResolvedPackage[]],
  isRoot: boolean,
  licenseFactory: License.Factories.LicenseFactory,
): Models.Component {
  const first = copies[0];
  const [name, group] = splitNameGroup(first.name);
  const installed = copies.filter((p) => p.skipped === undefined);
  // The server is what this BOM describes and it is a program an MCP host launches (npx
  // <server>), not something linked into another program: `application`, which is also
  // cyclonedx-npm's default type for the main component. Its dependencies are `library`.
  const type = isRoot ? Enums.ComponentType.Application : Enums.ComponentType.Library;

  let scope: Enums.ComponentScope | undefined;
  if (!isRoot) {
    if (installed.length === 0) scope = Enums.ComponentScope.Excluded;
    else if (installed.every((p) => p.optional)) scope = Enums.ComponentScope.Optional;
    else scope = Enums.ComponentScope.Required;
  }

  const component = new Models.Component(type, name, {
    bomRef: purl,
    purl,
    group,
    version: first.version,
    description: firstOf(copies, (p) => p.description),
    scope,
  });

  const integrity = firstOf(copies, (p) => p.integrity);
  const hashes = [...hashesFromIntegrity(integrity ?? '')].sort(([a], [b]) => byCodeUnit(a, b));
  for (const [algorithm, content] of hashes) component.hashes.set(algorithm, content);

  const license = firstOf(copies, (p) => p.license);
  if (license !== undefined) component.licenses.add(licenseFactory.makeFromString(license));

  const refs: { type: Enums.ExternalReferenceType; url: string }[] = [];
  const tarball = firstOf(copies, (p) => p.resolved);
  const distribution = tarball === undefined ? undefined : httpUrl(tarball);
  if (distribution !== undefined)
    refs.push({ type: Enums.ExternalReferenceType.Distribution, url: distribution });
  const repository = firstOf(copies, (p) => p.repository);
  const vcs = repository === undefined ? undefined : normalizeRepositoryUrl(repository);
  if (vcs !== undefined) refs.push({ type: Enums.ExternalReferenceType.VCS, url: vcs });
  const homepage = firstOf(copies, (p) => p.homepage);
  const website = homepage === undefined ? undefined : httpUrl(homepage);
  if (website !== undefined) refs.push({ type: Enums.ExternalReferenceType.Website, url: website });
  refs.sort((a, b) => byCodeUnit(a.type, b.type) || byCodeUnit(a.url, b.url));
  for (const ref of refs) {
    // The integrity is the digest of exactly this tarball, so the distribution reference carries it
    // too (as cyclonedx-npm does); component.hashes alone would not say which artifact was hashed.
    const refHashes =
      ref.type === Enums.ExternalReferenceType.Distribution ? new Models.HashDictionary(hashes) : undefined;
    component.externalReferences.add(new Models.ExternalReference(ref.url, ref.type, { hashes: refHashes }));
  }

  const properties: [string, string][] = [];
  for (const location of distinct(copies.map((p) => p.location))) properties.push([PROP.path, location]);
  if (copies.some((p) => p.bundled)) properties.push([PROP.bundled, 'true']);
  for (const alias of distinct(copies.map((p) => p.alias))) properties.push([PROP.alias, alias]);
  const deprecated = firstOf(copies, (p) => p.deprecated);
  if (deprecated !== undefined) properties.push([PROP.deprecated, deprecated]);
  if (!isRoot && installed.length === 0) {
    for (const detail of distinct(copies.map((p) => p.skipped?.detail)))
      properties.push([PROP.skipped, detail]);
  }
  properties.sort(([an, av], [bn, bv]) => byCodeUnit(an, bn) || byCodeUnit(av, bv));
  for (const [propName, value] of properties) component.properties.add(new Models.Property(propName, value));

  return component;
}

/**
 * Builds the CycloneDX JSON document (2-space indent, trailing newline) for a resolved tree.
 *
 * @throws VetError E_USAGE for an unsupported spec version, E_INTERNAL when the tree is
 *   inconsistent (a dependency location that is not in the tree, two packages at one location).
 */
export function buildSbom(tree: ResolvedTree, opts: SbomOptions = {}): string {
  const specVersion = opts.specVersion ?? '1.6';
  // Checked at run time too: the value usually comes straight from a CLI flag.
  if (!Object.hasOwn(SPECS, specVersion)) {
    throw new VetError(
      'E_USAGE',
      `Unsupported CycloneDX spec version "${String(specVersion)}"; use one of ${SPEC_VERSIONS.join(', ')}.`,
    );
  }
  const spec = SPECS[specVersion];
  const reproducible = opts.reproducible ?? false;

  const all = [tree.root, ...tree.packages];
  const byLocation = new Map<string, ResolvedPackage>();
  for (const p of all) {
    if (byLocation.has(p.location)) {
      throw new VetError('E_INTERNAL', `Two packages at location "${p.location}" in the resolved tree.`);
    }
    byLocation.set(p.location, p);
  }

  const copiesByPurl = new Map<string, [ResolvedPackage, ...ResolvedPackage[]]>();
  for (const p of all) {
    const purl = npmPurl(p.name, p.version);
    const copies = copiesByPurl.get(purl);
    if (copies === undefined) copiesByPurl.set(purl, [p]);
    else copies.push(p);
  }

  const rootPurl = npmPurl(tree.root.name, tree.root.version);
  const licenseFactory = makeLicenseFactory();
  const groups = new Map<string, Group>();
  for (const [purl, copies] of copiesByPurl) {
    groups.set(purl, {
      purl,
      copies,
      component: makeComponent(purl, copies, purl === rootPurl, licenseFactory),
    });
  }

  for (const group of groups.values()) {
    const targets = new Set<string>();
    for (const p of group.copies) {
      for (const location of p.dependencies) {
        const dep = byLocation.get(location);
        if (dep === undefined) {
          throw new VetError(
            'E_INTERNAL',
            `${p.name}@${p.version} at "${p.location}" depends on "${location}", which is not in the resolved tree.`,
          );
        }
        targets.add(npmPurl(dep.name, dep.version));
      }
    }
    // A copy depending on another copy of the same name@version would be a self-edge after merging.
    targets.delete(group.purl);
    for (const target of [...targets].sort(byCodeUnit)) {
      const targetGroup = groups.get(target);
      // The library matches dependsOn by BomRef object identity, so it must be the target's own.
      if (targetGroup !== undefined) group.component.dependencies.add(targetGroup.component.bomRef);
    }
  }

  const rootGroup = groups.get(rootPurl);
  if (rootGroup === undefined)
    throw new VetError('E_INTERNAL', 'The root package is missing from its own tree.');
  const components = [...groups.values()]
    .filter((g) => g !== rootGroup)
    .sort((a, b) => byCodeUnit(a.purl, b.purl))
    .map((g) => g.component);

  const tool = new Models.Component(Enums.ComponentType.Application, opts.toolName ?? 'mcp-vet', {
    version: opts.toolVersion ?? ownPackageJson.version,
  });

  let timestamp: Date | undefined;
  if (!reproducible) {
    timestamp = (opts.now ?? (() => new Date()))();
    if (Number.isNaN(timestamp.getTime()))
      throw new VetError('E_INTERNAL', 'The SBOM clock returned an invalid date.');
  }

  const bom = new Models.Bom({
    serialNumber: reproducible ? undefined : `urn:uuid:${randomUUID()}`,
    metadata: new Models.Metadata({
      timestamp,
      tools: new Models.Tools({ components: new Models.ComponentRepository([tool]) }),
      component: rootGroup.component,
      properties: reproducible
        ? new Models.PropertyRepository([new Models.Property(PROP.reproducible, 'true')])
        : undefined,
    }),
    components: new Models.ComponentRepository(components),
  });

  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(spec));
  const document = JSON.parse(serializer.serialize(bom, { sortLists: false })) as {
    dependencies?: { ref: string }[];
  };
  // The library always emits the metadata component's graph entry first; sort the whole list so
  // it reads (and diffs) in one order with the components.
  document.dependencies?.sort((a, b) => byCodeUnit(a.ref, b.ref));
  return `${JSON.stringify(document, null, 2)}\n`;
}
