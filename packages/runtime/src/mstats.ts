/**
 * mstats.ts — memory statistics: the counters (in linear memory) and runtime.MemStats.
 * Counterpart of Go's mstats.go (written afresh).
 *
 * Counters are f64 slots in the low region (exact integers below 2^53). Writers:
 *   heap page accounting (HEAP_INUSE/FREE/RELEASED, STACK_INUSE, *_SYS) — mheap.ts, when pages
 *     change hands; all under the heap lock (single thread today).
 *   SMALL_ALLOC[c] — mcache.ts when a span leaves an mcache (allocCount − allocCountBeforeCache),
 *     so the allocation fast path updates no counter; ReadMemStats flushes every mcache first.
 *   SMALL_FREE[c], LARGE_FREE* — the sweeper (GC half / BasicSweeper).
 *   LARGE_ALLOC*, TINY_ALLOC_COUNT — malloc.ts (large path / mcache flush).
 *   HEAP_LIVE, HEAP_SCAN — malloc/mcache for the pacer (Go's gcController.heapLive/heapScan);
 *     the GC half resets HEAP_LIVE to the marked bytes at mark termination.
 *   NEXT_GC … GC_CPU_FRACTION, PAUSE_NS/PAUSE_END — the GC half.
 *
 * Identities (checked by testing.ts verifyHeap):
 *   Sys = committed linear memory
 *       = HeapSys + StackSys + MSpanSys + MCacheSys + BuckHashSys + GCSys + OtherSys
 *   HeapSys = HeapInuse + HeapIdle, HeapIdle = free pages (HeapReleased of them zeroed/released)
 *   HeapInuse = Σ pages of inUse spans; StackInuse = Σ pages of manual spans
 *   HeapAlloc = TotalAlloc − freed bytes = Σ allocCount·elemsize over small spans + Σ large spans
 *     (after flushing the mcaches)
 *   Mallocs − Frees = HeapObjects = Σ allocCount (+ large spans); tiny allocations count in both.
 */

import type { LinearMemory } from "./mem.js";
import { classToSize, NUM_SIZE_CLASSES } from "./sizeclasses.js";

const ST = 0x1400;
/** f64 slot addresses. */
export const ST_HEAP_INUSE = ST + 0;
export const ST_HEAP_FREE = ST + 8;
export const ST_HEAP_RELEASED = ST + 16;
export const ST_STACK_INUSE = ST + 24;
export const ST_GC_SYS = ST + 32;
export const ST_OTHER_SYS = ST + 40;
export const ST_MSPAN_SYS = ST + 48;
export const ST_MSPAN_INUSE = ST + 56;
export const ST_MCACHE_SYS = ST + 64;
export const ST_MCACHE_INUSE = ST + 72;
export const ST_BUCKHASH_SYS = ST + 80;
export const ST_LARGE_ALLOC = ST + 88;
export const ST_LARGE_ALLOC_COUNT = ST + 96;
export const ST_LARGE_FREE = ST + 104;
export const ST_LARGE_FREE_COUNT = ST + 112;
export const ST_TINY_ALLOC_COUNT = ST + 120;
export const ST_HEAP_LIVE = ST + 128;
export const ST_HEAP_SCAN = ST + 136;
export const ST_NEXT_GC = ST + 144;
export const ST_LAST_GC = ST + 152;
export const ST_PAUSE_TOTAL_NS = ST + 160;
export const ST_NUM_GC = ST + 168;
export const ST_NUM_FORCED_GC = ST + 176;
export const ST_GC_CPU_FRACTION = ST + 184;
/** Bytes of stack memory in use by goroutines (sum of their stack sizes). */
export const ST_STACKS_LIVE = ST + 192;
/** 68 f64: small allocations per size class (cumulative). */
export const ST_SMALL_ALLOC = ST + 256;
/** 68 f64: small objects freed per size class (cumulative). */
export const ST_SMALL_FREE = ST_SMALL_ALLOC + 8 * NUM_SIZE_CLASSES;
/** End of the scalar region (must stay ≤ 0x2000). */
export const ST_END = ST_SMALL_FREE + 8 * NUM_SIZE_CLASSES;
/** 256 f64 each, circular by NumGC (Go's PauseNs/PauseEnd). */
export const ST_PAUSE_NS = 0x5000;
export const ST_PAUSE_END = 0x5800;

/** One row of MemStats.BySize. */
export interface MemStatsBySize {
  Size: number;
  Mallocs: number;
  Frees: number;
}

