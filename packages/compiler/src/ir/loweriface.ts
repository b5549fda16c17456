/**
 * loweriface.ts — interfaces (part of FuncLowering, see lowerbase.ts): conversions to
 * interface types, method calls through itabs, type assertions (plain and comma-ok), type
 * switches, interface equality, print of interface values, method values and expressions of
 * interface methods, and the bodies of the wrappers itabs call (`main.(*T).M` for value methods,
 * promoted methods through embedded fields).
 *
 * Representation (ir.ts, TYPEDESC.md §5): an interface value is 2 slots, shape "np": word 0 is
 * the type descriptor (empty interface) or the itab (non-empty), both static or runtime-built
 * memory the GC never frees, so the slot is not a pointer slot; word 1 is the data word (a
 * pointer slot): the value itself for directIface types, else a pointer to an immutable copy.
 *
 * Calls through an itab: `NILCHK itab; ADDP f, itab, 16+4k; CALLI f, args, res`. CALLI reads
 * the callee's function id from the first word at f, which is exactly fun[k]; the context
 * register it sets (f) is unused by methods. The NILCHK gives Go's nil-interface panic (Go
 * faults loading from the nil itab: addr 0x0).
 *
 * Run-time helpers are natives in packages/runtime/src/iface.ts (getitab and the panics of
 * failed assertions, efaceeq/typedequal); hot checks (x.(T) for a concrete T, type switch
 * cases, x == nil) are inline compares of the type word.
 */
import { FN_CLOSURE, FN_RUNTIME, FN_WRAPPER, Op } from "@gort/runtime/image";
import type { Pos } from "../syntax/position.js";
import * as ast from "../syntax/ast.js";
import {
  BasicKind,
  Func,
  Pointer,
  Struct,
  Typ,
  TypeTag,
  Var,
  anyType,
  type Signature,
  type Type,
} from "../types/index.js";
import { offsetsof } from "../types/sizes.js";
import type { MethodSelection } from "../types/methodset.js";
import { goTypeString, ifaceMethodIndex, ifaceMethods, isDirectIface } from "../codegen/typedesc.js";
import { Label, type IrFunc } from "./ir.js";
import { Unsupported, basicKind, isAggregate, shapeOf, type Val } from "./lowerbase.js";
import { LowerCall } from "./lowercall.js";

export function isIface(t: Type): boolean {
  return t.underlying().tag === TypeTag.Interface;
}
export function isEmptyIface(t: Type): boolean {
  return isIface(t) && ifaceMethods(t).length === 0;
}
function isNilType(t: Type): boolean {
  return basicKind(t) === BasicKind.UntypedNil;
}

/** Go's symbol name of the itab wrapper of method sel for receiver type recv. */
export function itabWrapperName(recv: Type, sel: MethodSelection): string {
  const m = sel.obj.name;
  let t = recv;
  let ptr = false;
  if (t.tag === TypeTag.Pointer) {
    ptr = true;
    t = (t as Pointer).base;
  }
  const s = goTypeString(t);
  const dot = s.lastIndexOf(".", s.indexOf("[") >= 0 ? s.indexOf("[") : s.length);
  const q = dot >= 0 && !s.startsWith("struct ") ? s.slice(0, dot + 1) : "";
  const name = q !== "" ? s.slice(dot + 1) : s;
  // value methods without embedding are reached through the data pointer: the (*T).M wrapper
  if (ptr || (sel.index.length === 1 && !isDirectIface(recv))) return `${q}(*${name}).${m}`;
  return `${q}${name}.${m}`;
}

export abstract class LowerIface extends LowerCall {
  // Implemented by the statement layer (lowerstmt.ts).
  protected abstract stmt(s: ast.Stmt): void;
  protected abstract block(list: ast.Stmt[]): void;
  protected abstract defineVar(v: Var, val: Val): void;

  // ── conversions ─────────────────────────────────────────────────────────────────────────

