#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  VetError
} from "./chunk-OI56ITB4.js";

// src/capabilities/tarball-files.ts
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { createGunzip, gunzipSync } from "node:zlib";
var HEAD_BYTES = 8;
async function readTarball(file, digest, visitor) {
  const dash = digest.indexOf("-");
  const algorithm = digest.slice(0, dash);
  const expected = digest.slice(dash + 1);
  const hash = createHash(algorithm);
  const reader = new TarReader(visitor);
  let handle;
  for (let attempt = 0; !handle; attempt++) {
    try {
      handle = await open(file, "r");
    } catch (err) {
      if (err.code !== "ENOENT" || attempt >= 20) {
        throw readError(digest, err);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const { size } = await handle.stat();
  if (size <= WHOLE_MAX_COMPRESSED) {
    let gz;
    try {
      gz = await handle.readFile();
    } finally {
      await handle.close();
    }
    const actual2 = createHash(algorithm).update(gz).digest("hex");
    if (actual2 !== expected) throw digestError(digest, algorithm, actual2);
    let tar;
    try {
      tar = gunzipSync(gz, { maxOutputLength: WHOLE_MAX_TAR });
    } catch (err) {
      if (err.code !== "ERR_BUFFER_TOO_LARGE") {
        throw readError(digest, err);
      }
      const gunzip2 = createGunzip({ chunkSize: 1 << 18 });
      gunzip2.end(gz);
      try {
        for await (const chunk of gunzip2) reader.push(chunk);
      } catch (e) {
        throw readError(digest, e);
      }
      return;
    }
    reader.push(tar);
    return;
  }
  const input = handle.createReadStream({ highWaterMark: 1 << 20 });
  input.on("data", (chunk) => hash.update(chunk));
  const gunzip = createGunzip({ chunkSize: 1 << 18 });
  input.on("error", (err) => gunzip.destroy(err));
  try {
    for await (const chunk of input.pipe(gunzip)) reader.push(chunk);
  } catch (err) {
    input.destroy();
    throw readError(digest, err);
  }
  const actual = hash.digest("hex");
  if (actual !== expected) throw digestError(digest, algorithm, actual);
}
var WHOLE_MAX_COMPRESSED = 8 * 1024 * 1024;
var WHOLE_MAX_TAR = 64 * 1024 * 1024;
function readError(digest, err) {
  return new VetError("E_TARBALL", `cannot read the cached tarball ${digest}: ${err.message}`, {
    cause: err
  });
}
function digestError(digest, algorithm, actual) {
  return new VetError(
    "E_INTEGRITY",
    `the cached tarball ${digest} no longer matches its digest (${algorithm}-${actual}); delete the cache folder and run again`
  );
}
var TarReader = class {
  constructor(visitor) {
    this.visitor = visitor;
  }
  visitor;
  pending = [];
  pendingBytes = 0;
  /** Bytes of the current entry's data still to come (plus padding in `skipAfter`). */
  remaining = 0;
  padding = 0;
  current;
  paxPath;
  paxSize;
  longName;
  /** Data of a pax or GNU long-name header being collected. */
  meta;
  done = false;
  push(chunk) {
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
      const need = 512 - this.pendingBytes;
      if (buf.length < need) {
        this.pending.push(buf);
        this.pendingBytes += buf.length;
        return;
      }
      const header = this.pendingBytes ? Buffer.concat([...this.pending, buf.subarray(0, need)]) : buf.subarray(0, 512);
      this.pending = [];
      this.pendingBytes = 0;
      buf = buf.subarray(need);
      this.header(header);
    }
  }
  header(h) {
    if (isZeroBlock(h)) {
      this.done = true;
      return;
    }
    const type = String.fromCharCode(h[156] ?? 0);
    const size = this.paxSize ?? parseOctal(h.subarray(124, 136));
    this.remaining = size;
    this.padding = (512 - size % 512) % 512;
    if (type === "x" || type === "L") {
      this.meta = { kind: type, chunks: [] };
      if (size === 0) this.endEntry();
      return;
    }
    if (type === "g") {
      this.current = void 0;
      if (size === 0) this.endEntry();
      return;
    }
    let name = this.paxPath ?? this.longName;
    if (name === void 0) {
      name = cString(h, 0, 100);
      const magic = h.toString("latin1", 257, 262);
      const prefix = magic === "ustar" ? cString(h, 345, 155) : "";
      if (prefix) name = `${prefix}/${name}`;
    }
    this.paxPath = void 0;
    this.paxSize = void 0;
    this.longName = void 0;
    const isFile = type === "0" || type === "\0" || type === "7";
    const rel = name.split("/").slice(1).filter((s) => s !== "" && s !== ".").join("/");
    const want = isFile && rel ? this.visitor.want(rel, size) : "skip";
    this.current = { path: rel, size, want, chunks: [], got: 0 };
    if (size === 0) this.endEntry();
  }
  data(chunk) {
    if (this.meta) {
      this.meta.chunks.push(Buffer.from(chunk));
      return;
    }
    const c = this.current;
    if (!c || c.want === "skip") return;
    if (c.want === "head") {
      if (c.got < HEAD_BYTES) c.chunks.push(chunk.subarray(0, HEAD_BYTES - c.got));
    } else {
      c.chunks.push(chunk);
    }
    c.got += chunk.length;
  }
  endEntry() {
    if (this.meta) {
      const text = Buffer.concat(this.meta.chunks).toString("utf8");
      if (this.meta.kind === "L") this.longName = text.replace(/\0+$/, "");
      else this.pax(text);
      this.meta = void 0;
      return;
    }
    const c = this.current;
    this.current = void 0;
    if (!c || c.want === "skip") return;
    this.visitor.file(
      c.path,
      c.size,
      c.chunks.length === 1 ? c.chunks[0] : Buffer.concat(c.chunks)
    );
  }
  /** pax records: "<len> <key>=<value>\n" */
  pax(text) {
    let i = 0;
    while (i < text.length) {
      const sp = text.indexOf(" ", i);
      if (sp < 0) break;
      const len = Number(text.slice(i, sp));
      if (!Number.isFinite(len) || len <= 0) break;
      const record = text.slice(sp + 1, i + len - 1);
      const eq = record.indexOf("=");
      const key = record.slice(0, eq);
      const value = record.slice(eq + 1);
      if (key === "path") this.paxPath = value;
      else if (key === "size" && /^\d+$/.test(value)) this.paxSize = Number(value);
      i += len;
    }
  }
};
function isZeroBlock(h) {
  for (let i = 0; i < 512; i++) if (h[i] !== 0) return false;
  return true;
}
function cString(h, off, len) {
  const end = h.indexOf(0, off);
  return h.toString("utf8", off, end >= 0 && end < off + len ? end : off + len);
}
function parseOctal(field) {
  const s = field.toString("latin1").replace(/\0.*$/s, "").trim();
  return s ? parseInt(s, 8) : 0;
}

export {
  HEAD_BYTES,
  readTarball
};
