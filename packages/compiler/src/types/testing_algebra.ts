/**
 * Builders for constructing types by hand in the algebra's unit tests (no
 * parser needed). @internal — used by *.test.ts only.
 */
import { NoPos, type Pos } from "../syntax/position.js";
import { Func, Package, TypeName, Var } from "./object.js";
import { Scope } from "./scope.js";
import {
  Interface,
  Named,
  Pointer,
  Signature,
  Struct,
  Tuple,
  TypeParam,
  type Type,
} from "./type.js";
import { sortMethods } from "./typeset.js";

export function mkPkg(path: string, name?: string): Package {
  return new Package(path, name ?? path.slice(path.lastIndexOf("/") + 1), new Scope(null, NoPos, NoPos, "package " + path));
}

/** A defined type `type name underlying` in pkg (underlying may be set later with setUnderlying). */
export function mkNamed(pkg: Package | null, name: string, underlying: Type | null, pos: Pos = NoPos): Named {
  const obj = new TypeName(pos, pkg, name, null);
  const n = new Named(obj, underlying);
  obj.type = n;
  if (underlying !== null) n.fromRHS = underlying;
  return n;
}

export function mkField(pkg: Package | null, name: string, type: Type, embedded = false): Var {
  return Var.newField(NoPos, pkg, name, type, embedded);
}

/** An embedded field named after its type (T or *T). */
export function mkEmbed(pkg: Package | null, type: Type): Var {
  let t = type;
  if (t instanceof Pointer) t = t.base;
  const name = t instanceof Named ? t.obj.name : t instanceof TypeParam ? t.obj.name : "?";
  return Var.newField(NoPos, pkg, name, type, true);
}

export function mkStruct(fields: Var[], tags: string[] = []): Struct {
  return new Struct(fields, tags);
}

export function mkParam(type: Type, name = ""): Var {
  return Var.newParam(NoPos, null, name, type);
}

export function mkTuple(...types: Type[]): Tuple {
  return new Tuple(types.map((t) => mkParam(t)));
}

export function mkSig(params: Type[], results: Type[], variadic = false): Signature {
  return new Signature(null, mkTuple(...params), mkTuple(...results), variadic);
}

/** A method m declared on named (pointer receiver if ptr). */
export function mkMethod(named: Named, name: string, ptr: boolean, params: Type[] = [], results: Type[] = []): Func {
  const sig = mkSig(params, results);
  const recvType: Type = ptr ? new Pointer(named) : named;
  sig.recv = Var.newParam(NoPos, named.obj.pkg, "", recvType);
  if (named.tparams.length > 0) sig.rparams = named.tparams;
  const f = new Func(NoPos, named.obj.pkg, name, sig);
  f.hasPtrRecv = ptr;
  named.addMethod(f);
  return f;
}

/** An interface method (receiver left null, as for interface method specs). */
export function mkIfaceMethod(pkg: Package | null, name: string, params: Type[] = [], results: Type[] = []): Func {
  return new Func(NoPos, pkg, name, mkSig(params, results));
}

/** A complete interface with explicit methods and embedded elements. */
export function mkIface(methods: Func[], embeddeds: Type[] = []): Interface {
  const ms = methods.slice();
  sortMethods(ms);
  const i = new Interface(ms, embeddeds);
  for (const m of ms) {
    const sig = m.type as Signature;
    if (sig.recv === null) sig.recv = Var.newParam(NoPos, m.pkg, "", i);
  }
  i.complete = true;
  return i;
}

/** A type parameter `name bound` at position index of its list. */
export function mkTParam(pkg: Package | null, name: string, bound: Type, index: number): TypeParam {
  const obj = new TypeName(NoPos, pkg, name, null);
  const tp = new TypeParam(obj, bound);
  obj.type = tp;
  tp.index = index;
  return tp;
}

/** A generic type `type name[tparams] <underlying built from tparams>`. */
export function mkGeneric(
  pkg: Package | null,
  name: string,
  tparams: TypeParam[],
  build: (self: Named, tps: TypeParam[]) => Type,
): Named {
  const n = mkNamed(pkg, name, null);
  n.tparams = tparams;
  const u = build(n, tparams);
  n.setUnderlying(u);
  n.fromRHS = u;
  return n;
}

/** A generic function signature func[tparams](params) results. */
export function mkGenericSig(tparams: TypeParam[], params: Type[], results: Type[], variadic = false): Signature {
  const s = mkSig(params, results, variadic);
  s.tparams = tparams;
  return s;
}
