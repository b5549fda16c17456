import { NoPos } from "../syntax/position.js";
import { isExported } from "./object.js";
import { Basic, Interface, Named, Term, TypeParam, TypeSet, Union } from "./type.js";
import { comparable, identical } from "./predicates.js";
import { typeString } from "./typestring.js";
/** Reports a one-part error through env (no-op when env is null). */
export function envError(env, pos, msg, soft = false) {
    if (env !== null)
        env.report([{ pos, msg }], soft);
}
// ---------------------------------------------------------------------------
// Terms
/** The term 𝓤 (all types). */
export const allTerm = new Term(false, null);
/** The term list 𝓤. */
export const allTermlist = [allTerm];
/** Shared top type set (the empty interface's). Must not be mutated. */
export const topTypeSet = new TypeSet([], allTermlist, false);
function isAllTerm(t) {
    return t.type === null;
}
/** String of a term the way types2 prints it (types unqualified by a checker: package path). */
export function termString(x, qf = null) {
    if (x === null)
        return "∅";
    if (x.type === null)
        return "𝓤";
    return (x.tilde ? "~" : "") + typeString(x.type, qf);
}
/** Terms x and y (both non-null, non-𝓤) have disjoint type sets. */
export function termDisjoint(x, y) {
    let ux = x.type;
    if (y.tilde)
        ux = ux.underlying();
    let uy = y.type;
    if (x.tilde)
        uy = uy.underlying();
    return !identical(ux, uy);
}
function termEqual(x, y) {
    if (x === null || y === null)
        return x === y;
    if (x.type === null || y.type === null)
        return x.type === y.type;
    return x.tilde === y.tilde && identical(x.type, y.type);
}
/** x ∪ y as one or two terms ([r, null] when they merge). */
function termUnion(x, y) {
    if (x === null)
        return [y, null];
    if (y === null)
        return [x, null];
    if (x.type === null)
        return [x, null];
    if (y.type === null)
        return [y, null];
    if (termDisjoint(x, y))
        return [x, y];
    // same underlying identity: ~t absorbs t
    if (x.tilde || !y.tilde)
        return [x, null];
    return [y, null];
}
function termIntersect(x, y) {
    if (x === null || y === null)
        return null;
    if (x.type === null)
        return y;
    if (y.type === null)
        return x;
    if (termDisjoint(x, y))
        return null;
    // t ∩ ~t == t
    if (!x.tilde || y.tilde)
        return x;
    return y;
}
/** Type t is an element of term x. */
export function termIncludes(x, t) {
    if (x === null)
        return false;
    if (x.type === null)
        return true;
    return identical(x.type, x.tilde ? t.underlying() : t);
}
function termSubsetOf(x, y) {
    if (x === null)
        return true;
    if (y === null)
        return false;
    if (y.type === null)
        return true;
    if (x.type === null)
        return false;
    if (termDisjoint(x, y))
        return false;
    return !x.tilde || y.tilde;
}
// ---------------------------------------------------------------------------
// Term lists
export function termlistIsEmpty(xl) {
    for (const x of xl)
        if (x !== null)
            return false;
    return true;
}
export function termlistIsAll(xl) {
    for (const x of xl)
        if (x !== null && x.type === null)
            return true;
    return false;
}
/** Normal form: no ∅ terms, pairwise disjoint terms, and 𝓤 alone. */
export function termlistNorm(xl) {
    const used = new globalThis.Array(xl.length).fill(false);
    const rl = [];
    for (let i = 0; i < xl.length; i++) {
        let xi = xl[i];
        if (xi === null || used[i])
            continue;
        for (let j = i + 1; j < xl.length; j++) {
            const xj = xl[j];
            if (xj === null || used[j])
                continue;
            const [u1, u2] = termUnion(xi, xj);
            if (u2 === null) {
                // a 𝓤 term swallows everything (and must stay alone to be normal)
                if (u1 !== null && u1.type === null)
                    return allTermlist;
                xi = u1;
                used[j] = true;
            }
        }
        if (xi !== null)
            rl.push(xi);
    }
    return rl;
}
export function termlistUnion(xl, yl) {
    return termlistNorm([...xl, ...yl]);
}
export function termlistIntersect(xl, yl) {
    if (termlistIsEmpty(xl) || termlistIsEmpty(yl))
        return [];
    const rl = [];
    for (const x of xl) {
        for (const y of yl) {
            const r = termIntersect(x, y);
            if (r !== null)
                rl.push(r);
        }
    }
    return termlistNorm(rl);
}
export function termlistEqual(xl, yl) {
    if (xl === yl)
        return true;
    return termlistSubsetOf(xl, yl) && termlistSubsetOf(yl, xl);
}
export function termlistIncludes(xl, t) {
    for (const x of xl)
        if (termIncludes(x, t))
            return true;
    return false;
}
function termlistSupersetOf(xl, y) {
    for (const x of xl)
        if (termSubsetOf(y, x))
            return true;
    return false;
}
export function termlistSubsetOf(xl, yl) {
    if (termlistIsEmpty(yl))
        return termlistIsEmpty(xl);
    for (const x of xl)
        if (!termlistSupersetOf(yl, x))
            return false;
    return true;
}
/** "∅", or the terms joined by " | " (package-path qualified, as gc prints them). */
export function termlistString(xl, qf = null) {
    if (xl.length === 0)
        return "∅";
    let s = "";
    for (let i = 0; i < xl.length; i++) {
        if (i > 0)
            s += " | ";
        s += termString(xl[i], qf);
    }
    return s;
}
// ---------------------------------------------------------------------------
// Type set queries
export function typeSetIsEmpty(s) {
    return termlistIsEmpty(s.terms);
}
/** The set of all types (the empty interface, no methods). */
export function typeSetIsAll(s) {
    return typeSetIsMethodSet(s) && s.methods.length === 0;
}
/** The interface is fully described by its methods (a "basic" interface). */
export function typeSetIsMethodSet(s) {
    return !s.comparable && termlistIsAll(s.terms);
}
/** The set has specific terms (neither ∅ nor 𝓤). */
export function typeSetHasTerms(s) {
    return !termlistIsEmpty(s.terms) && !termlistIsAll(s.terms);
}
/** Every type of the set is comparable (types2 _TypeSet.IsComparable). */
export function typeSetIsComparableSet(s, seen) {
    if (termlistIsAll(s.terms))
        return s.comparable;
    return typeSetIs(s, (t) => t !== null && t.type !== null && comparable(t.type, false, seen ?? new Set(), null));
}
/** s1 ⊆ s2 as far as terms go. */
export function typeSetSubsetOf(s1, s2) {
    return termlistSubsetOf(s1.terms, s2.terms);
}
/**
 * Calls f with each specific term of s and reports whether all calls
 * returned true; with no specific terms (∅ or 𝓤), returns f(null).
 */
