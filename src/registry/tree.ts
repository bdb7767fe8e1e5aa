/**
 * An in-memory node_modules tree with npm's semantics: nodes live in folders, a dependency
 * edge resolves by walking up the folders (Node's module resolution), and an edge is valid when
 * what it resolves to satisfies its spec. This is the model npm's resolver (arborist) places
 * packages into; `resolve.ts` runs arborist's placement algorithm on it.
 *
 * Edges are computed on demand rather than kept live: trees here hold a few hundred nodes, and
 * recomputing `to` is a short walk up the folders. `edgesIn` is cached per tree mutation.
 */
import npa from 'npm-package-arg';
import semver from 'semver';
import type { Manifest } from './packument.js';

const collator = new Intl.Collator('en');
/** npm sorts with `localeCompare(a, b, 'en')`; placement order (and so the result) depends on it. */
export const localeCompare = (a: string, b: string): number => collator.compare(a, b);

export type EdgeType = 'prod' | 'optional' | 'peer' | 'peerOptional';

let mutation = 0;

type Spec = ReturnType<typeof npa.resolve>;
const specCache = new Map<string, Spec | Error>();

/** npa.resolve, memoized: the same (name, spec) pairs are checked thousands of times. */
export function parseSpec(name: string, spec: string): Spec {
  const key = `${name}\0${spec}`;
  let parsed = specCache.get(key);
  if (!parsed) {
    try {
      parsed = npa.resolve(name, spec || '*');
    } catch (err) {
      parsed = err as Error;
    }
    specCache.set(key, parsed);
  }
  if (parsed instanceof Error) throw parsed;
  return parsed;
}

/** arborist's dep-valid for the spec types a registry tree can hold. */
export function depValid(node: Node, spec: string, name: string): boolean {
  let req: Spec;
  try {
    req = parseSpec(name, spec);
  } catch {
    return false;
  }
  return specValid(node, req);
}

function specValid(node: Node, req: Spec): boolean {
  switch (req.type) {
    case 'range':
      if (req.fetchSpec === '*') return true;
      return semver.satisfies(node.version, req.fetchSpec ?? '*', true);
    case 'version':
      return semver.satisfies(node.version, req.fetchSpec ?? '', true);
    case 'tag':
      return true;
    case 'alias':
      return req.subSpec ? specValid(node, req.subSpec as Spec) : false;
    default:
      return false;
  }
}

export class Edge {
  constructor(
    readonly from: Node,
    readonly name: string,
    readonly spec: string,
    readonly type: EdgeType,
  ) {}
  peerConflicted = false;

  get peer(): boolean {
    return this.type === 'peer' || this.type === 'peerOptional';
  }
  get optional(): boolean {
    return this.type === 'optional' || this.type === 'peerOptional';
  }
  get to(): Node | null {
    return this.from.resolve(this.name);
  }
  /** null when fine; otherwise why the edge is a problem (arborist's Edge#error). */
  get error(): 'MISSING' | 'PEER LOCAL' | 'INVALID' | null {
    const to = this.to;
    if (!to) return this.optional ? null : 'MISSING';
    if (this.peer && this.from === to.parent && !this.from.isTop) return 'PEER LOCAL';
    if (!this.satisfiedBy(to)) return 'INVALID';
    return null;
  }
  get valid(): boolean {
    return this.error === null;
  }
  satisfiedBy(node: Node): boolean {
    return node.name === this.name && depValid(node, this.spec, this.name);
  }
}

export interface NodeInit {
  name: string;
  pkg: Manifest;
  parent?: Node | null;
  isVirtual?: boolean;
  sourceReference?: Node | null;
}

export class Node {
  readonly name: string;
  readonly pkg: Manifest;
  readonly children = new Map<string, Node>();
  readonly edgesOut = new Map<string, Edge>();
  /** For virtual roots: the real node whose dependencies this root mirrors. */
  readonly sourceReference: Node | null;
  private _parent: Node | null = null;
  inBundle = false;
  inShrinkwrap = false;
  /** Resolution error kept on the node (arborist keeps failed nodes in the tree, then prunes optional ones). */
  error: Error | null = null;

  constructor(init: NodeInit) {
    this.name = init.name;
    this.pkg = init.pkg;
    this.sourceReference = init.sourceReference ?? null;
    this.loadEdges();
    if (init.parent) this.parent = init.parent;
  }

  get packageName(): string {
    return this.pkg.name;
  }
  get version(): string {
    return this.pkg.version;
  }
  get integrity(): string {
    return this.pkg.dist.integrity;
  }
  get resolved(): string {
    return this.pkg.dist.tarball;
  }
  get hasShrinkwrap(): boolean {
    return this.pkg.hasShrinkwrap === true;
  }

  /** Same load order as arborist: peers, then prod, then optional; later types win. */
  private loadEdges(): void {
    const p = this.pkg;
    const meta = p.peerDependenciesMeta ?? {};
    for (const [n, s] of Object.entries(p.peerDependencies ?? {})) {
      this.edgesOut.set(n, new Edge(this, n, s, meta[n]?.optional ? 'peerOptional' : 'peer'));
    }
    for (const [n, s] of Object.entries(p.dependencies ?? {}))
      this.edgesOut.set(n, new Edge(this, n, s, 'prod'));
    for (const [n, s] of Object.entries(p.optionalDependencies ?? {}))
      this.edgesOut.set(n, new Edge(this, n, s, 'optional'));
  }

