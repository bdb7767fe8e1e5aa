import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { describe, expect, it } from 'vitest';
import { VetError } from '../src/errors.js';
import type { ResolvedPackage, ResolvedTree } from '../src/model.js';
import {
  SPEC_VERSIONS,
  buildSbom,
  hashesFromIntegrity,
  normalizeRepositoryUrl,
  npmPurl,
} from '../src/sbom/cyclonedx.js';
import type { SbomOptions } from '../src/sbom/cyclonedx.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden', 'sbom-reproducible.cdx.json');

/** Stand-in tarball bytes per package; the integrity is derived from them the way the registry does. */
const tarballBytes = (id: string): Buffer => Buffer.from(`tarball of ${id}`);
const sri = (alg: 'sha512' | 'sha1', id: string): string =>
  `${alg}-${createHash(alg).update(tarballBytes(id)).digest('base64')}`;
const hex = (alg: 'sha512' | 'sha1', id: string): string =>
  createHash(alg).update(tarballBytes(id)).digest('hex');
const tgz = (name: string, version: string): string =>
  `https://registry.npmjs.org/${name}/-/${name.replace(/^@[^/]+\//, '')}-${version}.tgz`;

function pkg(
  name: string,
  version: string,
  location: string,
  extra: Partial<ResolvedPackage> = {},
): ResolvedPackage {
  const id = `${name}@${version}`;
  return {
    name,
    version,
    integrity: sri('sha512', id),
    resolved: tgz(name, version),
    location,
    path: ['@acme/mcp-server', name],
    optional: false,
    peer: false,
    bundled: false,
    fromShrinkwrap: false,
    license: 'MIT',
    dependencies: [],
    ...extra,
  };
}

const NM = 'node_modules';

/**
 * A small but realistic tree: scoped and unscoped names, `ms@2.1.3` both hoisted and bundled inside
 * `with-bundled` (one component, two locations), a bundled-only package without integrity, an
 * `npm:` alias, a platform-skipped optional package, an optional subtree, an sha1-only legacy
 * integrity, and license/repository strings in the shapes the registry really serves.
 */
function makeTree(): ResolvedTree {
  const root = pkg('@acme/mcp-server', '1.2.0', `${NM}/@acme/mcp-server`, {
    path: ['@acme/mcp-server'],
    repository: 'github:acme/mcp-server',
    homepage: 'https://github.com/acme/mcp-server#readme',
    description: 'An MCP server',
    dependencies: [
      `${NM}/@modelcontextprotocol/sdk`,
      `${NM}/debug`,
      `${NM}/strip-ansi-cjs`,
      `${NM}/fsevents`,
      `${NM}/bufferutil`,
      `${NM}/with-bundled`,
      `${NM}/proprietary-thing`,
    ],
  });
  const packages: ResolvedPackage[] = [
    pkg('@modelcontextprotocol/sdk', '1.12.0', `${NM}/@modelcontextprotocol/sdk`, {
      repository: 'git+https://github.com/modelcontextprotocol/typescript-sdk.git',
      homepage: 'https://modelcontextprotocol.io',
      dependencies: [`${NM}/zod`, `${NM}/debug`],
    }),
    pkg('bufferutil', '4.0.9', `${NM}/bufferutil`, {
      optional: true,
      dependencies: [`${NM}/node-gyp-build`],
    }),
    pkg('debug', '4.4.1', `${NM}/debug`, {
      repository: 'git://github.com/debug-js/debug.git',
      dependencies: [`${NM}/ms`],
    }),
    pkg('fsevents', '2.3.3', `${NM}/fsevents`, {
      optional: true,
      skipped: { reason: 'platform', detail: 'os ["darwin"] does not include "linux"' },
    }),
    pkg('isarray', '1.0.0', `${NM}/isarray`, { integrity: sri('sha1', 'isarray@1.0.0') }),
    pkg('ms', '2.1.3', `${NM}/ms`),
    pkg('node-gyp-build', '4.8.4', `${NM}/node-gyp-build`, { optional: true }),
    pkg('proprietary-thing', '0.1.0', `${NM}/proprietary-thing`, {
      license: 'SEE LICENSE IN LICENSE',
      deprecated: 'no longer maintained',
      repository: 'not a url at all',
      homepage: 'github.com/acme/proprietary-thing',
      dependencies: [`${NM}/isarray`],
    }),
    pkg('strip-ansi', '6.0.1', `${NM}/strip-ansi-cjs`, { alias: 'strip-ansi-cjs' }),
    pkg('with-bundled', '1.0.0', `${NM}/with-bundled`, {
      license: '(MIT OR Apache-2.0)',
      repository: 'acme/with-bundled',
      dependencies: [`${NM}/with-bundled/${NM}/left-pad`, `${NM}/with-bundled/${NM}/ms`],
    }),
    pkg('left-pad', '1.3.0', `${NM}/with-bundled/${NM}/left-pad`, {
      bundled: true,
      integrity: null,
      resolved: null,
      license: undefined,
    }),
    pkg('ms', '2.1.3', `${NM}/with-bundled/${NM}/ms`, { bundled: true, integrity: null, resolved: null }),
    pkg('zod', '3.25.76', `${NM}/zod`, { repository: 'colinhacks/zod' }),
  ];
  packages.sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0));
  return { root, packages, registry: 'https://registry.npmjs.org/', spec: '@acme/mcp-server@^1' };
}

