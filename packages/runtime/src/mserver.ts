/**
 * mserver.ts — the runtime server: GOMAXPROCS > 1 runs each P's goroutines on a worker-thread M
 * (mworker.ts) while this thread keeps every JS-side runtime object (Sched, heap, collector,
 * timers, netpoll, profilers…) and is the only thread that runs runtime code. Design:
 * MTHREADS.md. Go counterpart: proc.go's schedule/findRunnable/stopTheWorld, with the
 * difference that Go's Ms run them themselves.
 *
 * SERVING. Each M has a mailbox record (mailbox.ts). The server loop takes posted requests one
 * at a time and executes them with the requester's context installed: `sched.p` = the M's P
 * (so run queues, runnext, G free lists are the requester's) and `sched.curg` = its G. NATIVE
 * calls the server VM's own native; MALLOC/NEWSTACK/WB/TYPEDMOVE call the heap; SCHED does
 * Sched.run's after-run bookkeeping for the result the M reports and replies with the next G —
 * or, with nothing runnable, does not reply: the M sleeps in Atomics.wait until work appears
 * (dispatchIdle: new Gs, timers, stealing). All Ms idle with no timers or network waiters is
 * Go's deadlock.
 *
 * TRANSIT. When a native leaves its G not running (parked), the M still writes the G's saved pc
 * and returns from vm.run before it reports RUN_PARK. Until that SCHED arrives the G must not be
 * readied and run elsewhere (a waker's auto-resume pc would be overwritten): the server then
 * serves that M only (a few µs). Go has the same rule: a G becomes wakeable only after park_m
 * ran on g0.
 *
 * STOP THE WORLD. An M whose mailbox state is REQ or SERVING is stopped at a safe point.
 * `stopTheWorld()` (callable from inside any request) waits on the doorbell until every M is;
 * their requests queue, unserved, until the STW work is done.
 *
 * GC (mgcthreads.ts). Sweep termination and mark termination stop the world; between them the
 * Ms run while the server marks between requests (`gcm.markStep` in the loop), MALLOC requests
 * assist, and the workers' barrier hooks are remote calls. A G's stack is scanned only while
 * the G is stopped (`gStopped`: unowned, or its M has a request posted/being served); an M
 * checking in gets its G's deferred stack scanned (`gcm.checkIn` in serve). Stack shrinking
 * skips every G owned by an M (a queued barrier or native request holds stack addresses).
 * Idle Ms drain grey objects in mark jobs (mgcidle.ts: `giveGCJobs`, OP_MARKDONE) and sweep spans
 * in sweep jobs (mgcsweepjob.ts, OP_SWEEPDONE).
 */

import { Worker } from "node:worker_threads";
import { deserialize, serialize } from "node:v8";
import { TextDecoder } from "node:util";
import { FatalError, formatFatal } from "./debug.js";
import type { Sched } from "./proc.js";
import { Mailbox, MB_PINNED, MB_READY, MB_REQ, MB_NONE, MB_REPLY, MB_SERVING, MB_TRANSIT, MB_YIELD, mailboxBytes } from "./mailbox.js";
import {
  MB_EXITING_WORD,
  MB_GC_BUDGET_WORD,
  MWORKER_URL,
  ALLOC_BATCH,
  ALLOC_CACHE_BYTES,
  TEXT_AREA_BYTES,
  OP_CRASH,
  OP_MARKDONE,
  OP_SWEEPDONE,
  OP_PRINT,
  OP_MALLOC,
  OP_NATIVE,
  OP_NEWSTACK,
  OP_SCHED,
  OP_TYPEDMOVE,
  OP_WB,
  type MWorkerData,
} from "./mworker.js";
import { ST_OTHER_SYS } from "./mstats.js";
import { STK_FP } from "./stack.js";
import { RUN_EXIT, RUN_PANIC, RUN_PARK, RUN_YIELD, DEFAULT_BUDGET, type NativeFn } from "./vm/interp.js";
import { G_PKIND, G_PX, G_STATUS, GDEAD, GRUNNABLE, GRUNNING, GWAITING } from "./vm/g.js";
import { PK_NONE, PK_PLAIN, PLAIN_ERRORS, formatPanic } from "./vm/panic.js";
import { G_LOCKED, P_RUNNEXT, P_RUNQHEAD, P_RUNQTAIL, P_SCHEDTICK, P_STATUS, PIDLE, PRUNNING, SCHED_RUNQSIZE } from "./runtime2.js";
import { FATAL_PANIC, FATAL_SCHED, FATAL_THROW } from "./schedtrace.js";
import { preprintPanics } from "./iface.js";
import { startFinalizers } from "./finq.js";
import { RunnextGrace } from "./msteal.js";
import { ServerRun } from "./mserverrun.js";
import { MStackCaches, STACK_CACHE_BYTES } from "./mstackcache.js";
import { installMProcs, retireG, unTick } from "./mprocs.js";
import { MProf } from "./mprof.js";
import { MTrace } from "./mtrace.js";
import { ThreadedGC } from "./mgcthreads.js";
import { MapRace } from "./mmaprace.js";
import { HELPER_MIN_SCAN, IDLE_WORKERS_ON, IdleMarkers } from "./mgcidle.js";
import { IdleSweepers } from "./mgcsweepjob.js";
import { BG_MARK, BG_SWEEP, GC_MARK, GC_OFF } from "./mgc.js";
import { installServerAtomics, workerRunNames } from "./mthreadnatives.js";

/** Go checks the global queue first every 61 schedticks (as proc.ts). */
const GLOBAL_CHECK_TICKS = 61;
/** Most worker Ms started (GOMAXPROCS above it shares them). */
export const MAX_MS = 16;
/** Start-up handshake limit: a worker that has not started by then failed to load. */
const READY_TIMEOUT_MS = 60_000;
/** Longest doorbell wait while Ms run (ms): bounds timer and netpoll latency when no M is idle. */
const BUSY_WAIT_MS = 2;
/** How long the end of a program waits for the Ms to stop before their threads are terminated (stopForExit). */
const EXIT_STOP_MS = 1000;

/**
 * GORT_MWORKER_URL: a lean module for the workers (e.g. an esbuild bundle of mworker.ts alone)
 * instead of the module this file was bundled into — in the dev/CLI bundle that is the whole
 * CLI with the compiler (2 MB): a bare worker load measured 92 ms with it, 35 ms with mworker
 * alone (MTHREADS.md "Fewer round trips").
 */
let workerURL: string | URL = (typeof process !== "undefined" && process.env.GORT_MWORKER_URL) || MWORKER_URL;
/** Tests: the module workers load (an esbuild bundle of mworker.ts; Node cannot run .ts). */
export function setMWorkerURLForTest(url: string | URL): void {
  workerURL = url;
}

/**
 * Whether worker Ms can start here: not when this module runs from TypeScript sources (vitest)
 * without a bundled worker set by setMWorkerURLForTest — Node cannot load .ts in a worker, so
 * such runs keep the one-thread scheduler.
 */
