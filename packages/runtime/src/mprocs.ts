/**
 * mprocs.ts — runtime.GOMAXPROCS(n) and GODEBUG=schedtrace/scheddetail while goroutines run on
 * worker-thread Ms (mserver.ts, MTHREADS.md "Controls and observability under threads"). Go
 * counterparts: proc.go's GOMAXPROCS (stopTheWorldGC, newprocs, startTheWorldGC → procresize),
 * startm/stopm, and schedtrace (MSchedView below). CPU profiling: mprof.ts; tracer: mtrace.ts.
 *
 * MODEL. M i runs P i (mserver.ts pOf). Raising the P count starts the Ms the new Ps lack, up to
 * MAX_MS threads (Ps beyond it have no M of their own; the others steal from them, as before).
 * A new M is idle until its thread runs (0.3–0.5 s: the READY word, MServer.checkReady); work
 * stays queued on its P meanwhile and the other Ms steal it. Lowering the count stops the world
 * (every M at a safe point: a pending request or idle), runs Sched.procresize — a removed P's
 * runnable Gs go to the head of the global queue, its timers and free Gs to P0 — and starts the
 * world again. An M whose P went away keeps its current G until its next check-in (a SCHED
 * request: the G's budget end, park or exit); there the G goes to the global queue
 * (`retireG`) and the M idles for good, blocked in its mailbox, never given work again
 * (findWork returns 0 for an M without a P) until a later GOMAXPROCS gives it a P back. Until
 * that check-in its requests are served with P0 current (pOf), so anything it queues lands on
 * a live P. Ms are never terminated before the program ends: Go keeps its Ms too
 * (schedtrace's `threads` does not drop).
 *
 * As in Go, GOMAXPROCS(n) with n ≤ 0 or n equal to the current count only reports, without
 * stopping the world.
 *
 * Rejected: preempting a retiring M's G at once (replying to its pending native with "parked"):
 * the native would run again when the G resumes (the re-dispatch protocol of parking natives,
 * proc.ts), repeating its side effects; terminating a retired M's thread: a later GOMAXPROCS
 * would pay the 0.3–0.5 s start again, and Go does not free Ms either.
 */

import type { MServer } from "./mserver.js";
import type { Sched } from "./proc.js";
import type { SnapshotThreadsView } from "./snapshot.js";
import { MAX_MS } from "./mserver.js";
import { RUN_YIELD, type NativeFn } from "./vm/interp.js";
import { MB_REQ } from "./mailbox.js";
import { OP_SCHED } from "./mworker.js";
import { FATAL_NONE, FATAL_SCHED, FATAL_THROW, SYSTEM_GOID_BASE, type FatalKind, type SchedThreadsView } from "./schedtrace.js";
import { G_LOCKED, P_GFREECNT, P_ID, P_SCHEDTICK, P_STATUS, PIDLE, WAIT_REASON_STRINGS } from "./runtime2.js";
import { G_GOID, G_STATUS, G_WAITREASON, GRUNNING } from "./vm/g.js";

/**
 * At server start: replaces the server VM's runtime.GOMAXPROCS native by the thread-aware one
 * (see the file comment) and gives schedtrace the Ms' view.
 */
export function installMProcs(srv: MServer): void {
  const sched = srv.sched;
  const view = new MSchedView(srv);
  if (sched.trace !== null) sched.trace.threads = view; // GODEBUG=schedtrace's view of the Ms
  sched.threadsView = view; // the dashboard's and gort top's (snapshot.ts)
  const vm = sched.vm;
  const idx = sched.image.img.natives.indexOf("runtime.GOMAXPROCS");
  if (idx < 0 || idx >= vm.natives.length) return;
  const orig: NativeFn = vm.natives[idx];
  vm.natives[idx] = (v, g, args, res) => {
    const n = v.mem.i64[args >>> 3];
    const want = n > 0n ? Number(BigInt.asIntN(32, n)) : 0;
    if (want <= 0 || want === sched.gomaxprocs) {
      orig(v, g, args, res);
      return;
    }
    srv.stopTheWorld();
    try {
      orig(v, g, args, res); // Sched.procresize (and the tracer's Gomaxprocs event)
      if (sched.gc !== null) sched.gc.setProcs(sched.gomaxprocs); // gctrace's P count, CPU accounting
    } finally {
      srv.startTheWorld();
    }
    startMs(srv);
  };
}

