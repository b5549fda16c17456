/**
 * Minimum mutator utilisation (MMU): for a window size w, the worst fraction of CPU the program
 * (the "mutator") had available in any w-long stretch of the trace. The curve over window sizes
 * is the standard way to see GC's latency cost (Cheng & Blelloch 2001; Go's trace viewer has the
 * same page, built on internal/trace gc.go).
 *
 * Step 1, mutator utilisation u(t) ∈ [0,1], a step function (same accounting as Go's default
 * "STW + background workers + assists"): with N = GOMAXPROCS Ps, u = 1 − (Ps doing GC)/N, where a
 * P does GC while a stop-the-world is in progress (all Ps), while it runs a dedicated or
 * fractional mark worker (GoStartLabel "GC (dedicated|fractional)"; idle workers use otherwise
 * idle time and do not count) or while its goroutine runs a mark assist. At a timestamp with
 * several changes the lowest value is kept. The function ends with u = 0 at the last event.
 *
 * Step 2, MMU(w) = min over t of (1/w)·∫[t, t+w] u. The integral is piecewise linear in t with
 * breakpoints where t or t+w crosses a step of u, so the minimum is at one of those: we evaluate
 * the window starting at every step point and ending at every step point, using a prefix sum of
 * u and a binary search — exact, O(steps · log steps) per window size. (Go computes the same
 * quantity with a band-based lower-bound search, faster for huge traces and many windows; the
 * exact scan is simpler and fast enough for the ~40 window sizes a curve needs.)
 */
import { Ev } from "./events.js";
import type { Trace, TraceEvent } from "./parser.js";

export interface UtilPoint {
  /** ns since trace start. */
  t: number;
  /** Mutator utilisation from t until the next point. */
  u: number;
}

/** Mutator utilisation over time (see the file comment); empty if the trace has no Gomaxprocs. */
export function mutatorUtilization(tr: Trace): UtilPoint[] {
  const out: UtilPoint[] = [];
  if (tr.events.length === 0) return out;
  let nprocs = 0;
  let stw = 0;
  const gcOn = new Map<number, number>(); // P → number of GC activities on it
  const assists = new Set<number>(); // goroutines inside a mark assist
  const bgMark = new Set<number>(); // goroutines running as dedicated/fractional mark workers
  const spanEnd = new Map<number, TraceEvent | null>(); // G → event ending its running span
  const bump = (p: number, d: number) => gcOn.set(p, (gcOn.get(p) ?? 0) + d);
  const add = (t: number, u: number) => {
    const last = out[out.length - 1];
    if (last !== undefined) {
      if (last.u === u) return;
      if (last.t === t) {
        if (u < last.u) last.u = u;
        return;
      }
    }
    out.push({ t, u });
  };
  for (const ev of tr.events) {
    switch (ev.type) {
      case Ev.Gomaxprocs:
        if (nprocs === 0) add(ev.ts, 1);
        nprocs = ev.args[0];
        for (const p of [...gcOn.keys()]) if (p >= nprocs) gcOn.delete(p);
        break;
      case Ev.GCSTWStart:
        stw++;
        break;
      case Ev.GCSTWDone:
        stw--;
        break;
      case Ev.GCMarkAssistStart:
        bump(ev.p, 1);
        assists.add(ev.g);
        break;
      case Ev.GCMarkAssistDone:
        bump(ev.p, -1);
        assists.delete(ev.g);
        break;
      case Ev.GoStartLabel:
      case Ev.GoStart:
        if (ev.type === Ev.GoStartLabel && ev.sargs[0].startsWith("GC ") && ev.sargs[0] !== "GC (idle)") {
          bgMark.add(ev.g);
          bump(ev.p, 1);
        }
        if (assists.has(ev.g)) bump(ev.p, 1); // resumed inside an assist
        spanEnd.set(ev.g, ev.link);
        break;
      default:
        if (spanEnd.get(ev.g) !== ev) break;
        if (assists.has(ev.g)) bump(ev.p, -1); // blocked inside an assist
        if (bgMark.has(ev.g)) {
          bump(ev.p, -1);
          bgMark.delete(ev.g);
        }
        spanEnd.delete(ev.g);
    }
    if (nprocs === 0) continue;
    let gcPs = 0;
    if (stw > 0) gcPs = nprocs;
    else for (const n of gcOn.values()) if (n > 0) gcPs++;
    add(ev.ts, 1 - Math.min(gcPs, nprocs) / nprocs);
  }
  if (out.length > 0) add(tr.events[tr.events.length - 1].ts, 0);
  return out;
}

export interface MMUPoint {
  /** Window size in ns. */
  window: number;
  /** Minimum mutator utilisation over all windows of that size, 0..1. */
  mmu: number;
  /** Start (ns) of a window achieving the minimum. */
  at: number;
}

/** MMU for one window size over a utilisation function; null if the window exceeds the trace. */
export function mmuAt(util: readonly UtilPoint[], window: number): MMUPoint | null {
  const n = util.length;
  if (n < 2) return null;
  const t0 = util[0].t;
  const tEnd = util[n - 1].t;
  if (window <= 0 || window > tEnd - t0) return null;
  // cum[i] = ∫[t0, util[i].t] u
  const cum = new Float64Array(n);
  for (let i = 1; i < n; i++) cum[i] = cum[i - 1] + util[i - 1].u * (util[i].t - util[i - 1].t);
  const integral = (x: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (util[mid].t <= x) lo = mid;
      else hi = mid - 1;
    }
    return cum[lo] + util[lo].u * (x - util[lo].t);
  };
  let best = Infinity;
  let at = t0;
  const consider = (t: number) => {
    if (t < t0 || t + window > tEnd) return;
    const v = (integral(t + window) - integral(t)) / window;
    if (v < best) {
      best = v;
      at = t;
    }
  };
  for (let i = 0; i < n; i++) {
    consider(util[i].t);
    consider(util[i].t - window);
  }
  consider(tEnd - window);
  return { window, mmu: Math.min(1, Math.max(0, best)), at };
}

/** The MMU curve at window sizes 1, 2, 5 × 10^k ns from 1 µs up to the trace's length. */
export function mmuCurve(util: readonly UtilPoint[]): MMUPoint[] {
  const out: MMUPoint[] = [];
  for (let e = 3; e <= 12; e++) {
    for (const m of [1, 2, 5]) {
      const p = mmuAt(util, m * 10 ** e);
      if (p !== null) out.push(p);
    }
  }
  if (util.length >= 2) {
    const whole = mmuAt(util, util[util.length - 1].t - util[0].t);
    if (whole !== null && (out.length === 0 || out[out.length - 1].window < whole.window)) out.push(whole);
  }
  return out;
}
