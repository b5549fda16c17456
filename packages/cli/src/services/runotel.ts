/**
 * runotel.ts — `gort run --otel=otlp|console`: the program's runtime metrics (the semantic
 * conventions' Go runtime instruments, runtime/src/otel.ts) exported with the OpenTelemetry SDK.
 *
 * THE EVENT-LOOP PROBLEM. gort's scheduler runs the whole program synchronously on the thread
 * that called runGo; it never returns to Node's event loop until the program exits. An SDK on
 * that thread could neither fire its periodic timer nor send an HTTP request while the program
 * runs. So the SDK lives on a WORKER THREAD, which has its own event loop:
 *
 *   main thread (scheduler)                         otel worker (this same module, re-loaded)
 *   ───────────────────────                         ──────────────────────────────────────────
 *   at budget ends (Sched.metrics.onTick), at most  MeterProvider + PeriodicExportingMetricReader
 *   every SAMPLE_MS: snapshot() ── postMessage ──▶  (OTLP/HTTP JSON or console exporter);
 *                                                   observable callbacks read the latest
 *                                                   snapshot (registerGoRuntimeMetrics)
 *   console text / export errors ◀── port ─────────  console.dir / diag errors → port messages,
 *     (drained with receiveMessageOnPort at ticks     so output goes through the run's stderr
 *      and at exit, printed on the run's stderr)      sink, in order, synchronously
 *   at exit: final snapshot + "shutdown" ────────▶  provider.shutdown() (final collect+export)
 *   Atomics.wait on a shared word (≤ timeout) ◀────  Atomics.notify: READY once the instruments
 *                                                    are registered, DONE when the flush is done
 *
 * So exports happen on schedule while the program runs (the snapshot they report is at most
 * SAMPLE_MS old, taken at a scheduler safe point), and the final values are flushed before gort
 * exits. What is not covered: while the scheduler is blocked in a host sleep (all goroutines
 * asleep in time.Sleep) no new snapshot is taken — nothing changes then except the clock.
 *
 * The worker is this module file started again (`new URL(import.meta.url)`): that works for the
 * built CLI (dist/services/runotel.js) and for the esbuild bundle of scripts/dev-gort.mjs (the
 * whole bundle is loaded; only this module's worker branch runs). Under vitest the module is a
 * .ts file a worker cannot load: tests drive the CLI through scripts/dev-gort.mjs.
 *
 * Environment (read in the worker, like any OTel SDK): OTEL_EXPORTER_OTLP_ENDPOINT /
 * OTEL_EXPORTER_OTLP_METRICS_ENDPOINT / OTEL_EXPORTER_OTLP_HEADERS … (the exporter's own),
 * OTEL_METRIC_EXPORT_INTERVAL (ms, default 60000), OTEL_METRIC_EXPORT_TIMEOUT (ms, default
 * 30000; the exporter gives up earlier, after OTEL_EXPORTER_OTLP_TIMEOUT, 10 s by default, when no
 * collector answers). The installed exporter (@opentelemetry/exporter-metrics-otlp-http) sends JSON
 * (http/json); protobuf would need exporter-metrics-otlp-proto. GORT_OTEL_OPTIN=1 adds the opt-in
 * instruments. Console output goes to stderr so the program's stdout stays its own.
 */
import { MessageChannel, receiveMessageOnPort, Worker, isMainThread, workerData, type MessagePort } from "node:worker_threads";
import { OtelAnnotationSpans, type MetricsSnapshot, type OtelContextApi, type Sched } from "@gort/runtime";
import type { Tracer } from "@opentelemetry/api";

/** Longest period between two snapshots the scheduler posts (ms; half the export interval if shorter). */
const SAMPLE_MS = 250;
const DEFAULT_INTERVAL_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 30_000;
/** How long `finish` waits for a worker that has not signalled READY yet (module load, SDK import). */
const START_WAIT_MS = 10_000;
/** States of the shared word: worker loading, instruments registered, final export done. */
const STARTING = 0;
const READY = 1;
const DONE = 2;

