/**
 * iface.ts — interface support (Go's iface.go and the interface parts of alg.go, written
 * afresh): the itab table and getitab, the natives behind type assertions to interfaces and
 * their panics, and interface equality.
 *
 * LAYOUTS (packages/stdlib/TYPEDESC.md §2, §3 Interface, §5): an interface value is two words,
 * (type descriptor | itab, data). An itab is `inter u32, type u32, hash u32, 0, fun[n] u32`
 * (function ids). The compiler emits the itabs it can see in the image's statics; the runtime
 * builds the others here (assertions to interfaces, I→J conversions) in persistent memory
 * (never freed, never scanned: like descriptors it holds no heap pointers).
 *
 * GETITAB: both method lists are sorted the same way (exported by name, then unexported by
 * name and package), so one merge walk matches the interface's methods against the concrete
 * type's uncommon methods: same name, same package for unexported names, and the same method
 * type descriptor (one descriptor per type in an image, so identity is address equality). A
 * method whose ifn is 0 (not compiled: the type was never converted to an interface by the
 * compiled code) counts as missing. Results, negative ones included, are cached per
 * (interface, type) pair.
 *
 * The cache is a JavaScript Map of addresses (runtime metadata about static data, like the
 * loader's tables; Go keeps itabTable in its heap). Rejected for now: a hash table in linear
 * memory — needed once Ms run on worker threads (each thread would otherwise build its own
 * duplicate itabs, harmless for correctness since nothing compares itab addresses for
 * identity: interface equality and type switches compare the itab's type word).
 *
 * EQUALITY (efaceeq, typedequal) walks the descriptors in Go's order — fields and elements
 * first to last, stopping at the first difference — and panics "comparing uncomparable type T"
 * only when it reaches two interfaces whose dynamic type T is not comparable (so
 * `[2]any{1, []byte{}} == [2]any{2, []byte{}}` is false, `[2]any{[]byte{}, 1} == …` panics,
 * as in Go). Maps use alg.ts instead (hashing needs no such order).
 *
 * PANICS are runtime.Error values in Go (*runtime.TypeAssertionError, errorString). They are
 * recorded as panic kinds (vm/panic.ts) with their operands in G_PX/G_PY so that recover can
 * build the Go value later:
 *   PK_TYPEASSERT  x = iface desc | concrete desc << 32;  y = asserted desc | missing-method
 *                  name string ref << 32  (iface 0 prints "interface", concrete 0 "nil")
 *   PK_UNCOMPARABLE x = type desc   "runtime error: comparing uncomparable type T"
 *   PK_UNHASHABLE   x = type desc   "runtime error: hash of unhashable type T" (maps)
 */

import type { LinearMemory } from "./mem.js";
import { ST_OTHER_SYS } from "./mstats.js";
import { ItabTable } from "./itabtable.js";
import { KIND_DIRECT_IFACE, TD_EQUAL, TD_KIND, TD_SIZE, TD_STR } from "./typedesc.js";
import { RUN_EXIT, type NativeFn, type VM } from "./vm/interp.js";
import { G_PKIND, G_PVAL } from "./vm/g.js";
import { PK_VALUE, panicFrames } from "./vm/panic.js";
import { PS_DATA, PS_TYP } from "./vm/defer.js";

// Panic kinds owned by this file (vm/panic.ts formats them through ifacePanicMessage).
export const PK_TYPEASSERT = 7;
export const PK_UNCOMPARABLE = 8;
export const PK_UNHASHABLE = 9;

