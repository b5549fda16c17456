/**
 * mgcmark.ts — marking: roots, object scanning, draining the grey queue. Counterpart of Go 1.19's
 * src/runtime/mgcmark.go (written afresh). Assists and background workers, which decide *when* to
 * drain, live in mgc.ts; this file is the mechanism.
 *
 * Tri-colour abstraction over linear memory:
 *   white = mark bit clear; grey = mark bit set and address in a work buffer (mgcwork.ts);
 *   black = mark bit set and scanned (or in a noscan span: black as soon as it is marked).
 * Mark bits live in each span's gcmarkBits bitmap (mspan.ts); pointer locations come from the
 * heap pointer bitmap (mbitmap.ts, one bit per 8-byte word), stack maps (stack frames), and the
 * globals bitmap. Pointers are the low u32 of 8-byte slots; interior pointers are resolved to
 * the object base through the page→span table and the span's element size.
 *
 * Roots (Go's markroot jobs), fixed at the start of each cycle by `prepareRoots`:
 *   job 0          runtime-internal roots registered by slot address (`addRoot`), plus the
 *                  finalizer roots (objects with finalizers are scanned, not marked, so what they
 *                  reference survives; queued finalizers are marked) via `finalizerRoots`;
 *   jobs 1..B      global data in blocks of ≤ 256 KiB, each with its pointer bitmap;
 *   jobs B+1..     one per goroutine stack that existed at mark start (`GoroutineSource`), walked
 *                  frame by frame with the stack maps of each frame's safe point; a stack may be
 *                  shrunk first (`StackShrinker`). Goroutines created during marking start with
 *                  stacks that hold only values already shaded, so they need no scan (Go's rule).
 *                  With worker-thread Ms a stack is scanned only while its goroutine is stopped
 *                  at a safe point (`stackGate`, mgcthreads.ts); a refused job waits in
 *                  `deferredStacks` and `markDone` stays false until it ran (Go's scang/suspendG).
 *
 * Large objects (> 128 KiB) are scanned in 128 KiB "oblets" queued separately, so one huge array
 * cannot make a mark slice (or an assist) overrun its budget.
 *
 * Scan work is counted in bytes: heap bytes scanned (objects, oblets), stack bytes from the
 * innermost frame to the top, global bytes. The pacer (mgcpacer.ts) consumes these.
 *
 * Rejected designs:
 *   - calling the heap's findObject per pointer: a method call plus scratch-field round trip per
 *     pointer word halves mark throughput; the span lookup is inlined here instead (it is two
 *     dependent loads, documented in HACKING.md "Memory layout");
 *   - marking the tiny/noscan objects by pushing them: they have no pointers, so marking them black
 *     directly saves a queue round trip (Go does the same);
 *   - a separate "checkmark" bitmap path through the marker: checkmark (mcheckmark.ts) instead
 *     saves the real mark bits, re-marks with this very code and compares, so the debug mode adds
 *     no branch to the hot loop.
 */

import { ARENA_INDEX, AR_PTRBITS, AR_SPANS } from "./mheap.js";
import type { LinearMemory } from "./mem.js";
import { LOW_REGION_BYTES } from "./mem.js";
import {
  SP_DIVMAGIC,
  SP_ELEMSIZE,
  SP_GCMARKBITS,
  SP_LIMIT,
  SP_SPANCLASS,
  SP_START,
  SP_STATE,
  SPAN_INUSE,
} from "./mspan.js";
import { GCWork, WB_OBJ, WORKBUF_ENTRIES, type WorkbufPool } from "./mgcwork.js";
import { FR_FUNC, FR_LINK, FR_PC, FR_SLOTS, STK_FP, STK_HI, STK_LO, type StackMapSource } from "./stack.js";

export type { StackMapSource };

/** Objects larger than this are scanned in pieces of this size (Go's maxObletBytes). */
export const MAX_OBLET_BYTES = 128 << 10;
/** Global data is scanned in root jobs of at most this many bytes (Go's rootBlockBytes). */
export const ROOT_BLOCK_BYTES = 256 << 10;

