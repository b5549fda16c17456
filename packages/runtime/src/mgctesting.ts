/**
 * mgctesting.ts — a synthetic "program" for collector tests and benchmarks (Go's export_test.go
 * role for the GC half): a heap with a Collector, typed objects with N pointer fields and a tag
 * word, global root slots, and goroutine stacks with one frame of pointer slots described by a
 * stack map. Also an independent reachability oracle that reads memory using the test's own
 * record of object shapes (it shares no code with the marker).
 *
 * @internal
 */

import type { Heap } from "./malloc.js";
import type { Collector, CollectorOptions } from "./mgc.js";
import { newMemory } from "./meminit.js";
import type { GoroutineSource, StackMapSource } from "./mgcmark.js";
import { SP_ALLOCBITS, SP_FREEINDEX } from "./mspan.js";
import { ST_OTHER_SYS, ST_STACKS_LIVE } from "./mstats.js";
import { STK_FP, STK_HI, STK_LO, STACK_REC_BYTES } from "./stack.js";

/** Function id of the synthetic frames; every slot is a pointer. */
const FUNC_ID = 7;

export interface WorldOptions extends CollectorOptions {
  /** Global root slots (8 bytes each). */
  nglobals?: number;
  /** Goroutines, each with one frame of `stackSlots` pointer slots. */
  ngoroutines?: number;
  stackSlots?: number;
  /** Linear memory cap (bytes). */
  capBytes?: number;
  /**
   * Record every object's shape for the reachability oracle (default true). Benchmarks turn it
   * off: millions of JS Map entries make V8's own GC pause the process.
   */
  track?: boolean;
}

/** A deterministic clock: each read advances by `step` ns. */
export class VirtualClock {
  t = 0;
  constructor(public step = 1000) {}
  now = (): number => {
    this.t += this.step;
    return this.t;
  };
}

export class GCWorld implements GoroutineSource, StackMapSource {
  readonly heap: Heap;
  readonly gc: Collector;
  readonly nglobals: number;
  readonly globals: number;
  readonly gs: number[] = [];
  readonly stackSlots: number;
  private readonly stackMap: number;
  /** Type descriptor per pointer count (cached). */
  private readonly types = new Map<number, number>();
  /** Object shapes: addr → number of pointer fields (the oracle's knowledge). */
  readonly shapes = new Map<number, number>();
  /** Object tags: addr → tag written in the last word (detects reuse/corruption). */
  readonly tags = new Map<number, number>();
  private nextTag = 1;
  readonly output: string[] = [];
  private readonly track: boolean;

  constructor(opts: WorldOptions = {}) {
    this.track = opts.track ?? true;
    const print = opts.print ?? ((s: string) => void this.output.push(s));
    const m = newMemory({
      capBytes: opts.capBytes ?? 1 << 30,
      nprocs: opts.procs,
      GOGC: opts.GOGC,
      GOMEMLIMIT: opts.GOMEMLIMIT,
      debug: opts.debug,
      nanotime: opts.nanotime,
      walltime: opts.walltime,
      print,
    });
    this.heap = m.heap;
    this.gc = m.gc;
    const mheap = this.heap.mheap;
    const mem = this.heap.mem;
    this.nglobals = opts.nglobals ?? 16;
    this.globals = mheap.persistentAlloc(this.nglobals * 8, 8, ST_OTHER_SYS);
    const bitmap = mheap.persistentAlloc(Math.ceil(this.nglobals / 8) + 1, 8, ST_OTHER_SYS);
    for (let i = 0; i < this.nglobals; i++) mem.u8[bitmap + (i >>> 3)]! |= 1 << (i & 7);
    this.gc.addGlobals(this.globals, this.nglobals * 8, bitmap);
    this.stackSlots = opts.stackSlots ?? 8;
    this.stackMap = mheap.persistentAlloc(4 + 4 * Math.ceil(this.stackSlots / 32), 8, ST_OTHER_SYS);
    const u32 = this.heap.mem.u32;
    u32[this.stackMap >>> 2] = this.stackSlots;
    for (let i = 0; i < this.stackSlots; i++) u32[(this.stackMap >>> 2) + 1 + (i >>> 5)]! |= 1 << (i & 31);
    this.heap.stacks.stackMaps = this;
    const ng = opts.ngoroutines ?? 1;
    for (let i = 0; i < ng; i++) this.spawn();
    this.gc.setStackRoots(this, this);
  }

  // ── GoroutineSource / StackMapSource ──
  numStacks(): number {
    return this.gs.length;
  }
  stackAt(i: number): number {
    return this.gs[i]!;
  }
  stackMapAddr(funcId: number, pc: number): number {
    if (funcId === FUNC_ID) return this.stackMap;
    return this.funcMaps.get(funcId * 65536 + pc) ?? 0;
  }

  private readonly funcMaps = new Map<number, number>();

  /** Registers the stack map of (funcId, pc): `nslots` slots, pointers at `ptrSlots`. */
  defineStackMap(funcId: number, pc: number, nslots: number, ptrSlots: readonly number[]): void {
    const m = this.heap.mheap.persistentAlloc(4 + 4 * Math.ceil(Math.max(1, nslots) / 32), 8, ST_OTHER_SYS);
    const u32 = this.heap.mem.u32;
    u32[m >>> 2] = nslots;
    for (const i of ptrSlots) u32[(m >>> 2) + 1 + (i >>> 5)]! |= 1 << (i & 31);
    this.funcMaps.set(funcId * 65536 + pc, m);
  }

