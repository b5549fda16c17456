/**
 * lowerchan.ts — goroutines and channels (part of FuncLowering, see lowerbase.ts): `go`
 * statements, make(chan T[, n]), send, receive (`<-c`, `v, ok := <-c`), close, len/cap of a
 * channel, `for v := range c`, and `select`. Everything that blocks is a call of a runtime
 * native (packages/runtime/src/chan.ts, select.ts, proc.ts: Go 1.19's names and signatures);
 * the natives park the goroutine and are re-executed or auto-resumed (SCHED.md).
 *
 * VALUES IN MEMORY. The channel natives move elements by address (Go's `elem unsafe.Pointer`).
 * A value in slots has the same byte layout as in memory for every 8-byte word (pointer, int64,
 * float64, string = ptr+len, slice = ptr+len+cap), and narrow integers and bools are their low
 * bytes (little-endian), so the address of the value's own slots (FADDR) is passed — no copy,
 * no allocation. A received narrow integer is re-canonicalised (slots zeroed first, sign
 * extension after); float32 (an f64 slot, 4 bytes in memory) goes through a scratch slot with
 * STF32/LDF32. Aggregates are already in memory: a send passes a fresh copy (the value is
 * taken at the send, as Go), a receive allocates the destination. Frame addresses held in
 * pointer slots are moved by the stack copier, and a parked sudog's elem by the runtime's
 * adjustSudogs, so a goroutine's stack can move while it waits.
 *
 * GO STATEMENTS (Go 1.19's scheme): the call is lowered as usual up to its call instruction —
 * function value, receiver and arguments evaluated now, in Go's order — then that instruction
 * is taken back and the argument slots (and the func value for a dynamic call) are packaged in
 * a closure record {wrapper fn, slots…} of a generated wrapper `F.gowrapN` that reloads them and
 * makes the call; `runtime.newproc(closure)` starts it. The wrapper is a runtime frame (hidden
 * in tracebacks, as Go hides its go-wrappers). `go func(){…}()` without arguments or results
 * passes the literal's closure itself.
 *
 * SELECT (as gc's walkSelect): no cases → runtime.block; one case → the plain operation; one
 * case + default → selectnbsend / selectnbrecv; otherwise an scase array {c, elem} in frame
 * slots (sends first, then receives), all channel operands and send values evaluated in source
 * order, runtime.selectgo(cas0, order0, pc0, nsends, nrecvs, block) → (chosen, recvOK), and a
 * dispatch on `chosen` (−1 = default). Receive assignments (`v, ok := <-c` / `x[i] = <-c`) run
 * in the chosen case only, as the spec says.
 */
import { FN_CLOSURE, FN_RUNTIME, Op } from "@gort/runtime/image";
import type { Pos } from "../syntax/position.js";
import * as ast from "../syntax/ast.js";
import { BasicKind, Builtin, BuiltinId, Struct, Typ, TypeTag, Var, type Chan, type Signature, type Type } from "../types/index.js";
import { sizeof } from "../types/sizes.js";
import { Label, newFunc, type Instr, type IrFunc } from "./ir.js";
import { Unsupported, basicKind, isAggregate, normOp, shapeOf, type Val } from "./lowerbase.js";
import { LowerStmt } from "./lowerstmt.js";

/** A receive destination: where the native writes, and how to read the value afterwards. */
interface RecvBuf {
  /** slot holding the destination address (0 when the value is discarded) */
  addr: number;
  /** re-canonicalises/loads the received value; returns it */
  finish: () => Val;
}

export abstract class LowerChan extends LowerStmt {
  protected ngowraps = 0;

  protected chanElem(t: Type): Type {
    return (t.underlying() as Chan).elem;
  }

  /** A pointer-class slot holding the address of a memory copy of value v (type t) for a send. */
  protected sendAddr(v: Val, t: Type, pos: Pos): number {
    const a = this.temp("p");
    if (sizeof(t) === 0) {
      this.ldi(a, 0);
      return a;
    }
    if (isAggregate(t)) {
      const c = this.copyAgg(t, v);
      this.emit(Op.MOV, a, c.slot);
      return a;
    }
    if (basicKind(t) === BasicKind.Float32) {
      const tmp = this.temp("n");
      this.emit(Op.FADDR, a, tmp);
      this.emit(Op.STF32, a, 0, v.slot);
      return a;
    }
    shapeOf(t, pos);
    this.emit(Op.FADDR, a, v.slot);
    return a;
  }

