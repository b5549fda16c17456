/**
 * Field and method lookup, interface satisfaction (types2's lookup.go and
 * the `implements` half of instantiate.go).
 *
 * lookupFieldOrMethod walks the embedding graph breadth first: depth 0 is
 * the type itself, depth d+1 the types embedded in the structs found at
 * depth d. At each depth a name found once wins; found twice at the same
 * depth it is ambiguous (and shadows deeper candidates). The same Named type
 * embedded several times at one depth counts as one entry marked
 * `multiples` (so anything found through it is ambiguous). A Named seen at
 * a shallower depth is skipped (it would be shadowed), which also ends the
 * walk for recursive types.
 *
 * Message wording follows gc (types2 with CompilerErrorMessages): "missing M
 * method", "M method has pointer receiver", "wrong type for M method" with
 * "\n\t\thave M(int)\n\t\twant M(string)" lines.
 */
import { Func } from "./object.js";
import { Interface, Named, Pointer, Signature, Struct, Typ, Basic, TypeParam } from "./type.js";
import { comparable, identical, isInterface, underT } from "./predicates.js";
import { computeInterfaceTypeSet, lookupMethodIn, termIncludes, termlistString, typeSetHasTerms, typeSetIs, typeSetIsEmpty, typeSetIsComparableSet, typeSetSubsetOf, } from "./typeset.js";
import { funcString, typeString } from "./typestring.js";
import { Term } from "./type.js";
const notFound = { obj: null, index: null, indirect: false };
/** deref: *T → [T, true]; other types → [t, false]. */
export function deref(t) {
    if (t instanceof Pointer)
        return [t.base, true];
    return [t, false];
}
/** If typ is a (named or unnamed) pointer to a struct, the struct type (base); otherwise typ. */
export function derefStructPtr(typ) {
    const u = typ.underlying();
    if (u instanceof Pointer && u.base.underlying() instanceof Struct)
        return u.base;
    return typ;
}
/** The method has a pointer receiver (from its signature if set, else the resolver's flag). */
export function funcHasPtrRecv(f) {
    const sig = f.type;
    if (sig instanceof Signature && sig.recv !== null) {
        const rt = sig.recv.type;
        return rt instanceof Pointer;
    }
    return f.hasPtrRecv;
}
/** Index of the field matching (pkg, name), or -1 ("_" never matches). */
export function fieldIndex(fields, pkg, name) {
    if (name === "_")
        return -1;
    for (let i = 0; i < fields.length; i++)
        if (fields[i].sameId(pkg, name))
            return i;
    return -1;
}
/** The declared method of a Named type (instances: expanded) matching (pkg, name). */
export function namedLookupMethod(n, pkg, name, foldCase) {
    const [i] = lookupMethodIn(n.orig.methods, pkg, name, foldCase);
    if (i < 0)
        return [-1, null];
    return [i, n.method(i)];
}
/**
 * Looks up the field or method `name` of package `pkg` in T. `addressable`:
 * T is the type of an addressable variable (matters for pointer-receiver
 * methods). Named pointer types have no methods: through them only fields
 * are found.
 */
export function lookupFieldOrMethod(T, addressable, pkg, name) {
    if (T instanceof Named) {
        const p = T.underlying();
        if (p instanceof Pointer) {
            const r = lookupFieldOrMethodImpl(p, false, pkg, name, false);
            if (r.obj instanceof Func)
                return notFound;
            return r;
        }
    }
    return lookupFieldOrMethodImpl(T, addressable, pkg, name, false);
}
function concat(list, i) {
    if (list === null)
        return [i];
    const r = list.slice();
    r.push(i);
    return r;
}
/** Named types already searched, by origin (instances compared with identical). */
class InstanceSeen {
    m = new Map();
    has(n) {
        const list = this.m.get(n.orig);
        if (list === undefined)
            return false;
        for (const t of list)
            if (t === n || identical(t, n))
                return true;
        return false;
    }
    add(n) {
        const list = this.m.get(n.orig);
        if (list === undefined)
            this.m.set(n.orig, [n]);
        else
            list.push(n);
    }
}
/**
 * The search proper. With foldCase, method names match case-insensitively
 * (used to suggest "have m, want M").
 */
