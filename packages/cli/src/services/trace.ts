/**
 * `gort trace FILE`: reads a Go 1.19 execution trace (written by `gort run --trace`, by a gort
 * program calling runtime/trace, or by Go itself) and prints analyses of it:
 *
 *   (no flag)        summary: duration, goroutines, GC cycles and pauses, per-P utilisation
 *   --goroutines     time per start function: execution, network wait, sync block, blocking
 *                    syscall, scheduler wait, GC sweeping, GC pause (Go's goroutine analysis)
 *   --latency        scheduler latency histogram (created/unblocked → running)
 *   --gc             stop-the-world pause table and GC cycles
 *   --mmu            minimum mutator utilisation curve in the terminal; --svg=FILE also writes it
 *   --perfetto OUT   Chrome trace-event JSON for ui.perfetto.dev (checked for the nesting rule)
 *   -d / --dump      the parsed events, one per line, in `go tool trace -d`'s format
 *
 * Several flags may be combined; sections print in the order above. Bad input (missing file, not
 * a trace, corrupt or truncated trace) prints one line "gort trace: FILE: what is wrong" and
 * exits 1; a bug in gort prints check.ts's "internal error" report and exits 3.
 * The analysis itself lives in @gort/trace; this file only reads, dispatches and writes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  NestingChecker, TraceError, type Trace, exportPerfetto, formatEvent, formatGC, formatGoroutines, formatLatency, formatMMU, formatSummary, gcReport,
  goroutineStats, groupByStartFunction, mmuCurve, mmuSVG, mutatorUtilization, parseTrace, schedLatency, summarize,
} from "@gort/trace";
import { withInternalErrorHandler } from "./check.js";

export interface TraceOptions {
  file: string;
  goroutines?: boolean;
  latency?: boolean;
  gc?: boolean;
  mmu?: boolean;
  /** Write the MMU curve as SVG here (implies mmu). */
  svg?: string;
  /** Write Chrome trace-event JSON here. */
  perfetto?: string;
  dump?: boolean;
}

export interface TraceIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** A problem with the user's input: printed as one line, exit status 1. */
class UserError extends Error {}

function readInput(file: string, io: TraceIO): Uint8Array {
  try {
    return fs.readFileSync(path.resolve(io.cwd, file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file or directory" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new UserError(`open ${file}: ${why}`);
  }
}

function writeOutput(file: string, data: string, io: TraceIO): void {
  try {
    fs.writeFileSync(path.resolve(io.cwd, file), data);
  } catch (e) {
    throw new UserError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * Writes the Perfetto export to out event by event (one JSON string of a big trace would exceed
 * V8's string limit), checking the nesting rule on the way; an invalid export is a gort bug:
 * the file is removed and the error thrown. Returns the report line.
 */
function writePerfetto(tr: Trace, file: string, out: string, io: TraceIO): string {
  const target = path.resolve(io.cwd, out);
  let fd: number;
  try {
    fd = fs.openSync(target, "w");
  } catch (e) {
    throw new UserError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const checker = new NestingChecker();
  let buf: string[] = [];
  let bufLen = 0;
  let count = 0;
  const flush = () => {
    fs.writeSync(fd, buf.join(""));
    buf = [];
    bufLen = 0;
  };
  let result;
  try {
    fs.writeSync(fd, '{"traceEvents":[\n');
    const otherData = exportPerfetto(tr, path.basename(file), (e) => {
      checker.add(e);
      const s = (count++ === 0 ? "" : ",\n") + JSON.stringify(e);
      buf.push(s);
      bufLen += s.length;
      if (bufLen > 1 << 20) flush();
    });
    flush();
    fs.writeSync(fd, `\n],"displayTimeUnit":"ns","otherData":${JSON.stringify(otherData)}}\n`);
    result = checker.result();
  } finally {
    fs.closeSync(fd);
  }
  if (result.errors.length > 0 || result.violations.length > 0) {
    fs.rmSync(target, { force: true });
    const v = result.violations[0];
    throw new Error(`perfetto export is invalid: ${result.errors[0] ?? `slices "${v.a}" and "${v.b}" overlap on track ${v.pid}/${v.tid} at ${v.at} ns`}`);
  }
  return `wrote ${out}: ${result.slices} slices on ${result.tracks} tracks, ${count} trace events (open it in https://ui.perfetto.dev)\n`;
}

/** Runs `gort trace` with parsed options; returns the exit status (0, 1 bad input, 3 gort bug). */
export function runTrace(opts: TraceOptions, io: TraceIO): number {
  return withInternalErrorHandler(io, () => runTraceOrThrow(opts, io));
}

function runTraceOrThrow(opts: TraceOptions, io: TraceIO): number {
  try {
    const bytes = readInput(opts.file, io);
    let tr;
    try {
      tr = parseTrace(bytes);
    } catch (e) {
      if (e instanceof TraceError) throw new UserError(`${opts.file}: ${e.message}`);
      throw e;
    }
    const wantMMU = opts.mmu === true || opts.svg !== undefined;
    const any = opts.goroutines === true || opts.latency === true || opts.gc === true || wantMMU || opts.dump === true;
    const sections: string[] = [];
    if (opts.dump === true) {
      const lines = tr.events.map(formatEvent);
      sections.push(lines.join("\n") + "\n");
    }
    if (!any) sections.push(formatSummary(summarize(tr), opts.file, bytes.length));
    if (opts.goroutines === true) {
      const gs = goroutineStats(tr);
      sections.push(formatGoroutines(groupByStartFunction(gs), gs));
    }
    if (opts.latency === true) sections.push(formatLatency(schedLatency(tr)));
    if (opts.gc === true) sections.push(formatGC(gcReport(tr)));
    if (wantMMU) {
      const util = mutatorUtilization(tr);
      const curve = mmuCurve(util);
      let area = 0;
      for (let i = 1; i < util.length; i++) area += util[i - 1].u * (util[i].t - util[i - 1].t);
      const span = util.length > 1 ? util[util.length - 1].t - util[0].t : 0;
      let text = formatMMU(curve, span > 0 ? area / span : 0);
      if (opts.svg !== undefined) {
        writeOutput(opts.svg, mmuSVG(curve, `Minimum mutator utilisation — ${path.basename(opts.file)}`), io);
        text += `wrote ${opts.svg}\n`;
      }
      sections.push(text);
    }
    if (opts.perfetto !== undefined) sections.push(writePerfetto(tr, opts.file, opts.perfetto, io));
    io.stdout(sections.join("\n"));
    return 0;
  } catch (e) {
    if (e instanceof UserError) {
      io.stderr(`gort trace: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
