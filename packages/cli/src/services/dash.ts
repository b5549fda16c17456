/**
 * dash.ts — `gort run --dash` (and `--diag`, the socket `gort top` attaches to): the program runs on a worker thread (runworker.ts) while the
 * main thread draws a live dashboard with ink (dash/panels.tsx) from the runtime's snapshots,
 * several times a second. Keys: q ends the program as SIGINT would (exit status 130) and closes
 * the dashboard, p pauses the view, g forces a GC cycle, s records a CPU profile and an execution
 * trace of the next 5 s and saves them as PROG-TIME.cpu.pprof and PROG-TIME.trace in the working
 * directory, tab moves the focus between panes.
 *
 * The program's standard output and error go to the output pane; they are also kept and
 * written to the real descriptors once the dashboard closes, so nothing the program printed is
 * lost. Its standard input is empty (the keyboard belongs to the dashboard).
 *
 * Without a terminal (stdout is not a TTY, or TERM=dumb) there is no dashboard: the program's
 * output passes straight through and a summary line (format.ts summaryLine) goes to stderr
 * once a second.
 */
import { DashModel } from "../dash/model.js";
import { mountDashboard, type DashTTY, type MountedDashboard } from "../dash/mount.js";
import { summaryLine } from "../dash/format.js";
import type { RunnableImage } from "./run.js";
import type { RunFlags, RunIO } from "./runexec.js";
import * as fs from "node:fs";
import * as path from "node:path";
import { REQ_CAPTURE, type RuntimeSnapshot } from "@gort/runtime";
import { internalErrorText } from "./internalerror.js";
import { startDiagServer, type DiagServer } from "./diag.js";
import { startInWorker, type WorkerRun } from "./runworker.js";

/** Snapshot period with the dashboard (ms): a few frames a second. */
const DASH_PERIOD_MS = 200;
/** Snapshot period for `gort top` watchers (ms). */
const DIAG_PERIOD_MS = 250;
/** Summary period without a terminal (ms). */
const PLAIN_PERIOD_MS = 1000;
/** Output kept for replay after the dashboard closes. */
const REPLAY_LIMIT = 64 << 20;

export interface DashIO extends RunIO {
  /** the terminal, when there is one: size and whether to draw */
  tty?: DashTTY | null;
}

/**
 * Runs the program on a worker thread, watched: with --dash the dashboard (or, without a
 * terminal, the plain summary lines), with --diag the diagnostics socket for `gort top`
 * (diag.ts). Resolves to the program's exit status.
 */
