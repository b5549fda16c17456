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
 * no longer matches is stale and skipped (the G woke by other means). Go keeps one heap per P.
 *
 * RUNTIME TIMERS (time.Timer, Ticker, After, Tick, AfterFunc): package time's runtimeTimer
 * record (a Go heap object, layout RT_* below) is queued as an entry whose g word is the
 * record's address with bit 0 set (records are 8-aligned, G records too, so the bit tells the
 * two apart) and whose seq is the record's generation; stop/reset bump the generation, which
 * makes queued entries stale. A firing timer runs `f(arg, seq)` on a new *system* goroutine
 * (goid from a separate range, hidden from NumGoroutine and deadlock listings — Go runs timer
 * functions inline on the P; time's f never blocks: a non-blocking send or a `go` statement).
 * While pending, a record is referenced only from the timer heap, which the collector does not
 * scan, so each pending record holds one slot of a root table (RT_ROOT names it): a dropped
 * `time.After` timer stays alive until it fires, as in Go.
 *
 * Rejected: a JS array of {when, g} objects (Go values' bookkeeping belongs in linear memory, and
 * the heap must be inspectable by traces/dashboards reading memory).
 */

import { readFileSync } from "node:fs";
import type { Heap } from "./malloc.js";
import { ST_OTHER_SYS } from "./mstats.js";
import type { NativeFn } from "./vm/interp.js";
import type { Collector } from "./mgc.js";
import { G_PARKSTATE, P_TIMERS, WaitReason } from "./runtime2.js";

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

/** What the scheduler's timer code needs of a timer heap (one P's, or all of them). */
export interface Timers {
  /** Entries (stale ones included). */
  readonly len: number;
  push(when: number, g: number, seq: number): void;
  pop(): void;
  peekWhen(): number;
  peekG(): number;
  peekSeq(): number;
}

/**
 * Min-heap of sleeping goroutines and runtime timers keyed by deadline, in linear memory; its
 * header (base, cap, len) lives at `rec` — in a P record (P_TIMERS) for the per-P heaps, or in
 * a small persistent record of its own.
 */
export class TimerHeap implements Timers {
  constructor(
    private readonly heap: Heap,
    readonly rec: number = heap.mheap.persistentAlloc(16, 8, ST_OTHER_SYS),
  ) {}

  private get base(): number {
    return this.heap.mem.u32[this.rec >>> 2];
  }
  private get cap(): number {
    return this.heap.mem.u32[(this.rec + 4) >>> 2];
  }
  /** Entries in the heap (stale ones included). */
  get len(): number {
    return this.heap.mem.u32[(this.rec + 8) >>> 2];
  }
  private set len(n: number) {
    this.heap.mem.u32[(this.rec + 8) >>> 2] = n;
  }

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
    let i = this.len;
    this.len = i + 1;
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
    const n = this.len - 1;
    this.len = n;
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
    const u32 = this.heap.mem.u32;
    u32[this.rec >>> 2] = nb;
    u32[(this.rec + 4) >>> 2] = ncap;
  }

  /** Moves every entry into `to` (a P going away hands its timers on, as Go's moveTimers). */
  moveTo(to: TimerHeap): void {
    while (this.len > 0) {
      const when = this.peekWhen();
      const g = this.peekG();
      const seq = this.peekSeq();
      this.pop();
      to.push(when, g, seq);
    }
  }
}

/**
 * The per-P timer heaps as one (Go 1.14+: each P owns the timers its goroutines set, and the
 * scheduler runs every P's due timers — its own in schedule, the others' when stealing). A
 * timer goes into the current P's heap; the peek/pop operations act on the heap whose earliest
 * deadline is the earliest of all, so the scheduler's timer loop sees one ordered stream.
 * `len` counts every P's entries.
 */
export class PTimers implements Timers {
  private heaps = new Map<number, TimerHeap>();
  private total = 0;

  constructor(
    private readonly heap: Heap,
    /** the P records that exist now (allp) */
    private readonly ps: () => { readonly length: number; at(i: number): number },
    /** the current P (the requester's, under the runtime server) */
    private readonly cur: () => number,
  ) {}

  /** P p's own heap (header in its P record). */
  of(p: number): TimerHeap {
    let h = this.heaps.get(p);
    if (h === undefined) this.heaps.set(p, (h = new TimerHeap(this.heap, p + P_TIMERS)));
    return h;
  }

  get len(): number {
    return this.total;
  }

  push(when: number, g: number, seq: number): void {
    this.of(this.cur()).push(when, g, seq);
    this.total++;
  }

