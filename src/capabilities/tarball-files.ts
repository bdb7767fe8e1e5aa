/**
 * Reads the files of a verified package tarball straight from the cache (`.mcp-vet.tgz`): gunzip
 * and a minimal tar reader, no extraction to disk. The digest is checked again while reading, so
 * a cache entry changed on disk is refused rather than analysed.
 *
 * The tarball was already checked entry by entry when it was cached (no links, no `..`, size caps);
 * this reader only needs regular files: ustar names with prefix, pax `path`/`size` overrides and
 * GNU long names. Everything else (directories, global pax headers) is skipped.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { VetError } from '../errors.js';

export type Want = 'content' | 'head' | 'skip';

export interface TarVisitor {
  /** Decide per regular file (path without the first component): buffer it, only its first bytes, or nothing. */
  want(path: string, size: number): Want;
  /** Called with the whole file (`content`) or its first HEAD_BYTES (`head`). */
  file(path: string, size: number, data: Buffer): void;
}

export const HEAD_BYTES = 8;

/**
 * Streams `<cache entry>/.mcp-vet.tgz` through the visitor. `digest` is `<algo>-<hex>` (the cache
 * entry's folder name), checked over the compressed bytes.
 */
export async function readTarball(file: string, digest: string, visitor: TarVisitor): Promise<void> {
  const dash = digest.indexOf('-');
  const algorithm = digest.slice(0, dash);
  const expected = digest.slice(dash + 1);
  const hash = createHash(algorithm);
  const reader = new TarReader(visitor);
  // Open first: an open descriptor survives the cache entry being swapped for a fully extracted
  // one (rm + rename) by another stage or process; the path may be missing for that instant.
  let handle: FileHandle | undefined;
  for (let attempt = 0; !handle; attempt++) {
    try {
      handle = await open(file, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 20) {
        throw readError(digest, err);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  // Most tarballs are small: read, verify and gunzip them in one go (no stream machinery), with
  // the tar bytes in one buffer that every file is a view of. Large ones are streamed.
  const { size } = await handle.stat();
  if (size <= WHOLE_MAX_COMPRESSED) {
    let gz: Buffer;
    try {
      gz = await handle.readFile();
    } finally {
      await handle.close();
    }
    const actual = createHash(algorithm).update(gz).digest('hex');
    if (actual !== expected) throw digestError(digest, algorithm, actual);
    let tar: Buffer;
    try {
      tar = gunzipSync(gz, { maxOutputLength: WHOLE_MAX_TAR });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') {
        throw readError(digest, err);
      }
      // expands to more than WHOLE_MAX_TAR: stream it instead, from the bytes already verified
      const gunzip = createGunzip({ chunkSize: 1 << 18 });
      gunzip.end(gz);
      try {
        for await (const chunk of gunzip) reader.push(chunk as Buffer);
      } catch (e) {
        throw readError(digest, e);
      }
      return;
    }
    reader.push(tar);
    return;
  }
  // large chunks: far fewer trips through the stream machinery (zlib's default is 16 KiB)
  const input = handle.createReadStream({ highWaterMark: 1 << 20 });
  input.on('data', (chunk) => hash.update(chunk as Buffer));
  const gunzip = createGunzip({ chunkSize: 1 << 18 });
  // a read error must end the loop below, not become an uncaught 'error' event
  input.on('error', (err) => gunzip.destroy(err));
  try {
    for await (const chunk of input.pipe(gunzip)) reader.push(chunk as Buffer);
  } catch (err) {
    input.destroy();
    throw readError(digest, err);
  }
  const actual = hash.digest('hex');
  if (actual !== expected) throw digestError(digest, algorithm, actual);
}

/** Tarballs up to this size are read whole (8 MiB; the largest in server-filesystem's tree is 1.1 MiB)… */
const WHOLE_MAX_COMPRESSED = 8 * 1024 * 1024;
/** …and gunzipped in one buffer when the tar is at most this big (64 MiB), else streamed. */
const WHOLE_MAX_TAR = 64 * 1024 * 1024;

function readError(digest: string, err: unknown): VetError {
  return new VetError('E_TARBALL', `cannot read the cached tarball ${digest}: ${(err as Error).message}`, {
    cause: err,
  });
}

function digestError(digest: string, algorithm: string, actual: string): VetError {
  return new VetError(
    'E_INTEGRITY',
    `the cached tarball ${digest} no longer matches its digest (${algorithm}-${actual}); delete the cache folder and run again`,
  );
}

class TarReader {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes of the current entry's data still to come (plus padding in `skipAfter`). */
  private remaining = 0;
  private padding = 0;
  private current: { path: string; size: number; want: Want; chunks: Buffer[]; got: number } | undefined;
  private paxPath: string | undefined;
  private paxSize: number | undefined;
  private longName: string | undefined;
  /** Data of a pax or GNU long-name header being collected. */
  private meta: { kind: 'x' | 'L'; chunks: Buffer[] } | undefined;
  private done = false;

  constructor(private readonly visitor: TarVisitor) {}

  push(chunk: Buffer): void {
    let buf = chunk;
    while (buf.length > 0 && !this.done) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, buf.length);
        this.data(buf.subarray(0, n));
        this.remaining -= n;
        buf = buf.subarray(n);
        if (this.remaining === 0) this.endEntry();
        continue;
      }
      if (this.padding > 0) {
        const n = Math.min(this.padding, buf.length);
        this.padding -= n;
        buf = buf.subarray(n);
        continue;
      }
      // a 512-byte header, possibly split across chunks
      const need = 512 - this.pendingBytes;
      if (buf.length < need) {
        this.pending.push(buf);
        this.pendingBytes += buf.length;
        return;
      }
      const header = this.pendingBytes
        ? Buffer.concat([...this.pending, buf.subarray(0, need)])
        : buf.subarray(0, 512);
      this.pending = [];
      this.pendingBytes = 0;
      buf = buf.subarray(need);
      this.header(header);
    }
  }

  private header(h: Buffer): void {
    if (isZeroBlock(h)) {
      this.done = true; // end of archive
      return;
    }
    const type = String.fromCharCode(h[156] ?? 0);
    const size = this.paxSize ?? parseOctal(h.subarray(124, 136));
    this.remaining = size;
    this.padding = (512 - (size % 512)) % 512;
    if (type === 'x' || type === 'L') {
      this.meta = { kind: type, chunks: [] };
      if (size === 0) this.endEntry();
      return;
    }
    if (type === 'g') {
      this.current = undefined;
      if (size === 0) this.endEntry();
      return;
    }
    let name = this.paxPath ?? this.longName;
    if (name === undefined) {
      name = cString(h, 0, 100);
      const magic = h.toString('latin1', 257, 262);
      const prefix = magic === 'ustar' ? cString(h, 345, 155) : '';
      if (prefix) name = `${prefix}/${name}`;
    }
    this.paxPath = undefined;
    this.paxSize = undefined;
    this.longName = undefined;
    const isFile = type === '0' || type === '\0' || type === '7';
    const rel = name
      .split('/')
      .slice(1)
      .filter((s) => s !== '' && s !== '.')
      .join('/');
    const want: Want = isFile && rel ? this.visitor.want(rel, size) : 'skip';
    this.current = { path: rel, size, want, chunks: [], got: 0 };
    if (size === 0) this.endEntry();
  }

  private data(chunk: Buffer): void {
    if (this.meta) {
      this.meta.chunks.push(Buffer.from(chunk));
      return;
    }
    const c = this.current;
    if (!c || c.want === 'skip') return;
    if (c.want === 'head') {
      if (c.got < HEAD_BYTES) c.chunks.push(chunk.subarray(0, HEAD_BYTES - c.got));
    } else {
      // zlib never writes over a chunk it has handed out, so a view is enough until endEntry
      c.chunks.push(chunk);
    }
    c.got += chunk.length;
  }

  private endEntry(): void {
    if (this.meta) {
      const text = Buffer.concat(this.meta.chunks).toString('utf8');
      if (this.meta.kind === 'L') this.longName = text.replace(/\0+$/, '');
      else this.pax(text);
      this.meta = undefined;
      return;
    }
    const c = this.current;
    this.current = undefined;
    if (!c || c.want === 'skip') return;
    this.visitor.file(
      c.path,
      c.size,
      c.chunks.length === 1 ? (c.chunks[0] as Buffer) : Buffer.concat(c.chunks),
    );
  }

  /** pax records: "<len> <key>=<value>\n" */
  private pax(text: string): void {
    let i = 0;
    while (i < text.length) {
      const sp = text.indexOf(' ', i);
      if (sp < 0) break;
      const len = Number(text.slice(i, sp));
      if (!Number.isFinite(len) || len <= 0) break;
      const record = text.slice(sp + 1, i + len - 1);
      const eq = record.indexOf('=');
      const key = record.slice(0, eq);
      const value = record.slice(eq + 1);
      if (key === 'path') this.paxPath = value;
      else if (key === 'size' && /^\d+$/.test(value)) this.paxSize = Number(value);
      i += len;
    }
  }
}

function isZeroBlock(h: Buffer): boolean {
  for (let i = 0; i < 512; i++) if (h[i] !== 0) return false;
  return true;
}

function cString(h: Buffer, off: number, len: number): string {
  const end = h.indexOf(0, off);
  return h.toString('utf8', off, end >= 0 && end < off + len ? end : off + len);
}

function parseOctal(field: Buffer): number {
  // base-256 (GNU) for sizes ≥ 8 GiB never occurs within the extraction caps
  const s = field.toString('latin1').replace(/\0.*$/s, '').trim();
  return s ? parseInt(s, 8) : 0;
}
