/**
 * Method sets (go/types methodset.go), for the code generator (itabs,
 * wrappers for promoted methods) and reflection (Type.NumMethod/Method).
 *
 * The method set of T contains the methods with value receivers declared
 * on T or promoted from embedded fields reachable without a pointer; the
 * method set of *T (or of T when a pointer lies on the embedding path)
 * also contains pointer-receiver methods. Interfaces' method sets are their
 * type sets' methods. Discovery is the breadth-first walk of lookup.ts: at
 * each depth, names found twice (or found through a type embedded twice)
 * collide and are dropped, and a field name hides methods of the same name
 * at that depth and below.
 *
 * Entries are sorted by method id string, like go/types (an exported
 * method's id is its name, an unexported one's "pkgpath.name"); among
 * exported methods that is reflect's order (by name).
 *
 * Results are memoised: per Named type (value and pointer receiver sets)
 * and per other type object.
 */
import type { Func, Package } from "./object.js";
import { Interface, Named, Pointer, Struct, type Type } from "./type.js";
import { identical, underT } from "./predicates.js";
import { computeInterfaceTypeSet } from "./typeset.js";
import { deref, funcHasPtrRecv } from "./lookup.js";
import { typeString } from "./typestring.js";

/** One method of a method set: how to reach it from the receiver type. */
export interface MethodSelection {
  /** receiver type the set was computed for */
  recv: Type;
  /** the method (for instances: the instantiated method) */
  obj: Func;
  /** embedded field path, last entry = method index in its Named's or interface's method list */
  index: number[];
  /** a pointer indirection lies on the path to the method */
  indirect: boolean;
}

export class MethodSet {
  constructor(readonly list: readonly MethodSelection[]) {}

  len(): number {
    return this.list.length;
  }

  at(i: number): MethodSelection {
    return this.list[i];
  }

  /** The entry for method (pkg, name), or null. */
  lookup(pkg: Package | null, name: string): MethodSelection | null {
    if (name === "_") return null;
    for (const s of this.list) if (s.obj.name === name && s.obj.sameId(pkg, name)) return s;
    return null;
  }

  toString(): string {
    if (this.list.length === 0) return "MethodSet {}";
    return "MethodSet {\n" + this.list.map((s) => `\t${s.obj.name}: ${typeString(s.obj.typ(), null)}\n`).join("") + "}";
  }
}

export const emptyMethodSet = new MethodSet([]);

const namedValueSets = new WeakMap<Named, MethodSet>();
const namedPtrSets = new WeakMap<Named, MethodSet>();
const otherSets = new WeakMap<Type, MethodSet>();

/** The (memoised) method set of T. */
export function methodSetOf(T: Type): MethodSet {
  if (T instanceof Named) {
    let s = namedValueSets.get(T);
    if (s === undefined) namedValueSets.set(T, (s = newMethodSet(T)));
    return s;
  }
  if (T instanceof Pointer && T.base instanceof Named) {
    let s = namedPtrSets.get(T.base);
    if (s === undefined) namedPtrSets.set(T.base, (s = newMethodSet(T)));
    return s;
  }
  let s = otherSets.get(T);
  if (s === undefined) otherSets.set(T, (s = newMethodSet(T)));
  return s;
}

interface Embedded {
  typ: Type;
  index: number[] | null;
  indirect: boolean;
  multiples: boolean;
}

/** null marks a collision (the name exists but is not selectable). */
type Candidates = Map<string, MethodSelection | null>;

function concat(list: number[] | null, i: number): number[] {
  if (list === null) return [i];
  const r = list.slice();
  r.push(i);
  return r;
}

/** Computes the method set of T (not memoised; see methodSetOf). */
export function newMethodSet(T: Type): MethodSet {
  const [typ0, isPtr] = deref(T);
  // *I for an interface (or type parameter) I has no methods
  if (isPtr && underT(typ0) instanceof Interface) return emptyMethodSet;

  const base: Candidates = new Map();
  let current: Embedded[] = [{ typ: typ0, index: null, indirect: isPtr, multiples: false }];
  const seen = new Map<Named, Named[]>();

  while (current.length > 0) {
    const next: Embedded[] = [];
    const fset = new Set<string>();
    const mset: Candidates = new Map();

    for (const e of current) {
      const typ = e.typ;
      if (typ instanceof Named) {
        const list = seen.get(typ.orig);
        if (list !== undefined && list.some((x) => x === typ || identical(x, typ))) continue;
        if (list === undefined) seen.set(typ.orig, [typ]);
        else list.push(typ);
        const n = typ.numMethods();
        for (let i = 0; i < n; i++) addOne(mset, T, typ.method(i), concat(e.index, i), e.indirect, e.multiples);
      }
      const u = underT(typ);
      if (u instanceof Struct) {
        for (let i = 0; i < u.fields.length; i++) {
          const f = u.fields[i];
          fset.add(f.id());
          if (f.embedded) {
            const [et, ep] = deref(f.typ());
            next.push({ typ: et, index: concat(e.index, i), indirect: e.indirect || ep, multiples: e.multiples });
          }
        }
      } else if (u instanceof Interface) {
        const methods = computeInterfaceTypeSet(u).methods;
        for (let i = 0; i < methods.length; i++) {
          addOne(mset, T, methods[i], concat(e.index, i), true, e.multiples);
        }
      }
    }

    // Names found at this depth that are not shadowed by a shallower depth
    // enter the result; a field of the same name at this depth collides.
    for (const [k, m] of mset) {
      if (!base.has(k)) base.set(k, fset.has(k) ? null : m);
    }
    for (const k of fset) {
      if (!base.has(k)) base.set(k, null);
    }
    current = consolidate(next);
  }

  const list: MethodSelection[] = [];
  for (const m of base.values()) if (m !== null) list.push(m);
  if (list.length === 0) return emptyMethodSet;
  list.sort((a, b) => {
    const ia = a.obj.id();
    const ib = b.obj.id();
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  return new MethodSet(list);
}

function addOne(s: Candidates, recv: Type, f: Func, index: number[], indirect: boolean, multiples: boolean): void {
  const key = f.id();
  if (!multiples && !s.has(key) && (indirect || !funcHasPtrRecv(f))) {
    s.set(key, { recv, obj: f, index, indirect });
    return;
  }
  s.set(key, null); // collision, or not in the method set of a value
}

function consolidate(list: Embedded[]): Embedded[] {
  if (list.length <= 1) return list;
  const out: Embedded[] = [];
  outer: for (const e of list) {
    for (const o of out) {
      if (o.typ === e.typ || identical(o.typ, e.typ)) {
        o.multiples = true;
        continue outer;
      }
    }
    out.push(e);
  }
  return out;
}