export async function runWatched(img: RunnableImage, progArgs: readonly string[], flags: RunFlags, io: DashIO): Promise<number> {
  const tty = flags.dash === true ? (io.tty ?? null) : null;
  let diag: DiagServer | null = null;
  const startDiag = async (run: WorkerRun): Promise<void> => {
    if (flags.diag !== true) return;
    try {
      diag = await startDiagServer(run, { program: img.progName, args: progArgs });
    } catch (e) {
      io.stderr(`gort: diagnostics socket: ${(e as Error).message}\n`);
    }
  };
  const publish = (s: RuntimeSnapshot): void => {
    if (diag !== null) diag.publish(s);
  };
  const finish = async (code: number): Promise<number> => {
    if (diag !== null) await (diag as DiagServer).close(code);
    return code;
  };
  const outBytes = (fd: 1 | 2, b: Uint8Array): void => {
    if (fd === 1 && io.stdoutBytes !== undefined) io.stdoutBytes(b);
    else if (fd === 2 && io.stderrBytes !== undefined) io.stderrBytes(b);
    else (fd === 1 ? io.stdout : io.stderr)(new TextDecoder().decode(b));
  };
  if (tty === null) {
    let last = -Infinity;
    const summaries = flags.dash === true;
    const run = startInWorker(img.image, img.file, img.progName, progArgs, {
      cwd: io.cwd,
      env: io.env,
      flags,
      periodMs: flags.diag === true ? DIAG_PERIOD_MS : PLAIN_PERIOD_MS,
      stdin: true,
      onOutput: outBytes,
      onSnapshot: (s) => {
        publish(s);
        if (!summaries || s.timeNs - last < PLAIN_PERIOD_MS * 1e6 * 0.9) return;
        last = s.timeNs;
        io.stderr(summaryLine(s) + "\n");
      },
      onCrash: (m, stack) => io.stderr(internalErrorText(io.env, m, stack)),
    });
    await startDiag(run);
    return finish(await run.done);
  }

  const model = new DashModel();
  const replay: [1 | 2, Uint8Array][] = [];
  let replayBytes = 0;
  let mounted: MountedDashboard | null = null;
  const touch = (): void => mounted?.touch();
  let closed = false;
  const title = [img.progName, ...progArgs].join(" ");
  const run = startInWorker(img.image, img.file, img.progName, progArgs, {
    cwd: io.cwd,
    env: io.env,
    flags,
    periodMs: DASH_PERIOD_MS,
    stdin: false,
    onOutput: (fd, b) => {
      model.addOutput(b);
      if (replayBytes < REPLAY_LIMIT) {
        replay.push([fd, b]);
        replayBytes += b.length;
      }
      touch();
    },
    onSnapshot: (s) => {
      model.addSnapshot(s);
      publish(s);
      touch();
    },
    onCrash: (m, stack) => {
      model.message = `gort internal error: ${m}`;
      replay.push([2, new TextEncoder().encode(internalErrorText(io.env, m, stack))]);
    },
  });
  await startDiag(run);
  let close: () => void = () => {};
  const closedP = new Promise<void>((r) => (close = r));
  const onKey = (k: string): void => {
    if (k === "q") {
      if (model.exitCode !== null) {
        closed = true;
        close();
        return;
      }
      model.message = "stopping…";
      run.stop(130); // as SIGINT would: a shell reports 128+2
      setTimeout(() => {
        if (model.exitCode === null) run.kill();
      }, 2000).unref();
    } else if (k === "p") model.paused = !model.paused;
    else if (k === "g") {
      run.gc();
      model.message = "GC requested";
    } else if (k === "s") {
      if (saving) return;
      saving = true;
      model.message = "capturing a CPU profile and a trace (5 s)…";
      void run.request(REQ_CAPTURE).then(
        (d) => {
          saving = false;
          model.message = saveCapture(io.cwd, img.progName, d as CaptureData);
          touch();
        },
        (e: Error) => {
          saving = false;
          model.message = `capture: ${e.message}`;
          touch();
        },
      );
    } else if (k === "tab") model.cycleFocus();
    touch();
  };
  let saving = false;
  const dash = mountDashboard(model, tty, title, onKey);
  mounted = dash;
  const code = await run.done;
  model.exitCode = code;
  model.message = "";
  touch();
  // the program ended by itself: keep the final picture a moment, then close; q closes at once
  if (!closed) {
    setTimeout(close, model.snap === null ? 0 : 1500).unref();
    await closedP;
  }
  await dash.close();
  for (const [fd, b] of replay) outBytes(fd, b);
  return finish(code);
}

/** What a capture (REQ_CAPTURE) returns. */
export interface CaptureData {
  cpu: Uint8Array | null;
  trace: Uint8Array | null;
  seconds: number;
}

/** Writes a capture next to the program's working directory; returns the status line to show. */
export function saveCapture(dir: string, prog: string, d: CaptureData): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
  const saved: string[] = [];
  try {
    if (d.cpu !== null) {
      const f = `${prog}-${stamp}.cpu.pprof`;
      fs.writeFileSync(path.join(dir, f), d.cpu);
      saved.push(f);
    }
    if (d.trace !== null) {
      const f = `${prog}-${stamp}.trace`;
      fs.writeFileSync(path.join(dir, f), d.trace);
      saved.push(f);
    }
  } catch (e) {
    return `capture: ${(e as Error).message}`;
  }
  return saved.length === 0 ? "capture: profiling or tracing was already running" : `saved ${saved.join(" and ")}`;
}

