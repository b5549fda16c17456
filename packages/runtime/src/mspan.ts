/**
 * mspan.ts — span records in linear memory. Counterpart of the mspan part of Go's mheap.go and
 * of mbitmap.go's alloc/mark-bit helpers (written afresh).
 *
 * A span is a run of whole 8 KiB pages holding either objects of one size class ("small"), one
 * large object, or runtime-managed memory such as goroutine stacks ("manual"). Its record is a
 * fixed 336-byte struct allocated by the heap's span fixalloc (never in the span's own pages):
 *
 *   +0   next         u32  link in an mcentral span set or a stack pool list (owner: that list)
 *   +4   allNext      u32  allspans list (spans in state inUse/manual), address order not kept
 *   +8   allPrev      u32
 *   +12  startAddr    u32  first byte (8 KiB aligned)
 *   +16  npages       u32
 *   +20  nelems       u32  object slots (large: 1; manual: set by the stack pool)
 *   +24  elemsize     u32  bytes per slot (large: npages·8192)
 *   +28  freeindex    u32  allocation scans for a free slot from here; slots below are taken
 *   +32  allocCount   u32  allocated slots (valid for spans not being allocated from by an mcache
 *                          concurrently; the owning mcache updates it on every allocation)
 *   +36  allocBits    u32  addr of the alloc bitmap (state as of the last sweep)
 *   +40  gcmarkBits   u32  addr of the mark bitmap (written by the GC)
 *   +44  sweepgen     u32  see the sweepgen protocol in HACKING.md
 *   +48  state        u8   SPAN_FREE / SPAN_INUSE / SPAN_MANUAL
 *   +49  spanclass    u8   sizeclass<<1 | noscan
 *   +50  needzero     u8   1 = the free slots may hold stale bytes
 *   +51  flags        u8   SPF_* bits
 *   +52  divMagic     u32  ceil(2^32/elemsize) (0 for large spans: index is always 0)
 *   +56  limit        u32  startAddr + nelems·elemsize (end of the object area)
 *   +60  allocCache   u32  ~allocBits from freeindex (bit 0 = slot freeindex), see nextFreeFast
 *   +64  specials     u32  special records (finalizers); owned by the GC half
 *   +68  allocCountBeforeCache u32  allocCount when an mcache took the span (stats on release)
 *   +72  manualFree   u32  manual spans: head of the free-chunk list inside the span
 *   +76  ptrBits      u32  byte address of the heap pointer bitmap byte covering startAddr (its
 *                          bit 0 is the span's first word); set at allocation for heap spans
 *   +80  bitsA   32×u32   inline bitmap (≤ 1024 slots — the most any size class has)
 *   +208 bitsB   32×u32   inline bitmap; allocBits/gcmarkBits point at A or B and swap at sweep
 *
 * Alloc/mark bit of slot i: bit (i & 31) of the u32 at bits + 4·(i >>> 5).
 *
 * Rejected: Go's gcBits arenas (mark bitmaps bump-allocated per cycle and freed two cycles later).
 * They save the 256 inline bytes for spans with few objects, but need an epoch-based free
 * protocol; the inline pair costs ≤ 4 % of a one-page span and makes "swap at sweep" two stores.
 */

import type { LinearMemory } from "./mem.js";

/**
 * Span record size: 336 bytes of fields and inline bitmaps, padded to 384 and allocated 64-byte
 * aligned so that every field the marker reads per pointer (+12 … +60) sits in one cache line
 * (measured: see HACKING.md "Collector" benchmarks).
 */
export const SPAN_BYTES = 384;
/** Alignment of span records (one cache line). */
export const SPAN_ALIGN = 64;

