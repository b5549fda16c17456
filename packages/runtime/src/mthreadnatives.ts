/**
 * mthreadnatives.ts — natives a worker-thread M runs itself instead of asking the runtime
 * server (MTHREADS.md "whitelist"). A native qualifies when it touches nothing but linear
 * memory at its arguments: no JS-side runtime object, no allocation, no scheduling.
 *
 * sync/atomic (Go's sync/atomic/asm.s role): the same results as atomic.ts's one-thread
 * versions (32-bit results sign- or zero-extended into the slot, 64-bit bit patterns, pointers
 * as the low word), but with real `Atomics` operations, since two Ms may now hit one word at
 * the same time. Sound because with worker Ms *every* sync/atomic call runs here — goroutines
 * only run on workers — and the server never does a plain read-modify-write of a word that Go
 * code treats atomically (the sema natives use their own `sema` words). Pointer stores
 * (POINTER_STORE_NATIVES) have no write barrier here: while the barrier flag is on, the worker
 * calls the server's version instead (mworker.ts), which shades before it stores; their local
 * versions run only while no mark is in progress.
 */

import type { LinearMemory } from "./mem.js";
import type { NativeFn } from "./vm/interp.js";
import { nilAddr } from "./atomic.js";
import { workerPureNatives } from "./mpurenatives.js";
import { addPinNatives, PIN_NATIVES } from "./sema.js";
import { WB_FLAG_ADDR, type VM } from "./vm/interp.js";

/** Local natives that store a pointer: local only while the write barrier is off (mworker.ts). */
export const POINTER_STORE_NATIVES: ReadonlySet<string> = new Set([
  "sync/atomic.StorePointer",
  "sync/atomic.SwapPointer",
  "sync/atomic.CompareAndSwapPointer",
]);

/**
 * The runtime server's VM with worker Ms: its own goroutine slices (mserverrun.ts) run while
 * Ms run, so its sync/atomic natives must be real Atomics as well. Pointer stores keep the
 * server's barrier version while the barrier flag is on — every M sends its pointer atomics
 * here then, so they are serialised on this thread — and use Atomics otherwise.
 */
export function installServerAtomics(vm: VM, names: readonly string[], mem: LinearMemory): void {
  const local = workerLocalNatives(mem);
  for (let i = 0; i < names.length; i++) {
    const lf = local.get(names[i]);
    if (lf === undefined || PIN_NATIVES.has(names[i])) continue; // (the server pins to its current P: sema.ts)
    const own = vm.natives[i];
    vm.natives[i] = POINTER_STORE_NATIVES.has(names[i]) ? (v, g, args, res) => (mem.u32[WB_FLAG_ADDR >>> 2] !== 0 ? own : lf)(v, g, args, res) : lf;
  }
}

/** Names of every native a worker M runs itself (these and mpurenatives.ts's). */
export function workerRunNames(mem: LinearMemory): ReadonlySet<string> {
  return new Set([...workerLocalNatives(mem).keys(), ...workerPureNatives().keys()]);
}

/**
 * The natives a worker M runs locally, by Go name. `procId` is the M's P (M i runs P i,
 * mserver.ts pOf), which its procPin returns (sema.ts addPinNatives); `pinned` gets each new
 * pin depth (the M's mailbox word MB_PINNED).
 */