/** Descriptor offsets (TYPEDESC.md). */
const TD_HASH = 8;
const TD_UNCOMMON = 32;
const IF_MCOUNT = 40;
const IF_METHODS = 44;
const UC_MCOUNT = 8;
const UC_METHODS = 12;
const M_BYTES = 24;
const M_NAME = 0;
const M_PKG = 4;
const M_MTYP = 8;
const M_IFN = 16;
const IM_BYTES = 12;
const ITAB_FUN = 16;
/** Negative itabs (fun[0] = 0): name string of the first missing method (itabtable.ts). */
const ITAB_MISSING = 12;
const ARRAY_ELEM = 36;
const ARRAY_LEN = 44;
const STRUCT_NFIELDS = 40;
const STRUCT_FIELDS = 44;
// reflect.Kind numbers
const K_BOOL = 1;
const K_INT8 = 3;
const K_INT16 = 4;
const K_INT32 = 5;
const K_UINT8 = 8;
const K_UINT16 = 9;
const K_UINT32 = 10;
const K_FLOAT32 = 13;
const K_FLOAT64 = 14;
const K_COMPLEX64 = 15;
const K_COMPLEX128 = 16;
const K_ARRAY = 17;
const K_FUNC = 19;
const K_INTERFACE = 20;
const K_MAP = 21;
const K_SLICE = 23;
const K_STRING = 24;
const K_STRUCT = 25;

/** Reads the Go string at string ref s ("" for 0). */
function str(mem: LinearMemory, s: number): string {
  if (s === 0) return "";
  const p = mem.u32[s >>> 2];
  const n = mem.u32[(s + 8) >>> 2];
  return new TextDecoder().decode(mem.u8.slice(p, p + n));
}

/** Two string refs name the same string. */
function sameStr(mem: LinearMemory, a: number, b: number): boolean {
  if (a === b) return true;
  if (a === 0 || b === 0) {
    const s = a === 0 ? b : a;
    return mem.u32[(s + 8) >>> 2] === 0;
  }
  const n = mem.u32[(a + 8) >>> 2];
  if (n !== mem.u32[(b + 8) >>> 2]) return false;
  const p = mem.u32[a >>> 2];
  const q = mem.u32[b >>> 2];
  for (let i = 0; i < n; i++) if (mem.u8[p + i] !== mem.u8[q + i]) return false;
  return true;
}

/** The type string of descriptor t. */
export function typeName(mem: LinearMemory, t: number): string {
  return str(mem, mem.u32[(t + TD_STR) >>> 2]);
}

/** The package path in t's uncommon record ("" without one). */
function pkgPathOf(mem: LinearMemory, t: number): string {
  const uc = mem.u32[(t + TD_UNCOMMON) >>> 2];
  return uc === 0 ? "" : str(mem, mem.u32[uc >>> 2]);
}

/** The "panic: " text of the panic kinds above, or null for other kinds. */
export function ifacePanicMessage(mem: LinearMemory, kind: number, x: bigint, y: bigint): string | null {
  const lo = (v: bigint): number => Number(BigInt.asUintN(32, v));
  const hi = (v: bigint): number => Number(BigInt.asUintN(32, v >> 32n));
  switch (kind) {
    case PK_TYPEASSERT: {
      const inter = lo(x);
      const concrete = hi(x);
      const asserted = lo(y);
      const missing = hi(y);
      const is = inter === 0 ? "interface" : typeName(mem, inter);
      const as = typeName(mem, asserted);
      if (concrete === 0) return `interface conversion: ${is} is nil, not ${as}`;
      const cs = typeName(mem, concrete);
      if (missing !== 0) return `interface conversion: ${cs} is not ${as}: missing method ${str(mem, missing)}`;
      let msg = `interface conversion: ${is} is ${cs}, not ${as}`;
      // two distinct types that print alike: say why (as Go does)
      if (cs === as) msg += pkgPathOf(mem, concrete) !== pkgPathOf(mem, asserted) ? " (types from different packages)" : " (types from different scopes)";
      return msg;
    }
    case PK_UNCOMPARABLE:
      return `runtime error: comparing uncomparable type ${typeName(mem, lo(x))}`;
    case PK_UNHASHABLE:
      return `runtime error: hash of unhashable type ${typeName(mem, lo(x))}`;
  }
  return null;
}

/** Interface tables of one runtime (one per VM). */
export class Itabs {
  /** Every itab built so far, positive and negative, in linear memory (itabtable.ts). */
  private readonly table: ItabTable;
  /** name string ref of the first missing method of the last failed getitab (0: nil type) */
  missing = 0;