/** runtime.MemStats with Go's field meanings (numbers: exact integers below 2^53). */
export interface MemStats {
  Alloc: number;
  TotalAlloc: number;
  Sys: number;
  Lookups: number;
  Mallocs: number;
  Frees: number;
  HeapAlloc: number;
  HeapSys: number;
  HeapIdle: number;
  HeapInuse: number;
  HeapReleased: number;
  HeapObjects: number;
  StackInuse: number;
  StackSys: number;
  MSpanInuse: number;
  MSpanSys: number;
  MCacheInuse: number;
  MCacheSys: number;
  BuckHashSys: number;
  GCSys: number;
  OtherSys: number;
  NextGC: number;
  LastGC: number;
  PauseTotalNs: number;
  PauseNs: number[];
  PauseEnd: number[];
  NumGC: number;
  NumForcedGC: number;
  GCCPUFraction: number;
  EnableGC: boolean;
  DebugGC: boolean;
  BySize: MemStatsBySize[];
}

/** Reads counter slot `slot` (an ST_* address). */
export function stat(mem: LinearMemory, slot: number): number {
  return mem.f64[slot >>> 3];
}

/** Adds `delta` to counter slot `slot`. */
export function statAdd(mem: LinearMemory, slot: number, delta: number): void {
  mem.f64[slot >>> 3] += delta;
}

/**
 * Builds MemStats from the counters. Precondition: every mcache has been flushed (Heap.readMemStats
 * does it) — otherwise allocations in cached spans are missing from Mallocs/TotalAlloc.
 */
export function memStatsFromCounters(mem: LinearMemory): MemStats {
  const f = mem.f64;
  let totalAlloc = f[ST_LARGE_ALLOC >>> 3];
  let nMalloc = f[ST_LARGE_ALLOC_COUNT >>> 3];
  let totalFree = f[ST_LARGE_FREE >>> 3];
  let nFree = f[ST_LARGE_FREE_COUNT >>> 3];
  const bySize: MemStatsBySize[] = [];
  for (let c = 0; c < NUM_SIZE_CLASSES; c++) {
    const a = f[(ST_SMALL_ALLOC >>> 3) + c];
    const fr = f[(ST_SMALL_FREE >>> 3) + c];
    totalAlloc += a * classToSize[c];
    nMalloc += a;
    totalFree += fr * classToSize[c];
    nFree += fr;
    if (c < 61) bySize.push({ Size: classToSize[c], Mallocs: a, Frees: fr });
  }
  const tiny = f[ST_TINY_ALLOC_COUNT >>> 3];
  nMalloc += tiny;
  nFree += tiny;
  const heapInuse = f[ST_HEAP_INUSE >>> 3];
  const heapFree = f[ST_HEAP_FREE >>> 3];
  const heapReleased = f[ST_HEAP_RELEASED >>> 3];
  const stackInuse = f[ST_STACK_INUSE >>> 3];
  const mspanSys = f[ST_MSPAN_SYS >>> 3];
  const mcacheSys = f[ST_MCACHE_SYS >>> 3];
  const buckSys = f[ST_BUCKHASH_SYS >>> 3];
  const gcSys = f[ST_GC_SYS >>> 3];
  const otherSys = f[ST_OTHER_SYS >>> 3];
  const heapSys = heapInuse + heapFree + heapReleased;
  const pauseNs: number[] = [];
  const pauseEnd: number[] = [];
  for (let i = 0; i < 256; i++) {
    pauseNs.push(f[(ST_PAUSE_NS >>> 3) + i]);
    pauseEnd.push(f[(ST_PAUSE_END >>> 3) + i]);
  }
  return {
    Alloc: totalAlloc - totalFree,
    TotalAlloc: totalAlloc,
    Sys: heapSys + stackInuse + mspanSys + mcacheSys + buckSys + gcSys + otherSys,
    Lookups: 0,
    Mallocs: nMalloc,
    Frees: nFree,
    HeapAlloc: totalAlloc - totalFree,
    HeapSys: heapSys,
    HeapIdle: heapFree + heapReleased,
    HeapInuse: heapInuse,
    HeapReleased: heapReleased,
    HeapObjects: nMalloc - nFree,
    StackInuse: stackInuse,
    StackSys: stackInuse,
    MSpanInuse: f[ST_MSPAN_INUSE >>> 3],
    MSpanSys: mspanSys,
    MCacheInuse: f[ST_MCACHE_INUSE >>> 3],
    MCacheSys: mcacheSys,
    BuckHashSys: buckSys,
    GCSys: gcSys,
    OtherSys: otherSys,
    NextGC: f[ST_NEXT_GC >>> 3],
    LastGC: f[ST_LAST_GC >>> 3],
    PauseTotalNs: f[ST_PAUSE_TOTAL_NS >>> 3],
    PauseNs: pauseNs,
    PauseEnd: pauseEnd,
    NumGC: f[ST_NUM_GC >>> 3],
    NumForcedGC: f[ST_NUM_FORCED_GC >>> 3],
    GCCPUFraction: f[ST_GC_CPU_FRACTION >>> 3],
    EnableGC: true,
    DebugGC: false,
    BySize: bySize,
  };
}
