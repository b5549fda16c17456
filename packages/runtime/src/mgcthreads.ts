/**
 * mgcthreads.ts — concurrent marking while goroutines run on worker-thread Ms (MTHREADS.md
 * "Concurrent marking with worker Ms"). The one-thread collector (mgc.ts, mgcmark.ts,
 * mbarrier.ts, mgcpacer.ts) is reused as it is; this file only decides where its steps run
 * and what the runtime server (mserver.ts) must do around them. Go counterpart: the parts of
 * mgc.go / mgcmark.go / preempt.go that coordinate Ms (gcStart / gcMarkDone stopping the
 * world, gcBgMarkWorker, scang/suspendG), written afresh for one server thread.
 *
 * A CYCLE under threads (GOMAXPROCS > 1, Ms running bytecode on worker threads):
 *
 *   0. off — once the live heap is within SOON_FRACTION of the trigger, the Ms run short slices
 *      (MARK_CHECKIN_BUDGET, through the mailbox word MB_GC_BUDGET_WORD) so that the coming stop
 *      finds them fast.
 *   1. sweep termination — STW: the server stops the world (every M parked at a request, i.e.
 *      at a safe point), empties the Ms' allocation caches (their objects were allocated
 *      before this cycle: white, unreachable), runs the collector's sweep termination (barrier
 *      flag and allocate-black on), restarts the world. Every M sees the flag before it runs
 *      again, and no marking happens before the world restarts. The Ms keep short slices.
 *   2. concurrent mark — the Ms run bytecode while the server marks:
 *        - between requests, in slices of ≤ MARK_SLICE_NS (`markStep`, called by the server
 *          loop): the server thread is the cycle's dedicated mark worker (Go's gcBgMarkWorker;
 *          the collector's fractional worker in `poll` is off: `serverMarks`);
 *        - MALLOC requests assist, as with one thread (`sched.curg` is the requester's G);
 *        - write barrier: a worker's STP / TYPEDMOVE with the flag on is a remote call (the
 *          server shades old and new value and stores: the shade happens before the store and
 *          is serialised with the marker), the worker's unsafe.Pointer atomics go remote too
 *          (mworker.ts), and the server allocates black;
 *        - stacks: a goroutine's stack is scanned only while it is stopped (`MServer.gStopped`:
 *          not owned by an M, or its M has a request posted or being served — the server
 *          serves one request at a time, so that G cannot move meanwhile). A stack job of a G
 *          running on an M is deferred (Marker.deferredStacks) and retried at every drain and
 *          whenever its M checks in (`checkIn`, at each served request; budget ends are
 *          requests too, so a `for {}` goroutine checks in within one budget).
 *      The mark is complete when every root job ran, no deferred stack is left and no grey
 *      object remains and no idle mark worker's job is out (mgcidle.ts: idle Ms drain grey
 *      objects the server hands them; their buffers come back with the job). Only the server
 *      and jobs shade, and jobs start only from the server's grey objects, so once it sees that,
 *      nothing can make a new grey object: completion is final (no Go-style ragged
 *      termination round).
 *   3. mark termination — the collector's mark termination (barrier off, sweepgen += 2, pacer,
 *      statistics), run by the server WITHOUT stopping the Ms: the mark is final (above), a
 *      barrier request an M posted meanwhile is served afterwards as a plain store (its store
 *      had not happened, so its shade is not owed), and nothing else termination changes is
 *      read by a worker (sweepgen, mark bits and mcaches are the server's; an M's allocation
 *      cache holds objects allocated black this cycle, which the sweep keeps). Requests wait
 *      for it as for any server work; its clock time is gctrace's third figure. With
 *      gccheckmark the world IS stopped (re-marking scans every stack; the wait for the Ms
 *      counts in the pause, as Go's does). Nothing here is O(heap) except gccheckmark.
 *   4. sweep — concurrent, as before (workers never read mark bits or span metadata).
 *
 * runtime.GC / debug.SetGCPercent(-1) finish a running mark at once (markToCompletion): the
 * server drains what it can with the world running, and if stacks of running goroutines are
 * left it stops the world (`onMarkStuck`) and finishes the mark inside that pause.
 * GODEBUG=gcstoptheworld=1/2 keeps whole-cycle STW (the world stopped from sweep termination
 * to the end of mark termination), as before this file.
 *
 * Invariants:
 *   - the barrier flag turns on only with the world stopped, and every M sees it on before it
 *     runs again (the mailbox's Atomics order the flag's plain store before the reply); it
 *     turns off only once the mark is final;
 *   - objects a worker can get without a request (its allocation cache) were allocated by the
 *     server in the current cycle, hence black during a mark; an object a MALLOC reply hands
 *     out during a mark is black or grey (`handedOut`): worker runtime code may hold it in
 *     JavaScript only across its next request, where the server may scan the G's stack;
 *   - a G owned by an M is scanned only while that M's mailbox state is REQ or SERVING; every
 *     request kind saves the G's frame pointer and safe-point pc first (NATIVE, MALLOC,
 *     NEWSTACK, SCHED; WB / TYPEDMOVE come from STP / TYPEDMOVE, which are safe points too).
 *
 * Rejected: scanning a running G's stack (frames change under the scanner: a slot the stack
 * map of the saved pc calls dead may hold a live pointer); a remote "shade only" for the worker
 * atomics followed by a local store (the old value of a Swap is known only after the swap,
 * and a shade request that reaches the server after it saw mark completion is too late);
 * whole-cycle STW (4–19 ms pauses on binarytrees); stopping the world for mark termination
 * without gccheckmark (the stop waits for a running M's slice to end: 2–15 ms measured on
 * binarytrees when a slice had begun with the default budget before the cycle, since nothing
 * can interrupt a slice — Go would preempt asynchronously).
 */

