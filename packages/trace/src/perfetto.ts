/**
 * Export to the Chrome trace-event JSON format, which Perfetto (ui.perfetto.dev) and
 * chrome://tracing load: {"traceEvents": [...], "displayTimeUnit": "ns"}. Times are µs (float).
 *
 * Layout (pid / tid → track):
 *   pid 1 "Procs"       tid P           "Proc P": one slice per goroutine running span on P,
 *                                       named "G<id> <start function>" (GC workers by label)
 *                                       and CPU profile samples as instants
 *                       tid 10000+P     "Proc P GC": sweep slices (GCSweepStart → Done)
 *   pid 2 "Goroutines"  tid G           "G<id> <fn>": the goroutine's states back to back
 *                                       (runnable, running, blocked (chan recv)..., syscall),
 *                                       mark assists nested inside running, logs as instants
 *                       tid 1e9+G       "G<id> regions": user regions (nested by construction)
 *   pid 3 "Runtime"     tid 1 "GC"      GC cycles (GCStart → GCDone)
 *                       tid 2 "STW"     stop-the-world pauses, named by kind
 *                       counters        "Heap" (alloc, goal in bytes), "Goroutines" (running,
 *                                       runnable, waiting)
 *                       async "task"    user tasks (b/e pairs keyed by task id)
 *   flows (arrows, as in Go's viewer): "go" from a GoCreate to the new goroutine's first start,
 *   "unblock" from a GoUnblock by a running goroutine to the start it enables, both between
 *   goroutine tracks (s/f pairs, the end bound to the enclosing running slice)
 *
 * The nesting rule: on one track, two slices either nest (one inside the other) or do not
 * overlap. Each track above is fed by a state machine that closes a slice before opening the
 * next, and children (assists) are clipped to their parent, so the rule holds by construction;
 * checkNesting verifies it on the produced JSON, converting times to integer ns the way
 * Perfetto's importer does (round(ts×1000), round(dur×1000)). STW and GC cycles are on separate
 * tracks because a mark-termination STW straddles GCDone.
 */
import { Ev } from "./events.js";
import type { Trace } from "./parser.js";

/** One Chrome trace event (the subset we write). */
export interface ChromeEvent {
  name: string;
  ph: "X" | "i" | "C" | "M" | "b" | "e" | "s" | "f";
  pid: number;
  tid?: number;
  /** µs */
  ts?: number;
  /** µs, for "X" */
  dur?: number;
  cat?: string;
  id?: string;
  s?: "t" | "p" | "g";
  /** flow end binding: "e" = the enclosing slice */
  bp?: "e";
  args?: Record<string, string | number>;
}

export interface ChromeTrace {
  traceEvents: ChromeEvent[];
  displayTimeUnit: "ns";
  otherData: Record<string, string>;
}

const PID_PROCS = 1;
const PID_GS = 2;
const PID_RT = 3;
const TID_PGC = 10000;
const TID_REGIONS = 1e9;

const us = (ns: number) => ns / 1000;

/** What a goroutine is waiting for after each blocking event, as the slice name shows it. */
function blockName(type: number): string {
  switch (type) {
    case Ev.GoBlockSend:
      return "blocked (chan send)";
    case Ev.GoBlockRecv:
      return "blocked (chan recv)";
    case Ev.GoBlockSelect:
      return "blocked (select)";
    case Ev.GoBlockSync:
      return "blocked (sync)";
    case Ev.GoBlockCond:
      return "blocked (sync.Cond)";
    case Ev.GoBlockNet:
      return "blocked (network)";
    case Ev.GoBlockGC:
      return "blocked (GC assist)";
    case Ev.GoSleep:
      return "sleeping";
    case Ev.GoSysBlock:
      return "syscall (blocking)";
    default:
      return "blocked";
  }
}

interface Open {
  name: string;
  since: number;
  args?: Record<string, string | number>;
}

/** Builds the Chrome trace-event document for a parsed trace, in memory. */
export function toPerfetto(tr: Trace, source = ""): ChromeTrace {
  const traceEvents: ChromeEvent[] = [];
  const otherData = exportPerfetto(tr, source, (e) => traceEvents.push(e));
  return { traceEvents, displayTimeUnit: "ns", otherData };
}