/** All goroutines' stacks (the scheduler's allgs). Indices are stable within a GC cycle. */
export interface GoroutineSource {
  /** Number of stack records (including dead goroutines, whose record returns 0). */
  numStacks(): number;
  /** Address of stack record i (lo, hi, fp, guard), or 0 when that goroutine is dead. */
  stackAt(i: number): number;
}

/** Shrinks a goroutine stack at a GC safe point (stack.ts's shrinkstack). */
export interface StackShrinker {
  shrinkstack(g: number): void;
}

/** Something that contributes roots to job 0 (finalizers). Returns the scan work done. */
export interface ExtraRoots {
  markRoots(m: Marker): number;
}

/**
 * The marking machinery of one heap. Constructed once per runtime (per test heap). Mark-phase
 * counters are reset by `startCycle`.
 */
export class Marker {
  readonly gcw: GCWork;
  /** Cached views (refreshed at each drain and root job: memory may have grown). */
  private u32: Uint32Array;
  private i32: Int32Array;
  private u8: Uint8Array;
  /** Committed bytes when the views were taken: any pointer ≥ this is not a heap object. */
  private memEnd = 0;

  // ── roots ──
  /** Global blocks: base, nbytes, bitmap address (flat triples). */
  private readonly globals: number[] = [];
  /** Registered runtime-internal root slots (addresses of 8-byte pointer slots). */
  private rootSlots = new Uint32Array(16);
  private nRootSlots = 0;
  goroutines: GoroutineSource | null = null;
  stackMaps: StackMapSource | null = null;
  shrinker: StackShrinker | null = null;
  /** Finalizer roots (mfinal.ts). */
  extraRoots: ExtraRoots | null = null;
  /** When false, stacks are never shrunk (GODEBUG gcshrinkstackoff=1, checkmark pass). */
  shrinkStacks = true;
  /**
   * Worker-thread Ms (mgcthreads.ts): whether goroutine g's stack may be scanned now — false
   * while g runs bytecode on a worker M. null (one thread, every G is at a safe point whenever
   * marking runs): always. A refused stack job's goroutine index goes to `deferredStacks`; it
   * is retried at every drain (`retryDeferredStacks`) and the mark is not done until none is
   * left. Set once by the runtime server before the first cycle.
   */
  stackGate: ((g: number) => boolean) | null = null;
  /** Goroutine indices (GoroutineSource) whose stack job was refused by stackGate this cycle. */
  readonly deferredStacks: number[] = [];
  /**
   * Another thread may set mark bits at the same time (idle mark workers on worker Ms,
   * mgcidle.ts): mark bits are set with Atomics.or, so of two threads marking one object
   * exactly one sees the bit clear and greys it, and neither loses the other's bit in the same
   * word. Plain read-modify-write otherwise (one thread: cheaper).
   */
  atomicMarks = false;
  /**
   * This marker runs a mark job on a worker M (mgcidle.ts): `drain` stops before an object
   * larger than MAX_OBLET_BYTES (left on top of the queue for the server, which splits it into
   * oblets), so a job never queues more than its spare buffers hold. Its address is then in
   * `stoppedAt`; 0 when the job ended for another reason.
   */
  jobMode = false;
  stoppedAt = 0;
  /**
   * Mark jobs handed to worker Ms and not returned yet (mgcidle.ts). Their grey objects are in
   * the jobs' buffers, not in this marker's queue: the mark is not done until every job is back.
   */
  jobsOut = 0;

  // ── per-cycle root job state ──
  /** Root jobs fixed at prepareRoots. */
  nRootJobs = 0;
  /** Next root job to run. */
  rootNext = 0;
  private nGlobalJobs = 0;
  private nStackJobs = 0;

  // ── per-cycle scan work (bytes) ──
  stackScanWork = 0;
  globalsScanWork = 0;
  /** Goroutine stacks scanned this cycle. */
  stacksScanned = 0;

