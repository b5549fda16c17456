/**
 * compile.ts — the back-end driver: a checked `package main` and every package it imports
 * (syntax + Info, as the loader keeps them) → one ProgramImage.
 *
 * Whole-program compilation, in these steps:
 *   1. Package order: depth-first over the imports from main, in source import order, each
 *      package after its imports (Go 1.19's initialisation order; `unsafe` has no code).
 *   2. Globals: every package's package-level variables laid out in one zeroed block after the
 *      statics (bss), with its pointer mask.
 *   3. Functions are lowered ON DEMAND (dead-function elimination for free): the roots are
 *      main.main and every package's initialiser; `funcOf` hands out an IrFunc for a declaration
 *      the first time something refers to it (a call, a func value, a method wrapper, an itab)
 *      and queues its body; the queue drains until empty. Only reachable functions — and the
 *      type descriptors, strings and constants they use — reach the image, which matters
 *      because the stdlib is large. A side effect: "not supported yet" diagnostics are reported
 *      only for code the program can reach.
 *   4. Body-less declarations (gort's stdlib natives, packages/stdlib/NATIVES.md) become
 *      FN_NATIVE functions named `importpath.Name`; the runtime binds them by name when it maps
 *      the image. With `CompileOptions.natives` the driver checks the binding at compile time
 *      and reports an unbound native as a link error naming it.
 *   5. Each package with variable initialisers or init functions gets `path.init` (vars in
 *      Info.initOrder, then `path.init.N` in source order); tables of constants are static
 *      data instead of init code (staticinit.ts); the entry `runtime.main` calls the package
 *      inits in order and then main.main.
 *   6. The main package is compiled as path "main" (Go's `-p main`), whatever its import path.
 *
 * Names are Go's runtime symbol names (what tracebacks print): `main.F`, `main.(*T).M`,
 * `main.T.M`, `strconv.Itoa`, `unicode/utf8.DecodeRune`, `os.init`, `main.init.0`.
 *
 * Rejected: compiling every declaration of every package (the first version did that for main
 * alone). With fmt's dependency tree (reflect, strconv, unicode tables, ...) that is thousands of
 * functions, most unreachable, and one unsupported construct anywhere would block every program.
 */
import { FN_NATIVE, FN_RUNTIME, type ProgramImage } from "@gort/runtime/image";
import type { Diagnostic } from "../diag.js";
import type { LoadedPackage } from "../loader/index.js";
import type * as ast from "../syntax/ast.js";
import type { FileSet, Pos } from "../syntax/position.js";
import { BasicKind, Func, Typ, TypeTag, Var, type Info, type Named, type Pointer, type Type } from "../types/index.js";
import { sizeof } from "../types/sizes.js";
import type { IrFunc } from "../ir/ir.js";
import { FuncLowering, Unsupported, shapeOf, type ProgramCtx } from "../ir/lower.js";
import { Generics, isGenericFunc } from "../ir/generics.js";
import { ConstPool, buildImage } from "./emit.js";
import { Statics } from "./statics.js";
import { TypeTable, pointerWords } from "./typedesc.js";
import { IfaceGen } from "./ifacegen.js";
import { emitStaticInits, splitStaticInits } from "./staticinit.js";

export type CompileResult = { image: ProgramImage; errors: [] } | { image: null; errors: Diagnostic[] };

export interface CompileOptions {
  /**
   * Native symbols the runtime provides. When given, every native the image needs must be in
   * it; a missing one is a link error naming it (positioned at its declaration).
   */
  natives?: ReadonlySet<string>;
}

/** Statistics of the last compilation (for `gort run -x`-style reports and tests). */
export interface CompileStats {
  packages: number;
  /** function declarations in all packages */
  declared: number;
  /** functions in the image (reachable declarations, closures, wrappers, helpers, inits) */
  funcs: number;
}

function unsupported(pos: Pos, what: string): Diagnostic {
  return { pos, msg: `gort: ${what} not supported yet` };
}

/** The symbol prefix of a package: "main" for the main package, else its import path. */
function symPrefix(pkg: LoadedPackage): string {
  return pkg.name === "main" ? "main" : pkg.importPath;
}

/** Go's symbol name of a function or method: main.F, main.T.M, main.(*T).M, strconv.Itoa. */
function funcName(prefix: string, fn: Func): string {
  const recv = fn.signature().recv;
  if (recv === null) return `${prefix}.${fn.name}`;
  let t = recv.type as Type;
  let ptr = false;
  if (t.tag === TypeTag.Pointer) {
    ptr = true;
    t = (t as Pointer).base;
  }
  // methods of generic types: Go's symbol names elide the type arguments (main.(*G[...]).M)
  const n = t.tag === TypeTag.Named ? (t as Named).obj.name + ((t as Named).targs.length > 0 ? "[...]" : "") : t.toString();
  return ptr ? `${prefix}.(*${n}).${fn.name}` : `${prefix}.${n}.${fn.name}`;
}

