// A read-only npm registry on 127.0.0.1 serving a folder: packuments/<name with %2f>.json and
// tarballs/<name with %2f>/<version>.tgz. Tarball URLs are made absolute for the port it got.
// Used by `npm run demo`; needs nothing but Node.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';

export async function serveFolder(dir) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    try {
      const tgz = /^\/((?:@[^/]+\/)?[^/@]+)\/-\/([^/]+)\.tgz$/.exec(path);
      if (tgz) {
        // <basename>-<version>.tgz, where basename is the name without its scope
        const version = tgz[2].slice(tgz[1].split('/').pop().length + 1);
        const body = await readFile(join(dir, 'tarballs', tgz[1].replace('/', '%2f'), `${version}.tgz`));
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
        return res.end(body);
      }
      const name = path.slice(1);
      if (!/^(@[^/]+\/)?[^/@]+$/.test(name)) throw Object.assign(new Error('no route'), { code: 'ENOENT' });
      const doc = JSON.parse(
        await readFile(join(dir, 'packuments', `${name.replace('/', '%2f')}.json`), 'utf8'),
      );
      const base = `http://127.0.0.1:${server.address().port}`;
      for (const v of Object.values(doc.versions)) v.dist.tarball = base + v.dist.tarball;
      const body = JSON.stringify(doc);
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' });
      return res.end(body);
    } catch (err) {
      res.writeHead(err.code === 'ENOENT' ? 404 : 500, { 'content-type': 'application/json' });
      res.end('{"error":"Not found"}');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
