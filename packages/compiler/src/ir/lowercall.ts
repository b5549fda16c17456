/**
 * lowercall.ts — call lowering (part of FuncLowering, see lowerbase.ts): static and
 * dynamic calls, receivers and method values, the "-fm" method wrapper, runtime helper calls,
 * append/copy/make checks, conversions and builtins.
 */
import { FN_CLOSURE, FN_WRAPPER, Op } from "@gort/runtime/image";
import type { Pos } from "../syntax/position.js";
import * as ast from "../syntax/ast.js";
import {
  BasicKind,
  BuiltinId,
  Builtin,
  Func,
  Pointer,
  SelectionKind,
  Struct,
  Typ,
  TypeName,
  TypeTag,
  Var,
  type Array as ArrayT,
  type Signature,
  type Slice,
  Tuple,
  type Type,
} from "../types/index.js";
import { sizeof } from "../types/sizes.js";
import { TypeAndValue } from "../types/info.js";
import { Mode } from "../types/operand.js";
import { Label, type IrFunc } from "./ir.js";
import {
  BC_CONVERT,
  Unsupported,
  basicKind,
  isAggregate,
  isComplex,
  isFloat,
  isUnsigned,
  isString,
  isIntegerKind,
  shapeOf,
  typeHasPointers,
  type HelperName,
  type Val,
} from "./lowerbase.js";
import { LowerExpr } from "./lowerexpr.js";
import { instanceCallee } from "./generics.js";

export abstract class LowerCall extends LowerExpr {
  // Interfaces (loweriface.ts).
  protected abstract ifaceCall(e: ast.CallExpr, fun: ast.SelectorExpr, m: Func, path: number[]): Val[];
  protected abstract printIface(v: Val): void;
  protected abstract printSlice(v: Val): void;
  protected abstract panicValue(e: ast.Expr, pos: Pos): void;
  /** make(chan T[, n]), close, len/cap of a channel (lowerchan.ts); null: not a channel builtin. */
  protected abstract chanBuiltin(e: ast.CallExpr, id: BuiltinId): Val[] | null;
  /** make, len, delete of maps (lowermap.ts); null: not a map builtin. */
  protected abstract mapBuiltin(e: ast.CallExpr, id: BuiltinId): Val[] | null;
  // Complex numbers and rune slices (lowermisc.ts).
  protected abstract complexConvert(x: Val, from: Type, to: Type): Val;
  protected abstract complexBuiltin(e: ast.CallExpr, id: BuiltinId): Val[] | null;
  protected abstract printComplex(v: Val, pos: Pos): void;
  protected abstract runeConversion(x: Val, from: Type, to: Type, arg: ast.Expr): Val | null;
  /** The argument and result blocks of the last call callSig emitted (go statements repackage it). */
  protected lastCall: { argBase: number; nargs: number; resBase: number; nres: number } | null = null;
  /** recover() (lowerdefer.ts). */
  protected abstract recoverCall(pos: Pos): Val;

  // ── calls ───────────────────────────────────────────────────────────────────────────────

  protected call(e: ast.CallExpr): Val[] {
    const h = this.hoisted.get(e);
    if (h !== undefined) {
      this.hoisted.delete(e);
      return h;
    }
    const info = this.p.info;
    const pos = ast.nodePos(e);
    const ftv = info.types.get(e.fun);
    if (ftv !== undefined && ftv.isType()) return [this.conversion(e)];
    const fun = ast.unparen(e.fun);
    if (fun.kind === "Ident") {
      const o = info.uses.get(fun);
      if (o instanceof Builtin) return this.builtin(e, o.builtinId);
      if (o instanceof Func) return this.staticCall(e, o, null);
    }
    const gf = instanceCallee(info, fun); // F[int](x): an instance of a generic function (generics.ts)
    if (gf !== null) return this.staticCall(e, gf, null);
    if (fun.kind === "SelectorExpr") {
      const sel = info.selections.get(fun);
      if (sel !== undefined && sel.kind === SelectionKind.MethodVal) {
        // interface methods, also promoted through embedded interface fields (loweriface.ts)
        if ((sel.obj as Func).signature().recv?.type?.underlying().tag === TypeTag.Interface)
          return this.ifaceCall(e, fun, sel.obj as Func, sel.index.slice(0, -1));
        return this.staticCall(e, sel.obj as Func, fun, sel.index.slice(0, -1));
      }
      if (sel === undefined) {
        const o = info.uses.get(fun.sel);
        if (o instanceof Builtin) return this.builtin(e, o.builtinId);
        if (o instanceof Func) return this.staticCall(e, o, null); // pkg.F()
        // pkg.V() with V a variable of func type: an indirect call below
        if (o === undefined) throw new Unsupported(pos, `calls of imported functions (${(fun.x as ast.Ident).name ?? "?"}.${fun.sel.name})`);
      }
    }
    const ft = this.typeOf(fun).underlying();
    if (ft.tag !== TypeTag.Signature) throw new Unsupported(pos, "this call");
    return this.callSig(e, ft as Signature, null, [], (argBase, resBase) => {
      const fv = this.expr(fun);
      const c = this.temp("p");
      this.emit(Op.MOV, c, fv.slot);
      return () => {
        this.emit(Op.NILCHK, c);
        this.emit(Op.CALLI, c, argBase, resBase);
      };
    });
  }

