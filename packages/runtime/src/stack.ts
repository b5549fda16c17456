/**
 * stack.ts — goroutine stacks: allocation from per-order pools, growth and shrinking by copying,
 * and the frame / stack-map contract the VM implements. Counterpart of Go's stack.go (written
 * afresh).
 *
 * ALLOCATION. Stack sizes are powers of two from StackMin = 512 B. Sizes 0.5, 1, 2, 4, 8, 16 KiB
 * (orders 0–5) come from pools: 32 KiB manual spans (Go's _StackCacheSize) carved into equal
 * stacks linked through their first word (SP_MANUALFREE); a pool lists the spans with a free
 * stack (linked through SP_NEXT). A span whose stacks are all free goes back to the heap unless
 * it is the pool's only span. `releaseStackPools()` (debug.FreeOSMemory) frees those too.
 * Stacks ≥ 32 KiB get a dedicated manual span. Manual spans count as StackInuse, never as heap.
 * Per-P stack caches (Go's stackcache) are left for the parallel scheduler.
 * Why 512 B: the VM checks each frame's exact size at entry (no nosplit chains, no signal
 * frames on the goroutine stack), so Go's 928-byte guard is unnecessary; 512 B hold a parked
 * goroutine's usual few frames (a closure blocked on a channel uses ~100–200 B), and Go 1.19's
 * adaptive start raises the size for programs whose goroutines run deeper. Measured
 * (bench/sched/parked.go, parked goroutines): 1 KiB → 1216 B of Sys per parked goroutine,
 * 512 B → 713 B (Go 1.19: 2741 B); growth copies cost a goroutine that needs 1 KiB one copy.
 *
 * STACKS GROW DOWN, as in Go: a stack is [lo, hi); the innermost frame is at the lowest address.
 * The stack record (16 bytes; the scheduler's G embeds it):
 *
 *   +0  lo     u32   +4 hi   u32   +8 fp  u32 (innermost frame, hi when the stack is empty)
 *   +12 guard  u32   lo + StackGuard: a frame of n bytes fits iff fp − n ≥ guard
 *
 * FRAMES. Contiguous, each beginning with a 16-byte header at its fp:
 *
 *   fp+0  link    u32  caller's fp (0 for the outermost frame)
 *   fp+4  funcId  u32
 *   fp+8  pc      u32  the frame's current safe point (saved by the VM before any call, park,
 *                      or stack check — a frame is only ever inspected at a safe point)
 *   fp+12 size    u32  frame bytes including the header, multiple of 8; caller fp = fp + size
 *   fp+16 slot 0, fp+24 slot 1, …   8-byte slots; a pointer slot keeps its value in the low u32
 *
 * STACK MAPS. `StackMapSource.stackMapAddr(funcId, pc)` returns the address of a bitmap in
 * linear memory — u32 nslots, then ceil(nslots/32) u32 words, bit i (LSB first) = slot i holds a
 * pointer at that pc — or 0 when the frame holds no pointers. The program image provides it.
 *
 * COPYING (copystack): allocate the new stack, copy the used bytes [fp, hi) to the top of the
 * new stack, then walk the frames of the copy: relink `link` and add delta = newHi − oldHi to
 * every pointer slot whose value lies in the old [lo, hi). Only the goroutine itself points into
 * its stack (Go's escape analysis guarantees it), except runtime records such as sudogs, defers
 * and panics, which the scheduler fixes in the `adjustExtra` hook. Go also rejects pointers in
 * (0, 4096) found in pointer slots: "invalid pointer found on stack".
 *
 * INITIAL SIZE: StackMin (512 B), or with Go 1.19's adaptivestackstart the power of two above
 * the average scanned stack use reported by the GC (computeStartingStackSize).
 *
 * GROWTH (newstack): double until the frame that failed its check fits with StackGuard to
 * spare; past maxStackSize (1e9, debug.SetMaxStack) Go's "goroutine stack exceeds
 * 1000000000-byte limit" and "fatal error: stack overflow". SHRINK (shrinkstack, called by the
 * GC while scanning a stack): halve when less than a quarter is used, never below StackMin.
 *
 * Rejected: segmented stacks (Go dropped them for the hot-split problem); growing up (an
 * interpreter could do it, but Go's tracebacks, stack bounds and "used = hi − sp" all assume
 * downward stacks, and nothing is gained).
 */

