import { NoPos } from "../syntax/position.js";
import { Func, Var } from "./object.js";
import { Array, Basic, Chan, Interface, MapType, Pointer, Signature, Slice, Struct, Term, Tuple, TypeParam, Typ, Union, } from "./type.js";
import { Context, instance } from "./instantiate.js";
/** The map tpars[i] → targs[i] (targs[i] may be null: that parameter is left alone). */
export function makeSubstMap(tpars, targs) {
    const m = new Map();
    const n = Math.min(tpars.length, targs.length);
    for (let i = 0; i < n; i++) {
        const t = targs[i];
        if (t !== null && t !== undefined)
            m.set(tpars[i], t);
    }
    return m;
}
/**
 * Substitutes type parameters in typ according to smap. `expanding` is the
 * Named instance whose underlying type is being computed (if any); `ctxt`
 * de-duplicates new instances (defaults to env's context, or a fresh one).
 */
export function subst(typ, smap, env, expanding = null, ctxt = null, pos = NoPos) {
    if (smap.size === 0)
        return typ;
    if (typ instanceof Basic)
        return typ;
    if (typ instanceof TypeParam)
        return smap.get(typ) ?? typ;
    const s = new Subster(smap, env, expanding, ctxt, pos);
    return s.typ(typ);
}
/** A copy of v with type typ, remembering v's origin. */
export function substVar(v, typ) {
    const c = new Var(v.pos, v.pkg, v.name, typ);
    c.embedded = v.embedded;
    c.isField = v.isField;
    c.isParam = v.isParam;
    c.used = v.used;
    c.parent = v.parent;
    c.scopePos = v.scopePos;
    c.origin = v.getOrigin();
    return c;
}
/** A copy of f with type typ, remembering f's origin. */
export function substFunc(f, typ) {
    const c = new Func(f.pos, f.pkg, f.name, typ);
    c.hasPtrRecv = f.hasPtrRecv;
    c.parent = f.parent;
    c.order = f.order;
    c.color = f.color;
    c.scopePos = f.scopePos;
    c.origin = f.getOrigin();
    return c;
}
/** Copies a signature (fresh object, same contents). */
export function copySignature(sig) {
    const c = new Signature(sig.recv, sig.params, sig.results, sig.variadic);
    c.scope = sig.scope;
    c.rparams = sig.rparams;
    c.tparams = sig.tparams;
    return c;
}
/**
 * Methods whose receiver type is `old` get a copy with receiver type `nu`
 * (interface methods after substitution). Returns the list and whether it
 * was copied.
 */