  /** Creates a goroutine with one frame of pointer slots; returns its stack record. */
  spawn(): number {
    const g = this.heap.mheap.persistentAlloc(STACK_REC_BYTES, 8, ST_OTHER_SYS);
    this.heap.stacks.initStack(g, 1024);
    this.heap.stacks.pushFrame(g, FUNC_ID, 0, 16 + 8 * this.stackSlots);
    this.gs.push(g);
    const u32 = this.heap.mem.u32;
    this.heap.mem.f64[ST_STACKS_LIVE >>> 3] += u32[(g + STK_HI) >>> 2]! - u32[(g + STK_LO) >>> 2]!;
    return g;
  }

  /** The type of an object with `nptrs` pointer fields and one trailing tag word. */
  typeFor(nptrs: number): number {
    let t = this.types.get(nptrs);
    if (t === undefined) {
      const words: number[] = [];
      for (let i = 0; i < nptrs; i++) words.push(i);
      t = this.heap.types.make(8 * (nptrs + 1), words);
      this.types.set(nptrs, t);
    }
    return t;
  }

  /** Allocates an object with `nptrs` pointer fields (+ tag word, + `pad` bytes). */
  alloc(nptrs: number, pad = 0): number {
    const t = this.typeFor(nptrs);
    const size = 8 * (nptrs + 1) + pad;
    const a = pad === 0 ? this.heap.newobject(t) : this.heap.mallocgc(size, nptrs === 0 ? 0 : t, true);
    const tag = this.nextTag++;
    this.heap.mem.u32[(a + 8 * nptrs) >>> 2] = tag;
    if (this.track) {
      this.shapes.set(a, nptrs);
      this.tags.set(a, tag);
    }
    return a;
  }

  /** Allocates a large pointer array of n words (all pointer slots, no tag). */
  allocPtrArray(n: number): number {
    let t = this.types.get(-1);
    if (t === undefined) {
      t = this.heap.types.pointer();
      this.types.set(-1, t);
    }
    const a = this.heap.mallocgc(8 * n, t, true);
    if (this.track) {
      this.shapes.set(a, n);
      this.tags.delete(a);
    }
    return a;
  }

  field(obj: number, i: number): number {
    return this.heap.mem.u32[(obj + 8 * i) >>> 2]!;
  }
  /** Heap pointer store through the write barrier. */
  setField(obj: number, i: number, p: number): void {
    this.gc.barrier.writePointer(obj + 8 * i, p);
  }
  global(i: number): number {
    return this.heap.mem.u32[(this.globals + 8 * i) >>> 2]!;
  }
  /** Global pointer store through the write barrier. */
  setGlobal(i: number, p: number): void {
    this.gc.barrier.writePointer(this.globals + 8 * i, p);
  }
  /** Address of slot i of goroutine g's frame (re-read: stacks move when they grow/shrink). */
  stackSlotAddr(g: number, i: number): number {
    return this.heap.mem.u32[(g + STK_FP) >>> 2]! + 16 + 8 * i;
  }
  stackSlot(g: number, i: number): number {
    return this.heap.mem.u32[this.stackSlotAddr(g, i) >>> 2]!;
  }
  /** Stack stores need no barrier (hybrid barrier). */
  setStackSlot(g: number, i: number, p: number): void {
    const a = this.stackSlotAddr(g, i);
    this.heap.mem.u32[a >>> 2] = p;
    this.heap.mem.u32[(a >>> 2) + 1] = 0;
  }

  /** The oracle: objects reachable from globals and stacks, by the test's shape records. */
  reachable(): Set<number> {
    const seen = new Set<number>();
    const work: number[] = [];
    const visit = (p: number) => {
      if (p !== 0 && this.shapes.has(p) && !seen.has(p)) {
        seen.add(p);
        work.push(p);
      }
    };
    for (let i = 0; i < this.nglobals; i++) visit(this.global(i));
    for (const g of this.gs) for (let i = 0; i < this.stackSlots; i++) visit(this.stackSlot(g, i));
    while (work.length > 0) {
      const o = work.pop()!;
      const n = this.shapes.get(o)!;
      for (let i = 0; i < n; i++) visit(this.field(o, i));
    }
    return seen;
  }

  /**
   * True if obj is the base of an allocated slot (after a sweep: not freed). An address that is
   * now inside a bigger object of a reused span is not "allocated" as the old object.
   */
  isAllocated(obj: number): boolean {
    const heap = this.heap;
    if (heap.findObject(obj) !== obj) return false;
    const s = heap.foundSpan;
    const i = heap.foundIndex;
    const u32 = heap.mem.u32;
    if (i < u32[(s + SP_FREEINDEX) >>> 2]!) return true;
    return (u32[(u32[(s + SP_ALLOCBITS) >>> 2]! + ((i >>> 5) << 2)) >>> 2]! & (1 << (i & 31))) !== 0;
  }

  /** Forgets objects the oracle knows to be unreachable (after a GC freed them). */
  forget(live: Set<number>): void {
    for (const a of [...this.shapes.keys()]) {
      if (!live.has(a)) {
        this.shapes.delete(a);
        this.tags.delete(a);
      }
    }
  }

  /** Checks that every live object still carries its tag. Returns the corrupted addresses. */
  corrupted(live: Set<number>): number[] {
    const bad: number[] = [];
    for (const a of live) {
      const tag = this.tags.get(a);
      if (tag === undefined) continue;
      if (this.heap.mem.u32[(a + 8 * this.shapes.get(a)!) >>> 2] !== tag) bad.push(a);
    }
    return bad;
  }
}
