/**
 * mgcsweep.ts — the sweeper: frees the objects the last mark left white. Counterpart of Go 1.19's
 * src/runtime/mgcsweep.go (written afresh).
 *
 * SWEEPGEN PROTOCOL (shared with mcentral/mcache, see HACKING.md). Mark termination advances the
 * heap's sweepgen sg by 2 with the world stopped; from then on every in-use span with
 * s.sweepgen == sg−2 needs sweeping, and the mcentral lists flip roles (swept ↔ unswept) without
 * touching a span — so starting a sweep phase is O(1), not O(heap). A span is claimed for
 * sweeping by moving its sweepgen to sg−1 and is done at sg. Spans sitting in an mcache were
 * at sg+3 and read sg+1 after the flip: the mcache flush at mark termination sweeps them.
 *
 * Who sweeps (the first three end in `sweep` below, which implements mcentral's SpanSweeper):
 *   - lazily, the allocator: mcentral.cacheSpan sweeps an unswept span before handing it out;
 *   - proportionally, on allocation (`deductSweepCredit`, Go's proportional sweep): each span's
 *     worth of allocation sweeps enough pages that sweeping ends before the next GC trigger;
 *   - in the background (`sweepone` driven by mgc.ts's poll, Go's bgsweep), and completely
 *     before the next cycle starts (gcStart finishes the sweep before stopping the world, so
 *     sweep termination does no sweeping: O(Ps)).
 *   - on idle worker-thread Ms (mgcsweepjob.ts): `claim` hands a job of spans to another thread
 *     (presweep here), `absorb` finishes them when it is back (postsweep); the phase is not done
 *     while a job is out, and `finishAll` waits for them (`awaitJobs`).
 *
 * sweep(s): queue finalizers of unmarked objects (mfinal.ts resurrects them), then mspan.ts's
 * sweepBits (allocBits ← gcmarkBits, fresh zero mark bits, allocCount ← marked count), count the
 * frees, and either keep the span (preserve: the allocator takes it), return it to mcentral's
 * swept lists, or give it back to the page heap when no object is left (large spans: when their
 * one object died).
 *
 * "Sweep done": the background cursor has visited every span class's unswept lists and found
 * nothing. Then the pacer recomputes its goal without the sweep-distance floor and the scavenger
 * gets to run.
 *
 * Rejected: sweeping by walking the allspans list (a span freed under the cursor could leave it
 * dangling, and span records are recycled), and eager sweeping at mark termination (O(heap)
 * pause; only GODEBUG=gcstoptheworld=2 asks for it).
 */

import type { Heap } from "./malloc.js";
import type { LinearMemory } from "./mem.js";
import type { Finalizers } from "./mfinal.js";
import {
  SP_ALLOCBITS,
  SP_ALLOCCOUNT,
  SP_ELEMSIZE,
  SP_FREEINDEX,
  SP_GCMARKBITS,
  SP_NELEMS,
  SP_START,
  SP_NPAGES,
  SP_NEXT,
  SP_SPANCLASS,
  SP_SWEEPGEN,
  sweepBits,
} from "./mspan.js";
import { ST_LARGE_FREE, ST_LARGE_FREE_COUNT, ST_SMALL_FREE } from "./mstats.js";
import { NUM_SPAN_CLASSES } from "./sizeclasses.js";

/** Heap profiling (profmem.ts): frees of sampled objects and the per-cycle publication. */
export interface SweepProfHook {
  /** Before span s's unmarked objects are freed. */
  sweepSpan(s: number): void;
  /** Mark termination: a new sweep phase (Go's mProf_NextCycle + mProf_Flush). */
  nextCycle(): void;
  /** The sweep phase finished: its frees are complete (Go's mProf_PostSweep). */
  postSweep(): void;
}

export class Sweeper {
  /** Next span class the background sweeper looks at; NUM_SPAN_CLASSES = nothing left. */
  private cursor = NUM_SPAN_CLASSES;
  /** Spans swept this sweep phase (all sweepers). */
  spansSwept = 0;
  /** Pages swept this sweep phase. */
  pagesSwept = 0;
  /** Objects freed this sweep phase. */
  objectsFreed = 0;
  /** Bytes of objects freed by sweeping since the sweeper was made (the tracer's GCSweepDone). */
  bytesFreed = 0;
  /** Pages given back to the page heap by sweeping, since the sweeper was made (reclaim). */
  pagesFreed = 0;
  /** Pages in in-use spans when the sweep phase began (proportional sweep basis). */
  pagesInUse = 0;
  /** Proportional sweep: pages to sweep per byte of heap growth (0 = off). */
  sweepPagesPerByte = 0;
  /** heapLive when sweepPagesPerByte was computed (bytes). */
  sweepHeapLiveBasis = 0;
  /** pagesSwept when sweepPagesPerByte was computed. */
  pagesSweptBasis = 0;
  /** True once the current sweep phase has finished (initially: nothing to sweep). */
  done = true;
  /** Sweep jobs claimed and not yet absorbed (mgcsweepjob.ts). */
  jobsOut = 0;
  /** Blocks until every sweep job out is absorbed (the server's, mgcsweepjob.ts); null = no jobs. */
  awaitJobs: (() => void) | null = null;
  /** Called once when a sweep phase finishes (mgc.ts: pacer commit, scavenger). */
  onSweepDone: (() => void) | null = null;
  /** GODEBUG=clobberfree=1: overwrite freed small objects with 0xdeadbeef. */
  clobberfree = false;
  /** The heap profiler, once heap profiling is enabled (profmem.ts); null = off. */
  prof: SweepProfHook | null = null;

