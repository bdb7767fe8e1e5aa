/**
 * Vitest global setup: bundle the CLI once per test run, so the end-to-end tests in
 * test/cli.test.ts always exercise the current source rather than a stale dist/.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
}
