/**
 * time.ts — the scheduler's clock and sleep timers (Go's time.go, reduced to what time.Sleep
 * needs). Counterpart: runtime/time.go (per-P timer heaps, timeSleep).
 *
 * CLOCK: `Clock.now()` is monotonic nanoseconds; `sleep(ns)` blocks the host thread (the real
 * clock uses Atomics.wait on a private word, the virtual clock just advances, so tests of
 * sleeping programs take no wall time and are deterministic).
 *
 * TIMER HEAP: a binary min-heap of (when f64, g u32, seq u32) entries — 16 bytes each — in
 * linear memory (persistentAlloc; doubled when full, the old block is abandoned: persistent
 * memory is never freed, and the heap only grows to the peak number of sleepers). A sleeping G
 * records its deadline and a generation number (G_SLEEPSEQ) in its record; an entry whose seq
 * no longer matches is stale and skipped (the G woke by other means). Go keeps one heap per P
 * and runs timer functions; gort has only sleeping goroutines so far (time.Timer/Ticker and
 * channel timers are the next step: an entry would then name a function and argument).
 *
 * Rejected: a JS array of {when, g} objects (Go values' bookkeeping belongs in linear memory, and
 * the heap must be inspectable by traces/dashboards reading memory).
 */

import type { Heap } from "./malloc.js";
import { ST_OTHER_SYS } from "./mstats.js";
import type { NativeFn } from "./vm/interp.js";
import { G_PARKSTATE, WaitReason } from "./runtime2.js";

/** Monotonic nanoseconds and a host-thread sleep. */
export interface Clock {
  now(): number;
  /** Blocks the host thread for ns nanoseconds (or advances a virtual clock). */
  sleep(ns: number): void;
}

/** The host's monotonic clock; sleep parks the thread with Atomics.wait. */
export class RealClock implements Clock {
  private readonly word = new Int32Array(new SharedArrayBuffer(4));
  private readonly origin = process.hrtime.bigint();
  now(): number {
    return Number(process.hrtime.bigint() - this.origin);
  }
  sleep(ns: number): void {
    if (ns <= 0) return;
    Atomics.wait(this.word, 0, 0, ns / 1e6);
  }
}

/** A deterministic clock for tests: time moves only when the scheduler sleeps (or `advance`). */
export class VirtualClock implements Clock {
  t = 0;
  /** Total virtual nanoseconds slept (tests). */
  slept = 0;
  now(): number {
    return this.t;
  }
  sleep(ns: number): void {
    if (ns > 0) {
      this.t += ns;
      this.slept += ns;
    }
  }
  advance(ns: number): void {
    this.t += ns;
  }
}

const TE_BYTES = 16; // +0 when f64, +8 g u32, +12 seq u32

/** Min-heap of sleeping goroutines keyed by deadline, in linear memory. */
export class TimerHeap {
  private base = 0;
  private cap = 0;
  /** Entries in the heap (stale ones included). */
  len = 0;

  constructor(private readonly heap: Heap) {}

  /** Earliest deadline (ns); only valid when len > 0. */
  peekWhen(): number {
    return this.heap.mem.f64[this.base >>> 3];
  }
  peekG(): number {
    return this.heap.mem.u32[(this.base + 8) >>> 2];
  }
  peekSeq(): number {
    return this.heap.mem.u32[(this.base + 12) >>> 2];
  }

  push(when: number, g: number, seq: number): void {
    if (this.len === this.cap) this.grow();
    const mem = this.heap.mem;
    let i = this.len++;
    // sift up: move parents down until the slot fits
    while (i > 0) {
      const p = (i - 1) >>> 1;
      const pa = this.base + p * TE_BYTES;
      if (mem.f64[pa >>> 3] <= when) break;
      this.copyEntry(this.base + i * TE_BYTES, pa);
      i = p;
    }
    const a = this.base + i * TE_BYTES;
    mem.f64[a >>> 3] = when;
    mem.u32[(a + 8) >>> 2] = g;
    mem.u32[(a + 12) >>> 2] = seq;
  }

  /** Removes the earliest entry. Precondition: len > 0. */
  pop(): void {
    const mem = this.heap.mem;
    const n = --this.len;
    if (n === 0) return;
    const last = this.base + n * TE_BYTES;
    const when = mem.f64[last >>> 3];
    const g = mem.u32[(last + 8) >>> 2];
    const seq = mem.u32[(last + 12) >>> 2];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && mem.f64[(this.base + (c + 1) * TE_BYTES) >>> 3] < mem.f64[(this.base + c * TE_BYTES) >>> 3]) c++;
      if (mem.f64[(this.base + c * TE_BYTES) >>> 3] >= when) break;
      this.copyEntry(this.base + i * TE_BYTES, this.base + c * TE_BYTES);
      i = c;
    }
    const a = this.base + i * TE_BYTES;
    mem.f64[a >>> 3] = when;
    mem.u32[(a + 8) >>> 2] = g;
    mem.u32[(a + 12) >>> 2] = seq;
  }

  private copyEntry(dst: number, src: number): void {
    const f64 = this.heap.mem.f64;
    f64[dst >>> 3] = f64[src >>> 3];
    f64[(dst + 8) >>> 3] = f64[(src + 8) >>> 3];
  }

  private grow(): void {
    const ncap = this.cap === 0 ? 64 : this.cap * 2;
    const nb = this.heap.mheap.persistentAlloc(ncap * TE_BYTES, 8, ST_OTHER_SYS);
    if (this.len > 0) this.heap.mem.move(nb, this.base, this.len * TE_BYTES);
    this.base = nb;
    this.cap = ncap;
  }
}

/** Adds time.Sleep (Go: runtime.timeSleep, linknamed) to `m`. Needs the scheduler's clock and timers. */
export function addTimeNatives(sched: SleepSched, m: Map<string, NativeFn>): void {
  m.set("time.Sleep", (vm, g, args) => {
    const u32 = vm.mem.u32;
    if (u32[(g + G_PARKSTATE) >>> 2] !== 0) {
      u32[(g + G_PARKSTATE) >>> 2] = 0; // woken by the timer
      return;
    }
    const d = Number(vm.mem.i64[args >>> 3]);
    if (d <= 0) return;
    sched.sleepUntil(g, sched.clock.now() + d);
    u32[(g + G_PARKSTATE) >>> 2] = 1;
    sched.gopark(g, WaitReason.Sleep);
  });
  m.set("time.now", (vm, _g, _args, res) => {
    // (sec int64, nsec int32, mono int64): wall clock from the host, monotonic from the scheduler
    const ms = Date.now();
    const i64 = vm.mem.i64;
    i64[res >>> 3] = BigInt(Math.floor(ms / 1000));
    i64[(res + 8) >>> 3] = BigInt((ms % 1000) * 1e6);
    i64[(res + 16) >>> 3] = BigInt(Math.floor(sched.clock.now()));
  });
  m.set("time.runtimeNano", (vm, _g, _args, res) => {
    vm.mem.i64[res >>> 3] = BigInt(Math.floor(sched.clock.now()));
  });
}

/** What the time natives need from the scheduler (proc.ts Sched). */
export interface SleepSched {
  readonly clock: Clock;
  sleepUntil(g: number, when: number): void;
  gopark(g: number, reason: number): void;
}
