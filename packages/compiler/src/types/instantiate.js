import { NoPos } from "../syntax/position.js";
import { Interface, Named, Pointer, Signature, Typ, setNamedExpander, } from "./type.js";
import { identicalInstance } from "./predicates.js";
import { computeInterfaceTypeSet, envError } from "./typeset.js";
import { copySignature, makeSubstMap, replaceRecvType, subst, substFunc, substVar } from "./subst.js";
import { deref, funcHasPtrRecv, implementsCause } from "./lookup.js";
import { typeString } from "./typestring.js";
/**
 * De-duplicates instances: equal (origin, type arguments) pairs map to one
 * instance. One Context per checked program (the checker's) is typical.
 */
export class Context {
    table = new Map();
    /** The recorded instance of orig[targs], or null. */
    lookup(orig, targs) {
        const list = this.table.get(instanceHash(orig, targs));
        if (list !== undefined) {
            for (const e of list)
                if (identicalInstance(orig, targs, e.orig, e.targs))
                    return e.instance;
        }
        return null;
    }
    /**
     * Records inst as orig[targs] unless an identical instance is recorded;
     * returns the recorded one.
     */
    update(orig, targs, inst) {
        const h = instanceHash(orig, targs);
        let list = this.table.get(h);
        if (list === undefined) {
            list = [];
            this.table.set(h, list);
        }
        for (const e of list)
            if (identicalInstance(orig, targs, e.orig, e.targs))
                return e.instance;
        list.push({ orig, targs, instance: inst });
        return inst;
    }
    /** Number of recorded instances (for tests and statistics). */
    size() {
        let n = 0;
        for (const l of this.table.values())
            n += l.length;
        return n;
    }
}
/** Objects get stable small ids for hashing (generic signatures, which have no id field). */
const objIds = new WeakMap();
let nextObjId = 1;
function objHashId(o) {
    let id = objIds.get(o);
    if (id === undefined) {
        id = nextObjId++;
        objIds.set(o, id);
    }
    return id;
}
function mix(h, v) {
    return (Math.imul(h ^ v, 0x01000193) + 0x9e3779b9) | 0;
}
function instanceHash(orig, targs) {
    let h = orig instanceof Named ? orig.orig.id : objHashId(orig);
    for (const t of targs)
        h = mix(h, typeHash(t, 0));
    return h;
}
/**
 * A structural hash consistent with `identical` (identical types hash
 * equally). Deep or hard-to-normalise parts (interfaces, generic signatures,
 * anything past depth 6) contribute only a constant.
 */
