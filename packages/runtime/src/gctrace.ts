/**
 * gctrace.ts — the GODEBUG=gctrace=1 summary line, byte for byte in Go 1.19's layout
 * (see /work/shared/reference/gctrace.md; Go prints it at the end of gcMarkTermination in mgc.go).
 *
 *   gc N @T s U%: c1+c2+c3 ms clock, p1+p2/p3/p4+p5 ms cpu, H0->H1->H2 MB, G MB goal,
 *   S MB stacks, GL MB globals, P P[ (forced)]
 *
 * The caller (mgc.ts) fills a GCTraceRecord from measured phase timestamps and pacer figures;
 * this file only formats. Times are nanoseconds (doubles holding integers), byte counts doubles,
 * the goal a bigint (it may sit near 2^63 when GOGC=off).
 */

/** Everything one gctrace line shows. */
export interface GCTraceRecord {
  /** Cycle number (memstats.numgc after increment; first cycle is 1). */
  cycle: number;
  /** Start of sweep termination relative to runtime init (ns). */
  sinceInitNs: number;
  /** Cumulative GC CPU fraction (0..1); printed as truncated percent. */
  cpuFraction: number;
  /** Wall times of the three phases (ns). */
  sweepTermNs: number;
  markNs: number;
  markTermNs: number;
  /** CPU times (ns): STW phases × procs, assist, background (dedicated+fractional), idle. */
  sweepTermCpuNs: number;
  assistCpuNs: number;
  backgroundCpuNs: number;
  idleCpuNs: number;
  markTermCpuNs: number;
  /** Heap live at start, at mark termination, and marked (bytes). */
  heap0: number;
  heap1: number;
  heap2: number;
  /** Heap goal of the cycle (bytes). */
  goal: bigint;
  /** Scannable stack bytes (pacer's maxStackScan) and globals (bytes). */
  stacks: number;
  globals: number;
  /** GOMAXPROCS at the start of the cycle. */
  procs: number;
  /** runtime.GC / debug.FreeOSMemory. */
  forced: boolean;
}

/**
 * Formats `val / 10^dec` with exactly `dec` decimals (Go's itoaDiv). `val` is a non-negative
 * integer.
 */
export function itoaDiv(val: number, dec: number): string {
  let s = String(Math.trunc(val));
  if (dec === 0) return s;
  while (s.length <= dec) s = "0" + s;
  return s.slice(0, s.length - dec) + "." + s.slice(s.length - dec);
}

/**
 * Formats nanoseconds as milliseconds the way gctrace does (Go's fmtNSAsMS): whole ms from 10 ms
 * up; below that two significant digits, at most three decimals, truncated; under 1 µs "0".
 */
export function fmtNSAsMS(ns: number): string {
  if (ns < 0) ns = 0;
  if (ns >= 10e6) return itoaDiv(Math.floor(ns / 1e6), 0);
  let x = Math.floor(ns / 1e3);
  if (x === 0) return "0";
  let dec = 3;
  while (x >= 100) {
    x = Math.floor(x / 10);
    dec--;
  }
  return itoaDiv(x, dec);
}

function mb(bytes: number): number {
  return Math.floor(bytes / 1048576);
}

/** The full line, including the trailing newline. */
export function formatGCTrace(r: GCTraceRecord): string {
  return (
    "gc " +
    r.cycle +
    " @" +
    itoaDiv(Math.floor(r.sinceInitNs / 1e6), 3) +
    "s " +
    Math.trunc(r.cpuFraction * 100) +
    "%: " +
    fmtNSAsMS(r.sweepTermNs) +
    "+" +
    fmtNSAsMS(r.markNs) +
    "+" +
    fmtNSAsMS(r.markTermNs) +
    " ms clock, " +
    fmtNSAsMS(r.sweepTermCpuNs) +
    "+" +
    fmtNSAsMS(r.assistCpuNs) +
    "/" +
    fmtNSAsMS(r.backgroundCpuNs) +
    "/" +
    fmtNSAsMS(r.idleCpuNs) +
    "+" +
    fmtNSAsMS(r.markTermCpuNs) +
    " ms cpu, " +
    mb(r.heap0) +
    "->" +
    mb(r.heap1) +
    "->" +
    mb(r.heap2) +
    " MB, " +
    (r.goal >> 20n).toString() +
    " MB goal, " +
    mb(r.stacks) +
    " MB stacks, " +
    mb(r.globals) +
    " MB globals, " +
    r.procs +
    " P" +
    (r.forced ? " (forced)" : "") +
    "\n"
  );
}

/**
 * A regular expression matching exactly the Go 1.19 gctrace layout (one line, no newline);
 * used by tests and by tools that parse gctrace output.
 */
export const gctraceLineRE =
  /^gc (\d+) @(\d+\.\d{3})s (\d+)%: (\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?) ms clock, (\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?) ms cpu, (\d+)->(\d+)->(\d+) MB, (\d+) MB goal, (\d+) MB stacks, (\d+) MB globals, (\d+) P( \(forced\))?$/;
