import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistry, type TestRegistry } from './helpers/registry.js';
import { startVerdaccio, type VerdaccioHandle } from './helpers/verdaccio.js';

const run = promisify(execFile);
const CLI = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist', 'cli.js');

const fixture = fileURLToPath(new URL('./fixtures/private/@private/mcp-secret-server/', import.meta.url));

interface Packument {
  name?: string;
  'dist-tags'?: Record<string, string>;
  versions?: Record<
    string,
    { dependencies?: Record<string, string>; dist?: { integrity?: string; tarball?: string } }
  >;
}

describe('verdaccio test registry (loopback, authenticated)', () => {
  let reg: VerdaccioHandle;

  beforeAll(async () => {
    reg = await startVerdaccio();
    await reg.publish(fixture);
  }, 45_000);

  afterAll(async () => {
    await reg?.close();
  });

  it('listens on 127.0.0.1 and hands out a token', () => {
    expect(reg.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(reg.token.length).toBeGreaterThan(10);
  });

  it('serves the published private package to an authenticated client', async () => {
    const res = await fetch(`${reg.url}@private%2fmcp-secret-server`, {
      headers: { authorization: `Bearer ${reg.token}`, accept: 'application/json' },
    });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Packument;
    expect(doc.name).toBe('@private/mcp-secret-server');
    expect(doc['dist-tags']?.latest).toBe('1.0.0');
    const v = doc.versions?.['1.0.0'];
    expect(v?.dependencies).toEqual({ 'fx-tiny': '^1.0.0' });
    expect(v?.dist?.integrity).toMatch(/^sha512-/);
    expect(v?.dist?.tarball).toMatch(new RegExp(`^${reg.url.replace(/[.]/g, '\\.')}`));

    // The tarball is behind auth too, and matches the advertised integrity.
    const tgz = await fetch(v!.dist!.tarball!, { headers: { authorization: `Bearer ${reg.token}` } });
    expect(tgz.status).toBe(200);
    const { createHash } = await import('node:crypto');
    const digest = createHash('sha512')
      .update(Buffer.from(await tgz.arrayBuffer()))
      .digest('base64');
    expect(v?.dist?.integrity).toBe(`sha512-${digest}`);
  });

  it('refuses anonymous and bad-token access', async () => {
    const anon = await fetch(`${reg.url}@private%2fmcp-secret-server`, {
      headers: { accept: 'application/json' },
    });
    expect([401, 403]).toContain(anon.status);
    await anon.arrayBuffer();

    const bad = await fetch(`${reg.url}@private%2fmcp-secret-server`, {
      headers: { authorization: 'Bearer not-a-real-token', accept: 'application/json' },
    });
    expect([401, 403]).toContain(bad.status);
    await bad.arrayBuffer();
  });

  it('has no uplinks: unknown public packages are not proxied', async () => {
    const res = await fetch(`${reg.url}left-pad`, {
      headers: { authorization: `Bearer ${reg.token}`, accept: 'application/json' },
    });
    expect(res.status).toBe(404);
    await res.arrayBuffer();
  });
});

describe('mcp-vet against a private Verdaccio (scoped, token from .npmrc) and a public registry', () => {
  let reg: VerdaccioHandle;
  let pub: TestRegistry;
  let work: string;

  beforeAll(async () => {
    [reg, pub] = await Promise.all([
      startVerdaccio(),
      startRegistry({ packagesDir: fileURLToPath(new URL('./fixtures/packages/', import.meta.url)) }),
    ]);
    await reg.publish(fixture);
    work = await mkdtemp(join(tmpdir(), 'mcp-vet-verdaccio-'));
    // the project .npmrc a user would commit: the token itself comes from the environment
    const host = new URL(reg.url).host;
    await writeFile(
      join(work, '.npmrc'),
      `registry=${pub.url}\n@private:registry=${reg.url}\n//${host}/:_authToken=\${VERDACCIO_TOKEN}\n`,
    );
    await writeFile(join(work, 'empty-npmrc'), '');
  }, 60_000);

  afterAll(async () => {
    await Promise.all([reg?.close(), pub?.close()]);
    if (work) await rm(work, { recursive: true, force: true, maxRetries: 5 });
  });

  const vet = (env: NodeJS.ProcessEnv, cache: string) =>
    run(
      process.execPath,
      [
        CLI,
        'vet',
        '@private/mcp-secret-server@^1',
        '--format',
        'json',
        '--userconfig',
        'empty-npmrc',
        '--cache-dir',
        cache,
        '--osv-db',
        fileURLToPath(new URL('./fixtures/osv/records', import.meta.url)),
      ],
      { cwd: work, env: { PATH: process.env.PATH, HOME: work, ...env } },
    );

  it('resolves the scoped server from Verdaccio with the token and its unscoped dependency from the other registry', async () => {
    const { stdout } = await vet({ VERDACCIO_TOKEN: reg.token }, 'cache-ok');
    const report = JSON.parse(stdout) as {
      decision: string;
      servers: {
        package: { name: string; version: string; integrity: string };
        dependencies: { name: string; version: string }[];
        registry: string;
      }[];
    };
    expect(report.decision).toBe('approve');
    const server = report.servers[0]!;
    expect(server.package).toMatchObject({ name: '@private/mcp-secret-server', version: '1.0.0' });
    expect(server.package.integrity).toMatch(/^sha512-/);
    expect(server.registry).toBe(reg.url);
    expect(server.dependencies.map((d) => `${d.name}@${d.version}`)).toEqual(['fx-tiny@1.1.0']);
    // the public registry served fx-tiny (packument and tarball) and was never asked for the private scope
    expect(pub.requests.some((r) => r.path === '/fx-tiny')).toBe(true);
    expect(pub.requests.some((r) => r.path.endsWith('.tgz'))).toBe(true);
    expect(pub.requests.some((r) => r.path.includes('private'))).toBe(false);
    expect(pub.requests.every((r) => !r.authorization)).toBe(true); // the token never leaves its registry
  }, 60_000);

  it('without the token: a one-line error naming the variable', async () => {
    const err = (await vet({}, 'cache-none').catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(2);
    expect(err.stderr).toContain('VERDACCIO_TOKEN');
  }, 60_000);

  it('with a wrong token: E_AUTH telling where to put a token', async () => {
    const err = (await vet({ VERDACCIO_TOKEN: 'wrong' }, 'cache-wrong').catch((e: unknown) => e)) as {
      code: number;
      stderr: string;
    };
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/E_AUTH.*_authToken/);
  }, 60_000);
});
