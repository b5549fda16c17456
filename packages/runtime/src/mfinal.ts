/**
 * mfinal.ts — finalizers: runtime.SetFinalizer, the finalizer queue, KeepAlive. Counterpart of
 * Go 1.19's src/runtime/mfinal.go plus the finalizer parts of mheap.go (specials) and mgcsweep.go
 * (written afresh).
 *
 * A finalizer is a *special record* attached to the span holding its object, kept in the span's
 * `specials` list (SP_SPECIALS, sorted by object offset). Records are 32 bytes of linear memory
 * (persistent chunks charged to OtherSys, recycled through a free list):
 *
 *   +0  next    u32   next record in the span's specials list / in the finalizer queue
 *   +4  offset  u32   object offset within its span
 *   +8  kind    u32   SPECIAL_FINALIZER
 *   +12 fn      u32   the finalizer func value (a pointer: heap closure or static funcval)
 *   +16 fint    u32   type descriptor of the finalizer's parameter
 *   +20 ot      u32   type descriptor of the object's pointer type
 *   +24 nret    u32   bytes of the finalizer's results
 *   +28 obj     u32   object address (set when the record moves to the finalizer queue)
 *
 * Life cycle (Go's, which the tests pin down):
 *   1. SetFinalizer(obj, fn) adds a record. While marking, it also scans obj's contents and
 *      shades fn so the running cycle cannot free what the finalizer will see.
 *   2. Marking: every record is a root — obj's *contents* and fn are marked, obj itself is not.
 *      So obj can become unreachable while everything it references stays alive.
 *   3. Sweeping (before the span's bits are swept): a record whose obj is unmarked moves to the
 *      finalizer queue and obj's mark bit is set, so obj survives this sweep ("resurrected").
 *   4. The queue is a root of the following cycles (obj and fn marked) until the finalizer
 *      goroutine takes the entry (`takeReadyFinalizers`) and calls fn(obj). If the finalizer does
 *      not store obj anywhere, the next cycle frees it. A finalizer runs at most once: the record
 *      is gone once queued (SetFinalizer can attach a new one from inside the finalizer).
 *
 * KeepAlive(x) is an ordinary function the compiler must treat as a use of x (it keeps x in the
 * stack maps up to the call); the runtime side is a no-op (`keepAlive`).
 *
 * Rejected: a JS Map from object to finalizer — objects move between free and allocated without
 * the map noticing unless the sweeper consults it per span anyway, and it is invisible to worker
 * threads; per-span lists make "does this span have finalizers" one load during sweeping.
 */

import { fatal } from "./debug.js";
import type { LinearMemory } from "./mem.js";
import { ZEROBASE } from "./mem.js";
import type { MHeap } from "./mheap.js";
import { SP_ELEMSIZE, SP_GCMARKBITS, SP_SPANCLASS, SP_SPECIALS, SP_START } from "./mspan.js";
import { ST_OTHER_SYS } from "./mstats.js";
import type { Marker } from "./mgcmark.js";

export const SPECIAL_BYTES = 32;
const SR_NEXT = 0;
const SR_OFFSET = 4;
const SR_KIND = 8;
const SR_FN = 12;
const SR_FINT = 16;
const SR_OT = 20;
const SR_NRET = 24;
const SR_OBJ = 28;
export const SPECIAL_FINALIZER = 1;
const CHUNK = 4096;
/** Span class of the tiny allocator's blocks (16-byte noscan): pointers into them may be interior. */
const TINY_SPAN_CLASS = (2 << 1) | 1;

/** One finalizer ready to run: call fn(obj) on the finalizer goroutine. */
export interface ReadyFinalizer {
  fn: number;
  obj: number;
  fint: number;
  ot: number;
  nret: number;
}

/** runtime.KeepAlive: a use of x. The compiler keeps x live until here; nothing to do at run time. */
export function keepAlive(_x: number): void {}

export class Finalizers {
  /** Free special records (linked through SR_NEXT). */
  private freeList = 0;
  /** Finalizer queue (FIFO): head, tail, length. */
  private finqHead = 0;
  private finqTail = 0;
  finqLen = 0;
  /** Spans whose specials list is non-empty (runtime metadata; for root marking). */
  readonly spansWithSpecials = new Set<number>();
  /** Number of live finalizer records (attached, not yet queued). */
  nspecials = 0;
  /** Finalizers queued in total (statistics, tests). */
  queuedTotal = 0;

  constructor(
    readonly mem: LinearMemory,
    readonly mheap: MHeap,
    readonly marker: Marker,
    /** True when p lies in registered global data (SetFinalizer on a global is a quiet no-op). */
    readonly inGlobals: (p: number) => boolean,
  ) {}

