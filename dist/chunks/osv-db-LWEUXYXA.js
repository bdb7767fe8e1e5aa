#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  npmPackagesOf,
  parseOsvRecord
} from "./chunk-23J3AB3F.js";
import {
  limiter
} from "./chunk-PITBUEGV.js";
import {
  errorMessage,
  isRecord
} from "./chunk-OBZI2X5Z.js";
import {
  VetError
} from "./chunk-OI56ITB4.js";
import "./chunk-Z72EFVUK.js";
import "./chunk-ESI7J6K4.js";

// src/vuln/osv-db.ts
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { join, relative } from "node:path";
import { Readable } from "node:stream";
import { crc32, inflateRawSync } from "node:zlib";
var MAX_RECORD_BYTES = 8 * 1024 * 1024;
var ZIP_READ_AHEAD = 32;
var MAX_ZIP_TOTAL_BYTES = 4 * 1024 * 1024 * 1024;
var INDEX_FORMAT = 2;
var OsvDbSource = class {
  kind = "osv-db";
  location;
  /** How the last query was answered: from a persisted index, or by reading the whole database. */
  indexState = "none";
  cacheDir;
  loaded;
  constructor(path, options = {}) {
    this.location = path;
    this.cacheDir = options.cacheDir;
  }
  /** Parses the whole database into memory (no persisted index). */
  load() {
    return loadDb(this.location);
  }
  async query(packages) {
    this.loaded ??= this.open();
    const db = await this.loaded;
    const out = { records: /* @__PURE__ */ new Map(), warnings: [...db.meta.warnings] };
    const names = [...new Set(packages.map((p) => p.name))];
    const byName = /* @__PURE__ */ new Map();
    if (db.mem) {
      for (const n of names) {
        const list = db.mem.byName.get(n);
        if (list) byName.set(n, list);
      }
    } else {
      try {
        for (const [n, list] of await readIndexed(db.dir, names)) byName.set(n, list);
      } catch (err) {
        throw new VetError(
          "E_VULN_SOURCE",
          `the index of ${this.location} is unreadable (${errorMessage(err)}); delete ${db.dir}`
        );
      }
    }
    for (const p of packages) {
      const list = byName.get(p.name);
      if (list?.length) out.records.set(`${p.name}@${p.version}`, list);
    }
    return out;
  }
  async open() {
    if (!this.cacheDir) {
      const mem2 = await loadDb(this.location);
      return { mem: mem2, meta: { format: INDEX_FORMAT, records: mem2.records, warnings: mem2.warnings } };
    }
    const root = join(this.cacheDir, "osv-db");
    const prefix = createHash("sha256").update(this.location).digest("hex").slice(0, 16);
    const dir = join(root, `${prefix}-${await fingerprint(this.location)}`);
    try {
      const meta2 = JSON.parse(await readFile(join(dir, "index.json"), "utf8"));
      if (meta2.format === INDEX_FORMAT) {
        this.indexState = "reused";
        return { dir, meta: meta2 };
      }
    } catch {
    }
    const mem = await loadDb(this.location);
    const meta = { format: INDEX_FORMAT, records: mem.records, warnings: mem.warnings };
    this.indexState = "built";
    await writeIndex(root, prefix, dir, mem, meta).catch(() => void 0);
    return { mem, meta };
  }
};
function nameKey(name) {
  return createHash("sha256").update(name).digest().subarray(0, KEY_BYTES);
}
var KEY_BYTES = 16;
var ROW_BYTES = 32;
async function readIndexed(dir, names) {
  const table = await readFile(join(dir, "table"));
  if (table.length % ROW_BYTES !== 0) throw new Error("the table is truncated");
  const rows = table.length / ROW_BYTES;
  const out = /* @__PURE__ */ new Map();
  const wanted = [];
  for (const name of names) {
    const key = nameKey(name);
    let lo = 0;
    let hi = rows;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (table.compare(key, 0, KEY_BYTES, mid * ROW_BYTES, mid * ROW_BYTES + KEY_BYTES) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let r = lo; r < rows && table.compare(key, 0, KEY_BYTES, r * ROW_BYTES, r * ROW_BYTES + KEY_BYTES) === 0; r++) {
      const at = r * ROW_BYTES + KEY_BYTES;
      const offset = table.readUInt32LE(at) + table.readUInt32LE(at + 4) * 2 ** 32;
      wanted.push({ name, offset, length: table.readUInt32LE(at + 8) });
    }
  }
  if (!wanted.length) return out;
  const fh = await open(join(dir, "data"), "r");
  try {
    const limit = limiter(32);
    await Promise.all(
      wanted.map(
        (w) => limit(async () => {
          const buf = Buffer.allocUnsafe(w.length);
          const { bytesRead } = await fh.read(buf, 0, w.length, w.offset);
          if (bytesRead !== w.length) throw new Error("the data file is truncated");
          const [name, list] = JSON.parse(buf.toString("utf8"));
          if (name === w.name) out.set(name, list);
        })
      )
    );
  } finally {
    await fh.close();
  }
  return out;
}
async function fingerprint(path) {
  const h = createHash("sha256");
  let st;
  try {
    st = await stat(path);
  } catch {
    return "missing";
  }
  if (!st.isDirectory()) {
    h.update(`file ${st.size} ${st.mtimeMs} ${st.ino}`);
    return h.digest("hex").slice(0, 16);
  }
  const entries = await readdir(path, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile() && e.name.endsWith(".json")).map((e) => join(e.parentPath ?? e.path, e.name)).sort();
  for (const f of files) {
    let st2;
    try {
      st2 = statSync(f);
    } catch {
      st2 = void 0;
    }
    h.update(`${relative(path, f)} ${st2?.size ?? -1} ${st2?.mtimeMs ?? -1}
`);
  }
  return h.digest("hex").slice(0, 16);
}
function compact(r) {
  const sev = r.database_specific?.severity;
  return {
    id: r.id,
    ...r.modified ? { modified: r.modified } : {},
    ...r.withdrawn ? { withdrawn: r.withdrawn } : {},
    ...r.aliases?.length ? { aliases: r.aliases } : {},
    ...r.summary ? { summary: r.summary } : {},
    ...!r.summary && r.details ? { details: r.details.slice(0, 400) } : {},
    ...r.severity?.length ? { severity: r.severity } : {},
    affected: (r.affected ?? []).filter((a) => isRecord(a.package) && a.package.ecosystem === "npm"),
    ...sev !== void 0 ? { database_specific: { severity: sev } } : {}
  };
}
async function writeIndex(root, prefix, dir, mem, meta) {
  const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await mkdir(tmp, { recursive: true });
  const entries = [...mem.byName.keys()].map((name) => ({ name, key: nameKey(name) })).sort((a, b) => Buffer.compare(a.key, b.key) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const table = Buffer.alloc(entries.length * ROW_BYTES);
  const fh = await open(join(tmp, "data"), "w");
  try {
    let offset = 0;
    let batch = [];
    for (const [i, { name, key }] of entries.entries()) {
      const value = Buffer.from(JSON.stringify([name, mem.byName.get(name).map(compact)]));
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
  await writeFile(join(tmp, "table"), table);
  await writeFile(join(tmp, "index.json"), JSON.stringify(meta));
  await rename(tmp, dir).catch(async () => rm(tmp, { recursive: true, force: true }));
  for (const e of await readdir(root).catch(() => [])) {
    if (e.startsWith(`${prefix}-`) && join(root, e) !== dir)
      await rm(join(root, e), { recursive: true, force: true });
  }
}
async function loadDb(path) {
  let st;
  try {
    st = await stat(path);
  } catch (err) {
    throw new VetError(
      "E_USAGE",
      `--osv-db ${path}: ${err.code === "ENOENT" ? "no such file or directory" : errorMessage(err)}; pass a directory of OSV JSON records or osv.dev's npm all.zip`
    );
  }
  const index = { byName: /* @__PURE__ */ new Map(), records: 0, warnings: [] };
  const bad = [];
  const add = (name, text) => {
    if (!text.includes("npm") && /\}\s*$/.test(text)) {
      index.records++;
      return;
    }
    let raw;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      bad.push(`${name} (not JSON: ${errorMessage(err).slice(0, 80)})`);
      return;
    }
    const record = parseOsvRecord(raw);
    if (typeof record === "string") {
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
  else throw new VetError("E_USAGE", `--osv-db ${path} is neither a directory nor a file`);
  if (bad.length) {
    index.warnings.push(
      `${bad.length} file${bad.length === 1 ? "" : "s"} in the OSV database ${path} could not be read as OSV records and were skipped: ${bad.slice(0, 5).join("; ")}${bad.length > 5 ? "; …" : ""}`
    );
  }
  for (const list of index.byName.values()) list.sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return index;
}
async function readDirectory(root, add) {
  let files;
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    files = entries.filter((e) => e.isFile() && e.name.endsWith(".json")).map((e) => join(e.parentPath ?? e.path, e.name));
  } catch (err) {
    throw new VetError(
      "E_VULN_SOURCE",
      `the OSV database directory ${root} could not be read: ${errorMessage(err)}`
    );
  }
  if (!files.length) {
    throw new VetError(
      "E_VULN_SOURCE",
      `the OSV database directory ${root} holds no .json records; an empty database would approve everything`
    );
  }
  files.sort();
  for (const file of files) {
    const rel = relative(root, file);
    let fd;
    try {
      fd = openSync(file, "r");
      const size = fstatSync(fd).size;
      if (size > MAX_RECORD_BYTES) {
        add(rel, '"too large"');
        continue;
      }
      add(rel, readAt(fd, size, 0).toString("utf8"));
    } catch (err) {
      add(rel, `unreadable: ${errorMessage(err)}`);
    } finally {
      if (fd !== void 0) closeSync(fd);
    }
  }
}
function readAt(fd, n, at) {
  const buf = Buffer.allocUnsafe(n);
  let got = 0;
  while (got < n) {
    const r = readSync(fd, buf, got, n - got, at + got);
    if (r === 0) break;
    got += r;
  }
  return got === n ? buf : buf.subarray(0, got);
}
var yauzlMod;
var ZIP_BLOCK = 4 * 1024 * 1024;
function blockReader(yauzl, fd, size) {
  class BlockReader extends yauzl.RandomAccessReader {
    /** Most recently used first. */
    blocks = [];
    /** `length` bytes at `position` (a view of a cached block when it fits in one). */
    bytes(position, length) {
      if (position < 0 || length < 0 || position + length > size)
        throw new Error(`a read of ${length} bytes at ${position} is outside the file (${size} bytes)`);
      for (const [i, b] of this.blocks.entries()) {
        if (position >= b.start && position + length <= b.start + b.data.length) {
          if (i > 0) this.blocks.unshift(...this.blocks.splice(i, 1));
          return b.data.subarray(position - b.start, position - b.start + length);
        }
      }
      const read = (at, n) => {
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
    read(buffer, offset, length, position, callback) {
      try {
        this.bytes(position, length).copy(buffer, offset);
      } catch (err) {
        process.nextTick(callback, err);
        return;
      }
      process.nextTick(callback, null);
    }
    _readStreamForRange(start, end) {
      return Readable.from([Buffer.from(this.bytes(start, end - start))]);
    }
    close(callback) {
      try {
        closeSync(fd);
      } catch (err) {
        callback(err);
        return;
      }
      callback(null);
    }
  }
  return new BlockReader();
}
async function readZip(path, add) {
  yauzlMod ??= (await import("./yauzl-E5KBWF4W.js")).default;
  const yauzl = yauzlMod;
  const corrupt = (why) => new VetError(
    "E_VULN_SOURCE",
    `the OSV database ${path} is not a readable zip (${why}); download osv.dev's npm all.zip again`
  );
  let fd;
  let size;
  try {
    fd = openSync(path, "r");
    size = fstatSync(fd).size;
  } catch (err) {
    throw corrupt(errorMessage(err));
  }
  const reader = blockReader(yauzl, fd, size);
  let head;
  try {
    head = reader.bytes(0, Math.min(4, size));
  } catch (err) {
    closeSync(fd);
    throw corrupt(errorMessage(err));
  }
  if (head.length < 4 || head[0] !== 80 || head[1] !== 75) {
    closeSync(fd);
    throw corrupt("it does not start with a zip signature; pass a directory of records or a .zip");
  }
  await new Promise((resolve, reject) => {
    const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true };
    yauzl.fromRandomAccessReader(reader, size, options, (err, zip) => {
      if (err || !zip) {
        reader.close(() => void 0);
        return reject(corrupt(errorMessage(err)));
      }
      let total = 0;
      let count = 0;
      let done = false;
      let inFlight = 0;
      let listed = false;
      let waiting = false;
      const fail = (e) => {
        if (done) return;
        done = true;
        zip.close();
        reject(e);
      };
      const finish = () => {
        if (done || !listed || inFlight > 0) return;
        done = true;
        zip.close();
        if (!count) reject(corrupt("it holds no .json records"));
        else resolve();
      };
      const next = () => {
        if (done || listed) return;
        if (inFlight >= ZIP_READ_AHEAD) {
          waiting = true;
          return;
        }
        waiting = false;
        zip.readEntry();
      };
      zip.on("error", (e) => fail(corrupt(errorMessage(e))));
      zip.on("end", () => {
        listed = true;
        finish();
      });
      zip.on("entry", (entry) => {
        if (done) return;
        if (!entry.fileName.endsWith(".json")) return next();
        if (entry.uncompressedSize > MAX_RECORD_BYTES) {
          add(entry.fileName, '"too large"');
          return next();
        }
        total += entry.uncompressedSize;
        if (total > MAX_ZIP_TOTAL_BYTES) return fail(corrupt("it unpacks to more than 4 GiB"));
        if (entry.isEncrypted()) return fail(corrupt(`${entry.fileName}: encrypted`));
        if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
          return fail(
            corrupt(`${entry.fileName}: unsupported compression method ${entry.compressionMethod}`)
          );
        inFlight++;
        zip.readLocalFileHeader(entry, { minimal: true }, (e2, header) => {
          inFlight--;
          if (done) return;
          let data;
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
                `${entry.fileName}: ${data.length} bytes, the directory says ${entry.uncompressedSize}`
              )
            );
          if (crc32(data) !== entry.crc32)
            return fail(corrupt(`${entry.fileName}: its CRC-32 does not match`));
          count++;
          add(entry.fileName, data.toString("utf8"));
          if (waiting) next();
          finish();
        });
        next();
      });
      zip.readEntry();
    });
  });
}
export {
  OsvDbSource
};
