/**
 * compile.ts — the back-end driver: a checked `package main` (syntax + Info) → ProgramImage.
 * Lays out globals, creates one IrFunc per function declaration, lowers bodies (ir/lower.ts),
 * the package initialiser (Info.initOrder, then init functions in source order) and the
 * entry wrapper `runtime.main` (init, then main.main), then encodes the image (emit.ts).
 */
import { FN_RUNTIME, type ProgramImage } from "@gort/runtime/image";
import type { Diagnostic } from "../diag.js";
import type { LoadedPackage } from "../loader/index.js";
import type * as ast from "../syntax/ast.js";
import type { FileSet, Pos } from "../syntax/position.js";
import { BasicKind, Func, Typ, TypeTag, Var, type Named, type Pointer, type Type } from "../types/index.js";
import { sizeof } from "../types/sizes.js";
import type { IrFunc } from "../ir/ir.js";
import { FuncLowering, Unsupported, type HelperName, type ProgramCtx } from "../ir/lower.js";
import { makeCmpString, makeConcatString2, makeDecodeRune, makeIntString, makeMemmove } from "../ir/rtfuncs.js";
import { ConstPool, buildImage } from "./emit.js";
import { Statics } from "./statics.js";
import { TypeTable, pointerWords } from "./typedesc.js";

export type CompileResult = { image: ProgramImage; errors: [] } | { image: null; errors: Diagnostic[] };

function first0(pkg: LoadedPackage): Pos {
  return pkg.syntax[0]?.package ?? 0;
}

function unsupported(pos: Pos, what: string): Diagnostic {
  return { pos, msg: `gort: ${what} not supported yet` };
}

/** Go's symbol name of a function or method: main.F, main.T.M, main.(*T).M. */
function funcName(pkg: string, fn: Func): string {
  const recv = fn.signature().recv;
  if (recv === null) return `${pkg}.${fn.name}`;
  let t = recv.type as Type;
  let ptr = false;
  if (t.tag === TypeTag.Pointer) {
    ptr = true;
    t = (t as Pointer).base;
  }
  const n = t.tag === TypeTag.Named ? (t as Named).obj.name : t.toString();
  return ptr ? `${pkg}.(*${n}).${fn.name}` : `${pkg}.${n}.${fn.name}`;
}

