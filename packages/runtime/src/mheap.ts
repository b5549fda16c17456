/**
 * mheap.ts — the page heap: arenas, the page allocator, span records, the page→span table,
 * scavenging, and the persistent allocator for runtime metadata. Counterpart of Go's mheap.go,
 * mpagealloc.go, mgcscavenge.go (accounting part), mfixalloc.go and malloc.go's persistentalloc
 * (written afresh).
 *
 * ARENAS. Linear memory is a sequence of arenas, each k × 4 MiB (k = 1 except for a large
 * object that needs more) and each starting with its own metadata:
 *
 *   base ┌─────────────────────────────┐  (arena 0: base 0; the low runtime region comes first
 *        │ header (64 B, AR_*)         │   and the header sits at 0x10000)
 *        │ spans[npages]   u32         │  page → span record (0 = no span)
 *        │ pageAlloc bitmap            │  1 bit/page, 1 = in use (metadata pages are in use)
 *        │ pageScav  bitmap            │  1 bit/page, 1 = free and released (known zero)
 *        │ ptrBits (size/64 bytes)     │  heap pointer bitmap, see mbitmap.ts
 *        ├─────────────────────────────┤  firstPage·8192 (rounded up to a page)
 *        │ data pages (8 KiB each)     │
 *        └─────────────────────────────┘  base + size
 *
 * The arena index (0x2000, 1024 u32) maps every 4 MiB slot of the address space to its arena
 * header, so page→span is two dependent loads. Metadata costs 4 + 1/4 + 128 bytes per page
 * (1.6 %); it is reported as GCSys like Go's heapArena metadata.
 *
 * PAGE ALLOCATOR. One bitmap per arena plus a per-arena summary: `freePages` and `maxRunHint`,
 * an upper bound of the longest free run (Go 1.14+ keeps exact max/start/end summaries in a radix
 * tree over 4 MiB chunks; our address space has at most 1024 chunks, so a flat list of arenas
 * with a conservative hint is enough). Allocation is address-ordered first fit like Go's, which
 * keeps the heap compact and makes high arenas the ones that empty out. Freeing clears bits, so
 * neighbouring free runs coalesce for free. Rejected: Go's pre-1.14 treap of free spans (needs
 * node allocation and rebalancing, and loses the free-run coalescing the bitmap gives for free);
 * a segregated free list (fragments, same node problem).
 *
 * SCAVENGING. We cannot give memory back to the OS (a SharedArrayBuffer never shrinks), so
 * "releasing" a free page means zeroing it and setting its pageScav bit; it then counts in
 * HeapReleased. Newly grown memory is zero and starts released, as in Go. A span whose pages
 * were all released needs no zeroing (needzero = 0).
 *
 * METADATA ALLOCATION. Span records come from a fixalloc (free list + persistent chunks);
 * persistentAlloc bump-allocates from 64 KiB chunks of pages taken from the heap (pageAlloc bit
 * set, no span, accounted as OtherSys, then moved to the requesting stat as Go does).
 *
 * Invariants: a page is either free (pageAlloc 0, spans entry 0), a metadata/persistent page
 * (pageAlloc 1, spans 0), or in exactly one span (pageAlloc 1, spans = that span for every page).
 * pageScav 1 ⇒ pageAlloc 0 and the page is all zero. Sys = committed bytes.
 */

