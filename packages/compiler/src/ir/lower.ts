/**
 * lower.ts — typed AST + Info → IR (ir.ts) for one function body. Go semantics live here:
 * evaluation order, canonical integer forms (narrow results re-extended after each op),
 * conversions, bounds and nil checks, variable placement (slot vs heap, see ir.ts "Escape
 * analysis"). Anything outside the supported subset throws `Unsupported`, which the driver
 * reports as `file.go:L:C: gort: <construct> not supported yet`.
 */
import { FN_CLOSURE, FN_WRAPPER, Op } from "@gort/runtime/image";
import * as constant from "../constant/index.js";
import type { Pos } from "../syntax/position.js";
import * as ast from "../syntax/ast.js";
import {
  BasicKind,
  BuiltinId,
  Builtin,
  Const,
  Func,
  Nil,
  Pointer,
  SelectionKind,
  Struct,
  TypeName,
  Typ,
  TypeTag,
  Var,
  type Array as ArrayT,
  type Basic,
  type Info,
  type Signature,
  type Slice,
  Tuple,
  type Type,
} from "../types/index.js";
import { offsetsof, sizeof } from "../types/sizes.js";
import { Label, newFunc, type Instr, type IrFunc } from "./ir.js";

export type HelperName = "concatstring2" | "cmpstring" | "memmove" | "decoderune" | "intstring";

export class Unsupported extends Error {
  constructor(
    readonly pos: Pos,
    readonly what: string,
  ) {
    super(`${what} not supported yet`);
  }
}

/** Services of the whole program that function lowering uses (implemented by the driver). */
export interface ProgramCtx {
  info: Info;
  fileIndex(pos: Pos): number;
  line(pos: Pos): number;
  funcOf(f: Func): IrFunc;
  globalOff(v: Var): number | undefined;
  typeId(t: Type): number;
  constInt(v: bigint): number;
  constFloat(f: number): number;
  /** statics offset of a string's bytes (globals: offsets within the globals block, see globalRel) */
  stringData(b: Uint8Array): number;
  /** a generated runtime helper (rtfuncs.ts): "concatstring2", "cmpstring" */
  helper(name: HelperName): IrFunc;
  /** the "-fm" wrapper making method fn a func value (method values x.M) */
  methodWrapper(fn: Func): IrFunc;
  /** adds a function made during lowering (closures) to the image */
  addFunc(f: IrFunc): void;
  /** index of a native ("importpath.Name") in the image's natives table */
  nativeIndex(name: string): number;
}

/** A value in slots: `n` consecutive slots from `slot`. Aggregates: one slot with their address. */
interface Val {
  slot: number;
  n: number;
  /** aggregates: the memory is a fresh copy nobody else references */
  fresh?: boolean;
}

type VarLoc = { k: "reg"; slot: number } | { k: "mem"; slot: number } | { k: "global"; off: number };

const BC_INDEX = 0;
const BC_SLICE_ALEN = 1;
const BC_SLICE_ACAP = 2;
const BC_SLICE_B = 3;
const BC_UNSIGNED = 0x10;

function basicKind(t: Type): BasicKind | -1 {
  const u = t.underlying();
  return u.tag === TypeTag.Basic ? (u as Basic).kind : -1;
}
function isAggregate(t: Type): boolean {
  const u = t.underlying();
  return u.tag === TypeTag.Struct || u.tag === TypeTag.Array;
}
function isFloat(t: Type): boolean {
  const k = basicKind(t);
  return k === BasicKind.Float32 || k === BasicKind.Float64 || k === BasicKind.UntypedFloat;
}
function isUnsigned(t: Type): boolean {
  const k = basicKind(t);
  return k >= BasicKind.Uint && k <= BasicKind.Uintptr;
}
function isString(t: Type): boolean {
  const k = basicKind(t);
  return k === BasicKind.String || k === BasicKind.UntypedString;
}
function isIntegerKind(k: BasicKind | -1): boolean {
  return (k >= BasicKind.Int && k <= BasicKind.Uintptr) || k === BasicKind.UntypedInt || k === BasicKind.UntypedRune;
}

/** Slot classes of a value of type t: "p" pointer slot, "n" non-pointer slot. */
export function shapeOf(t: Type, pos: Pos): string {
  const u = t.underlying();
  switch (u.tag) {
    case TypeTag.Basic: {
      const k = (u as Basic).kind;
      if (k === BasicKind.String || k === BasicKind.UntypedString) return "pn";
      if (k === BasicKind.UnsafePointer) return "p";
      if (k === BasicKind.Complex64 || k === BasicKind.Complex128 || k === BasicKind.UntypedComplex)
        throw new Unsupported(pos, "complex numbers");
      if (k === BasicKind.UntypedNil) return "p";
      return "n";
    }
    case TypeTag.Pointer:
      return "p";
    case TypeTag.Slice:
      return "pnn";
    case TypeTag.Struct:
    case TypeTag.Array:
      return "p";
    case TypeTag.Interface:
      throw new Unsupported(pos, "interface values");
    case TypeTag.Map:
      throw new Unsupported(pos, "maps");
    case TypeTag.Chan:
      throw new Unsupported(pos, "channels");
    case TypeTag.Signature:
      return "p";
    case TypeTag.TypeParam:
      throw new Unsupported(pos, "generics");
  }
  throw new Unsupported(pos, `values of type ${t.toString()}`);
}

/** Load/store opcodes of one scalar leaf. */
interface Leaf {
  off: number;
  ld: Op;
  st: Op;
}
function leavesOf(t: Type, pos: Pos): Leaf[] {
  const u = t.underlying();
  if (u.tag === TypeTag.Pointer || u.tag === TypeTag.Signature || basicKind(t) === BasicKind.UnsafePointer)
    return [{ off: 0, ld: Op.LD64, st: Op.STP }];
  if (u.tag === TypeTag.Slice)
    return [
      { off: 0, ld: Op.LD64, st: Op.STP },
      { off: 8, ld: Op.LD64, st: Op.ST64 },
      { off: 16, ld: Op.LD64, st: Op.ST64 },
    ];
  switch (basicKind(t)) {
    case BasicKind.String:
      return [
        { off: 0, ld: Op.LD64, st: Op.STP },
        { off: 8, ld: Op.LD64, st: Op.ST64 },
      ];
    case BasicKind.Bool:
    case BasicKind.Uint8:
      return [{ off: 0, ld: Op.LD8, st: Op.ST8 }];
    case BasicKind.Int8:
      return [{ off: 0, ld: Op.LD8S, st: Op.ST8 }];
    case BasicKind.Int16:
      return [{ off: 0, ld: Op.LD16S, st: Op.ST16 }];
    case BasicKind.Uint16:
      return [{ off: 0, ld: Op.LD16, st: Op.ST16 }];
    case BasicKind.Int32:
      return [{ off: 0, ld: Op.LD32S, st: Op.ST32 }];
    case BasicKind.Uint32:
      return [{ off: 0, ld: Op.LD32, st: Op.ST32 }];
    case BasicKind.Float32:
      return [{ off: 0, ld: Op.LDF32, st: Op.STF32 }];
    case BasicKind.Int:
    case BasicKind.Int64:
    case BasicKind.Uint:
    case BasicKind.Uint64:
    case BasicKind.Uintptr:
    case BasicKind.Float64:
      return [{ off: 0, ld: Op.LD64, st: Op.ST64 }];
  }
  shapeOf(t, pos); // throws the precise diagnostic
  throw new Unsupported(pos, `values of type ${t.toString()}`);
}

/** The opcode re-establishing the canonical form of an integer of kind k (or -1 for 64-bit kinds). */
function normOp(t: Type): Op | -1 {
  switch (basicKind(t)) {
    case BasicKind.Int8:
      return Op.SEXT8;
    case BasicKind.Int16:
      return Op.SEXT16;
    case BasicKind.Int32:
      return Op.SEXT32;
    case BasicKind.Uint8:
      return Op.ZEXT8;
    case BasicKind.Uint16:
      return Op.ZEXT16;
    case BasicKind.Uint32:
      return Op.ZEXT32;
  }
  return -1;
}

interface Target {
  label: string | null;
  brk: Label;
  cont: Label | null;
  /** a labeled statement other than for/switch: a break target only by its label */
  plain?: boolean;
}

export class FuncLowering {
  readonly f: IrFunc;
  private vars = new Map<Var, VarLoc>();
  private free = new Map<string, number[]>();
  private temps: { shape: string; slot: number }[] = [];
  private addrTaken = new Set<Var>();
  private file = 0;
  private line = 0;
  private targets: Target[] = [];
  private pendingLabel: string | null = null;
  private fallthroughTo: Label | null = null;
  private sig: Signature | null = null;
  private resultVars: Var[] = [];
  private nclosures = 0;

  constructor(
    private readonly p: ProgramCtx,
    name: string,
    pos: Pos,
  ) {
    this.f = newFunc(name, p.fileIndex(pos), p.line(pos));
    this.file = this.f.file;
    this.line = this.f.line;
  }

  // ── emission and slots ──────────────────────────────────────────────────────────────────

  private at(pos: Pos): void {
    if (pos > 0) {
      this.file = this.p.fileIndex(pos);
      this.line = this.p.line(pos);
    }
  }
  emit(op: Op, a = 0, b = 0, c = 0, d = 0, extra?: Partial<Instr>): void {
    const ins: Instr = { op, a, b, c, d, file: this.file, line: this.line };
    if (extra !== undefined) Object.assign(ins, extra);
    this.f.code.push(ins);
  }
  place(l: Label): void {
    this.f.code.push(l);
  }
  jmp(l: Label): void {
    this.emit(Op.JMP, 0, 0, 0, 0, { target: l });
  }
  /** Permanent slots of the given shape (variables, params). */
  private alloc(shape: string): number {
    const s = this.f.ptrSlots.length;
    for (const c of shape) this.f.ptrSlots.push(c === "p");
    return s;
  }
  private temp(shape: string): number {
    const fl = this.free.get(shape);
    const slot = fl !== undefined && fl.length > 0 ? (fl.pop() as number) : this.alloc(shape);
    this.temps.push({ shape, slot });
    return slot;
  }
  private mark(): number {
    return this.temps.length;
  }
  private release(m: number): void {
    while (this.temps.length > m) {
      const t = this.temps.pop() as { shape: string; slot: number };
      let fl = this.free.get(t.shape);
      if (fl === undefined) this.free.set(t.shape, (fl = []));
      fl.push(t.slot);
    }
  }
  private tempFor(t: Type, pos: Pos): Val {
    const shape = shapeOf(t, pos);
    return { slot: this.temp(shape), n: shape.length };
  }
  private movVal(dst: number, v: Val): void {
    if (dst === v.slot) return;
    if (v.n === 1) this.emit(Op.MOV, dst, v.slot);
    else this.emit(Op.MOVN, dst, v.slot, v.n);
  }
  private ldi(dst: number, v: number): void {
    this.emit(Op.LDI, dst, v);
  }
  private ldInt(dst: number, v: bigint): void {
    const x = BigInt.asIntN(64, v);
    if (x >= -(1n << 31n) && x < 1n << 31n) this.ldi(dst, Number(x));
    else this.emit(Op.LDK, dst, this.p.constInt(x));
  }

