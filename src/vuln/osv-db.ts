/**
 * An offline OSV database as a vulnerability source: a directory of OSV JSON records (searched
 * recursively, e.g. a checkout of github/advisory-database or an unpacked dump) or the
 * per-ecosystem `all.zip` that osv.dev publishes (https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip).
 *
 * The database is read once per run and indexed by npm package name; only records with an npm
 * `affected` entry are kept. A corrupt zip or an unreadable directory fails the check (closed);
 * a single record that isn't valid OSV JSON is skipped with a warning that names it.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { VetError } from '../errors.js';
import { errorMessage } from '../registry/http.js';
import { limiter } from '../util/limit.js';
import { npmPackagesOf, parseOsvRecord, type OsvRecord } from './osv.js';
import type { PackageQuery, SourceResult, VulnSource } from './source.js';
import type * as yauzlTypes from 'yauzl';

/** A single record larger than this is not an honest advisory. */
const MAX_RECORD_BYTES = 8 * 1024 * 1024;
/** Uncompressed total of a zip: npm's all.zip is a few hundred MiB unpacked. */
const MAX_ZIP_TOTAL_BYTES = 4 * 1024 * 1024 * 1024;

export interface DbIndex {
  byName: Map<string, OsvRecord[]>;
  records: number;
  warnings: string[];
}

export class OsvDbSource implements VulnSource {
  readonly kind = 'osv-db' as const;
  readonly location: string;
  private index: Promise<DbIndex> | undefined;

  constructor(path: string) {
    this.location = path;
  }

  /** Loads (once) and returns the index. */
  load(): Promise<DbIndex> {
    this.index ??= loadDb(this.location);
    return this.index;
  }

  async query(packages: PackageQuery[]): Promise<SourceResult> {
    const db = await this.load();
    const out: SourceResult = { records: new Map(), warnings: [...db.warnings] };
    for (const p of packages) {
      const list = db.byName.get(p.name);
      if (list?.length) out.records.set(`${p.name}@${p.version}`, list);
    }
    return out;
  }
}

async function loadDb(path: string): Promise<DbIndex> {
  let st;
  try {
    st = await stat(path);
  } catch (err) {
    throw new VetError(
      'E_USAGE',
      `--osv-db ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : errorMessage(err)}; pass a directory of OSV JSON records or osv.dev's npm all.zip`,
    );
  }
  const index: DbIndex = { byName: new Map(), records: 0, warnings: [] };
  const bad: string[] = [];
  const add = (name: string, text: string): void => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      bad.push(`${name} (not JSON: ${errorMessage(err).slice(0, 80)})`);
      return;
    }
    const record = parseOsvRecord(raw);
    if (typeof record === 'string') {
      bad.push(`${name} (${record})`);
      return;
    }
    index.records++;
    for (const pkg of npmPackagesOf(record)) {
      const list = index.byName.get(pkg);
      if (list) list.push(record);
      else index.byName.set(pkg, [record]);
    }
  };
  if (st.isDirectory()) await readDirectory(path, add);
  else if (st.isFile()) await readZip(path, add);
  else throw new VetError('E_USAGE', `--osv-db ${path} is neither a directory nor a file`);
  if (bad.length) {
    index.warnings.push(
      `${bad.length} file${bad.length === 1 ? '' : 's'} in the OSV database ${path} could not be read as OSV records and were skipped: ${bad.slice(0, 5).join('; ')}${bad.length > 5 ? '; …' : ''}`,
    );
  }
  // deterministic order regardless of directory or zip order
  for (const list of index.byName.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return index;
}

async function readDirectory(root: string, add: (name: string, text: string) => void): Promise<void> {
  let files: string[];
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    files = entries
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
  } catch (err) {
    throw new VetError(
      'E_VULN_SOURCE',
      `the OSV database directory ${root} could not be read: ${errorMessage(err)}`,
    );
  }
  if (!files.length) {
    throw new VetError(
      'E_VULN_SOURCE',
      `the OSV database directory ${root} holds no .json records; an empty database would approve everything`,
    );
  }
  files.sort();
  const limit = limiter(32);
  await Promise.all(
    files.map((file) =>
      limit(async () => {
        const rel = relative(root, file);
        try {
          const st = await stat(file);
          if (st.size > MAX_RECORD_BYTES) {
            add(rel, '"too large"');
            return;
          }
          add(rel, await readFile(file, 'utf8'));
        } catch (err) {
          add(rel, `unreadable: ${errorMessage(err)}`);
        }
      }),
    ),
  );
}

type Yauzl = typeof yauzlTypes;
let yauzlMod: Yauzl | undefined;

async function readZip(path: string, add: (name: string, text: string) => void): Promise<void> {
  yauzlMod ??= (await import('yauzl')).default as unknown as Yauzl;
  const yauzl = yauzlMod;
  const corrupt = (why: string): VetError =>
    new VetError(
      'E_VULN_SOURCE',
      `the OSV database ${path} is not a readable zip (${why}); download osv.dev's npm all.zip again`,
    );
  // cheap sniff first: a zip starts with "PK"
  const head = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    createReadStream(path, { start: 0, end: 3 })
      .on('data', (c) => chunks.push(c as Buffer))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
  }).catch((err: unknown) => {
    throw corrupt(errorMessage(err));
  });
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b) {
    throw corrupt('it does not start with a zip signature; pass a directory of records or a .zip');
  }
  await new Promise<void>((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(corrupt(errorMessage(err)));
      let total = 0;
      let count = 0;
      let done = false;
      const fail = (e: VetError): void => {
        if (done) return;
        done = true;
        zip.close();
        reject(e);
      };
      zip.on('error', (e: unknown) => fail(corrupt(errorMessage(e))));
      zip.on('end', () => {
        if (done) return;
        done = true;
        if (!count) reject(corrupt('it holds no .json records'));
        else resolve();
      });
      zip.on('entry', (entry: yauzlTypes.Entry) => {
        if (done) return;
        if (!entry.fileName.endsWith('.json')) return zip.readEntry();
        if (entry.uncompressedSize > MAX_RECORD_BYTES) {
          add(entry.fileName, '"too large"');
          return zip.readEntry();
        }
        total += entry.uncompressedSize;
        if (total > MAX_ZIP_TOTAL_BYTES) return fail(corrupt('it unpacks to more than 4 GiB'));
        zip.openReadStream(entry, (e2, stream) => {
          if (e2 || !stream) return fail(corrupt(`${entry.fileName}: ${errorMessage(e2)}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', (e3: unknown) => fail(corrupt(`${entry.fileName}: ${errorMessage(e3)}`)));
          stream.on('end', () => {
            count++;
            add(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
