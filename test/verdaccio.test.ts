import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVerdaccio, type VerdaccioHandle } from './helpers/verdaccio.js';

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
