/**
 * mgc.ts — the garbage collector's driver: phases, triggering, assists, background marking,
 * runtime.GC, statistics and gctrace. Counterpart of Go 1.19's src/runtime/mgc.go (written
 * afresh). The mechanisms live in mgcmark.ts (marking), mgcwork.ts (grey queue), mbarrier.ts
 * (write barrier), mgcsweep.ts (sweeping), mgcpacer.ts (pacing), mfinal.ts (finalizers),
 * mgclimit.ts (GC CPU limiter), mcheckmark.ts (gccheckmark) and gctrace.ts (the trace line).
 *
 * A CYCLE, phase by phase (Go's, on one thread today; each step says what stops the world):
 *
 *   0. off / sweeping. The previous cycle's sweep runs lazily (allocation), proportionally
 *      (allocation slow path) and in the background (`poll`). When heapLive reaches the pacer's
 *      trigger (checked on the allocation slow path, `triggerCheck`), or runtime.GC asks, the
 *      cycle starts: first any sweeping left is finished *before* stopping the world.
 *   1. sweep termination — STW, O(Ps): fix the root jobs, reset the counters, start the pacer's
 *      cycle, enable the write barrier and allocate-black (HG_GCPHASE = 1, HG_BLACKEN = 1).
 *      No marking happens inside this step, so an object the allocator is just returning
 *      (held only in a JS local of mallocgc) is safe: the VM stores it in a frame before the next
 *      safe point, where marking can next run.
 *   2. concurrent mark — the program runs. Mark work is done by
 *        - assists: an allocating goroutine in debt (assistAlloc) scans in proportion to what it
 *          allocates (the pacer's assistWorkPerByte), first stealing background credit;
 *        - the background worker: `poll()`, called by the scheduler at safe points, runs
 *          budgeted mark slices while GC time stays below 25 % of the time since mark start
 *          (Go's fractional worker; with worker-thread Ms it becomes dedicated workers);
 *        - idle marking: `idleMark(budgetNs)` when the scheduler has nothing to run.
 *      When the root jobs are done and no grey object is left anywhere, mark is complete.
 *   3. mark termination — STW, O(1): disable the barrier and blackening, optional checkmark
 *      verification (O(heap), debug only), pacer end-of-cycle, live heap = marked bytes,
 *      sweepgen += 2 (every span becomes "unswept" at once), NextGC, pause statistics. Nothing
 *      here visits the heap: no stack rescans (the hybrid barrier makes them unnecessary), no
 *      span walk. Then, with the world restarted and before any P allocates again, every P's
 *      mcache is flushed (prepareForSweep, as Go's forEachP): the spans it cached last cycle
 *      (now sg+1) are swept on their way back to mcentral; their unused slots are not credited
 *      to heapLive (the reset dropped their charge). Then gctrace.
 *   4. sweep — concurrent, back to step 0. GODEBUG=gcstoptheworld=2 sweeps everything inside
 *      mark termination instead.
 *
 * GODEBUG=gcstoptheworld=1 (or 2): steps 1–3 run as one STW cycle. The cycle is started at the
 * next safe point (the next allocation's assist check or `poll`), not inside triggerCheck, for
 * the same reason as above.
 *
 * Time: `nanotime()` (monotonic ns, injectable for tests). CPU accounting follows Go's gctrace:
 * STW phases count for every P; assist, background and idle times are measured per slice.
 *
 * Assist credit: `assistCredit` is the running goroutine's; each other goroutine's is banked in
 * its G record (G_ASSIST). The scheduler switches it at every goroutine switch
 * (`switchAssistCredit`), and the runtime server around every request of a worker M and every
 * slice it runs itself (mserver.ts, mserverrun.ts), so each goroutine pays for its own
 * allocations, as Go's per-G gcAssistBytes. Every G's credit reads 0 in a new cycle (a cycle
 * tag in the banked value).
 *
 * Rejected designs:
 *   - marking synchronously in triggerCheck (the whole cycle at allocation time): simplest, but
 *     a stop-the-world pause proportional to the heap — exactly what the issue forbids;
 *   - JS timers / setImmediate for background marking: gort's scheduler owns the thread, and a
 *     timer-driven collector would run at arbitrary points where frames are not at safe points.
 */

import { fatal } from "./debug.js";
import type { Heap, MallocHooks } from "./malloc.js";
import { MH_COMMITTED } from "./mem.js";
import { HG_BLACKEN, HG_GCPHASE, HG_GC_RESERVED } from "./mheap.js";
import { G_ASSIST } from "./runtime2.js";
import {
  ST_GC_CPU_FRACTION,
  ST_GC_SYS,
  ST_HEAP_FREE,
  ST_HEAP_INUSE,
  ST_HEAP_LIVE,
  ST_HEAP_RELEASED,
  ST_HEAP_SCAN,
  ST_LAST_GC,
  ST_NEXT_GC,
  ST_NUM_FORCED_GC,
  ST_NUM_GC,
  ST_PAUSE_END,
  ST_PAUSE_NS,
  ST_PAUSE_TOTAL_NS,
  ST_STACKS_LIVE,
  type MemStats,
} from "./mstats.js";
import { PAGE_SIZE } from "./sizeclasses.js";
import { formatGCTrace, type GCTraceRecord } from "./gctrace.js";
import { WriteBarrier } from "./mbarrier.js";
import { runCheckmark } from "./mcheckmark.js";
import { Finalizers, type ReadyFinalizer } from "./mfinal.js";
import { type GoroutineSource, Marker, type StackMapSource } from "./mgcmark.js";
import {
  GCController,
  GCTriggerKind,
  MarkWorkerMode,
  gcOverAssistWork,
  malformedGOMEMLIMIT,
  readGOGC,
  readGOMEMLIMIT,
  type PacerMemorySource,
} from "./mgcpacer.js";
import { Sweeper } from "./mgcsweep.js";
import { GCCPULimiter } from "./mgclimit.js";
import { WORKBUF_BYTES, WorkbufPool, type WorkbufPages } from "./mgcwork.js";
import { TimeHistogram } from "./metricshist.js";

/** GC phases (Go's gcphase values). */
/**
 * What the last `poll()` worked on (`lastPollWork`), for the CPU profiler's frames of work done
 * outside any goroutine (prof.ts SYS_FRAMES): nothing, marking, sweeping, scavenging.
 */
export const BG_NONE = 0;
export const BG_MARK = 1;
export const BG_SWEEP = 2;
export const BG_SCAVENGE = 3;
export const GC_OFF = 0;
export const GC_MARK = 1;
export const GC_MARKTERMINATION = 2;

