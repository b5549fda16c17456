/**
 * Type predicates: identity, comparability, nil-ability, the basic-kind
 * tests and their "all terms of a type parameter" variants, default types
 * and core types. Counterpart of types2's predicates.go (plus coreType and
 * friends from type.go); the algorithms follow the Go spec, the code is ours.
 *
 * One convention differs from type.ts on purpose: inside the algebra, the
 * underlying type of a type parameter is its constraint interface (as in
 * types2). `underT` implements that; `t.underlying()` of a TypeParam returns
 * the TypeParam itself. So `isInterface(P)` is true for a type parameter P,
 * exactly like types2's IsInterface — use `isNonTypeParamInterface` for
 * "an ordinary interface type".
 *
 * identical() allocates nothing except in two rare cases: comparing two
 * interfaces that recur through method signatures (a small pair stack) and
 * comparing two generic signatures (the second one is renamed by
 * substitution).
 */
import type { Func, Var } from "./object.js";
import {
  Array,
  Basic,
  BasicInfo,
  BasicKind,
  Chan,
  ChanDir,
  Interface,
  MapType,
  Named,
  Pointer,
  Signature,
  Slice,
  Struct,
  Term,
  Tuple,
  TypeParam,
  TypeTag,
  Typ,
  Union,
  byteType,
  runeType,
  type Type,
} from "./type.js";
import {
  computeInterfaceTypeSet,
  computeUnionTypeSet,
  termlistEqual,
  typeSetIs,
  typeSetIsComparableSet,
  typeSetUnderIs,
} from "./typeset.js";
import { subst, makeSubstMap } from "./subst.js";
import type { Qualifier } from "./typestring.js";
import { typeString } from "./typestring.js";

// ---------------------------------------------------------------------------
// Underlying types with type-parameter semantics

/**
 * The underlying type of t as types2 defines it: for a type parameter, its
 * constraint interface; for a Named type, its (expanded) underlying type;
 * otherwise t itself.
 */
export function underT(t: Type): Type {
  if (t instanceof TypeParam) return t.iface();
  return t.underlying();
}

/** The type set of a type parameter's constraint. */
function tparamIs(t: TypeParam, f: (term: Term | null) => boolean): boolean {
  return typeSetIs(computeInterfaceTypeSet(t.iface()), f);
}

/**
 * Calls f with the underlying type of each specific term of a type
 * parameter (or with under(t) for other types); f(null) when the type set
 * has no specific terms. Reports whether all calls returned true.
 */
export function underIs(t: Type, f: (u: Type | null) => boolean): boolean {
  if (t instanceof TypeParam) return typeSetUnderIs(computeInterfaceTypeSet(t.iface()), f);
  return f(t.underlying());
}

// ---------------------------------------------------------------------------
// Basic kind predicates (false for type parameters)

function basicInfo(t: Type): number {
  const u = t.underlying();
  return u instanceof Basic ? u.info : 0;
}

export function isBasic(t: Type, info: number): boolean {
  return (basicInfo(t) & info) !== 0;
}
export function isBoolean(t: Type): boolean {
  return (basicInfo(t) & BasicInfo.IsBoolean) !== 0;
}
export function isInteger(t: Type): boolean {
  return (basicInfo(t) & BasicInfo.IsInteger) !== 0;
}
export function isUnsigned(t: Type): boolean {
  return (basicInfo(t) & BasicInfo.IsUnsigned) !== 0;
}
export function isFloat(t: Type): boolean {
  return (basicInfo(t) & BasicInfo.IsFloat) !== 0;
}
export function isComplex(t: Type): boolean {
  return (basicInfo(t) & BasicInfo.IsComplex) !== 0;
}
export function isNumeric(t: Type): boolean {
  return (basicInfo(t) & BasicInfo.IsNumeric) !== 0;
}
export function isString(t: Type): boolean {
  return (basicInfo(t) & BasicInfo.IsString) !== 0;
}
export function isIntegerOrFloat(t: Type): boolean {
  return (basicInfo(t) & (BasicInfo.IsInteger | BasicInfo.IsFloat)) !== 0;
}
export function isConstType(t: Type): boolean {
  return (basicInfo(t) & BasicInfo.IsConstType) !== 0;
}