  /** v (of type from) converted for assignment to type to: boxing into interfaces, I→J. */
  convertTo(v: Val, from: Type, to: Type, pos: Pos): Val {
    if (!isIface(to)) return v;
    if (isNilType(from)) {
      const r = this.temp("np");
      this.ldi(r, 0);
      this.ldi(r + 1, 0);
      return { slot: r, n: 2 };
    }
    const empty = isEmptyIface(to);
    if (isIface(from)) {
      if (isEmptyIface(from) === empty && (empty || this.sameIface(from, to))) return v;
      const tw = this.typeWord(v, from);
      const r = this.temp("np");
      if (empty) this.emit(Op.MOV, r, tw);
      else {
        // I → J (J's methods ⊆ I's): the itab of (J, dynamic type); nil stays nil
        const args = this.temp("nn");
        this.emit(Op.TYPEADDR, args, this.p.typeId(to), 0, 0, { type: to });
        this.emit(Op.MOV, args + 1, tw);
        this.at(pos);
        this.emit(Op.CALLN, this.p.nativeIndex("runtime.convI2I"), args, r);
      }
      this.emit(Op.MOV, r + 1, v.slot + 1);
      return { slot: r, n: 2 };
    }
    const r = this.temp("np");
    this.at(pos);
    if (empty) {
      this.p.markIface(from);
      this.emit(Op.TYPEADDR, r, this.p.typeId(from), 0, 0, { type: from });
    }
    else this.emit(Op.SADDR, r, this.p.itabOff(to, from));
    this.boxData(r + 1, v, from, pos);
    return { slot: r, n: 2 };
  }

  /** s[dst] = the data word of value v of concrete type t. */
  protected boxData(dst: number, v: Val, t: Type, pos: Pos): void {
    if (isDirectIface(t)) {
      if (isAggregate(t)) this.emit(Op.LD64, dst, v.slot, 0);
      else this.emit(Op.MOV, dst, v.slot);
      return;
    }
    this.emit(Op.NEW, dst, this.p.typeId(t), 0, 0, { type: t });
    this.storeAt(dst, 0, t, v, pos);
  }

  /** Value of concrete type t from the data word in s[data]. */
  protected unboxData(data: number, t: Type, pos: Pos): Val {
    if (isDirectIface(t)) {
      if (!isAggregate(t)) return { slot: data, n: 1 };
      const r = this.temp("p");
      this.emit(Op.NEW, r, this.p.typeId(t), 0, 0, { type: t });
      this.emit(Op.STP, r, 0, data);
      return { slot: r, n: 1, fresh: true };
    }
    return this.loadAt(data, 0, t, pos);
  }

  private sameIface(a: Type, b: Type): boolean {
    const ma = ifaceMethods(a);
    const mb = ifaceMethods(b);
    return ma.length === mb.length && ma.every((m, i) => m.obj.sameId(mb[i].obj.pkg, mb[i].obj.name));
  }

  /** Slot with the dynamic type descriptor of interface value v (0 for nil). */
  protected typeWord(v: Val, t: Type): number {
    if (isEmptyIface(t)) return v.slot;
    const r = this.temp("n");
    const nil = new Label("nil");
    this.emit(Op.MOV, r, v.slot);
    this.emit(Op.JEQI, v.slot, 0, 0, 0, { target: nil });
    this.emit(Op.LD32, r, v.slot, 4);
    this.place(nil);
    return r;
  }

  // ── method calls, method values, method expressions ─────────────────────────────────────

  /** i.M(args) through the itab. */
  protected ifaceCall(e: ast.CallExpr, fun: ast.SelectorExpr, m: Func, path: number[]): Val[] {
    const it = path.length > 0 ? (m.signature().recv?.type as Type) : this.typeOf(fun.x);
    const k = ifaceMethodIndex(it, m);
    if (k < 0) throw new Error(`internal: method ${m.name} not in ${it.toString()}`);
    const sig = m.signature();
    // the receiver is the data word: a pointer-shaped first argument
    const recv = new Var(0, null, "", Typ[BasicKind.UnsafePointer]);
    const rsig = { ...sig, recv, tparams: [], params: sig.params, results: sig.results, variadic: sig.variadic } as unknown as Signature;
    return this.callSig(
      e,
      rsig,
      null,
      [],
      (argBase, resBase) => {
        const iv = this.ifaceOperand(fun, path);
        const fp = this.temp("p");
        this.emit(Op.MOV, argBase, iv.slot + 1);
        this.emit(Op.NILCHK, iv.slot); // Go faults on the itab load: addr 0
        this.emit(Op.ADDP, fp, iv.slot, 16 + 4 * k);
        return () => this.emit(Op.CALLI, fp, argBase, resBase);
      },
      1,
    );
  }

