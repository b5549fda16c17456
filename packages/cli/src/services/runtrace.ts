/**
 * runtrace.ts — `gort run --trace FILE`: an execution trace of the whole run in Go 1.19's
 * format (`go tool trace FILE`, `gort trace FILE`). The tracer (runtime/src/trace.ts) starts
 * on the scheduler before goroutine 1 runs and stops after the program ends; each full 64 KiB
 * buffer is written to the file as it fills (synchronously, like the rest of the run), the
 * Frequency record and stack table at the end.
 */
import * as fs from "node:fs";
import { startTrace, type Sched, type Tracer } from "@gort/runtime";

/** A trace being written to a file. */
export interface RunTrace {
  /** Starts tracing `sched` (runGo's onSched). */
  start(sched: Sched): void;
  /** Ends the trace and closes the file (idempotent). */
  stop(): void;
}

/**
 * Opens FILE for `--trace`. Returns the trace, or an error line ("open FILE: reason") when the
 * file cannot be created — the caller reports it and does not run the program, as go test -trace.
 */
export function openRunTrace(file: string): RunTrace | string {
  let fd: number;
  try {
    fd = fs.openSync(file, "w");
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file or directory" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "is a directory" : String((e as Error).message);
    return `open ${file}: ${why}`;
  }
  let tracer: Tracer | null = null;
  let open = true;
  return {
    start(sched) {
      const write = (chunk: Uint8Array): void => {
        let off = 0;
        while (off < chunk.length) off += fs.writeSync(fd, chunk, off, chunk.length - off);
      };
      // the file takes each chunk before write returns: the tracer may reuse its buffers
      const opts: NonNullable<Parameters<typeof startTrace>[2]> & { syncSink?: boolean } = { syncSink: true };
      tracer = startTrace(sched, write, opts);
    },
    stop() {
      if (!open) return;
      open = false;
      if (tracer !== null) tracer.stop();
      fs.closeSync(fd);
    },
  };
}