import { assert, DEBUG, fatal } from "./debug.js";
import { ARENA_BYTES, ARENA_SHIFT, LinearMemory, LOW_REGION_BYTES } from "./mem.js";
import {
  SP_ALLNEXT,
  SP_ALLOCBITS,
  SP_ALLOCCACHE,
  SP_ALLPREV,
  SP_BITS_A,
  SP_BITS_B,
  SP_DIVMAGIC,
  SP_ELEMSIZE,
  SP_GCMARKBITS,
  SP_LIMIT,
  SP_NEEDZERO,
  SP_NELEMS,
  SP_NEXT,
  SP_NPAGES,
  SP_PTRBITS,
  SP_SPANCLASS,
  SP_SPECIALS,
  SP_START,
  SP_STATE,
  SP_SWEEPGEN,
  SPAN_ALIGN,
  SPAN_BYTES,
  SPAN_FREE,
  SPAN_INUSE,
  SPAN_MANUAL,
} from "./mspan.js";
import { classToDivMagic, classToNObjects, classToSize, PAGE_SHIFT, PAGE_SIZE } from "./sizeclasses.js";
import {
  ST_GC_SYS,
  ST_HEAP_FREE,
  ST_HEAP_INUSE,
  ST_HEAP_RELEASED,
  ST_MSPAN_INUSE,
  ST_MSPAN_SYS,
  ST_OTHER_SYS,
  ST_STACK_INUSE,
} from "./mstats.js";

// ── heap globals (0x1200, 512 B). Words +0x100.. are reserved for the GC half. ──
export const HG = 0x1200;
/** u32: current sweep generation (+2 per GC cycle, written by the GC half). */
export const HG_SWEEPGEN = HG + 0;
/** u32: GC phase (0 off, 1 mark, 2 mark termination) — written by the GC half. */
export const HG_GCPHASE = HG + 4;
/** u32: 1 while mutators must assist / allocate black (Go's gcBlackenEnabled). */
export const HG_BLACKEN = HG + 8;
/** u32: first arena header (address order). */
export const HG_ARENAS = HG + 12;
/** u32: last arena header. */
export const HG_ARENA_LAST = HG + 16;
/** u32: allspans list head. */
export const HG_ALLSPANS = HG + 20;
/** u32: free span records (linked through SP_NEXT). */
export const HG_SPANFREE = HG + 24;
/** u32: persistentAlloc bump pointer and chunk end. */
export const HG_PERSIST_CUR = HG + 28;
export const HG_PERSIST_END = HG + 32;
/** u32: number of span records in use. */
export const HG_NSPANS = HG + 36;
/** u32: number of arenas. */
export const HG_NARENAS = HG + 40;
/** First word of the GC half's reserved area (0x1300..0x1400). */
export const HG_GC_RESERVED = HG + 0x100;

/** Arena index: (addr >>> 22) → arena header. */
export const ARENA_INDEX = 0x2000;

// ── arena header (AR_* offsets) ──
export const AR_BASE = 0;
export const AR_SIZE = 4;
export const AR_NPAGES = 8;
export const AR_FIRSTPAGE = 12;
export const AR_NEXT = 16;
export const AR_FREEPAGES = 20;
export const AR_MAXRUN = 24;
/** Lowest page index that may be free (search hint, Go's searchAddr). */
export const AR_SEARCH = 28;
export const AR_ALLOC = 32;
export const AR_SCAV = 36;
export const AR_PTRBITS = 40;
/** The spans table starts right after the 64-byte header. */
export const AR_SPANS = 64;
const AR_HDR_BYTES = 64;

/** Persistent chunk size: trade-off between slack per chunk and how often pages are taken. */
const PERSIST_CHUNK = 64 << 10;

/** Optional hook: sweep enough spans to free `npages` before the heap grows (Go's reclaim). */
export interface HeapReclaimer {
  reclaim(npages: number): void;
}

export class MHeap {
  readonly mem: LinearMemory;
  /** Set by the GC half: called before growing memory while sweeping is unfinished. */
  reclaimer: HeapReclaimer | null;

  constructor(mem: LinearMemory) {
    this.mem = mem;
    this.reclaimer = null;
    const f = mem.f64;
    // The low region (guard page, globals, index) is runtime-owned memory.
    f[ST_OTHER_SYS >>> 3] += LOW_REGION_BYTES;
    this.u32set(HG_SWEEPGEN, 0);
    // Arena 0 covers the initial buffer.
    this.initArena(0, mem.byteLength, LOW_REGION_BYTES);
  }

  private u32set(addr: number, v: number): void {
    this.mem.u32[addr >>> 2] = v;
  }

