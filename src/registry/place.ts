/**
 * Where does a new dependency go in node_modules? A port of arborist's CanPlaceDep and
 * PlaceDep (npm ≥ 7), kept close to the original so the tree — and so the set of name@version
 * that gets installed — is the one npm produces: try the folder of the dependent, then each
 * folder above it, and take the shallowest one reachable without a conflict; keep an existing
 * copy that satisfies, replace an older one when all its dependents accept the newer one, and
 * place a package's peer dependencies beside it.
 */
import semver from 'semver';
import { deepestNestingTarget, gatherDepSet, localeCompare, Node, peerEntrySets, type Edge } from './tree.js';

export const CONFLICT = 'CONFLICT';
export const OK = 'OK';
export const REPLACE = 'REPLACE';
export const KEEP = 'KEEP';
export type Placement = typeof CONFLICT | typeof OK | typeof REPLACE | typeof KEEP;

interface CanPlaceOptions {
  dep: Node;
  target: Node;
  edge: Edge;
  preferDedupe: boolean;
  parent?: CanPlaceDep | null;
  peerPath?: Node[];
  explicitRequest?: boolean;
}

export class CanPlaceDep {
  canPlace: Placement;
  canPlaceSelf: Placement | null = null;
  readonly dep: Node;
  readonly target: Node;
  readonly edge: Edge;
  readonly explicitRequest: boolean;
  readonly peerPath: Node[];
  readonly preferDedupe: boolean;
  readonly parent: CanPlaceDep | null;
  readonly children: CanPlaceDep[] = [];
  readonly name: string;
  readonly current: Node | undefined;
  readonly targetEdge: Edge | undefined;
  readonly edgeOverride: boolean;
  private cachedPeers: Placement | null = null;

  constructor(o: CanPlaceOptions) {
    this.dep = o.dep;
    this.target = o.target;
    this.edge = o.edge;
    this.explicitRequest = o.explicitRequest ?? false;
    this.peerPath = o.peerPath ?? [];
    // peer deps always prefer deduping: they must be shared, not duplicated
    this.preferDedupe = o.preferDedupe || o.edge.peer;
    this.parent = o.parent ?? null;
    this.name = o.edge.name;
    this.current = this.target.children.get(this.name);
    this.targetEdge = this.target.edgesOut.get(this.name);
    this.edgeOverride = !this.dep.satisfies(this.edge);
    this.canPlace = this.checkCanPlace();
    if (!this.canPlaceSelf) this.canPlaceSelf = this.canPlace;
  }

  private checkCanPlace(): Placement {
    const { target, targetEdge, current, dep } = this;
    if (dep.error) return current ? REPLACE : OK;
    // a peer dep of the target itself can't live in the target's own node_modules
    if (targetEdge && targetEdge.peer && !target.isTop) return CONFLICT;
    // placing here would shadow what the target itself depends on with something it doesn't accept
    if (!current && targetEdge && !dep.satisfies(targetEdge) && targetEdge !== this.edge) return CONFLICT;
    return current ? this.checkCanPlaceCurrent(current) : this.checkCanPlaceNoCurrent();
  }

  private checkCanPlaceCurrent(current: Node): Placement {
    const { preferDedupe, explicitRequest, target, edge, dep } = this;
    if (dep.matches(current)) {
      if (current.satisfies(edge) || this.edgeOverride) return explicitRequest ? REPLACE : KEEP;
    }
    const curVer = current.version;
    const newVer = dep.version;
    const tryReplace = !!curVer && !!newVer && semver.gte(newVer, curVer, true);
    if (tryReplace && dep.canReplace(current)) {
      const cpp = this.canPlacePeers(REPLACE);
      if (cpp !== CONFLICT) return cpp;
    }
    if (current.satisfies(edge) && (!explicitRequest || preferDedupe)) return KEEP;
    if (preferDedupe && !tryReplace && dep.canReplace(current)) {
      const cpp = this.canPlacePeers(REPLACE);
      if (cpp !== CONFLICT) return cpp;
    }
    // not the deepest allowed folder: let the caller try deeper (it walks from deep to shallow)
    if (target !== this.deepestNestingTarget) return CONFLICT;
    if (!edge.peer && target === edge.from) return this.canPlacePeers(REPLACE);
    if (!this.parent && !edge.peer) return CONFLICT;

    // a peer dep that conflicts: can the current peer set be nested deeper out of the way?
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
        const walk = new Set([entryNode]);
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

  private checkCanPlaceNoCurrent(): Placement {
    const { target, dep, name } = this;
    // would placing here hide a copy further up from someone below that needs that copy?
    const current = target !== this.peerEntryEdge.from ? target.resolve(name) : null;
    if (current) {
      for (const edge of current.edgesIn) {
        if (edge.from.isDescendantOf(target) && edge.valid && !dep.satisfies(edge)) return CONFLICT;
      }
    }
    return this.canPlacePeers(OK);
  }

  get deepestNestingTarget(): Node {
    const start = this.parent ? this.parent.deepestNestingTarget : this.edge.from;
    return deepestNestingTarget(start, this.name);
  }

  get peerEntryEdge(): Edge {
    return this.parent ? this.parent.peerEntryEdge : this.edge;
  }

  /** Peers go where the dep goes: check each of the dep's peers against the same folder. */
  private canPlacePeers(state: Placement): Placement {
    this.canPlaceSelf = state;
    if (this.cachedPeers) return this.cachedPeers;
    const peerPath = [...this.peerPath, this.dep];
    let sawConflict = false;
    for (const peerEdge of this.dep.edgesOut.values()) {
      const peer = peerEdge.to;
      if (!peerEdge.peer || !peer || peerPath.includes(peer)) continue;
      const cpp = new CanPlaceDep({
        dep: peer,
        target: deepestNestingTarget(this.target, peer.name),
        parent: this,
        edge: peerEdge,
        peerPath,
        preferDedupe: true,
      });
      this.children.push(cpp);
      if (cpp.canPlace === CONFLICT) sawConflict = true;
    }
    this.cachedPeers = sawConflict ? CONFLICT : state;
    return this.cachedPeers;
  }
}

export interface PlaceOptions {
  dep: Node;
  edge: Edge;
  explicitRequest: boolean;
  preferDedupe: boolean;
  parent?: PlaceDep | null;
  /** Called for peer conflicts npm would only warn about. */
  warn: (message: string) => void;
}

export class PlaceDep {
  canPlace: CanPlaceDep | null = null;
  canPlaceSelf: CanPlaceDep | null = null;
  placed: Node | null = null;
  readonly children: PlaceDep[] = [];
  readonly needEvaluation = new Set<Node>();
  readonly dep: Node;
  readonly edge: Edge;
  readonly parent: PlaceDep | null;
  readonly name: string;
  private readonly o: PlaceOptions;

