/**
 * lowerbase.ts — state shared by every part of function lowering (lower.ts): the program
 * services (ProgramCtx), value and variable representations, instruction emission, slot
 * allocation, and loads/stores of variables and memory. The lowering class is split into a
 * chain of abstract classes by concern: LowerBase (here) ← LowerExpr (lowerexpr.ts) ←
 * LowerCall (lowercall.ts) ← LowerStmt (lowerstmt.ts) ← FuncLowering (lower.ts); methods a
 * lower layer needs from a higher one are declared abstract.
 */
import { Op } from "@gort/runtime/image";
import type { Pos } from "../syntax/position.js";
import * as ast from "../syntax/ast.js";
import {
  BasicKind,
  Builtin,
  Func,
  Struct,
  TypeTag,
  Var,
  type Array as ArrayT,
  type Basic,
  type Info,
  type Package,
  type Signature,
  Tuple,
  type Type,
} from "../types/index.js";
import { sizeof } from "../types/sizes.js";
import { Label, newFunc, type Instr, type IrFunc } from "./ir.js";
import type { FuncLowering } from "./lower.js";

/** String natives called with string-shaped arguments (runtime/src/string.ts; LowerCall.callHelper). */
export type HelperName = "concatstring2" | "cmpstring";

export class Unsupported extends Error {
  constructor(
    readonly pos: Pos,
    readonly what: string,
  ) {
    super(`${what} not supported yet`);
  }
}

/** Builtins whose calls gc evaluates in order with function calls (lowering's hoistCalls). */
const ORDERED_BUILTINS = new Set(["append", "cap", "complex", "copy", "imag", "len", "make", "real", "new"]);

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
  /** the "-fm" wrapper making method fn a func value (method values x.M) */
  methodWrapper(fn: Func): IrFunc;
  /** adds a function made during lowering (closures) to the image */
  addFunc(f: IrFunc): void;
  /** index of a native ("importpath.Name") in the image's natives table */
  nativeIndex(name: string): number;
  /** statics offset of the itab of (interface type iface, concrete type t) — loweriface.ts */
  itabOff(iface: Type, t: Type): number;
  /** statics offset of the shared closure record of fn for func values capturing nothing */
  staticFuncval?(fn: IrFunc): number;
  /** t is stored in interfaces: its methods must be in the image (TypeTable.markIface) */
  markIface(t: Type): void;
  /** a generated function (wrappers), made once per name: `build` lowers its body */
  extraFunc(name: string, pos: Pos, build: (low: FuncLowering) => IrFunc): IrFunc;
  /**
   * Package runtime of the program (linked into every program by the loader's `linkRuntime`,
   * as Go's linker does), or null: recover() boxes run-time errors with its types (FIXES).
   */
  runtimePkg?: () => Package | null;
}

/** A value in slots: `n` consecutive slots from `slot`. Aggregates: one slot with their address. */
export interface Val {
  slot: number;
  n: number;
  /** aggregates: the memory is a fresh copy nobody else references */
  fresh?: boolean;
}

export type VarLoc = { k: "reg"; slot: number } | { k: "mem"; slot: number } | { k: "global"; off: number };

export const BC_INDEX = 0;
export const BC_SLICE_ALEN = 1;
export const BC_SLICE_ACAP = 2;
export const BC_SLICE_B = 3;
export const BC_SLICE3_ALEN = 4;
export const BC_SLICE3_ACAP = 5;
export const BC_SLICE3_B = 6;
export const BC_SLICE3_C = 7;
/** (*[N]T)(s): N ≤ len(s) (x = N, y = len) */
export const BC_CONVERT = 8;
export const BC_UNSIGNED = 0x10;