/** HG_GC_RESERVED words the collector mirrors for other threads. */
export const HG_WB_ENABLED = HG_GC_RESERVED + 0;
export const HG_GC_CYCLES = HG_GC_RESERVED + 4;

/** The GODEBUG settings the collector reads. */
export interface GCDebug {
  gctrace: number;
  gcpacertrace: number;
  gccheckmark: number;
  gcstoptheworld: number;
  gcshrinkstackoff: number;
  scavtrace: number;
  clobberfree: number;
}

const GC_DEBUG_KEYS: ReadonlyArray<keyof GCDebug> = [
  "gctrace",
  "gcpacertrace",
  "gccheckmark",
  "gcstoptheworld",
  "gcshrinkstackoff",
  "scavtrace",
  "clobberfree",
];

/**
 * The collector's settings from a GODEBUG value, by Go's rules (runtime1.go parsedebugvars):
 * comma-separated `name=value`; items without `=`, unknown names and values that are not 32-bit
 * decimal integers are ignored; the last valid value wins. Until the runtime's general GODEBUG
 * parser exists, the CLI can pass this to the Collector.
 */
export function parseGCDebug(godebug: string | undefined): Partial<GCDebug> {
  const out: Partial<GCDebug> = {};
  if (godebug === undefined || godebug === "") return out;
  for (const item of godebug.split(",")) {
    const eq = item.indexOf("=");
    if (eq < 0) continue;
    const key = item.slice(0, eq) as keyof GCDebug;
    if (!GC_DEBUG_KEYS.includes(key)) continue;
    const v = item.slice(eq + 1);
    if (!/^-?\d+$/.test(v)) continue;
    const n = Number(v);
    if (n < -2147483648 || n > 2147483647) continue;
    out[key] = n;
  }
  return out;
}

export interface CollectorOptions {
  debug?: Partial<GCDebug>;
  /** GOGC environment value (undefined = unset). */
  GOGC?: string;
  /** GOMEMLIMIT environment value (undefined = unset). A malformed value is a fatal error. */
  GOMEMLIMIT?: string;
  /** GOMAXPROCS (for CPU accounting and worker counts). Default: the heap's mcache count. */
  procs?: number;
  /** Monotonic clock in nanoseconds. Default: performance.now() × 1e6. */
  nanotime?: () => number;
  /** Wall clock in Unix nanoseconds (LastGC, PauseEnd). Default: Date.now() × 1e6. */
  walltime?: () => number;
  /** Where trace lines go (runtime print: stderr). Default: process.stderr.write. */
  print?: (s: string) => void;
}

/**
 * Observers of collector events (execution tracer, dashboards). Called only at phase
 * transitions, never per object; `Collector.events` is null when nobody listens.
 */
export interface GCEventSink {
  /** A cycle starts (sweep termination begins). `cycle` is 1-based. */
  gcStart(cycle: number, forced: boolean): void;
  /** A stop-the-world pause begins / ends; kind 0 = sweep termination, 1 = mark termination. */
  stwStart(kind: number): void;
  stwDone(kind: number): void;
  /** Concurrent mark finished (mark termination begins). */
  gcMarkDone(cycle: number): void;
  /** The cycle ended; heap figures after it (bytes). */
  gcDone(cycle: number, heapLive: number, nextGC: number): void;
  /** A sweep phase finished. */
  sweepDone(cycle: number): void;
  // Optional finer events (the execution tracer, trace.ts): frequent, called only when set.
  /** The live heap changed (after a span refill or large allocation): bytes. */
  heapAlloc?(bytes: number): void;
  /** A mark assist begins / ends in the running goroutine. */
  markAssistStart?(): void;
  markAssistDone?(): void;
  /** A proportional-sweep loop begins / ends having swept `swept` span bytes, freeing `reclaimed` object bytes. */
  sweepBegin?(): void;
  sweepEnd?(swept: number, reclaimed: number): void;
  /** A background (idle: true = idle-time) mark slice begins / ends (Go's gcBgMarkWorker runs). */
  markWorkerStart?(idle: boolean): void;
  markWorkerDone?(): void;
}

/** Background mark slice granularity: work done between clock reads (bytes of scan work). */
const SLICE_WORK_QUANTUM = 64 << 10;
/** Longest background mark slice (ns): bounds the latency the background worker adds. */
const MAX_BG_SLICE_NS = 1_000_000;
/** Background sweeping per poll: spans swept at most (bounds the latency it adds). */
const BG_SWEEP_SPANS = 64;
/** Go's forcegcperiod: sysmon forces a cycle after 2 minutes without one. */
const FORCE_GC_PERIOD_NS = 120e9;
/** Safe points between two checks of the periodic-GC clock (each ≈ 0.1–1 ms apart). */
const FORCE_CHECK_POLLS = 1024;
/**
 * Most scan work (bytes) one assist does before letting its allocation proceed (≈ 1 ms at our
 * mark rate). Go bounds assists by preemption instead; with one thread a bound keeps other
 * goroutines' latency low when the heap nears its goal and the assist ratio soars.
 */
const MAX_ASSIST_WORK = 512 << 10;
/** Background scavenger: CPU share and bytes released per step (Go: scavengePercent = 1). */
const SCAVENGE_CPU_FRACTION = 0.01;
const SCAVENGE_STEP_BYTES = 64 << 10;
/** Number of recent STW pauses kept for inspection (benchmarks, /gc/pauses). */
const PAUSE_RING = 1024;
/** Completed cycles whose gctrace records are kept (Collector.recentCycles). */
const RECENT_CYCLES = 32;

function defaultNanotime(): number {
  return performance.now() * 1e6;
}

/** The collector of one heap. */
export class Collector implements MallocHooks {
  readonly pacer: GCController;
  readonly pool: WorkbufPool;
  readonly marker: Marker;
  readonly barrier: WriteBarrier;
  readonly finalizers: Finalizers;
  readonly sweeper: Sweeper;
  readonly limiter: GCCPULimiter;
  readonly debug: GCDebug;
  readonly nanotime: () => number;
  readonly walltime: () => number;
  readonly print: (s: string) => void;
  procs: number;

  /** Current phase (GC_OFF / GC_MARK / GC_MARKTERMINATION). */
  phase = GC_OFF;
  /** Completed sweep terminations (Go's work.cycles): the number of cycles started. */
  cycles = 0;
  /** Completed cycles (Go's memstats.numgc). */
  numgc = 0;
  numForcedGC = 0;
  /** Tests: called whenever a sweep phase completes (e.g. to run the heap verifier). */
  afterSweepForTest: (() => void) | null = null;
  /** Event observers (tracing); null = off. */
  events: GCEventSink | null = null;
  /**
   * Called at every sweep termination with the world stopped, before marking starts and before
   * the write barrier is on (Go's clearpools: sync.Pool's victim rotation, syncpool.ts).
   */
  onSweepTermination: (() => void) | null = null;
  /** Runtime initialisation time (ns, nanotime clock). */
  readonly initTime: number;

