/**
 * schedtrace.ts — GODEBUG=schedtrace=X and scheddetail=1: Go 1.19's scheduler report
 * (proc.go `schedtrace`, printed by sysmon), written afresh for gort's scheduler.
 * Format reference: /work/shared/reference/schedtrace.md.
 *
 * WHEN. Go's sysmon prints a report whenever `now ≥ lasttrace + X ms`; the first report sets
 * the time origin, so it always reads `SCHED 0ms`. gort has no sysmon thread yet, so the
 * scheduler polls the clock instead (`SchedTrace.poll`):
 *   - once before goroutine 1 runs (Go's first report comes from sysmon's start, before
 *     main.main),
 *   - at every budget end (RUN_YIELD) — a goroutine spinning in `for {}` still reaches one
 *     every DEFAULT_BUDGET back-edges (≈ 0.1–1 ms), so reports keep their period,
 *   - every GLOBAL_CHECK_TICKS-th schedule (a program that only parks and never spends a budget),
 *   - around idle sleeps: findRunnable never sleeps past the next report's deadline
 *     (`untilDue`), as Go's sysmon keeps reporting while every P is idle.
 * Reports therefore drift late by at most one budget slice, like Go's (sysmon sleeps up to
 * 10 ms). On a fatal error (deadlock, unrecovered panic, throw) with schedtrace > 0 or
 * scheddetail > 0 one extra detailed report is printed (Go's startpanic_m) — the scheduler
 * calls `fatalReport`.
 *
 * With goroutines on worker-thread Ms (GOMAXPROCS > 1, MTHREADS.md) the runtime server installs
 * `threads` (mprocs.ts MSchedView: real M count, idle/spinning Ms, each M's P and G) and polls
 * the clock every loop turn; the rest of this comment is the one-thread report.
 *
 * WHAT THE FIGURES MEAN IN GORT (one host thread, see THREADS.md):
 *   syscalltick      0 — no host call hands its P off yet (Go counts syscall exits).
 *   threads          1 — M0, the thread running the scheduler (Go also counts sysmon and
 *                    the template thread; gort has neither yet).
 *   spinningthreads  0, idlethreads 0 — a single M never spins or parks on the idle list.
 *   idleprocs        Ps whose status is _Pidle: all Ps but P0, plus P0 while the M sleeps
 *                    waiting for a timer (Sched marks it idle for the sleep).
 *   runqueue / [q…]  the global queue's length and each P's ring length (runnext excluded).
 * Detailed form: one P line per P (m=0 for the P the M holds), the M0 line (curg = the running
 * goroutine, lockedg = the goroutine wired by LockOSThread), then one G line per G record in
 * allgs (creation order, dead reusable records included, as Go's allgs). gort's system
 * goroutines (timer and finalizer functions, goids ≥ SYSTEM_GOID_BASE) are left out: they stand
 * for work Go does on the P without a goroutine of its own, and their goids would be noise.
 *
 * Rejected: a host timer (setInterval) — the VM never returns to the event loop while Go code
 * runs, so it would never fire; a separate reporter thread — it would read G and P records
 * while the M mutates them, which is what Go does (sysmon takes sched.lock and reads racily),
 * but it needs the worker-thread M first (issue 5, part B).
 */

import type { Sched } from "./proc.js";
import { G_LOCKED, P_GFREECNT, P_ID, P_SCHEDTICK, P_STATUS, PIDLE, WAIT_REASON_STRINGS } from "./runtime2.js";
import { G_GOID, G_STATUS, G_WAITREASON, GRUNNING } from "./vm/g.js";

/** Kinds of report: periodic, or the one a fatal error prints (SchedTrace.fatalReport). */
export type FatalKind = 0 | 1 | 2 | 3;
export const FATAL_NONE = 0;
export const FATAL_PANIC = 1;
export const FATAL_THROW = 2;
export const FATAL_SCHED = 3;

/** The scheduler's GODEBUG settings. */
export interface SchedDebug {
  /** Report period in ms (0 = off). */
  schedtrace: number;
  /** 1 = detailed reports. */
  scheddetail: number;
}

/**
 * schedtrace/scheddetail from a GODEBUG value by Go's rules (runtime1.go parsedebugvars):
 * comma-separated `name=value`, unknown names and non-integer values ignored, last one wins.
 */
export function parseSchedDebug(godebug: string | undefined): SchedDebug {
  const out: SchedDebug = { schedtrace: 0, scheddetail: 0 };
  if (godebug === undefined || godebug === "") return out;
  for (const item of godebug.split(",")) {
    const eq = item.indexOf("=");
    if (eq < 0) continue;
    const key = item.slice(0, eq);
    if (key !== "schedtrace" && key !== "scheddetail") continue;
    const v = item.slice(eq + 1);
    if (!/^-?\d+$/.test(v)) continue;
    const n = Number(v);
    if (n < -2147483648 || n > 2147483647) continue;
    out[key] = n;
  }
  return out;
}

/** Goroutine ids at or above this are gort's system goroutines (proc.ts SYSTEM_GOID_BASE). */
export const SYSTEM_GOID_BASE = 0x4000_0000;

/**
 * The report's text while goroutines run on worker-thread Ms (mprocs.ts MSchedView): the real
 * M count, idle and spinning Ms, each M's P and G. Installed by the runtime server.
 */
export interface SchedThreadsView {
  format(ms: number, detailed: boolean, kind: FatalKind): string;
}

