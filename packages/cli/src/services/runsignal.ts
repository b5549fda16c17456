/**
 * runsignal.ts — `gort run` of a program that uses os/signal (its image binds
 * os/signal.signal_recv): the program runs on a worker thread (runworker.ts/progworker.ts) and
 * this, the main thread, listens for signals and relays them through the runtime's signal
 * bridge (runtime signal.ts explains why: Node delivers signals only to the main thread's event
 * loop, which never turns while the scheduler runs the program on it). Other programs keep
 * running in-process (runexec.ts execImage): no thread start, no output forwarding.
 */
import { listenSignals, SIGNAL_BRIDGE_WORDS } from "@gort/runtime";
import type { ProgramImage } from "@gort/runtime/image";
import { execImage, type RunFlags, type RunIO } from "./runexec.js";
import { internalErrorText } from "./internalerror.js";
import { startInWorker } from "./runworker.js";

/** Whether the program can catch signals (it links os/signal's receive loop). */
export function usesSignals(image: ProgramImage): boolean {
  return image.natives.includes("os/signal.signal_recv");
}

/** Snapshot period (ms): no watcher reads them; long, so they cost nothing. */
const QUIET_PERIOD_MS = 3_600_000;

/** Runs `image` on a worker thread with signals relayed to it; resolves to the exit status. */
export async function runSignalled(image: ProgramImage, file: string, progName: string, progArgs: readonly string[], io: RunIO, flags: RunFlags): Promise<number> {
  const sab = new SharedArrayBuffer(SIGNAL_BRIDGE_WORDS * 4);
  const stop = listenSignals(sab);
  const dec = new TextDecoder();
  try {
    const run = startInWorker(image, file, progName, progArgs, {
      cwd: io.cwd,
      env: io.env,
      flags,
      periodMs: QUIET_PERIOD_MS,
      stdin: true,
      signals: sab,
      onOutput: (fd, b) => {
        const raw = fd === 1 ? io.stdoutBytes : io.stderrBytes;
        if (raw !== undefined) raw(b);
        else (fd === 1 ? io.stdout : io.stderr)(dec.decode(b));
      },
      onSnapshot: () => {},
      onCrash: (m, stack) => io.stderr(internalErrorText(io.env, m, stack)),
    });
    return await run.done;
  } finally {
    stop();
  }
}

/** execImage, or runSignalled for a program that uses os/signal. */
export function execAny(image: ProgramImage, file: string, progName: string, progArgs: readonly string[], io: RunIO, flags: RunFlags): number | Promise<number> {
  return usesSignals(image) ? runSignalled(image, file, progName, progArgs, io, flags) : execImage(image, file, progName, progArgs, io, flags);
}
