/**
 * Type unification (types2's unify.go), the engine of type inference.
 *
 * unify(x, y) walks x and y in lockstep like `identical`, but when it meets
 * one of the inferred type parameters it records (or checks) a binding for
 * it instead of failing. x is the parameterised side (parameter types of
 * the generic function); in "both sides" mode (constraint type inference)
 * the same parameters may also appear in y, and two parameters unified with
 * each other are *joined*: they share one slot and so one eventual type.
 *
 * Bindings live in `indices`, one entry per type parameter:
 *   0      unbound, not joined
 *   k > 0  bound: types[k-1] is its type (joined parameters share k)
 *   k < 0  joined with others, still unknown: types[-k-1] is null
 *
 * Inexact mode (used by inference) additionally lets a defined type unify
 * with a type literal through its underlying type, lets a type parameter
 * with a core type unify with a type literal through that core type, and
 * ignores channel direction.
 *
 * Recursion is bounded (depth 50, like types2); past it unification fails
 * instead of aborting the compiler.
 */
import { Func } from "./object.js";
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
  TypeTag,
  type Type,
} from "./type.js";
import { coreType, hasName, sameMethodId } from "./predicates.js";
import { computeInterfaceTypeSet, termlistEqual } from "./typeset.js";

const unificationDepthLimit = 50;

interface IfacePair {
  x: Interface;
  y: Interface;
  prev: IfacePair | null;
}

/** Index of tpar in list (by its `index` field), or -1 if it is not one of them. */
export function tparamIndex(list: readonly TypeParam[], tpar: TypeParam): number {
  const i = tpar.index;
  if (i >= 0 && i < list.length && list[i] === tpar) return i;
  return -1;
}

export class Unifier {
  /** types bound so far (see module comment) */
  private readonly types: (Type | null)[] = [];
  private readonly indices: number[];
  private depth = 0;

  /**
   * @param tparams the type parameters to infer (their `index` must be their position)
   * @param exact   require identical structure (no under/core-type steps, channel directions matter)
   * @param bothSides type parameters may occur in y too (constraint type inference)
   */
  constructor(
    readonly tparams: readonly TypeParam[],
    readonly exact: boolean,
    readonly bothSides: boolean,
  ) {
    this.indices = new globalThis.Array<number>(tparams.length).fill(0);
  }

  /** Unifies x (parameterised) with y; may record bindings even when it fails. */
  unify(x: Type, y: Type): boolean {
    return this.nify(x, y, null);
  }

  /** The type bound to parameter i, or null. */
  at(i: number): Type | null {
    const ti = this.indices[i];
    return ti > 0 ? this.types[ti - 1] : null;
  }

  /** Binds parameter i (must be unbound) to typ. */
  set(i: number, typ: Type): void {
    const ti = this.indices[i];
    if (ti < 0) {
      this.types[-ti - 1] = typ;
      this.setIndex(i, -ti);
    } else if (ti === 0) {
      this.types.push(typ);
      this.indices[i] = this.types.length;
    } else {
      throw new Error("unify: type parameter already bound");
    }
  }

  /** Number of parameters without a type yet. */
  unknowns(): number {
    let n = 0;
    for (const ti of this.indices) if (ti <= 0) n++;
    return n;
  }

  /** The types of all parameters (null where unknown) and the index of the first unknown (-1 if none). */
  inferred(): [(Type | null)[], number] {
    const list: (Type | null)[] = [];
    let index = -1;
    for (let i = 0; i < this.tparams.length; i++) {
      const t = this.at(i);
      list.push(t);
      if (index < 0 && t === null) index = i;
    }
    return [list, index];
  }

  private index(t: Type): number {
    return t instanceof TypeParam ? tparamIndex(this.tparams, t) : -1;
  }

  /** Makes parameters i and j share a slot; false if both are bound (to possibly different types). */
  private join(i: number, j: number): boolean {
    const ind = this.indices;
    const ti = ind[i];
    const tj = ind[j];
    if (ti === 0 && tj === 0) {
      this.types.push(null);
      ind[i] = ind[j] = -this.types.length;
    } else if (ti === 0) {
      ind[i] = tj;
    } else if (tj === 0) {
      ind[j] = ti;
    } else if (ti === tj) {
      // already joined
    } else if (ti > 0 && tj > 0) {
      return false; // both bound: let the caller compare the types
    } else if (ti > 0) {
      this.setIndex(j, ti);
    } else {
      this.setIndex(i, tj);
    }
    return true;
  }

  /** Moves every parameter sharing i's slot to slot tj. */
  private setIndex(i: number, tj: number): void {
    const ind = this.indices;
    const ti = ind[i];
    for (let k = 0; k < ind.length; k++) if (ind[k] === ti) ind[k] = tj;
  }

  private nifyEq(x: Type | null, y: Type | null, p: IfacePair | null): boolean {
    if (x === y) return true;
    if (x === null || y === null) return false;
    return this.nify(x, y, p);
  }

  private nify(x: Type, y: Type, p: IfacePair | null): boolean {
    if (this.depth >= unificationDepthLimit) return false;
    this.depth++;
    try {
      return this.nifyInner(x, y, p);
    } finally {
      this.depth--;
    }
  }