  // ── function bodies ─────────────────────────────────────────────────────────────────────

  /** Lowers a function or method declaration. */
  lowerFunc(decl: ast.FuncDecl, fn: Func): IrFunc {
    const info = this.p.info;
    const sig = fn.signature();
    this.sig = sig;
    if (sig.tparams.length > 0 || sig.rparams.length > 0) throw new Unsupported(decl.name.pos, "generic functions");
    if (decl.body === undefined) throw new Unsupported(decl.name.pos, "functions without body");
    this.findAddrTaken(decl.body);
    const params: Var[] = [];
    if (sig.recv !== null) params.push(sig.recv);
    params.push(...sig.params.vars);
    const pslots = params.map((v) => this.alloc(shapeOf(v.type as Type, v.pos)));
    this.f.nparams = this.f.ptrSlots.length;
    const rslots = sig.results.vars.map((v) => this.alloc(shapeOf(v.type as Type, v.pos)));
    this.f.nresults = this.f.ptrSlots.length - this.f.nparams;
    params.forEach((v, i) => this.bindParam(v, pslots[i]));
    this.resultVars = sig.results.vars;
    sig.results.vars.forEach((v, i) => {
      const t = v.type as Type;
      if (isAggregate(t) || this.addrTaken.has(v)) this.declareVar(v, v.pos);
      else this.vars.set(v, { k: "reg", slot: rslots[i] });
    });
    void info;
    this.block(decl.body.list);
    // falling off the end (functions without results)
    this.at(decl.body.rbrace);
    this.ret();
    return this.f;
  }

  /** Lowers the package initialiser: variable initialisations in order, then init functions. */
  lowerInit(inits: { lhs: Var[]; rhs: ast.Expr }[], initFuncs: IrFunc[], pos: Pos): IrFunc {
    for (const ini of inits) {
      this.at(ast.nodePos(ini.rhs));
      const m = this.mark();
      this.hoistCalls([ini.rhs]);
      const vals = this.exprs([ini.rhs], ini.lhs.length);
      ini.lhs.forEach((v, i) => {
        if (v.name === "_") return;
        this.storeVar(v, vals[i], v.type as Type, ast.nodePos(ini.rhs));
      });
      this.release(m);
    }
    this.at(pos);
    for (const f of initFuncs) this.emit(Op.CALL, 0, 0, 0, 0, { fn: f });
    this.emit(Op.RET);
    return this.f;
  }

  /** The program entry: package init, then main.main. */
  lowerEntry(init: IrFunc, main: IrFunc): IrFunc {
    this.emit(Op.CALL, 0, 0, 0, 0, { fn: init });
    this.emit(Op.CALL, 0, 0, 0, 0, { fn: main });
    this.emit(Op.RET);
    return this.f;
  }

  private bindParam(v: Var, slot: number): void {
    const t = v.type as Type;
    if (isAggregate(t)) {
      // the caller passed a pointer to a fresh copy: the parameter variable is that memory
      this.vars.set(v, { k: "mem", slot });
    } else if (this.addrTaken.has(v)) {
      const p = this.alloc("p");
      this.emit(Op.NEW, p, this.p.typeId(t), 0, 0, { type: t });
      this.storeLeaves(p, 0, t, { slot, n: shapeOf(t, v.pos).length }, v.pos);
      this.vars.set(v, { k: "mem", slot: p });
    } else this.vars.set(v, { k: "reg", slot });
  }

  /** Marks variables whose address is taken (explicitly or by pointer-method calls). */
  private findAddrTaken(body: ast.Node): void {
    const info = this.p.info;
    const root = (e: ast.Expr): void => {
      e = ast.unparen(e);
      if (e.kind === "Ident") {
        const o = info.uses.get(e) ?? info.defs.get(e);
        if (o instanceof Var) this.addrTaken.add(o);
      } else if (e.kind === "SelectorExpr") {
        const sel = info.selections.get(e);
        if (sel !== undefined && !sel.indirect && sel.recv.underlying().tag !== TypeTag.Pointer) root(e.x);
      } else if (e.kind === "IndexExpr") {
        const t = info.typeOf(e.x);
        if (t !== undefined && t.underlying().tag === TypeTag.Array) root(e.x);
      }
    };
    ast.inspect(body, (n) => {
      if (n.kind === "UnaryExpr" && n.op === "&") root(n.x);
      if (n.kind === "SelectorExpr") {
        const sel = info.selections.get(n);
        if (sel !== undefined && sel.kind === SelectionKind.MethodVal) {
          const fn = sel.obj as Func;
          const recvT = fn.signature().recv?.type;
          if (recvT !== undefined && recvT !== null && recvT.tag === TypeTag.Pointer && sel.recv.underlying().tag !== TypeTag.Pointer)
            root(n.x);
        }
      }
      if (n.kind === "SliceExpr") {
        const t = info.typeOf(n.x);
        if (t !== undefined && t.underlying().tag === TypeTag.Array) root(n.x);
      }
      if (n.kind === "FuncLit") for (const v of this.freeVars(n)) this.addrTaken.add(v);
      return true;
    });
  }

  /** Local variables of enclosing functions that a function literal refers to (in first-use order). */
  private freeVars(lit: ast.FuncLit): Var[] {
    const info = this.p.info;
    const lo = ast.nodePos(lit);
    const hi = ast.nodeEnd(lit);
    const out: Var[] = [];
    ast.inspect(lit.body, (n) => {
      if (n.kind !== "Ident") return true;
      const o = info.uses.get(n);
      if (o instanceof Var && !o.isField && (o.pos < lo || o.pos >= hi) && this.p.globalOff(o) === undefined && !out.includes(o))
        out.push(o);
      return true;
    });
    return out;
  }

  /** Lowers a function literal's body as its own function reading its captures from the context. */
  lowerClosure(lit: ast.FuncLit, sig: Signature, captures: Var[]): IrFunc {
    this.f.flags |= FN_CLOSURE;
    this.findAddrTaken(lit.body);
    const params = sig.params.vars;
    const pslots = params.map((v) => this.alloc(shapeOf(v.type as Type, v.pos)));
    this.f.nparams = this.f.ptrSlots.length;
    const rslots = sig.results.vars.map((v) => this.alloc(shapeOf(v.type as Type, v.pos)));
    this.f.nresults = this.f.ptrSlots.length - this.f.nparams;
    const ctx = this.alloc("p");
    this.emit(Op.GETCTX, ctx);
    captures.forEach((v, i) => {
      const p = this.alloc("p");
      this.emit(Op.LD64, p, ctx, 8 + 8 * i);
      this.vars.set(v, { k: "mem", slot: p });
    });
    params.forEach((v, i) => this.bindParam(v, pslots[i]));
    this.resultVars = sig.results.vars;
    sig.results.vars.forEach((v, i) => {
      const t = v.type as Type;
      if (isAggregate(t) || this.addrTaken.has(v)) this.declareVar(v, v.pos);
      else this.vars.set(v, { k: "reg", slot: rslots[i] });
    });
    this.block(lit.body.list);
    this.at(lit.body.rbrace);
    this.ret();
    return this.f;
  }

  /** A closure record {fn index, &capture...} for a function literal or a top-level function. */
  private closure(fn: IrFunc, captures: Var[], pos: Pos): Val {
    const fields = [new Var(pos, null, "F", Typ[BasicKind.Uintptr])];
    captures.forEach((v, i) => fields.push(new Var(pos, null, `X${i}`, new Pointer(v.type as Type))));
    const t = new Struct(fields, []);
    const r = this.temp("p");
    this.at(pos);
    this.emit(Op.NEW, r, this.p.typeId(t), 0, 0, { type: t });
    const idx = this.temp("n");
    this.emit(Op.LDI, idx, 0, 0, 0, { fnB: fn });
    this.emit(Op.ST64, r, 0, idx);
    captures.forEach((v, i) => this.emit(Op.STP, r, 8 + 8 * i, this.varAddr(v, pos)));
    return { slot: r, n: 1 };
  }

  private funcLit(lit: ast.FuncLit): Val {
    const pos = ast.nodePos(lit);
    const sig = this.typeOf(lit) as Signature;
    const captures = this.freeVars(lit);
    // Go's names: main.f.func1, main.f.func2; inside func1: main.f.func1.1
    const n = ++this.nclosures;
    const name = (this.f.flags & FN_CLOSURE) !== 0 ? `${this.f.name}.${n}` : `${this.f.name}.func${n}`;
    const child = new FuncLowering(this.p, name, pos);
    child.lowerClosure(lit, sig.underlying() as Signature, captures);
    this.p.addFunc(child.f);
    return this.closure(child.f, captures, pos);
  }

  private declareVar(v: Var, pos: Pos): VarLoc {
    const t = v.type as Type;
    let loc: VarLoc;
    if (isAggregate(t) || this.addrTaken.has(v)) {
      const p = this.alloc("p");
      this.emit(Op.NEW, p, this.p.typeId(t), 0, 0, { type: t });
      loc = { k: "mem", slot: p };
    } else {
      const shape = shapeOf(t, pos);
      const s = this.alloc(shape);
      for (let i = 0; i < shape.length; i++) this.ldi(s + i, 0);
      loc = { k: "reg", slot: s };
    }
    this.vars.set(v, loc);
    return loc;
  }

  // ── statements ──────────────────────────────────────────────────────────────────────────

