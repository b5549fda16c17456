/**
 * mserverrun.ts — the runtime server runs goroutines itself when there is no parallelism to
 * use, and spawns the worker Ms only once there is (MTHREADS.md "Fewer round trips"). On by
 * default; GORT_MTHREADS_ADAPTIVE=0 turns it off (the worker-M tests do, to test the Ms).
 * No Go counterpart (Go's Ms start in microseconds and run runtime code themselves).
 *
 * WHY. (1) A worker costs 0.1–0.5 s before it can run a goroutine (new isolate, loading the
 * module — in dev the whole 2 MB CLI bundle —, deserialising the 1.5 MB image; measured with
 * GORT_MTHREADS_STATS=1: image decode ~1 ms, VM 1–13 ms, the rest is thread + module +
 * workerData), and the server used to wait for every M before running anything. (2) On an M
 * every channel operation, newproc and scheduling decision is a round trip to this thread
 * (≈ 1 µs quiet, 17–45 µs loaded); a chain of handoffs (unbuffered ping-pong, a sieve, a mutex
 * handoff) has no parallelism to gain from it, only the round trips to lose.
 *
 * POLICY. Every M idle (no M owns a G) and at most one G runnable: the server runs it on its
 * own VM, one budget slice at a time, exactly as the one-thread scheduler does (the P = 1
 * park switch runs handoffs inline). An M whose G parks or ends while every other M is idle
 * and nothing else is runnable does not get the next G: the server keeps it (`keepOrGive`)
 * and the M goes idle. Two or more runnable Gs at a slice end: dispatchIdle hands them to the
 * idle Ms again (`holdBack` says no more) and the server stops running bytecode. The Ms are
 * spawned the first time a slice ends with another G runnable — a program that never has two
 * runnable goroutines never starts a thread —, and until they are ready the server simply
 * goes on running slices.
 *
 * A SLICE: the next runnable G for P 0 (findWork(0): local queue, global queue, stealing from
 * the other Ps), one `vm.run`, then the same after-run bookkeeping an M's SCHED gets
 * (afterRun: park, Goexit, main's exit, budget end with netpoll, timers, GC poll,
 * preemption). A G still runnable goes back to P 0's runnext.
 *
 * SOUNDNESS.
 *   - Nothing runs bytecode on another thread while the server runs a slice: every M is idle
 *     (blocked in its mailbox wait, state SERVING), and an M gets a G only through a server
 *     reply (dispatchIdle / give / a served request), none of which happens during a slice. So the server VM's one-thread natives (atomic.ts's plain
 *     read-modify-writes, the one-thread semaphores, the real write barrier) are exactly as
 *     sound as at GOMAXPROCS = 1, and the P=1 park switch (Sched.parkSwitch, sched.vm's park
 *     hook) works on P 0 as it does there.
 *   - Between slices every G is stopped with its state saved in its G record (pc, fp, ctx), so
 *     any VM can resume it: an M picks it up like a G migrating between Ms.
 *   - stop-the-world (GC sweep / mark termination inside an allocation of the slice) sees every
 *     M stopped (a starting M's mailbox state is SERVING), so it returns at once — the P=1
 *     situation. Marking: the G is not owned by an M (mG stays 0), so the collector treats it
 *     as stopped; inside the slice it is the running G of the server VM, scanned only at the
 *     safe point of an allocation, as the one-thread collector does.
 *   - print order: the server VM's print buffer is flushed after every slice, before any M can
 *     run the G (worker prints go straight to fd 2).
 *   - A G moves between the server and an M only while stopped, its state saved in its G
 *     record, like a G migrating between Ms.
 * What differs from P = 1 while the server runs: P 0 is the only P that runs (the other Ps
 * hold nothing unless stolen back), runtime.GOMAXPROCS(0) still says N. Known gap: a
 * PK_PLAIN panic's message index lives in the thread's PLAIN_ERRORS table; a G that panics
 * on one thread and recovers on another after a park inside a deferred call (rare) would
 * read an unregistered message — the same gap as between two Ms.
 *
 * Rejected: spawning the Ms before the compiler runs (the CLI would need a "prestart" API
 * and the workers a second channel for their data; and it still costs every program the
 * threads); one lean worker bundle alone (cuts module load ~60 % in dev — measured 92 → 35 ms
 * for a bare load — but not the wait).
 */

import type { Sched } from "./proc.js";
import type { MProf } from "./mprof.js";
import type { MTrace } from "./mtrace.js";
import { P_RUNNEXT, P_RUNQHEAD, P_RUNQTAIL, P_STATUS, PIDLE, PRUNNING } from "./runtime2.js";

/** The MServer members a server slice uses (private ones reached by name, as SchedInternals). */
export interface ServerRunHost {
  readonly sched: Sched;
  readonly ready: boolean[];
  n: number;
  startM(i: number): void;
}
interface HostInternals extends ServerRunHost {
  exit: number;
  mprof: MProf;
  mtrace: MTrace;
  mG: number[];
  idle: boolean[];
  pOf(i: number): number;
  findWork(i: number): number;
  afterRun(i: number, r: number, g: number): number;
  anyWork(): boolean;
}

