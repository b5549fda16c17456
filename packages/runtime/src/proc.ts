/**
 * proc.ts — goroutine scheduler on one host thread (Go's proc.go, written afresh). Design and
 * status: SCHED.md.
 *
 * MODEL. Gs are records in linear memory (vm/g.ts + runtime2.ts fields), each with its own
 * stack in linear memory. `Sched.run()` is the M: it picks a runnable G (`findRunnable`) and
 * calls `vm.run(g)`, which interprets until the G exits, panics, spends its safe-point budget
 * (RUN_YIELD: preemption point and GC poll) or a native parks it (RUN_PARK). The run queues are
 * Go's: per P a 256-entry ring plus `runnext` (a G readied by the running G runs next and
 * inherits the time slice — what makes a channel handoff cheap), and one global queue linked
 * through G_SCHEDLINK. GOMAXPROCS logical Ps exist (records in linear memory, resized at run
 * time by procresize), but with one host thread only P 0 runs Gs; the others stay idle until Ms
 * run on worker threads (DESIGN.md). findRunnable already steals from them (stealWork).
 * Thread readiness of every piece of state here: THREADS.md.
 *
 * PARKING NATIVES. A native that must block calls `gopark(g, reason)` (status → waiting) and
 * returns; the VM sees the status change, saves pc = the call instruction and returns RUN_PARK.
 * When the G is readied and runs again, the call executes again and the native finds its own
 * token in G_PARKSTATE, finishing the operation (Go: the code after gopark). This keeps every
 * native's result writing in the native itself and costs one re-dispatch per park.
 *
 * FAIRNESS. A G switched to through runnext inherits the slice: after RUNNEXT_STREAK such
 * handoffs in a row (two Gs ping-ponging) the scheduler takes the next G from the ring instead;
 * every 61st schedule looks at the global queue first (Go's schedtick rule); a G that spends its
 * budget (DEFAULT_BUDGET safe points, ≈ 0.1–1 ms) goes to the tail of the global queue when
 * anything else is runnable — so a goroutine spinning in a loop never starves the others.
 *
 * DEADLOCK. No runnable G, no sleeping G: "fatal error: all goroutines are asleep - deadlock!"
 * followed by every goroutine's traceback with its wait reason (Go's output, exit 2); when main
 * called runtime.Goexit and nothing else is left: "no goroutines (main called runtime.Goexit) -
 * deadlock!".
 *
 * GOIDS. Go 1.19 starts runtime goroutines 2–4 (forcegc, bgsweep, bgscavenge) before main runs,
 * so under GOMAXPROCS=1 the first user goroutine is 5 (checked with go1.19 deadlock output);
 * gort numbers the same way.
 *
 * Rejected: JS-side queues of G objects (G state must be in linear memory so GC, traces and a
 * future multi-threaded M can read it); parking by unwinding a JS stack (the VM's frames are
 * already in linear memory, so a switch is pc/fp in the G record: reference/vm-measurements.md §3).
 */

import { DEBUG, assert, FatalError, formatFatal } from "./debug.js";
import type { LinearMemory } from "./mem.js";
import { BG_MARK, type Collector } from "./mgc.js";
import { ST_OTHER_SYS } from "./mstats.js";
import { FR_FUNC, FR_PC, STK_FP, STK_HI, STK_LO } from "./stack.js";
import type { GoroutineSource } from "./mgcmark.js";
import { LoadedImage } from "./vm/loader.js";
import { RUN_EXIT, RUN_PANIC, RUN_PARK, RUN_YIELD, VM, type NativeFn } from "./vm/interp.js";
import { G_CTX, G_DEFER, G_GOID, G_PANIC, G_PKIND, G_STATUS, G_WAITREASON, GDEAD, GRUNNABLE, GRUNNING, GWAITING } from "./vm/g.js";
import { PK_GOEXIT, formatPanic, traceback } from "./vm/panic.js";
import {
  G_ALLGIDX,
  G_ASSIST,
  G_GOPC,
  G_GOPCFN,
  G_LOCKED,
  G_PARAM,
  G_PARKSTATE,
  G_SCHEDLINK,
  G_SELECTDONE,
  G_SLEEPSEQ,
  G_WAITING,
  G_WHEN,
  P_BYTES,
  P_GFREE,
  P_GFREECNT,
  P_ID,
  P_RUNNEXT,
  P_RUNQ,
  P_RUNQHEAD,
  P_RUNQTAIL,
  P_SCHEDTICK,
  P_STATUS,
  PDEAD,
  PIDLE,
  PRUNNING,
  RUNQ_SIZE,
  SCHED_BYTES,
  SCHED_EXITCODE,
  SCHED_MAING,
  SCHED_MAINGOEXIT,
  SCHED_NEXTGOID,
  SCHED_NEXTSYSGOID,
  SCHED_NGOROUTINES,
  SCHED_NSYSTEM,
  SCHED_RUNQHEAD,
  SCHED_RUNQSIZE,
  SCHED_RUNQTAIL,
  SG_BYTES,
  SG_C,
  SG_NEXT,
  WAIT_REASON_STRINGS,
  WaitReason,
} from "./runtime2.js";
import { PTimers, RealClock, RuntimeTimers, addTimeNatives, addTimerNatives, type Clock } from "./time.js";
import { availableParallelism } from "node:os";
import { Chans } from "./chan.js";
import { Selects } from "./select.js";
import { rselectNative } from "./reflectrt.js";
import { Semas } from "./sema.js";
import { Heap, type HeapOptions } from "./malloc.js";
import { newMemory } from "./meminit.js";
import type { ProgramImage } from "./image/format.js";
import { growsliceNative } from "./slice.js";
import { addAtomicNatives } from "./atomic.js";
import { addComplexNatives } from "./complex.js";
import { addStringNatives } from "./string.js";
import { addExternNatives } from "./extern.js";
import { addDebugNatives } from "./debugrt.js";
import { addMakesliceNatives } from "./makeslice.js";
import { readmemstatsNative } from "./mstatsnative.js";
import { RuntimeMetrics } from "./metrics.js";
import type { UserAnnotationSink } from "./otelspans.js";
import { setFinalizerNative, startFinalizers } from "./finq.js";
import { addMapNatives } from "./map.js";
import { addIfaceNatives, preprintPanics } from "./iface.js";
import type { Tracer } from "./trace.js";
import { addTraceNatives } from "./tracenative.js";
import { Profiler, type ProfileSetup } from "./prof.js";
import { addProfNatives } from "./profnatives.js";
import { addStdNatives } from "./stdnatives.js";
import { FATAL_PANIC, FATAL_SCHED, FATAL_THROW, SchedTrace, parseSchedDebug, type FatalKind, type SchedDebug } from "./schedtrace.js";
import { AllGs, RecordList, SCHED_ALLGS, SCHED_ALLP } from "./allgs.js";
import { NetPoller } from "./netpoll.js";
import { JsBridge } from "./jsvalue.js";
import { applySandbox, type SandboxPolicy } from "./sandbox.js";
import type { SnapshotMonitor, SnapshotThreadsView } from "./snapshot.js";
import { mthreadsAvailable, runMThreads } from "./mserver.js";

/**
 * Consecutive runnext handoffs before the ring gets a turn. Trades ping-pong throughput (each
 * forced turn costs a queue round trip) against latency of other runnable Gs; 64 handoffs are
 * a few µs, far below Go's 10 ms slice, which is what runnext inherits there.
 */
const RUNNEXT_STREAK = 64;
/** Go checks the global queue every 61 schedticks so it cannot starve behind local work. */
const GLOBAL_CHECK_TICKS = 61;
/** Dead Gs kept per P for reuse (Go: 64 before moving half to the global list). */
const GFREE_MAX = 64;
/** First goroutine id handed to user goroutines after main (see GOIDS above). */
const FIRST_USER_GOID = 5;
/**
 * Goids of system goroutines (timer functions) start here: they never collide with user goids,
 * and goids at or above it are left out of NumGoroutine and of deadlock listings (Go's
 * isSystemGoroutine).
 */
