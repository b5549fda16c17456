/**
 * profmem.ts — heap profiling: allocation sampling at runtime.MemProfileRate and the in-use
 * accounting behind the heap and allocs profiles (Go's mprof.go memory half and malloc.go's
 * nextSample, written afresh).
 *
 * SAMPLING. mallocgc (malloc.ts) reads the rate from the int word at `heap.memProfRateAddr`
 * (0 = the program never enabled heap profiling: no check at all). The address is that of Go's
 * `runtime.MemProfileRate` once package runtime/pprof registered it, or a word of this
 * profiler's when the host enabled profiling (`gort run --memprofile`) for a program that does
 * not import runtime/pprof. Each mcache keeps `nextSample` (MC_NEXTSAMPLE, bytes left before the
 * next sampled allocation); mallocgc subtracts each allocation's size and, when it would go
 * below zero (or the rate is 1), calls `sampleAlloc`, which draws a new distance from an
 * exponential distribution of mean MemProfileRate (Go's fastexprand: a Poisson process over
 * allocated bytes, so every byte has the same chance to be the sampled one) and records the
 * allocating goroutine's stack in a bucket keyed by (size, stack).
 *
 * IN-USE. A sampled object is remembered per span (`sampled`: span → object addresses and their
 * buckets). The sweeper (mgcsweep.ts) calls `sweepSpan(s)` before it frees s's unmarked objects:
 * every remembered object whose mark bit is clear was freed. This is the role Go gives to its
 * profile "specials". Counts are published per GC cycle exactly as Go does: allocations go to
 * future[(c+2)%3], frees to future[(c+1)%3], and at each mark termination (`nextCycle`, from the
 * sweeper's startPhase) c advances and future[c%3] is folded into `active` — so the profile shows
 * the heap as of the most recently completed GC, and never an object freed but not yet allocated.
 * With no GC yet (every active record empty) all futures are folded in when read, as Go does.
 * When a sweep phase completes (`postSweep`), future[(c+1)%3] is published too (see there).
 *
 * Rejected: a JS Map keyed by every sampled address for the sweep check (each span sweep would
 * then scan all sampled objects); a flag bit in the span record (the span layout belongs to the
 * memory half; a Map lookup per swept span costs nothing next to the sweep itself).
 */

import { MC_NEXTSAMPLE } from "./mcache.js";
import { ST_OTHER_SYS } from "./mstats.js";
import { SP_ELEMSIZE, SP_GCMARKBITS, SP_START } from "./mspan.js";
import { MAX_STACK, type Profiler, type RawProfile } from "./prof.js";

/** Go's default MemProfileRate: one sample per 512 KiB allocated on average. */
export const DEFAULT_MEM_PROFILE_RATE = 512 * 1024;

/** Allocation and free counts of one bucket over some cycles. */
interface MemCounts {
  allocs: number;
  frees: number;
  allocBytes: number;
  freeBytes: number;
}

interface MemBucket {
  size: number;
  stack: number[];
  active: MemCounts;
  future: [MemCounts, MemCounts, MemCounts];
}

/** A heap record as runtime.MemProfile returns it (raw, unscaled counts). */
export interface MemRecord {
  stack: number[];
  allocObjects: number;
  freeObjects: number;
  allocBytes: number;
  freeBytes: number;
}

function zeroCounts(): MemCounts {
  return { allocs: 0, frees: 0, allocBytes: 0, freeBytes: 0 };
}

function addCounts(a: MemCounts, b: MemCounts): void {
  a.allocs += b.allocs;
  a.frees += b.frees;
  a.allocBytes += b.allocBytes;
  a.freeBytes += b.freeBytes;
}

/**
 * Go's unsampling of heap figures: a sampled bucket of average object size avg stands for
 * 1 / (1 − e^(−avg/rate)) times as many objects and bytes. Returns [count, bytes].
 */
export function scaleHeapSample(count: number, size: number, rate: number): [number, number] {
  if (count === 0 || size === 0) return [0, 0];
  if (rate <= 1) return [count, size];
  const avg = size / count;
  const scale = 1 / (1 - Math.exp(-avg / rate));
  return [Math.trunc(count * scale), Math.trunc(size * scale)];
}

