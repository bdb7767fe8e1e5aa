#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  matchRecord
} from "./chunk-CCTMCVMV.js";
import {
  authKeyFor,
  errorMessage,
  isRecord,
  limiter,
  redactUrl
} from "./chunk-QRJNDW6B.js";
import {
  loadNpmConfig,
  registryFor
} from "./chunk-HOGLSIB3.js";
import {
  require_npa
} from "./chunk-GGYBWKUX.js";
import {
  require_semver
} from "./chunk-Z72EFVUK.js";
import {
  applySuppressions
} from "./chunk-XRPK5ZNP.js";
import {
  VetError,
  describeError
} from "./chunk-OI56ITB4.js";
import {
  __toESM
} from "./chunk-ESI7J6K4.js";

// src/pipeline/vet.ts
import { constants } from "node:fs";
import { access, mkdir as mkdir3, readFile as readFile4 } from "node:fs/promises";
import { join as join3 } from "node:path";

// src/registry/client.ts
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

// src/registry/packument.ts
function fail(name, where, problem) {
  throw new VetError(
    "E_PACKUMENT",
    `malformed packument for ${name}: ${where} ${problem}; the registry sent invalid metadata (check the registry or mirror)`
  );
}
function depMap(name, where, v) {
  if (v === void 0 || v === null || Array.isArray(v) && v.length === 0) return void 0;
  if (!isRecord(v)) fail(name, where, "is not an object");
  const out = {};
  for (const [k, spec] of Object.entries(v)) {
    if (typeof spec !== "string") fail(name, `${where}.${k}`, "is not a string");
    out[k] = spec;
  }
  return Object.keys(out).length ? out : void 0;
}
function stringList(v) {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) {
    const list = v.filter((x) => typeof x === "string");
    return list.length ? list : void 0;
  }
  return void 0;
}
function shasumToIntegrity(shasum) {
  return `sha1-${Buffer.from(shasum, "hex").toString("base64")}`;
}
function normalizeManifest(pkgName, version, raw) {
  const where = `versions["${version}"]`;
  if (!isRecord(raw)) fail(pkgName, where, "is not an object");
  const dist = raw.dist;
  if (!isRecord(dist)) fail(pkgName, `${where}.dist`, "is missing");
  if (typeof dist.tarball !== "string" || !dist.tarball) fail(pkgName, `${where}.dist.tarball`, "is missing");
  let integrity;
  if (typeof dist.integrity === "string" && /^(sha512|sha384|sha256|sha1)-/.test(dist.integrity)) {
    integrity = dist.integrity;
  } else if (typeof dist.shasum === "string" && /^[0-9a-f]{40}$/i.test(dist.shasum)) {
    integrity = shasumToIntegrity(dist.shasum);
  } else {
    fail(pkgName, `${where}.dist.integrity`, "is missing or not an SRI string (and there is no dist.shasum)");
  }
  const m = { name: pkgName, version, dist: { tarball: dist.tarball, integrity } };
  const deps = depMap(pkgName, `${where}.dependencies`, raw.dependencies);
  if (deps) m.dependencies = deps;
  const opt = depMap(pkgName, `${where}.optionalDependencies`, raw.optionalDependencies);
  if (opt) m.optionalDependencies = opt;
  const peer = depMap(pkgName, `${where}.peerDependencies`, raw.peerDependencies);
  if (peer) m.peerDependencies = peer;
  if (isRecord(raw.peerDependenciesMeta)) {
    const meta = {};
    for (const [k, v] of Object.entries(raw.peerDependenciesMeta)) {
      if (isRecord(v) && v.optional === true) meta[k] = { optional: true };
    }
    if (Object.keys(meta).length) m.peerDependenciesMeta = meta;
  }
  const bundleRaw = raw.bundleDependencies ?? raw.bundledDependencies;
  if (bundleRaw === true) {
    const all = Object.keys(deps ?? {});
    if (all.length) m.bundleDependencies = all;
  } else {
    const list = stringList(bundleRaw);
    if (list) m.bundleDependencies = list;
  }
  const os = stringList(raw.os);
  if (os) m.os = os;
  const cpu = stringList(raw.cpu);
  if (cpu) m.cpu = cpu;
  const libc = stringList(raw.libc);
  if (libc) m.libc = libc;
  if (isRecord(raw.engines)) {
    const e = {};
    if (typeof raw.engines.node === "string") e.node = raw.engines.node;
    if (typeof raw.engines.npm === "string") e.npm = raw.engines.npm;
    if (e.node || e.npm) m.engines = e;
  }
  if (typeof raw.deprecated === "string" && raw.deprecated) m.deprecated = raw.deprecated;
  if (raw.hasInstallScript === true) m.hasInstallScript = true;
  else if (isRecord(raw.scripts)) {
    const s = raw.scripts;
    if (s.preinstall || s.install || s.postinstall) m.hasInstallScript = true;
  }
  if (raw._hasShrinkwrap === true) m.hasShrinkwrap = true;
  return m;
}
function normalizePackument(name, raw) {
  if (!isRecord(raw)) fail(name, "the document", "is not a JSON object");
  if (!isRecord(raw.versions)) fail(name, '"versions"', "is missing or not an object");
  const distTags = {};
  if (raw["dist-tags"] !== void 0) {
    if (!isRecord(raw["dist-tags"])) fail(name, '"dist-tags"', "is not an object");
    for (const [tag, v] of Object.entries(raw["dist-tags"])) if (typeof v === "string") distTags[tag] = v;
  }
  const versions = {};
  for (const [v, m] of Object.entries(raw.versions)) {
    try {
      versions[v] = normalizeManifest(name, v, m);
    } catch (err) {
      if (!(err instanceof VetError)) throw err;
      versions[v] = { name, version: v, dist: { tarball: "", integrity: "" }, invalid: err.message };
    }
  }
  return { name, distTags, versions };
}

// src/registry/client.ts
var ABBREVIATED = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";
var DEFAULT_MAX_AGE_S = 300;
var CACHE_FORMAT = 1;
var DEFAULT_RETRY = { retries: 3, factor: 2, minTimeout: 300, maxTimeout: 4e3 };
var DEFAULT_TIMEOUT_MS = 3e4;
var RegistryClient = class {
  config;
  stats = { requests: 0, notModified: 0, cacheHits: 0 };
  memo = /* @__PURE__ */ new Map();
  limit;
  cacheDir;
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
  packument(name) {
    let p = this.memo.get(name);
    if (!p) {
      p = this.limit(() => this.load(name));
      this.memo.set(name, p);
    }
    return p;
  }
  /** Starts fetching without waiting; errors surface when the packument is actually needed. */
  prefetch(name) {
    this.packument(name).catch(() => void 0);
  }
  cacheFile(name) {
    if (!this.cacheDir) return void 0;
    const key = createHash("sha256").update(`${this.registryFor(name)}
${name}`).digest("hex");
    return join(this.cacheDir, key.slice(0, 2), `${key}.json`);
  }
  async readCache(file) {
    if (!file) return void 0;
    try {
      const entry = JSON.parse(await readFile(file, "utf8"));
      return entry.format === CACHE_FORMAT ? entry : void 0;
    } catch {
      return void 0;
    }
  }
  async writeCache(file, entry) {
    if (!file) return;
    try {
      await mkdir(join(file, ".."), { recursive: true });
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      await writeFile(tmp, JSON.stringify(entry));
      await rename(tmp, file);
    } catch {
    }
  }
  async load(name) {
    const file = this.cacheFile(name);
    const cached = await this.readCache(file);
    if (cached && !this.preferOnline && Date.now() - cached.fetchedAt < cached.maxAge * 1e3) {
      this.stats.cacheHits++;
      if (cached.packument) return cached.packument;
      throw new VetError("E_NOT_FOUND", cached.notFound ?? `${name} was not found`);
    }
    const headers = { accept: ABBREVIATED };
    if (cached?.etag && cached.packument) headers["if-none-match"] = cached.etag;
    const registry = this.registryFor(name);
    const url = `${registry}${name.startsWith("@") ? name.replace("/", "%2f") : name}`;
    this.stats.requests++;
    if (process.env.MCP_VET_DEBUG)
      process.stderr.write(`mcp-vet: GET ${url}${cached ? " (revalidate)" : ""}
`);
    let res;
    try {
      const { default: fetchFn } = await import("./lib-EAAT6CMY.js");
      res = await fetchFn(url, { ...this.fetchOptions, registry, headers, spec: name });
    } catch (err) {
      const e = toRegistryError(err, `the packument of ${name}`, url, registry);
      if (e.code === "E_NOT_FOUND") {
        await this.writeCache(file, {
          format: CACHE_FORMAT,
          fetchedAt: Date.now(),
          maxAge: DEFAULT_MAX_AGE_S,
          notFound: e.message
        });
      }
      throw e;
    }
    const maxAge = parseMaxAge(res.headers.get("cache-control"));
    if (res.status === 304 && cached?.packument) {
      this.stats.notModified++;
      const entry = { ...cached, fetchedAt: Date.now(), maxAge };
      await this.writeCache(file, entry);
      return cached.packument;
    }
    let raw;
    try {
      raw = JSON.parse(await res.text());
    } catch (err) {
      throw new VetError(
        "E_PACKUMENT",
        `malformed packument for ${name}: ${url} did not return JSON (${err.message})`,
        { cause: err }
      );
    }
    const packument = normalizePackument(name, raw);
    const etag = res.headers.get("etag") ?? void 0;
    await this.writeCache(file, { format: CACHE_FORMAT, etag, fetchedAt: Date.now(), maxAge, packument });
    return packument;
  }
};
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