/** Starts the Ms the current P count lacks (at most MAX_MS threads in all). */
export function startMs(srv: MServer): void {
  const want = Math.min(srv.sched.gomaxprocs, MAX_MS, srv.cap);
  for (let i = srv.n; i < want; i++) srv.startM(i);
}

/**
 * SCHED of an M whose P went away, with its G still wanting to run (budget spent, nothing else
 * runnable): the G goes to the global queue for the remaining Ps. Returns 0 (no G for this M).
 */
export function retireG(srv: MServer, g: number): number {
  const sched = srv.sched;
  if (sched.tracer !== null) sched.tracer.goPreempt(g);
  sched.metrics.latency.enqueued(g);
  sched.globrunqput(g);
  return 0;
}

/**
 * Takes back the schedtick an idle M's fruitless findWork counted (the server looks for work for
 * idle Ms every loop turn, ≤ 2 ms apart): Go counts a schedtick per G executed, and schedtrace
 * shows it.
 */
export function unTick(sched: Sched, i: number): void {
  const u32 = sched.mem.u32;
  const a = (sched.ps.at(i) + P_SCHEDTICK) >>> 2;
  u32[a] = (u32[a] - 1) >>> 0;
}

/**
 * GODEBUG=schedtrace/scheddetail while Ms run on worker threads (Go's schedtrace layout,
 * reference/schedtrace.md). The server prints the reports (its loop polls the clock between
 * requests, so they stay on time while every M is busy); each figure is read at that moment:
 *
 *   threads          worker Ms started + 1: M0 is the server thread (the program's main thread:
 *                    it holds no P and runs no goroutine, like Go's sysmon), worker M i is M(i+1)
 *   idlethreads      Ms blocked in their mailbox waiting for work (idle, or retired by a
 *                    smaller GOMAXPROCS)
 *   spinningthreads  Ms whose goroutine parked or exited and whose request for the next one is
 *                    posted but not served yet: out of work, looking for more (Go's spinning
 *                    M); a budget-end check-in is not counted (its G goes on)
 *   idleprocs, [q…]  P statuses and run queues as the server keeps them
 * Detailed form: P lines with the M holding each P, M lines newest first (M0 last), G lines with
 * the M running each G (a G stopped at its budget end, waiting for its M's request, counts as
 * running on that M — what Go's sysmon sees mid-slice).
 */
export class MSchedView implements SchedThreadsView, SnapshotThreadsView {
  constructor(private readonly srv: MServer) {}

  // ── snapshot.ts (taken between requests and slices: the server runs no goroutine then) ──

  pCurg(id: number): number {
    const srv = this.srv;
    if (id >= srv.n || srv.idle[id] || srv.mG[id] === 0) return 0;
    return srv.sched.mem.u32[(srv.mG[id] + G_GOID) >>> 2];
  }

  threads(): number {
    // the server thread and the Ms spawned so far (most programs spawn none: mserverrun.ts)
    let k = 1;
    for (let i = 0; i < this.srv.n; i++) if (this.srv.spawned[i]) k++;
    return k;
  }

  spinning(): number {
    let k = 0;
    for (let i = 0; i < this.srv.n; i++) if (!this.srv.idle[i] && this.spinning1(i)) k++;
    return k;
  }

  idle(): number {
    let k = 0;
    for (let i = 0; i < this.srv.n; i++) if (this.srv.idle[i] && this.srv.spawned[i]) k++;
    return k;
  }

  /** Index of the worker M running g, or −1. */
  private mOf(g: number): number {
    const srv = this.srv;
    if (g === 0) return -1;
    for (let i = 0; i < srv.n; i++) if (srv.mG[i] === g && !srv.idle[i]) return i;
    return -1;
  }