export function mthreadsAvailable(): boolean {
  return !String(workerURL).endsWith(".ts");
}

/** Sched's private scheduling steps the server reuses (element access; see MTHREADS.md). */
interface SchedInternals {
  runqget(p: number): number;
  globrunqget(): number;
  stealWork(p: number): number;
  checkTimers(now: number): void;
  dropStaleTimers(): void;
  gdestroy(g: number): void;
  deadlock(): number;
  fatalTrace(kind: number): void;
  yieldLocal: boolean;
  runnextStreak: number;
}

export class MServer {
  readonly sched: Sched;
  readonly box: Mailbox;
  /**
   * Ms started so far (worker threads; M i runs P i). Grows when runtime.GOMAXPROCS raises the P
   * count (mprocs.ts), never shrinks: an M whose P went away idles, as Go keeps its Ms.
   */
  n: number;
  /** Mailbox records, text areas and allocation caches allocated: MAX_MS (mprocs.ts). */
  readonly cap: number;
  /** M i's thread has started (its READY word seen); only ready Ms are given work. */
  readonly ready: boolean[];
  /** Ms started but not ready yet. */
  starting = 0;
  /** VM budget the workers were started with. */
  budget = DEFAULT_BUDGET;
  /** CPU profiling of the worker Ms (mprof.ts). */
  private readonly mprof: MProf;
  /** The execution tracer's per-P view of the Ms (mtrace.ts). */
  private readonly mtrace = new MTrace(this);
  private readonly workers: Worker[] = [];
  /** G owned by each M (running, or waiting on a request); 0 = none. */
  readonly mG: number[];
  /** M waits for work (its SCHED consumed, no reply yet). */
  readonly idle: boolean[];
  /** performance.now() when M i got its current G (mserverrun.ts: a G that parks soon after comes back). */
  readonly givenAt: number[];
  /**
   * Requests M i made; performance.now() and that count when M i last went from idle to busy
   * (mserverrun.ts: an M making many requests goes idle, its goroutines run on the server).
   */
  readonly reqs: number[];
  readonly busySince: number[];
  readonly reqsAtBusy: number[];
  /** M whose G left the running state inside a native and has not reported yet (−1 = none). */
  private transit = -1;
  /** The G that transit M parked (its saved pc is written until the M clears MB_TRANSIT). */
  private transitG = 0;
  /** Concurrent GC driver (mgcthreads.ts); null without a collector. */
  gcm: ThreadedGC | null = null;
  /** Idle mark workers (mgcidle.ts); null without a collector. */
  readonly idleMarkers: IdleMarkers | null = null;
  /** Idle Ms sweeping spans in the sweep phase (mgcsweepjob.ts); null without a collector. */
  readonly idleSweepers: IdleSweepers | null = null;
  /** The program ended and the Ms were stopped for good (stopForExit). */
  private exitStopped = false;
  /** Some M did not stop at the program's end (a crashed thread): stops no longer wait for Ms. */
  private gone = false;
  /** The overlap check of map operations (mmaprace.ts). */
  readonly mapRace: MapRace;
  /** M i's thread was spawned (by the policy, runtime.GOMAXPROCS, or as a mark helper). */
  readonly spawned: boolean[];
  /** Sweep termination asked for a mark helper (gcCycleStarting). */
  private helperWanted = false;
  /** Nesting depth of stopTheWorld. */
  private stw = 0;
  /** Exit status once decided (−1 = running). */
  private exit = -1;
  private readonly si: SchedInternals;
  /** Per-M stack caches: stack growth on a worker without a round trip (mstackcache.ts). */
  private readonly stackCaches: MStackCaches;
  /** Goroutines run on this thread until an M is ready; Ms spawned lazily (mserverrun.ts). */
  private readonly srun = new ServerRun(process.env.GORT_MTHREADS_ADAPTIVE !== "0");
  /** Idle Ms leave a running P's fresh runnext alone for a grace (msteal.ts). */
  private readonly grace = new RunnextGrace();
  /** Per-M text areas (TEXT_AREA_BYTES each) for strings sent with a reply. */
  private readonly textBase: number;
  /** Per-M allocation caches (mworker.ts ALLOC_CACHE_*). */
  private readonly cacheBase: number;
  /** GC cycles started (sweep terminations) since the server started. */
  private gcCycles = 0;
  /** Requests served (tests, benchmarks). */
  served = 0;
  /** Stop-the-world episodes (tests). */
  stwCount = 0;
  /** Gs handed to each M (GORT_MTHREADS_STATS). */
  readonly perM: number[];
  /** Requests served per opcode (GORT_MTHREADS_STATS=1 prints them at exit). */
  readonly opCounts = new Array<number>(16).fill(0);
  /** Per-M decoders of OP_PRINT text. */
  private readonly printDecoders: TextDecoder[] = [];
  /** NATIVE requests per native index (GORT_MTHREADS_STATS=1: the most frequent are printed). */
  private readonly nativeCounts: number[] = [];

  constructor(sched: Sched, n: number) {
    this.sched = sched;
    // Room for every M runtime.GOMAXPROCS may start later (mprocs.ts); n are started by run().
    const cap = MAX_MS;
    this.n = n;
    this.cap = cap;
    this.ready = new Array<boolean>(cap).fill(false);
    const base = sched.heap.mheap.persistentAlloc(mailboxBytes(cap), 64, ST_OTHER_SYS);
    this.box = new Mailbox(sched.mem.sab, base, cap);
    this.box.initIdle();
    // a collection starting while some M's goroutine is inside procPin leaves sync.Pool alone (syncpool.ts)
    sched.anyMPinned = () => {
      const w = this.box.w;
      for (let i = 0; i < this.n; i++) if (w[this.box.rec(i) + MB_PINNED] !== 0) return true;
      return false;
    };
    this.mprof = new MProf(sched, this.box, cap);
    this.textBase = sched.heap.mheap.persistentAlloc(cap * TEXT_AREA_BYTES, 8, ST_OTHER_SYS);
    this.cacheBase = sched.heap.mheap.persistentAlloc(cap * ALLOC_CACHE_BYTES, 8, ST_OTHER_SYS);
    sched.mem.zero(this.cacheBase, cap * ALLOC_CACHE_BYTES);
    const scBase = sched.heap.mheap.persistentAlloc(cap * STACK_CACHE_BYTES, 8, ST_OTHER_SYS);
    sched.mem.zero(scBase, cap * STACK_CACHE_BYTES);
    this.stackCaches = new MStackCaches(sched.heap.stacks, scBase);
    this.mG = new Array<number>(cap).fill(0);
    this.idle = new Array<boolean>(cap).fill(true);
    this.givenAt = new Array<number>(cap).fill(0);
    this.reqs = new Array<number>(cap).fill(0);
    this.busySince = new Array<number>(cap).fill(0);
    this.reqsAtBusy = new Array<number>(cap).fill(0);
    this.perM = new Array<number>(cap).fill(0);
    this.spawned = new Array<boolean>(cap).fill(false);
    this.si = sched as unknown as SchedInternals;
    // The server's own slices may now run beside the Ms: its sync/atomic natives use Atomics too.
    installServerAtomics(sched.vm, sched.image.img.natives, sched.mem);
    // Map operations of two goroutines overlapping in time: Go's "concurrent map writes" (mmaprace.ts)
    this.mapRace = new MapRace(sched.image.img.natives, sched.mem, this.box);
    this.checkMapRaces(sched.vm.natives);
    // (which of them an M would have to send here: mserverrun.ts REMOTE_PER_MS)
    this.srun.countRemoteNatives(sched.vm.natives, sched.image.img.natives, workerRunNames(sched.mem), sched.heap, sched.vm.barrier);
    const gc = sched.gc;
    if (gc !== null) {
      gc.setProcs(sched.gomaxprocs); // the Ps really run in parallel: gctrace P count, CPU accounting
      // Concurrent mark: STW sweep/mark termination, the server marks between requests (mgcthreads.ts).
      this.gcm = new ThreadedGC(this, gc);
      this.idleMarkers = new IdleMarkers(gc, this.box, cap);
      this.idleSweepers = new IdleSweepers(gc.sweeper, this.box, cap);
      gc.sweeper.awaitJobs = () => this.absorbSweepJobs(true);
      this.gcm.setServerMarks(!this.srun.pending); // (on when the first M is spawned: startM)
      const stacks = sched.heap.stacks;
      // (nor the G running on this thread in a server slice: mserverrun.ts)
      gc.marker.shrinker = { shrinkstack: (g: number) => (this.owned(g) || this.srun.running(g, sched.curg) ? false : stacks.shrinkstack(g)) };
    }
  }