  /** Destination of a receive of element type t (discard: no destination, the value is dropped). */
  protected recvBuf(t: Type, pos: Pos, discard: boolean): RecvBuf {
    const a = this.temp("p");
    if (discard || sizeof(t) === 0) {
      this.ldi(a, 0);
      if (discard) return { addr: a, finish: () => ({ slot: a, n: 1 }) };
      // a zero-size value: its zero value in slots (aggregates: the zerobase-backed object)
      const r = isAggregate(t) ? { slot: this.temp("p"), n: 1, fresh: true } : this.tempFor(t, pos);
      if (isAggregate(t)) this.emit(Op.NEW, r.slot, this.p.typeId(t), 0, 0, { type: t });
      else for (let i = 0; i < r.n; i++) this.ldi(r.slot + i, 0);
      return { addr: a, finish: () => r };
    }
    if (isAggregate(t)) {
      this.emit(Op.NEW, a, this.p.typeId(t), 0, 0, { type: t });
      return { addr: a, finish: () => ({ slot: a, n: 1, fresh: true }) };
    }
    if (basicKind(t) === BasicKind.Float32) {
      const tmp = this.temp("n");
      this.ldi(tmp, 0);
      this.emit(Op.FADDR, a, tmp);
      return {
        addr: a,
        finish: () => {
          const r = this.temp("n");
          this.emit(Op.LDF32, r, a, 0);
          return { slot: r, n: 1 };
        },
      };
    }
    const r = this.tempFor(t, pos);
    // narrow values fill only the low bytes of their slot: clear it first (full-width values
    // are written whole, also on a closed channel)
    if (sizeof(t) !== 8 * r.n) for (let i = 0; i < r.n; i++) this.ldi(r.slot + i, 0);
    this.emit(Op.FADDR, a, r.slot);
    return {
      addr: a,
      finish: () => {
        const op = normOp(t);
        if (op !== -1) this.emit(op, r.slot, r.slot);
        return r;
      },
    };
  }

  /** A channel operand evaluated into its own pointer slot (later operands cannot change it). */
  protected chanOperand(e: ast.Expr): number {
    const c = this.expr(e);
    const s = this.temp("p");
    this.emit(Op.MOV, s, c.slot);
    return s;
  }

  // ── expressions ─────────────────────────────────────────────────────────────────────────

  /** `<-c`: runtime.chanrecv1(c, elem); commaOk: runtime.chanrecv2(c, elem) bool. */
  protected chanRecv(e: ast.UnaryExpr, commaOk: boolean): Val[] {
    const pos = e.opPos;
    const t = this.chanElem(this.typeOf(e.x));
    const c = this.chanOperand(e.x);
    const buf = this.recvBuf(t, pos, false);
    const args = this.temp("pp");
    this.emit(Op.MOV, args, c);
    this.emit(Op.MOV, args + 1, buf.addr);
    this.at(pos);
    if (!commaOk) {
      this.emit(Op.CALLN, this.p.nativeIndex("runtime.chanrecv1"), args, 0);
      return [buf.finish()];
    }
    const ok = this.temp("n");
    this.emit(Op.CALLN, this.p.nativeIndex("runtime.chanrecv2"), args, ok);
    return [buf.finish(), { slot: ok, n: 1 }];
  }

