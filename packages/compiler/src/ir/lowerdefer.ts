/**
 * lowerdefer.ts — defer statements, deferreturn, recover() and the runtime.gopanic function
 * (part of FuncLowering, see lowerbase.ts). The run-time half and the design are in
 * packages/runtime/src/vm/defer.ts; this is what the compiler emits for it.
 *
 * A function whose body contains `defer` (not counting nested function literals) gets:
 *   - a pointer slot, the *defer head*: the list of its pending deferred calls (heap records,
 *     newest first), zeroed at entry like every slot;
 *   - at each defer statement: the callee and arguments evaluated NOW (Go's rule), packed into
 *     a record {F, link, [func value], argument slots…} whose F is a generated `deferwrap`
 *     function (FN_CLOSURE|FN_WRAPPER|FN_RUNTIME: hidden in tracebacks, transparent to
 *     recover) that reloads them and makes the call; a top-level function of no arguments and
 *     no results is its own F (no wrapper);
 *   - at each return, after the results are stored in the result variables and before they
 *     are copied to the result slots: `deferreturn` — pop, CALLI, repeat until the list is
 *     empty — so deferred closures see and may modify named results;
 *   - after the body, the *recovery point* (ImageFunc.deferInfo[1]): the same deferreturn +
 *     result copy + RET, where the VM resumes the function after one of its deferred calls
 *     recovered a panic. The label is reached only from the VM (no jump leads to it): passes
 *     that remove unreachable code must keep it.
 * deferInfo = [defer head slot, recovery pc offset, flags (1 = not open-coded in Go, which only
 * changes the panic.go line of `panic(…)` frames in tracebacks)].
 *
 * Deferred builtins (print, println, panic, close, recover, …) get a wrapper lowered by a child
 * FuncLowering that loads the captured argument values and lowers the original call with the
 * argument expressions bound to them (`presets`, consulted by expr()). `defer recover()`
 * passes RECOVER's "via wrapper" flag: it recovers when the function running its deferreturn
 * was called by a panic (Go's rule, see test/recover1.go).
 *
 * recover() is the RECOVER opcode; its result is an empty interface (shape "np").
 *
 * Records of a function whose defer statements all run at most once per call (none in a loop,
 * no goto) live in frame slots of their own (pushRecord): no allocation. `GORT_HEAPDEFER=1`
 * in the environment puts every record on the heap (to compare, or to bisect).
 */
import { FN_CLOSURE, FN_RUNTIME, FN_WRAPPER, Op } from "@gort/runtime/image";
import type { Pos } from "../syntax/position.js";
import * as ast from "../syntax/ast.js";
import { BasicKind, Builtin, Pointer, SelectionKind, Struct, Typ, TypeName, TypeTag, Var, type Package, type Signature, type Type } from "../types/index.js";
import { Label, newFunc, type Instr, type IrFunc } from "./ir.js";
import { Unsupported, isAggregate, shapeOf, type ProgramCtx, type Val } from "./lowerbase.js";
import { LowerMisc } from "./lowermisc.js";

/** Go's limit for open-coded defers (cmd/compile: maxOpenDefers) and for returns × defers. */
const MAX_OPEN_DEFERS = 8;
const MAX_OPEN_RETURNS_X_DEFERS = 15;

/** One runtime.gopanic per program context (the VM recognises it by name). */
const gopanics = new WeakMap<ProgramCtx, IrFunc>();

/**
 * runtime.gopanic: the frame the VM pushes for each panic (vm/defer.ts layout: 8 slots, the
 * panic value as two "parameters" so tracebacks print `panic(type, data)`).
 *
 *   0  DEFERNEXT s7, +7      → 2 (open-coded defers) or 7, or ends the panic
 *   2  CALLI s7, s0, s0      line 884 (Go's panic.go line for open-coded defers)
 *   5  JMP -5
 *   7  CALLI s7, s0, s0      line 890 (other defers)
 *   10 JMP -10
 *   12 CALLI s7, s8, s9      Error/String method of a panic value before printing (preprintpanics)
 *   15 JMP -15
 */