  /** The interface value x (path empty) or its embedded interface field at path (x.f.g...). */
  private ifaceOperand(sel: ast.SelectorExpr, path: number[]): Val {
    if (path.length === 0) return this.expr(sel.x);
    const [base, off, ft] = this.fieldPath(sel.x, path, sel.sel.pos);
    return this.loadAt(base, off, ft, sel.sel.pos);
  }

  /** i.M as a func value: a closure {I.M-fm, itab, data} (nil i panics now, as Go). */
  protected ifaceMethodValue(e: ast.SelectorExpr, m: Func, path: number[]): Val {
    const pos = ast.nodePos(e);
    const it = path.length > 0 ? (m.signature().recv?.type as Type) : this.typeOf(e.x);
    const iv = this.ifaceOperand(e, path);
    this.at(e.sel.pos);
    const chk = this.temp("p");
    this.emit(Op.MOV, chk, iv.slot);
    this.emit(Op.NILCHK, chk);
    const t = new Struct(
      [new Var(pos, null, "F", Typ[BasicKind.Uintptr]), new Var(pos, null, "I", it)],
      [],
    );
    const r = this.temp("p");
    this.emit(Op.NEW, r, this.p.typeId(t), 0, 0, { type: t });
    const idx = this.temp("n");
    const w = this.p.extraFunc(`${this.ifaceName(it)}.${m.name}-fm`, m.pos, (low) => low.lowerIfaceMethodValueWrapper(it, m));
    this.emit(Op.LDI, idx, 0, 0, 0, { fnB: w });
    this.emit(Op.ST64, r, 0, idx);
    this.storeLeaves(r, 8, it, iv, pos);
    return { slot: r, n: 1 };
  }

  /** I.M as a func value: the function main.I.M(i, args...). */
  protected ifaceMethodExpr(e: ast.SelectorExpr, m: Func): Val {
    const it = this.typeOf(e.x);
    const f = this.p.extraFunc(`${this.ifaceName(it)}.${m.name}`, m.pos, (low) => low.lowerIfaceMethodExpr(it, m));
    return this.closure(f, [], ast.nodePos(e));
  }

  /** T.M / (*T).M needing a wrapper (promoted, or a value method through *T): the itab's one. */
  protected wrappedMethodExpr(e: ast.SelectorExpr, m: Func, index: number[], indirect: boolean): Val {
    const pos = ast.nodePos(e);
    const xt = this.typeOf(e.x);
    const sel: MethodSelection = { recv: xt, obj: m, index, indirect };
    // (the receiver parameter is an address for aggregates, also directIface ones: key apart from the itab's)
    const f = this.p.extraFunc(itabWrapperName(xt, sel), m.pos, (low) => low.lowerItabWrapper(xt, sel, true));
    return this.closure(f, [], pos);
  }

  private ifaceName(t: Type): string {
    return t.tag === TypeTag.Named ? goTypeString(t) : "interface";
  }

  /** Body of I.M-fm: calls method k of the interface saved in the closure. */
  lowerIfaceMethodValueWrapper(it: Type, m: Func): IrFunc {
    const pos = m.pos;
    this.f.flags |= FN_CLOSURE | FN_WRAPPER;
    const sig = m.signature();
    const [pshape, rshape] = this.sigShapes(sig, pos);
    if (pshape.length > 0) this.alloc(pshape);
    this.f.nparams = pshape.length;
    if (rshape.length > 0) this.alloc(rshape);
    this.f.nresults = rshape.length;
    const c = this.alloc("p");
    this.emit(Op.GETCTX, c);
    const iv = this.loadAt(c, 8, it, pos);
    this.callThroughItab(it, m, iv, 0, pshape, rshape);
    return this.f;
  }