  constructor(private readonly vm: VM) {
    this.table = new ItabTable(vm.mem, vm.heap.mheap);
  }

  /**
   * The itab of (interface descriptor inter, concrete descriptor typ), or 0 if typ lacks a
   * method (then `missing` names the first one, in the interface's order).
   */
  getitab(inter: number, typ: number): number {
    let it = this.table.find(inter, typ);
    if (it === 0) it = this.build(inter, typ);
    const u32 = this.vm.mem.u32;
    if (u32[(it + ITAB_FUN) >>> 2] !== 0) return it;
    this.missing = u32[(it + ITAB_MISSING) >>> 2]; // negative itab (fun[0] = 0)
    return 0;
  }

  private build(inter: number, typ: number): number {
    const mem = this.vm.mem;
    const u32 = mem.u32;
    const n = u32[(inter + IF_MCOUNT) >>> 2];
    const im = u32[(inter + IF_METHODS) >>> 2];
    const uc = u32[(typ + TD_UNCOMMON) >>> 2];
    const tn = uc === 0 ? 0 : mem.u16[(uc + UC_MCOUNT) >>> 1];
    const tm = uc === 0 ? 0 : u32[(uc + UC_METHODS) >>> 2];
    const fun: number[] = [];
    let j = 0;
    for (let i = 0; i < n; i++) {
      const r = im + i * IM_BYTES;
      const name = u32[r >>> 2];
      const pkg = u32[(r + 4) >>> 2];
      const mtyp = u32[(r + 8) >>> 2];
      let found = -1;
      for (; j < tn; j++) {
        const q = tm + j * M_BYTES;
        if (sameStr(mem, u32[(q + M_NAME) >>> 2], name) && sameStr(mem, u32[(q + M_PKG) >>> 2], pkg)) {
          if (u32[(q + M_MTYP) >>> 2] === mtyp && u32[(q + M_IFN) >>> 2] !== 0) found = u32[(q + M_IFN) >>> 2];
          j++;
          break;
        }
      }
      if (found < 0) {
        // A negative itab: fun[0] = 0, the missing method's name in the padding word.
        const neg = this.vm.heap.mheap.persistentAlloc(ITAB_FUN + 4, 8, ST_OTHER_SYS);
        const w = this.vm.mem.u32;
        w[neg >>> 2] = inter;
        w[(neg + 4) >>> 2] = typ;
        w[(neg + 8) >>> 2] = w[(typ + TD_HASH) >>> 2];
        w[(neg + ITAB_MISSING) >>> 2] = name;
        w[(neg + ITAB_FUN) >>> 2] = 0;
        this.table.add(neg);
        return neg;
      }
      fun.push(found);
    }
    const it = this.vm.heap.mheap.persistentAlloc(ITAB_FUN + 4 * Math.max(n, 1), 8, ST_OTHER_SYS);
    const w = this.vm.mem.u32;
    w[it >>> 2] = inter;
    w[(it + 4) >>> 2] = typ;
    w[(it + 8) >>> 2] = w[(typ + TD_HASH) >>> 2];
    w[(it + ITAB_MISSING) >>> 2] = 0;
    for (let i = 0; i < n; i++) w[(it + ITAB_FUN + 4 * i) >>> 2] = fun[i];
    this.table.add(it);
    return it;
  }

  /** Descriptor-walk results: is the type comparable (no slice/map/func outside interfaces). */
  private readonly comparableCache = new Map<number, boolean>();
  /** The uncomparable dynamic type met by the last valueEqual, 0 if none. */
  private noeq = 0;

