/**
 * syncpool.ts — sync.Pool's victim rotation at the start of each GC cycle (Go's clearpools →
 * sync.poolCleanup, written afresh; the Go half is packages/stdlib/go/sync/pool.go).
 *
 * Go calls sync's poolCleanup from gcStart with the world stopped. gort's collector cannot call
 * into Go code from inside a pause (the VM is a loop over goroutines, not re-entrant), so the
 * runtime does the rotation itself on the records sync hands it once at init
 * (`sync.runtime_registerPoolCleanup(&allPools, &oldPools, offsets…)`):
 *
 *   for p in *old:  p.victim, p.victimSize = nil, 0          (victims of the last cycle die)
 *   for p in *all:  p.victim, p.victimSize = p.local, p.localSize;  p.local, p.localSize = nil, 0
 *   *old, *all = *all, nil
 *
 * It runs from Collector.onSweepTermination, except while a goroutine is inside procPin (this
 * thread's VM or an M stopped at a request there: mailbox MB_PINNED). Go never stops a pinned
 * goroutine; sync's pinSlow, between putting the pool on allPools and setting its locals, would
 * otherwise leave it off both lists with live locals (test/run/sync_poolpinned.go). That cycle
 * leaves the pools alone. The world is stopped (one M, between goroutine
 * instructions), before marking and before the write barrier is on, so plain word writes are
 * correct (no object is grey yet; what the rotation unlinks is collected this very cycle, as in
 * Go). Layout: a slice header is {ptr, len, cap} in three 8-byte words; a pointer is one 8-byte
 * word whose low 4 bytes hold the address; the Pool field offsets come from sync itself
 * (unsafe.Offsetof), so a change of the struct cannot silently break the rotation.
 *
 * Rejected: running poolCleanup as Go code on a system goroutine after the pause — marking
 * would already have found the old victims live, keeping them a cycle longer than Go, and
 * other goroutines could run between the pause and the rotation.
 */

import type { Sched } from "./proc.js";
import type { NativeFn } from "./vm/interp.js";

/** Registered pool lists and Pool field offsets (bytes). */
interface PoolRecords {
  all: number;
  old: number;
  local: number;
  localSize: number;
  victim: number;
  victimSize: number;
}

/** Rotates the pools (see the file comment). Precondition: world stopped, barrier off. */
export function poolCleanup(sched: Sched, r: PoolRecords): void {
  const u32 = sched.mem.u32;
  const i64 = sched.mem.i64;
  const clearWord = (addr: number): void => {
    u32[addr >>> 2] = 0;
    u32[(addr >>> 2) + 1] = 0;
  };
  // Victims of the previous cycle.
  let base = u32[r.old >>> 2];
  let n = Number(i64[(r.old + 8) >>> 3]);
  for (let i = 0; i < n; i++) {
    const p = u32[(base + i * 8) >>> 2];
    if (p === 0) continue;
    clearWord(p + r.victim);
    clearWord(p + r.victimSize);
  }
  // Current locals become victims.
  base = u32[r.all >>> 2];
  n = Number(i64[(r.all + 8) >>> 3]);
  for (let i = 0; i < n; i++) {
    const p = u32[(base + i * 8) >>> 2];
    if (p === 0) continue;
    u32[(p + r.victim) >>> 2] = u32[(p + r.local) >>> 2];
    u32[((p + r.victim) >>> 2) + 1] = 0;
    i64[(p + r.victimSize) >>> 3] = i64[(p + r.localSize) >>> 3];
    clearWord(p + r.local);
    clearWord(p + r.localSize);
  }
  // oldPools, allPools = allPools, nil
  for (let w = 0; w < 6; w++) u32[(r.old >>> 2) + w] = u32[(r.all >>> 2) + w];
  for (let w = 0; w < 6; w++) u32[(r.all >>> 2) + w] = 0;
}

/** sync.runtime_registerPoolCleanup and sync.runtime_GOMAXPROCS. */
export function addPoolNatives(sched: Sched, m: Map<string, NativeFn>): void {
  m.set("sync.runtime_registerPoolCleanup", (vm, _g, args) => {
    const u32 = vm.mem.u32;
    const i64 = vm.mem.i64;
    const r: PoolRecords = {
      all: u32[args >>> 2],
      old: u32[(args + 8) >>> 2],
      local: Number(i64[(args + 16) >>> 3]),
      localSize: Number(i64[(args + 24) >>> 3]),
      victim: Number(i64[(args + 32) >>> 3]),
      victimSize: Number(i64[(args + 40) >>> 3]),
    };
    const gc = sched.gc;
    // (not while a goroutine is inside procPin: see the file comment)
    if (gc === null) return;
    gc.onSweepTermination = () => {
      if (sched.vm.pinned > 0 || sched.anyMPinned()) return;
      poolCleanup(sched, r);
    };
  });
  m.set("sync.runtime_GOMAXPROCS", (vm, _g, _args, res) => {
    vm.mem.i64[res >>> 3] = BigInt(sched.gomaxprocs);
  });
}