const SYSTEM_GOID_BASE = 0x4000_0000;
/** Idle GC marking budget per idle period while waiting for a timer (ns). */
const IDLE_MARK_NS = 1_000_000;

export interface SchedOptions {
  /** The collector (null: no GC; polls and roots are skipped). */
  gc?: Collector | null;
  clock?: Clock;
  /** Logical Ps (GOMAXPROCS). */
  gomaxprocs?: number;
  /** Seed of the scheduler's random numbers (select order); default from the clock. */
  seed?: number;
}

/** The scheduler. One per VM; construct, install `natives()`, `startMain`, then `run()`. */
export class Sched implements GoroutineSource {
  readonly vm: VM;
  readonly heap: Heap;
  readonly mem: LinearMemory;
  readonly image: LoadedImage;
  readonly gc: Collector | null;
  readonly clock: Clock;
  /** The per-P timer heaps (time.ts PTimers): sleeps and runtime timers go to the current P's. */
  readonly timers: PTimers;
  /** Global scheduler record (runtime2.ts SCHED_*). */
  readonly sched: number;
  /** P records of the current GOMAXPROCS (Go's allp, in linear memory: allgs.ts); ps.at(0) is the one this thread runs. */
  readonly ps: RecordList;
  /** Every P record ever made (procresize reuses them; ps is a prefix of it). */
  private readonly pPool: number[];
  /** The G wired to the M by LockOSThread (0 = none; Go's m.lockedg). */
  lockedg: number;
  /** Dashboard snapshots and watcher commands (null = nobody watches; snapshot.ts). */
  monitor: SnapshotMonitor | null = null;
  /** Worker-thread Ms (mserver.ts): some M's goroutine is inside procPin (mailbox MB_PINNED). */
  anyMPinned: () => boolean = () => false;
  /** Worker-thread Ms' view for snapshots (mprocs.ts MSchedView; null = this thread is the only M). */
  threadsView: SnapshotThreadsView | null = null;
  /** The network poller: sockets on a host thread (netpoll.ts); its thread starts on first use. */
  readonly netpoll: NetPoller = new NetPoller(this);
  /** syscall/js: JavaScript on a host thread (jsvalue.ts); its thread starts on first use. */
  readonly js: JsBridge = new JsBridge(this);
  /** GODEBUG=schedtrace/scheddetail reporter (null = off; schedtrace.ts). */
  trace: SchedTrace | null;
  /** Set by goyield: the G returning RUN_PARK runnable goes to the local queue's tail. */
  private yieldLocal: boolean;
  /** The running P. */
  p: number;
  /** Every G record ever made, index = G_ALLGIDX (dead ones are reused). */
  readonly allgs: AllGs;
  /** The G being run (0 between slices). */
  curg: number;
  // Process-wide scheduler words live in the SCHED record (every M will share them: THREADS.md).
  /** Goroutine 1's record. */
  get mainG(): number {
    return this.mem.u32[(this.sched + SCHED_MAING) >>> 2];
  }
  set mainG(g: number) {
    this.mem.u32[(this.sched + SCHED_MAING) >>> 2] = g;
  }
  /** Live (not dead) goroutines, system ones included. */
  get ngoroutines(): number {
    return this.mem.u32[(this.sched + SCHED_NGOROUTINES) >>> 2];
  }
  set ngoroutines(n: number) {
    this.mem.u32[(this.sched + SCHED_NGOROUTINES) >>> 2] = n;
  }
  /** Live system goroutines (goid ≥ SYSTEM_GOID_BASE). */
  get nsystem(): number {
    return this.mem.u32[(this.sched + SCHED_NSYSTEM) >>> 2];
  }
  set nsystem(n: number) {
    this.mem.u32[(this.sched + SCHED_NSYSTEM) >>> 2] = n;
  }
  /** Set by runtime.Goexit on main. */
  get mainGoexit(): boolean {
    return this.mem.u32[(this.sched + SCHED_MAINGOEXIT) >>> 2] !== 0;
  }
  set mainGoexit(b: boolean) {
    this.mem.u32[(this.sched + SCHED_MAINGOEXIT) >>> 2] = b ? 1 : 0;
  }
  private get nextGoid(): number {
    return this.mem.u32[(this.sched + SCHED_NEXTGOID) >>> 2];
  }
  private set nextGoid(n: number) {
    this.mem.u32[(this.sched + SCHED_NEXTGOID) >>> 2] = n;
  }
  private get nextSystemGoid(): number {
    return this.mem.u32[(this.sched + SCHED_NEXTSYSGOID) >>> 2];
  }
  private set nextSystemGoid(n: number) {
    this.mem.u32[(this.sched + SCHED_NEXTSYSGOID) >>> 2] = n;
  }
  /** Exit status requested by os.Exit or a throw (−1 = none). */
  get exitCode(): number {
    return this.mem.i32[(this.sched + SCHED_EXITCODE) >>> 2];
  }
  set exitCode(c: number) {
    this.mem.i32[(this.sched + SCHED_EXITCODE) >>> 2] = c;
  }
  /** xorshift32 state (select's poll order, cheaprand). */
  private rng: number;
  private sudogFree: number;
  private runnextStreak: number;
  /** Host sleeps taken (tests). */
  idleSleeps: number;
  readonly chans: Chans;
  readonly selects: Selects;
  readonly semas: Semas;
  readonly rtimers: RuntimeTimers;
  /** runtime/metrics and the scheduling-latency histogram (metrics.ts). */
  readonly metrics: RuntimeMetrics;
  /**
   * Receiver of runtime/trace task/region/log annotations besides the execution tracer (OpenTelemetry
   * spans under --otel / the embedding API: otelspans.ts); null = none. runtime/trace's natives
   * call it (see METRICS.md "Spans").
   */
  userAnnotations: UserAnnotationSink | null = null;
  /** Profiling: CPU sampler, labels, heap/block/mutex records (prof.ts). */
  readonly prof: Profiler;
  /** The execution tracer (trace.ts) while a trace runs, else null: each hook is one check. */
  tracer: Tracer | null;

  constructor(vm: VM, opts: SchedOptions = {}) {
    this.vm = vm;
    this.heap = vm.heap;
    this.mem = vm.mem;
    this.image = vm.image;
    this.gc = opts.gc ?? null;
    this.clock = opts.clock ?? new RealClock();
    this.timers = new PTimers(this.heap, () => this.ps, () => this.p);
    const mh = this.heap.mheap;
    this.sched = mh.persistentAlloc(SCHED_BYTES, 8, ST_OTHER_SYS);
    const n = Math.max(1, opts.gomaxprocs ?? 1);
    this.ps = new RecordList(this.mem, mh, this.sched + SCHED_ALLP, 8);
    this.pPool = [];
    this.lockedg = 0;
    this.trace = null;
    this.yieldLocal = false;
    for (let i = 0; i < n; i++) this.ps.push(this.newP(i));
    this.mem.u32[(this.ps.at(0) + P_STATUS) >>> 2] = PRUNNING;
    this.p = this.ps.at(0);
    this.allgs = new AllGs(this.mem, mh, this.sched + SCHED_ALLGS); // allgs.ts: in linear memory
    this.mainG = 0;
    this.curg = 0;
    this.ngoroutines = 0;
    this.nsystem = 0;
    this.mainGoexit = false;
    this.rng = ((opts.seed ?? Date.now()) >>> 0) | 1;
    this.nextGoid = FIRST_USER_GOID;
    this.nextSystemGoid = SYSTEM_GOID_BASE;
    this.sudogFree = 0;
    this.runnextStreak = 0;
    this.exitCode = -1;
    this.idleSleeps = 0;
    if (this.gc !== null) {
      this.gc.setStackRoots(this, this.image);
      // Never shrink the running goroutine's stack (Go's isShrinkStackSafe): the marker runs
      // inside allocations (assists), and a native that allocates still holds addresses of
      // its argument and result slots in the old stack. Parked and runnable Gs are at safe
      // points and may move.
      const stacks = this.heap.stacks;
      this.gc.marker.shrinker = { shrinkstack: (g: number) => (g !== this.curg ? stacks.shrinkstack(g) : false) };
    }
    this.chans = new Chans(this);
    this.selects = new Selects(this, this.chans);
    this.semas = new Semas(this);
    this.rtimers = new RuntimeTimers(this);
    this.metrics = new RuntimeMetrics(this);
    this.prof = new Profiler(this);
    this.tracer = null;
    // Stack copies move the sudog elem pointers into the moved stack (Go's adjustsudogs).
    vm.parkHook = (g) => this.parkSwitch(g);
    const chans = this.chans;
    this.heap.stacks.adjustHook = { adjustExtra: (g, lo, hi, delta) => chans.adjustSudogs(g, lo, hi, delta) };
  }