  /** Go's comparability of the type at descriptor t. */
  comparable(t: number): boolean {
    let c = this.comparableCache.get(t);
    if (c !== undefined) return c;
    const mem = this.vm.mem;
    const u32 = mem.u32;
    switch (mem.u8[t + TD_KIND] & 0x1f) {
      case K_FUNC:
      case K_MAP:
      case K_SLICE:
        c = false;
        break;
      case K_ARRAY:
        c = u32[(t + ARRAY_LEN) >>> 2] === 0 || this.comparable(u32[(t + ARRAY_ELEM) >>> 2]);
        break;
      case K_STRUCT: {
        c = true;
        const n = u32[(t + STRUCT_NFIELDS) >>> 2];
        const fl = u32[(t + STRUCT_FIELDS) >>> 2];
        for (let i = 0; i < n && c; i++) c = this.comparable(u32[(fl + 24 * i + 4) >>> 2]);
        break;
      }
      default:
        c = true;
    }
    this.comparableCache.set(t, c);
    return c;
  }

  /**
   * *p == *q for values of type t, in Go's order (fields and elements first to last, stopping
   * at the first difference). Comparing two interfaces whose dynamic type is not comparable
   * stops with noeq = that type (the caller panics "comparing uncomparable type T").
   */
  private valueEqual(t: number, p: number, q: number): boolean {
    const mem = this.vm.mem;
    const u32 = mem.u32;
    switch (mem.u8[t + TD_KIND] & 0x1f) {
      case K_BOOL:
      case K_INT8:
      case K_UINT8:
        return mem.u8[p] === mem.u8[q];
      case K_INT16:
      case K_UINT16:
        return mem.u16[p >>> 1] === mem.u16[q >>> 1];
      case K_INT32:
      case K_UINT32:
        return u32[p >>> 2] === u32[q >>> 2];
      case K_FLOAT32:
        return mem.f32[p >>> 2] === mem.f32[q >>> 2];
      case K_FLOAT64:
        return mem.f64[p >>> 3] === mem.f64[q >>> 3];
      case K_COMPLEX64:
        return mem.f32[p >>> 2] === mem.f32[q >>> 2] && mem.f32[(p + 4) >>> 2] === mem.f32[(q + 4) >>> 2];
      case K_COMPLEX128:
        return mem.f64[p >>> 3] === mem.f64[q >>> 3] && mem.f64[(p + 8) >>> 3] === mem.f64[(q + 8) >>> 3];
      case K_STRING: {
        const n = u32[(p + 8) >>> 2];
        if (n !== u32[(q + 8) >>> 2]) return false;
        const a = u32[p >>> 2];
        const b = u32[q >>> 2];
        if (a === b) return true;
        const u8 = mem.u8;
        for (let i = 0; i < n; i++) if (u8[a + i] !== u8[b + i]) return false;
        return true;
      }
      case K_INTERFACE: {
        let tx = u32[p >>> 2];
        let ty = u32[q >>> 2];
        if (u32[(t + IF_MCOUNT) >>> 2] !== 0) {
          tx = tx === 0 ? 0 : u32[(tx + 4) >>> 2];
          ty = ty === 0 ? 0 : u32[(ty + 4) >>> 2];
        }
        return this.efaceEqual(tx, ty, u32[(p + 8) >>> 2], u32[(q + 8) >>> 2]);
      }
      case K_ARRAY: {
        const et = u32[(t + ARRAY_ELEM) >>> 2];
        const n = u32[(t + ARRAY_LEN) >>> 2];
        const es = u32[(et + TD_SIZE) >>> 2];
        for (let i = 0; i < n; i++) {
          if (!this.valueEqual(et, p + i * es, q + i * es)) return false;
          if (this.noeq !== 0) return false;
        }
        return true;
      }
      case K_STRUCT: {
        const n = u32[(t + STRUCT_NFIELDS) >>> 2];
        const fl = u32[(t + STRUCT_FIELDS) >>> 2];
        for (let i = 0; i < n; i++) {
          const r = fl + 24 * i;
          const nm = u32[r >>> 2];
          if (nm !== 0 && u32[(nm + 8) >>> 2] === 1 && mem.u8[u32[nm >>> 2]] === 0x5f) continue; // blank field
          const off = u32[(r + 8) >>> 2];
          if (!this.valueEqual(u32[(r + 4) >>> 2], p + off, q + off)) return false;
          if (this.noeq !== 0) return false;
        }
        return true;
      }
      case K_FUNC:
      case K_MAP:
      case K_SLICE:
        this.noeq = t;
        return false;
    }
    // ints of 8 bytes, pointers, chans, unsafe.Pointer: the whole word
    return u32[p >>> 2] === u32[q >>> 2] && u32[(p + 4) >>> 2] === u32[(q + 4) >>> 2];
  }