  private allocRecord(): number {
    let r = this.freeList;
    if (r === 0) {
      const base = this.mheap.persistentAlloc(CHUNK, 8, ST_OTHER_SYS);
      const u32 = this.mem.u32;
      for (let off = CHUNK - SPECIAL_BYTES; off >= 0; off -= SPECIAL_BYTES) {
        u32[(base + off + SR_NEXT) >>> 2] = this.freeList;
        this.freeList = base + off;
      }
      r = this.freeList;
    }
    const u32 = this.mem.u32;
    this.freeList = u32[(r + SR_NEXT) >>> 2]!;
    this.mem.zero(r, SPECIAL_BYTES);
    return r;
  }

  private freeRecord(r: number): void {
    this.mem.u32[(r + SR_NEXT) >>> 2] = this.freeList;
    this.freeList = r;
  }

  /**
   * runtime.SetFinalizer(obj, fn): attaches fn (fn = 0 removes the finalizer). `marking`: a GC
   * mark phase is running. Raises Go's fatal errors for bad pointers and double finalizers.
   */
  setFinalizer(obj: number, fn: number, fint: number, ot: number, nret: number, marking: boolean): void {
    if (obj === 0) fatal("runtime.SetFinalizer: first argument is nil");
    const m = this.marker;
    const base = m.findObject(obj);
    if (base === 0) {
      if (obj === ZEROBASE || this.inGlobals(obj)) return; // zero-sized or linker-allocated: quietly ignored
      fatal("runtime.SetFinalizer: pointer not in allocated block");
    }
    const s = m.foundSpan;
    const u32 = this.mem.u32;
    if (base !== obj && this.mem.u8[s + SP_SPANCLASS] !== TINY_SPAN_CLASS) {
      fatal("runtime.SetFinalizer: pointer not at beginning of allocated block");
    }
    const offset = obj - u32[(s + SP_START) >>> 2]!;
    if (fn === 0) {
      this.removeSpecial(s, offset);
      return;
    }
    // Find the insertion point (sorted by offset); a record at the same offset is a double set.
    let prev = 0;
    let cur = u32[(s + SP_SPECIALS) >>> 2]!;
    while (cur !== 0 && u32[(cur + SR_OFFSET) >>> 2]! < offset) {
      prev = cur;
      cur = u32[(cur + SR_NEXT) >>> 2]!;
    }
    if (cur !== 0 && u32[(cur + SR_OFFSET) >>> 2]! === offset) fatal("runtime.SetFinalizer: finalizer already set");
    const r = this.allocRecord();
    const v = this.mem.u32;
    v[(r + SR_OFFSET) >>> 2] = offset;
    v[(r + SR_KIND) >>> 2] = SPECIAL_FINALIZER;
    v[(r + SR_FN) >>> 2] = fn;
    v[(r + SR_FINT) >>> 2] = fint;
    v[(r + SR_OT) >>> 2] = ot;
    v[(r + SR_NRET) >>> 2] = nret;
    v[(r + SR_NEXT) >>> 2] = cur;
    if (prev === 0) v[(s + SP_SPECIALS) >>> 2] = r;
    else v[(prev + SR_NEXT) >>> 2] = r;
    this.spansWithSpecials.add(s);
    this.nspecials++;
    if (marking) {
      // The roots were (maybe) already marked this cycle: make what the finalizer sees live.
      m.scanObjectContents(base);
      m.shade(fn);
    }
  }

  private removeSpecial(s: number, offset: number): boolean {
    const u32 = this.mem.u32;
    let prev = 0;
    let cur = u32[(s + SP_SPECIALS) >>> 2]!;
    while (cur !== 0 && u32[(cur + SR_OFFSET) >>> 2]! !== offset) {
      prev = cur;
      cur = u32[(cur + SR_NEXT) >>> 2]!;
    }
    if (cur === 0) return false;
    const next = u32[(cur + SR_NEXT) >>> 2]!;
    if (prev === 0) u32[(s + SP_SPECIALS) >>> 2] = next;
    else u32[(prev + SR_NEXT) >>> 2] = next;
    if (next === 0 && prev === 0) this.spansWithSpecials.delete(s);
    this.freeRecord(cur);
    this.nspecials--;
    return true;
  }

