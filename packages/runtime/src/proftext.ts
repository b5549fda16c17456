/**
 * proftext.ts — the legacy text forms of profiles, `Lookup(name).WriteTo(w, debug)` with
 * debug ≥ 1 (Go 1.19's runtime/pprof printCountProfile, printStackRecord, writeHeapInternal and
 * writeProfileInternal text paths, written afresh), and debug=2 of the goroutine profile: every
 * goroutine's traceback, as runtime.Stack(buf, true) prints them.
 *
 * Go writes these through text/tabwriter (minwidth 1, tabwidth 8, padding 1, padchar '\t');
 * `tabify` reproduces what that does to the `#\tpc\tfunc+off\tfile:line` frame lines: within a
 * run of consecutive lines that have a cell in column j, the column is as wide as its widest
 * cell + 1, rounded up to a multiple of 8, and each cell is padded with tabs to that width.
 *
 * Addresses: a recorded word pc w (a return address) prints as byte pc w·4 in "@ …" lists and
 * as w·4 − 1 (the call instruction, Go's frame.PC) in frame lines, its offset from the
 * function's entry byte address after "+".
 */

import type { Sched } from "./proc.js";
import { G_GOID } from "./vm/g.js";
import { traceback } from "./vm/panic.js";
import type { MemStats } from "./mstats.js";
import type { Profiler } from "./prof.js";
import type { MemRecord } from "./profmem.js";

const hex = (v: number): string => "0x" + v.toString(16);

/** text/tabwriter with Go's profile settings, for lines whose cells are '\t'-terminated. */
export function tabify(text: string): string {
  const lines = text.split("\n");
  const cells = lines.map((l) => l.split("\t"));
  const out = cells.map((c) => c.slice());
  // For each column j, runs of consecutive lines with more than j+1 cells share one width.
  const maxCols = Math.max(0, ...cells.map((c) => c.length - 1));
  for (let j = 0; j < maxCols; j++) {
    let i = 0;
    while (i < cells.length) {
      if (cells[i].length - 1 <= j) {
        i++;
        continue;
      }
      let k = i;
      let width = 1;
      while (k < cells.length && cells[k].length - 1 > j) {
        width = Math.max(width, cells[k][j].length + 1);
        k++;
      }
      const cellw = Math.ceil(width / 8) * 8;
      for (let r = i; r < k; r++) {
        const t = cells[r][j].length;
        out[r][j] = cells[r][j] + "\t".repeat(Math.ceil((cellw - t) / 8));
      }
      i = k;
    }
  }
  return out.map((c) => c.join("")).join("\n");
}

/** Frame lines of a stack (Go's printStackRecord): leading runtime frames hidden unless allFrames. */
function stackRecord(prof: Profiler, stack: readonly number[], allFrames: boolean): string {
  const image = prof.sched.image;
  let s = "";
  let show = allFrames;
  for (let i = 0; i < stack.length; i += 2) {
    const id = stack[i];
    const w = stack[i + 1];
    const f = prof.frames([id, w])[0];
    if (show || !f.func.startsWith("runtime.")) {
      show = true;
      s += `#\t${hex(w * 4 - 1)}\t${f.func}+${hex(w * 4 - 1 - image.entries[id] * 4)}\t${f.file}:${f.line}\n`;
    }
  }
  if (stack.length === 0) {
    show = true;
    s += "#\t0x0\n";
  }
  if (!show) return stackRecord(prof, stack, true);
  return s + "\n";
}

function pcList(stack: readonly number[]): string {
  let s = "";
  for (let i = 1; i < stack.length; i += 2) s += " " + hex(stack[i] * 4);
  return s;
}

/** Go's labelMap.String(): {"k":"v", …} sorted by key. */
function labelString(pairs: readonly [string, string][]): string {
  return "{" + pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(", ") + "}";
}

/**
 * A count profile at debug=1 (printCountProfile's legacy format): goroutine, threadcreate, or a
 * custom profile's records.
 */