  /** Body of main.I.M(i I, args...). */
  lowerIfaceMethodExpr(it: Type, m: Func): IrFunc {
    const pos = m.pos;
    this.f.flags |= FN_WRAPPER;
    const sig = m.signature();
    const [pshape, rshape] = this.sigShapes(sig, pos);
    this.alloc("np" + pshape);
    this.f.nparams = 2 + pshape.length;
    if (rshape.length > 0) this.alloc(rshape);
    this.f.nresults = rshape.length;
    this.callThroughItab(it, m, { slot: 0, n: 2 }, 2, pshape, rshape);
    return this.f;
  }

  private sigShapes(sig: Signature, pos: Pos): [string, string] {
    return [
      sig.params.vars.map((v) => shapeOf(v.type as Type, pos)).join(""),
      sig.results.vars.map((v) => shapeOf(v.type as Type, pos)).join(""),
    ];
  }

  /** Calls method m of interface value iv with the params in slots [pbase, +pshape), returns its results. */
  private callThroughItab(it: Type, m: Func, iv: Val, pbase: number, pshape: string, rshape: string): void {
    const k = ifaceMethodIndex(it, m);
    const args = this.temp("p" + pshape);
    this.emit(Op.MOV, args, iv.slot + 1);
    if (pshape.length > 0) this.movVal(args + 1, { slot: pbase, n: pshape.length });
    const fp = this.temp("p");
    this.emit(Op.NILCHK, iv.slot);
    this.emit(Op.ADDP, fp, iv.slot, 16 + 4 * k);
    const res = rshape.length > 0 ? this.temp(rshape) : 0;
    this.emit(Op.CALLI, fp, args, res);
    if (rshape.length > 0) this.movVal(this.f.nparams, { slot: res, n: rshape.length });
    this.emit(Op.RET);
  }