  private nifyInner(x: Type, y: Type, p: IfacePair | null): boolean {
    if (!this.exact) {
      // a defined type unifies with a type literal through its underlying type
      if (x instanceof Named && !hasName(y)) return this.nify(x.underlying(), y, p);
      if (y instanceof Named && !hasName(x)) return this.nify(x, y.underlying(), p);
    }

    const i = this.index(x);
    const j = this.bothSides ? this.index(y) : -1;
    if (i >= 0 && j >= 0) {
      if (this.join(i, j)) return true;
      return this.nifyEq(this.at(i), this.at(j), p);
    }
    if (i >= 0) {
      const tx = this.at(i);
      if (tx !== null) return this.nifyEq(tx, y, p);
      this.set(i, y);
      return true;
    }
    if (j >= 0) {
      const ty = this.at(j);
      if (ty !== null) return this.nifyEq(x, ty, p);
      this.set(j, x);
      return true;
    }

    if (!this.exact) {
      // a (non-inferred) type parameter with a core type unifies with a type literal through it
      if (x instanceof TypeParam && !hasName(y)) {
        const cx = coreType(x);
        if (cx !== null) return this.nify(cx, y, p);
      } else if (y instanceof TypeParam && !hasName(x)) {
        const cy = coreType(y);
        if (cy !== null) return this.nify(x, cy, p);
      }
    }

    if (x.tag !== y.tag) return false;
    switch (x.tag) {
      case TypeTag.Basic:
        return (x as Basic).kind === (y as Basic).kind;
      case TypeTag.Array: {
        const a = x as Array;
        const b = y as Array;
        return (a.len < 0 || b.len < 0 || a.len === b.len) && this.nify(a.elem, b.elem, p);
      }
      case TypeTag.Slice:
        return this.nify((x as Slice).elem, (y as Slice).elem, p);
      case TypeTag.Struct: {
        const a = x as Struct;
        const b = y as Struct;
        if (a.fields.length !== b.fields.length) return false;
        for (let k = 0; k < a.fields.length; k++) {
          const f = a.fields[k];
          const g = b.fields[k];
          if (
            f.embedded !== g.embedded ||
            a.tag_(k) !== b.tag_(k) ||
            !f.sameId(g.pkg, g.name) ||
            !this.nify(f.typ(), g.typ(), p)
          ) {
            return false;
          }
        }
        return true;
      }
      case TypeTag.Pointer:
        return this.nify((x as Pointer).base, (y as Pointer).base, p);
      case TypeTag.Tuple:
        return this.nifyTuples(x as Tuple, y as Tuple, p);
      case TypeTag.Signature: {
        const a = x as Signature;
        const b = y as Signature;
        return a.variadic === b.variadic && this.nifyTuples(a.params, b.params, p) && this.nifyTuples(a.results, b.results, p);
      }
      case TypeTag.Interface: {
        const a = x as Interface;
        const b = y as Interface;
        const xs = computeInterfaceTypeSet(a);
        const ys = computeInterfaceTypeSet(b);
        if (xs.comparable !== ys.comparable) return false;
        if (!termlistEqual(xs.terms, ys.terms)) return false;
        const am: Func[] = xs.methods;
        const bm: Func[] = ys.methods;
        if (am.length !== bm.length) return false;
        for (let q = p; q !== null; q = q.prev) {
          if ((q.x === a && q.y === b) || (q.x === b && q.y === a)) return true;
        }
        const q: IfacePair = { x: a, y: b, prev: p };
        for (let k = 0; k < am.length; k++) {
          if (!sameMethodId(am[k], bm[k]) || !this.nify(am[k].typ(), bm[k].typ(), q)) return false;
        }
        return true;
      }
      case TypeTag.Map:
        return (
          this.nify((x as MapType).key, (y as MapType).key, p) && this.nify((x as MapType).elem, (y as MapType).elem, p)
        );
      case TypeTag.Chan: {
        const a = x as Chan;
        const b = y as Chan;
        return (!this.exact || a.dir === b.dir) && this.nify(a.elem, b.elem, p);
      }
      case TypeTag.Named: {
        const a = x as Named;
        const b = y as Named;
        const xargs = a.targs;
        const yargs = b.targs;
        if (xargs.length !== yargs.length) return false;
        // same declared type (possibly different instances): unify the type arguments
        if (a.obj.pkg === b.obj.pkg && a.obj.name === b.obj.name) {
          for (let k = 0; k < xargs.length; k++) if (!this.nify(xargs[k], yargs[k], p)) return false;
          return true;
        }
        return false;
      }
      case TypeTag.TypeParam:
        return x === y; // not inferred: must be the same parameter
    }
    return false;
  }

  private nifyTuples(a: Tuple, b: Tuple, p: IfacePair | null): boolean {
    if (a.vars.length !== b.vars.length) return false;
    for (let k = 0; k < a.vars.length; k++) if (!this.nify(a.vars[k].typ(), b.vars[k].typ(), p)) return false;
    return true;
  }
}