  /** Marks the finalizer roots (ExtraRoots for Marker job 0). Returns the scan work. */
  markRoots(m: Marker): number {
    let work = 0;
    for (const s of this.spansWithSpecials) {
      const u32 = this.mem.u32;
      const start = u32[(s + SP_START) >>> 2]!;
      const size = u32[(s + SP_ELEMSIZE) >>> 2]!;
      for (let r = u32[(s + SP_SPECIALS) >>> 2]!; r !== 0; r = this.mem.u32[(r + SR_NEXT) >>> 2]!) {
        const off = this.mem.u32[(r + SR_OFFSET) >>> 2]!;
        const base = start + Math.floor(off / size) * size;
        work += m.scanObjectContents(base);
        m.shade(this.mem.u32[(r + SR_FN) >>> 2]!);
      }
    }
    for (let r = this.finqHead; r !== 0; r = this.mem.u32[(r + SR_NEXT) >>> 2]!) {
      m.shade(this.mem.u32[(r + SR_FN) >>> 2]!);
      m.shade(this.mem.u32[(r + SR_OBJ) >>> 2]!);
      work += 16;
    }
    return work;
  }

  /**
   * Sweep-time handling of span s's finalizers, before its bits are swept: every record whose
   * object is unmarked is queued and the object is marked so it survives. Returns the number
   * queued. Precondition: the caller owns s for sweeping.
   */
  sweepSpecials(s: number): number {
    const u32 = this.mem.u32;
    let cur = u32[(s + SP_SPECIALS) >>> 2]!;
    if (cur === 0) return 0;
    const size = u32[(s + SP_ELEMSIZE) >>> 2]!;
    const start = u32[(s + SP_START) >>> 2]!;
    const marks = u32[(s + SP_GCMARKBITS) >>> 2]!;
    let prev = 0;
    let queued = 0;
    // Records are sorted by offset, so several finalizers inside one tiny block are adjacent;
    // once the block is resurrected for the first, the others are queued too.
    let resIdx = -1;
    while (cur !== 0) {
      const next = u32[(cur + SR_NEXT) >>> 2]!;
      const off = u32[(cur + SR_OFFSET) >>> 2]!;
      const idx = Math.floor(off / size);
      const w = (marks + ((idx >>> 5) << 2)) >>> 2;
      const bit = 1 << (idx & 31);
      if ((u32[w]! & bit) === 0 || idx === resIdx) {
        resIdx = idx;
        // Unreachable: resurrect for the finalizer and queue it.
        u32[w] = u32[w]! | bit;
        if (prev === 0) u32[(s + SP_SPECIALS) >>> 2] = next;
        else u32[(prev + SR_NEXT) >>> 2] = next;
        u32[(cur + SR_OBJ) >>> 2] = start + off;
        u32[(cur + SR_NEXT) >>> 2] = 0;
        if (this.finqTail === 0) this.finqHead = cur;
        else u32[(this.finqTail + SR_NEXT) >>> 2] = cur;
        this.finqTail = cur;
        this.finqLen++;
        this.nspecials--;
        this.queuedTotal++;
        queued++;
      } else {
        prev = cur;
      }
      cur = next;
    }
    if (u32[(s + SP_SPECIALS) >>> 2] === 0) this.spansWithSpecials.delete(s);
    return queued;
  }

  /**
   * Removes and returns every queued finalizer, oldest first. The caller (the finalizer
   * goroutine) must hold each obj and fn in its stack before the next GC safe point: once taken,
   * the queue no longer keeps them alive.
   */
  takeReadyFinalizers(): ReadyFinalizer[] {
    const out: ReadyFinalizer[] = [];
    const u32 = this.mem.u32;
    let r = this.finqHead;
    while (r !== 0) {
      const next = u32[(r + SR_NEXT) >>> 2]!;
      out.push({
        fn: u32[(r + SR_FN) >>> 2]!,
        obj: u32[(r + SR_OBJ) >>> 2]!,
        fint: u32[(r + SR_FINT) >>> 2]!,
        ot: u32[(r + SR_OT) >>> 2]!,
        nret: u32[(r + SR_NRET) >>> 2]!,
      });
      this.freeRecord(r);
      r = next;
    }
    this.finqHead = 0;
    this.finqTail = 0;
    this.finqLen = 0;
    return out;
  }

  /** True if obj has a finalizer attached (not yet queued). */
  hasFinalizer(obj: number): boolean {
    const m = this.marker;
    if (m.findObject(obj) === 0) return false;
    const s = m.foundSpan;
    const u32 = this.mem.u32;
    const offset = obj - u32[(s + SP_START) >>> 2]!;
    for (let r = u32[(s + SP_SPECIALS) >>> 2]!; r !== 0; r = u32[(r + SR_NEXT) >>> 2]!) {
      if (u32[(r + SR_OFFSET) >>> 2] === offset) return true;
    }
    return false;
  }
}