  /**
   * Wraps the server VM's map natives (which also serve the Ms' requests) with the overlap check:
   * once Ms run goroutines, a map operation while another M waits in a conflicting one on the
   * same map is Go's fatal error, thrown from the goroutine whose operation runs now, with the
   * world stopped for the report (every other M at a safe point).
   */
  private checkMapRaces(natives: NativeFn[]): void {
    const mr = this.mapRace;
    const sched = this.sched;
    for (let ni = 0; ni < natives.length; ni++) {
      if (!mr.isMapOp(ni)) continue;
      const f = natives[ni]!;
      natives[ni] = (vm, g, args, res) => {
        if (!this.srun.pending && this.n > 1) {
          const msg = mr.check(ni, args, -1, this.n);
          if (msg !== null) {
            this.stopTheWorld();
            sched.throwFromGo(g, msg);
            return;
          }
        }
        f(vm, g, args, res);
      };
    }
  }

  /** True when g belongs to an M (running or inside a request). */
  private owned(g: number): boolean {
    for (let i = 0; i < this.n; i++) if (this.mG[i] === g) return true;
    return false;
  }

  // ── the collector's view (mgcthreads.ts GCServer) ──

  /**
   * g's stack may be scanned now: g's M has a request posted or being served (stopped at a safe
   * point; the server serves one request at a time), or no M owns g and g is not the parked G
   * whose M still writes its saved pc (transit).
   */
  gStopped(g: number): boolean {
    const box = this.box;
    for (let i = 0; i < this.n; i++) {
      if (this.mG[i] !== g) continue;
      const st = box.state(i);
      return st === MB_REQ || st === MB_SERVING;
    }
    return !(this.transit >= 0 && g === this.transitG && Atomics.load(box.w, box.rec(this.transit) + MB_TRANSIT) !== 0);
  }

  /** Some worker M was spawned (mserverrun.ts spawns them lazily). */
  msStarted(): boolean {
    return !this.srun.pending;
  }

  /** A GC mark phase is in progress (mserverrun.ts keeps its slices short then). */
  private marking(): boolean {
    return this.sched.gc !== null && this.sched.gc.phase === GC_MARK;
  }

  /** Some M runs bytecode (it has a G and no request pending). */
  anyMRunning(): boolean {
    const box = this.box;
    for (let i = 0; i < this.n; i++) {
      if (this.mG[i] === 0) continue;
      const st = box.state(i);
      if (st === MB_NONE || st === MB_REPLY) return true;
    }
    return false;
  }

  setCheckInBudget(budget: number): void {
    Atomics.store(this.box.w, MB_GC_BUDGET_WORD, budget);
  }

  /** Sweep termination, world stopped: objects waiting in the Ms' allocation caches are unreachable. */
  gcCycleStarting(): void {
    this.gcCycles++;
    this.srun.noteCycle();
    // No M spawned yet and the last cycle scanned a heap worth a second thread: the last M
    // comes up as an idle mark worker (mgcidle.ts; spawned by the loop, not in this pause);
    // the program stays on this thread.
    const gc = this.sched.gc;
    if (this.srun.pending && IDLE_WORKERS_ON && this.n > 1 && !this.spawned[this.n - 1] && gc !== null && gc.debug.gcstoptheworld === 0 && gc.pacer.heapScan >= HELPER_MIN_SCAN) this.helperWanted = true;
    const u32 = this.sched.mem.u32;
    for (let i = 0; i < this.cap; i++) u32[((this.cacheBase + i * ALLOC_CACHE_BYTES) >>> 2) + 2] = 0;
  }

  /** P of M i (P 0 when GOMAXPROCS shrank below i). */
  private pOf(i: number): number {
    const ps = this.sched.ps;
    return i < ps.length ? ps.at(i) : ps.at(0);
  }

