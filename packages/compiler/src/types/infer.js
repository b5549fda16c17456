import { NoPos } from "../syntax/position.js";
import { nodePos } from "../syntax/ast.js";
import { exprString } from "../syntax/printer.js";
import { TypeName } from "./object.js";
import { Term, TypeParam, } from "./type.js";
import { coreType, defaultType, hasName, isTyped } from "./predicates.js";
import { computeInterfaceTypeSet, envError, typeSetIs } from "./typeset.js";
import { makeSubstMap, subst } from "./subst.js";
import { tparamIndex, Unifier } from "./unify.js";
import { typeString } from "./typestring.js";
/** Normalises an argument: invalid operands (mode 0) have a null type. */
function argView(a) {
    if ("pos" in a)
        return a;
    const e = a.expr;
    return {
        type: a.mode === 0 ? null : a.type,
        pos: e !== null ? nodePos(e) : NoPos,
        expr: e !== null ? exprString(e) : "",
    };
}
/**
 * Infers the missing type arguments of tparams. `targs` are the explicit
 * ones (a prefix, possibly shorter than tparams; null entries allowed).
 * `params` are the generic function's parameters and `args` the call's
 * arguments (same length; params may be null for a bare partial
 * instantiation). `selfTParams` are the type parameters of the function
 * being checked, if any: a recursive call of a generic function renames its
 * parameters first so they are not confused with the caller's.
 * Returns the complete list, or null after reporting an error through env.
 */