  constructor(
    readonly mem: LinearMemory,
    pool: WorkbufPool,
  ) {
    this.gcw = new GCWork(pool);
    this.u32 = mem.u32;
    this.i32 = mem.i32;
    this.u8 = mem.u8;
    this.memEnd = mem.byteLength;
  }

  /** Re-reads the memory views (after growth). */
  refresh(): void {
    const mem = this.mem;
    if (this.u32 !== mem.u32) {
      this.u32 = mem.u32;
      this.i32 = mem.i32;
      this.u8 = mem.u8;
      this.memEnd = mem.byteLength;
      this.gcw.pool.refreshView();
    }
  }

  // ── root registration ──

  /** Registers global data [base, base+nbytes) whose pointer words are flagged in `bitmap`. */
  addGlobals(base: number, nbytes: number, bitmap: number): void {
    for (let off = 0; off < nbytes; off += ROOT_BLOCK_BYTES) {
      const n = Math.min(ROOT_BLOCK_BYTES, nbytes - off);
      // A block's bitmap starts at bit off/8, a multiple of 8 words: byte aligned.
      this.globals.push(base + off, n, bitmap + (off >>> 6));
    }
  }

  /** Bytes of registered global data. */
  globalsBytes(): number {
    let n = 0;
    for (let i = 1; i < this.globals.length; i += 3) n += this.globals[i]!;
    return n;
  }

  /** Registers an 8-byte pointer slot as a root (runtime-internal structures). */
  addRoot(slotAddr: number): void {
    if (this.nRootSlots === this.rootSlots.length) {
      const n = new Uint32Array(this.rootSlots.length * 2);
      n.set(this.rootSlots);
      this.rootSlots = n;
    }
    this.rootSlots[this.nRootSlots++] = slotAddr;
  }

  /** Unregisters a root slot; returns false if it was not registered. */
  removeRoot(slotAddr: number): boolean {
    for (let i = 0; i < this.nRootSlots; i++) {
      if (this.rootSlots[i] === slotAddr) {
        this.rootSlots[i] = this.rootSlots[--this.nRootSlots]!;
        return true;
      }
    }
    return false;
  }

  // ── cycle ──

  /** Fixes the root jobs of a new cycle and resets the counters. Precondition: world stopped. */
  prepareRoots(): void {
    this.refresh();
    this.nGlobalJobs = this.globals.length / 3;
    this.nStackJobs = this.goroutines === null ? 0 : this.goroutines.numStacks();
    this.nRootJobs = 1 + this.nGlobalJobs + this.nStackJobs;
    this.rootNext = 0;
    this.deferredStacks.length = 0;
    this.stackScanWork = 0;
    this.globalsScanWork = 0;
    this.stacksScanned = 0;
    this.gcw.bytesMarked = 0;
    this.gcw.heapScanWork = 0;
  }

  /** True when every root job ran and no grey object is left. */
  markDone(): boolean {
    return this.rootNext >= this.nRootJobs && this.deferredStacks.length === 0 && this.jobsOut === 0 && this.gcw.empty();
  }

  /** Runs root job i; returns its scan work (bytes). */
  markroot(i: number): number {
    this.refresh();
    if (i === 0) {
      let work = 0;
      for (let k = 0; k < this.nRootSlots; k++) {
        this.shade(this.u32[this.rootSlots[k]! >>> 2]!); // shade may grow memory: no cached view
        work += 8;
      }
      if (this.extraRoots !== null) work += this.extraRoots.markRoots(this);
      this.globalsScanWork += work;
      return work;
    }
    if (i <= this.nGlobalJobs) {
      const j = (i - 1) * 3;
      const n = this.globals[j + 1]!;
      this.scanblock(this.globals[j]!, n, this.globals[j + 2]!);
      this.globalsScanWork += n;
      return n;
    }
    const gi = i - 1 - this.nGlobalJobs;
    const g = this.goroutines!.stackAt(gi);
    if (g === 0) return 0;
    if (this.stackGate !== null && !this.stackGate(g)) {
      this.deferredStacks.push(gi);
      return 0;
    }
    return this.stackJob(g);
  }