  /** Starts the worker Ms, serves until the program ends; returns the exit status. */
  run(budget: number = DEFAULT_BUDGET): number {
    const sched = this.sched;
    this.budget = budget;
    const n = this.n;
    // By default the server runs goroutines itself while there is no parallelism to use, and
    // spawns the Ms only once two goroutines are runnable (mserverrun.ts);
    // GORT_MTHREADS_ADAPTIVE=0: spawn every M here and wait for them all
    if (!this.srun.pending) for (let i = 0; i < n; i++) this.startM(i);
    const vm = sched.vm;
    try {
      installMProcs(this); // runtime.GOMAXPROCS starts and retires Ms (mprocs.ts)
      const t0 = performance.now();
      if (!this.srun.pending) this.awaitReady();
      if (!this.srun.pending && process.env.GORT_MTHREADS_STATS === "1") {
        const t1 = performance.now();
        const bytes = serialize(sched.image.img).length; // what each worker's workerData costs
        const t2 = performance.now();
        deserialize(serialize(sched.image.img));
        const t3 = performance.now();
        process.stderr.write(`mthreads: server waited ${(t1 - t0).toFixed(0)} ms for ${n} Ms to start; image ${bytes} bytes serialized in ${(t2 - t1).toFixed(0)} ms, round trip ${(t3 - t2).toFixed(0)} ms\n`);
      }
      this.loop();
      return this.exit;
    } catch (e) {
      if (e instanceof FatalError) {
        vm.flushPrint();
        vm.write(formatFatal(e));
        this.si.fatalTrace(sched.curg !== 0 ? FATAL_THROW : FATAL_SCHED);
        return 2;
      }
      throw e;
    } finally {
      if (process.env.GORT_MTHREADS_STATS === "1") {
        const c = this.opCounts;
        process.stderr.write(`mthreads: ${this.served} requests: sched ${c[OP_SCHED]} native ${c[OP_NATIVE]} malloc ${c[OP_MALLOC]} newstack ${c[OP_NEWSTACK]} wb ${c[OP_WB] + c[OP_TYPEDMOVE]} (local stack growths ${this.stackCaches.localCopies(this.n)}); ${this.srun.slices} slices on the server (${this.srun.kept} Gs kept from an M, ${this.srun.shipped} shipped to one, ${this.srun.pulled} pulled back), Ms ${this.srun.pending ? "never started" : "started"}; ${this.stwCount} STW; Gs given per M ${this.perM.join("/")}\n`);
        const names = sched.image.img.natives;
        const top = this.nativeCounts.map((k, ni) => [k ?? 0, ni]).filter(([k]) => k > 0).sort((x, y) => y[0] - x[0]).slice(0, 8);
        process.stderr.write(`mthreads: natives ${top.map(([k, ni]) => `${names[ni]} ${k}`).join(", ")}\n`);
        if (this.gcm !== null) process.stderr.write(this.gcm.statsLine());
        if (this.idleMarkers !== null) process.stderr.write(this.idleMarkers.statsLine());
        if (this.idleSweepers !== null) process.stderr.write(this.idleSweepers.statsLine());
      }
      Atomics.store(this.box.w, MB_EXITING_WORD, 1);
      this.stopForExit();
      for (const w of this.workers) void w.terminate();
      sched.curg = 0;
      sched.netpoll.shutdown();
      sched.js.shutdown(); // syscall/js host thread (jsvalue.ts)
    }
  }

  /**
   * Starts the thread of M i (idle until its READY word is seen: checkReady), unless it runs
   * already. A mark helper (`helper`: spawned for idle marking before the Ms, mgcidle.ts)
   * leaves the collector as it is; any other start means Ms will run goroutines.
   */
  startM(i: number, helper = false): void {
    const sched = this.sched;
    if (this.gcm !== null && !helper) this.gcm.setServerMarks(true);
    // (from now on another thread may set mark bits: mgcidle.ts)
    if (sched.gc !== null) sched.gc.marker.atomicMarks = true;
    if (this.spawned[i]) return;
    this.spawned[i] = true;
    const data: MWorkerData = {
      gortMThread: true,
      sab: sched.mem.sab,
      mbox: this.box.w.byteOffset,
      text: this.textBase,
      cache: this.cacheBase,
      n: this.cap,
      id: i,
      image: sched.image.img,
      layout: sched.image.layout,
      budget: this.budget,
      stackCache: this.stackCaches.base,
      spawnedAt: performance.timeOrigin + performance.now(),
    };
    const w = new Worker(typeof workerURL === "string" ? new URL(workerURL) : workerURL, { workerData: data });
    w.unref();
    this.workers.push(w);
    this.ready[i] = false;
    this.idle[i] = true;
    this.starting++;
    if (i >= this.n) this.n = i + 1;
  }

  /** Marks Ms whose thread now runs as ready (they get work from dispatchIdle). */
  private checkReady(): void {
    const box = this.box;
    for (let i = 0; i < this.n; i++) {
      if (this.ready[i] || Atomics.load(box.w, box.rec(i) + MB_READY) === 0) continue;
      this.ready[i] = true;
      this.starting--;
    }
  }

  /**
   * Waits until every M's thread runs (its READY word). A worker whose module cannot load never
   * gets there; the server would otherwise wait on it forever.
   */
  private awaitReady(): void {
    const box = this.box;
    const t0 = Date.now();
    for (;;) {
      const seen = box.bell();
      this.checkReady();
      if (this.starting === 0) return;
      const tr = this.sched.trace;
      if (tr !== null) tr.poll(this.sched.clock.now(), 0); // schedtrace while the Ms start (mprocs.ts)
      if (Date.now() - t0 > READY_TIMEOUT_MS) throw new Error(`gort: worker-thread Ms did not start within ${READY_TIMEOUT_MS / 1000} s (${String(workerURL)})`);
      box.waitBell(seen, Math.min(50, this.sched.trace !== null ? this.sched.trace.untilDue(this.sched.clock.now()) / 1e6 : 50));
    }
  }

  private loop(): void {
    const box = this.box;
    const sched = this.sched;
    for (;;) {
      const seen = box.bell();
      let served = false;
      if (this.starting > 0) this.checkReady();
      if (sched.trace !== null) sched.trace.poll(sched.clock.now(), 0); // schedtrace on time while Ms run (mprocs.ts)
      sched.metrics.tick(); // OpenTelemetry sampling (metrics.ts; a null check when off)
      if (sched.monitor !== null && sched.monitor.poll(sched.clock.now()) >= 0) {
        this.finish(sched.monitor.stopCode); // the dashboard / gort top (snapshot.ts)
        return;
      }
      if (this.transit >= 0 && Atomics.load(box.w, box.rec(this.transit) + MB_TRANSIT) === 0) this.transit = -1;
      if (this.transit >= 0) {
        const t = this.transit;
        if (box.state(t) !== MB_REQ) {
          box.waitBell(seen, BUSY_WAIT_MS);
          continue;
        }
        this.serve(t);
        served = true;
      } else {
        for (let i = 0; i < this.n && this.exit < 0 && this.transit < 0; i++) {
          if (box.state(i) === MB_REQ) {
            this.serve(i);
            served = true;
          }
        }
      }
      if (this.exit >= 0) return;
      if (this.transit >= 0) continue;
      this.dispatchIdle();
      if (this.exit >= 0) return;
      this.giveGCJobs();
      // A mark phase: one dedicated mark slice between requests (mgcthreads.ts).
      // (Before any M is spawned, slice ends mark as at GOMAXPROCS = 1, and mark slices run
      // only when there is nothing to run: the idle marking of Sched.)
      let marked = false;
      if (this.gcm !== null && !this.srun.pending) {
        marked = this.markStep();
        if (this.exit >= 0) return;
      }
      // An M idle: run a slice here on its P, between requests and mark slices (mserverrun.ts).
      if (this.srun.canRun(this) && this.srun.slice(this)) {
        if (this.exit >= 0) return;
        continue;
      }
      if (this.gcm !== null && this.srun.pending) {
        marked = this.markStep();
        if (this.exit >= 0) return;
      }
      if (served || marked) continue;
      if ((this.idleMarkers !== null && this.idleMarkers.out() > 0) || (this.idleSweepers !== null && this.idleSweepers.out() > 0)) {
        box.waitBell(seen, BUSY_WAIT_MS); // a GC job's OP_MARKDONE / OP_SWEEPDONE (its M counts as idle)
        continue;
      }
      if (this.allIdle() && this.starting > 0 && this.anyWork()) {
        box.waitBell(seen, BUSY_WAIT_MS); // work waits for an M still starting (mprocs.ts)
        continue;
      }
      if (this.allIdle()) {
        this.idleAll();
        if (this.exit >= 0) return;
        continue;
      }
      // Some M runs: network readiness and due timers still reach the idle Ms promptly.
      if (sched.netpoll.waiters > 0) {
        sched.p = this.pOf(0);
        if (sched.tracer !== null) this.mtrace.at(0);
        sched.netpoll.poll(sched.clock.now());
        this.dispatchIdle();
      }
      let wait = Math.min(BUSY_WAIT_MS, this.grace.retryInMs()); // a shielded runnext (msteal.ts)
      if (sched.timers.len > 0) wait = Math.min(wait, Math.max(0, (sched.timers.peekWhen() - sched.clock.now()) / 1e6));
      box.waitBell(seen, wait);
    }
  }