  /** Two interface values given as (dynamic type, data word) pairs. */
  private efaceEqual(tx: number, ty: number, dx: number, dy: number): boolean {
    if (tx !== ty) return false;
    if (tx === 0) return true;
    if (!this.comparable(tx)) {
      this.noeq = tx;
      return false;
    }
    if ((this.vm.mem.u8[tx + TD_KIND] & KIND_DIRECT_IFACE) !== 0) return dx === dy;
    return this.valueEqual(tx, dx, dy);
  }

  /** a == b for two values of type t at addresses p, q; an uncomparable operand panics g. */
  typedEqual(g: number, t: number, p: number, q: number): boolean {
    this.noeq = 0;
    const eq = this.comparable(t) ? this.valueEqual(t, p, q) : ((this.noeq = t), false);
    if (this.noeq !== 0) {
      this.vm.setPanic(g, PK_UNCOMPARABLE, BigInt(this.noeq), 0n);
      return false;
    }
    return eq;
  }

  /** Does a value of type t contain interfaces (struct fields / array elements, not behind pointers)? */
  private hasIface(t: number): boolean {
    let c = this.ifaceInside.get(t);
    if (c !== undefined) return c;
    const mem = this.vm.mem;
    const u32 = mem.u32;
    switch (mem.u8[t + TD_KIND] & 0x1f) {
      case K_INTERFACE:
        c = true;
        break;
      case K_ARRAY:
        c = u32[(t + ARRAY_LEN) >>> 2] !== 0 && this.hasIface(u32[(t + ARRAY_ELEM) >>> 2]);
        break;
      case K_STRUCT: {
        c = false;
        const n = u32[(t + STRUCT_NFIELDS) >>> 2];
        const fl = u32[(t + STRUCT_FIELDS) >>> 2];
        for (let i = 0; i < n && !c; i++) c = this.hasIface(u32[(fl + 24 * i + 4) >>> 2]);
        break;
      }
      default:
        c = false;
    }
    this.ifaceInside.set(t, c);
    return c;
  }
  private readonly ifaceInside = new Map<number, boolean>();

  /** Interface equality of two values of dynamic type t ≠ 0 with data words x, y (panics g as Go). */
  ifaceDataEqual(g: number, t: number, x: number, y: number): boolean {
    this.noeq = 0;
    const eq = this.efaceEqual(t, t, x, y);
    if (this.noeq !== 0) {
      this.vm.setPanic(g, PK_UNCOMPARABLE, BigInt(this.noeq), 0n);
      return false;
    }
    return eq;
  }

