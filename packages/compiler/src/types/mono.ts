/**
 * Detection of unbounded instantiation cycles (types2's mono.go): gc
 * compiles generic code by (dictionary-based) monomorphisation, so a
 * package must not need infinitely many instances, as in
 *
 *   func f[T any]() { f[[]T]() }   // f[int] needs f[[]int] needs f[[][]int] ...
 *
 * Model: a directed graph whose vertices are the package's type parameters
 * (plus local named types declared inside generic functions, which are
 * implicitly parameterised by the enclosing type parameters). Each recorded
 * instantiation P := A adds, for every type parameter (or local type) Q
 * occurring in A, an edge Q → P weighted 0 if A is Q itself and 1 if Q is
 * nested inside A (the instance grows). The instantiations are unbounded
 * exactly when the graph has a cycle of positive weight; we find it with a
 * longest-path relaxation (Bellman-Ford with negated weights): if some
 * vertex's heaviest path reaches as many edges as there are vertices, the
 * path repeats a vertex, and that loop has positive weight.
 *
 * gc reports the first such loop (only when the package has no other
 * errors) at the type parameter where it starts:
 *
 *   x.go:9:8: instantiation cycle:
 *   	x.go:13:4: T instantiated as []T
 *
 * Method receiver type parameters are mapped to the receiver base type's
 * type parameters (recordCanon), so that calls through methods join the
 * same vertices as instantiations of the type.
 */
import type { Pos } from "../syntax/position.js";
import { TypeName, type Package } from "./object.js";
import type { Scope } from "./scope.js";
import {
  Array,
  Basic,
  Chan,
  Interface,
  MapType,
  Named,
  Pointer,
  Signature,
  Slice,
  Struct,
  Tuple,
  TypeParam,
  Union,
  type Type,
} from "./type.js";
import { computeInterfaceTypeSet, type AlgebraEnv, type ErrorPart } from "./typeset.js";
import { typeString } from "./typestring.js";

interface Vertex {
  /** heaviest known path weight ending here */
  weight: number;
  /** last edge of that path (-1: none) */
  pre: number;
  /** number of edges of that path */
  len: number;
  obj: TypeName;
}

interface Edge {
  dst: number;
  src: number;
  weight: number;
  pos: Pos;
  /** the type argument that produced the edge (for the message) */
  typ: Type;
}

export class MonoGraph {
  private readonly vertices: Vertex[] = [];
  private readonly edges: Edge[] = [];
  /** receiver type parameter → the receiver base type's type parameter */
  private readonly canon = new Map<TypeParam, TypeParam>();
  /** vertex per TypeName (-1: a local named type without ambient type parameters) */
  private readonly index = new Map<TypeName, number>();

  /** Records that method receiver type parameter `mpar` stands for the type's `tpar`. */
  recordCanon(mpar: TypeParam, tpar: TypeParam): void {
    this.canon.set(mpar, tpar);
  }

  /**
   * Records the (verified) instantiation of tparams with targs. `xpos[i]`
   * is the position of the i'th explicit type argument; inferred ones use
   * `pos`. Only type parameters declared in `pkg` get edges.
   */
  recordInstance(pkg: Package | null, pos: Pos, tparams: readonly TypeParam[], targs: readonly Type[], xpos: readonly Pos[]): void {
    const n = Math.min(tparams.length, targs.length);
    for (let i = 0; i < n; i++) this.assign(pkg, i < xpos.length ? xpos[i] : pos, tparams[i], targs[i]);
  }

  /** Number of vertices and edges (for tests). */
  size(): { vertices: number; edges: number } {
    return { vertices: this.vertices.length, edges: this.edges.length };
  }