  constructor(
    readonly heap: Heap,
    readonly finalizers: Finalizers,
  ) {}

  /**
   * Starts a sweep phase. Precondition: world stopped, sweepgen already advanced by 2.
   * `pagesInUse`: heap pages in in-use spans now.
   */
  startPhase(pagesInUse: number): void {
    if (this.jobsOut !== 0) throw new Error("gort mgcsweep: a sweep phase starts with sweep jobs out");
    this.cursor = 0;
    this.spansSwept = 0;
    this.pagesSwept = 0;
    this.objectsFreed = 0;
    this.pagesInUse = pagesInUse;
    this.done = false;
    if (this.prof !== null) this.prof.nextCycle();
  }

  /**
   * Sweeps span s (SpanSweeper contract: the caller moved s.sweepgen to sg−1). Returns true if the
   * span went back to the page heap.
   */
  sweep(s: number, preserve: boolean): boolean {
    this.presweep(s);
    if (this.clobberfree) clobberSpan(this.heap.mem, s);
    return this.postsweep(s, sweepBits(this.heap.mem, s), preserve);
  }

  /** The part of a span's sweep before its bits change: finalizers, heap profile. */
  private presweep(s: number): void {
    this.finalizers.sweepSpecials(s);
    if (this.prof !== null) this.prof.sweepSpan(s); // after finalizer resurrection, before the frees
  }

  /**
   * The part after sweepBits freed `freed` objects of s: sweepgen, statistics, and the span
   * back to mcentral or the page heap (unless preserved). Returns true if it was freed.
   */
  private postsweep(s: number, freed: number, preserve: boolean): boolean {
    const heap = this.heap;
    const mem = heap.mem;
    const u32 = mem.u32;
    const spc = mem.u8[s + SP_SPANCLASS]!;
    const sizeclass = spc >>> 1;
    const npages = u32[(s + SP_NPAGES) >>> 2]!;
    u32[(s + SP_SWEEPGEN) >>> 2] = heap.mheap.sweepgen;
    this.spansSwept++;
    this.pagesSwept += npages;
    this.objectsFreed += freed;
    if (freed > 0) this.bytesFreed += freed * u32[(s + SP_ELEMSIZE) >>> 2]!;
    const f = mem.f64;
    if (sizeclass === 0) {
      if (freed > 0) {
        f[ST_LARGE_FREE >>> 3] += u32[(s + SP_ELEMSIZE) >>> 2]!;
        f[ST_LARGE_FREE_COUNT >>> 3] += 1;
        heap.mheap.freeSpan(s);
        this.pagesFreed += npages;
        return true;
      }
      if (!preserve) heap.central.pushFull(s, true);
      return false;
    }
    f[(ST_SMALL_FREE >>> 3) + sizeclass] += freed;
    if (preserve) return false;
    if (u32[(s + SP_ALLOCCOUNT) >>> 2] === 0) {
      heap.mheap.freeSpan(s);
      this.pagesFreed += npages;
      return true;
    }
    heap.central.pushSwept(s);
    return false;
  }

  /** Spans may be left on the lists to claim (the cursor has not passed every class). */
  hasUnclaimed(): boolean {
    return this.cursor < NUM_SPAN_CLASSES;
  }

  /**
   * A sweep job for another thread (mgcsweepjob.ts): claims up to `max` spans that need
   * sweeping, runs their presweep here, links them through SP_NEXT and records each one's
   * allocCount in `olds`. Returns how many (0: nothing left to claim). `absorb` finishes them and
   * counts them as swept; the phase is not done while a job is out.
   */
  claim(max: number, spans: Uint32Array, olds: Uint32Array): number {
    if (this.done) return 0;
    const central = this.heap.central;
    const u32 = this.heap.mem.u32;
    let n = 0;
    while (n < max && this.cursor < NUM_SPAN_CLASSES) {
      const s = central.popUnswept(this.cursor);
      if (s === 0) {
        this.cursor++;
        continue;
      }
      this.presweep(s);
      spans[n] = s;
      olds[n] = u32[(s + SP_ALLOCCOUNT) >>> 2]!;
      if (n > 0) u32[(spans[n - 1]! + SP_NEXT) >>> 2] = s;
      n++;
    }
    if (n > 0) this.jobsOut++;
    else if (this.jobsOut === 0) this.finish(); // (the cursor has passed every class)
    return n;
  }

