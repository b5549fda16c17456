/**
 * embed.ts — running a gort program from JavaScript (`import { run } from "@gort/cli"`), with the
 * program's runtime metrics published to a MeterProvider the host application owns. Documented
 * for users in ../EMBEDDING.md.
 *
 * The program runs synchronously on the calling thread (gort's scheduler does not return to the
 * event loop while it runs), so an SDK on this thread collects only around the run: the
 * instruments (runtime/src/otel.ts) observe the live scheduler if a collection happens before
 * the run starts, and the state frozen at exit afterwards — call `meterProvider.forceFlush()`
 * (or your reader's `collect()`) after `run` resolves to export the final values. For periodic
 * export *during* a run use `gort run --otel`, whose SDK lives on a worker thread (runotel.ts).
 */
import type { MeterProvider, TracerProvider } from "@opentelemetry/api";
import { OtelAnnotationSpans, registerGoRuntimeMetrics, type GoRuntimeMetricsRegistration, type MetricsSnapshot, type Sched } from "@gort/runtime";
import type { ProgramImage } from "@gort/runtime/image";
import { execImage, type RunIO } from "./services/runexec.js";

/** Options of `run`. */
export interface RunOptions {
  /** The program's arguments (os.Args[1:]). */
  args?: readonly string[];
  /** The program's environment (default: process.env). GOGC, GOMEMLIMIT, GODEBUG… apply. */
  env?: Record<string, string | undefined>;
  /** Working directory for resolving `file` and for the program (default: process.cwd()). */
  cwd?: string;
  /** Receives the program's standard output (default: process.stdout). */
  stdout?: (s: string) => void;
  /** Receives the program's standard error and runtime messages (default: process.stderr). */
  stderr?: (s: string) => void;
  /** Publishes the Go runtime instruments (semantic conventions) on `meterProvider.getMeter("gort")`. */
  meterProvider?: MeterProvider;
  /**
   * runtime/trace tasks, regions and logs become spans of `tracerProvider.getTracer("gort")`
   * (otelspans.ts; needs runtime/trace's natives to report to Sched.userAnnotations — see
   * EMBEDDING.md). Spans still open at exit are ended then.
   */
  tracerProvider?: TracerProvider;
  /** Also the opt-in instruments (go.memory.gc.cycles, go.memory.gc.pause.duration, go.cpu.time). */
  optInMetrics?: boolean;
}

/** What `run` resolves to. */
export interface RunResult {
  /** The program's exit status (2 after a panic or fatal error; 1 for compile errors). */
  exitCode: number;
  /** The runtime's metrics at exit (null when the program never started, e.g. a compile error). */
  metrics: MetricsSnapshot | null;
  /** Stops the instruments' observation (they keep reporting the exit values until then). */
  unregister(): void;
}

/**
 * Compiles (a .go file, a directory or an import path, like `gort run`) or takes a program
 * image, runs it, and resolves when it exits.
 */
export async function run(target: string | ProgramImage, opts: RunOptions = {}): Promise<RunResult> {
  let sched: Sched | null = null;
  let final: MetricsSnapshot | null = null;
  let reg: GoRuntimeMetricsRegistration | null = null;
  const spans = opts.tracerProvider !== undefined ? new OtelAnnotationSpans(opts.tracerProvider.getTracer("gort")) : null;
  const io: RunIO = {
    cwd: opts.cwd ?? process.cwd(),
    env: opts.env ?? process.env,
    stdout: opts.stdout ?? ((s) => void process.stdout.write(s)),
    stderr: opts.stderr ?? ((s) => void process.stderr.write(s)),
    onSched: (s) => {
      sched = s;
      if (spans !== null) s.userAnnotations = spans;
      if (opts.meterProvider !== undefined && reg === null) {
        const source = (): MetricsSnapshot | null => final ?? (sched !== null ? sched.metrics.snapshot() : null);
        reg = registerGoRuntimeMetrics(opts.meterProvider.getMeter("gort"), source, { optIn: opts.optInMetrics === true });
      }
    },
  };
  const args = opts.args ?? [];
  let exitCode: number;
  if (typeof target === "string") {
    const { runRun } = await import("./services/run.js");
    exitCode = runRun(["--", target, ...args], io);
  } else exitCode = execImage(target, "<image>", "main", args, io);
  if (spans !== null) spans.endAll();
  const s: Sched | null = sched;
  if (s !== null) final = (s as Sched).metrics.snapshot();
  sched = null; // the frozen snapshot is all the instruments need now
  return {
    exitCode,
    metrics: final,
    unregister: () => {
      if (reg !== null) reg.unregister();
      reg = null;
    },
  };
}