  private allIdle(): boolean {
    for (let i = 0; i < this.n; i++) if (!this.idle[i]) return false;
    return true;
  }

  /**
   * Serves M i's posted request with its G's assist credit in the collector (mgc.ts: allocations
   * in the request are charged to that G, as its own allocations are in Go).
   */
  private serve(i: number): void {
    const gc = this.sched.gc;
    const g = this.mG[i];
    if (gc === null || g === 0) {
      this.serveOp(i);
      return;
    }
    gc.switchAssistCredit(0, g);
    try {
      this.serveOp(i);
    } finally {
      gc.switchAssistCredit(g, 0);
    }
  }

  private serveOp(i: number): void {
    const box = this.box;
    const sched = this.sched;
    const op = box.op(i);
    box.take(i);
    this.served++;
    if ((++this.reqs[i] & 63) === 0 && this.srun.tooChatty(this, i)) Atomics.store(box.w, box.rec(i) + MB_YIELD, 1); // (mserverrun.ts)
    this.opCounts[op & 15]++;
    if (this.gcm !== null) this.gcm.checkIn(); // M i is stopped: scan its G's stack if deferred
    sched.p = this.pOf(i);
    sched.curg = this.mG[i];
    if (sched.prof.cpuHz !== 0) this.mprof.atRequest(i, op); // CPU samples of every M (mprof.ts)
    if (sched.tracer !== null) this.mtrace.atRequest(i, op); // trace events go to M i's P (mtrace.ts)
    const vm = sched.vm;
    switch (op) {
      case OP_NATIVE: {
        const g = box.arg(i, 1) >>> 0;
        const fp = sched.mem.u32[(g + STK_FP) >>> 2];
        vm.enterPc = 0;
        const ni = box.arg(i, 0);
        this.nativeCounts[ni] = (this.nativeCounts[ni] ?? 0) + 1;
        vm.natives[ni](vm, g, fp + box.arg(i, 2), fp + box.arg(i, 3));
        const pc = vm.enterPc;
        vm.enterPc = 0;
        if (sched.exitCode >= 0) {
          this.finish(sched.exitCode);
          return;
        }
        const u32 = sched.mem.u32;
        const pk = u32[(g + G_PKIND) >>> 2];
        const text = pk === PK_PLAIN ? this.sendPlainText(i, g) : 0;
        if (u32[(g + G_STATUS) >>> 2] === GRUNNING) {
          // LockOSThread wired g: it moves to this thread at the M's next check-in (mserverrun.ts)
          if (u32[(g + G_LOCKED) >>> 2] !== 0 && this.srun.enabled) Atomics.store(box.w, box.rec(i) + MB_YIELD, 1);
          box.reply(i, pc, text);
          return;
        }
        // The native parked g (or made it runnable): transit until the M let go of it.
        this.transit = i;
        this.transitG = g;
        Atomics.store(box.w, box.rec(i) + MB_TRANSIT, 1);
        if (pk !== PK_NONE) {
          box.reply(i, pc, text); // the M unwinds (gopanic) and reports with SCHED
          return;
        }
        // Park now and pick the M's next G in the same reply: the M's park hook clears
        // TRANSIT and switches to it inside the interpreter loop (0: it reports SCHED(−1)).
        this.afterRun(i, RUN_PARK, g);
        const next = this.srun.keepOrGive(this, i, this.findWork(i), RUN_PARK, g); // (mserverrun.ts)
        this.mG[i] = next;
        if (next !== 0) {
          sched.metrics.latency.running(next);
          this.givenAt[i] = performance.now();
        }
        if (next !== 0 && sched.tracer !== null) sched.tracer.goStart(next); // on M i's P (mtrace.ts)
        box.reply(i, pc, text, 1, next);
        return;
      }
      case OP_MALLOC: {
        const size = box.arg(i, 0) >>> 0;
        const typ = box.arg(i, 1) >>> 0;
        const zero = box.arg(i, 2) !== 0;
        const want = box.arg(i, 3);
        const heap = sched.heap;
        const cycles = this.gcCycles;
        let p = heap.mallocgc(size, typ, zero);
        if (want <= 1) {
          if (this.gcm !== null) this.gcm.handedOut(p);
          box.reply(i, p, 0);
          return;
        }
        // A batch for the M's allocation cache (mworker.ts ALLOC_CACHE_*). Objects allocated
        // here are held only in JS until the reply: if a GC cycle ran inside one of the calls,
        // the earlier ones may have been freed, so they are dropped.
        const cw = (this.cacheBase + i * ALLOC_CACHE_BYTES) >>> 2;
        let n = 0;
        for (let k = 1; k < want && k <= ALLOC_BATCH; k++) {
          const q = heap.mallocgc(size, typ, zero);
          if (this.gcCycles !== cycles) {
            // A cycle started inside that call: q may be white (allocated before it) and is held
            // only here, so no further allocation may assist and scan this G's stack before q
            // is in its frame. Stop the batch.
            p = q;
            n = 0;
            break;
          }
          sched.mem.u32[cw + 4 + n++] = q;
        }
        const u32 = sched.mem.u32;
        u32[cw] = typ;
        u32[cw + 1] = size;
        u32[cw + 2] = n;
        u32[cw + 3] = 0;
        if (this.gcm !== null) this.gcm.handedOut(p);
        box.reply(i, p, 0);
        return;
      }
      case OP_NEWSTACK:
        sched.heap.stacks.newstack(box.arg(i, 0) >>> 0, box.arg(i, 1) >>> 0);
        this.stackCaches.refill(i);
        box.reply(i, 0, 0);
        return;
      case OP_WB:
        if (vm.barrier !== null) vm.barrier.writePointer(box.arg(i, 0) >>> 0, box.arg(i, 1) >>> 0);
        else {
          const u32 = sched.mem.u32;
          const slot = box.arg(i, 0) >>> 0;
          u32[slot >>> 2] = box.arg(i, 1) >>> 0;
          u32[(slot >>> 2) + 1] = 0;
        }
        box.reply(i, 0, 0);
        return;
      case OP_TYPEDMOVE: {
        const typ = box.arg(i, 0) >>> 0;
        const dst = box.arg(i, 1) >>> 0;
        const src = box.arg(i, 2) >>> 0;
        if (vm.barrier !== null) vm.barrier.typedmemmove(typ, dst, src);
        else sched.mem.move(dst, src, sched.mem.u32[typ >>> 2]);
        box.reply(i, 0, 0);
        return;
      }
      case OP_SCHED: {
        this.stackCaches.refill(i); // (before any reply: M i is blocked until then)
        if (this.transit === i) {
          this.transit = -1;
          Atomics.store(box.w, box.rec(i) + MB_TRANSIT, 0);
        }
        const g = box.arg(i, 1) >>> 0;
        const r = box.arg(i, 0);
        let next = this.afterRun(i, r, g);
        if (this.exit >= 0) return;
        if (next !== 0 && i >= sched.ps.length) next = retireG(this, next); // its P went away (mprocs.ts)
        if (next === 0) next = this.findWork(i);
        next = this.srun.keepOrGive(this, i, next, r, g); // the server runs it (mserverrun.ts)
        if (next !== 0) this.give(i, next);
        else {
          this.mG[i] = 0;
          this.idle[i] = true;
          if (i < sched.ps.length) sched.mem.u32[(this.pOf(i) + P_STATUS) >>> 2] = PIDLE;
          if (sched.tracer !== null) this.mtrace.idle(i); // ProcStop (mtrace.ts)
        }
        return;
      }
      case OP_CRASH:
        this.finish(2);
        return;
      case OP_MARKDONE:
        // An idle mark worker's job is back (mgcidle.ts); the next one at once if there is work.
        sched.curg = 0;
        this.jobEnd(i, BG_MARK, this.idleMarkers!.absorb(i));
        if (this.exit >= 0) return;
        if (this.stw === 0) this.idleMarkers!.give(i);
        return;
      case OP_SWEEPDONE:
        // An idle sweep worker's job is back (mgcsweepjob.ts); the next one at once if spans are left.
        sched.curg = 0;
        this.jobEnd(i, BG_SWEEP, this.idleSweepers!.absorb(i));
        if (this.exit >= 0) return;
        if (this.stw === 0 && this.sweepJobsWanted()) this.idleSweepers!.give(i);
        return;
      case OP_PRINT: {
        // M i's print/println text (a UTF-8 character may straddle two requests: streamed decode)
        const at = this.textBase + i * TEXT_AREA_BYTES;
        const bytes = sched.mem.u8.slice(at, at + (box.arg(i, 0) >>> 0));
        vm.flushPrint();
        vm.write((this.printDecoders[i] ??= new TextDecoder()).decode(bytes, { stream: true }));
        box.reply(i, 0, 0);
        return;
      }
      default:
        throw new Error(`gort mserver: bad request ${op} from M${i}`);
    }
  }

