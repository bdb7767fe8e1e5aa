/**
 * The reference resolver: the real npm, `npm install <spec> --package-lock-only --omit=dev`, in
 * an empty project, returning the name@version set of its lockfile (aliases by their real name).
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function resolveWithNpm(
  spec: string,
  dir: string,
  registry: string,
  opts: { isolated?: boolean } = {},
): Promise<Set<string>> {
  await writeFile(join(dir, 'package.json'), '{}');
  const args = [
    'install',
    spec,
    '--package-lock-only',
    '--omit=dev',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    '--no-update-notifier',
    '--loglevel=error',
    '--registry',
    registry,
    '--cache',
    join(dir, '.npm-cache'),
  ];
  let env: NodeJS.ProcessEnv = process.env;
  if (opts.isolated) {
    // no personal npmrc, no npm_config_* from the environment
    await writeFile(join(dir, '.npmrc-empty'), '');
    args.push('--userconfig', join(dir, '.npmrc-empty'));
    env = { PATH: process.env.PATH, HOME: dir };
  }
  await run('npm', args, { cwd: dir, env });
  const lock = JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { name?: string; version?: string }>;
  };
  const set = new Set<string>();
  for (const [loc, entry] of Object.entries(lock.packages)) {
    if (!loc) continue;
    const name = entry.name ?? loc.slice(loc.lastIndexOf('node_modules/') + 'node_modules/'.length);
    set.add(`${name}@${entry.version}`);
  }
  return set;
}
