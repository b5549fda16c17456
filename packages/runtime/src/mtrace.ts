/**
 * mtrace.ts — the execution tracer while goroutines run on worker-thread Ms (mserver.ts,
 * MTHREADS.md "Controls and observability under threads"). Go counterpart: the per-P trace
 * buffers of runtime/trace.go and the ProcStart/ProcStop an M emits when it acquires or drops
 * a P (proc.go acquirep/releasep, via traceProcStart/traceProcStop).
 *
 * Every tracer hook still runs on the server thread (the only thread running runtime code), so
 * the Tracer needs no locks; what changes is WHERE an event goes. The parser keeps a per-P view
 * — each P's batches form one stream, and an event's goroutine is the one the last GoStart of
 * that stream started — so the server tells the tracer whose P it acts for (`Tracer.setP`)
 * whenever it serves M i's request or looks for work for M i: M i's P id (i, also for an M
 * retired by a smaller GOMAXPROCS until it checks in: its goroutine is still shown on its old
 * P, which the parser accepts — P ids need not stay below GOMAXPROCS). Then:
 *   - an idle M handed a goroutine: ProcStart (its thread id i + 1) and GoStart on its P;
 *   - an M with nothing left to run: ProcStop on its P (its G's GoBlock/GoEnd came before);
 *   - the in-loop switch after a park (the server picked the M's next G): GoStart;
 *   - M i busy but its P shown running another G or none (the server ran a GC mark slice "on" that
 *     P, shown as Go's mark worker goroutine preempting the G): GoStart of M i's G again before
 *     the server serves its next request (`atRequest`);
 *   - a trace started by runtime/trace.Start on one M: the tracer's start sequence covers the
 *     caller's P; `attach` adds ProcStart + GoStart for the Ps of the other busy Ms before the
 *     server emits anything else.
 * Timestamps come from one clock on one thread, strictly increasing across all Ps, so the
 * parser's merge by time and sequence number is consistent.
 */

import type { MServer } from "./mserver.js";
import type { Tracer } from "./trace.js";
import { OP_SCHED } from "./mworker.js";
import { RUN_YIELD } from "./vm/interp.js";
import { G_STATUS, GRUNNABLE, GRUNNING } from "./vm/g.js";

export class MTrace {
  private readonly srv: MServer;
  /** The tracer whose view of the Ms is up to date (null: none seen yet). */
  private known: Tracer | null = null;

  constructor(srv: MServer) {
    this.srv = srv;
  }

  /** The server acts for M i now (a request, or work looked for). Precondition: a tracer runs. */
  at(i: number): void {
    const t = this.srv.sched.tracer!;
    if (t !== this.known) this.attach(t);
    t.setP(i);
  }

  /**
   * The server takes M i's request `op`: events go to its P; and if the P shows another G or
   * none although M i's G is still running (a GC mark slice the server ran meanwhile was shown
   * as the mark worker's G preempting it), g is shown running again first, as Go's M resumes
   * its G after the worker. Only a G still running counts: status running, or runnable at a
   * budget-end SCHED (a parked, yielded or dead one was shown so by its own event).
   * Precondition: a tracer runs.
   */
  atRequest(i: number, op: number): void {
    this.at(i);
    const srv = this.srv;
    const t = srv.sched.tracer!;
    const g = srv.mG[i];
    if (g === 0 || srv.idle[i] || t.curG === g) return;
    const st = srv.sched.mem.u32[(g + G_STATUS) >>> 2];
    if (st !== GRUNNING && !(st === GRUNNABLE && op === OP_SCHED && srv.box.arg(i, 0) === RUN_YIELD)) return;
    t.procStart(i + 1);
    t.goStart(g);
  }

  /** A new trace: every busy M's P shown running its goroutine. */
  private attach(t: Tracer): void {
    this.known = t;
    const srv = this.srv;
    for (let k = 0; k < srv.n; k++) {
      if (srv.idle[k] || srv.mG[k] === 0) continue;
      t.setP(k);
      t.procStart(k + 1);
      t.goStart(srv.mG[k]);
    }
  }

  /** Idle M i takes goroutine g (or a reporting M goes on with g). Precondition: a tracer runs. */
  give(i: number, g: number): void {
    this.at(i);
    const t = this.srv.sched.tracer!;
    t.procStart(i + 1);
    t.goStart(g);
  }

  /** M i has nothing to run: its P stops. Precondition: a tracer runs. */
  idle(i: number): void {
    this.at(i);
    this.srv.sched.tracer!.procStop();
  }
}
