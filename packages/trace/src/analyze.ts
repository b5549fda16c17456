/**
 * Whole-trace analyses behind `gort trace`: the summary (duration, goroutines, GC, per-P
 * utilisation), scheduler latency and the GC pause table. All take a parsed Trace (times in ns
 * since the first event) and return plain data; report.ts turns it into text.
 *
 * Definitions (chosen to match what Go's trace viewer shows):
 * - P busy time: the union of the goroutine running spans (GoStart → its linked stop event) on
 *   that P; a span without a stop runs to the end of the trace. GC worker spans (GoStartLabel)
 *   are counted separately as "GC worker" time, so busy = user + runtime goroutines + GC workers.
 * - Scheduler latency: for each GoCreate/GoUnblock/GoSysExit/GoSched/GoPreempt that made a
 *   goroutine runnable, the time until its linked GoStart (Go's "Scheduler latency profile" uses
 *   create and unblock; we report those and, separately, the rest).
 * - A GC pause is a stop-the-world span GCSTWStart → GCSTWDone; a GC cycle is GCStart → GCDone.
 */
import { EVENT_DESCS, Ev } from "./events.js";
import { isSystemGoroutine } from "./goroutines.js";
import type { Trace, TraceEvent } from "./parser.js";

export interface PUtil {
  p: number;
  /** ns a goroutine was running on this P (GC workers included). */
  busy: number;
  /** ns of that spent in GC mark workers (GoStartLabel spans). */
  gcWorker: number;
  /** Number of running spans. */
  spans: number;
}

export interface Summary {
  version: number;
  /** ns from the first to the last event. */
  duration: number;
  events: number;
  batches: number;
  goroutinesCreated: number;
  /** Goroutines whose start function is not in package runtime (runtime.main counts as user). */
  userGoroutines: number;
  /** Goroutines that ended (GoEnd/GoStop) within the trace. */
  goroutinesEnded: number;
  maxGomaxprocs: number;
  gcCycles: number;
  /** Total ns inside GC cycles. */
  gcTime: number;
  stwPauses: number;
  stwTotal: number;
  stwMax: number;
  heapPeak: number;
  heapGoalLast: number;
  procs: PUtil[];
  userTasks: number;
  userRegions: number;
  userLogs: number;
}

/** The end event of a running span (or null if it runs to the end of the trace). */
function spanEnd(ev: TraceEvent): number | null {
  return ev.link === null ? null : ev.link.ts;
}

export function summarize(tr: Trace): Summary {
  const evs = tr.events;
  const duration = evs.length === 0 ? 0 : evs[evs.length - 1].ts;
  const procs = new Map<number, PUtil>();
  const startFn = new Map<number, string>();
  let created = 0;
  let ended = 0;
  let maxProcs = 0;
  let gcCycles = 0;
  let gcTime = 0;
  let stwPauses = 0;
  let stwTotal = 0;
  let stwMax = 0;
  let heapPeak = 0;
  let heapGoalLast = 0;
  let tasks = 0;
  let regions = 0;
  let logs = 0;
  for (const ev of evs) {
    switch (ev.type) {
      case Ev.GoCreate:
        created++;
        startFn.set(ev.args[0], tr.stacks.get(ev.args[1])?.[0]?.fn ?? "");
        break;
      case Ev.GoEnd:
      case Ev.GoStop:
        ended++;
        break;
      case Ev.GoStart:
      case Ev.GoStartLabel: {
        let pu = procs.get(ev.p);
        if (pu === undefined) procs.set(ev.p, (pu = { p: ev.p, busy: 0, gcWorker: 0, spans: 0 }));
        const d = (spanEnd(ev) ?? duration) - ev.ts;
        pu.busy += d;
        pu.spans++;
        if (ev.type === Ev.GoStartLabel && ev.sargs[0].startsWith("GC ")) pu.gcWorker += d;
        break;
      }
      case Ev.Gomaxprocs:
        maxProcs = Math.max(maxProcs, ev.args[0]);
        break;
      case Ev.GCStart:
        gcCycles++;
        gcTime += (spanEnd(ev) ?? duration) - ev.ts;
        break;
      case Ev.GCSTWStart: {
        const d = (spanEnd(ev) ?? duration) - ev.ts;
        stwPauses++;
        stwTotal += d;
        stwMax = Math.max(stwMax, d);
        break;
      }
      case Ev.HeapAlloc:
        heapPeak = Math.max(heapPeak, ev.args[0]);
        break;
      case Ev.HeapGoal:
        heapGoalLast = ev.args[0];
        break;
      case Ev.UserTaskCreate:
        tasks++;
        break;
      case Ev.UserRegion:
        if (ev.args[1] === 0) regions++;
        break;
      case Ev.UserLog:
        logs++;
        break;
    }
  }
  let user = 0;
  for (const fn of startFn.values()) if (!isSystemGoroutine(fn)) user++;
  return {
    version: tr.version,
    duration,
    events: evs.length,
    batches: tr.batchCount,
    goroutinesCreated: created,
    userGoroutines: user,
    goroutinesEnded: ended,
    maxGomaxprocs: maxProcs,
    gcCycles,
    gcTime,
    stwPauses,
    stwTotal,
    stwMax,
    heapPeak,
    heapGoalLast,
    procs: [...procs.values()].sort((a, b) => a.p - b.p),
    userTasks: tasks,
    userRegions: regions,
    userLogs: logs,
  };
}