export function infer(env, pos, tparams, targs, params, argsIn, selfTParams = null) {
    const args = argsIn.map(argView);
    const n = tparams.length;
    if (n === 0)
        return [];
    if (targs.length === n && targs.every((t) => t !== null))
        return targs;
    const qf = env !== null ? env.qf : null;
    const ts = (t) => typeString(t, qf);
    let ptypes = params !== null ? params.vars.map((v) => v.typ()) : [];
    // Recursive call of the generic function being checked: infer fresh
    // copies of its type parameters (f[T] calling f(x) with x of type T must
    // not unify T with itself).
    let selfRecursive = selfTParams !== null && selfTParams.length > 0 && tparams[0] === selfTParams[0];
    if (!selfRecursive) {
        // Without the caller's help: an argument whose type mentions the
        // parameters being inferred can only come from inside the function.
        for (const a of args) {
            if (a.type !== null && isParameterized(tparams, a.type)) {
                selfRecursive = true;
                break;
            }
        }
    }
    if (selfRecursive) {
        const fresh = tparams.map((tp) => {
            const tn = new TypeName(tp.obj.pos, tp.obj.pkg, tp.obj.name, null);
            const np = new TypeParam(tn, tp.bound);
            tn.type = np;
            np.index = tp.index;
            return np;
        });
        const rename = makeSubstMap(tparams, fresh);
        for (let i = 0; i < n; i++)
            fresh[i].bound = subst(tparams[i].bound, rename, env);
        ptypes = ptypes.map((t) => subst(t, rename, env));
        tparams = fresh;
    }
    // Arguments of defined types go first (their names should win).
    let order = args.map((_, i) => i);
    if (args.length >= 2) {
        const named = [];
        const unnamed = [];
        for (let i = 0; i < args.length; i++) {
            const t = args[i].type;
            if (t !== null && hasName(t))
                named.push(i);
            else
                unnamed.push(i);
        }
        if (named.length > 0 && unnamed.length > 0)
            order = named.concat(unnamed);
    }
    const given = [];
    for (let i = 0; i < n; i++)
        given.push(i < targs.length ? targs[i] ?? null : null);
    // substitute the explicitly given type arguments into the parameter types
    if (ptypes.length > 0 && given.some((t) => t !== null)) {
        const smap = makeSubstMap(tparams, given);
        ptypes = ptypes.map((t) => subst(t, smap, env));
    }
    const u = new Unifier(tparams, false, false);
    for (let i = 0; i < n; i++) {
        const t = given[i];
        if (t !== null)
            u.set(i, t);
    }
    const errorf = (kind, tpar, targ, arg) => {
        const [inferred, index] = u.inferred();
        if (index === 0 && inferred.every((t) => t === null)) {
            envError(env, arg.pos, `${kind} ${ts(targ)} of ${arg.expr} does not match ${ts(tpar)} (cannot infer ${typeParamsString(tparams)})`);
            return;
        }
        const inf = subst(tpar, makeSubstMap(tparams, inferred), env);
        if (inf !== tpar) {
            envError(env, arg.pos, `${kind} ${ts(targ)} of ${arg.expr} does not match inferred type ${ts(inf)} for ${ts(tpar)}`);
        }
        else {
            envError(env, arg.pos, `${kind} ${ts(targ)} of ${arg.expr} does not match ${ts(tpar)}`);
        }
    };
    // 1. function argument type inference with typed arguments
    const untypedIdx = [];
    for (const i of order) {
        if (i >= ptypes.length)
            continue;
        const arg = args[i];
        const ptyp = ptypes[i];
        if (!isParameterized(tparams, ptyp))
            continue;
        const atyp = arg.type;
        if (atyp === null)
            continue;
        if (isTyped(atyp)) {
            if (!u.unify(ptyp, atyp)) {
                errorf("type", ptyp, atyp, arg);
                return null;
            }
        }
        else if (ptyp instanceof TypeParam) {
            // untyped argument for a bare type parameter: decided by its default type later
            untypedIdx.push(i);
        }
    }
    let [result, index] = u.inferred();
    if (index < 0)
        return result;
    // 2. constraint type inference
    let b = inferB(env, pos, tparams, result);
    if (b === null)
        return null;
    [result, index] = b;
    if (index < 0)
        return result;
    // 3. default types for untyped constant arguments
    for (const i of untypedIdx) {
        const tpar = ptypes[i];
        const k = tparamIndex(tparams, tpar);
        if (k >= 0 && result[k] === null) {
            const arg = args[i];
            const targ = defaultType(arg.type);
            if (isTyped(targ) && !u.unify(tpar, targ)) {
                errorf("default type", tpar, targ, arg);
                return null;
            }
        }
    }
    [result, index] = u.inferred();
    if (index < 0)
        return result;
    b = inferB(env, pos, tparams, result);
    if (b === null)
        return null;
    [result, index] = b;
    if (index < 0)
        return result;
    const tpar = tparams[index];
    envError(env, pos, `cannot infer ${tpar.obj.name} (${env !== null ? env.posString(tpar.obj.pos) : String(tpar.obj.pos)})`);
    return null;
}
/** "P", "P and Q", "P, Q, and R" (gc's list of type parameter names). */
export function typeParamsString(list) {
    const n = list.length;
    if (n === 0)
        return "";
    if (n === 1)
        return list[0].obj.name;
    if (n === 2)
        return list[0].obj.name + " and " + list[1].obj.name;
    let s = "";
    for (let i = 0; i < n - 1; i++) {
        if (i > 0)
            s += ", ";
        s += list[i].obj.name;
    }
    return s + ", and " + list[n - 1].obj.name;
}
/** typ mentions one of tparams. */
export function isParameterized(tparams, typ) {
    return new TPWalker(tparams).walk(typ);
}
class TPWalker {
    tparams;
    seen = new Map();
    constructor(tparams) {
        this.tparams = tparams;
    }
    walk(typ) {
        const s = this.seen.get(typ);
        if (s !== undefined)
            return s;
        this.seen.set(typ, false); // cycles are "not parameterised" until proven otherwise
        const r = this.walk0(typ);
        this.seen.set(typ, r);
        return r;
    }
    walk0(typ) {
        switch (typ.tag) {
            case 1 /* TypeTag.Basic */:
                return false;
            case 3 /* TypeTag.Array */:
                return this.walk(typ.elem);
            case 4 /* TypeTag.Slice */:
                return this.walk(typ.elem);
            case 5 /* TypeTag.Struct */:
                for (const f of typ.fields)
                    if (this.walk(f.typ()))
                        return true;
                return false;
            case 2 /* TypeTag.Pointer */:
                return this.walk(typ.base);
            case 6 /* TypeTag.Tuple */:
                for (const v of typ.vars)
                    if (this.walk(v.typ()))
                        return true;
                return false;
            case 7 /* TypeTag.Signature */: {
                // type parameters of a generic signature are its own business
                const s = typ;
                return this.walk(s.params) || this.walk(s.results);
            }
            case 8 /* TypeTag.Interface */: {
                const tset = computeInterfaceTypeSet(typ);
                for (const m of tset.methods)
                    if (this.walk(m.typ()))
                        return true;
                // true iff some specific term is parameterised
                return !typeSetIs(tset, (t) => t === null || t.type === null || !this.walk(t.type));
            }
            case 9 /* TypeTag.Union */:
                for (const t of typ.terms)
                    if (t.type !== null && this.walk(t.type))
                        return true;
                return false;
            case 10 /* TypeTag.Map */:
                return this.walk(typ.key) || this.walk(typ.elem);
            case 11 /* TypeTag.Chan */:
                return this.walk(typ.elem);
            case 12 /* TypeTag.Named */:
                for (const a of typ.targs)
                    if (this.walk(a))
                        return true;
                return false;
            case 13 /* TypeTag.TypeParam */:
                return tparamIndex(this.tparams, typ) >= 0;
        }
        return false;
    }
}
/**
 * The single term of tpar's constraint if it has exactly one specific term
 * ([term, true]), else a term made of its core type ([~core or core,
 * false]), else [null, false].
 */
