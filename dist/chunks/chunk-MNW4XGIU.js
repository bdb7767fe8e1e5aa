#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  PACKUMENT_FIELDS,
  currentPlatform,
  normalizePackument
} from "./chunk-XNFGO6ZN.js";
import {
  limiter
} from "./chunk-PITBUEGV.js";
import {
  authKeyFor,
  errorMessage,
  isRecord,
  redactUrl
} from "./chunk-OBZI2X5Z.js";
import {
  SEVERITY_RANK,
  bundleOwner
} from "./chunk-7VIVGJGJ.js";
import {
  loadNpmConfig,
  registryFor
} from "./chunk-HOGLSIB3.js";
import {
  VetError
} from "./chunk-OI56ITB4.js";

// src/version.ts
var VERSION = "0.1.0";

// src/pipeline/vet.ts
import { constants } from "node:fs";
import { access, mkdir as mkdir4, readFile as readFile3 } from "node:fs/promises";
import { join as join3 } from "node:path";

// src/registry/client.ts
import { createHash, randomBytes } from "node:crypto";
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";

// src/registry/prune-json.ts
var JsonSyntaxError = class extends SyntaxError {
  constructor(problem, offset, endsEarly = false) {
    super(`${problem} at byte ${offset}${endsEarly ? " (the document ends early)" : ""}`);
    this.offset = offset;
    this.endsEarly = endsEarly;
    this.name = "JsonSyntaxError";
  }
  offset;
  endsEarly;
};
var compiled = /* @__PURE__ */ new WeakMap();
var scratch = Buffer.allocUnsafeSlow(64 * 1024);
function compile(keep) {
  if (keep === true) return true;
  let c = compiled.get(keep);
  if (c) return c;
  c = { byLength: /* @__PURE__ */ new Map(), byName: /* @__PURE__ */ new Map(), other: void 0 };
  compiled.set(keep, c);
  for (const [name, sub] of Object.entries(keep.members ?? {})) {
    const bytes = Buffer.from(name, "utf8");
    const compiledSub = compile(sub);
    let list = c.byLength.get(bytes.length);
    if (!list) c.byLength.set(bytes.length, list = []);
    list.push({ bytes, keep: compiledSub });
    c.byName.set(name, compiledSub);
  }
  c.other = keep.other === void 0 ? void 0 : compile(keep.other);
  return c;
}
var QUOTE = 34;
var BACKSLASH = 92;
var COMMA = 44;
var COLON = 58;
var OPEN_OBJECT = 123;
var CLOSE_OBJECT = 125;
var OPEN_ARRAY = 91;
var CLOSE_ARRAY = 93;
var MINUS = 45;
var PLUS = 43;
var DOT = 46;
var ZERO = 48;
var NINE = 57;
var TRUE = Buffer.from("true");
var FALSE = Buffer.from("false");
var NULL = Buffer.from("null");
var SHORT_COPY = 64;
var SHORT_STRING = 24;
var Pruner = class {
  constructor(b) {
    this.b = b;
    this.n = b.length;
    this.view = new Uint8Array(b.buffer, b.byteOffset, b.length);
    if (scratch.length < b.length) scratch = Buffer.allocUnsafeSlow(Math.max(b.length, scratch.length * 2));
    this.out = scratch;
  }
  b;
  i = 0;
  o = 0;
  n;
  out;
  /** open containers of the value being skipped: 1 object, 2 array */
  stack = new Uint8Array(64);
  view;
  run(schema) {
    this.ws();
    this.value(schema);
    this.ws();
    if (this.i !== this.n) this.fail("unexpected data after the JSON value");
    return Buffer.from(this.out.subarray(0, this.o));
  }
  fail(problem, at = this.i, endsEarly = at >= this.n) {
    throw new JsonSyntaxError(problem, at, endsEarly);
  }
  ws() {
    const b = this.b;
    let i = this.i;
    for (; ; ) {
      const c = b[i];
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      i++;
    }
    this.i = i;
  }
  /** The index of the quote that closes the string opening at `start`. */
  stringEnd(start) {
    const b = this.b;
    const n = this.n;
    let j = start + 1;
    for (; ; ) {
      const limit = j + SHORT_STRING < n ? j + SHORT_STRING : n;
      while (j < limit && b[j] !== QUOTE) j++;
      if (j === limit) {
        j = limit < n ? b.indexOf(QUOTE, limit) : -1;
        if (j < 0) this.fail("unterminated string", start, true);
      }
      let k = j - 1;
      while (b[k] === BACKSLASH) k--;
      if ((j - 1 - k & 1) === 0) return j;
      j++;
    }
  }
  copy(start, end) {
    const b = this.b;
    const out = this.out;
    if (end - start < SHORT_COPY) {
      let o = this.o;
      for (let k = start; k < end; k++) out[o++] = b[k];
      this.o = o;
    } else {
      this.out.set(this.view.subarray(start, end), this.o);
      this.o += end - start;
    }
  }
  /** A value at `i` (white space skipped), kept as the schema says. */
  value(keep) {
    if (keep !== void 0 && keep !== true && this.b[this.i] === OPEN_OBJECT) {
      this.object(keep);
      return;
    }
    const start = this.i;
    this.skip();
    if (keep !== void 0) this.copy(start, this.i);
  }
  object(schema) {
    const b = this.b;
    this.i++;
    this.out[this.o++] = OPEN_OBJECT;
    this.ws();
    if (b[this.i] === CLOSE_OBJECT) {
      this.i++;
      this.out[this.o++] = CLOSE_OBJECT;
      return;
    }
    let first = true;
    for (; ; ) {
      if (b[this.i] !== QUOTE) this.fail("expected a member name (a string)");
      const keyStart = this.i;
      const keyEnd = this.stringEnd(keyStart);
      this.i = keyEnd + 1;
      const keep = this.memberKeep(schema, keyStart, keyEnd);
      this.ws();
      if (b[this.i] !== COLON) this.fail('expected ":" after a member name');
      this.i++;
      this.ws();
      if (keep === void 0) this.skip();
      else {
        if (!first) this.out[this.o++] = COMMA;
        first = false;
        this.copy(keyStart, keyEnd + 1);
        this.out[this.o++] = COLON;
        this.value(keep);
      }
      this.ws();
      const c = b[this.i++];
      if (c === COMMA) {
        this.ws();
        continue;
      }
      if (c === CLOSE_OBJECT) {
        this.out[this.o++] = CLOSE_OBJECT;
        return;
      }
      this.i--;
      this.fail('expected "," or "}" after a member');
    }
  }
  memberKeep(schema, keyStart, keyEnd) {
    const b = this.b;
    const length = keyEnd - keyStart - 1;
    let escaped = false;
    const candidates = schema.byLength.get(length);
    if (candidates) {
      for (const { bytes, keep } of candidates) {
        let k = 0;
        while (k < length && b[keyStart + 1 + k] === bytes[k]) k++;
        if (k === length) return keep;
      }
    }
    for (let k = keyStart + 1; k < keyEnd; k++) {
      if (b[k] === BACKSLASH) {
        escaped = true;
        break;
      }
    }
    if (escaped) {
      let name;
      try {
        name = JSON.parse(
          Buffer.from(b.buffer, b.byteOffset + keyStart, length + 2).toString("utf8")
        );
      } catch {
        this.fail("invalid escape in a member name", keyStart);
      }
      const keep = schema.byName.get(name);
      if (keep !== void 0) return keep;
    }
    return schema.other;
  }
  /** Moves `i` past one value, checking its structure. */
  skip() {
    const b = this.b;
    const c = b[this.i];
    if (c === QUOTE) {
      this.i = this.stringEnd(this.i) + 1;
      return;
    }
    if (c !== OPEN_OBJECT && c !== OPEN_ARRAY) {
      this.scalar();
      return;
    }
    let depth = 0;
    let stack = this.stack;
    let i = this.i;
    for (; ; ) {
      let d = b[i];
      if (d === OPEN_OBJECT || d === OPEN_ARRAY) {
        if (depth === stack.length) {
          const grown = new Uint8Array(stack.length * 2);
          grown.set(stack);
          this.stack = stack = grown;
        }
        const isObject = d === OPEN_OBJECT;
        stack[depth++] = isObject ? 1 : 2;
        i++;
        while ((d = b[i]) === 32 || d === 10 || d === 13 || d === 9) i++;
        if (d === (isObject ? CLOSE_OBJECT : CLOSE_ARRAY)) {
          i++;
          depth--;
        } else {
          if (isObject) i = this.memberName(i);
          continue;
        }
      } else if (d === QUOTE) {
        i = this.stringEnd(i) + 1;
      } else {
        this.i = i;
        this.scalar();
        i = this.i;
      }
      for (; ; ) {
        if (depth === 0) {
          this.i = i;
          return;
        }
        while ((d = b[i]) === 32 || d === 10 || d === 13 || d === 9) i++;
        const inObject = stack[depth - 1] === 1;
        if (d === COMMA) {
          i++;
          while ((d = b[i]) === 32 || d === 10 || d === 13 || d === 9) i++;
          if (inObject) i = this.memberName(i);
          break;
        }
        if (d === (inObject ? CLOSE_OBJECT : CLOSE_ARRAY)) {
          i++;
          depth--;
          continue;
        }
        this.i = i;
        this.fail(inObject ? 'expected "," or "}" after a member' : 'expected "," or "]" after an element');
      }
    }
  }
  /** At a member name inside a skipped object: past the name, the colon and white space. */
  memberName(i) {
    const b = this.b;
    if (b[i] !== QUOTE) {
      this.i = i;
      this.fail("expected a member name (a string)");
    }
    i = this.stringEnd(i) + 1;
    let d;
    while ((d = b[i]) === 32 || d === 10 || d === 13 || d === 9) i++;
    if (d !== COLON) {
      this.i = i;
      this.fail('expected ":" after a member name');
    }
    i++;
    while ((d = b[i]) === 32 || d === 10 || d === 13 || d === 9) i++;
    return i;
  }
  /** Past one or more digits at `i` (a number's part that must have one). */
  digits(i) {
    const b = this.b;
    const from = i;
    while (b[i] >= ZERO && b[i] <= NINE) i++;
    if (i === from) this.fail(i >= this.n ? "expected a value" : "expected a value (a digit)", i);
    return i;
  }
  /** `true`, `false`, `null` or a number, exactly as JSON writes them. */
  scalar() {
    const b = this.b;
    const c = b[this.i];
    const literal = c === 116 ? TRUE : c === 102 ? FALSE : c === 110 ? NULL : void 0;
    if (literal) {
      for (let k = 0; k < literal.length; k++) {
        if (b[this.i + k] !== literal[k]) this.fail("invalid literal", this.i, this.i + k >= this.n);
      }
      this.i += literal.length;
      return;
    }
    let i = this.i;
    if (b[i] === MINUS) i++;
    if (b[i] === ZERO) i++;
    else i = this.digits(i);
    if (b[i] === DOT) i = this.digits(i + 1);
    if (b[i] === 101 || b[i] === 69) {
      i++;
      if (b[i] === PLUS || b[i] === MINUS) i++;
      i = this.digits(i);
    }
    this.i = i;
  }
};
function pruneJson(json, keep) {
  return new Pruner(json).run(compile(keep));
}