export function replaceRecvType(list, old, nu) {
    let out = list;
    let copied = false;
    for (let i = 0; i < list.length; i++) {
        const m = list[i];
        const sig = m.type;
        if (sig instanceof Signature && sig.recv !== null && sig.recv.type === old) {
            if (!copied) {
                out = list.slice();
                copied = true;
            }
            const ns = copySignature(sig);
            ns.recv = substVar(sig.recv, nu);
            out[i] = substFunc(m, ns);
        }
    }
    return [out, copied];
}
class Subster {
    smap;
    env;
    expanding;
    ctxt;
    pos;
    constructor(smap, env, expanding, ctxt, pos) {
        this.smap = smap;
        this.env = env;
        this.expanding = expanding;
        this.ctxt = ctxt;
        this.pos = pos;
    }
    context() {
        let c = this.ctxt;
        if (c === null)
            c = this.ctxt = this.env !== null ? this.env.context() : new Context();
        return c;
    }
    typ(typ) {
        switch (typ.tag) {
            case 1 /* TypeTag.Basic */:
                return typ;
            case 3 /* TypeTag.Array */: {
                const t = typ;
                const elem = this.typ(t.elem);
                return elem !== t.elem ? new Array(elem, t.len) : t;
            }
            case 4 /* TypeTag.Slice */: {
                const t = typ;
                const elem = this.typ(t.elem);
                return elem !== t.elem ? new Slice(elem) : t;
            }
            case 5 /* TypeTag.Struct */: {
                const t = typ;
                const fields = this.varList(t.fields);
                return fields !== t.fields ? new Struct(fields, t.tags) : t;
            }
            case 2 /* TypeTag.Pointer */: {
                const t = typ;
                const base = this.typ(t.base);
                return base !== t.base ? new Pointer(base) : t;
            }
            case 6 /* TypeTag.Tuple */:
                return this.tuple(typ);
            case 7 /* TypeTag.Signature */: {
                // The receiver is left alone (it would recur into the method's own
                // receiver type); type parameters of a generic signature are kept
                // (substituting them is the caller's business).
                const t = typ;
                const params = this.tuple(t.params);
                const results = this.tuple(t.results);
                if (params === t.params && results === t.results)
                    return t;
                const s = new Signature(t.recv, params, results, t.variadic);
                s.rparams = t.rparams;
                s.tparams = t.tparams;
                return s;
            }
            case 9 /* TypeTag.Union */: {
                const t = typ;
                let out = null;
                for (let i = 0; i < t.terms.length; i++) {
                    const term = t.terms[i];
                    if (term.type === null)
                        continue;
                    const u = this.typ(term.type);
                    if (u !== term.type) {
                        if (out === null)
                            out = t.terms.slice();
                        out[i] = new Term(term.tilde, u);
                    }
                }
                return out !== null ? new Union(out) : t;
            }
            case 8 /* TypeTag.Interface */: {
                const t = typ;
                const methods = this.funcList(t.methods);
                const embeddeds = this.typeList(t.embeddeds);
                if (methods === t.methods && embeddeds === t.embeddeds)
                    return t;
                const iface = new Interface([], embeddeds);
                iface.implicit = t.implicit;
                iface.complete = t.complete;
                iface.methods = replaceRecvType(methods, t, iface)[0];
                return iface;
            }
            case 10 /* TypeTag.Map */: {
                const t = typ;
                const key = this.typ(t.key);
                const elem = this.typ(t.elem);
                return key !== t.key || elem !== t.elem ? new MapType(key, elem) : t;
            }
            case 11 /* TypeTag.Chan */: {
                const t = typ;
                const elem = this.typ(t.elem);
                return elem !== t.elem ? new Chan(t.dir, elem) : t;
            }
            case 12 /* TypeTag.Named */: {
                const t = typ;
                const orig = t.orig;
                const n = orig.tparams.length;
                if (n === 0)
                    return t; // not parameterized
                const targs = t.targs;
                if (targs.length !== n)
                    return Typ[0 /* BasicKind.Invalid */]; // error reported elsewhere
                let newTArgs = null;
                for (let i = 0; i < n; i++) {
                    const targ = targs[i];
                    const nt = this.typ(targ);
                    if (nt !== targ) {
                        if (newTArgs === null)
                            newTArgs = targs.slice();
                        newTArgs[i] = nt;
                    }
                }
                if (newTArgs === null)
                    return t;
                return instance(orig, newTArgs, this.expanding, this.context(), this.env, this.pos);
            }
            case 13 /* TypeTag.TypeParam */:
                return this.smap.get(typ) ?? typ;
        }
        return typ;
    }
    tuple(t) {
        const vars = this.varList(t.vars);
        return vars !== t.vars ? new Tuple(vars) : t;
    }
    varList(list) {
        let out = list;
        for (let i = 0; i < list.length; i++) {
            const v = list[i];
            const vt = v.type;
            if (vt === null)
                continue;
            const nt = this.typ(vt);
            if (nt !== vt) {
                if (out === list)
                    out = list.slice();
                out[i] = substVar(v, nt);
            }
        }
        return out;
    }
    funcList(list) {
        let out = list;
        for (let i = 0; i < list.length; i++) {
            const f = list[i];
            const ft = f.type;
            if (ft === null)
                continue;
            const nt = this.typ(ft);
            if (nt !== ft) {
                if (out === list)
                    out = list.slice();
                out[i] = substFunc(f, nt);
            }
        }
        return out;
    }
    typeList(list) {
        let out = list;
        for (let i = 0; i < list.length; i++) {
            const t = list[i];
            const nt = this.typ(t);
            if (nt !== t) {
                if (out === list)
                    out = list.slice();
                out[i] = nt;
            }
        }
        return out;
    }
}