  /** Current sweep generation. */
  get sweepgen(): number {
    return this.mem.u32[HG_SWEEPGEN >>> 2];
  }
  set sweepgen(v: number) {
    this.mem.u32[HG_SWEEPGEN >>> 2] = v >>> 0;
  }

  // ── arenas ──

  /** Metadata bytes (from the header) for an arena of `npages` pages. */
  private static metaBytes(npages: number): number {
    const words = (npages + 31) >>> 5;
    return AR_HDR_BYTES + npages * 4 + words * 4 * 2 + ((npages * PAGE_SIZE) >>> 6);
  }

  /** Formats [base, base+size) as an arena with its header at `hdr`. Memory must be committed. */
  private initArena(base: number, size: number, hdrOff: number): number {
    const mem = this.mem;
    const u32 = mem.u32;
    const f = mem.f64;
    const hdr = base + hdrOff;
    const npages = size / PAGE_SIZE;
    const words = (npages + 31) >>> 5;
    const allocOff = AR_HDR_BYTES + npages * 4;
    const scavOff = allocOff + words * 4;
    const ptrOff = scavOff + words * 4;
    const metaEnd = hdrOff + MHeap.metaBytes(npages);
    const firstPage = Math.ceil(metaEnd / PAGE_SIZE);
    const h = hdr >>> 2;
    u32[h + (AR_BASE >>> 2)] = base;
    u32[h + (AR_SIZE >>> 2)] = size;
    u32[h + (AR_NPAGES >>> 2)] = npages;
    u32[h + (AR_FIRSTPAGE >>> 2)] = firstPage;
    u32[h + (AR_NEXT >>> 2)] = 0;
    u32[h + (AR_FREEPAGES >>> 2)] = npages - firstPage;
    u32[h + (AR_MAXRUN >>> 2)] = npages - firstPage;
    u32[h + (AR_SEARCH >>> 2)] = firstPage;
    u32[h + (AR_ALLOC >>> 2)] = allocOff;
    u32[h + (AR_SCAV >>> 2)] = scavOff;
    u32[h + (AR_PTRBITS >>> 2)] = ptrOff;
    // Pages [0, firstPage) and bits past npages are permanently "in use"; data pages start
    // free and released (fresh memory is zero).
    for (let i = 0; i < words * 32; i++) {
      const used = i < firstPage || i >= npages;
      const w = (hdr + allocOff + ((i >>> 5) << 2)) >>> 2;
      const sw = (hdr + scavOff + ((i >>> 5) << 2)) >>> 2;
      if (used) u32[w] |= 1 << (i & 31);
      else u32[sw] |= 1 << (i & 31);
    }
    for (let slot = base >>> ARENA_SHIFT, end = (base + size - 1) >>> ARENA_SHIFT; slot <= end; slot++) {
      u32[(ARENA_INDEX >>> 2) + slot] = hdr;
    }
    const last = u32[HG_ARENA_LAST >>> 2];
    if (last === 0) u32[HG_ARENAS >>> 2] = hdr;
    else u32[(last + AR_NEXT) >>> 2] = hdr;
    u32[HG_ARENA_LAST >>> 2] = hdr;
    u32[HG_NARENAS >>> 2]++;
    f[ST_GC_SYS >>> 3] += firstPage * PAGE_SIZE - hdrOff;
    f[ST_HEAP_RELEASED >>> 3] += (npages - firstPage) * PAGE_SIZE;
    return hdr;
  }

  /**
   * Adds an arena able to hold a run of `npages` pages. Raises Go's out-of-memory fatal error
   * when the memory cannot grow.
   */
  private grow(npages: number): number {
    const mem = this.mem;
    let size = ARENA_BYTES;
    while (size / PAGE_SIZE - Math.ceil(MHeap.metaBytes(size / PAGE_SIZE) / PAGE_SIZE) < npages) size += ARENA_BYTES;
    const base = mem.byteLength;
    if (!mem.grow(base + size)) {
      const f = mem.f64;
      const inUse = f[ST_HEAP_INUSE >>> 3] + f[ST_HEAP_FREE >>> 3] + f[ST_HEAP_RELEASED >>> 3];
      fatal("runtime: out of memory", `runtime: out of memory: cannot allocate ${size}-byte block (${inUse} in use)\n`);
    }
    return this.initArena(base, size, 0);
  }