export function typeHash(t, depth) {
    if (depth > 6)
        return 7;
    const d = depth + 1;
    switch (t.tag) {
        case 1 /* TypeTag.Basic */:
            return mix(1, t.kind);
        case 2 /* TypeTag.Pointer */:
            return mix(2, typeHash(t.base, d));
        case 3 /* TypeTag.Array */: {
            const a = t;
            return mix(mix(3, a.len < 0 ? 0 : a.len), typeHash(a.elem, d)); // unknown length must not matter
        }
        case 4 /* TypeTag.Slice */:
            return mix(4, typeHash(t.elem, d));
        case 5 /* TypeTag.Struct */: {
            let h = 5;
            for (const f of t.fields)
                h = mix(h, typeHash(f.typ(), d));
            return h;
        }
        case 6 /* TypeTag.Tuple */: {
            let h = 6;
            for (const v of t.vars)
                h = mix(h, typeHash(v.typ(), d));
            return h;
        }
        case 7 /* TypeTag.Signature */: {
            const s = t;
            let h = mix(mix(8, s.params.vars.length), s.results.vars.length);
            h = mix(h, s.variadic ? 1 : 0);
            if (s.tparams.length > 0)
                return mix(h, s.tparams.length);
            for (const v of s.params.vars)
                h = mix(h, typeHash(v.typ(), d));
            for (const v of s.results.vars)
                h = mix(h, typeHash(v.typ(), d));
            return h;
        }
        case 8 /* TypeTag.Interface */: {
            const s = computeInterfaceTypeSet(t);
            return mix(mix(9, s.methods.length), s.comparable ? 1 : 0);
        }
        case 9 /* TypeTag.Union */:
            return 10;
        case 10 /* TypeTag.Map */:
            return mix(mix(11, typeHash(t.key, d)), typeHash(t.elem, d));
        case 11 /* TypeTag.Chan */:
            return mix(mix(12, t.dir), typeHash(t.elem, d));
        case 12 /* TypeTag.Named */: {
            const n = t;
            if (n.targs.length === 0)
                return mix(13, objHashId(n.obj));
            let h = mix(14, n.orig.id);
            for (const a of n.targs)
                h = mix(h, typeHash(a, d));
            return h;
        }
        case 13 /* TypeTag.TypeParam */:
            return mix(15, t.id);
    }
    return 0;
}
// ---------------------------------------------------------------------------
// Instances
/** Context in which each Named instance was created (used when it is expanded). */
const instanceContexts = new WeakMap();
/** Source position of the instantiation that created each Named instance (types2 gives instances their own TypeName there). */
const instancePositions = new WeakMap();
/** Where instance n was first created (its "declaration" in cycle errors), or its origin's position. */
export function instancePos(n) {
    return instancePositions.get(n) ?? n.obj.pos;
}
/** Environment used while expanding instances lazily (set by the checker for its package). */
let expansionEnv = null;
/**
 * Sets the checker environment used for lazy expansion of Named instances
 * (so method signatures can be declared on demand). Pass null when done.
 */
export function setExpansionEnv(env) {
    expansionEnv = env;
}
const defaultContext = new Context();
/**
 * The instance orig[targs] (a Named or a non-generic Signature), re-using an
 * identical earlier one from ctxt. `expanding` is the instance whose
 * expansion triggered this (its context is preferred, keeping cycles
 * closed). Named instances are expanded lazily. Does not check constraints.
 */
export function instance(orig, targs, expanding, ctxt, env = null, pos = NoPos) {
    const local = expanding !== null ? instanceContexts.get(expanding) ?? null : null;
    const c = ctxt ?? local ?? (env !== null ? env.context() : defaultContext);
    if (local !== null && local !== c) {
        const inst = local.lookup(orig, targs);
        if (inst !== null)
            return c.update(orig, targs, inst);
    }
    const found = c.lookup(orig, targs);
    if (found !== null)
        return found;
    if (orig instanceof Named) {
        const n = Named.newInstance(orig, targs.slice());
        instanceContexts.set(n, local ?? c);
        if (pos !== NoPos)
            instancePositions.set(n, pos);
        const res = c.update(orig, targs, n);
        if (local !== null && local !== c)
            local.update(orig, targs, res);
        return res;
    }
    const tparams = orig.tparams;
    if (!validateTArgLen(env, pos, tparams.length, targs.length))
        return Typ[0 /* BasicKind.Invalid */];
    if (tparams.length === 0)
        return orig;
    let sig = subst(orig, makeSubstMap(tparams, targs), env, null, c, pos);
    // subst returns orig itself when no parameter is used: copy before clearing tparams
    if (sig === orig)
        sig = copySignature(orig);
    sig.tparams = [];
    return c.update(orig, targs, sig);
}
/**
 * Reports "got N arguments but M type parameters" (gc's wording) and
 * returns false if the counts differ.
 */
export function validateTArgLen(env, pos, ntparams, ntargs) {
    if (ntargs !== ntparams) {
        envError(env, pos, `got ${ntargs} arguments but ${ntparams} type parameters`);
        return false;
    }
    return true;
}
/**
 * Checks targs against the constraints of tparams (constraints are first
 * instantiated with targs, as they may mention the parameters). Returns
 * null, or the index of the first failing argument and the message
 * ("string does not implement C (string missing in ~int)").
 */
