/**
 * atomic.ts — package sync/atomic's functions (Go's runtime/internal/atomic and
 * sync/atomic/asm.s roles, written afresh) and sync's fatal errors and pool-cleanup hook.
 *
 * ONE THREAD: every M runs on the same host thread and a goroutine is only switched at a safe
 * point of the interpreter, never inside a native, so each native below is one indivisible
 * operation with plain loads and stores (sequentially consistent by construction). When Ms run
 * on worker threads these become Atomics calls on the shared buffer (the slot layout stays).
 *
 * Values: 32-bit operands are the low 4 bytes of their memory word; Int32 results are
 * sign-extended and Uint32 results zero-extended into the result slot (canonical slots,
 * vm/HACKING.md). 64-bit operands use the BigInt views; pointers are the low u32 of their
 * word, stored through the write barrier (Store/Swap/CompareAndSwapPointer). A nil address
 * panics as a nil dereference at the call, as Go's atomics fault.
 *
 * (sync.throw / sync.fatal live in sema.ts, sync.runtime_registerPoolCleanup in syncpool.ts.)
 */

import type { Collector } from "./mgc.js";
import { FR_PC, STK_FP } from "./stack.js";
import type { NativeFn, VM } from "./vm/interp.js";
import { PK_NIL } from "./vm/panic.js";

/** Words of the CALLN instruction (its saved frame pc is the next instruction's). */
const CALL_WORDS = 3;

/** Records a nil-dereference panic at the native call; returns true when addr is nil. */
export function nilAddr(vm: VM, g: number, addr: number): boolean {
  if (addr !== 0) return false;
  const u32 = vm.mem.u32;
  const fp = u32[(g + STK_FP) >>> 2];
  vm.setPanic(g, PK_NIL, 0n, BigInt(u32[(fp + FR_PC) >>> 2] - CALL_WORDS));
  return true;
}

/** Adds sync/atomic's natives to m. */
export function addAtomicNatives(gc: Collector | null, m: Map<string, NativeFn>): void {
  const storePtr = (vm: VM, addr: number, p: number): void => {
    if (gc !== null) gc.barrier.writePointer(addr, p);
    else {
      vm.mem.u32[addr >>> 2] = p;
      vm.mem.u32[(addr >>> 2) + 1] = 0;
    }
  };
  const P = "sync/atomic.";
  // ── 32-bit ──
  for (const signed of [true, false]) {
    const T = signed ? "Int32" : "Uint32";
    const ext = (v: number): bigint => BigInt(signed ? v | 0 : v >>> 0);
    m.set(P + "Load" + T, (vm, g, args, res) => {
      const a = vm.mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      vm.mem.i64[res >>> 3] = ext(vm.mem.u32[a >>> 2]);
    });
    m.set(P + "Store" + T, (vm, g, args) => {
      const a = vm.mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      vm.mem.u32[a >>> 2] = vm.mem.u32[(args + 8) >>> 2];
    });
    m.set(P + "Swap" + T, (vm, g, args, res) => {
      const u32 = vm.mem.u32;
      const a = u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      const old = u32[a >>> 2];
      u32[a >>> 2] = u32[(args + 8) >>> 2];
      vm.mem.i64[res >>> 3] = ext(old);
    });
    m.set(P + "Add" + T, (vm, g, args, res) => {
      const u32 = vm.mem.u32;
      const a = u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      const v = (u32[a >>> 2] + u32[(args + 8) >>> 2]) >>> 0;
      u32[a >>> 2] = v;
      vm.mem.i64[res >>> 3] = ext(v);
    });
    m.set(P + "CompareAndSwap" + T, (vm, g, args, res) => {
      const u32 = vm.mem.u32;
      const a = u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      const ok = u32[a >>> 2] === u32[(args + 8) >>> 2];
      if (ok) u32[a >>> 2] = u32[(args + 16) >>> 2];
      vm.mem.i64[res >>> 3] = ok ? 1n : 0n;
    });
  }
  // ── 64-bit integers (Int64, Uint64, Uintptr share the bit pattern) ──
  for (const T of ["Int64", "Uint64", "Uintptr"]) {
    m.set(P + "Load" + T, (vm, g, args, res) => {
      const a = vm.mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      vm.mem.i64[res >>> 3] = vm.mem.i64[a >>> 3];
    });
    m.set(P + "Store" + T, (vm, g, args) => {
      const a = vm.mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      vm.mem.i64[a >>> 3] = vm.mem.i64[(args + 8) >>> 3];
    });
    m.set(P + "Swap" + T, (vm, g, args, res) => {
      const i64 = vm.mem.i64;
      const a = vm.mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      const old = i64[a >>> 3];
      i64[a >>> 3] = i64[(args + 8) >>> 3];
      i64[res >>> 3] = old;
    });
    m.set(P + "Add" + T, (vm, g, args, res) => {
      const i64 = vm.mem.i64;
      const a = vm.mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      const v = BigInt.asIntN(64, i64[a >>> 3] + i64[(args + 8) >>> 3]);
      i64[a >>> 3] = v;
      i64[res >>> 3] = v;
    });
    m.set(P + "CompareAndSwap" + T, (vm, g, args, res) => {
      const i64 = vm.mem.i64;
      const a = vm.mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      const ok = i64[a >>> 3] === i64[(args + 8) >>> 3];
      if (ok) i64[a >>> 3] = i64[(args + 16) >>> 3];
      i64[res >>> 3] = ok ? 1n : 0n;
    });
  }
  // ── unsafe.Pointer (with the write barrier) ──
  m.set(P + "LoadPointer", (vm, g, args, res) => {
    const a = vm.mem.u32[args >>> 2];
    if (nilAddr(vm, g, a)) return;
    vm.mem.i64[res >>> 3] = BigInt(vm.mem.u32[a >>> 2]);
  });
  m.set(P + "StorePointer", (vm, g, args) => {
    const a = vm.mem.u32[args >>> 2];
    if (nilAddr(vm, g, a)) return;
    storePtr(vm, a, vm.mem.u32[(args + 8) >>> 2]);
  });
  m.set(P + "SwapPointer", (vm, g, args, res) => {
    const a = vm.mem.u32[args >>> 2];
    if (nilAddr(vm, g, a)) return;
    const old = vm.mem.u32[a >>> 2];
    storePtr(vm, a, vm.mem.u32[(args + 8) >>> 2]);
    vm.mem.i64[res >>> 3] = BigInt(old);
  });
  m.set(P + "CompareAndSwapPointer", (vm, g, args, res) => {
    const a = vm.mem.u32[args >>> 2];
    if (nilAddr(vm, g, a)) return;
    const ok = vm.mem.u32[a >>> 2] === vm.mem.u32[(args + 8) >>> 2];
    if (ok) storePtr(vm, a, vm.mem.u32[(args + 16) >>> 2]);
    vm.mem.i64[res >>> 3] = ok ? 1n : 0n;
  });

  // (package sync's throw/fatal and pool cleanup: sema.ts and syncpool.ts, which need the scheduler)
}