  // ── worker-thread Ms (mgcthreads.ts; all unused with one thread) ──
  /**
   * The runtime server is this collector's dedicated mark worker (`dedicatedMarkSlice`):
   * `poll` runs no fractional worker. Set once by the server.
   */
  serverMarks = false;
  /**
   * When the server began stopping the world for the STW phase about to run (nanotime; 0 =
   * not set): the pause counts from there, as Go's does (it includes the wait for the Ms to
   * reach a safe point). Consumed by sweepTermination / gcMarkTermination.
   */
  stwBeganAt = 0;
  /**
   * markToCompletion found work it cannot do with the world running (stacks of goroutines
   * running on worker Ms): the server stops the world until mark termination. null: never.
   */
  onMarkStuck: (() => void) | null = null;

  // ── the current cycle (Go's work.*) ──
  private userForced = false;
  private triggerKind = GCTriggerKind.Heap;
  private tSweepTerm = 0;
  private tMark = 0;
  private tMarkTerm = 0;
  private tEnd = 0;
  private pauseStart = 0;
  private pauseNS = 0;
  private heap0 = 0;
  private heap1 = 0;
  private heap2 = 0;
  private stwprocs = 1;
  private maxprocs = 1;
  /** An STW cycle (gcstoptheworld) waiting for the next safe point. */
  private pendingSTW = false;
  /** What the last poll() did (BG_*): the CPU profiler charges its ticks to that work. */
  lastPollWork = BG_NONE;
  /** Monotonic end of the last cycle (Go's memstats.last_gc_nanotime); 0 before the first. */
  private lastGCNano = 0;
  /** poll() calls since the last periodic-GC check (the check reads the clock). */
  private pollsSinceForceCheck = 0;
  private pendingForced = false;

  // ── CPU accounting ──
  /** GC CPU ns since init (Go's work.totaltime). */
  private totaltime = 0;
  /** Background (fractional) mark time this cycle (ns). */
  private bgMarkTime = 0;

  // ── assists ──
  /** Assist credit of the running goroutine (bytes of allocation it may do before assisting). */
  assistCredit = 0;

  // ── pause history ──
  readonly pauses = new Float64Array(PAUSE_RING);
  /** Every STW pause so far, bucketed (/gc/pauses:seconds; metrics.ts). */
  readonly pauseHist = new TimeHistogram();
  npauses = 0;
  maxPauseNs = 0;
  /** The last RECENT_CYCLES cycles' gctrace records, oldest first (dashboards: snapshot.ts). */
  readonly recentCycles: GCTraceRecord[] = [];
  /** Longest single assist and background/idle slice (ns): mutator latency besides STW. */
  maxAssistNs = 0;
  maxSliceNs = 0;
  /** Scavenger: bytes still to release in the background; released since the last scav line. */
  private scavDebt = 0;
  /** Background scavenging time (ns) since `scavSince` (when the current debt was set). */
  private scavTime = 0;
  private scavSince = 0;
  private scavReleasedSinceTrace = 0;

  constructor(
    readonly heap: Heap,
    opts: CollectorOptions = {},
  ) {
    const d = opts.debug ?? {};
    this.debug = {
      gctrace: d.gctrace ?? 0,
      gcpacertrace: d.gcpacertrace ?? 0,
      gccheckmark: d.gccheckmark ?? 0,
      gcstoptheworld: d.gcstoptheworld ?? 0,
      gcshrinkstackoff: d.gcshrinkstackoff ?? 0,
      scavtrace: d.scavtrace ?? 0,
      clobberfree: d.clobberfree ?? 0,
    };
    this.nanotime = opts.nanotime ?? defaultNanotime;
    this.walltime = opts.walltime ?? (() => Date.now() * 1e6);
    this.print = opts.print ?? ((s: string) => void process.stderr.write(s));
    this.procs = opts.procs ?? heap.mcaches.length;
    this.initTime = this.nanotime();
    this.procsChangedAt = this.initTime;
    this.limiter = new GCCPULimiter(this.initTime, this.procs);

    const limit = readGOMEMLIMIT(opts.GOMEMLIMIT);
    if (limit === null) fatal(malformedGOMEMLIMIT, `GOMEMLIMIT=${opts.GOMEMLIMIT}\n`);
    const mem = heap.mem;
    const memSource: PacerMemorySource = {
      heapFree: () => mem.f64[ST_HEAP_FREE >>> 3]!,
      heapAlloc: () => mem.f64[ST_HEAP_LIVE >>> 3]!,
      mappedReady: () => mem.f64[MH_COMMITTED >>> 3]! - mem.f64[ST_HEAP_RELEASED >>> 3]!,
    };
    this.pacer = new GCController(readGOGC(opts.GOGC), limit, memSource);

    const mheap = heap.mheap;
    const pages: WorkbufPages = {
      allocPages: (n: number) => mheap.persistentAlloc(n * WORKBUF_BYTES, PAGE_SIZE, ST_GC_SYS),
      u32: () => mem.u32,
    };
    this.pool = new WorkbufPool(pages);
    this.marker = new Marker(mem, this.pool);
    this.marker.shrinker = heap.stacks;
    this.marker.shrinkStacks = this.debug.gcshrinkstackoff === 0;
    this.barrier = new WriteBarrier(mem, this.marker);
    this.finalizers = new Finalizers(mem, mheap, this.marker, (p) => this.inGlobals(p));
    this.marker.extraRoots = this.finalizers;
    this.sweeper = new Sweeper(heap, this.finalizers);
    this.sweeper.clobberfree = this.debug.clobberfree !== 0;
    this.sweeper.onSweepDone = () => this.sweepDone();
    heap.sweeper = this.sweeper;
    heap.hooks = this;
    // Before the page heap grows, it sweeps (and so frees) spans left from the last cycle.
    mheap.reclaimer = this.sweeper;
    this.publishGoal();
  }

  // ── registration ──

  private readonly globalRanges: number[] = [];

  /** Registers the program's global data: [base, base+nbytes) with its pointer bitmap. */
  addGlobals(base: number, nbytes: number, bitmap: number): void {
    this.marker.addGlobals(base, nbytes, bitmap);
    this.globalRanges.push(base, nbytes);
    this.pacer.addGlobals(nbytes);
    this.publishGoal();
  }

