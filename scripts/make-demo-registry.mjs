#!/usr/bin/env node
// Builds demo/registry/ — the packages `npm run demo` serves offline — from a recorded
// registry snapshot (a folder laid out like a bench registry: index.json, packuments/,
// tarballs/). Keeps only the versions in the recorded tree of each spec, so the demo resolves
// exactly the tree npm recorded, and writes everything in a stable order.
//
//   node scripts/make-demo-registry.mjs --snapshot ../shared/bench-registry mcp-remote@0.15.1
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

const { values, positionals } = parseArgs({
  options: { snapshot: { type: 'string' }, out: { type: 'string', default: 'demo/registry' } },
  allowPositionals: true,
});
if (!values.snapshot || !positionals.length) {
  console.error('usage: make-demo-registry.mjs --snapshot DIR [--out DIR] SPEC...');
  process.exit(2);
}
const index = JSON.parse(await readFile(join(values.snapshot, 'index.json'), 'utf8'));
const wanted = new Map(); // name -> Set(version)
for (const spec of positionals) {
  const rec = index.specs.find((s) => s.spec === spec);
  if (!rec)
    throw new Error(`${spec} is not in the snapshot (have: ${index.specs.map((s) => s.spec).join(', ')})`);
  for (const nv of rec.tree) {
    const at = nv.lastIndexOf('@');
    const name = nv.slice(0, at);
    if (!wanted.has(name)) wanted.set(name, new Set());
    wanted.get(name).add(nv.slice(at + 1));
  }
}
await rm(values.out, { recursive: true, force: true });
const KEEP = [
  'name',
  'version',
  'description',
  'license',
  'repository',
  'homepage',
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bundleDependencies',
  'os',
  'cpu',
  'libc',
  'engines',
  'deprecated',
  'bin',
  'scripts',
  '_hasShrinkwrap',
  'dist',
];
for (const name of [...wanted.keys()].sort()) {
  const file = name.replace('/', '%2f');
  const raw = JSON.parse(
    gunzipSync(await readFile(join(values.snapshot, 'packuments', 'abbreviated', `${file}.json.gz`))),
  );
  const versions = {};
  for (const v of [...wanted.get(name)].sort()) {
    const doc = raw.versions[v];
    const slim = {};
    for (const k of KEEP) if (doc[k] !== undefined) slim[k] = doc[k];
    slim.dist = {
      integrity: doc.dist.integrity,
      shasum: doc.dist.shasum,
      tarball: `/${name}/-/${name.split('/').pop()}-${v}.tgz`,
    };
    versions[v] = slim;
  }
  const tags = {};
  for (const [tag, v] of Object.entries(raw['dist-tags'] ?? {})) if (versions[v]) tags[tag] = v;
  if (!tags.latest) tags.latest = Object.keys(versions).pop();
  await mkdir(join(values.out, 'packuments'), { recursive: true });
  await writeFile(
    join(values.out, 'packuments', `${file}.json`),
    `${JSON.stringify({ name, 'dist-tags': tags, versions }, null, 1)}\n`,
  );
  for (const v of Object.keys(versions)) {
    const dir = join(values.out, 'tarballs', file);
    await mkdir(dir, { recursive: true });
    await copyFile(join(values.snapshot, 'tarballs', file, `${v}.tgz`), join(dir, `${v}.tgz`));
  }
}
console.log(`wrote ${wanted.size} packages to ${values.out}`);