/**
 * Like isBasic, but for a type parameter true iff every specific term of its
 * type set satisfies isBasic (false when it has no specific terms).
 */
export function allBasic(t: Type, info: number): boolean {
  if (t instanceof TypeParam) return tparamIs(t, (term) => term !== null && term.type !== null && isBasic(term.type, info));
  return isBasic(t, info);
}
export function allBoolean(t: Type): boolean {
  return allBasic(t, BasicInfo.IsBoolean);
}
export function allInteger(t: Type): boolean {
  return allBasic(t, BasicInfo.IsInteger);
}
export function allUnsigned(t: Type): boolean {
  return allBasic(t, BasicInfo.IsUnsigned);
}
export function allNumeric(t: Type): boolean {
  return allBasic(t, BasicInfo.IsNumeric);
}
export function allString(t: Type): boolean {
  return allBasic(t, BasicInfo.IsString);
}
export function allOrdered(t: Type): boolean {
  return allBasic(t, BasicInfo.IsOrdered);
}
export function allNumericOrString(t: Type): boolean {
  return allBasic(t, BasicInfo.IsNumeric | BasicInfo.IsString);
}

/** t has a name: a predeclared type, a defined type or a type parameter. Safe on half-built types. */
export function hasName(t: Type): boolean {
  return t instanceof Basic || t instanceof Named || t instanceof TypeParam;
}

/** t is not an untyped basic type. Safe on half-built types (does not call underlying()). */
export function isTyped(t: Type): boolean {
  return !(t instanceof Basic) || (t.info & BasicInfo.IsUntyped) === 0;
}

export function isUntyped(t: Type): boolean {
  return t instanceof Basic && (t.info & BasicInfo.IsUntyped) !== 0;
}

/** t's underlying type is an interface; TRUE for type parameters (types2 IsInterface). */
export function isInterface(t: Type): boolean {
  return t instanceof TypeParam || t.underlying() instanceof Interface;
}

/** t is an interface type and not a type parameter. */
export function isNonTypeParamInterface(t: Type): boolean {
  return !(t instanceof TypeParam) && t.underlying() instanceof Interface;
}

export function isTypeParam(t: Type): t is TypeParam {
  return t instanceof TypeParam;
}

/** t is a generic Named type that has not been instantiated. */
export function isGeneric(t: Type): boolean {
  return t instanceof Named && t.orig === t && t.tparams.length > 0;
}

// ---------------------------------------------------------------------------
// Comparability

/** Values of type T can be compared with == (interfaces count as comparable). */
export function isComparable(T: Type): boolean {
  return comparable(T, true, null, null);
}

/**
 * Reports whether values of type T are comparable. If `dynamic` is set,
 * ordinary (non-type-parameter) interfaces are comparable (the comparison may
 * panic at run time); with dynamic unset (constraint satisfaction), an
 * interface is comparable only if its type set is. `seen` breaks recursion
 * through struct and array types. If `report` is given and T is not
 * comparable, `report.cause` is set to gc's explanation (for the outermost
 * reason only: "struct containing []int cannot be compared").
 */
export function comparable(
  T: Type,
  dynamic: boolean,
  seen: Set<Type> | null,
  report: { cause: string; qf: Qualifier | null } | null,
): boolean {
  if (seen !== null) {
    if (seen.has(T)) return true;
    seen.add(T);
  }
  const u = underT(T);
  switch (u.tag) {
    case TypeTag.Basic:
      // invalid types are considered comparable to avoid follow-on errors
      return (u as Basic).kind !== BasicKind.UntypedNil;
    case TypeTag.Pointer:
    case TypeTag.Chan:
      return true;
    case TypeTag.Struct: {
      const fields = (u as Struct).fields;
      if (fields.length === 0) return true;
      if (seen === null) (seen = new Set()).add(T);
      for (const f of fields) {
        if (!comparable(f.typ(), dynamic, seen, null)) {
          if (report !== null) report.cause = `struct containing ${typeString(f.typ(), report.qf)} cannot be compared`;
          return false;
        }
      }
      return true;
    }
    case TypeTag.Array: {
      if (seen === null) (seen = new Set()).add(T);
      if (!comparable((u as Array).elem, dynamic, seen, null)) {
        if (report !== null) report.cause = `${typeString(u, report.qf)} cannot be compared`;
        return false;
      }
      return true;
    }
    case TypeTag.Interface: {
      if (dynamic && !(T instanceof TypeParam)) return true;
      const tset = computeInterfaceTypeSet(u as Interface);
      if (typeSetIsComparableSet(tset, seen)) return true;
      if (report !== null) {
        report.cause = tset.terms.length === 0 ? "empty type set" : "incomparable types in type set";
      }
      return false;
    }
  }
  return false;
}

