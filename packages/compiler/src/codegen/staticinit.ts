/**
 * staticinit.ts — static initialisation of package-level variables (Go's staticinit, written
 * afresh): a variable initialised by a composite literal of constants gets its data laid out
 * at compile time in the image's statics instead of being built element by element by the
 * package's init code.
 *
 * Why: the stdlib is full of tables (strconv's ryuPow5/pow10Table/isprint ranges, math's
 * polynomial coefficients). Lowered as code, strconv.init alone was 32 000 code words — a fifth
 * of a `fmt` hello-world image — and ran on every start.
 *
 * Eligible (everything else stays dynamic, unchanged): `var v = T{...}` with one variable, T an
 * array or slice type (arrays may nest) whose leaves are booleans, integers or floats, every
 * element a constant, element keys (if any) constant. Pointer-free data only, so the static
 * bytes are never scanned by the GC.
 *
 * How the variable gets the data (prepended to the package's init function, before any
 * dynamic initialiser, as Go's static data exists before init code runs):
 *   array  → MOVE global ← static bytes (one native copy)
 *   slice  → the global's header = (address of the static bytes, len, cap): the backing array
 *            lives in the statics (writable linear memory, never freed; append past cap
 *            copies to the heap as usual)
 */
import { Op } from "@gort/runtime/image";
import * as constant from "../constant/index.js";
import * as ast from "../syntax/ast.js";
import { BasicKind, TypeTag, type Array as ArrayT, type Basic, type Info, type Initializer, type Slice, type Type, type Var } from "../types/index.js";
import { sizeof } from "../types/sizes.js";
import type { Instr, IrFunc } from "../ir/ir.js";
import type { Statics } from "./statics.js";

/** Bytes of a basic leaf kind that can be statically initialised, or 0. */
function leafSize(t: Type): number {
  const u = t.underlying();
  if (u.tag !== TypeTag.Basic) return 0;
  switch ((u as Basic).kind) {
    case BasicKind.Bool:
    case BasicKind.Int8:
    case BasicKind.Uint8:
      return 1;
    case BasicKind.Int16:
    case BasicKind.Uint16:
      return 2;
    case BasicKind.Int32:
    case BasicKind.Uint32:
    case BasicKind.Float32:
      return 4;
    case BasicKind.Int:
    case BasicKind.Int64:
    case BasicKind.Uint:
    case BasicKind.Uint64:
    case BasicKind.Uintptr:
    case BasicKind.Float64:
      return 8;
  }
  return 0;
}

/** Writes the constant expression e of leaf type t at buf[off]; false if e is not a constant. */
function encodeLeaf(info: Info, e: ast.Expr, t: Type, dv: DataView, off: number): boolean {
  const v = info.types.get(e)?.value ?? null;
  if (v === null) return false;
  const k = (t.underlying() as Basic).kind;
  switch (k) {
    case BasicKind.Bool:
      dv.setUint8(off, constant.boolVal(v) ? 1 : 0);
      return true;
    case BasicKind.Float32:
      dv.setFloat32(off, constant.float64Val(constant.toFloat(v))[0], true);
      return true;
    case BasicKind.Float64:
      dv.setFloat64(off, constant.float64Val(constant.toFloat(v))[0], true);
      return true;
  }
  const x = constant.intVal(constant.toInt(v));
  const n = leafSize(t);
  const bits = BigInt.asUintN(64, x);
  for (let i = 0; i < n; i++) dv.setUint8(off + i, Number((bits >> BigInt(8 * i)) & 0xffn));
  return true;
}

/** Lays out the elements of composite literal lit (element type elem) from off; false if not static. */
function encodeElems(info: Info, lit: ast.CompositeLit, elem: Type, esize: number, dv: DataView, off: number, len: number): boolean {
  let idx = 0;
  for (const el of lit.elts) {
    let val: ast.Expr = el;
    if (el.kind === "KeyValueExpr") {
      const kv = info.types.get(el.key)?.value ?? null;
      if (kv === null) return false;
      idx = Number(constant.intVal(constant.toInt(kv)));
      val = el.value;
    }
    if (idx < 0 || idx >= len) return false;
    if (!encode(info, val, elem, dv, off + idx * esize)) return false;
    idx++;
  }
  return true;
}

function encode(info: Info, e: ast.Expr, t: Type, dv: DataView, off: number): boolean {
  e = ast.unparen(e);
  const u = t.underlying();
  if (u.tag === TypeTag.Array) {
    if (e.kind !== "CompositeLit") return false;
    const a = u as ArrayT;
    return encodeElems(info, e, a.elem, sizeof(a.elem), dv, off, a.len);
  }
  return leafSize(t) > 0 && encodeLeaf(info, e, t, dv, off);
}