  protected staticCall(e: ast.CallExpr, fn: Func, recvSel: ast.SelectorExpr | null, embedPath: number[] = []): Val[] {
    // math.Sqrt is an intrinsic, as in gc: one SQRTF (correctly rounded, so exactly Go's result)
    // instead of the portable Go body's integer square root
    if (recvSel === null && fn.name === "Sqrt" && fn.pkg?.path === "math" && e.args.length === 1) {
      const x = this.expr(e.args[0]);
      const r = this.temp("n");
      this.at(ast.nodePos(e));
      this.emit(Op.SQRTF, r, x.slot);
      return [{ slot: r, n: 1 }];
    }
    const irf = this.p.funcOf(fn);
    return this.callSig(e, fn.signature(), recvSel, embedPath, (argBase, resBase) => () =>
      this.emit(Op.CALL, 0, argBase, resBase, 0, { fn: irf }),
    );
  }

  /**
   * A call with signature sig: `prepare` runs first (evaluating the function value, in Go's
   * order before the arguments) and returns the emitter of the call instruction itself.
   */
  protected callSig(
    e: ast.CallExpr,
    sig: Signature,
    recvSel: ast.SelectorExpr | null,
    embedPath: number[],
    prepare: (argBase: number, resBase: number) => () => void,
    /** leading argument slots `prepare` fills itself (an interface call's data word) */
    recvSlots = 0,
  ): Val[] {
    const pos = ast.nodePos(e);
    if (sig.tparams.length > 0) throw new Unsupported(pos, "generic functions");
    const spread = e.args.length === 1 && this.p.info.types.get(e.args[0])?.type.tag === TypeTag.Tuple;
    const ptypes: Type[] = [];
    if (sig.recv !== null) ptypes.push(sig.recv.type as Type);
    for (const v of sig.params.vars) ptypes.push(v.type as Type);
    const pshape = ptypes.map((t) => shapeOf(t, pos)).join("");
    const rtypes = sig.results.vars.map((v) => v.type as Type);
    const rshape = rtypes.map((t) => shapeOf(t, pos)).join("");
    const argBase = pshape.length > 0 ? this.temp(pshape) : 0;
    const resBase = rshape.length > 0 ? this.temp(rshape) : 0;
    const doCall = prepare(argBase, resBase);
    // evaluate arguments in order into their own temps, then move them into the block
    const vals: Val[] = [];
    if (recvSel !== null) vals.push(this.recvArg(recvSel, embedPath, ptypes[0], pos));
    const np = sig.params.vars.length;
    const packed = sig.variadic && e.ellipsis <= 0;
    const fixed = spread ? [] : packed ? e.args.slice(0, np - 1) : e.args;
    // f(g()) with a variadic f: g's results past the fixed parameters, packed below
    const spreadExtra: { v: Val; t: Type }[] = [];
    if (spread) {
      // f(g()): g's results, in order, are f's arguments
      const rs = this.call(ast.unparen(e.args[0]) as ast.CallExpr);
      const tup = this.p.info.types.get(e.args[0])?.type as Tuple;
      rs.forEach((v, i) => {
        const t = tup.vars[i].type as Type;
        if (packed && i >= np - 1) {
          spreadExtra.push({ v: isAggregate(t) ? v : this.copyScalar(t, v, pos), t });
          return;
        }
        const cv = this.convertTo(v, t, sig.params.vars[i].type as Type, pos);
        vals.push(cv !== v ? cv : isAggregate(t) ? this.copyAgg(t, v) : this.copyScalar(t, v, pos));
      });
    }
    fixed.forEach((a, i) => {
      const t = this.typeOf(a);
      const v = this.expr(a);
      const cv = this.convertTo(v, t, sig.params.vars[i].type as Type, ast.nodePos(a));
      vals.push(cv !== v ? cv : isAggregate(t) ? this.copyAgg(t, v) : this.copyScalar(t, v, pos));
    });
    if (packed) {
      // the variadic arguments become a new slice (nil when there are none)
      const elem = ((sig.params.vars[np - 1].type as Type).underlying() as Slice).elem;
      const extra = spread ? spreadExtra : e.args.slice(np - 1);
      const sl = this.temp("pnn");
      if (extra.length === 0) for (let i = 0; i < 3; i++) this.ldi(sl + i, 0);
      else {
        const cnt = this.temp("n");
        this.ldi(cnt, extra.length);
        this.at(pos);
        this.emit(Op.NEWARR, sl, this.p.typeId(elem), cnt, 0, { type: elem });
        this.ldi(sl + 1, extra.length);
        this.ldi(sl + 2, extra.length);
        if (spread)
          spreadExtra.forEach((x, i) => {
            const m = this.mark();
            this.storeAt(sl, i * sizeof(elem), elem, this.convertTo(x.v, x.t, elem, pos), pos);
            this.release(m);
          });
        else
          (extra as ast.Expr[]).forEach((a, i) => {
            const m = this.mark();
            const v = this.convertTo(this.expr(a), this.typeOf(a), elem, ast.nodePos(a));
            this.storeAt(sl, i * sizeof(elem), elem, v, ast.nodePos(a));
            this.release(m);
          });
      }
      vals.push({ slot: sl, n: 3 });
    }
    let s = argBase + recvSlots;
    for (const v of vals) {
      this.movVal(s, v);
      s += v.n;
    }
    this.at(e.lparen > 0 ? e.lparen : pos); // gc's line of a call: its "(" (multi-line calls, f(){…}())
    this.lastCall = { argBase, nargs: pshape.length, resBase, nres: rshape.length };
    doCall();
    const out: Val[] = [];
    let r = resBase;
    for (const t of rtypes) {
      const n = shapeOf(t, pos).length;
      out.push({ slot: r, n, fresh: isAggregate(t) });
      r += n;
    }
    return out;
  }

