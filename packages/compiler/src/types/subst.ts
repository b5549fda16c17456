/**
 * Type parameter substitution (types2's subst.go).
 *
 * subst(t, smap) returns t with every type parameter P in smap replaced by
 * smap.get(P). Types that contain no substituted parameter are returned
 * unchanged (===), so callers can detect "nothing happened" cheaply and no
 * memory is spent on unchanged subtrees. Named instances whose type arguments
 * change are re-instantiated through instantiate.ts's `instance` (which
 * de-duplicates through a Context, so `T[P]` inside the expansion of `T[int]`
 * becomes that very instance and recursive types stay finite).
 */
import type { Pos } from "../syntax/position.js";
import { NoPos } from "../syntax/position.js";
import { Func, Var } from "./object.js";
import {
  Array,
  Basic,
  Chan,
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
  BasicKind,
  Union,
  type Type,
} from "./type.js";
import type { AlgebraEnv } from "./typeset.js";
import { Context, instance } from "./instantiate.js";

/** Type parameter → type argument. */
export type SubstMap = Map<TypeParam, Type>;

/** The map tpars[i] → targs[i] (targs[i] may be null: that parameter is left alone). */
export function makeSubstMap(tpars: readonly TypeParam[], targs: readonly (Type | null)[]): SubstMap {
  const m: SubstMap = new Map();
  const n = Math.min(tpars.length, targs.length);
  for (let i = 0; i < n; i++) {
    const t = targs[i];
    if (t !== null && t !== undefined) m.set(tpars[i], t);
  }
  return m;
}

/**
 * Substitutes type parameters in typ according to smap. `expanding` is the
 * Named instance whose underlying type is being computed (if any); `ctxt`
 * de-duplicates new instances (defaults to env's context, or a fresh one).
 */
export function subst(
  typ: Type,
  smap: SubstMap,
  env: AlgebraEnv | null,
  expanding: Named | null = null,
  ctxt: Context | null = null,
  pos: Pos = NoPos,
): Type {
  if (smap.size === 0) return typ;
  if (typ instanceof Basic) return typ;
  if (typ instanceof TypeParam) return smap.get(typ) ?? typ;
  const s = new Subster(smap, env, expanding, ctxt, pos);
  return s.typ(typ);
}

/** A copy of v with type typ, remembering v's origin. */
export function substVar(v: Var, typ: Type): Var {
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
export function substFunc(f: Func, typ: Signature): Func {
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
export function copySignature(sig: Signature): Signature {
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
export function replaceRecvType(list: Func[], old: Type, nu: Type): [Func[], boolean] {
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
  constructor(
    readonly smap: SubstMap,
    readonly env: AlgebraEnv | null,
    readonly expanding: Named | null,
    private ctxt: Context | null,
    readonly pos: Pos,
  ) {}

  context(): Context {
    let c = this.ctxt;
    if (c === null) c = this.ctxt = this.env !== null ? this.env.context() : new Context();
    return c;
  }

  typ(typ: Type): Type {
    switch (typ.tag) {
      case TypeTag.Basic:
        return typ;

      case TypeTag.Array: {
        const t = typ as Array;
        const elem = this.typ(t.elem);
        return elem !== t.elem ? new Array(elem, t.len) : t;
      }

      case TypeTag.Slice: {
        const t = typ as Slice;
        const elem = this.typ(t.elem);
        return elem !== t.elem ? new Slice(elem) : t;
      }

      case TypeTag.Struct: {
        const t = typ as Struct;
        const fields = this.varList(t.fields);
        return fields !== t.fields ? new Struct(fields, t.tags) : t;
      }

      case TypeTag.Pointer: {
        const t = typ as Pointer;
        const base = this.typ(t.base);
        return base !== t.base ? new Pointer(base) : t;
      }

      case TypeTag.Tuple:
        return this.tuple(typ as Tuple);

      case TypeTag.Signature: {
        // The receiver is left alone (it would recur into the method's own
        // receiver type); type parameters of a generic signature are kept
        // (substituting them is the caller's business).
        const t = typ as Signature;
        const params = this.tuple(t.params);
        const results = this.tuple(t.results);
        if (params === t.params && results === t.results) return t;
        const s = new Signature(t.recv, params, results, t.variadic);
        s.rparams = t.rparams;
        s.tparams = t.tparams;
        return s;
      }

      case TypeTag.Union: {
        const t = typ as Union;
        let out: Term[] | null = null;
        for (let i = 0; i < t.terms.length; i++) {
          const term = t.terms[i];
          if (term.type === null) continue;
          const u = this.typ(term.type);
          if (u !== term.type) {
            if (out === null) out = t.terms.slice();
            out[i] = new Term(term.tilde, u);
          }
        }
        return out !== null ? new Union(out) : t;
      }

      case TypeTag.Interface: {
        const t = typ as Interface;
        const methods = this.funcList(t.methods);
        const embeddeds = this.typeList(t.embeddeds);
        if (methods === t.methods && embeddeds === t.embeddeds) return t;
        const iface = new Interface([], embeddeds);
        iface.implicit = t.implicit;
        iface.complete = t.complete;
        iface.methods = replaceRecvType(methods, t, iface)[0];
        return iface;
      }

      case TypeTag.Map: {
        const t = typ as MapType;
        const key = this.typ(t.key);
        const elem = this.typ(t.elem);
        return key !== t.key || elem !== t.elem ? new MapType(key, elem) : t;
      }

      case TypeTag.Chan: {
        const t = typ as Chan;
        const elem = this.typ(t.elem);
        return elem !== t.elem ? new Chan(t.dir, elem) : t;
      }

      case TypeTag.Named: {
        const t = typ as Named;
        const orig = t.orig;
        const n = orig.tparams.length;
        if (n === 0) return t; // not parameterized
        const targs = t.targs;
        if (targs.length !== n) return Typ[BasicKind.Invalid]; // error reported elsewhere
        let newTArgs: Type[] | null = null;
        for (let i = 0; i < n; i++) {
          const targ = targs[i];
          const nt = this.typ(targ);
          if (nt !== targ) {
            if (newTArgs === null) newTArgs = targs.slice();
            newTArgs[i] = nt;
          }
        }
        if (newTArgs === null) return t;
        return instance(orig, newTArgs, this.expanding, this.context(), this.env, this.pos);
      }

      case TypeTag.TypeParam:
        return this.smap.get(typ as TypeParam) ?? typ;
    }
    return typ;
  }

  private tuple(t: Tuple): Tuple {
    const vars = this.varList(t.vars);
    return vars !== t.vars ? new Tuple(vars) : t;
  }

  private varList(list: Var[]): Var[] {
    let out = list;
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      const vt = v.type;
      if (vt === null) continue;
      const nt = this.typ(vt);
      if (nt !== vt) {
        if (out === list) out = list.slice();
        out[i] = substVar(v, nt);
      }
    }
    return out;
  }

  private funcList(list: Func[]): Func[] {
    let out = list;
    for (let i = 0; i < list.length; i++) {
      const f = list[i];
      const ft = f.type;
      if (ft === null) continue;
      const nt = this.typ(ft);
      if (nt !== ft) {
        if (out === list) out = list.slice();
        out[i] = substFunc(f, nt as Signature);
      }
    }
    return out;
  }

  private typeList(list: Type[]): Type[] {
    let out = list;
    for (let i = 0; i < list.length; i++) {
      const t = list[i];
      const nt = this.typ(t);
      if (nt !== t) {
        if (out === list) out = list.slice();
        out[i] = nt;
      }
    }
    return out;
  }
}
