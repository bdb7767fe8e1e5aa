/**
 * `npm run demo` is one of the README's two set-up commands: it must work from a fresh clone,
 * offline. Runs it as a user would and checks that it vets the committed snapshot.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('npm run demo vets the bundled snapshot offline: approves one server, rejects one on a real advisory', async () => {
  const root = resolve(__dirname, '..');
  const { stdout, stderr } = await run(process.execPath, ['scripts/demo.mjs'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: root, NO_COLOR: '1' },
  });
  expect(stderr).not.toContain('mcp-vet:');
  expect(stdout, `stderr: ${stderr}`).toContain('✔ APPROVE  mcp-remote@0.15.1');
  expect(stdout).toContain('84 packages');
  expect(stdout).toContain('84 tarballs downloaded and verified');
  expect(stdout).toContain('✘ REJECT  @modelcontextprotocol/server-github@2025.4.8');
  expect(stdout).toContain(
    'HIGH     vulnerability: @modelcontextprotocol/sdk@1.0.1 is affected by GHSA-8r9q-7v3j-jr4g',
  );
  expect(stdout).toContain('(exit 1: reject;');
}, 60_000);