  /**
   * append(s, x...) without spread: if the capacity does not suffice, the native
   * runtime.growslice(elemType, ptr, len, cap, newLen) → (ptr, newLen, newCap) reallocates with
   * Go's capacity policy (REQUESTS.md); then the new elements are stored in order.
   */
  protected append(e: ast.CallExpr): Val {
    const pos = ast.nodePos(e);
    const st = this.typeOf(e);
    const elem = (st.underlying() as Slice).elem;
    const s0 = this.expr(e.args[0]);
    if (e.ellipsis > 0) return this.appendSpread(s0, e.args[1], elem, pos);
    const vals = e.args.slice(1).map((a) => {
      const t = this.typeOf(a);
      const v = this.expr(a);
      const cv = this.convertTo(v, t, elem, ast.nodePos(a));
      if (cv !== v) return cv;
      return isAggregate(t) ? v : this.copyScalar(t, v, pos);
    });
    const r = this.temp("pnn");
    this.movVal(r, s0);
    if (vals.length === 0) return { slot: r, n: 3 };
    const newLen = this.temp("n");
    this.emit(Op.ADDI, newLen, r + 1, vals.length);
    const ok = new Label("fits");
    this.at(pos);
    this.emit(Op.JLEU, newLen, r + 2, 0, 0, { target: ok });
    const args = this.temp("npnnn");
    // args: [type desc addr (static data, not a heap pointer), ptr, len, cap, newLen]
    this.emit(Op.TYPEADDR, args, this.p.typeId(elem), 0, 0, { type: elem });
    this.emit(Op.MOVN, args + 1, r, 3);
    this.emit(Op.MOV, args + 4, newLen);
    this.emit(Op.CALLN, this.p.nativeIndex("runtime.growslice"), args, r);
    this.place(ok);
    const es = sizeof(elem);
    const idx = this.temp("n");
    const a = this.temp("p");
    vals.forEach((v, i) => {
      this.emit(Op.ADDI, idx, r + 1, i);
      this.emit(Op.INDEXP, a, r, idx, es);
      this.storeAt(a, 0, elem, v, pos);
    });
    this.emit(Op.MOV, r + 1, newLen);
    return { slot: r, n: 3 };
  }