  /**
   * Body of the function an itab calls for method `sel` of concrete type `recv` (a wrapper:
   * `main.(*T).M` for value methods reached through the data pointer, `main.S.M` /
   * `main.(*S).M` for methods promoted through embedded fields). Its first parameter is the
   * interface's data word.
   */
  lowerItabWrapper(recv: Type, sel: MethodSelection, recvByAddr = false): IrFunc {
    const m = sel.obj;
    const pos = m.pos;
    this.f.flags |= FN_WRAPPER;
    const sig = m.signature();
    const [pshape, rshape] = this.sigShapes(sig, pos);
    this.alloc("p" + pshape);
    this.f.nparams = 1 + pshape.length;
    if (rshape.length > 0) this.alloc(rshape);
    this.f.nresults = rshape.length;
    // address of the concrete value (or of what the pointer points to)
    let base: number;
    let cur: Type;
    const rt = sig.recv?.type as Type;
    if (recv.underlying().tag === TypeTag.Pointer) {
      base = 0;
      cur = (recv.underlying() as Pointer).base;
      if (sel.index.length === 1 && rt.tag !== TypeTag.Pointer && !isIface(rt)) {
        // Go's panicwrap
        const ok = new Label("ok");
        this.emit(Op.JNEI, 0, 0, 0, 0, { target: ok });
        const tn = goTypeString(cur);
        const short = tn.slice(tn.lastIndexOf(".") + 1);
        this.panicString(`value method ${tn}.${m.name} called using nil *${short} pointer`, true);
        this.place(ok);
      } else this.emit(Op.NILCHK, base);
    } else if (isDirectIface(recv) && !(recvByAddr && isAggregate(recv))) {
      const v = this.unboxData(0, recv, pos);
      base = v.slot;
      cur = recv;
    } else {
      base = 0;
      cur = recv;
    }
    let off = 0;
    for (const idx of sel.index.slice(0, -1)) {
      let u = cur.underlying();
      if (u.tag === TypeTag.Pointer) {
        const p = this.temp("p");
        this.emit(Op.LD64, p, base, off);
        this.emit(Op.NILCHK, p);
        base = p;
        off = 0;
        cur = (u as Pointer).base;
        u = cur.underlying();
      }
      const st = u as Struct;
      off += offsetsof(st)[idx];
      cur = st.fields[idx].type as Type;
    }
    if (isIface(cur)) {
      // a method of an embedded interface field: call it through that interface's itab
      const iv = this.loadAt(base, off, cur, pos);
      this.callThroughItab(cur, m, iv, 1, pshape, rshape);
      return this.f;
    }
    let rv: Val;
    if (rt.tag === TypeTag.Pointer) {
      if (cur.underlying().tag === TypeTag.Pointer) {
        const p = this.temp("p");
        this.emit(Op.LD64, p, base, off);
        rv = { slot: p, n: 1 };
      } else {
        const p = this.temp("p");
        this.emit(Op.ADDP, p, base, off);
        rv = { slot: p, n: 1 };
      }
    } else {
      let a = base;
      if (cur.underlying().tag === TypeTag.Pointer && cur !== rt) {
        a = this.temp("p");
        this.emit(Op.LD64, a, base, off);
        this.emit(Op.NILCHK, a);
        off = 0;
      }
      const v = this.loadAt(a, off, rt, pos);
      rv = isAggregate(rt) ? this.copyAgg(rt, v) : this.copyScalar(rt, v, pos);
    }
    const args = this.temp(shapeOf(rt, pos) + pshape);
    this.movVal(args, rv);
    if (pshape.length > 0) this.movVal(args + rv.n, { slot: 1, n: pshape.length });
    const res = rshape.length > 0 ? this.temp(rshape) : 0;
    this.emit(Op.CALL, 0, args, res, 0, { fn: this.p.funcOf(m) });
    if (rshape.length > 0) this.movVal(this.f.nparams, { slot: res, n: rshape.length });
    this.emit(Op.RET);
    return this.f;
  }

  /** Body of type..eq.T(p, q unsafe.Pointer) bool: the runtime compares by descriptor. */
  lowerEqualFunc(t: Type): IrFunc {
    this.f.flags |= FN_WRAPPER;
    this.alloc("ppn");
    this.f.nparams = 2;
    this.f.nresults = 1;
    const args = this.temp("npp");
    this.emit(Op.TYPEADDR, args, this.p.typeId(t), 0, 0, { type: t });
    this.emit(Op.MOVN, args + 1, 0, 2);
    this.emit(Op.CALLN, this.p.nativeIndex("runtime.typedequal"), args, 2);
    this.emit(Op.RET);
    return this.f;
  }

  /**
   * Body of `runtime.preprintpanic(typ, data) (typ, data)`: Go's preprintpanics for a panic
   * value about to be printed as fatal — an error's Error() or else a Stringer's String()
   * result replaces it (as a string value, which prints bare). Other values come back as they
   * are. The defer machinery calls it on the gopanic frame's value before giving up
   * (runtime.panicmethod, iface.ts, finds the method in the dynamic type's method table).
   */
  lowerPreprintPanic(): IrFunc {
    this.f.flags |= FN_RUNTIME;
    this.alloc("np");
    this.f.nparams = 2;
    this.alloc("np");
    this.f.nresults = 2;
    const done = new Label("done");
    this.emit(Op.MOV, 2, 0);
    this.emit(Op.MOV, 3, 1);
    this.emit(Op.JEQI, 0, 0, 0, 0, { target: done });
    const fnp = this.temp("n");
    this.emit(Op.CALLN, this.p.nativeIndex("runtime.panicmethod"), 0, fnp);
    this.emit(Op.JEQI, fnp, 0, 0, 0, { target: done });
    const arg = this.temp("p");
    this.emit(Op.MOV, arg, 1);
    const sres = this.temp("pn");
    this.emit(Op.CALLI, fnp, arg, sres);
    const st = Typ[BasicKind.String];
    const p = this.temp("p");
    this.emit(Op.NEW, p, this.p.typeId(st), 0, 0, { type: st });
    this.storeAt(p, 0, st, { slot: sres, n: 2 }, 0);
    this.emit(Op.TYPEADDR, 2, this.p.typeId(st), 0, 0, { type: st });
    this.emit(Op.MOV, 3, p);
    this.place(done);
    this.emit(Op.RET);
    return this.f;
  }