// src/registry/resolve.ts
var import_npm_package_arg2 = __toESM(require_npa(), 1);
var import_semver3 = __toESM(require_semver(), 1);
import { readdir, readFile as readFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/registry/place.ts
var import_semver2 = __toESM(require_semver(), 1);

// src/registry/tree.ts
var import_npm_package_arg = __toESM(require_npa(), 1);
var import_semver = __toESM(require_semver(), 1);
var collator = new Intl.Collator("en");
var localeCompare = (a, b) => collator.compare(a, b);
var mutation = 0;
var specCache = /* @__PURE__ */ new Map();
function parseSpec(name, spec) {
  const key = `${name}\0${spec}`;
  let parsed = specCache.get(key);
  if (!parsed) {
    try {
      parsed = import_npm_package_arg.default.resolve(name, spec || "*");
    } catch (err) {
      parsed = err;
    }
    specCache.set(key, parsed);
  }
  if (parsed instanceof Error) throw parsed;
  return parsed;
}
function depValid(node, spec, name) {
  let req;
  try {
    req = parseSpec(name, spec);
  } catch {
    return false;
  }
  return specValid(node, req);
}
function specValid(node, req) {
  switch (req.type) {
    case "range":
      if (req.fetchSpec === "*") return true;
      return import_semver.default.satisfies(node.version, req.fetchSpec ?? "*", true);
    case "version":
      return import_semver.default.satisfies(node.version, req.fetchSpec ?? "", true);
    case "tag":
      return true;
    case "alias":
      return req.subSpec ? specValid(node, req.subSpec) : false;
    default:
      return false;
  }
}
var Edge = class {
  constructor(from, name, spec, type) {
    this.from = from;
    this.name = name;
    this.spec = spec;
    this.type = type;
  }
  from;
  name;
  spec;
  type;
  peerConflicted = false;
  get peer() {
    return this.type === "peer" || this.type === "peerOptional";
  }
  get optional() {
    return this.type === "optional" || this.type === "peerOptional";
  }
  get to() {
    return this.from.resolve(this.name);
  }
  /** null when fine; otherwise why the edge is a problem (arborist's Edge#error). */
  get error() {
    const to = this.to;
    if (!to) return this.optional ? null : "MISSING";
    if (this.peer && this.from === to.parent && !this.from.isTop) return "PEER LOCAL";
    if (!this.satisfiedBy(to)) return "INVALID";
    return null;
  }
  get valid() {
    return this.error === null;
  }
  satisfiedBy(node) {
    return node.name === this.name && depValid(node, this.spec, this.name);
  }
};
var Node = class {
  name;
  pkg;
  children = /* @__PURE__ */ new Map();
  edgesOut = /* @__PURE__ */ new Map();
  /** For virtual roots: the real node whose dependencies this root mirrors. */
  sourceReference;
  _parent = null;
  inBundle = false;
  inShrinkwrap = false;
  /** Resolution error kept on the node (arborist keeps failed nodes in the tree, then prunes optional ones). */
  error = null;
  constructor(init) {
    this.name = init.name;
    this.pkg = init.pkg;
    this.sourceReference = init.sourceReference ?? null;
    this.loadEdges();
    if (init.parent) this.parent = init.parent;
  }
  get packageName() {
    return this.pkg.name;
  }
  get version() {
    return this.pkg.version;
  }
  get integrity() {
    return this.pkg.dist.integrity;
  }
  get resolved() {
    return this.pkg.dist.tarball;
  }
  get hasShrinkwrap() {
    return this.pkg.hasShrinkwrap === true;
  }
  /** Same load order as arborist: peers, then prod, then optional; later types win. */
  loadEdges() {
    const p = this.pkg;
    const meta = p.peerDependenciesMeta ?? {};
    for (const [n, s] of Object.entries(p.peerDependencies ?? {})) {
      this.edgesOut.set(n, new Edge(this, n, s, meta[n]?.optional ? "peerOptional" : "peer"));
    }
    for (const [n, s] of Object.entries(p.dependencies ?? {}))
      this.edgesOut.set(n, new Edge(this, n, s, "prod"));
    for (const [n, s] of Object.entries(p.optionalDependencies ?? {}))
      this.edgesOut.set(n, new Edge(this, n, s, "optional"));
  }
  get parent() {
    return this._parent;
  }
  set parent(parent) {
    mutation++;
    if (this._parent && this._parent.children.get(this.name) === this)
      this._parent.children.delete(this.name);
    this._parent = parent;
    if (parent) {
      const old = parent.children.get(this.name);
      if (old && old !== this) old._parent = null;
      parent.children.set(this.name, this);
    }
  }
  /** Removes the node (and so its subtree) from its tree. */
  detach() {
    this.parent = null;
  }
  get isTop() {
    return this._parent === null;
  }
  /** arborist: a node is a project root when it is the root of its tree (virtual roots too). */
  get isProjectRoot() {
    return this._parent === null;
  }
  get resolveParent() {
    return this._parent;
  }
  get root() {
    let n = this;
    while (n._parent) n = n._parent;
    return n;
  }
  get depth() {
    let d = 0;
    for (let n = this._parent; n; n = n._parent) d++;
    return d;
  }
  get location() {
    if (!this._parent) return "";
    const up = this._parent.location;
    return up ? `${up}/node_modules/${this.name}` : `node_modules/${this.name}`;
  }
  *ancestry() {
    for (let n = this; n; n = n._parent) yield n;
  }
  isDescendantOf(node) {
    for (let n = this._parent; n; n = n._parent) if (n === node) return true;
    return false;
  }
  resolve(name) {
    for (let n = this; n; n = n._parent) {
      const c = n.children.get(name);
      if (c) return c;
    }
    return null;
  }
  /** Every node of this node's tree, root included, depth-first. */
  inventory() {
    const out = [];
    const walk = (n) => {
      out.push(n);
      for (const c of n.children.values()) walk(c);
    };
    walk(this.root);
    return out;
  }
  get edgesIn() {
    return edgesInIndex(this.root).get(this) ?? [];
  }
  satisfies(edge) {
    return edge.satisfiedBy(this);
  }
  matches(other) {
    if (other === this) return true;
    if (other.name !== this.name) return false;
    if (this.integrity && other.integrity) return this.integrity === other.integrity;
    if (this.resolved && other.resolved) return this.resolved === other.resolved;
    return this.packageName === other.packageName && this.version === other.version;
  }
  /** Can `node` take this node's place for everyone who depends on it (arborist canReplaceWith)? */
  canReplaceWith(node, ignorePeers = []) {
    if (node.name !== this.name || node.packageName !== this.packageName) return false;
    const ignore = new Set(ignorePeers);
    const depSet = gatherDepSet([this], (e) => e.to !== this && e.valid);
    for (const edge of this.edgesIn) {
      if (!this.isTop && edge.from.parent === this.parent && edge.peer && ignore.has(edge.from.name))
        continue;
      if (!depSet.has(edge.from) && !edge.satisfiedBy(node)) return false;
    }
    return true;
  }
  canReplace(node, ignorePeers) {
    return node.canReplaceWith(this, ignorePeers);
  }
  /** arborist canDedupe: could this nested copy go, because the one further up serves everyone? */
  canDedupe(preferDedupe = false, explicitRequest = false) {
    if (this.inBundle || this.inShrinkwrap) return false;
    if (!this.resolveParent || !this.resolveParent.resolveParent) return false;
    if (this.edgesIn.length === 0) return true;
    const other = this.resolveParent.resolveParent.resolve(this.name);
    if (!other) return false;
    if (other.matches(this)) return true;
    if (!other.canReplace(this)) return false;
    if (preferDedupe || import_semver.default.eq(other.version, this.version, true)) return true;
    if (!explicitRequest && import_semver.default.gt(other.version, this.version, true)) return true;
    return false;
  }
  /** Moves this node into `old`'s place, adopting old's children that it does not replace. */
  replace(old) {
    const parent = old.parent;
    for (const child of [...old.children.values()]) {
      if (!this.children.has(child.name)) child.parent = this;
    }
    old.detach();
    this.parent = parent;
  }
};
var edgesInCache = /* @__PURE__ */ new WeakMap();
function edgesInIndex(root) {
  const cached = edgesInCache.get(root);
  if (cached && cached.mutation === mutation) return cached.index;
  const index = /* @__PURE__ */ new Map();
  for (const node of root.inventory()) {
    for (const edge of node.edgesOut.values()) {
      const to = edge.to;
      if (!to) continue;
      let list = index.get(to);
      if (!list) index.set(to, list = []);
      list.push(edge);
    }
  }
  edgesInCache.set(root, { mutation, index });
  return index;
}
function gatherDepSet(set, filter) {
  const deps = new Set(set);
  for (const node of deps) {
    for (const edge of node.edgesOut.values()) {
      const to = edge.to;
      if (to && filter(edge)) deps.add(to);
    }
  }
  let changed = true;
  while (changed && deps.size > 0) {
    changed = false;
    for (const dep of deps) {
      for (const edge of dep.edgesIn) {
        if (!deps.has(edge.from) && filter(edge)) {
          changed = true;
          deps.delete(dep);
          break;
        }
      }
    }
  }
  return deps;
}
function deepestNestingTarget(start, name) {
  for (const target of start.ancestry()) {
    if (target.isProjectRoot || !target.resolveParent) return target;
    const targetEdge = target.edgesOut.get(name);
    if (!targetEdge || !targetEdge.peer) return target;
  }
  return start;
}
function peerEntrySets(node) {
  const unionSet = /* @__PURE__ */ new Set([node]);
  for (const n of unionSet) {
    for (const edge of n.edgesOut.values()) {
      const to = edge.to;
      if (edge.valid && edge.peer && to) unionSet.add(to);
    }
    for (const edge of n.edgesIn) if (edge.valid && edge.peer) unionSet.add(edge.from);
  }
  const entrySets = /* @__PURE__ */ new Map();
  for (const peer of unionSet) {
    for (const edge of peer.edgesIn) {
      if (!edge.valid) continue;
      if (!edge.peer || edge.from.isTop) {
        const sub = /* @__PURE__ */ new Set([peer]);
        for (const p of sub) {
          for (const e of p.edgesOut.values()) {
            const to = e.to;
            if (e.valid && e.peer && to) sub.add(to);
          }
        }
        if (sub.has(node)) entrySets.set(edge, sub);
      }
    }
  }
  return entrySets;
}

// src/registry/place.ts
var CONFLICT = "CONFLICT";
var OK = "OK";
var REPLACE = "REPLACE";
var KEEP = "KEEP";
var CanPlaceDep = class _CanPlaceDep {
  canPlace;
  canPlaceSelf = null;
  dep;
  target;
  edge;
  explicitRequest;
  peerPath;
  preferDedupe;
  parent;
  children = [];
  name;
  current;
  targetEdge;
  edgeOverride;
  cachedPeers = null;
  constructor(o) {
    this.dep = o.dep;
    this.target = o.target;
    this.edge = o.edge;
    this.explicitRequest = o.explicitRequest ?? false;
    this.peerPath = o.peerPath ?? [];
    this.preferDedupe = o.preferDedupe || o.edge.peer;
    this.parent = o.parent ?? null;
    this.name = o.edge.name;
    this.current = this.target.children.get(this.name);
    this.targetEdge = this.target.edgesOut.get(this.name);
    this.edgeOverride = !this.dep.satisfies(this.edge);
    this.canPlace = this.checkCanPlace();
    if (!this.canPlaceSelf) this.canPlaceSelf = this.canPlace;
  }
  checkCanPlace() {
    const { target, targetEdge, current, dep } = this;
    if (dep.error) return current ? REPLACE : OK;
    if (targetEdge && targetEdge.peer && !target.isTop) return CONFLICT;
    if (!current && targetEdge && !dep.satisfies(targetEdge) && targetEdge !== this.edge) return CONFLICT;
    return current ? this.checkCanPlaceCurrent(current) : this.checkCanPlaceNoCurrent();
  }
  checkCanPlaceCurrent(current) {
    const { preferDedupe, explicitRequest, target, edge, dep } = this;
    if (dep.matches(current)) {
      if (current.satisfies(edge) || this.edgeOverride) return explicitRequest ? REPLACE : KEEP;
    }
    const curVer = current.version;
    const newVer = dep.version;
    const tryReplace = !!curVer && !!newVer && import_semver2.default.gte(newVer, curVer, true);
    if (tryReplace && dep.canReplace(current)) {
      const cpp = this.canPlacePeers(REPLACE);
      if (cpp !== CONFLICT) return cpp;
    }
    if (current.satisfies(edge) && (!explicitRequest || preferDedupe)) return KEEP;
    if (preferDedupe && !tryReplace && dep.canReplace(current)) {
      const cpp = this.canPlacePeers(REPLACE);
      if (cpp !== CONFLICT) return cpp;
    }
    if (target !== this.deepestNestingTarget) return CONFLICT;
    if (!edge.peer && target === edge.from) return this.canPlacePeers(REPLACE);
    if (!this.parent && !edge.peer) return CONFLICT;
    let canReplace = true;
    for (const [entryEdge, currentPeers] of peerEntrySets(current)) {
      if (entryEdge === this.edge || entryEdge === this.peerEntryEdge) continue;
      const entryNode = entryEdge.to;
      if (!entryNode) continue;
      const depParent = dep.parent;
      const entryRep = depParent?.children.get(entryNode.name);
      if (entryRep && depParent && entryRep.canReplace(entryNode, depParent.children.keys())) continue;
      let canClobber = !entryRep;
      if (!entryRep) {
        const walk = /* @__PURE__ */ new Set([entryNode]);
        outer: for (const currentPeer of walk) {
          for (const e of currentPeer.edgesOut.values()) {
            if (!e.peer || !e.valid) continue;
            const rep = depParent?.children.get(e.name);
            if (!rep) {
              const to = e.to;
              if (to) walk.add(to);
              continue;
            }
            if (!rep.satisfies(e)) {
              canClobber = false;
              break outer;
            }
          }
        }
      }
      if (canClobber) continue;
      for (const currentPeer of currentPeers) {
        const curDeep = deepestNestingTarget(entryEdge.from, currentPeer.name);
        if (curDeep === target || target.isDescendantOf(curDeep)) {
          canReplace = false;
          break;
        }
      }
    }
    return canReplace ? this.canPlacePeers(REPLACE) : CONFLICT;
  }
  checkCanPlaceNoCurrent() {
    const { target, dep, name } = this;
    const current = target !== this.peerEntryEdge.from ? target.resolve(name) : null;
    if (current) {
      for (const edge of current.edgesIn) {
        if (edge.from.isDescendantOf(target) && edge.valid && !dep.satisfies(edge)) return CONFLICT;
      }
    }
    return this.canPlacePeers(OK);
  }
  get deepestNestingTarget() {
    const start = this.parent ? this.parent.deepestNestingTarget : this.edge.from;
    return deepestNestingTarget(start, this.name);
  }
  get peerEntryEdge() {
    return this.parent ? this.parent.peerEntryEdge : this.edge;
  }
  /** Peers go where the dep goes: check each of the dep's peers against the same folder. */
  canPlacePeers(state) {
    this.canPlaceSelf = state;
    if (this.cachedPeers) return this.cachedPeers;
    const peerPath = [...this.peerPath, this.dep];
    let sawConflict = false;
    for (const peerEdge of this.dep.edgesOut.values()) {
      const peer = peerEdge.to;
      if (!peerEdge.peer || !peer || peerPath.includes(peer)) continue;
      const cpp = new _CanPlaceDep({
        dep: peer,
        target: deepestNestingTarget(this.target, peer.name),
        parent: this,
        edge: peerEdge,
        peerPath,
        preferDedupe: true
      });
      this.children.push(cpp);
      if (cpp.canPlace === CONFLICT) sawConflict = true;
    }
    this.cachedPeers = sawConflict ? CONFLICT : state;
    return this.cachedPeers;
  }
};
var PlaceDep = class _PlaceDep {
  canPlace = null;
  canPlaceSelf = null;
  placed = null;
  children = [];
  needEvaluation = /* @__PURE__ */ new Set();
  dep;
  edge;
  parent;
  name;
  o;
  constructor(o) {
    this.o = o;
    this.dep = o.dep;
    this.edge = o.edge;
    this.parent = o.parent ?? null;
    this.name = o.edge.name;
    if (this.edge.to && this.edge.error === null && !o.explicitRequest) return;
    const start = this.getStartNode();
    for (const target2 of start.ancestry()) {
      const targetEdge = target2.edgesOut.get(this.name);
      if (!target2.isTop && targetEdge && targetEdge.peer) continue;
      const cpd = new CanPlaceDep({
        dep: this.dep,
        edge: this.edge,
        parent: this.parent?.canPlace ?? null,
        target: target2,
        preferDedupe: o.preferDedupe,
        explicitRequest: o.explicitRequest
      });
      if (cpd.canPlaceSelf !== CONFLICT) this.canPlaceSelf = cpd;
      if (cpd.canPlace !== CONFLICT) this.canPlace = cpd;
      else break;
      if (this.dep.error) break;
    }
    if (!this.canPlace) {
      if (!this.canPlaceSelf) {
        o.warn(`could not place ${this.dep.packageName}@${this.dep.version} for ${describe(this.edge)}`);
        return;
      }
      this.canPlace = this.canPlaceSelf;
    }
    const { target } = this.canPlace;
    const placementType = this.canPlace.canPlace === CONFLICT ? this.canPlace.canPlaceSelf : this.canPlace.canPlace;
    if (placementType === KEEP) {
      if (this.edge.peer && !this.edge.valid) o.warn(`peer conflict: ${describe(this.edge)}`);
      this.pruneDedupable(target);
      return;
    }
    const virtualRoot = this.dep.parent;
    this.placed = cloneNode(this.dep);
    const oldDep = target.children.get(this.name);
    if (oldDep) this.replaceOldDep(oldDep, target);
    else this.placed.parent = target;
    if (this.edge.peer && !this.placed.satisfies(this.edge)) o.warn(`peer conflict: ${describe(this.edge)}`);
    const edgeTo = this.edge.to;
    if (this.edge.valid && edgeTo && edgeTo !== this.placed) this.pruneDedupable(edgeTo, false);
    for (const node of target.root.inventory()) {
      if (node.name === this.name && node.isDescendantOf(target) && !node.isTop && node.root === target.root) {
        this.pruneDedupable(node, false);
        if (node.root === target.root)
          for (const kid of [...node.children.values()]) this.pruneDedupable(kid, false);
      }
    }
    for (const peerEdge of this.placed.edgesOut.values()) {
      if (peerEdge.valid || !peerEdge.peer || peerEdge.peerConflicted) continue;
      const peer = virtualRoot?.children.get(peerEdge.name);
      if (!peer || !peer.satisfies(peerEdge)) continue;
      this.children.push(
        new _PlaceDep({ ...o, parent: this, dep: peer, edge: peerEdge, explicitRequest: o.explicitRequest })
      );
    }
  }
  get top() {
    return this.parent ? this.parent.top : this;
  }
  getStartNode() {
    const from = this.parent ? this.parent.getStartNode() : this.edge.from;
    return deepestNestingTarget(from, this.name);
  }
  replaceOldDep(oldDep, target) {
    const placed = this.placed;
    const oldDeps = [];
    for (const [name, edge] of oldDep.edgesOut) {
      const to = edge.to;
      if (!placed.edgesOut.has(name) && to) {
        oldDeps.push(...gatherDepSet([to], (e) => e.to !== to));
      }
    }
    const prunePeerSets = [];
    for (const edge of oldDep.edgesIn) {
      if (placed.satisfies(edge) || !edge.peer || edge.from.parent !== target || edge.peerConflicted)
        continue;
      for (const entryEdge of peerEntrySets(edge.from).keys()) {
        const entryNode = entryEdge.to;
        if (!entryNode) continue;
        const deepestTarget = deepestNestingTarget(entryNode, entryNode.name);
        if (deepestTarget !== target && !entryEdge.from.isProjectRoot) {
          prunePeerSets.push(...gatherDepSet([entryNode], (e) => e.to !== entryNode && !e.peerConflicted));
        } else {
          this.o.warn(`peer conflict replacing ${oldDep.packageName}@${oldDep.version}`);
        }
      }
    }
    placed.replace(oldDep);
    this.pruneForReplacement(placed, oldDeps);
    for (const dep of prunePeerSets) {
      for (const edge of dep.edgesIn) this.needEvaluation.add(edge.from);
      dep.detach();
    }
  }
  pruneForReplacement(node, oldDeps) {
    const invalidDeps = /* @__PURE__ */ new Set();
    for (const e of node.edgesOut.values()) {
      const to = e.to;
      if (to && !e.valid) invalidDeps.add(to);
    }
    for (const dep of oldDeps) {
      for (const d of gatherDepSet([dep], (e) => e.to !== dep && e.valid)) invalidDeps.add(d);
    }
    const deps = gatherDepSet(invalidDeps, (edge) => edge.from !== node && edge.to !== node && edge.valid);
    for (const dep of deps) dep.detach();
  }
  pruneDedupable(node, descend = true) {
    if (node.canDedupe(this.o.preferDedupe, this.o.explicitRequest)) {
      const deps = gatherDepSet([node], (e) => e.to !== node && e.valid);
      for (const n of deps) n.detach();
      return;
    }
    if (descend) {
      const children = [...node.children.values()].sort((a, b) => localeCompare(a.location, b.location));
      for (const child of children) this.pruneDedupable(child);
    }
  }
};
function cloneNode(dep) {
  const n = new Node({ name: dep.name, pkg: dep.pkg });
  n.error = dep.error;
  return n;
}
function describe(edge) {
  const from = edge.from.isProjectRoot ? "the root" : `${edge.from.packageName}@${edge.from.version}`;
  return `${from} wants ${edge.name}@${edge.spec}`;
}

// src/registry/resolve.ts
function parsePackageSpec(raw) {
  let spec;
  try {
    spec = (0, import_npm_package_arg2.default)(raw);
  } catch (err) {
    throw new VetError("E_SPEC", `"${raw}" is not a valid package spec: ${err.message}`, {
      cause: err
    });
  }
  if (!spec.name || !spec.registry || spec.type !== "range" && spec.type !== "version" && spec.type !== "tag") {
    throw new VetError(
      "E_SPEC",
      `"${raw}" is not a registry package spec; use name, name@version, name@range or name@tag (e.g. @scope/pkg@^1.2.0)`
    );
  }
  return { name: spec.name, fetchSpec: spec.fetchSpec ?? "latest", type: spec.type, raw };
}
function currentPlatform() {
  const p = { os: process.platform, cpu: process.arch };
  if (process.platform === "linux") {
    let libc;
    Object.defineProperty(p, "libc", {
      enumerable: true,
      get: () => {
        if (libc === void 0) {
          const report = process.report?.getReport();
          libc = report?.header?.glibcVersionRuntime ? "glibc" : "musl";
        }
        return libc;
      }
    });
  }
  return p;
}
function engineOk(m, nodeVersion, npmVersion) {
  const e = m.engines;
  if (!e) return true;
  const opt = { includePrerelease: true };
  if (e.node && !import_semver3.default.satisfies(nodeVersion, e.node, opt)) return false;
  if (npmVersion && e.npm && !import_semver3.default.satisfies(npmVersion, e.npm, opt)) return false;
  return true;
}
function pickManifest(packument, wanted, opts) {
  const spec = parseSpec(packument.name, wanted || "latest");
  const { versions, distTags } = packument;
  if (spec.type === "tag") {
    const ver = distTags[spec.fetchSpec ?? "latest"];
    return ver ? versions[ver] ?? null : null;
  }
  if (spec.type === "version") {
    const ver = import_semver3.default.clean(spec.fetchSpec ?? "", { loose: true });
    return ver ? versions[ver] ?? null : null;
  }
  if (spec.type !== "range") return null;
  const range = spec.fetchSpec ?? "*";
  const defaultVer = distTags.latest;
  if (defaultVer && (range === "*" || import_semver3.default.satisfies(defaultVer, range, { loose: true }))) {
    const mani = versions[defaultVer];
    if (mani && engineOk(mani, opts.nodeVersion, opts.npmVersion) && !mani.deprecated) return mani;
  }
  let best = null;
  let bestRank = -1;
  for (const [ver, mani] of Object.entries(versions)) {
    if (!import_semver3.default.satisfies(ver, range, { loose: true })) continue;
    const eng = engineOk(mani, opts.nodeVersion, opts.npmVersion);
    const notDep = !mani.deprecated;
    const rank = (notDep && eng ? 4 : 0) + (eng ? 2 : 0) + (notDep ? 1 : 0);
    if (!best || rank > bestRank || rank === bestRank && import_semver3.default.gt(ver, best.version, true)) {
      best = mani;
      bestRank = rank;
    }
  }
  return best;
}
var DepsQueue = class {
  deps = [];
  sorted = true;
  get length() {
    return this.deps.length;
  }
  push(node) {
    if (!this.deps.includes(node)) {
      this.sorted = false;
      this.deps.push(node);
    }
  }
  /** Shallowest first, then by path: shallow placements decide what deeper ones can reuse. */
  pop() {
    if (!this.sorted) {
      this.deps.sort((a, b) => a.depth - b.depth || localeCompare(a.location, b.location));
      this.sorted = true;
    }
    return this.deps.shift();
  }
};
var ROOT_MANIFEST = (deps) => ({
  name: "",
  version: "",
  dependencies: deps,
  dist: { tarball: "", integrity: "" }
});
var IdealTreeBuilder = class {
  constructor(spec, o) {
    this.spec = spec;
    this.o = o;
    this.nodeVersion = o.nodeVersion ?? process.version;
    this.npmVersion = o.npmVersion ?? null;
    this.warn = o.warn ?? (() => void 0);
    this.root = new Node({ name: "", pkg: ROOT_MANIFEST({ [spec.name]: spec.fetchSpec }) });
    this.explicitEdge = this.root.edgesOut.get(spec.name);
  }
  spec;
  o;
  queue = new DepsQueue();
  seen = /* @__PURE__ */ new Set();
  peerSetSource = /* @__PURE__ */ new WeakMap();
  virtualRoots = /* @__PURE__ */ new Map();
  manifests = /* @__PURE__ */ new Map();
  loadFailures = /* @__PURE__ */ new Set();
  nodeVersion;
  npmVersion;
  warn;
  root;
  explicitEdge;
  async build() {
    this.queue.push(this.root);
    for (let node = this.queue.pop(); node; node = this.queue.pop()) {
      await this.buildDepStep(node);
    }
    this.pruneFailedOptional();
    return this.root;
  }
  async buildDepStep(node) {
    if (this.seen.has(node) || node.root !== this.root) return;
    this.seen.add(node);
    const hasBundle = !!node.pkg.bundleDependencies?.length;
    if (node !== this.root && node.resolved && (hasBundle || node.hasShrinkwrap) && !node.inBundle) {
      await this.crackOpen(node, hasBundle);
    }
    const tasks = [];
    const peerSource = this.peerSetSource.get(node) ?? node;
    for (const edge of this.problemEdges(node)) {
      if (edge.peerConflicted) continue;
      const source = edge.peer ? peerSource : node;
      const virtualRoot = this.virtualRoot(source, true);
      const vrEdge = virtualRoot.edgesOut.get(edge.name);
      const vrDep = vrEdge && vrEdge.valid ? vrEdge.to : null;
      const required = /* @__PURE__ */ new Set([edge.from]);
      const parent = edge.peer ? virtualRoot : null;
      let dep = vrDep && vrDep.satisfies(edge) ? vrDep : null;
      if (!dep && edge.type === "peerOptional" && edge !== this.explicitEdge) {
        dep = findHoistableNode(edge.from.resolveParent ?? edge.from, edge);
      }
      if (!dep) dep = await this.nodeFromEdge(edge, parent, null, required);
      tasks.push({ edge, dep });
    }
    tasks.sort((a, b) => localeCompare(a.edge.name, b.edge.name));
    for (const { edge, dep } of tasks) {
      const pd = new PlaceDep({
        edge,
        dep,
        explicitRequest: edge === this.explicitEdge,
        preferDedupe: false,
        warn: this.warn
      });
      this.visitPlacement(pd);
    }
  }
  /** treeverse.depth over the PlaceDep and its peers, pre-order, as arborist does. */
  visitPlacement(pd) {
    const { placed, edge, canPlace: cpd } = pd;
    if (placed && cpd) {
      if (placed.error) this.loadFailures.add(placed);
      if (cpd.canPlaceSelf === OK) {
        for (const edgeIn of placed.edgesIn) {
          if (edgeIn === edge) continue;
          if (!edgeIn.peerConflicted && !edgeIn.valid && !this.seen.has(edgeIn.from))
            this.queue.push(edgeIn.from);
        }
      } else if (cpd.canPlaceSelf === REPLACE) {
        for (const edgeIn of placed.edgesIn) {
          if (edgeIn === edge) continue;
          if (!edgeIn.valid && !edgeIn.peerConflicted) {
            this.seen.delete(edgeIn.from);
            this.queue.push(edgeIn.from);
          }
        }
      }
      this.queue.push(placed);
      for (const n of pd.needEvaluation) {
        this.seen.delete(n);
        this.queue.push(n);
      }
      if (!placed.error) {
        this.o.onPlaced?.({
          name: placed.packageName,
          version: placed.version,
          integrity: placed.integrity,
          resolved: placed.resolved
        });
      }
      for (const e of this.problemEdges(placed)) this.prefetch(e);
    }
    for (const child of pd.children) this.visitPlacement(child);
  }
  problemEdges(node) {
    const bundled = new Set(node === this.root ? [] : node.pkg.bundleDependencies ?? []);
    const out = [];
    for (const edge of node.edgesOut.values()) {
      if (bundled.has(edge.name)) continue;
      const to = edge.to;
      if (to && this.loadFailures.has(to)) continue;
      if (to && to.inShrinkwrap) continue;
      if (!to) {
        if (edge.type !== "peerOptional" || edge === this.explicitEdge) out.push(edge);
        continue;
      }
      if (!edge.valid || edge === this.explicitEdge) out.push(edge);
    }
    return out;
  }
  virtualRoot(node, reuse = false) {
    if (reuse) {
      const vr2 = this.virtualRoots.get(node);
      if (vr2) return vr2;
    }
    const vr = new Node({ name: node.name, pkg: node.pkg, sourceReference: node });
    this.virtualRoots.set(node, vr);
    return vr;
  }
  async nodeFromEdge(edge, parentIn, secondEdge, required) {
    const parent = parentIn ?? this.virtualRoot(edge.from);
    const first = await this.nodeFromSpec(edge.name, edge.spec, parent, edge);
    const second = secondEdge && !secondEdge.valid ? await this.nodeFromSpec(edge.name, secondEdge.spec, parent, secondEdge) : null;
    const node = second && edge.valid ? second : first;
    node.parent = parent;
    if (required.has(edge.from) && edge.type !== "peerOptional" || secondEdge && required.has(secondEdge.from) && secondEdge.type !== "peerOptional") {
      required.add(node);
    }
    this.peerSetSource.set(node, parent.sourceReference ?? parent);
    return this.loadPeerSet(node, required);
  }
  async nodeFromSpec(name, spec, parent, edge) {
    let pkg;
    try {
      pkg = await this.fetchManifest(name, spec, edge);
    } catch (err) {
      if (!(err instanceof VetError) || err.code === "E_REGISTRY_UNAVAILABLE" || err.code === "E_AUTH")
        throw err;
      const failed = new Node({
        name,
        pkg: { name, version: "", dist: { tarball: "", integrity: "" } },
        parent
      });
      failed.error = err;
      return failed;
    }
    return new Node({ name, pkg, parent });
  }
  manifestKey(name, spec) {
    let parsed;
    try {
      parsed = parseSpec(name, spec);
    } catch (err) {
      throw new VetError(
        "E_SPEC",
        `dependency ${name}@"${spec}" is not a valid spec: ${err.message}`
      );
    }
    if (parsed.type === "alias" && parsed.subSpec?.registry && parsed.subSpec.name) {
      return { pkgName: parsed.subSpec.name, wanted: parsed.subSpec.fetchSpec ?? "*" };
    }
    if (!parsed.registry) {
      throw new VetError(
        "E_SPEC",
        `dependency ${name}@"${spec}" is a ${parsed.type} spec (not from a registry); mcp-vet cannot verify it, so it refuses the tree`
      );
    }
    return { pkgName: name, wanted: spec || "*" };
  }
  prefetch(edge) {
    try {
      const { pkgName } = this.manifestKey(edge.name, edge.spec);
      this.o.client.prefetch(pkgName);
    } catch {
    }
  }
  fetchManifest(name, spec, edge) {
    const { pkgName, wanted } = this.manifestKey(name, spec);
    const key = `${pkgName}@${wanted}`;
    let p = this.manifests.get(key);
    if (!p) {
      p = this.o.client.packument(pkgName).then((packument) => {
        const m = pickManifest(packument, wanted, {
          nodeVersion: this.nodeVersion,
          npmVersion: this.npmVersion
        });
        if (!m) {
          const who = edge.from === this.root ? "you asked for" : `${edge.from.packageName}@${edge.from.version} needs`;
          throw new VetError(
            "E_NO_MATCH",
            `no version of ${pkgName} matches "${wanted}" (${who} it); available: ${summarizeVersions(packument)}`
          );
        }
        if (m.invalid) throw new VetError("E_PACKUMENT", m.invalid);
        for (const dep of Object.keys({
          ...m.dependencies,
          ...m.optionalDependencies,
          ...m.peerDependencies
        })) {
          const optionalPeer = m.peerDependenciesMeta?.[dep]?.optional && !m.dependencies?.[dep];
          if (!optionalPeer && !m.bundleDependencies?.includes(dep)) {
            const depSpec = m.optionalDependencies?.[dep] ?? m.dependencies?.[dep] ?? m.peerDependencies?.[dep] ?? "";
            try {
              this.o.client.prefetch(this.manifestKey(dep, depSpec).pkgName);
            } catch {
            }
          }
        }
        return m;
      });
      this.manifests.set(key, p);
    }
    return p;
  }
  async loadPeerSet(node, required) {
    const peerEdges = [...node.edgesOut.values()].filter((e) => e.peer && !(e.valid && e.to)).sort((a, b) => localeCompare(a.name, b.name));
    for (const edge of peerEdges) {
      const nodeParent = node.parent;
      if (!nodeParent) break;
      if (edge.valid && edge.to) continue;
      const parentEdge = nodeParent.edgesOut.get(edge.name);
      const source = nodeParent.sourceReference ?? nodeParent;
      const isMine = source === this.root;
      const conflictOK = !isMine;
      if (!edge.to) {
        if (!parentEdge) {
          await this.nodeFromEdge(edge, nodeParent, null, required);
          continue;
        }
        const dep2 = await this.nodeFromEdge(parentEdge, nodeParent, edge, required);
        if (edge.valid) continue;
        if (conflictOK || !required.has(dep2)) {
          edge.peerConflicted = true;
          continue;
        }
        throw peerConflict(edge, parentEdge);
      }
      const current = edge.to;
      const dep = await this.nodeFromEdge(edge, null, null, required);
      if (current && dep.canReplace(current)) {
        await this.nodeFromEdge(edge, nodeParent, null, required);
        continue;
      }
      if (conflictOK || !required.has(edge.from)) continue;
      throw peerConflict(edge, parentEdge ?? null);
    }
    return node;
  }
  /** Reads a bundling or shrinkwrapped package's subtree from its (verified) tarball. */
  async crackOpen(node, hasBundle) {
    const { dir } = await this.o.openTarball({
      name: node.packageName,
      version: node.version,
      integrity: node.integrity,
      resolved: node.resolved
    });
    if (node.hasShrinkwrap) await this.loadShrinkwrap(node, dir);
    if (hasBundle) await this.loadBundled(node, dir, dir);
  }
  async loadBundled(parent, parentDir, pkgDir) {
    const nm = join2(parentDir, "node_modules");
    const names = await listPackageFolders(nm);
    for (const name of names) {
      if (parent.children.has(name)) continue;
      const dir = join2(nm, name);
      let raw;
      try {
        raw = JSON.parse(await readFile2(join2(dir, "package.json"), "utf8"));
      } catch {
        continue;
      }
      const rec = raw;
      const version = typeof rec.version === "string" ? rec.version : "";
      if (!version) continue;
      const pkgName = typeof rec.name === "string" ? rec.name : name;
      const manifest = normalizeManifest(pkgName, version, {
        ...rec,
        dist: { tarball: "bundled:", integrity: "sha512-" }
      });
      manifest.dist = { tarball: "", integrity: "" };
      const child = new Node({ name, pkg: manifest, parent });
      child.inBundle = true;
      await this.loadBundled(child, dir, pkgDir);
    }
  }
  async loadShrinkwrap(node, dir) {
    let sw;
    try {
      sw = JSON.parse(await readFile2(join2(dir, "npm-shrinkwrap.json"), "utf8"));
    } catch (err) {
      if (err.code === "ENOENT") return;
      throw new VetError(
        "E_SHRINKWRAP",
        `${node.packageName}@${node.version}: npm-shrinkwrap.json is not valid JSON; the package is broken`,
        { cause: err }
      );
    }
    const packages = sw.packages;
    if (!packages || typeof packages !== "object") {
      throw new VetError(
        "E_SHRINKWRAP",
        `${node.packageName}@${node.version}: npm-shrinkwrap.json has no "packages" (lockfileVersion 1 shrinkwraps are not supported)`
      );
    }
    const locs = Object.keys(packages).filter((l) => l.startsWith("node_modules/")).sort(
      (a, b) => a.split("node_modules/").length - b.split("node_modules/").length || localeCompare(a, b)
    );
    const byLoc = /* @__PURE__ */ new Map([["", node]]);
    for (const loc of locs) {
      const entry = packages[loc];
      if (entry.dev === true) continue;
      const idx = loc.lastIndexOf("node_modules/");
      const name = loc.slice(idx + "node_modules/".length);
      const parentLoc = idx === 0 ? "" : loc.slice(0, idx - 1);
      const parent = byLoc.get(parentLoc);
      if (!parent) continue;
      const version = typeof entry.version === "string" ? entry.version : "";
      const pkgName = typeof entry.name === "string" ? entry.name : name;
      let resolved = typeof entry.resolved === "string" ? this.rewriteRegistryHost(entry.resolved, pkgName) : "";
      let integrity = typeof entry.integrity === "string" ? entry.integrity : void 0;
      if (entry.inBundle !== true && (!resolved || !integrity)) {
        const published = (await this.o.client.packument(pkgName)).versions[version];
        if (!published || published.invalid) {
          throw new VetError(
            "E_SHRINKWRAP",
            `${node.packageName}@${node.version}: its npm-shrinkwrap.json pins ${pkgName}@${version}, which the registry does not have`
          );
        }
        resolved ||= published.dist.tarball;
        integrity ??= published.dist.integrity;
      }
      const manifest = normalizeManifest(pkgName, version, {
        ...entry,
        dist: {
          tarball: resolved || "bundled:",
          integrity: integrity ?? (entry.inBundle === true ? "sha512-" : void 0)
        }
      });
      if (entry.inBundle === true) manifest.dist = { tarball: "", integrity: "" };
      const child = new Node({ name, pkg: manifest, parent });
      child.inShrinkwrap = true;
      child.inBundle = entry.inBundle === true;
      byLoc.set(loc, child);
      if (!child.inBundle && child.resolved) {
        this.o.onPlaced?.({ name: pkgName, version, integrity: child.integrity, resolved: child.resolved });
      }
    }
  }
  /** npm's replace-registry-host default: URLs on the public registry go to the configured one. */
  rewriteRegistryHost(url, name) {
    const PUBLIC = "https://registry.npmjs.org/";
    const registry = this.o.client.registryFor(name);
    return url.startsWith(PUBLIC) && registry !== PUBLIC ? registry + url.slice(PUBLIC.length) : url;
  }
  pruneFailedOptional() {
    const flags = computeFlags(this.root);
    for (const node of this.loadFailures) {
      if (node.root !== this.root) continue;
      if (!flags.get(node)?.optional) throw node.error;
      this.warn(`optional dependency ${node.name} skipped: ${node.error?.message}`);
      node.detach();
    }
  }
};
function peerConflict(edge, parentEdge) {
  const from = edge.from.isProjectRoot ? "the root" : `${edge.from.packageName}@${edge.from.version}`;
  const other = parentEdge ? `, but ${parentEdge.name}@"${parentEdge.spec}" is required too` : "";
  return new VetError(
    "E_NO_MATCH",
    `peer dependency conflict (ERESOLVE): ${from} needs ${edge.name}@"${edge.spec}"${other}; npm would refuse to install this`
  );
}
function findHoistableNode(root, edge) {
  const queue = [...root.children.values()];
  while (queue.length) {
    const node = queue.shift();
    if (node.name === edge.name && !node.inBundle && node.satisfies(edge)) return node;
    queue.push(...node.children.values());
  }
  return null;
}
function summarizeVersions(p) {
  const all = Object.keys(p.versions).sort((a, b) => import_semver3.default.compare(a, b, true) || 0);
  if (!all.length) return "none";
  const tail = all.slice(-5).join(", ");
  return all.length > 5 ? `${all.length} versions, newest ${tail}` : tail;
}
async function listPackageFolders(nm) {
  let entries;
  try {
    entries = await readdir(nm, { withFileTypes: true });
  } catch {
    return [];
  }
  const out = [];
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith(".")) continue;
    if (e.name.startsWith("@")) {
      for (const s of await readdir(join2(nm, e.name), { withFileTypes: true }).catch(() => [])) {
        if (s.isDirectory()) out.push(`${e.name}/${s.name}`);
      }
    } else out.push(e.name);
  }
  return out.sort(localeCompare);
}
function computeFlags(root) {
  const flags = /* @__PURE__ */ new Map();
  for (const n of root.inventory()) if (n !== root) flags.set(n, { optional: true, peer: true });
  const visit = (start, kind) => {
    const queue = [start];
    const seen = /* @__PURE__ */ new Set([start]);
    while (queue.length) {
      const node = queue.shift();
      for (const edge of node.edgesOut.values()) {
        const to = edge.to;
        if (!to || to === root || seen.has(to)) continue;
        if (kind === "optional" ? edge.optional : edge.peer) continue;
        seen.add(to);
        flags.get(to)[kind] = false;
        queue.push(to);
      }
    }
  };
  visit(root, "optional");
  visit(root, "peer");
  return flags;
}
function platformMismatch(m, platform) {
  const check = (value, list, label) => {
    if (!list?.length) return null;
    if (value === void 0) return `${label} ${JSON.stringify(list)} cannot be checked here`;
    const negated = list.filter((x) => x.startsWith("!")).map((x) => x.slice(1));
    const positive = list.filter((x) => !x.startsWith("!"));
    if (negated.includes(value)) return `${label} ${JSON.stringify(list)} excludes "${value}"`;
    if (positive.length && !positive.includes(value) && !positive.includes("any"))
      return `${label} ${JSON.stringify(list)} does not include "${value}"`;
    return null;
  };
  return check(platform.os, m.os, "os") ?? check(platform.cpu, m.cpu, "cpu") ?? (platform.os === "linux" ? check(platform.libc, m.libc, "libc") : null);
}
function toResolvedTree(root, spec, platform, registry) {
  const flags = computeFlags(root);
  const all = root.inventory().filter((n) => n !== root);
  const skipped = /* @__PURE__ */ new Map();
  for (const n of all) {
    if (!flags.get(n)?.optional) continue;
    const why = platformMismatch(n.pkg, platform);
    if (why) skipped.set(n, { reason: "platform", detail: why });
  }
  if (skipped.size) {
    const reach = /* @__PURE__ */ new Set();
    const queue2 = [root];
    while (queue2.length) {
      const node = queue2.shift();
      for (const e of node.edgesOut.values()) {
        const to = e.to;
        if (to && !reach.has(to) && !skipped.has(to) && to !== root) {
          reach.add(to);
          queue2.push(to);
        }
      }
    }
    for (const n of all) {
      if (!reach.has(n) && !skipped.has(n) && flags.get(n)?.optional) {
        skipped.set(n, { reason: "platform", detail: "only needed by packages skipped on this platform" });
      }
    }
  }
  const serverNode = root.children.get(spec.name);
  if (!serverNode) throw new VetError("E_INTERNAL", `resolution did not place ${spec.name}`);
  const paths = /* @__PURE__ */ new Map([[serverNode, [serverNode.packageName]]]);
  const queue = [serverNode];
  while (queue.length) {
    const node = queue.shift();
    const edges = [...node.edgesOut.values()].sort((a, b) => localeCompare(a.name, b.name));
    for (const e of edges) {
      const to = e.to;
      if (to && to !== root && !paths.has(to)) {
        paths.set(to, [...paths.get(node), to.packageName]);
        queue.push(to);
      }
    }
  }
  const toPkg = (n) => {
    const f = flags.get(n) ?? { optional: false, peer: false };
    const deps = [...n.edgesOut.values()].map((e) => e.to).filter((t) => !!t && t !== root).map((t) => t.location);
    const p = {
      name: n.packageName,
      version: n.version,
      integrity: n.inBundle ? null : n.integrity || null,
      resolved: n.inBundle ? null : n.resolved || null,
      location: n.location,
      path: paths.get(n) ?? [serverNode.packageName, n.packageName],
      optional: f.optional,
      peer: f.peer,
      bundled: n.inBundle,
      fromShrinkwrap: n.inShrinkwrap,
      dependencies: [...new Set(deps)].sort(localeCompare)
    };
    if (n.name !== n.packageName) p.alias = n.name;
    const skip = skipped.get(n);
    if (skip) p.skipped = skip;
    if (n.pkg.deprecated) p.deprecated = n.pkg.deprecated;
    if (n.pkg.hasInstallScript) p.hasInstallScript = true;
    return p;
  };
  const packages = all.filter((n) => n !== serverNode).map(toPkg).sort((a, b) => localeCompare(a.location, b.location));
  return { root: toPkg(serverNode), packages, registry, spec: spec.raw };
}
async function resolveTree(rawSpec, o) {
  const spec = parsePackageSpec(rawSpec);
  const platform = o.platform ?? currentPlatform();
  o.client.prefetch(spec.name);
  const builder = new IdealTreeBuilder(spec, o);
  const root = await builder.build();
  return toResolvedTree(root, spec, platform, o.client.registryFor(spec.name));
}