  /**
   * A native raised a PK_PLAIN panic: its message index (G_PX) refers to this thread's
   * PLAIN_ERRORS, which the worker's recover/boxing code reads from its own copy. Puts the text
   * in M i's text area; the reply's R1 (byte length + 1) tells the worker to register it at the
   * same index.
   */
  private sendPlainText(i: number, g: number): number {
    const mem = this.sched.mem;
    const text = PLAIN_ERRORS[Number(mem.i64[(g + G_PX) >>> 3])] ?? "";
    const bytes = new TextEncoder().encode(text).subarray(0, TEXT_AREA_BYTES);
    mem.u8.set(bytes, this.textBase + i * TEXT_AREA_BYTES);
    return bytes.length + 1;
  }

  /** Hands g to idle-or-reporting M i. */
  private give(i: number, g: number): void {
    if (this.inGCJob(i)) throw new Error(`gort mserver: M${i} is in a GC job`);
    const now = performance.now();
    if (this.idle[i]) {
      this.mprof.resume(i); // its idle time was no CPU time (mprof.ts)
      this.busySince[i] = now;
      this.reqsAtBusy[i] = this.reqs[i];
    }
    this.mG[i] = g;
    this.givenAt[i] = now;
    this.idle[i] = false;
    this.perM[i]++;
    const sched = this.sched;
    if (i < sched.ps.length) sched.mem.u32[(this.pOf(i) + P_STATUS) >>> 2] = PRUNNING;
    sched.metrics.latency.running(g);
    if (sched.tracer !== null) this.mtrace.give(i, g); // ProcStart if it idled, GoStart (mtrace.ts)
    this.box.reply(i, g, 0);
  }

  /**
   * Sched.run's bookkeeping after M i's vm.run(g) returned r (−1: nothing ran). Returns g when
   * it should simply go on running (budget spent, nothing else runnable — or, with `requeue`
   * false, whether or not anything else is), else 0.
   */
  private afterRun(i: number, r: number, g: number, requeue = true): number {
    const sched = this.sched;
    const si = this.si;
    const u32 = sched.mem.u32;
    if (r < 0 || g === 0) return 0;
    if (r === RUN_PARK) {
      const st = u32[(g + G_STATUS) >>> 2];
      if (st === GWAITING) return 0;
      if (st === GRUNNABLE) {
        sched.metrics.latency.enqueued(g);
        if (si.yieldLocal) {
          si.yieldLocal = false;
          sched.runqput(sched.p, g, false);
        } else sched.globrunqput(g);
        return 0;
      }
      si.gdestroy(g); // Goexit
      if (g === sched.mainG) sched.mainGoexit = true;
      return 0;
    }
    if (r === RUN_YIELD) {
      const now = sched.clock.now();
      if (sched.trace !== null) sched.trace.poll(now, g);
      if (sched.monitor !== null && sched.monitor.poll(now) >= 0) {
        this.finish(sched.monitor.stopCode); // the dashboard's stop command
        return 0;
      }
      if (sched.netpoll.waiters > 0) sched.netpoll.poll(now);
      sched.js.poll(); // syscall/js replies and events (jsvalue.ts)
      const gc = sched.gc;
      if (gc !== null) {
        const profiling = sched.prof.cpuHz !== 0;
        if (profiling) this.mprof.serverWorkStart();
        gc.poll();
        if (profiling) this.mprof.serverWork(gc.lastPollWork); // the GC's own frames (prof.ts)
        startFinalizers(sched);
      }
      if (sched.timers.len > 0) si.checkTimers(sched.clock.now());
      if (requeue && this.anyRunnable(sched.p)) {
        if (sched.tracer !== null) sched.tracer.goPreempt(g);
        sched.metrics.latency.enqueued(g);
        sched.globrunqput(g);
        si.runnextStreak = 0;
        return 0;
      }
      return g;
    }
    if (r === RUN_EXIT) {
      if (g === sched.mainG) {
        u32[(g + G_STATUS) >>> 2] = GDEAD;
        this.finish(0);
        return 0;
      }
      si.gdestroy(g);
      return 0;
    }
    if (r === RUN_PANIC) {
      this.stopTheWorld(); // other Ms quiet while the panic prints
      const vm = sched.vm;
      vm.flushPrint();
      si.fatalTrace(FATAL_PANIC);
      preprintPanics(vm, g);
      vm.write(formatPanic(sched.mem, sched.image, g) + sched.createdBy(g));
      this.finish(2);
      return 0;
    }
    throw new Error(`gort mserver: bad run result ${r}`);
  }