  // ── assertions and type switches ────────────────────────────────────────────────────────

  /** The asserted type of x.(T) (the checker records a tuple for comma-ok forms). */
  private assertedType(e: ast.TypeAssertExpr): Type {
    const tv = this.p.info.types.get(e.type as ast.Expr);
    if (tv === undefined) throw new Error("internal: no type for an asserted type");
    return tv.type;
  }

  /** x.(T); with commaOk, [value, ok]. */
  protected typeAssert(e: ast.TypeAssertExpr, commaOk: boolean): Val[] {
    const pos = ast.nodePos(e);
    const xt = this.typeOf(e.x);
    const T = this.assertedType(e);
    const x = this.expr(e.x);
    const xv = this.temp("np");
    this.movVal(xv, x);
    this.at(e.lparen);
    const tw = this.typeWord({ slot: xv, n: 2 }, xt);
    if (isIface(T)) {
      const r = this.temp("np");
      const ok = this.temp("n");
      if (isEmptyIface(T) && commaOk) {
        this.emit(Op.MOV, r, tw);
        this.emit(Op.NE, ok, tw, this.zero());
      } else if (isEmptyIface(T)) {
        this.emit(Op.MOV, r, tw);
        const good = new Label("ok");
        this.emit(Op.JNEI, tw, 0, 0, 0, { target: good });
        const args = this.temp("nn");
        this.emit(Op.TYPEADDR, args, this.p.typeId(T), 0, 0, { type: T });
        this.emit(Op.MOV, args + 1, tw);
        this.emit(Op.CALLN, this.p.nativeIndex("runtime.assertE2I"), args, r);
        this.place(good);
      } else {
        const args = this.temp("nn");
        this.emit(Op.TYPEADDR, args, this.p.typeId(T), 0, 0, { type: T });
        this.emit(Op.MOV, args + 1, tw);
        this.emit(Op.CALLN, this.p.nativeIndex(commaOk ? "runtime.assertE2I2" : "runtime.assertE2I"), args, r);
        if (commaOk) this.emit(Op.NE, ok, r, this.zero());
      }
      this.emit(Op.MOV, r + 1, xv + 1);
      if (!commaOk) return [{ slot: r, n: 2 }];
      const done = new Label("done");
      this.emit(Op.JT, ok, 0, 0, 0, { target: done });
      this.ldi(r + 1, 0);
      this.place(done);
      return [
        { slot: r, n: 2 },
        { slot: ok, n: 1 },
      ];
    }
    const want = this.temp("n");
    this.emit(Op.TYPEADDR, want, this.p.typeId(T), 0, 0, { type: T });
    const good = new Label("ok");
    const end = new Label("end");
    const shape = shapeOf(T, pos);
    const r = this.temp(shape);
    const ok = this.temp("n");
    this.emit(Op.JEQ, tw, want, 0, 0, { target: good });
    if (commaOk) {
      this.ldi(ok, 0);
      if (isAggregate(T)) this.emit(Op.NEW, r, this.p.typeId(T), 0, 0, { type: T });
      else for (let i = 0; i < shape.length; i++) this.ldi(r + i, 0);
      this.jmp(end);
    } else {
      const args = this.temp("nnn");
      this.emit(Op.MOV, args, tw);
      this.emit(Op.MOV, args + 1, want);
      this.emit(Op.TYPEADDR, args + 2, this.p.typeId(xt), 0, 0, { type: xt });
      this.emit(Op.CALLN, this.p.nativeIndex("runtime.panicdottype"), args, args);
    }
    this.place(good);
    this.ldi(ok, 1);
    const v = this.unboxData(xv + 1, T, pos);
    this.movVal(r, v);
    this.place(end);
    return commaOk
      ? [
          { slot: r, n: shape.length },
          { slot: ok, n: 1 },
        ]
      : [{ slot: r, n: shape.length, fresh: v.fresh }];
  }

