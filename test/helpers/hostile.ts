/**
 * Hand-made tar archives for hostile-input tests.
 *
 * `tar.c` refuses (or silently sanitizes) exactly the things we want to test: `..` segments,
 * absolute paths, device nodes, links pointing outside the tree. So these archives are written byte
 * by byte: 512-byte ustar headers with a correct checksum, file data padded to 512 bytes, and two
 * zero blocks at the end — then gzipped with node:zlib.
 */
import { gzipSync } from 'node:zlib';

/** ustar type flags; `x`/`g` are pax extended/global headers, `L` a GNU long name. */
export type TarType = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | 'x' | 'g' | 'L' | 'D' | 'V' | 'Z';

export interface RawEntry {
  /** Written verbatim into the header (name field, or name + prefix when longer than 100 bytes). */
  path: string;
  type?: TarType;
  body?: string | Buffer;
  linkpath?: string;
  mode?: number;
  /** Size to write in the header; defaults to the body length (lie here to make a truncated entry). */
  size?: number;
  devmajor?: number;
  devminor?: number;
}

const BLOCK = 512;

function writeString(buf: Buffer, value: string, offset: number, length: number): void {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new Error(`hostile: "${value}" does not fit in ${length} bytes`);
  bytes.copy(buf, offset);
}

/** Octal number, zero padded, NUL terminated, as classic tar writes it. */
function writeOctal(buf: Buffer, value: number, offset: number, length: number): void {
  writeString(buf, value.toString(8).padStart(length - 1, '0') + '\0', offset, length);
}

/** One 512-byte ustar header block with a valid checksum. */
export function header(entry: RawEntry): Buffer {
  const buf = Buffer.alloc(BLOCK);
  const body = toBuffer(entry.body);
  let name = entry.path;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    // ustar splits long paths at a slash into prefix (155) + name (100).
    const cut = name.lastIndexOf('/', name.length - 1);
    prefix = name.slice(0, cut);
    name = name.slice(cut + 1);
  }
  writeString(buf, name, 0, 100);
  writeOctal(buf, entry.mode ?? (entry.type === '5' ? 0o755 : 0o644), 100, 8);
  writeOctal(buf, 0, 108, 8); // uid
  writeOctal(buf, 0, 116, 8); // gid
  writeOctal(buf, entry.size ?? body.length, 124, 12);
  writeOctal(buf, 0, 136, 12); // mtime
  buf.fill(' ', 148, 156); // checksum is computed with its own field as spaces
  writeString(buf, entry.type ?? '0', 156, 1);
  if (entry.linkpath !== undefined) writeString(buf, entry.linkpath, 157, 100);
  writeString(buf, 'ustar\0', 257, 6);
  writeString(buf, '00', 263, 2);
  writeString(buf, 'root', 265, 32);
  writeString(buf, 'root', 297, 32);
  writeOctal(buf, entry.devmajor ?? 0, 329, 8);
  writeOctal(buf, entry.devminor ?? 0, 337, 8);
  if (prefix) writeString(buf, prefix, 345, 155);
  let sum = 0;
  for (const byte of buf) sum += byte;
  writeString(buf, sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return buf;
}

function toBuffer(body: string | Buffer | undefined): Buffer {
  if (body === undefined) return Buffer.alloc(0);
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

function pad(data: Buffer): Buffer {
  const rest = data.length % BLOCK;
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(BLOCK - rest)]);
}

/** A pax extended header (`x`) whose records apply to the next entry, e.g. `{ path: 'package/x' }`. */
export function paxEntry(records: Record<string, string>, global = false): RawEntry {
  let body = '';
  for (const [key, value] of Object.entries(records)) {
    // "%d %s=%s\n" where the length counts itself.
    const payload = ` ${key}=${value}\n`;
    let len = payload.length + 1;
    while (String(len).length + payload.length !== len) len = String(len).length + payload.length;
    body += `${len}${payload}`;
  }
  return { path: global ? 'pax_global_header' : 'PaxHeader/entry', type: global ? 'g' : 'x', body };
}

/** Uncompressed tar bytes. `end: false` omits the two terminating zero blocks. */
export function tarBytes(entries: RawEntry[], opts: { end?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    parts.push(header(entry));
    const body = toBuffer(entry.body);
    if (body.length > 0) parts.push(pad(body));
  }
  if (opts.end !== false) parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

/** Gzipped tar (a `.tgz` as a registry would serve it). */
export function tgz(entries: RawEntry[], opts: { end?: boolean } = {}): Buffer {
  return gzipSync(tarBytes(entries, opts));
}

/** A minimal valid package: `package/package.json` plus whatever else is given. */
export function pkgEntries(name: string, version: string, extra: RawEntry[] = []): RawEntry[] {
  return [
    { path: 'package/package.json', body: JSON.stringify({ name, version }) },
    { path: 'package/index.js', body: 'module.exports = 1;\n' },
    ...extra,
  ];
}