/**
 * gc's more specific reason why typ is not comparable ("slice can only be
 * compared to nil", "struct containing []int cannot be compared", ...), or
 * "" if there is none.
 */
export function incomparableCause(typ: Type, qf: Qualifier | null): string {
  const u = underT(typ);
  if (u instanceof Slice || u instanceof Signature || u instanceof MapType) {
    return kindString(typ) + " can only be compared to nil";
  }
  const r = { cause: "", qf };
  comparable(typ, true, null, r);
  return r.cause;
}

/** The kind of a type as gc names it in messages: "array", "slice", "struct", ... */
export function kindString(typ: Type): string {
  const u = underT(typ);
  switch (u.tag) {
    case TypeTag.Array:
      return "array";
    case TypeTag.Slice:
      return "slice";
    case TypeTag.Struct:
      return "struct";
    case TypeTag.Pointer:
      return "pointer";
    case TypeTag.Signature:
      return "func";
    case TypeTag.Interface:
      return typ instanceof TypeParam ? "type parameter" : "interface";
    case TypeTag.Map:
      return "map";
    case TypeTag.Chan:
      return "chan";
    default:
      return typeString(typ, null);
  }
}

/** Type t includes the nil value (for a type parameter: every type of its type set does). */
export function hasNil(t: Type): boolean {
  const u = underT(t);
  switch (u.tag) {
    case TypeTag.Basic:
      return (u as Basic).kind === BasicKind.UnsafePointer;
    case TypeTag.Slice:
    case TypeTag.Pointer:
    case TypeTag.Signature:
    case TypeTag.Map:
    case TypeTag.Chan:
      return true;
    case TypeTag.Interface:
      return (
        !(t instanceof TypeParam) ||
        typeSetUnderIs(computeInterfaceTypeSet(u as Interface), (v) => v !== null && hasNil(v))
      );
  }
  return false;
}

// ---------------------------------------------------------------------------
// Type identity

/** A stack of interface pairs under comparison (breaks recursion through methods). */
interface IfacePair {
  x: Interface;
  y: Interface;
  prev: IfacePair | null;
}

/** x and y are identical types (struct tags included). */
export function identical(x: Type, y: Type): boolean {
  return x === y || identicalRec(x, y, true, null);
}

/** x and y are identical types, ignoring struct tags (conversion rules). */
export function identicalIgnoreTags(x: Type, y: Type): boolean {
  return x === y || identicalRec(x, y, false, null);
}

/** Identity on possibly-null types (both null counts as identical). */
export function identicalOrNull(x: Type | null, y: Type | null): boolean {
  if (x === null || y === null) return x === y;
  return x === y || identicalRec(x, y, true, null);
}