// src/registry/client.ts
var ABBREVIATED = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";
var DEFAULT_MAX_AGE_S = 300;
var HEADER_READ = 1024;
var CACHE_FORMAT = 4;
var DEFAULT_RETRY = { retries: 3, factor: 2, minTimeout: 300, maxTimeout: 4e3 };
var DEFAULT_TIMEOUT_MS = 3e4;
var RegistryClient = class {
  config;
  stats = { requests: 0, notModified: 0, cacheHits: 0 };
  memo = /* @__PURE__ */ new Map();
  limit;
  cacheDir;
  cacheDirMade;
  writes = /* @__PURE__ */ new Set();
  preferOnline;
  fetchOptions;
  constructor(opts) {
    this.config = opts.config;
    this.cacheDir = opts.cacheDir ? join(opts.cacheDir, "packuments") : void 0;
    this.limit = limiter(opts.concurrency ?? 16);
    this.preferOnline = opts.preferOnline ?? false;
    const retry = { ...DEFAULT_RETRY, ...opts.config.fetchOptions.retry ?? {} };
    this.fetchOptions = {
      timeout: DEFAULT_TIMEOUT_MS,
      maxSockets: 16,
      ...opts.config.fetchOptions,
      retry
    };
  }
  /** Fetch options for npm-registry-fetch (auth, TLS, proxy, retry), e.g. for tarball downloads. */
  get registryOptions() {
    return this.fetchOptions;
  }
  registryFor(name) {
    return registryFor(name, this.config);
  }
  /** The packument of `name`, fetched at most once per client. */
  async packument(name) {
    const loaded = await this.loaded(name);
    if (loaded.packument) return loaded.packument;
    if (loaded.notFound !== void 0) throw new VetError("E_NOT_FOUND", loaded.notFound);
    let body = loaded.body;
    if (!body && loaded.file) {
      const entry = this.readCache(loaded.file, false);
      if (entry?.header.rev === loaded.rev) body = entry.body;
    }
    loaded.body = void 0;
    loaded.file = void 0;
    if (body) {
      try {
        loaded.packument = normalizePackument(name, JSON.parse(body.toString("utf8")));
        return loaded.packument;
      } catch (err) {
        if (process.env.MCP_VET_DEBUG)
          process.stderr.write(`mcp-vet: damaged cache entry for ${name}: ${err.message}
`);
      }
    }
    if (!loaded.replaced) {
      loaded.replaced = true;
      this.memo.set(
        name,
        this.limit(() => this.load(name, true))
      );
    }
    return this.packument(name);
  }
  /**
   * Which revision of `name`'s packument (or of its 404) `packument(name)` returns. Answered from
   * the cache header when the entry is fresh, without parsing the packument; a stale entry is
   * revalidated with the registry first, exactly as `packument` would.
   */
  async revision(name) {
    const loaded = await this.loaded(name);
    return loaded.notFound !== void 0 ? `404:${loaded.rev}` : loaded.rev;
  }
  /** Resolves when every cache write started so far has finished (or failed). */
  async flush() {
    while (this.writes.size) await Promise.all(this.writes);
  }
  track(write) {
    this.writes.add(write);
    void write.finally(() => this.writes.delete(write));
  }
  /** The names asked for so far (by `packument`, `prefetch` or `revision`). */
  names() {
    return [...this.memo.keys()];
  }
  /** Starts fetching without waiting; errors surface when the packument is actually needed. */
  prefetch(name) {
    this.loaded(name).catch(() => void 0);
  }
  loaded(name) {
    let p = this.memo.get(name);
    if (!p) {
      p = this.limit(() => this.load(name));
      this.memo.set(name, p);
    }
    return p;
  }
  cacheFile(name) {
    if (!this.cacheDir) return void 0;
    const key = createHash("sha256").update(`${this.registryFor(name)}
${name}`).digest("hex");
    return join(this.cacheDir, `${key}.json`);
  }
  /**
   * Reads a cache file: the header only (one small read, enough to answer freshness and
   * revision) or with its body. Synchronous: one or two reads of a local file, cheaper than the
   * promise API's thread pool round trips when a warm run checks a hundred entries.
   */
  readCache(file, headerOnly) {
    if (!file) return void 0;
    try {
      let data = Buffer.alloc(0);
      let nl = -1;
      if (headerOnly) {
        const fd = openSync(file, "r");
        try {
          data = Buffer.allocUnsafe(HEADER_READ);
          data = data.subarray(0, readSync(fd, data, 0, HEADER_READ, 0));
        } finally {
          closeSync(fd);
        }
        nl = data.indexOf(10);
      }
      if (nl < 0) {
        data = readFileSync(file);
        nl = data.indexOf(10);
        headerOnly = false;
      }
      if (nl < 0) return void 0;
      const header = JSON.parse(data.subarray(0, nl).toString("utf8"));
      if (header?.format !== CACHE_FORMAT || typeof header.rev !== "string" || typeof header.fetchedAt !== "number" || typeof header.maxAge !== "number")
        return void 0;
      return headerOnly ? { header } : { header, body: data.subarray(nl + 1) };
    } catch {
      return void 0;
    }
  }
  /**
   * Writes a cache file atomically (temp file, then rename), header and body in one gathered
   * write without a copy. Not awaited by callers: it runs in the thread pool (creating files is
   * slow on some disks) while resolution goes on, and a failed write only costs a later run.
   */
  async writeCache(file, header, body) {
    if (!file || !this.cacheDir) return;
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      this.cacheDirMade ??= mkdir(this.cacheDir, { recursive: true }).then(() => void 0);
      await this.cacheDirMade;
      const fh = await open(tmp, "w", 420);
      try {
        const head = Buffer.from(`${JSON.stringify(header)}
`);
        await fh.writev([head, typeof body === "string" ? Buffer.from(body) : body]);
      } finally {
        await fh.close();
      }
      await rename(tmp, file);
    } catch {
      await rm(tmp, { force: true }).catch(() => void 0);
    }
  }
  async load(name, ignoreCache = false) {
    const file = this.cacheFile(name);
    const head = ignoreCache ? void 0 : this.readCache(file, true);
    const fresh = (h) => Date.now() - h.fetchedAt < h.maxAge * 1e3;
    if (head && !this.preferOnline && fresh(head.header)) {
      this.stats.cacheHits++;
      const { rev: rev2, notFound } = head.header;
      return notFound !== void 0 ? { rev: rev2, notFound } : { rev: rev2, file };
    }
    const cached = head ? this.readCache(file, false) : void 0;
    const headers = { accept: ABBREVIATED };
    const revalidate = cached && cached.header.notFound === void 0 ? cached : void 0;
    if (revalidate?.header.etag) headers["if-none-match"] = revalidate.header.etag;
    const registry = this.registryFor(name);
    const url = `${registry}${name.startsWith("@") ? name.replace("/", "%2f") : name}`;
    this.stats.requests++;
    if (process.env.MCP_VET_DEBUG)
      process.stderr.write(`mcp-vet: GET ${url}${cached ? " (revalidate)" : ""}
`);
    let res;
    try {
      const { default: fetchFn } = await import("./lib-EAAT6CMY.js");
      res = await fetchFn(url, { ...this.fetchOptions, registry, headers });
    } catch (err) {
      const e = toRegistryError(err, `the packument of ${name}`, url, registry);
      if (e.code !== "E_NOT_FOUND") throw e;
      const notFound = e.message;
      const rev2 = createHash("sha256").update(notFound).digest("hex");
      const header = {
        format: CACHE_FORMAT,
        fetchedAt: Date.now(),
        maxAge: DEFAULT_MAX_AGE_S,
        rev: rev2,
        notFound
      };
      this.track(this.writeCache(file, header, ""));
      return { rev: rev2, notFound };
    }
    const maxAge = parseMaxAge(res.headers.get("cache-control"));
    if (res.status === 304 && revalidate?.body) {
      this.stats.notModified++;
      this.track(
        this.writeCache(file, { ...revalidate.header, fetchedAt: Date.now(), maxAge }, revalidate.body)
      );
      return { rev: revalidate.header.rev, body: revalidate.body };
    }
    let body;
    let raw;
    try {
      body = pruneJson(await res.buffer(), PACKUMENT_FIELDS);
      raw = JSON.parse(body.toString("utf8"));
    } catch (err) {
      throw new VetError(
        "E_PACKUMENT",
        `malformed packument for ${name}: ${url} did not return JSON (${err.message})`,
        { cause: err }
      );
    }
    const packument = normalizePackument(name, raw);
    raw = void 0;
    const rev = revalidate?.body?.equals(body) ? revalidate.header.rev : newRevision();
    const etag = res.headers.get("etag") ?? void 0;
    this.track(
      this.writeCache(file, { format: CACHE_FORMAT, etag, fetchedAt: Date.now(), maxAge, rev }, body)
    );
    return { rev, packument };
  }
};
function newRevision() {
  return randomBytes(12).toString("base64url");
}
function parseMaxAge(header) {
  const m = header ? /max-age=(\d+)/i.exec(header) : null;
  if (!m?.[1]) return DEFAULT_MAX_AGE_S;
  if (header && /no-cache|no-store/i.test(header)) return 0;
  return Number(m[1]);
}
function toRegistryError(err, what, url, registry) {
  if (err instanceof VetError) return err;
  const e = err;
  const status = e.statusCode;
  const safeUrl = redactUrl(url);
  if (status === 404) {
    return new VetError(
      "E_NOT_FOUND",
      `${what} was not found (404 from ${safeUrl}); check the name and the registry`,
      {
        cause: err
      }
    );
  }
  if (status === 401 || status === 403) {
    const key = authKeyFor(url, registry);
    return new VetError(
      "E_AUTH",
      `${what}: ${safeUrl} answered ${status}; set a token for it in .npmrc (${key}:_authToken=\${NPM_TOKEN})`,
      { cause: err }
    );
  }
  if (status !== void 0 && status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return new VetError("E_PACKUMENT", `${what}: ${safeUrl} answered ${status}`, { cause: err });
  }
  const detail = status !== void 0 ? `HTTP ${status}` : e.code ?? errorMessage(err);
  return new VetError(
    "E_REGISTRY_UNAVAILABLE",
    `${what}: the registry did not answer usefully after retries (${detail} from ${safeUrl})`,
    { cause: err }
  );
}

