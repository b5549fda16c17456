import { instancePos } from "./instantiate.js";
import { Array, Basic, Interface, Named, Struct, TypeParam, Typ, Union } from "./type.js";
import { identical } from "./predicates.js";
import { qualifiedName } from "./typestring.js";
/** Named types known to be valid, per checker (env), by origin. */
const validsByEnv = new WeakMap();
const validsNoEnv = new Map();
function validsFor(env) {
    if (env === null)
        return validsNoEnv;
    let m = validsByEnv.get(env);
    if (m === undefined) {
        m = new Map();
        validsByEnv.set(env, m);
    }
    return m;
}
function lookupValid(valids, t) {
    const list = valids.get(t.orig);
    if (list === undefined)
        return false;
    for (const x of list)
        if (x === t || identical(x, t))
            return true;
    return false;
}
function addValid(valids, t) {
    const list = valids.get(t.orig);
    if (list === undefined)
        valids.set(t.orig, [t]);
    else
        list.push(t);
}
/**
 * Checks that the declared (or instantiated) type t is not invalidly
 * recursive, reporting "invalid recursive type" through env and marking the
 * offending type invalid. Returns whether t is valid.
 */
export function validType(env, t) {
    return validType0(env, validsFor(env), t, [], []);
}
function validType0(env, valids, typ, nest, path) {
    if (typ instanceof Array)
        return validType0(env, valids, typ.elem, nest, path);
    if (typ instanceof Struct) {
        for (const f of typ.fields) {
            if (f.type !== null && !validType0(env, valids, f.type, nest, path))
                return false;
        }
        return true;
    }
    if (typ instanceof Union) {
        for (const t of typ.terms) {
            if (t.type !== null && !validType0(env, valids, t.type, nest, path))
                return false;
        }
        return true;
    }
    if (typ instanceof Interface) {
        for (const e of typ.embeddeds)
            if (!validType0(env, valids, e, nest, path))
                return false;
        return true;
    }
    if (typ instanceof Named) {
        if (lookupValid(valids, typ))
            return true;
        const u = typ.underlying();
        if (u instanceof Basic && u.kind === 0 /* BasicKind.Invalid */)
            return false;
        // A cycle: typ is being expanded further up the nest.
        for (const e of nest) {
            if (e === typ || identical(e, typ)) {
                if (typ.orig === typ)
                    typ.setUnderlying(Typ[0 /* BasicKind.Invalid */]);
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
            if (!ok)
                return false;
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
function cycleEntry(n) {
    if (n.orig === n)
        return n.obj;
    return { pos: instancePos(n), pkg: n.obj.pkg, name: n.obj.name };
}
/**
 * The parts of gc's cycle error for the given cycle of type names, starting
 * at the one declared first in the source.
 */
export function cycleErrorParts(env, cycle) {
    const qf = env !== null ? env.qf : null;
    const name = (o) => qualifiedName(o.pkg, o.name, qf);
    let i = 0;
    for (let k = 1; k < cycle.length; k++)
        if (cycle[k].pos < cycle[i].pos)
            i = k;
    let obj = cycle[i];
    const parts = [{ pos: obj.pos, msg: `invalid recursive type ${name(obj)}` }];
    for (let k = 0; k < cycle.length; k++) {
        parts.push({ pos: obj.pos, msg: `${name(obj)} refers to` });
        i = (i + 1) % cycle.length;
        obj = cycle[i];
    }
    parts.push({ pos: obj.pos, msg: name(obj) });
    return parts;
}
function reportCycle(env, cycle) {
    if (env === null)
        return;
    env.report(cycleErrorParts(env, cycle), false);
}
