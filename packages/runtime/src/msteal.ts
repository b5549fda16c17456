/**
 * msteal.ts — worker-thread Ms (MTHREADS.md "Fewer round trips"): an idle M does not steal a
 * P's runnext G the moment it appears. Go's counterpart: proc.go runqgrab, which sleeps ~3 µs
 * before taking runnext from a running P, "to ensure that pp isn't about to run the g we are
 * about to steal".
 *
 * WHY. A G made ready by the running G goes to that P's runnext (Sched.goready). When the
 * running G parks right after — an unbuffered channel handoff, a mutex handoff, a WaitGroup —
 * the server hands the runnext G to the same M in the very reply that parks the old one
 * (mserver.ts OP_NATIVE: park and pick the next G in one round trip). If instead an idle M
 * steals it at once (the server calls dispatchIdle after every request), every handoff becomes
 * a cross-thread wake (Atomics.notify of a sleeping thread: 20–50 µs on the loaded machine)
 * plus a SCHED round trip for the M whose G parked with nothing left to run. Measured on
 * /work/shared/bench/progs/pingpong 20000 at GOMAXPROCS=2: 40 000 SCHED requests and ~27 600 /
 * 12 400 Gs given to the two Ms, i.e. the two goroutines ping-ponged between threads.
 *
 * RULE. A runnext G of a P whose M is running (P_STATUS = PRUNNING) and whose ring is empty is
 * left alone for RUNNEXT_GRACE_US after the server first saw it there (per P: the G and the
 * time). Past that it is stolen as before, so a G readied by a goroutine that keeps computing
 * still gets another M after the grace. The rest of stealing (half the ring) is unchanged:
 * only runnext is shielded, by hiding it from Sched.stealWork for the duration of that call
 * (the server is the only thread that reads or writes P_RUNNEXT, so the hiding is invisible).
 *
 * The server loop sleeps at most until the earliest grace ends (`retryInMs`), so a shielded G
 * is not left waiting for the 2 ms busy wait when its owner M stays busy.
 *
 * Time is real (performance.now), not the scheduler's clock: the grace is about thread wake
 * latencies, not Go time, and a virtual clock in tests would otherwise never end it.
 */

import { P_RUNNEXT, P_RUNQHEAD, P_RUNQTAIL, P_STATUS, PRUNNING } from "./runtime2.js";
import type { LinearMemory } from "./mem.js";

/**
 * Grace before an idle M steals a running P's runnext (µs). Trade-off: a longer grace keeps
 * more handoffs on one M (no cross-thread wake, no SCHED) but leaves a core idle that long
 * when the readying G keeps running. Go uses 3 µs for real threads; a round trip here costs
 * ~1 µs quiet and 17–45 µs loaded, so the owner needs tens of µs to come back for its runnext.
 * Chosen by measurement (MTHREADS.md "Fewer round trips"); GORT_MTHREADS_GRACE_US overrides
 * (0 = steal at once, the previous behaviour).
 */
export const RUNNEXT_GRACE_US = 100;

/** Per-P record of the runnext G the server last saw and since when. */
export class RunnextGrace {
  private readonly graceMs: number;
  /** P address → runnext G first seen (0 = none). */
  private readonly seenG = new Map<number, number>();
  /** P address → performance.now() when seenG was first seen there. */
  private readonly seenAt = new Map<number, number>();
  /** Earliest performance.now() at which a shielded runnext becomes stealable (Infinity: none). */
  private retryAt = Infinity;

  constructor(graceUs: number = envGrace()) {
    this.graceMs = graceUs / 1000;
  }

  /**
   * Runs `steal(p)` (Sched.stealWork) with the fresh runnext Gs of running Ps other than p
   * hidden. `ps` lists every P address (Sched.ps). Returns what steal returned.
   */
  stealFor(mem: LinearMemory, ps: { readonly length: number; at(i: number): number }, p: number, steal: (p: number) => number): number {
    if (this.graceMs <= 0) return steal(p);
    const u32 = mem.u32;
    const now = performance.now();
    let hidden: number[] | null = null;
    for (let k = 0; k < ps.length; k++) {
      const v = ps.at(k);
      if (v === p) continue;
      const next = u32[(v + P_RUNNEXT) >>> 2];
      if (next === 0) continue;
      if (u32[(v + P_STATUS) >>> 2] !== PRUNNING || u32[(v + P_RUNQHEAD) >>> 2] !== u32[(v + P_RUNQTAIL) >>> 2]) continue;
      let at = this.seenAt.get(v) ?? 0;
      if (this.seenG.get(v) !== next) {
        this.seenG.set(v, next);
        this.seenAt.set(v, now);
        at = now;
      }
      const until = at + this.graceMs;
      if (now >= until) continue; // waited long enough: stealable
      if (until < this.retryAt) this.retryAt = until;
      (hidden ??= []).push(v, next);
      u32[(v + P_RUNNEXT) >>> 2] = 0;
    }
    if (hidden === null) return steal(p);
    const g = steal(p);
    const u = mem.u32; // (stealing does not grow memory; re-read anyway)
    for (let k = 0; k < hidden.length; k += 2) u[(hidden[k] + P_RUNNEXT) >>> 2] = hidden[k + 1];
    return g;
  }

  /** Milliseconds until the earliest shielded runnext becomes stealable (Infinity: none). */
  retryInMs(): number {
    if (this.retryAt === Infinity) return Infinity;
    const d = this.retryAt - performance.now();
    if (d <= 0) {
      this.retryAt = Infinity;
      return 0;
    }
    return d;
  }
}

function envGrace(): number {
  const s = typeof process !== "undefined" ? process.env.GORT_MTHREADS_GRACE_US : undefined;
  if (s === undefined || s === "") return RUNNEXT_GRACE_US;
  const v = Number(s);
  return Number.isFinite(v) && v >= 0 ? v : RUNNEXT_GRACE_US;
}
