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
 * They raise a run-time error (PK_PLAIN carrying the full text), not panic(string): the panic is
 * then the runtime's own, so whatever recover() returns for run-time errors (a runtime.Error
 * value once defer.ts provides them) applies to makeslice too (codegen/REQUESTS.md #5).
 */
import type { NativeFn } from "./vm/interp.js";
import { PK_PLAIN, plainErrorId } from "./vm/panic.js";

const E_LEN = plainErrorId("runtime error: makeslice: len out of range");
const E_CAP = plainErrorId("runtime error: makeslice: cap out of range");

const panicmakeslicelen: NativeFn = (vm, g) => vm.setPanic(g, PK_PLAIN, BigInt(E_LEN), 0n);
const panicmakeslicecap: NativeFn = (vm, g) => vm.setPanic(g, PK_PLAIN, BigInt(E_CAP), 0n);

/** Adds makeslice's panics to a natives table. */
export function addMakesliceNatives(m: Map<string, NativeFn>): void {
  m.set("runtime.makeslicelenerror", panicmakeslicelen);
  m.set("runtime.makeslicecaperror", panicmakeslicecap);
}