  /** Natives (names the compiler's loweriface.ts calls). */
  addNatives(m: Map<string, NativeFn>): void {
    const setPanicAssert = (vm: VM, g: number, inter: number, concrete: number, asserted: number, missing: number): void => {
      vm.setPanic(g, PK_TYPEASSERT, BigInt(inter) | (BigInt(concrete) << 32n), BigInt(asserted) | (BigInt(missing) << 32n));
    };
    // convI2I(inter, typ) → itab: a static I → J conversion (cannot fail; nil stays nil)
    m.set("runtime.convI2I", (vm, g, args, res) => {
      const u32 = vm.mem.u32;
      const inter = u32[args >>> 2];
      const typ = u32[(args + 8) >>> 2];
      const it = typ === 0 ? 0 : this.getitab(inter, typ);
      if (typ !== 0 && it === 0) setPanicAssert(vm, g, 0, typ, inter, this.missing);
      vm.mem.i64[res >>> 3] = BigInt(it);
    });
    // assertE2I(inter, typ) → itab (or typ for an empty inter): x.(I), panicking as Go
    m.set("runtime.assertE2I", (vm, g, args, res) => {
      const u32 = vm.mem.u32;
      const inter = u32[args >>> 2];
      const typ = u32[(args + 8) >>> 2];
      if (typ === 0) {
        setPanicAssert(vm, g, 0, 0, inter, 0);
        return;
      }
      const it = u32[(inter + IF_MCOUNT) >>> 2] === 0 ? typ : this.getitab(inter, typ);
      if (it === 0) setPanicAssert(vm, g, 0, typ, inter, this.missing);
      vm.mem.i64[res >>> 3] = BigInt(it);
    });
    // assertE2I2(inter, typ) → itab or 0: v, ok := x.(I) and type switch cases
    m.set("runtime.assertE2I2", (vm, _g, args, res) => {
      const u32 = vm.mem.u32;
      const inter = u32[args >>> 2];
      const typ = u32[(args + 8) >>> 2];
      const it = typ === 0 ? 0 : u32[(inter + IF_MCOUNT) >>> 2] === 0 ? typ : this.getitab(inter, typ);
      vm.mem.i64[res >>> 3] = BigInt(it);
    });
    // panicdottype(have, want, iface): a failed x.(T) for a concrete T
    m.set("runtime.panicdottype", (vm, g, args) => {
      const u32 = vm.mem.u32;
      setPanicAssert(vm, g, u32[(args + 16) >>> 2], u32[args >>> 2], u32[(args + 8) >>> 2], 0);
    });
    // efaceeq(t, x, y) → 0/1 (bool), or 2: two interface data words of the same dynamic type t ≠ 0
    m.set("runtime.efaceeq", (vm, g, args, res) => {
      const mem = vm.mem;
      const t = mem.u32[args >>> 2];
      const x = mem.u32[(args + 8) >>> 2];
      const y = mem.u32[(args + 16) >>> 2];
      // A comparable composite holding interfaces: 2 = "call t's equal function" (the
      // compiler's type..eq.T, so that a panic in a nested comparison shows its frame, as Go's)
      if (this.comparable(t) && (mem.u8[t + TD_KIND] & KIND_DIRECT_IFACE) === 0 && this.hasIface(t) && mem.u32[(t + TD_EQUAL) >>> 2] !== 0) {
        vm.mem.i64[res >>> 3] = 2n;
        return;
      }
      const eq = this.ifaceDataEqual(g, t, x, y);
      vm.mem.i64[res >>> 3] = eq ? 1n : 0n;
    });
    // panicmethod(typ) → address of the ifn word of typ's `Error() string` method, else of its
    // `String() string` method, else 0 (runtime.preprintpanic CALLIs through it)
    m.set("runtime.panicmethod", (vm, _g, args, res) => {
      vm.mem.i64[res >>> 3] = BigInt(panicMethod(vm.mem, vm.mem.u32[args >>> 2]));
    });
    // typedequal(t, p, q) → bool: the body of the type..eq.T functions (TYPEDESC +16)
    m.set("runtime.typedequal", (vm, g, args, res) => {
      const mem = vm.mem;
      const eq = this.typedEqual(g, mem.u32[args >>> 2], mem.u32[(args + 8) >>> 2], mem.u32[(args + 16) >>> 2]);
      mem.i64[res >>> 3] = eq ? 1n : 0n;
    });
  }
}

/** Is descriptor f the type `func() string`? */
function isFuncToString(mem: LinearMemory, f: number): boolean {
  const u32 = mem.u32;
  if (f === 0 || (mem.u8[f + TD_KIND] & 0x1f) !== 19) return false;
  if (mem.u16[(f + 36) >>> 1] !== 0 || mem.u16[(f + 38) >>> 1] !== 1) return false;
  const r = u32[u32[(f + 40) >>> 2] >>> 2];
  return (mem.u8[r + TD_KIND] & 0x1f) === 24 && typeName(mem, r) === "string";
}