  // ── page allocator ──

  /** First free run of n pages in arena `hdr`, or -1 (then maxRunHint is tightened). */
  private findRun(hdr: number, n: number): number {
    const u32 = this.mem.u32;
    const h = hdr >>> 2;
    const npages = u32[h + (AR_NPAGES >>> 2)];
    const bits = (hdr + u32[h + (AR_ALLOC >>> 2)]) >>> 2;
    // Pages below the search hint are all in use: start there.
    let i = u32[h + (AR_SEARCH >>> 2)];
    let run = 0;
    let start = 0;
    let longest = 0;
    while (i < npages) {
      const w = u32[bits + (i >>> 5)];
      if ((i & 31) === 0) {
        if (w === 0xffffffff) {
          if (run > longest) longest = run;
          run = 0;
          i += 32;
          continue;
        }
        if (w === 0) {
          if (run === 0) start = i;
          run += 32;
          i += 32;
          if (run >= n) return start;
          continue;
        }
      }
      if ((w & (1 << (i & 31))) !== 0) {
        if (run > longest) longest = run;
        run = 0;
      } else {
        if (run === 0) start = i;
        run++;
        if (run >= n) return start;
      }
      i++;
    }
    if (run > longest) longest = run;
    u32[h + (AR_MAXRUN >>> 2)] = longest;
    return -1;
  }

  /**
   * Takes n free pages (first fit across arenas, growing memory if needed) and marks them in
   * use. Returns the address; sets `lastNeedzero` to 1 if any page was not released (dirty).
   * Accounting: the pages leave HeapFree/HeapReleased; the caller adds them to their new stat.
   */
  allocPages(n: number): number {
    let hdr = 0;
    let page = -1;
    if (!this.growEachAllocForTest) {
      page = this.searchArenas(n);
      hdr = this.lastArena;
      if (page < 0 && this.reclaimer !== null && !this.reclaiming) {
        // Sweeping may free pages: reclaim, then search exactly once more before growing
        // (Go: mheap.reclaim). The reclaimer is not re-entered meanwhile (a sweep that
        // allocates pages grows memory instead), and a reclaim that freed no run of n pages
        // falls through to growth rather than retrying.
        this.reclaiming = true;
        this.reclaimer.reclaim(n); // a throw here is a fatal error: no need to reset the flag
        this.reclaiming = false;
        page = this.searchArenas(n);
        hdr = this.lastArena;
      }
    }
    if (page < 0) {
      hdr = this.grow(n);
      page = this.findRun(hdr, n);
      if (DEBUG) assert(page >= 0, "fresh arena has no run");
    }
    return this.takePages(hdr, page, n);
  }

  /** True while the reclaimer runs (allocPages does not re-enter it). */
  private reclaiming = false;
  /** Scratch output of searchArenas: the arena header of the run found. */
  private lastArena = 0;

  /** First-fit search for n free pages in the existing arenas; page index or -1 (sets lastArena). */
  private searchArenas(n: number): number {
    const u32 = this.mem.u32;
    let hdr = u32[HG_ARENAS >>> 2];
    while (hdr !== 0) {
      const h = hdr >>> 2;
      if (u32[h + (AR_FREEPAGES >>> 2)] >= n && u32[h + (AR_MAXRUN >>> 2)] >= n) {
        const page = this.findRun(hdr, n);
        if (page >= 0) {
          this.lastArena = hdr;
          return page;
        }
      }
      hdr = u32[h + (AR_NEXT >>> 2)];
    }
    this.lastArena = 0;
    return -1;
  }