export function typeSetIs(s, f) {
    const terms = s.terms;
    if (termlistIsEmpty(terms) || termlistIsAll(terms))
        return f(null);
    for (const t of terms)
        if (!f(t))
            return false;
    return true;
}
/**
 * Like typeSetIs but passes the underlying type of each specific term
 * (for ~T terms, T is already its own underlying type).
 */
export function typeSetUnderIs(s, f) {
    const terms = s.terms;
    if (termlistIsEmpty(terms) || termlistIsAll(terms))
        return f(null);
    for (const t of terms) {
        const typ = t.type;
        if (!f(t.tilde ? typ : typ.underlying()))
            return false;
    }
    return true;
}
/** Index and method of the set with the given id, or [-1, null]. */
export function typeSetLookupMethod(s, pkg, name, foldCase) {
    return lookupMethodIn(s.methods, pkg, name, foldCase);
}
/**
 * Index and method in `methods` matching (pkg, name) (name compared
 * case-insensitively when foldCase is set), or [-1, null]. "_" never matches.
 */
export function lookupMethodIn(methods, pkg, name, foldCase) {
    if (name === "_")
        return [-1, null];
    let lower = null;
    for (let i = 0; i < methods.length; i++) {
        const m = methods[i];
        let eq = m.name === name;
        if (!eq && foldCase) {
            if (lower === null)
                lower = name.toLowerCase();
            eq = m.name.toLowerCase() === lower;
        }
        if (eq && m.sameId(pkg, m.name))
            return [i, m];
    }
    return [-1, null];
}
/** Debug form of a type set: ∅, 𝓤, or {comparable; m(); ~int | string}. */
export function typeSetString(s, qf = null) {
    if (typeSetIsEmpty(s))
        return "∅";
    if (typeSetIsAll(s))
        return "𝓤";
    const hasMethods = s.methods.length > 0;
    const hasTerms = typeSetHasTerms(s);
    let out = "{";
    if (s.comparable) {
        out += "comparable";
        if (hasMethods || hasTerms)
            out += "; ";
    }
    for (let i = 0; i < s.methods.length; i++) {
        if (i > 0)
            out += "; ";
        out += s.methods[i].name + typeString(s.methods[i].typ(), qf).slice(4);
    }
    if (hasMethods && hasTerms)
        out += "; ";
    if (hasTerms)
        out += termlistString(s.terms, qf);
    return out + "}";
}
// ---------------------------------------------------------------------------
// Method ordering
/**
 * types2's method order: exported names first, then by name, then (for
 * unexported names) by package path.
 */