export function lookupFieldOrMethodImpl(T, addressable, pkg, name, foldCase) {
    if (name === "_")
        return notFound;
    const [typ0, isPtr] = deref(T);
    // *I (I an interface or type parameter) has no methods
    if (isPtr && underT(typ0) instanceof Interface)
        return notFound;
    let current = [{ typ: typ0, index: null, indirect: isPtr, multiples: false }];
    let seen = null;
    let obj = null;
    let index = null;
    let indirect = false;
    while (current.length > 0) {
        const next = [];
        for (const e of current) {
            const typ = e.typ;
            if (typ instanceof Named) {
                if (seen === null)
                    seen = new InstanceSeen();
                else if (seen.has(typ))
                    continue; // shadowed by the same type at a shallower depth
                seen.add(typ);
                const [i, m] = namedLookupMethod(typ, pkg, name, foldCase);
                if (m !== null) {
                    index = concat(e.index, i);
                    if (obj !== null || e.multiples)
                        return { obj: null, index, indirect: false }; // collision
                    obj = m;
                    indirect = e.indirect;
                    continue; // a type cannot have a field and a method of the same name
                }
            }
            const u = underT(typ);
            if (u instanceof Struct) {
                const fields = u.fields;
                for (let i = 0; i < fields.length; i++) {
                    const f = fields[i];
                    if (f.sameId(pkg, name)) {
                        index = concat(e.index, i);
                        if (obj !== null || e.multiples)
                            return { obj: null, index, indirect: false };
                        obj = f;
                        indirect = e.indirect;
                        continue;
                    }
                    // Embedded fields are searched at the next depth, unless a match
                    // was found at this one (then deeper levels are irrelevant).
                    if (obj === null && f.embedded) {
                        const [et, ep] = deref(f.typ());
                        next.push({ typ: et, index: concat(e.index, i), indirect: e.indirect || ep, multiples: e.multiples });
                    }
                }
            }
            else if (u instanceof Interface) {
                const [i, m] = lookupMethodIn(computeInterfaceTypeSet(u).methods, pkg, name, foldCase);
                if (m !== null) {
                    index = concat(e.index, i);
                    if (obj !== null || e.multiples)
                        return { obj: null, index, indirect: false };
                    obj = m;
                    indirect = e.indirect;
                }
            }
        }
        if (obj !== null) {
            // x.m() with a pointer-receiver m needs a pointer or an addressable x
            if (obj instanceof Func && funcHasPtrRecv(obj) && !indirect && !addressable) {
                return { obj: null, index: null, indirect: true };
            }
            return { obj, index, indirect };
        }
        current = consolidateMultiples(next);
    }
    return notFound;
}
/** Merges entries with identical types into one, marked as `multiples`. */
function consolidateMultiples(list) {
    if (list.length <= 1)
        return list;
    const out = [];
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
// ---------------------------------------------------------------------------
// Missing methods
/**
 * Checks that V has the methods of T. Returns [null, null] if it does;
 * otherwise the first missing method of T and, if one exists, an
 * "alternative" of V: a method with the right name but wrong type, the
 * method on *V (pointer receiver), or a method whose name differs only in
 * case. For an interface V with `static` unset (type assertions), only the
 * methods present in both must agree.
 */
export function missingMethod(env, V, T, isStatic) {
    const tset = computeInterfaceTypeSet(T);
    if (tset.methods.length === 0)
        return [null, null];
    const vu = underT(V);
    if (vu instanceof Interface) {
        const vset = computeInterfaceTypeSet(vu);
        for (const m of tset.methods) {
            const [, f] = lookupMethodIn(vset.methods, m.pkg, m.name, false);
            if (f === null) {
                if (!isStatic)
                    continue;
                return [m, null];
            }
            if (!identical(f.typ(), m.typ()))
                return [m, f];
        }
        return [null, null];
    }
    for (const m of tset.methods) {
        let obj = lookupFieldOrMethodImpl(V, false, m.pkg, m.name, false).obj;
        const found = obj !== null;
        if (!found) {
            // is it on *V, or on V with different case?
            obj = lookupFieldOrMethodImpl(new Pointer(V), false, m.pkg, m.name, false).obj;
            if (obj === null)
                obj = lookupFieldOrMethodImpl(V, false, m.pkg, m.name, true).obj;
        }
        if (!(obj instanceof Func))
            return [m, null];
        if (env !== null)
            env.objDecl(obj);
        if (!found || !identical(obj.typ(), m.typ()))
            return [m, obj];
    }
    return [null, null];
}
/**
 * gc's parenthesised explanation of why method m of T is missing from V,
 * possibly followed by have/want lines: "(missing M method)",
 * "(M method has pointer receiver)", "(wrong type for M method)\n\t\thave
 * M(int)\n\t\twant M(string)", "(type *I is pointer to interface, not
 * interface)".
 */
export function missingMethodReason(qf, V, T, m, alt) {
    const mname = m.name + " method";
    if (alt !== null) {
        if (m.name !== alt.name) {
            return `(missing ${mname})\n\t\thave ${funcString(alt, qf)}\n\t\twant ${funcString(m, qf)}`;
        }
        if (identical(m.typ(), alt.typ()))
            return `(${mname} has pointer receiver)`;
        return `(wrong type for ${mname})\n\t\thave ${funcString(alt, qf)}\n\t\twant ${funcString(m, qf)}`;
    }
    if (isInterfacePtrT(V))
        return "(" + interfacePtrError(qf, V) + ")";
    if (isInterfacePtrT(T))
        return "(" + interfacePtrError(qf, T) + ")";
    return `(missing ${mname})`;
}
function isInterfacePtrT(t) {
    const u = underT(t);
    return u instanceof Pointer && isInterface(u.base);
}
/** "type *I is pointer to interface, not interface" (or "... to type parameter ..."). */
export function interfacePtrError(qf, T) {
    const u = underT(T);
    if (u.base instanceof TypeParam) {
        return `type ${typeString(T, qf)} is pointer to type parameter, not type parameter`;
    }
    return `type ${typeString(T, qf)} is pointer to interface, not interface`;
}
/**
 * Whether a value of interface type V can be asserted to have type T:
 * [null, null] if so (always when T is an interface), else the method of V
 * that T lacks and an alternative (see missingMethod).
 */
export function assertableTo(env, V, T) {
    if (isInterface(T))
        return [null, null];
    return missingMethod(env, T, V, false);
}
// ---------------------------------------------------------------------------
// Interface satisfaction
/**
 * Checks whether V implements (satisfies) T. Returns null if it does,
 * otherwise gc's message: "V does not implement T (missing M method)",
 * "V does not implement comparable", "V does not implement T (possibly
 * missing ~ for int in constraint T)", "V does not implement T (V missing in
 * ~int | string)", "cannot implement T (empty type set)", ...
 */
export function implementsCause(env, V, T) {
    const qf = env !== null ? env.qf : null;
    const Vu = underT(V);
    const Tu = underT(T);
    if (isInvalidT(Vu) || isInvalidT(Tu))
        return null; // avoid follow-on errors
    if (Vu instanceof Pointer && isInvalidT(Vu.base.underlying()))
        return null;
    const ts = (t) => typeString(t, qf);
    if (!(Tu instanceof Interface)) {
        const cause = isInterfacePtrT(Tu)
            ? `type ${ts(T)} is pointer to interface, not interface`
            : `${ts(T)} is not an interface`;
        return `${ts(V)} does not implement ${ts(T)} (${cause})`;
    }
    const Tset = computeInterfaceTypeSet(Tu);
    // every type satisfies the empty interface
    if (Tset.methods.length === 0 && !Tset.comparable && Tset.terms.length === 1 && Tset.terms[0].type === null)
        return null;
    // an interface with an empty type set satisfies anything
    const Vi = Vu instanceof Interface ? Vu : null;
    if (Vi !== null && typeSetIsEmpty(computeInterfaceTypeSet(Vi)))
        return null;
    if (typeSetIsEmpty(Tset))
        return `cannot implement ${ts(T)} (empty type set)`;
    const [m, alt] = missingMethod(env, V, Tu, true);
    if (m !== null)
        return `${ts(V)} does not implement ${ts(T)} ${missingMethodReason(qf, V, T, m, alt)}`;
    // comparable: remembered, reported only if nothing more specific comes up
    let pending = null;
    if (typeSetIsComparableSet(Tset, null) && !comparable(V, false, null, null)) {
        pending = `${ts(V)} does not implement comparable`;
    }
    if (!typeSetHasTerms(Tset))
        return pending;
    if (Vi !== null) {
        if (!typeSetSubsetOf(computeInterfaceTypeSet(Vi), Tset))
            return `${ts(V)} does not implement ${ts(T)}`;
        return pending;
    }
    // V must be in one of T's terms; remember a term ~X would have admitted V
    let alt2 = null;
    const missing = typeSetIs(Tset, (t) => {
        if (t === null || !termIncludes(t, V)) {
            if (t !== null && alt2 === null && !t.tilde && t.type !== null && identical(t.type, t.type.underlying())) {
                if (termIncludes(new Term(true, t.type), V))
                    alt2 = t.type;
            }
            return true;
        }
        return false;
    });
    if (missing) {
        if (alt2 !== null) {
            return `${ts(V)} does not implement ${ts(T)} (possibly missing ~ for ${ts(alt2)} in constraint ${ts(T)})`;
        }
        return `${ts(V)} does not implement ${ts(T)} (${ts(V)} missing in ${termlistString(Tset.terms)})`;
    }
    return pending;
}
/** V implements T (no message). */
export function implementsType(V, T) {
    return implementsCause(null, V, T) === null;
}
/**
 * assertableTo for interfaces that may only be used as constraints: null if
 * x.(T) is possible for x of type V, else implementsCause's message.
 */
export function newAssertableTo(env, V, T) {
    if (isInterface(T))
        return null;
    return implementsCause(env, T, V);
}
function isInvalidT(t) {
    return t instanceof Basic && t.kind === 0 /* BasicKind.Invalid */;
}
/** The invalid type (re-exported for callers that build LookupResults). */
export const invalid = Typ[0 /* BasicKind.Invalid */];
