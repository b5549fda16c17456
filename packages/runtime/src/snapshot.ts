/**
 * snapshot.ts — structured pictures of a running scheduler and collector, for the live
 * dashboard (`gort run --dash`, `gort top`) and anything else that watches a program from
 * outside: Ps with their status, current goroutine and run-queue lengths, the global queue,
 * Ms, the goroutine count, and the collector's recent cycles (the figures gctrace prints),
 * heap live and goal, pauses and GC CPU share.
 *
 * Snapshots are plain data (JSON-safe: numbers, strings, arrays), so they can cross a thread
 * boundary with postMessage. Taking one reads the P records in linear memory and the
 * collector's counters; it never allocates in the Go heap and never changes the program.
 *
 * `SnapshotMonitor` takes one every `periodNs` of clock time. The scheduler polls it where it
 * polls schedtrace (budget ends, idle sleeps: `Sched.monitor`), since the VM never returns to
 * the host's event loop while Go code runs. The same poll reads a control word the watcher
 * writes (`MonitorControl`): force a GC, or stop the program as SIGINT would.
 */
import type { GCTraceRecord } from "./gctrace.js";
import type { Sched } from "./proc.js";
import { P_ID, P_RUNNEXT, P_RUNQHEAD, P_RUNQTAIL, P_STATUS, PDEAD, PIDLE, PRUNNING } from "./runtime2.js";
import { G_GOID } from "./vm/g.js";

/** One P as the dashboard draws it. */
export interface ProcSnapshot {
  id: number;
  /** Go's names: idle, running, syscall, gcstop, dead */
  status: string;
  /** goid of the goroutine running on it (0: none) */
  curg: number;
  /** local run queue length (ring, runnext excluded) */
  runq: number;
  /** a goroutine waits in runnext */
  runnext: boolean;
}

/** The collector part of a snapshot. */
export interface GCSnapshot {
  numGC: number;
  numForcedGC: number;
  /** bytes */
  heapAlloc: number;
  heapGoal: number;
  heapSys: number;
  heapObjects: number;
  stackInuse: number;
  sys: number;
  totalAlloc: number;
  mallocs: number;
  frees: number;
  /** share of CPU time spent in the GC since the program started (0..1) */
  gcCPUFraction: number;
  pauseTotalNs: number;
  /** the most recent stop-the-world pauses (ns), oldest first */
  pausesNs: number[];
  /** the most recent completed cycles (gctrace's figures), oldest first */
  cycles: GCTraceRecord[];
  /** GOGC (-1 = off) */
  gogc: number;
}

/** Everything the dashboard shows at one instant. */
export interface RuntimeSnapshot {
  /** clock time since the monitor started (ns) */
  timeNs: number;
  gomaxprocs: number;
  procs: ProcSnapshot[];
  globalRunq: number;
  /** Ms: worker-thread Ms + 1 (the program's thread), as schedtrace counts them */
  threads: number;
  runningThreads: number;
  spinningThreads: number;
  idleThreads: number;
  /** runtime.NumGoroutine() */
  goroutines: number;
  gc: GCSnapshot | null;
}

const STATUS_NAMES = ["idle", "running", "syscall", "gcstop", "dead"];

/** Most recent pauses and cycles carried per snapshot. */
const SNAP_PAUSES = 64;
const SNAP_CYCLES = 12;

/** The Ms as the runtime server sees them (mprocs.ts MSchedView). */
export interface SnapshotThreadsView {
  /** Goroutine id M i runs on P id (0: none). */
  pCurg(id: number): number;
  threads(): number;
  spinning(): number;
  idle(): number;
}

/** Reads the scheduler's and the collector's state into a snapshot. */
export function takeSnapshot(sched: Sched, timeNs: number): RuntimeSnapshot {
  const u32 = sched.mem.u32;
  const tv = sched.threadsView;
  const procs: ProcSnapshot[] = [];
  let running = 0;
  for (const p of sched.ps) {
    const status = u32[(p + P_STATUS) >>> 2];
    if (status === PDEAD) continue;
    const id = u32[(p + P_ID) >>> 2];
    const held = p === sched.p && sched.curg !== 0 && status === PRUNNING;
    const curg = tv !== null ? tv.pCurg(id) : held ? Number(u32[(sched.curg + G_GOID) >>> 2]) : 0;
    if (curg !== 0) running++;
    procs.push({
      id,
      status: STATUS_NAMES[status] ?? String(status),
      curg,
      runq: (u32[(p + P_RUNQTAIL) >>> 2] - u32[(p + P_RUNQHEAD) >>> 2]) >>> 0,
      runnext: u32[(p + P_RUNNEXT) >>> 2] !== 0,
    });
  }
  procs.sort((a, b) => a.id - b.id);
  return {
    timeNs,
    gomaxprocs: sched.gomaxprocs,
    procs,
    globalRunq: sched.globrunqsize(),
    threads: tv !== null ? tv.threads() : 1,
    runningThreads: running,
    spinningThreads: tv !== null ? tv.spinning() : 0,
    idleThreads: tv !== null ? tv.idle() : 0,
    goroutines: sched.numGoroutine(),
    gc: sched.gc === null ? null : gcSnapshot(sched),
  };
}