export function makeGopanic(file: number): IrFunc {
  const f = newFunc("runtime.gopanic", file, 875);
  f.flags = FN_RUNTIME;
  f.nparams = 2;
  f.nresults = 0;
  // typ, data, kind, x, y, flags, dframe, call, method receiver, method result (string)
  f.ptrSlots = [false, true, false, false, false, false, false, true, true, true, false];
  const ins = (op: number, a: number, b: number, c: number, line: number, target?: Label): void => {
    const i: Instr = { op, a, b, c, d: 0, file, line };
    if (target !== undefined) i.target = target;
    f.code.push(i);
  };
  const top = new Label("gopanic");
  const notOpen = new Label("notopen");
  f.code.push(top);
  ins(Op.DEFERNEXT, 7, 0, 0, 875, notOpen);
  ins(Op.CALLI, 7, 0, 0, 884);
  ins(Op.JMP, 0, 0, 0, 884, top);
  f.code.push(notOpen);
  ins(Op.CALLI, 7, 0, 0, 890);
  ins(Op.JMP, 0, 0, 0, 890, top);
  ins(Op.CALLI, 7, 8, 9, 875);
  ins(Op.JMP, 0, 0, 0, 875, top);
  return f;
}

/**
 * Counts defer statements of a body (not inside function literals), whether one is in a loop,
 * the defer statements in loops, and whether the body has a goto (a backward goto makes a loop).
 */
function scanDefers(body: ast.Node): { n: number; inLoop: boolean; returns: number; loopSites: Set<ast.Node>; hasGoto: boolean } {
  let n = 0;
  let inLoop = false;
  let returns = 0;
  let hasGoto = false;
  const loopSites = new Set<ast.Node>();
  const walk = (node: ast.Node, loop: boolean): void => {
    ast.inspect(node, (c) => {
      if (c === node) return true;
      if (c.kind === "FuncLit") return false;
      if (c.kind === "ForStmt" || c.kind === "RangeStmt") {
        walk(c, true);
        return false;
      }
      if (c.kind === "DeferStmt") {
        n++;
        if (loop) {
          inLoop = true;
          loopSites.add(c);
        }
      }
      if (c.kind === "ReturnStmt") returns++;
      if (c.kind === "BranchStmt" && c.tok === "goto") hasGoto = true;
      return true;
    });
  };
  walk(body, false);
  return { n, inLoop, returns, loopSites, hasGoto };
}

export abstract class LowerDefer extends LowerMisc {
  // Function literals (lower.ts).
  protected abstract freeVars(lit: ast.FuncLit): Var[];
  abstract lowerClosure(lit: ast.FuncLit, sig: Signature, captures: Var[], capBase?: number): IrFunc;

  /** the defer head slot (pointer class), −1 when the function has no defer statement */
  protected deferSlot = -1;
  private deferRecoverLabel: Label | null = null;
  private deferFlags = 0;
  private ndeferwraps = 0;
  /** null: every record on the heap; else the (empty) set of heap sites — all records in the frame */
  private heapSites: Set<ast.Node> | null = null;
  /** the defer statement being lowered, while its record is pushed */
  private curDefer: ast.DeferStmt | null = null;

  /** Before lowering a body: reserves the defer head if the body has defer statements. */
  protected setupDefers(body: ast.BlockStmt): void {
    const { n, inLoop, returns, loopSites, hasGoto } = scanDefers(body);
    if (n === 0) return;
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    // All records of a function live in the frame, or all on the heap: a heap record must never
    // link to a frame record (a heap pointer into a stack is not adjusted when the stack moves).
    this.heapSites = env?.GORT_HEAPDEFER === "1" || hasGoto || loopSites.size > 0 ? null : loopSites;
    this.deferSlot = this.alloc("p");
    this.deferRecoverLabel = new Label("recover");
    // Go open-codes a function's defers unless one is in a loop, there are more than 8, or
    // returns × defers exceed 15 (gc's ssa.go); only the panic.go line of tracebacks differs.
    if (inLoop || n > MAX_OPEN_DEFERS || Math.max(returns, 1) * n > MAX_OPEN_RETURNS_X_DEFERS) this.deferFlags |= 1;
    this.gopanicFunc();
  }

  /** After the body (and its final return): the recovery point, and the function's deferInfo. */
  protected finishDefers(rbrace: Pos): void {
    const l = this.deferRecoverLabel;
    if (l === null) return;
    this.at(rbrace);
    this.place(l);
    this.ret();
    this.f.deferInfo = { slot: this.deferSlot, recover: l, flags: this.deferFlags };
  }