  /** A goroutine's stack root job: shrink it if allowed, then scan it. */
  private stackJob(g: number): number {
    if (this.shrinkStacks && this.shrinker !== null) {
      this.shrinker.shrinkstack(g);
      this.refresh();
    }
    const w = this.scanstack(g);
    this.stackScanWork += w;
    this.stacksScanned++;
    return w;
  }

  /**
   * Runs the deferred stack jobs whose goroutine stackGate now allows (dead ones are dropped:
   * a dead goroutine holds no roots). Returns the scan work done.
   */
  retryDeferredStacks(): number {
    const d = this.deferredStacks;
    const gate = this.stackGate;
    let work = 0;
    for (let k = 0; k < d.length; ) {
      const g = this.goroutines!.stackAt(d[k]!);
      if (g !== 0 && gate !== null && !gate(g)) {
        k++;
        continue;
      }
      d[k] = d[d.length - 1]!;
      d.length--;
      if (g === 0) continue;
      this.refresh();
      work += this.stackJob(g);
    }
    return work;
  }

  // ── marking ──

  /**
   * Greys the object containing address p if p points into an allocated heap span and the
   * object is white. Anything else (nil, stacks, globals, type descriptors) is ignored.
   */
  shade(p: number): void {
    if (p < LOW_REGION_BYTES || p >= this.memEnd) return;
    const u32 = this.u32;
    const hdr = u32[(ARENA_INDEX >>> 2) + (p >>> 22)]!;
    if (hdr === 0) return;
    const s = u32[(hdr + AR_SPANS + (((p - u32[hdr >>> 2]!) >>> 13) << 2)) >>> 2]!;
    if (s === 0) return;
    const u8 = this.u8;
    if (u8[s + SP_STATE] !== SPAN_INUSE) return;
    const sb = s >>> 2;
    if (p >= u32[sb + (SP_LIMIT >>> 2)]!) return;
    const start = u32[sb + (SP_START >>> 2)]!;
    const size = u32[sb + (SP_ELEMSIZE >>> 2)]!;
    const idx = ((p - start) / size) >>> 0;
    const mw = (u32[sb + (SP_GCMARKBITS >>> 2)]! + ((idx >>> 5) << 2)) >>> 2;
    const bit = 1 << (idx & 31);
    // Mark words through the Int32 view: a word with bit 31 set stays a small integer for V8.
    const i32 = this.i32;
    if (this.atomicMarks) {
      // (a plain look first: an object already marked costs no locked instruction)
      if ((i32[mw]! & bit) !== 0 || (Atomics.or(i32, mw, bit) & bit) !== 0) return;
    } else {
      const old = i32[mw]!;
      if ((old & bit) !== 0) return;
      i32[mw] = old | bit;
    }
    const gcw = this.gcw;
    gcw.bytesMarked += size;
    if ((u8[s + SP_SPANCLASS]! & 1) !== 0) return; // noscan: black at once
    if (gcw.curN === WORKBUF_ENTRIES || gcw.cur === 0) {
      gcw.putSlow(); // may take pages and grow memory: callers re-read this.u32/this.u8
      this.refresh();
    }
    gcw.put(start + idx * size);
  }