interface OtelWorkerData {
  gortOtelWorker: true;
  mode: "otlp" | "console";
  intervalMs: number;
  timeoutMs: number;
  optIn: boolean;
  done: SharedArrayBuffer;
  port: MessagePort;
}

type HrTime = [number, number];
type ToWorker =
  | { t: "snap"; snap: MetricsSnapshot }
  | { t: "shutdown"; snap: MetricsSnapshot | null }
  // runtime/trace annotations as spans (otelspans.ts on this side, real SDK spans in the worker)
  | { t: "span"; op: "start"; id: number; parent: number; name: string; attrs: Record<string, string | number | boolean>; time: HrTime }
  | { t: "span"; op: "end"; id: number; time: HrTime }
  | { t: "span"; op: "event"; id: number; name: string; attrs: Record<string, string | number | boolean>; time: HrTime };

function hrNow(): HrTime {
  const ms = performance.timeOrigin + performance.now();
  const sec = Math.floor(ms / 1000);
  return [sec, Math.round((ms - sec * 1000) * 1e6)];
}

/**
 * The slice of @opentelemetry/api's Tracer and Span that otelspans.ts uses, recording on this
 * thread and replaying in the exporter worker (which owns the SDK and its event loop). Span ids
 * here are local numbers; the worker's SDK assigns the real trace and span ids.
 */
function proxyTracer(post: (m: ToWorker) => void): { tracer: Tracer; api: OtelContextApi } {
  let next = 1;
  class ProxySpan {
    constructor(readonly id: number) {}
    end(): void {
      post({ t: "span", op: "end", id: this.id, time: hrNow() });
    }
    addEvent(name: string, attrs?: Record<string, string | number | boolean>): this {
      post({ t: "span", op: "event", id: this.id, name, attrs: attrs ?? {}, time: hrNow() });
      return this;
    }
  }
  const tracer = {
    startSpan(name: string, opts?: { attributes?: Record<string, string | number | boolean> }, ctx?: { gortSpan?: ProxySpan }): ProxySpan {
      const span = new ProxySpan(next++);
      post({ t: "span", op: "start", id: span.id, parent: ctx?.gortSpan?.id ?? 0, name, attrs: opts?.attributes ?? {}, time: hrNow() });
      return span;
    },
  };
  const api = {
    context: { active: () => ({}) },
    trace: { setSpan: (_ctx: object, span: ProxySpan) => ({ gortSpan: span }) },
  };
  return { tracer: tracer as unknown as Tracer, api: api as unknown as OtelContextApi };
}

/** A `gort run --otel` session: attach to the scheduler, then finish after the run. */
export interface RunOtel {
  /** Installs the sampler on the scheduler (RunIO.onSched). */
  attach(sched: Sched): void;
  /** After the run: final snapshot, flush, wait for the export (bounded), print pending output. */
  finish(): void;
}

/** Parses --otel's value. */
export function otelMode(v: string): "otlp" | "console" | "none" | null {
  if (v === "otlp" || v === "console" || v === "none") return v;
  return null;
}

/**
 * `--otel=VALUE` for a run: null for none, the session for otlp/console, or the error text (go's
 * flag wording; exit status 2) for anything else.
 */
export function startOtelFlag(value: string, env: Record<string, string | undefined>, stderr: (s: string) => void): RunOtel | null | string {
  const mode = otelMode(value);
  if (mode === null) return `invalid value "${value}" for flag -otel: want otlp, console or none\n`;
  return mode === "none" ? null : startRunOtel(mode, env, stderr);
}

/** RunIO.onSched with the --otel session attached first (null: `next` unchanged). */
export function otelOnSched(otel: RunOtel | null, next: ((s: Sched) => void) | undefined): ((s: Sched) => void) | undefined {
  if (otel === null) return next;
  return (s) => {
    otel.attach(s);
    if (next !== undefined) next(s);
  };
}