/** Compiles a loaded, error-free main package (loaded with keepSyntax and an Info). */
export function compileProgram(pkg: LoadedPackage, fset: FileSet): CompileResult {
  const info = pkg.info;
  if (info === undefined) throw new Error("compileProgram: the package was loaded without an Info");
  const errors: Diagnostic[] = [];
  const files: string[] = [];
  const fileIdx = new Map<string, number>();
  const st = new Statics();
  const consts = new ConstPool();
  const types = new TypeTable(st);
  const natives: string[] = [];
  const helpers = new Map<string, IrFunc>();
  const extra: IrFunc[] = [];
  const wrappers = new Map<Func, IrFunc>();

  if (pkg.name !== "main") {
    return { image: null, errors: [{ pos: pkg.syntax[0]?.name.pos ?? 0, msg: `gort: package ${pkg.name} is not a main package` }] };
  }
  for (const f of pkg.syntax)
    for (const imp of f.imports)
      // unsafe has no code: its functions are constants or builtins the lowering handles
      if (imp.path.value !== '"unsafe"') errors.push(unsupported(imp.path.pos, `import of ${imp.path.value}`));
  if (errors.length > 0) return { image: null, errors };

  // globals: one zeroed block after the statics (bss); offsets here are within the block
  const globalVars: Var[] = [];
  for (const f of pkg.syntax)
    for (const d of f.decls)
      if (d.kind === "GenDecl" && d.tok === "var")
        for (const spec of d.specs)
          if (spec.kind === "ValueSpec")
            for (const n of spec.names) {
              const v = info.defs.get(n);
              if (v instanceof Var) globalVars.push(v);
            }
  const globalOff = new Map<Var, number>();
  const ptrWords: number[] = [];
  let gsize = 0;
  for (const v of globalVars) {
    const t = v.type as Type;
    try {
      const sz = sizeof(t);
      globalOff.set(v, gsize);
      pointerWords(t, gsize, ptrWords);
      gsize += Math.ceil(sz / 8) * 8;
    } catch (e) {
      if (e instanceof Unsupported) errors.push(unsupported(e.pos, e.what));
      else throw e;
    }
  }
  if (gsize > 1 << 30) errors.push({ pos: first0(pkg), msg: `gort: ${gsize} bytes of global variables (more than 1 GiB) not supported yet` });

  const ctx: ProgramCtx = {
    info,
    fileIndex(pos: Pos): number {
      const name = fset.position(pos).filename;
      let i = fileIdx.get(name);
      if (i === undefined) {
        i = files.push(name) - 1;
        fileIdx.set(name, i);
      }
      return i;
    },
    line: (pos) => fset.position(pos).line,
    funcOf(f: Func): IrFunc {
      const irf = funcs.get(f);
      if (irf === undefined) throw new Unsupported(f.pos, `call of ${f.name}`);
      return irf;
    },
    globalOff: (v) => globalOff.get(v),
    typeId: (t) => types.index(t),
    constInt: (v) => consts.int(v),
    constFloat: (f) => consts.float(f),
    stringData: (b) => st.stringData(b),
    helper(name: HelperName): IrFunc {
      let f = helpers.get(name);
      if (f === undefined) {
        const file = ctx.fileIndex(pkg.syntax[0]?.package ?? 0);
        f =
          name === "concatstring2"
            ? makeConcatString2(file, types.index(Typ[BasicKind.Uint8]))
            : name === "cmpstring"
              ? makeCmpString(file)
              : name === "memmove"
                ? makeMemmove(file)
                : name === "decoderune"
                  ? makeDecodeRune(file)
                  : makeIntString(file, types.index(Typ[BasicKind.Uint8]));
        helpers.set(name, f);
      }
      return f;
    },
    methodWrapper(fn: Func): IrFunc {
      let w = wrappers.get(fn);
      if (w === undefined) {
        const low = new FuncLowering(ctx, `${funcName("main", fn)}-fm`, fn.pos);
        w = low.f;
        wrappers.set(fn, w);
        low.lowerMethodWrapper(fn, ctx.funcOf(fn));
        extra.push(w);
      }
      return w;
    },
    addFunc(f: IrFunc): void {
      extra.push(f);
    },
    nativeIndex(name: string): number {
      let i = natives.indexOf(name);
      if (i < 0) i = natives.push(name) - 1;
      return i;
    },
  };

  // one IrFunc per declaration, so calls can refer to functions not yet lowered
  const funcs = new Map<Func, IrFunc>();
  const decls: { decl: ast.FuncDecl; fn: Func; low: FuncLowering }[] = [];
  const initFuncs: IrFunc[] = [];
  let mainFn: IrFunc | null = null;
  for (const f of pkg.syntax)
    for (const d of f.decls) {
      if (d.kind !== "FuncDecl") continue;
      const fn = info.defs.get(d.name);
      if (!(fn instanceof Func)) {
        errors.push(unsupported(d.name.pos, `function ${d.name.name} without an object`));
        continue;
      }
      const isInit = fn.name === "init" && d.recv === undefined;
      const low = new FuncLowering(ctx, isInit ? `main.init.${initFuncs.length}` : funcName("main", fn), d.name.pos);
      if (isInit) {
        initFuncs.push(low.f);
        decls.push({ decl: d, fn, low });
        continue;
      }
      funcs.set(fn, low.f);
      decls.push({ decl: d, fn, low });
      if (fn.name === "main" && d.recv === undefined) mainFn = low.f;
    }
  for (const { decl, fn, low } of decls) {
    try {
      low.lowerFunc(decl, fn);
    } catch (e) {
      if (e instanceof Unsupported) errors.push(unsupported(e.pos, e.what));
      else throw e;
    }
  }
  const first = pkg.syntax[0];
  const initLow = new FuncLowering(ctx, "main.init", first?.package ?? 0);
  try {
    initLow.lowerInit(info.initOrder, initFuncs, first?.package ?? 0);
  } catch (e) {
    if (e instanceof Unsupported) errors.push(unsupported(e.pos, e.what));
    else throw e;
  }
  if (mainFn === null) errors.push({ pos: first?.package ?? 0, msg: "function main is undeclared in the main package" });
  if (errors.length > 0) {
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
  const entryLow = new FuncLowering(ctx, "runtime.main", first?.package ?? 0);
  entryLow.f.flags |= FN_RUNTIME;
  entryLow.lowerEntry(initLow.f, mainFn as IrFunc);
  const all: IrFunc[] = [entryLow.f, initLow.f, ...decls.map((d) => d.low.f), ...extra, ...helpers.values()];
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
  return { image, errors: [] };
}