  /**
   * Same as addGlobals with the pointer mask given as bytes (the program image's
   * `globalsPtrMask`, one bit per 8-byte word, LSB first): the mask is copied into linear memory
   * (runtime metadata, charged to GCSys like Go's data/bss GC bitmaps).
   */
  addGlobalsFromMask(base: number, nbytes: number, mask: Uint8Array): void {
    const n = Math.max(1, Math.ceil(nbytes / 64));
    const bm = this.heap.mheap.persistentAlloc(n, 8, ST_GC_SYS);
    this.heap.mem.u8.set(mask.subarray(0, n), bm);
    this.addGlobals(base, nbytes, bm);
  }

  private inGlobals(p: number): boolean {
    const r = this.globalRanges;
    for (let i = 0; i < r.length; i += 2) if (p >= r[i]! && p < r[i]! + r[i + 1]!) return true;
    return false;
  }

  /** Sets where goroutine stacks come from (the scheduler's allgs) and the image's stack maps. */
  setStackRoots(goroutines: GoroutineSource, maps: StackMapSource | null): void {
    this.marker.goroutines = goroutines;
    this.marker.stackMaps = maps;
  }

  /** Registers a runtime-internal pointer slot as a root. */
  addRoot(slotAddr: number): void {
    this.marker.addRoot(slotAddr);
  }

  removeRoot(slotAddr: number): boolean {
    return this.marker.removeRoot(slotAddr);
  }

  /**
   * Greys p if a mark phase is running. For runtime code that moves a pointer somewhere the
   * collector will not scan again this cycle without a barrier — e.g. the scheduler copying the
   * pointer arguments of a `go` statement into a goroutine created during marking (such stacks are
   * not in this cycle's root set), or a channel send copying into a parked receiver's stack.
   */
  shadeIfMarking(p: number): void {
    if (this.phase !== GC_MARK) return;
    this.marker.refresh();
    this.marker.shade(p);
  }

  /**
   * runtime.GOMAXPROCS changed (world stopped): CPU accounting, worker counts and the limiter's
   * capacity follow from the next cycle on (Go's procresize effects on the GC).
   */
  setProcs(n: number): void {
    if (n <= 0 || n === this.procs) return;
    const now = this.nanotime();
    // Integrate the elapsed CPU capacity at the old width (Go: sched.totaltime/procresizetime).
    this.cpuCapacityBase += (now - this.procsChangedAt) * this.procs;
    this.procsChangedAt = now;
    this.procs = n;
    this.limiter.resetCapacity(now, n, this.numgc);
  }

  /** CPU capacity (ns × Ps) integrated up to procsChangedAt. */
  private cpuCapacityBase = 0;
  private procsChangedAt = 0;

  /**
   * The running goroutine changes from G record `from` to `to` (0: none, e.g. the runtime server
   * between requests): banks the credit in `from` and makes `to`'s current. A banked credit is
   * whole bytes (Go's gcAssistBytes is an int64) times 256 plus the low 8 bits of the cycle it was
   * banked in: a credit from an earlier cycle reads as 0, which resets every goroutine's credit
   * at a cycle's start (Go's gcResetMarkState) without visiting every G record in the pause.
   */
  switchAssistCredit(from: number, to: number): void {
    const f64 = this.heap.mem.f64;
    const tag = this.cycles & 255;
    if (from !== 0) f64[(from + G_ASSIST) >>> 3] = Math.round(this.assistCredit) * 256 + tag;
    if (to === 0) {
      this.assistCredit = 0;
      return;
    }
    const v = f64[(to + G_ASSIST) >>> 3]!;
    const t = v - Math.floor(v / 256) * 256;
    this.assistCredit = t === tag ? (v - t) / 256 : 0;
  }

  // ── MallocHooks ──

  /** mallocgc, while HG_BLACKEN is set: charge `bytes` to the goroutine's assist credit. */
  assistAlloc(bytes: number): void {
    if (this.pendingSTW) {
      this.runPendingSTW();
      return;
    }
    if (this.phase !== GC_MARK) return;
    this.assistCredit -= bytes;
    if (this.assistCredit < 0) this.gcAssistAlloc();
  }

  /**
   * Scannable heap bytes. Each P's mcache publishes its scanAlloc at every refill (as Go), so
   * this lags the truth by at most one span's worth per P.
   */
  private readHeapScan(): number {
    return this.heap.mem.f64[ST_HEAP_SCAN >>> 3]!;
  }

  /** mallocgc after a refill / large allocation: proportional sweep, pacer update, trigger. */
  triggerCheck(): void {
    const f = this.heap.mem.f64;
    const live = f[ST_HEAP_LIVE >>> 3]!;
    const pacer = this.pacer;
    pacer.heapLive = live;
    const ev = this.events;
    if (ev !== null && ev.heapAlloc !== undefined) ev.heapAlloc(live);
    if (this.phase === GC_MARK) {
      pacer.revise();
      const now = this.nanotime();
      if (this.limiter.needUpdate(now)) this.limiter.update(now, this.numgc);
      return;
    }
    if (this.phase !== GC_OFF || this.pendingSTW) return;
    if (!this.sweeper.done) {
      if (ev !== null && ev.sweepEnd !== undefined) this.tracedSweepCredit(ev, live);
      else this.sweeper.deductSweepCredit(live);
    }
    // Over the memory limit: return free pages now rather than later (Go scavenges on the
    // allocation path when the limit is exceeded, unless the CPU limiter is on).
    if (pacer.memoryLimit < 2 ** 53 && !this.limiter.enabled) {
      const ready = f[MH_COMMITTED >>> 3]! - f[ST_HEAP_RELEASED >>> 3]!;
      if (ready > pacer.memoryLimit && f[ST_HEAP_FREE >>> 3]! > 0) {
        const rel = this.heap.mheap.scavenge(Math.min(ready - pacer.memoryLimit, 1 << 20));
        this.scavReleasedSinceTrace += rel;
      }
    }
    pacer.heapScan = this.readHeapScan();
    if (live >= pacer.trigger()) this.gcStart(GCTriggerKind.Heap, false);
  }

  /** deductSweepCredit with the tracer's sweep events around it (trace.ts). */
  private tracedSweepCredit(ev: GCEventSink, live: number): void {
    const sw = this.sweeper;
    const pages = sw.pagesSwept;
    const freed = sw.bytesFreed;
    ev.sweepBegin?.();
    sw.deductSweepCredit(live);
    ev.sweepEnd?.((sw.pagesSwept - pages) * PAGE_SIZE, sw.bytesFreed - freed);
  }

  // ── starting a cycle ──

