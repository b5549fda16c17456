/**
 * otel.ts — the runtime's metrics as OpenTelemetry instruments (API only: the runtime depends on
 * @opentelemetry/api, never on the SDK; whoever embeds gort chooses the MeterProvider, exporter
 * and interval). Names, instrument types, units and descriptions follow the semantic conventions
 * for Go runtime metrics (opentelemetry.io/docs/specs/semconv/runtime/go-metrics, model/go/
 * metrics.yaml in open-telemetry/semantic-conventions). Design and status: METRICS.md.
 *
 *   name                          instrument      unit           from (runtime/metrics names)
 *   go.memory.used{go.memory.type} UpDownCounter  By             stack: /memory/classes/heap/stacks
 *                                                                + os-stacks; other: total − released − stack
 *   go.memory.limit               UpDownCounter   By             GOMEMLIMIT / SetMemoryLimit (absent when unset)
 *   go.memory.allocated           Counter         By             /gc/heap/allocs:bytes
 *   go.memory.allocations         Counter         {allocation}   /gc/heap/allocs:objects
 *   go.memory.gc.goal             UpDownCounter   By             /gc/heap/goal:bytes
 *   go.goroutine.count            UpDownCounter   {goroutine}    /sched/goroutines:goroutines
 *   go.processor.limit            UpDownCounter   {thread}       /sched/gomaxprocs:threads
 *   go.schedule.duration          Histogram       s              /sched/latencies:seconds
 *   go.config.gogc                UpDownCounter   %              GOGC / SetGCPercent (−1: off)
 *   opt-in:
 *   go.memory.gc.cycles           Counter         {gc_cycle}     /gc/cycles/total:gc-cycles
 *   go.memory.gc.pause.duration   Histogram       s              /gc/pauses:seconds
 *   go.cpu.time{go.cpu.state}     Counter         s              gc: the collector's CPU time;
 *                                                                user: process CPU − gc
 *
 * OBSERVATION. Every observable is fed by one batch callback that takes one MetricsSnapshot per
 * collection, so all values of a collection come from the same instant. The API has no
 * observable histogram, so the two histograms are synchronous instruments fed at collection
 * time with the runtime histogram's new counts since the previous collection: each new count is
 * recorded once at its bucket's midpoint, and the instrument is given the runtime's own bucket
 * boundaries as advice — so an SDK honouring the advice gets exactly the runtime's bucket counts
 * (the sum is approximate: ≤ 3.2 % off per observation, the half-width of a bucket).
 *
 * SOURCES. `source()` returns the snapshot to report (null: nothing yet). In-process (the
 * embedding API) it is `() => sched.metrics.snapshot()`, called between scheduler slices; under
 * `gort run --otel` the SDK lives on a worker thread and the source is the latest snapshot the
 * scheduler posted (packages/cli/src/services/runotel.ts).
 *
 * Only types come from @opentelemetry/api: loading the API costs tens of milliseconds, and
 * @gort/runtime is on every `gort run`'s startup path; the caller's Meter brings the API along.
 */
import type { Attributes, BatchObservableResult, Histogram, Meter, Observable, ValueType } from "@opentelemetry/api";
import { M, metricBuckets, type MetricsSnapshot } from "./metrics.js";
import { timeBucketMidSeconds } from "./metricshist.js";

/** Instrument metadata, exported for tests and documentation. */
export interface GoInstrumentSpec {
  name: string;
  kind: "counter" | "updowncounter" | "histogram";
  unit: string;
  description: string;
  optIn: boolean;
}