  constructor(o: PlaceOptions) {
    this.o = o;
    this.dep = o.dep;
    this.edge = o.edge;
    this.parent = o.parent ?? null;
    this.name = o.edge.name;

    // nothing to do if the edge is already happy
    if (this.edge.to && this.edge.error === null && !o.explicitRequest) return;

    const start = this.getStartNode();
    for (const target of start.ancestry()) {
      // a folder whose own package peer-depends on this name can't hold it (peers are siblings)
      const targetEdge = target.edgesOut.get(this.name);
      if (!target.isTop && targetEdge && targetEdge.peer) continue;
      const cpd = new CanPlaceDep({
        dep: this.dep,
        edge: this.edge,
        parent: this.parent?.canPlace ?? null,
        target,
        preferDedupe: o.preferDedupe,
        explicitRequest: o.explicitRequest,
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
    const placementType =
      this.canPlace.canPlace === CONFLICT ? this.canPlace.canPlaceSelf : this.canPlace.canPlace;

    if (placementType === KEEP) {
      if (this.edge.peer && !this.edge.valid) o.warn(`peer conflict: ${describe(this.edge)}`);
      this.pruneDedupable(target);
      return;
    }

    // (arborist links to an identical ancestor here; with registry packages only, that case
    // can't arise, as a node never depends on a copy of itself further up.)

    const virtualRoot = this.dep.parent;
    this.placed = cloneNode(this.dep);
    const oldDep = target.children.get(this.name);
    if (oldDep) this.replaceOldDep(oldDep, target);
    else this.placed.parent = target;

    if (this.edge.peer && !this.placed.satisfies(this.edge)) o.warn(`peer conflict: ${describe(this.edge)}`);

    // the edge used to point at a deeper copy that may now be unneeded
    const edgeTo = this.edge.to;
    if (this.edge.valid && edgeTo && edgeTo !== this.placed) this.pruneDedupable(edgeTo, false);

    // copies of this name below the new one may now be duplicates
    for (const node of target.root.inventory()) {
      if (
        node.name === this.name &&
        node.isDescendantOf(target) &&
        !node.isTop &&
        node.root === target.root
      ) {
        this.pruneDedupable(node, false);
        if (node.root === target.root)
          for (const kid of [...node.children.values()]) this.pruneDedupable(kid, false);
      }
    }

    // bring the peers of the placed node along, from the virtual root they were resolved in
    for (const peerEdge of this.placed.edgesOut.values()) {
      if (peerEdge.valid || !peerEdge.peer || peerEdge.peerConflicted) continue;
      const peer = virtualRoot?.children.get(peerEdge.name);
      if (!peer || !peer.satisfies(peerEdge)) continue;
      this.children.push(
        new PlaceDep({ ...o, parent: this, dep: peer, edge: peerEdge, explicitRequest: o.explicitRequest }),
      );
    }
  }

  get top(): PlaceDep {
    return this.parent ? this.parent.top : this;
  }

  getStartNode(): Node {
    // a peer must be at least as shallow as its dependent
    const from = this.parent ? this.parent.getStartNode() : this.edge.from;
    return deepestNestingTarget(from, this.name);
  }

  private replaceOldDep(oldDep: Node, target: Node): void {
    const placed = this.placed!;
    // dependencies of the old node that the new one does not have: prune if nothing else needs them
    const oldDeps: Node[] = [];
    for (const [name, edge] of oldDep.edgesOut) {
      const to = edge.to;
      if (!placed.edgesOut.has(name) && to) {
        oldDeps.push(...gatherDepSet([to], (e) => e.to !== to));
      }
    }
    const prunePeerSets: Node[] = [];
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

  private pruneForReplacement(node: Node, oldDeps: Node[]): void {
    const invalidDeps = new Set<Node>();
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

  private pruneDedupable(node: Node, descend = true): void {
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
}

function cloneNode(dep: Node): Node {
  const n = new Node({ name: dep.name, pkg: dep.pkg });
  n.error = dep.error;
  return n;
}

function describe(edge: Edge): string {
  const from = edge.from.isProjectRoot ? 'the root' : `${edge.from.packageName}@${edge.from.version}`;
  return `${from} wants ${edge.name}@${edge.spec}`;
}
