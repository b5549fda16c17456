/**
 * malloc.ts — the allocator front end: mallocgc and the Heap that ties the memory subsystems
 * together. Counterpart of Go's malloc.go (written afresh).
 *
 * mallocgc(size, typ, needzero) → addr:
 *   size 0                         → ZEROBASE (one shared address, as Go's zerobase)
 *   noscan and size < 16 B         → tiny allocator: packed into the P's current 16-byte block
 *                                    (class 2, noscan), aligned to 8/4/2 by the size's low bits.
 *                                    A block is freed only when every object in it is dead.
 *   size ≤ 32 KiB                  → size class from sizeToClass8/128; the P's mcache span for
 *                                    (class, noscan); fast path = next set bit of allocCache;
 *                                    slow path = nextFreeIndex, then mcache.refill → mcentral →
 *                                    mheap
 *   size > 32 KiB                  → a dedicated span of ceil(size/8 KiB) pages ("large")
 * then: zero the slot if the caller needs it and the span may be dirty; write the object's
 * pointer bits (scan spans only) from the type descriptor; while the GC is marking, mark the new
 * object (allocate black) so this cycle never frees it.
 *
 * GC hooks (the GC half installs `hooks`): assistAlloc(bytes) before allocating while
 * HG_BLACKEN is set (mark assists); triggerCheck() after a refill or a large allocation (Go's
 * shouldhelpgc: the heap trigger is only tested when heapLive moved by a span's worth).
 *
 * The fast path allocates no JS object, reads each view once, and updates no global counter
 * (see mcache.ts for how counts are settled). The size class of a type is not cached in the
 * descriptor yet (two table loads); the compiler may later precompute it.
 *
 * Rejected: a TLSF/free-list allocator (AssemblyScript style) — fast, but not Go: size classes,
 * spans and per-P caches are what MemStats, the GC pacer and the sweeper are defined over.
 */

import { assert, DEBUG, fatal } from "./debug.js";
import { LinearMemory, type LinearMemoryOptions, ZEROBASE } from "./mem.js";
import { MCentrals, type SpanSweeper } from "./mcentral.js";
import { MC_ALLOC, MC_NEXTSAMPLE, MC_SCANALLOC, MC_TINY, MC_TINYALLOCS, MC_TINYOFFSET, MCaches } from "./mcache.js";
import { heapBitsSetTypeAt } from "./mbitmap.js";
import { HG_BLACKEN, HG_GCPHASE, MHeap } from "./mheap.js";
import {
  nextFreeIndex,
  objIndex,
  SP_ALLOCCACHE,
  SP_ALLOCCOUNT,
  SP_ELEMSIZE,
  SP_FREEINDEX,
  SP_LIMIT,
  SP_NEEDZERO,
  SP_NELEMS,
  SP_PTRBITS,
  SP_START,
  SP_STATE,
  SPAN_INUSE,
  spanSetMarked,
} from "./mspan.js";
import { memStatsFromCounters, type MemStats, ST_HEAP_LIVE, ST_LARGE_ALLOC, ST_LARGE_ALLOC_COUNT, ST_OTHER_SYS } from "./mstats.js";
import {
  classToSize,
  MAX_SMALL_SIZE,
  PAGE_SIZE,
  sizeToClass128,
  sizeToClass8,
  TINY_SIZE,
  TINY_SIZE_CLASS,
} from "./sizeclasses.js";
import { StackAllocator } from "./stack.js";
import { TD_PTRDATA, TD_SIZE, TypeBuilder } from "./typedesc.js";

/** Largest allocation: a size the 32-bit address space could never hold is rejected early. */
export const MAX_ALLOC = 2 ** 32 - 2 * 4194304;

/** Bytes mallocgc actually reserves for a request of `size` bytes. Go: roundupsize. */
export function roundupsize(size: number): number {
  if (size <= MAX_SMALL_SIZE) {
    if (size <= 1024) return classToSize[sizeToClass8[(size + 7) >>> 3]];
    return classToSize[sizeToClass128[(size - 1024 + 127) >>> 7]];
  }
  return Math.ceil(size / PAGE_SIZE) * PAGE_SIZE;
}

