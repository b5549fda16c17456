/**
 * mgcwork.ts — the grey-object queue of the collector: work buffers in linear memory.
 * Counterpart of Go 1.19's src/runtime/mgcwork.go (written afresh).
 *
 * A work buffer is one 8 KiB page of linear memory:
 *
 *   +0   next   u32   link in the full or empty list (0 = end)
 *   +4   nobj   u32   entries in use (valid while the buffer is on a list; the owner of the
 *                     current buffer keeps the live count in GCWork.curN)
 *   +8   (8 bytes reserved)
 *   +16  obj[0..WORKBUF_ENTRIES)   u32 addresses of grey objects (or oblet starts)
 *
 * Buffers come from runtime-managed ("manual") pages obtained through a WorkbufPages source
 * (mheap.allocManual in production, charged to GCSys) in chunks of WORKBUF_CHUNK_PAGES pages, and
 * are kept for reuse across cycles on the `empty` list; `freeSomeWbufs` gives chunks back when a
 * cycle ends with many spare buffers.
 *
 * The per-P GCWork holds one current buffer in JS fields (address + count) so the push/pop fast
 * path is two typed-array accesses and an integer compare: no JS arrays, closures or objects per
 * grey object. When the current buffer fills it moves to the global full list; when it empties
 * the owner takes a full one.
 *
 * Invariants:
 *   - every grey object's address is in exactly one buffer (current or full list) between its
 *     mark-bit set and its scan; its mark bit is set before it is pushed;
 *   - `nproc` GCWork objects share one WorkbufPool; today there is one thread, so the lists need no
 *     locking. For worker-thread Ms the list heads move into linear memory behind a CAS (Go's
 *     lfstack) — the layout already permits it.
 *
 * Rejected designs:
 *   - a JS array as the mark stack: elegant but allocates and grows on the GC's hottest path and
 *     cannot be shared with worker threads;
 *   - Go's two-buffer (wbuf1/wbuf2) hysteresis per P: it avoids contention on the global lists
 *     between many Ps; with one thread the single buffer costs one O(1) list operation per 2044
 *     objects. Re-add it with threads.
 *   - Go's 2 KiB buffers: 8 KiB = one page fits the page allocator without sub-page carving.
 */

/** Bytes per work buffer (one page). */
export const WORKBUF_BYTES = 8192;
/** Offsets of a buffer's list link and entry count (exported for mgcidle.ts's job lists). */
export const WB_NEXT = 0;
export const WB_NOBJ = 4;
/** Offset of the first entry (exported for Marker's inlined drain loop). */
export const WB_OBJ = 16;
/** Entries per buffer. */
export const WORKBUF_ENTRIES = (WORKBUF_BYTES - WB_OBJ) >>> 2;
/** Pages obtained per refill of the pool (64 KiB): fewer page-allocator calls per cycle. */
export const WORKBUF_CHUNK_PAGES = 8;

/** Where work-buffer pages come from (the heap's manual-span allocator, charged to GCSys). */
export interface WorkbufPages {
  /** Returns the address of `npages` fresh pages (8 KiB aligned), or 0 when out of memory. */
  allocPages(npages: number): number;
  /** The current 32-bit view of linear memory (re-read after allocPages, which may grow it). */
  u32(): Uint32Array;
}

/** The global full/empty buffer lists (Go's work.full / work.empty). */
export class WorkbufPool {
  /** Head of the list of buffers holding grey objects (0 = empty). */
  full = 0;
  /** Head of the list of spare buffers. */
  empty = 0;
  /** Number of buffers on the full list. */
  nfull = 0;
  /** Number of buffers on the empty list (a mark job's room: mgcidle.ts). */
  nempty = 0;
  /** Buffers ever allocated (pages held). */
  nbufs = 0;
  /** Cached view; refreshed through `pages.u32()` after each allocation. */
  u32: Uint32Array;

  constructor(readonly pages: WorkbufPages) {
    this.u32 = pages.u32();
  }

  /** A spare (empty) buffer, allocating a new chunk when none is left. */
  getEmpty(): number {
    let b = this.empty;
    if (b === 0) {
      this.refill();
      b = this.empty;
    }
    this.empty = this.u32[(b + WB_NEXT) >>> 2];
    this.u32[(b + WB_NOBJ) >>> 2] = 0;
    this.nempty--;
    return b;
  }

