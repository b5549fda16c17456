/**
 * allgs.ts — the list of every G record ever made (Go's allgs/allglen), in linear memory.
 *
 * The GC scans every goroutine's stack through it, tracebacks and schedtrace list it, the
 * execution tracer and profiles walk it. Once Ms are worker threads every M must see the same
 * list, so it lives in persistent memory rather than a JS array (THREADS.md):
 *
 *   SCHED record  +16 ptr  u32  array of G addresses (u32 each)
 *                 +20 len  u32  entries in use (a G's index is its G_ALLGIDX)
 *                 +24 cap  u32  entries allocated
 *
 * Appending past cap allocates an array of twice the size and copies; the old array is not
 * freed (persistent memory), so a reader on another thread that loaded the old pointer keeps
 * reading valid, if shorter, data — Go's readers likewise load allglen then allgs without the
 * lock. Writers will take Go's `allg` lock (rank just above `sched`). Records are never removed:
 * dead Gs stay listed for reuse, as in Go.
 *
 * The class offers what callers used on the former `number[]`: length, at(i), push, filter and
 * iteration (for … of); iteration and filter snapshot the length first.
 */

import type { LinearMemory } from "./mem.js";
import type { MHeap } from "./mheap.js";
import { ST_OTHER_SYS } from "./mstats.js";

/** Word offsets in the global scheduler record (runtime2.ts SCHED_*). */
export const SCHED_ALLGS = 16;
export const SCHED_ALLGLEN = 20;
export const SCHED_ALLGCAP = 24;
/** First array size (entries). */
const ALLG_INITIAL = 64;

export class AllGs implements Iterable<number> {
  private readonly mem: LinearMemory;
  private readonly mheap: MHeap;
  /** The SCHED record holding the header words. */
  private readonly hdr: number;

  constructor(mem: LinearMemory, mheap: MHeap, schedRecord: number) {
    this.mem = mem;
    this.mheap = mheap;
    this.hdr = schedRecord;
    const arr = mheap.persistentAlloc(ALLG_INITIAL * 4, 8, ST_OTHER_SYS);
    const u32 = mem.u32;
    u32[(schedRecord + SCHED_ALLGS) >>> 2] = arr;
    u32[(schedRecord + SCHED_ALLGLEN) >>> 2] = 0;
    u32[(schedRecord + SCHED_ALLGCAP) >>> 2] = ALLG_INITIAL;
  }

  get length(): number {
    return this.mem.u32[(this.hdr + SCHED_ALLGLEN) >>> 2];
  }

  /** The i'th G record (precondition: 0 ≤ i < length). */
  at(i: number): number {
    const u32 = this.mem.u32;
    return u32[(u32[(this.hdr + SCHED_ALLGS) >>> 2] >>> 2) + i];
  }

  /** Appends G record g; returns its index. */
  push(g: number): number {
    let u32 = this.mem.u32;
    const n = u32[(this.hdr + SCHED_ALLGLEN) >>> 2];
    const cap = u32[(this.hdr + SCHED_ALLGCAP) >>> 2];
    if (n === cap) {
      const old = u32[(this.hdr + SCHED_ALLGS) >>> 2];
      const arr = this.mheap.persistentAlloc(cap * 2 * 4, 8, ST_OTHER_SYS);
      u32 = this.mem.u32; // memory may have grown
      u32.copyWithin(arr >>> 2, old >>> 2, (old >>> 2) + n);
      u32[(this.hdr + SCHED_ALLGS) >>> 2] = arr;
      u32[(this.hdr + SCHED_ALLGCAP) >>> 2] = cap * 2;
    }
    u32[(u32[(this.hdr + SCHED_ALLGS) >>> 2] >>> 2) + n] = g;
    u32[(this.hdr + SCHED_ALLGLEN) >>> 2] = n + 1;
    return n;
  }

  /** The records for which pred holds, in list order. */
  filter(pred: (g: number) => boolean): number[] {
    const out: number[] = [];
    const n = this.length;
    for (let i = 0; i < n; i++) {
      const g = this.at(i);
      if (pred(g)) out.push(g);
    }
    return out;
  }

  *[Symbol.iterator](): Iterator<number> {
    const n = this.length;
    for (let i = 0; i < n; i++) yield this.at(i);
  }
}
