/**
 * runworker.ts — runs a program image on a worker thread (progworker.ts) and hands its output,
 * runtime snapshots and exit status back to the main thread. `gort run --dash` uses it: the
 * program's scheduler runs without yielding, so anything that must stay responsive while it
 * runs (drawing, keys, sockets) lives on the main thread.
 *
 * Commands to the running program go through a shared Int32Array (`control`, snapshot.ts
 * CTL_GC / CTL_STOP) that the scheduler reads at its safe points.
 */
import { Worker } from "node:worker_threads";
import { CTL_GC, CTL_REQ, CTL_STOP, CTL_WORDS, type RuntimeSnapshot } from "@gort/runtime";
import { encodeImage, type ProgramImage } from "@gort/runtime/image";
import type { RunFlags } from "./runexec.js";

/** What the worker needs to run one program. */
export interface WorkerJob {
  image: Uint8Array;
  file: string;
  progName: string;
  progArgs: readonly string[];
  cwd: string;
  env: Record<string, string | undefined>;
  flags: RunFlags;
  /** snapshot period (ms) */
  periodMs: number;
  /** SharedArrayBuffer of CTL_WORDS int32s */
  control: SharedArrayBuffer;
  /** the program reads the process's standard input (false: empty input, e.g. under the dashboard) */
  stdin: boolean;
  /** how long a capture (REQ_CAPTURE) lasts, in seconds (default 5) */
  captureSeconds?: number;
  /** the os/signal bridge the main thread listens on (runsignal.ts; runtime signal.ts) */
  signals?: SharedArrayBuffer;
}

export type WorkerMessage =
  | { t: "out"; fd: 1 | 2; b: Uint8Array }
  | { t: "snap"; snap: RuntimeSnapshot }
  | { t: "exit"; code: number }
  | { t: "reply"; req: number; data: unknown }
  | { t: "ack"; req: number }
  | { t: "crash"; message: string; stack: string };

export interface WorkerRun {
  /** resolves to the program's exit status */
  done: Promise<number>;
  /** asks for a GC cycle at the program's next safe point */
  gc(): void;
  /** ends the program at its next safe point with this exit status */
  stop(code: number): void;
  /** ends the worker at once (a program stuck in a host call never reaches a safe point) */
  kill(): void;
  /**
   * Asks the program for data (snapshot.ts REQ_*), answered at its next safe point; requests
   * are served one at a time. Rejects when the program ends first.
   */
  request(req: number): Promise<unknown>;
}

export interface WorkerRunOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  flags: RunFlags;
  periodMs: number;
  stdin: boolean;
  /** the os/signal bridge (runsignal.ts) */
  signals?: SharedArrayBuffer;
  onOutput: (fd: 1 | 2, b: Uint8Array) => void;
  onSnapshot: (s: RuntimeSnapshot) => void;
  /** a gort bug inside the worker: its message and JS stack */
  onCrash: (message: string, stack: string) => void;
}

/** Starts `image` on a worker thread. */
export function startInWorker(image: ProgramImage, file: string, progName: string, progArgs: readonly string[], o: WorkerRunOptions): WorkerRun {
  const control = new SharedArrayBuffer(CTL_WORDS * 4);
  const ctl = new Int32Array(control);
  const job: WorkerJob = {
    image: encodeImage(image),
    file,
    progName,
    progArgs,
    cwd: o.cwd,
    env: o.env,
    flags: o.flags,
    periodMs: o.periodMs,
    control,
    stdin: o.stdin,
    signals: o.signals,
  };
  const worker = new Worker(new URL("./progworker.js", import.meta.url), { workerData: job, stdout: false, stderr: false });
  // requests in flight: the first is in the control word, the rest wait their turn
  // requests: `sent` once written to the control word; the worker acks (or answers) each as it
  // takes it, which frees the word for the next one
  const pending: { req: number; sent: boolean; taken: boolean; resolve: (v: unknown) => void; reject: (e: Error) => void }[] = [];
  const sendNext = (): void => {
    if (pending.some((p) => p.sent && !p.taken)) return;
    const next = pending.find((p) => !p.sent);
    if (next !== undefined) {
      next.sent = true;
      Atomics.store(ctl, CTL_REQ, next.req);
    }
  };
  const taken = (req: number): void => {
    const p = pending.find((x) => x.sent && !x.taken && x.req === req);
    if (p !== undefined) p.taken = true;
  };
  let exited = false;
  const done = new Promise<number>((resolve) => {
    let code = -1;
    worker.on("message", (m: WorkerMessage) => {
      if (m.t === "out") o.onOutput(m.fd, m.b);
      else if (m.t === "snap") o.onSnapshot(m.snap);
      else if (m.t === "ack") {
        taken(m.req);
        sendNext();
      } else if (m.t === "reply") {
        taken(m.req);
        const i = pending.findIndex((x) => x.taken && x.req === m.req);
        if (i >= 0) pending.splice(i, 1)[0].resolve(m.data);
        sendNext();
      }
      else if (m.t === "exit") code = m.code;
      else {
        o.onCrash(m.message, m.stack);
        code = 3;
      }
    });
    worker.on("error", (e) => {
      o.onCrash(e.message, e.stack ?? "");
      code = 3;
    });
    // terminated by kill(): the stop status it was asked for
    worker.on("exit", () => {
      exited = true;
      for (const p of pending.splice(0)) p.reject(new Error("the program has exited"));
      resolve(code >= 0 ? code : Atomics.load(ctl, CTL_STOP) || 3);
    });
  });
  return {
    done,
    gc: () => void Atomics.store(ctl, CTL_GC, 1),
    stop: (code) => void Atomics.store(ctl, CTL_STOP, code),
    kill: () => void worker.terminate(),
    request: (req) =>
      new Promise<unknown>((resolve, reject) => {
        if (exited) return reject(new Error("the program has exited"));
        pending.push({ req, sent: false, taken: false, resolve, reject });
        sendNext();
      }),
  };
}