  /** Every native the scheduler and its services provide (proc, chan, select, sema, time). */
  natives(): Map<string, NativeFn> {
    const m = new Map<string, NativeFn>();
    this.addNatives(m);
    this.chans.addNatives(m);
    this.selects.addNatives(m);
    m.set("reflect.rselect", rselectNative(this.selects)); // reflect.Select (reflectrt.ts)
    this.semas.addNatives(m);
    addTimeNatives(this, m);
    addTimerNatives(this.rtimers, m);
    m.set("runtime.growslice", growsliceNative(this.gc));
    addAtomicNatives(this.gc, m);
    addComplexNatives(m); // complex.ts, string.ts (MISC)
    addStringNatives(m, this.gc);
    addExternNatives(m);
    addDebugNatives(this, m); // debugrt.ts: runtime/debug
    addMakesliceNatives(m);
    m.set("runtime.readmemstats", readmemstatsNative(this.gc));
    this.metrics.addNatives(m); // metrics.ts: runtime/metrics
    m.set("runtime.SetFinalizer", setFinalizerNative(this));
    addMapNatives(m); // map.ts: makemap, mapaccess1/2, mapassign, mapdelete, mapiterinit/next, reflect.map*
    addIfaceNatives(this.vm, m); // interfaces (iface.ts)
    addProfNatives(this, m); // profiling (profnatives.ts)
    addTraceNatives(this, m); // runtime/trace (tracenative.ts)
    addStdNatives(m); // crypto/rand, hash/maphash, crypto/md5|sha1|sha256 blocks (stdnatives.ts)
    this.netpoll.addNatives(m); // package net (netpoll.ts)
    this.js.addNatives(m); // syscall/js (jsvalue.ts)
    return m;
  }

  // ── GoroutineSource (collector) ──

  numStacks(): number {
    return this.allgs.length;
  }
  stackAt(i: number): number {
    const g = this.allgs.at(i);
    return this.mem.u32[(g + G_STATUS) >>> 2] === GDEAD ? 0 : g;
  }

  /** GOMAXPROCS. */
  get gomaxprocs(): number {
    return this.ps.length;
  }
  /** GOMAXPROCS (the name older callers use). */
  get maxprocs(): number {
    return this.ps.length;
  }

  // ── Ps (Go's allp and procresize) ──

  /** A fresh P record with id `id`, idle, empty queues (persistent memory; kept in pPool). */
  private newP(id: number): number {
    const p = this.heap.mheap.persistentAlloc(P_BYTES, 8, ST_OTHER_SYS);
    this.mem.u32[(p + P_ID) >>> 2] = id;
    this.mem.u32[(p + P_STATUS) >>> 2] = PIDLE;
    this.pPool.push(p);
    return p;
  }

  /**
   * Sets the number of Ps to n ≥ 1 (Go's procresize; runtime.GOMAXPROCS and the GOMAXPROCS
   * variable). Go runs it with the world stopped; with one M the calling goroutine is the only
   * one running, so nothing can observe a half-resized allp. Added Ps (reused records when the
   * count shrank before) start idle with empty queues. A removed P hands its runnable Gs to the
   * head of the global queue — runnext first, then its ring in order, as Go's p.destroy — and
   * its cache of dead Gs to P0. The collector keeps accounting one P's worth of CPU: only one
   * P runs at a time until Ms are threads (THREADS.md). Returns the previous count.
   */
  procresize(n: number): number {
    const old = this.ps.length;
    if (n < 1 || n === old) return old;
    const u32 = this.mem.u32;
    if (n > old) {
      for (let i = old; i < n; i++) {
        const p = i < this.pPool.length ? this.pPool[i] : this.newP(i);
        const u = this.mem.u32;
        u[(p + P_STATUS) >>> 2] = PIDLE;
        u[(p + P_RUNQHEAD) >>> 2] = 0;
        u[(p + P_RUNQTAIL) >>> 2] = 0;
        u[(p + P_RUNNEXT) >>> 2] = 0;
        u[(p + P_SCHEDTICK) >>> 2] = 0;
        u[(p + P_GFREE) >>> 2] = 0;
        u[(p + P_GFREECNT) >>> 2] = 0;
        this.ps.push(p);
      }
      return old;
    }
    const p0 = this.ps.at(0);
    for (let i = old - 1; i >= n; i--) {
      const p = this.ps.at(i);
      let t = u32[(p + P_RUNQTAIL) >>> 2];
      const h = u32[(p + P_RUNQHEAD) >>> 2];
      while (t !== h) {
        t = (t - 1) >>> 0;
        this.globrunqputhead(u32[((p + P_RUNQ) >>> 2) + (t & (RUNQ_SIZE - 1))]);
      }
      u32[(p + P_RUNQTAIL) >>> 2] = t;
      const next = u32[(p + P_RUNNEXT) >>> 2];
      if (next !== 0) {
        this.globrunqputhead(next);
        u32[(p + P_RUNNEXT) >>> 2] = 0;
      }
      for (let g = u32[(p + P_GFREE) >>> 2]; g !== 0; ) {
        const link = u32[(g + G_SCHEDLINK) >>> 2];
        u32[(g + G_SCHEDLINK) >>> 2] = u32[(p0 + P_GFREE) >>> 2];
        u32[(p0 + P_GFREE) >>> 2] = g;
        u32[(p0 + P_GFREECNT) >>> 2]++;
        g = link;
      }
      u32[(p + P_GFREE) >>> 2] = 0;
      u32[(p + P_GFREECNT) >>> 2] = 0;
      this.timers.moveP(p, p0); // its timers run on P0 from now on (Go's moveTimers; may grow memory)
      this.mem.u32[(p + P_STATUS) >>> 2] = PDEAD;
    }
    this.ps.truncate(n);
    return old;
  }

  /**
   * Takes half of another P's runnable Gs for p (Go's runqsteal/findRunnable's stealing), the
   * victims visited from a random start. With one M only P 0 runs, so other Ps only hold work
   * when something queued it there explicitly; kept so findRunnable is complete for threads.
   * Returns one stolen G to run (the rest go to p's ring), or 0.
   */
  private stealWork(p: number): number {
    const ps = this.ps;
    const n = ps.length;
    const u32 = this.mem.u32;
    const start = this.fastrandn(n);
    for (let k = 0; k < n; k++) {
      const v = ps.at((start + k) % n);
      if (v === p) continue;
      const h = u32[(v + P_RUNQHEAD) >>> 2];
      const t = u32[(v + P_RUNQTAIL) >>> 2];
      let cnt = (t - h) >>> 0;
      if (cnt === 0) {
        const next = u32[(v + P_RUNNEXT) >>> 2];
        if (next === 0) continue;
        u32[(v + P_RUNNEXT) >>> 2] = 0;
        return next;
      }
      cnt -= cnt >>> 1; // half, rounded up
      const first = u32[((v + P_RUNQ) >>> 2) + (h & (RUNQ_SIZE - 1))];
      for (let i = 1; i < cnt; i++) this.runqput(p, u32[((v + P_RUNQ) >>> 2) + ((h + i) & (RUNQ_SIZE - 1))], false);
      u32[(v + P_RUNQHEAD) >>> 2] = (h + cnt) >>> 0;
      return first;
    }
    return 0;
  }

  /** A pseudo-random uint32 (Go's fastrand role). */
  fastrand(): number {
    let x = this.rng;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.rng = x;
    return x >>> 0;
  }

  /** Uniform in [0, n). */
  fastrandn(n: number): number {
    return Math.floor((this.fastrand() / 4294967296) * n);
  }