  /** Makes sure the program has runtime.gopanic (needed as soon as anything is deferred). */
  protected gopanicFunc(): IrFunc {
    let f = gopanics.get(this.p);
    if (f === undefined) {
      f = makeGopanic(this.f.file);
      gopanics.set(this.p, f);
      this.p.addFunc(f);
    }
    return f;
  }

  /**
   * panic(v): the program gets runtime.gopanic even without defers, so that a fatal panic's
   * value can be printed through its Error/String method (vm/defer.ts preprintpanics).
   */
  protected override panicValue(e: ast.Expr, pos: Pos): void {
    this.gopanicFunc();
    super.panicValue(e, pos);
  }

  /** deferreturn: runs the pending deferred calls, newest first (each popped before its call). */
  protected runDefers(): void {
    if (this.deferSlot < 0) return;
    const dh = this.deferSlot;
    const top = new Label("deferreturn");
    const done = new Label("deferdone");
    const c = this.temp("p");
    this.place(top);
    this.emit(Op.JEQI, dh, 0, 0, 0, { target: done });
    this.emit(Op.MOV, c, dh);
    this.emit(Op.LD64, dh, c, 8);
    this.emit(Op.CALLI, c, c, c);
    this.jmp(top);
    this.place(done);
  }

  /** recover() called directly: the panic value or nil (VM RECOVER). */
  protected recoverCall(pos: Pos): Val {
    const r = this.temp("np");
    this.at(pos);
    this.markRuntimeErrors();
    const st = Typ[BasicKind.String];
    this.emit(Op.RECOVER, r, this.p.typeId(st), 0, 0, { type: st });
    return { slot: r, n: 2 };
  }

  /**
   * Puts package runtime's run-time error types (runtime/error.go: errorString, plainError,
   * boundsError) in the image with their methods, when the program links package runtime:
   * the VM finds them by name to box the run-time errors recover() returns (else it returns
   * the message as a string).
   */
  protected markRuntimeErrors(): void {
    let rt: Package | null = this.p.runtimePkg?.() ?? null;
    if (rt === null) rt = this.findRuntimeImport();
    if (rt === null) return;
    for (const n of ["errorString", "plainError", "boundsError", "TypeAssertionError"]) {
      const o = rt.scope.lookup(n);
      if (!(o instanceof TypeName) || o.type === null) continue;
      let t = o.type as Type;
      if (n === "TypeAssertionError") t = new Pointer(t); // boxed as *TypeAssertionError, as Go
      this.p.markIface(t);
      this.p.typeId(t);
    }
  }

  /** Package runtime among the (transitive) imports of this package, or null. */
  private findRuntimeImport(): Package | null {
    let pkg: Package | null = null;
    for (const o of this.p.info.defs.values()) {
      if (o !== null && o !== undefined && o.pkg !== null) {
        pkg = o.pkg;
        break;
      }
    }
    if (pkg === null) return null;
    const seen = new Set<Package>();
    const todo = [pkg];
    let rt: Package | null = null;
    while (todo.length > 0) {
      const q = todo.pop() as Package;
      if (seen.has(q)) continue;
      seen.add(q);
      if (q.path === "runtime") {
        rt = q;
        break;
      }
      todo.push(...q.imports);
    }
    return rt;
  }

  protected deferStmt(s: ast.DeferStmt): void {
    this.curDefer = s;
    try {
      this.deferStmt1(s);
    } finally {
      this.curDefer = null;
    }
  }