export function basicKind(t: Type): BasicKind | -1 {
  const u = t.underlying();
  return u.tag === TypeTag.Basic ? (u as Basic).kind : -1;
}
export function isAggregate(t: Type): boolean {
  const u = t.underlying();
  return u.tag === TypeTag.Struct || u.tag === TypeTag.Array;
}
export function isFloat(t: Type): boolean {
  const k = basicKind(t);
  return k === BasicKind.Float32 || k === BasicKind.Float64 || k === BasicKind.UntypedFloat;
}
export function isComplex(t: Type): boolean {
  const k = basicKind(t);
  return k === BasicKind.Complex64 || k === BasicKind.Complex128 || k === BasicKind.UntypedComplex;
}
export function isUnsigned(t: Type): boolean {
  const k = basicKind(t);
  return k >= BasicKind.Uint && k <= BasicKind.Uintptr;
}
export function isString(t: Type): boolean {
  const k = basicKind(t);
  return k === BasicKind.String || k === BasicKind.UntypedString;
}
export function isIntegerKind(k: BasicKind | -1): boolean {
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
      // complex: real and imaginary part in two float slots (lowermisc.ts)
      if (k === BasicKind.Complex64 || k === BasicKind.Complex128 || k === BasicKind.UntypedComplex) return "nn";
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
      return "np"; // (type descriptor or itab: static memory, data word) — loweriface.ts
    case TypeTag.Map:
      return "p"; // *hmap (lowermap.ts)
    case TypeTag.Chan:
      return "p"; // *hchan (lowerchan.ts)
    case TypeTag.Signature:
      return "p";
    case TypeTag.TypeParam:
      throw new Unsupported(pos, "generics");
  }
  throw new Unsupported(pos, `values of type ${t.toString()}`);
}

/** Load/store opcodes of one scalar leaf. */
export interface Leaf {
  off: number;
  ld: Op;
  st: Op;
}
export function leavesOf(t: Type, pos: Pos): Leaf[] {
  const u = t.underlying();
  if (u.tag === TypeTag.Pointer || u.tag === TypeTag.Signature || u.tag === TypeTag.Chan || u.tag === TypeTag.Map || basicKind(t) === BasicKind.UnsafePointer)
    return [{ off: 0, ld: Op.LD64, st: Op.STP }];
  if (u.tag === TypeTag.Interface)
    return [
      { off: 0, ld: Op.LD64, st: Op.ST64 },
      { off: 8, ld: Op.LD64, st: Op.STP },
    ];
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
    case BasicKind.Complex64:
      return [
        { off: 0, ld: Op.LDF32, st: Op.STF32 },
        { off: 4, ld: Op.LDF32, st: Op.STF32 },
      ];
    case BasicKind.Complex128:
      return [
        { off: 0, ld: Op.LD64, st: Op.ST64 },
        { off: 8, ld: Op.LD64, st: Op.ST64 },
      ];
  }
  shapeOf(t, pos); // throws the precise diagnostic
  throw new Unsupported(pos, `values of type ${t.toString()}`);
}