  /**
   * Starts a cycle (Go's gcStart): finishes the previous sweep, then sweep termination.
   * Precondition: called at a safe point or from the allocator's hooks.
   */
  gcStart(kind: GCTriggerKind, forced: boolean): void {
    if (this.phase !== GC_OFF) return;
    // Sweeping left from the last cycle is finished with the world running.
    this.sweeper.finishAll();
    if (this.debug.gcstoptheworld > 0 && !forced) {
      // Run the whole cycle at the next safe point (see the file comment).
      this.pendingSTW = true;
      this.pendingForced = forced;
      this.triggerKind = kind;
      this.heap.mem.u32[HG_BLACKEN >>> 2] = 1; // routes the next allocation through assistAlloc
      return;
    }
    this.sweepTermination(kind, forced);
    if (this.debug.gcstoptheworld > 0) this.markToCompletion();
  }

  private runPendingSTW(): void {
    this.pendingSTW = false;
    this.heap.mem.u32[HG_BLACKEN >>> 2] = 0;
    this.sweepTermination(this.triggerKind, this.pendingForced);
    this.markToCompletion();
  }

  /** Sweep termination (STW). */
  private sweepTermination(kind: GCTriggerKind, forced: boolean): void {
    const heap = this.heap;
    const mem = heap.mem;
    if (this.events !== null) {
      this.events.gcStart(this.cycles + 1, forced);
      this.events.stwStart(0);
    }
    const now = this.stwStart();
    this.limiter.startGCTransition(true, now, this.numgc);
    this.tSweepTerm = now;
    this.pauseStart = now;
    this.pauseNS = 0;
    this.userForced = forced;
    this.triggerKind = kind;
    this.stwprocs = this.procs;
    this.maxprocs = this.procs;
    const f = mem.f64;
    const pacer = this.pacer;
    pacer.heapLive = f[ST_HEAP_LIVE >>> 3]!;
    pacer.heapScan = this.readHeapScan();
    pacer.maxStackScan = f[ST_STACKS_LIVE >>> 3]!;
    this.heap0 = pacer.heapLive;
    this.bgMarkTime = 0;
    this.assistCredit = 0;
    if (this.onSweepTermination !== null) this.onSweepTermination();
    this.marker.prepareRoots();
    heap.bytesMarkedNew = 0;
    this.cycles++;
    mem.u32[HG_GC_CYCLES >>> 2] = this.cycles;

    // Enter the mark phase: barrier on, allocate black, assists on.
    this.phase = GC_MARK;
    this.barrier.enabled = true;
    const u32 = mem.u32;
    u32[HG_WB_ENABLED >>> 2] = 1;
    u32[HG_GCPHASE >>> 2] = GC_MARK;
    u32[HG_BLACKEN >>> 2] = 1;
    const tMark = this.nanotime();
    pacer.startCycle(tMark, this.procs, kind, this.debug.gcstoptheworld > 0);
    if (this.debug.gcpacertrace > 0) this.print(pacer.formatStartLine(this.heap0, pacer.heapGoal()));
    this.tMark = tMark;
    this.recordPause(tMark - this.pauseStart);
    this.limiter.finishGCTransition(tMark, this.numgc);
    if (this.events !== null) this.events.stwDone(0);
  }

  /** Start of the STW phase beginning now: stwBeganAt if the server set it, else the clock. */
  private stwStart(): number {
    const t = this.stwBeganAt;
    this.stwBeganAt = 0;
    return t > 0 ? t : this.nanotime();
  }

  // ── mark work ──

  /** Publishes the marker's counters to the pacer. */
  private syncScanWork(): void {
    const m = this.marker;
    const p = this.pacer;
    p.heapScanWork = m.gcw.heapScanWork;
    p.stackScanWork = m.stackScanWork;
    p.globalsScanWork = m.globalsScanWork;
  }

  /** The assist slow path (Go's gcAssistAlloc). Precondition: phase == mark, credit < 0. */
  private gcAssistAlloc(): void {
    // The CPU limiter is on: skip the assist (the debt stays) so the program keeps running.
    if (this.limiter.enabled) return;
    const ev = this.events;
    if (ev !== null && ev.markAssistStart !== undefined) ev.markAssistStart();
    const t0 = this.nanotime();
    const pacer = this.pacer;
    let debt = -this.assistCredit;
    let scanWork = Math.ceil(pacer.assistWorkPerByte * debt);
    if (scanWork < gcOverAssistWork) {
      scanWork = gcOverAssistWork;
      debt = pacer.assistBytesPerWork * scanWork;
    }
    // Steal background credit first.
    if (pacer.bgScanCredit > 0) {
      const stolen = Math.min(pacer.bgScanCredit, scanWork);
      pacer.bgScanCredit -= stolen;
      this.assistCredit += 1 + pacer.assistBytesPerWork * stolen;
      scanWork -= stolen;
    }
    if (scanWork > 0) {
      // Bound one assist's latency: the rest of the debt is paid by the next allocations (each
      // assists again while the credit is negative), and the goroutine reaches a safe point.
      if (scanWork > MAX_ASSIST_WORK) scanWork = MAX_ASSIST_WORK;
      const work = this.marker.drain(scanWork);
      this.assistCredit += 1 + pacer.assistBytesPerWork * work;
      this.syncScanWork();
      pacer.revise();
    }
    const t1 = this.nanotime();
    const dt = t1 - t0;
    pacer.assistTime += dt;
    if (dt > this.maxAssistNs) this.maxAssistNs = dt;
    this.limiter.addAssistTime(dt);
    if (this.limiter.needUpdate(t1)) this.limiter.update(t1, this.numgc);
    if (ev !== null && ev.markAssistDone !== undefined) ev.markAssistDone();
    if (this.marker.markDone()) {
      // No mark work left anywhere: this goroutine finishes the cycle (Go's gcMarkDone from an
      // assist). Its remaining debt is forgiven with the phase.
      this.gcMarkDone();
    }
  }

