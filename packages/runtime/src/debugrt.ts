/**
 * debugrt.ts — the natives behind package runtime/debug (Go's runtime/debug.go, mgc.go's
 * setGCPercent/setMemoryLimit, mheap.go's freeOSMemory, stack.go's setMaxStack).
 *
 * Each native only forwards to the subsystem that owns the setting: the pacer settings and the
 * scavenger live in the Collector (mgc.ts), the stack limit in the StackAllocator (stack.ts).
 * The rest of runtime/debug (Stack, PrintStack, ReadGCStats) is Go code over runtime.Stack and
 * runtime.ReadMemStats, so it needs nothing here.
 *
 * Argument layout: every parameter and result is one 8-byte slot (int = int64).
 *
 * runtime.Breakpoint lives here too (Go: runtime.breakpoint, a trap instruction): there is no
 * debugger to stop in, so it does what the trap does to a Go program run without one: the
 * SIGTRAP crash report and exit status 2.
 *
 * Without a collector (tests that run the VM with no GC) the GC settings are kept here so that
 * SetGCPercent/SetMemoryLimit still return the previous value, as their contract says, and
 * FreeOSMemory only yields.
 */

import type { NativeFn } from "./vm/interp.js";
import { G_PARKSTATE } from "./runtime2.js";
import { startFinalizers } from "./finq.js";
import type { Sched } from "./proc.js";
import { WaitReason } from "./runtime2.js";
import { FR_PC, STK_FP } from "./stack.js";
import { traceback } from "./vm/panic.js";

/** Go's initial memory limit: math.MaxInt64 (no limit). */
const NO_LIMIT = (1n << 63n) - 1n;

/**
 * Adds runtime/debug's natives (setGCPercent, setMemoryLimit, setMaxStack, freeOSMemory) and
 * runtime.Breakpoint to `m`.
 */
export function addDebugNatives(sched: Sched, m: Map<string, NativeFn>): void {
  // Settings remembered when there is no collector (written only by the natives below).
  let gcPercent = 100;
  let memLimit = NO_LIMIT;

  // setGCPercent(percent int) int: negative turns the GC off; returns the previous setting.
  m.set("runtime/debug.setGCPercent", (vm, _g, args, res) => {
    const v = Number(vm.mem.i64[args >>> 3]);
    const pct = v < 0 ? -1 : v;
    let prev: number;
    if (sched.gc !== null) prev = sched.gc.setGCPercent(pct);
    else {
      prev = gcPercent;
      gcPercent = pct;
    }
    vm.mem.i64[res >>> 3] = BigInt(prev);
  });

  // setMemoryLimit(limit int64) int64: a negative limit only queries.
  m.set("runtime/debug.setMemoryLimit", (vm, _g, args, res) => {
    const v = vm.mem.i64[args >>> 3];
    let prev: bigint;
    if (sched.gc !== null) prev = sched.gc.setMemoryLimit(v);
    else {
      prev = memLimit;
      if (v >= 0n) memLimit = v;
    }
    vm.mem.i64[res >>> 3] = prev;
  });

  // setMaxStack(bytes int) int: the per-goroutine stack limit checked when a stack grows.
  m.set("runtime/debug.setMaxStack", (vm, _g, args, res) => {
    const stacks = sched.heap.stacks;
    const prev = stacks.maxStackSize;
    const v = vm.mem.i64[args >>> 3];
    stacks.maxStackSize = v < 0n ? 0 : v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
    vm.mem.i64[res >>> 3] = BigInt(prev);
  });

  // freeOSMemory(): a full GC, then every free page released (Collector.freeOSMemory). Like
  // runtime.GC the caller then yields once (G_PARKSTATE marks the resumed call) so finalizers
  // made ready by the cycle and other goroutines get to run.
  m.set("runtime/debug.freeOSMemory", (vm, g) => {
    const u32 = vm.mem.u32;
    if (u32[(g + G_PARKSTATE) >>> 2] !== 0) {
      u32[(g + G_PARKSTATE) >>> 2] = 0;
      return;
    }
    if (sched.gc !== null) sched.gc.freeOSMemory();
    startFinalizers(sched);
    u32[(g + G_PARKSTATE) >>> 2] = 1;
    sched.gosched(g);
  });

  // runtime.Breakpoint(): the uncaught SIGTRAP of a Go program — "SIGTRAP: trace trap", the pc,
  // the goroutine's traceback, exit status 2. Go also dumps the other goroutines and the
  // registers; gort prints the calling goroutine only.
  m.set("runtime.Breakpoint", (vm, g) => {
    const u32 = vm.mem.u32;
    const pc = u32[(u32[(g + STK_FP) >>> 2] + FR_PC) >>> 2] * 4;
    vm.flushPrint();
    vm.write(`SIGTRAP: trace trap\nPC=0x${pc.toString(16)} m=0 sigcode=128\n\n` + traceback(sched.mem, sched.image, g, "running"));
    sched.exitCode = 2;
    sched.gopark(g, WaitReason.Zero); // stop the slice; run() returns exitCode
  });
}