/**
 * Streams the trace events of the export to sink (in no particular time order; viewers sort)
 * and returns the document's otherData. For big traces: the whole document as one JSON string
 * can exceed V8's maximum string length (~512 MB, about 5 M events), so writers serialise the
 * events one by one (see the CLI's services/trace.ts).
 */
export function exportPerfetto(tr: Trace, source: string, sink: (e: ChromeEvent) => void): Record<string, string> {
  const out = { push: sink };
  const end = tr.events.length === 0 ? 0 : tr.events[tr.events.length - 1].ts;
  const slice = (pid: number, tid: number, name: string, from: number, to: number, args?: Record<string, string | number>, cat?: string) => {
    const e: ChromeEvent = { name, ph: "X", pid, tid, ts: us(from), dur: us(to - from) };
    if (cat !== undefined) e.cat = cat;
    if (args !== undefined) e.args = args;
    out.push(e);
  };
  const meta = (pid: number, tid: number | undefined, kind: string, value: string | number) => {
    const e: ChromeEvent = { name: kind, ph: "M", pid, args: kind.endsWith("sort_index") ? { sort_index: value } : { name: value } };
    if (tid !== undefined) e.tid = tid;
    out.push(e);
  };

  // names: goroutine → start function, from GoCreate's new-goroutine stack
  const gname = new Map<number, string>();
  for (const ev of tr.events) {
    if (ev.type === Ev.GoCreate) {
      const fn = tr.stacks.get(ev.args[1])?.[0]?.fn;
      gname.set(ev.args[0], fn === undefined ? `G${ev.args[0]}` : `G${ev.args[0]} ${fn}`);
    }
  }
  const nameOf = (g: number) => gname.get(g) ?? `G${g}`;

  const gState = new Map<number, Open>(); // goroutine → current state slice
  const pRun = new Map<number, Open & { g: number }>(); // P → running goroutine slice
  const pSweep = new Map<number, Open>();
  const assist = new Map<number, number>(); // g → assist start (while running: start of the nested slice)
  const running = new Map<number, number>(); // g → P it runs on
  const regions = new Map<number, Open[]>();
  const tasks = new Map<number, string>();
  const seenG = new Set<number>();
  const seenP = new Set<number>();
  let gcOpen: Open | null = null;
  let stwOpen: Open | null = null;
  let flowId = 0;
  const flow = (name: string, fromG: number, at: number, toG: number, to: number) => {
    const id = `${name}${++flowId}`;
    out.push({ name, ph: "s", cat: "flow", id, pid: PID_GS, tid: fromG, ts: us(at) });
    out.push({ name, ph: "f", bp: "e", cat: "flow", id, pid: PID_GS, tid: toG, ts: us(to) });
  };
  let nRunning = 0;
  let nRunnable = 0;
  let nWaiting = 0;
  const kindOf = (name: string) => (name === "running" ? 1 : name.startsWith("runnable") ? 2 : 3);
  const count = (name: string, d: number) => {
    const k = kindOf(name);
    if (k === 1) nRunning += d;
    else if (k === 2) nRunnable += d;
    else nWaiting += d;
  };

  const setState = (g: number, name: string, t: number, args?: Record<string, string | number>) => {
    seenG.add(g);
    const cur = gState.get(g);
    if (cur !== undefined) {
      slice(PID_GS, g, cur.name, cur.since, t, cur.args);
      count(cur.name, -1);
    }
    if (name === "") gState.delete(g);
    else {
      gState.set(g, { name, since: t, args });
      count(name, 1);
    }
  };
  const closeAssistSlice = (g: number, t: number) => {
    const a = assist.get(g);
    if (a !== undefined && running.has(g)) slice(PID_GS, g, "GC mark assist", Math.max(a, gState.get(g)?.since ?? a), t, undefined, "gc");
  };
  const stopRunning = (g: number, p: number, t: number) => {
    closeAssistSlice(g, t);
    running.delete(g);
    const r = pRun.get(p);
    if (r !== undefined && r.g === g) {
      slice(PID_PROCS, p, r.name, r.since, t, r.args);
      pRun.delete(p);
    }
  };

  for (const ev of tr.events) {
    const t = ev.ts;
    switch (ev.type) {
      case Ev.GoCreate:
        setState(ev.args[0], "runnable", t);
        if (ev.g !== 0 && ev.link !== null) flow("go", ev.g, t, ev.args[0], ev.link.ts);
        break;
      case Ev.GoWaiting:
        setState(ev.g, "waiting", t);
        break;
      case Ev.GoInSyscall:
        setState(ev.g, "syscall", t);
        break;
      case Ev.GoStart:
      case Ev.GoStartLabel: {
        const label = ev.type === Ev.GoStartLabel ? ev.sargs[0] : "";
        setState(ev.g, "running", t, { P: ev.p });
        seenP.add(ev.p);
        running.set(ev.g, ev.p);
        if (assist.has(ev.g)) assist.set(ev.g, t);
        pRun.set(ev.p, { g: ev.g, name: label !== "" && label !== "Not worker" ? `${nameOf(ev.g)} [${label}]` : nameOf(ev.g), since: t, args: { G: ev.g } });
        break;
      }
      case Ev.GoEnd:
      case Ev.GoStop:
        stopRunning(ev.g, ev.p, t);
        setState(ev.g, "", t);
        assist.delete(ev.g);
        if (ev.type === Ev.GoEnd) {
          // regions still open when the goroutine exits end with it (as Go's parser links them)
          const stk = regions.get(ev.g) ?? [];
          for (let i = stk.length - 1; i >= 0; i--) slice(PID_GS, TID_REGIONS + ev.g, stk[i].name, stk[i].since, t, stk[i].args, "region");
          stk.length = 0;
        }
        break;
      case Ev.GoSched:
      case Ev.GoPreempt:
        stopRunning(ev.g, ev.p, t);
        setState(ev.g, ev.type === Ev.GoSched ? "runnable (Gosched)" : "runnable (preempted)", t);
        break;
      case Ev.GoSleep:
      case Ev.GoBlock:
      case Ev.GoBlockSend:
      case Ev.GoBlockRecv:
      case Ev.GoBlockSelect:
      case Ev.GoBlockSync:
      case Ev.GoBlockCond:
      case Ev.GoBlockNet:
      case Ev.GoBlockGC:
      case Ev.GoSysBlock:
        stopRunning(ev.g, ev.p, t);
        setState(ev.g, blockName(ev.type), t);
        break;
      case Ev.GoUnblock:
        setState(ev.args[0], "runnable", t, ev.g !== 0 ? { "woken by": nameOf(ev.g) } : undefined);
        if (ev.g !== 0 && ev.link !== null) flow("unblock", ev.g, t, ev.args[0], ev.link.ts);
        break;
      case Ev.GoSysExit:
        setState(ev.g, "runnable", t, { after: "syscall" });
        break;
      case Ev.GoSysCall:
        out.push({ name: "syscall", ph: "i", s: "t", pid: PID_GS, tid: ev.g, ts: us(t) });
        break;
      case Ev.GCMarkAssistStart:
        assist.set(ev.g, t);
        break;
      case Ev.GCMarkAssistDone:
        closeAssistSlice(ev.g, t);
        assist.delete(ev.g);
        break;
      case Ev.GCSweepStart:
        pSweep.set(ev.p, { name: "sweep", since: t });
        seenP.add(ev.p);
        break;
      case Ev.GCSweepDone: {
        const s = pSweep.get(ev.p);
        if (s !== undefined) {
          slice(PID_PROCS, TID_PGC + ev.p, "sweep", s.since, t, { swept: ev.args[0], reclaimed: ev.args[1] }, "gc");
          pSweep.delete(ev.p);
        }
        break;
      }
      case Ev.GCStart:
        gcOpen = { name: `GC ${ev.args[0]}`, since: t };
        break;
      case Ev.GCDone:
        if (gcOpen !== null) slice(PID_RT, 1, gcOpen.name, gcOpen.since, t, undefined, "gc");
        gcOpen = null;
        break;
      case Ev.GCSTWStart:
        stwOpen = { name: `STW (${ev.sargs[0]})`, since: t };
        break;
      case Ev.GCSTWDone:
        if (stwOpen !== null) slice(PID_RT, 2, stwOpen.name, stwOpen.since, t, undefined, "gc");
        stwOpen = null;
        break;
      case Ev.HeapAlloc:
        out.push({ name: "Heap", ph: "C", pid: PID_RT, ts: us(t), args: { alloc: ev.args[0] } });
        break;
      case Ev.HeapGoal:
        out.push({ name: "Heap", ph: "C", pid: PID_RT, ts: us(t), args: { goal: ev.args[0] } });
        break;
      case Ev.UserTaskCreate:
        tasks.set(ev.args[0], ev.sargs[0]);
        out.push({ name: ev.sargs[0], ph: "b", cat: "task", id: `task${ev.args[0]}`, pid: PID_RT, ts: us(t), args: { task: ev.args[0], parent: ev.args[1] } });
        break;
      case Ev.UserTaskEnd: {
        const name = tasks.get(ev.args[0]);
        if (name !== undefined) {
          out.push({ name, ph: "e", cat: "task", id: `task${ev.args[0]}`, pid: PID_RT, ts: us(t) });
          tasks.delete(ev.args[0]);
        }
        break;
      }
      case Ev.UserRegion: {
        let stk = regions.get(ev.g);
        if (stk === undefined) regions.set(ev.g, (stk = []));
        if (ev.args[1] === 0) stk.push({ name: ev.sargs[0], since: t, args: { task: ev.args[0] } });
        else {
          const r = stk.pop();
          if (r !== undefined) slice(PID_GS, TID_REGIONS + ev.g, r.name, r.since, t, r.args, "region");
        }
        break;
      }
      case Ev.CPUSample:
        // a profiling sample: an instant on the P it was taken on (none if it had no P)
        if (ev.p >= 0) {
          seenP.add(ev.p);
          out.push({ name: "CPU sample", ph: "i", s: "t", cat: "cpu", pid: PID_PROCS, tid: ev.p, ts: us(t), args: { G: ev.g, stack: (tr.stacks.get(ev.stk) ?? []).map((f) => f.fn).join(" ← ") } });
        }
        break;
      case Ev.UserLog:
        out.push({ name: `log ${ev.sargs[0]}`, ph: "i", s: "t", pid: PID_GS, tid: ev.g, ts: us(t), args: { message: ev.sargs[1], task: ev.args[0] } });
        break;
      default:
        continue;
    }
    if (ev.type <= Ev.GoInSyscall && ev.type >= Ev.GoCreate) {
      out.push({ name: "Goroutines", ph: "C", pid: PID_RT, ts: us(t), args: { running: nRunning, runnable: nRunnable, waiting: nWaiting } });
    }
  }
  // close whatever is still open at the end of the trace
  for (const [p, r] of pRun) {
    closeAssistSlice(r.g, end);
    slice(PID_PROCS, p, r.name, r.since, end, r.args);
  }
  for (const [g, s] of gState) slice(PID_GS, g, s.name, s.since, end, s.args);
  for (const [p, s] of pSweep) slice(PID_PROCS, TID_PGC + p, s.name, s.since, end, undefined, "gc");
  if (gcOpen !== null) slice(PID_RT, 1, gcOpen.name, gcOpen.since, end, undefined, "gc");
  if (stwOpen !== null) slice(PID_RT, 2, stwOpen.name, stwOpen.since, end, undefined, "gc");
  for (const [g, stk] of regions) {
    // innermost first, so the ones still open end at the goroutine's end or the trace's
    for (let i = stk.length - 1; i >= 0; i--) slice(PID_GS, TID_REGIONS + g, stk[i].name, stk[i].since, end, stk[i].args, "region");
  }
  for (const [id, name] of tasks) out.push({ name, ph: "e", cat: "task", id: `task${id}`, pid: PID_RT, ts: us(end) });

  // track names and order
  meta(PID_PROCS, undefined, "process_name", "Procs");
  meta(PID_PROCS, undefined, "process_sort_index", 1);
  meta(PID_GS, undefined, "process_name", "Goroutines");
  meta(PID_GS, undefined, "process_sort_index", 2);
  meta(PID_RT, undefined, "process_name", "Runtime (GC, heap, tasks)");
  meta(PID_RT, undefined, "process_sort_index", 0);
  meta(PID_RT, 1, "thread_name", "GC");
  meta(PID_RT, 2, "thread_name", "STW");
  for (const p of [...seenP].sort((a, b) => a - b)) {
    meta(PID_PROCS, p, "thread_name", `Proc ${p}`);
    meta(PID_PROCS, p, "thread_sort_index", 2 * p);
    meta(PID_PROCS, TID_PGC + p, "thread_name", `Proc ${p} GC`);
    meta(PID_PROCS, TID_PGC + p, "thread_sort_index", 2 * p + 1);
  }
  for (const g of [...seenG].sort((a, b) => a - b)) {
    meta(PID_GS, g, "thread_name", nameOf(g));
    meta(PID_GS, g, "thread_sort_index", 2 * g);
    if (regions.has(g)) {
      meta(PID_GS, TID_REGIONS + g, "thread_name", `${nameOf(g)} regions`);
      meta(PID_GS, TID_REGIONS + g, "thread_sort_index", 2 * g + 1);
    }
  }
  return { source, producer: "gort trace --perfetto", format: `Go execution trace ${Math.floor(tr.version / 1000)}.${tr.version % 1000}` };
}

