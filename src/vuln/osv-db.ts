/**
 * An offline OSV database as a vulnerability source: a directory of OSV JSON records (searched
 * recursively, e.g. a checkout of github/advisory-database or an unpacked dump) or the
 * per-ecosystem `all.zip` that osv.dev publishes (https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip).
 *
 * The database is read once per run and indexed by npm package name; only records with an npm
 * `affected` entry are kept. A corrupt zip or an unreadable directory fails the check (closed);
 * a single record that isn't valid OSV JSON is skipped with a warning that names it.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { crc32, inflateRawSync } from 'node:zlib';
import { VetError } from '../errors.js';
import { errorMessage, isRecord } from '../registry/http.js';
import { limiter } from '../util/limit.js';
import { npmPackagesOf, parseOsvRecord, type OsvRecord } from './osv.js';
import type { PackageQuery, SourceResult, VulnSource } from './source.js';
import type * as yauzlTypes from 'yauzl';

/** A single record larger than this is not an honest advisory. */
const MAX_RECORD_BYTES = 8 * 1024 * 1024;
/** Records of a zip read at the same time. */
const ZIP_READ_AHEAD = 32;
/** Uncompressed total of a zip: npm's all.zip is a few hundred MiB unpacked. */
const MAX_ZIP_TOTAL_BYTES = 4 * 1024 * 1024 * 1024;

export interface DbIndex {
  byName: Map<string, OsvRecord[]>;
  records: number;
  warnings: string[];
}

/** Bump when the on-disk index layout or the compact record shape changes. */
const INDEX_FORMAT = 2; // 2: one data file and one sorted table (was one file per package name)

export interface OsvDbOptions {
  /**
   * mcp-vet's cache: the database is indexed there once per version of it (keyed by every file's
   * size and mtime), one small file per npm package name, so later runs read only the packages
   * of the tree instead of parsing the whole database. Unset: parse the database every run.
   */
  cacheDir?: string;
}

interface IndexMeta {
  format: number;
  records: number;
  warnings: string[];
}

export class OsvDbSource implements VulnSource {
  readonly kind = 'osv-db' as const;
  readonly location: string;
  /** How the last query was answered: from a persisted index, or by reading the whole database. */
  indexState: 'none' | 'built' | 'reused' = 'none';
  private readonly cacheDir: string | undefined;
  private loaded: Promise<{ mem?: DbIndex; dir?: string; meta: IndexMeta }> | undefined;

  constructor(path: string, options: OsvDbOptions = {}) {
    this.location = path;
    this.cacheDir = options.cacheDir;
  }

  /** Parses the whole database into memory (no persisted index). */
  load(): Promise<DbIndex> {
    return loadDb(this.location);
  }

  async query(packages: PackageQuery[]): Promise<SourceResult> {
    this.loaded ??= this.open();
    const db = await this.loaded;
    const out: SourceResult = { records: new Map(), warnings: [...db.meta.warnings] };
    const names = [...new Set(packages.map((p) => p.name))];
    const byName = new Map<string, OsvRecord[]>();
    if (db.mem) {
      for (const n of names) {
        const list = db.mem.byName.get(n);
        if (list) byName.set(n, list);
      }
    } else {
      try {
        for (const [n, list] of await readIndexed(db.dir!, names)) byName.set(n, list);
      } catch (err) {
        throw new VetError(
          'E_VULN_SOURCE',
          `the index of ${this.location} is unreadable (${errorMessage(err)}); delete ${db.dir}`,
        );
      }
    }
    for (const p of packages) {
      const list = byName.get(p.name);
      if (list?.length) out.records.set(`${p.name}@${p.version}`, list);
    }
    return out;
  }

  private async open(): Promise<{ mem?: DbIndex; dir?: string; meta: IndexMeta }> {
    if (!this.cacheDir) {
      const mem = await loadDb(this.location);
      return { mem, meta: { format: INDEX_FORMAT, records: mem.records, warnings: mem.warnings } };
    }
    const root = join(this.cacheDir, 'osv-db');
    const prefix = createHash('sha256').update(this.location).digest('hex').slice(0, 16);
    const dir = join(root, `${prefix}-${await fingerprint(this.location)}`);
    try {
      const meta = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as IndexMeta;
      if (meta.format === INDEX_FORMAT) {
        this.indexState = 'reused';
        return { dir, meta };
      }
    } catch {
      // no index yet (or a broken one): build it
    }
    const mem = await loadDb(this.location);
    const meta: IndexMeta = { format: INDEX_FORMAT, records: mem.records, warnings: mem.warnings };
    this.indexState = 'built';
    await writeIndex(root, prefix, dir, mem, meta).catch(() => undefined); // a cache is only a speed-up
    return { mem, meta };
  }
}

