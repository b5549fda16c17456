/**
 * mcentral.ts — per-span-class central lists of spans with free slots. Counterpart of Go's
 * mcentral.go (written afresh).
 *
 * One MCentral per span class (136), 16 bytes each at 0x3000:
 *
 *   +0  partial[0]  u32   head of a span stack (linked through SP_NEXT)
 *   +4  partial[1]  u32
 *   +8  full[0]     u32
 *   +12 full[1]     u32
 *
 * As in Go, which index holds the *swept* spans flips every GC cycle: with sg = sweepgen,
 * partial[(sg >>> 1) & 1] holds swept spans with free slots and partial[1 − that] holds spans not
 * yet swept this cycle (same for full). Advancing sweepgen by 2 at the start of a sweep phase thus
 * turns every swept list into an unswept one without touching a span.
 *
 * cacheSpan(spc): partial swept → partial unswept (sweep it, keep it) → full unswept (sweep; keep
 * it if that freed a slot, else park it in full swept) → a new span from the heap. Sweeping goes
 * through `sweeper` (the GC half's sweep, or BasicSweeper below). A budget of 100 spans bounds the
 * sweeping done by one refill, as in Go.
 *
 * Lists are single-threaded stacks today; when Ms run on worker threads each MCentral gets a
 * lock word. Rejected for now: Go's lock-free spanSet (a chunked array with atomic push/pop
 * indices) — its point is contention between many Ps, and a stack under a short lock is enough
 * for us because refills happen about once per 8 KiB allocated. Rejected: one list per class
 * without the swept/unswept split — the sweeper would have to walk every span at the start of a
 * cycle instead of flipping an index.
 */

import { assert, DEBUG } from "./debug.js";
import type { LinearMemory } from "./mem.js";
import { HG_SWEEPGEN, type MHeap } from "./mheap.js";
import {
  nextFreeIndex,
  refillAllocCache,
  SP_ALLOCCOUNT,
  SP_ELEMSIZE,
  SP_NELEMS,
  SP_NEXT,
  SP_SPANCLASS,
  SP_SWEEPGEN,
  sweepBits,
} from "./mspan.js";
import { classToAllocNPages, NUM_SPAN_CLASSES } from "./sizeclasses.js";
import { ST_LARGE_FREE, ST_LARGE_FREE_COUNT, ST_SMALL_FREE } from "./mstats.js";

export const MCENTRAL = 0x3000;
export const MCENTRAL_BYTES = 16;

/** Sweeps one span. Go: sweepLocked.sweep. */
export interface SpanSweeper {
  /**
   * Sweeps span s, whose sweepgen the caller has already moved from sg−2 (or sg+1) to sg−1.
   * Frees unmarked objects, sets s.sweepgen = sg. With preserve = false it also puts s on its
   * mcentral swept list or frees it to the heap when empty; with preserve = true the caller keeps
   * s (never freed). Returns true if s was freed to the heap.
   */
  sweep(s: number, preserve: boolean): boolean;
}

export class MCentrals {
  readonly mem: LinearMemory;
  readonly mheap: MHeap;
  sweeper: SpanSweeper;

  constructor(mem: LinearMemory, mheap: MHeap) {
    this.mem = mem;
    this.mheap = mheap;
    this.sweeper = new BasicSweeper(this);
    mem.u8.fill(0, MCENTRAL, MCENTRAL + NUM_SPAN_CLASSES * MCENTRAL_BYTES);
  }

  /** Address of the list head word: kind 0 = partial, 1 = full; swept selects by sweepgen. */
  listAddr(spc: number, full: boolean, swept: boolean): number {
    const sg = this.mem.u32[HG_SWEEPGEN >>> 2];
    const i = ((sg >>> 1) & 1) ^ (swept ? 0 : 1);
    return MCENTRAL + spc * MCENTRAL_BYTES + (full ? 8 : 0) + i * 4;
  }

  private push(list: number, s: number): void {
    const u32 = this.mem.u32;
    u32[(s + SP_NEXT) >>> 2] = u32[list >>> 2];
    u32[list >>> 2] = s;
  }

  private pop(list: number): number {
    const u32 = this.mem.u32;
    const s = u32[list >>> 2];
    if (s !== 0) {
      u32[list >>> 2] = u32[(s + SP_NEXT) >>> 2];
      u32[(s + SP_NEXT) >>> 2] = 0;
    }
    return s;
  }

  /** Pushes a swept span onto its class's partial or full swept list. */
  pushSwept(s: number): void {
    const u32 = this.mem.u32;
    const spc = this.mem.u8[s + SP_SPANCLASS];
    const full = u32[(s + SP_ALLOCCOUNT) >>> 2] === u32[(s + SP_NELEMS) >>> 2];
    this.push(this.listAddr(spc, full, true), s);
  }

  /** Pushes a span (swept or not, per its sweepgen) onto the matching full list (large spans). */
  pushFull(s: number, swept: boolean): void {
    this.push(this.listAddr(this.mem.u8[s + SP_SPANCLASS], true, swept), s);
  }