// src/registry/resolution-cache.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdir as mkdir2, readFile, rename as rename2, writeFile } from "node:fs/promises";
import { join as join2 } from "node:path";
var RESOLUTION_FORMAT = 1;
async function resolveTreeCached(rawSpec, o) {
  const base = o.platform ?? currentPlatform();
  const nodeVersion = o.nodeVersion ?? process.version;
  const npmVersion = o.npmVersion ?? null;
  const file = o.cacheDir ? join2(o.cacheDir, "resolutions", `${cacheKey(rawSpec, o, base, nodeVersion, npmVersion)}.json`) : void 0;
  const hit = file ? await lookup(file, o, base) : void 0;
  if (hit) {
    for (const w of hit.warnings) o.warn?.(w);
    return { tree: hit.tree, cached: true };
  }
  const warnings = [];
  let libc = null;
  const platform = {
    os: base.os,
    cpu: base.cpu,
    get libc() {
      const v = base.libc;
      libc = v ?? "";
      return v;
    }
  };
  const { resolveTree } = await import("./resolve-VZTG2RTV.js");
  const tree = await resolveTree(rawSpec, {
    ...o,
    platform,
    nodeVersion,
    npmVersion,
    warn: (m) => {
      warnings.push(m);
      o.warn?.(m);
    }
  });
  await addPublishTimes(tree, o);
  if (file) await store(file, o, { libc, warnings, tree });
  return { tree, cached: false };
}
async function addPublishTimes(tree, o) {
  await Promise.all(
    [tree.root, ...tree.packages].filter((p) => !p.bundled).map(async (p) => {
      const t = await o.client.packument(p.name).then(
        (d) => d.time?.[p.version],
        () => void 0
      );
      if (t && !Number.isNaN(Date.parse(t))) p.published = t;
    })
  );
}
function cacheKey(rawSpec, o, platform, nodeVersion, npmVersion) {
  const { config } = o.client;
  const scopes = Object.entries(config.fetchOptions).filter(([k, v]) => k.endsWith(":registry") && typeof v === "string").sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  const key = JSON.stringify([
    RESOLUTION_FORMAT,
    VERSION,
    rawSpec,
    config.registry,
    scopes,
    platform.os,
    platform.cpu,
    nodeVersion,
    npmVersion
  ]);
  return createHash2("sha256").update(key).digest("hex");
}
async function lookup(file, o, platform) {
  let entry;
  try {
    entry = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return void 0;
  }
  if (!isRecord(entry) || entry.format !== RESOLUTION_FORMAT || !isRecord(entry.packuments) || !Array.isArray(entry.warnings) || !isRecord(entry.tree) || typeof entry.tree.spec !== "string" || typeof entry.tree.registry !== "string" || !Array.isArray(entry.tree.packages) || ![entry.tree.root, ...entry.tree.packages].every(isPackage)) {
    return void 0;
  }
  if (entry.libc !== null && entry.libc !== (platform.libc ?? "")) return void 0;
  const names = Object.entries(entry.packuments);
  if (names.length === 0) return void 0;
  try {
    const same = await Promise.all(names.map(async ([name, rev]) => await o.client.revision(name) === rev));
    if (!same.every(Boolean)) {
      if (process.env.MCP_VET_DEBUG) process.stderr.write("mcp-vet: cached resolution is stale: resolving\n");
      return void 0;
    }
  } catch {
    return void 0;
  }
  return entry;
}
function isPackage(p) {
  return isRecord(p) && typeof p.name === "string" && typeof p.version === "string" && typeof p.location === "string" && (p.integrity === null || typeof p.integrity === "string") && (p.resolved === null || typeof p.resolved === "string") && Array.isArray(p.path) && Array.isArray(p.dependencies) && typeof p.optional === "boolean" && typeof p.peer === "boolean" && typeof p.bundled === "boolean" && typeof p.fromShrinkwrap === "boolean";
}
async function store(file, o, e) {
  const packuments = {};
  await o.client.flush();
  try {
    for (const name of o.client.names().sort()) packuments[name] = await o.client.revision(name);
  } catch {
    return;
  }
  const entry = { format: RESOLUTION_FORMAT, packuments, ...e };
  try {
    await mkdir2(join2(file, ".."), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await writeFile(tmp, JSON.stringify(entry));
    await rename2(tmp, file);
  } catch {
  }
}

// src/registry/tarball.ts
import { createHash as createHash3 } from "node:crypto";
import {
  closeSync as closeSync2,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync as openSync2,
  readFileSync as readFileSync2,
  writeSync
} from "node:fs";
import * as fsp from "node:fs/promises";
import path from "node:path";
import { createGunzip } from "node:zlib";
var DEFAULT_LIMITS = {
  /** Bytes on the wire: 100 MiB. Also bounds how much we download before giving up. */
  maxCompressedBytes: 100 * 1024 * 1024,
  /** Sum of all file sizes after extraction: 250 MiB (gzip bombs inflate far beyond this). */
  maxTotalBytes: 250 * 1024 * 1024,
  /** Files and directories: 20 000 (inode exhaustion; real packages stay well below). */
  maxFiles: 2e4,
  /** A single file: 100 MiB (the biggest legitimate files are native binaries / wasm). */
  maxFileBytes: 100 * 1024 * 1024
};
var METADATA_KEEP_BYTES = 8 * 1024 * 1024;
var MARKER = ".mcp-vet.json";
var MARKER_FORMAT = 3;
var TARBALL = ".mcp-vet.tgz";
var ALGORITHMS = ["sha512", "sha384", "sha256", "sha1"];
var DIGEST_BYTES = { sha512: 64, sha384: 48, sha256: 32, sha1: 20 };
function parseIntegrity(integrity, id) {
  const found = /* @__PURE__ */ new Map();
  for (const token of integrity.trim().split(/\s+/)) {
    const match = /^([a-z0-9]+)-([A-Za-z0-9+/]+={0,2})(\?.*)?$/.exec(token);
    if (!match) continue;
    const algorithm = match[1];
    if (!ALGORITHMS.includes(algorithm)) continue;
    const digest = Buffer.from(match[2] ?? "", "base64");
    if (digest.length !== DIGEST_BYTES[algorithm]) continue;
    found.set(algorithm, [...found.get(algorithm) ?? [], digest]);
  }
  for (const algorithm of ALGORITHMS) {
    const digests = found.get(algorithm);
    if (digests) return { algorithm, digests };
  }
  throw new VetError(
    "E_INTEGRITY",
    `The integrity "${integrity}"${id ? ` of ${id}` : ""} has no usable sha512/sha384/sha256/sha1 digest, so the tarball cannot be verified and was not used`
  );
}
function cachePathFor(cacheDir, integrity) {
  const { algorithm, digests } = parseIntegrity(integrity);
  const hex = digests[0].toString("hex");
  return path.join(cacheDir, "packages", `${algorithm}-${hex}`);
}
async function fetchPackage(req, opts) {
  const id = `${req.name}@${req.version}`;
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const expected = parseIntegrity(req.integrity, id);
  const finalDir = cachePathFor(opts.cacheDir, req.integrity);
  const mode = opts.extract ?? "metadata";
  const cached = await readCacheEntry(finalDir);
  if (cached && (mode === "metadata" || cached.extract === "full")) {
    return { dir: cached.dir, manifest: cached.manifest, bundled: cached.bundled, fromCache: true };
  }
  const localTarball = cached ? path.join(finalDir, TARBALL) : void 0;
  const tmpDir = await makeTempDir(path.join(opts.cacheDir, "tmp"), `${expected.algorithm}-`);
  let published = false;
  try {
    const { metadata, packageJson } = await downloadAndExtract(
      req,
      opts,
      limits,
      expected,
      tmpDir,
      mode,
      localTarball
    );
    const manifest = parsePackageJson(packageJson, id);
    const bundled = metadata ? bundledFromMetadata(metadata) : await findBundled(tmpDir);
    const marker = {
      format: MARKER_FORMAT,
      extract: mode,
      integrity: req.integrity,
      name: req.name,
      version: req.version,
      bundled
    };
    await fsp.writeFile(path.join(tmpDir, MARKER), [
      Buffer.from(`${JSON.stringify(marker)}
`),
      packageJson
    ]);
    if (cached) await fsp.rm(finalDir, { recursive: true, force: true });
    const winner = await publish(tmpDir, finalDir);
    published = true;
    if (winner)
      return { dir: winner.dir, manifest: winner.manifest, bundled: winner.bundled, fromCache: false };
    return { dir: finalDir, manifest, fromCache: false, bundled };
  } finally {
    if (!published || existsSync(tmpDir)) await fsp.rm(tmpDir, { recursive: true, force: true });
  }
}
async function publish(tmpDir, finalDir) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fsp.rename(tmpDir, finalDir);
      return null;
    } catch (err) {
      const code = err.code;
      if (code === "ENOENT" && attempt === 0) {
        await fsp.mkdir(path.dirname(finalDir), { recursive: true });
        continue;
      }
      if (code !== "EEXIST" && code !== "ENOTEMPTY" && code !== "EPERM") throw err;
      const theirs = await readCacheEntry(finalDir);
      if (theirs) return theirs;
      await fsp.rm(finalDir, { recursive: true, force: true });
    }
  }
  await fsp.rename(tmpDir, finalDir);
  return null;
}
async function makeTempDir(root, prefix) {
  try {
    return await fsp.mkdtemp(path.join(root, prefix));
  } catch (err) {
    if (err.code !== "ENOENT") throw err;
    await fsp.mkdir(root, { recursive: true });
    return await fsp.mkdtemp(path.join(root, prefix));
  }
}
async function readCacheEntry(dir) {
  try {
    const data = readFileSync2(path.join(dir, MARKER));
    const nl = data.indexOf(10);
    if (nl < 0) return null;
    const marker = JSON.parse(data.subarray(0, nl).toString("utf8"));
    if (marker?.format !== MARKER_FORMAT || !Array.isArray(marker.bundled)) return null;
    const manifest = JSON.parse(data.subarray(nl + 1).toString("utf8"));
    if (!isRecord(manifest)) return null;
    return {
      dir,
      manifest,
      bundled: marker.bundled,
      extract: marker.extract === "full" ? "full" : "metadata"
    };
  } catch {
    return null;
  }
}
function isMetadataFile(rel) {
  return rel === "package.json" || rel === "npm-shrinkwrap.json" || /^(?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+package\.json$/.test(rel);
}
async function downloadAndExtract(req, opts, limits, expected, tmpDir, mode, localTarball) {
  const id = `${req.name}@${req.version}`;
  const url = redactUrl(req.resolved);
  const { Parser: TarParser } = await import("./index.min-XZOQOW2L.js");
  if (localTarball) {
    const hash = createHash3(expected.algorithm);
    const extractor = new Extractor(TarParser, tmpDir, id, limits, mode);
    try {
      for await (const chunk of createReadStream(localTarball)) {
        hash.update(chunk);
        extractor.write(chunk);
      }
    } catch (err) {
      extractor.dispose();
      throw err instanceof VetError ? err : new VetError("E_TARBALL", `cannot read the cached tarball of ${id}: ${errorMessage(err)}`);
    }
    await extractor.end();
    verifyDigest(hash, expected, req, id);
    if (extractor.error) throw extractor.error;
    await fsp.copyFile(localTarball, path.join(tmpDir, TARBALL));
    return { metadata: extractor.metadata, packageJson: extractor.packageJson };
  }
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(opts.signal?.reason);
  if (opts.signal?.aborted) throw opts.signal.reason;
  opts.signal?.addEventListener("abort", onOuterAbort, { once: true });
  try {
    let res;
    const { default: fetchFn } = await import("./lib-EAAT6CMY.js");
    try {
      res = await fetchFn(req.resolved, {
        // no `spec`: registryOptions.registry is the package's own (scoped) registry already, the
        // only thing npm-registry-fetch would derive from one (by parsing it on every request)
        ...opts.registryOptions,
        method: "GET",
        // npm-registry-fetch would verify with ssri and throw its own EINTEGRITY; we verify
        // ourselves so the error says which package and what the digests were.
        integrity: void 0,
        signal: controller.signal
      });
    } catch (err) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      throw httpError(err, req, opts);
    }
    if (res.status !== 200) {
      throw new VetError(
        "E_REGISTRY_UNAVAILABLE",
        `Downloading the tarball of ${id} from ${url} returned HTTP ${res.status} instead of 200`
      );
    }
    const announced = Number(res.headers.get("content-length"));
    if (Number.isFinite(announced) && announced > limits.maxCompressedBytes) {
      throw limitError(
        id,
        "maxCompressedBytes",
        limits.maxCompressedBytes,
        `the server announced ${announced} bytes`
      );
    }
    const hash = createHash3(expected.algorithm);
    const extractor = new Extractor(TarParser, tmpDir, id, limits, mode);
    let received = 0;
    const keep = openSync2(path.join(tmpDir, TARBALL), "w", 420);
    try {
      for await (const chunk of res.body) {
        const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
        received += buf.length;
        if (received > limits.maxCompressedBytes) {
          throw limitError(id, "maxCompressedBytes", limits.maxCompressedBytes, "the download exceeded it");
        }
        hash.update(buf);
        for (let off = 0; off < buf.length; ) off += writeSync(keep, buf, off, buf.length - off);
        extractor.write(buf);
      }
    } catch (err) {
      extractor.dispose();
      if (err instanceof VetError) throw err;
      if (opts.signal?.aborted) throw opts.signal.reason;
      throw new VetError(
        "E_REGISTRY_UNAVAILABLE",
        `The download of ${id} from ${url} was interrupted: ${errorMessage(err)}`,
        { cause: err }
      );
    } finally {
      closeSync2(keep);
    }
    await extractor.end();
    verifyDigest(hash, expected, req, id);
    if (extractor.error) throw extractor.error;
    return { metadata: extractor.metadata, packageJson: extractor.packageJson };
  } finally {
    opts.signal?.removeEventListener("abort", onOuterAbort);
    controller.abort();
  }
}
function verifyDigest(hash, expected, req, id) {
  const actual = hash.digest();
  if (expected.digests.some((digest) => digest.equals(actual))) return;
  throw new VetError(
    "E_INTEGRITY",
    `Integrity check failed for ${id}: expected ${req.integrity}, but the tarball downloaded from ${redactUrl(req.resolved)} has ${expected.algorithm}-${actual.toString("base64")}. The tarball was not used. The registry served different bytes than its packument promised (tampering, a corrupted mirror or a misconfigured proxy).`
  );
}
function httpError(err, req, opts) {
  if (err instanceof VetError) return err;
  const id = `${req.name}@${req.version}`;
  const url = redactUrl(req.resolved);
  const status = err.statusCode;
  const code = err.code;
  if (status === 404 || status === 410) {
    return new VetError(
      "E_NOT_FOUND",
      `The tarball of ${id} was not found: ${url} returned ${status}. The packument points at a tarball the registry does not have.`,
      { cause: err }
    );
  }
  if (status === 401 || status === 403 || code === "EOTP") {
    const key = authKeyFor(req.resolved, opts.registryOptions.registry);
    return new VetError(
      "E_AUTH",
      `The registry refused to serve the tarball of ${id} (${url} returned ${String(status)}). If it needs credentials, set \`${key}:_authToken=<token>\` in your .npmrc.`,
      { cause: err }
    );
  }
  const what = typeof status === "number" ? `HTTP ${status}` : errorMessage(err);
  return new VetError(
    "E_REGISTRY_UNAVAILABLE",
    `Could not download the tarball of ${id} from ${url}: ${what} (after retries)`,
    { cause: err }
  );
}
function limitError(id, cap, value, detail) {
  return new VetError(
    "E_TARBALL_LIMIT",
    `The tarball of ${id} exceeds the ${cap} limit of ${value} (${detail}); it was not extracted. Raise the limit only if you trust this package.`
  );
}
var MAX_DECOMPRESSION_RATIO = 1e3;
var Extractor = class {
  constructor(TarParser, dest, id, limits, mode = "full") {
    this.dest = dest;
    this.id = id;
    this.limits = limits;
    this.mode = mode;
    this.finished = new Promise((resolve) => this.resolveFinished = resolve);
    this.parser = new TarParser({ strict: true, onReadEntry: (entry) => this.onEntry(entry) });
    this.parser.on("error", (err) => this.fail(this.parserError(err)));
    this.parser.on("ignoredEntry", (entry) => {
      this.fail(this.entryError(entry, `has an unsupported entry type "${entry.type}"`));
    });
    this.parser.on("end", () => this.resolveFinished());
  }
  dest;
  id;
  limits;
  mode;
  error;
  /**
   * The metadata files' bytes (path → content of the last entry with that path, as on disk),
   * kept so nothing has to be read back; null once they exceed METADATA_KEEP_BYTES.
   */
  metadata = /* @__PURE__ */ new Map();
  /** The package's own package.json (the last entry with that path), kept apart from `metadata`. */
  packageJson;
  metadataBytes = 0;
  parser;
  /**
   * A gzip stream is inflated here, on the thread pool, and the tar bytes fed to the parser; tar
   * would inflate it synchronously on the main thread, which also parses packuments meanwhile.
   * undefined until the first bytes show whether the tarball is gzipped.
   */
  gunzip;
  compressedBytes = 0;
  inflatedBytes = 0;
  finished;
  resolveFinished = () => {
  };
  files = 0;
  totalBytes = 0;
  filePaths = /* @__PURE__ */ new Set();
  dirPaths = /* @__PURE__ */ new Set();
  openFd;
  write(chunk) {
    if (this.error) return;
    if (this.gunzip === void 0)
      this.gunzip = chunk[0] === 31 && chunk[1] === 139 ? this.inflater() : null;
    if (this.gunzip) {
      this.compressedBytes += chunk.length;
      this.gunzip.write(chunk);
      return;
    }
    this.toParser(chunk);
  }
  async end() {
    if (!this.error) {
      if (this.gunzip)
        this.gunzip.end();
      else this.endParser();
    }
    await this.finished;
    this.closeFile();
  }
  toParser(chunk) {
    if (this.error) return;
    try {
      this.parser.write(chunk);
    } catch (err) {
      this.fail(this.asVetError(err));
    }
  }
  endParser() {
    try {
      this.parser.end();
    } catch (err) {
      this.fail(this.asVetError(err));
    }
  }
  inflater() {
    const gunzip = createGunzip({ chunkSize: 1 << 18 });
    gunzip.on("data", (tar) => {
      if (this.error) return;
      this.inflatedBytes += tar.length;
      const ratio = this.inflatedBytes / this.compressedBytes;
      if (ratio > MAX_DECOMPRESSION_RATIO) {
        this.fail(
          this.parserError(
            new Error(`max decompression ratio exceeded: ${ratio.toFixed(2)} > ${MAX_DECOMPRESSION_RATIO}`)
          )
        );
        return;
      }
      this.toParser(tar);
    });
    gunzip.on("error", (err) => this.fail(this.parserError(err)));
    gunzip.on("end", () => {
      if (!this.error) this.endParser();
    });
    return gunzip;
  }
  /** Stops extraction when the download itself failed: releases the open file and the inflater. */
  dispose() {
    this.fail(new VetError("E_TARBALL", `Extraction of ${this.id} was abandoned`));
  }
  fail(err) {
    if (this.error) return;
    this.error = err;
    this.closeFile();
    this.resolveFinished();
    this.gunzip?.destroy();
    this.parser.abort(new Error("extraction failed"));
  }
  closeFile() {
    if (this.openFd === void 0) return;
    const fd = this.openFd;
    this.openFd = void 0;
    try {
      closeSync2(fd);
    } catch {
    }
  }
  onEntry(entry) {
    if (this.error) {
      entry.resume();
      return;
    }
    try {
      this.handleEntry(entry);
    } catch (err) {
      this.fail(this.asVetError(err, entry));
      entry.resume();
    }
  }
  handleEntry(entry) {
    const rel = this.checkPath(entry);
    this.checkType(entry);
    if (rel === null) {
      entry.resume();
      return;
    }
    if (rel === MARKER || rel === TARBALL) {
      throw this.entryError(entry, `uses the name ${MARKER}, which mcp-vet reserves for its cache marker`);
    }
    this.files++;
    if (this.files > this.limits.maxFiles) {
      throw limitError(this.id, "maxFiles", this.limits.maxFiles, `at entry "${entry.path}"`);
    }
    const target = path.join(this.dest, rel);
    if (!target.startsWith(this.dest + path.sep))
      throw this.entryError(entry, "escapes the package directory");
    for (let dir = path.posix.dirname(rel); dir !== "."; dir = path.posix.dirname(dir)) {
      if (this.filePaths.has(dir))
        throw this.entryError(entry, `puts a file inside "${dir}", which is a file`);
      this.dirPaths.add(dir);
    }
    if (entry.type === "Directory") this.dirPaths.add(rel);
    else if (this.dirPaths.has(rel))
      throw this.entryError(entry, "is a file where the archive has a directory");
    else this.filePaths.add(rel);
    if (entry.type === "Directory") {
      if (this.mode === "full") mkdirSync(target, { recursive: true, mode: 493 });
      entry.resume();
      return;
    }
    const size = entry.size ?? 0;
    if (size > this.limits.maxFileBytes) {
      throw limitError(this.id, "maxFileBytes", this.limits.maxFileBytes, `"${entry.path}" is ${size} bytes`);
    }
    this.totalBytes += size;
    if (this.totalBytes > this.limits.maxTotalBytes) {
      throw limitError(this.id, "maxTotalBytes", this.limits.maxTotalBytes, `reached at "${entry.path}"`);
    }
    const isMetadata = isMetadataFile(rel);
    if (this.mode === "metadata" && !isMetadata) {
      entry.resume();
      return;
    }
    const isManifest = rel === "package.json";
    let kept;
    if (isManifest) kept = [];
    else if (isMetadata && this.metadata) {
      this.metadataBytes += size;
      if (this.metadataBytes > METADATA_KEEP_BYTES) this.metadata = null;
      else kept = [];
    }
    let fd;
    if (!(isManifest && this.mode === "metadata")) {
      mkdirSync(path.dirname(target), { recursive: true, mode: 493 });
      fd = openSync2(target, "w", 420);
      this.openFd = fd;
    }
    let written = 0;
    entry.on("data", (chunk) => {
      if (this.error || this.openFd !== fd) return;
      try {
        written += chunk.length;
        if (written > this.limits.maxFileBytes) {
          throw limitError(this.id, "maxFileBytes", this.limits.maxFileBytes, `"${entry.path}" is larger`);
        }
        let offset = 0;
        if (fd !== void 0)
          while (offset < chunk.length) offset += writeSync(fd, chunk, offset, chunk.length - offset);
        kept?.push(chunk);
      } catch (err) {
        this.fail(this.asVetError(err, entry));
      }
    });
    entry.on("end", () => {
      if (fd !== void 0 && this.openFd === fd) this.closeFile();
      if (!kept || this.error) return;
      if (isManifest) this.packageJson = Buffer.concat(kept);
      else if (this.metadata) this.metadata.set(rel, Buffer.concat(kept));
    });
    entry.resume();
  }
  /**
   * Returns the path relative to the package dir (first component stripped), or null for entries npm
   * would drop. Rejects what could escape the extraction directory on any platform.
   */
  checkPath(entry) {
    const p = entry.path;
    if (p.startsWith("/") || p.startsWith("\\") || /^[A-Za-z]:/.test(p)) {
      throw this.entryError(entry, "has an absolute path");
    }
    if (p.includes("\0")) throw this.entryError(entry, "has a NUL byte in its path");
    const segments = p.split(/[/\\]/);
    if (segments.includes("..")) throw this.entryError(entry, 'has a ".." path segment (path traversal)');
    const rest = p.split("/").slice(1).filter((s) => s !== "" && s !== ".");
    if (rest.some((s) => s.includes("\\"))) throw this.entryError(entry, "has a backslash in its path");
    return rest.length === 0 ? null : rest.join("/");
  }
  checkType(entry) {
    switch (entry.type) {
      case "File":
      case "OldFile":
      case "ContiguousFile":
      case "Directory":
        return;
      // Links can point anywhere (`/etc/passwd`, `../../.ssh`) and a later entry written "through"
      // a symlinked directory lands outside the package. npm packages never need them.
      case "SymbolicLink":
        throw this.entryError(entry, `is a symbolic link (to "${entry.linkpath ?? ""}")`);
      case "Link":
        throw this.entryError(entry, `is a hard link (to "${entry.linkpath ?? ""}")`);
      // Device nodes and FIFOs have no place in a package and can hang or harm readers.
      case "CharacterDevice":
        throw this.entryError(entry, "is a character device");
      case "BlockDevice":
        throw this.entryError(entry, "is a block device");
      case "FIFO":
        throw this.entryError(entry, "is a FIFO");
      default:
        throw this.entryError(entry, `has an unsupported entry type "${entry.type}"`);
    }
  }
  entryError(entry, problem) {
    return new VetError(
      "E_TARBALL",
      `The tarball of ${this.id} is unsafe: entry "${entry.path}" ${problem}. It was not extracted.`
    );
  }
  parserError(err) {
    const message = errorMessage(err);
    if (/decompression ratio/.test(message)) {
      return new VetError(
        "E_TARBALL_LIMIT",
        `The tarball of ${this.id} exceeds the decompression ratio limit of 1000 (${message}); it was not extracted.`,
        { cause: err }
      );
    }
    return new VetError(
      "E_TARBALL",
      `The tarball of ${this.id} is truncated or corrupt: ${message.replace(/^TAR_[A-Z_]+: /, "")}`,
      { cause: err }
    );
  }
  asVetError(err, entry) {
    if (err instanceof VetError) return err;
    const code = err.code;
    const where = entry ? ` at entry "${entry.path}"` : "";
    if (entry && (code === "EEXIST" || code === "ENOTDIR" || code === "EISDIR")) {
      return new VetError(
        "E_TARBALL",
        `The tarball of ${this.id} is unsafe: entry "${entry.path}" conflicts with an earlier entry (a file where a directory is, or the reverse; ${code}). It was not extracted.`,
        { cause: err }
      );
    }
    const detail = errorMessage(err).split(this.dest).join("<package>");
    return new VetError("E_TARBALL", `The tarball of ${this.id} could not be extracted${where}: ${detail}`, {
      cause: err
    });
  }
};
function parsePackageJson(data, id) {
  if (data === void 0) {
    throw new VetError(
      "E_TARBALL",
      `The tarball of ${id} has no package.json in its top folder; it is not an npm package.`
    );
  }
  let manifest;
  try {
    manifest = JSON.parse(data.toString("utf8"));
  } catch (err) {
    throw new VetError(
      "E_TARBALL",
      `The package.json in the tarball of ${id} is not valid JSON: ${errorMessage(err)}`,
      {
        cause: err
      }
    );
  }
  if (!isRecord(manifest)) {
    throw new VetError("E_TARBALL", `The package.json in the tarball of ${id} is not a JSON object.`);
  }
  return manifest;
}
function bundledFolderName(location) {
  const segments = location.split("/");
  let folder = null;
  for (let i = 0; i < segments.length; ) {
    const name = segments[i + 1];
    if (segments[i] !== "node_modules" || name === void 0 || name.startsWith(".")) return null;
    if (name.startsWith("@")) {
      const child = segments[i + 2];
      if (child === void 0) return null;
      folder = `${name}/${child}`;
      i += 3;
    } else {
      folder = name;
      i += 2;
    }
  }
  return folder;
}
function bundledPackage(text, location, folderName) {
  let pj;
  try {
    pj = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(pj)) return null;
  return {
    name: typeof pj.name === "string" ? pj.name : folderName,
    version: typeof pj.version === "string" ? pj.version : "",
    location
  };
}
function bundledFromMetadata(metadata) {
  const found = [];
  for (const [rel, data] of metadata) {
    if (!rel.endsWith("/package.json")) continue;
    const location = rel.slice(0, -"/package.json".length);
    const folderName = bundledFolderName(location);
    if (folderName === null) continue;
    const pkg = bundledPackage(data.toString("utf8"), location, folderName);
    if (pkg) found.push(pkg);
  }
  return found.sort((a, b) => a.location < b.location ? -1 : a.location > b.location ? 1 : 0);
}
async function findBundled(pkgDir) {
  const found = [];
  const subdirs = async (rel) => {
    try {
      const entries = await fsp.readdir(path.join(pkgDir, rel), { withFileTypes: true });
      return entries.filter((e) => e.isDirectory()).map((e) => e.name);
    } catch {
      return [];
    }
  };
  const visit = async (location, folderName) => {
    const text = await fsp.readFile(path.join(pkgDir, location, "package.json"), "utf8").catch(() => "");
    const pkg = bundledPackage(text, location, folderName);
    if (pkg) found.push(pkg);
    await scan(`${location}/node_modules`);
  };
  const scan = async (nodeModules) => {
    for (const name of await subdirs(nodeModules)) {
      if (name.startsWith(".")) continue;
      if (name.startsWith("@")) {
        for (const child of await subdirs(`${nodeModules}/${name}`)) {
          await visit(`${nodeModules}/${name}/${child}`, `${name}/${child}`);
        }
      } else {
        await visit(`${nodeModules}/${name}`, name);
      }
    }
  };
  await scan("node_modules");
  return found.sort((a, b) => a.location < b.location ? -1 : a.location > b.location ? 1 : 0);
}

