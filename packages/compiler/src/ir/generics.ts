/**
 * generics.ts — generic functions and generic types by *stenciling*: every instantiation (a
 * generic function, or a method of a generic type, together with its type arguments) is
 * lowered as its own IrFunc, with the type parameters replaced by the type arguments.
 *
 * ─── DESIGN ──────────────────────────────────────────────────────────────────────────────────
 * Substitution is central and invisible to the rest of the lowering. The lowering reads every
 * type through `ProgramCtx.info` (Info.types, uses, defs, implicits, selections, instances)
 * and through the objects it finds there (a Var's type, a Func's signature). An instance is
 * lowered with a ProgramCtx whose `info` is an `InstView`: an Info whose maps answer like the
 * checker's, but with the instance's type map applied:
 *   - types:      TypeAndValue with the substituted type (signatures keep the *same* Var
 *                 objects the body's identifiers map to, so a function literal's parameters
 *                 bind);
 *   - uses/defs/implicits: a Var whose type mentions a type parameter becomes a substituted
 *                 copy (one per Var per instance, so every use of a variable is the same
 *                 object); a generic function used at an instantiation (Info.instances) becomes
 *                 a synthetic, non-generic Func for that instance (`instanceFunc`);
 *   - selections: receiver and type substituted; a method selected on a type that changed
 *                 (a type parameter's constraint method, a method of G[T]) is looked up again
 *                 on the concrete receiver type, so the lowering sees an ordinary method of a
 *                 concrete type (or of an interface, when the type argument is one);
 *   - instances:  type arguments substituted.
 * unsafe.Sizeof/Alignof/Offsetof of type-parameter operands, which the checker leaves
 * non-constant, become constants of each instance (`unsafeConst`).
 * Non-generic code is lowered through an InstView with an empty map, which only performs the
 * function-instance mapping. `ProgramCtx.funcOf` asks `Generics.irFuncOf` first: a synthetic
 * instance Func, or a method of an instantiated generic type (Func.origin set, receiver
 * G[int]), maps to the IrFunc of (origin, type arguments), created on first use and lowered
 * later by `drain` (instances may create more instances; Go 1.19's checker rejects programs
 * whose instantiation graph would grow without bound, mono.ts).
 *
 * Like gc 1.19's back end, type declarations inside generic functions are rejected with its
 * message ("not currently supported"; `addDecl`).
 *
 * Keys: instances are de-duplicated by origin Func and `identical` type arguments (not by
 * object identity: the checker and this file create their instances in different contexts).
 *
 * Names are Go's: `main.F[...]`, `main.(*G[...]).M`, `main.G[...].M`, closures inside them
 * `main.F[...].func1` — Go 1.19 prints these in tracebacks for every instantiation. Type
 * descriptors of instantiated types are named as reflect prints them: `main.G[int]`,
 * `main.Pair[string,main.T]` (no space between type arguments; `goTypeArgSpacing`).
 *
 * Why full stenciling and not Go's GC-shape stenciling with dictionaries: see GENERICS.md
 * (measured code size and speed). In short: in an interpreter the per-instruction dispatch
 * dominates, so a dictionary-driven body (descriptor loads, indirect calls for every method
 * and operator that differ between shapes) runs slower per operation, while the code-size
 * cost of stenciling stays small for real programs (a body per distinct type-argument list).
 * Rejected as well: substituting the AST (types live in Info, not in the syntax) and a
 * second type-check per instance (slow, and the checker's Info has no per-instance mode).
 */
import type { Pos } from "../syntax/position.js";
import type * as ast from "../syntax/ast.js";
import { inspect as astInspect } from "../syntax/ast.js";
import * as constant from "../constant/index.js";
import {
  Builtin,
  BuiltinId,
  Func,
  Info,
  Mode,
  Pointer,
  Selection,
  SelectionKind,
  Signature,
  Struct,
  Tuple,
  TypeAndValue,
  TypeTag,
  Var,
  type Instance,
  type Named,
  type Object as GoObject,
  type Type,
  type TypeParam,
  typeString,
} from "../types/index.js";
import { Context } from "../types/instantiate.js";
import { lookupFieldOrMethod } from "../types/lookup.js";
import { identical } from "../types/predicates.js";
import { alignof, offsetsof, sizeof } from "../types/sizes.js";
import { makeSubstMap, subst, substVar, type SubstMap } from "../types/subst.js";
import { Label, type IrFunc } from "./ir.js";
import { Unsupported, type ProgramCtx } from "./lowerbase.js";