/** Packages reachable from main, each after its imports (depth-first, source import order). */
export function initOrderPackages(main: LoadedPackage): LoadedPackage[] {
  const out: LoadedPackage[] = [];
  const seen = new Set<LoadedPackage>();
  const visit = (p: LoadedPackage): void => {
    if (seen.has(p)) return;
    seen.add(p);
    for (const dep of p.imports.values()) visit(dep);
    if (p.importPath !== "unsafe") out.push(p);
  };
  visit(main);
  return out;
}

/** A function declaration and where it lives; `low` is created when first referenced. */
interface DeclEntry {
  decl: ast.FuncDecl;
  fn: Func;
  pkg: PkgState;
  name: string;
  low: FuncLowering | null;
}

interface PkgState {
  pkg: LoadedPackage;
  info: Info;
  prefix: string;
  ctx: ProgramCtx;
}

let lastStats: CompileStats = { packages: 0, declared: 0, funcs: 0 };

/** Statistics of the most recent compileProgram call. */
export function compileStats(): CompileStats {
  return lastStats;
}

/** Compiles a loaded, error-free main package and its imports (loaded with keepSyntax and an Info). */
export function compileProgram(main: LoadedPackage, fset: FileSet, opts: CompileOptions = {}): CompileResult {
  // Go compiles the main package as path "main" (`-p main`) whatever its import path
  // ("command-line-arguments", a module path): reflect's PkgPath and type descriptors say
  // "main". The checked package is renamed for the duration of the compilation.
  const mainTypes = main.types;
  const savedPath = mainTypes?.path;
  if (mainTypes !== undefined && main.name === "main") mainTypes.path = "main";
  try {
    return compileWholeProgram(main, fset, opts);
  } finally {
    if (mainTypes !== undefined && savedPath !== undefined) mainTypes.path = savedPath;
  }
}