  // ── G creation and exit ──

  /** A G record (reused dead one from the P's free list, else new) with an empty stack. */
  private allocG(): number {
    const mem = this.mem;
    const p = this.p;
    let g = mem.u32[(p + P_GFREE) >>> 2];
    if (g !== 0) {
      mem.u32[(p + P_GFREE) >>> 2] = mem.u32[(g + G_SCHEDLINK) >>> 2];
      mem.u32[(p + P_GFREECNT) >>> 2]--;
      const u32 = mem.u32;
      u32[(g + STK_FP) >>> 2] = u32[(g + STK_HI) >>> 2];
    } else {
      g = this.vm.newG();
      this.mem.u32[(g + G_ALLGIDX) >>> 2] = this.allgs.push(g);
      // The closure context of a G that has not run yet lives only in G_CTX: a GC root.
      if (this.gc !== null) this.gc.addRoot(g + G_CTX);
    }
    const u32 = this.mem.u32;
    u32[(g + G_GOID) >>> 2] = 0;
    u32[(g + G_PANIC) >>> 2] = 0;
    u32[(g + G_DEFER) >>> 2] = 0;
    u32[(g + G_WAITREASON) >>> 2] = 0;
    u32[(g + G_PKIND) >>> 2] = 0;
    u32[(g + G_SCHEDLINK) >>> 2] = 0;
    u32[(g + G_PARKSTATE) >>> 2] = 0;
    u32[(g + G_WAITING) >>> 2] = 0;
    u32[(g + G_PARAM) >>> 2] = 0;
    u32[(g + G_SELECTDONE) >>> 2] = 0;
    u32[(g + G_GOPCFN) >>> 2] = 0xffffffff;
    u32[(g + G_GOPC) >>> 2] = 0;
    u32[(g + G_LOCKED) >>> 2] = 0;
    this.mem.f64[(g + G_WHEN) >>> 3] = 0;
    this.mem.f64[(g + G_ASSIST) >>> 3] = 0;
    return g;
  }

  /**
   * Creates a goroutine running function `fn` (closure context `ctx`, 0 for a plain function)
   * with argument slots `args`, and queues it in runnext (Go's newproc: the new G runs soon).
   * `parent` is the creating G (0 = none) whose innermost frame is the `go` statement.
   */
  newproc(fn: number, ctx: number, args: readonly bigint[] = [], parent = 0, system = false): number {
    const g = this.allocG();
    const vm = this.vm;
    vm.start(g, fn, args);
    const u32 = this.mem.u32;
    u32[(g + G_CTX) >>> 2] = ctx;
    if (ctx !== 0 && this.gc !== null) this.gc.shadeIfMarking(ctx);
    if (parent !== 0) {
      const pfp = u32[(parent + STK_FP) >>> 2];
      u32[(g + G_GOPCFN) >>> 2] = u32[(pfp + FR_FUNC) >>> 2];
      u32[(g + G_GOPC) >>> 2] = u32[(pfp + FR_PC) >>> 2];
    }
    if (system) {
      u32[(g + G_GOID) >>> 2] = this.nextSystemGoid++;
      this.nsystem++;
    } else u32[(g + G_GOID) >>> 2] = this.nextGoid++;
    u32[(g + G_STATUS) >>> 2] = GRUNNABLE;
    if (this.prof.gLabels.size !== 0) this.prof.inheritLabels(parent, g); // pprof labels
    this.ngoroutines++;
    this.runqput(this.p, g, true);
    if (this.tracer !== null) this.tracer.goCreate(g);
    return g;
  }

  /** Starts a system goroutine running closure `clo` (a timer's function) with argument slots `args`. */
  newSystemProc(clo: number, args: readonly bigint[]): void {
    this.newproc(this.mem.u32[clo >>> 2], clo, args, 0, true);
  }

  /** Goroutines a program sees (runtime.NumGoroutine): system ones excluded. */
  numGoroutine(): number {
    return this.ngoroutines - this.nsystem;
  }

  /** Creates goroutine 1 running `entry` (the program's main). Call once, before run(). */
  startMain(entry: number, args: readonly bigint[] = [], stackSize?: number): number {
    if (DEBUG) assert(this.mainG === 0, "startMain twice");
    const g = this.allocG();
    if (stackSize !== undefined && this.vm.stackSize(g) !== stackSize) {
      this.heap.stacks.freeStack(g);
      this.heap.stacks.initStack(g, stackSize);
    }
    this.vm.start(g, entry, args);
    const u32 = this.mem.u32;
    u32[(g + G_GOID) >>> 2] = 1;
    u32[(g + G_STATUS) >>> 2] = GRUNNABLE;
    this.ngoroutines++;
    this.mainG = g;
    this.runqput(this.p, g, true);
    return g;
  }

  /** The G finished (RUN_EXIT, or Goexit): back to the P's free list. */
  private gdestroy(g: number): void {
    const mem = this.mem;
    const u32 = mem.u32;
    u32[(g + G_STATUS) >>> 2] = GDEAD;
    this.ngoroutines--;
    if (this.tracer !== null) this.tracer.goEnd(g);
    // Exiting while wired by LockOSThread: Go terminates that thread and another M takes the
    // P over. gort's one M just drops the wiring (nothing else was ever tied to the thread).
    if (u32[(g + G_LOCKED) >>> 2] !== 0) {
      u32[(g + G_LOCKED) >>> 2] = 0;
      if (this.lockedg === g) this.lockedg = 0;
    }
    if (u32[(g + G_GOID) >>> 2] >= SYSTEM_GOID_BASE) this.nsystem--;
    if (g === this.mainG) return; // main's record stays (results, traceback of Goexit deadlock)
    const p = this.p;
    if (u32[(p + P_GFREECNT) >>> 2] >= GFREE_MAX) return; // dropped: the record stays dead in allgs
    // A grown stack goes back to the allocator; the G restarts at the starting size (Go: gfput).
    const size = u32[(g + STK_HI) >>> 2] - u32[(g + STK_LO) >>> 2];
    if (size !== this.heap.stacks.startingStackSize) {
      this.heap.stacks.freeStack(g);
      this.heap.stacks.initStack(g);
    }
    const u = this.mem.u32;
    u[(g + G_SCHEDLINK) >>> 2] = u[(p + P_GFREE) >>> 2];
    u[(p + P_GFREE) >>> 2] = g;
    u[(p + P_GFREECNT) >>> 2]++;
  }

  // ── park / ready ──

  /** Parks g (the running G, inside a native) with wait reason `reason`. */
  gopark(g: number, reason: number): void {
    const u32 = this.mem.u32;
    u32[(g + G_WAITREASON) >>> 2] = reason;
    u32[(g + G_STATUS) >>> 2] = GWAITING;
    if (this.prof.waitsNoted) this.prof.parked(g, reason); // block/mutex profiles
    if (this.tracer !== null) this.tracer.goPark(g, reason);
  }

  /** Makes waiting G g runnable; it runs next on this P (Go's goready → runqput(next=true)). */
  goready(g: number): void {
    if (DEBUG) assert(this.mem.u32[(g + G_STATUS) >>> 2] === GWAITING, "goready: G not waiting");
    this.mem.u32[(g + G_STATUS) >>> 2] = GRUNNABLE;
    if (this.prof.waitsNoted) this.prof.readied(g); // block/mutex profiles
    if (this.tracer !== null) this.tracer.goUnblock(g);
    this.runqput(this.p, g, true);
  }

  /** runtime.Gosched from a native: g goes to the global queue; the native re-runs as resumed. */
  gosched(g: number): void {
    this.mem.u32[(g + G_STATUS) >>> 2] = GRUNNABLE;
    if (this.tracer !== null) this.tracer.goSched(g);
  }

  /**
   * Go's goyield from a native: like gosched, but g goes to the tail of the P's local queue
   * (semrelease's handoff: the readied waiter in runnext runs first, g soon after).
   */
  goyield(g: number): void {
    this.mem.u32[(g + G_STATUS) >>> 2] = GRUNNABLE;
    this.yieldLocal = true;
  }