import { GC_MARK, GC_OFF, type Collector } from "./mgc.js";
import { ST_HEAP_LIVE } from "./mstats.js";
import type { GCTriggerKind } from "./mgcpacer.js";
import { MarkWorkerMode } from "./mgcpacer.js";

/** What the collector needs from the runtime server (mserver.ts MServer). */
export interface GCServer {
  /** Returns once every M is stopped at a safe point; nests. */
  stopTheWorld(): void;
  startTheWorld(): void;
  /** Goroutine g's stack may be scanned now: no M runs it. */
  gStopped(g: number): boolean;
  /** Some M is running bytecode right now (statistics: mark work that overlapped mutators). */
  anyMRunning(): boolean;
  /** A cycle starts (world stopped): empty every M's allocation cache. */
  gcCycleStarting(): void;
  /** Ms run slices of at most `budget` safe points from their next slice on (0: their default). */
  setCheckInBudget(budget: number): void;
  /** Some worker M was spawned (before that there is nothing to stop: mserverrun.ts). */
  msStarted(): boolean;
  /** World stopped: take back the mark jobs of Ms stopped at their OP_MARKDONE (mgcidle.ts). */
  collectMarkJobs(): void;
}

/**
 * Longest dedicated mark slice of the server (ns). Trade-off: a request posted during a slice
 * waits for it (latency of every M's natives and allocations) vs slices per cycle; 100 µs keeps
 * the added latency near one loaded round trip (17–45 µs) × 2–5.
 */
export const MARK_SLICE_NS = 100_000;
/** Scan work (bytes) between two clock reads in a slice: ≈ 10–40 µs at our mark rate. */
export const MARK_QUANTUM = 8 << 10;
/**
 * Budget of the Ms' run slices while a mark is under way (DEFAULT_BUDGET = 2^16 otherwise).
 * Trade-off: every slice end is a SCHED round trip (17–45 µs loaded), vs how long a G that
 * makes no request (binarytrees' nodes(): ≈ 50–100 ns per call) keeps its stack unscanned and
 * delays the stop for mark termination: 2^16 calls measured 2–10 ms there; 2^11 ≈ 0.1–0.2 ms.
 */
export const MARK_CHECKIN_BUDGET = 1 << 11;
/**
 * Fraction of the GC trigger from which the Ms already run short slices (MARK_CHECKIN_BUDGET)
 * before a cycle starts: the allocation that starts it stops the world, and a compute-bound M
 * would otherwise finish a whole default slice first. 0.9: ≈ the last tenth of each
 * allocation interval pays the extra slice ends.
 */
export const SOON_FRACTION = 0.9;

/** The collector's steps the server wraps with stop/start the world. */
interface CollectorInternals {
  sweepTermination(kind: GCTriggerKind, forced: boolean): void;
  gcMarkTermination(): void;
}