  /** Dirty-page flag of the last allocPages (1 = needs zeroing). */
  lastNeedzero = 0;
  /**
   * Testing: every page allocation (and every persistent allocation) grows memory by a new
   * arena, so every call that allocates pages leaves the caller's cached views stale — exposing any use of a view across such a
   * call (a stale view silently drops addresses past its old length).
   */
  growEachAllocForTest = false;

  private takePages(hdr: number, page: number, n: number): number {
    const mem = this.mem;
    const u32 = mem.u32;
    const h = hdr >>> 2;
    const alloc = (hdr + u32[h + (AR_ALLOC >>> 2)]) >>> 2;
    const scav = (hdr + u32[h + (AR_SCAV >>> 2)]) >>> 2;
    let released = 0;
    for (let i = page, end = page + n; i < end; i++) {
      const m = 1 << (i & 31);
      const wi = i >>> 5;
      if (DEBUG) assert((u32[alloc + wi] & m) === 0, "page already in use");
      u32[alloc + wi] |= m;
      if ((u32[scav + wi] & m) !== 0) {
        released++;
        u32[scav + wi] &= ~m;
      }
    }
    u32[h + (AR_FREEPAGES >>> 2)] -= n;
    if (page === u32[h + (AR_SEARCH >>> 2)]) u32[h + (AR_SEARCH >>> 2)] = page + n;
    const f = mem.f64;
    f[ST_HEAP_RELEASED >>> 3] -= released * PAGE_SIZE;
    f[ST_HEAP_FREE >>> 3] -= (n - released) * PAGE_SIZE;
    this.lastNeedzero = released === n ? 0 : 1;
    return u32[h + (AR_BASE >>> 2)] + page * PAGE_SIZE;
  }

  /** Returns n pages at addr to the free pool (dirty: not released). Accounting as allocPages. */
  freePages(addr: number, n: number): void {
    const mem = this.mem;
    const u32 = mem.u32;
    const hdr = u32[(ARENA_INDEX >>> 2) + (addr >>> ARENA_SHIFT)];
    const h = hdr >>> 2;
    const page = (addr - u32[h + (AR_BASE >>> 2)]) >>> PAGE_SHIFT;
    const alloc = (hdr + u32[h + (AR_ALLOC >>> 2)]) >>> 2;
    for (let i = page, end = page + n; i < end; i++) {
      if (DEBUG) assert((u32[alloc + (i >>> 5)] & (1 << (i & 31))) !== 0, "freeing a free page");
      u32[alloc + (i >>> 5)] &= ~(1 << (i & 31));
    }
    const free = (u32[h + (AR_FREEPAGES >>> 2)] += n);
    if (page < u32[h + (AR_SEARCH >>> 2)]) u32[h + (AR_SEARCH >>> 2)] = page;
    // The freed run may have merged with neighbours; the hint is an upper bound, so use the
    // arena's free page count (tightened again by the next failed search).
    u32[h + (AR_MAXRUN >>> 2)] = free;
    mem.f64[ST_HEAP_FREE >>> 3] += n * PAGE_SIZE;
  }

  // ── span records ──

  private allocSpanRecord(): number {
    const mem = this.mem;
    let s = mem.u32[HG_SPANFREE >>> 2];
    if (s !== 0) {
      mem.u32[HG_SPANFREE >>> 2] = mem.u32[(s + SP_NEXT) >>> 2];
    } else {
      s = this.persistentAlloc(SPAN_BYTES, SPAN_ALIGN, ST_MSPAN_SYS);
    }
    mem.zero(s, SPAN_BYTES);
    mem.u32[HG_NSPANS >>> 2]++;
    mem.f64[ST_MSPAN_INUSE >>> 3] += SPAN_BYTES;
    return s;
  }

  private freeSpanRecord(s: number): void {
    const mem = this.mem;
    const u32 = mem.u32;
    mem.u8[s + SP_STATE] = SPAN_FREE;
    u32[(s + SP_NEXT) >>> 2] = u32[HG_SPANFREE >>> 2];
    u32[HG_SPANFREE >>> 2] = s;
    u32[HG_NSPANS >>> 2]--;
    mem.f64[ST_MSPAN_INUSE >>> 3] -= SPAN_BYTES;
  }