  /**
   * Go's makeslice checks: len out of range when len < 0 or len·size exceeds the allocation
   * limit, else cap out of range when cap < len or cap·size exceeds it. The limit is gort's
   * 2 GiB object limit (Go's maxAlloc is 2^48; between the two Go would run out of memory).
   */
  protected makesliceCheck(len: number, cap: number, size: number): void {
    const zero = this.temp("n");
    const max = this.temp("n");
    this.ldi(zero, 0);
    this.ldInt(max, size === 0 ? 1n << 62n : BigInt(Math.floor(2 ** 31 / size)));
    const badLen = new Label("badlen");
    const badCap = new Label("badcap");
    const ok = new Label("ok");
    this.emit(Op.JLT, len, zero, 0, 0, { target: badLen });
    this.emit(Op.JLT, max, len, 0, 0, { target: badLen });
    this.emit(Op.JLT, cap, len, 0, 0, { target: badCap });
    this.emit(Op.JLT, max, cap, 0, 0, { target: badCap });
    this.jmp(ok);
    // run-time errors raised by the runtime (runtime/src/makeslice.ts), as Go's makeslice
    this.place(badLen);
    this.emit(Op.CALLN, this.p.nativeIndex("runtime.makeslicelenerror"), 0, 0);
    this.place(badCap);
    this.emit(Op.CALLN, this.p.nativeIndex("runtime.makeslicecaperror"), 0, 0);
    this.place(ok);
  }

  /**
   * panic(msg) with a constant string (prints exactly as the runtime error with that text).
   * `plain`: the value is a runtime.plainError (a runtime.Error for recover, as Go's) when the
   * program links package runtime (FIXES).
   */
  protected panicString(msg: string, plain = false): void {
    let t: Type = Typ[BasicKind.String];
    const pe = plain ? this.p.runtimePkg?.()?.scope.lookup("plainError") : undefined;
    if (pe instanceof TypeName && pe.type !== null) {
      t = pe.type as Type;
      this.p.markIface(t);
    }
    const b = new TextEncoder().encode(msg);
    const v = this.temp("pn");
    this.emit(Op.SADDR, v, this.p.stringData(b));
    this.ldi(v + 1, b.length);
    const pair = this.temp("np");
    this.emit(Op.TYPEADDR, pair, this.p.typeId(t), 0, 0, { type: t });
    this.emit(Op.NEW, pair + 1, this.p.typeId(t), 0, 0, { type: t });
    this.storeAt(pair + 1, 0, t, { slot: v, n: 2 }, 0);
    this.emit(Op.PANIC, pair);
  }

  /**
   * Copies s[n] elements of type elem from s[src] to s[dst] (overlap allowed): runtime.memmove
   * of the bytes, or runtime.typedslicecopy (bulk write barrier) when elem holds pointers
   * (runtime/src/string.ts).
   */
  protected memmove(dst: number, src: number, n: number, elem: Type): void {
    const size = sizeof(elem);
    if (typeHasPointers(elem)) {
      const args = this.temp("nppn");
      this.emit(Op.TYPEADDR, args, this.p.typeId(elem), 0, 0, { type: elem });
      this.emit(Op.MOV, args + 1, dst);
      this.emit(Op.MOV, args + 2, src);
      this.emit(Op.MOV, args + 3, n);
      this.emit(Op.CALLN, this.p.nativeIndex("runtime.typedslicecopy"), args, 0);
      return;
    }
    const args = this.temp("ppn");
    this.emit(Op.MOV, args, dst);
    this.emit(Op.MOV, args + 1, src);
    if (size === 1) this.emit(Op.MOV, args + 2, n);
    else {
      const k = this.temp("n");
      this.ldi(k, size);
      this.emit(Op.MUL, args + 2, n, k);
    }
    this.emit(Op.CALLN, this.p.nativeIndex("runtime.memmove"), args, 0);
  }

  /** Calls a string runtime native (runtime/src/string.ts) with string-shaped arguments. */
  protected callHelper(name: HelperName, args: Val[], rshape: string, pos: Pos): Val {
    const base = this.temp(args.map(() => "pn").join(""));
    args.forEach((v, i) => this.movVal(base + 2 * i, v));
    const r = this.temp(rshape);
    this.at(pos);
    this.emit(Op.CALLN, this.p.nativeIndex(`runtime.${name}`), base, r);
    return { slot: r, n: rshape.length };
  }