export function coreTerm(tpar) {
    let n = 0;
    let single = null;
    let tilde = false;
    typeSetIs(computeInterfaceTypeSet(tpar.iface()), (t) => {
        if (t === null)
            return false;
        n++;
        single = t;
        if (t.tilde)
            tilde = true;
        return true;
    });
    if (n === 1 && single !== null)
        return [single, true];
    const core = coreType(tpar);
    if (core !== null)
        return [new Term(tilde, core), false];
    return [null, false];
}
/**
 * Constraint type inference: starting from the known targs (null =
 * unknown), unifies each type parameter with the core type of its
 * constraint until no more progress is made, then substitutes the inferred
 * types into each other. Returns the types and the index of the first
 * still-unknown one (-1 if all known), or null after an error.
 */
export function inferB(env, pos, tparams, targs) {
    const qf = env !== null ? env.qf : null;
    const u = new Unifier(tparams, false, true);
    for (let i = 0; i < targs.length; i++) {
        const t = targs[i];
        if (t !== null)
            u.set(i, t);
    }
    let n = u.unknowns();
    while (n > 0) {
        let nn = n;
        for (let i = 0; i < tparams.length; i++) {
            const tpar = tparams[i];
            const [core, single] = coreTerm(tpar);
            if (core === null || core.type === null)
                continue;
            let tx = u.at(i);
            if (tx !== null) {
                // the inferred type must match the core type (its underlying type, for ~core)
                if (core.tilde && !(tx instanceof TypeParam))
                    tx = tx.underlying();
                if (!u.unify(tx, core.type)) {
                    envError(env, pos, `${typeString(tpar, qf)} does not match ${core.tilde ? "~" : ""}${typeString(core.type, qf)}`);
                    return null;
                }
            }
            else if (single && !core.tilde) {
                // a single specific type: that is the type argument
                u.set(i, core.type);
            }
            else {
                continue;
            }
            nn = u.unknowns();
            if (nn === 0)
                break;
        }
        if (nn === n)
            break; // no progress
        n = nn;
    }
    const [types] = u.inferred();
    // A type that refers to its own parameter (P = []P) can never be made
    // complete by substitution: forget it.
    killCycles(tparams, types);
    // Substitute inferred types into each other until nothing changes.
    let dirty = [];
    for (let i = 0; i < types.length; i++) {
        if (types[i] !== null && (i >= targs.length || targs[i] === null))
            dirty.push(i);
    }
    while (dirty.length > 0) {
        const smap = makeSubstMap(tparams, types);
        const still = [];
        for (const i of dirty) {
            const t0 = types[i];
            const t1 = subst(t0, smap, env);
            if (t1 !== t0) {
                types[i] = t1;
                still.push(i);
            }
        }
        dirty = still;
    }
    // Anything still mentioning the parameters is not a usable result.
    for (let i = 0; i < types.length; i++) {
        const t = types[i];
        if (t !== null && isParameterized(tparams, t))
            types[i] = null;
    }
    let index = -1;
    for (let i = 0; i < types.length; i++) {
        if (types[i] === null) {
            index = i;
            break;
        }
    }
    return [types, index];
}
/** Sets types[i] to null for each parameter whose inferred type reaches itself. */
function killCycles(tparams, types) {
    const onPath = new Set();
    const walk = (typ) => {
        if (onPath.has(typ)) {
            if (typ instanceof TypeParam) {
                const i = tparamIndex(tparams, typ);
                if (i >= 0)
                    types[i] = null;
            }
            return;
        }
        onPath.add(typ);
        switch (typ.tag) {
            case 3 /* TypeTag.Array */:
                walk(typ.elem);
                break;
            case 4 /* TypeTag.Slice */:
                walk(typ.elem);
                break;
            case 5 /* TypeTag.Struct */:
                for (const f of typ.fields)
                    walk(f.typ());
                break;
            case 2 /* TypeTag.Pointer */:
                walk(typ.base);
                break;
            case 7 /* TypeTag.Signature */: {
                const s = typ;
                for (const v of s.params.vars)
                    walk(v.typ());
                for (const v of s.results.vars)
                    walk(v.typ());
                break;
            }
            case 9 /* TypeTag.Union */:
                for (const t of typ.terms)
                    if (t.type !== null)
                        walk(t.type);
                break;
            case 8 /* TypeTag.Interface */: {
                const it = typ;
                for (const m of it.methods)
                    walk(m.typ());
                for (const e of it.embeddeds)
                    walk(e);
                break;
            }
            case 10 /* TypeTag.Map */:
                walk(typ.key);
                walk(typ.elem);
                break;
            case 11 /* TypeTag.Chan */:
                walk(typ.elem);
                break;
            case 12 /* TypeTag.Named */:
                for (const a of typ.targs)
                    walk(a);
                break;
            case 13 /* TypeTag.TypeParam */: {
                const i = tparamIndex(tparams, typ);
                const t = i >= 0 ? types[i] : null;
                if (t !== null)
                    walk(t);
                break;
            }
        }
        onPath.delete(typ);
    };
    for (const tp of tparams)
        walk(tp);
}
/** Helper for callers: the parameter tuple of a generic signature as InferArg-ready types. */
export function paramTypes(sig) {
    return sig.params.vars.map((v) => v.typ());
}