  private deferStmt1(s: ast.DeferStmt): void {
    const call = s.call;
    const pos = s.defer;
    const info = this.p.info;
    if (this.deferSlot < 0) throw new Error(`internal: defer statement in ${this.f.name} without a defer head`);
    const fun = ast.unparen(call.fun);
    const builtin =
      fun.kind === "Ident" ? info.uses.get(fun) : fun.kind === "SelectorExpr" ? info.uses.get(fun.sel) : undefined;
    if (builtin instanceof Builtin) {
      this.deferBuiltin(call, pos);
      return;
    }
    if (fun.kind === "FuncLit" && call.args.length === 0) {
      const sig = (this.typeOf(fun) as Signature).underlying() as Signature;
      if (sig.params.vars.length === 0 && sig.results.vars.length === 0) {
        // defer func() { … }(): the literal's closure record is the defer record itself
        // ({F, link, &captures…}; the body reads its captures from offset 16), no wrapper
        const captures = this.freeVars(fun);
        const n = ++this.nclosures;
        const name = (this.f.flags & FN_CLOSURE) !== 0 ? `${this.f.name}.${n}` : `${this.f.name}.func${n}`;
        const Ctor = this.constructor as new (p: ProgramCtx, name: string, pos: Pos) => LowerDefer;
        const child = new Ctor(this.p, name, ast.nodePos(fun));
        child.lowerClosure(fun, sig, captures, 16);
        this.p.addFunc(child.f);
        this.at(pos);
        this.pushRecord(child.f, captures.map((v) => ({ slot: this.varAddr(v, pos), ptr: true })), pos);
        return;
      }
    }
    // gc's order: calls inside the operands run first, then the other operands are read
    if (fun.kind === "SelectorExpr") this.hoistCalls([fun.x]);
    else if (fun.kind !== "Ident") this.hoistCalls([fun]);
    this.hoistCalls(call.args);
    this.lastCall = null;
    const start = this.f.code.length;
    this.call(call);
    const lc = this.lastCall as { argBase: number; nargs: number; resBase: number; nres: number } | null;
    const code = this.f.code;
    const last = code[code.length - 1];
    if (lc === null || code.length === start || last === undefined || !("op" in last) || (last.op !== Op.CALL && last.op !== Op.CALLI))
      throw new Unsupported(pos, "defer of this call");
    code.pop();
    let fnSlot = -1;
    if (last.op === Op.CALLI) {
      fnSlot = last.a;
      // a nil func value panics when the deferred call runs (Go), not now
      const prev = code[code.length - 1];
      if (prev !== undefined && "op" in prev && prev.op === Op.NILCHK && prev.a === fnSlot) code.pop();
      // … but a nil interface's method is looked up now (Go panics at the defer statement)
      if (fun.kind === "SelectorExpr") {
        const sel = info.selections.get(fun);
        if (sel !== undefined && sel.kind === SelectionKind.MethodVal && sel.recv.underlying().tag === TypeTag.Interface)
          this.emit(Op.NILCHK, fnSlot);
      }
    }
    this.at(pos);
    if (fnSlot < 0 && lc.nargs === 0 && lc.nres === 0 && last.fn !== undefined && (last.fn.flags & FN_CLOSURE) === 0) {
      // a plain function of no arguments: the record calls it directly
      this.pushRecord(last.fn, [], pos);
      return;
    }
    const classes: boolean[] = [];
    const slots: number[] = [];
    if (fnSlot >= 0) {
      classes.push(this.f.ptrSlots[fnSlot]);
      slots.push(fnSlot);
    }
    for (let i = 0; i < lc.nargs; i++) {
      classes.push(this.f.ptrSlots[lc.argBase + i]);
      slots.push(lc.argBase + i);
    }
    const w = this.deferWrapper(last, lc, fnSlot >= 0);
    this.pushRecord(w, slots.map((sl, i) => ({ slot: sl, ptr: classes[i] })), pos);
  }

  /**
   * Packs {F, link, slots…} into a new record and makes it the head of this frame's list. When
   * every defer statement of the function runs at most once per call (none in a loop, no goto)
   * each gets its record in frame slots of its own (FADDR: no allocation; the list, the
   * records' links and the CALLI contexts are then stack addresses, adjusted like any pointer
   * slot when the stack moves); otherwise all records are heap objects (never a heap record
   * linking to a frame one).
   */
  private pushRecord(fn: IrFunc, slots: { slot: number; ptr: boolean }[], pos: Pos): void {
    const site = this.curDefer;
    if (site !== null && this.heapSites !== null && !this.heapSites.has(site)) {
      const rec = this.alloc("np" + slots.map((s) => (s.ptr ? "p" : "n")).join(""));
      this.emit(Op.LDI, rec, 0, 0, 0, { fnB: fn });
      this.emit(Op.MOV, rec + 1, this.deferSlot);
      slots.forEach((s, i) => this.emit(Op.MOV, rec + 2 + i, s.slot));
      this.emit(Op.FADDR, this.deferSlot, rec);
      return;
    }
    const fields = [new Var(pos, null, "F", Typ[BasicKind.Uintptr]), new Var(pos, null, "link", Typ[BasicKind.UnsafePointer])];
    slots.forEach((s, i) => fields.push(new Var(pos, null, `A${i}`, Typ[s.ptr ? BasicKind.UnsafePointer : BasicKind.Uintptr])));
    const rt = new Struct(fields, []);
    const r = this.temp("p");
    this.emit(Op.NEW, r, this.p.typeId(rt), 0, 0, { type: rt });
    const idx = this.temp("n");
    this.emit(Op.LDI, idx, 0, 0, 0, { fnB: fn });
    this.emit(Op.ST64, r, 0, idx);
    this.emit(Op.STP, r, 8, this.deferSlot);
    slots.forEach((s, i) => this.emit(s.ptr ? Op.STP : Op.ST64, r, 16 + 8 * i, s.slot));
    this.emit(Op.MOV, this.deferSlot, r);
  }

