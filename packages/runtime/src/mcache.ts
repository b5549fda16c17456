/**
 * mcache.ts — per-P allocation caches. Counterpart of Go's mcache.go (written afresh).
 *
 * Each P owns one mcache (608 bytes in linear memory, from persistentAlloc, counted as
 * MCacheSys/MCacheInuse):
 *
 *   +0   flushGen    u32  sweepgen at the last releaseAll (prepareForSweep compares it)
 *   +4   tiny        u32  current 16-byte tiny block (0 = none)
 *   +8   tinyoffset  u32  bytes of the tiny block already used
 *   +12  pad
 *   +16  tinyAllocs  f64  tiny allocations packed into blocks since the last flush
 *   +24  scanAlloc   f64  scannable bytes allocated since the last flush (→ HEAP_SCAN)
 *   +32  nextSample  f64  bytes left before the next heap-profile sample (malloc.ts, profmem.ts)
 *   +64  alloc[136]  u32  the span cached for each span class; `emptySpan` when none, so the
 *                          fast path needs no null check (Go's emptymspan)
 *
 * A span in alloc[] is owned by this P: only it changes freeindex/allocCount/allocCache. Its
 * sweepgen is sg+3 (cached after this cycle's sweep began) or sg+1 (cached in the previous
 * cycle: it must be swept when it leaves). Counting: the allocation fast path only bumps
 * allocCount; when a span leaves the cache, (allocCount − allocCountBeforeCache) goes to
 * SMALL_ALLOC[class]. heapLive is charged pessimistically with all free slots when a span is
 * cached and credited with the unused ones when it leaves — if it was cached in this cycle
 * (sg+3): mark termination resets heapLive to the marked bytes, which drops the charge of spans
 * cached before it (sg+1) — as Go does, so the pacer sees a value that never under-counts
 * between refills. scanAlloc (pacer's heapScan) is flushed to ST_HEAP_SCAN at every refill and
 * at releaseAll/flushStats.
 */

import { assert, DEBUG } from "./debug.js";
import type { LinearMemory } from "./mem.js";
import type { MCentrals } from "./mcentral.js";
import type { MHeap } from "./mheap.js";
import {
  SP_ALLOCCOUNT,
  SP_ALLOCCOUNT_BEFORE_CACHE,
  SP_ELEMSIZE,
  SP_FLAGS,
  SP_NELEMS,
  SP_SPANCLASS,
  SP_SWEEPGEN,
  SPAN_BYTES,
  SPF_CACHED,
} from "./mspan.js";
import { NUM_SPAN_CLASSES } from "./sizeclasses.js";
import { ST_HEAP_LIVE, ST_HEAP_SCAN, ST_MCACHE_INUSE, ST_MCACHE_SYS, ST_SMALL_ALLOC, ST_TINY_ALLOC_COUNT } from "./mstats.js";

export const MC_FLUSHGEN = 0;
export const MC_TINY = 4;
export const MC_TINYOFFSET = 8;
export const MC_TINYALLOCS = 16;
export const MC_SCANALLOC = 24;
export const MC_NEXTSAMPLE = 32;
export const MC_ALLOC = 64;
export const MCACHE_BYTES = MC_ALLOC + NUM_SPAN_CLASSES * 4;

export class MCaches {
  readonly mem: LinearMemory;
  readonly mheap: MHeap;
  readonly central: MCentrals;
  /** The placeholder span every empty alloc[] slot points at (nelems 0, allocCache 0). */
  readonly emptySpan: number;

  constructor(mem: LinearMemory, mheap: MHeap, central: MCentrals) {
    this.mem = mem;
    this.mheap = mheap;
    this.central = central;
    // A zeroed span record: allocCache 0 and nelems 0 send every allocation to the slow path.
    this.emptySpan = mheap.persistentAlloc(SPAN_BYTES, 8, ST_MCACHE_SYS);
  }

  /** Allocates and initialises an mcache. */
  create(): number {
    const mem = this.mem;
    const c = this.mheap.persistentAlloc(MCACHE_BYTES, 64, ST_MCACHE_SYS);
    mem.f64[ST_MCACHE_INUSE >>> 3] += MCACHE_BYTES;
    const u32 = mem.u32;
    u32[(c + MC_FLUSHGEN) >>> 2] = this.mheap.sweepgen;
    u32.fill(this.emptySpan, (c + MC_ALLOC) >>> 2, ((c + MC_ALLOC) >>> 2) + NUM_SPAN_CLASSES);
    return c;
  }