export function countProfileText(prof: Profiler, name: string, recs: readonly { stack: number[]; labels: number; count: number }[]): string {
  const keyed = recs.map((r) => {
    const lbl = prof.labelsOf(r.labels);
    return { key: "@" + pcList(r.stack) + (lbl.length > 0 ? "\n# labels: " + labelString(lbl) : ""), r };
  });
  // Go: by count (desc), then by key.
  keyed.sort((a, b) => b.r.count - a.r.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let total = 0;
  for (const k of keyed) total += k.r.count;
  let s = `${name} profile: total ${total}\n`;
  for (const k of keyed) s += `${k.r.count} ${k.key}\n` + stackRecord(prof, k.r.stack, false);
  return tabify(s);
}

/** goroutine at debug=2: all goroutines' tracebacks, the calling one first (runtime.Stack(buf, true)). */
export function goroutineStacksText(prof: Profiler, self: number): string {
  const sched: Sched = prof.sched;
  const u32 = sched.mem.u32;
  const tb = (g: number): string => traceback(sched.mem, sched.image, g, sched.statusString(g)) + sched.createdBy(g);
  let s = tb(self);
  for (const g of prof.userGoroutines()) if (g !== self && u32[(g + G_GOID) >>> 2] !== 0) s += "\n" + tb(g);
  return s;
}

/** heap / allocs at debug=1 (writeHeapInternal's legacy format), raw unscaled counts. */
export function heapText(prof: Profiler, ms: MemStats): string {
  const recs: MemRecord[] = prof.mem.records().sort((a, b) => b.allocBytes - b.freeBytes - (a.allocBytes - a.freeBytes));
  let io = 0;
  let ib = 0;
  let ao = 0;
  let ab = 0;
  for (const r of recs) {
    io += r.allocObjects - r.freeObjects;
    ib += r.allocBytes - r.freeBytes;
    ao += r.allocObjects;
    ab += r.allocBytes;
  }
  let s = `heap profile: ${io}: ${ib} [${ao}: ${ab}] @ heap/${2 * prof.mem.rate()}\n`;
  for (const r of recs) {
    s += `${r.allocObjects - r.freeObjects}: ${r.allocBytes - r.freeBytes} [${r.allocObjects}: ${r.allocBytes}] @${pcList(r.stack)}\n`;
    s += stackRecord(prof, r.stack, false);
  }
  const n = (v: number): string => String(Math.max(0, Math.floor(v)));
  const arr = (a: readonly number[]): string => "[" + a.map(n).join(" ") + "]";
  s += "\n# runtime.MemStats\n";
  s += `# Alloc = ${n(ms.Alloc)}\n# TotalAlloc = ${n(ms.TotalAlloc)}\n# Sys = ${n(ms.Sys)}\n# Lookups = ${n(ms.Lookups)}\n`;
  s += `# Mallocs = ${n(ms.Mallocs)}\n# Frees = ${n(ms.Frees)}\n`;
  s += `# HeapAlloc = ${n(ms.HeapAlloc)}\n# HeapSys = ${n(ms.HeapSys)}\n# HeapIdle = ${n(ms.HeapIdle)}\n# HeapInuse = ${n(ms.HeapInuse)}\n`;
  s += `# HeapReleased = ${n(ms.HeapReleased)}\n# HeapObjects = ${n(ms.HeapObjects)}\n`;
  s += `# Stack = ${n(ms.StackInuse)} / ${n(ms.StackSys)}\n# MSpan = ${n(ms.MSpanInuse)} / ${n(ms.MSpanSys)}\n`;
  s += `# MCache = ${n(ms.MCacheInuse)} / ${n(ms.MCacheSys)}\n# BuckHashSys = ${n(ms.BuckHashSys)}\n# GCSys = ${n(ms.GCSys)}\n`;
  s += `# OtherSys = ${n(ms.OtherSys)}\n`;
  s += `# NextGC = ${n(ms.NextGC)}\n# LastGC = ${n(ms.LastGC)}\n# PauseNs = ${arr(ms.PauseNs)}\n# PauseEnd = ${arr(ms.PauseEnd)}\n`;
  s += `# NumGC = ${n(ms.NumGC)}\n# NumForcedGC = ${n(ms.NumForcedGC)}\n# GCCPUFraction = ${formatG(ms.GCCPUFraction)}\n# DebugGC = ${ms.DebugGC ? "true" : "false"}\n`;
  s += `# MaxRSS = ${process.resourceUsage().maxRSS * 1024}\n`;
  return tabify(s);
}

/** Go's %v of a float64 (strconv 'g' with the shortest representation). */
function formatG(v: number): string {
  if (v === 0) return "0";
  const e = Math.floor(Math.log10(Math.abs(v)));
  if (e < -4 || e >= 21) {
    const [m, x] = v.toExponential().split("e");
    const ex = Number(x);
    return `${m}e${ex < 0 ? "-" : "+"}${String(Math.abs(ex)).padStart(2, "0")}`;
  }
  return String(v);
}

/** block / mutex at debug ≥ 1 (writeProfileInternal's legacy format). */
export function cycleText(prof: Profiler, name: "block" | "mutex"): string {
  let s = `--- ${name === "block" ? "contention" : "mutex"}:\ncycles/second=1000000000\n`;
  if (name === "mutex") s += `sampling period=${prof.mutexRate}\n`;
  for (const r of prof.cycleRecords(name)) {
    s += `${Math.trunc(r.cycles)} ${Math.trunc(r.count)} @${pcList(r.stack)}\n`;
    s += stackRecord(prof, r.stack, true);
  }
  return tabify(s);
}