/** Address of the ifn word of typ's Error() string (else String() string) method, or 0. */
export function panicMethod(mem: LinearMemory, typ: number): number {
  const u32 = mem.u32;
  const uc = u32[(typ + TD_UNCOMMON) >>> 2];
  if (uc === 0) return 0;
  const n = mem.u16[(uc + UC_MCOUNT) >>> 1];
  const ms = u32[(uc + UC_METHODS) >>> 2];
  for (const want of ["Error", "String"]) {
    for (let j = 0; j < n; j++) {
      const q = ms + j * M_BYTES;
      if (str(mem, u32[(q + M_NAME) >>> 2]) !== want || u32[(q + M_PKG) >>> 2] !== 0) continue;
      if (isFuncToString(mem, u32[(q + M_MTYP) >>> 2]) && u32[(q + M_IFN) >>> 2] !== 0) return q + M_IFN;
    }
  }
  return 0;
}

/**
 * Go's preprintpanics, before a fatal panic is printed: every panic value of g (the G's own
 * and, with defers, each runtime.gopanic frame's) whose dynamic type has an `Error() string`
 * method, else a `String() string` one, is replaced by the method's result as a `string`
 * value (printed bare, as Go prints v.Error()). The method runs to completion on a temporary
 * goroutine in a nested interpreter run — acceptable here because it happens once, when the
 * program is about to die; if the method panics, parks or has no compiled code, the value is
 * left as it is. Call it from the driver right before formatPanic.
 */
export function preprintPanics(vm: VM, g: number): void {
  const mem = vm.mem;
  const slots: number[] = []; // byte addresses of (typ, data) word pairs (8-byte words)
  if (mem.u32[(g + G_PKIND) >>> 2] === PK_VALUE) slots.push(-1);
  for (const f of panicFrames(mem, vm.image, g)) slots.push(f + 16 + 8 * PS_TYP);
  for (const at of slots) {
    const u32 = vm.mem.u32;
    const typAt = at < 0 ? g + G_PVAL : at;
    const dataAt = at < 0 ? g + G_PVAL + 4 : at + 8 * (PS_DATA - PS_TYP);
    const typ = u32[typAt >>> 2];
    if (typ === 0) continue;
    const m = panicMethod(mem, typ);
    if (m === 0) continue;
    const strDesc = u32[u32[(u32[(m - M_IFN + M_MTYP) >>> 2] + 40) >>> 2] >>> 2];
    const r = callMethodForPrint(vm, u32[m >>> 2], u32[dataAt >>> 2]);
    if (r === null) continue;
    const hdr = vm.heap.mheap.persistentAlloc(16, 8, ST_OTHER_SYS);
    const w = vm.mem.u32;
    w[hdr >>> 2] = r[0];
    w[(hdr + 4) >>> 2] = 0;
    vm.mem.i64[(hdr + 8) >>> 3] = BigInt(r[1]);
    w[typAt >>> 2] = strDesc;
    w[dataAt >>> 2] = hdr;
  }
}

/** Runs function fn(data) → string on a temporary goroutine; (ptr, len) or null if it failed. */
function callMethodForPrint(vm: VM, fn: number, data: number): [number, number] | null {
  const saved = vm.parkHook;
  vm.parkHook = null;
  try {
    const tg = vm.newG();
    vm.start(tg, fn, [BigInt(data)]);
    if (vm.runToEnd(tg) !== RUN_EXIT) return null;
    return [Number(BigInt.asUintN(32, vm.result(tg, 0))), Number(vm.result(tg, 1))];
  } finally {
    vm.parkHook = saved;
  }
}

/** Adds the interface natives of a fresh itab table for vm to m. */
export function addIfaceNatives(vm: VM, m: Map<string, NativeFn>): Itabs {
  const t = new Itabs(vm);
  t.addNatives(m);
  return t;
}