  /** M i's goroutine stopped (parked or exited) and it asks for the next: out of work, looking. */
  private spinning1(i: number): boolean {
    const box = this.srv.box;
    return box.state(i) === MB_REQ && box.op(i) === OP_SCHED && box.arg(i, 0) !== RUN_YIELD;
  }

  format(ms: number, detailed: boolean, kind: FatalKind): string {
    const srv = this.srv;
    const s = srv.sched;
    const u32 = s.mem.u32;
    const ps = s.ps;
    let idleP = 0;
    for (let k = 0; k < ps.length; k++) if (u32[(ps.at(k) + P_STATUS) >>> 2] === PIDLE) idleP++;
    const idleM = this.idle();
    const spinM = this.spinning();
    let out = `SCHED ${ms}ms: gomaxprocs=${ps.length} idleprocs=${idleP} threads=${this.threads()} spinningthreads=${spinM} idlethreads=${idleM} runqueue=${s.globrunqsize()}`;
    if (!detailed) {
      out += " [";
      for (let k = 0; k < ps.length; k++) out += (k > 0 ? " " : "") + s.runqlen(ps.at(k));
      return out + "]\n";
    }
    out += ` gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0\n`;
    for (let k = 0; k < ps.length; k++) {
      const p = ps.at(k);
      const id = u32[(p + P_ID) >>> 2];
      const m = id < srv.n && !srv.idle[id] ? id + 1 : -1;
      out +=
        `  P${id}: status=${u32[(p + P_STATUS) >>> 2]} schedtick=${u32[(p + P_SCHEDTICK) >>> 2]}` +
        ` syscalltick=0 m=${m} runqsize=${s.runqlen(p)}` +
        ` gfreecnt=${u32[(p + P_GFREECNT) >>> 2]} timerslen=${s.timers.of(p).len}\n`;
    }
    const dying = kind !== FATAL_NONE ? 1 : 0;
    const throwing = kind === FATAL_THROW || kind === FATAL_SCHED ? 1 : 0;
    const lockedg = s.lockedg === 0 ? -1 : u32[(s.lockedg + G_GOID) >>> 2];
    for (let i = srv.n - 1; i >= 0; i--) {
      if (!srv.spawned[i]) continue; // (no thread yet)
      const busy = !srv.idle[i];
      const g = busy ? srv.mG[i] : 0;
      // The M whose goroutine is dying is the requester the server was serving (sched.curg).
      const mine = dying === 1 && g !== 0 && g === s.curg;
      out +=
        `  M${i + 1}: p=${busy && i < ps.length ? i : -1} curg=${g === 0 ? -1 : u32[(g + G_GOID) >>> 2]}` +
        ` mallocing=${mine ? 1 : 0} throwing=${mine ? throwing : 0} preemptoff= locks=${mine ? 2 : 0} dying=${mine ? 1 : 0}` +
        ` spinning=${busy && this.spinning1(i)} blocked=${!busy} lockedg=-1\n`;
    }
    // M0: the server thread (runtime code only; it reports the scheduler's fatal errors).
    const m0 = kind === FATAL_SCHED;
    out +=
      `  M0: p=-1 curg=-1 mallocing=${m0 ? 1 : 0} throwing=${m0 ? 1 : 0} preemptoff= locks=${m0 ? 2 : 0} dying=${m0 ? 1 : 0}` +
      ` spinning=false blocked=false lockedg=${lockedg}\n`;
    for (const g of s.allgs) {
      const goid = u32[(g + G_GOID) >>> 2];
      if (goid >= SYSTEM_GOID_BASE) continue;
      const reason = WAIT_REASON_STRINGS[u32[(g + G_WAITREASON) >>> 2]] ?? "";
      const m = this.mOf(g);
      const st = m >= 0 && kind !== FATAL_SCHED ? GRUNNING : u32[(g + G_STATUS) >>> 2];
      out += `  G${goid}: status=${st}(${reason}) m=${m >= 0 ? m + 1 : -1} lockedm=${u32[(g + G_LOCKED) >>> 2] !== 0 ? 0 : -1}\n`;
    }
    return out;
  }
}