/** Size class for a small size (1 ≤ size ≤ 32768). */
export function sizeToClass(size: number): number {
  return size <= 1024 ? sizeToClass8[(size + 7) >>> 3] : sizeToClass128[(size - 1024 + 127) >>> 7];
}

export interface MallocHooks {
  /** The allocating goroutine owes mark-assist work for `bytes` (called while HG_BLACKEN = 1). */
  assistAlloc(bytes: number): void;
  /** heapLive moved by a span's worth (refill / large object): start a GC if the trigger is hit. */
  triggerCheck(): void;
}

/** Heap profiling (profmem.ts): records an allocation that reached its mcache's sample point. */
export interface HeapSampler {
  sampleAlloc(c: number, x: number, size: number, s: number): void;
}

export interface HeapOptions extends LinearMemoryOptions {
  /** Number of Ps, i.e. of mcaches (default 1). */
  nprocs?: number;
}

export class Heap {
  readonly mem: LinearMemory;
  readonly mheap: MHeap;
  readonly central: MCentrals;
  readonly caches: MCaches;
  readonly stacks: StackAllocator;
  /** Synthetic type descriptors (tests; until the compiler's image provides real ones). */
  readonly types: TypeBuilder;
  /** mcache address of each P. */
  readonly mcaches: number[];
  /** The current P's mcache (the scheduler switches it). */
  mcache: number;
  /** GC hooks; null until the GC half installs them. */
  hooks: MallocHooks | null;
  /** Testing: number of upcoming allocations that fail with "out of memory". */
  failAllocs: number;
  /** Bytes allocated black while marking since the GC last reset it (Go: gcw.bytesMarked). */
  bytesMarkedNew: number;
  /** findObject results: span and slot index of the last successful lookup. */
  foundSpan: number;
  foundIndex: number;
  /**
   * Heap profiling: address of the int word holding runtime.MemProfileRate (0 = profiling never
   * enabled: mallocgc skips the check). Written by profmem.ts; read by mallocgc on every allocation.
   */
  memProfRateAddr: number;
  /** The heap profiler's sampler (profmem.ts); set together with memProfRateAddr. */
  profAlloc: HeapSampler | null;

  constructor(opts: HeapOptions = {}) {
    this.mem = new LinearMemory(opts);
    this.mheap = new MHeap(this.mem);
    this.central = new MCentrals(this.mem, this.mheap);
    this.caches = new MCaches(this.mem, this.mheap, this.central);
    this.types = new TypeBuilder(this.mem, this.mheap, ST_OTHER_SYS);
    this.mcaches = [];
    const n = opts.nprocs ?? 1;
    for (let i = 0; i < n; i++) this.mcaches.push(this.caches.create());
    this.mcache = this.mcaches[0];
    this.hooks = null;
    this.failAllocs = 0;
    this.bytesMarkedNew = 0;
    this.foundSpan = 0;
    this.foundIndex = 0;
    this.memProfRateAddr = 0;
    this.profAlloc = null;
    this.stacks = new StackAllocator(this.mem, this.mheap);
  }

  /** The span sweeper used by mcentral (GC half replaces the BasicSweeper). */
  get sweeper(): SpanSweeper {
    return this.central.sweeper;
  }
  set sweeper(s: SpanSweeper) {
    this.central.sweeper = s;
  }

  /** Makes P i's mcache current. */
  setP(i: number): void {
    this.mcache = this.mcaches[i];
  }