  private zero(): number {
    const z = this.temp("n");
    this.ldi(z, 0);
    return z;
  }

  /** switch [init;] [v :=] x.(type) { case … } */
  protected typeSwitch(s: ast.TypeSwitchStmt, label: string | null): void {
    const m = this.mark();
    if (s.init) this.stmt(s.init);
    const assertE = (s.assign.kind === "AssignStmt" ? s.assign.rhs[0] : (s.assign as ast.ExprStmt).x) as ast.TypeAssertExpr;
    const ta = ast.unparen(assertE) as ast.TypeAssertExpr;
    const xt = this.typeOf(ta.x);
    this.hoistCalls([ta.x]);
    const x = this.expr(ta.x);
    const xv = this.temp("np");
    this.movVal(xv, x);
    this.at(ta.lparen);
    const tw = this.typeWord({ slot: xv, n: 2 }, xt);
    const twc = this.temp("n");
    this.emit(Op.MOV, twc, tw);
    const brk = new Label("endswitch");
    const clauses = s.body.list as ast.CaseClause[];
    const bodies = clauses.map(() => new Label("case"));
    // per clause: the itab found by an interface case (bound variables of interface type)
    const itabSlot = clauses.map(() => -1);
    let deflt = -1;
    const info = this.p.info;
    clauses.forEach((c, ci) => {
      if (c.list.length === 0) {
        deflt = ci;
        return;
      }
      for (const te of c.list) {
        const T = info.types.get(te)?.type as Type;
        this.at(ast.nodePos(te));
        if (T === undefined || isNilType(T)) {
          this.emit(Op.JEQI, twc, 0, 0, 0, { target: bodies[ci] });
        } else if (isIface(T)) {
          const args = this.temp("nn");
          this.emit(Op.TYPEADDR, args, this.p.typeId(T), 0, 0, { type: T });
          this.emit(Op.MOV, args + 1, twc);
          if (itabSlot[ci] < 0) itabSlot[ci] = this.alloc("n");
          if (isEmptyIface(T)) this.emit(Op.MOV, itabSlot[ci], twc);
          else this.emit(Op.CALLN, this.p.nativeIndex("runtime.assertE2I2"), args, itabSlot[ci]);
          this.emit(Op.JNEI, itabSlot[ci], 0, 0, 0, { target: bodies[ci] });
        } else {
          const want = this.temp("n");
          this.emit(Op.TYPEADDR, want, this.p.typeId(T), 0, 0, { type: T });
          this.emit(Op.JEQ, twc, want, 0, 0, { target: bodies[ci] });
        }
      }
    });
    this.jmp(deflt >= 0 ? bodies[deflt] : brk);
    this.targets.push({ label, brk, cont: null });
    clauses.forEach((c, ci) => {
      this.place(bodies[ci]);
      const bm = this.mark();
      const v = info.implicits.get(c);
      if (v instanceof Var && v.name !== "_") {
        const vt = v.type as Type;
        this.at(c.case);
        if (c.list.length === 1 && !isIface(vt) && !isNilType(this.p.info.types.get(c.list[0])?.type as Type)) {
          this.defineVar(v, this.unboxData(xv + 1, vt, c.case));
        } else if (c.list.length === 1 && isIface(vt) && itabSlot[ci] >= 0 && !this.sameIfaceType(vt, xt)) {
          const r = this.temp("np");
          this.emit(Op.MOV, r, itabSlot[ci]);
          this.emit(Op.MOV, r + 1, xv + 1);
          this.defineVar(v, { slot: r, n: 2 });
        } else this.defineVar(v, { slot: xv, n: 2 });
      }
      this.block(c.body);
      this.release(bm);
      this.jmp(brk);
    });
    this.targets.pop();
    this.place(brk);
    this.release(m);
  }