import { assert, DEBUG, fatal } from "./debug.js";
import type { LinearMemory } from "./mem.js";
import type { MHeap } from "./mheap.js";
import { SP_ALLOCCOUNT, SP_ELEMSIZE, SP_MANUALFREE, SP_NELEMS, SP_NEXT, SP_START, SP_STATE, SPAN_MANUAL } from "./mspan.js";
import { PAGE_SIZE } from "./sizeclasses.js";

export const StackMin = 512;
/** Bytes kept free below the innermost frame for runtime helpers the VM calls without a check. */
export const StackGuard = 128;
/** Pool orders: 0.5, 1, 2, 4, 8, 16 KiB. */
export const NumStackOrders = 6;
/** Pool span size (Go's _StackCacheSize). */
export const StackCacheSize = 32 << 10;
/** Go's default maximum stack size on 64-bit (debug.SetMaxStack). */
export const DefaultMaxStack = 1_000_000_000;

// Stack record.
export const STK_LO = 0;
export const STK_HI = 4;
export const STK_FP = 8;
export const STK_GUARD = 12;
export const STACK_REC_BYTES = 16;

// Frame header.
export const FR_LINK = 0;
export const FR_FUNC = 4;
export const FR_PC = 8;
export const FR_SIZE = 12;
export const FR_SLOTS = 16;

/** Pool heads: NumStackOrders u32 at 0x3900. */
export const STACKPOOL = 0x3900;

/** Supplies the pointer map of a frame at a safe point (see the file comment for the format). */
export interface StackMapSource {
  stackMapAddr(funcId: number, pc: number): number;
}

/** Fixes runtime records pointing into a stack that moved (sudogs, defers, panics). */
export interface StackAdjustHook {
  adjustExtra(g: number, oldLo: number, oldHi: number, delta: number): void;
}

function hex(v: number): string {
  return "0x" + (v >>> 0).toString(16);
}

/**
 * The size a stack of `oldsize` bytes with `used` bytes in use grows to when a frame of
 * `frameSize` bytes does not fit: doubled until the frame and the guard fit (newstack; a worker
 * M's local growth, mstackcache.ts).
 */
export function grownStackSize(oldsize: number, used: number, frameSize: number): number {
  let newsize = oldsize * 2;
  const needed = frameSize + StackGuard;
  while (newsize - used < needed) newsize *= 2;
  return newsize;
}

export class StackAllocator {
  readonly mem: LinearMemory;
  readonly mheap: MHeap;
  /** The program image's stack maps; null = frames hold no pointers. */
  stackMaps: StackMapSource | null;
  adjustHook: StackAdjustHook | null;
  /** debug.SetMaxStack (bytes). */
  maxStackSize: number;
  /** Hard ceiling (Go sets 2 × the initial maximum). */
  maxStackCeiling: number;
  /** GODEBUG=gcshrinkstackoff=1. */
  shrinkDisabled: boolean;
  /** GODEBUG=adaptivestackstart (1 by default, as in Go 1.19). */
  adaptiveStackStart: boolean;
  /**
   * Size of new goroutine stacks (bytes, power of two). StackMin until the GC reports scanned
   * stack sizes through computeStartingStackSize at the end of a cycle.
   */
  startingStackSize: number;
  /** Counters for tests and benchmarks. */
  copies: number;

  constructor(mem: LinearMemory, mheap: MHeap) {
    this.mem = mem;
    this.mheap = mheap;
    this.stackMaps = null;
    this.adjustHook = null;
    this.maxStackSize = DefaultMaxStack;
    this.maxStackCeiling = 2 * DefaultMaxStack;
    this.shrinkDisabled = false;
    this.adaptiveStackStart = true;
    this.startingStackSize = StackMin;
    this.copies = 0;
    mem.u32.fill(0, STACKPOOL >>> 2, (STACKPOOL >>> 2) + NumStackOrders);
  }