  /** The receiver argument of x.M (a pointer, or a copy of the value the method owns). */
  protected recvArg(recvSel: ast.SelectorExpr, embedPath: number[], rt: Type, pos: Pos): Val {
    if (embedPath.length > 0) {
      // promoted method: the receiver is the embedded field (or what its pointer points to)
      const [base, off, ft] = this.fieldPath(recvSel.x, embedPath, recvSel.sel.pos);
      const addr = this.temp("p");
      this.emit(ft.underlying().tag === TypeTag.Pointer ? Op.LD64 : Op.ADDP, addr, base, off);
      if (rt.tag === TypeTag.Pointer) return { slot: addr, n: 1 };
      const v = this.loadAt(addr, 0, rt, pos);
      return isAggregate(rt) ? this.copyAgg(rt, v) : this.copyScalar(rt, v, pos);
    }
    const xt = this.typeOf(recvSel.x);
    if (rt.tag === TypeTag.Pointer && xt.underlying().tag !== TypeTag.Pointer) return { slot: this.addr(recvSel.x), n: 1 };
    if (rt.tag !== TypeTag.Pointer && xt.underlying().tag === TypeTag.Pointer) {
      const p = this.expr(recvSel.x);
      this.at(recvSel.sel.pos);
      const v = this.loadAt(p.slot, 0, rt, pos);
      return isAggregate(rt) ? this.copyAgg(rt, v) : this.copyScalar(rt, v, pos);
    }
    const v = this.expr(recvSel.x);
    return isAggregate(rt) ? this.copyAgg(rt, v) : this.copyScalar(rt, v, pos);
  }

  /** x.M as a value: a closure {M-fm wrapper, receiver} (the receiver evaluated now, as Go). */
  protected methodValue(e: ast.SelectorExpr, fn: Func, embedPath: number[]): Val {
    const pos = ast.nodePos(e);
    const rt = fn.signature().recv?.type as Type;
    const recv = this.recvArg(e, embedPath, rt, pos);
    const ft = isAggregate(rt) ? new Pointer(rt) : rt;
    const t = new Struct([new Var(pos, null, "F", Typ[BasicKind.Uintptr]), new Var(pos, null, "R", ft)], []);
    const r = this.temp("p");
    this.at(pos);
    this.emit(Op.NEW, r, this.p.typeId(t), 0, 0, { type: t });
    const idx = this.temp("n");
    this.emit(Op.LDI, idx, 0, 0, 0, { fnB: this.p.methodWrapper(fn) });
    this.emit(Op.ST64, r, 0, idx);
    this.storeLeaves(r, 8, ft, recv, pos);
    return { slot: r, n: 1 };
  }

  /** Body of the "-fm" wrapper of method fn (impl): calls it with the receiver saved in the closure. */
  lowerMethodWrapper(fn: Func, impl: IrFunc): IrFunc {
    const sig = fn.signature();
    const pos = fn.pos;
    const rt = sig.recv?.type as Type;
    this.f.flags |= FN_CLOSURE | FN_WRAPPER;
    const pshape = sig.params.vars.map((v) => shapeOf(v.type as Type, pos)).join("");
    const rshape = sig.results.vars.map((v) => shapeOf(v.type as Type, pos)).join("");
    if (pshape.length > 0) this.alloc(pshape);
    this.f.nparams = pshape.length;
    if (rshape.length > 0) this.alloc(rshape);
    this.f.nresults = rshape.length;
    const c = this.alloc("p");
    this.emit(Op.GETCTX, c);
    let recv: Val;
    if (isAggregate(rt)) {
      const p = this.temp("p");
      this.emit(Op.LD64, p, c, 8);
      recv = this.copyAgg(rt, { slot: p, n: 1 });
    } else recv = this.loadAt(c, 8, rt, pos);
    const args = this.temp(shapeOf(rt, pos) + pshape);
    this.movVal(args, recv);
    if (pshape.length > 0) this.movVal(args + recv.n, { slot: 0, n: pshape.length });
    const res = rshape.length > 0 ? this.temp(rshape) : 0;
    this.emit(Op.CALL, 0, args, res, 0, { fn: impl });
    if (rshape.length > 0) this.movVal(pshape.length, { slot: res, n: rshape.length });
    this.emit(Op.RET);
    return this.f;
  }

