#!/usr/bin/env node
// `npm run bench`: every benchmark, one after the other, each in its own process so one's memory
// and caches can't flatter another's numbers. Nothing here talks to the internet.
//
//   npm run bench -- [--snapshot DIR | --registry URL] [--sections resolve,osv,tools,capabilities,introspect]
//
//   resolve       mcp-vet vs npm + cyclonedx-npm on five real servers' trees (needs --snapshot/--registry)
//   osv           250-package tree vs a 10,000-record offline OSV database; querybatch request count
//   tools         tool-poisoning detection: precision/recall per attack class on the labelled corpus
//   capabilities  static capability analysis of server-filesystem's tree (needs --snapshot/--registry)
//   introspect    sandboxed introspection time of a stdio server (fixture server; offline)
//
// A snapshot is a recorded registry, e.g. the bench-registry folder shipped beside this repo.
// Exit status: 1 when a benchmark failed to run, else 0 (slow numbers are reported, not failed).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const ALL = ['resolve', 'osv', 'tools', 'capabilities', 'introspect'];

const { values } = parseArgs({
  options: {
    snapshot: { type: 'string' },
    registry: { type: 'string' },
    sections: { type: 'string' },
    runs: { type: 'string' },
  },
  strict: true,
});
const sections = values.sections ? values.sections.split(',').map((s) => s.trim()) : ALL;
for (const s of sections) {
  if (!ALL.includes(s)) {
    console.error(`bench: unknown section "${s}" (sections: ${ALL.join(', ')})`);
    process.exit(2);
  }
}
if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('bench: dist/cli.js is missing; run `npm run build` first');
  process.exit(2);
}
const source = values.snapshot
  ? ['--snapshot', resolve(values.snapshot)]
  : values.registry
    ? ['--registry', values.registry]
    : null;
const runs = values.runs ? ['--runs', values.runs] : [];

const plan = {
  resolve: source && [join(root, 'scripts', 'bench.mjs'), ...source, ...runs],
  osv: [join(here, 'osv.mjs'), ...runs],
  tools: [join(here, 'tools.mjs')],
  capabilities: source && [join(here, 'capabilities.mjs'), ...source, ...runs],
  introspect: [join(here, 'introspect.mjs'), '--offline', ...runs],
};

let failed = false;
for (const s of sections) {
  console.log(`\n━━ ${s} ${'━'.repeat(Math.max(0, 74 - s.length))}`);
  const args = plan[s];
  if (!args) {
    console.log(`skipped: needs --snapshot DIR (a recorded registry) or --registry URL`);
    continue;
  }
  const code = await new Promise((res) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', cwd: root });
    child.on('close', (c) => res(c ?? 1));
  });
  if (code !== 0) {
    failed = true;
    console.log(`(${s} exited with ${code})`);
  }
}
process.exit(failed ? 1 : 0);