/** One "became runnable → started" wait. */
export interface Wakeup {
  g: number;
  /** Event that made the goroutine runnable (GoCreate, GoUnblock, GoSysExit, GoSched, GoPreempt). */
  cause: number;
  /** Function at the top of the waker's stack ("" if none). */
  site: string;
  at: number;
  latency: number;
}

export interface LatencyReport {
  /** Waits after GoCreate/GoUnblock: what Go's scheduler latency profile measures. */
  wakeups: Wakeup[];
  /** Waits after GoSched/GoPreempt/GoSysExit (reported separately). */
  other: Wakeup[];
}

export function schedLatency(tr: Trace): LatencyReport {
  const wakeups: Wakeup[] = [];
  const other: Wakeup[] = [];
  for (const ev of tr.events) {
    let g: number;
    switch (ev.type) {
      case Ev.GoCreate:
      case Ev.GoUnblock:
        g = ev.args[0];
        break;
      case Ev.GoSysExit:
      case Ev.GoSched:
      case Ev.GoPreempt:
        g = ev.g;
        break;
      default:
        continue;
    }
    const start = ev.link;
    if (start === null || (start.type !== Ev.GoStart && start.type !== Ev.GoStartLabel)) continue;
    const w: Wakeup = { g, cause: ev.type, site: tr.stacks.get(ev.stk)?.[0]?.fn ?? "", at: ev.ts, latency: start.ts - ev.ts };
    if (ev.type === Ev.GoCreate || ev.type === Ev.GoUnblock) wakeups.push(w);
    else other.push(w);
  }
  return { wakeups, other };
}

/** Latency histogram over power-of-two-ish buckets: upper bounds 1, 2, 5 × 10^k ns. */
export interface Histogram {
  /** Upper bound (exclusive) of each bucket in ns; the last bucket is unbounded (Infinity). */
  bounds: number[];
  counts: number[];
}

export function histogram(values: readonly number[]): Histogram {
  const bounds: number[] = [];
  for (let e = 2; e <= 10; e++) for (const m of [1, 2, 5]) bounds.push(m * 10 ** e);
  bounds.push(Infinity);
  const counts = new Array<number>(bounds.length).fill(0);
  for (const v of values) {
    let i = 0;
    while (v >= bounds[i]) i++;
    counts[i]++;
  }
  // trim empty buckets at both ends, keeping the bounds meaningful
  let lo = 0;
  while (lo < counts.length - 1 && counts[lo] === 0) lo++;
  let hi = counts.length - 1;
  while (hi > lo && counts[hi] === 0) hi--;
  return { bounds: bounds.slice(lo, hi + 1), counts: counts.slice(lo, hi + 1) };
}

/** The q-quantile (0..1) of values by the nearest-rank method; 0 for no values. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

export interface GCPause {
  /** GC cycle number (GCStart seq) the pause belongs to, -1 if outside a cycle. */
  cycle: number;
  start: number;
  duration: number;
  kind: string;
}

export interface GCCycle {
  seq: number;
  start: number;
  /** ns until GCDone, or until the trace ends if it did not finish (done false). */
  duration: number;
  done: boolean;
  /** HeapAlloc last seen before the cycle started (0 if none). */
  heapBefore: number;
  /** The heap goal the cycle set (first HeapGoal after its start; 0 if none). */
  goal: number;
}

export interface GCReport {
  pauses: GCPause[];
  cycles: GCCycle[];
}

export function gcReport(tr: Trace): GCReport {
  const pauses: GCPause[] = [];
  const cycles: GCCycle[] = [];
  const end = tr.events.length === 0 ? 0 : tr.events[tr.events.length - 1].ts;
  let heap = 0;
  let cur: GCCycle | null = null;
  let pendingSweepTerm: GCPause | null = null;
  for (const ev of tr.events) {
    switch (ev.type) {
      case Ev.HeapAlloc:
        heap = ev.args[0];
        break;
      case Ev.HeapGoal: {
        const c = cycles[cycles.length - 1];
        if (c !== undefined && c.goal === 0) c.goal = ev.args[0];
        break;
      }
      case Ev.GCStart:
        cur = { seq: ev.args[0], start: ev.ts, duration: (ev.link?.ts ?? end) - ev.ts, done: ev.link !== null, heapBefore: heap, goal: 0 };
        cycles.push(cur);
        // the sweep-termination STW that started this cycle is written just before GCStart
        if (pendingSweepTerm !== null) pendingSweepTerm.cycle = cur.seq;
        break;
      case Ev.GCDone:
        cur = null;
        break;
      case Ev.GCSTWStart: {
        const p: GCPause = { cycle: cur?.seq ?? -1, start: ev.ts, duration: (ev.link?.ts ?? end) - ev.ts, kind: ev.sargs[0] };
        pauses.push(p);
        pendingSweepTerm = cur === null && ev.args[0] === 1 ? p : null;
        break;
      }
    }
  }
  return { pauses, cycles };
}

/** Name of an event type (for reports). */
export function evName(type: number): string {
  return EVENT_DESCS[type]?.name ?? `type${type}`;
}
