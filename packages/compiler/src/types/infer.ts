/**
 * Type argument inference for generic function calls and partial
 * instantiations (types2's infer.go, Go 1.19 semantics).
 *
 * infer() fills in missing type arguments in three rounds:
 *   1. function argument type inference: each typed argument is unified
 *      with its parameter type (arguments of defined types first, so
 *      `f(myInts, []int{})` infers the named type);
 *   2. constraint type inference (inferB): a type parameter whose
 *      constraint has a core type (`S ~[]E`) is unified with it, binding
 *      the other parameters in it, repeated until nothing changes; inferred
 *      types are then substituted into each other until stable;
 *   3. untyped constant arguments whose parameter is a bare type parameter
 *      are given their default type (untyped 1 → int), followed by another
 *      round of constraint type inference.
 * Any parameter still unknown gives "cannot infer P (pos)".
 *
 * Error messages are gc's: "type []string of s does not match []E (cannot
 * infer E)", "default type string of "a" does not match inferred type int
 * for P", "T does not match ~[]E".
 */
import type { Pos } from "../syntax/position.js";
import { NoPos } from "../syntax/position.js";
import { nodePos } from "../syntax/ast.js";
import { exprString } from "../syntax/printer.js";
import type { Operand } from "./operand.js";
import { TypeName, Var } from "./object.js";
import {
  Array,
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
  Union,
  type Type,
} from "./type.js";
import { coreType, defaultType, hasName, isTyped } from "./predicates.js";
import { computeInterfaceTypeSet, envError, typeSetIs, type AlgebraEnv } from "./typeset.js";
import { makeSubstMap, subst } from "./subst.js";
import { tparamIndex, Unifier } from "./unify.js";
import { typeString } from "./typestring.js";

/** One call argument as inference sees it. */
export interface InferArg {
  /** the argument's type (untyped constant types allowed); null if the argument is invalid */
  type: Type | null;
  /** where to report a mismatch */
  pos: Pos;
  /** the argument expression's source text, for messages */
  expr: string;
}

/** A call argument: the checker's Operand, or a plain InferArg (tests, other callers). */
export type InferArgLike = InferArg | Operand;