/** Whether values of t are pointer-free arrays of (arrays of) static leaves. */
function staticShape(t: Type): boolean {
  const u = t.underlying();
  if (u.tag === TypeTag.Array) return staticShape((u as ArrayT).elem);
  return leafSize(t) > 0;
}

/** One statically initialised variable. */
export interface StaticVar {
  v: Var;
  /** statics offset of the data */
  data: number;
  /** bytes of data */
  size: number;
  /** slice: element count (len = cap); -1 for an array variable */
  len: number;
}

/**
 * Splits a package's initialisers into static ones (data written into `st` now) and the
 * rest, in their original order. `globalOff` must know every variable (package-level only).
 */
export function splitStaticInits(
  info: Info,
  inits: readonly Initializer[],
  st: Statics,
  isGlobal: (v: Var) => boolean,
): { statics: StaticVar[]; dynamic: Initializer[] } {
  const statics: StaticVar[] = [];
  const dynamic: Initializer[] = [];
  for (const ini of inits) {
    const s = ini.lhs.length === 1 && ini.lhs[0].name !== "_" && isGlobal(ini.lhs[0]) ? tryStatic(info, ini.lhs[0], ini.rhs, st) : null;
    if (s !== null) statics.push(s);
    else dynamic.push(ini);
  }
  return { statics, dynamic };
}

function tryStatic(info: Info, v: Var, rhs: ast.Expr, st: Statics): StaticVar | null {
  const e = ast.unparen(rhs);
  if (e.kind !== "CompositeLit") return null;
  const t = info.types.get(e)?.type ?? null;
  if (t === null) return null;
  const u = t.underlying();
  let elem: Type;
  let len: number;
  let isSlice: boolean;
  if (u.tag === TypeTag.Array) {
    elem = (u as ArrayT).elem;
    len = (u as ArrayT).len;
    isSlice = false;
  } else if (u.tag === TypeTag.Slice) {
    elem = (u as Slice).elem;
    // a slice literal's length is one past its highest index
    len = 0;
    let idx = 0;
    for (const el of e.elts) {
      if (el.kind === "KeyValueExpr") {
        const kv = info.types.get(el.key)?.value ?? null;
        if (kv === null) return null;
        idx = Number(constant.intVal(constant.toInt(kv)));
      }
      idx++;
      len = Math.max(len, idx);
    }
    isSlice = true;
  } else return null;
  if (!staticShape(elem) || len === 0) return null;
  const esize = sizeof(elem);
  const size = esize * len;
  if (size > 1 << 24) return null;
  const buf = new Uint8Array(size);
  if (!encodeElems(info, e, elem, esize, new DataView(buf.buffer), 0, len)) return null;
  const data = st.reserve(size, 8);
  for (let i = 0; i < size; i++) if (buf[i] !== 0) st.u8at(data + i, buf[i]);
  return { v, data, size, len: isSlice ? len : -1 };
}

/**
 * Prepends to init function f the stores giving each static variable its data (f's own slots
 * are untouched: two fresh slots, a pointer and an integer, are added to its frame).
 */
export function emitStaticInits(f: IrFunc, vars: readonly StaticVar[], globalOff: (v: Var) => number | undefined, constInt: (v: bigint) => number): void {
  if (vars.length === 0) return;
  const dst = f.ptrSlots.length;
  const src = dst + 1;
  const n = dst + 2;
  f.ptrSlots.push(true, true, false);
  const at = { file: f.file, line: f.line };
  const ins = (op: Op, a: number, b: number, c = 0, extra: Partial<Instr> = {}): Instr => ({ op, a, b, c, d: 0, ...at, ...extra });
  const code: Instr[] = [];
  for (const s of vars) {
    const g = globalOff(s.v);
    if (g === undefined) continue;
    code.push(ins(Op.SADDR, dst, g, 0, { globalRel: true }));
    code.push(ins(Op.SADDR, src, s.data));
    if (s.len < 0) code.push(ins(Op.MOVE, dst, src, s.size));
    else {
      code.push(ins(Op.STP, dst, 0, src));
      if (s.len < 1 << 31) code.push(ins(Op.LDI, n, s.len));
      else code.push(ins(Op.LDK, n, constInt(BigInt(s.len))));
      code.push(ins(Op.ST64, dst, 8, n));
      code.push(ins(Op.ST64, dst, 16, n));
    }
  }
  f.code.unshift(...code);
}