/** The semantic conventions' Go runtime instruments, in the order of the table above. */
export const GO_RUNTIME_INSTRUMENTS: readonly GoInstrumentSpec[] = [
  { name: "go.memory.used", kind: "updowncounter", unit: "By", description: "Memory used by the Go runtime.", optIn: false },
  { name: "go.memory.limit", kind: "updowncounter", unit: "By", description: "Go runtime memory limit configured by the user, if a limit exists.", optIn: false },
  { name: "go.memory.allocated", kind: "counter", unit: "By", description: "Memory allocated to the heap by the application.", optIn: false },
  { name: "go.memory.allocations", kind: "counter", unit: "{allocation}", description: "Count of allocations to the heap by the application.", optIn: false },
  { name: "go.memory.gc.goal", kind: "updowncounter", unit: "By", description: "Heap size target for the end of the GC cycle.", optIn: false },
  { name: "go.goroutine.count", kind: "updowncounter", unit: "{goroutine}", description: "Count of live goroutines.", optIn: false },
  { name: "go.processor.limit", kind: "updowncounter", unit: "{thread}", description: "The number of OS threads that can execute user-level Go code simultaneously.", optIn: false },
  {
    name: "go.schedule.duration",
    kind: "histogram",
    unit: "s",
    description: "The time goroutines have spent in the scheduler in a runnable state before actually running.",
    optIn: false,
  },
  { name: "go.config.gogc", kind: "updowncounter", unit: "%", description: "Heap size target percentage configured by the user, otherwise 100.", optIn: false },
  { name: "go.memory.gc.cycles", kind: "counter", unit: "{gc_cycle}", description: "Number of completed GC cycles.", optIn: true },
  {
    name: "go.memory.gc.pause.duration",
    kind: "histogram",
    unit: "s",
    description:
      "Distribution of individual GC-related stop-the-world pause latencies. This is the time from deciding to stop the world until the world is started again.",
    optIn: true,
  },
  { name: "go.cpu.time", kind: "counter", unit: "s", description: "Estimated CPU time spent by the Go runtime.", optIn: true },
];

export interface GoRuntimeMetricsOptions {
  /** Also register the opt-in instruments (go.memory.gc.cycles, go.memory.gc.pause.duration, go.cpu.time). */
  optIn?: boolean;
}

/** Handle returned by registerGoRuntimeMetrics. */
export interface GoRuntimeMetricsRegistration {
  /** Stops observing (the instruments stay registered with the meter, reporting nothing new). */
  unregister(): void;
}

/** @opentelemetry/api's ValueType.INT / DOUBLE (a numeric enum; see the header for why not imported). */
const INT = 0 as ValueType;
const DOUBLE = 1 as ValueType;

const STACK: Attributes = { "go.memory.type": "stack" };
const OTHER: Attributes = { "go.memory.type": "other" };
const CPU_GC: Attributes = { "go.cpu.state": "gc" };
const CPU_USER: Attributes = { "go.cpu.state": "user" };

/** Feeds a synchronous histogram with a runtime histogram's new counts (see OBSERVATION). */
class HistogramFeed {
  private last: number[] | null = null;
  constructor(
    readonly hist: Histogram,
    private readonly metric: number,
  ) {}

  feed(snap: MetricsSnapshot): void {
    const counts = snap.hists[this.metric];
    if (counts === null) return;
    const last = this.last;
    for (let k = 1; k < counts.length; k++) {
      const d = counts[k] - (last !== null ? last[k] : 0);
      if (d <= 0) continue;
      const v = timeBucketMidSeconds(k);
      for (let j = 0; j < d; j++) this.hist.record(v);
    }
    this.last = counts.slice();
  }
}

/** The runtime's finite time-histogram boundaries (seconds), as instrument advice. */
function timeAdvice(metric: number): number[] {
  return metricBuckets(metric).filter((b) => Number.isFinite(b));
}

/**
 * Creates the Go runtime instruments on `meter`, observing `source()` at each collection.
 * Precondition: source() may be called whenever the SDK collects (in-process: only while the
 * scheduler is between slices, which is always the case on the thread that runs it).
 */