/** A violation of the nesting rule found by checkNesting. */
export interface NestingViolation {
  pid: number;
  tid: number;
  a: string;
  b: string;
  /** ns */
  at: number;
}

/**
 * Checks trace events for the document's structure and the nesting rule: every "X" slice has
 * numeric ts ≥ 0 and dur ≥ 0, and on each (pid, tid) track any two slices are nested or
 * disjoint, with times rounded to integer ns as Perfetto imports them. Feed events with add(),
 * then result(); checkNesting does both for a whole document.
 */
export class NestingChecker {
  private readonly tracks = new Map<string, { s: number; e: number; name: string; pid: number; tid: number }[]>();
  private slices = 0;
  private readonly errors: string[] = [];

  add(raw: unknown): void {
    const e = raw as Partial<ChromeEvent>;
    if (typeof e !== "object" || e === null || typeof e.ph !== "string" || typeof e.pid !== "number" || typeof e.name !== "string") {
      this.errors.push(`event without ph/pid/name: ${JSON.stringify(raw)?.slice(0, 80)}`);
      return;
    }
    if (e.ph === "M") return;
    if (typeof e.ts !== "number" || !Number.isFinite(e.ts) || e.ts < 0) {
      this.errors.push(`${e.ph} event "${e.name}" has bad ts ${String(e.ts)}`);
      return;
    }
    if (e.ph !== "X") return;
    if (typeof e.dur !== "number" || !(e.dur >= 0) || typeof e.tid !== "number") {
      this.errors.push(`slice "${e.name}" has bad dur or tid`);
      return;
    }
    this.slices++;
    const s = Math.round(e.ts * 1000);
    const key = `${e.pid}/${e.tid}`;
    let list = this.tracks.get(key);
    if (list === undefined) this.tracks.set(key, (list = []));
    list.push({ s, e: s + Math.round(e.dur * 1000), name: e.name, pid: e.pid, tid: e.tid });
  }