/** What the driver's function lowering offers (FuncLowering; kept abstract to avoid an import cycle). */
export interface InstanceLowering {
  readonly f: IrFunc;
  lowerFunc(decl: ast.FuncDecl, fn: Func): IrFunc;
}

/** A generic function or method of a generic type (it has type parameters of its own or of its receiver). */
export function isGenericFunc(fn: Func): boolean {
  const sig = fn.signature();
  return sig.tparams.length > 0 || sig.rparams.length > 0;
}

/**
 * The instantiated generic function that an expression names, if any: `F[int]`, `F[K, V]`
 * (or `F`, when the type arguments are inferred), as mapped by an InstView.
 */
export function instanceCallee(info: Info, e: ast.Expr): Func | null {
  while (e.kind === "ParenExpr") e = e.x;
  if (e.kind === "IndexExpr" || e.kind === "IndexListExpr") e = e.x;
  if (e.kind === "SelectorExpr" && !info.selections.has(e)) e = e.sel; // pkg.F[int]
  if (e.kind !== "Ident") return null;
  const o = info.uses.get(e);
  return o instanceof Func && !isGenericFunc(o) && o.origin !== null && o.signature().recv === null ? o : null;
}

/**
 * reflect's spelling of type-argument lists: `main.Pair[string,main.T]`. typeString separates
 * type arguments with ", " (go/types' style); runtime type names use "," alone. Other lists
 * (parameters, struct fields) keep their spaces.
 */