  /** make(chan T[, n]), close(c), len(c), cap(c); null for every other builtin use. */
  protected chanBuiltin(e: ast.CallExpr, id: BuiltinId): Val[] | null {
    if (e.args.length === 0) return null;
    const pos = ast.nodePos(e);
    switch (id) {
      case BuiltinId.Make: {
        const t = this.typeOf(e);
        if (t.underlying().tag !== TypeTag.Chan) return null;
        const args = this.temp("nn");
        // (descriptor address: static data, not a heap pointer)
        if (e.args.length > 1) {
          const n = this.expr(e.args[1]);
          this.emit(Op.MOV, args + 1, n.slot);
        } else this.ldi(args + 1, 0);
        this.emit(Op.TYPEADDR, args, this.p.typeId(t), 0, 0, { type: t });
        const r = this.temp("p");
        this.at(pos);
        this.emit(Op.CALLN, this.p.nativeIndex("runtime.makechan"), args, r);
        return [{ slot: r, n: 1 }];
      }
      case BuiltinId.Close: {
        const c = this.chanOperand(e.args[0]);
        this.at(pos);
        this.emit(Op.CALLN, this.p.nativeIndex("runtime.closechan"), c, 0);
        return [];
      }
      case BuiltinId.Len:
      case BuiltinId.Cap: {
        if (this.typeOf(e.args[0]).underlying().tag !== TypeTag.Chan) return null;
        const c = this.chanOperand(e.args[0]);
        const r = this.temp("n");
        this.at(pos);
        this.emit(Op.CALLN, this.p.nativeIndex(id === BuiltinId.Len ? "runtime.chanlen" : "runtime.chancap"), c, r);
        return [{ slot: r, n: 1 }];
      }
    }
    return null;
  }

  // ── statements ──────────────────────────────────────────────────────────────────────────

  /** c <- v: channel first, then the value (Go's order); runtime.chansend1(c, elem). */
  protected sendStmt(s: ast.SendStmt): void {
    const t = this.chanElem(this.typeOf(s.chan));
    const c = this.chanOperand(s.chan);
    const v = this.convertTo(this.expr(s.value), this.typeOf(s.value), t, s.arrow); // boxing into chan of interface
    const a = this.sendAddr(v, t, s.arrow);
    const args = this.temp("pp");
    this.emit(Op.MOV, args, c);
    this.emit(Op.MOV, args + 1, a);
    this.at(s.arrow);
    this.emit(Op.CALLN, this.p.nativeIndex("runtime.chansend1"), args, 0);
  }

  /** for v := range c: receive until the channel is closed and drained. */
  protected rangeChan(s: ast.RangeStmt, label: string | null): void {
    const t = this.chanElem(this.typeOf(s.x));
    const c = this.chanOperand(s.x);
    const bind = this.rangeBinder(s, s.key);
    const top = new Label("range");
    const brk = new Label("break");
    const args = this.temp("pp");
    const ok = this.temp("n");
    this.place(top);
    const m = this.mark();
    const buf = this.recvBuf(t, s.range, bind === null);
    this.emit(Op.MOV, args, c);
    this.emit(Op.MOV, args + 1, buf.addr);
    this.at(s.range);
    this.emit(Op.CALLN, this.p.nativeIndex("runtime.chanrecv2"), args, ok);
    this.emit(Op.JF, ok, 0, 0, 0, { target: brk });
    if (bind !== null) bind(buf.finish());
    this.release(m);
    this.targets.push({ label, brk, cont: top });
    this.block(s.body.list);
    this.targets.pop();
    this.at(s.for);
    this.jmp(top);
    this.place(brk);
  }

  /** go builtin(x) (lowerdefer.ts). */
  protected abstract goBuiltin(call: ast.CallExpr, pos: Pos): void;