  private sameIfaceType(a: Type, b: Type): boolean {
    return isEmptyIface(a) === isEmptyIface(b) && (isEmptyIface(a) || this.sameIface(a, b));
  }

  // ── comparisons and printing ────────────────────────────────────────────────────────────

  /** x == y / x != y where x or y is an interface (the other converted to its type). */
  protected ifaceCompareExpr(e: ast.BinaryExpr): Val {
    const xt = this.typeOf(e.x);
    const yt = this.typeOf(e.y);
    const it = isIface(xt) ? xt : yt;
    if (isNilType(xt) || isNilType(yt)) {
      // x == nil: only the type word matters
      const v = this.expr(isNilType(xt) ? e.y : e.x);
      this.at(e.opPos);
      const r = this.temp("n");
      this.emit(e.op === "==" ? Op.EQ : Op.NE, r, v.slot, this.zero());
      return { slot: r, n: 1 };
    }
    const x = this.convertTo(this.expr(e.x), xt, it, e.opPos);
    const y = this.convertTo(this.expr(e.y), yt, it, e.opPos);
    this.at(e.opPos);
    return this.ifaceEqual(e.op, it, x, y);
  }

  /** op ("==" or "!=") on two interface values of type t. */
  protected ifaceEqual(op: string, t: Type, x: Val, y: Val): Val {
    const r = this.temp("n");
    const ne = new Label("ne");
    const end = new Label("end");
    const both = new Label("nil");
    const tx = this.typeWord(x, t);
    const ty = this.typeWord(y, t);
    this.emit(Op.JNE, tx, ty, 0, 0, { target: ne });
    this.emit(Op.JEQI, tx, 0, 0, 0, { target: both });
    const args = this.temp("npp");
    this.emit(Op.MOV, args, tx);
    this.emit(Op.MOV, args + 1, x.slot + 1);
    this.emit(Op.MOV, args + 2, y.slot + 1);
    this.emit(Op.CALLN, this.p.nativeIndex("runtime.efaceeq"), args, r);
    // 2: a composite holding interfaces — call its type..eq.T (desc+16 holds its function id)
    const got = new Label("got");
    this.emit(Op.JNEI, r, 2, 0, 0, { target: got });
    const fp = this.temp("n");
    this.emit(Op.ADDP, fp, tx, 16);
    this.emit(Op.CALLI, fp, args + 1, r);
    this.place(got);
    if (op === "!=") this.emit(Op.NOTB, r, r);
    this.jmp(end);
    this.place(both);
    this.ldi(r, op === "!=" ? 0 : 1);
    this.jmp(end);
    this.place(ne);
    this.ldi(r, op === "!=" ? 1 : 0);
    this.place(end);
    return { slot: r, n: 1 };
  }

  private printStr(s: string): void {
    const b = new TextEncoder().encode(s);
    const t = this.temp("pn");
    this.emit(Op.SADDR, t, this.p.stringData(b));
    this.ldi(t + 1, b.length);
    this.emit(Op.PRINTS, t);
  }

  /** print/println of an interface value: Go's (0x…,0x…). */
  protected printIface(v: Val): void {
    this.printStr("(");
    this.emit(Op.PRINTP, v.slot);
    this.printStr(",");
    this.emit(Op.PRINTP, v.slot + 1);
    this.printStr(")");
  }

  /** print/println of a slice: Go's [len/cap]0xptr. */
  protected printSlice(v: Val): void {
    this.printStr("[");
    this.emit(Op.PRINTI, v.slot + 1);
    this.printStr("/");
    this.emit(Op.PRINTI, v.slot + 2);
    this.printStr("]");
    this.emit(Op.PRINTP, v.slot);
  }

  /** panic(v) for any v: converted to interface{} (error/Stringer values print via the runtime). */
  protected panicValue(e: ast.Expr, pos: Pos): void {
    const t = this.typeOf(e);
    const v = this.convertTo(this.expr(e), t, anyType, pos);
    this.at(pos);
    const pair = this.temp("np");
    this.movVal(pair, v);
    this.emit(Op.PANIC, pair);
  }
}