interface CdxHash {
  alg: string;
  content: string;
}
interface CdxComponent {
  type: string;
  name: string;
  group?: string;
  version: string;
  'bom-ref': string;
  purl: string;
  scope?: string;
  hashes?: CdxHash[];
  licenses?: ({ expression: string } | { license: { id?: string; name?: string } })[];
  externalReferences?: { type: string; url: string; hashes?: CdxHash[] }[];
  properties?: { name: string; value: string }[];
}
interface CdxBom {
  specVersion: string;
  serialNumber?: string;
  metadata: {
    timestamp?: string;
    tools: { components: { name: string; version?: string }[] };
    component: CdxComponent;
    properties?: { name: string; value: string }[];
  };
  components: CdxComponent[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

const REPRO: SbomOptions = { reproducible: true, toolVersion: '0.0.0-test' };

const parse = (json: string): CdxBom => JSON.parse(json) as CdxBom;
const nameOf = (c: CdxComponent): string => `${c.group === undefined ? '' : `${c.group}/`}${c.name}`;
const idOf = (c: CdxComponent): string => `${nameOf(c)}@${c.version}`;

function component(bom: CdxBom, id: string): CdxComponent {
  const found = bom.components.find((c) => idOf(c) === id);
  if (found === undefined) throw new Error(`no component ${id}`);
  return found;
}
const props = (c: CdxComponent, name: string): string[] =>
  (c.properties ?? []).filter((p) => p.name === name).map((p) => p.value);

describe('buildSbom', () => {
  it('supports exactly 1.5, 1.6 and 1.7', () => {
    expect(SPEC_VERSIONS).toEqual(['1.5', '1.6', '1.7']);
  });

  for (const specVersion of SPEC_VERSIONS) {
    it(`validates against the official CycloneDX ${specVersion} JSON schema (strict)`, async () => {
      const validator = new Validation.JsonStrictValidator(specVersion as Spec.Version);
      for (const reproducible of [true, false]) {
        const json = buildSbom(makeTree(), { specVersion, reproducible });
        expect(parse(json).specVersion).toBe(specVersion);
        expect(await validator.validate(json)).toBeNull();
      }
    });
  }

  it('the schema validation used above does reject an invalid document', async () => {
    const bom = parse(buildSbom(makeTree(), REPRO)) as unknown as { components: { scope: string }[] };
    bom.components[0]!.scope = 'sometimes';
    const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);
    expect(await validator.validate(JSON.stringify(bom))).not.toBeNull();
  });

  it('defaults to spec 1.6', () => {
    expect(parse(buildSbom(makeTree(), REPRO)).specVersion).toBe('1.6');
  });

  it('rejects an unsupported spec version with E_USAGE', () => {
    const call = (): string => buildSbom(makeTree(), { specVersion: '1.4' as never });
    expect(call).toThrow(VetError);
    expect(call).toThrow(/Unsupported CycloneDX spec version "1\.4"; use one of 1\.5, 1\.6, 1\.7/);
    try {
      call();
    } catch (err) {
      expect((err as VetError).code).toBe('E_USAGE');
    }
  });

  it('reproducible: byte-identical across calls, no serialNumber or timestamp, 2-space JSON ending in \\n', () => {
    const a = buildSbom(makeTree(), REPRO);
    const b = buildSbom(makeTree(), { ...REPRO, now: () => new Date('2001-01-01T00:00:00Z') });
    expect(a).toBe(b);
    expect(a.endsWith('}\n')).toBe(true);
    expect(a.startsWith('{\n  "$schema": ')).toBe(true);
    const bom = parse(a);
    expect(bom).not.toHaveProperty('serialNumber');
    expect(bom.metadata).not.toHaveProperty('timestamp');
    expect(bom.metadata.properties).toEqual([{ name: 'cdx:reproducible', value: 'true' }]);
  });

  it('reproducible: does not depend on the order of tree.packages', () => {
    const tree = makeTree();
    const shuffled = { ...tree, packages: [...tree.packages].reverse() };
    expect(buildSbom(shuffled, REPRO)).toBe(buildSbom(tree, REPRO));
  });

  it('reproducible: lists are sorted', () => {
    const bom = parse(buildSbom(makeTree(), REPRO));
    const sorted = (xs: string[]): string[] => [...xs].sort();
    const refs = bom.components.map((c) => c['bom-ref']);
    expect(refs).toEqual(sorted(refs));
    const depRefs = bom.dependencies.map((d) => d.ref);
    expect(depRefs).toEqual(sorted(depRefs));
    for (const d of bom.dependencies) expect(d.dependsOn ?? []).toEqual(sorted(d.dependsOn ?? []));
    for (const c of [...bom.components, bom.metadata.component]) {
      const p = (c.properties ?? []).map((x) => `${x.name}\0${x.value}`);
      expect(p).toEqual(sorted(p));
      const r = (c.externalReferences ?? []).map((x) => `${x.type}\0${x.url}`);
      expect(r).toEqual(sorted(r));
    }
  });

  it('non-reproducible: random urn:uuid serialNumber and timestamp from opts.now', () => {
    const now = new Date('2025-06-01T12:34:56.789Z');
    const a = parse(buildSbom(makeTree(), { now: () => now }));
    const b = parse(buildSbom(makeTree(), { now: () => now }));
    expect(a.serialNumber).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(b.serialNumber).not.toBe(a.serialNumber);
    expect(a.metadata.timestamp).toBe('2025-06-01T12:34:56.789Z');
    expect(a.metadata).not.toHaveProperty('properties');
  });

  it('non-reproducible: timestamp defaults to the current time', () => {
    const before = Date.now();
    const { metadata } = parse(buildSbom(makeTree()));
    const ts = Date.parse(metadata.timestamp ?? '');
    expect(ts).toBeGreaterThanOrEqual(before);
    expect(ts).toBeLessThanOrEqual(Date.now());
  });

  it('metadata: the server is the application the BOM describes; mcp-vet is the tool', () => {
    const bom = parse(buildSbom(makeTree(), { ...REPRO, toolName: 'mcp-vet', toolVersion: '9.9.9' }));
    const root = bom.metadata.component;
    expect(root).toMatchObject({
      type: 'application',
      group: '@acme',
      name: 'mcp-server',
      version: '1.2.0',
      'bom-ref': 'pkg:npm/%40acme/mcp-server@1.2.0',
      purl: 'pkg:npm/%40acme/mcp-server@1.2.0',
      description: 'An MCP server',
    });
    expect(root).not.toHaveProperty('scope');
    expect(bom.metadata.tools.components).toEqual([
      { type: 'application', name: 'mcp-vet', version: '9.9.9' },
    ]);
    expect(bom.components.map(idOf)).not.toContain('@acme/mcp-server@1.2.0');
  });

  it('one component per distinct name@version of tree.packages, the root excluded', () => {
    const tree = makeTree();
    const bom = parse(buildSbom(tree, REPRO));
    const ids = bom.components.map(idOf);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(tree.packages.map((p) => `${p.name}@${p.version}`)));
    expect(ids).toHaveLength(12); // 13 locations, ms@2.1.3 at two of them
    for (const c of bom.components) {
      expect(c.type).toBe('library');
      expect(c['bom-ref']).toBe(c.purl);
    }
  });

  it('purls are canonical, qualifier-free, with the scope as group', () => {
    const bom = parse(buildSbom(makeTree(), REPRO));
    const sdk = component(bom, '@modelcontextprotocol/sdk@1.12.0');
    expect(sdk).toMatchObject({ group: '@modelcontextprotocol', name: 'sdk' });
    expect(sdk.purl).toBe('pkg:npm/%40modelcontextprotocol/sdk@1.12.0');
    expect(component(bom, 'zod@3.25.76').purl).toBe('pkg:npm/zod@3.25.76');
    // an alias is installed under another name, but the purl names what it really is
    expect(component(bom, 'strip-ansi@6.0.1').purl).toBe('pkg:npm/strip-ansi@6.0.1');
    for (const c of bom.components) expect(c.purl).not.toMatch(/[?#]/);
  });

  it('npmPurl: packageurl-js encoding, but the registry spelling of the name is kept', () => {
    expect(npmPurl('@acme/mcp-server', '1.2.0')).toBe('pkg:npm/%40acme/mcp-server@1.2.0');
    expect(npmPurl('JSONStream', '1.3.5')).toBe('pkg:npm/JSONStream@1.3.5');
    expect(npmPurl('a', '1.0.0-rc.1+build.5')).toBe('pkg:npm/a@1.0.0-rc.1+build.5');
  });

  it('dependsOn: the packages at the listed locations, for every component and the root', () => {
    const tree = makeTree();
    const bom = parse(buildSbom(tree, REPRO));
    const all = [tree.root, ...tree.packages];
    const idAt = new Map(all.map((p) => [p.location, `${p.name}@${p.version}`]));
    const expected = new Map<string, Set<string>>();
    for (const p of all) {
      const id = `${p.name}@${p.version}`;
      const deps = expected.get(id) ?? new Set<string>();
      for (const loc of p.dependencies) deps.add(idAt.get(loc) ?? `missing ${loc}`);
      expected.set(id, deps);
    }

    const idByRef = new Map([...bom.components, bom.metadata.component].map((c) => [c['bom-ref'], idOf(c)]));
    const actual = new Map<string, Set<string>>();
    for (const d of bom.dependencies) {
      actual.set(
        idByRef.get(d.ref) ?? `unknown ${d.ref}`,
        new Set((d.dependsOn ?? []).map((r) => idByRef.get(r) ?? `unknown ${r}`)),
      );
    }
    expect(actual).toEqual(expected);
    // leaves are present with no edges rather than left out
    expect(bom.dependencies.find((d) => d.ref === 'pkg:npm/zod@3.25.76')).toEqual({
      ref: 'pkg:npm/zod@3.25.76',
    });
    // both copies of ms lead to the same node
    const withBundled = bom.dependencies.find((d) => d.ref === 'pkg:npm/with-bundled@1.0.0');
    expect(withBundled?.dependsOn).toEqual(['pkg:npm/left-pad@1.3.0', 'pkg:npm/ms@2.1.3']);
    expect(bom.dependencies.find((d) => d.ref === 'pkg:npm/debug@4.4.1')?.dependsOn).toEqual([
      'pkg:npm/ms@2.1.3',
    ]);
  });

  it('a dependency location that is not in the tree is an internal error', () => {
    const tree = makeTree();
    tree.packages[0]!.dependencies.push(`${NM}/nowhere`);
    expect(() => buildSbom(tree, REPRO)).toThrow(
      expect.objectContaining({
        code: 'E_INTERNAL',
        message: expect.stringContaining('node_modules/nowhere'),
      }),
    );
  });

  it('hashes: hex digests decoded from the SRI integrity; none for bundled-only packages', () => {
    const bom = parse(buildSbom(makeTree(), REPRO));
    const zod = component(bom, 'zod@3.25.76');
    expect(zod.hashes).toEqual([{ alg: 'SHA-512', content: hex('sha512', 'zod@3.25.76') }]);
    expect(bom.metadata.component.hashes).toEqual([
      { alg: 'SHA-512', content: hex('sha512', '@acme/mcp-server@1.2.0') },
    ]);
    expect(component(bom, 'isarray@1.0.0').hashes).toEqual([
      { alg: 'SHA-1', content: hex('sha1', 'isarray@1.0.0') },
    ]);
    const leftPad = component(bom, 'left-pad@1.3.0');
    expect(leftPad).not.toHaveProperty('hashes');
    expect(leftPad).not.toHaveProperty('externalReferences');
    // ms is bundled at one location and fetched at the other: the fetched copy's integrity counts
    expect(component(bom, 'ms@2.1.3').hashes).toEqual([
      { alg: 'SHA-512', content: hex('sha512', 'ms@2.1.3') },
    ]);
  });

  it('hashesFromIntegrity handles sha512/384/256/1, multi-hash SRI, and ignores junk', () => {
    const bytes = Buffer.from('x');
    const b64 = (alg: string): string => createHash(alg).update(bytes).digest('base64');
    const h = (alg: string): string => createHash(alg).update(bytes).digest('hex');
    expect(
      Object.fromEntries(
        hashesFromIntegrity(`sha512-${b64('sha512')} sha1-${b64('sha1')}?opt sha256-${b64('sha256')}`),
      ),
    ).toEqual({ 'SHA-512': h('sha512'), 'SHA-1': h('sha1'), 'SHA-256': h('sha256') });
    expect(Object.fromEntries(hashesFromIntegrity(`sha384-${b64('sha384')}`))).toEqual({
      'SHA-384': h('sha384'),
    });
    expect(hashesFromIntegrity('md5-abc sha512-tooShort== nonsense').size).toBe(0);
  });

  it('licenses: SPDX id, SPDX expression, otherwise a named license; none when missing', () => {
    const bom = parse(buildSbom(makeTree(), REPRO));
    expect(component(bom, 'zod@3.25.76').licenses).toEqual([{ license: { id: 'MIT' } }]);
    expect(component(bom, 'with-bundled@1.0.0').licenses).toEqual([{ expression: '(MIT OR Apache-2.0)' }]);
    expect(component(bom, 'proprietary-thing@0.1.0').licenses).toEqual([
      { license: { name: 'SEE LICENSE IN LICENSE' } },
    ]);
    expect(component(bom, 'left-pad@1.3.0')).not.toHaveProperty('licenses');
  });

  it('externalReferences: distribution, normalized vcs, website; unusable values skipped', () => {
    const bom = parse(buildSbom(makeTree(), REPRO));
    const refs = (c: CdxComponent): Record<string, string> =>
      Object.fromEntries((c.externalReferences ?? []).map((r) => [r.type, r.url]));
    expect(refs(bom.metadata.component)).toEqual({
      distribution: 'https://registry.npmjs.org/@acme/mcp-server/-/mcp-server-1.2.0.tgz',
      vcs: 'https://github.com/acme/mcp-server',
      website: 'https://github.com/acme/mcp-server#readme',
    });
    expect(refs(component(bom, '@modelcontextprotocol/sdk@1.12.0'))).toMatchObject({
      vcs: 'https://github.com/modelcontextprotocol/typescript-sdk',
      website: 'https://modelcontextprotocol.io/',
    });
    expect(refs(component(bom, 'zod@3.25.76')).vcs).toBe('https://github.com/colinhacks/zod');
    expect(refs(component(bom, 'debug@4.4.1')).vcs).toBe('https://github.com/debug-js/debug');
    expect(refs(component(bom, 'proprietary-thing@0.1.0'))).toEqual({
      distribution: tgz('proprietary-thing', '0.1.0'),
    });
    const dist = component(bom, 'zod@3.25.76').externalReferences?.find((r) => r.type === 'distribution');
    expect(dist?.hashes).toEqual([{ alg: 'SHA-512', content: hex('sha512', 'zod@3.25.76') }]);
    for (const c of [...bom.components, bom.metadata.component]) {
      for (const r of c.externalReferences ?? []) expect(() => new URL(r.url)).not.toThrow();
    }
  });

  it('normalizeRepositoryUrl', () => {
    const cases: [string, string | undefined][] = [
      ['owner/repo', 'https://github.com/owner/repo'],
      ['github:owner/repo', 'https://github.com/owner/repo'],
      ['gitlab:owner/repo#main', 'https://gitlab.com/owner/repo'],
      ['bitbucket:owner/repo', 'https://bitbucket.org/owner/repo'],
      ['gist:11081aaa281', 'https://gist.github.com/11081aaa281'],
      ['git+https://github.com/owner/repo.git', 'https://github.com/owner/repo'],
      ['git+ssh://git@github.com/owner/repo.git', 'https://github.com/owner/repo'],
      ['git@github.com:owner/repo.git', 'https://github.com/owner/repo'],
      [
        'https://github.com/owner/repo/tree/main/packages/x',
        'https://github.com/owner/repo/tree/main/packages/x',
      ],
      ['git+https://git.example.com/team/repo.git', 'https://git.example.com/team/repo.git'],
      ['git@git.example.com:team/repo.git', 'git+ssh://git@git.example.com/team/repo.git'],
      ['svn://svn.example.com/repo', 'svn://svn.example.com/repo'],
      ['https://user:token@git.example.com/repo.git', 'https://git.example.com/repo.git'],
      ['not a url at all', undefined],
      ['', undefined],
    ];
    for (const [input, output] of cases)
      expect([input, normalizeRepositoryUrl(input)]).toEqual([input, output]);
  });

  it('scope and properties: optional, skipped, bundled, alias, deprecated, install paths', () => {
    const bom = parse(buildSbom(makeTree(), REPRO));
    expect(component(bom, 'zod@3.25.76').scope).toBe('required');
    expect(component(bom, 'bufferutil@4.0.9').scope).toBe('optional');
    expect(component(bom, 'node-gyp-build@4.8.4').scope).toBe('optional');

    const fsevents = component(bom, 'fsevents@2.3.3');
    expect(fsevents.scope).toBe('excluded');
    expect(props(fsevents, 'mcp-vet:skipped')).toEqual(['os ["darwin"] does not include "linux"']);

    const leftPad = component(bom, 'left-pad@1.3.0');
    expect(props(leftPad, 'cdx:npm:package:bundled')).toEqual(['true']);
    expect(props(leftPad, 'cdx:npm:package:path')).toEqual([
      'node_modules/with-bundled/node_modules/left-pad',
    ]);

    const ms = component(bom, 'ms@2.1.3');
    expect(ms.scope).toBe('required');
    expect(props(ms, 'cdx:npm:package:bundled')).toEqual(['true']);
    expect(props(ms, 'cdx:npm:package:path')).toEqual([
      'node_modules/ms',
      'node_modules/with-bundled/node_modules/ms',
    ]);

    expect(props(component(bom, 'strip-ansi@6.0.1'), 'mcp-vet:alias')).toEqual(['strip-ansi-cjs']);
    expect(props(component(bom, 'proprietary-thing@0.1.0'), 'mcp-vet:deprecated')).toEqual([
      'no longer maintained',
    ]);

    const zod = component(bom, 'zod@3.25.76');
    for (const name of [
      'cdx:npm:package:bundled',
      'mcp-vet:alias',
      'mcp-vet:deprecated',
      'mcp-vet:skipped',
    ]) {
      expect(props(zod, name)).toEqual([]);
    }
  });

  it('a skipped copy does not exclude a name@version that is installed elsewhere', () => {
    const tree = makeTree();
    tree.packages.push(
      pkg('zod', '3.25.76', `${NM}/bufferutil/${NM}/zod`, {
        optional: true,
        skipped: { reason: 'platform', detail: 'cpu ["arm64"] does not include "x64"' },
      }),
    );
    const zod = component(parse(buildSbom(tree, REPRO)), 'zod@3.25.76');
    expect(zod.scope).toBe('required');
    expect(props(zod, 'mcp-vet:skipped')).toEqual([]);
  });

  it('matches the golden file byte for byte (MCP_VET_UPDATE_GOLDEN=1 to regenerate)', async () => {
    const json = buildSbom(makeTree(), REPRO);
    if (process.env.MCP_VET_UPDATE_GOLDEN === '1') {
      await mkdir(dirname(GOLDEN), { recursive: true });
      await writeFile(GOLDEN, json);
    }
    const golden = await readFile(GOLDEN, 'utf8').catch(() => {
      throw new Error(`${GOLDEN} is missing; run with MCP_VET_UPDATE_GOLDEN=1 to create it`);
    });
    expect(json).toBe(golden);
  });
});