  /** Points every page of [addr, addr+npages·8192) at span s (0 to clear). */
  private setSpans(addr: number, npages: number, s: number): void {
    const u32 = this.mem.u32;
    const hdr = u32[(ARENA_INDEX >>> 2) + (addr >>> ARENA_SHIFT)];
    const base = u32[hdr >>> 2];
    const t = ((hdr + AR_SPANS) >>> 2) + ((addr - base) >>> PAGE_SHIFT);
    for (let i = t, e = t + npages; i < e; i++) u32[i] = s;
  }

  /**
   * Allocates a span of npages for objects of span class spc (sizeclass 0 = one large object
   * of npages·8192 bytes). The span starts swept (sweepgen = current) with no objects.
   */
  allocSpan(npages: number, spc: number): number {
    const addr = this.allocPages(npages);
    const needzero = this.lastNeedzero;
    const s = this.allocSpanRecord();
    const mem = this.mem;
    const u32 = mem.u32;
    const sb = s >>> 2;
    const sizeclass = spc >>> 1;
    let nelems: number;
    let elemsize: number;
    if (sizeclass === 0) {
      nelems = 1;
      elemsize = npages * PAGE_SIZE;
      u32[sb + (SP_DIVMAGIC >>> 2)] = 0;
    } else {
      nelems = classToNObjects[sizeclass];
      elemsize = classToSize[sizeclass];
      u32[sb + (SP_DIVMAGIC >>> 2)] = classToDivMagic[sizeclass];
    }
    u32[sb + (SP_START >>> 2)] = addr;
    u32[sb + (SP_NPAGES >>> 2)] = npages;
    u32[sb + (SP_NELEMS >>> 2)] = nelems;
    u32[sb + (SP_ELEMSIZE >>> 2)] = elemsize;
    u32[sb + (SP_LIMIT >>> 2)] = addr + nelems * elemsize;
    u32[sb + (SP_ALLOCBITS >>> 2)] = s + SP_BITS_A;
    u32[sb + (SP_GCMARKBITS >>> 2)] = s + SP_BITS_B;
    u32[sb + (SP_SWEEPGEN >>> 2)] = u32[HG_SWEEPGEN >>> 2];
    u32[sb + (SP_ALLOCCACHE >>> 2)] = 0xffffffff;
    {
      const hdr = u32[(ARENA_INDEX >>> 2) + (addr >>> ARENA_SHIFT)];
      u32[sb + (SP_PTRBITS >>> 2)] = hdr + u32[(hdr + AR_PTRBITS) >>> 2] + ((addr - u32[hdr >>> 2]) >>> 6);
    }
    mem.u8[s + SP_STATE] = SPAN_INUSE;
    mem.u8[s + SP_SPANCLASS] = spc;
    mem.u8[s + SP_NEEDZERO] = needzero;
    this.linkSpan(s);
    this.setSpans(addr, npages, s);
    mem.f64[ST_HEAP_INUSE >>> 3] += npages * PAGE_SIZE;
    return s;
  }

  /**
   * Allocates a span of npages for runtime-managed memory (goroutine stacks): state manual,
   * not scanned as heap objects, accounted as StackInuse. The caller sets nelems/elemsize.
   */
  allocManual(npages: number): number {
    const addr = this.allocPages(npages);
    const needzero = this.lastNeedzero;
    const s = this.allocSpanRecord();
    const mem = this.mem;
    const u32 = mem.u32;
    const sb = s >>> 2;
    u32[sb + (SP_START >>> 2)] = addr;
    u32[sb + (SP_NPAGES >>> 2)] = npages;
    u32[sb + (SP_NELEMS >>> 2)] = 0;
    u32[sb + (SP_ELEMSIZE >>> 2)] = npages * PAGE_SIZE;
    u32[sb + (SP_LIMIT >>> 2)] = addr + npages * PAGE_SIZE;
    u32[sb + (SP_ALLOCBITS >>> 2)] = s + SP_BITS_A;
    u32[sb + (SP_GCMARKBITS >>> 2)] = s + SP_BITS_B;
    u32[sb + (SP_SWEEPGEN >>> 2)] = u32[HG_SWEEPGEN >>> 2];
    mem.u8[s + SP_STATE] = SPAN_MANUAL;
    mem.u8[s + SP_NEEDZERO] = needzero;
    this.linkSpan(s);
    this.setSpans(addr, npages, s);
    mem.f64[ST_STACK_INUSE >>> 3] += npages * PAGE_SIZE;
    return s;
  }

