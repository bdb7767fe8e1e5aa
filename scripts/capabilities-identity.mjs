#!/usr/bin/env node
// Proves that a change to the capability analysis kept its output: dumps the permission surface
// (`servers[].permissions`), the capability findings and every package's full cached analysis for
// real server trees served from a recorded registry snapshot, and compares two dumps.
//
//   node scripts/capabilities-identity.mjs --snapshot DIR --out before.json [--cli dist/cli.js]
//   node scripts/capabilities-identity.mjs --snapshot DIR --out after.json --compare before.json
//
// Needs a built CLI (`npm run build`); `--cli` points at another build (e.g. a copy of dist/ made
// before the change). The analyzer version string is left out of the comparison: bumping it is
// expected. Exits 1 when --compare finds a difference, naming the first ones.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exec, isolatedEnv, startSnapshot } from './lib/procs.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SPECS = ['@modelcontextprotocol/server-filesystem@2026.8.31', 'mcp-remote@0.15.1'];
const CAP_RULES =
  /^(?:obfuscated-code|unanalysed-code|dependency-(?:shell|native-code|network|dynamic-code))$/;

const { values } = parseArgs({
  options: {
    snapshot: { type: 'string' },
    out: { type: 'string' },
    compare: { type: 'string' },
    cli: { type: 'string', default: join(ROOT, 'dist', 'cli.js') },
  },
});
if (!values.snapshot || !values.out) {
  process.stderr.write(
    'usage: node scripts/capabilities-identity.mjs --snapshot DIR --out FILE [--compare FILE] [--cli dist/cli.js]\n',
  );
  process.exit(2);
}

const work = await mkdtemp(join(tmpdir(), 'mcp-vet-capid-'));
const server = await startSnapshot(values.snapshot);
try {
  const registry = server.url;
  const userconfig = join(work, 'user.npmrc');
  await writeFile(userconfig, '');
  const env = isolatedEnv();

  const dump = {};
  for (const spec of SPECS) {
    const cacheDir = join(work, `cache-${SPECS.indexOf(spec)}`);
    const args = [values.cli, 'vet', spec, '--registry', registry, '--cache-dir', cacheDir];
    const r = await exec(
      process.execPath,
      [...args, '--userconfig', userconfig, '--format', 'json', '--no-vulns', '--no-introspect'],
      env,
    );
    if (r.code !== 0 && r.code !== 1) throw new Error(`mcp-vet failed for ${spec} (${r.code}): ${r.stderr}`);
    const report = JSON.parse(r.stdout);
    const packages = {};
    const capDir = join(cacheDir, 'capabilities');
    for (const f of (await readdir(capDir)).sort()) {
      const a = JSON.parse(await readFile(join(capDir, f), 'utf8'));
      delete a.analyzer;
      packages[f] = a;
    }
    dump[spec] = {
      permissions: report.servers.map((s) => s.permissions),
      findings: report.servers.flatMap((s) => (s.findings ?? []).filter((x) => CAP_RULES.test(x.rule))),
      packages,
    };
    const p = dump[spec].permissions[0];
    process.stdout.write(
      `${spec}: ${Object.keys(packages).length} packages analysed, ${p.analysis.files} files, ` +
        `${Object.keys(p.capabilities).length} capabilities, ${dump[spec].findings.length} capability findings\n`,
    );
  }
  await writeFile(values.out, JSON.stringify(dump, null, 1) + '\n');

  if (values.compare) {
    const before = JSON.parse(await readFile(values.compare, 'utf8'));
    const diffs = [];
    const walk = (a, b, at) => {
      if (diffs.length >= 20) return;
      if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
        diffs.push(`${at}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`);
      } else if (a && typeof a === 'object') {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        for (const k of keys) walk(a[k], b[k], `${at}.${k}`);
      } else if (a !== b) {
        diffs.push(`${at}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`);
      }
    };
    walk(before, dump, '$');
    if (diffs.length) {
      process.stdout.write(`DIFFERENT from ${values.compare}:\n${diffs.map((d) => `  ${d}`).join('\n')}\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write(
        `identical to ${values.compare} (permissions, capability findings, per-package analyses)\n`,
      );
    }
  }
} finally {
  await server.close();
  await rm(work, { recursive: true, force: true });
}