/** Drives one Collector's cycles for the runtime server. */
export class ThreadedGC {
  /** GODEBUG=gcstoptheworld ≥ 1: cycles keep the world stopped from start to end. */
  readonly wholeCycle: boolean;
  /** The world is held stopped by onMarkStuck until mark termination. */
  private held = false;
  /** The Ms' slice budget last published (0: their default). */
  private checkInBudget = 0;

  // ── statistics (tests, GORT_MTHREADS_STATS) ──
  /** Dedicated mark slices run / their scan work (bytes). */
  slices = 0;
  sliceWork = 0;
  /** Slices that began while some M was running bytecode, and their scan work. */
  overlappedSlices = 0;
  overlappedWork = 0;
  /** Deferred stacks scanned when their M checked in (checkIn). */
  checkInScans = 0;
  /** Mark phases finished inside a world held stopped by onMarkStuck (runtime.GC & co). */
  stuckMarks = 0;
  /** Mark terminations run without stopping the Ms (no gccheckmark, no held world). */
  unstoppedTerms = 0;
  /**
   * Longest wait for the Ms to stop (ns) and longest STW work after it, for sweep termination
   * [0] and mark termination [1]: a pause is the sum (GORT_MTHREADS_STATS=1 prints them).
   */
  readonly maxStopWaitNs = [0, 0];
  readonly maxStwWorkNs = [0, 0];

  constructor(
    readonly srv: GCServer,
    readonly gc: Collector,
  ) {
    this.wholeCycle = gc.debug.gcstoptheworld > 0;
    gc.marker.stackGate = (g: number) => srv.gStopped(g);
    if (!this.wholeCycle) {
      gc.serverMarks = true;
      gc.onMarkStuck = () => this.holdWorld();
    }
    const ci = gc as unknown as CollectorInternals;
    const sweepTerm = ci.sweepTermination.bind(gc);
    const markTerm = ci.gcMarkTermination.bind(gc);
    ci.sweepTermination = (kind, forced) => {
      const t0 = gc.nanotime();
      // (no M spawned yet: the program runs on this thread alone, nothing to stop)
      const stop = this.wholeCycle || srv.msStarted();
      if (stop) {
        gc.stwBeganAt = t0;
        srv.stopTheWorld();
      }
      const t1 = gc.nanotime();
      srv.gcCycleStarting();
      sweepTerm(kind, forced);
      if (!this.wholeCycle) {
        this.publishBudget(MARK_CHECKIN_BUDGET);
        if (stop) srv.startTheWorld();
      }
      this.noteSTW(0, t0, t1);
    };
    ci.gcMarkTermination = () => {
      const t0 = gc.nanotime();
      // The Ms are stopped only where something needs their Gs at a safe point: gccheckmark
      // re-marks from every stack (and whole-cycle / held worlds are stopped already). Else
      // the mark is final (only this thread shades) and nothing in termination touches what a
      // worker reads: the barrier flag may go off under a running M (a WB request it posted
      // meanwhile is served later as a plain store, the shade no longer needed), sweepgen and
      // mark bits are the server's, its allocation cache holds black objects.
      const stop = !this.wholeCycle && !this.held && gc.debug.gccheckmark > 0;
      if (stop) {
        gc.stwBeganAt = t0;
        srv.stopTheWorld();
      }
      const stopped = stop || this.wholeCycle || this.held;
      const t1 = gc.nanotime();
      this.held = false;
      markTerm();
      this.publishBudget(0);
      if (stopped) srv.startTheWorld();
      else this.unstoppedTerms++;
      this.noteSTW(1, t0, t1);
    };
  }

  /**
   * Whether the server marks in dedicated slices between requests (true once worker Ms run).
   * Before the first M is spawned the program is on this thread alone, as at GOMAXPROCS = 1:
   * the collector's own fractional worker and assists mark at slice ends (mserverrun.ts).
   */
  setServerMarks(on: boolean): void {
    if (!this.wholeCycle) this.gc.serverMarks = on;
  }

  private noteSTW(k: number, t0: number, t1: number): void {
    const t2 = this.gc.nanotime();
    if (t1 - t0 > this.maxStopWaitNs[k]!) this.maxStopWaitNs[k] = t1 - t0;
    if (t2 - t1 > this.maxStwWorkNs[k]!) this.maxStwWorkNs[k] = t2 - t1;
  }

