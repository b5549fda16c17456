/**
 * Detection of invalid recursive types (types2's validtype.go):
 *
 *   type T struct{ next T }        // invalid: infinite size
 *   type A [2]B; type B struct{a A} // invalid through two declarations
 *   type L[P any] struct{ next *L[P] } // fine: the pointer breaks the cycle
 *
 * The walk follows only the parts of a type that are stored inline (array
 * elements, struct fields, embedded interface elements and union terms —
 * the latter two for interfaces that embed themselves) and Named types'
 * right-hand sides, keeping the chain of Named types being expanded
 * (`nest`, where type parameters are looked up for instances) and the path
 * for the error message. Reaching a Named already on the nest closes a
 * cycle: the type is marked invalid and gc's error is reported:
 *
 *   x.go:9:6: invalid recursive type R
 *   	x.go:9:6: R refers to
 *   	x.go:10:6: S refers to
 *   	x.go:9:6: R
 *
 * Valid types are remembered per checker so each is walked once.
 */
import type { Pos } from "../syntax/position.js";
import type { Package } from "./object.js";
import { instancePos } from "./instantiate.js";
import { Array, Basic, BasicKind, Interface, Named, Struct, TypeParam, Typ, Union, type Type } from "./type.js";
import { identical } from "./predicates.js";
import type { AlgebraEnv, ErrorPart } from "./typeset.js";
import { qualifiedName } from "./typestring.js";

/** Named types known to be valid, per checker (env), by origin. */
const validsByEnv = new WeakMap<object, Map<Named, Named[]>>();
const validsNoEnv = new Map<Named, Named[]>();

function validsFor(env: AlgebraEnv | null): Map<Named, Named[]> {
  if (env === null) return validsNoEnv;
  let m = validsByEnv.get(env);
  if (m === undefined) {
    m = new Map();
    validsByEnv.set(env, m);
  }
  return m;
}

function lookupValid(valids: Map<Named, Named[]>, t: Named): boolean {
  const list = valids.get(t.orig);
  if (list === undefined) return false;
  for (const x of list) if (x === t || identical(x, t)) return true;
  return false;
}

function addValid(valids: Map<Named, Named[]>, t: Named): void {
  const list = valids.get(t.orig);
  if (list === undefined) valids.set(t.orig, [t]);
  else list.push(t);
}

/**
 * Checks that the declared (or instantiated) type t is not invalidly
 * recursive, reporting "invalid recursive type" through env and marking the
 * offending type invalid. Returns whether t is valid.
 */
export function validType(env: AlgebraEnv | null, t: Named): boolean {
  return validType0(env, validsFor(env), t, [], []);
}

function validType0(env: AlgebraEnv | null, valids: Map<Named, Named[]>, typ: Type, nest: Named[], path: Named[]): boolean {
  if (typ instanceof Array) return validType0(env, valids, typ.elem, nest, path);
  if (typ instanceof Struct) {
    for (const f of typ.fields) {
      if (f.type !== null && !validType0(env, valids, f.type, nest, path)) return false;
    }
    return true;
  }
  if (typ instanceof Union) {
    for (const t of typ.terms) {
      if (t.type !== null && !validType0(env, valids, t.type, nest, path)) return false;
    }
    return true;
  }
  if (typ instanceof Interface) {
    for (const e of typ.embeddeds) if (!validType0(env, valids, e, nest, path)) return false;
    return true;
  }
  if (typ instanceof Named) {
    if (lookupValid(valids, typ)) return true;
    const u = typ.underlying();
    if (u instanceof Basic && u.kind === BasicKind.Invalid) return false;
    // A cycle: typ is being expanded further up the nest.
    for (const e of nest) {
      if (e === typ || identical(e, typ)) {
        // (for an instance, only that instance: others of the origin stay as they are, as in gc)
        typ.setUnderlying(Typ[BasicKind.Invalid]);
        for (let start = 0; start < path.length; start++) {
          const p = path[start];
          if (p === typ || identical(p, typ)) {
            reportCycle(env, path.slice(start).map(cycleEntry));
            return false;
          }
        }
        return false;
      }
    }
    const orig = typ.orig;
    const rhs = orig.fromRHS ?? orig.underlyingType;
    if (rhs !== null) {
      nest.push(typ);
      path.push(typ);
      const ok = validType0(env, valids, rhs, nest, path);
      nest.pop();
      path.pop();
      if (!ok) return false;
    }
    addValid(valids, typ);
    return true;
  }
  if (typ instanceof TypeParam) {
    // Inside an instance's expansion, a type parameter of the instance
    // stands for its type argument, which is checked in the outer nest.
    if (nest.length > 0) {
      const inst = nest[nest.length - 1];
      const tparams = inst.orig.tparams;
      for (let i = 0; i < tparams.length; i++) {
        if (typ === tparams[i] && i < inst.targs.length) {
          const outer = nest.slice(0, nest.length - 1);
          return validType0(env, valids, inst.targs[i], outer, path);
        }
      }
    }
  }
  return true;
}

/** An object on a cycle: a type name, or an instance at its instantiation position. */
export interface CycleEntry {
  pos: Pos;
  pkg: Package | null;
  name: string;
}

function cycleEntry(n: Named): CycleEntry {
  if (n.orig === n) return n.obj;
  return { pos: instancePos(n), pkg: n.obj.pkg, name: n.obj.name };
}

/**
 * The parts of gc's cycle error for the given cycle of type names, starting
 * at the one declared first in the source.
 */
export function cycleErrorParts(env: AlgebraEnv | null, cycle: readonly CycleEntry[]): ErrorPart[] {
  const qf = env !== null ? env.qf : null;
  const name = (o: CycleEntry) => qualifiedName(o.pkg, o.name, qf);
  let i = 0;
  for (let k = 1; k < cycle.length; k++) if (cycle[k].pos < cycle[i].pos) i = k;
  let obj = cycle[i];
  const parts: ErrorPart[] = [{ pos: obj.pos, msg: `invalid recursive type ${name(obj)}` }];
  for (let k = 0; k < cycle.length; k++) {
    parts.push({ pos: obj.pos, msg: `${name(obj)} refers to` });
    i = (i + 1) % cycle.length;
    obj = cycle[i];
  }
  parts.push({ pos: obj.pos, msg: name(obj) });
  return parts;
}

function reportCycle(env: AlgebraEnv | null, cycle: CycleEntry[]): void {
  if (env === null) return;
  env.report(cycleErrorParts(env, cycle), false);
}