  /**
   * Allocates `size` bytes for a value of type `typ` (descriptor address; 0 = pointer-free) or,
   * when size > typ.size, an array of such values. Zeroed unless needzero is false (the caller
   * then overwrites every byte). Go: mallocgc.
   */
  mallocgc(size: number, typ: number, needzero: boolean): number {
    if (size === 0) return ZEROBASE;
    const mem = this.mem;
    // `u32` is re-read after every call that may grow memory (refill, large allocation, assist):
    // a stale view silently ignores addresses past its old length.
    let u32 = mem.u32;
    if (this.failAllocs !== 0 || size > MAX_ALLOC) this.allocFailed(size);
    if (u32[HG_BLACKEN >>> 2] !== 0 && this.hooks !== null) {
      this.hooks.assistAlloc(size);
      u32 = mem.u32;
    }
    const noscan = typ === 0 || u32[(typ + TD_PTRDATA) >>> 2] === 0;
    const c = this.mcache;
    let x: number;
    let s: number;
    let elemsize: number;
    if (size <= MAX_SMALL_SIZE) {
      if (noscan && size < TINY_SIZE) {
        // Tiny allocator.
        let off = u32[(c + MC_TINYOFFSET) >>> 2];
        if ((size & 7) === 0) off = (off + 7) & ~7;
        else if ((size & 3) === 0) off = (off + 3) & ~3;
        else if ((size & 1) === 0) off = (off + 1) & ~1;
        const tiny = u32[(c + MC_TINY) >>> 2];
        if (off + size <= TINY_SIZE && tiny !== 0) {
          u32[(c + MC_TINYOFFSET) >>> 2] = off + size;
          mem.f64[(c + MC_TINYALLOCS) >>> 3]++;
          // Allocate black: the block may predate this mark phase. (Go instead greys every
          // mcache's tiny block at mark termination, gcMarkTinyAllocs; marking here keeps the
          // invariant local to the allocator and costs one load when the GC is off.)
          if (u32[HG_GCPHASE >>> 2] !== 0) this.markTiny(tiny);
          if (this.memProfRateAddr !== 0) this.profileAlloc(c, tiny + off, size, 0);
          return tiny + off;
        }
        const spc = (TINY_SIZE_CLASS << 1) | 1;
        s = u32[((c + MC_ALLOC) >>> 2) + spc];
        x = this.nextFreeFast(s);
        if (x === 0) {
          x = this.nextFree(c, spc);
          s = this.lastSpan;
          u32 = mem.u32;
        }
        // Tiny blocks are always zeroed: later tiny objects rely on it.
        const f = mem.f64;
        f[x >>> 3] = 0;
        f[(x >>> 3) + 1] = 0;
        // Keep whichever block has more room left.
        if (size < u32[(c + MC_TINYOFFSET) >>> 2] || tiny === 0) {
          u32[(c + MC_TINY) >>> 2] = x;
          u32[(c + MC_TINYOFFSET) >>> 2] = size;
        }
        elemsize = TINY_SIZE;
      } else {
        const sizeclass = size <= 1024 ? sizeToClass8[(size + 7) >>> 3] : sizeToClass128[(size - 1024 + 127) >>> 7];
        const spc = (sizeclass << 1) | (noscan ? 1 : 0);
        s = u32[((c + MC_ALLOC) >>> 2) + spc];
        x = this.nextFreeFast(s);
        if (x === 0) {
          x = this.nextFree(c, spc);
          s = this.lastSpan;
          u32 = mem.u32;
        }
        elemsize = u32[(s + SP_ELEMSIZE) >>> 2];
        if (needzero && mem.u8[s + SP_NEEDZERO] !== 0) {
          // Inline f64 stores (see LinearMemory.zero for why not TypedArray.fill).
          const f = mem.f64;
          let i = x >>> 3;
          const e = (x + elemsize) >>> 3;
          for (; i + 4 <= e; i += 4) {
            f[i] = 0;
            f[i + 1] = 0;
            f[i + 2] = 0;
            f[i + 3] = 0;
          }
          for (; i < e; i++) f[i] = 0;
        }
        if (!noscan) {
          const off = x - u32[(s + SP_START) >>> 2];
          heapBitsSetTypeAt(mem, u32[(s + SP_PTRBITS) >>> 2] + (off >>> 6), (off >>> 3) & 7, elemsize, size, typ);
          this.noteScan(c, size, typ);
        }
      }
    } else {
      s = this.allocLarge(size, noscan);
      u32 = mem.u32;
      x = u32[(s + SP_START) >>> 2];
      elemsize = u32[(s + SP_ELEMSIZE) >>> 2];
      if (needzero && mem.u8[s + SP_NEEDZERO] !== 0) mem.zero(x, elemsize);
      if (!noscan) {
        heapBitsSetTypeAt(mem, u32[(s + SP_PTRBITS) >>> 2], 0, elemsize, size, typ);
        this.noteScan(c, size, typ);
        this.caches.flushScanAlloc(c); // a large allocation is a refill's worth (as Go)
      }
    }
    if (u32[HG_GCPHASE >>> 2] !== 0) {
      // Allocate black: the object survives the cycle in progress.
      if (spanSetMarked(mem, s, objIndex(mem, s, x))) this.bytesMarkedNew += elemsize;
    }
    if (this.refilled) {
      this.refilled = false;
      if (this.hooks !== null) this.hooks.triggerCheck();
    }
    // Heap profiling: Go charges the size class' size (the request for tiny objects).
    if (this.memProfRateAddr !== 0) this.profileAlloc(c, x, noscan && size < TINY_SIZE ? size : elemsize, s);
    return x;
  }