  /** append(s, t...) (t a slice, or a string when s is []byte). */
  protected appendSpread(s0: Val, te: ast.Expr, elem: Type, pos: Pos): Val {
    const t = this.expr(te);
    const r = this.temp("pnn");
    this.movVal(r, s0);
    const tv = this.temp("pn");
    this.emit(Op.MOVN, tv, t.slot, 2);
    const newLen = this.temp("n");
    this.emit(Op.ADD, newLen, r + 1, tv + 1);
    const ok = new Label("fits");
    this.at(pos);
    this.emit(Op.JLEU, newLen, r + 2, 0, 0, { target: ok });
    const args = this.temp("npnnn");
    this.emit(Op.TYPEADDR, args, this.p.typeId(elem), 0, 0, { type: elem });
    this.emit(Op.MOVN, args + 1, r, 3);
    this.emit(Op.MOV, args + 4, newLen);
    this.emit(Op.CALLN, this.p.nativeIndex("runtime.growslice"), args, r);
    this.place(ok);
    // Nothing to copy: no destination address either. With len = cap it would point past the end
    // of s's array, into the next object, and the pointer slot holding it would keep that object
    // alive for the rest of the call (Go never forms such a pointer; sliceExpr's rule too).
    const none = new Label("none");
    const zero = this.temp("n");
    this.ldi(zero, 0);
    this.emit(Op.JEQ, tv + 1, zero, 0, 0, { target: none });
    const at = this.temp("p");
    this.emit(Op.INDEXP, at, r, r + 1, sizeof(elem));
    this.memmove(at, tv, tv + 1, elem);
    this.place(none);
    this.emit(Op.MOV, r + 1, newLen);
    return { slot: r, n: 3 };
  }

  /** Register variables are read in place; a call argument must not alias a later-modified slot. */
  protected copyScalar(t: Type, v: Val, pos: Pos): Val {
    const r = this.tempFor(t, pos);
    this.movVal(r.slot, v);
    return r;
  }

  protected conversion(e: ast.CallExpr): Val {
    const pos = ast.nodePos(e);
    const to = this.typeOf(e);
    const arg = e.args[0];
    const from = this.typeOf(arg);
    const x = this.expr(arg);
    if (to.underlying().tag === TypeTag.Interface) return this.convertTo(x, from, to, pos);
    const tu = to.underlying();
    const fu = from.underlying();
    const rc = this.runeConversion(x, from, to, arg); // also []byte ↔ string (lowermisc.ts)
    if (rc !== null) return rc;
    if (isString(to) && isIntegerKind(basicKind(from))) {
      // string(rune) (and string(int)): out-of-range values become U+FFFD
      const v = this.temp("n");
      this.emit(Op.MOV, v, x.slot);
      // (a uint64 above MaxInt64 reads as negative here: invalid either way, U+FFFD)
      const r = this.temp("pn");
      this.at(pos);
      this.emit(Op.CALLN, this.p.nativeIndex("runtime.intstring"), v, r);
      return { slot: r, n: 2 };
    }
    if (isString(to) && !isString(from)) throw new Unsupported(pos, `conversion of ${from.toString()} to string`);
    if (isString(from) && !isString(to)) throw new Unsupported(pos, `conversion of string to ${to.toString()}`);
    if (fu.tag === TypeTag.Slice && tu.tag === TypeTag.Pointer) {
      // (*[N]T)(s) (FIXES): Go's length check, then s's data pointer (nil for a nil s)
      const n = ((tu as Pointer).base.underlying() as ArrayT).len;
      const k = this.temp("n");
      this.ldi(k, n);
      this.at(pos);
      this.emit(Op.BCHK, BC_CONVERT, k, x.slot + 1);
      return { slot: x.slot, n: 1 };
    }
    if (tu.tag !== TypeTag.Basic || fu.tag !== TypeTag.Basic) return x; // identical underlying types
    if (isComplex(to)) return this.complexConvert(x, from, to);
    const tk = basicKind(to);
    const fk = basicKind(from);
    if (isString(to)) return x;
    const r = this.temp("n");
    const tf = isFloat(to);
    const ff = isFloat(from);
    if (tf && ff) {
      if (tk === BasicKind.Float32 && fk !== BasicKind.Float32) this.emit(Op.F2F32, r, x.slot);
      else this.emit(Op.MOV, r, x.slot);
    } else if (tf) {
      const u = isUnsigned(from);
      if (tk === BasicKind.Float32) this.emit(u ? Op.U2F32 : Op.I2F32, r, x.slot);
      else this.emit(u ? Op.U2F : Op.I2F, r, x.slot);
    } else if (ff) {
      const k = basicKind(to);
      this.emit(k === BasicKind.Uint64 || k === BasicKind.Uint || k === BasicKind.Uintptr ? Op.F2U : Op.F2I, r, x.slot);
      if (k === BasicKind.Int8 || k === BasicKind.Int16 || k === BasicKind.Int32 || k === BasicKind.Uint8 || k === BasicKind.Uint16) {
        // Go amd64 converts to these through a 32-bit conversion (CVTTSD2SL): out of int32's
        // range the intermediate is 0x80000000, then truncated to the target width
        const t = this.temp("n");
        const ok = new Label("inrange");
        this.emit(Op.SEXT32, t, r);
        this.emit(Op.JEQ, t, r, 0, 0, { target: ok });
        this.ldi(r, -2147483648);
        this.place(ok);
      }
      this.norm(r, to);
    } else if (isIntegerKind(tk)) {
      this.emit(Op.MOV, r, x.slot);
      this.norm(r, to);
    } else this.emit(Op.MOV, r, x.slot);
    return { slot: r, n: 1 };
  }