/** Whether the server runs goroutines itself (no parallelism to use); spawns the Ms lazily. */
export class ServerRun {
  /** The policy is on (GORT_MTHREADS_ADAPTIVE is not "0"; else the server never runs bytecode). */
  readonly enabled: boolean;
  /** The Ms (0…n−1) are not spawned yet. */
  pending: boolean;
  /** Slices run on the server (statistics). */
  slices = 0;
  /** Gs the server kept for itself instead of handing them to an M (statistics). */
  kept = 0;
  /** A slice's vm.run is in progress: sched.curg runs on this thread. */
  private inSlice = false;

  constructor(enabled: boolean) {
    this.enabled = enabled;
    this.pending = enabled;
  }

  /**
   * True for the G running on this thread inside a slice: the collector must not shrink its
   * stack (a native that allocates holds addresses of its frame's slots; the one-thread
   * scheduler's rule, proc.ts, Go's isShrinkStackSafe). The server's stack shrinker asks,
   * passing sched.curg.
   */
  running(g: number, curg: number): boolean {
    return this.inSlice && g === curg;
  }

  /** Spawns the Ms not spawned yet (M 0…n−1). */
  spawn(host: ServerRunHost): void {
    if (!this.pending) return;
    this.pending = false;
    for (let i = 0; i < host.n; i++) host.startM(i);
  }

  /** True when the server may run a slice: the policy is on and no M owns a G. */
  canRun(host: ServerRunHost): boolean {
    if (!this.enabled) return false;
    const h = host as HostInternals;
    for (let i = 0; i < h.n; i++) if (!h.idle[i]) return false;
    return true;
  }

  /**
   * The server is about to give `next` (0: nothing) to M i, which just reported (its G parked
   * or ended, or its slice ended). Keeps it for the server instead — P 0's runnext, M i goes
   * idle — when every other M is idle and nothing else is runnable: there is no parallelism to
   * use, and a slice on this thread costs no round trips. Returns what M i gets.
   */
  keepOrGive(host: ServerRunHost, i: number, next: number): number {
    if (!this.enabled || next === 0) return next;
    const h = host as HostInternals;
    for (let k = 0; k < h.n; k++) if (k !== i && !h.idle[k]) return next;
    if (h.anyWork()) return next;
    const sched = h.sched;
    sched.runqput(h.pOf(0), next, true);
    this.kept++;
    return 0;
  }

  /**
   * dispatchIdle asks whether to hold the runnable work back from the idle Ms: yes when every
   * M is idle and at most one G is runnable (the server runs it: `slice`).
   */
  holdBack(host: ServerRunHost): boolean {
    if (!this.canRun(host)) return false;
    return countRunnable(host as HostInternals, 2) < 2;
  }

  /**
   * Runs one slice of the next runnable G of P 0 on the server thread. Returns false when
   * nothing was runnable. Precondition: canRun(host).
   */
  slice(host: ServerRunHost): boolean {
    const h = host as HostInternals;
    const sched = h.sched;
    const p = h.pOf(0);
    sched.p = p;
    const g0 = h.findWork(0);
    if (g0 === 0) return false;
    this.slices++;
    const u32 = sched.mem.u32;
    u32[(p + P_STATUS) >>> 2] = PRUNNING;
    sched.curg = g0;
    sched.metrics.latency.running(g0);
    if (sched.tracer !== null) h.mtrace.give(0, g0); // P 0 shown running g0 (mtrace.ts)
    const profiling = sched.prof.cpuHz !== 0;
    if (profiling) h.mprof.sliceStart(); // CPU samples of the server's own slices (mprof.ts)
    const vm = sched.vm;
    this.inSlice = true;
    let r: number;
    try {
      r = vm.run(g0);
    } finally {
      this.inSlice = false;
    }
    const g = sched.curg; // (the park hook may have switched Gs inside run)
    if (profiling) h.mprof.sliceEnd(g, r);
    vm.flushPrint();
    sched.p = p;
    const again = h.afterRun(0, r, g);
    sched.curg = 0;
    if (h.exit >= 0) return true;
    // another G runnable besides the one that just ran (a yielded G is queued only when there
    // is one: afterRun): parallelism is possible, start the Ms
    const others = h.anyWork();
    if (again !== 0) sched.runqput(p, again, true); // still runnable: next slice, or an M
    sched.mem.u32[(p + P_STATUS) >>> 2] = PIDLE;
    if (this.pending && others) this.spawn(host);
    return true;
  }
}

/** Runnable Gs in every P's runnext and ring and the global queue, counted up to `limit`. */
function countRunnable(h: HostInternals, limit: number): number {
  const sched = h.sched;
  const u32 = sched.mem.u32;
  let n = sched.globrunqsize();
  const ps = sched.ps;
  for (let k = 0; k < ps.length && n < limit; k++) {
    const p = ps.at(k);
    if (u32[(p + P_RUNNEXT) >>> 2] !== 0) n++;
    n += (u32[(p + P_RUNQTAIL) >>> 2] - u32[(p + P_RUNQHEAD) >>> 2]) >>> 0;
  }
  return n;
}