  // ── run queues ──

  /** Puts g on p's queue: in runnext (the old runnext moves to the ring) or at the ring's tail. */
  runqput(p: number, g: number, next: boolean): void {
    this.metrics.latency.enqueued(g); // /sched/latencies (metrics.ts)
    const u32 = this.mem.u32;
    if (next) {
      const old = u32[(p + P_RUNNEXT) >>> 2];
      u32[(p + P_RUNNEXT) >>> 2] = g;
      if (old === 0) return;
      g = old;
    }
    const h = u32[(p + P_RUNQHEAD) >>> 2];
    const t = u32[(p + P_RUNQTAIL) >>> 2];
    if (((t - h) >>> 0) < RUNQ_SIZE) {
      u32[((p + P_RUNQ) >>> 2) + (t & (RUNQ_SIZE - 1))] = g;
      u32[(p + P_RUNQTAIL) >>> 2] = (t + 1) >>> 0;
      return;
    }
    this.runqputSlow(p, g, h, t);
  }

  /** The ring is full: move half of it and g to the global queue (Go's runqputslow). */
  private runqputSlow(p: number, g: number, h: number, t: number): void {
    const u32 = this.mem.u32;
    const n = (t - h) >>> 1;
    for (let i = 0; i < n; i++) this.globrunqput(u32[((p + P_RUNQ) >>> 2) + ((h + i) & (RUNQ_SIZE - 1))]);
    u32[(p + P_RUNQHEAD) >>> 2] = (h + n) >>> 0;
    this.globrunqput(g);
  }

  /** Takes a G from p's queue (runnext first). Sets `inheritTime` when it came from runnext. */
  private runqget(p: number): number {
    const u32 = this.mem.u32;
    const next = u32[(p + P_RUNNEXT) >>> 2];
    if (next !== 0 && this.runnextStreak < RUNNEXT_STREAK) {
      u32[(p + P_RUNNEXT) >>> 2] = 0;
      this.runnextStreak++;
      return next;
    }
    const h = u32[(p + P_RUNQHEAD) >>> 2];
    if (h === u32[(p + P_RUNQTAIL) >>> 2]) {
      if (next !== 0) {
        u32[(p + P_RUNNEXT) >>> 2] = 0;
        this.runnextStreak = 1;
        return next;
      }
      return 0;
    }
    this.runnextStreak = 0;
    u32[(p + P_RUNQHEAD) >>> 2] = (h + 1) >>> 0;
    return u32[((p + P_RUNQ) >>> 2) + (h & (RUNQ_SIZE - 1))];
  }

  /** Local queue length of p, runnext excluded (schedtrace's per-P figure). */
  runqlen(p: number): number {
    const u32 = this.mem.u32;
    return (u32[(p + P_RUNQTAIL) >>> 2] - u32[(p + P_RUNQHEAD) >>> 2]) >>> 0;
  }

  globrunqput(g: number): void {
    const u32 = this.mem.u32;
    const s = this.sched;
    u32[(g + G_SCHEDLINK) >>> 2] = 0;
    const tail = u32[(s + SCHED_RUNQTAIL) >>> 2];
    if (tail === 0) u32[(s + SCHED_RUNQHEAD) >>> 2] = g;
    else u32[(tail + G_SCHEDLINK) >>> 2] = g;
    u32[(s + SCHED_RUNQTAIL) >>> 2] = g;
    u32[(s + SCHED_RUNQSIZE) >>> 2]++;
  }

  /** Puts g at the head of the global queue (Go's globrunqputhead: p.destroy's order). */
  private globrunqputhead(g: number): void {
    const u32 = this.mem.u32;
    const s = this.sched;
    const head = u32[(s + SCHED_RUNQHEAD) >>> 2];
    u32[(g + G_SCHEDLINK) >>> 2] = head;
    u32[(s + SCHED_RUNQHEAD) >>> 2] = g;
    if (head === 0) u32[(s + SCHED_RUNQTAIL) >>> 2] = g;
    u32[(s + SCHED_RUNQSIZE) >>> 2]++;
  }

  private globrunqget(): number {
    const u32 = this.mem.u32;
    const s = this.sched;
    const g = u32[(s + SCHED_RUNQHEAD) >>> 2];
    if (g === 0) return 0;
    const next = u32[(g + G_SCHEDLINK) >>> 2];
    u32[(s + SCHED_RUNQHEAD) >>> 2] = next;
    if (next === 0) u32[(s + SCHED_RUNQTAIL) >>> 2] = 0;
    u32[(s + SCHED_RUNQSIZE) >>> 2]--;
    u32[(g + G_SCHEDLINK) >>> 2] = 0;
    return g;
  }

  /** Global queue length. */
  globrunqsize(): number {
    return this.mem.u32[(this.sched + SCHED_RUNQSIZE) >>> 2];
  }

  /** True when some G other than the running one could run now. */
  private anyRunnable(): boolean {
    const u32 = this.mem.u32;
    const p = this.p;
    return u32[(p + P_RUNNEXT) >>> 2] !== 0 || u32[(p + P_RUNQHEAD) >>> 2] !== u32[(p + P_RUNQTAIL) >>> 2] || u32[(this.sched + SCHED_RUNQSIZE) >>> 2] !== 0;
  }

  // ── timers ──

  /** Puts g (running, inside a native) to sleep until clock time `when`. Caller parks it. */
  sleepUntil(g: number, when: number): void {
    const mem = this.mem;
    const seq = (mem.u32[(g + G_SLEEPSEQ) >>> 2] + 1) >>> 0;
    mem.u32[(g + G_SLEEPSEQ) >>> 2] = seq;
    mem.f64[(g + G_WHEN) >>> 3] = when;
    this.timers.push(when, g, seq);
  }

  /** Readies every sleeping G whose deadline passed. */
  private checkTimers(now: number): void {
    const t = this.timers;
    while (t.len > 0 && t.peekWhen() <= now) {
      const g = t.peekG();
      const seq = t.peekSeq();
      t.pop();
      if ((g & 1) !== 0) {
        this.rtimers.fire(g, seq, now);
        continue;
      }
      const u32 = this.mem.u32;
      if (u32[(g + G_SLEEPSEQ) >>> 2] === seq && u32[(g + G_STATUS) >>> 2] === GWAITING) {
        u32[(g + G_SLEEPSEQ) >>> 2] = (seq + 1) >>> 0;
        u32[(g + G_STATUS) >>> 2] = GRUNNABLE;
        if (this.tracer !== null) this.tracer.goUnblock(g); // from no G, as Go's timer wakeups
        this.runqput(this.p, g, false);
      }
    }
  }

  /** Pops stale entries (woken sleepers, stopped timers) off the top, so idling waits for a live one. */
  private dropStaleTimers(): void {
    const t = this.timers;
    const u32 = this.mem.u32;
    while (t.len > 0) {
      const g = t.peekG();
      const seq = t.peekSeq();
      const live = (g & 1) !== 0 ? this.rtimers.live(g, seq) : u32[(g + G_SLEEPSEQ) >>> 2] === seq && u32[(g + G_STATUS) >>> 2] === GWAITING;
      if (live) return;
      t.pop();
    }
  }

  // ── the M loop ──

  /**
   * VM park hook (vm.parkHook): g's native just parked it. The common case — g waiting and a G
   * in this P's queue — switches inside the interpreter loop (reference/vm-measurements.md §3:
   * ~20 vs ~23 ns in the prototype; here it saves a run() exit and re-entry). Everything else
   * (Gosched, Goexit, exit, every 61st tick's global-queue turn, empty local queue) returns 0 so
   * Sched.run handles it. Timers and GC polls still happen at budget ends: the switched-to G
   * inherits the slice's remaining budget.
   */
  private parkSwitch(g: number): number {
    const u32 = this.mem.u32;
    if (u32[(g + G_STATUS) >>> 2] !== GWAITING || this.exitCode >= 0) return 0;
    const p = this.p;
    const tick = (u32[(p + P_SCHEDTICK) >>> 2] + 1) >>> 0;
    if (tick % GLOBAL_CHECK_TICKS === 0) return 0;
    const ng = this.runqget(p);
    if (ng === 0) return 0;
    u32[(p + P_SCHEDTICK) >>> 2] = tick;
    const gc = this.gc;
    if (gc !== null) gc.switchAssistCredit(g, ng);
    this.metrics.latency.running(ng);
    this.curg = ng;
    if (this.tracer !== null) this.tracer.goStartAfterPark(ng);
    return ng;
  }