  private anyRunnable(p: number): boolean {
    const u32 = this.sched.mem.u32;
    return u32[(p + P_RUNNEXT) >>> 2] !== 0 || u32[(p + P_RUNQHEAD) >>> 2] !== u32[(p + P_RUNQTAIL) >>> 2] || u32[(this.sched.sched + SCHED_RUNQSIZE) >>> 2] !== 0;
  }

  /**
   * findRunnable without blocking, for M i's P: timers, global every 61st tick, local, global,
   * steal. With the adaptive policy an M does not steal (mserverrun.ts: the server runs what
   * waits on other Ps; its slices pass `steal`).
   */
  private findWork(i: number, steal = !this.srun.enabled): number {
    const sched = this.sched;
    const ps = sched.ps;
    if (i >= ps.length) return 0;
    const si = this.si;
    const p = ps.at(i);
    sched.p = p;
    if (sched.tracer !== null) this.mtrace.at(i);
    const u32 = sched.mem.u32;
    const tick = (u32[(p + P_SCHEDTICK) >>> 2] = (u32[(p + P_SCHEDTICK) >>> 2] + 1) >>> 0);
    if (sched.timers.len > 0) si.checkTimers(sched.clock.now());
    if (tick % GLOBAL_CHECK_TICKS === 0 && sched.globrunqsize() !== 0) {
      si.runnextStreak = 0;
      return si.globrunqget();
    }
    let g = si.runqget(p);
    if (g !== 0) return g;
    g = si.globrunqget();
    if (g !== 0) {
      si.runnextStreak = 0;
      return g;
    }
    if (ps.length > 1 && steal) g = this.grace.stealFor(sched.mem, ps, p, (q) => si.stealWork(q));
    return g;
  }

  /** Gives work to idle Ms. */
  private dispatchIdle(): void {
    // With the adaptive policy idle Ms get nothing here: the server runs runnable Gs itself on an
    // idle M's P and hands a G to an M only once it has shown it computes (mserverrun.ts).
    if (this.srun.enabled) return;
    for (let i = 0; i < this.n; i++) {
      if (!this.idle[i] || !this.ready[i] || this.inGCJob(i)) continue;
      const g = this.findWork(i);
      if (g !== 0) this.give(i, g);
      else if (i < this.sched.ps.length) unTick(this.sched, i); // a fruitless look schedules nothing (mprocs.ts)
    }
  }

  /** One slice of the server's dedicated mark worker (mgcthreads.ts), CPU-profiled as GC work. */
  private markStep(): boolean {
    this.sched.curg = 0;
    const profiling = this.sched.prof.cpuHz !== 0;
    if (profiling) this.mprof.serverWorkStart();
    const marked = this.gcm!.markStep();
    if (profiling) this.mprof.serverWork(BG_MARK); // the GC's own frames (prof.ts)
    return marked;
  }

  /**
   * Idle M i's GC job (`kind`: mgc.ts BG_MARK / BG_SWEEP) is back after `micros` of its time: CPU
   * samples with the GC's frames (mprof.ts jobDone).
   */
  private jobEnd(i: number, kind: number, micros: number): void {
    if (this.sched.prof.cpuHz !== 0) this.mprof.jobDone(i, kind, micros);
  }

  /**
   * M i is draining grey objects (mgcidle.ts) or sweeping spans (mgcsweepjob.ts): it is idle
   * (no G), but cannot take one now.
   */
  inGCJob(i: number): boolean {
    return (this.idleMarkers !== null && this.idleMarkers.inJob[i]!) || (this.idleSweepers !== null && this.idleSweepers.inJob[i]!);
  }

  /** The sweep phase has spans for idle Ms, and no collection or stop is pending. */
  private sweepJobsWanted(): boolean {
    const gc = this.sched.gc!;
    return gc.phase === GC_OFF && gc.debug.gcstoptheworld === 0 && this.idleSweepers!.wanted();
  }

  /**
   * Idle, ready Ms waiting for a G get GC work: mark jobs while a mark is under way
   * (mgcidle.ts), sweep jobs in the sweep phase (mgcsweepjob.ts).
   */
  private giveGCJobs(): void {
    const im = this.idleMarkers;
    if (im === null) return;
    if (this.helperWanted) {
      this.helperWanted = false;
      if (!this.spawned[this.n - 1]) {
        this.startM(this.n - 1, true);
        im.helpers++;
      }
    }
    if (this.stw > 0) return;
    const box = this.box;
    if (this.sched.gc!.phase === GC_MARK) {
      for (let i = 0; i < this.n; i++) {
        if (!this.idle[i] || !this.ready[i] || this.inGCJob(i) || box.state(i) !== MB_SERVING) continue;
        if (!im.give(i)) return;
      }
      return;
    }
    if (!this.sweepJobsWanted()) return;
    const is = this.idleSweepers!;
    for (let i = 0; i < this.n; i++) {
      if (!this.idle[i] || !this.ready[i] || this.inGCJob(i) || box.state(i) !== MB_SERVING) continue;
      if (!is.give(i)) return;
    }
  }

  /**
   * Waits for every sweep job out and finishes its spans (Sweeper.awaitJobs: gcStart and
   * runtime.GC finish the sweep; a stop-the-world, whose Ms are all stopped at their
   * OP_SWEEPDONE by then). A job never waits for the server, so this ends. The M stays idle,
   * without a reply.
   */
  private absorbSweepJobs(counted: boolean): void {
    const is = this.idleSweepers;
    if (is === null || is.out() === 0 || this.gone) return;
    const box = this.box;
    for (let i = 0; i < this.n; i++) {
      if (!is.inJob[i]) continue;
      for (;;) {
        const seen = box.bell();
        if (box.state(i) === MB_REQ) break;
        box.waitBell(seen, BUSY_WAIT_MS);
      }
      if (box.op(i) !== OP_SWEEPDONE) throw new Error(`gort mserver: M${i} in a sweep job posted request ${box.op(i)}`);
      box.take(i);
      if (counted) is.awaited++;
      this.jobEnd(i, BG_SWEEP, is.absorb(i));
    }
  }