export const SP_NEXT = 0;
export const SP_ALLNEXT = 4;
export const SP_ALLPREV = 8;
export const SP_START = 12;
export const SP_NPAGES = 16;
export const SP_NELEMS = 20;
export const SP_ELEMSIZE = 24;
export const SP_FREEINDEX = 28;
export const SP_ALLOCCOUNT = 32;
export const SP_ALLOCBITS = 36;
export const SP_GCMARKBITS = 40;
export const SP_SWEEPGEN = 44;
export const SP_STATE = 48; // u8
export const SP_SPANCLASS = 49; // u8
export const SP_NEEDZERO = 50; // u8
export const SP_FLAGS = 51; // u8
export const SP_DIVMAGIC = 52;
export const SP_LIMIT = 56;
export const SP_ALLOCCACHE = 60;
export const SP_SPECIALS = 64;
export const SP_ALLOCCOUNT_BEFORE_CACHE = 68;
export const SP_MANUALFREE = 72;
export const SP_PTRBITS = 76;
export const SP_BITS_A = 80;
export const SP_BITS_B = 208;
/** Bytes of one inline bitmap (1024 slots). */
export const SPAN_BITMAP_BYTES = 128;

export const SPAN_FREE = 0;
export const SPAN_INUSE = 1;
export const SPAN_MANUAL = 2;

/** flags: the span is currently cached by an mcache. */
export const SPF_CACHED = 1;

/** spanclass of a size class and scan/noscan. */
export function makeSpanClass(sizeclass: number, noscan: boolean): number {
  return (sizeclass << 1) | (noscan ? 1 : 0);
}

// ── alloc/mark bits ──

/** True if slot i is marked in the span's gcmarkBits. */
export function spanIsMarked(mem: LinearMemory, s: number, i: number): boolean {
  const bits = mem.u32[(s + SP_GCMARKBITS) >>> 2];
  return (mem.u32[(bits + ((i >>> 5) << 2)) >>> 2] & (1 << (i & 31))) !== 0;
}

/**
 * Sets slot i's mark bit; returns true if it was clear (the caller greys the object). Atomic:
 * an idle mark worker on another thread may be setting a bit of the same word (mgcidle.ts);
 * only allocate-black calls this, during a mark.
 */
export function spanSetMarked(mem: LinearMemory, s: number, i: number): boolean {
  const w = (mem.u32[(s + SP_GCMARKBITS) >>> 2] + ((i >>> 5) << 2)) >>> 2;
  const m = 1 << (i & 31);
  return (Atomics.or(mem.i32, w, m) & m) === 0;
}

/** True if slot i is allocated: below freeindex, or set in allocBits. */
export function spanIsAllocated(mem: LinearMemory, s: number, i: number): boolean {
  const u32 = mem.u32;
  if (i < u32[(s + SP_FREEINDEX) >>> 2]) return true;
  const bits = u32[(s + SP_ALLOCBITS) >>> 2];
  return (u32[(bits + ((i >>> 5) << 2)) >>> 2] & (1 << (i & 31))) !== 0;
}

/** Slot index of addr within span s (addr must be inside [start, limit)). */
export function objIndex(mem: LinearMemory, s: number, addr: number): number {
  const u32 = mem.u32;
  const off = addr - u32[(s + SP_START) >>> 2];
  const magic = u32[(s + SP_DIVMAGIC) >>> 2];
  if (magic === 0) return 0;
  // off < 2^17 and magic < 2^32: the product is exact in a double (< 2^53).
  return Math.floor((off * magic) / 4294967296);
}

/** Population count of a u32. */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Number of set bits among the first n bits of the bitmap at addr. */
export function countBits(mem: LinearMemory, addr: number, n: number): number {
  const u32 = mem.u32;
  let c = 0;
  const full = n >>> 5;
  const base = addr >>> 2;
  for (let w = 0; w < full; w++) c += popcount32(u32[base + w]);
  const rem = n & 31;
  if (rem !== 0) c += popcount32(u32[base + full] & ((1 << rem) - 1));
  return c;
}

/** Number of marked slots in span s. */
export function spanCountMarked(mem: LinearMemory, s: number): number {
  const u32 = mem.u32;
  return countBits(mem, u32[(s + SP_GCMARKBITS) >>> 2], u32[(s + SP_NELEMS) >>> 2]);
}