  /** One line of statistics (GORT_MTHREADS_STATS=1). */
  statsLine(): string {
    const ms = (ns: number): string => (ns / 1e6).toFixed(3);
    return `mthreads gc: ${this.slices} mark slices (${this.overlappedSlices} while Ms ran), ${this.checkInScans} stacks scanned at check-in, ${this.stuckMarks} stuck marks, ${this.unstoppedTerms} mark terminations without stopping the Ms; STW max stop wait ${ms(this.maxStopWaitNs[0]!)}/${ms(this.maxStopWaitNs[1]!)} ms, max work ${ms(this.maxStwWorkNs[0]!)}/${ms(this.maxStwWorkNs[1]!)} ms (sweep/mark termination)\n`;
  }

  /** markToCompletion is stuck on running goroutines' stacks: stop the world until mark termination. */
  private holdWorld(): void {
    if (this.held) return;
    this.gc.stwBeganAt = this.gc.nanotime();
    this.srv.stopTheWorld();
    this.held = true;
    this.stuckMarks++;
    // (their grey objects, back in the queue, are drained inside this pause; taking the last
    // one back may itself finish the mark, which releases the world)
    this.srv.collectMarkJobs();
  }

  /**
   * The server loop's turn for the collector: one dedicated mark slice while a mark runs (then
   * mark termination when it completed). Returns true when it did something (the loop goes
   * round again instead of waiting on the doorbell).
   */
  markStep(): boolean {
    const gc = this.gc;
    if (this.wholeCycle) return false;
    if (this.held) {
      // Safety net: a held world outlived its markToCompletion (the mark did not complete
      // inside the pause, which the gate should make impossible): release it, keep marking.
      this.held = false;
      this.srv.startTheWorld();
    }
    if (gc.phase !== GC_MARK) {
      if (gc.phase === GC_OFF) this.checkSoon();
      return false;
    }
    const overlapped = this.srv.anyMRunning();
    const work = gc.dedicatedMarkSlice(MARK_SLICE_NS, MARK_QUANTUM);
    this.slices++;
    this.sliceWork += work;
    if (overlapped) {
      this.overlappedSlices++;
      this.overlappedWork += work;
    }
    return work > 0 || gc.phase !== GC_MARK;
  }

  /**
   * Off phase: short slices for the Ms once the live heap is within SOON_FRACTION of the trigger,
   * so that the stop for sweep termination (at the triggering allocation) finds them quickly.
   */
  private checkSoon(): void {
    const gc = this.gc;
    const soon = gc.heap.mem.f64[ST_HEAP_LIVE >>> 3]! >= SOON_FRACTION * gc.pacer.trigger();
    this.publishBudget(soon ? MARK_CHECKIN_BUDGET : 0);
  }

  /** Publishes the Ms' slice budget (mworker.ts MB_GC_BUDGET_WORD) when it changes. */
  private publishBudget(b: number): void {
    if (b === this.checkInBudget) return;
    this.checkInBudget = b;
    this.srv.setCheckInBudget(b);
  }

  /**
   * A MALLOC reply hands object p to a worker, where it may stay in JavaScript only (the
   * worker's runtime code — defer.ts boxing a panic value — allocates, then makes another
   * request, e.g. a barrier store, before p is in a frame). Each request is a chance for the
   * server to scan that G's stack, so p must not be white during a mark: allocated in the mark
   * it is black already; allocated in the call that started the cycle it is white — shade it.
   */
  handedOut(p: number): void {
    if (this.gc.phase === GC_MARK) this.gc.shadeIfMarking(p);
  }

  /**
   * An M checked in (its request is being served: its G is stopped): run the deferred stack
   * jobs that can run now, that G's included. Cheap when nothing is deferred.
   */
  checkIn(): void {
    const gc = this.gc;
    const m = gc.marker;
    if (m.deferredStacks.length === 0 || gc.phase !== GC_MARK) return;
    const n = m.stacksScanned;
    const t0 = gc.nanotime();
    m.retryDeferredStacks();
    gc.pacer.markWorkerStop(MarkWorkerMode.Dedicated, gc.nanotime() - t0);
    this.checkInScans += m.stacksScanned - n;
  }
}