export function workerLocalNatives(mem: LinearMemory, procId = 0, pinned: (depth: number) => void = () => {}): Map<string, NativeFn> {
  const m = new Map<string, NativeFn>();
  addPinNatives(m, () => procId, pinned);
  const P = "sync/atomic.";
  for (const signed of [true, false]) {
    const T = signed ? "Int32" : "Uint32";
    const ext = (v: number): bigint => BigInt(signed ? v | 0 : v >>> 0);
    m.set(P + "Load" + T, (vm, g, args, res) => {
      const a = mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      mem.i64[res >>> 3] = ext(Atomics.load(mem.i32, a >>> 2));
    });
    m.set(P + "Store" + T, (vm, g, args) => {
      const a = mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      Atomics.store(mem.i32, a >>> 2, mem.i32[(args + 8) >>> 2]);
    });
    m.set(P + "Swap" + T, (vm, g, args, res) => {
      const a = mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      mem.i64[res >>> 3] = ext(Atomics.exchange(mem.i32, a >>> 2, mem.i32[(args + 8) >>> 2]));
    });
    m.set(P + "Add" + T, (vm, g, args, res) => {
      const a = mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      const d = mem.i32[(args + 8) >>> 2];
      mem.i64[res >>> 3] = ext((Atomics.add(mem.i32, a >>> 2, d) + d) | 0);
    });
    m.set(P + "CompareAndSwap" + T, (vm, g, args, res) => {
      const a = mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      const old = mem.i32[(args + 8) >>> 2];
      const ok = Atomics.compareExchange(mem.i32, a >>> 2, old, mem.i32[(args + 16) >>> 2]) === old;
      mem.i64[res >>> 3] = ok ? 1n : 0n;
    });
  }
  for (const T of ["Int64", "Uint64", "Uintptr"]) {
    m.set(P + "Load" + T, (vm, g, args, res) => {
      const a = mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      mem.i64[res >>> 3] = Atomics.load(mem.i64, a >>> 3);
    });
    m.set(P + "Store" + T, (vm, g, args) => {
      const a = mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      Atomics.store(mem.i64, a >>> 3, mem.i64[(args + 8) >>> 3]);
    });
    m.set(P + "Swap" + T, (vm, g, args, res) => {
      const a = mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      mem.i64[res >>> 3] = Atomics.exchange(mem.i64, a >>> 3, mem.i64[(args + 8) >>> 3]);
    });
    m.set(P + "Add" + T, (vm, g, args, res) => {
      const a = mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      const d = mem.i64[(args + 8) >>> 3];
      mem.i64[res >>> 3] = BigInt.asIntN(64, Atomics.add(mem.i64, a >>> 3, d) + d);
    });
    m.set(P + "CompareAndSwap" + T, (vm, g, args, res) => {
      const a = mem.u32[args >>> 2];
      if (nilAddr(vm, g, a)) return;
      const old = mem.i64[(args + 8) >>> 3];
      const ok = Atomics.compareExchange(mem.i64, a >>> 3, old, mem.i64[(args + 16) >>> 3]) === old;
      mem.i64[res >>> 3] = ok ? 1n : 0n;
    });
  }
  // unsafe.Pointer: the low word (the high word of a pointer slot is always 0)
  m.set(P + "LoadPointer", (vm, g, args, res) => {
    const a = mem.u32[args >>> 2];
    if (nilAddr(vm, g, a)) return;
    mem.i64[res >>> 3] = BigInt(Atomics.load(mem.i32, a >>> 2) >>> 0);
  });
  m.set(P + "StorePointer", (vm, g, args) => {
    const a = mem.u32[args >>> 2];
    if (nilAddr(vm, g, a)) return;
    Atomics.store(mem.i32, a >>> 2, mem.i32[(args + 8) >>> 2]);
  });
  m.set(P + "SwapPointer", (vm, g, args, res) => {
    const a = mem.u32[args >>> 2];
    if (nilAddr(vm, g, a)) return;
    mem.i64[res >>> 3] = BigInt(Atomics.exchange(mem.i32, a >>> 2, mem.i32[(args + 8) >>> 2]) >>> 0);
  });
  m.set(P + "CompareAndSwapPointer", (vm, g, args, res) => {
    const a = mem.u32[args >>> 2];
    if (nilAddr(vm, g, a)) return;
    const old = mem.i32[(args + 8) >>> 2];
    const ok = Atomics.compareExchange(mem.i32, a >>> 2, old, mem.i32[(args + 16) >>> 2]) === old;
    mem.i64[res >>> 3] = ok ? 1n : 0n;
  });
  return m;
}