export function methodLess(a, b) {
    if (a === b)
        return false;
    const ea = isExported(a.name);
    const eb = isExported(b.name);
    if (ea !== eb)
        return ea;
    if (a.name !== b.name)
        return a.name < b.name;
    if (!ea) {
        const pa = a.pkg === null ? "" : a.pkg.path;
        const pb = b.pkg === null ? "" : b.pkg.path;
        return pa < pb;
    }
    return false;
}
export function sortMethods(list) {
    list.sort((a, b) => (methodLess(a, b) ? -1 : methodLess(b, a) ? 1 : 0));
}
// ---------------------------------------------------------------------------
// Computing type sets
/** Maximum number of terms in a union (gc's implementation limit). */
export const maxTermCount = 100;
/** A type set used to mark an invalid union (it is also a valid empty set). */
export const invalidTypeSet = new TypeSet([], [], false);
const unionSets = new WeakMap();
/** The type set of iface (cached in iface.tset once the interface is complete). */
export function typeSetOf(iface) {
    return iface.tset ?? computeInterfaceTypeSet(iface, null, NoPos);
}
/**
 * Computes (and caches on ityp) the type set of an interface: all methods,
 * including those of embedded interfaces, sorted by id; the intersection of
 * the term lists of its embedded elements; the comparable bit. With an env,
 * reports "duplicate method" errors (explicit duplicates at once, clashes
 * between embedded methods later, when signatures are known).
 */