  private assign(pkg: Package | null, pos: Pos, tpar: TypeParam, targ: Type): void {
    if (tpar.obj.pkg !== pkg) return; // imported generic: its own package was checked already
    const flow = (src: number, typ: Type): void => {
      this.addEdge(this.typeParamVertex(tpar), src, typ === targ ? 0 : 1, pos, targ);
    };
    const seen = new Set<Type>();
    const walk = (t: Type): void => {
      if (t instanceof TypeParam) {
        // a type parameter of another package cannot appear in this package's instances
        if (t.obj.pkg === pkg) flow(this.typeParamVertex(t), t);
        return;
      }
      if (t instanceof Named) {
        const src = this.localNamedVertex(pkg, t.orig);
        if (src >= 0) flow(src, t);
        for (const a of t.targs) walk(a);
        return;
      }
      if (t instanceof Basic) return;
      // guard against cyclic type literals reached through interfaces
      if (seen.has(t)) return;
      seen.add(t);
      if (t instanceof Array || t instanceof Slice || t instanceof Chan) walk(t.elem);
      else if (t instanceof Pointer) walk(t.base);
      else if (t instanceof MapType) {
        walk(t.key);
        walk(t.elem);
      } else if (t instanceof Struct) {
        for (const f of t.fields) walk(f.typ());
      } else if (t instanceof Tuple) {
        for (const v of t.vars) walk(v.typ());
      } else if (t instanceof Signature) {
        walk(t.params);
        walk(t.results);
      } else if (t instanceof Interface) {
        for (const m of computeInterfaceTypeSet(t).methods) walk(m.typ());
      } else if (t instanceof Union) {
        for (const term of t.terms) if (term.type !== null) walk(term.type);
      }
    };
    walk(targ);
  }

  /**
   * The vertex of a named type declared inside a generic function (it
   * depends on the enclosing type parameters declared before it), or -1
   * for imported and package-level types and local types that have none.
   */
  private localNamedVertex(pkg: Package | null, named: Named): number {
    const obj = named.obj;
    if (pkg === null || obj.pkg !== pkg) return -1;
    const root = pkg.scope;
    if (obj.parent === null || obj.parent === root) return -1;
    const known = this.index.get(obj);
    if (known !== undefined) return known;
    let idx = -1;
    for (let s: Scope | null = obj.parent; s !== null && s !== root; s = s.parent) {
      for (const elem of s.elems.values()) {
        if (!(elem instanceof TypeName) || elem.alias || !(elem.pos < obj.pos)) continue;
        const tp = elem.type;
        if (!(tp instanceof TypeParam)) continue;
        if (idx < 0) {
          idx = this.vertices.length;
          this.vertices.push({ weight: 0, pre: -1, len: 0, obj });
        }
        this.addEdge(idx, this.typeParamVertex(tp), 1, obj.pos, tp);
      }
    }
    this.index.set(obj, idx);
    return idx;
  }

  private typeParamVertex(tpar: TypeParam): number {
    const c = this.canon.get(tpar);
    const obj = (c ?? tpar).obj;
    const known = this.index.get(obj);
    if (known !== undefined) return known;
    const idx = this.vertices.length;
    this.vertices.push({ weight: 0, pre: -1, len: 0, obj });
    this.index.set(obj, idx);
    return idx;
  }

  private addEdge(dst: number, src: number, weight: number, pos: Pos, typ: Type): void {
    this.edges.push({ dst, src, weight, pos, typ });
  }

  /**
   * Looks for a positive-weight cycle and reports the first one found
   * through env. Returns true if the instantiations are bounded.
   */
  check(env: AlgebraEnv | null): boolean {
    const nv = this.vertices.length;
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = 0; i < this.edges.length; i++) {
        const e = this.edges[i];
        const src = this.vertices[e.src];
        const dst = this.vertices[e.dst];
        const w = src.weight + e.weight;
        if (w <= dst.weight) continue;
        dst.pre = i;
        dst.len = src.len + 1;
        if (dst.len === nv) {
          this.reportLoop(env, e.dst);
          return false;
        }
        dst.weight = w;
        changed = true;
      }
    }
    return true;
  }

  private reportLoop(env: AlgebraEnv | null, v: number): void {
    if (env === null) return;
    // Walk the predecessor chain until a vertex repeats; the loop starts there.
    const stack: number[] = [];
    const seen = new Set<number>();
    while (!seen.has(v)) {
      stack.push(v);
      seen.add(v);
      v = this.edges[this.vertices[v].pre].src;
    }
    // (listed in the order the chain was followed, as gc does)
    const loop = stack.slice(stack.indexOf(v));
    const qf = env.qf;
    const parts: ErrorPart[] = [{ pos: this.vertices[v].obj.pos, msg: "instantiation cycle:" }];
    for (const u of loop) {
      const e = this.edges[this.vertices[u].pre];
      const obj = this.vertices[e.dst].obj;
      const how = obj.type instanceof TypeParam ? "instantiated as" : "implicitly parameterized by";
      parts.push({ pos: e.pos, msg: `${obj.name} ${how} ${typeString(e.typ, qf)}` });
    }
    env.report(parts, false);
  }
}