function identicalRec(x: Type, y: Type, cmpTags: boolean, p: IfacePair | null): boolean {
  if (x === y) return true;
  const tag = x.tag;
  if (tag !== y.tag) return false;
  switch (tag) {
    case TypeTag.Basic:
      // byte/rune are distinct objects with the kind of uint8/int32
      return (x as Basic).kind === (y as Basic).kind;

    case TypeTag.Array: {
      const a = x as Array;
      const b = y as Array;
      // an unknown length (< 0, after an error) matches anything
      return (a.len < 0 || b.len < 0 || a.len === b.len) && identicalRec(a.elem, b.elem, cmpTags, p);
    }

    case TypeTag.Slice:
      return identicalRec((x as Slice).elem, (y as Slice).elem, cmpTags, p);

    case TypeTag.Struct: {
      const a = x as Struct;
      const b = y as Struct;
      const n = a.fields.length;
      if (n !== b.fields.length) return false;
      for (let i = 0; i < n; i++) {
        const f = a.fields[i];
        const g = b.fields[i];
        if (
          f.embedded !== g.embedded ||
          (cmpTags && a.tag_(i) !== b.tag_(i)) ||
          !f.sameId(g.pkg, g.name) ||
          !identicalRec(f.typ(), g.typ(), cmpTags, p)
        ) {
          return false;
        }
      }
      return true;
    }

    case TypeTag.Pointer:
      return identicalRec((x as Pointer).base, (y as Pointer).base, cmpTags, p);

    case TypeTag.Tuple:
      return identicalVars((x as Tuple).vars, (y as Tuple).vars, cmpTags, p);

    case TypeTag.Signature:
      return identicalSignatures(x as Signature, y as Signature, cmpTags, p);

    case TypeTag.Union: {
      const xs = computeUnionTypeSet(x as Union);
      const ys = computeUnionTypeSet(y as Union);
      return termlistEqual(xs.terms, ys.terms);
    }

    case TypeTag.Interface:
      return identicalInterfaces(x as Interface, y as Interface, cmpTags, p);

    case TypeTag.Map:
      return (
        identicalRec((x as MapType).key, (y as MapType).key, cmpTags, p) &&
        identicalRec((x as MapType).elem, (y as MapType).elem, cmpTags, p)
      );

    case TypeTag.Chan:
      return (x as Chan).dir === (y as Chan).dir && identicalRec((x as Chan).elem, (y as Chan).elem, cmpTags, p);

    case TypeTag.Named: {
      const a = x as Named;
      const b = y as Named;
      const xargs = a.targs;
      const yargs = b.targs;
      if (xargs.length !== yargs.length) return false;
      if (xargs.length > 0) {
        // instances: same origin and identical type arguments
        if (a.orig !== b.orig) return false;
        for (let i = 0; i < xargs.length; i++) {
          if (!identical(xargs[i], yargs[i])) return false;
        }
        return true;
      }
      return a.obj === b.obj;
    }

    case TypeTag.TypeParam:
      return false; // identical type parameters are the same object (caught by x === y)
  }
  return false;
}

function identicalVars(a: Var[], b: Var[], cmpTags: boolean, p: IfacePair | null): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  for (let i = 0; i < n; i++) {
    if (!identicalRec(a[i].typ(), b[i].typ(), cmpTags, p)) return false;
  }
  return true;
}

function identicalSignatures(x: Signature, y: Signature, cmpTags: boolean, p: IfacePair | null): boolean {
  const n = x.tparams.length;
  if (n !== y.tparams.length) return false;
  if (x.variadic !== y.variadic) return false;
  let yparams = y.params;
  let yresults = y.results;
  if (n > 0) {
    // Type parameter names do not matter: rename y's type parameters to x's
    // and require pairwise identical constraints.
    const smap = makeSubstMap(y.tparams, x.tparams);
    for (let i = 0; i < n; i++) {
      const ybound = subst(y.tparams[i].bound, smap, null);
      if (!identicalRec(x.tparams[i].bound, ybound, cmpTags, p)) return false;
    }
    yparams = subst(y.params, smap, null) as Tuple;
    yresults = subst(y.results, smap, null) as Tuple;
  }
  return identicalVars(x.params.vars, yparams.vars, cmpTags, p) && identicalVars(x.results.vars, yresults.vars, cmpTags, p);
}