  /** The deferwrap of a captured call: reloads callee and arguments from its record, calls. */
  private deferWrapper(callIns: Instr, lc: { argBase: number; nargs: number; resBase: number; nres: number }, dynamic: boolean): IrFunc {
    const w = newFunc(`${this.f.name}.deferwrap${++this.ndeferwraps}`, this.f.file, this.line);
    w.flags = FN_CLOSURE | FN_WRAPPER | FN_RUNTIME;
    for (let i = 0; i < lc.nargs; i++) w.ptrSlots.push(this.f.ptrSlots[lc.argBase + i]);
    const res = w.ptrSlots.length;
    for (let i = 0; i < lc.nres; i++) w.ptrSlots.push(this.f.ptrSlots[lc.resBase + i]);
    const ctx = w.ptrSlots.length;
    w.ptrSlots.push(true);
    const fs = w.ptrSlots.length;
    w.ptrSlots.push(dynamic ? this.f.ptrSlots[callIns.a] : false);
    const ins = (op: number, a = 0, b = 0, c = 0, extra?: Partial<Instr>): void => {
      const i: Instr = { op, a, b, c, d: 0, file: this.file, line: this.line };
      if (extra !== undefined) Object.assign(i, extra);
      w.code.push(i);
    };
    ins(Op.GETCTX, ctx);
    let off = 16;
    if (dynamic) {
      ins(Op.LD64, fs, ctx, off);
      off += 8;
    }
    for (let i = 0; i < lc.nargs; i++) {
      ins(Op.LD64, i, ctx, off);
      off += 8;
    }
    if (dynamic) ins(Op.CALLI, fs, 0, res);
    else ins(callIns.op, callIns.a, 0, res, { fn: callIns.fn });
    ins(Op.RET);
    this.p.addFunc(w);
    return w;
  }

  /**
   * defer of a builtin call: the non-constant arguments are evaluated now and captured; the
   * wrapper (a child lowering) binds the argument expressions to the reloaded values and
   * lowers the call itself.
   */
  private deferBuiltin(call: ast.CallExpr, pos: Pos): void {
    const info = this.p.info;
    const fun = ast.unparen(call.fun);
    const b = (fun.kind === "Ident" ? info.uses.get(fun) : info.uses.get((fun as ast.SelectorExpr).sel)) as Builtin;
    if (b.name === "recover") {
      const w = newFunc(`${this.f.name}.deferwrap${++this.ndeferwraps}`, this.f.file, this.line);
      w.flags = FN_CLOSURE | FN_WRAPPER | FN_RUNTIME;
      w.ptrSlots = [false, true];
      const st = Typ[BasicKind.String];
      this.markRuntimeErrors();
      w.code.push({ op: Op.RECOVER, a: 0, b: this.p.typeId(st), c: 1, d: 0, type: st, file: this.file, line: this.line });
      w.code.push({ op: Op.RET, a: 0, b: 0, c: 0, d: 0, file: this.file, line: this.line });
      this.p.addFunc(w);
      this.at(pos);
      this.pushRecord(w, [], pos);
      return;
    }
    const captured = this.captureBuiltinArgs(call, "defer", b.name, pos);
    this.at(pos);
    const name = `${this.f.name}.deferwrap${++this.ndeferwraps}`;
    const Ctor = this.constructor as new (p: ProgramCtx, name: string, pos: Pos) => LowerDefer;
    const child = new Ctor(this.p, name, pos);
    child.lowerBuiltinWrapper(call, captured.map((c) => ({ e: c.e, t: c.t, shape: c.shape })), pos);
    this.p.addFunc(child.f);
    const slots: { slot: number; ptr: boolean }[] = [];
    for (const c of captured) for (let i = 0; i < c.shape.length; i++) slots.push({ slot: c.v.slot + i, ptr: c.shape[i] === "p" });
    this.pushRecord(child.f, slots, pos);
  }

