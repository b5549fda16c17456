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
import { decodeImage, encodeImage, type ProgramImage } from "@gort/runtime/image";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { execImage, splitRunArgs, type RunIO } from "./services/runexec.js";

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
  /**
   * "main" (default): the program runs synchronously on this thread. "worker": it runs on a
   * worker thread (compiled here first) and `run` returns at once to the event loop, so your
   * SDK keeps collecting while the program runs: the instruments read the latest snapshot the
   * scheduler posted (every `sampleMs`). tracerProvider is not supported in this mode yet.
   */
  thread?: "main" | "worker";
  /** Worker mode: longest period between two runtime snapshots (ms, default 100). */
  sampleMs?: number;
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
  if (opts.thread === "worker") return runOnWorker(target, opts);
  let sched: Sched | null = null;
  let final: MetricsSnapshot | null = null;
  let reg: GoRuntimeMetricsRegistration | null = null;
  // (the API is loaded only when spans are wanted: it is not free to import)
  const spans = opts.tracerProvider !== undefined ? new OtelAnnotationSpans(opts.tracerProvider.getTracer("gort"), await import("@opentelemetry/api")) : null;
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

// ── worker mode ──
//
// The program runs on a worker thread started from this same module (`new URL(import.meta.url)`,
// dist/embed.js when built); the main thread keeps its event loop, receives the program's output
// and runtime snapshots as messages, and the instruments observe the latest snapshot.

interface EmbedJob {
  gortEmbedWorker: true;
  image: Uint8Array;
  file: string;
  progName: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string | undefined>;
  sampleMs: number;
}

type EmbedMessage = { t: "out"; fd: 1 | 2; s: string } | { t: "snap"; snap: MetricsSnapshot } | { t: "exit"; code: number; snap: MetricsSnapshot | null };

async function runOnWorker(target: string | ProgramImage, opts: RunOptions): Promise<RunResult> {
  const stdout = opts.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = opts.stderr ?? ((s: string) => void process.stderr.write(s));
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  const args = opts.args ?? [];
  let image: ProgramImage;
  let file = "<image>";
  let progName = "main";
  if (typeof target === "string") {
    const { obtainImage } = await import("./services/run.js");
    const split = splitRunArgs(["--", target, ...args]);
    if (split.error !== undefined) {
      stderr(split.error);
      return { exitCode: split.status, metrics: null, unregister: () => {} };
    }
    const got = obtainImage(split, { cwd, env, stdout, stderr });
    if (typeof got === "number") return { exitCode: got, metrics: null, unregister: () => {} };
    ({ image, file, progName } = got);
  } else image = target;
  let latest: MetricsSnapshot | null = null;
  const reg =
    opts.meterProvider !== undefined ? registerGoRuntimeMetrics(opts.meterProvider.getMeter("gort"), () => latest, { optIn: opts.optInMetrics === true }) : null;
  const job: EmbedJob = { gortEmbedWorker: true, image: encodeImage(image), file, progName, args, cwd, env, sampleMs: opts.sampleMs ?? 100 };
  const worker = new Worker(new URL(import.meta.url), { workerData: job, stdout: false, stderr: false });
  const exitCode = await new Promise<number>((resolve) => {
    let code = -1;
    worker.on("message", (m: EmbedMessage) => {
      if (m.t === "out") (m.fd === 1 ? stdout : stderr)(m.s);
      else if (m.t === "snap") latest = m.snap;
      else {
        code = m.code;
        if (m.snap !== null) latest = m.snap;
      }
    });
    worker.on("error", (e) => {
      stderr(`gort: internal error: ${e.message}\n`);
      code = 3;
    });
    worker.on("exit", () => resolve(code < 0 ? 3 : code));
  });
  return {
    exitCode,
    metrics: latest,
    unregister: () => reg?.unregister(),
  };
}

function embedWorkerMain(job: EmbedJob): void {
  const port = parentPort!;
  const post = (m: EmbedMessage): void => port.postMessage(m);
  let sched: Sched | null = null;
  const io: RunIO = {
    cwd: job.cwd,
    env: job.env,
    stdout: (s) => post({ t: "out", fd: 1, s }),
    stderr: (s) => post({ t: "out", fd: 2, s }),
    onSched: (s) => {
      sched = s;
      let next = 0;
      s.metrics.onTick = () => {
        const now = s.clock.now();
        if (now < next) return;
        next = now + job.sampleMs * 1e6;
        post({ t: "snap", snap: s.metrics.snapshot() });
      };
    },
  };
  const code = execImage(decodeImage(job.image, job.file, { trusted: true }), job.file, job.progName, job.args, io);
  const s: Sched | null = sched;
  post({ t: "exit", code, snap: s !== null ? (s as Sched).metrics.snapshot() : null });
}

if (!isMainThread && (workerData as Partial<EmbedJob> | null)?.gortEmbedWorker === true) embedWorkerMain(workerData as EmbedJob);