// src/registry/tarball.ts
import { createHash as createHash2 } from "node:crypto";
import { closeSync, createReadStream, mkdirSync, openSync, writeSync } from "node:fs";
import * as fsp from "node:fs/promises";
import path from "node:path";
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
var MARKER = ".mcp-vet.json";
var MARKER_FORMAT = 2;
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
  const tmpRoot = path.join(opts.cacheDir, "tmp");
  await fsp.mkdir(tmpRoot, { recursive: true });
  const tmpDir = await fsp.mkdtemp(path.join(tmpRoot, `${expected.algorithm}-`));
  try {
    await downloadAndExtract(req, opts, limits, expected, tmpDir, mode, localTarball);
    const manifest = await readPackageJson(tmpDir, id);
    const bundled = await findBundled(tmpDir);
    const marker = {
      format: MARKER_FORMAT,
      extract: mode,
      integrity: req.integrity,
      name: req.name,
      version: req.version,
      bundled
    };
    await fsp.writeFile(path.join(tmpDir, MARKER), JSON.stringify(marker, null, 2) + "\n");
    await fsp.mkdir(path.dirname(finalDir), { recursive: true });
    if (cached) await fsp.rm(finalDir, { recursive: true, force: true });
    const winner = await publish(tmpDir, finalDir);
    if (winner)
      return { dir: winner.dir, manifest: winner.manifest, bundled: winner.bundled, fromCache: false };
    return { dir: finalDir, manifest, fromCache: false, bundled };
  } finally {
    await fsp.rm(tmpDir, { recursive: true, force: true });
  }
}
async function publish(tmpDir, finalDir) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fsp.rename(tmpDir, finalDir);
      return null;
    } catch (err) {
      const code = err.code;
      if (code !== "EEXIST" && code !== "ENOTEMPTY" && code !== "EPERM") throw err;
      const theirs = await readCacheEntry(finalDir);
      if (theirs) return theirs;
      await fsp.rm(finalDir, { recursive: true, force: true });
    }
  }
  await fsp.rename(tmpDir, finalDir);
  return null;
}
async function readCacheEntry(dir) {
  let marker;
  try {
    marker = JSON.parse(await fsp.readFile(path.join(dir, MARKER), "utf8"));
  } catch {
    return null;
  }
  if (marker?.format !== MARKER_FORMAT || !Array.isArray(marker.bundled)) return null;
  try {
    const manifest = JSON.parse(await fsp.readFile(path.join(dir, "package.json"), "utf8"));
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
    const hash = createHash2(expected.algorithm);
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
    return;
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
        ...opts.registryOptions,
        spec: req.name,
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
    const hash = createHash2(expected.algorithm);
    const extractor = new Extractor(TarParser, tmpDir, id, limits, mode);
    let received = 0;
    const keep = openSync(path.join(tmpDir, TARBALL), "w", 420);
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
      closeSync(keep);
    }
    await extractor.end();
    verifyDigest(hash, expected, req, id);
    if (extractor.error) throw extractor.error;
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
  parser;
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
    try {
      this.parser.write(chunk);
    } catch (err) {
      this.fail(this.asVetError(err));
    }
  }
  async end() {
    if (!this.error) {
      try {
        this.parser.end();
      } catch (err) {
        this.fail(this.asVetError(err));
      }
    }
    await this.finished;
    this.closeFile();
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
    this.parser.abort(new Error("extraction failed"));
  }
  closeFile() {
    if (this.openFd === void 0) return;
    const fd = this.openFd;
    this.openFd = void 0;
    try {
      closeSync(fd);
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
    if (this.mode === "metadata" && !isMetadataFile(rel)) {
      entry.resume();
      return;
    }
    mkdirSync(path.dirname(target), { recursive: true, mode: 493 });
    const fd = openSync(target, "w", 420);
    this.openFd = fd;
    let written = 0;
    entry.on("data", (chunk) => {
      if (this.error || this.openFd !== fd) return;
      try {
        written += chunk.length;
        if (written > this.limits.maxFileBytes) {
          throw limitError(this.id, "maxFileBytes", this.limits.maxFileBytes, `"${entry.path}" is larger`);
        }
        let offset = 0;
        while (offset < chunk.length) offset += writeSync(fd, chunk, offset, chunk.length - offset);
      } catch (err) {
        this.fail(this.asVetError(err, entry));
      }
    });
    entry.on("end", () => {
      if (this.openFd === fd) this.closeFile();
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
async function readPackageJson(dir, id) {
  let text;
  try {
    text = await fsp.readFile(path.join(dir, "package.json"), "utf8");
  } catch {
    throw new VetError(
      "E_TARBALL",
      `The tarball of ${id} has no package.json in its top folder; it is not an npm package.`
    );
  }
  let manifest;
  try {
    manifest = JSON.parse(text);
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
    try {
      const pj = JSON.parse(
        await fsp.readFile(path.join(pkgDir, location, "package.json"), "utf8")
      );
      if (isRecord(pj)) {
        found.push({
          name: typeof pj.name === "string" ? pj.name : folderName,
          version: typeof pj.version === "string" ? pj.version : "",
          location
        });
      }
    } catch {
    }
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

// src/vuln/check.ts
var import_npm_package_arg3 = __toESM(require_npa(), 1);
var import_semver4 = __toESM(require_semver(), 1);

// src/vuln/severity.ts
var calc;
async function calculator() {
  const mod = await import("./ae-cvss-calculator-MPY56WES.js");
  calc ??= mod.Cvss4P0 ? mod : mod.default;
  return calc;
}
async function cvssScore(vector) {
  const m = await calculator();
  try {
    let scores;
    if (vector.startsWith("CVSS:4.0/")) scores = new m.Cvss4P0(vector).calculateScores();
    else if (vector.startsWith("CVSS:3.1/")) scores = new m.Cvss3P1(vector).calculateScores();
    else if (vector.startsWith("CVSS:3.0/")) scores = new m.Cvss3P0(vector).calculateScores();
    else return null;
    const s = scores.base ?? scores.overall;
    return typeof s === "number" && Number.isFinite(s) && s >= 0 && s <= 10 ? s : null;
  } catch {
    return null;
  }
}
function labelForScore(score) {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return null;
}
var DB_LABELS = {
  CRITICAL: "critical",
  HIGH: "high",
  MODERATE: "medium",
  MEDIUM: "medium",
  LOW: "low"
};
var UNKNOWN_SEVERITY = "medium";
async function severityOf(record) {
  let best;
  const invalid = [];
  for (const s of record.severity ?? []) {
    if (s.type !== "CVSS_V3" && s.type !== "CVSS_V4") continue;
    const score = await cvssScore(s.score);
    if (score === null) {
      invalid.push(s.score);
      continue;
    }
    if (!best || score > best.score) best = { score, vector: s.score };
  }
  const extra = invalid.length ? { invalidVectors: invalid } : {};
  if (record.id.startsWith("MAL-")) {
    return {
      severity: "critical",
      score: best?.score ?? null,
      vector: best?.vector,
      source: "malware",
      ...extra
    };
  }
  const fromScore = best ? labelForScore(best.score) : null;
  if (best && fromScore)
    return { severity: fromScore, score: best.score, vector: best.vector, source: "cvss", ...extra };
  const db = record.database_specific?.severity;
  const dbLabel = typeof db === "string" ? DB_LABELS[db.toUpperCase()] : void 0;
  if (dbLabel)
    return {
      severity: dbLabel,
      score: best?.score ?? null,
      vector: best?.vector,
      source: "database",
      ...extra
    };
  return {
    // a vector that scores 0.0 ("none") with no database label: the lowest label we have
    severity: best ? "low" : UNKNOWN_SEVERITY,
    score: best?.score ?? null,
    vector: best?.vector,
    source: "unknown",
    ...extra
  };
}

// src/vuln/check.ts
async function checkVulnerabilities(input) {
  const { tree, source } = input;
  const installed = installedPackages(tree);
  const summary = {
    source: source.kind,
    location: source.location,
    status: "ok",
    packages: installed.size,
    advisories: 0,
    bySeverity: { info: 0, low: 0, medium: 0, high: 0, critical: 0 }
  };
  const queries = [...installed.values()].map((p) => ({ name: p.name, version: p.version }));
  let result;
  try {
    result = await source.query(queries);
  } catch (err) {
    if (!(err instanceof VetError) || err.code !== "E_VULN_SOURCE") throw err;
    summary.status = "failed";
    summary.error = err.message;
    return { findings: [checkFailed(source, err, input.onUnavailable)], summary };
  }
  const findings = [];
  for (const w of result.warnings) {
    findings.push({
      rule: "vulnerability-source-warning",
      severity: "medium",
      message: w,
      source: source.location
    });
  }
  const dependents = dependentsByLocation(tree);
  for (const [key, pkg] of installed) {
    const records = (result.records.get(key) ?? []).filter((r) => !r.withdrawn);
    const hits = [];
    for (const record of records) {
      const m = matchRecord(record, pkg.name, pkg.version);
      if (!m.affected && source.kind !== "osv-api") continue;
      hits.push({
        record,
        fixed: m.fixed,
        lastAffected: m.lastAffected,
        ...m.uncertain ? { uncertain: m.uncertain } : {}
      });
    }
    for (const group of groupAliases(hits)) {
      findings.push(await toFinding(pkg, group, tree, dependents, input.packument));
    }
  }
  for (const f of findings) {
    if (f.rule === "vulnerability" || f.rule === "malware") {
      summary.advisories++;
      summary.bySeverity[f.severity]++;
    }
  }
  return { findings, summary };
}
function installedPackages(tree) {
  const out = /* @__PURE__ */ new Map();
  for (const p of [tree.root, ...tree.packages]) {
    if (p.skipped) continue;
    const key = `${p.name}@${p.version}`;
    const e = out.get(key);
    if (e) {
      e.nodes.push(p);
      if (p.path.length < e.path.length) e.path = p.path;
    } else out.set(key, { name: p.name, version: p.version, nodes: [p], path: p.path });
  }
  return out;
}
function dependentsByLocation(tree) {
  const out = /* @__PURE__ */ new Map();
  for (const p of [tree.root, ...tree.packages]) {
    for (const loc of p.dependencies) {
      const list = out.get(loc);
      if (list) list.push(p);
      else out.set(loc, [p]);
    }
  }
  return out;
}
function groupAliases(hits) {
  const parent = hits.map((_, i) => i);
  const find = (i) => parent[i] === i ? i : parent[i] = find(parent[i]);
  const owner = /* @__PURE__ */ new Map();
  hits.forEach((h, i) => {
    for (const name of [h.record.id, ...h.record.aliases ?? []]) {
      const j = owner.get(name);
      if (j === void 0) owner.set(name, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = /* @__PURE__ */ new Map();
  hits.forEach((h, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(h);
    else groups.set(r, [h]);
  });
  return [...groups.values()];
}
async function toFinding(pkg, group, tree, dependents, packument) {
  const rated = await Promise.all(group.map(async (h) => ({ ...h, sev: await severityOf(h.record) })));
  const rank = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
  rated.sort(
    (a, b) => Number(b.record.id.startsWith("MAL-")) - Number(a.record.id.startsWith("MAL-")) || rank[b.sev.severity] - rank[a.sev.severity] || (b.sev.score ?? -1) - (a.sev.score ?? -1) || (a.record.id < b.record.id ? -1 : 1)
  );
  const main = rated[0];
  const ids = /* @__PURE__ */ new Set();
  for (const h of rated) for (const a of [h.record.id, ...h.record.aliases ?? []]) ids.add(a);
  ids.delete(main.record.id);
  const malware = rated.some((h) => h.record.id.startsWith("MAL-"));
  const fixed = [...new Set(rated.flatMap((h) => h.fixed))].sort(import_semver4.default.compare);
  const uncertain = [...new Set(rated.flatMap((h) => h.uncertain ?? []))];
  const lastAffected = [...new Set(rated.flatMap((h) => h.lastAffected ?? []))].sort(import_semver4.default.compare);
  const isRoot = pkg.nodes.some((n) => n === tree.root);
  const fix = await reachability(pkg, main.record, tree, dependents, packument);
  const id = main.record.id;
  const summary = main.record.summary ?? firstLine(main.record.details) ?? "";
  const severity = malware ? "critical" : main.sev.severity;
  const subject = isRoot ? `the server ${pkg.name}@${pkg.version}` : `${pkg.name}@${pkg.version}`;
  let message = malware ? `${subject} is known malware (${id}${summary ? `: ${summary}` : ""})` : `${subject} is affected by ${id}${summary ? `: ${summary}` : ""}`;
  if (uncertain.length) {
    message += ` (possibly affected: the advisory is malformed — ${uncertain[0]}; verify by hand)`;
  }
  const finding = {
    rule: malware ? "malware" : "vulnerability",
    severity,
    message,
    id,
    aliases: [...ids].sort(),
    summary,
    package: pkg.name,
    version: pkg.version,
    score: main.sev.score,
    ...main.sev.vector ? { vector: main.sev.vector } : {},
    severitySource: main.sev.source,
    fixed,
    path: pkg.path,
    fixReachable: fix.reachable,
    remediation: fix.remediation,
    url: `https://osv.dev/vulnerability/${encodeURIComponent(id)}`
  };
  if (uncertain.length) finding.uncertain = uncertain;
  if (!fixed.length && lastAffected.length) finding.lastAffected = lastAffected;
  if (main.record.modified) finding.modified = main.record.modified;
  if (pkg.nodes.length > 1) finding.locations = pkg.nodes.map((n) => n.location).sort();
  return finding;
}
async function reachability(pkg, record, tree, dependents, packument) {
  let versions;
  if (packument) {
    try {
      const doc = await packument(pkg.name);
      versions = Object.entries(doc.versions).filter(([v, m]) => !m.invalid && import_semver4.default.valid(v) && import_semver4.default.gt(v, pkg.version)).map(([v]) => v).sort(import_semver4.default.compare);
    } catch {
      versions = void 0;
    }
  }
  const unaffected = versions?.filter((v) => !matchRecord(record, pkg.name, v).affected);
  const server = `${tree.root.name}@${tree.root.version}`;
  if (pkg.nodes.includes(tree.root)) {
    if (!unaffected)
      return {
        reachable: null,
        remediation: `upgrade the server to a fixed version (the registry's version list could not be read)`
      };
    if (!unaffected.length)
      return {
        reachable: false,
        remediation: `no fixed version of the server ${pkg.name} is published yet; remove it or wait for a fix`
      };
    return { reachable: true, remediation: `upgrade the server to ${pkg.name}@${unaffected[0]} or later` };
  }
  if (!unaffected) {
    return {
      reachable: null,
      remediation: `update ${pkg.name} past the affected range (fix reachability unknown: its version list could not be read)`
    };
  }
  if (!unaffected.length) {
    return {
      reachable: false,
      remediation: `no fixed version of ${pkg.name} is published yet; the server must drop or replace it`
    };
  }
  const blockers = [];
  let candidates = unaffected;
  for (const node of pkg.nodes) {
    if (node.bundled) {
      return {
        reachable: false,
        remediation: `${pkg.name} is bundled inside a package of ${server}: only a new release that bundles ${pkg.name}@${unaffected[0]} or later can fix it; the server must update its dependency`
      };
    }
    if (node.fromShrinkwrap) {
      return {
        reachable: false,
        remediation: `${pkg.name} is pinned by an npm-shrinkwrap.json in ${server}'s tree: the server must update its dependency (to ${pkg.name}@${unaffected[0]} or later)`
      };
    }
    const edgeName = node.location.slice(node.location.lastIndexOf("node_modules/") + "node_modules/".length);
    for (const dep of dependents.get(node.location) ?? []) {
      const range = await declaredRange(dep, edgeName, packument);
      if (range === void 0) continue;
      const ok = candidates.filter((v) => import_semver4.default.satisfies(v, range));
      if (!ok.length) blockers.push(`${dep.name}@${dep.version} requires ${pkg.name}@${range}`);
      if (ok.length) candidates = ok;
    }
  }
  if (blockers.length) {
    const direct = pkg.path.length === 2;
    return {
      reachable: false,
      remediation: `${blockers.join("; ")}, which excludes every fixed version (${unaffected[0]} or later): ${direct ? "the server must update its dependency" : `${blockers.length === 1 ? "that package" : "those packages"} must update, and then the server`}`
    };
  }
  return {
    reachable: true,
    remediation: `${pkg.name}@${candidates[0]} is within the ranges its dependents declare: upgrading or reinstalling the server picks it up`
  };
}
async function declaredRange(dep, edgeName, packument) {
  if (!packument || dep.bundled) return void 0;
  let spec;
  try {
    const m = (await packument(dep.name)).versions[dep.version];
    spec = m?.dependencies?.[edgeName] ?? m?.optionalDependencies?.[edgeName] ?? m?.peerDependencies?.[edgeName];
  } catch {
    return void 0;
  }
  if (spec === void 0) return void 0;
  try {
    const parsed = import_npm_package_arg3.default.resolve(edgeName, spec);
    const target = parsed.type === "alias" ? parsed.subSpec : parsed;
    if (!target || target.type !== "range" && target.type !== "version") return void 0;
    return import_semver4.default.validRange(target.fetchSpec ?? "") ?? void 0;
  } catch {
    return void 0;
  }
}
function firstLine(text) {
  if (!text) return void 0;
  const line = text.split("\n").find((l) => l.trim() && !l.startsWith("#"));
  return line ? line.length > 160 ? `${line.slice(0, 157)}…` : line.trim() : void 0;
}
function checkFailed(source, err, onUnavailable) {
  const warn = onUnavailable === "warn";
  return {
    rule: "vulnerability-check-failed",
    severity: warn ? "info" : "critical",
    message: `the vulnerability check could not run, so this tree was not checked for known advisories: ${describeError(err)}${warn ? " (--on-unavailable warn: not failing)" : ""}`,
    source: source.location
  };
}

// src/pipeline/vet.ts
var SEVERITY_RANK = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
function severityAtLeast(s, threshold) {
  return SEVERITY_RANK[s] >= SEVERITY_RANK[threshold];
}
async function vetPackage(input) {
  const warn = input.warn ?? (() => void 0);
  try {
    await mkdir3(input.cacheDir, { recursive: true });
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
  const tree = await resolveTree(input.spec, {
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
  const vulns = input.vulnSource ? checkVulnerabilities({
    source: input.vulnSource,
    tree,
    packument: (name) => client.packument(name),
    onUnavailable: input.onUnavailable ?? "fail"
  }) : void 0;
  const permissions = input.permissions === false ? void 0 : import("./surface-E4F6OYFM.js").then(
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
  const manifest = input.manifest === false ? void 0 : import("./stage-IGBDRAQK.js").then(
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
    const { scanManifest } = await import("./tools-EVUQCBIQ.js");
    const seen = /* @__PURE__ */ new Set();
    const views = [m.manifest, ...m.manifest.relaunch ? [{ ...m.manifest, ...m.manifest.relaunch }] : []];
    for (const [i, view] of views.entries()) {
      for (const f of scanManifest(view)) {
        const key = `${f.rule}\0${f.tool ?? f.target ?? ""}\0${f.pointer}\0${f.excerpt}`;
        if (seen.has(key)) continue;
        seen.add(key);
        server.findings.push({
          ...f,
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
          readFile4(join3(ex.dir, rel, "package.json"), "utf8").then((t) => apply(p, JSON.parse(t))).catch(() => void 0)
        );
      }
    }
  }
  await Promise.all(bundledReads);
}
function bundleOwner(byLoc, p) {
  let loc = p.location;
  for (; ; ) {
    const i = loc.lastIndexOf("/node_modules/");
    if (i < 0) return void 0;
    loc = loc.slice(0, i);
    const owner = byLoc.get(loc);
    if (owner && !owner.bundled) return owner;
  }
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
      ...root.license ? { license: root.license } : {}
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
function blocks(f, failOn) {
  if (f.suppressed) return false;
  return f.rule === "malware" || severityAtLeast(f.severity, failOn);
}
function decide(servers, failOn, toolVersion, opts = {}) {
  const suppressions = opts.suppressions ?? [];
  if (suppressions.length) {
    const all = servers.flatMap((s) => s.findings);
    const extra = applySuppressions(all, suppressions, opts.now ?? /* @__PURE__ */ new Date());
    if (servers[0]) {
      servers[0].findings.push(...extra);
      servers[0].findings.sort(compareFindings);
    }
  }
  const reject = servers.some((s) => s.findings.some((f) => blocks(f, failOn)));
  return {
    schemaVersion: 1,
    tool: { name: "mcp-vet", version: toolVersion },
    decision: reject ? "reject" : "approve",
    failOn,
    ...opts.policyFile ? { policy: { file: opts.policyFile, suppressions: suppressions.length } } : {},
    servers
  };
}

// src/version.ts
var VERSION = "0.1.0";

export {
  vetPackage,
  decide,
  VERSION
};