  private refill(): void {
    const base = this.pages.allocPages(WORKBUF_CHUNK_PAGES);
    this.u32 = this.pages.u32();
    if (base === 0) throw new Error("runtime: cannot allocate GC work buffers");
    for (let i = WORKBUF_CHUNK_PAGES - 1; i >= 0; i--) {
      const b = base + i * WORKBUF_BYTES;
      this.u32[(b + WB_NEXT) >>> 2] = this.empty;
      this.empty = b;
    }
    this.nbufs += WORKBUF_CHUNK_PAGES;
    this.nempty += WORKBUF_CHUNK_PAGES;
  }

  /** Returns a buffer to the spare list. */
  putEmpty(b: number): void {
    this.u32[(b + WB_NEXT) >>> 2] = this.empty;
    this.empty = b;
    this.nempty++;
  }

  /** Publishes a buffer holding `n` grey objects. */
  putFull(b: number, n: number): void {
    const u32 = this.u32;
    u32[(b + WB_NOBJ) >>> 2] = n;
    u32[(b + WB_NEXT) >>> 2] = this.full;
    this.full = b;
    this.nfull++;
  }

  /** Takes a full buffer (0 if none); its count is in the buffer header. */
  getFull(): number {
    const b = this.full;
    if (b === 0) return 0;
    this.full = this.u32[(b + WB_NEXT) >>> 2];
    this.nfull--;
    return b;
  }

  /** Called after linear memory grew elsewhere: re-read the view. */
  refreshView(): void {
    this.u32 = this.pages.u32();
  }
}

/**
 * A per-P producer/consumer of grey objects (Go's gcWork). Also accumulates the per-P mark
 * statistics, flushed into the collector at the end of each mark slice.
 */
export class GCWork {
  /** Current buffer address (0 = none yet). */
  cur = 0;
  /** Entries used in `cur`. */
  curN = 0;
  /** Bytes of objects marked (grey or black) by this P since the last flush. */
  bytesMarked = 0;
  /** Bytes of heap scanned (scan work) since the last flush. */
  heapScanWork = 0;
  /** True once anything was pushed since the last `resetFlushedFlag` (Go's gcw.flushedWork). */
  flushedWork = false;

  constructor(readonly pool: WorkbufPool) {}

  /** Pushes a grey object. Precondition: its mark bit was just set by the caller. */
  put(obj: number): void {
    let n = this.curN;
    if (n === WORKBUF_ENTRIES || this.cur === 0) {
      this.putSlow();
      n = 0;
    }
    this.pool.u32[(this.cur + WB_OBJ + (n << 2)) >>> 2] = obj;
    this.curN = n + 1;
  }

  /** Out-of-line half of put: publishes a full current buffer, takes an empty one. May grow memory. */
  putSlow(): void {
    if (this.cur !== 0) {
      this.pool.putFull(this.cur, this.curN);
      this.flushedWork = true;
    }
    this.cur = this.pool.getEmpty();
    this.curN = 0;
  }

  /** Pops a grey object, or returns 0 when neither the current buffer nor the pool has any. */
  tryGet(): number {
    let n = this.curN;
    if (n === 0) {
      n = this.getSlow();
      if (n === 0) return 0;
    }
    n--;
    this.curN = n;
    return this.pool.u32[(this.cur + WB_OBJ + (n << 2)) >>> 2];
  }

  /** Out-of-line half of tryGet: takes a full buffer from the pool; returns its count (0 = none). */
  getSlow(): number {
    const pool = this.pool;
    const b = pool.getFull();
    if (b === 0) return 0;
    if (this.cur !== 0) pool.putEmpty(this.cur);
    this.cur = b;
    this.curN = pool.u32[(b + WB_NOBJ) >>> 2];
    return this.curN;
  }

  /** True when this P and the global list have no grey objects. */
  empty(): boolean {
    return this.curN === 0 && this.pool.full === 0;
  }

  /** Tests: true if `obj` is queued (grey) in this P's buffer or on the full list. O(queue). */
  containsForTest(obj: number): boolean {
    const u32 = this.pool.u32;
    for (let i = 0; i < this.curN; i++) if (u32[(this.cur + WB_OBJ + (i << 2)) >>> 2] === obj) return true;
    for (let b = this.pool.full; b !== 0; b = u32[(b + WB_NEXT) >>> 2]!) {
      const n = u32[(b + WB_NOBJ) >>> 2]!;
      for (let i = 0; i < n; i++) if (u32[(b + WB_OBJ + (i << 2)) >>> 2] === obj) return true;
    }
    return false;
  }

  /** Moves the current buffer's objects to the global list so other Ps can take them. */
  dispose(): void {
    if (this.cur !== 0) {
      if (this.curN > 0) {
        this.pool.putFull(this.cur, this.curN);
        this.flushedWork = true;
      } else this.pool.putEmpty(this.cur);
      this.cur = 0;
      this.curN = 0;
    }
  }
}