function identicalInterfaces(x: Interface, y: Interface, cmpTags: boolean, p: IfacePair | null): boolean {
  const xset = computeInterfaceTypeSet(x);
  const yset = computeInterfaceTypeSet(y);
  if (xset.comparable !== yset.comparable) return false;
  if (!termlistEqual(xset.terms, yset.terms)) return false;
  const a = xset.methods;
  const b = yset.methods;
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  // Interfaces can recur through method signatures without a Named type in
  // between (type T interface{ m() interface{T} }); if this pair is already
  // being compared further up, assume identity (otherwise the outer
  // comparison fails by itself).
  for (let q = p; q !== null; q = q.prev) {
    if ((q.x === x && q.y === y) || (q.x === y && q.y === x)) return true;
  }
  const q: IfacePair = { x, y, prev: p };
  for (let i = 0; i < a.length; i++) {
    const f = a[i];
    const g = b[i];
    if (!sameMethodId(f, g) || !identicalRec(f.typ(), g.typ(), cmpTags, q)) return false;
  }
  return true;
}

/** Methods f and g have the same unique id (name, and package for unexported names). */
export function sameMethodId(f: Func, g: Func): boolean {
  return f.name === g.name && f.sameId(g.pkg, g.name);
}

/** Instances orig[xargs] and orig[yargs] are identical. */
export function identicalInstance(xorig: Type, xargs: readonly Type[], yorig: Type, yargs: readonly Type[]): boolean {
  if (xargs.length !== yargs.length) return false;
  for (let i = 0; i < xargs.length; i++) {
    if (!identical(xargs[i], yargs[i])) return false;
  }
  return identical(xorig, yorig);
}

// ---------------------------------------------------------------------------
// Default and core types

/**
 * The default type of an untyped constant type (untyped int → int, untyped
 * rune → rune, ...); other types (including untyped nil) are returned as is.
 */
export function defaultType(t: Type): Type {
  if (t instanceof Basic) {
    switch (t.kind) {
      case BasicKind.UntypedBool:
        return Typ[BasicKind.Bool];
      case BasicKind.UntypedInt:
        return Typ[BasicKind.Int];
      case BasicKind.UntypedRune:
        return runeType;
      case BasicKind.UntypedFloat:
        return Typ[BasicKind.Float64];
      case BasicKind.UntypedComplex:
        return Typ[BasicKind.Complex128];
      case BasicKind.UntypedString:
        return Typ[BasicKind.String];
    }
  }
  return t;
}

/**
 * x if x and y are identical; for channels that differ only in direction
 * where one is bidirectional, the directional one; otherwise null.
 */
export function matchTypes(x: Type, y: Type): Type | null {
  if (identical(x, y)) return x;
  if (x instanceof Chan && y instanceof Chan && identical(x.elem, y.elem)) {
    if (x.dir === ChanDir.SendRecv) return y;
    if (y.dir === ChanDir.SendRecv) return x;
  }
  return null;
}

/**
 * The core type of t: under(t) for non-type-parameters; for a type
 * parameter, the single underlying type shared by all terms of its type set
 * (channel directions may narrow), or null if there is none.
 */
export function coreType(t: Type): Type | null {
  if (!(t instanceof TypeParam)) return t.underlying();
  let su: Type | null = null;
  const ok = typeSetUnderIs(computeInterfaceTypeSet(t.iface()), (u) => {
    if (u === null) return false;
    if (su !== null) {
      const m = matchTypes(su, u);
      if (m === null) return false;
      u = m;
    }
    su = u;
    return true;
  });
  return ok ? su : null;
}

/**
 * Like coreType, but treats string as []byte when a type set mixes both
 * (for append/copy); a mix of []byte and string yields string.
 */
export function coreString(t: Type): Type | null {
  if (!(t instanceof TypeParam)) return t.underlying();
  let su: Type | null = null;
  let hasString = false;
  const ok = typeSetUnderIs(computeInterfaceTypeSet(t.iface()), (u) => {
    if (u === null) return false;
    if (isString(u)) {
      u = new Slice(byteType);
      hasString = true;
    }
    if (su !== null) {
      const m = matchTypes(su, u);
      if (m === null) return false;
      u = m;
    }
    su = u;
    return true;
  });
  if (!ok) return null;
  return hasString ? Typ[BasicKind.String] : su;
}

/** Whether t is (a named or unnamed) pointer to an interface type. */
export function isInterfacePtr(t: Type): boolean {
  const u = underT(t);
  return u instanceof Pointer && isInterface(u.base);
}