function envMs(v: string | undefined, dflt: number): number {
  const n = Number(v);
  return v !== undefined && v !== "" && Number.isFinite(n) && n > 0 ? n : dflt;
}

/**
 * Starts the exporter worker for `mode`; `env` is the program's environment (the worker sees it
 * as process.env), `stderr` the run's stderr sink.
 */
export function startRunOtel(mode: "otlp" | "console", env: Record<string, string | undefined>, stderr: (s: string) => void): RunOtel {
  const intervalMs = envMs(env.OTEL_METRIC_EXPORT_INTERVAL, DEFAULT_INTERVAL_MS);
  const timeoutMs = envMs(env.OTEL_METRIC_EXPORT_TIMEOUT, DEFAULT_TIMEOUT_MS);
  const done = new SharedArrayBuffer(4);
  const doneWord = new Int32Array(done);
  const { port1, port2 } = new MessageChannel();
  const data: OtelWorkerData = {
    gortOtelWorker: true,
    mode,
    intervalMs,
    timeoutMs,
    optIn: env.GORT_OTEL_OPTIN === "1",
    done,
    port: port2,
  };
  const workerEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) workerEnv[k] = v;
  const worker = new Worker(new URL(import.meta.url), { workerData: data, transferList: [port2], env: workerEnv, stdout: false, stderr: false });
  let sched: Sched | null = null;
  let next = 0;
  const sampleNs = Math.min(SAMPLE_MS, intervalMs / 2) * 1e6;
  const drain = (): void => {
    for (;;) {
      const m = receiveMessageOnPort(port1);
      if (m === undefined) return;
      stderr(String(m.message));
    }
  };
  const post = (m: ToWorker): void => worker.postMessage(m);
  const proxy = proxyTracer(post);
  const spans = new OtelAnnotationSpans(proxy.tracer, proxy.api);
  return {
    attach(s: Sched): void {
      sched = s;
      s.userAnnotations = spans; // runtime/trace tasks, regions and logs become spans
      const clock = s.clock;
      s.metrics.onTick = () => {
        const now = clock.now();
        if (now < next) return;
        next = now + sampleNs;
        post({ t: "snap", snap: s.metrics.snapshot() });
        drain();
      };
    },
    finish(): void {
      const snap = sched !== null ? sched.metrics.snapshot() : null;
      if (sched !== null) sched.metrics.onTick = null;
      spans.endAll(); // tasks and regions left open end with the program
      post({ t: "shutdown", snap });
      // The export needs the worker's event loop, not ours: block until it signals (bounded).
      // A worker that never came up (state still STARTING after START_WAIT_MS) is not waited for.
      if (Atomics.load(doneWord, 0) === STARTING) Atomics.wait(doneWord, 0, STARTING, START_WAIT_MS);
      if (Atomics.load(doneWord, 0) === READY) Atomics.wait(doneWord, 0, READY, timeoutMs + 5_000);
      drain();
      const state = Atomics.load(doneWord, 0);
      if (state === STARTING) stderr(`gort: otel: the exporter thread did not start within ${START_WAIT_MS} ms\n`);
      else if (state === READY) stderr(`gort: otel: final export did not finish within ${timeoutMs + 5_000} ms\n`);
      port1.close();
      void worker.terminate();
    },
  };
}

// ── the worker side ──

/** The SDK's global error handler logs errors as JSON ({message, stack, …}): keep the message. */
function errorText(m: string): string {
  if (!m.startsWith("{")) return m;
  try {
    const o = JSON.parse(m) as { message?: unknown };
    return typeof o.message === "string" ? o.message : m;
  } catch {
    return m;
  }
}