  /**
   * Scans the grey object (or oblet) at b: shades every pointer word. Returns the bytes scanned.
   * Precondition: b was pushed by shade (an object base) or by this function (an oblet start).
   */
  scanobject(b: number): number {
    const u32 = this.u32;
    const u8 = this.u8;
    const hdr = u32[(ARENA_INDEX >>> 2) + (b >>> 22)]!;
    const abase = u32[hdr >>> 2]!;
    const s = u32[(hdr + AR_SPANS + (((b - abase) >>> 13) << 2)) >>> 2]!;
    const sb = s >>> 2;
    const start = u32[sb + (SP_START >>> 2)]!;
    const size = u32[sb + (SP_ELEMSIZE >>> 2)]!;
    let n = size;
    if (size > MAX_OBLET_BYTES) {
      if (b === start) {
        // Queue the rest of the object as oblets; scan the first piece now.
        for (let o = b + MAX_OBLET_BYTES; o < b + size; o += MAX_OBLET_BYTES) this.gcw.put(o);
        n = MAX_OBLET_BYTES;
      } else {
        n = Math.min(MAX_OBLET_BYTES, start + size - b);
      }
    }
    const bm = hdr + u32[(hdr + AR_PTRBITS) >>> 2]!;
    let w = (b - abase) >>> 3;
    const end = b + n;
    // Views are re-read per word: shade may grow memory (a new work buffer).
    for (let a = b; a < end; ) {
      const bits = this.u8[bm + (w >>> 3)]!;
      if ((w & 7) === 0 && bits === 0) {
        // Eight non-pointer words.
        a += 64;
        w += 8;
        continue;
      }
      if ((bits & (1 << (w & 7))) !== 0) {
        const p = this.u32[a >>> 2]!;
        if (p !== 0) this.shade(p);
      }
      a += 8;
      w++;
    }
    this.gcw.heapScanWork += n;
    return n;
  }

  /** Shades every pointer word of [b, b+n) per the bitmap at `bitmap` (bit i ↔ word i). */
  scanblock(b: number, n: number, bitmap: number): void {
    const nw = n >>> 3;
    // Views are re-read per word: shade may grow memory (a new work buffer).
    for (let i = 0; i < nw; ) {
      const u32 = this.u32;
      const bits = this.u8[bitmap + (i >>> 3)]!;
      if ((i & 7) === 0 && bits === 0) {
        i += 8;
        continue;
      }
      if ((bits & (1 << (i & 7))) !== 0) {
        const p = u32[(b + i * 8) >>> 2]!;
        if (p !== 0) this.shade(p);
      }
      i++;
    }
  }

  /** Scans a goroutine stack frame by frame; returns the bytes of stack covered. */
  scanstack(g: number): number {
    let u32 = this.u32;
    const hi = u32[(g + STK_HI) >>> 2]!;
    const lo = u32[(g + STK_LO) >>> 2]!;
    const top = u32[(g + STK_FP) >>> 2]!;
    const maps = this.stackMaps;
    let fp = top;
    while (fp !== 0 && fp >= lo && fp < hi) {
      const fb = fp >>> 2;
      if (maps !== null) {
        const m = maps.stackMapAddr(u32[fb + (FR_FUNC >>> 2)]!, u32[fb + (FR_PC >>> 2)]!);
        if (m !== 0) {
          const nslots = u32[m >>> 2]!;
          const nbytes = nslots * 8;
          this.scanblock(fp + FR_SLOTS, nbytes, m + 4);
        }
      }
      u32 = this.u32;
      fp = u32[fb + (FR_LINK >>> 2)]!;
    }
    return top < hi && top >= lo ? hi - top : 0;
  }

  /**
   * Does up to `budget` bytes of mark work: root jobs first, then grey objects. Returns the work
   * done (it can exceed the budget by one root job or one oblet).
   */
  drain(budget: number): number {
    this.refresh();
    let work = 0;
    while (this.rootNext < this.nRootJobs) {
      work += this.markroot(this.rootNext++);
      if (work >= budget) return work;
    }
    if (this.deferredStacks.length !== 0) {
      work += this.retryDeferredStacks();
      if (work >= budget) return work;
    }
    return work + this.drainObjects(budget - work);
  }