  /**
   * The heap profiler's sampling decision for object x of `size` bytes in span s (0 = look it
   * up) from mcache c: count size against the mcache's distance to the next sample (Go's
   * c.nextSample) and hand the allocation to the profiler when it is reached or the rate is 1.
   */
  private profileAlloc(c: number, x: number, size: number, s: number): void {
    const mem = this.mem;
    const rate = mem.i32[this.memProfRateAddr >>> 2];
    if (rate <= 0 || this.profAlloc === null) return;
    const f64 = mem.f64;
    const next = f64[(c + MC_NEXTSAMPLE) >>> 3];
    if (rate !== 1 && size < next) {
      f64[(c + MC_NEXTSAMPLE) >>> 3] = next - size;
      return;
    }
    this.profAlloc.sampleAlloc(c, x, size, s !== 0 ? s : this.mheap.spanOf(x));
  }

  /** Marks the tiny block at `block` (allocate-black for objects packed into it). */
  private markTiny(block: number): void {
    const s = this.mheap.spanOf(block);
    if (spanSetMarked(this.mem, s, objIndex(this.mem, s, block))) this.bytesMarkedNew += TINY_SIZE;
  }

  /** new(T). */
  newobject(typ: number): number {
    return this.mallocgc(this.mem.u32[(typ + TD_SIZE) >>> 2], typ, true);
  }

  /** A zeroed [n]T backing array (make([]T, n)); Go's makeslice checks len first. */
  newarray(typ: number, n: number): number {
    return this.mallocgc(this.mem.u32[(typ + TD_SIZE) >>> 2] * n, typ, true);
  }

  /** Scratch outputs of nextFree. */
  private lastSpan = 0;
  private refilled = false;

  /** Fast slot search in the cached span s; 0 if its allocCache has no free bit. */
  private nextFreeFast(s: number): number {
    const u32 = this.mem.u32;
    const sb = s >>> 2;
    const cache = u32[sb + (SP_ALLOCCACHE >>> 2)];
    if (cache === 0) return 0;
    const tz = 31 - Math.clz32(cache & -cache);
    const r = u32[sb + (SP_FREEINDEX >>> 2)] + tz;
    if (r >= u32[sb + (SP_NELEMS >>> 2)]) return 0;
    u32[sb + (SP_FREEINDEX >>> 2)] = r + 1;
    u32[sb + (SP_ALLOCCACHE >>> 2)] = (cache >>> tz) >>> 1;
    u32[sb + (SP_ALLOCCOUNT >>> 2)]++;
    return u32[sb + (SP_START >>> 2)] + r * u32[sb + (SP_ELEMSIZE >>> 2)];
  }