  /** go f(x): evaluate now, run in a new goroutine (see the header). */
  protected goStmt(s: ast.GoStmt): void {
    const call = s.call;
    const pos = s.go;
    const info = this.p.info;
    const fun = ast.unparen(call.fun);
    const ftv = info.types.get(call.fun);
    if (ftv !== undefined && ftv.isType()) throw new Unsupported(pos, "go with a conversion");
    const sig = ftv?.type.underlying();
    if (fun.kind === "FuncLit" && call.args.length === 0 && sig !== undefined && (sig as Signature).results.vars.length === 0) {
      const clo = this.expr(fun);
      this.at(pos);
      this.emit(Op.CALLN, this.p.nativeIndex("runtime.newproc"), clo.slot, 0);
      return;
    }
    const builtin = fun.kind === "Ident" ? info.uses.get(fun) : fun.kind === "SelectorExpr" ? info.uses.get(fun.sel) : undefined;
    if (builtin instanceof Builtin) {
      this.goBuiltin(call, pos);
      return;
    }
    this.lastCall = null;
    const start = this.f.code.length;
    this.call(call);
    const lc = this.lastCall as { argBase: number; nargs: number; resBase: number; nres: number } | null;
    const code = this.f.code;
    const last = code[code.length - 1];
    if (lc === null || code.length === start || last === undefined || !("op" in last) || (last.op !== Op.CALL && last.op !== Op.CALLI))
      throw new Unsupported(pos, "go with this call");
    code.pop();
    let fnSlot = -1;
    if (last.op === Op.CALLI) {
      fnSlot = last.a;
      // A nil func value: Go 1.19 calls a func() without arguments or results directly (no
      // wrapper), and newproc throws "go of nil func value" at the go statement; otherwise its
      // wrapper closure is started and the call panics (nil dereference) in the new goroutine.
      const prev = code[code.length - 1];
      if (prev !== undefined && "op" in prev && prev.op === Op.NILCHK && prev.a === fnSlot) code.pop();
      if (lc.nargs === 0 && lc.nres === 0) {
        const ok = new Label("gofn");
        this.at(pos);
        this.emit(Op.JT, fnSlot, 0, 0, 0, { target: ok });
        this.emit(Op.CALLN, this.p.nativeIndex("runtime.gonilfunc"), fnSlot, 0);
        this.place(ok);
      }
    }
    const classes: boolean[] = [];
    if (fnSlot >= 0) classes.push(true);
    for (let i = 0; i < lc.nargs; i++) classes.push(this.f.ptrSlots[lc.argBase + i]);
    const w = this.goWrapper(last, lc, fnSlot >= 0);
    // the closure record {F, [func value], argument slots…}
    const fields = [new Var(pos, null, "F", Typ[BasicKind.Uintptr])];
    classes.forEach((p, i) => fields.push(new Var(pos, null, `A${i}`, Typ[p ? BasicKind.UnsafePointer : BasicKind.Uintptr])));
    const rt = new Struct(fields, []);
    const r = this.temp("p");
    this.at(pos);
    this.emit(Op.NEW, r, this.p.typeId(rt), 0, 0, { type: rt });
    const idx = this.temp("n");
    this.emit(Op.LDI, idx, 0, 0, 0, { fnB: w });
    this.emit(Op.ST64, r, 0, idx);
    let off = 8;
    if (fnSlot >= 0) {
      this.emit(Op.STP, r, off, fnSlot);
      off += 8;
    }
    for (let i = 0; i < lc.nargs; i++) {
      this.emit(this.f.ptrSlots[lc.argBase + i] ? Op.STP : Op.ST64, r, off, lc.argBase + i);
      off += 8;
    }
    this.emit(Op.CALLN, this.p.nativeIndex("runtime.newproc"), r, 0);
  }

  /**
   * The wrapper a go statement's goroutine starts in: reloads the packaged slots from its
   * closure context and makes the original call (results dropped).
   */
  private goWrapper(callIns: Instr, lc: { argBase: number; nargs: number; resBase: number; nres: number }, dynamic: boolean): IrFunc {
    const w = newFunc(`${this.f.name}.gowrap${++this.ngowraps}`, this.f.file, this.line);
    w.flags = FN_CLOSURE | FN_RUNTIME;
    for (let i = 0; i < lc.nargs; i++) w.ptrSlots.push(this.f.ptrSlots[lc.argBase + i]);
    const res = w.ptrSlots.length;
    for (let i = 0; i < lc.nres; i++) w.ptrSlots.push(this.f.ptrSlots[lc.resBase + i]);
    const ctx = w.ptrSlots.length;
    w.ptrSlots.push(true);
    const fs = w.ptrSlots.length;
    w.ptrSlots.push(true);
    const ins = (op: number, a = 0, b = 0, c = 0, extra?: Partial<Instr>): void => {
      const i: Instr = { op, a, b, c, d: 0, file: this.file, line: this.line };
      if (extra !== undefined) Object.assign(i, extra);
      w.code.push(i);
    };
    ins(Op.GETCTX, ctx);
    let off = 8;
    if (dynamic) {
      ins(Op.LD64, fs, ctx, off);
      off += 8;
    }
    for (let i = 0; i < lc.nargs; i++) {
      ins(Op.LD64, i, ctx, off);
      off += 8;
    }
    if (dynamic) {
      ins(Op.NILCHK, fs);
      ins(Op.CALLI, fs, 0, res);
    } else ins(callIns.op, callIns.a, 0, res, { fn: callIns.fn });
    ins(Op.RET);
    this.p.addFunc(w);
    return w;
  }