export function goTypeArgSpacing(s: string): string {
  if (!s.includes("[")) return s;
  let out = "";
  // one entry per open bracket/paren: true = a type-argument list
  const stack: boolean[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "[") {
      let j = i;
      while (j > 0 && /[\w.]/.test(s[j - 1])) j--;
      const word = s.slice(j, i);
      stack.push(word !== "" && word !== "map" && !/^\d+$/.test(word));
    } else if (c === "(" || c === "{") stack.push(false);
    else if (c === "]" || c === ")" || c === "}") stack.pop();
    else if (c === "," && s[i + 1] === " " && stack.length > 0 && stack[stack.length - 1]) {
      out += ",";
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * Upper bound on instance bodies per program: far above real programs (the Go test suite's
 * largest uses a few dozen), low enough to fail fast if an instantiation cycle slipped through.
 */
const MAX_INSTANCES = 20000;

interface InstEntry {
  targs: Type[];
  irf: IrFunc;
}

/** One stenciled body, for measurements (scripts/generics-measure.mjs). */
export interface InstanceStat {
  name: string;
  /** type arguments as reflect spells them */
  targs: string[];
  /**
   * Go 1.19's GC shape of the type arguments (underlying types; every pointer type is one
   * shape): instances with equal origin and shape would share one body under shape stenciling.
   */
  shape: string;
  /** IR instructions of the body (closures inside it not included) */
  instrs: number;
}

let lastGenerics: Generics | null = null;

/** The instances of the most recent compilation (development statistics; not for the compiler itself). */
export function genericsStatsForDev(): InstanceStat[] {
  const g = lastGenerics;
  return g === null ? [] : g.stats();
}

function shapeKey(t: Type): string {
  const u = t.underlying();
  return u.tag === TypeTag.Pointer ? "*uint8" : goTypeArgSpacing(u.toString());
}

/** The program's instances: one per driver (compile.ts), for all packages. */
export class Generics {
  /** de-duplicates the Named instances this file's substitutions create */
  readonly ctxt = new Context();
  private readonly roots = new Map<Info, InstView>();
  /** generic declarations: syntax and the declaring package's context (its info is a root view) */
  private readonly decls = new Map<Func, { decl: ast.FuncDecl; ctx: ProgramCtx }>();
  /** synthetic instance Funcs of generic functions, by origin */
  private readonly synth = new Map<Func, { targs: Type[]; fn: Func }[]>();
  private readonly synthArgs = new Map<Func, Type[]>();
  private readonly irInsts = new Map<Func, InstEntry[]>();
  private readonly queue: (() => void)[] = [];
  /** number of instance bodies created (statistics for GENERICS.md) */
  ninstances = 0;

  constructor(private readonly newLowering: (ctx: ProgramCtx, name: string, pos: Pos) => InstanceLowering) {
    lastGenerics = this;
  }

  /** Every instance body with its size and GC shape (see InstanceStat). */
  stats(): InstanceStat[] {
    const out: InstanceStat[] = [];
    for (const [orig, list] of this.irInsts)
      for (const e of list)
        out.push({
          name: e.irf.name,
          targs: e.targs.map((t) => goTypeArgSpacing(typeString(t, (p) => p.name))),
          shape: `${orig.name}#${(orig.pos as number).toString()}[${e.targs.map(shapeKey).join(";")}]`,
          instrs: e.irf.code.filter((c) => !(c instanceof Label)).length,
        });
    return out;
  }

  /** The Info a package's non-generic code is lowered through (function-instance mapping only). */
  rootView(info: Info): InstView {
    let v = this.roots.get(info);
    if (v === undefined) this.roots.set(info, (v = new InstView(info, this, new Map())));
    return v;
  }

  /**
   * Records a generic declaration of the package whose context is ctx; instances are lowered
   * on demand. Returns gc 1.19's errors for the declaration: its back end rejects type
   * declarations anywhere inside a generic function ("not currently supported"; Go 1.20's
   * unified IR lifted this), so gort does too.
   */
  addDecl(decl: ast.FuncDecl, fn: Func, ctx: ProgramCtx): { pos: Pos; msg: string }[] {
    this.decls.set(fn, { decl, ctx });
    const errs: { pos: Pos; msg: string }[] = [];
    if (decl.body !== undefined)
      astInspect(decl.body, (n) => {
        if (n.kind === "DeclStmt" && n.decl.tok === "type")
          errs.push({ pos: n.decl.tokPos, msg: "type declarations inside generic functions are not currently supported" });
        return true;
      });
    return errs;
  }

  /** The synthetic, non-generic Func standing for orig[targs] at use sites. */
  instanceFunc(orig: Func, targs: Type[]): Func {
    let list = this.synth.get(orig);
    if (list === undefined) this.synth.set(orig, (list = []));
    for (const e of list) if (sameTypes(e.targs, targs)) return e.fn;
    const sig = orig.signature();
    const sub = subst(sig, makeSubstMap(sig.tparams, targs), null, null, this.ctxt) as Signature;
    const isig = new Signature(sub.recv, sub.params, sub.results, sub.variadic);
    const fn = new Func(orig.pos, orig.pkg, orig.name, isig);
    fn.origin = orig;
    list.push({ targs, fn });
    this.synthArgs.set(fn, targs);
    return fn;
  }

  /**
   * The IrFunc of f when f is an instance (a synthetic instance Func, or a method of an
   * instantiated generic type); null for ordinary functions.
   */
  irFuncOf(f: Func): IrFunc | null {
    const targs = this.synthArgs.get(f);
    if (targs !== undefined) return this.instance(f.origin as Func, targs);
    if (this.decls.has(f)) throw new Unsupported(f.pos, `use of generic ${f.name} without instantiation`);
    const orig = f.origin;
    if (orig === null || !this.decls.has(orig)) return null;
    let rt = f.signature().recv?.type ?? null;
    if (rt !== null && rt.tag === TypeTag.Pointer) rt = (rt as Pointer).base;
    if (rt === null || rt.tag !== TypeTag.Named) return null;
    return this.instance(orig, (rt as Named).targs);
  }

  /** The IrFunc of orig[targs], created (and queued for lowering) on first use. */
  private instance(orig: Func, targs: Type[]): IrFunc {
    let list = this.irInsts.get(orig);
    if (list === undefined) this.irInsts.set(orig, (list = []));
    for (const e of list) if (sameTypes(e.targs, targs)) return e.irf;
    const d = this.decls.get(orig);
    if (d === undefined) throw new Error(`internal: instance of ${orig.name} without its declaration`);
    // the checker's mono check rejects instantiation cycles; this guards the drain loop anyway
    if (this.ninstances >= MAX_INSTANCES) throw new Unsupported(orig.pos, `more than ${MAX_INSTANCES} generic instances`);
    const { decl, ctx } = d;
    const sig = orig.signature();
    const tparams: TypeParam[] = sig.tparams.length > 0 ? sig.tparams : sig.rparams;
    const base = ctx.info instanceof InstView ? ctx.info.base : ctx.info;
    const view = new InstView(base, this, makeSubstMap(tparams, targs));
    const ictx: ProgramCtx = Object.create(ctx, { info: { value: view } });
    const low = this.newLowering(ictx, instanceName(orig), decl.name.pos);
    list.push({ targs, irf: low.f });
    this.ninstances++;
    ctx.addFunc(low.f);
    const mv = (v: Var): Var => view.mapVar(v);
    const isig = new Signature(
      sig.recv === null ? null : mv(sig.recv),
      new Tuple(sig.params.vars.map(mv)),
      new Tuple(sig.results.vars.map(mv)),
      sig.variadic,
    );
    const ifn = new Func(orig.pos, orig.pkg, orig.name, isig);
    ifn.origin = orig;
    this.queue.push(() => void low.lowerFunc(decl, ifn));
    return low.f;
  }

  /**
   * Lowers the queued instance bodies (more may be queued meanwhile); `report` receives what a
   * body throws (Unsupported). Returns whether anything ran (the driver drains until quiet).
   */
  drain(report: (e: unknown) => void): boolean {
    let ran = false;
    for (let job = this.queue.shift(); job !== undefined; job = this.queue.shift()) {
      ran = true;
      try {
        job();
      } catch (e) {
        report(e);
      }
    }
    return ran;
  }
}

/** Go's symbol name of a generic function or method: main.F[...], main.(*G[...]).M, main.G[...].M. */
function instanceName(fn: Func): string {
  const pkg = fn.pkg === null || fn.pkg.name === "main" ? "main" : fn.pkg.path;
  const recv = fn.signature().recv;
  if (recv === null) return `${pkg}.${fn.name}[...]`;
  let t = recv.type as Type;
  const ptr = t.tag === TypeTag.Pointer;
  if (ptr) t = (t as Pointer).base;
  const n = t.tag === TypeTag.Named ? (t as Named).obj.name : t.toString();
  return ptr ? `${pkg}.(*${n}[...]).${fn.name}` : `${pkg}.${n}[...].${fn.name}`;
}

function sameTypes(a: readonly Type[], b: readonly Type[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !identical(a[i], b[i])) return false;
  return true;
}

/**
 * A Map whose entries are the base map's, transformed on read (memoised per key). Only the
 * read side is meaningful; the lowering never writes Info.
 */
class ViewMap<K, V> extends Map<K, V> {
  private readonly memo = new Map<K, V>();
  constructor(
    private readonly src: Map<K, V>,
    private readonly fn: (v: V, k: K) => V,
  ) {
    super();
  }
  override get(k: K): V | undefined {
    const m = this.memo.get(k);
    if (m !== undefined) return m;
    const v = this.src.get(k);
    if (v === undefined) return undefined;
    const r = this.fn(v, k);
    this.memo.set(k, r);
    return r;
  }
  override has(k: K): boolean {
    return this.src.has(k);
  }
  override get size(): number {
    return this.src.size;
  }
  override forEach(cb: (v: V, k: K, m: Map<K, V>) => void): void {
    for (const k of this.src.keys()) cb(this.get(k) as V, k, this);
  }
  override *entries(): IterableIterator<[K, V]> {
    for (const k of this.src.keys()) yield [k, this.get(k) as V];
  }
  override keys(): IterableIterator<K> {
    return this.src.keys();
  }
  override *values(): IterableIterator<V> {
    for (const k of this.src.keys()) yield this.get(k) as V;
  }
  override [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }
}

/** Info as seen from one instance: the checker's records with the instance's type map applied. */
export class InstView extends Info {
  private readonly vars = new Map<Var, Var>();

  constructor(
    readonly base: Info,
    private readonly g: Generics,
    readonly smap: SubstMap,
  ) {
    super();
    const plain = smap.size === 0;
    this.types = plain ? base.types : new ViewMap(base.types, (tv, e) => this.typeAndValue(tv, e));
    this.uses = new ViewMap(base.uses, (o, id) => this.object(o, id));
    this.defs = plain ? base.defs : new ViewMap(base.defs, (o) => (o === null ? null : this.object(o, null)));
    this.implicits = plain ? base.implicits : new ViewMap(base.implicits, (o) => this.object(o, null));
    this.selections = plain ? base.selections : new ViewMap(base.selections, (s) => this.selection(s));
    this.instances = plain ? base.instances : new ViewMap(base.instances, (i) => this.instance(i));
    this.scopes = base.scopes;
    this.initOrder = base.initOrder;
  }

  /** t with the instance's type arguments for its type parameters. */
  sub(t: Type): Type {
    if (this.smap.size === 0) return t;
    if (t.tag === TypeTag.Signature) return this.subSig(t as Signature);
    return subst(t, this.smap, null, null, this.g.ctxt);
  }

  /** A signature whose parameter and result Vars are this instance's (mapVar), so bodies bind them. */
  private subSig(sig: Signature): Signature {
    const recv = sig.recv === null ? null : this.mapVar(sig.recv);
    const params = sig.params.vars.map((v) => this.mapVar(v));
    const results = sig.results.vars.map((v) => this.mapVar(v));
    const same =
      recv === sig.recv &&
      sig.tparams.length === 0 &&
      params.every((v, i) => v === sig.params.vars[i]) &&
      results.every((v, i) => v === sig.results.vars[i]);
    if (same) return sig;
    return new Signature(recv, new Tuple(params), new Tuple(results), sig.variadic);
  }

  /** This instance's copy of v (v itself when its type mentions no substituted type parameter). */
  mapVar(v: Var): Var {
    if (this.smap.size === 0) return v;
    let r = this.vars.get(v);
    if (r === undefined) {
      const t = v.type as Type;
      const st = this.sub(t);
      r = st === t ? v : substVar(v, st);
      this.vars.set(v, r);
    }
    return r;
  }

  private typeAndValue(tv: TypeAndValue, e: ast.Expr): TypeAndValue {
    if (tv.value === null && e.kind === "CallExpr") {
      const v = this.unsafeConst(e);
      if (v !== null) return new TypeAndValue(Mode.Constant, tv.type, v);
    }
    const t = this.sub(tv.type);
    return t === tv.type ? tv : new TypeAndValue(tv.mode, t, tv.value);
  }

  /**
   * unsafe.Sizeof/Alignof/Offsetof of operands whose type involves a type parameter are not
   * constant in the generic body (the checker leaves them without a value) but are constants
   * of each instance, as in Go.
   */
  private unsafeConst(e: ast.CallExpr): constant.Value | null {
    let fun = e.fun;
    while (fun.kind === "ParenExpr") fun = fun.x;
    const id = fun.kind === "SelectorExpr" ? fun.sel : fun.kind === "Ident" ? fun : null;
    const b = id === null ? undefined : this.base.uses.get(id);
    if (!(b instanceof Builtin) || e.args.length !== 1) return null;
    let arg = e.args[0];
    while (arg.kind === "ParenExpr") arg = arg.x;
    switch (b.builtinId) {
      case BuiltinId.Sizeof:
      case BuiltinId.Alignof: {
        const at = this.base.types.get(arg)?.type;
        if (at === undefined) return null;
        const t = this.sub(at);
        return constant.makeInt64(BigInt(b.builtinId === BuiltinId.Sizeof ? sizeof(t) : alignof(t)));
      }
      case BuiltinId.Offsetof: {
        const sel = arg.kind === "SelectorExpr" ? this.selections.get(arg) : undefined;
        if (sel === undefined) return null;
        let t = sel.recv;
        if (t.underlying().tag === TypeTag.Pointer) t = (t.underlying() as Pointer).base;
        let off = 0;
        for (const i of sel.index) {
          const st = t.underlying() as Struct;
          off += offsetsof(st)[i];
          t = st.fields[i].type as Type;
        }
        return constant.makeInt64(BigInt(off));
      }
    }
    return null;
  }

  private object(o: GoObject, id: ast.Ident | null): GoObject {
    if (o instanceof Var) return this.mapVar(o);
    if (o instanceof Func && id !== null && isGenericFunc(o)) {
      const inst = this.base.instances.get(id);
      if (inst !== undefined && o.signature().tparams.length > 0)
        return this.g.instanceFunc(o, inst.typeArgs.map((t) => this.sub(t)));
    }
    return o;
  }

  private instance(i: Instance): Instance {
    return { typeArgs: i.typeArgs.map((t) => this.sub(t)), type: this.sub(i.type) };
  }

  private selection(s: Selection): Selection {
    const recv = this.sub(s.recv);
    if (recv === s.recv) return s;
    const type = this.sub(s.type);
    if (s.kind === SelectionKind.FieldVal) {
      const f = s.obj as Var;
      return new Selection(s.kind, recv, this.mapVar(f), s.index, s.indirect, type);
    }
    // a method of a type that changed: find it again on the concrete receiver type
    const m = s.obj as Func;
    const r = lookupFieldOrMethod(recv, true, m.pkg, m.name);
    if (!(r.obj instanceof Func) || r.index === null) throw new Error(`internal: method ${m.name} not found on ${recv.toString()}`);
    return new Selection(s.kind, recv, r.obj, r.index, r.indirect, type);
  }
}