  /**
   * A deferred or go-started builtin's arguments, evaluated now (calls first, gc's order);
   * constants and types are left to the wrapper, aggregates are copied.
   */
  private captureBuiltinArgs(call: ast.CallExpr, stmt: string, name: string, pos: Pos): { e: ast.Expr; t: Type; shape: string; v: Val }[] {
    const info = this.p.info;
    if (call.args.length === 1 && info.types.get(call.args[0])?.type.tag === TypeTag.Tuple)
      throw new Unsupported(pos, `${stmt} ${name}(f()) with a multi-value f`);
    this.hoistCalls(call.args);
    const captured: { e: ast.Expr; t: Type; shape: string; v: Val }[] = [];
    for (const a of call.args) {
      const tv = info.types.get(a);
      if (tv !== undefined && (tv.value !== null || tv.isType())) continue; // constants and types are re-evaluated
      const t = this.typeOf(a);
      let v = this.expr(a);
      if (isAggregate(t)) v = this.copyAgg(t, v);
      captured.push({ e: a, t, shape: shapeOf(t, ast.nodePos(a)), v });
    }
    return captured;
  }

  /**
   * go builtin(args): the arguments are evaluated now into a closure record {F, captures…}
   * whose wrapper (the deferred builtins' one, reading from offset 8) makes the call in the
   * new goroutine. recover() in a go statement returns nil there: nothing to start.
   */
  protected goBuiltin(call: ast.CallExpr, pos: Pos): void {
    const info = this.p.info;
    const fun = ast.unparen(call.fun);
    const b = (fun.kind === "Ident" ? info.uses.get(fun) : info.uses.get((fun as ast.SelectorExpr).sel)) as Builtin;
    const captured = this.captureBuiltinArgs(call, "go", b.name, pos);
    const name = `${this.f.name}.gowrap${++this.ngowraps}`;
    const Ctor = this.constructor as new (p: ProgramCtx, name: string, pos: Pos) => LowerDefer;
    const child = new Ctor(this.p, name, pos);
    child.lowerBuiltinWrapper(call, captured.map((c) => ({ e: c.e, t: c.t, shape: c.shape })), pos, 8);
    this.p.addFunc(child.f);
    const fields = [new Var(pos, null, "F", Typ[BasicKind.Uintptr])];
    const slots: { slot: number; ptr: boolean }[] = [];
    for (const c of captured) for (let i = 0; i < c.shape.length; i++) slots.push({ slot: c.v.slot + i, ptr: c.shape[i] === "p" });
    slots.forEach((sl, i) => fields.push(new Var(pos, null, `A${i}`, Typ[sl.ptr ? BasicKind.UnsafePointer : BasicKind.Uintptr])));
    const rt = new Struct(fields, []);
    this.at(pos);
    const r = this.temp("p");
    this.emit(Op.NEW, r, this.p.typeId(rt), 0, 0, { type: rt });
    const idx = this.temp("n");
    this.emit(Op.LDI, idx, 0, 0, 0, { fnB: child.f });
    this.emit(Op.ST64, r, 0, idx);
    slots.forEach((sl, i) => this.emit(sl.ptr ? Op.STP : Op.ST64, r, 8 + 8 * i, sl.slot));
    this.emit(Op.CALLN, this.p.nativeIndex("runtime.newproc"), r, 0);
  }

  /**
   * Body of a deferred (or go-started) builtin's wrapper (this is a fresh lowering of it): the
   * captured arguments are read from the context record from offset `base` (16 in a defer
   * record {F, link, …}, 8 in a go statement's closure {F, …}).
   */
  protected lowerBuiltinWrapper(call: ast.CallExpr, captured: { e: ast.Expr; t: Type; shape: string }[], pos: Pos, base = 16): void {
    this.f.flags |= FN_CLOSURE | FN_WRAPPER | FN_RUNTIME;
    this.at(pos);
    const ctx = this.alloc("p");
    this.emit(Op.GETCTX, ctx);
    let off = base;
    for (const c of captured) {
      const s = this.alloc(c.shape);
      for (let i = 0; i < c.shape.length; i++) {
        this.emit(Op.LD64, s + i, ctx, off);
        off += 8;
      }
      this.presets.set(c.e, { slot: s, n: c.shape.length });
    }
    const m = this.mark();
    this.call(call);
    this.release(m);
    this.emit(Op.RET);
  }
}
