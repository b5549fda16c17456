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
import { REQ_GOROUTINES, REQ_MEMSTATS, SnapshotMonitor, processHostIO, type Sched } from "@gort/runtime";
import { decodeImage } from "@gort/runtime/image";
import { execImage, type RunIO } from "./runexec.js";
import type { WorkerJob, WorkerMessage } from "./runworker.js";

const job = workerData as WorkerJob;
const port = parentPort!;
const post = (m: WorkerMessage): void => port.postMessage(m);

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
      monitor.onRequest = (req) => post({ t: "reply", req, data: answer(sched, req) });
      sched.monitor = monitor;
    },
  };
  let monitor: SnapshotMonitor | null = null;
  const code = execImage(image, job.file, job.progName, job.progArgs, io, job.flags);
  if (monitor !== null) (monitor as SnapshotMonitor).final();
  return code;
}

try {
  post({ t: "exit", code: main() });
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  post({ t: "crash", message: err.message, stack: err.stack ?? "" });
}