  /**
   * Pops one span of class spc that needs sweeping this cycle (unswept partial, then unswept
   * full) and claims it (sweepgen sg−1); 0 if none. For the background sweeper.
   */
  popUnswept(spc: number): number {
    const u32 = this.mem.u32;
    const sg = this.mheap.sweepgen;
    for (let k = 0; k < 2; k++) {
      const list = this.listAddr(spc, k === 1, false);
      for (;;) {
        const s = this.pop(list);
        if (s === 0) break;
        if (u32[(s + SP_SWEEPGEN) >>> 2] === ((sg - 2) >>> 0)) {
          u32[(s + SP_SWEEPGEN) >>> 2] = (sg - 1) >>> 0;
          return s;
        }
        // Already swept by someone else (it would not be on an unswept list then): skip it.
        if (DEBUG) assert(false, "span on an unswept list with a foreign sweepgen");
      }
    }
    return 0;
  }

  /**
   * Returns a span of class spc with at least one free slot, swept, freeindex/allocCache at the
   * first free slot. Go: mcentral.cacheSpan.
   */
  cacheSpan(spc: number): number {
    const mem = this.mem;
    // Views are re-read after every sweep: a sweeper may allocate (finalizer records) and grow
    // memory, leaving a cached view short.
    const sg = this.mheap.sweepgen;
    let s = this.pop(this.listAddr(spc, false, true));
    if (s !== 0) return this.prepare(s);
    let budget = 100;
    const pu = this.listAddr(spc, false, false);
    for (; budget >= 0; budget--) {
      s = this.pop(pu);
      if (s === 0) break;
      if (mem.u32[(s + SP_SWEEPGEN) >>> 2] === ((sg - 2) >>> 0)) {
        mem.u32[(s + SP_SWEEPGEN) >>> 2] = (sg - 1) >>> 0;
        this.sweeper.sweep(s, true);
        return this.prepare(s);
      }
    }
    const fu = this.listAddr(spc, true, false);
    for (; budget >= 0; budget--) {
      s = this.pop(fu);
      if (s === 0) break;
      if (mem.u32[(s + SP_SWEEPGEN) >>> 2] === ((sg - 2) >>> 0)) {
        mem.u32[(s + SP_SWEEPGEN) >>> 2] = (sg - 1) >>> 0;
        this.sweeper.sweep(s, true);
        if (mem.u32[(s + SP_ALLOCCOUNT) >>> 2] < mem.u32[(s + SP_NELEMS) >>> 2]) return this.prepare(s);
        this.push(this.listAddr(spc, true, true), s);
      }
    }
    s = this.mheap.allocSpan(classToAllocNPages[spc >>> 1], spc);
    return this.prepare(s);
  }

  private prepare(s: number): number {
    const mem = this.mem;
    if (DEBUG) assert(mem.u32[(s + SP_ALLOCCOUNT) >>> 2] < mem.u32[(s + SP_NELEMS) >>> 2], "cached span is full");
    nextFreeIndex(mem, s);
    refillAllocCache(mem, s);
    return s;
  }

  /**
   * Takes back a span from an mcache. Go: mcentral.uncacheSpan. If the span was cached before
   * this sweep phase began (sweepgen sg+1) it is swept now; otherwise it goes on a swept list.
   */
  uncacheSpan(s: number): void {
    const u32 = this.mem.u32;
    const sg = this.mheap.sweepgen;
    const ssg = u32[(s + SP_SWEEPGEN) >>> 2];
    if (DEBUG) assert(ssg === ((sg + 1) >>> 0) || ssg === ((sg + 3) >>> 0), "uncaching a span with a bad sweepgen");
    if (ssg === ((sg + 1) >>> 0)) {
      u32[(s + SP_SWEEPGEN) >>> 2] = (sg - 1) >>> 0;
      this.sweeper.sweep(s, false);
      return;
    }
    u32[(s + SP_SWEEPGEN) >>> 2] = sg;
    this.pushSwept(s);
  }
}

/**
 * The sweeper used until the GC half installs its own: frees unmarked objects (no specials or
 * finalizers), counts the frees, relinks or frees the span. Also what tests use to "free" objects:
 * clear their mark bits, advance sweepgen by 2, sweep.
 */
export class BasicSweeper implements SpanSweeper {
  constructor(private readonly central: MCentrals) {}

  sweep(s: number, preserve: boolean): boolean {
    const c = this.central;
    const mem = c.mem;
    const u32 = mem.u32;
    const spc = mem.u8[s + SP_SPANCLASS];
    const sizeclass = spc >>> 1;
    const freed = sweepBits(mem, s);
    u32[(s + SP_SWEEPGEN) >>> 2] = c.mheap.sweepgen;
    if (sizeclass === 0) {
      if (freed > 0) {
        mem.f64[ST_LARGE_FREE >>> 3] += u32[(s + SP_ELEMSIZE) >>> 2];
        mem.f64[ST_LARGE_FREE_COUNT >>> 3] += 1;
        if (DEBUG) assert(!preserve, "large spans are never preserved");
        c.mheap.freeSpan(s);
        return true;
      }
      if (!preserve) c.pushFull(s, true);
      return false;
    }
    mem.f64[(ST_SMALL_FREE >>> 3) + sizeclass] += freed;
    if (preserve) return false;
    if (u32[(s + SP_ALLOCCOUNT) >>> 2] === 0) {
      c.mheap.freeSpan(s);
      return true;
    }
    c.pushSwept(s);
    return false;
  }
}