export function verify(env, pos, tparams, targs, ctxt = null) {
    const smap = makeSubstMap(tparams, targs);
    for (let i = 0; i < tparams.length && i < targs.length; i++) {
        const tpar = tparams[i];
        // A non-interface constraint (P ~int, P *int) is checked as its implicit interface.
        const b0 = tpar.bound.underlying() instanceof Interface ? tpar.bound : tpar.iface();
        const bound = subst(b0, smap, env, null, ctxt, pos);
        const cause = implementsCause(env, targs[i], bound);
        if (cause !== null)
            return { index: i, cause };
    }
    return null;
}
/**
 * The API entry point (types2 Instantiate): instantiates a generic Named or
 * Signature. With `validate`, checks the argument count ("got 2 type
 * arguments but T[P any] has 1 type parameters") and the constraints.
 */
export function instantiate(ctxt, orig, targs, validate) {
    const c = ctxt ?? new Context();
    if (validate) {
        const tparams = orig instanceof Named ? orig.orig.tparams : orig.tparams;
        if (targs.length !== tparams.length) {
            return {
                type: null,
                error: `got ${targs.length} type arguments but ${typeString(orig, null)} has ${tparams.length} type parameters`,
                index: -1,
            };
        }
        const v = verify(null, NoPos, tparams, targs, c);
        if (v !== null)
            return { type: null, error: v.cause, index: v.index };
    }
    return { type: instance(orig, targs, null, c), error: null, index: -1 };
}
// ---------------------------------------------------------------------------
// Lazy expansion of Named instances
function contextFor(n) {
    let c = instanceContexts.get(n);
    if (c === undefined) {
        c = expansionEnv !== null ? expansionEnv.context() : defaultContext;
        instanceContexts.set(n, c);
    }
    return c;
}
/** The underlying type of instance n: orig's underlying with the type arguments substituted. */
export function expandUnderlying(n) {
    const orig = n.orig;
    const targs = n.targs;
    if (orig.tparams.length !== targs.length)
        return Typ[0 /* BasicKind.Invalid */];
    const ou = orig.underlying();
    const ctxt = contextFor(n);
    // n stands for orig[targs] while its own underlying type is computed
    ctxt.update(orig, targs, n);
    const smap = makeSubstMap(orig.tparams, targs);
    let u = subst(ou, smap, expansionEnv, n, ctxt);
    if (u instanceof Interface) {
        // interface methods' receivers must be the instance, not the origin
        const [methods, copied] = replaceRecvType(u.methods, orig, n);
        if (copied) {
            if (u === ou) {
                const iface = new Interface(methods, u.embeddeds);
                iface.implicit = u.implicit;
                iface.complete = u.complete;
                iface.embedPos = u.embedPos;
                u = iface;
            }
            else {
                u.methods = methods;
            }
        }
    }
    return u;
}
/** Method i of instance n, with its receiver and signature instantiated. */
export function expandMethod(n, i) {
    const origm = n.orig.methods[i];
    if (expansionEnv !== null)
        expansionEnv.objDecl(origm);
    const origSig = origm.type;
    if (!(origSig instanceof Signature) || origSig.recv === null)
        return origm;
    const [rbase] = deref(origSig.recv.typ());
    if (rbase === n)
        return origm; // the origin's own method
    let sig = origSig;
    if (origSig.rparams.length === n.targs.length && n.targs.length > 0) {
        const smap = makeSubstMap(origSig.rparams, n.targs);
        sig = subst(origSig, smap, expansionEnv, n, contextFor(n), origm.pos);
    }
    if (sig === origSig)
        sig = copySignature(origSig);
    const rtyp = funcHasPtrRecv(origm) ? new Pointer(n) : n;
    sig.recv = substVar(origSig.recv, rtyp);
    return substFunc(origm, sig);
}
setNamedExpander({ expandUnderlying, expandMethod });