  /** Allocates a stack of n bytes (power of two ≥ StackMin); returns lo. Go: stackalloc. */
  stackalloc(n: number): number {
    if (DEBUG) assert(n >= StackMin && (n & (n - 1)) === 0, "stackalloc: bad size");
    const mem = this.mem;
    let u32 = mem.u32;
    if (n < StackCacheSize) {
      const order = 31 - Math.clz32(n / StackMin);
      const head = (STACKPOOL >>> 2) + order;
      let s = u32[head];
      if (s === 0) {
        s = this.mheap.allocManual(StackCacheSize / PAGE_SIZE);
        u32 = mem.u32; // memory may have grown
        const start = u32[(s + SP_START) >>> 2];
        const count = StackCacheSize / n;
        u32[(s + SP_NELEMS) >>> 2] = count;
        u32[(s + SP_ELEMSIZE) >>> 2] = n;
        u32[(s + SP_ALLOCCOUNT) >>> 2] = 0;
        // Thread the free list through the stacks, lowest address first.
        let prev = 0;
        for (let i = count - 1; i >= 0; i--) {
          const x = start + i * n;
          u32[x >>> 2] = prev;
          prev = x;
        }
        u32[(s + SP_MANUALFREE) >>> 2] = prev;
        u32[(s + SP_NEXT) >>> 2] = 0;
        u32[head] = s;
      }
      const x = u32[(s + SP_MANUALFREE) >>> 2];
      const next = u32[x >>> 2];
      u32[(s + SP_MANUALFREE) >>> 2] = next;
      u32[x >>> 2] = 0;
      u32[(s + SP_ALLOCCOUNT) >>> 2]++;
      if (next === 0) {
        // Span exhausted: off the pool list.
        u32[head] = u32[(s + SP_NEXT) >>> 2];
        u32[(s + SP_NEXT) >>> 2] = 0;
      }
      return x;
    }
    const s = this.mheap.allocManual(n / PAGE_SIZE);
    u32 = mem.u32;
    u32[(s + SP_NELEMS) >>> 2] = 1;
    u32[(s + SP_ELEMSIZE) >>> 2] = n;
    u32[(s + SP_ALLOCCOUNT) >>> 2] = 1;
    return u32[(s + SP_START) >>> 2];
  }

  /** Frees the stack [lo, lo+n). Go: stackfree. */
  stackfree(lo: number, n: number): void {
    const mem = this.mem;
    const u32 = mem.u32;
    const s = this.mheap.spanOf(lo);
    if (DEBUG) assert(s !== 0 && mem.u8[s + SP_STATE] === SPAN_MANUAL, "stackfree: not a stack");
    if (n >= StackCacheSize) {
      this.mheap.freeManual(s);
      return;
    }
    const order = 31 - Math.clz32(n / StackMin);
    const head = (STACKPOOL >>> 2) + order;
    const wasFull = u32[(s + SP_MANUALFREE) >>> 2] === 0;
    u32[lo >>> 2] = u32[(s + SP_MANUALFREE) >>> 2];
    u32[(s + SP_MANUALFREE) >>> 2] = lo;
    const left = --u32[(s + SP_ALLOCCOUNT) >>> 2];
    if (wasFull) {
      u32[(s + SP_NEXT) >>> 2] = u32[head];
      u32[head] = s;
    }
    if (left === 0 && !(u32[head] === s && u32[(s + SP_NEXT) >>> 2] === 0)) {
      // Every stack of the span is free and the pool has other spans: unlink it and give the
      // pages back. The last span of a pool is kept even when empty (at most 5 × 32 KiB), so a
      // goroutine start/exit loop does not allocate and free a span each time (Go's per-P
      // stack caches absorb that churn).
      let p = head << 2;
      while (u32[p >>> 2] !== s) p = u32[p >>> 2] + SP_NEXT;
      u32[p >>> 2] = u32[(s + SP_NEXT) >>> 2];
      u32[(s + SP_NEXT) >>> 2] = 0;
      this.mheap.freeManual(s);
    }
  }

  /** Returns the empty spans the pools keep (debug.FreeOSMemory / tests). */
  releaseStackPools(): void {
    const u32 = this.mem.u32;
    for (let o = 0; o < NumStackOrders; o++) {
      const head = (STACKPOOL >>> 2) + o;
      const s = u32[head];
      if (s !== 0 && u32[(s + SP_ALLOCCOUNT) >>> 2] === 0) {
        u32[head] = u32[(s + SP_NEXT) >>> 2];
        u32[(s + SP_NEXT) >>> 2] = 0;
        this.mheap.freeManual(s);
      }
    }
  }