  /**
   * Finds the next G to run: every 61st tick the global queue first, then the local queue
   * (runnext, ring), the global queue, expired timers; with nothing runnable but sleepers, idles
   * the host thread (GC idle marking first) until the earliest deadline. Returns 0 when nothing
   * can ever run again (deadlock).
   */
  private findRunnable(): number {
    const u32 = this.mem.u32;
    const p = this.p;
    const tick = (u32[(p + P_SCHEDTICK) >>> 2] = (u32[(p + P_SCHEDTICK) >>> 2] + 1) >>> 0);
    // Due timers first (Go's checkTimers in every schedule): a goroutine looping on Gosched
    // never spends its budget, and a sleeper must still wake on time.
    if (this.timers.len > 0) this.checkTimers(this.clock.now());
    if (this.tracer !== null) this.tracer.pollReader(); // runtime/trace's reader, when data waits
    if (tick % GLOBAL_CHECK_TICKS === 0 && this.trace !== null) this.trace.poll(this.clock.now(), 0);
    if (tick % GLOBAL_CHECK_TICKS === 0 && this.monitor !== null) this.monitor.poll(this.clock.now());
    if (tick % GLOBAL_CHECK_TICKS === 0 && this.netpoll.waiters > 0) this.netpoll.poll(this.clock.now());
    if (tick % GLOBAL_CHECK_TICKS === 0 && u32[(this.sched + SCHED_RUNQSIZE) >>> 2] !== 0) {
      this.runnextStreak = 0;
      return this.globrunqget();
    }
    for (;;) {
      let g = this.runqget(p);
      if (g !== 0) return g;
      g = this.globrunqget();
      if (g !== 0) {
        this.runnextStreak = 0;
        return g;
      }
      if (this.ps.length > 1) {
        g = this.stealWork(p);
        if (g !== 0) {
          this.runnextStreak = 0;
          return g;
        }
      }
      // goroutines in IO wait: not a deadlock; the M waits for the network or the next timer
      const np = this.netpoll;
      if (np.waiters > 0) {
        np.poll(this.clock.now());
        if (this.anyRunnable()) continue;
      }
      const netWait = np.waiters > 0;
      // syscall/js: replies and events from the JavaScript host thread (jsvalue.ts)
      this.js.poll();
      if (this.anyRunnable()) continue;
      const jsWait = this.js.busy();
      if (this.timers.len === 0 && !netWait && !jsWait) return 0;
      const now = this.clock.now();
      if (this.timers.len > 0) {
        this.checkTimers(now);
        if (this.anyRunnable()) continue;
        this.dropStaleTimers();
      }
      if (this.timers.len === 0 && !netWait && !jsWait) return 0; // only stale entries were left
      const nextTimer = (): number => (this.timers.len > 0 ? this.timers.peekWhen() - this.clock.now() : Infinity);
      let wait = Math.min(nextTimer(), netWait ? np.untilDeadline(now) : Infinity);
      if (this.gc !== null && wait > 0) {
        this.gc.idleMark(Math.min(wait, IDLE_MARK_NS));
        if (this.prof.tick[0] !== this.prof.seen) this.prof.cpuSystem(BG_MARK); // (prof.ts)
        wait = Math.min(nextTimer(), netWait ? np.untilDeadline(this.clock.now()) : Infinity);
      }
      this.idleSleeps++;
      // The P is idle while the M sleeps (schedtrace's idleprocs); reports stay on time.
      u32[(p + P_STATUS) >>> 2] = PIDLE;
      const tr = this.trace;
      if (tr !== null) wait = Math.min(wait, tr.untilDue(this.clock.now()));
      const mon = this.monitor;
      if (mon !== null) wait = Math.min(wait, mon.untilDue(this.clock.now()));
      const xt = this.tracer;
      if (xt !== null) xt.procStop(); // execution trace (trace.ts)
      if (jsWait) this.js.wait(netWait ? Math.min(wait, 1e6) : wait); // both: the network every ms
      else if (netWait) np.wait(wait);
      else this.clock.sleep(wait);
      if (xt !== null) xt.procStart();
      if (tr !== null) tr.poll(this.clock.now(), 0); // (P still idle: schedtrace's idleprocs)
      u32[(p + P_STATUS) >>> 2] = PRUNNING;
      if (mon !== null && mon.poll(this.clock.now()) >= 0) return 0;
    }
  }

  /**
   * Runs goroutines until main returns (exit 0), a panic reaches the top of a goroutine (Go's
   * message and traceback, exit 2), a fatal error (exit 2: deadlock, stack overflow, out of
   * memory) or os.Exit. Output goes through vm.write (stderr).
   */
  run(): number {
    const vm = this.vm;
    const gc = this.gc;
    try {
      for (;;) {
        let g = this.findRunnable();
        if (this.monitor !== null && this.monitor.stopCode >= 0) return this.monitor.stopCode;
        if (g === 0 && startFinalizers(this)) g = this.findRunnable(); // ready finalizers (finq.ts)
        if (g === 0) return this.deadlock();
        const prev = this.curg;
        if (gc !== null && prev !== g) gc.switchAssistCredit(prev, g);
        this.metrics.latency.running(g);
        this.curg = g;
        if (this.tracer !== null) this.tracer.goStart(g);
        const r = vm.run(g);
        // The VM may have switched goroutines inside run() (parkSwitch): continue with the G
        // that was running when it returned.
        g = this.curg;
        this.metrics.tick(); // OpenTelemetry sampling at every slice end (metrics.ts; a null check when off)
        // CPU profiling: a tick arrived during the slice (prof.ts; one plain load when off).
        if (this.prof.tick[0] !== this.prof.seen && (r === RUN_YIELD || r === RUN_PARK)) this.prof.cpuTick(g, r === RUN_YIELD);
        if (r === RUN_PARK) {
          const st = this.mem.u32[(g + G_STATUS) >>> 2];
          if (this.exitCode >= 0) return this.exitCode;
          if (st === GWAITING) continue;
          if (st === GRUNNABLE) {
            // Gosched: behind everything else runnable; goyield: behind the local queue.
            this.metrics.latency.enqueued(g);
            if (this.yieldLocal) {
              this.yieldLocal = false;
              this.runqput(this.p, g, false);
            } else this.globrunqput(g);
            continue;
          }
          // Goexit (status dead, set by the native).
          this.gdestroy(g);
          if (g === this.mainG) this.mainGoexit = true;
          continue;
        }
        if (r === RUN_YIELD) {
          // Budget spent: the preemption and GC safe point (and schedtrace's clock check).
          if (this.trace !== null) this.trace.poll(this.clock.now(), g);
          if (this.monitor !== null && this.monitor.poll(this.clock.now()) >= 0) return this.monitor.stopCode;
          if (this.netpoll.waiters > 0) this.netpoll.poll(this.clock.now()); // network events (netpoll.ts)
          this.js.poll(); // syscall/js replies and events (jsvalue.ts)
          if (gc !== null) {
            gc.poll();
            // its CPU ticks go to the GC's own frames (prof.ts; one plain load when off)
            if (this.prof.tick[0] !== this.prof.seen) this.prof.cpuSystem(gc.lastPollWork);
            startFinalizers(this); // finq.ts
          }
          if (this.timers.len > 0) this.checkTimers(this.clock.now());
          if (this.anyRunnable()) {
            if (this.tracer !== null) this.tracer.goPreempt(g);
            this.metrics.latency.enqueued(g);
            this.globrunqput(g);
            this.runnextStreak = 0;
          } else this.runqput(this.p, g, true);
          continue;
        }
        if (r === RUN_EXIT) {
          if (g === this.mainG) {
            this.mem.u32[(g + G_STATUS) >>> 2] = GDEAD;
            if (this.tracer !== null) this.tracer.goEnd(g);
            return 0;
          }
          this.gdestroy(g);
          continue;
        }
        if (DEBUG) assert(r === RUN_PANIC, "unknown run result");
        vm.flushPrint();
        this.fatalTrace(FATAL_PANIC);
        preprintPanics(vm, g); // error / Stringer values print as v.Error() / v.String() (iface.ts)
        vm.write(formatPanic(this.mem, this.image, g) + this.createdBy(g));
        return 2;
      }
    } catch (e) {
      if (e instanceof FatalError) {
        vm.flushPrint();
        vm.write(formatFatal(e));
        // Go prints "fatal error: …" first, then startpanic_m's report.
        this.fatalTrace(this.curg !== 0 ? FATAL_THROW : FATAL_SCHED);
        return 2;
      }
      throw e;
    } finally {
      this.curg = 0;
      this.netpoll.shutdown();
      this.js.shutdown();
    }
  }