  /**
   * The scheduler's hook at safe points: runs the background mark worker while GC CPU is below
   * the 25 % goal, finishes the mark when nothing is left, sweeps and scavenges in the
   * background. Returns the nanoseconds spent.
   */
  poll(): number {
    this.lastPollWork = BG_NONE;
    if (this.pendingSTW) {
      this.lastPollWork = BG_MARK;
      const t = this.nanotime();
      this.runPendingSTW();
      return this.nanotime() - t;
    }
    if (this.phase === GC_MARK) {
      if (this.serverMarks) return 0; // the runtime server marks (dedicatedMarkSlice)
      const now = this.nanotime();
      if (this.limiter.needUpdate(now)) this.limiter.update(now, this.numgc);
      this.lastPollWork = BG_MARK;
      return this.backgroundMark(now);
    }
    // sysmon's forcegc: a cycle when none ran for 2 minutes (not before the first cycle, and
    // not with GOGC=off). The clock is read once every FORCE_CHECK_POLLS safe points.
    if (++this.pollsSinceForceCheck >= FORCE_CHECK_POLLS) {
      this.pollsSinceForceCheck = 0;
      if (this.lastGCNano !== 0 && this.pacer.gcPercent >= 0 && this.nanotime() - this.lastGCNano > FORCE_GC_PERIOD_NS) {
        this.forcegc();
        return 0;
      }
    }
    if (this.sweeper.done && this.scavDebt <= 0) return 0; // nothing to do: no clock read
    const t0 = this.nanotime();
    let did = false;
    if (!this.sweeper.done) {
      for (let i = 0; i < BG_SWEEP_SPANS; i++) if (this.sweeper.sweepone() < 0) break;
      did = true;
      this.lastPollWork = BG_SWEEP;
    } else if (this.scavDebt > 0) {
      // Background scavenger paced at ~1 % of the CPU (Go's scavengePercent), in 64 KiB steps.
      if (this.scavTime > SCAVENGE_CPU_FRACTION * Math.min(1, this.procs) * (t0 - this.scavSince)) return 0;
      const n = Math.min(this.scavDebt, SCAVENGE_STEP_BYTES);
      this.lastPollWork = BG_SCAVENGE;
      const rel = this.heap.mheap.scavenge(n);
      this.scavDebt = rel === 0 ? 0 : this.scavDebt - rel;
      this.scavReleasedSinceTrace += rel;
      const dt = this.nanotime() - t0;
      this.scavTime += dt;
      return dt;
    }
    return did ? this.nanotime() - t0 : 0;
  }

  /** One background (fractional) mark slice, if the 25 % goal allows. */
  private backgroundMark(now: number): number {
    const pacer = this.pacer;
    const elapsed = now - pacer.markStartTime;
    // One thread runs every P here: the background worker may use `goal` of this thread.
    const goal = Math.min(1, this.procs * 0.25);
    const used = this.bgMarkTime;
    let allowance = goal * elapsed - used;
    if (allowance <= 0 && elapsed > 0) return 0;
    if (allowance > MAX_BG_SLICE_NS || elapsed <= 0) allowance = MAX_BG_SLICE_NS;
    const t0 = now;
    const deadline = t0 + allowance;
    let t = t0;
    let work = 0;
    const ev = this.events;
    if (ev !== null && ev.markWorkerStart !== undefined) ev.markWorkerStart(false);
    for (;;) {
      const w = this.marker.drain(SLICE_WORK_QUANTUM);
      work += w;
      t = this.nanotime();
      if (this.marker.markDone() || t >= deadline || w === 0) break;
    }
    const dt = t - t0;
    if (dt > this.maxSliceNs) this.maxSliceNs = dt;
    this.bgMarkTime += dt;
    pacer.markWorkerStop(MarkWorkerMode.Fractional, dt);
    pacer.bgScanCredit += work;
    this.syncScanWork();
    pacer.revise();
    if (ev !== null && ev.markWorkerDone !== undefined) ev.markWorkerDone();
    if (this.marker.markDone()) this.gcMarkDone();
    return dt;
  }

  /**
   * Idle marking: the scheduler has nothing runnable. Marks for up to `budgetNs` (counted as idle
   * mark time, which does not count toward GC CPU in gctrace's percentage).
   */
  idleMark(budgetNs: number): number {
    if (this.phase !== GC_MARK) return 0;
    const ev = this.events;
    if (ev !== null && ev.markWorkerStart !== undefined) ev.markWorkerStart(true);
    const t0 = this.nanotime();
    let t = t0;
    let work = 0;
    for (;;) {
      const w = this.marker.drain(SLICE_WORK_QUANTUM);
      work += w;
      t = this.nanotime();
      if (this.marker.markDone() || t - t0 >= budgetNs || w === 0) break;
    }
    this.countIdleMark(work, t - t0);
    if (ev !== null && ev.markWorkerDone !== undefined) ev.markWorkerDone();
    if (this.marker.markDone()) this.gcMarkDone();
    return t - t0;
  }

  /**
   * Idle mark work (this thread's, or an idle M's job): its time is idle mark time (gctrace's
   * third CPU figure, not charged to the 25 % goal nor to the CPU limiter's GC time) and its
   * scan work is background credit for assists.
   */
  private countIdleMark(work: number, ns: number): void {
    this.pacer.markWorkerStop(MarkWorkerMode.Idle, ns);
    this.limiter.addIdleTime(ns);
    this.pacer.bgScanCredit += work;
    this.syncScanWork();
  }

  /**
   * Worker-thread Ms (mgcthreads.ts): one slice of the runtime server's dedicated mark worker —
   * mark work in steps of `quantum` bytes until about `budgetNs` passed or nothing is left to do
   * now — then mark termination if the mark is complete. Returns the scan work done (bytes).
   */
  dedicatedMarkSlice(budgetNs: number, quantum: number): number {
    if (this.phase !== GC_MARK) return 0;
    const ev = this.events;
    if (ev !== null && ev.markWorkerStart !== undefined) ev.markWorkerStart(false);
    const t0 = this.nanotime();
    let t = t0;
    let work = 0;
    for (;;) {
      const w = this.marker.drain(quantum);
      work += w;
      t = this.nanotime();
      if (w === 0 || t - t0 >= budgetNs || this.marker.markDone()) break;
    }
    const dt = t - t0;
    if (dt > this.maxSliceNs) this.maxSliceNs = dt;
    const pacer = this.pacer;
    pacer.markWorkerStop(MarkWorkerMode.Dedicated, dt);
    pacer.bgScanCredit += work;
    this.syncScanWork();
    pacer.revise();
    if (ev !== null && ev.markWorkerDone !== undefined) ev.markWorkerDone();
    if (this.marker.markDone()) this.gcMarkDone();
    return work;
  }

  /**
   * An idle mark worker's job came back (mgcidle.ts: a worker M drained grey objects of this
   * cycle while its P had no goroutine). Its grey objects are back in the queue; its scan work
   * and marked bytes count as this cycle's, its time and work as idle marking (countIdleMark).
   * Finishes the mark when that was the last work anywhere.
   */
  markJobDone(work: number, marked: number, ns: number): void {
    const m = this.marker;
    m.jobsOut--;
    m.gcw.heapScanWork += work;
    m.gcw.bytesMarked += marked;
    this.countIdleMark(work, ns);
    if (m.markDone()) this.gcMarkDone();
  }