  protected builtin(e: ast.CallExpr, id: BuiltinId): Val[] {
    const pos = ast.nodePos(e);
    const tuple = e.args.length === 1 ? this.p.info.types.get(e.args[0]) : undefined;
    if (id !== BuiltinId.Print && id !== BuiltinId.Println && tuple !== undefined && tuple.type.tag === TypeTag.Tuple) {
      // copy(f()), delete(f()), append(f()), complex(f()): the call's results become the
      // arguments — synthetic expressions preset to the result values, typed as the results
      const vals = this.call(ast.unparen(e.args[0]) as ast.CallExpr);
      const args = (tuple.type as Tuple).vars.map((v, i): ast.Expr => {
        const a: ast.Ident = { kind: "Ident", pos: ast.nodePos(e.args[0]), name: `_arg${i}` };
        this.p.info.types.set(a, new TypeAndValue(Mode.Value, v.type as Type, null));
        this.presets.set(a, vals[i]);
        return a;
      });
      const call: ast.CallExpr = { ...e, args };
      const ctv = this.p.info.types.get(e);
      if (ctv !== undefined) this.p.info.types.set(call, ctv);
      return this.builtin(call, id);
    }
    const xv = this.complexBuiltin(e, id);
    if (xv !== null) return xv;
    const cv = this.chanBuiltin(e, id);
    if (cv !== null) return cv;
    const mv = this.mapBuiltin(e, id);
    if (mv !== null) return mv;
    switch (id) {
      case BuiltinId.Print:
      case BuiltinId.Println: {
        const tup = e.args.length === 1 ? this.p.info.types.get(e.args[0])?.type : undefined;
        const vals =
          tup !== undefined && tup.tag === TypeTag.Tuple
            ? this.call(ast.unparen(e.args[0]) as ast.CallExpr).map((v, i) => ({ v, t: (tup as Tuple).vars[i].type as Type }))
            : e.args.map((a) => ({ v: this.expr(a), t: this.typeOf(a) }));
        this.at(pos);
        vals.forEach(({ v, t }, i) => {
          if (i > 0 && id === BuiltinId.Println) this.emit(Op.PRINTSP);
          const u = t.underlying();
          const k = basicKind(t);
          if (u.tag === TypeTag.Pointer || u.tag === TypeTag.Chan || u.tag === TypeTag.Map || k === BasicKind.UnsafePointer) this.emit(Op.PRINTP, v.slot);
          else if (k === BasicKind.Bool || k === BasicKind.UntypedBool) this.emit(Op.PRINTB, v.slot);
          else if (isString(t)) this.emit(Op.PRINTS, v.slot);
          else if (isFloat(t)) this.emit(Op.PRINTF, v.slot);
          else if (isComplex(t)) this.printComplex(v, pos);
          else if (isUnsigned(t)) this.emit(Op.PRINTU, v.slot);
          else if (isIntegerKind(k)) this.emit(Op.PRINTI, v.slot);
          else if (u.tag === TypeTag.Interface) this.printIface(v);
          else if (u.tag === TypeTag.Slice) this.printSlice(v); // Go's [len/cap]0xptr
          else if (u.tag === TypeTag.Signature) this.emit(Op.PRINTP, v.slot);
          else throw new Unsupported(ast.nodePos(e.args[i]), `printing values of type ${t.toString()}`);
        });
        if (id === BuiltinId.Println) this.emit(Op.PRINTNL);
        return [];
      }
      case BuiltinId.Len:
      case BuiltinId.Cap: {
        const t = this.typeOf(e.args[0]);
        let u = t.underlying();
        if (u.tag === TypeTag.Pointer) u = (u as Pointer).base.underlying();
        if (u.tag === TypeTag.Array) {
          // (constant lengths were folded by the checker; an operand with calls or receives,
          // e.g. len(<-c) of a chan *[N]T, is evaluated for its effects)
          this.expr(e.args[0]);
          const r = this.temp("n");
          this.ldi(r, (u as ArrayT).len);
          return [{ slot: r, n: 1 }];
        }
        const v = this.expr(e.args[0]);
        if (u.tag === TypeTag.Slice) return [{ slot: v.slot + (id === BuiltinId.Len ? 1 : 2), n: 1 }];
        if (isString(t) && id === BuiltinId.Len) return [{ slot: v.slot + 1, n: 1 }];
        throw new Unsupported(pos, `${id === BuiltinId.Len ? "len" : "cap"} of ${t.toString()}`);
      }
      case BuiltinId.New: {
        const t = (this.typeOf(e) as Pointer).base;
        shapeOf(t, pos);
        const r = this.temp("p");
        this.at(pos);
        this.emit(Op.NEW, r, this.p.typeId(t), 0, 0, { type: t });
        return [{ slot: r, n: 1 }];
      }
      case BuiltinId.Make: {
        const t = this.typeOf(e);
        const u = t.underlying();
        if (u.tag !== TypeTag.Slice) throw new Unsupported(pos, `make(${t.toString()})`);
        const elem = (u as Slice).elem;
        const len = this.expr(e.args[1]);
        const capV = e.args.length > 2 ? this.expr(e.args[2]) : len;
        this.at(pos);
        if (e.args.slice(1).some((a) => this.p.info.types.get(a)?.value == null)) this.makesliceCheck(len.slot, capV.slot, sizeof(elem));
        const r = this.temp("pnn");
        this.emit(Op.NEWARR, r, this.p.typeId(elem), capV.slot, 0, { type: elem });
        this.emit(Op.MOV, r + 1, len.slot);
        this.emit(Op.MOV, r + 2, capV.slot);
        return [{ slot: r, n: 3 }];
      }
      case BuiltinId.Append:
        return [this.append(e)];
      case BuiltinId.Copy: {
        const dt = this.typeOf(e.args[0]).underlying() as Slice;
        const dst = this.expr(e.args[0]);
        const src = this.expr(e.args[1]);
        const n = this.temp("n");
        const done = new Label("min");
        this.at(pos);
        this.emit(Op.MOV, n, dst.slot + 1);
        this.emit(Op.JLE, n, src.slot + 1, 0, 0, { target: done });
        this.emit(Op.MOV, n, src.slot + 1);
        this.place(done);
        this.memmove(dst.slot, src.slot, n, dt.elem);
        return [{ slot: n, n: 1 }];
      }
      case BuiltinId.Panic: {
        // panic(v): v converted to interface{} (loweriface.ts)
        this.panicValue(e.args[0], pos);
        return [];
      }
      case BuiltinId.Recover:
        return [this.recoverCall(pos)];
      case BuiltinId.Add: {
        // unsafe.Add(p, n) = unsafe.Pointer(uintptr(p) + uintptr(n)): n's slot already holds
        // its value widened to 64 bits (sign- or zero-extended by its type)
        const p = this.expr(e.args[0]);
        const n = this.expr(e.args[1]);
        const r = this.temp("p");
        this.at(pos);
        this.emit(Op.ADD, r, p.slot, n.slot);
        return [{ slot: r, n: 1 }];
      }
      case BuiltinId.Slice: {
        // unsafe.Slice(p, n) = []T{p, n, n} after Go's checks (runtime.unsafeslice: n ≥ 0,
        // n*size neither overflowing nor running past the end of the address space; a nil p
        // only with n = 0)
        const elem = (this.typeOf(e.args[0]).underlying() as Pointer).base;
        const p = this.expr(e.args[0]);
        const n = this.expr(e.args[1]);
        const args = this.temp("npn");
        this.at(pos);
        this.ldi(args, sizeof(elem));
        this.emit(Op.MOV, args + 1, p.slot);
        this.emit(Op.MOV, args + 2, n.slot);
        // (a uint64 length above MaxInt64 reads as a negative int64: out of range, as in Go)
        this.emit(Op.CALLN, this.p.nativeIndex("runtime.unsafeslicecheck"), args, 0);
        const r = this.temp("pnn");
        this.emit(Op.MOV, r, p.slot);
        this.emit(Op.MOV, r + 1, n.slot);
        this.emit(Op.MOV, r + 2, n.slot);
        return [{ slot: r, n: 3 }];
      }
    }
    throw new Unsupported(pos, "this builtin");
  }
}