  /** Nothing can run: Go's deadlock fatal errors. Returns the exit status. */
  private deadlock(): number {
    const vm = this.vm;
    vm.flushPrint();
    if (this.mainGoexit && this.ngoroutines === 0) {
      vm.write("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
      return 2;
    }
    vm.write("fatal error: all goroutines are asleep - deadlock!\n");
    this.fatalTrace(FATAL_SCHED);
    vm.write(this.tracebackAll());
    return 2;
  }

  /**
   * GODEBUG schedtrace/scheddetail: installs the reporter (nothing when both are 0) and prints
   * the first report, as Go's sysmon does when it starts. Call before run().
   */
  enableTrace(dbg: SchedDebug, print: (s: string) => void): void {
    if (dbg.schedtrace <= 0 && dbg.scheddetail <= 0) return;
    this.trace = new SchedTrace(this, dbg, print);
    this.trace.poll(this.clock.now(), 0);
  }

  /** With schedtrace or scheddetail on: the detailed report a fatal error prints (schedtrace.ts). */
  private fatalTrace(kind: FatalKind): void {
    if (this.trace === null) return;
    // A throw from the scheduler (deadlock) happens after the M gave up its P.
    if (kind === FATAL_SCHED) this.mem.u32[(this.p + P_STATUS) >>> 2] = PIDLE;
    this.trace.fatalReport(this.clock.now(), kind);
  }

  /**
   * A throw from Go code running on g (sync's throw/fatal, Go's runtime.throw and fatal):
   * "fatal error: msg", the schedtrace report when enabled, then g's traceback and every other
   * goroutine's (Go prints them all for these); exit status 2. g parks, so run() returns.
   */
  throwFromGo(g: number, msg: string): void {
    const vm = this.vm;
    vm.flushPrint();
    vm.write(`fatal error: ${msg}\n`);
    this.fatalTrace(FATAL_THROW);
    let s = "\n" + traceback(this.mem, this.image, g, "running") + this.createdBy(g);
    const u32 = this.mem.u32;
    const gs = this.allgs.filter((x) => x !== g && u32[(x + G_STATUS) >>> 2] !== GDEAD && u32[(x + G_GOID) >>> 2] < SYSTEM_GOID_BASE);
    for (const x of gs) {
      // (a goroutine of another worker M: Go prints no stack for one running on another thread)
      if (u32[(x + G_STATUS) >>> 2] === GRUNNING) s += `\ngoroutine ${u32[(x + G_GOID) >>> 2]} [running]:\n\tgoroutine running on other thread; stack unavailable\n` + this.createdBy(x);
      else s += "\n" + traceback(this.mem, this.image, x, this.statusString(x)) + this.createdBy(x);
    }
    vm.write(s);
    this.exitCode = 2;
    this.gopark(g, WaitReason.Zero); // stop the slice; run() returns exitCode
  }

  /** Every live goroutine's traceback, goroutine 1 first, as Go prints them after a fatal error. */
  tracebackAll(): string {
    const u32 = this.mem.u32;
    const gs = this.allgs.filter((g) => u32[(g + G_STATUS) >>> 2] !== GDEAD && u32[(g + G_GOID) >>> 2] < SYSTEM_GOID_BASE);
    gs.sort((a, b) => u32[(a + G_GOID) >>> 2] - u32[(b + G_GOID) >>> 2]);
    let s = "";
    for (const g of gs) s += "\n" + traceback(this.mem, this.image, g, this.statusString(g)) + this.createdBy(g);
    return s;
  }

  /** The bracketed status of a goroutine header: "running", "runnable" or the wait reason. */
  statusString(g: number): string {
    const u32 = this.mem.u32;
    switch (u32[(g + G_STATUS) >>> 2]) {
      case GRUNNING:
        return "running";
      case GRUNNABLE:
        return "runnable";
      case GWAITING: {
        const r = WAIT_REASON_STRINGS[u32[(g + G_WAITREASON) >>> 2]] ?? "";
        return r === "" ? "waiting" : r;
      }
      default:
        return "dead";
    }
  }

  /** "created by F\n\tfile:line +0x…\n" for a goroutine started by a `go` statement. */
  createdBy(g: number): string {
    const u32 = this.mem.u32;
    const fn = u32[(g + G_GOPCFN) >>> 2];
    if (fn === 0xffffffff) return "";
    const pc = u32[(g + G_GOPC) >>> 2];
    const f = this.image.func(fn);
    const { file, line } = this.image.fileLine(fn, pc);
    const off = (pc - this.image.entries[fn]) * 4;
    return `created by ${f.name}\n\t${file}:${line}${off > 0 ? ` +0x${off.toString(16)}` : ""}\n`;
  }

  // ── sudogs ──

  /** A zeroed sudog from the pool (Go's acquireSudog). */
  acquireSudog(): number {
    let s = this.sudogFree;
    const mem = this.mem;
    if (s === 0) {
      // Refill 64 at a time from persistent memory.
      const n = 64;
      const base = this.heap.mheap.persistentAlloc(n * SG_BYTES, 8, ST_OTHER_SYS);
      const u32 = mem.u32;
      for (let i = n - 1; i >= 0; i--) {
        const a = base + i * SG_BYTES;
        u32[(a + SG_NEXT) >>> 2] = s;
        s = a;
        // A waiter keeps its channel (or semaphore's object) alive, as Go's g.waiting → sudog.c.
        if (this.gc !== null) this.gc.addRoot(a + SG_C);
      }
    }
    const u32 = mem.u32;
    this.sudogFree = u32[(s + SG_NEXT) >>> 2];
    const w = s >>> 2;
    for (let i = 0; i < SG_BYTES >>> 2; i++) u32[w + i] = 0;
    return s;
  }

  releaseSudog(s: number): void {
    this.mem.u32[(s + SG_C) >>> 2] = 0; // drop the root's referent
    this.mem.u32[(s + SG_NEXT) >>> 2] = this.sudogFree;
    this.sudogFree = s;
  }

  // ── natives of package runtime owned by the scheduler ──

  /** Adds the scheduler's natives (runtime.newproc, Gosched, Goexit, NumGoroutine, …) to `m`. */
  addNatives(m: Map<string, NativeFn>): void {
    const sched = this;
    // go f(…): the compiler wraps the call in a closure of no arguments (Go 1.19's newproc).
    m.set("runtime.newproc", (vm, g, args) => {
      const clo = vm.mem.u32[args >>> 2];
      sched.newproc(vm.mem.u32[clo >>> 2], clo, [], g);
    });
    m.set("runtime.Gosched", (vm, g) => {
      const u32 = vm.mem.u32;
      if (u32[(g + G_PARKSTATE) >>> 2] !== 0) {
        u32[(g + G_PARKSTATE) >>> 2] = 0;
        return;
      }
      u32[(g + G_PARKSTATE) >>> 2] = 1;
      sched.gosched(g);
    });
    // Goexit runs the goroutine's deferred calls (vm/defer.ts: a panic of kind PK_GOEXIT), then
    // marks it dead and parks it: the RUN_PARK/dead path below finishes it.
    m.set("runtime.Goexit", (vm, g) => {
      vm.setPanic(g, PK_GOEXIT, 0n, 0n);
    });
    m.set("runtime.NumGoroutine", (vm, _g, _args, res) => {
      vm.mem.i64[res >>> 3] = BigInt(sched.numGoroutine());
    });
    // GOMAXPROCS(n): returns the previous count; n > 0 resizes the Ps (procresize, Go's
    // int32(n) conversion). One host thread still runs every goroutine (THREADS.md).
    m.set("runtime.GOMAXPROCS", (vm, _g, args, res) => {
      const n = vm.mem.i64[args >>> 3];
      const prev = sched.gomaxprocs;
      if (n > 0n) sched.procresize(Number(BigInt.asIntN(32, n)));
      if (n > 0n && sched.tracer !== null) sched.tracer.gomaxprocs(); // Go: at the world restart
      vm.mem.i64[res >>> 3] = BigInt(prev);
    });
    // LockOSThread/UnlockOSThread: Go's external nesting count (m.lockedExt) in G_LOCKED; the G
    // is wired to M0 while the count is nonzero (schedtrace's lockedg/lockedm).
    m.set("runtime.LockOSThread", (vm, g) => {
      const u32 = vm.mem.u32;
      const n = (u32[(g + G_LOCKED) >>> 2] + 1) >>> 0;
      if (n === 0) throw new FatalError("LockOSThread nesting overflow", "");
      u32[(g + G_LOCKED) >>> 2] = n;
      sched.lockedg = g;
    });
    m.set("runtime.UnlockOSThread", (vm, g) => {
      const u32 = vm.mem.u32;
      const n = u32[(g + G_LOCKED) >>> 2];
      if (n === 0) return;
      u32[(g + G_LOCKED) >>> 2] = n - 1;
      if (n === 1 && sched.lockedg === g) sched.lockedg = 0;
    });
    m.set("runtime.NumCPU", (vm, _g, _args, res) => {
      vm.mem.i64[res >>> 3] = BigInt(availableParallelism());
    });
    // runtime.GC: a full cycle now (all goroutine stacks are roots through this Sched).
    // The caller then yields (Go's GC blocks its caller while others run): a goroutine calling
    // GC in a loop must not starve the rest.
    m.set("runtime.GC", (vm, g) => {
      const u32 = vm.mem.u32;
      if (u32[(g + G_PARKSTATE) >>> 2] !== 0) {
        u32[(g + G_PARKSTATE) >>> 2] = 0;
        return;
      }
      if (sched.gc !== null) sched.gc.GC();
      startFinalizers(sched); // finq.ts
      vm.mem.u32[(g + G_PARKSTATE) >>> 2] = 1;
      sched.gosched(g);
    });
    // go f() with a nil func value f: Go's throw at the go statement (fatal, exit 2).
    m.set("runtime.gonilfunc", (vm, g) => {
      vm.flushPrint();
      vm.write("fatal error: go of nil func value\n\n" + traceback(sched.mem, sched.image, g, "running"));
      sched.exitCode = 2;
      sched.gopark(g, WaitReason.Zero); // stop the slice; run() returns exitCode
    });
    // select {}: park forever.
    m.set("runtime.block", (_vm, g) => sched.gopark(g, WaitReason.SelectNoCases));
    m.set("os.runtime_exit", (vm, g, args) => {
      sched.exitCode = Number(vm.mem.i64[args >>> 3]) & 0xff;
      sched.gopark(g, WaitReason.Zero); // stop the slice; run() returns exitCode
    });
  }
}

export interface RunGoOptions {
  file?: string;
  /** Profiling set up before the program starts (prof.ts; the CLI's --cpuprofile etc.). */
  profile?: ProfileSetup;
  /** Extra natives (tests, host packages); the scheduler's own take precedence only if absent here. */
  natives?: ReadonlyMap<string, NativeFn>;
  heap?: HeapOptions;
  /** Run with the collector (default true). */
  gc?: boolean;
  GOGC?: string;
  GODEBUG?: string;
  /** Host access policy for untrusted programs (sandbox.ts); undefined = everything allowed. */
  sandbox?: SandboxPolicy;
  /** GOMEMLIMIT as in the environment ("512MiB", "off", …). */
  GOMEMLIMIT?: string;
  /** GOMAXPROCS as in the environment: a positive integer sets runtime.GOMAXPROCS's value (reported only). */
  GOMAXPROCS?: string;
  clock?: Clock;
  gomaxprocs?: number;
  seed?: number;
  stackSize?: number;
  budget?: number;
  write?: (s: string) => void;
  entry?: number;
  args?: readonly bigint[];
  /** Called with the scheduler before it runs (tests: natives that inspect it). */
  onSched?: (s: Sched) => void;
  /** GOMAXPROCS > 1 on worker-thread Ms (mserver.ts; default on unless GORT_MTHREADS=0). */
  mthreads?: boolean;
}

export interface RunGoResult {
  exitCode: number;
  sched: Sched;
  vm: VM;
  /** Goroutine 1. */
  g: number;
}

/**
 * Runs a program image on the scheduler: memory (+ collector), image mapped, natives bound,
 * goroutine 1 at the entry function, then Sched.run(). The `gort run` path once the compiler
 * emits images.
 */
export function runGo(img: ProgramImage, opts: RunGoOptions = {}): RunGoResult {
  let heap: Heap;
  let gc: Collector | null = null;
  const write = opts.write ?? ((s: string) => void process.stderr.write(s));
  // Trace lines (gctrace, …) go to the same sink as the program's prints, after them.
  let vmRef: VM | null = null;
  const print = (s: string): void => {
    if (vmRef !== null) vmRef.flushPrint();
    write(s);
  };
  if (opts.gc === false) heap = new Heap(opts.heap);
  else {
    const m = newMemory({ ...opts.heap, GOGC: opts.GOGC, GODEBUG: opts.GODEBUG, GOMEMLIMIT: opts.GOMEMLIMIT, print });
    heap = m.heap;
    gc = m.gc;
  }
  const loaded = new LoadedImage(heap, img);
  if (gc !== null) {
    const gl = loaded.globals();
    gc.addGlobalsFromMask(gl.base, gl.size, gl.mask);
  }
  const vm = new VM(heap, loaded, { budget: opts.budget, barrier: gc !== null ? gc.barrier : null, write });
  vmRef = vm;
  const sched = new Sched(vm, { gc, clock: opts.clock, gomaxprocs: opts.gomaxprocs, seed: opts.seed });
  const table = sched.natives();
  if (opts.natives !== undefined) for (const [k, v] of opts.natives) table.set(k, v);
  if (opts.sandbox !== undefined) applySandbox(table, opts.sandbox); // gort run --sandbox (sandbox.ts)
  vm.natives = loaded.bindNatives(table, opts.file ?? "<image>");
  // GOMAXPROCS: a positive decimal int32 (Go's atoi32), else the default.
  const envProcs = /^\d+$/.test(opts.GOMAXPROCS ?? "") ? Number(opts.GOMAXPROCS) : 0;
  if (envProcs > 0 && envProcs <= 0x7fffffff) sched.procresize(envProcs);
  const g = sched.startMain(opts.entry ?? img.entry, opts.args ?? [], opts.stackSize);
  sched.enableTrace(parseSchedDebug(opts.GODEBUG), print); // schedtrace.ts (first report now)
  if (opts.onSched !== undefined) opts.onSched(sched);
  if (opts.profile !== undefined) sched.prof.setup(opts.profile);
  let exitCode: number;
  try {
    // GOMAXPROCS > 1: the Ps run on worker-thread Ms and this thread serves them (mserver.ts,
    // MTHREADS.md); GORT_MTHREADS=0 or opts.mthreads = false keeps the one-thread scheduler.
    const threads = sched.gomaxprocs > 1 && (opts.mthreads ?? process.env.GORT_MTHREADS !== "0") && mthreadsAvailable();
    exitCode = threads ? runMThreads(sched, opts.budget) : sched.run();
  } finally {
    sched.prof.shutdown(); // stops a running CPU profile (kept in prof.lastCPU) and its ticker thread
  }
  return { exitCode, sched, vm, g };
}