export class MemProfiler {
  private readonly prof: Profiler;
  /** Heap profiling cycle (Go's mProfCycle). */
  private cycle: number;
  private readonly buckets: Map<string, MemBucket>;
  /** span → flat list of (object address, bucket) for the sampled objects still live in it. */
  private readonly sampled: Map<number, (number | MemBucket)[]>;
  /** A word owned by the profiler holding the rate, when no Go variable was registered. */
  private hostRateAddr: number;

  constructor(prof: Profiler) {
    this.prof = prof;
    this.cycle = 0;
    this.buckets = new Map();
    this.sampled = new Map();
    this.hostRateAddr = 0;
  }

  /** The rate now in force (0 = off). */
  rate(): number {
    const addr = this.prof.sched.heap.memProfRateAddr;
    return addr === 0 ? 0 : this.prof.sched.mem.i32[addr >>> 2];
  }

  /**
   * Registers Go's runtime.MemProfileRate at `addr` (runtime/pprof's init) and gives it Go's
   * default when the program never set it; a rate the host asked for wins.
   */
  registerRateVar(addr: number): void {
    const heap = this.prof.sched.heap;
    const i32 = this.prof.sched.mem.i32;
    const host = this.hostRateAddr !== 0 ? i32[this.hostRateAddr >>> 2] : 0;
    if (i32[addr >>> 2] === 0 && i32[(addr >>> 2) + 1] === 0) {
      i32[addr >>> 2] = host > 0 ? host : DEFAULT_MEM_PROFILE_RATE;
    }
    heap.memProfRateAddr = addr;
    this.install();
  }

  /** The host enables heap profiling at `rate` (gort run --memprofile) before the program runs. */
  enable(rate: number = DEFAULT_MEM_PROFILE_RATE): void {
    const heap = this.prof.sched.heap;
    if (this.hostRateAddr === 0) this.hostRateAddr = heap.mheap.persistentAlloc(8, 8, ST_OTHER_SYS);
    this.prof.sched.mem.i32[this.hostRateAddr >>> 2] = rate;
    if (heap.memProfRateAddr === 0) heap.memProfRateAddr = this.hostRateAddr;
    this.install();
  }

  /** Hooks the allocator and sweeper and draws every mcache's first sample distance. */
  private install(): void {
    const sched = this.prof.sched;
    const heap = sched.heap;
    heap.profAlloc = this;
    if (sched.gc !== null) sched.gc.sweeper.prof = this;
    const rate = this.rate();
    const f64 = sched.mem.f64;
    for (const c of heap.mcaches) f64[(c + MC_NEXTSAMPLE) >>> 3] = this.nextSample(rate);
  }

  /** Bytes to allocate before the next sample: exponential with mean `rate` (Go: fastexprand). */
  nextSample(rate: number): number {
    if (rate <= 0) return Number.MAX_SAFE_INTEGER;
    if (rate === 1) return 0;
    // A uniform q in (0, 1] with 26 bits of precision; −ln(q)·rate is exponential with mean rate.
    const q = ((this.prof.rand() >>> 6) + 1) / 2 ** 26;
    return Math.floor(-Math.log(q) * rate) + 1;
  }

  /**
   * mallocgc, for an allocation that reached its mcache's sample point: records object x of
   * `size` bytes (its size class' size; the request for tiny objects) in span s, and draws the
   * mcache's next distance. Go: profilealloc + mProf_Malloc.
   */
  sampleAlloc(c: number, x: number, size: number, s: number): void {
    const rate = this.rate();
    this.prof.sched.mem.f64[(c + MC_NEXTSAMPLE) >>> 3] = this.nextSample(rate);
    if (rate <= 0) return;
    const g = this.prof.sched.curg;
    const stack = g === 0 ? [] : this.prof.captureStack(g, -1, 0, MAX_STACK);
    const key = size + ":" + stack.join(",");
    let b = this.buckets.get(key);
    if (b === undefined) {
      b = { size, stack, active: zeroCounts(), future: [zeroCounts(), zeroCounts(), zeroCounts()] };
      this.buckets.set(key, b);
    }
    const fut = b.future[(this.cycle + 2) % 3];
    fut.allocs++;
    fut.allocBytes += size;
    let list = this.sampled.get(s);
    if (list === undefined) {
      list = [];
      this.sampled.set(s, list);
    }
    list.push(x, b);
  }