  /** select (see the header for the cases). */
  protected selectStmt(s: ast.SelectStmt, label: string | null): void {
    const clauses = s.body.list as ast.CommClause[];
    const brk = new Label("endselect");
    this.at(s.select);
    if (clauses.length === 0) {
      const z = this.temp("n");
      this.emit(Op.CALLN, this.p.nativeIndex("runtime.block"), z, 0);
      return;
    }
    const dflt = clauses.find((c) => c.comm === undefined);
    const cases = clauses.filter((c) => c.comm !== undefined);
    this.targets.push({ label, brk, cont: null });
    if (cases.length === 1 && dflt === undefined) {
      // one case: the plain operation, then its body — but a receive with an assignment
      // receives first and evaluates its left-hand side after (the spec's select order; as a
      // plain assignment `*f() = <-g()` would call f first). test/chan/select5.go checks it.
      const c = cases[0];
      const comm = c.comm as ast.Stmt;
      if (comm.kind === "AssignStmt") {
        const { rx, assign } = this.recvParts(comm);
        const a = assign as ast.AssignStmt;
        const m = this.mark();
        const vals = this.chanRecv(rx, a.lhs.length === 2);
        this.recvAssign(a, vals[0], vals[vals.length - 1]);
        this.release(m);
      } else this.stmt(comm);
      this.block(c.body);
    } else if (cases.length === 0) {
      this.block((dflt as ast.CommClause).body);
    } else if (cases.length === 1) this.selectNonBlocking(cases[0], dflt as ast.CommClause, brk);
    else this.selectGeneral(cases, dflt, brk, s.select);
    this.targets.pop();
    this.place(brk);
  }

  /** The receive expression and assignment of a receive case. */
  private recvParts(comm: ast.Stmt): { rx: ast.UnaryExpr; assign: ast.AssignStmt | null } {
    if (comm.kind === "ExprStmt") return { rx: ast.unparen(comm.x) as ast.UnaryExpr, assign: null };
    if (comm.kind === "AssignStmt") return { rx: ast.unparen(comm.rhs[0]) as ast.UnaryExpr, assign: comm };
    throw new Unsupported(ast.nodePos(comm), "this select case");
  }

  /** Assigns a received value (and ok) to a receive case's left-hand sides. */
  private recvAssign(a: ast.AssignStmt, v: Val, ok: Val): void {
    const vals = [v, ok];
    a.lhs.forEach((l, i) => {
      const e = ast.unparen(l);
      if (e.kind === "Ident" && e.name === "_") return;
      if (a.tok === ":=" && e.kind === "Ident") {
        const d = this.p.info.defs.get(e);
        if (d instanceof Var) {
          this.defineVar(d, vals[i]);
          return;
        }
      }
      // boxing when the left operand is an interface (loweriface.ts)
      const rt = this.p.info.types.get(a.rhs[0])?.type;
      const from = rt !== undefined && rt.tag === TypeTag.Tuple ? ((rt as unknown as { vars: Var[] }).vars[i].type as Type) : i === 0 ? this.typeOf(a.rhs[0]) : Typ[BasicKind.Bool];
      this.storeTo(l, this.convertTo(vals[i], from, this.typeOf(l), ast.nodePos(l)));
    });
  }

