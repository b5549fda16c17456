/**
 * mprof.ts — CPU profiling while goroutines run on worker-thread Ms (mserver.ts, MTHREADS.md
 * "Controls and observability under threads"). Go counterpart: the per-M SIGPROF handling of
 * runtime/signal_unix.go + cpuprof.go (every thread running Go code takes its own samples).
 *
 * CLOCK. The one ticker thread of prof.ts counts 1000/hz ms ticks into `Profiler.tick`. Each M
 * accounts for every tick once, on its own: `seen[i]` is the tick count M i has accounted
 * for. So with two Ms running, each tick gives two samples — one per M's goroutine — as Go's
 * per-thread profiling timers do (2 CPU-bound goroutines at GOMAXPROCS=2: ≈ 2 × 100 samples per
 * second of wall time).
 *
 * WHERE. A worker M cannot be interrupted, and its goroutine's frames are only consistent at a
 * safe point, so the server samples M i's goroutine whenever M i stops at one with a request:
 * SCHED after a budget end (innermost pc = G_PC; a CPU-bound goroutine gets there every
 * DEFAULT_BUDGET back-edges, ≈ 0.1–1 ms) or a park (saved return pcs), and every NATIVE call
 * (saved return pcs: the native's caller, as the one-thread profiler charges native time). The
 * M is stopped for the whole request, so reading its stack from the server is safe. k ticks
 * since M i's last sample give one sample of count k (the one-thread profiler's rule).
 *
 * IDLE. Ticks while an M waits for work are not its CPU time: `resume(i)` (the server hands an
 * idle M a goroutine) moves `seen[i]` to the current tick, dropping them. Ticks before the
 * profile started are dropped too (`Profiler.seen` holds the tick count at the start: the
 * one-thread path, which moves it, does not run while the server does).
 *
 * GC WORK (prof.ts RUNTIME WORK OUTSIDE GOROUTINES). The server's own mark slices and
 * background polls are sampled on its slot like its slices (`serverWorkStart` / `serverWork`);
 * an idle M's mark or sweep job is charged from the job's own clock when it comes back
 * (`jobDone`), with the GC's frames: the M waits for the server to take the result, and that
 * wait is not CPU time.
 *
 * Rejected: the worker recording its own stack into a per-M sample ring (a flag polled at its
 * budget checks): the worker would need the profiler's symbol and label tables or a ring
 * format the server decodes, for no gain in precision — the worker reaches a safe point no
 * sooner than its next request, which is where the server samples it anyway.
 */

import type { Sched } from "./proc.js";
import type { Mailbox } from "./mailbox.js";
import { OP_NATIVE, OP_SCHED } from "./mworker.js";
import { RUN_PARK, RUN_YIELD } from "./vm/interp.js";

export class MProf {
  private readonly sched: Sched;
  private readonly box: Mailbox;
  /** Tick count (Profiler.tick[0]) accounted for by each M; written by the server only. */
  private readonly seen: Int32Array;

  /** Ticks' fractions of each M's GC jobs not yet recorded (jobDone). */
  private readonly carry: Float64Array;

  /** seen[] index of the server thread's own slices (mserverrun.ts). */
  private readonly server: number;

  constructor(sched: Sched, box: Mailbox, ms: number) {
    this.sched = sched;
    this.box = box;
    this.seen = new Int32Array(ms + 1);
    this.carry = new Float64Array(ms + 1);
    this.server = ms;
  }

  /** The server runs a slice itself (mserverrun.ts): the ticks before it are not that G's. */
  sliceStart(): void {
    this.resume(this.server);
  }

  /** The server's own slice of g ended with run result r: g is sampled as an M's SCHED would be. */
  sliceEnd(g: number, r: number): void {
    if (r === RUN_YIELD || r === RUN_PARK) this.sample(this.server, g, r === RUN_YIELD);
  }

  /** The server takes M i's request `op` (profiling on): samples its goroutine at SCHED and NATIVE. */
  atRequest(i: number, op: number): void {
    const box = this.box;
    if (op === OP_NATIVE) this.sample(i, box.arg(i, 1) >>> 0, false);
    else if (op === OP_SCHED) {
      const r = box.arg(i, 0);
      if (r === RUN_YIELD || r === RUN_PARK) this.sample(i, box.arg(i, 1) >>> 0, r === RUN_YIELD);
    }
  }

  /** M i gets a goroutine after idling: the ticks it idled through are dropped. */
  resume(i: number): void {
    this.seen[i] = this.sched.prof.tick[0];
  }

  /** The server begins runtime work outside goroutines (a mark slice): earlier ticks are not its. */
  serverWorkStart(): void {
    this.resume(this.server);
  }

  /**
   * Idle M i's GC job (mgcidle.ts / mgcsweepjob.ts) of `kind` is back after `micros` of the M's
   * own time: that many ticks' worth get the GC's frames (fractions carried to its next job).
   * The job's own clock, not the ticks since it started: the M also waited for the server to
   * take its result, which is no CPU time. Precondition: profiling on.
   */
  jobDone(i: number, kind: number, micros: number): void {
    const prof = this.sched.prof;
    this.resume(i);
    const c = this.carry[i]! + (micros * prof.cpuHz) / 1e6;
    const n = Math.floor(c);
    this.carry[i] = c - n;
    if (n > 0) prof.cpuRecordSystem(kind, n);
  }

  /**
   * The server's runtime work `kind` (mgc.ts BG_*) outside goroutines since serverWorkStart: its
   * ticks get the GC's own frames (prof.ts RUNTIME WORK OUTSIDE GOROUTINES). Precondition:
   * profiling on.
   */
  serverWork(kind: number): void {
    const n = this.ticksSince(this.server);
    if (n > 0) this.sched.prof.cpuRecordSystem(kind, n);
  }

  /**
   * M i is stopped at a safe point in g (a request): charges the ticks since its last sample to
   * g's stack. `atPc`: g stopped at a budget end (innermost pc = G_PC). Precondition: profiling on.
   */
  sample(i: number, g: number, atPc: boolean): void {
    const n = this.ticksSince(i);
    if (n > 0) this.sched.prof.cpuRecord(g, atPc, n);
  }

  /** Ticks since slot i's last sample (not before the profile started), now accounted for. */
  private ticksSince(i: number): number {
    const prof = this.sched.prof;
    const now = prof.tick[0];
    let from = this.seen[i];
    if (((from - prof.seen) | 0) < 0) from = prof.seen; // not before the profile started
    const n = (now - from) | 0;
    if (n <= 0) return 0;
    this.seen[i] = now;
    return n;
  }
}