export function registerGoRuntimeMetrics(meter: Meter, source: () => MetricsSnapshot | null, opts: GoRuntimeMetricsOptions = {}): GoRuntimeMetricsRegistration {
  const spec = (name: string): GoInstrumentSpec => {
    const s = GO_RUNTIME_INSTRUMENTS.find((x) => x.name === name);
    if (s === undefined) throw new Error(`otel.ts: no spec for ${name}`);
    return s;
  };
  const intOpts = (name: string): { unit: string; description: string; valueType: ValueType } => ({
    unit: spec(name).unit,
    description: spec(name).description,
    valueType: INT,
  });
  const memUsed = meter.createObservableUpDownCounter("go.memory.used", intOpts("go.memory.used"));
  const memLimit = meter.createObservableUpDownCounter("go.memory.limit", intOpts("go.memory.limit"));
  const allocated = meter.createObservableCounter("go.memory.allocated", intOpts("go.memory.allocated"));
  const allocations = meter.createObservableCounter("go.memory.allocations", intOpts("go.memory.allocations"));
  const goal = meter.createObservableUpDownCounter("go.memory.gc.goal", intOpts("go.memory.gc.goal"));
  const goroutines = meter.createObservableUpDownCounter("go.goroutine.count", intOpts("go.goroutine.count"));
  const procs = meter.createObservableUpDownCounter("go.processor.limit", intOpts("go.processor.limit"));
  const gogc = meter.createObservableUpDownCounter("go.config.gogc", intOpts("go.config.gogc"));
  const schedule = new HistogramFeed(
    meter.createHistogram("go.schedule.duration", {
      unit: "s",
      description: spec("go.schedule.duration").description,
      valueType: DOUBLE,
      advice: { explicitBucketBoundaries: timeAdvice(M.latencies) },
    }),
    M.latencies,
  );
  const observables: Observable[] = [memUsed, memLimit, allocated, allocations, goal, goroutines, procs, gogc];
  let cycles: Observable | null = null;
  let cpu: Observable | null = null;
  let pauses: HistogramFeed | null = null;
  if (opts.optIn === true) {
    cycles = meter.createObservableCounter("go.memory.gc.cycles", intOpts("go.memory.gc.cycles"));
    cpu = meter.createObservableCounter("go.cpu.time", { unit: "s", description: spec("go.cpu.time").description, valueType: DOUBLE });
    pauses = new HistogramFeed(
      meter.createHistogram("go.memory.gc.pause.duration", {
        unit: "s",
        description: spec("go.memory.gc.pause.duration").description,
        valueType: DOUBLE,
        advice: { explicitBucketBoundaries: timeAdvice(M.pauses) },
      }),
      M.pauses,
    );
    observables.push(cycles, cpu);
  }
  const callback = (r: BatchObservableResult): void => {
    const snap = source();
    if (snap === null) return;
    const v = snap.scalars;
    const stack = v[M.heapStacks] + v[M.osStacks];
    r.observe(memUsed, stack, STACK);
    r.observe(memUsed, v[M.total] - v[M.heapReleased] - stack, OTHER);
    if (snap.memoryLimit !== null) r.observe(memLimit, snap.memoryLimit);
    r.observe(allocated, v[M.allocBytes]);
    r.observe(allocations, v[M.allocObjects]);
    r.observe(goal, v[M.heapGoal]);
    r.observe(goroutines, v[M.goroutines]);
    r.observe(procs, v[M.gomaxprocs]);
    r.observe(gogc, snap.gogc);
    if (cycles !== null) r.observe(cycles, v[M.gcTotal]);
    if (cpu !== null) {
      r.observe(cpu, snap.gcCpuNs / 1e9, CPU_GC);
      r.observe(cpu, Math.max(0, snap.processCpuNs - snap.gcCpuNs) / 1e9, CPU_USER);
    }
    schedule.feed(snap);
    if (pauses !== null) pauses.feed(snap);
  };
  meter.addBatchObservableCallback(callback, observables);
  return { unregister: () => meter.removeBatchObservableCallback(callback, observables) };
}

