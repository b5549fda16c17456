import { Named, TypeParam, } from "./type.js";
import { coreType, hasName, sameMethodId } from "./predicates.js";
import { computeInterfaceTypeSet, termlistEqual } from "./typeset.js";
const unificationDepthLimit = 50;
/** Index of tpar in list (by its `index` field), or -1 if it is not one of them. */
export function tparamIndex(list, tpar) {
    const i = tpar.index;
    if (i >= 0 && i < list.length && list[i] === tpar)
        return i;
    return -1;
}
export class Unifier {
    tparams;
    exact;
    bothSides;
    /** types bound so far (see module comment) */
    types = [];
    indices;
    depth = 0;
    /**
     * @param tparams the type parameters to infer (their `index` must be their position)
     * @param exact   require identical structure (no under/core-type steps, channel directions matter)
     * @param bothSides type parameters may occur in y too (constraint type inference)
     */
    constructor(tparams, exact, bothSides) {
        this.tparams = tparams;
        this.exact = exact;
        this.bothSides = bothSides;
        this.indices = new globalThis.Array(tparams.length).fill(0);
    }
    /** Unifies x (parameterised) with y; may record bindings even when it fails. */
    unify(x, y) {
        return this.nify(x, y, null);
    }
    /** The type bound to parameter i, or null. */
    at(i) {
        const ti = this.indices[i];
        return ti > 0 ? this.types[ti - 1] : null;
    }
    /** Binds parameter i (must be unbound) to typ. */
    set(i, typ) {
        const ti = this.indices[i];
        if (ti < 0) {
            this.types[-ti - 1] = typ;
            this.setIndex(i, -ti);
        }
        else if (ti === 0) {
            this.types.push(typ);
            this.indices[i] = this.types.length;
        }
        else {
            throw new Error("unify: type parameter already bound");
        }
    }
    /** Number of parameters without a type yet. */
    unknowns() {
        let n = 0;
        for (const ti of this.indices)
            if (ti <= 0)
                n++;
        return n;
    }
    /** The types of all parameters (null where unknown) and the index of the first unknown (-1 if none). */
    inferred() {
        const list = [];
        let index = -1;
        for (let i = 0; i < this.tparams.length; i++) {
            const t = this.at(i);
            list.push(t);
            if (index < 0 && t === null)
                index = i;
        }
        return [list, index];
    }
    index(t) {
        return t instanceof TypeParam ? tparamIndex(this.tparams, t) : -1;
    }
    /** Makes parameters i and j share a slot; false if both are bound (to possibly different types). */
    join(i, j) {
        const ind = this.indices;
        const ti = ind[i];
        const tj = ind[j];
        if (ti === 0 && tj === 0) {
            this.types.push(null);
            ind[i] = ind[j] = -this.types.length;
        }
        else if (ti === 0) {
            ind[i] = tj;
        }
        else if (tj === 0) {
            ind[j] = ti;
        }
        else if (ti === tj) {
            // already joined
        }
        else if (ti > 0 && tj > 0) {
            return false; // both bound: let the caller compare the types
        }
        else if (ti > 0) {
            this.setIndex(j, ti);
        }
        else {
            this.setIndex(i, tj);
        }
        return true;
    }
    /** Moves every parameter sharing i's slot to slot tj. */
    setIndex(i, tj) {
        const ind = this.indices;
        const ti = ind[i];
        for (let k = 0; k < ind.length; k++)
            if (ind[k] === ti)
                ind[k] = tj;
    }
    nifyEq(x, y, p) {
        if (x === y)
            return true;
        if (x === null || y === null)
            return false;
        return this.nify(x, y, p);
    }
    nify(x, y, p) {
        if (this.depth >= unificationDepthLimit)
            return false;
        this.depth++;
        try {
            return this.nifyInner(x, y, p);
        }
        finally {
            this.depth--;
        }
    }
    nifyInner(x, y, p) {
        if (!this.exact) {
            // a defined type unifies with a type literal through its underlying type
            if (x instanceof Named && !hasName(y))
                return this.nify(x.underlying(), y, p);
            if (y instanceof Named && !hasName(x))
                return this.nify(x, y.underlying(), p);
        }
        const i = this.index(x);
        const j = this.bothSides ? this.index(y) : -1;
        if (i >= 0 && j >= 0) {
            if (this.join(i, j))
                return true;
            return this.nifyEq(this.at(i), this.at(j), p);
        }
        if (i >= 0) {
            const tx = this.at(i);
            if (tx !== null)
                return this.nifyEq(tx, y, p);
            this.set(i, y);
            return true;
        }
        if (j >= 0) {
            const ty = this.at(j);
            if (ty !== null)
                return this.nifyEq(x, ty, p);
            this.set(j, x);
            return true;
        }
        if (!this.exact) {
            // a (non-inferred) type parameter with a core type unifies with a type literal through it
            if (x instanceof TypeParam && !hasName(y)) {
                const cx = coreType(x);
                if (cx !== null)
                    return this.nify(cx, y, p);
            }
            else if (y instanceof TypeParam && !hasName(x)) {
                const cy = coreType(y);
                if (cy !== null)
                    return this.nify(x, cy, p);
            }
        }
        if (x.tag !== y.tag)
            return false;
        switch (x.tag) {
            case 1 /* TypeTag.Basic */:
                return x.kind === y.kind;
            case 3 /* TypeTag.Array */: {
                const a = x;
                const b = y;
                return (a.len < 0 || b.len < 0 || a.len === b.len) && this.nify(a.elem, b.elem, p);
            }
            case 4 /* TypeTag.Slice */:
                return this.nify(x.elem, y.elem, p);
            case 5 /* TypeTag.Struct */: {
                const a = x;
                const b = y;
                if (a.fields.length !== b.fields.length)
                    return false;
                for (let k = 0; k < a.fields.length; k++) {
                    const f = a.fields[k];
                    const g = b.fields[k];
                    if (f.embedded !== g.embedded ||
                        a.tag_(k) !== b.tag_(k) ||
                        !f.sameId(g.pkg, g.name) ||
                        !this.nify(f.typ(), g.typ(), p)) {
                        return false;
                    }
                }
                return true;
            }
            case 2 /* TypeTag.Pointer */:
                return this.nify(x.base, y.base, p);
            case 6 /* TypeTag.Tuple */:
                return this.nifyTuples(x, y, p);
            case 7 /* TypeTag.Signature */: {
                const a = x;
                const b = y;
                return a.variadic === b.variadic && this.nifyTuples(a.params, b.params, p) && this.nifyTuples(a.results, b.results, p);
            }
            case 8 /* TypeTag.Interface */: {
                const a = x;
                const b = y;
                const xs = computeInterfaceTypeSet(a);
                const ys = computeInterfaceTypeSet(b);
                if (xs.comparable !== ys.comparable)
                    return false;
                if (!termlistEqual(xs.terms, ys.terms))
                    return false;
                const am = xs.methods;
                const bm = ys.methods;
                if (am.length !== bm.length)
                    return false;
                for (let q = p; q !== null; q = q.prev) {
                    if ((q.x === a && q.y === b) || (q.x === b && q.y === a))
                        return true;
                }
                const q = { x: a, y: b, prev: p };
                for (let k = 0; k < am.length; k++) {
                    if (!sameMethodId(am[k], bm[k]) || !this.nify(am[k].typ(), bm[k].typ(), q))
                        return false;
                }
                return true;
            }
            case 10 /* TypeTag.Map */:
                return (this.nify(x.key, y.key, p) && this.nify(x.elem, y.elem, p));
            case 11 /* TypeTag.Chan */: {
                const a = x;
                const b = y;
                return (!this.exact || a.dir === b.dir) && this.nify(a.elem, b.elem, p);
            }
            case 12 /* TypeTag.Named */: {
                const a = x;
                const b = y;
                const xargs = a.targs;
                const yargs = b.targs;
                if (xargs.length !== yargs.length)
                    return false;
                // same declared type (possibly different instances): unify the type arguments
                if (a.obj.pkg === b.obj.pkg && a.obj.name === b.obj.name) {
                    for (let k = 0; k < xargs.length; k++)
                        if (!this.nify(xargs[k], yargs[k], p))
                            return false;
                    return true;
                }
                return false;
            }
            case 13 /* TypeTag.TypeParam */:
                return x === y; // not inferred: must be the same parameter
        }
        return false;
    }
    nifyTuples(a, b, p) {
        if (a.vars.length !== b.vars.length)
            return false;
        for (let k = 0; k < a.vars.length; k++)
            if (!this.nify(a.vars[k].typ(), b.vars[k].typ(), p))
                return false;
        return true;
    }
}