export function computeInterfaceTypeSet(ityp, env = null, pos = NoPos) {
    const cached = ityp.tset;
    if (cached !== null)
        return cached;
    // An interface still under construction: answer "all types" without
    // caching, so the full set is computed once it is complete.
    if (!ityp.complete)
        return topTypeSet;
    // Invalid generic recursion (type I[P any] interface{ I[*P] }) expands a
    // new instance at every level; validType reports it, but if we get here
    // first, stop at a fixed depth instead of overflowing the stack.
    if (typeSetDepth >= maxTypeSetDepth)
        return topTypeSet;
    typeSetDepth++;
    try {
        return computeInterfaceTypeSetSlow(ityp, env, pos);
    }
    finally {
        typeSetDepth--;
    }
}
/** Nesting depth of computeInterfaceTypeSet through embedded interfaces. */
let typeSetDepth = 0;
/** Deeper embedding chains than this only come from invalid recursive generic interfaces. */
const maxTypeSetDepth = 100;
function computeInterfaceTypeSetSlow(ityp, env, pos) {
    // Provisional value breaks recursion through invalid cyclic embeddings
    // (reported by validType).
    const tset = new TypeSet([], allTermlist, false);
    ityp.tset = tset;
    const allMethods = [];
    const byId = new Map();
    const mpos = new Map();
    const addMethod = (mp, m, explicit) => {
        const key = m.id();
        const other = byId.get(key);
        if (other === undefined) {
            byId.set(key, m);
            allMethods.push(m);
            mpos.set(m, mp);
            return;
        }
        if (other === m)
            return; // same method reached through two embeddings
        if (explicit) {
            if (env !== null) {
                env.report([
                    { pos: mp, msg: `duplicate method ${m.name}` },
                    { pos: mpos.get(other) ?? NoPos, msg: `other declaration of ${m.name}` },
                ], false);
            }
            return;
        }
        // Two embedded interfaces contribute a method with the same name: fine
        // if the signatures are identical, which can only be decided once all
        // types are set up.
        if (env === null)
            return; // imported/constructed interfaces are assumed valid
        const otherPos = mpos.get(other) ?? NoPos;
        env.later(() => {
            if (!identical(m.typ(), other.typ())) {
                env.report([
                    { pos: mp, msg: `duplicate method ${m.name}` },
                    { pos: otherPos, msg: `other declaration of ${m.name}` },
                ], false);
            }
        });
    };
    for (const m of ityp.methods)
        addMethod(m.pos, m, true);
    let allTerms = allTermlist;
    let allComparable = false;
    const embeddeds = ityp.embeddeds;
    for (let i = 0; i < embeddeds.length; i++) {
        const typ = embeddeds[i];
        const epos = i < ityp.embedPos.length ? ityp.embedPos[i] : NoPos;
        let comp = false;
        let terms;
        const u = typ instanceof TypeParam ? typ : typ.underlying();
        if (u instanceof Interface) {
            const s = computeInterfaceTypeSet(u, env, epos);
            comp = s.comparable;
            for (const m of s.methods)
                addMethod(epos, m, false);
            terms = s.terms;
        }
        else if (u instanceof Union) {
            const s = computeUnionTypeSet(u, env, epos);
            if (s === invalidTypeSet)
                continue;
            terms = s.terms;
        }
        else {
            if (u instanceof Basic && u.kind === 0 /* BasicKind.Invalid */)
                continue;
            terms = [new Term(false, typ)];
        }
        [allTerms, allComparable] = intersectTermLists(allTerms, allComparable, terms, comp);
    }
    sortMethods(allMethods);
    tset.methods = allMethods;
    tset.terms = allTerms;
    tset.comparable = allComparable;
    return tset;
}
/**
 * Intersection of two term lists with their comparable bits (a bit is only
 * meaningful when its list is 𝓤). With specific terms, "comparable" filters
 * out incomparable terms instead of being kept as a bit.
 */
export function intersectTermLists(xterms, xcomp, yterms, ycomp) {
    let terms = termlistIntersect(xterms, yterms);
    let comp = xcomp || ycomp;
    if (comp && !termlistIsAll(terms)) {
        terms = terms.filter((t) => t.type !== null && comparable(t.type, true, null, null));
        if (!termlistIsAll(terms))
            comp = false;
    }
    return [terms, comp];
}
/**
 * The type set of a union: the union of its terms' sets (a ~T term whose T
 * is not its own underlying type contributes ∅; an interface term
 * contributes its terms). Cached per Union. Returns invalidTypeSet (and
 * reports gc's limit error) past maxTermCount terms.
 */