  /**
   * Go 1.19's adaptive initial stack size, run by the GC at the end of each cycle: the average
   * used size of the stacks it scanned (`scannedBytes` over `scannedStacks`) plus StackGuard,
   * clamped to [StackMin, maxStackSize] and rounded up to a power of two. Go:
   * gcComputeStartingStackSize.
   */
  computeStartingStackSize(scannedBytes: number, scannedStacks: number): void {
    if (!this.adaptiveStackStart) return;
    if (scannedStacks === 0) {
      this.startingStackSize = StackMin;
      return;
    }
    let avg = Math.floor(scannedBytes / scannedStacks) + StackGuard;
    if (avg > this.maxStackSize) avg = this.maxStackSize;
    if (avg < StackMin) avg = StackMin;
    let size = StackMin;
    while (size < avg) size *= 2;
    this.startingStackSize = size;
  }

  /** Gives goroutine record g a fresh empty stack of `size` bytes (default: the starting size). */
  initStack(g: number, size = this.startingStackSize): void {
    const lo = this.stackalloc(size);
    const u32 = this.mem.u32;
    u32[(g + STK_LO) >>> 2] = lo;
    u32[(g + STK_HI) >>> 2] = lo + size;
    u32[(g + STK_FP) >>> 2] = lo + size;
    u32[(g + STK_GUARD) >>> 2] = lo + StackGuard;
  }

  /** Frees g's stack (goroutine exit). */
  freeStack(g: number): void {
    const u32 = this.mem.u32;
    const lo = u32[(g + STK_LO) >>> 2];
    this.stackfree(lo, u32[(g + STK_HI) >>> 2] - lo);
    u32[g >>> 2] = 0;
    u32[(g >>> 2) + 1] = 0;
    u32[(g >>> 2) + 2] = 0;
    u32[(g >>> 2) + 3] = 0;
  }

  /**
   * Pushes a frame of `size` bytes (header included) for funcId at pc, growing the stack first
   * if it does not fit. Slots are zeroed. Returns the new fp. This is what the VM's call
   * sequence does; tests use it to build synthetic stacks.
   */
  pushFrame(g: number, funcId: number, pc: number, size: number): number {
    const mem = this.mem;
    let u32 = mem.u32;
    if (DEBUG) assert(size >= FR_SLOTS && (size & 7) === 0, "pushFrame: bad frame size");
    let fp = u32[(g + STK_FP) >>> 2];
    if (fp - size < u32[(g + STK_GUARD) >>> 2]) {
      this.newstack(g, size);
      u32 = mem.u32;
      fp = u32[(g + STK_FP) >>> 2];
    }
    const hi = u32[(g + STK_HI) >>> 2];
    const nfp = fp - size;
    mem.zero(nfp, size);
    u32[(nfp + FR_LINK) >>> 2] = fp === hi ? 0 : fp;
    u32[(nfp + FR_FUNC) >>> 2] = funcId;
    u32[(nfp + FR_PC) >>> 2] = pc;
    u32[(nfp + FR_SIZE) >>> 2] = size;
    u32[(g + STK_FP) >>> 2] = nfp;
    return nfp;
  }

  /** Pops the innermost frame. */
  popFrame(g: number): void {
    const u32 = this.mem.u32;
    const fp = u32[(g + STK_FP) >>> 2];
    u32[(g + STK_FP) >>> 2] = fp + u32[(fp + FR_SIZE) >>> 2];
  }

  /**
   * The slow path of a failed stack check: a frame of `frameSize` bytes does not fit. Grows g's
   * stack by doubling (more if needed) and copies it. Go: newstack.
   */
  newstack(g: number, frameSize: number): void {
    const u32 = this.mem.u32;
    const lo = u32[(g + STK_LO) >>> 2];
    const hi = u32[(g + STK_HI) >>> 2];
    const fp = u32[(g + STK_FP) >>> 2];
    const oldsize = hi - lo;
    const used = hi - fp;
    const newsize = grownStackSize(oldsize, used, frameSize);
    if (newsize > this.maxStackSize || newsize > this.maxStackCeiling) {
      const limit = this.maxStackSize < this.maxStackCeiling ? this.maxStackSize : this.maxStackCeiling;
      fatal(
        "stack overflow",
        `runtime: goroutine stack exceeds ${limit}-byte limit\n` +
          `runtime: sp=${hex(fp)} stack=[${hex(lo)}, ${hex(hi)}]\n`,
      );
    }
    this.copystack(g, newsize);
  }