function compileWholeProgram(main: LoadedPackage, fset: FileSet, opts: CompileOptions): CompileResult {
  const errors: Diagnostic[] = [];
  const report = (e: unknown): void => {
    if (e instanceof Unsupported) errors.push(unsupported(e.pos, e.what));
    else throw e;
  };
  if (main.name !== "main") {
    return { image: null, errors: [{ pos: main.syntax[0]?.name.pos ?? 0, msg: `gort: package ${main.name} is not a main package` }] };
  }
  const order = initOrderPackages(main);
  for (const p of order)
    if (p.info === undefined || (p.syntax.length === 0 && p.fileNames.length > 0))
      throw new Error(`compileProgram: package ${p.importPath} was loaded without syntax or Info`);

  const files: string[] = [];
  const fileIdx = new Map<string, number>();
  const st = new Statics();
  const consts = new ConstPool();
  const types = new TypeTable(st);
  const natives: string[] = [];
  const nativeOf = new Map<IrFunc, { index: number; pos: Pos }>();
  const extra: IrFunc[] = [];
  const wrappers = new Map<Func, IrFunc>();
  const generics = new Generics((ctx, name, pos) => new FuncLowering(ctx, name, pos));
  const decls = new Map<Func, DeclEntry>();
  const queue: DeclEntry[] = [];
  const lowered: IrFunc[] = [];
  const firstPos = main.syntax[0]?.package ?? 0;
  // package runtime (the loader's linkRuntime adds it to every program, as Go's linker does):
  // recover() boxes run-time errors with its error types (lowerdefer.ts markRuntimeErrors)
  const runtimePkg = order.find((p) => p.importPath === "runtime" && p.kind === "std")?.types ?? null;

  // ── globals: one zeroed block after the statics (bss); offsets are within the block ──
  const globalOff = new Map<Var, number>();
  const ptrWords: number[] = [];
  let gsize = 0;
  for (const p of order) {
    const info = p.info as Info;
    for (const f of p.syntax)
      for (const d of f.decls)
        if (d.kind === "GenDecl" && d.tok === "var")
          for (const spec of d.specs)
            if (spec.kind === "ValueSpec")
              for (const n of spec.names) {
                const v = info.defs.get(n);
                if (!(v instanceof Var)) continue;
                const t = v.type as Type;
                try {
                  const sz = sizeof(t);
                  globalOff.set(v, gsize);
                  pointerWords(t, gsize, ptrWords);
                  gsize += Math.ceil(sz / 8) * 8;
                } catch (e) {
                  report(e);
                }
              }
  }
  if (gsize > 1 << 30) errors.push({ pos: firstPos, msg: `gort: ${gsize} bytes of global variables (more than 1 GiB) not supported yet` });

  const fileIndex = (pos: Pos): number => {
    // a //line directive without a file name ("//line :1") leaves the name empty; Go's
    // toolchain records such code as file "??" (runtime.Caller, tracebacks)
    const name = fset.position(pos).filename || "??";
    let i = fileIdx.get(name);
    if (i === undefined) {
      i = files.push(name) - 1;
      fileIdx.set(name, i);
    }
    return i;
  };

  const pkgStates = new Map<string, PkgState>();
  const pkgOfFunc = (fn: Func): PkgState | undefined => (fn.pkg === null ? undefined : pkgStates.get(fn.pkg.path));

  /** The IrFunc of a declared function, created (and its body queued) on first reference. */
  const funcOf = (f: Func): IrFunc => {
    const gi = generics.irFuncOf(f); // instances of generic functions (ir/generics.ts)
    if (gi !== null) return gi;
    const e = decls.get(f);
    if (e === undefined) throw new Unsupported(f.pos, `call of ${f.name}`);
    if (e.low !== null) return e.low.f;
    const low = new FuncLowering(e.pkg.ctx, e.name, e.decl.name.pos);
    e.low = low;
    if (e.decl.body === undefined) {
      // a native: the runtime supplies the body; the frame holds params and results only
      const sig = f.signature();
      const vars = [...(sig.recv !== null ? [sig.recv] : []), ...sig.params.vars];
      const irf = low.f;
      for (const v of vars) for (const c of shapeOf(v.type as Type, v.pos)) irf.ptrSlots.push(c === "p");
      irf.nparams = irf.ptrSlots.length;
      for (const v of sig.results.vars) for (const c of shapeOf(v.type as Type, v.pos)) irf.ptrSlots.push(c === "p");
      irf.nresults = irf.ptrSlots.length - irf.nparams;
      irf.flags |= FN_NATIVE;
      nativeOf.set(irf, { index: nativeIndex(e.name), pos: e.decl.name.pos });
      lowered.push(irf);
    } else queue.push(e);
    return low.f;
  };

  const nativeIndex = (name: string): number => {
    let i = natives.indexOf(name);
    if (i < 0) i = natives.push(name) - 1;
    return i;
  };

  const makeCtx = (info: Info): ProgramCtx => {
    const ctx: ProgramCtx = {
      info: generics.rootView(info), // maps instantiated generic functions (ir/generics.ts)
      fileIndex,
      line: (pos) => fset.position(pos).line,
      funcOf,
      globalOff: (v) => globalOff.get(v),
      typeId: (t) => types.index(t),
      constInt: (v) => consts.int(v),
      constFloat: (f) => consts.float(f),
      stringData: (b) => st.stringData(b),
      methodWrapper(fn: Func): IrFunc {
        let w = wrappers.get(fn);
        if (w === undefined) {
          const ps = pkgOfFunc(fn);
          const low = new FuncLowering(ps?.ctx ?? ctx, `${funcName(ps?.prefix ?? "main", fn)}-fm`, fn.pos);
          w = low.f;
          wrappers.set(fn, w);
          low.lowerMethodWrapper(fn, funcOf(fn));
          extra.push(w);
        }
        return w;
      },
      addFunc(f: IrFunc): void {
        extra.push(f);
      },
      nativeIndex,
      // interfaces (ir/loweriface.ts, ifacegen.ts)
      itabOff: (iface, t) => types.itab(iface, t),
      staticFuncval: (fn) => types.funcval(fn),
      markIface: (t) => types.markIface(t),
      extraFunc: (name, pos, build) => ifaceGen.extraFunc(name, pos, build),
      runtimePkg: () => runtimePkg,
    };
    return ctx;
  };
  let genCtx: ProgramCtx | null = null;
  const ifaceGen = new IfaceGen((name, pos) => new FuncLowering((genCtx ??= makeCtx(main.info as Info)), name, pos), extra, funcOf);
  types.hooks = ifaceGen.hooks();

  // ── declarations of every package (bodies are lowered only when reached) ──
  const inits: { ps: PkgState; funcs: DeclEntry[] }[] = [];
  let mainEntry: DeclEntry | null = null;
  let declared = 0;
  for (const p of order) {
    const info = p.info as Info;
    const ps: PkgState = { pkg: p, info, prefix: symPrefix(p), ctx: makeCtx(info) };
    pkgStates.set(p.types?.path ?? p.importPath, ps);
    const initFuncs: DeclEntry[] = [];
    for (const f of p.syntax)
      for (const d of f.decls) {
        if (d.kind !== "FuncDecl") continue;
        declared++;
        const fn = info.defs.get(d.name);
        if (!(fn instanceof Func)) {
          errors.push(unsupported(d.name.pos, `function ${d.name.name} without an object`));
          continue;
        }
        const isInit = fn.name === "init" && d.recv === undefined;
        const e: DeclEntry = { decl: d, fn, pkg: ps, name: isInit ? `${ps.prefix}.init.${initFuncs.length}` : funcName(ps.prefix, fn), low: null };
        if (isInit) {
          initFuncs.push(e);
          continue;
        }
        if (isGenericFunc(fn)) {
          errors.push(...generics.addDecl(d, fn, ps.ctx)); // lowered per instantiation (ir/generics.ts)
          continue;
        }
        decls.set(fn, e);
        if (p === main && fn.name === "main" && d.recv === undefined) mainEntry = e;
      }
    inits.push({ ps, funcs: initFuncs });
  }
  if (mainEntry === null) errors.push({ pos: firstPos, msg: "function main is undeclared in the main package" });

  const drain = (): void => {
    do {
      for (let e = queue.shift(); e !== undefined; e = queue.shift()) {
        const low = e.low as FuncLowering;
        lowered.push(low.f);
        try {
          low.lowerFunc(e.decl, e.fn);
        } catch (err) {
          report(err);
        }
      }
    } while (generics.drain(report)); // bodies of generic instances (which may reach more functions)
  };

  // ── package initialisers (roots), in dependency order ──
  const pkgInits: IrFunc[] = [];
  for (const { ps, funcs } of inits) {
    const info = ps.info;
    if (info.initOrder.length === 0 && funcs.length === 0) continue;
    const initIr: IrFunc[] = [];
    for (const e of funcs) {
      const low = new FuncLowering(ps.ctx, e.name, e.decl.name.pos);
      e.low = low;
      queue.push(e);
      initIr.push(low.f);
    }
    const pos = ps.pkg.syntax[0]?.package ?? 0;
    const initLow = new FuncLowering(ps.ctx, `${ps.prefix}.init`, pos);
    // tables of constants become static data (staticinit.ts); the rest is init code
    const { statics, dynamic } = splitStaticInits(ps.info, info.initOrder, st, (v) => globalOff.has(v));
    try {
      initLow.lowerInit(dynamic, initIr, pos);
    } catch (err) {
      report(err);
    }
    emitStaticInits(initLow.f, statics, (v) => globalOff.get(v), (v) => consts.int(v));
    lowered.push(initLow.f);
    pkgInits.push(initLow.f);
    drain();
  }
  const mainFn = mainEntry !== null ? funcOf(mainEntry.fn) : null;
  drain();
  // functions descriptors and itabs refer to (methods of types in interfaces, equal functions)
  while (types.close()) drain();

  // ── link check: every native the image needs must be provided ──
  if (opts.natives !== undefined) {
    const declPos = new Map<number, Pos>();
    for (const n of nativeOf.values()) declPos.set(n.index, n.pos);
    natives.forEach((name, i) => {
      if (!(opts.natives as ReadonlySet<string>).has(name))
        errors.push({ pos: declPos.get(i) ?? firstPos, msg: `gort: link error: native function ${name} is not provided by the runtime` });
    });
  }

  if (errors.length > 0 || mainFn === null) {
    const seen = new Set<string>();
    const uniq = errors.filter((d) => {
      const k = `${d.pos}:${d.msg}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    uniq.sort((a, b) => a.pos - b.pos);
    return { image: null, errors: uniq };
  }

  // the entry: every package's init in order, then main.main (lowerInit without variables)
  const entryLow = new FuncLowering(makeCtx(main.info as Info), "runtime.main", firstPos);
  entryLow.f.flags |= FN_RUNTIME;
  entryLow.lowerInit([], [...pkgInits, mainFn], firstPos);
  const all: IrFunc[] = [entryLow.f, ...lowered, ...extra];
  const image = buildImage({
    files,
    funcs: all,
    consts,
    statics: st,
    types,
    globalsSize: gsize,
    globalPtrWords: ptrWords,
    entry: entryLow.f,
    natives,
  });
  for (const [f, n] of nativeOf) {
    const imf = image.funcs[f.index];
    imf.native = n.index;
    imf.code = new Int32Array(0);
  }
  lastStats = { packages: order.length, declared, funcs: image.funcs.length };
  return { image, errors: [] };
}