/**
 * Loads allocCache for the 32-slot group containing freeindex: the inverted alloc bits shifted so
 * bit 0 is slot freeindex (0 when freeindex ≥ nelems).
 */
export function refillAllocCache(mem: LinearMemory, s: number): void {
  const u32 = mem.u32;
  const fi = u32[(s + SP_FREEINDEX) >>> 2];
  if (fi >= u32[(s + SP_NELEMS) >>> 2]) {
    u32[(s + SP_ALLOCCACHE) >>> 2] = 0;
    return;
  }
  const bits = u32[(s + SP_ALLOCBITS) >>> 2];
  const inv = ~u32[(bits + ((fi >>> 5) << 2)) >>> 2];
  u32[(s + SP_ALLOCCACHE) >>> 2] = inv >>> (fi & 31);
}

/**
 * The slow half of slot search: the first free slot at or after freeindex, re-reading the alloc
 * bits word by word (the stored allocCache is ignored, so the result never depends on whether
 * the cache was loaded). Returns nelems if none. Leaves freeindex at the result and allocCache
 * holding the free bits from it to the end of its 32-slot group.
 */
export function nextFreeIndex(mem: LinearMemory, s: number): number {
  const u32 = mem.u32;
  const sb = s >>> 2;
  const nelems = u32[sb + (SP_NELEMS >>> 2)];
  let fi = u32[sb + (SP_FREEINDEX >>> 2)];
  const bits = u32[sb + (SP_ALLOCBITS >>> 2)];
  while (fi < nelems) {
    const cache = ~u32[(bits + ((fi >>> 5) << 2)) >>> 2] >>> (fi & 31);
    if (cache !== 0) {
      const tz = 31 - Math.clz32(cache & -cache);
      const r = fi + tz;
      if (r >= nelems) break;
      u32[sb + (SP_FREEINDEX >>> 2)] = r;
      u32[sb + (SP_ALLOCCACHE >>> 2)] = cache >>> tz;
      return r;
    }
    fi = (fi + 32) & ~31;
  }
  u32[sb + (SP_FREEINDEX >>> 2)] = nelems;
  u32[sb + (SP_ALLOCCACHE >>> 2)] = 0;
  return nelems;
}

/**
 * Sweeps the bitmaps of span s (a small-object span): slots allocated but not marked become
 * free. allocBits ← gcmarkBits, gcmarkBits ← the old alloc bitmap zeroed, allocCount ← marked
 * count, freeindex ← 0. Returns the number of objects freed. Does not touch specials, lists or
 * stats: the sweeper (GC half, or BasicSweeper) does.
 * Precondition: the caller owns the span (sweepgen claimed) and it is not in an mcache.
 */
export function sweepBits(mem: LinearMemory, s: number): number {
  const u32 = mem.u32;
  const sb = s >>> 2;
  const nelems = u32[sb + (SP_NELEMS >>> 2)];
  const oldCount = u32[sb + (SP_ALLOCCOUNT >>> 2)];
  const mark = u32[sb + (SP_GCMARKBITS >>> 2)];
  const alloc = u32[sb + (SP_ALLOCBITS >>> 2)];
  const live = countBits(mem, mark, nelems);
  u32[sb + (SP_ALLOCBITS >>> 2)] = mark;
  u32[sb + (SP_GCMARKBITS >>> 2)] = alloc;
  for (let w = alloc >>> 2, e = w + ((nelems + 31) >>> 5); w < e; w++) u32[w] = 0;
  u32[sb + (SP_ALLOCCOUNT >>> 2)] = live;
  u32[sb + (SP_FREEINDEX >>> 2)] = 0;
  refillAllocCache(mem, s);
  const freed = oldCount - live;
  if (freed > 0) mem.u8[s + SP_NEEDZERO] = 1;
  return freed;
}
