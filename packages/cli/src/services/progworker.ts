/**
 * progworker.ts — the worker-thread side of runworker.ts: runs one program image on gort's
 * runtime inside a worker thread, so the main thread stays free for a live view of it (the
 * dashboard) while the scheduler runs without returning to any event loop.
 *
 * In: workerData (WorkerJob). Out: messages to the parent (WorkerMessage): the program's
 * output bytes in order, snapshots every `periodMs` (the scheduler's SnapshotMonitor, polled at
 * its safe points), and the exit status. The parent's commands arrive through `control`, a
 * shared Int32Array the monitor reads at the same safe points (snapshot.ts CTL_*).
 */
import { parentPort, workerData } from "node:worker_threads";
import { REQ_CAPTURE, REQ_GOROUTINES, REQ_MEMSTATS, SnapshotMonitor, processHostIO, setSignalBridge, startTrace, type Sched, type Tracer } from "@gort/runtime";
import { encodeProfile } from "@gort/pprof";
import { decodeImage } from "@gort/runtime/image";
import { execImage, type RunIO } from "./runexec.js";
import type { WorkerJob, WorkerMessage } from "./runworker.js";

const job = workerData as WorkerJob;
const port = parentPort!;
const post = (m: WorkerMessage): void => port.postMessage(m);

/** Seconds a dashboard capture (REQ_CAPTURE) lasts. */
const CAPTURE_SECONDS = Number(job.captureSeconds ?? 5);

/** A capture in progress: CPU profile and execution trace until `until` (scheduler clock, ns). */
let capture: { until: number; tracer: Tracer | null; chunks: Uint8Array[]; cpu: boolean } | null = null;

/** Starts a capture (a second request while one runs is answered when it ends, with the same data). */
function startCapture(sched: Sched): void {
  if (capture !== null) return;
  const chunks: Uint8Array[] = [];
  const tracer = startTrace(sched, (c) => void chunks.push(c.slice()), { syncSink: true });
  const cpu = sched.prof.setCPUProfileRate(100);
  capture = { until: sched.clock.now() + CAPTURE_SECONDS * 1e9, tracer, chunks, cpu };
}

/** Ends the capture when due (or now, at exit): posts the CPU profile and the trace. */
function finishCapture(sched: Sched, force: boolean): void {
  if (capture === null || (!force && sched.clock.now() < capture.until)) return;
  const c = capture;
  capture = null;
  if (c.tracer !== null) c.tracer.stop();
  let cpu: Uint8Array | null = null;
  if (c.cpu) {
    sched.prof.setCPUProfileRate(0);
    if (sched.prof.lastCPU !== null) cpu = encodeProfile(sched.prof.lastCPU);
  }
  const n = c.chunks.reduce((a, b) => a + b.length, 0);
  const trace = new Uint8Array(n);
  let off = 0;
  for (const b of c.chunks) {
    trace.set(b, off);
    off += b.length;
  }
  post({ t: "reply", req: REQ_CAPTURE, data: { cpu, trace: c.tracer !== null ? trace : null, seconds: CAPTURE_SECONDS } });
}

/** The answer to a watcher's request (snapshot.ts REQ_*), as plain data. */
function answer(sched: Sched, req: number): unknown {
  if (req === REQ_GOROUTINES) return sched.tracebackAll().replace(/^\n/, "");
  if (req === REQ_MEMSTATS) return sched.gc === null ? null : sched.gc.readMemStats();
  return null;
}

function main(): number {
  const image = decodeImage(job.image, job.file, { trusted: true });
  const dec = new TextEncoder();
  // a view into linear memory (a SharedArrayBuffer) must be copied, not shared, across threads
  const out = (fd: 1 | 2) => (b: Uint8Array) => post({ t: "out", fd, b: b.slice() });
  const io: RunIO = {
    cwd: job.cwd,
    env: job.env,
    stdout: (s) => post({ t: "out", fd: 1, b: dec.encode(s) }),
    stderr: (s) => post({ t: "out", fd: 2, b: dec.encode(s) }),
    stdoutBytes: out(1),
    stderrBytes: out(2),
    readStdin: job.stdin ? processHostIO([]).readStdin : undefined,
    onSched: (sched) => {
      monitor = new SnapshotMonitor(sched, job.periodMs * 1e6, (snap) => post({ t: "snap", snap }), new Int32Array(job.control));
      monitor.onRequest = (req) => {
        if (req === REQ_CAPTURE) {
          post({ t: "ack", req });
          startCapture(sched);
        } else post({ t: "reply", req, data: answer(sched, req) });
      };
      const m = monitor;
      const inner = m.poll.bind(m);
      // captures end at the monitor's polls (safe points)
      m.poll = (now: number): number => {
        const r = inner(now);
        finishCapture(sched, false);
        return r;
      };
      schedRef = sched;
      sched.monitor = monitor;
    },
  };
  let monitor: SnapshotMonitor | null = null;
  let schedRef: Sched | null = null;
  if (job.signals !== undefined) setSignalBridge(job.signals); // os/signal (runsignal.ts)
  const code = execImage(image, job.file, job.progName, job.progArgs, io, job.flags);
  if (schedRef !== null) finishCapture(schedRef, true);
  if (monitor !== null) (monitor as SnapshotMonitor).final();
  return code;
}

try {
  post({ t: "exit", code: main() });
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  post({ t: "crash", message: err.message, stack: err.stack ?? "" });
}
