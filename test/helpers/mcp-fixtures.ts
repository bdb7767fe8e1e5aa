/**
 * Fixture MCP servers (test/fixtures/mcp-servers/*.js) as npm packages for the loopback registry:
 * each package is `fx-mcp-<name>@1.0.0` with one `bin` file, `server.js` = the shared hand-written
 * JSON-RPC core (_mini-mcp.js) + the fixture's own script, with `__VAR__` placeholders filled in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FixtureVersion } from './registry.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'mcp-servers');

export interface McpFixtureOptions {
  vars?: Record<string, string>;
  /** Extra package.json fields. */
  manifest?: Record<string, unknown>;
  /** Extra files (server.json, manifest.json, …). */
  files?: Record<string, string>;
  version?: string;
}

export function mcpFixture(
  name: string,
  o: McpFixtureOptions = {},
): Record<string, Record<string, FixtureVersion>> {
  let script = readFileSync(path.join(DIR, `${name}.js`), 'utf8');
  for (const [k, v] of Object.entries(o.vars ?? {})) script = script.split(`__${k}__`).join(v);
  const core = readFileSync(path.join(DIR, '_mini-mcp.js'), 'utf8');
  const pkg = `fx-mcp-${name}`;
  return {
    [pkg]: {
      [o.version ?? '1.0.0']: {
        files: { 'server.js': `#!/usr/bin/env node\n${core}\n${script}`, ...o.files },
        manifest: { bin: { [pkg]: 'server.js' }, ...o.manifest },
      },
    },
  };
}