  /**
   * Replaces c's span of class spc (which must be full) by one with a free slot. Go: refill.
   * Returns the new span.
   */
  refill(c: number, spc: number): number {
    const mem = this.mem;
    let u32 = mem.u32;
    const slot = ((c + MC_ALLOC) >>> 2) + spc;
    const old = u32[slot];
    if (old !== this.emptySpan) {
      if (DEBUG) assert(u32[(old + SP_ALLOCCOUNT) >>> 2] === u32[(old + SP_NELEMS) >>> 2], "refill of a span with free slots");
      this.release(old);
      u32 = mem.u32;
    }
    const s = this.central.cacheSpan(spc);
    u32 = mem.u32; // cacheSpan may have grown memory
    const sb = s >>> 2;
    const count = u32[sb + (SP_ALLOCCOUNT >>> 2)];
    u32[sb + (SP_ALLOCCOUNT_BEFORE_CACHE >>> 2)] = count;
    u32[sb + (SP_SWEEPGEN >>> 2)] = (this.mheap.sweepgen + 3) >>> 0;
    mem.u8[s + SP_FLAGS] |= SPF_CACHED;
    const f = mem.f64;
    f[ST_HEAP_LIVE >>> 3] += (u32[sb + (SP_NELEMS >>> 2)] - count) * u32[sb + (SP_ELEMSIZE >>> 2)];
    // Publish the scannable bytes allocated since the last refill (Go flushes scanAlloc here),
    // so the pacer's heapScan lags by at most one span's worth per P.
    f[ST_HEAP_SCAN >>> 3] += f[(c + MC_SCANALLOC) >>> 3];
    f[(c + MC_SCANALLOC) >>> 3] = 0;
    u32[slot] = s;
    return s;
  }

  /** Hands span s back to its mcentral, settling its allocation counts. */
  private release(s: number): void {
    const mem = this.mem;
    const u32 = mem.u32;
    const sb = s >>> 2;
    const count = u32[sb + (SP_ALLOCCOUNT >>> 2)];
    const cls = mem.u8[s + SP_SPANCLASS] >>> 1;
    mem.f64[(ST_SMALL_ALLOC >>> 3) + cls] += count - u32[sb + (SP_ALLOCCOUNT_BEFORE_CACHE >>> 2)];
    // Credit back the slots charged to heapLive at refill but never used — only if the span was
    // cached this cycle (sg+3). A span at sg+1 was charged before mark termination reset
    // heapLive to the marked bytes, so its charge is already gone (Go: releaseAll).
    if (u32[sb + (SP_SWEEPGEN >>> 2)] === ((this.mheap.sweepgen + 3) >>> 0)) {
      mem.f64[ST_HEAP_LIVE >>> 3] -= (u32[sb + (SP_NELEMS >>> 2)] - count) * u32[sb + (SP_ELEMSIZE >>> 2)];
    }
    mem.u8[s + SP_FLAGS] &= ~SPF_CACHED;
    this.central.uncacheSpan(s);
  }

  /** Flushes all of c: spans back to mcentral, counters to the global stats. Go: releaseAll. */
  releaseAll(c: number): void {
    const mem = this.mem;
    const base = (c + MC_ALLOC) >>> 2;
    for (let spc = 0; spc < NUM_SPAN_CLASSES; spc++) {
      // Views re-read each time: a sweep in uncacheSpan may allocate and grow memory.
      const s = mem.u32[base + spc];
      if (s !== this.emptySpan) {
        this.release(s);
        mem.u32[base + spc] = this.emptySpan;
      }
    }
    const u32 = mem.u32;
    const f = mem.f64;
    u32[(c + MC_TINY) >>> 2] = 0;
    u32[(c + MC_TINYOFFSET) >>> 2] = 0;
    f[ST_TINY_ALLOC_COUNT >>> 3] += f[(c + MC_TINYALLOCS) >>> 3];
    f[(c + MC_TINYALLOCS) >>> 3] = 0;
    f[ST_HEAP_SCAN >>> 3] += f[(c + MC_SCANALLOC) >>> 3];
    f[(c + MC_SCANALLOC) >>> 3] = 0;
    u32[(c + MC_FLUSHGEN) >>> 2] = this.mheap.sweepgen;
  }

  /** Publishes c's scannable-bytes count to ST_HEAP_SCAN (the pacer's heapScan). */
  flushScanAlloc(c: number): void {
    const f = this.mem.f64;
    f[ST_HEAP_SCAN >>> 3] += f[(c + MC_SCANALLOC) >>> 3];
    f[(c + MC_SCANALLOC) >>> 3] = 0;
  }

  /** Flushes the counters only (keeps the spans). */
  flushStats(c: number): void {
    const f = this.mem.f64;
    f[ST_TINY_ALLOC_COUNT >>> 3] += f[(c + MC_TINYALLOCS) >>> 3];
    f[(c + MC_TINYALLOCS) >>> 3] = 0;
    f[ST_HEAP_SCAN >>> 3] += f[(c + MC_SCANALLOC) >>> 3];
    f[(c + MC_SCANALLOC) >>> 3] = 0;
  }

  /**
   * Called for every P at the start of a sweep phase (after sweepgen += 2): spans cached during
   * the previous cycle must not be allocated from before they are swept. Go: prepareForSweep.
   */
  prepareForSweep(c: number): void {
    if (this.mem.u32[(c + MC_FLUSHGEN) >>> 2] !== this.mheap.sweepgen) this.releaseAll(c);
  }
}