export function computeUnionTypeSet(utyp, env = null, pos = NoPos) {
    const cached = unionSets.get(utyp);
    if (cached !== undefined)
        return cached;
    const tset = new TypeSet([], [], false);
    unionSets.set(utyp, tset); // breaks recursion
    let allTerms = [];
    for (const t of utyp.terms) {
        const typ = t.type;
        if (typ === null)
            continue;
        let terms;
        const u = typ instanceof TypeParam ? typ : typ.underlying();
        if (u instanceof Interface) {
            terms = computeInterfaceTypeSet(u, env, pos).terms;
        }
        else if (u instanceof Basic && u.kind === 0 /* BasicKind.Invalid */) {
            continue;
        }
        else if (t.tilde && !identical(typ, u)) {
            // no type has typ as underlying type: the term is ∅
            terms = [null];
        }
        else {
            terms = [t];
        }
        allTerms = termlistNorm([...allTerms, ...terms]);
        if (allTerms.length > maxTermCount) {
            envError(env, pos, `cannot handle more than ${maxTermCount} union terms (implementation limitation)`);
            unionSets.set(utyp, invalidTypeSet);
            return invalidTypeSet;
        }
    }
    tset.terms = allTerms;
    return tset;
}
// ---------------------------------------------------------------------------
// Union validity (the deferred half of types2's parseUnion)
/**
 * Index of a term in `terms` (non-interface ones only) that overlaps y, or -1.
 * y's type must not be an interface.
 */
export function overlappingTerm(terms, y) {
    for (let i = 0; i < terms.length; i++) {
        const x = terms[i];
        if (x.type === null || y.type === null)
            continue;
        if (x.type.underlying() instanceof Interface)
            continue;
        if (!termDisjoint(x, y))
            return i;
    }
    return -1;
}
/**
 * Checks the terms of a union written in source (call it from env.later,
 * once the term types are set up), reporting gc's errors at termPos[i]:
 * "invalid use of ~ (...)", "cannot use X in union (...)",
 * "cannot use comparable in union" and the soft "overlapping terms A and B".
 * `comparableType` is the universe's comparable Named type.
 */
export function checkUnionTerms(env, terms, termPos, comparableType) {
    for (let i = 0; i < terms.length; i++) {
        const t = terms[i];
        const typ = t.type;
        if (typ === null || (typ instanceof Basic && typ.kind === 0 /* BasicKind.Invalid */))
            continue;
        const pos = termPos[i] ?? NoPos;
        const u = typ.underlying();
        const f = u instanceof Interface ? u : null;
        if (t.tilde) {
            if (f !== null) {
                envError(env, pos, `invalid use of ~ (${typeString(typ, env.qf)} is an interface)`);
                continue;
            }
            if (!identical(u, typ)) {
                envError(env, pos, `invalid use of ~ (underlying type of ${typeString(typ, env.qf)} is ${typeString(u, env.qf)})`);
                continue;
            }
        }
        if (f !== null) {
            const tset = computeInterfaceTypeSet(f, env, pos);
            const ts = termString(t);
            if (tset.methods.length !== 0) {
                envError(env, pos, `cannot use ${ts} in union (${ts} contains methods)`);
            }
            else if (comparableType !== null && typ === comparableType) {
                envError(env, pos, "cannot use comparable in union");
            }
            else if (tset.comparable) {
                envError(env, pos, `cannot use ${ts} in union (${ts} embeds comparable)`);
            }
            continue; // interface terms are not subject to the no-overlap rule
        }
        const j = overlappingTerm(terms.slice(0, i), t);
        if (j >= 0) {
            envError(env, pos, `overlapping terms ${termString(t)} and ${termString(terms[j])}`, true);
        }
    }
}
/** The named interface type behind a constraint (for messages); Named passes through. */
export function isNamedConstraint(t) {
    return t instanceof Named && t.underlying() instanceof Interface;
}