  /** Returns an in-use heap span's pages to the heap. Precondition: not in any list or mcache. */
  freeSpan(s: number): void {
    const mem = this.mem;
    if (DEBUG) assert(mem.u8[s + SP_STATE] === SPAN_INUSE, "freeSpan of a non-heap span");
    const npages = mem.u32[(s + SP_NPAGES) >>> 2];
    mem.f64[ST_HEAP_INUSE >>> 3] -= npages * PAGE_SIZE;
    this.releaseSpan(s);
  }

  /** Returns a manual span's pages to the heap. */
  freeManual(s: number): void {
    const mem = this.mem;
    if (DEBUG) assert(mem.u8[s + SP_STATE] === SPAN_MANUAL, "freeManual of a non-manual span");
    const npages = mem.u32[(s + SP_NPAGES) >>> 2];
    mem.f64[ST_STACK_INUSE >>> 3] -= npages * PAGE_SIZE;
    this.releaseSpan(s);
  }

  private releaseSpan(s: number): void {
    const u32 = this.mem.u32;
    const addr = u32[(s + SP_START) >>> 2];
    const npages = u32[(s + SP_NPAGES) >>> 2];
    if (DEBUG) assert(u32[(s + SP_SPECIALS) >>> 2] === 0, "freeing a span with specials");
    this.setSpans(addr, npages, 0);
    this.freePages(addr, npages);
    this.unlinkSpan(s);
    this.freeSpanRecord(s);
  }

  private linkSpan(s: number): void {
    const u32 = this.mem.u32;
    const head = u32[HG_ALLSPANS >>> 2];
    u32[(s + SP_ALLNEXT) >>> 2] = head;
    u32[(s + SP_ALLPREV) >>> 2] = 0;
    if (head !== 0) u32[(head + SP_ALLPREV) >>> 2] = s;
    u32[HG_ALLSPANS >>> 2] = s;
  }

  private unlinkSpan(s: number): void {
    const u32 = this.mem.u32;
    const next = u32[(s + SP_ALLNEXT) >>> 2];
    const prev = u32[(s + SP_ALLPREV) >>> 2];
    if (prev === 0) u32[HG_ALLSPANS >>> 2] = next;
    else u32[(prev + SP_ALLNEXT) >>> 2] = next;
    if (next !== 0) u32[(next + SP_ALLPREV) >>> 2] = prev;
  }

  /** Head of the allspans list (iterate with SP_ALLNEXT). */
  get allspans(): number {
    return this.mem.u32[HG_ALLSPANS >>> 2];
  }

  /** First arena header (iterate with AR_NEXT). */
  get arenas(): number {
    return this.mem.u32[HG_ARENAS >>> 2];
  }

  /** Arena header of the arena containing addr, or 0. */
  arenaOf(addr: number): number {
    if (addr >= this.mem.byteLength) return 0;
    return this.mem.u32[(ARENA_INDEX >>> 2) + (addr >>> ARENA_SHIFT)];
  }

  /** The span whose pages contain addr (any state), or 0. */
  spanOf(addr: number): number {
    const u32 = this.mem.u32;
    if (addr >= this.mem.byteLength) return 0;
    const hdr = u32[(ARENA_INDEX >>> 2) + (addr >>> ARENA_SHIFT)];
    if (hdr === 0) return 0;
    return u32[((hdr + AR_SPANS) >>> 2) + ((addr - u32[hdr >>> 2]) >>> PAGE_SHIFT)];
  }

