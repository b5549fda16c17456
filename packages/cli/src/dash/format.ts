/**
 * format.ts — small text pictures for the dashboard: byte sizes, durations, sparklines and
 * bars, and the one-line summary the plain (no terminal) mode prints.
 */
import type { RuntimeSnapshot } from "@gort/runtime";

/** 1536 → "1.5 KB" (binary units, as gctrace's MB are MiB). */
export function fmtBytes(n: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${n < 10 ? n.toFixed(1) : Math.round(n)} ${units[u]}`;
}

/** ns → "850ns", "12µs", "3.4ms", "1.20s". */
export function fmtNs(ns: number): string {
  if (ns < 1e3) return `${Math.round(ns)}ns`;
  if (ns < 1e6) return `${+(ns / 1e3).toPrecision(3)}µs`;
  if (ns < 1e9) return `${+(ns / 1e6).toPrecision(3)}ms`;
  return `${(ns / 1e9).toFixed(2)}s`;
}

const SPARKS = "▁▂▃▄▅▆▇█";

/** A sparkline of the last `width` values, scaled to [0, max(values)] (or `max` when given). */
export function sparkline(values: readonly number[], width: number, max?: number): string {
  const v = values.slice(-width);
  const top = max ?? Math.max(1, ...v);
  return v.map((x) => SPARKS[Math.min(SPARKS.length - 1, Math.max(0, Math.floor((x / top) * (SPARKS.length - 1) + 0.5)))]).join("");
}

/** A horizontal bar `width` cells wide, filled value/max. */
export function bar(value: number, max: number, width: number): string {
  const full = max <= 0 ? 0 : Math.min(width, Math.round((value / max) * width));
  return "█".repeat(full) + "░".repeat(width - full);
}

/** The plain-mode line: one per period on stderr, for logs and pipes. */
export function summaryLine(s: RuntimeSnapshot): string {
  const ps = s.procs.map((p) => `P${p.id}:${p.status}${p.curg !== 0 ? `(g${p.curg})` : ""} q=${p.runq}`).join(" ");
  let out = `gort: t=${(s.timeNs / 1e9).toFixed(1)}s gomaxprocs=${s.gomaxprocs} goroutines=${s.goroutines} runqueue=${s.globalRunq} ${ps}`;
  const gc = s.gc;
  if (gc !== null) {
    const maxPause = gc.pausesNs.length > 0 ? Math.max(...gc.pausesNs) : 0;
    out += ` | gc=${gc.numGC} heap=${fmtBytes(gc.heapAlloc)}/${fmtBytes(gc.heapGoal)} pause-max=${fmtNs(maxPause)} gc-cpu=${(gc.gcCPUFraction * 100).toFixed(1)}%`;
  }
  return out;
}
