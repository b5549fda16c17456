import { Basic, Chan, Interface, MapType, Named, Pointer, Signature, Slice, TypeParam, Typ, byteType, runeType, } from "./type.js";
import { computeInterfaceTypeSet, computeUnionTypeSet, termlistEqual, typeSetIs, typeSetIsComparableSet, typeSetUnderIs, } from "./typeset.js";
import { subst, makeSubstMap } from "./subst.js";
import { typeString } from "./typestring.js";
// ---------------------------------------------------------------------------
// Underlying types with type-parameter semantics
/**
 * The underlying type of t as types2 defines it: for a type parameter, its
 * constraint interface; for a Named type, its (expanded) underlying type;
 * otherwise t itself.
 */
export function underT(t) {
    if (t instanceof TypeParam)
        return t.iface();
    return t.underlying();
}
/** The type set of a type parameter's constraint. */
function tparamIs(t, f) {
    return typeSetIs(computeInterfaceTypeSet(t.iface()), f);
}
/**
 * Calls f with the underlying type of each specific term of a type
 * parameter (or with under(t) for other types); f(null) when the type set
 * has no specific terms. Reports whether all calls returned true.
 */
export function underIs(t, f) {
    if (t instanceof TypeParam)
        return typeSetUnderIs(computeInterfaceTypeSet(t.iface()), f);
    return f(t.underlying());
}
// ---------------------------------------------------------------------------
// Basic kind predicates (false for type parameters)
function basicInfo(t) {
    const u = t.underlying();
    return u instanceof Basic ? u.info : 0;
}
export function isBasic(t, info) {
    return (basicInfo(t) & info) !== 0;
}
export function isBoolean(t) {
    return (basicInfo(t) & 1 /* BasicInfo.IsBoolean */) !== 0;
}
export function isInteger(t) {
    return (basicInfo(t) & 2 /* BasicInfo.IsInteger */) !== 0;
}
export function isUnsigned(t) {
    return (basicInfo(t) & 4 /* BasicInfo.IsUnsigned */) !== 0;
}
export function isFloat(t) {
    return (basicInfo(t) & 8 /* BasicInfo.IsFloat */) !== 0;
}
export function isComplex(t) {
    return (basicInfo(t) & 16 /* BasicInfo.IsComplex */) !== 0;
}
export function isNumeric(t) {
    return (basicInfo(t) & 26 /* BasicInfo.IsNumeric */) !== 0;
}
export function isString(t) {
    return (basicInfo(t) & 32 /* BasicInfo.IsString */) !== 0;
}
export function isIntegerOrFloat(t) {
    return (basicInfo(t) & (2 /* BasicInfo.IsInteger */ | 8 /* BasicInfo.IsFloat */)) !== 0;
}
export function isConstType(t) {
    return (basicInfo(t) & 59 /* BasicInfo.IsConstType */) !== 0;
}
/**
 * Like isBasic, but for a type parameter true iff every specific term of its
 * type set satisfies isBasic (false when it has no specific terms).
 */