  private block(list: ast.Stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  private stmt(s: ast.Stmt): void {
    const m = this.mark();
    this.at(ast.nodePos(s));
    const label = this.pendingLabel;
    this.pendingLabel = null;
    switch (s.kind) {
      case "ExprStmt":
        this.hoistCalls([s.x]);
        break;
      case "AssignStmt":
        this.hoistCalls([...s.lhs, ...s.rhs]);
        break;
      case "IncDecStmt":
        this.hoistCalls([s.x]);
        break;
      case "ReturnStmt":
        this.hoistCalls(s.results);
        break;
      case "DeclStmt":
        for (const spec of s.decl.specs) if (spec.kind === "ValueSpec" && s.decl.tok === "var") this.hoistCalls(spec.values);
        break;
    }
    switch (s.kind) {
      case "EmptyStmt":
        break;
      case "ExprStmt":
        this.exprs([s.x], -1);
        break;
      case "DeclStmt":
        this.declStmt(s.decl);
        break;
      case "AssignStmt":
        this.assign(s);
        break;
      case "IncDecStmt":
        this.opAssign(s.x, s.tok === "++" ? "+" : "-", null, s.tokPos);
        break;
      case "BlockStmt":
        this.block(s.list);
        break;
      case "ReturnStmt":
        this.returnStmt(s);
        break;
      case "IfStmt":
        this.ifStmt(s);
        break;
      case "ForStmt":
        this.forStmt(s, label);
        break;
      case "RangeStmt":
        this.rangeStmt(s, label);
        break;
      case "SwitchStmt":
        this.switchStmt(s, label);
        break;
      case "LabeledStmt":
        this.place(this.gotoLabel(s.label.name));
        this.pendingLabel = s.label.name;
        if (s.stmt.kind === "ForStmt" || s.stmt.kind === "RangeStmt" || s.stmt.kind === "SwitchStmt") this.stmt(s.stmt);
        else {
          this.pendingLabel = null;
          const brk = new Label(s.label.name);
          this.targets.push({ label: s.label.name, brk, cont: null, plain: true });
          this.stmt(s.stmt);
          this.targets.pop();
          this.place(brk);
        }
        break;
      case "BranchStmt":
        this.branch(s);
        break;
      case "GoStmt":
        throw new Unsupported(s.go, "go statements");
      case "DeferStmt":
        throw new Unsupported(s.defer, "defer statements");
      case "SelectStmt":
        throw new Unsupported(s.select, "select statements");
      case "SendStmt":
        throw new Unsupported(ast.nodePos(s), "channel sends");
      case "TypeSwitchStmt":
        throw new Unsupported(s.switch, "type switches");
      default:
        throw new Unsupported(ast.nodePos(s), `${s.kind}`);
    }
    this.release(m);
  }

  private declStmt(d: ast.GenDecl): void {
    const info = this.p.info;
    for (const spec of d.specs) {
      if (spec.kind !== "ValueSpec") continue;
      if (d.tok === "const") continue;
      const vars = spec.names.map((n) => info.defs.get(n));
      if (vars.some((v) => v instanceof Const)) continue;
      if (spec.values.length === 0) {
        for (const v of vars) if (v instanceof Var && v.name !== "_") this.declareVar(v, v.pos);
        continue;
      }
      const vals = this.exprs(spec.values, spec.names.length, true);
      vars.forEach((v, i) => {
        if (!(v instanceof Var) || v.name === "_") return;
        this.defineVar(v, vals[i]);
      });
    }
  }

  /** Declares v and initialises it with val (adopting fresh aggregate memory). */
  private defineVar(v: Var, val: Val): void {
    const t = v.type as Type;
    if (isAggregate(t) && val.fresh === true) {
      const p = this.alloc("p");
      this.emit(Op.MOV, p, val.slot);
      this.vars.set(v, { k: "mem", slot: p });
      return;
    }
    this.declareVar(v, v.pos);
    this.storeVar(v, val, t, v.pos);
  }

  private assign(s: ast.AssignStmt): void {
    const info = this.p.info;
    if (s.tok !== "=" && s.tok !== ":=") {
      this.opAssign(s.lhs[0], s.tok.slice(0, -1), s.rhs[0], s.tokPos);
      return;
    }
    if (s.tok === ":=") {
      const vals = this.exprs(s.rhs, s.lhs.length, true);
      s.lhs.forEach((l, i) => {
        if (l.kind !== "Ident" || l.name === "_") return;
        const def = info.defs.get(l);
        if (def instanceof Var) this.defineVar(def, vals[i]);
        else this.storeTo(l, vals[i]);
      });
      return;
    }
    // '=': left operands' index and pointer operands first, then the right side, then stores
    const lhs = s.lhs.map((l) => this.lvalue(l));
    const vals = this.exprs(s.rhs, s.lhs.length, s.lhs.length > 1);
    lhs.forEach((l, i) => l(vals[i]));
  }

  /** Evaluates the operands of an assignable expression now; returns the store. */
  private lvalue(l: ast.Expr): (v: Val) => void {
    const e = ast.unparen(l);
    const pos = ast.nodePos(l);
    if (e.kind === "Ident") {
      if (e.name === "_") return () => undefined;
      const v = this.p.info.uses.get(e);
      if (v instanceof Var) return (val) => this.storeVar(v, val, v.type as Type, pos);
    }
    const t = this.typeOf(e);
    const a = this.addr(e);
    return (val) => this.storeAt(a, 0, t, val, pos);
  }

  private storeTo(l: ast.Expr, val: Val): void {
    this.lvalue(l)(val);
  }

  /** x op= y (y null: ++/--). */
  private opAssign(x: ast.Expr, op: string, y: ast.Expr | null, pos: Pos): void {
    const t = this.typeOf(x);
    const e = ast.unparen(x);
    let cur: Val;
    let store: (v: Val) => void;
    const v = e.kind === "Ident" ? this.p.info.uses.get(e) : undefined;
    if (v instanceof Var) {
      cur = this.loadVar(v, t, pos);
      store = (val) => this.storeVar(v, val, t, pos);
    } else {
      const a = this.addr(e);
      cur = this.loadAt(a, 0, t, pos);
      store = (val) => this.storeAt(a, 0, t, val, pos);
    }
    let r: Val;
    if (y === null) {
      const one = this.temp("n");
      if (isFloat(t)) this.emit(Op.LDK, one, this.p.constFloat(1));
      else this.ldi(one, 1);
      r = this.binary(op, t, cur, { slot: one, n: 1 }, pos, t);
    } else if (op === "<<" || op === ">>") {
      r = this.shift(op, t, cur, y, pos);
    } else {
      const yv = this.expr(y);
      r = this.binary(op, t, cur, yv, pos, t);
    }
    store(r);
  }

  private returnStmt(s: ast.ReturnStmt): void {
    const rv = this.resultVars;
    if (s.results.length > 0) {
      const vals = this.exprs(s.results, rv.length, rv.length > 1);
      rv.forEach((v, i) => this.storeVar(v, vals[i], v.type as Type, s.return));
    }
    this.ret();
  }

  /** Copies named/anonymous result variables to the result slots and returns. */
  private ret(): void {
    let slot = this.f.nparams;
    for (const v of this.resultVars) {
      const t = v.type as Type;
      const n = shapeOf(t, v.pos).length;
      const loc = this.vars.get(v) as VarLoc;
      if (loc.k === "mem") {
        if (isAggregate(t)) {
          const c = this.copyAgg(t, { slot: loc.slot, n: 1 });
          this.emit(Op.MOV, slot, c.slot);
        } else this.movVal(slot, this.loadAt(loc.slot, 0, t, v.pos));
      }
      slot += n;
    }
    this.emit(Op.RET);
  }

  private ifStmt(s: ast.IfStmt): void {
    const m = this.mark();
    if (s.init) this.stmt(s.init);
    const els = new Label("else");
    const end = new Label("endif");
    this.at(ast.nodePos(s.cond));
    this.hoistCalls([s.cond]);
    this.condJump(s.cond, false, els);
    this.block(s.body.list);
    if (s.else) this.jmp(end);
    this.place(els);
    if (s.else) this.stmt(s.else);
    this.place(end);
    this.release(m);
  }

  private forStmt(s: ast.ForStmt, label: string | null): void {
    if (s.init) this.stmt(s.init);
    const top = new Label("for");
    const cont = new Label("continue");
    const brk = new Label("break");
    this.place(top);
    if (s.cond) {
      this.at(ast.nodePos(s.cond));
      const m = this.mark();
      this.hoistCalls([s.cond]);
      this.condJump(s.cond, false, brk);
      this.release(m);
    }
    this.targets.push({ label, brk, cont });
    this.block(s.body.list);
    this.targets.pop();
    this.place(cont);
    if (s.post) this.stmt(s.post);
    this.at(s.for);
    this.jmp(top);
    this.place(brk);
  }

  private rangeStmt(s: ast.RangeStmt, label: string | null): void {
    const xt = this.typeOf(s.x);
    let u = xt.underlying();
    if (u.tag === TypeTag.Pointer) u = (u as Pointer).base.underlying();
    if (isString(xt)) return this.rangeString(s, label);
    if (u.tag !== TypeTag.Slice && u.tag !== TypeTag.Array) throw new Unsupported(s.range, `range over ${xt.toString()}`);
    const elemT = u.tag === TypeTag.Slice ? (u as Slice).elem : (u as ArrayT).elem;
    const esize = sizeof(elemT);
    // evaluate x once: slices by value (ptr, len), arrays by address (the array itself when ranged with a value var Go copies it)
    const xv = this.expr(s.x);
    const base = this.temp("p");
    const len = this.temp("n");
    if (u.tag === TypeTag.Slice) {
      this.emit(Op.MOV, base, xv.slot);
      this.emit(Op.MOV, len, xv.slot + 1);
    } else {
      const src = xt.underlying().tag === TypeTag.Pointer ? xv : s.value ? this.copyAgg(xt, xv) : xv;
      this.emit(Op.MOV, base, src.slot);
      this.ldi(len, (u as ArrayT).len);
    }
    const i = this.temp("n");
    this.ldi(i, 0);
    const info = this.p.info;
    const bind = (e: ast.Expr | undefined): ((v: Val) => void) | null => {
      if (e === undefined) return null;
      if (e.kind === "Ident" && e.name === "_") return null;
      if (s.tok === ":=" && e.kind === "Ident") {
        const v = info.defs.get(e);
        if (v instanceof Var) {
          const loc = this.declareVar(v, v.pos);
          void loc;
          return (val) => this.storeVar(v, val, v.type as Type, v.pos);
        }
      }
      return (val) => this.storeTo(e, val);
    };
    const kb = bind(s.key);
    const vb = bind(s.value);
    const top = new Label("range");
    const cont = new Label("continue");
    const brk = new Label("break");
    this.place(top);
    this.emit(Op.JLE, len, i, 0, 0, { target: brk });
    if (kb) kb({ slot: i, n: 1 });
    if (vb) {
      const m = this.mark();
      const ea = this.temp("p");
      this.emit(Op.INDEXP, ea, base, i, esize);
      vb(this.loadAt(ea, 0, elemT, s.range));
      this.release(m);
    }
    this.targets.push({ label, brk, cont });
    this.block(s.body.list);
    this.targets.pop();
    this.place(cont);
    this.emit(Op.ADDI, i, i, 1);
    this.at(s.for);
    this.jmp(top);
    this.place(brk);
  }

  /** for i, r := range str: decodes UTF-8 with runtime.decoderune (invalid bytes give U+FFFD, width 1). */
  private rangeString(s: ast.RangeStmt, label: string | null): void {
    const xv = this.expr(s.x);
    const str = this.temp("pn");
    this.movVal(str, xv);
    const args = this.temp("pnn");
    const res = this.temp("nn");
    this.emit(Op.LDI, args + 2, 0);
    const kb = this.rangeBinder(s, s.key);
    const vb = this.rangeBinder(s, s.value);
    const top = new Label("range");
    const cont = new Label("continue");
    const brk = new Label("break");
    this.place(top);
    this.emit(Op.JLE, str + 1, args + 2, 0, 0, { target: brk });
    this.emit(Op.MOVN, args, str, 2);
    this.at(s.range);
    this.emit(Op.CALL, 0, args, res, 0, { fn: this.p.helper("decoderune") });
    if (kb) kb({ slot: args + 2, n: 1 });
    if (vb) vb({ slot: res, n: 1 });
    this.targets.push({ label, brk, cont });
    this.block(s.body.list);
    this.targets.pop();
    this.place(cont);
    this.emit(Op.MOV, args + 2, res + 1);
    this.at(s.for);
    this.jmp(top);
    this.place(brk);
  }

  private rangeBinder(s: ast.RangeStmt, e: ast.Expr | undefined): ((v: Val) => void) | null {
    if (e === undefined || (e.kind === "Ident" && e.name === "_")) return null;
    if (s.tok === ":=" && e.kind === "Ident") {
      const v = this.p.info.defs.get(e);
      if (v instanceof Var) {
        this.declareVar(v, v.pos);
        return (val) => this.storeVar(v, val, v.type as Type, v.pos);
      }
    }
    return (val) => this.storeTo(e, val);
  }

  private switchStmt(s: ast.SwitchStmt, label: string | null): void {
    const m = this.mark();
    if (s.init) this.stmt(s.init);
    let tag: Val | null = null;
    let tagT: Type | null = null;
    if (s.tag) {
      this.hoistCalls([s.tag]);
      tagT = this.typeOf(s.tag);
      const v = this.expr(s.tag);
      tag = this.tempFor(tagT, ast.nodePos(s.tag));
      this.movVal(tag.slot, v);
    }
    const brk = new Label("endswitch");
    const clauses = s.body.list as ast.CaseClause[];
    const bodies = clauses.map(() => new Label("case"));
    let deflt = -1;
    clauses.forEach((c, ci) => {
      if (c.list.length === 0) {
        deflt = ci;
        return;
      }
      for (const e of c.list) {
        this.at(ast.nodePos(e));
        const mm = this.mark();
        this.hoistCalls([e]);
        if (tag !== null && tagT !== null) {
          const v = this.expr(e);
          const r = this.compare("==", tagT, tag, v, ast.nodePos(e));
          this.emit(Op.JT, r.slot, 0, 0, 0, { target: bodies[ci] });
        } else this.condJump(e, true, bodies[ci]);
        this.release(mm);
      }
    });
    this.jmp(deflt >= 0 ? bodies[deflt] : brk);
    this.targets.push({ label, brk, cont: null });
    clauses.forEach((c, ci) => {
      this.place(bodies[ci]);
      const saved = this.fallthroughTo;
      this.fallthroughTo = ci + 1 < clauses.length ? bodies[ci + 1] : null;
      this.block(c.body);
      this.fallthroughTo = saved;
      const last = c.body[c.body.length - 1];
      if (!(last !== undefined && last.kind === "BranchStmt" && last.tok === "fallthrough")) this.jmp(brk);
    });
    this.targets.pop();
    this.place(brk);
    this.release(m);
  }

  private branch(s: ast.BranchStmt): void {
    if (s.tok === "goto") {
      // the checker guarantees no jump over variable declarations or into blocks
      this.jmp(this.gotoLabel((s.label as ast.Ident).name));
      return;
    }
    if (s.tok === "fallthrough") {
      if (this.fallthroughTo === null) throw new Unsupported(s.tokPos, "fallthrough here");
      this.jmp(this.fallthroughTo);
      return;
    }
    for (let i = this.targets.length - 1; i >= 0; i--) {
      const t = this.targets[i];
      if (s.label !== undefined && t.label !== s.label.name) continue;
      if (s.tok === "continue") {
        if (t.cont === null) continue;
        this.jmp(t.cont);
      } else {
        if (s.label === undefined && t.plain === true) continue;
        this.jmp(t.brk);
      }
      return;
    }
    throw new Unsupported(s.tokPos, `${s.tok} here`);
  }

  // ── variables and memory ────────────────────────────────────────────────────────────────

  /**
   * gc's evaluation order: within an expression evaluated at one point (a statement's operands,
   * a condition), all function calls run first, in order, and only then the other operands
   * are read (`println(x, f())` reads x after f returns). Calls on the right of && and || and
   * inside function literals stay where they are. Hoisted results wait here for their CallExpr.
   */
  private hoisted = new Map<ast.CallExpr, Val[]>();
  private hoistCalls(es: (ast.Expr | undefined)[]): void {
    const info = this.p.info;
    const visit = (e: ast.Expr | undefined): void => {
      if (e === undefined) return;
      const tv = info.types.get(e);
      if (tv !== undefined && (tv.value !== null || tv.isType())) return; // constants evaluate nothing
      switch (e.kind) {
        case "FuncLit":
          return;
        case "BinaryExpr":
          visit(e.x);
          if (e.op !== "&&" && e.op !== "||") visit(e.y);
          return;
        case "CallExpr": {
          const ftv = info.types.get(e.fun);
          const fun = ast.unparen(e.fun);
          const isBuiltin =
            (fun.kind === "Ident" && info.uses.get(fun) instanceof Builtin) ||
            (fun.kind === "SelectorExpr" && info.uses.get(fun.sel) instanceof Builtin);
          if (fun.kind === "SelectorExpr") visit(fun.x);
          else if (fun.kind !== "Ident") visit(fun);
          for (const a of e.args) visit(a);
          if ((ftv !== undefined && ftv.isType()) || isBuiltin) return;
          this.hoisted.set(e, this.call(e));
          return;
        }
        case "KeyValueExpr":
          visit(e.key);
          visit(e.value);
          return;
      }
      ast.forEachChild(e, (c) => {
        if (ast.isExpr(c)) visit(c);
      });
    };
    for (const e of es) visit(e);
  }

  private gotoLabels = new Map<string, Label>();
  private gotoLabel(name: string): Label {
    let l = this.gotoLabels.get(name);
    if (l === undefined) this.gotoLabels.set(name, (l = new Label(name)));
    return l;
  }

  private varLoc(v: Var, pos: Pos): VarLoc {
    const l = this.vars.get(v);
    if (l !== undefined) return l;
    const off = this.p.globalOff(v);
    if (off !== undefined) return { k: "global", off };
    throw new Unsupported(pos, `reference to ${v.name} from here (captured variable)`);
  }
  /** Slot holding the address of a memory variable. */
  private varAddr(v: Var, pos: Pos): number {
    const l = this.varLoc(v, pos);
    if (l.k === "mem") return l.slot;
    if (l.k === "global") {
      const a = this.temp("p");
      this.emit(Op.SADDR, a, l.off, 0, 0, { globalRel: true });
      return a;
    }
    throw new Error(`internal: address of register variable ${v.name}`);
  }
  private loadVar(v: Var, t: Type, pos: Pos): Val {
    const l = this.varLoc(v, pos);
    if (l.k === "reg") return { slot: l.slot, n: shapeOf(t, pos).length };
    return this.loadAt(this.varAddr(v, pos), 0, t, pos);
  }
  private storeVar(v: Var, val: Val, t: Type, pos: Pos): void {
    const l = this.varLoc(v, pos);
    if (l.k === "reg") this.movVal(l.slot, val);
    else this.storeAt(this.varAddr(v, pos), 0, t, val, pos);
  }
  /** Value of type t at address s[a]+off (aggregates: their address, not a copy). */
  private loadAt(a: number, off: number, t: Type, pos: Pos): Val {
    if (isAggregate(t)) {
      const r = this.temp("p");
      if (off !== 0) this.emit(Op.ADDP, r, a, off);
      else {
        this.emit(Op.NILCHK, a);
        this.emit(Op.MOV, r, a);
      }
      return { slot: r, n: 1 };
    }
    const r = this.tempFor(t, pos);
    leavesOf(t, pos).forEach((l, i) => this.emit(l.ld, r.slot + i, a, off + l.off));
    return r;
  }
  private storeLeaves(a: number, off: number, t: Type, val: Val, pos: Pos): void {
    leavesOf(t, pos).forEach((l, i) => this.emit(l.st, a, off + l.off, val.slot + i));
  }
  private storeAt(a: number, off: number, t: Type, val: Val, pos: Pos): void {
    if (!isAggregate(t)) {
      this.storeLeaves(a, off, t, val, pos);
      return;
    }
    let dst = a;
    if (off !== 0) {
      dst = this.temp("p");
      this.emit(Op.ADDP, dst, a, off);
    }
    this.moveMem(t, dst, val.slot);
  }
  private moveMem(t: Type, dst: number, src: number): void {
    if (sizeof(t) === 0) return;
    const words: number[] = [];
    if (typeHasPointers(t)) this.emit(Op.TYPEDMOVE, dst, src, this.p.typeId(t), 0, { type: t });
    else {
      void words;
      this.emit(Op.NILCHK, dst);
      this.emit(Op.MOVE, dst, src, sizeof(t));
    }
  }
  /** A fresh heap copy of an aggregate value. */
  private copyAgg(t: Type, v: Val): Val {
    if (v.fresh === true) return v;
    const r = this.temp("p");
    this.emit(Op.NEW, r, this.p.typeId(t), 0, 0, { type: t });
    this.moveMem(t, r, v.slot);
    return { slot: r, n: 1, fresh: true };
  }

  // ── expressions ─────────────────────────────────────────────────────────────────────────

  private typeOf(e: ast.Expr): Type {
    const t = this.p.info.typeOf(e);
    if (t === undefined) throw new Error(`internal: no type for expression at ${ast.nodePos(e)}`);
    return t;
  }

  /**
   * Evaluates expressions for an assignment of `want` values (-1: statement context). A single
   * call may produce several. With `copy`, values are moved to temps (parallel assignment).
   */
  private exprs(es: ast.Expr[], want: number, copy = false): Val[] {
    if (es.length === 1 && want !== 1) {
      const e = ast.unparen(es[0]);
      if (e.kind === "CallExpr") return this.call(e);
      if (want === -1) return [this.expr(es[0])];
      throw new Unsupported(ast.nodePos(es[0]), "comma-ok expressions");
    }
    return es.map((e) => {
      const v = this.expr(e);
      const t = this.typeOf(e);
      if (!copy) return v;
      if (isAggregate(t)) return this.copyAgg(t, v);
      const r = this.tempFor(t, ast.nodePos(e));
      this.movVal(r.slot, v);
      return r;
    });
  }

  expr(e: ast.Expr): Val {
    const info = this.p.info;
    const pos = ast.nodePos(e);
    const tv = info.types.get(e);
    if (tv !== undefined && tv.value !== null) return this.constant(tv.value, tv.type, pos);
    switch (e.kind) {
      case "ParenExpr":
        return this.expr(e.x);
      case "Ident": {
        const o = info.uses.get(e);
        if (o instanceof Var) return this.loadVar(o, o.type as Type, pos);
        if (o instanceof Nil) {
          const r = this.tempFor(this.typeOf(e), pos);
          for (let i = 0; i < r.n; i++) this.ldi(r.slot + i, 0);
          return r;
        }
        if (o instanceof Func) {
          if (o.signature().recv !== null) throw new Unsupported(pos, "method expressions");
          return this.closure(this.p.funcOf(o), [], pos);
        }
        throw new Unsupported(pos, `use of ${e.name}`);
      }
      case "UnaryExpr":
        return this.unary(e);
      case "StarExpr": {
        const t = this.typeOf(e);
        const p = this.expr(e.x);
        this.at(pos);
        return this.loadAt(p.slot, 0, t, pos);
      }
      case "BinaryExpr":
        return this.binaryExpr(e);
      case "CallExpr": {
        const r = this.call(e);
        if (r.length !== 1) throw new Error("internal: multi-value call in single-value context");
        return r[0];
      }
      case "SelectorExpr": {
        const sel = info.selections.get(e);
        if (sel === undefined) throw new Unsupported(pos, "qualified identifiers (imported packages)");
        if (sel.kind === SelectionKind.MethodVal) {
          if (sel.recv.underlying().tag === TypeTag.Interface) throw new Unsupported(pos, "interface method values");
          return this.methodValue(e, sel.obj as Func, sel.index.slice(0, -1));
        }
        if (sel.kind === SelectionKind.MethodExpr) {
          // T.M / (*T).M: the method itself, receiver first, when the receiver kinds agree
          const fn = sel.obj as Func;
          const rt = fn.signature().recv?.type as Type;
          const xt = this.typeOf(e.x);
          if (sel.index.length > 1 || (rt.tag === TypeTag.Pointer) !== (xt.tag === TypeTag.Pointer) || xt.underlying().tag === TypeTag.Interface)
            throw new Unsupported(pos, "this method expression");
          return this.closure(this.p.funcOf(fn), [], pos);
        }
        const t = this.typeOf(e);
        const [a, off] = this.fieldAddr(e);
        return this.loadAt(a, off, t, pos);
      }
      case "IndexExpr":
        return this.index(e);
      case "SliceExpr":
        return this.sliceExpr(e);
      case "CompositeLit":
        return this.composite(e);
      case "FuncLit":
        return this.funcLit(e);
      case "TypeAssertExpr":
        throw new Unsupported(pos, "type assertions");
      case "IndexListExpr":
        throw new Unsupported(pos, "generics");
    }
    throw new Unsupported(pos, `expression ${e.kind}`);
  }

  private constant(v: constant.Value, t: Type, pos: Pos): Val {
    const k = basicKind(t);
    if (t.underlying().tag !== TypeTag.Basic) throw new Unsupported(pos, `constant of type ${t.toString()}`);
    if (k === BasicKind.String || k === BasicKind.UntypedString) {
      const b = constant.stringBytes(v);
      const r = this.temp("pn");
      if (b.length === 0) this.ldi(r, 0);
      else this.emit(Op.SADDR, r, this.p.stringData(b));
      this.ldi(r + 1, b.length);
      return { slot: r, n: 2 };
    }
    const r = this.temp("n");
    if (k === BasicKind.Bool || k === BasicKind.UntypedBool) this.ldi(r, constant.boolVal(v) ? 1 : 0);
    else if (k === BasicKind.Float32 || k === BasicKind.Float64 || k === BasicKind.UntypedFloat) {
      let f = constant.float64Val(constant.toFloat(v))[0];
      if (k === BasicKind.Float32) f = Math.fround(f);
      if (f === 0 && !Object.is(f, -0)) this.ldi(r, 0);
      else this.emit(Op.LDK, r, this.p.constFloat(f));
    } else if (isIntegerKind(k)) {
      this.ldInt(r, constant.intVal(constant.toInt(v)));
    } else throw new Unsupported(pos, `constant of type ${t.toString()}`);
    return { slot: r, n: 1 };
  }

  private unary(e: ast.UnaryExpr): Val {
    const pos = e.opPos;
    const t = this.typeOf(e);
    switch (e.op) {
      case "&": {
        const x = ast.unparen(e.x);
        if (x.kind === "CompositeLit") {
          const v = this.composite(x);
          const lt = this.typeOf(x);
          if (isAggregate(lt)) return { slot: v.slot, n: 1 };
          // &[]T{...}: a new variable holding the slice
          const r = this.temp("p");
          this.emit(Op.NEW, r, this.p.typeId(lt), 0, 0, { type: lt });
          this.storeAt(r, 0, lt, v, pos);
          return { slot: r, n: 1 };
        }
        const a = this.addr(x);
        return { slot: a, n: 1 };
      }
      case "+":
        return this.expr(e.x);
      case "-": {
        const x = this.expr(e.x);
        const r = this.temp("n");
        this.at(pos);
        if (isFloat(t)) this.emit(Op.NEGF, r, x.slot);
        else {
          this.emit(Op.NEG, r, x.slot);
          this.norm(r, t);
        }
        return { slot: r, n: 1 };
      }
      case "^": {
        const x = this.expr(e.x);
        const r = this.temp("n");
        this.emit(Op.COM, r, x.slot);
        this.norm(r, t);
        return { slot: r, n: 1 };
      }
      case "!": {
        const x = this.expr(e.x);
        const r = this.temp("n");
        this.emit(Op.NOTB, r, x.slot);
        return { slot: r, n: 1 };
      }
      case "<-":
        throw new Unsupported(pos, "channel receives");
    }
    throw new Unsupported(pos, `operator ${e.op}`);
  }

  private norm(slot: number, t: Type): void {
    const op = normOp(t);
    if (op !== -1) this.emit(op, slot, slot);
  }

  private binaryExpr(e: ast.BinaryExpr): Val {
    const pos = e.opPos;
    const op = e.op;
    if (op === "&&" || op === "||") {
      const r = this.temp("n");
      const f = new Label("false");
      const end = new Label("end");
      this.condJump(e, false, f);
      this.ldi(r, 1);
      this.jmp(end);
      this.place(f);
      this.ldi(r, 0);
      this.place(end);
      return { slot: r, n: 1 };
    }
    const xt = this.typeOf(e.x);
    if (op === "<<" || op === ">>") {
      const x = this.expr(e.x);
      return this.shift(op, this.typeOf(e), x, e.y, pos);
    }
    const x = this.expr(e.x);
    const y = this.expr(e.y);
    this.at(pos);
    if (["==", "!=", "<", "<=", ">", ">="].includes(op)) {
      const ct = this.typeOf(e.y).underlying().tag === TypeTag.Basic && basicKind(this.typeOf(e.y)) === BasicKind.UntypedNil ? xt : xt;
      return this.compare(op, ct, x, y, pos);
    }
    return this.binary(op, this.typeOf(e), x, y, pos, xt);
  }

  /** x op y for arithmetic operators on values of type t. */
  private binary(op: string, t: Type, x: Val, y: Val, pos: Pos, _xt: Type): Val {
    if (isString(t)) {
      if (op !== "+") throw new Unsupported(pos, `string operator ${op}`);
      return this.callHelper("concatstring2", [x, y], "pn", pos);
    }
    const r = this.temp("n");
    this.at(pos);
    if (isFloat(t)) {
      const f32 = basicKind(t) === BasicKind.Float32;
      const ops: Record<string, Op> = f32
        ? { "+": Op.ADDF32, "-": Op.SUBF32, "*": Op.MULF32, "/": Op.DIVF32 }
        : { "+": Op.ADDF, "-": Op.SUBF, "*": Op.MULF, "/": Op.DIVF };
      const o = ops[op];
      if (o === undefined) throw new Unsupported(pos, `float operator ${op}`);
      this.emit(o, r, x.slot, y.slot);
      return { slot: r, n: 1 };
    }
    const k = basicKind(t);
    if (!isIntegerKind(k)) throw new Unsupported(pos, `operator ${op} on ${t.toString()}`);
    const u = isUnsigned(t);
    const ops: Record<string, Op> = {
      "+": Op.ADD,
      "-": Op.SUB,
      "*": Op.MUL,
      "/": u ? Op.DIVU : Op.DIV,
      "%": u ? Op.REMU : Op.REM,
      "&": Op.AND,
      "|": Op.OR,
      "^": Op.XOR,
      "&^": Op.ANDNOT,
    };
    const o = ops[op];
    if (o === undefined) throw new Unsupported(pos, `operator ${op}`);
    this.emit(o, r, x.slot, y.slot);
    this.norm(r, t);
    return { slot: r, n: 1 };
  }

  private shift(op: string, t: Type, x: Val, ye: ast.Expr, pos: Pos): Val {
    const r = this.temp("n");
    const yt = this.typeOf(ye);
    const cv = this.p.info.types.get(ye)?.value ?? null;
    const u = isUnsigned(t);
    this.at(pos);
    if (cv !== null) {
      const c = constant.intVal(constant.toInt(cv));
      if (c < 64n) {
        this.emit(op === "<<" ? Op.SHLI : u ? Op.SHRI : Op.SARI, r, x.slot, Number(c));
      } else if (op === ">>" && !u) this.emit(Op.SARI, r, x.slot, 63);
      else this.ldi(r, 0);
    } else {
      const y = this.expr(ye);
      this.at(pos);
      if (!isUnsigned(yt)) this.emit(Op.CHKSHIFT, y.slot);
      this.emit(op === "<<" ? Op.SHL : u ? Op.SHR : Op.SAR, r, x.slot, y.slot);
    }
    if (op === "<<") this.norm(r, t);
    return { slot: r, n: 1 };
  }

  private compare(op: string, t: Type, x: Val, y: Val, pos: Pos): Val {
    const r = this.temp("n");
    const u = t.underlying();
    if (isString(t)) {
      const c = this.callHelper("cmpstring", [x, y], "n", pos);
      const z = this.temp("n");
      this.ldi(z, 0);
      return this.compare(op, Typ[BasicKind.Int], c, { slot: z, n: 1 }, pos);
    }
    if (u.tag === TypeTag.Struct || u.tag === TypeTag.Array) {
      if (op !== "==" && op !== "!=") throw new Error(`internal: ${op} on ${t.toString()}`);
      const eq = this.aggEqual(t, x.slot, y.slot, pos);
      if (op === "!=") this.emit(Op.NOTB, eq.slot, eq.slot);
      return eq;
    }
    if (u.tag === TypeTag.Slice) {
      // only comparison with nil is legal
      this.emit(op === "==" ? Op.EQ : Op.NE, r, x.slot, y.slot);
      return { slot: r, n: 1 };
    }
    let o: Op;
    let a = x.slot;
    let b = y.slot;
    let neg = false;
    if (isFloat(t)) {
      switch (op) {
        case "==":
          o = Op.EQF;
          break;
        case "!=":
          o = Op.NEF;
          break;
        case "<":
          o = Op.LTF;
          break;
        case "<=":
          o = Op.LEF;
          break;
        case ">":
          o = Op.LTF;
          [a, b] = [b, a];
          break;
        default:
          o = Op.LEF;
          [a, b] = [b, a];
      }
    } else {
      const un = isUnsigned(t) || u.tag === TypeTag.Pointer;
      switch (op) {
        case "==":
          o = Op.EQ;
          break;
        case "!=":
          o = Op.NE;
          break;
        case "<":
          o = un ? Op.LTU : Op.LT;
          break;
        case "<=":
          o = un ? Op.LEU : Op.LE;
          break;
        case ">":
          o = un ? Op.LTU : Op.LT;
          [a, b] = [b, a];
          break;
        default:
          o = un ? Op.LEU : Op.LE;
          [a, b] = [b, a];
      }
    }
    this.emit(o, r, a, b);
    if (neg) this.emit(Op.NOTB, r, r);
    return { slot: r, n: 1 };
  }

  /** Field-by-field (element-by-element) equality of two aggregates at s[a], s[b]; blank fields skipped. */
  private aggEqual(t: Type, a: number, b: number, pos: Pos): Val {
    const r = this.temp("n");
    this.ldi(r, 0);
    const fail = new Label("ne");
    let leaves = 0;
    const walk = (ft: Type, off: number): void => {
      const u = ft.underlying();
      if (u.tag === TypeTag.Struct) {
        const st = u as Struct;
        const offs = offsetsof(st);
        st.fields.forEach((f, i) => {
          if (f.name !== "_") walk(f.type as Type, off + offs[i]);
        });
        return;
      }
      if (u.tag === TypeTag.Array) {
        const at = u as ArrayT;
        const es = sizeof(at.elem);
        for (let i = 0; i < at.len; i++) walk(at.elem, off + i * es);
        return;
      }
      if (++leaves > 256) throw new Unsupported(pos, "comparison of large arrays");
      const m = this.mark();
      const x = this.loadAt(a, off, ft, pos);
      const y = this.loadAt(b, off, ft, pos);
      if (isString(ft)) {
        this.emit(Op.JNE, x.slot + 1, y.slot + 1, 0, 0, { target: fail });
        const c = this.callHelper("cmpstring", [x, y], "n", pos);
        const z = this.temp("n");
        this.ldi(z, 0);
        this.emit(Op.JNE, c.slot, z, 0, 0, { target: fail });
      } else if (isFloat(ft)) {
        const c = this.temp("n");
        this.emit(Op.EQF, c, x.slot, y.slot);
        this.emit(Op.JF, c, 0, 0, 0, { target: fail });
      } else if (u.tag === TypeTag.Basic || u.tag === TypeTag.Pointer || u.tag === TypeTag.Chan) {
        this.emit(Op.JNE, x.slot, y.slot, 0, 0, { target: fail });
      } else throw new Unsupported(pos, `comparison of ${ft.toString()} values`);
      this.release(m);
    };
    walk(t, 0);
    this.ldi(r, 1);
    this.place(fail);
    return { slot: r, n: 1 };
  }

  /** Jumps to `target` when e evaluates to `when`; falls through otherwise. */
  private condJump(e: ast.Expr, when: boolean, target: Label): void {
    const x = ast.unparen(e);
    const tv = this.p.info.types.get(x);
    if (tv !== undefined && tv.value !== null) {
      if (constant.boolVal(tv.value) === when) this.jmp(target);
      return;
    }
    if (x.kind === "UnaryExpr" && x.op === "!") return this.condJump(x.x, !when, target);
    if (x.kind === "BinaryExpr" && (x.op === "&&" || x.op === "||")) {
      const and = x.op === "&&";
      if (and !== when) {
        // (a && b) false → a false or b false;  (a || b) true → a true or b true
        this.condJump(x.x, when, target);
        this.condJump(x.y, when, target);
      } else {
        const skip = new Label("skip");
        this.condJump(x.x, !when, skip);
        this.condJump(x.y, when, target);
        this.place(skip);
      }
      return;
    }
    if (x.kind === "BinaryExpr" && ["==", "!=", "<", "<=", ">", ">="].includes(x.op)) {
      const xt = this.typeOf(x.x);
      const k = basicKind(xt);
      if (isIntegerKind(k) || k === BasicKind.Bool) {
        const a = this.expr(x.x);
        const b = this.expr(x.y);
        this.at(x.opPos);
        let op = x.op;
        if (!when) op = { "==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<" }[op] as string;
        const un = isUnsigned(xt);
        let o: Op;
        let p = a.slot;
        let q = b.slot;
        switch (op) {
          case "==":
            o = Op.JEQ;
            break;
          case "!=":
            o = Op.JNE;
            break;
          case "<":
            o = un ? Op.JLTU : Op.JLT;
            break;
          case "<=":
            o = un ? Op.JLEU : Op.JLE;
            break;
          case ">":
            o = un ? Op.JLTU : Op.JLT;
            [p, q] = [q, p];
            break;
          default:
            o = un ? Op.JLEU : Op.JLE;
            [p, q] = [q, p];
        }
        this.emit(o, p, q, 0, 0, { target });
        return;
      }
    }
    const v = this.expr(x);
    this.emit(when ? Op.JT : Op.JF, v.slot, 0, 0, 0, { target });
  }

  // ── addresses, fields, indexing ─────────────────────────────────────────────────────────

  /** Slot holding the address of an addressable expression (or of a composite literal). */
  private addr(e: ast.Expr): number {
    const pos = ast.nodePos(e);
    e = ast.unparen(e);
    switch (e.kind) {
      case "Ident": {
        const o = this.p.info.uses.get(e);
        if (o instanceof Var) return this.varAddr(o, pos);
        break;
      }
      case "StarExpr": {
        const p = this.expr(e.x);
        this.at(pos);
        this.emit(Op.NILCHK, p.slot);
        return p.slot;
      }
      case "SelectorExpr": {
        const [a, off] = this.fieldAddr(e);
        if (off === 0) {
          this.emit(Op.NILCHK, a);
          return a;
        }
        const r = this.temp("p");
        this.emit(Op.ADDP, r, a, off);
        return r;
      }
      case "IndexExpr":
        return this.indexAddr(e)[0];
      case "CompositeLit":
        return this.composite(e).slot;
    }
    throw new Unsupported(pos, `address of ${e.kind}`);
  }

  /** (slot with a base address, byte offset) of the field x.f, following embedded fields. */
  private fieldAddr(e: ast.SelectorExpr): [number, number] {
    const sel = this.p.info.selections.get(e);
    if (sel === undefined) throw new Unsupported(ast.nodePos(e), "qualified identifiers");
    const [base, off] = this.fieldPath(e.x, sel.index, e.sel.pos);
    return [base, off];
  }

  /** Follows a path of field indexes from x (implicit dereferences included): (base slot, offset, field type). */
  private fieldPath(x: ast.Expr, path: number[], selPos: Pos): [number, number, Type] {
    const t = this.typeOf(x);
    let base: number;
    let off = 0;
    if (t.underlying().tag === TypeTag.Pointer) {
      base = this.expr(x).slot;
      // Go checks the pointer itself (the fault address is 0, not the field's offset)
      this.at(selPos);
      this.emit(Op.NILCHK, base);
    } else if (isAggregate(t)) {
      base = this.expr(x).slot;
    } else throw new Unsupported(selPos, "selector on this type");
    let cur = t;
    for (const idx of path) {
      let u = cur.underlying();
      if (u.tag === TypeTag.Pointer) {
        // implicit dereference: load the pointer at base+off
        if (cur !== t || off !== 0) {
          const p = this.temp("p");
          this.emit(Op.LD64, p, base, off);
          this.emit(Op.NILCHK, p);
          base = p;
          off = 0;
        }
        cur = (u as Pointer).base;
        u = cur.underlying();
      }
      const st = u as Struct;
      off += offsetsof(st)[idx];
      cur = st.fields[idx].type as Type;
    }
    this.at(selPos);
    return [base, off, cur];
  }

  /** (element address slot, element type) of x[i] on arrays, pointers to arrays and slices. */
  private indexAddr(e: ast.IndexExpr): [number, Type] {
    const pos = ast.nodePos(e);
    const xt = this.typeOf(e.x);
    let u = xt.underlying();
    let base: number;
    let len: number;
    let elem: Type;
    if (u.tag === TypeTag.Pointer) u = (u as Pointer).base.underlying();
    if (u.tag === TypeTag.Slice) {
      const s = this.expr(e.x);
      base = s.slot;
      len = s.slot + 1;
      elem = (u as Slice).elem;
    } else if (u.tag === TypeTag.Array) {
      base = xt.underlying().tag === TypeTag.Pointer ? this.expr(e.x).slot : this.aggAddr(e.x);
      len = this.temp("n");
      this.ldi(len, (u as ArrayT).len);
      elem = (u as ArrayT).elem;
    } else if (u.tag === TypeTag.Map) throw new Unsupported(pos, "maps");
    else if (isString(xt)) throw new Unsupported(pos, "string indexing as an address");
    else throw new Unsupported(pos, "generic indexing");
    const i = this.expr(e.index);
    this.at(e.lbrack);
    this.emit(Op.BCHK, BC_INDEX | (isUnsigned(this.typeOf(e.index)) ? BC_UNSIGNED : 0), i.slot, len);
    const r = this.temp("p");
    this.emit(Op.INDEXP, r, base, i.slot, sizeof(elem));
    return [r, elem];
  }

  /** Address of an aggregate-typed expression (variables: the variable itself). */
  private aggAddr(e: ast.Expr): number {
    return this.expr(e).slot;
  }

  private index(e: ast.IndexExpr): Val {
    const pos = ast.nodePos(e);
    const xt = this.typeOf(e.x);
    if (isString(xt)) {
      const s = this.expr(e.x);
      const i = this.expr(e.index);
      this.at(e.lbrack);
      this.emit(Op.BCHK, BC_INDEX | (isUnsigned(this.typeOf(e.index)) ? BC_UNSIGNED : 0), i.slot, s.slot + 1);
      const a = this.temp("p");
      this.emit(Op.INDEXP, a, s.slot, i.slot, 1);
      const r = this.temp("n");
      this.emit(Op.LD8, r, a, 0);
      return { slot: r, n: 1 };
    }
    if (this.p.info.instances.size > 0 && e.x.kind === "Ident" && this.p.info.instances.has(e.x))
      throw new Unsupported(pos, "generics");
    const [a, elem] = this.indexAddr(e);
    return this.loadAt(a, 0, elem, pos);
  }

  private sliceExpr(e: ast.SliceExpr): Val {
    const pos = ast.nodePos(e);
    if (e.slice3) throw new Unsupported(pos, "3-index slices");
    const xt = this.typeOf(e.x);
    let u = xt.underlying();
    let base: number;
    let len: number;
    let cap: number;
    let elem: Type;
    let capKind = BC_SLICE_ACAP;
    if (u.tag === TypeTag.Pointer) u = (u as Pointer).base.underlying();
    const str = isString(xt);
    if (str) {
      const s = this.expr(e.x);
      base = s.slot;
      len = s.slot + 1;
      cap = len;
      elem = Typ[BasicKind.Uint8];
      capKind = BC_SLICE_ALEN;
    } else if (u.tag === TypeTag.Slice) {
      const s = this.expr(e.x);
      base = s.slot;
      len = s.slot + 1;
      cap = s.slot + 2;
      elem = (u as Slice).elem;
    } else if (u.tag === TypeTag.Array) {
      base = xt.underlying().tag === TypeTag.Pointer ? this.expr(e.x).slot : this.aggAddr(e.x);
      if (xt.underlying().tag === TypeTag.Pointer) this.emit(Op.NILCHK, base);
      len = this.temp("n");
      this.ldi(len, (u as ArrayT).len);
      cap = len;
      elem = (u as ArrayT).elem;
      capKind = BC_SLICE_ALEN;
    } else throw new Unsupported(pos, `slicing ${xt.toString()}`);
    const lo = e.low ? this.expr(e.low) : null;
    let hi: number;
    if (e.high) hi = this.expr(e.high).slot;
    else hi = len;
    this.at(e.lbrack);
    const uns = (x: ast.Expr | undefined): number => (x !== undefined && isUnsigned(this.typeOf(x)) ? BC_UNSIGNED : 0);
    if (e.high) this.emit(Op.BCHK, capKind | uns(e.high), hi, cap);
    let loSlot: number;
    if (lo !== null) {
      loSlot = lo.slot;
      this.emit(Op.BCHK, BC_SLICE_B | uns(e.low), loSlot, hi);
    } else {
      loSlot = this.temp("n");
      this.ldi(loSlot, 0);
    }
    const r = this.temp(str ? "pn" : "pnn");
    const newCap = str ? this.temp("n") : r + 2;
    this.emit(Op.SUB, r + 1, hi, loSlot);
    this.emit(Op.SUB, newCap, cap, loSlot);
    // Go never forms a pointer past the end: when the new capacity is 0 the pointer stays at base
    const keep = new Label("keep");
    const done = new Label("done");
    const zero = this.temp("n");
    this.ldi(zero, 0);
    this.emit(Op.JEQ, newCap, zero, 0, 0, { target: keep }); // (JEQI once the runtime's dist has it)
    this.emit(Op.INDEXP, r, base, loSlot, sizeof(elem));
    this.jmp(done);
    this.place(keep);
    this.emit(Op.MOV, r, base);
    this.place(done);
    return { slot: r, n: str ? 2 : 3 };
  }

  private composite(e: ast.CompositeLit): Val {
    const pos = ast.nodePos(e);
    const t = this.typeOf(e);
    const u = t.underlying();
    if (u.tag === TypeTag.Struct) {
      const st = u as Struct;
      const offs = offsetsof(st);
      const r = this.temp("p");
      this.emit(Op.NEW, r, this.p.typeId(t), 0, 0, { type: t });
      e.elts.forEach((el, i) => {
        let fi = i;
        let ve = el;
        if (el.kind === "KeyValueExpr") {
          const name = (el.key as ast.Ident).name;
          fi = st.fields.findIndex((f) => f.name === name);
          ve = el.value;
        }
        const ft = st.fields[fi].type as Type;
        const m = this.mark();
        const v = this.expr(ve);
        this.storeAt(r, offs[fi], ft, v, ast.nodePos(ve));
        this.release(m);
      });
      return { slot: r, n: 1, fresh: true };
    }
    if (u.tag === TypeTag.Array || u.tag === TypeTag.Slice) {
      const elem = u.tag === TypeTag.Array ? (u as ArrayT).elem : (u as Slice).elem;
      const es = sizeof(elem);
      // element indexes (keys are constant)
      let idx = 0;
      let max = 0;
      const items: { i: number; v: ast.Expr }[] = [];
      for (const el of e.elts) {
        let ve = el;
        if (el.kind === "KeyValueExpr") {
          const kv = this.p.info.types.get(el.key)?.value;
          if (kv === undefined || kv === null) throw new Unsupported(pos, "non-constant composite literal keys");
          idx = Number(constant.intVal(constant.toInt(kv)));
          ve = el.value;
        }
        items.push({ i: idx, v: ve });
        idx++;
        max = Math.max(max, idx);
      }
      const n = u.tag === TypeTag.Array ? (u as ArrayT).len : max;
      const r = this.temp(u.tag === TypeTag.Array ? "p" : "pnn");
      if (u.tag === TypeTag.Array) this.emit(Op.NEW, r, this.p.typeId(t), 0, 0, { type: t });
      else {
        const cnt = this.temp("n");
        this.ldi(cnt, n);
        this.emit(Op.NEWARR, r, this.p.typeId(elem), cnt, 0, { type: elem });
        this.ldi(r + 1, n);
        this.ldi(r + 2, n);
      }
      for (const it of items) {
        const m = this.mark();
        const v = this.expr(it.v);
        this.storeAt(r, it.i * es, elem, v, ast.nodePos(it.v));
        this.release(m);
      }
      return u.tag === TypeTag.Array ? { slot: r, n: 1, fresh: true } : { slot: r, n: 3 };
    }
    if (u.tag === TypeTag.Map) throw new Unsupported(pos, "maps");
    throw new Unsupported(pos, `composite literal of type ${t.toString()}`);
  }

  // ── calls ───────────────────────────────────────────────────────────────────────────────

  private call(e: ast.CallExpr): Val[] {
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
    if (fun.kind === "SelectorExpr") {
      const sel = info.selections.get(fun);
      if (sel !== undefined && sel.kind === SelectionKind.MethodVal) {
        if (sel.recv.underlying().tag === TypeTag.Interface) throw new Unsupported(pos, "interface method calls");
        return this.staticCall(e, sel.obj as Func, fun, sel.index.slice(0, -1));
      }
      if (sel === undefined) {
        const o = info.uses.get(fun.sel);
        if (o instanceof Builtin) return this.builtin(e, o.builtinId);
        throw new Unsupported(pos, `calls of imported functions (${(fun.x as ast.Ident).name ?? "?"}.${fun.sel.name})`);
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

  private staticCall(e: ast.CallExpr, fn: Func, recvSel: ast.SelectorExpr | null, embedPath: number[] = []): Val[] {
    const irf = this.p.funcOf(fn);
    return this.callSig(e, fn.signature(), recvSel, embedPath, (argBase, resBase) => () =>
      this.emit(Op.CALL, 0, argBase, resBase, 0, { fn: irf }),
    );
  }

  /**
   * A call with signature sig: `prepare` runs first (evaluating the function value, in Go's
   * order before the arguments) and returns the emitter of the call instruction itself.
   */
  private callSig(
    e: ast.CallExpr,
    sig: Signature,
    recvSel: ast.SelectorExpr | null,
    embedPath: number[],
    prepare: (argBase: number, resBase: number) => () => void,
  ): Val[] {
    const pos = ast.nodePos(e);
    if (sig.tparams.length > 0) throw new Unsupported(pos, "generic functions");
    const spread = e.args.length === 1 && this.p.info.types.get(e.args[0])?.type.tag === TypeTag.Tuple;
    if (spread && sig.variadic) throw new Unsupported(pos, "f(g()) with a variadic f");
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
    if (spread) {
      // f(g()): g's results, in order, are f's arguments
      const rs = this.call(ast.unparen(e.args[0]) as ast.CallExpr);
      const tup = this.p.info.types.get(e.args[0])?.type as Tuple;
      rs.forEach((v, i) => {
        const t = tup.vars[i].type as Type;
        vals.push(isAggregate(t) ? this.copyAgg(t, v) : this.copyScalar(t, v, pos));
      });
    }
    fixed.forEach((a) => {
      const t = this.typeOf(a);
      const v = this.expr(a);
      vals.push(isAggregate(t) ? this.copyAgg(t, v) : this.copyScalar(t, v, pos));
    });
    if (packed) {
      // the variadic arguments become a new slice (nil when there are none)
      const elem = ((sig.params.vars[np - 1].type as Type).underlying() as Slice).elem;
      const extra = e.args.slice(np - 1);
      const sl = this.temp("pnn");
      if (extra.length === 0) for (let i = 0; i < 3; i++) this.ldi(sl + i, 0);
      else {
        const cnt = this.temp("n");
        this.ldi(cnt, extra.length);
        this.at(pos);
        this.emit(Op.NEWARR, sl, this.p.typeId(elem), cnt, 0, { type: elem });
        this.ldi(sl + 1, extra.length);
        this.ldi(sl + 2, extra.length);
        extra.forEach((a, i) => {
          const m = this.mark();
          const v = this.expr(a);
          this.storeAt(sl, i * sizeof(elem), elem, v, ast.nodePos(a));
          this.release(m);
        });
      }
      vals.push({ slot: sl, n: 3 });
    }
    let s = argBase;
    for (const v of vals) {
      this.movVal(s, v);
      s += v.n;
    }
    this.at(pos);
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
  private append(e: ast.CallExpr): Val {
    const pos = ast.nodePos(e);
    const st = this.typeOf(e);
    const elem = (st.underlying() as Slice).elem;
    const s0 = this.expr(e.args[0]);
    if (e.ellipsis > 0) return this.appendSpread(s0, e.args[1], elem, pos);
    const vals = e.args.slice(1).map((a) => {
      const t = this.typeOf(a);
      const v = this.expr(a);
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
  private makesliceCheck(len: number, cap: number, size: number): void {
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
    this.place(badLen);
    this.panicString("runtime error: makeslice: len out of range");
    this.place(badCap);
    this.panicString("runtime error: makeslice: cap out of range");
    this.place(ok);
  }

  /** panic(msg) with a constant string (prints exactly as the runtime error with that text). */
  private panicString(msg: string): void {
    const t = Typ[BasicKind.String];
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
   * string(b) / []byte(s): a fresh copy of the bytes (cap = len; Go's cap of []byte(s) depends
   * on escape analysis and size classes, not reproduced yet).
   */
  private copyBytes(x: Val, shape: "pn" | "pnn", pos: Pos): Val {
    const r = this.temp(shape);
    const u8 = Typ[BasicKind.Uint8];
    this.at(pos);
    this.emit(Op.NEWARR, r, this.p.typeId(u8), x.slot + 1, 0, { type: u8 });
    this.emit(Op.MOV, r + 1, x.slot + 1);
    if (shape === "pnn") this.emit(Op.MOV, r + 2, x.slot + 1);
    this.memmove(r, x.slot, x.slot + 1, 1);
    return { slot: r, n: shape.length };
  }

  /** memmove(s[dst], s[src], s[n]·size bytes). */
  private memmove(dst: number, src: number, n: number, size: number): void {
    const args = this.temp("ppn");
    this.emit(Op.MOV, args, dst);
    this.emit(Op.MOV, args + 1, src);
    if (size === 1) this.emit(Op.MOV, args + 2, n);
    else {
      const k = this.temp("n");
      this.ldi(k, size);
      this.emit(Op.MUL, args + 2, n, k);
    }
    this.emit(Op.CALL, 0, args, 0, 0, { fn: this.p.helper("memmove") });
  }

  /** Calls a generated runtime helper with string-shaped arguments. */
  private callHelper(name: HelperName, args: Val[], rshape: string, pos: Pos): Val {
    const base = this.temp(args.map(() => "pn").join(""));
    args.forEach((v, i) => this.movVal(base + 2 * i, v));
    const r = this.temp(rshape);
    this.at(pos);
    this.emit(Op.CALL, 0, base, r, 0, { fn: this.p.helper(name) });
    return { slot: r, n: rshape.length };
  }

  /** The receiver argument of x.M (a pointer, or a copy of the value the method owns). */
  private recvArg(recvSel: ast.SelectorExpr, embedPath: number[], rt: Type, pos: Pos): Val {
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
  private methodValue(e: ast.SelectorExpr, fn: Func, embedPath: number[]): Val {
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
  private appendSpread(s0: Val, te: ast.Expr, elem: Type, pos: Pos): Val {
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
    const at = this.temp("p");
    this.emit(Op.INDEXP, at, r, r + 1, sizeof(elem));
    this.memmove(at, tv, tv + 1, sizeof(elem));
    this.emit(Op.MOV, r + 1, newLen);
    return { slot: r, n: 3 };
  }

  /** Register variables are read in place; a call argument must not alias a later-modified slot. */
  private copyScalar(t: Type, v: Val, pos: Pos): Val {
    const r = this.tempFor(t, pos);
    this.movVal(r.slot, v);
    return r;
  }

  private conversion(e: ast.CallExpr): Val {
    const pos = ast.nodePos(e);
    const to = this.typeOf(e);
    const arg = e.args[0];
    const from = this.typeOf(arg);
    const x = this.expr(arg);
    const tu = to.underlying();
    const fu = from.underlying();
    const byteSlice = (t: Type): boolean => {
      const u = t.underlying();
      return u.tag === TypeTag.Slice && basicKind((u as Slice).elem) === BasicKind.Uint8;
    };
    if (isString(to) && byteSlice(from)) return this.copyBytes(x, "pn", pos);
    if (isString(from) && byteSlice(to)) return this.copyBytes(x, "pnn", pos);
    if (isString(to) && isIntegerKind(basicKind(from))) {
      // string(rune) (and string(int)): out-of-range values become U+FFFD
      const v = this.temp("n");
      this.emit(Op.MOV, v, x.slot);
      // (a uint64 above MaxInt64 reads as negative here: invalid either way, U+FFFD)
      const r = this.temp("pn");
      this.at(pos);
      this.emit(Op.CALL, 0, v, r, 0, { fn: this.p.helper("intstring") });
      return { slot: r, n: 2 };
    }
    if (isString(to) && !isString(from)) throw new Unsupported(pos, `conversion of ${from.toString()} to string`);
    if (isString(from) && !isString(to)) throw new Unsupported(pos, `conversion of string to ${to.toString()}`);
    if (tu.tag !== TypeTag.Basic || fu.tag !== TypeTag.Basic) return x; // identical underlying types
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

  private builtin(e: ast.CallExpr, id: BuiltinId): Val[] {
    const pos = ast.nodePos(e);
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
          if (u.tag === TypeTag.Pointer || k === BasicKind.UnsafePointer) this.emit(Op.PRINTP, v.slot);
          else if (k === BasicKind.Bool || k === BasicKind.UntypedBool) this.emit(Op.PRINTB, v.slot);
          else if (isString(t)) this.emit(Op.PRINTS, v.slot);
          else if (isFloat(t)) this.emit(Op.PRINTF, v.slot);
          else if (isUnsigned(t)) this.emit(Op.PRINTU, v.slot);
          else if (isIntegerKind(k)) this.emit(Op.PRINTI, v.slot);
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
          // (constant lengths were folded by the checker; pointer-to-array operands still evaluate)
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
        this.memmove(dst.slot, src.slot, n, sizeof(dt.elem));
        return [{ slot: n, n: 1 }];
      }
      case BuiltinId.Panic: {
        // panic(v) of a non-interface type: box v into an empty interface (TYPEDESC.md §5)
        const t = this.typeOf(e.args[0]);
        const u = t.underlying();
        if (u.tag === TypeTag.Interface || basicKind(t) === BasicKind.UntypedNil) throw new Unsupported(pos, "panic with an interface value");
        const v = this.expr(e.args[0]);
        const pair = this.temp("np");
        this.at(pos);
        this.emit(Op.TYPEADDR, pair, this.p.typeId(t), 0, 0, { type: t });
        if (u.tag === TypeTag.Pointer) this.emit(Op.MOV, pair + 1, v.slot);
        else {
          this.emit(Op.NEW, pair + 1, this.p.typeId(t), 0, 0, { type: t });
          this.storeAt(pair + 1, 0, t, v, pos);
        }
        this.emit(Op.PANIC, pair);
        return [];
      }
      case BuiltinId.Recover:
        throw new Unsupported(pos, "recover");
    }
    throw new Unsupported(pos, "this builtin");
  }
}

function typeHasPointers(t: Type): boolean {
  const u = t.underlying();
  switch (u.tag) {
    case TypeTag.Basic: {
      const k = (u as Basic).kind;
      return k === BasicKind.String || k === BasicKind.UnsafePointer;
    }
    case TypeTag.Array:
      return (u as ArrayT).len > 0 && typeHasPointers((u as ArrayT).elem);
    case TypeTag.Struct:
      return (u as Struct).fields.some((f) => typeHasPointers(f.type as Type));
    case TypeTag.Tuple:
      return (u as unknown as Tuple).vars.some((v) => typeHasPointers(v.type as Type));
  }
  return true;
}

export { TypeName };