  /** select with one case and a default: selectnbsend / selectnbrecv. */
  private selectNonBlocking(c: ast.CommClause, dflt: ast.CommClause, brk: Label): void {
    const comm = c.comm as ast.Stmt;
    const other = new Label("default");
    const sel = this.temp("nn");
    if (comm.kind === "SendStmt") {
      const t = this.chanElem(this.typeOf(comm.chan));
      const ch = this.chanOperand(comm.chan);
      const v = this.convertTo(this.expr(comm.value), this.typeOf(comm.value), t, comm.arrow);
      const a = this.sendAddr(v, t, comm.arrow);
      const args = this.temp("pp");
      this.emit(Op.MOV, args, ch);
      this.emit(Op.MOV, args + 1, a);
      this.at(comm.arrow);
      this.emit(Op.CALLN, this.p.nativeIndex("runtime.selectnbsend"), args, sel);
      this.emit(Op.JF, sel, 0, 0, 0, { target: other });
      this.block(c.body);
    } else {
      const { rx, assign } = this.recvParts(comm);
      const t = this.chanElem(this.typeOf(rx.x));
      const ch = this.chanOperand(rx.x);
      const buf = this.recvBuf(t, rx.opPos, assign === null);
      const args = this.temp("pp");
      this.emit(Op.MOV, args, buf.addr); // Go 1.19 order: (elem, c)
      this.emit(Op.MOV, args + 1, ch);
      this.at(rx.opPos);
      this.emit(Op.CALLN, this.p.nativeIndex("runtime.selectnbrecv"), args, sel);
      this.emit(Op.JF, sel, 0, 0, 0, { target: other });
      if (assign !== null) this.recvAssign(assign, buf.finish(), { slot: sel + 1, n: 1 });
      this.block(c.body);
    }
    this.jmp(brk);
    this.place(other);
    this.block(dflt.body);
  }

  /** The general select: runtime.selectgo over an scase array in frame slots. */
  private selectGeneral(cases: ast.CommClause[], dflt: ast.CommClause | undefined, brk: Label, pos: Pos): void {
    const sends = cases.filter((c) => (c.comm as ast.Stmt).kind === "SendStmt");
    const nsends = sends.length;
    const nrecvs = cases.length - nsends;
    const block = this.temp("pp".repeat(cases.length));
    const bufs = new Map<ast.CommClause, RecvBuf>();
    let si = 0;
    let ri = nsends;
    const index = new Map<ast.CommClause, number>();
    // operands in source order
    for (const c of cases) {
      const comm = c.comm as ast.Stmt;
      if (comm.kind === "SendStmt") {
        const t = this.chanElem(this.typeOf(comm.chan));
        const ch = this.chanOperand(comm.chan);
        const v = this.convertTo(this.expr(comm.value), this.typeOf(comm.value), t, comm.arrow);
        const a = this.sendAddr(v, t, comm.arrow);
        this.emit(Op.MOV, block + 2 * si, ch);
        this.emit(Op.MOV, block + 2 * si + 1, a);
        index.set(c, si++);
      } else {
        const { rx, assign } = this.recvParts(comm);
        const t = this.chanElem(this.typeOf(rx.x));
        const ch = this.chanOperand(rx.x);
        const buf = this.recvBuf(t, rx.opPos, assign === null);
        bufs.set(c, buf);
        this.emit(Op.MOV, block + 2 * ri, ch);
        this.emit(Op.MOV, block + 2 * ri + 1, buf.addr);
        index.set(c, ri++);
      }
    }
    const args = this.temp("pnnnnn");
    this.emit(Op.FADDR, args, block);
    this.ldi(args + 1, 0);
    this.ldi(args + 2, 0);
    this.ldi(args + 3, nsends);
    this.ldi(args + 4, nrecvs);
    this.ldi(args + 5, dflt === undefined ? 1 : 0);
    const res = this.temp("nn");
    this.at(pos);
    this.emit(Op.CALLN, this.p.nativeIndex("runtime.selectgo"), args, res);
    const labels = cases.map(() => new Label("case"));
    cases.forEach((c, k) => this.emit(Op.JEQI, res, index.get(c) as number, 0, 0, { target: labels[k] }));
    if (dflt !== undefined) this.block(dflt.body);
    this.jmp(brk);
    cases.forEach((c, k) => {
      this.place(labels[k]);
      const comm = c.comm as ast.Stmt;
      if (comm.kind !== "SendStmt") {
        const { assign } = this.recvParts(comm);
        const m = this.mark();
        if (assign !== null) this.recvAssign(assign, (bufs.get(c) as RecvBuf).finish(), { slot: res + 1, n: 1 });
        this.release(m);
      }
      this.block(c.body);
      this.jmp(brk);
    });
  }
}