export function allBasic(t, info) {
    if (t instanceof TypeParam)
        return tparamIs(t, (term) => term !== null && term.type !== null && isBasic(term.type, info));
    return isBasic(t, info);
}
export function allBoolean(t) {
    return allBasic(t, 1 /* BasicInfo.IsBoolean */);
}
export function allInteger(t) {
    return allBasic(t, 2 /* BasicInfo.IsInteger */);
}
export function allUnsigned(t) {
    return allBasic(t, 4 /* BasicInfo.IsUnsigned */);
}
export function allNumeric(t) {
    return allBasic(t, 26 /* BasicInfo.IsNumeric */);
}
export function allString(t) {
    return allBasic(t, 32 /* BasicInfo.IsString */);
}
export function allOrdered(t) {
    return allBasic(t, 42 /* BasicInfo.IsOrdered */);
}
export function allNumericOrString(t) {
    return allBasic(t, 26 /* BasicInfo.IsNumeric */ | 32 /* BasicInfo.IsString */);
}
/** t has a name: a predeclared type, a defined type or a type parameter. Safe on half-built types. */
export function hasName(t) {
    return t instanceof Basic || t instanceof Named || t instanceof TypeParam;
}
/** t is not an untyped basic type. Safe on half-built types (does not call underlying()). */
export function isTyped(t) {
    return !(t instanceof Basic) || (t.info & 64 /* BasicInfo.IsUntyped */) === 0;
}
export function isUntyped(t) {
    return t instanceof Basic && (t.info & 64 /* BasicInfo.IsUntyped */) !== 0;
}
/** t's underlying type is an interface; TRUE for type parameters (types2 IsInterface). */
export function isInterface(t) {
    return t instanceof TypeParam || t.underlying() instanceof Interface;
}
/** t is an interface type and not a type parameter. */
export function isNonTypeParamInterface(t) {
    return !(t instanceof TypeParam) && t.underlying() instanceof Interface;
}
export function isTypeParam(t) {
    return t instanceof TypeParam;
}
/** t is a generic Named type that has not been instantiated. */
export function isGeneric(t) {
    return t instanceof Named && t.orig === t && t.tparams.length > 0;
}
// ---------------------------------------------------------------------------
// Comparability
/** Values of type T can be compared with == (interfaces count as comparable). */
export function isComparable(T) {
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
export function comparable(T, dynamic, seen, report) {
    if (seen !== null) {
        if (seen.has(T))
            return true;
        seen.add(T);
    }
    const u = underT(T);
    switch (u.tag) {
        case 1 /* TypeTag.Basic */:
            // invalid types are considered comparable to avoid follow-on errors
            return u.kind !== 25 /* BasicKind.UntypedNil */;
        case 2 /* TypeTag.Pointer */:
        case 11 /* TypeTag.Chan */:
            return true;
        case 5 /* TypeTag.Struct */: {
            const fields = u.fields;
            if (fields.length === 0)
                return true;
            if (seen === null)
                (seen = new Set()).add(T);
            for (const f of fields) {
                if (!comparable(f.typ(), dynamic, seen, null)) {
                    if (report !== null)
                        report.cause = `struct containing ${typeString(f.typ(), report.qf)} cannot be compared`;
                    return false;
                }
            }
            return true;
        }
        case 3 /* TypeTag.Array */: {
            if (seen === null)
                (seen = new Set()).add(T);
            if (!comparable(u.elem, dynamic, seen, null)) {
                if (report !== null)
                    report.cause = `${typeString(T, report.qf)} cannot be compared`;
                return false;
            }
            return true;
        }
        case 8 /* TypeTag.Interface */: {
            if (dynamic && !(T instanceof TypeParam))
                return true;
            const tset = computeInterfaceTypeSet(u);
            if (typeSetIsComparableSet(tset, seen))
                return true;
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
export function incomparableCause(typ, qf) {
    const u = underT(typ);
    if (u instanceof Slice || u instanceof Signature || u instanceof MapType) {
        return kindString(typ) + " can only be compared to nil";
    }
    const r = { cause: "", qf };
    comparable(typ, true, null, r);
    return r.cause;
}
/** The kind of a type as gc names it in messages: "array", "slice", "struct", ... */
export function kindString(typ) {
    const u = underT(typ);
    switch (u.tag) {
        case 3 /* TypeTag.Array */:
            return "array";
        case 4 /* TypeTag.Slice */:
            return "slice";
        case 5 /* TypeTag.Struct */:
            return "struct";
        case 2 /* TypeTag.Pointer */:
            return "pointer";
        case 7 /* TypeTag.Signature */:
            return "func";
        case 8 /* TypeTag.Interface */:
            return typ instanceof TypeParam ? "type parameter" : "interface";
        case 10 /* TypeTag.Map */:
            return "map";
        case 11 /* TypeTag.Chan */:
            return "chan";
        default:
            return typeString(typ, null);
    }
}
/** Type t includes the nil value (for a type parameter: every type of its type set does). */
export function hasNil(t) {
    const u = underT(t);
    switch (u.tag) {
        case 1 /* TypeTag.Basic */:
            return u.kind === 18 /* BasicKind.UnsafePointer */;
        case 4 /* TypeTag.Slice */:
        case 2 /* TypeTag.Pointer */:
        case 7 /* TypeTag.Signature */:
        case 10 /* TypeTag.Map */:
        case 11 /* TypeTag.Chan */:
            return true;
        case 8 /* TypeTag.Interface */:
            return (!(t instanceof TypeParam) ||
                typeSetUnderIs(computeInterfaceTypeSet(u), (v) => v !== null && hasNil(v)));
    }
    return false;
}
/** x and y are identical types (struct tags included). */
export function identical(x, y) {
    return x === y || identicalRec(x, y, true, null);
}
/** x and y are identical types, ignoring struct tags (conversion rules). */
export function identicalIgnoreTags(x, y) {
    return x === y || identicalRec(x, y, false, null);
}
/** Identity on possibly-null types (both null counts as identical). */
export function identicalOrNull(x, y) {
    if (x === null || y === null)
        return x === y;
    return x === y || identicalRec(x, y, true, null);
}
function identicalRec(x, y, cmpTags, p) {
    if (x === y)
        return true;
    const tag = x.tag;
    if (tag !== y.tag)
        return false;
    switch (tag) {
        case 1 /* TypeTag.Basic */:
            // byte/rune are distinct objects with the kind of uint8/int32
            return x.kind === y.kind;
        case 3 /* TypeTag.Array */: {
            const a = x;
            const b = y;
            // an unknown length (< 0, after an error) matches anything
            return (a.len < 0 || b.len < 0 || a.len === b.len) && identicalRec(a.elem, b.elem, cmpTags, p);
        }
        case 4 /* TypeTag.Slice */:
            return identicalRec(x.elem, y.elem, cmpTags, p);
        case 5 /* TypeTag.Struct */: {
            const a = x;
            const b = y;
            const n = a.fields.length;
            if (n !== b.fields.length)
                return false;
            for (let i = 0; i < n; i++) {
                const f = a.fields[i];
                const g = b.fields[i];
                if (f.embedded !== g.embedded ||
                    (cmpTags && a.tag_(i) !== b.tag_(i)) ||
                    !f.sameId(g.pkg, g.name) ||
                    !identicalRec(f.typ(), g.typ(), cmpTags, p)) {
                    return false;
                }
            }
            return true;
        }
        case 2 /* TypeTag.Pointer */:
            return identicalRec(x.base, y.base, cmpTags, p);
        case 6 /* TypeTag.Tuple */:
            return identicalVars(x.vars, y.vars, cmpTags, p);
        case 7 /* TypeTag.Signature */:
            return identicalSignatures(x, y, cmpTags, p);
        case 9 /* TypeTag.Union */: {
            const xs = computeUnionTypeSet(x);
            const ys = computeUnionTypeSet(y);
            return termlistEqual(xs.terms, ys.terms);
        }
        case 8 /* TypeTag.Interface */:
            return identicalInterfaces(x, y, cmpTags, p);
        case 10 /* TypeTag.Map */:
            return (identicalRec(x.key, y.key, cmpTags, p) &&
                identicalRec(x.elem, y.elem, cmpTags, p));
        case 11 /* TypeTag.Chan */:
            return x.dir === y.dir && identicalRec(x.elem, y.elem, cmpTags, p);
        case 12 /* TypeTag.Named */: {
            const a = x;
            const b = y;
            const xargs = a.targs;
            const yargs = b.targs;
            if (xargs.length !== yargs.length)
                return false;
            if (xargs.length > 0) {
                // instances: same origin and identical type arguments
                if (a.orig !== b.orig)
                    return false;
                for (let i = 0; i < xargs.length; i++) {
                    if (!identical(xargs[i], yargs[i]))
                        return false;
                }
                return true;
            }
            return a.obj === b.obj;
        }
        case 13 /* TypeTag.TypeParam */:
            return false; // identical type parameters are the same object (caught by x === y)
    }
    return false;
}
function identicalVars(a, b, cmpTags, p) {
    const n = a.length;
    if (n !== b.length)
        return false;
    for (let i = 0; i < n; i++) {
        if (!identicalRec(a[i].typ(), b[i].typ(), cmpTags, p))
            return false;
    }
    return true;
}
function identicalSignatures(x, y, cmpTags, p) {
    const n = x.tparams.length;
    if (n !== y.tparams.length)
        return false;
    if (x.variadic !== y.variadic)
        return false;
    let yparams = y.params;
    let yresults = y.results;
    if (n > 0) {
        // Type parameter names do not matter: rename y's type parameters to x's
        // and require pairwise identical constraints.
        const smap = makeSubstMap(y.tparams, x.tparams);
        for (let i = 0; i < n; i++) {
            const ybound = subst(y.tparams[i].bound, smap, null);
            if (!identicalRec(x.tparams[i].bound, ybound, cmpTags, p))
                return false;
        }
        yparams = subst(y.params, smap, null);
        yresults = subst(y.results, smap, null);
    }
    return identicalVars(x.params.vars, yparams.vars, cmpTags, p) && identicalVars(x.results.vars, yresults.vars, cmpTags, p);
}
function identicalInterfaces(x, y, cmpTags, p) {
    const xset = computeInterfaceTypeSet(x);
    const yset = computeInterfaceTypeSet(y);
    if (xset.comparable !== yset.comparable)
        return false;
    if (!termlistEqual(xset.terms, yset.terms))
        return false;
    const a = xset.methods;
    const b = yset.methods;
    if (a.length !== b.length)
        return false;
    if (a.length === 0)
        return true;
    // Interfaces can recur through method signatures without a Named type in
    // between (type T interface{ m() interface{T} }); if this pair is already
    // being compared further up, assume identity (otherwise the outer
    // comparison fails by itself).
    for (let q = p; q !== null; q = q.prev) {
        if ((q.x === x && q.y === y) || (q.x === y && q.y === x))
            return true;
    }
    const q = { x, y, prev: p };
    for (let i = 0; i < a.length; i++) {
        const f = a[i];
        const g = b[i];
        if (!sameMethodId(f, g) || !identicalRec(f.typ(), g.typ(), cmpTags, q))
            return false;
    }
    return true;
}
/** Methods f and g have the same unique id (name, and package for unexported names). */
export function sameMethodId(f, g) {
    return f.name === g.name && f.sameId(g.pkg, g.name);
}
/** Instances orig[xargs] and orig[yargs] are identical. */
export function identicalInstance(xorig, xargs, yorig, yargs) {
    if (xargs.length !== yargs.length)
        return false;
    for (let i = 0; i < xargs.length; i++) {
        if (!identical(xargs[i], yargs[i]))
            return false;
    }
    return identical(xorig, yorig);
}
// ---------------------------------------------------------------------------
// Default and core types
/**
 * The default type of an untyped constant type (untyped int → int, untyped
 * rune → rune, ...); other types (including untyped nil) are returned as is.
 */
export function defaultType(t) {
    if (t instanceof Basic) {
        switch (t.kind) {
            case 19 /* BasicKind.UntypedBool */:
                return Typ[1 /* BasicKind.Bool */];
            case 20 /* BasicKind.UntypedInt */:
                return Typ[2 /* BasicKind.Int */];
            case 21 /* BasicKind.UntypedRune */:
                return runeType;
            case 22 /* BasicKind.UntypedFloat */:
                return Typ[14 /* BasicKind.Float64 */];
            case 23 /* BasicKind.UntypedComplex */:
                return Typ[16 /* BasicKind.Complex128 */];
            case 24 /* BasicKind.UntypedString */:
                return Typ[17 /* BasicKind.String */];
        }
    }
    return t;
}
/**
 * x if x and y are identical; for channels that differ only in direction
 * where one is bidirectional, the directional one; otherwise null.
 */
export function matchTypes(x, y) {
    if (identical(x, y))
        return x;
    if (x instanceof Chan && y instanceof Chan && identical(x.elem, y.elem)) {
        if (x.dir === 0 /* ChanDir.SendRecv */)
            return y;
        if (y.dir === 0 /* ChanDir.SendRecv */)
            return x;
    }
    return null;
}
/**
 * The core type of t: under(t) for non-type-parameters; for a type
 * parameter, the single underlying type shared by all terms of its type set
 * (channel directions may narrow), or null if there is none.
 */
export function coreType(t) {
    if (!(t instanceof TypeParam))
        return t.underlying();
    let su = null;
    const ok = typeSetUnderIs(computeInterfaceTypeSet(t.iface()), (u) => {
        if (u === null)
            return false;
        if (su !== null) {
            const m = matchTypes(su, u);
            if (m === null)
                return false;
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
export function coreString(t) {
    if (!(t instanceof TypeParam))
        return t.underlying();
    let su = null;
    let hasString = false;
    const ok = typeSetUnderIs(computeInterfaceTypeSet(t.iface()), (u) => {
        if (u === null)
            return false;
        if (isString(u)) {
            u = new Slice(byteType);
            hasString = true;
        }
        if (su !== null) {
            const m = matchTypes(su, u);
            if (m === null)
                return false;
            u = m;
        }
        su = u;
        return true;
    });
    if (!ok)
        return null;
    return hasString ? Typ[17 /* BasicKind.String */] : su;
}
/** Whether t is (a named or unnamed) pointer to an interface type. */
export function isInterfacePtr(t) {
    const u = underT(t);
    return u instanceof Pointer && isInterface(u.base);
}