  get parent(): Node | null {
    return this._parent;
  }
  set parent(parent: Node | null) {
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
  detach(): void {
    this.parent = null;
  }

  get isTop(): boolean {
    return this._parent === null;
  }
  /** arborist: a node is a project root when it is the root of its tree (virtual roots too). */
  get isProjectRoot(): boolean {
    return this._parent === null;
  }
  get resolveParent(): Node | null {
    return this._parent;
  }
  get root(): Node {
    let n: Node = this;
    while (n._parent) n = n._parent;
    return n;
  }
  get depth(): number {
    let d = 0;
    for (let n = this._parent; n; n = n._parent) d++;
    return d;
  }
  get location(): string {
    if (!this._parent) return '';
    const up = this._parent.location;
    return up ? `${up}/node_modules/${this.name}` : `node_modules/${this.name}`;
  }
  *ancestry(): Generator<Node> {
    for (let n: Node | null = this; n; n = n._parent) yield n;
  }
  isDescendantOf(node: Node): boolean {
    for (let n = this._parent; n; n = n._parent) if (n === node) return true;
    return false;
  }

  resolve(name: string): Node | null {
    for (let n: Node | null = this; n; n = n._parent) {
      const c = n.children.get(name);
      if (c) return c;
    }
    return null;
  }

  /** Every node of this node's tree, root included, depth-first. */
  inventory(): Node[] {
    const out: Node[] = [];
    const walk = (n: Node): void => {
      out.push(n);
      for (const c of n.children.values()) walk(c);
    };
    walk(this.root);
    return out;
  }

  get edgesIn(): Edge[] {
    return edgesInIndex(this.root).get(this) ?? [];
  }

  satisfies(edge: Edge): boolean {
    return edge.satisfiedBy(this);
  }

  matches(other: Node): boolean {
    if (other === this) return true;
    if (other.name !== this.name) return false;
    if (this.integrity && other.integrity) return this.integrity === other.integrity;
    if (this.resolved && other.resolved) return this.resolved === other.resolved;
    return this.packageName === other.packageName && this.version === other.version;
  }

  /** Can `node` take this node's place for everyone who depends on it (arborist canReplaceWith)? */
  canReplaceWith(node: Node, ignorePeers: Iterable<string> = []): boolean {
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
  canReplace(node: Node, ignorePeers?: Iterable<string>): boolean {
    return node.canReplaceWith(this, ignorePeers);
  }

  /** arborist canDedupe: could this nested copy go, because the one further up serves everyone? */
  canDedupe(preferDedupe = false, explicitRequest = false): boolean {
    if (this.inBundle || this.inShrinkwrap) return false;
    if (!this.resolveParent || !this.resolveParent.resolveParent) return false;
    if (this.edgesIn.length === 0) return true;
    const other = this.resolveParent.resolveParent.resolve(this.name);
    if (!other) return false;
    if (other.matches(this)) return true;
    if (!other.canReplace(this)) return false;
    if (preferDedupe || semver.eq(other.version, this.version, true)) return true;
    if (!explicitRequest && semver.gt(other.version, this.version, true)) return true;
    return false;
  }

  /** Moves this node into `old`'s place, adopting old's children that it does not replace. */
  replace(old: Node): void {
    const parent = old.parent;
    for (const child of [...old.children.values()]) {
      if (!this.children.has(child.name)) child.parent = this;
    }
    old.detach();
    this.parent = parent;
  }
}

const edgesInCache = new WeakMap<Node, { mutation: number; index: Map<Node, Edge[]> }>();

function edgesInIndex(root: Node): Map<Node, Edge[]> {
  const cached = edgesInCache.get(root);
  if (cached && cached.mutation === mutation) return cached.index;
  const index = new Map<Node, Edge[]>();
  for (const node of root.inventory()) {
    for (const edge of node.edgesOut.values()) {
      const to = edge.to;
      if (!to) continue;
      let list = index.get(to);
      if (!list) index.set(to, (list = []));
      list.push(edge);
    }
  }
  edgesInCache.set(root, { mutation, index });
  return index;
}

/** arborist gather-dep-set: the nodes only reachable through `set` (by edges passing `filter`). */
export function gatherDepSet(set: Iterable<Node>, filter: (e: Edge) => boolean): Set<Node> {
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

/** arborist deepest-nesting-target: the deepest folder a dep named `name` may go, from `start` up. */
export function deepestNestingTarget(start: Node, name: string): Node {
  for (const target of start.ancestry()) {
    if (target.isProjectRoot || !target.resolveParent) return target;
    const targetEdge = target.edgesOut.get(name);
    if (!targetEdge || !targetEdge.peer) return target;
  }
  return start;
}

/** arborist peer-entry-sets: for each edge entering a peer group containing `node`, that group. */
export function peerEntrySets(node: Node): Map<Edge, Set<Node>> {
  const unionSet = new Set([node]);
  for (const n of unionSet) {
    for (const edge of n.edgesOut.values()) {
      const to = edge.to;
      if (edge.valid && edge.peer && to) unionSet.add(to);
    }
    for (const edge of n.edgesIn) if (edge.valid && edge.peer) unionSet.add(edge.from);
  }
  const entrySets = new Map<Edge, Set<Node>>();
  for (const peer of unionSet) {
    for (const edge of peer.edgesIn) {
      if (!edge.valid) continue;
      if (!edge.peer || edge.from.isTop) {
        const sub = new Set([peer]);
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