  /**
   * Tests: does about `budget` bytes of mark work (like one assist) and terminates the mark when
   * nothing is left. Returns true if that finished the cycle's mark.
   */
  markSliceForTest(budget: number): boolean {
    if (this.pendingSTW) this.runPendingSTW();
    if (this.phase !== GC_MARK) return false;
    this.marker.drain(budget);
    this.syncScanWork();
    if (this.marker.markDone()) {
      this.gcMarkDone();
      return true;
    }
    return false;
  }

  /** Drains all mark work now (gcstoptheworld, runtime.GC), then terminates the mark. */
  private markToCompletion(): void {
    if (this.phase !== GC_MARK) return;
    const t0 = this.nanotime();
    this.marker.drain(Infinity);
    if (!this.marker.markDone() && this.onMarkStuck !== null) {
      this.onMarkStuck(); // worker Ms' stacks: stop the world, then finish (mgcthreads.ts)
      this.marker.drain(Infinity);
    }
    const dt = this.nanotime() - t0;
    if (this.debug.gcstoptheworld > 0) this.pacer.markWorkerStop(MarkWorkerMode.Dedicated, dt * this.procs);
    else this.pacer.markWorkerStop(MarkWorkerMode.Dedicated, dt);
    this.syncScanWork();
    this.gcMarkDone();
  }

  /** Mark completion (Go's gcMarkDone): with one thread, "no work" is final. */
  private gcMarkDone(): void {
    if (this.phase !== GC_MARK) return;
    if (!this.marker.markDone()) return;
    this.gcMarkTermination();
  }

  // ── mark termination ──

  private gcMarkTermination(): void {
    const heap = this.heap;
    const mem = heap.mem;
    const pacer = this.pacer;
    if (this.events !== null) {
      this.events.gcMarkDone(this.cycles);
      this.events.stwStart(1);
    }
    const now = this.stwStart();
    this.limiter.startGCTransition(false, now, this.numgc);
    this.tMarkTerm = now;
    this.pauseStart = now;
    this.phase = GC_MARKTERMINATION;
    let u32 = mem.u32;
    u32[HG_GCPHASE >>> 2] = GC_MARKTERMINATION;
    u32[HG_BLACKEN >>> 2] = 0;
    const f = mem.f64;
    this.heap1 = f[ST_HEAP_LIVE >>> 3]!;

    if (this.debug.gccheckmark > 0) runCheckmark(mem, this.marker, true);

    const bytesMarked = this.marker.gcw.bytesMarked + heap.bytesMarkedNew;
    this.heap2 = bytesMarked;
    this.syncScanWork();
    pacer.heapLive = this.heap1;
    const tEndMark = this.nanotime();
    pacer.endCycle(tEndMark, this.procs);
    if (this.debug.gcpacertrace > 0) {
      const line = pacer.formatEndLine();
      if (line !== "") this.print(line);
    }
    pacer.resetLive(bytesMarked);
    // Go 1.19 adaptivestackstart: new goroutines start with the average scanned stack size.
    heap.stacks.computeStartingStackSize(this.marker.stackScanWork, this.marker.stacksScanned);
    f[ST_HEAP_LIVE >>> 3] = bytesMarked;
    f[ST_HEAP_SCAN >>> 3] = pacer.heapScan;

    // Sweep phase starts: every span becomes unswept at once.
    this.phase = GC_OFF;
    this.barrier.enabled = false;
    u32 = mem.u32;
    u32[HG_WB_ENABLED >>> 2] = 0;
    u32[HG_GCPHASE >>> 2] = GC_OFF;
    heap.mheap.sweepgen = (heap.mheap.sweepgen + 2) >>> 0;
    this.sweeper.startPhase(Math.floor(f[ST_HEAP_INUSE >>> 3]! / PAGE_SIZE));
    pacer.commit(false);
    this.sweeper.pace(pacer.trigger(), pacer.heapLive);
    this.publishGoal();

    const end = this.nanotime();
    this.tEnd = end;
    this.recordPause(end - this.pauseStart);
    this.limiter.finishGCTransition(end, this.numgc + 1);
    if (this.events !== null) this.events.stwDone(1);

    // World restarted. Every P flushes its mcache before it allocates again (Go: forEachP
    // prepareForSweep after startTheWorld): the spans it cached last cycle (now sg+1) are swept
    // as they go back to mcentral, and their unused slots are not credited to heapLive (the
    // reset above already dropped their charge). Kept out of the pause: O(Ps × classes) sweeps.
    for (const c of heap.mcaches) heap.caches.prepareForSweep(c);

    // Statistics (Go updates them before restarting the world).
    this.numgc++;
    if (this.userForced) this.numForcedGC++;
    const wall = this.walltime();
    const slot = (this.numgc - 1) % 256;
    f[(ST_PAUSE_NS >>> 3) + slot] = this.pauseNS;
    f[(ST_PAUSE_END >>> 3) + slot] = wall;
    f[ST_PAUSE_TOTAL_NS >>> 3] = f[ST_PAUSE_TOTAL_NS >>> 3]! + this.pauseNS;
    f[ST_LAST_GC >>> 3] = wall;
    this.lastGCNano = end;
    f[ST_NUM_GC >>> 3] = this.numgc;
    f[ST_NUM_FORCED_GC >>> 3] = this.numForcedGC;
    const sweepTermCpu = this.stwprocs * (this.tMark - this.tSweepTerm);
    const markCpu = pacer.assistTime + pacer.dedicatedMarkTime + pacer.fractionalMarkTime;
    const markTermCpu = this.stwprocs * (this.tEnd - this.tMarkTerm);
    this.totaltime += sweepTermCpu + markCpu + markTermCpu;
    const totalCpu = this.cpuCapacityBase + (end - this.procsChangedAt) * this.procs;
    const cpuFraction = totalCpu > 0 ? this.totaltime / totalCpu : 0;
    f[ST_GC_CPU_FRACTION >>> 3] = cpuFraction;

    if (this.events !== null) this.events.gcDone(this.numgc, f[ST_HEAP_LIVE >>> 3]!, f[ST_NEXT_GC >>> 3]!);
    if (this.debug.gcstoptheworld >= 2) this.sweeper.finishAll();

    // the record gctrace prints, kept for dashboards (snapshot.ts) whether or not it prints
    const rec: GCTraceRecord = {
          cycle: this.numgc,
          sinceInitNs: this.tSweepTerm - this.initTime,
          cpuFraction,
          sweepTermNs: this.tMark - this.tSweepTerm,
          markNs: this.tMarkTerm - this.tMark,
          markTermNs: this.tEnd - this.tMarkTerm,
          sweepTermCpuNs: sweepTermCpu,
          assistCpuNs: pacer.assistTime,
          backgroundCpuNs: pacer.dedicatedMarkTime + pacer.fractionalMarkTime,
          idleCpuNs: pacer.idleMarkTime,
          markTermCpuNs: markTermCpu,
          heap0: this.heap0,
          heap1: this.heap1,
          heap2: this.heap2,
          goal: pacer.lastHeapGoalExact,
          stacks: pacer.maxStackScan,
          globals: pacer.globalsScan,
          procs: this.maxprocs,
          forced: this.userForced,
    };
    this.recentCycles.push(rec);
    if (this.recentCycles.length > RECENT_CYCLES) this.recentCycles.shift();
    if (this.debug.gctrace > 0) this.print(formatGCTrace(rec));
  }