  /**
   * Sweeper hook, before span s's unmarked objects are freed: sampled objects left unmarked are
   * frees (Go: the profile special's freeing in sweep). Precondition: the caller owns s.
   */
  sweepSpan(s: number): void {
    const list = this.sampled.get(s);
    if (list === undefined) return;
    const u32 = this.prof.sched.mem.u32;
    const start = u32[(s + SP_START) >>> 2];
    const size = u32[(s + SP_ELEMSIZE) >>> 2];
    const marks = u32[(s + SP_GCMARKBITS) >>> 2];
    const fi = (this.cycle + 1) % 3;
    let k = 0;
    for (let i = 0; i < list.length; i += 2) {
      const x = list[i] as number;
      const b = list[i + 1] as MemBucket;
      const idx = Math.floor((x - start) / size);
      if ((u32[(marks >>> 2) + (idx >>> 5)] & (1 << (idx & 31))) === 0) {
        const f = b.future[fi];
        f.frees++;
        f.freeBytes += b.size;
      } else {
        list[k++] = x;
        list[k++] = b;
      }
    }
    if (k === 0) this.sampled.delete(s);
    else list.length = k;
  }

  /** Mark termination (sweeper startPhase): the next profiling cycle; publish the finished one. */
  nextCycle(): void {
    this.cycle++;
    const i = this.cycle % 3;
    for (const b of this.buckets.values()) {
      addCounts(b.active, b.future[i]);
      b.future[i] = zeroCounts();
    }
  }

  /**
   * Sweep done: publish the frees of the cycle just swept together with the allocations made
   * before its mark termination (future[(c+1)%3]), without advancing the cycle. Go does this in
   * runtime.GC() only (mProf_PostSweep); here at every sweep completion, so a profile lags the
   * heap by at most one cycle instead of two.
   */
  postSweep(): void {
    const i = (this.cycle + 1) % 3;
    for (const b of this.buckets.values()) {
      addCounts(b.active, b.future[i]);
      b.future[i] = zeroCounts();
    }
  }

  /** runtime.MemProfile(…, inuseZero = true): every bucket's published counts. */
  records(): MemRecord[] {
    let clear = true;
    for (const b of this.buckets.values()) {
      if (b.active.allocs !== 0 || b.active.frees !== 0) {
        clear = false;
        break;
      }
    }
    if (clear) {
      // No GC has published anything yet: take everything recorded so far (Go does the same,
      // so a program profiling with the collector off still gets a heap profile).
      for (const b of this.buckets.values()) {
        for (let c = 0; c < 3; c++) {
          addCounts(b.active, b.future[c]);
          b.future[c] = zeroCounts();
        }
      }
    }
    const out: MemRecord[] = [];
    for (const b of this.buckets.values()) {
      out.push({ stack: b.stack, allocObjects: b.active.allocs, freeObjects: b.active.frees, allocBytes: b.active.allocBytes, freeBytes: b.active.freeBytes });
    }
    return out;
  }

  /** The heap or allocs profile (debug=0 form): Go 1.19's writeHeapProto. */
  profile(name: "heap" | "allocs"): RawProfile {
    const prof = this.prof;
    const rate = this.rate();
    const p = prof.newProfile(name, [["alloc_objects", "count"], ["alloc_space", "bytes"], ["inuse_objects", "count"], ["inuse_space", "bytes"]], ["space", "bytes"], rate);
    if (name === "allocs") p.defaultSampleType = "alloc_space";
    for (const r of this.records()) {
      const frames = prof.frames(r.stack);
      // Hide the allocator's own runtime frames unless nothing else is left.
      let i = 0;
      while (i < frames.length && frames[i].func.startsWith("runtime.")) i++;
      const shown = i < frames.length ? frames.slice(i) : frames;
      const [ao, ab] = scaleHeapSample(r.allocObjects, r.allocBytes, rate);
      const [io, ib] = scaleHeapSample(r.allocObjects - r.freeObjects, r.allocBytes - r.freeBytes, rate);
      const blockSize = r.allocObjects > 0 ? Math.trunc(r.allocBytes / r.allocObjects) : 0;
      p.samples.push({ frames: shown, values: [ao, ab, io, ib], labels: [], numLabels: blockSize !== 0 ? [["bytes", blockSize]] : [] });
    }
    return p;
  }
}