  /**
   * The mark loop proper: pops grey objects and scans them until the queue is empty or `budget`
   * bytes were scanned. Returns the bytes scanned. This is `tryGet` + `scanobject` + `shade`
   * written out in one function so that the views, the work buffer cursor and the counters
   * live in locals (V8 keeps them in registers; as object fields they are reloaded after every
   * store to a typed array). Pointer bits are read a u32 (32 words) at a time and visited with
   * count-trailing-zeros, so a 48-byte object costs one bitmap load, not six bit tests; the slot
   * index uses the span's reciprocal (SP_DIVMAGIC) instead of a division. Objects over
   * MAX_OBLET_BYTES take the general `scanobject` path. Go: gcDrain/scanobject/greyobject.
   */
  private drainObjects(budget: number): number {
    let u32 = this.u32;
    let i32 = this.i32;
    let u8 = this.u8;
    let memEnd = this.memEnd;
    const gcw = this.gcw;
    let cur = gcw.cur;
    let curN = gcw.curN;
    let marked = 0;
    let scanned = 0;
    let work = 0;
    const atomic = this.atomicMarks;
    this.stoppedAt = 0;
    while (work < budget) {
      if (curN === 0) {
        gcw.cur = cur;
        gcw.curN = 0;
        curN = gcw.getSlow();
        if (curN === 0) break;
        cur = gcw.cur;
      }
      curN--;
      const b = u32[(cur + WB_OBJ + (curN << 2)) >>> 2]!;
      const bhdr = u32[(ARENA_INDEX >>> 2) + (b >>> 22)]!;
      const babase = u32[bhdr >>> 2]!;
      const bs = u32[(bhdr + AR_SPANS + (((b - babase) >>> 13) << 2)) >>> 2]!;
      const bsize = u32[(bs + SP_ELEMSIZE) >>> 2]!;
      if (bsize > MAX_OBLET_BYTES) {
        if (this.jobMode && b === u32[(bs + SP_START) >>> 2]!) {
          curN++; // (a job leaves a large object's head to the server)
          this.stoppedAt = b;
          break;
        }
        // Oblets: the general path (it may push, so hand the cursor back first).
        gcw.cur = cur;
        gcw.curN = curN;
        work += this.scanobject(b);
        cur = gcw.cur;
        curN = gcw.curN;
        u32 = this.u32; // scanobject may have grown memory (and refreshed the views)
        i32 = this.i32;
        u8 = this.u8;
        memEnd = this.memEnd;
        continue;
      }
      scanned += bsize;
      work += bsize;
      // Pointer bits of the object: words w .. w+nw−1 of the arena's bitmap.
      const w = (b - babase) >>> 3;
      let bi = ((bhdr + u32[(bhdr + AR_PTRBITS) >>> 2]!) >>> 2) + (w >>> 5);
      let sh = w & 31;
      let nw = bsize >>> 3;
      let ab = b; // address of the word for bit `sh` of u32[bi]
      while (nw > 0) {
        let take = 32 - sh;
        if (take > nw) take = nw;
        let bits = i32[bi]! >> sh; // int32 throughout; the mask drops the sign extension
        if (take < 32) bits &= (1 << take) - 1;
        while (bits !== 0) {
          const t = 31 - Math.clz32(bits & -bits);
          bits &= bits - 1;
          const p = u32[(ab + (t << 3)) >>> 2]!;
          // shade(p), inlined.
          if (p < LOW_REGION_BYTES || p >= memEnd) continue;
          const hdr = u32[(ARENA_INDEX >>> 2) + (p >>> 22)]!;
          if (hdr === 0) continue;
          const s = u32[(hdr + AR_SPANS + (((p - u32[hdr >>> 2]!) >>> 13) << 2)) >>> 2]!;
          if (s === 0 || u8[s + SP_STATE] !== SPAN_INUSE) continue;
          const sb = s >>> 2;
          if (p >= u32[sb + (SP_LIMIT >>> 2)]!) continue;
          const start = u32[sb + (SP_START >>> 2)]!;
          // off < 2^17 and magic < 2^32: exact in a double (see mspan.ts objIndex); large
          // spans have magic 0 and one object.
          const idx = Math.floor(((p - start) * u32[sb + (SP_DIVMAGIC >>> 2)]!) / 4294967296);
          const mw = (u32[sb + (SP_GCMARKBITS >>> 2)]! >>> 2) + (idx >>> 5);
          const bit = 1 << (idx & 31);
          if (atomic) {
            if ((i32[mw]! & bit) !== 0 || (Atomics.or(i32, mw, bit) & bit) !== 0) continue;
          } else {
            const old = i32[mw]!;
            if ((old & bit) !== 0) continue;
            i32[mw] = old | bit;
          }
          const size = u32[sb + (SP_ELEMSIZE >>> 2)]!;
          marked += size;
          if ((u8[s + SP_SPANCLASS]! & 1) !== 0) continue; // noscan: black at once
          if (curN === WORKBUF_ENTRIES) {
            gcw.cur = cur;
            gcw.curN = curN;
            gcw.putSlow(); // may take pages: memory may grow
            cur = gcw.cur;
            curN = 0;
            this.refresh();
            u32 = this.u32;
            i32 = this.i32;
            u8 = this.u8;
            memEnd = this.memEnd;
          }
          u32[(cur + WB_OBJ + (curN << 2)) >>> 2] = start + idx * size;
          curN++;
        }
        ab += take << 3;
        nw -= take;
        bi++;
        sh = 0;
      }
    }
    gcw.cur = cur;
    gcw.curN = curN;
    gcw.bytesMarked += marked;
    gcw.heapScanWork += scanned;
    return work;
  }