  private recordPause(ns: number): void {
    this.pauseNS += ns;
    this.pauses[this.npauses % PAUSE_RING] = ns;
    this.npauses++;
    if (ns > this.maxPauseNs) this.maxPauseNs = ns;
    this.pauseHist.record(ns);
  }

  /** Writes the current heap goal to NextGC. */
  private publishGoal(): void {
    const g = this.pacer.heapGoalExact();
    this.heap.mem.f64[ST_NEXT_GC >>> 3] = Number(g);
  }

  /** Sweep phase finished: pacer without the sweep floor; scavenger goal; scavtrace. */
  private sweepDone(): void {
    if (this.events !== null) this.events.sweepDone(this.numgc);
    if (this.afterSweepForTest !== null) this.afterSweepForTest();
    const pacer = this.pacer;
    pacer.commit(true);
    this.publishGoal();
    const f = this.heap.mem.f64;
    // Retain ~10 % over the next goal in free-but-backed pages (Go's retainExtraPercent).
    const retained = f[ST_HEAP_INUSE >>> 3]! + f[ST_HEAP_FREE >>> 3]!;
    const goal = Math.max(pacer.heapGoal(), f[ST_HEAP_INUSE >>> 3]!) * 1.1;
    this.scavDebt = retained > goal ? Math.min(retained - goal, f[ST_HEAP_FREE >>> 3]!) : 0;
    this.scavTime = 0;
    this.scavSince = this.nanotime();
    if (this.debug.scavtrace > 0) this.printScav(false);
  }

  private printScav(forced: boolean): void {
    const f = this.heap.mem.f64;
    const inuse = f[ST_HEAP_INUSE >>> 3]!;
    const retained = inuse + f[ST_HEAP_FREE >>> 3]!;
    const util = retained > 0 ? Math.floor((inuse * 100) / retained) : 0;
    this.print(
      `scav ${Math.floor(this.scavReleasedSinceTrace / 1024)} KiB work, ${Math.floor(f[ST_HEAP_RELEASED >>> 3]! / 1024)} KiB total, ${util}% util${forced ? " (forced)" : ""}\n`,
    );
    this.scavReleasedSinceTrace = 0;
  }

  // ── user API ──

  /**
   * runtime.GC(): a complete blocking cycle, then a full sweep. Precondition: a safe point
   * (every frame's pointers are in its stack slots).
   */
  GC(): void {
    if (this.pendingSTW) this.runPendingSTW();
    // Finish a cycle already in progress (Go waits for its mark to complete).
    if (this.phase === GC_MARK) this.markToCompletion();
    this.gcStart(GCTriggerKind.Cycle, true);
    this.markToCompletion();
    this.sweeper.finishAll();
  }

  /** debug.FreeOSMemory(): runtime.GC, then release every free page. */
  freeOSMemory(): void {
    this.GC();
    this.heap.stacks.releaseStackPools();
    const rel = this.heap.mheap.scavengeAll();
    this.scavReleasedSinceTrace += rel;
    this.scavDebt = 0;
    if (this.debug.scavtrace > 0) this.printScav(true);
  }

  /** The periodic GC sysmon starts after 2 minutes without one (prints "GC forced"). */
  forcegc(): void {
    if (this.phase !== GC_OFF) return;
    if (this.debug.gctrace > 0) this.print("GC forced\n");
    this.gcStart(GCTriggerKind.Time, false);
  }

  /** debug.SetGCPercent: returns the previous setting. */
  setGCPercent(v: number): number {
    const out = this.pacer.setGCPercent(v);
    this.pacer.commit(this.sweeper.done);
    if (this.phase !== GC_OFF) this.pacer.revise();
    this.sweeper.pace(this.pacer.trigger(), this.pacer.heapLive);
    this.publishGoal();
    // Go: turning the GC off waits for a running mark to finish.
    if (v < 0 && this.phase === GC_MARK) this.markToCompletion();
    return out;
  }

  /** debug.SetMemoryLimit: a negative value only queries. Returns the previous limit. */
  setMemoryLimit(v: bigint): bigint {
    const out = this.pacer.setMemoryLimit(v);
    if (v < 0n || out === v) return out;
    this.pacer.commit(this.sweeper.done);
    if (this.phase !== GC_OFF) this.pacer.revise();
    this.publishGoal();
    return out;
  }

  /** runtime.SetFinalizer (see mfinal.ts); fn = 0 clears. */
  setFinalizer(obj: number, fn: number, fint = 0, ot = 0, nret = 0): void {
    this.finalizers.setFinalizer(obj, fn, fint, ot, nret, this.phase === GC_MARK);
  }

  /** Finalizers ready to run, oldest first (the finalizer goroutine drains this). */
  takeReadyFinalizers(): ReadyFinalizer[] {
    const ready = this.finalizers.takeReadyFinalizers();
    if (this.phase === GC_MARK) {
      // Leaving the queue (a root) for a goroutine stack that may already be scanned: shade
      // them, as the deletion barrier would for a heap slot.
      const m = this.marker;
      m.refresh();
      for (const r of ready) {
        m.shade(r.obj);
        m.shade(r.fn);
      }
    }
    return ready;
  }

  /** runtime.ReadMemStats (world stopped by the caller). */
  readMemStats(): MemStats {
    const ms = this.heap.readMemStats();
    ms.NextGC = Number(this.pacer.heapGoalExact());
    ms.EnableGC = true;
    ms.DebugGC = false;
    return ms;
  }

  /** The memory limit as Go reports it (math.MaxInt64 when unset). */
  memoryLimit(): bigint {
    return this.pacer.memoryLimitBig;
  }

  /** GC CPU time since init (ns; Go's work.totaltime, updated at each cycle's end): go.cpu.time. */
  gcCPUTimeNs(): number {
    return this.totaltime;
  }
}