/** Periodic scheduler reports of one Sched. Construct only when schedtrace > 0 or scheddetail > 0. */
export class SchedTrace {
  private readonly sched: Sched;
  /** Report period in ns (0: only the fatal report). */
  readonly periodNs: number;
  readonly detail: boolean;
  private readonly print: (s: string) => void;
  /** Clock time of the first report (ns; −1 before it). Go's sched starttime. */
  private start: number;
  /** Clock time of the last report (ns). Valid once start ≥ 0. */
  private last: number;
  /** Reports printed (tests). */
  reports: number;
  /** Worker-thread Ms' view (mserver.ts installs it; null: the one-thread report below). */
  threads: SchedThreadsView | null = null;

  constructor(sched: Sched, dbg: SchedDebug, print: (s: string) => void) {
    this.sched = sched;
    this.periodNs = dbg.schedtrace > 0 ? dbg.schedtrace * 1e6 : 0;
    this.detail = dbg.scheddetail > 0;
    this.print = print;
    this.start = -1;
    this.last = 0;
    this.reports = 0;
  }

  /**
   * Prints a report if one is due at clock time `now` (ns). `curg` is the goroutine the M is
   * running at this point (0 from inside the scheduler): a G stopped at its budget end is
   * reported as running, as sysmon sees a G in the middle of its slice.
   */
  poll(now: number, curg: number): void {
    if (this.periodNs === 0) return;
    if (this.start >= 0 && now < this.last + this.periodNs) return;
    this.report(now, this.detail, FATAL_NONE, curg);
  }

  /** Nanoseconds from `now` until the next report is due (Infinity when periodic reports are off). */
  untilDue(now: number): number {
    if (this.periodNs === 0) return Infinity;
    if (this.start < 0) return 0;
    return Math.max(0, this.last + this.periodNs - now);
  }

  /**
   * The extra detailed report of a fatal error (Go's startpanic_m). `kind`: FATAL_PANIC (an
   * unrecovered panic: printed before "panic: …"; the M still runs the panicking G on its P),
   * FATAL_THROW (a throw from a running G: after "fatal error: …"), FATAL_SCHED (a throw from
   * the scheduler with no G running, e.g. deadlock: the P is already idle).
   */
  fatalReport(now: number, kind: FatalKind): void {
    this.report(now, true, kind, kind === FATAL_SCHED ? 0 : this.sched.curg);
  }

  /** Formats and prints one report at clock time `now`; `curg` as for poll. */
  report(now: number, detailed: boolean, kind: FatalKind, curg: number): void {
    if (this.start < 0) this.start = now;
    this.last = now;
    this.reports++;
    this.print(this.format(Math.floor((now - this.start) / 1e6), detailed, kind, curg));
  }

  /** The report text for time `ms` since the first report; `curg` as for poll. */
  format(ms: number, detailed: boolean, kind: FatalKind, curg: number): string {
    if (this.threads !== null) return this.threads.format(ms, detailed, kind);
    const dying = kind !== FATAL_NONE;
    const inSched = kind === FATAL_SCHED;
    const s = this.sched;
    const u32 = s.mem.u32;
    const ps = s.ps;
    let idle = 0;
    for (const p of ps) if (u32[(p + P_STATUS) >>> 2] === PIDLE) idle++;
    let out = `SCHED ${ms}ms: gomaxprocs=${ps.length} idleprocs=${idle} threads=1 spinningthreads=0 idlethreads=0 runqueue=${s.globrunqsize()}`;
    if (!detailed) {
      out += " [";
      for (let i = 0; i < ps.length; i++) out += (i > 0 ? " " : "") + s.runqlen(ps.at(i));
      return out + "]\n";
    }
    out += ` gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0\n`;
    const heldP = u32[(s.p + P_STATUS) >>> 2] === PIDLE ? -1 : u32[(s.p + P_ID) >>> 2];
    for (const p of ps) {
      const id = u32[(p + P_ID) >>> 2];
      out +=
        `  P${id}: status=${u32[(p + P_STATUS) >>> 2]} schedtick=${u32[(p + P_SCHEDTICK) >>> 2]}` +
        ` syscalltick=0 m=${id === heldP ? 0 : -1} runqsize=${s.runqlen(p)}` +
        ` gfreecnt=${u32[(p + P_GFREECNT) >>> 2]} timerslen=${id === 0 ? s.timers.len : 0}\n`;
    }
    const lockedg = s.lockedg === 0 ? -1 : u32[(s.lockedg + G_GOID) >>> 2];
    const curgid = curg === 0 ? -1 : u32[(curg + G_GOID) >>> 2];
    // Dying, Go's M has mallocing=1 and locks=2 (startpanic_m plus the print lock) and, for a
    // throw, throwing=1.
    const flag = dying ? 1 : 0;
    const throwing = kind === FATAL_THROW || inSched ? 1 : 0;
    out +=
      `  M0: p=${heldP} curg=${curgid} mallocing=${flag} throwing=${throwing} preemptoff= locks=${dying ? 2 : 0}` +
      ` dying=${flag} spinning=false blocked=false lockedg=${lockedg}\n`;
    for (const g of s.allgs) {
      const goid = u32[(g + G_GOID) >>> 2];
      if (goid >= SYSTEM_GOID_BASE) continue;
      const reason = WAIT_REASON_STRINGS[u32[(g + G_WAITREASON) >>> 2]] ?? "";
      const running = g === curg;
      const st = running ? GRUNNING : u32[(g + G_STATUS) >>> 2];
      out += `  G${goid}: status=${st}(${reason}) m=${running ? 0 : -1} lockedm=${u32[(g + G_LOCKED) >>> 2] !== 0 ? 0 : -1}\n`;
    }
    return out;
  }
}