// src/pipeline/vet.ts
async function vetPackage(input) {
  const warn = input.warn ?? (() => void 0);
  try {
    await mkdir4(input.cacheDir, { recursive: true });
    await access(input.cacheDir, constants.W_OK);
  } catch (err) {
    throw new VetError(
      "E_USAGE",
      `the cache directory ${input.cacheDir} is not usable (${err.message}); pass --cache-dir with a writable folder`,
      { cause: err }
    );
  }
  const config = loadNpmConfig({
    projectDir: input.projectDir,
    userconfig: input.userconfig,
    env: input.env,
    registryOverride: input.registry
  });
  const client = new RegistryClient({ config, cacheDir: input.cacheDir, preferOnline: input.preferOnline });
  const limit = limiter(16);
  const fetches = /* @__PURE__ */ new Map();
  const fetchOnce = (req) => {
    let p = fetches.get(req.integrity);
    if (!p) {
      p = limit(
        () => fetchPackage(req, {
          cacheDir: input.cacheDir,
          registryOptions: { ...client.registryOptions, registry: client.registryFor(req.name) },
          limits: input.limits
        })
      );
      fetches.set(req.integrity, p);
    }
    return p;
  };
  const { tree } = await resolveTreeCached(input.spec, {
    cacheDir: input.cacheDir,
    client,
    platform: input.platform,
    warn,
    openTarball: fetchOnce,
    // Early downloads overlap network with placement. A package dropped later (replaced or
    // deduped) costs one wasted download; skipped-platform packages are filtered below.
    onPlaced: (pkg) => {
      if (pkg.integrity && pkg.resolved) fetchOnce(pkg).catch(() => void 0);
    }
  });
  const all = [tree.root, ...tree.packages];
  const wanted = all.filter((p) => !p.skipped && !p.bundled && p.integrity && p.resolved);
  const extracted = /* @__PURE__ */ new Map();
  await Promise.all(
    wanted.map(async (p) => {
      const ex = await fetchOnce({
        name: p.name,
        version: p.version,
        integrity: p.integrity,
        resolved: p.resolved
      });
      extracted.set(p.integrity, ex);
    })
  );
  await Promise.allSettled(fetches.values());
  await enrich(tree, extracted);
  const server = buildServerReport(tree, extracted);
  const vulnSource = input.vulnSource;
  const vulns = vulnSource ? import("./check-GIP2EGT2.js").then(
    ({ checkVulnerabilities }) => checkVulnerabilities({
      source: vulnSource,
      tree,
      packument: (name) => client.packument(name),
      onUnavailable: input.onUnavailable ?? "fail"
    })
  ) : void 0;
  const permissions = input.permissions === false ? void 0 : import("./surface-JIGADSKG.js").then(
    ({ permissionSurface }) => permissionSurface(tree, extracted, {
      cacheDir: input.cacheDir,
      analyse: input.capabilities !== false,
      configEntry: input.configEntry
    })
  );
  const extractedDir = async (p) => (await fetchPackage(
    { name: p.name, version: p.version, integrity: p.integrity, resolved: p.resolved },
    {
      cacheDir: input.cacheDir,
      registryOptions: { ...client.registryOptions, registry: client.registryFor(p.name) },
      limits: input.limits,
      extract: "full"
    }
  )).dir;
  const manifest = input.manifest === false ? void 0 : Promise.resolve(permissions).then(() => import("./stage-RFJVZVR5.js")).then(
    async ({ manifestStage }) => manifestStage({
      tree,
      serverDir: await extractedDir(tree.root),
      extractedDir,
      introspect: input.introspect ?? true,
      workRoot: join3(input.cacheDir, "tmp"),
      timeoutMs: input.introspectTimeoutMs,
      entry: input.clientEntry,
      env: input.env ?? process.env,
      clientVersion: input.clientVersion ?? "0.0.0",
      warn
    })
  );
  const [v, surface, m] = await Promise.all([vulns, permissions, manifest]);
  if (v) {
    server.findings.push(...v.findings);
    server.vulnerabilities = v.summary;
  } else {
    server.vulnerabilities = { status: "skipped" };
    server.findings.push({
      rule: "vulnerability-check-skipped",
      severity: "info",
      message: "the vulnerability check was skipped (--no-vulns): this tree was not checked for known advisories"
    });
  }
  if (surface) {
    server.permissions = surface.permissions;
    server.findings.push(...surface.findings);
  }
  if (m) {
    server.manifest = m.manifest;
    server.declared = m.declared;
    server.findings.push(...m.findings);
    const { scanManifest } = await import("./tools-S4Y7SNJ2.js");
    const seen = /* @__PURE__ */ new Set();
    const views = [m.manifest, ...m.manifest.relaunch ? [{ ...m.manifest, ...m.manifest.relaunch }] : []];
    for (const [i, view] of views.entries()) {
      for (const f of scanManifest(view)) {
        const key = `${f.rule}\0${f.tool ?? f.target ?? ""}\0${f.pointer}\0${f.excerpt}`;
        if (seen.has(key)) continue;
        seen.add(key);
        server.findings.push({
          ...f,
          category: "tool-text",
          source: m.manifest.source,
          ...i === 1 ? { launch: "second" } : {}
        });
      }
    }
  }
  server.findings.sort(compareFindings);
  return { tree, server };
}
async function enrich(tree, extracted) {
  const apply = (p, m) => {
    const license = licenseOf(m.license ?? m.licenses);
    if (license) p.license = license;
    const repo = repositoryOf(m.repository);
    if (repo) p.repository = repo;
    if (typeof m.homepage === "string" && m.homepage) p.homepage = m.homepage;
    if (typeof m.description === "string" && m.description) p.description = m.description;
    const scripts = m.scripts;
    if (scripts && (scripts.preinstall || scripts.install || scripts.postinstall)) p.hasInstallScript = true;
  };
  const byLocation = new Map([tree.root, ...tree.packages].map((x) => [x.location, x]));
  const bundledReads = [];
  for (const p of [tree.root, ...tree.packages]) {
    if (p.integrity && extracted.has(p.integrity)) {
      apply(p, extracted.get(p.integrity).manifest);
    } else if (p.bundled) {
      const owner = bundleOwner(byLocation, p);
      const ex = owner?.integrity ? extracted.get(owner.integrity) : void 0;
      if (ex && owner) {
        const rel = p.location.slice(owner.location.length + 1);
        bundledReads.push(
          readFile3(join3(ex.dir, rel, "package.json"), "utf8").then((t) => apply(p, JSON.parse(t))).catch(() => void 0)
        );
      }
    }
  }
  await Promise.all(bundledReads);
}
function licenseOf(v) {
  if (typeof v === "string" && v.trim()) return v.trim();
  if (v && typeof v === "object" && !Array.isArray(v) && typeof v.type === "string") {
    return v.type;
  }
  if (Array.isArray(v)) {
    const parts = v.map((x) => licenseOf(x)).filter((x) => !!x);
    if (parts.length === 1) return parts[0];
    if (parts.length > 1) return `(${parts.join(" OR ")})`;
  }
  return void 0;
}
function repositoryOf(v) {
  if (typeof v === "string" && v) return v;
  if (v && typeof v === "object" && typeof v.url === "string") {
    return v.url;
  }
  return void 0;
}
function buildServerReport(tree, extracted) {
  const entries = /* @__PURE__ */ new Map();
  for (const p of tree.packages) {
    const key = `${p.name}@${p.version}`;
    const existing = entries.get(key);
    if (existing) {
      existing.locations.push(p.location);
      if (p.path.length < existing.path.length) existing.path = p.path;
      if (!p.optional) delete existing.optional;
      if (!p.peer) delete existing.peer;
      if (!p.skipped) delete existing.skipped;
      continue;
    }
    const e = {
      name: p.name,
      version: p.version,
      integrity: p.integrity,
      path: p.path,
      locations: [p.location]
    };
    if (p.optional) e.optional = true;
    if (p.peer) e.peer = true;
    if (p.bundled) e.bundled = true;
    if (p.alias) e.alias = p.alias;
    if (p.skipped) e.skipped = p.skipped;
    if (p.license) e.license = p.license;
    if (p.deprecated) e.deprecated = p.deprecated;
    if (p.hasInstallScript) e.hasInstallScript = true;
    if (p.published) e.published = p.published;
    entries.set(key, e);
  }
  const dependencies = [...entries.values()].sort(
    (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.version < b.version ? -1 : 1)
  );
  const findings = [];
  const root = tree.root;
  const everyone = [{ ...root, path: [root.name] }, ...dependencies.map((d) => ({ ...d }))];
  for (const d of everyone) {
    if (d.skipped) continue;
    if (d.deprecated) {
      findings.push({
        rule: "deprecated",
        severity: "low",
        message: `${d.name}@${d.version} is deprecated: ${d.deprecated}`,
        package: d.name,
        version: d.version,
        path: d.path
      });
    }
    if (d.hasInstallScript) {
      findings.push({
        rule: "install-script",
        severity: "medium",
        message: `${d.name}@${d.version} runs an install script when installed with npm (mcp-vet never runs it)`,
        package: d.name,
        version: d.version,
        path: d.path
      });
    }
  }
  findings.sort(compareFindings);
  const skipped = dependencies.filter((d) => d.skipped).length;
  const bundled = dependencies.filter((d) => d.bundled).length;
  let fromCache = 0;
  for (const ex of extracted.values()) if (ex.fromCache) fromCache++;
  return {
    spec: tree.spec,
    registry: tree.registry,
    package: {
      name: root.name,
      version: root.version,
      integrity: root.integrity,
      ...root.license ? { license: root.license } : {},
      ...root.published ? { published: root.published } : {}
    },
    dependencies,
    findings,
    stats: {
      packages: dependencies.length + 1,
      skipped,
      bundled,
      downloaded: extracted.size - fromCache,
      fromCache
    }
  };
}
function compareFindings(a, b) {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

export {
  VERSION,
  vetPackage,
  compareFindings
};