  /** The P heap holding the earliest deadline (precondition: len > 0). */
  private first(): TimerHeap {
    const ps = this.ps();
    let best: TimerHeap | null = null;
    let when = Infinity;
    for (let i = 0; i < ps.length; i++) {
      const h = this.of(ps.at(i));
      if (h.len > 0 && (best === null || h.peekWhen() < when)) {
        best = h;
        when = h.peekWhen();
      }
    }
    if (best === null) throw new Error("gort: timer count out of step with the P heaps");
    return best;
  }

  peekWhen(): number {
    return this.first().peekWhen();
  }
  peekG(): number {
    return this.first().peekG();
  }
  peekSeq(): number {
    return this.first().peekSeq();
  }
  pop(): void {
    this.first().pop();
    this.total--;
  }

  /** P `from` is destroyed (procresize): its timers move to P `to`. */
  moveP(from: number, to: number): void {
    this.of(from).moveTo(this.of(to));
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
  // Zone data and TZ (zoneinfo.go). gort run's host natives (host.ts) replace lookupTZ with the
  // program's own environment; these defaults serve embedders and tests.
  m.set("time.readZoneFile", (vm, _g, args, res) => {
    const mem = vm.mem;
    const p = mem.u32[args >>> 2];
    const n = Number(mem.i64[(args + 8) >>> 3]);
    const name = Buffer.from(mem.u8.buffer, mem.u8.byteOffset + p, n).toString("utf8");
    mem.u8.fill(0, res, res + 32);
    let data: Buffer;
    try {
      data = readFileSync(name);
    } catch (e) {
      const errno = (e as { errno?: number }).errno;
      vm.mem.i64[(res + 24) >>> 3] = BigInt(typeof errno === "number" && errno !== 0 ? Math.abs(errno) : 5);
      return;
    }
    if (data.length === 0) return;
    const q = vm.heap.mallocgc(data.length, 0, false);
    const m2 = vm.mem;
    m2.u8.set(data, q);
    m2.u32[res >>> 2] = q;
    m2.i64[(res + 8) >>> 3] = BigInt(data.length);
    m2.i64[(res + 16) >>> 3] = BigInt(data.length);
  });
  m.set("time.lookupTZ", (vm, _g, _args, res) => {
    const tz = process.env.TZ;
    const mem = vm.mem;
    mem.u8.fill(0, res, res + 24);
    if (tz === undefined) return;
    const b = Buffer.from(tz, "utf8");
    if (b.length > 0) {
      const q = vm.heap.mallocgc(b.length, 0, false);
      vm.mem.u8.set(b, q);
      vm.mem.u32[res >>> 2] = q;
      vm.mem.i64[(res + 8) >>> 3] = BigInt(b.length);
    }
    vm.mem.u8[res + 16] = 1;
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

// ── runtime timers (package time's runtimeTimer; packages/stdlib/go/time/sleep.go) ──

/** runtimeTimer layout: when int64 (runtimeNano clock), period int64. */
export const RT_WHEN = 0;
export const RT_PERIOD = 8;
/** f func(unsafe.Pointer, uintptr): closure record pointer (function index in its first word). */
export const RT_F = 16;
/** arg unsafe.Pointer, seq uintptr: f's arguments. */
export const RT_ARG = 24;
export const RT_SEQ = 32;
/** status u32 (runtime-owned): 0 idle, 1 pending. */
export const RT_STATUS = 40;
/** gen u32 (runtime-owned): generation; a queued entry with another seq is stale. */
export const RT_GEN = 44;
/** root uintptr (runtime-owned): the root-table slot holding the record while pending. */
export const RT_ROOT = 48;

/** What runtime timers need from the scheduler. */
export interface TimerSched {
  readonly heap: Heap;
  readonly gc: Collector | null;
  readonly timers: Timers;
  /** Starts a system goroutine running closure `clo` with argument slots `args`. */
  newSystemProc(clo: number, args: readonly bigint[]): void;
}

/** time.Timer/Ticker support: start, stop, reset, fire. One per scheduler. */
export class RuntimeTimers {
  /** Free root-table slots (addresses of 8-byte slots registered as GC roots). */
  private freeRoots: number[] = [];
  /** Timers fired (tests). */
  fired = 0;

  constructor(private readonly sched: TimerSched) {}

  private takeRoot(rec: number): number {
    const sched = this.sched;
    if (this.freeRoots.length === 0) {
      const n = 64;
      const base = sched.heap.mheap.persistentAlloc(n * 8, 8, ST_OTHER_SYS);
      for (let i = n - 1; i >= 0; i--) {
        const slot = base + 8 * i;
        if (sched.gc !== null) sched.gc.addRoot(slot);
        this.freeRoots.push(slot);
      }
    }
    const slot = this.freeRoots.pop() as number;
    const u32 = sched.heap.mem.u32;
    u32[slot >>> 2] = rec;
    u32[(slot >>> 2) + 1] = 0;
    if (sched.gc !== null) sched.gc.shadeIfMarking(rec); // the root table may be scanned already
    return slot;
  }

  private dropRoot(rec: number): void {
    const u32 = this.sched.heap.mem.u32;
    const slot = u32[(rec + RT_ROOT) >>> 2];
    if (slot === 0) return;
    u32[slot >>> 2] = 0;
    u32[(rec + RT_ROOT) >>> 2] = 0;
    this.freeRoots.push(slot);
  }

  /** Queues record rec at its `when` (time.startTimer). */
  start(rec: number): void {
    const mem = this.sched.heap.mem;
    const gen = (mem.u32[(rec + RT_GEN) >>> 2] + 1) >>> 0;
    mem.u32[(rec + RT_GEN) >>> 2] = gen;
    mem.u32[(rec + RT_STATUS) >>> 2] = 1;
    const slot = this.takeRoot(rec);
    const m = this.sched.heap.mem;
    m.u32[(rec + RT_ROOT) >>> 2] = slot;
    const when = Number(m.i64[(rec + RT_WHEN) >>> 3]);
    this.sched.timers.push(when, (rec | 1) >>> 0, gen);
  }

  /** Unqueues rec; true when it was pending (time.stopTimer). */
  stop(rec: number): boolean {
    const u32 = this.sched.heap.mem.u32;
    if (u32[(rec + RT_STATUS) >>> 2] === 0) return false;
    u32[(rec + RT_STATUS) >>> 2] = 0;
    u32[(rec + RT_GEN) >>> 2] = (u32[(rec + RT_GEN) >>> 2] + 1) >>> 0;
    this.dropRoot(rec);
    return true;
  }

  /** Re-arms rec for `when` (and `period`, unless null); returns whether it was pending. */
  reset(rec: number, when: bigint, period: bigint | null): boolean {
    const was = this.stop(rec);
    const i64 = this.sched.heap.mem.i64;
    i64[(rec + RT_WHEN) >>> 3] = when;
    if (period !== null) i64[(rec + RT_PERIOD) >>> 3] = period;
    this.start(rec);
    return was;
  }

  /** True when heap entry (tagged rec, seq) is still the timer's current queuing. */
  live(tagged: number, seq: number): boolean {
    const rec = (tagged & ~1) >>> 0;
    const u32 = this.sched.heap.mem.u32;
    return u32[(rec + RT_STATUS) >>> 2] === 1 && u32[(rec + RT_GEN) >>> 2] === seq;
  }

  /** The timer of heap entry (tagged rec, seq) is due at `now`: run f(arg, seq); re-queue a ticker. */
  fire(tagged: number, seq: number, now: number): void {
    if (!this.live(tagged, seq)) return;
    const rec = (tagged & ~1) >>> 0;
    const mem = this.sched.heap.mem;
    const period = mem.i64[(rec + RT_PERIOD) >>> 3];
    const clo = mem.u32[(rec + RT_F) >>> 2];
    const arg = mem.u32[(rec + RT_ARG) >>> 2];
    const aseq = mem.i64[(rec + RT_SEQ) >>> 3];
    if (period > 0n) {
      // Ticker: the next multiple of the period after now (missed ticks are dropped, as Go).
      const p = Number(period);
      let when = Number(mem.i64[(rec + RT_WHEN) >>> 3]);
      when += p * (1 + Math.floor(Math.max(0, now - when) / p));
      mem.i64[(rec + RT_WHEN) >>> 3] = BigInt(when);
      this.sched.timers.push(when, tagged, seq);
    } else {
      mem.u32[(rec + RT_STATUS) >>> 2] = 0;
      this.dropRoot(rec);
    }
    this.fired++;
    if (clo !== 0) this.sched.newSystemProc(clo, [BigInt(arg), aseq]);
  }
}

/** Adds package time's timer natives (startTimer, stopTimer, resetTimer, modTimer). */
export function addTimerNatives(rt: RuntimeTimers, m: Map<string, NativeFn>): void {
  m.set("time.startTimer", (vm, _g, args) => rt.start(vm.mem.u32[args >>> 2]));
  m.set("time.stopTimer", (vm, _g, args, res) => {
    const was = rt.stop(vm.mem.u32[args >>> 2]);
    vm.mem.i64[res >>> 3] = was ? 1n : 0n;
  });
  m.set("time.resetTimer", (vm, _g, args, res) => {
    const was = rt.reset(vm.mem.u32[args >>> 2], vm.mem.i64[(args + 8) >>> 3], null);
    vm.mem.i64[res >>> 3] = was ? 1n : 0n;
  });
  m.set("time.modTimer", (vm, _g, args) => {
    const i64 = vm.mem.i64;
    rt.reset(vm.mem.u32[args >>> 2], i64[(args + 8) >>> 3], i64[(args + 16) >>> 3]);
  });
}