  /**
   * The world is stopped inside a mark (mgcthreads.ts holdWorld): the Ms that were in mark jobs
   * are stopped at their OP_MARKDONE; take their buffers back without replying (they stay idle).
   */
  collectMarkJobs(): void {
    const im = this.idleMarkers;
    if (im === null || this.gone) return;
    const box = this.box;
    for (let i = 0; i < this.n; i++) {
      if (!im.inJob[i]) continue;
      if (box.state(i) !== MB_REQ || box.op(i) !== OP_MARKDONE) throw new Error(`gort mserver: M${i} in a mark job did not stop at OP_MARKDONE`);
      box.take(i);
      im.collected++;
      this.jobEnd(i, BG_MARK, im.absorb(i));
    }
  }

  /** Every M idle: network, timers, finalizers, else deadlock; sleeps until the next event. */
  private idleAll(): void {
    const sched = this.sched;
    const si = this.si;
    sched.p = this.pOf(0);
    sched.curg = 0;
    if (sched.tracer !== null) this.mtrace.at(0);
    const np = sched.netpoll;
    const now = sched.clock.now();
    if (np.waiters > 0) {
      np.poll(now);
      if (this.anyWork()) return;
    }
    if (sched.timers.len > 0) {
      si.checkTimers(now);
      if (this.anyWork()) return;
      si.dropStaleTimers();
    }
    const netWait = np.waiters > 0;
    // syscall/js: the JavaScript host thread's replies and events (jsvalue.ts)
    sched.js.poll();
    if (this.anyWork()) return;
    const jsWait = sched.js.busy();
    if (sched.timers.len === 0 && !netWait && !jsWait) {
      if (startFinalizers(sched)) return;
      if (sched.monitor !== null && sched.monitor.stopCode >= 0) {
        this.finish(sched.monitor.stopCode);
        return;
      }
      this.finish(si.deadlock());
      return;
    }
    let wait = Math.min(sched.timers.len > 0 ? sched.timers.peekWhen() - sched.clock.now() : Infinity, netWait ? np.untilDeadline(now) : Infinity);
    if (sched.trace !== null) wait = Math.min(wait, sched.trace.untilDue(sched.clock.now()));
    if (sched.monitor !== null) wait = Math.min(wait, sched.monitor.untilDue(sched.clock.now()));
    if (wait <= 0) return;
    // Nobody can post a request while every M is idle: the host sleep is safe.
    if (jsWait) sched.js.wait(Math.min(wait, netWait ? 1e6 : Infinity));
    else if (netWait) np.wait(Math.min(wait, 10e6));
    else sched.clock.sleep(wait);
    if (sched.trace !== null) sched.trace.poll(sched.clock.now(), 0);
  }

  /** Some P (or the global queue) has a runnable G. */
  private anyWork(): boolean {
    const ps = this.sched.ps;
    for (let k = 0; k < ps.length; k++) if (this.anyRunnable(ps.at(k))) return true;
    return false;
  }

  /** Ends the program with status `code` (the caller's request is left unanswered). */
  private finish(code: number): void {
    if (this.exit >= 0) return;
    this.exit = code;
    Atomics.store(this.box.w, MB_EXITING_WORD, 1);
    this.sched.vm.flushPrint();
  }

  /**
   * Stops the world: returns once every M is stopped at a safe point (its mailbox state REQ or
   * SERVING). Nests; callable from inside a request (the requester is already stopped).
   */
  stopTheWorld(): void {
    this.stopWithin(Infinity);
  }

  /**
   * The program ended: the Ms are stopped for good before their threads are terminated, so what
   * runs after the program on this thread (runprof's runtime.GC for --memprofile, exit
   * statistics) finds every goroutine at a safe point, no GC job out, and a world that is
   * already stopped (stopTheWorld nests, and nothing starts it again). An M still running a
   * goroutine gets to its next request within a budget; one that never does (its thread
   * crashed) is given up after EXIT_STOP_MS, and later stops do not wait for it.
   */
  private stopForExit(): void {
    if (this.exitStopped) return;
    this.exitStopped = true;
    if (this.stopWithin(performance.now() + EXIT_STOP_MS)) {
      this.collectMarkJobs();
      return;
    }
    this.gone = true;
    // The jobs of Ms that did not stop are dropped: a mark job's grey objects and a sweep job's
    // spans are lost to what runs after the program (a later collection is not held up by them).
    const im = this.idleMarkers;
    const is = this.idleSweepers;
    for (let i = 0; i < this.n; i++) {
      if (im !== null && im.inJob[i]) {
        im.inJob[i] = false;
        this.sched.gc!.marker.jobsOut--;
      }
      if (is !== null && is.inJob[i]) is.abandon(i);
    }
  }

  /**
   * stopTheWorld with a deadline (performance.now() ms): false if some M was not stopped by
   * then (the world counts as stopped anyway).
   */
  private stopWithin(deadline: number): boolean {
    if (this.stw++ > 0 || this.gone) return true;
    this.stwCount++;
    const box = this.box;
    // Ms in mark jobs: end them at their next chunk (mgcidle.ts)
    const im = this.idleMarkers;
    if (im !== null && im.out() > 0) for (let i = 0; i < this.n; i++) if (im.inJob[i]) Atomics.store(box.w, box.rec(i) + MB_YIELD, 1);
    for (;;) {
      const seen = box.bell();
      let all = true;
      for (let i = 0; i < this.n; i++) {
        const st = box.state(i);
        if (st === MB_NONE || st === MB_REPLY) {
          all = false;
          break;
        }
      }
      if (all) {
        this.absorbSweepJobs(false); // (stopped at their OP_SWEEPDONE: nothing of a sweep in flight)
        return true;
      }
      if (performance.now() > deadline) return false;
      box.waitBell(seen, BUSY_WAIT_MS);
    }
  }

  /** Tests: the server-run / lazy-spawn state (mserverrun.ts). */
  serverRunForTest(): ServerRun {
    return this.srun;
  }

  /** Tests: stacks the Ms grew locally from their stack caches (mstackcache.ts). */
  localStackCopiesForTest(): number {
    return this.stackCaches.localCopies(this.n);
  }

  startTheWorld(): void {
    if (this.stw > 0) this.stw--;
  }
}

let lastServer: MServer | null = null;
/** Tests: the server of the last runMThreads (its request counts). */
export function lastMServerForTest(): MServer | null {
  return lastServer;
}

/** gort run's path for GOMAXPROCS > 1 (proc.ts runGo): N worker Ms, this thread serves. */
export function runMThreads(sched: Sched, budget?: number): number {
  // One M per P, at most MAX_MS threads (each is a V8 isolate with its own copy of the module);
  // Ps beyond that get no M of their own and are only stolen from.
  const srv = new MServer(sched, Math.min(sched.gomaxprocs, MAX_MS));
  lastServer = srv;
  return srv.run(budget ?? DEFAULT_BUDGET);
}