  /**
   * Halves g's stack if less than a quarter of it is in use. Called by the GC when it scans the
   * stack (never while the goroutine runs). Returns true if the stack moved. Go: shrinkstack.
   */
  shrinkstack(g: number): boolean {
    if (this.shrinkDisabled) return false;
    const u32 = this.mem.u32;
    const lo = u32[(g + STK_LO) >>> 2];
    const hi = u32[(g + STK_HI) >>> 2];
    const fp = u32[(g + STK_FP) >>> 2];
    const oldsize = hi - lo;
    const newsize = oldsize / 2;
    if (newsize < StackMin) return false;
    const used = hi - fp + StackGuard;
    if (used >= oldsize / 4) return false;
    this.copystack(g, newsize);
    return true;
  }

  /** Moves g's stack to a new one of `newsize` bytes, adjusting every pointer into it. */
  copystack(g: number, newsize: number): void {
    const mem = this.mem;
    let u32 = mem.u32;
    const lo = u32[(g + STK_LO) >>> 2];
    const hi = u32[(g + STK_HI) >>> 2];
    const fp = u32[(g + STK_FP) >>> 2];
    const used = hi - fp;
    if (DEBUG) assert(used + StackGuard <= newsize, "copystack: new stack too small");
    const nlo = this.stackalloc(newsize);
    u32 = mem.u32; // stackalloc may have grown memory
    const nhi = nlo + newsize;
    const nfp = nhi - used;
    mem.move(nfp, fp, used);
    const delta = nhi - hi;
    if (used > 0) this.adjustFrames(nfp, lo, hi, delta);
    if (this.adjustHook !== null) this.adjustHook.adjustExtra(g, lo, hi, delta);
    u32 = mem.u32;
    u32[(g + STK_LO) >>> 2] = nlo;
    u32[(g + STK_HI) >>> 2] = nhi;
    u32[(g + STK_FP) >>> 2] = nfp;
    u32[(g + STK_GUARD) >>> 2] = nlo + StackGuard;
    this.stackfree(lo, hi - lo);
    this.copies++;
  }

  /** Walks the copied frames from `fp`, relocating links and pointer slots into [lo, hi). */
  private adjustFrames(fp: number, lo: number, hi: number, delta: number): void {
    adjustStackFrames(this.mem, this.stackMaps, fp, lo, hi, delta);
  }
}

/**
 * copystack's frame walk (also run by worker-thread Ms growing a stack locally, mstackcache.ts):
 * the frames of a stack copied from [lo, hi) start at `fp`; relinks them and adds `delta` to
 * every pointer slot (per the stack maps) whose value lies in [lo, hi).
 */
export function adjustStackFrames(mem: LinearMemory, maps: StackMapSource | null, fp: number, lo: number, hi: number, delta: number): void {
  const u32 = mem.u32;
  let f = fp;
  while (f !== 0) {
    const link = u32[(f + FR_LINK) >>> 2];
    let nlink = 0;
    if (link !== 0) {
      if (DEBUG) assert(link >= lo && link < hi, "frame link outside its stack");
      nlink = (link + delta) >>> 0;
      u32[(f + FR_LINK) >>> 2] = nlink;
    }
    if (maps !== null) {
      const bm = maps.stackMapAddr(u32[(f + FR_FUNC) >>> 2], u32[(f + FR_PC) >>> 2]);
      if (bm !== 0) {
        const nslots = u32[bm >>> 2];
        if (DEBUG) assert(FR_SLOTS + nslots * 8 <= u32[(f + FR_SIZE) >>> 2], "stack map larger than its frame");
        for (let w = 0; w < nslots; w += 32) {
          let bits = u32[(bm >>> 2) + 1 + (w >>> 5)];
          while (bits !== 0) {
            const b = 31 - Math.clz32(bits & -bits);
            bits &= bits - 1;
            const i = w + b;
            if (i >= nslots) break;
            const slot = (f + FR_SLOTS + i * 8) >>> 2;
            const v = u32[slot];
            if (v >= lo && v < hi) {
              u32[slot] = (v + delta) >>> 0;
            } else if (v !== 0 && v < 4096) {
              fatal(
                "invalid pointer found on stack",
                `runtime: bad pointer in frame ${u32[(f + FR_FUNC) >>> 2]} at ${hex(f + FR_SLOTS + i * 8)}: ${hex(v)}\n`,
              );
            }
          }
        }
      }
    }
    f = nlink;
  }
}
