/**
 * makeslice.ts — the run-time errors of `make([]T, len, cap)` (the panics of Go's
 * runtime/slice.go makeslice, written afresh). The compiler checks the sizes inline
 * (ir/lowercall.ts makesliceCheck) and calls one of these natives only to fail:
 *
 *   runtime.makeslicelenerror()   "runtime error: makeslice: len out of range"
 *   runtime.makeslicecaperror()   "runtime error: makeslice: cap out of range"
 *
 * (Go names them panicmakeslicelen/cap; ours avoid "panic" in the name because the IR optimiser,
 * ir/opt.ts, leaves functions calling defer/recover/panic-like natives unoptimised, and these
 * fail exactly like a bounds check, which it handles.)
 *
 * unsafe.Slice's checks (Go's unsafeslice) are one native the compiler calls every time:
 *
 *   runtime.unsafeslicecheck(size, ptr, len)   "runtime error: unsafe.Slice: len out of range",
 *                                              "…: unsafe.Slice: ptr is nil and len is not zero"
 *
 * They raise a run-time error (PK_PLAIN carrying the full text), not panic(string): the panic is
 * then the runtime's own, so whatever recover() returns for run-time errors (a runtime.Error
 * value once defer.ts provides them) applies to makeslice too (codegen/REQUESTS.md #5).
 */
import type { NativeFn } from "./vm/interp.js";
import { PK_PLAIN, plainErrorId } from "./vm/panic.js";

const E_LEN = plainErrorId("runtime error: makeslice: len out of range");
const E_CAP = plainErrorId("runtime error: makeslice: cap out of range");

const E_USLICE_LEN = plainErrorId("runtime error: unsafe.Slice: len out of range");
const E_USLICE_NIL = plainErrorId("runtime error: unsafe.Slice: ptr is nil and len is not zero");
const TWO64 = 1n << 64n;
const TWO32 = 1n << 32n;

// unsafeslicecheck(size uintptr, ptr unsafe.Pointer, len int): len must be ≥ 0 and len*size
// must neither overflow nor exceed the bytes left above ptr in the address space
const unsafeslicecheck: NativeFn = (vm, g, args) => {
  const i64 = vm.mem.i64;
  const size = BigInt.asUintN(64, i64[args >>> 3]);
  const ptr = BigInt.asUintN(64, i64[(args + 8) >>> 3]);
  const len = i64[(args + 16) >>> 3];
  if (len < 0n) {
    vm.setPanic(g, PK_PLAIN, BigInt(E_USLICE_LEN), 0n);
    return;
  }
  // gort's address space is 32 bits (pointers are u32): the bytes above ptr end at 2^32
  const space = ptr < TWO32 ? TWO32 : TWO64;
  const mem = size * len;
  if (mem >= TWO64 || mem > (space - ptr) % space) vm.setPanic(g, PK_PLAIN, BigInt(ptr === 0n ? E_USLICE_NIL : E_USLICE_LEN), 0n);
};

const panicmakeslicelen: NativeFn = (vm, g) => vm.setPanic(g, PK_PLAIN, BigInt(E_LEN), 0n);
const panicmakeslicecap: NativeFn = (vm, g) => vm.setPanic(g, PK_PLAIN, BigInt(E_CAP), 0n);

/** Adds makeslice's panics to a natives table. */
export function addMakesliceNatives(m: Map<string, NativeFn>): void {
  m.set("runtime.makeslicelenerror", panicmakeslicelen);
  m.set("runtime.makeslicecaperror", panicmakeslicecap);
  m.set("runtime.unsafeslicecheck", unsafeslicecheck);
}
