#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  currentPlatform,
  normalizeManifest
} from "./chunk-XNFGO6ZN.js";
import "./chunk-OBZI2X5Z.js";
import {
  VetError
} from "./chunk-OI56ITB4.js";
import {
  require_npa
} from "./chunk-GGYBWKUX.js";
import {
  require_semver
} from "./chunk-Z72EFVUK.js";
import {
  __toESM
} from "./chunk-ESI7J6K4.js";

// src/registry/resolve.ts
var import_npm_package_arg2 = __toESM(require_npa(), 1);
var import_semver3 = __toESM(require_semver(), 1);
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

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
  let parsedRange;
  try {
    parsedRange = new import_semver3.default.Range(range, { loose: true });
  } catch {
    return null;
  }
  let best = null;
  let bestRank = -1;
  for (const { sv, mani } of parsedVersions(packument)) {
    if (!parsedRange.test(sv)) continue;
    const eng = engineOk(mani, opts.nodeVersion, opts.npmVersion);
    const notDep = !mani.deprecated;
    const rank = (notDep && eng ? 4 : 0) + (eng ? 2 : 0) + (notDep ? 1 : 0);
    if (!best || rank > bestRank || rank === bestRank && sv.compare(best.sv) > 0) {
      best = { sv, mani };
      bestRank = rank;
    }
  }
  return best?.mani ?? null;
}
var versionCache = /* @__PURE__ */ new WeakMap();
function parsedVersions(packument) {
  let list = versionCache.get(packument);
  if (!list) {
    list = [];
    for (const [ver, mani] of Object.entries(packument.versions)) {
      try {
        list.push({ sv: new import_semver3.default.SemVer(ver, { loose: true }), mani });
      } catch {
      }
    }
    versionCache.set(packument, list);
  }
  return list;
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
  /** The manifest declares os/cpu/libc this platform does not have (an early download is a waste). */
  otherPlatform(m) {
    if (!m.os?.length && !m.cpu?.length && !m.libc?.length) return false;
    return platformMismatch(m, this.o.platform ?? currentPlatform()) !== null;
  }
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
      if (!placed.error && !this.otherPlatform(placed.pkg)) {
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
    const nm = join(parentDir, "node_modules");
    const names = await listPackageFolders(nm);
    for (const name of names) {
      if (parent.children.has(name)) continue;
      const dir = join(nm, name);
      let raw;
      try {
        raw = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
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
      sw = JSON.parse(await readFile(join(dir, "npm-shrinkwrap.json"), "utf8"));
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
      if (!child.inBundle && child.resolved && !this.otherPlatform(manifest)) {
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
      for (const s of await readdir(join(nm, e.name), { withFileTypes: true }).catch(() => [])) {
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
export {
  currentPlatform,
  parsePackageSpec,
  pickManifest,
  resolveTree
};