  /** Slow slot search, refilling the mcache when the span is full. Sets lastSpan/refilled. */
  private nextFree(c: number, spc: number): number {
    const mem = this.mem;
    let s = mem.u32[((c + MC_ALLOC) >>> 2) + spc];
    let r = nextFreeIndex(mem, s);
    if (r === mem.u32[(s + SP_NELEMS) >>> 2]) {
      s = this.caches.refill(c, spc);
      this.refilled = true;
      r = mem.u32[(s + SP_FREEINDEX) >>> 2];
    }
    const u32 = mem.u32;
    const sb = s >>> 2;
    if (DEBUG) assert(r < u32[sb + (SP_NELEMS >>> 2)], "nextFree found no slot");
    u32[sb + (SP_FREEINDEX >>> 2)] = r + 1;
    u32[sb + (SP_ALLOCCACHE >>> 2)] = u32[sb + (SP_ALLOCCACHE >>> 2)] >>> 1;
    u32[sb + (SP_ALLOCCOUNT >>> 2)]++;
    this.lastSpan = s;
    return u32[sb + (SP_START >>> 2)] + r * u32[sb + (SP_ELEMSIZE >>> 2)];
  }

  private noteScan(c: number, size: number, typ: number): void {
    const u32 = this.mem.u32;
    const tsize = u32[(typ + TD_SIZE) >>> 2];
    // Bytes the GC may have to scan: everything but the pointer-free tail of the last element.
    this.mem.f64[(c + MC_SCANALLOC) >>> 3] += size - tsize + u32[(typ + TD_PTRDATA) >>> 2];
  }

  private allocLarge(size: number, noscan: boolean): number {
    const mem = this.mem;
    const npages = Math.ceil(size / PAGE_SIZE);
    const s = this.mheap.allocSpan(npages, noscan ? 1 : 0);
    const u32 = mem.u32;
    const sb = s >>> 2;
    u32[sb + (SP_FREEINDEX >>> 2)] = 1;
    u32[sb + (SP_ALLOCCOUNT >>> 2)] = 1;
    u32[sb + (SP_ALLOCCACHE >>> 2)] = 0;
    const bytes = npages * PAGE_SIZE;
    const f = mem.f64;
    f[ST_LARGE_ALLOC >>> 3] += bytes;
    f[ST_LARGE_ALLOC_COUNT >>> 3] += 1;
    f[ST_HEAP_LIVE >>> 3] += bytes;
    // Large spans live on their class's full swept list so the sweeper finds them.
    this.central.pushFull(s, true);
    this.refilled = true;
    return s;
  }

  private allocFailed(size: number): never {
    if (this.failAllocs > 0) this.failAllocs--;
    fatal("runtime: out of memory", `runtime: out of memory: cannot allocate ${Math.ceil(size / PAGE_SIZE) * PAGE_SIZE}-byte block (${this.mem.byteLength} in use)\n`);
  }

  /** Flushes every P's mcache (ReadMemStats, and the GC at the start of each sweep phase). */
  flushMCaches(): void {
    for (const c of this.mcaches) this.caches.releaseAll(c);
  }

  /** runtime.ReadMemStats (the caller has stopped the world). */
  readMemStats(): MemStats {
    this.flushMCaches();
    return memStatsFromCounters(this.mem);
  }

  /**
   * Base address of the heap object containing addr, or 0 if addr is not inside an in-use heap
   * object slot. Sets foundSpan/foundIndex. Go: findObject (without the bad-pointer report).
   */
  findObject(addr: number): number {
    const mem = this.mem;
    const s = this.mheap.spanOf(addr);
    if (s === 0 || mem.u8[s + SP_STATE] !== SPAN_INUSE) return 0;
    const u32 = mem.u32;
    if (addr >= u32[(s + SP_LIMIT) >>> 2]) return 0;
    const i = objIndex(mem, s, addr);
    this.foundSpan = s;
    this.foundIndex = i;
    return u32[(s + SP_START) >>> 2] + i * u32[(s + SP_ELEMSIZE) >>> 2];
  }
}