/** The opcode re-establishing the canonical form of an integer of kind k (or -1 for 64-bit kinds). */
export function normOp(t: Type): Op | -1 {
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

export interface Target {
  label: string | null;
  brk: Label;
  cont: Label | null;
  /** a labeled statement other than for/switch: a break target only by its label */
  plain?: boolean;
}

export abstract class LowerBase {
  readonly f: IrFunc;
  protected vars = new Map<Var, VarLoc>();
  protected free = new Map<string, number[]>();
  protected temps: { shape: string; slot: number }[] = [];
  protected addrTaken = new Set<Var>();
  protected file = 0;
  protected line = 0;
  protected targets: Target[] = [];
  protected pendingLabel: string | null = null;
  protected fallthroughTo: Label | null = null;
  protected sig: Signature | null = null;
  protected resultVars: Var[] = [];
  protected nclosures = 0;

  constructor(
    protected readonly p: ProgramCtx,
    name: string,
    pos: Pos,
  ) {
    this.f = newFunc(name, p.fileIndex(pos), p.line(pos));
    this.file = this.f.file;
    this.line = this.f.line;
  }

  // ── emission and slots ──────────────────────────────────────────────────────────────────

  protected at(pos: Pos): void {
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
  protected alloc(shape: string): number {
    const s = this.f.ptrSlots.length;
    for (const c of shape) this.f.ptrSlots.push(c === "p");
    return s;
  }
  protected temp(shape: string): number {
    const fl = this.free.get(shape);
    const slot = fl !== undefined && fl.length > 0 ? (fl.pop() as number) : this.alloc(shape);
    this.temps.push({ shape, slot });
    return slot;
  }
  protected mark(): number {
    return this.temps.length;
  }
  protected release(m: number): void {
    while (this.temps.length > m) {
      const t = this.temps.pop() as { shape: string; slot: number };
      let fl = this.free.get(t.shape);
      if (fl === undefined) this.free.set(t.shape, (fl = []));
      fl.push(t.slot);
    }
  }
  protected tempFor(t: Type, pos: Pos): Val {
    const shape = shapeOf(t, pos);
    return { slot: this.temp(shape), n: shape.length };
  }
  protected movVal(dst: number, v: Val): void {
    if (dst === v.slot) return;
    if (v.n === 1) this.emit(Op.MOV, dst, v.slot);
    else this.emit(Op.MOVN, dst, v.slot, v.n);
  }
  protected ldi(dst: number, v: number): void {
    this.emit(Op.LDI, dst, v);
  }
  protected ldInt(dst: number, v: bigint): void {
    const x = BigInt.asIntN(64, v);
    if (x >= -(1n << 31n) && x < 1n << 31n) this.ldi(dst, Number(x));
    else this.emit(Op.LDK, dst, this.p.constInt(x));
  }

  /** Lowers a call (lowercall.ts); used here by hoistCalls. */
  protected abstract call(e: ast.CallExpr): Val[];
  /** Lowers an expression (lowerexpr.ts); used here by hoistCalls. */
  abstract expr(e: ast.Expr): Val;

  // ── variables and memory ────────────────────────────────────────────────────────────────

  /**
   * gc's evaluation order: within an expression evaluated at one point (a statement's operands,
   * a condition), all function calls run first, in order, and only then the other operands
   * are read (`println(x, f())` reads x after f returns). Calls on the right of && and || and
   * inside function literals stay where they are. Hoisted results wait here for their CallExpr.
   */
  protected hoisted = new Map<ast.CallExpr, Val[]>();
  /**
   * (FIXES) Other expressions evaluated at the hoisting point, as gc orders them: channel
   * receives (`total += <-ch` reads total after the receive) and && / || whose right operand
   * calls (`_, _ = false || g(1), g(2)` calls g(1) first) when other operands are around.
   * expr() takes each once.
   */
  protected hoistedExprs = new Map<ast.Expr, Val>();
  protected hoistCalls(es: (ast.Expr | undefined)[]): void {
    const info = this.p.info;
    const several = es.length > 1;
    const top = new Set(es);
    const calls = (e: ast.Expr): boolean => {
      let found = false;
      ast.inspect(e, (c) => {
        if (found || c.kind === "FuncLit") return false;
        if (c.kind === "CallExpr" || (c.kind === "UnaryExpr" && c.op === "<-")) found = true;
        return !found;
      });
      return found;
    };
    const visit = (e: ast.Expr | undefined): void => {
      if (e === undefined) return;
      const tv = info.types.get(e);
      if (tv !== undefined && (tv.value !== null || tv.isType())) return; // constants evaluate nothing
      switch (e.kind) {
        case "FuncLit":
          return;
        case "BinaryExpr": {
          if (e.op !== "&&" && e.op !== "||") {
            visit(e.x);
            visit(e.y);
            return;
          }
          // the whole && / || evaluated here (its left operand first, so the order is the same
          // as hoisting that operand's calls): nothing inside it may be hoisted separately,
          // because the short-circuit lowering does not look inner && / || up again
          if ((several || !top.has(e)) && calls(e.y)) {
            this.hoistedExprs.set(e, this.expr(e));
            return;
          }
          // left in place: only the calls of the chain's leftmost operand are hoisted
          let x: ast.Expr = ast.unparen(e.x);
          while (x.kind === "BinaryExpr" && (x.op === "&&" || x.op === "||")) x = ast.unparen(x.x);
          visit(x);
          return;
        }
        case "UnaryExpr":
          visit(e.x);
          // not a comma-ok receive (a tuple: its statement receives it), not a lone operand
          if (e.op === "<-" && (several || !top.has(e)) && tv?.type.tag !== TypeTag.Tuple) this.hoistedExprs.set(e, this.expr(e));
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
          if (ftv !== undefined && ftv.isType()) return;
          if (isBuiltin) {
            // gc orders the value-producing builtins with the calls: in `a, b := len(x), f()`
            // len(x) reads x before f runs (bug491)
            const b = (fun.kind === "Ident" ? info.uses.get(fun) : info.uses.get((fun as ast.SelectorExpr).sel)) as Builtin;
            if (ORDERED_BUILTINS.has(b.name) && (several || !top.has(e)) && tv !== undefined && !tv.isVoid() && tv.type.tag !== TypeTag.Tuple)
              this.hoistedExprs.set(e, this.expr(e));
            return;
          }
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

  protected gotoLabels = new Map<string, Label>();
  protected gotoLabel(name: string): Label {
    let l = this.gotoLabels.get(name);
    if (l === undefined) this.gotoLabels.set(name, (l = new Label(name)));
    return l;
  }

  protected varLoc(v: Var, pos: Pos): VarLoc {
    const l = this.vars.get(v);
    if (l !== undefined) return l;
    const off = this.p.globalOff(v);
    if (off !== undefined) return { k: "global", off };
    throw new Unsupported(pos, `reference to ${v.name} from here (captured variable)`);
  }
  /** Slot holding the address of a memory variable. */
  protected varAddr(v: Var, pos: Pos): number {
    const l = this.varLoc(v, pos);
    if (l.k === "mem") return l.slot;
    if (l.k === "global") {
      const a = this.temp("p");
      this.emit(Op.SADDR, a, l.off, 0, 0, { globalRel: true });
      return a;
    }
    throw new Error(`internal: address of register variable ${v.name}`);
  }
  protected loadVar(v: Var, t: Type, pos: Pos): Val {
    const l = this.varLoc(v, pos);
    if (l.k === "reg") return { slot: l.slot, n: shapeOf(t, pos).length };
    return this.loadAt(this.varAddr(v, pos), 0, t, pos);
  }
  protected storeVar(v: Var, val: Val, t: Type, pos: Pos): void {
    const l = this.varLoc(v, pos);
    if (l.k === "reg") this.movVal(l.slot, val);
    else this.storeAt(this.varAddr(v, pos), 0, t, val, pos);
  }
  /** Value of type t at address s[a]+off (aggregates: their address, not a copy). */
  protected loadAt(a: number, off: number, t: Type, pos: Pos): Val {
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
  protected storeLeaves(a: number, off: number, t: Type, val: Val, pos: Pos): void {
    leavesOf(t, pos).forEach((l, i) => this.emit(l.st, a, off + l.off, val.slot + i));
  }
  protected storeAt(a: number, off: number, t: Type, val: Val, pos: Pos): void {
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
  protected moveMem(t: Type, dst: number, src: number): void {
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
  protected copyAgg(t: Type, v: Val): Val {
    if (v.fresh === true) return v;
    const r = this.temp("p");
    this.emit(Op.NEW, r, this.p.typeId(t), 0, 0, { type: t });
    this.moveMem(t, r, v.slot);
    return { slot: r, n: 1, fresh: true };
  }

  protected declareVar(v: Var, pos: Pos): VarLoc {
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
}

export function typeHasPointers(t: Type): boolean {
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