function gcSnapshot(sched: Sched): GCSnapshot {
  const gc = sched.gc!;
  const ms = gc.readMemStats();
  const n = Math.min(gc.npauses, SNAP_PAUSES, gc.pauses.length);
  const pausesNs: number[] = [];
  for (let i = gc.npauses - n; i < gc.npauses; i++) pausesNs.push(gc.pauses[i % gc.pauses.length]);
  const gogc = gc.pacer.gcPercent < 0 ? -1 : gc.pacer.gcPercent;
  return {
    numGC: ms.NumGC,
    numForcedGC: ms.NumForcedGC,
    heapAlloc: ms.HeapAlloc,
    heapGoal: ms.NextGC,
    heapSys: ms.HeapSys,
    heapObjects: ms.HeapObjects,
    stackInuse: ms.StackInuse,
    sys: ms.Sys,
    totalAlloc: ms.TotalAlloc,
    mallocs: ms.Mallocs,
    frees: ms.Frees,
    gcCPUFraction: ms.GCCPUFraction,
    pauseTotalNs: ms.PauseTotalNs,
    pausesNs,
    cycles: gc.recentCycles.slice(-SNAP_CYCLES).map((r) => ({ ...r })),
    gogc,
  };
}

/** Control words a watcher writes (Int32Array over a SharedArrayBuffer, or a plain one in tests). */
export const CTL_GC = 0; // nonzero: run a GC cycle (runtime.GC) at the next poll, then cleared
export const CTL_STOP = 1; // nonzero: end the program at the next poll with this exit status
export const CTL_REQ = 2; // nonzero: a request (REQ_*) answered at the next poll through onRequest, then cleared
export const CTL_WORDS = 3;

/** Requests through CTL_REQ. */
export const REQ_GOROUTINES = 1; // every goroutine's stack, as a deadlock or SIGQUIT prints them
export const REQ_MEMSTATS = 2; // runtime.ReadMemStats
export const REQ_CAPTURE = 3; // a CPU profile and an execution trace of the next few seconds

/** Periodic snapshots of one scheduler, handed to `sink`; polled by the scheduler. */
export class SnapshotMonitor {
  private readonly sched: Sched;
  readonly periodNs: number;
  private readonly sink: (s: RuntimeSnapshot) => void;
  private readonly control: Int32Array | null;
  private start = -1;
  private last = 0;
  /** snapshots taken (tests) */
  taken = 0;
  /** the exit status the watcher asked for (-1: keep running) */
  stopCode = -1;
  /** answers CTL_REQ requests (at a safe point: every goroutine's state is saved) */
  onRequest: ((req: number) => void) | null = null;

  constructor(sched: Sched, periodNs: number, sink: (s: RuntimeSnapshot) => void, control: Int32Array | null = null) {
    this.sched = sched;
    this.periodNs = periodNs;
    this.sink = sink;
    this.control = control;
  }

  /**
   * Called by the scheduler at its safe points with the clock time (ns): obeys the control
   * words, and takes a snapshot when one is due. Returns an exit status when the watcher asked
   * the program to stop, else -1.
   */
  poll(now: number): number {
    const ctl = this.control;
    if (ctl !== null) {
      const stop = Atomics.load(ctl, CTL_STOP);
      if (stop !== 0) return (this.stopCode = stop);
      if (Atomics.load(ctl, CTL_GC) !== 0) {
        Atomics.store(ctl, CTL_GC, 0);
        if (this.sched.gc !== null) this.sched.gc.GC();
      }
      const req = ctl[CTL_REQ] !== 0 ? Atomics.exchange(ctl, CTL_REQ, 0) : 0;
      if (req !== 0 && this.onRequest !== null) this.onRequest(req);
    }
    if (this.start >= 0 && now < this.last + this.periodNs) return -1;
    if (this.start < 0) this.start = now;
    this.last = now;
    this.taken++;
    this.sink(takeSnapshot(this.sched, now - this.start));
    return -1;
  }

  /** Nanoseconds from `now` until the next snapshot is due (bounds the scheduler's idle sleeps). */
  untilDue(now: number): number {
    if (this.start < 0) return 0;
    return Math.max(0, this.last + this.periodNs - now);
  }

  /** A last snapshot (at exit), whatever the period. */
  final(): void {
    const now = this.sched.clock.now();
    if (this.start < 0) this.start = now;
    this.taken++;
    this.sink(takeSnapshot(this.sched, now - this.start));
  }
}

/** Status names of P records (tests, text output). */
export function procStatusName(status: number): string {
  return status === PIDLE ? "idle" : (STATUS_NAMES[status] ?? String(status));
}