/** A package name's key in the index table: the first 16 bytes of its SHA-256. */
function nameKey(name: string): Buffer {
  return createHash('sha256').update(name).digest().subarray(0, KEY_BYTES);
}

/**
 * The persisted index is two files, however large the database: `data`, one JSON value
 * `[name, records]` per npm package name, back to back; and `table`, one row per name sorted by
 * key (16 key bytes, then the value's offset and length in `data` as two little-endian uint32
 * halves and a uint32). A run reads the table and then only its packages' values. (One file per
 * name, as before, meant ~150,000 files for osv.dev's npm database, most of a first run's time.)
 */
const KEY_BYTES = 16;
const ROW_BYTES = 32;

async function readIndexed(dir: string, names: string[]): Promise<Map<string, OsvRecord[]>> {
  const table = await readFile(join(dir, 'table'));
  if (table.length % ROW_BYTES !== 0) throw new Error('the table is truncated');
  const rows = table.length / ROW_BYTES;
  const out = new Map<string, OsvRecord[]>();
  const wanted: { name: string; offset: number; length: number }[] = [];
  for (const name of names) {
    const key = nameKey(name);
    // the first row with this key (equal keys sit together; the value names its package)
    let lo = 0;
    let hi = rows;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // the row's key against the wanted one: before it, search above
      if (table.compare(key, 0, KEY_BYTES, mid * ROW_BYTES, mid * ROW_BYTES + KEY_BYTES) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (
      let r = lo;
      r < rows && table.compare(key, 0, KEY_BYTES, r * ROW_BYTES, r * ROW_BYTES + KEY_BYTES) === 0;
      r++
    ) {
      const at = r * ROW_BYTES + KEY_BYTES;
      const offset = table.readUInt32LE(at) + table.readUInt32LE(at + 4) * 2 ** 32;
      wanted.push({ name, offset, length: table.readUInt32LE(at + 8) });
    }
  }
  if (!wanted.length) return out;
  const fh = await open(join(dir, 'data'), 'r');
  try {
    const limit = limiter(32);
    await Promise.all(
      wanted.map((w) =>
        limit(async () => {
          const buf = Buffer.allocUnsafe(w.length);
          const { bytesRead } = await fh.read(buf, 0, w.length, w.offset);
          if (bytesRead !== w.length) throw new Error('the data file is truncated');
          const [name, list] = JSON.parse(buf.toString('utf8')) as [string, OsvRecord[]];
          if (name === w.name) out.set(name, list);
        }),
      ),
    );
  } finally {
    await fh.close();
  }
  return out;
}

/** What identifies one version of the database: every file's path, size and mtime. */
async function fingerprint(path: string): Promise<string> {
  const h = createHash('sha256');
  let st;
  try {
    st = await stat(path);
  } catch {
    return 'missing'; // loadDb reports it properly
  }
  if (!st.isDirectory()) {
    h.update(`file ${st.size} ${st.mtimeMs} ${st.ino}`);
    return h.digest('hex').slice(0, 16);
  }
  const entries = await readdir(path, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
  // synchronous: a stat is cheaper than its trip through the thread pool, 10,000 times over
  for (const f of files) {
    let st: { size: number; mtimeMs: number } | undefined;
    try {
      st = statSync(f);
    } catch {
      st = undefined;
    }
    h.update(`${relative(path, f)} ${st?.size ?? -1} ${st?.mtimeMs ?? -1}\n`);
  }
  return h.digest('hex').slice(0, 16);
}

/** Only what matching and findings read: drops `details`, `references` and other ecosystems. */
function compact(r: OsvRecord): OsvRecord {
  const sev = r.database_specific?.severity;
  return {
    id: r.id,
    ...(r.modified ? { modified: r.modified } : {}),
    ...(r.withdrawn ? { withdrawn: r.withdrawn } : {}),
    ...(r.aliases?.length ? { aliases: r.aliases } : {}),
    ...(r.summary ? { summary: r.summary } : {}),
    ...(!r.summary && r.details ? { details: r.details.slice(0, 400) } : {}),
    ...(r.severity?.length ? { severity: r.severity } : {}),
    affected: (r.affected ?? []).filter((a) => isRecord(a.package) && a.package.ecosystem === 'npm'),
    ...(sev !== undefined ? { database_specific: { severity: sev } } : {}),
  };
}

async function writeIndex(
  root: string,
  prefix: string,
  dir: string,
  mem: DbIndex,
  meta: IndexMeta,
): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await mkdir(tmp, { recursive: true });
  const entries = [...mem.byName.keys()]
    .map((name) => ({ name, key: nameKey(name) }))
    .sort((a, b) => Buffer.compare(a.key, b.key) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const table = Buffer.alloc(entries.length * ROW_BYTES);
  const fh = await open(join(tmp, 'data'), 'w');
  try {
    let offset = 0;
    let batch: Buffer[] = [];
    for (const [i, { name, key }] of entries.entries()) {
      const value = Buffer.from(JSON.stringify([name, mem.byName.get(name)!.map(compact)]));
      const at = i * ROW_BYTES;
      key.copy(table, at);
      table.writeUInt32LE(offset % 2 ** 32, at + KEY_BYTES);
      table.writeUInt32LE(Math.floor(offset / 2 ** 32), at + KEY_BYTES + 4);
      table.writeUInt32LE(value.length, at + KEY_BYTES + 8);
      offset += value.length;
      batch.push(value);
      if (batch.length === 1024) {
        await fh.writev(batch);
        batch = [];
      }
    }
    if (batch.length) await fh.writev(batch);
  } finally {
    await fh.close();
  }
  await writeFile(join(tmp, 'table'), table);
  await writeFile(join(tmp, 'index.json'), JSON.stringify(meta));
  await rename(tmp, dir).catch(async () => rm(tmp, { recursive: true, force: true }));
  // older indexes of the same database path are dead weight once a new one exists
  for (const e of await readdir(root).catch(() => [] as string[])) {
    if (e.startsWith(`${prefix}-`) && join(root, e) !== dir)
      await rm(join(root, e), { recursive: true, force: true });
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
    // a complete record of another ecosystem (an all-ecosystem checkout) can't concern npm: skip
    // the parse. A truncated file is still parsed, so it is reported, not silently dropped.
    if (!text.includes('npm') && /\}\s*$/.test(text)) {
      index.records++;
      return;
    }
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
  // Read synchronously, one after another: records are a few KB, and two trips through the
  // thread pool per file (stat, then read) cost more than the reads themselves.
  for (const file of files) {
    const rel = relative(root, file);
    let fd: number | undefined;
    try {
      fd = openSync(file, 'r');
      const size = fstatSync(fd).size;
      if (size > MAX_RECORD_BYTES) {
        add(rel, '"too large"');
        continue;
      }
      add(rel, readAt(fd, size, 0).toString('utf8'));
    } catch (err) {
      add(rel, `unreadable: ${errorMessage(err)}`);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** Up to `n` bytes of `fd` from `at`: fewer only where the file ends. */
function readAt(fd: number, n: number, at: number): Buffer {
  const buf = Buffer.allocUnsafe(n);
  let got = 0;
  while (got < n) {
    const r = readSync(fd, buf, got, n - got, at + got);
    if (r === 0) break;
    got += r;
  }
  return got === n ? buf : buf.subarray(0, got);
}

type Yauzl = typeof yauzlTypes;
let yauzlMod: Yauzl | undefined;

/** Bytes of the zip read at a time: records are a few KB each and lie in file order. */
const ZIP_BLOCK = 4 * 1024 * 1024;

/**
 * yauzl's view of the zip: reads served from two cached blocks of the file (one for the central
 * directory at the end, one where the records are), read synchronously. yauzl's own file reader
 * goes through the thread pool for every header and every record, which made a first run of
 * 10,000 records take 2 s.
 */
function blockReader(yauzl: Yauzl, fd: number, size: number) {
  class BlockReader extends yauzl.RandomAccessReader {
    /** Most recently used first. */
    private blocks: { start: number; data: Buffer }[] = [];

    /** `length` bytes at `position` (a view of a cached block when it fits in one). */
    bytes(position: number, length: number): Buffer {
      if (position < 0 || length < 0 || position + length > size)
        throw new Error(`a read of ${length} bytes at ${position} is outside the file (${size} bytes)`);
      for (const [i, b] of this.blocks.entries()) {
        if (position >= b.start && position + length <= b.start + b.data.length) {
          if (i > 0) this.blocks.unshift(...this.blocks.splice(i, 1));
          return b.data.subarray(position - b.start, position - b.start + length);
        }
      }
      const read = (at: number, n: number): Buffer => {
        const buf = readAt(fd, n, at);
        if (buf.length < n) throw new Error(`the file ended at ${at + buf.length} of ${size} bytes`);
        return buf;
      };
      if (length > ZIP_BLOCK / 2) return read(position, length);
      const data = read(position, Math.min(ZIP_BLOCK, size - position));
      this.blocks.unshift({ start: position, data });
      this.blocks.length = Math.min(this.blocks.length, 2);
      return data.subarray(0, length);
    }

    override read(
      buffer: Buffer,
      offset: number,
      length: number,
      position: number,
      callback: (err: Error | null) => void,
    ): void {
      try {
        this.bytes(position, length).copy(buffer, offset);
      } catch (err) {
        process.nextTick(callback, err as Error);
        return;
      }
      process.nextTick(callback, null);
    }

    override _readStreamForRange(start: number, end: number): Readable {
      return Readable.from([Buffer.from(this.bytes(start, end - start))]);
    }

    override close(callback: (err: Error | null) => void): void {
      try {
        closeSync(fd);
      } catch (err) {
        callback(err as Error);
        return;
      }
      callback(null);
    }
  }
  return new BlockReader();
}

async function readZip(path: string, add: (name: string, text: string) => void): Promise<void> {
  yauzlMod ??= (await import('yauzl')).default as unknown as Yauzl;
  const yauzl = yauzlMod;
  const corrupt = (why: string): VetError =>
    new VetError(
      'E_VULN_SOURCE',
      `the OSV database ${path} is not a readable zip (${why}); download osv.dev's npm all.zip again`,
    );
  let fd: number;
  let size: number;
  try {
    fd = openSync(path, 'r');
    size = fstatSync(fd).size;
  } catch (err) {
    throw corrupt(errorMessage(err));
  }
  const reader = blockReader(yauzl, fd, size);
  // cheap sniff first: a zip starts with "PK"
  let head: Buffer;
  try {
    head = reader.bytes(0, Math.min(4, size));
  } catch (err) {
    closeSync(fd);
    throw corrupt(errorMessage(err));
  }
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b) {
    closeSync(fd);
    throw corrupt('it does not start with a zip signature; pass a directory of records or a .zip');
  }
  await new Promise<void>((resolve, reject) => {
    const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true };
    yauzl.fromRandomAccessReader(reader, size, options, (err, zip) => {
      if (err || !zip) {
        reader.close(() => undefined);
        return reject(corrupt(errorMessage(err)));
      }
      let total = 0;
      let count = 0;
      let done = false;
      // Entries are read ZIP_READ_AHEAD at a time (their local headers come through callbacks).
      let inFlight = 0;
      let listed = false; // the central directory has been read to its end
      let waiting = false; // the next entry is asked for only when a read finishes
      const fail = (e: VetError): void => {
        if (done) return;
        done = true;
        zip.close();
        reject(e);
      };
      const finish = (): void => {
        if (done || !listed || inFlight > 0) return;
        done = true;
        zip.close();
        if (!count) reject(corrupt('it holds no .json records'));
        else resolve();
      };
      const next = (): void => {
        if (done || listed) return;
        if (inFlight >= ZIP_READ_AHEAD) {
          waiting = true;
          return;
        }
        waiting = false;
        zip.readEntry();
      };
      zip.on('error', (e: unknown) => fail(corrupt(errorMessage(e))));
      zip.on('end', () => {
        listed = true;
        finish();
      });
      zip.on('entry', (entry: yauzlTypes.Entry) => {
        if (done) return;
        if (!entry.fileName.endsWith('.json')) return next();
        if (entry.uncompressedSize > MAX_RECORD_BYTES) {
          add(entry.fileName, '"too large"');
          return next();
        }
        total += entry.uncompressedSize;
        if (total > MAX_ZIP_TOTAL_BYTES) return fail(corrupt('it unpacks to more than 4 GiB'));
        if (entry.isEncrypted()) return fail(corrupt(`${entry.fileName}: encrypted`));
        if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
          return fail(
            corrupt(`${entry.fileName}: unsupported compression method ${entry.compressionMethod}`),
          );
        inFlight++;
        // The stored bytes straight from the block, inflated in one synchronous call (a record is
        // a few KB; a stream and a zlib instance per record cost more than the record).
        zip.readLocalFileHeader(entry, { minimal: true }, (e2, header) => {
          inFlight--;
          if (done) return;
          let data: Buffer;
          try {
            if (e2) throw e2;
            data = reader.bytes(header.fileDataStart, entry.compressedSize);
            if (entry.compressionMethod === 8)
              data = inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
          } catch (e3) {
            return fail(corrupt(`${entry.fileName}: ${errorMessage(e3)}`));
          }
          if (data.length !== entry.uncompressedSize)
            return fail(
              corrupt(
                `${entry.fileName}: ${data.length} bytes, the directory says ${entry.uncompressedSize}`,
              ),
            );
          if (crc32(data) !== entry.crc32)
            return fail(corrupt(`${entry.fileName}: its CRC-32 does not match`));
          count++;
          add(entry.fileName, data.toString('utf8'));
          if (waiting) next();
          finish();
        });
        next();
      });
      zip.readEntry();
    });
  });
}