  result(): { slices: number; tracks: number; violations: NestingViolation[]; errors: string[] } {
    const violations: NestingViolation[] = [];
    for (const list of this.tracks.values()) {
      list.sort((x, y) => x.s - y.s || y.e - x.e);
      const stack: typeof list = [];
      for (const sl of list) {
        while (stack.length > 0 && stack[stack.length - 1].e <= sl.s) stack.pop();
        const top = stack[stack.length - 1];
        if (top !== undefined && sl.e > top.e) {
          violations.push({ pid: sl.pid, tid: sl.tid, a: top.name, b: sl.name, at: sl.s });
          continue;
        }
        stack.push(sl);
      }
    }
    return { slices: this.slices, tracks: this.tracks.size, violations, errors: this.errors };
  }
}

/** NestingChecker over a whole parsed document; reports a document without traceEvents. */
export function checkNesting(doc: unknown): { slices: number; tracks: number; violations: NestingViolation[]; errors: string[] } {
  if (typeof doc !== "object" || doc === null || !Array.isArray((doc as { traceEvents?: unknown }).traceEvents)) {
    return { slices: 0, tracks: 0, violations: [], errors: ["not a trace-event document: no traceEvents array"] };
  }
  const c = new NestingChecker();
  for (const e of (doc as { traceEvents: unknown[] }).traceEvents) c.add(e);
  return c.result();
}
