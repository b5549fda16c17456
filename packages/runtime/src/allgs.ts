/**
 * allgs.ts — the list of every G record ever made (Go's allgs/allglen) and the list of Ps
 * (Go's allp), in linear memory: `RecordList`, a growable u32 array whose header lives in the
 * SCHED record.
 *
 * The GC scans every goroutine's stack through it, tracebacks and schedtrace list it, the
 * execution tracer and profiles walk it. Once Ms are worker threads every M must see the same
 * list, so it lives in persistent memory rather than a JS array (THREADS.md):
 *
 *   SCHED record  +16 ptr  u32  array of G addresses (u32 each)     allp: +64 ptr
 *                 +20 len  u32  entries in use (a G's index is its        +68 len (GOMAXPROCS)
 *                               G_ALLGIDX)                                 +72 cap
 *                 +24 cap  u32  entries allocated
 *
 * Appending past cap allocates an array of twice the size and copies; the old array is not
 * freed (persistent memory), so a reader on another thread that loaded the old pointer keeps
 * reading valid, if shorter, data — Go's readers likewise load allglen then allgs without the
 * lock. Writers will take Go's `allg` lock (rank just above `sched`). G records are never
 * removed: dead Gs stay listed for reuse, as in Go. allp shrinks by `truncate` (procresize, world
 * stopped); the records past the length stay in Sched's pool for reuse.
 *
 * The class offers what callers used on the former `number[]`: length, at(i), push, filter, map
 * and iteration (for … of); iteration, filter and map snapshot the length first.
 */

import type { LinearMemory } from "./mem.js";
import type { MHeap } from "./mheap.js";
import { ST_OTHER_SYS } from "./mstats.js";

/** Header offsets in the global scheduler record (runtime2.ts SCHED_*). */
export const SCHED_ALLGS = 16;
export const SCHED_ALLP = 64;
// A header: +0 ptr, +4 len, +8 cap.
const SCHED_ALLGLEN = 4;
const SCHED_ALLGCAP = 8;
const SCHED_ALLGS_PTR = 0;

/** A growable list of record addresses in persistent memory (header of 3 words at `hdr`). */
export class RecordList implements Iterable<number> {
  private readonly mem: LinearMemory;
  private readonly mheap: MHeap;
  /** Header address (ptr, len, cap). */
  private readonly hdr: number;

  constructor(mem: LinearMemory, mheap: MHeap, hdr: number, initialCap = 64) {
    this.mem = mem;
    this.mheap = mheap;
    this.hdr = hdr;
    const arr = mheap.persistentAlloc(initialCap * 4, 8, ST_OTHER_SYS);
    const u32 = mem.u32;
    u32[(hdr + SCHED_ALLGS_PTR) >>> 2] = arr;
    u32[(hdr + SCHED_ALLGLEN) >>> 2] = 0;
    u32[(hdr + SCHED_ALLGCAP) >>> 2] = initialCap;
  }

  /** Shortens the list to n ≤ length entries. */
  truncate(n: number): void {
    this.mem.u32[(this.hdr + SCHED_ALLGLEN) >>> 2] = n;
  }

  /** The entries mapped through f, in list order. */
  map<T>(f: (x: number) => T): T[] {
    const out: T[] = [];
    const n = this.length;
    for (let i = 0; i < n; i++) out.push(f(this.at(i)));
    return out;
  }

  get length(): number {
    return this.mem.u32[(this.hdr + SCHED_ALLGLEN) >>> 2];
  }

  /** The i'th G record (precondition: 0 ≤ i < length). */
  at(i: number): number {
    const u32 = this.mem.u32;
    return u32[(u32[(this.hdr + SCHED_ALLGS_PTR) >>> 2] >>> 2) + i];
  }

  /** Appends G record g; returns its index. */
  push(g: number): number {
    let u32 = this.mem.u32;
    const n = u32[(this.hdr + SCHED_ALLGLEN) >>> 2];
    const cap = u32[(this.hdr + SCHED_ALLGCAP) >>> 2];
    if (n === cap) {
      const old = u32[(this.hdr + SCHED_ALLGS_PTR) >>> 2];
      const arr = this.mheap.persistentAlloc(cap * 2 * 4, 8, ST_OTHER_SYS);
      u32 = this.mem.u32; // memory may have grown
      u32.copyWithin(arr >>> 2, old >>> 2, (old >>> 2) + n);
      u32[(this.hdr + SCHED_ALLGS_PTR) >>> 2] = arr;
      u32[(this.hdr + SCHED_ALLGCAP) >>> 2] = cap * 2;
    }
    u32[(u32[(this.hdr + SCHED_ALLGS_PTR) >>> 2] >>> 2) + n] = g;
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

/** Every G record (Go's allgs). */
export class AllGs extends RecordList {}