async function workerMain(d: OtelWorkerData): Promise<void> {
  const { inspect } = await import("node:util");
  const api = await import("@opentelemetry/api");
  const sdk = await import("@opentelemetry/sdk-metrics");
  const { registerGoRuntimeMetrics } = await import("@gort/runtime");
  const out = (s: string): void => d.port.postMessage(s);
  // Console exporter output and export errors travel to the main thread (see the header).
  console.dir = (o: unknown, opts?: object) => out(inspect(o, { depth: null, ...opts }) + "\n");
  console.log = (...a: unknown[]) => out(a.map((x) => (typeof x === "string" ? x : inspect(x))).join(" ") + "\n");
  api.diag.setLogger(
    {
      error: (m: string, ...a: unknown[]) => out(`gort: otel: ${errorText(m)}${a.length > 0 ? " " + a.map((x) => (x instanceof Error ? x.message : inspect(x))).join(" ") : ""}\n`),
      warn: () => {},
      info: () => {},
      debug: () => {},
      verbose: () => {},
    },
    api.DiagLogLevel.ERROR,
  );
  let exporter: import("@opentelemetry/sdk-metrics").PushMetricExporter;
  if (d.mode === "otlp") {
    const { OTLPMetricExporter } = await import("@opentelemetry/exporter-metrics-otlp-http");
    exporter = new OTLPMetricExporter(); // its own timeout: OTEL_EXPORTER_OTLP_(METRICS_)TIMEOUT, 10 s by default
  } else exporter = new sdk.ConsoleMetricExporter();
  const reader = new sdk.PeriodicExportingMetricReader({
    exporter,
    exportIntervalMillis: d.intervalMs,
    exportTimeoutMillis: Math.min(d.timeoutMs, d.intervalMs),
  });
  const provider = new sdk.MeterProvider({ readers: [reader] });
  // spans of runtime/trace annotations: the same destination as the metrics
  const traceSdk = await import("@opentelemetry/sdk-trace");
  const spanExporter =
    d.mode === "otlp" ? new (await import("@opentelemetry/exporter-trace-otlp-http")).OTLPTraceExporter() : new traceSdk.ConsoleSpanExporter();
  const tracerProvider = new traceSdk.TracerProvider({ spanProcessors: [new traceSdk.BatchSpanProcessor({ exporter: spanExporter })] });
  const tracer = tracerProvider.getTracer("gort");
  const open = new Map<number, import("@opentelemetry/api").Span>();
  let latest: MetricsSnapshot | null = null;
  registerGoRuntimeMetrics(provider.getMeter("gort", undefined), () => latest, { optIn: d.optIn });
  const doneWord = new Int32Array(d.done);
  Atomics.store(doneWord, 0, READY);
  Atomics.notify(doneWord, 0);
  const { parentPort } = await import("node:worker_threads");
  parentPort!.on("message", (m: ToWorker) => {
    if (m.t === "span") {
      if (m.op === "start") {
        const parent = open.get(m.parent);
        const ctx = parent !== undefined ? api.trace.setSpan(api.context.active(), parent) : api.ROOT_CONTEXT;
        open.set(m.id, tracer.startSpan(m.name, { attributes: m.attrs, startTime: m.time }, ctx));
      } else if (m.op === "event") open.get(m.id)?.addEvent(m.name, m.attrs, m.time);
      else {
        open.get(m.id)?.end(m.time);
        open.delete(m.id);
      }
      return;
    }
    if (m.snap !== null) latest = m.snap;
    if (m.t !== "shutdown") return;
    Promise.all([provider.shutdown(), tracerProvider.shutdown()])
      .catch((e: unknown) => out(`gort: otel: ${e instanceof Error ? e.message : String(e)}\n`))
      .finally(() => {
        Atomics.store(doneWord, 0, DONE);
        Atomics.notify(doneWord, 0);
      });
  });
}

if (!isMainThread && (workerData as Partial<OtelWorkerData> | null)?.gortOtelWorker === true) void workerMain(workerData as OtelWorkerData);