  /** A claimed job's spans are swept (sweepBits ran on the other thread): finish them here. */
  absorb(spans: Uint32Array, olds: Uint32Array, n: number): void {
    const u32 = this.heap.mem.u32;
    for (let k = 0; k < n; k++) {
      const s = spans[k]!;
      u32[(s + SP_NEXT) >>> 2] = 0;
      this.postsweep(s, olds[k]! - u32[(s + SP_ALLOCCOUNT) >>> 2]!, false);
    }
    this.jobsOut--;
    if (this.jobsOut === 0 && this.cursor >= NUM_SPAN_CLASSES) this.finish();
  }

  /**
   * Sweeps one span that still needs it (background / proportional sweeping). Returns the
   * number of pages swept, or −1 when the sweep phase is complete.
   */
  sweepone(): number {
    if (this.done) return -1;
    const central = this.heap.central;
    const u32 = this.heap.mem.u32;
    while (this.cursor < NUM_SPAN_CLASSES) {
      const s = central.popUnswept(this.cursor);
      if (s !== 0) {
        const npages = u32[(s + SP_NPAGES) >>> 2]!;
        this.sweep(s, false);
        return npages;
      }
      this.cursor++;
    }
    if (this.jobsOut === 0) this.finish(); // (else the last absorb ends the phase)
    return -1;
  }

  /**
   * The heap's reclaimer hook (Go's mheap.reclaim): before memory grows, sweep until `npages`
   * pages went back to the page heap or nothing is left to sweep. Each span is swept once per
   * cycle whoever sweeps it, so this only moves sweeping earlier. The freed pages need not form
   * one run: MHeap.allocPages searches once more and grows if they do not.
   */
  reclaim(npages: number): void {
    const target = this.pagesFreed + npages;
    while (this.pagesFreed < target && !this.done) {
      if (this.sweepone() < 0) break;
    }
  }

  /** Sweeps everything left (runtime.GC, gcStart, gcstoptheworld=2). Returns spans swept. */
  finishAll(): number {
    let n = 0;
    while (this.sweepone() >= 0) n++;
    if (this.jobsOut > 0 && this.awaitJobs !== null) this.awaitJobs();
    return n;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.sweepPagesPerByte = 0;
    if (this.prof !== null) this.prof.postSweep();
    if (this.onSweepDone !== null) this.onSweepDone();
  }

  /**
   * Sets up proportional sweeping so the phase ends before the heap reaches `trigger`
   * (Go's gcPaceSweeper). heapLive in bytes.
   */
  pace(trigger: number, heapLive: number): void {
    if (this.done) {
      this.sweepPagesPerByte = 0;
      return;
    }
    let distance = trigger - heapLive - (1 << 20);
    if (distance < 8192) distance = 8192;
    const remaining = this.pagesInUse - this.pagesSwept;
    if (remaining <= 0) {
      this.sweepPagesPerByte = 0;
      return;
    }
    this.sweepPagesPerByte = remaining / distance;
    this.sweepHeapLiveBasis = heapLive;
    this.pagesSweptBasis = this.pagesSwept;
  }

  /**
   * Proportional sweep on allocation: sweep until pagesSwept keeps pace with heapLive growth
   * since the basis (Go's deductSweepCredit). Called from the allocation slow path.
   */
  deductSweepCredit(heapLive: number): void {
    if (this.sweepPagesPerByte === 0 || this.done) return;
    const target = this.pagesSweptBasis + (heapLive - this.sweepHeapLiveBasis) * this.sweepPagesPerByte;
    while (this.pagesSwept < target) {
      if (this.sweepone() < 0) break;
    }
  }
}

/** Fills every allocated-but-unmarked slot of s with 0xdeadbeef (GODEBUG=clobberfree=1). */
export function clobberSpan(mem: LinearMemory, s: number): void {
  const u32 = mem.u32;
  const nelems = u32[(s + SP_NELEMS) >>> 2]!;
  const size = u32[(s + SP_ELEMSIZE) >>> 2]!;
  const start = u32[(s + SP_START) >>> 2]!;
  const alloc = u32[(s + SP_ALLOCBITS) >>> 2]!;
  const mark = u32[(s + SP_GCMARKBITS) >>> 2]!;
  const freeindex = u32[(s + SP_FREEINDEX) >>> 2]!;
  for (let i = 0; i < nelems; i++) {
    const w = i >>> 5;
    const bit = 1 << (i & 31);
    const allocated = i < freeindex || (u32[(alloc >>> 2) + w]! & bit) !== 0;
    if (allocated && (u32[(mark >>> 2) + w]! & bit) === 0) {
      u32.fill(0xdeadbeef, (start + i * size) >>> 2, (start + (i + 1) * size) >>> 2);
    }
  }
}