/** Normalises an argument: invalid operands (mode 0) have a null type. */
function argView(a: InferArgLike): InferArg {
  if ("pos" in a) return a;
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
export function infer(
  env: AlgebraEnv | null,
  pos: Pos,
  tparams: readonly TypeParam[],
  targs: readonly (Type | null)[],
  params: Tuple | null,
  argsIn: readonly InferArgLike[],
  selfTParams: readonly TypeParam[] | null = null,
): Type[] | null {
  const args = argsIn.map(argView);
  const n = tparams.length;
  if (n === 0) return [];
  if (targs.length === n && targs.every((t) => t !== null)) return targs as Type[];
  const qf = env !== null ? env.qf : null;
  const ts = (t: Type) => typeString(t, qf);
  let ptypes: Type[] = params !== null ? params.vars.map((v) => v.typ()) : [];

  // Recursive call of the generic function being checked: infer fresh
  // copies of its type parameters (f[T] calling f(x) with x of type T must
  // not unify T with itself).
  let selfRecursive = selfTParams !== null && selfTParams.length > 0 && tparams[0] === selfTParams[0];
  if (!selfRecursive) {
    // Without the caller's help: an explicit type argument or an argument
    // whose type mentions the parameters being inferred can only come from
    // inside the function (elsewhere they are out of scope).
    const mentions = (t: Type | null): boolean => t !== null && isParameterized(tparams, t);
    selfRecursive = targs.some(mentions) || args.some((a) => mentions(a.type));
  }
  if (selfRecursive) {
    const fresh: TypeParam[] = tparams.map((tp) => {
      const tn = new TypeName(tp.obj.pos, tp.obj.pkg, tp.obj.name, null);
      const np = new TypeParam(tn, tp.bound);
      tn.type = np;
      np.index = tp.index;
      return np;
    });
    const rename = makeSubstMap(tparams, fresh);
    for (let i = 0; i < n; i++) fresh[i].bound = subst(tparams[i].bound, rename, env);
    ptypes = ptypes.map((t) => subst(t, rename, env));
    tparams = fresh;
  }

  // Arguments of defined types go first (their names should win).
  let order: number[] = args.map((_, i) => i);
  if (args.length >= 2) {
    const named: number[] = [];
    const unnamed: number[] = [];
    for (let i = 0; i < args.length; i++) {
      const t = args[i].type;
      if (t !== null && hasName(t)) named.push(i);
      else unnamed.push(i);
    }
    if (named.length > 0 && unnamed.length > 0) order = named.concat(unnamed);
  }

  const given: (Type | null)[] = [];
  for (let i = 0; i < n; i++) given.push(i < targs.length ? targs[i] ?? null : null);

  // substitute the explicitly given type arguments into the parameter types
  if (ptypes.length > 0 && given.some((t) => t !== null)) {
    const smap = makeSubstMap(tparams, given);
    ptypes = ptypes.map((t) => subst(t, smap, env));
  }

  const u = new Unifier(tparams, false, false);
  for (let i = 0; i < n; i++) {
    const t = given[i];
    if (t !== null) u.set(i, t);
  }

  const errorf = (kind: string, tpar: Type, targ: Type, arg: InferArg): void => {
    const [inferred, index] = u.inferred();
    if (index === 0 && inferred.every((t) => t === null)) {
      envError(
        env,
        arg.pos,
        `${kind} ${ts(targ)} of ${arg.expr} does not match ${ts(tpar)} (cannot infer ${typeParamsString(tparams)})`,
      );
      return;
    }
    const inf = subst(tpar, makeSubstMap(tparams, inferred), env);
    if (inf !== tpar) {
      envError(env, arg.pos, `${kind} ${ts(targ)} of ${arg.expr} does not match inferred type ${ts(inf)} for ${ts(tpar)}`);
    } else {
      envError(env, arg.pos, `${kind} ${ts(targ)} of ${arg.expr} does not match ${ts(tpar)}`);
    }
  };

  // 1. function argument type inference with typed arguments
  const untypedIdx: number[] = [];
  for (const i of order) {
    if (i >= ptypes.length) continue;
    const arg = args[i];
    const ptyp = ptypes[i];
    if (!isParameterized(tparams, ptyp)) continue;
    const atyp = arg.type;
    if (atyp === null) continue;
    if (isTyped(atyp)) {
      if (!u.unify(ptyp, atyp)) {
        errorf("type", ptyp, atyp, arg);
        return null;
      }
    } else if (ptyp instanceof TypeParam) {
      // untyped argument for a bare type parameter: decided by its default type later
      untypedIdx.push(i);
    }
  }

  let [result, index] = u.inferred();
  if (index < 0) return result as Type[];

  // 2. constraint type inference
  let b = inferB(env, pos, tparams, result);
  if (b === null) return null;
  [result, index] = b;
  if (index < 0) return result as Type[];

  // 3. default types for untyped constant arguments
  for (const i of untypedIdx) {
    const tpar = ptypes[i] as TypeParam;
    const k = tparamIndex(tparams, tpar);
    if (k >= 0 && result[k] === null) {
      const arg = args[i];
      const targ = defaultType(arg.type as Type);
      if (isTyped(targ) && !u.unify(tpar, targ)) {
        errorf("default type", tpar, targ, arg);
        return null;
      }
    }
  }
  [result, index] = u.inferred();
  if (index < 0) return result as Type[];

  b = inferB(env, pos, tparams, result);
  if (b === null) return null;
  [result, index] = b;
  if (index < 0) return result as Type[];

  const tpar = tparams[index];
  envError(env, pos, `cannot infer ${tpar.obj.name} (${env !== null ? env.posString(tpar.obj.pos) : String(tpar.obj.pos)})`);
  return null;
}

/** "P", "P and Q", "P, Q, and R" (gc's list of type parameter names). */
export function typeParamsString(list: readonly TypeParam[]): string {
  const n = list.length;
  if (n === 0) return "";
  if (n === 1) return list[0].obj.name;
  if (n === 2) return list[0].obj.name + " and " + list[1].obj.name;
  let s = "";
  for (let i = 0; i < n - 1; i++) {
    if (i > 0) s += ", ";
    s += list[i].obj.name;
  }
  return s + ", and " + list[n - 1].obj.name;
}

/** typ mentions one of tparams. */
export function isParameterized(tparams: readonly TypeParam[], typ: Type): boolean {
  return new TPWalker(tparams).walk(typ);
}

class TPWalker {
  private readonly seen = new Map<Type, boolean>();
  constructor(private readonly tparams: readonly TypeParam[]) {}

  walk(typ: Type): boolean {
    const s = this.seen.get(typ);
    if (s !== undefined) return s;
    this.seen.set(typ, false); // cycles are "not parameterised" until proven otherwise
    const r = this.walk0(typ);
    this.seen.set(typ, r);
    return r;
  }

  private walk0(typ: Type): boolean {
    switch (typ.tag) {
      case TypeTag.Basic:
        return false;
      case TypeTag.Array:
        return this.walk((typ as Array).elem);
      case TypeTag.Slice:
        return this.walk((typ as Slice).elem);
      case TypeTag.Struct:
        for (const f of (typ as Struct).fields) if (this.walk(f.typ())) return true;
        return false;
      case TypeTag.Pointer:
        return this.walk((typ as Pointer).base);
      case TypeTag.Tuple:
        for (const v of (typ as Tuple).vars) if (this.walk(v.typ())) return true;
        return false;
      case TypeTag.Signature: {
        // type parameters of a generic signature are its own business
        const s = typ as Signature;
        return this.walk(s.params) || this.walk(s.results);
      }
      case TypeTag.Interface: {
        const tset = computeInterfaceTypeSet(typ as Interface);
        for (const m of tset.methods) if (this.walk(m.typ())) return true;
        // true iff some specific term is parameterised
        return !typeSetIs(tset, (t) => t === null || t.type === null || !this.walk(t.type));
      }
      case TypeTag.Union:
        for (const t of (typ as Union).terms) if (t.type !== null && this.walk(t.type)) return true;
        return false;
      case TypeTag.Map:
        return this.walk((typ as MapType).key) || this.walk((typ as MapType).elem);
      case TypeTag.Chan:
        return this.walk((typ as Chan).elem);
      case TypeTag.Named:
        for (const a of (typ as Named).targs) if (this.walk(a)) return true;
        return false;
      case TypeTag.TypeParam:
        return tparamIndex(this.tparams, typ as TypeParam) >= 0;
    }
    return false;
  }
}

/**
 * The single term of tpar's constraint if it has exactly one specific term
 * ([term, true]), else a term made of its core type ([~core or core,
 * false]), else [null, false].
 */
export function coreTerm(tpar: TypeParam): [Term | null, boolean] {
  let n = 0;
  let single: Term | null = null;
  let tilde = false;
  typeSetIs(computeInterfaceTypeSet(tpar.iface()), (t) => {
    if (t === null) return false;
    n++;
    single = t;
    if (t.tilde) tilde = true;
    return true;
  });
  if (n === 1 && single !== null) return [single, true];
  const core = coreType(tpar);
  if (core !== null) return [new Term(tilde, core), false];
  return [null, false];
}

/**
 * Constraint type inference: starting from the known targs (null =
 * unknown), unifies each type parameter with the core type of its
 * constraint until no more progress is made, then substitutes the inferred
 * types into each other. Returns the types and the index of the first
 * still-unknown one (-1 if all known), or null after an error.
 */
export function inferB(
  env: AlgebraEnv | null,
  pos: Pos,
  tparams: readonly TypeParam[],
  targs: readonly (Type | null)[],
): [(Type | null)[], number] | null {
  const qf = env !== null ? env.qf : null;
  const u = new Unifier(tparams, false, true);
  for (let i = 0; i < targs.length; i++) {
    const t = targs[i];
    if (t !== null) u.set(i, t);
  }

  let n = u.unknowns();
  while (n > 0) {
    let nn = n;
    for (let i = 0; i < tparams.length; i++) {
      const tpar = tparams[i];
      const [core, single] = coreTerm(tpar);
      if (core === null || core.type === null) continue;
      let tx = u.at(i);
      if (tx !== null) {
        // the inferred type must match the core type (its underlying type, for ~core)
        if (core.tilde && !(tx instanceof TypeParam)) tx = tx.underlying();
        if (!u.unify(tx, core.type)) {
          envError(env, pos, `${typeString(tpar, qf)} does not match ${core.tilde ? "~" : ""}${typeString(core.type, qf)}`);
          return null;
        }
      } else if (single && !core.tilde) {
        // a single specific type: that is the type argument
        u.set(i, core.type);
      } else {
        continue;
      }
      nn = u.unknowns();
      if (nn === 0) break;
    }
    if (nn === n) break; // no progress
    n = nn;
  }

  const [types] = u.inferred();

  // A type that refers to its own parameter (P = []P) can never be made
  // complete by substitution: forget it.
  killCycles(tparams, types);

  // Substitute inferred types into each other until nothing changes.
  let dirty: number[] = [];
  for (let i = 0; i < types.length; i++) {
    if (types[i] !== null && (i >= targs.length || targs[i] === null)) dirty.push(i);
  }
  while (dirty.length > 0) {
    const smap = makeSubstMap(tparams, types);
    const still: number[] = [];
    for (const i of dirty) {
      const t0 = types[i] as Type;
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
    if (t !== null && isParameterized(tparams, t)) types[i] = null;
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
function killCycles(tparams: readonly TypeParam[], types: (Type | null)[]): void {
  const onPath = new Set<Type>();
  const walk = (typ: Type): void => {
    if (onPath.has(typ)) {
      if (typ instanceof TypeParam) {
        const i = tparamIndex(tparams, typ);
        if (i >= 0) types[i] = null;
      }
      return;
    }
    onPath.add(typ);
    switch (typ.tag) {
      case TypeTag.Array:
        walk((typ as Array).elem);
        break;
      case TypeTag.Slice:
        walk((typ as Slice).elem);
        break;
      case TypeTag.Struct:
        for (const f of (typ as Struct).fields) walk(f.typ());
        break;
      case TypeTag.Pointer:
        walk((typ as Pointer).base);
        break;
      case TypeTag.Signature: {
        const s = typ as Signature;
        for (const v of s.params.vars) walk(v.typ());
        for (const v of s.results.vars) walk(v.typ());
        break;
      }
      case TypeTag.Union:
        for (const t of (typ as Union).terms) if (t.type !== null) walk(t.type);
        break;
      case TypeTag.Interface: {
        const it = typ as Interface;
        for (const m of it.methods) walk(m.typ());
        for (const e of it.embeddeds) walk(e);
        break;
      }
      case TypeTag.Map:
        walk((typ as MapType).key);
        walk((typ as MapType).elem);
        break;
      case TypeTag.Chan:
        walk((typ as Chan).elem);
        break;
      case TypeTag.Named:
        for (const a of (typ as Named).targs) walk(a);
        break;
      case TypeTag.TypeParam: {
        const i = tparamIndex(tparams, typ as TypeParam);
        const t = i >= 0 ? types[i] : null;
        if (t !== null) walk(t);
        break;
      }
    }
    onPath.delete(typ);
  };
  for (const tp of tparams) walk(tp);
}

/** Helper for callers: the parameter tuple of a generic signature as InferArg-ready types. */
export function paramTypes(sig: Signature): Type[] {
  return sig.params.vars.map((v: Var) => v.typ());
}