  /** Scans the contents of object `base` (all its words) without marking it (finalizer roots). */
  scanObjectContents(base: number): number {
    this.refresh();
    const u32 = this.u32;
    const hdr = u32[(ARENA_INDEX >>> 2) + (base >>> 22)]!;
    if (hdr === 0) return 0;
    const s = u32[(hdr + AR_SPANS + (((base - u32[hdr >>> 2]!) >>> 13) << 2)) >>> 2]!;
    if (s === 0 || (this.u8[s + SP_SPANCLASS]! & 1) !== 0) return 0;
    return this.scanRange(base, u32[(s + SP_ELEMSIZE) >>> 2]!);
  }

  /** Scans [b, b+n) inside one heap object using the heap bitmap (no oblet queuing). */
  private scanRange(b: number, n: number): number {
    const u32 = this.u32;
    const u8 = this.u8;
    const hdr = u32[(ARENA_INDEX >>> 2) + (b >>> 22)]!;
    const abase = u32[hdr >>> 2]!;
    const bm = hdr + u32[(hdr + AR_PTRBITS) >>> 2]!;
    let w = (b - abase) >>> 3;
    for (let a = b; a < b + n; a += 8, w++) {
      if ((this.u8[bm + (w >>> 3)]! & (1 << (w & 7))) !== 0) {
        const p = this.u32[a >>> 2]!;
        if (p !== 0) this.shade(p);
      }
    }
    this.gcw.heapScanWork += n;
    return n;
  }

  // ── queries (tests, checkmark, finalizers) ──

  /** Scratch outputs of findObject: the span and slot index of the last object found. */
  foundSpan = 0;
  foundIndex = 0;

  /** Base address of the allocated-span object containing p, or 0. Sets foundSpan/foundIndex. */
  findObject(p: number): number {
    this.refresh();
    if (p < LOW_REGION_BYTES || p >= this.memEnd) return 0;
    const u32 = this.u32;
    const hdr = u32[(ARENA_INDEX >>> 2) + (p >>> 22)]!;
    if (hdr === 0) return 0;
    const s = u32[(hdr + AR_SPANS + (((p - u32[hdr >>> 2]!) >>> 13) << 2)) >>> 2]!;
    if (s === 0 || this.u8[s + SP_STATE] !== SPAN_INUSE) return 0;
    if (p >= u32[(s + SP_LIMIT) >>> 2]!) return 0;
    const start = u32[(s + SP_START) >>> 2]!;
    const size = u32[(s + SP_ELEMSIZE) >>> 2]!;
    const idx = ((p - start) / size) >>> 0;
    this.foundSpan = s;
    this.foundIndex = idx;
    return start + idx * size;
  }

  /** True if the object containing p is marked (p must be a heap object address). */
  isMarked(p: number): boolean {
    if (this.findObject(p) === 0) return false;
    const u32 = this.u32;
    const idx = this.foundIndex;
    return (u32[(u32[(this.foundSpan + SP_GCMARKBITS) >>> 2]! + ((idx >>> 5) << 2)) >>> 2]! & (1 << (idx & 31))) !== 0;
  }
}