  // ── persistent allocation (runtime metadata that is never freed) ──

  /**
   * Bump-allocates `size` bytes aligned to `align` (≤ 8192) from runtime-owned pages and charges
   * them to stat slot `statSlot` (moved from OtherSys). Memory is zero.
   */
  persistentAlloc(size: number, align: number, statSlot: number): number {
    const mem = this.mem;
    let cur = mem.u32[HG_PERSIST_CUR >>> 2];
    let end = mem.u32[HG_PERSIST_END >>> 2];
    cur = ((cur + align - 1) & ~(align - 1)) >>> 0;
    if (cur === 0 || cur + size > end || this.growEachAllocForTest) {
      const chunk = Math.max(PERSIST_CHUNK, Math.ceil(size / PAGE_SIZE) * PAGE_SIZE);
      const npages = chunk / PAGE_SIZE;
      const addr = this.allocPages(npages);
      if (this.lastNeedzero !== 0) mem.zero(addr, chunk);
      mem.f64[ST_OTHER_SYS >>> 3] += chunk;
      cur = addr;
      end = addr + chunk;
      mem.u32[HG_PERSIST_END >>> 2] = end;
    }
    mem.u32[HG_PERSIST_CUR >>> 2] = cur + size;
    if (statSlot !== ST_OTHER_SYS) {
      mem.f64[statSlot >>> 3] += size;
      mem.f64[ST_OTHER_SYS >>> 3] -= size;
    }
    return cur;
  }

  // ── scavenging ──

  /**
   * Releases up to `nbytes` (rounded up to pages) of free, unreleased pages: zeroes them and
   * counts them in HeapReleased. Returns the bytes released. Go: mheap.scavenge / pageAlloc.
   * Like Go it works from the highest addresses down: allocation is lowest-address first, so
   * high free pages are the ones least likely to be reused soon (zeroing them is not wasted).
   */
  scavenge(nbytes: number): number {
    const mem = this.mem;
    const u32 = mem.u32;
    let want = Math.ceil(nbytes / PAGE_SIZE);
    let done = 0;
    const arenas: number[] = []; // not a hot path: a JS list of the arena headers is fine here
    for (let hdr = u32[HG_ARENAS >>> 2]; hdr !== 0; hdr = u32[(hdr + AR_NEXT) >>> 2]) arenas.push(hdr);
    for (let k = arenas.length - 1; k >= 0 && want > 0; k--) {
      const hdr = arenas[k];
      const h = hdr >>> 2;
      if (u32[h + (AR_FREEPAGES >>> 2)] === 0) continue;
      const base = u32[h + (AR_BASE >>> 2)];
      const first = u32[h + (AR_FIRSTPAGE >>> 2)];
      const alloc = (hdr + u32[h + (AR_ALLOC >>> 2)]) >>> 2;
      const scav = (hdr + u32[h + (AR_SCAV >>> 2)]) >>> 2;
      for (let i = u32[h + (AR_NPAGES >>> 2)] - 1; i >= first && want > 0; i--) {
        const m = 1 << (i & 31);
        const wi = i >>> 5;
        if ((u32[alloc + wi] & m) === 0 && (u32[scav + wi] & m) === 0) {
          mem.zero(base + i * PAGE_SIZE, PAGE_SIZE);
          u32[scav + wi] |= m;
          want--;
          done++;
        }
      }
    }
    mem.f64[ST_HEAP_FREE >>> 3] -= done * PAGE_SIZE;
    mem.f64[ST_HEAP_RELEASED >>> 3] += done * PAGE_SIZE;
    return done * PAGE_SIZE;
  }

  /** Releases every free page (debug.FreeOSMemory after its GC). */
  scavengeAll(): number {
    return this.scavenge(Number.MAX_SAFE_INTEGER);
  }
}
