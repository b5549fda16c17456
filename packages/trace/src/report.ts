/**
 * Text (and SVG) renderings of the analyses, as `gort trace` prints them. Pure functions from
 * analysis results to strings; no I/O. Durations print with 3 significant-ish digits in the unit
 * that fits (ns, µs, ms, s); byte counts in binary units.
 */
import { type GCReport, type LatencyReport, type Summary, evName, histogram, quantile } from "./analyze.js";
import type { GoroutineGroup, GoroutineInfo } from "./goroutines.js";
import type { MMUPoint } from "./mmu.js";

/** A duration in ns as a short human string: 950ns, 12.3µs, 4.56ms, 1.23s. */
export function fmtDur(ns: number): string {
  if (ns < 1000) return `${Math.round(ns)}ns`;
  if (ns < 1e6) return `${trim(ns / 1e3)}µs`;
  if (ns < 1e9) return `${trim(ns / 1e6)}ms`;
  return `${trim(ns / 1e9)}s`;
}

function trim(v: number): string {
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${trim(n / 1024)} KiB`;
  if (n < 1024 ** 3) return `${trim(n / 1024 ** 2)} MiB`;
  return `${trim(n / 1024 ** 3)} GiB`;
}

const pct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : "-");
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A left-aligned text table: first row is the header; columns after the first align right. */
export function table(rows: string[][], leftCols: number | readonly number[] = 1): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  const left = (i: number) => (typeof leftCols === "number" ? i < leftCols : leftCols.includes(i));
  const pad = (c: string, w: number, l: boolean) => (l ? c + " ".repeat(w - [...c].length) : " ".repeat(w - [...c].length) + c);
  return rows
    .map((r) => r.map((c, i) => pad(c, widths[i], left(i))).join("  ").trimEnd())
    .join("\n");
}

function bar(frac: number, width: number): string {
  const n = Math.max(0, Math.min(width, Math.round(frac * width)));
  return "█".repeat(n) + "·".repeat(width - n);
}

export function formatSummary(s: Summary, file: string, size: number): string {
  const lines: string[] = [];
  lines.push(`${file}: Go ${Math.floor(s.version / 1000)}.${s.version % 1000} execution trace, ${fmtBytes(size)}, ${plural(s.events, "event")} in ${plural(s.batches, "batch", "batches")}`);
  lines.push("");
  const rows: string[][] = [
    ["duration", fmtDur(s.duration)],
    ["goroutines", `${s.goroutinesCreated} (${s.userGoroutines} user, ${s.goroutinesCreated - s.userGoroutines} runtime), ${s.goroutinesEnded} ended`],
    ["GOMAXPROCS", s.maxGomaxprocs === 0 ? "unknown (no Gomaxprocs event)" : String(s.maxGomaxprocs)],
    ["GC", `${plural(s.gcCycles, "cycle")}, ${fmtDur(s.gcTime)} in GC (${pct(s.gcTime, s.duration)} of the trace)`],
    ["GC pauses", s.stwPauses === 0 ? "none" : `${plural(s.stwPauses, "stop-the-world pause")}, total ${fmtDur(s.stwTotal)}, max ${fmtDur(s.stwMax)}, mean ${fmtDur(s.stwTotal / s.stwPauses)}`],
    ["heap", s.heapPeak === 0 ? "no heap events" : `peak ${fmtBytes(s.heapPeak)}${s.heapGoalLast > 0 ? `, last goal ${fmtBytes(s.heapGoalLast)}` : ""}`],
  ];
  if (s.userTasks + s.userRegions + s.userLogs > 0) rows.push(["annotations", `${plural(s.userTasks, "task")}, ${plural(s.userRegions, "region")}, ${plural(s.userLogs, "log")}`]);
  lines.push(...rows.map(([k, v]) => `${k.padEnd(12)}${v}`));
  lines.push("");
  const prow: string[][] = [["P", "busy", "util", "", "GC workers", "spans"]];
  for (const p of s.procs) prow.push([`P${p.p}`, fmtDur(p.busy), pct(p.busy, s.duration), bar(s.duration > 0 ? p.busy / s.duration : 0, 20), pct(p.gcWorker, s.duration), String(p.spans)]);
  lines.push("per-P utilisation (time a goroutine ran on the P / trace duration):");
  lines.push(table(prow));
  return lines.join("\n") + "\n";
}

export function formatGoroutines(groups: readonly GoroutineGroup[], gs: readonly GoroutineInfo[]): string {
  const head = ["start function", "N", "total", "execution", "net wait", "sync block", "syscall", "sched wait", "GC sweep", "GC pause"];
  const row = (name: string, n: string, g: GoroutineGroup | GoroutineInfo) => [
    name, n, fmtDur(g.total), fmtDur(g.exec), fmtDur(g.netWait), fmtDur(g.syncBlock), fmtDur(g.syscall), fmtDur(g.schedWait), fmtDur(g.sweep), fmtDur(g.gcPause),
  ];
  const out: string[] = [];
  out.push("goroutines by start function (times summed over the group; blocking syscall, scheduler wait as in go tool trace):");
  out.push(table([head, ...groups.map((g) => row(g.system ? `${g.name} (runtime)` : g.name, String(g.count), g))]));
  const user = gs.filter((g) => !g.system).sort((a, b) => b.exec - a.exec || a.id - b.id);
  if (user.length > 0) {
    out.push("");
    out.push(`user goroutines${user.length > 20 ? " (20 with the most execution time)" : ""}:`);
    const h2 = ["goroutine", ...head.slice(2)];
    out.push(table([h2, ...user.slice(0, 20).map((g) => { const r = row(`G${g.id} ${g.name}`, "", g); r.splice(1, 1); return r; })]));
  }
  return out.join("\n") + "\n";
}

export function formatLatency(rep: LatencyReport): string {
  const out: string[] = [];
  const lat = rep.wakeups.map((w) => w.latency).sort((a, b) => a - b);
  out.push(`scheduler latency: time from becoming runnable (goroutine created or unblocked) to running, ${plural(lat.length, "wakeup")}`);
  if (lat.length === 0) return out.join("\n") + "\n";
  const mean = lat.reduce((a, b) => a + b, 0) / lat.length;
  out.push(`  p50 ${fmtDur(quantile(lat, 0.5))}  p90 ${fmtDur(quantile(lat, 0.9))}  p99 ${fmtDur(quantile(lat, 0.99))}  max ${fmtDur(lat[lat.length - 1])}  mean ${fmtDur(mean)}`);
  out.push("");
  const h = histogram(lat);
  const maxCount = Math.max(...h.counts);
  const rows: string[][] = [];
  let lo = 0;
  h.bounds.forEach((b, i) => {
    const label = b === Infinity ? `≥ ${fmtDur(lo)}` : i === 0 ? `< ${fmtDur(b)}` : `${fmtDur(lo)} – ${fmtDur(b)}`;
    rows.push([label, String(h.counts[i]), pct(h.counts[i], lat.length), "█".repeat(Math.ceil((40 * h.counts[i]) / maxCount))]);
    lo = b;
  });
  out.push(table([["latency", "count", "%", ""], ...rows], [0, 3]));
  if (rep.other.length > 0) {
    const o = rep.other.map((w) => w.latency).sort((a, b) => a - b);
    out.push("");
    out.push(`after Gosched, preemption or a syscall (not in the histogram): ${plural(o.length, "wait")}, p50 ${fmtDur(quantile(o, 0.5))}, p99 ${fmtDur(quantile(o, 0.99))}, max ${fmtDur(o[o.length - 1])}`);
  }
  // where the slow wakeups come from
  const bySite = new Map<string, { n: number; total: number; max: number }>();
  for (const w of rep.wakeups) {
    const key = `${evName(w.cause)} ${w.site === "" ? "(no stack)" : w.site}`;
    const e = bySite.get(key) ?? { n: 0, total: 0, max: 0 };
    e.n++;
    e.total += w.latency;
    e.max = Math.max(e.max, w.latency);
    bySite.set(key, e);
  }
  const top = [...bySite].sort((a, b) => b[1].total - a[1].total).slice(0, 8);
  out.push("");
  out.push("wake sites with the most total latency (event, function at the top of the waker's stack):");
  out.push(table([["site", "count", "total", "max"], ...top.map(([k, e]) => [k, String(e.n), fmtDur(e.total), fmtDur(e.max)])]));
  return out.join("\n") + "\n";
}

export function formatGC(rep: GCReport): string {
  const out: string[] = [];
  const total = rep.pauses.reduce((a, p) => a + p.duration, 0);
  const max = rep.pauses.reduce((a, p) => Math.max(a, p.duration), 0);
  out.push(`GC pauses (stop-the-world): ${rep.pauses.length}${rep.pauses.length > 0 ? `, total ${fmtDur(total)}, max ${fmtDur(max)}` : ""}`);
  if (rep.pauses.length > 0) {
    out.push(table([["#", "GC", "start", "duration", "kind"], ...rep.pauses.map((p, i) => [String(i + 1), p.cycle < 0 ? "-" : String(p.cycle), fmtDur(p.start), fmtDur(p.duration), p.kind])], [4]));
  }
  out.push("");
  out.push(`GC cycles: ${rep.cycles.length}`);
  if (rep.cycles.length > 0) {
    out.push(table([["GC", "start", "duration", "heap at start", "next goal"], ...rep.cycles.map((c) => [String(c.seq), fmtDur(c.start), `${fmtDur(c.duration)}${c.done ? "" : " (not finished)"}`, c.heapBefore > 0 ? fmtBytes(c.heapBefore) : "-", c.goal > 0 ? fmtBytes(c.goal) : "-"])], 0));
  }
  return out.join("\n") + "\n";
}

/** A power-of-ten duration without decimals: 1µs, 10µs, 100µs, 1ms... (other values as fmtDur). */
export function fmtDecade(ns: number): string {
  const units: [number, string][] = [[1e9, "s"], [1e6, "ms"], [1e3, "µs"], [1, "ns"]];
  for (const [u, name] of units) if (ns >= u && Number.isInteger(ns / u)) return `${ns / u}${name}`;
  return fmtDur(ns);
}

const isDecade = (w: number) => Math.abs(Math.log10(w) - Math.round(Math.log10(w))) < 1e-9;

/** The MMU curve as a terminal chart (log window axis) plus a table of decade windows. */
export function formatMMU(curve: readonly MMUPoint[], mean: number): string {
  const out: string[] = [];
  out.push(`minimum mutator utilisation (STW, mark workers and assists count as GC; mean utilisation ${(100 * mean).toFixed(1)}%)`);
  if (curve.length === 0) {
    out.push("  no curve: the trace has no Gomaxprocs event or is too short");
    return out.join("\n") + "\n";
  }
  const H = 10;
  const colW = 3;
  for (let r = H; r >= 1; r--) {
    const label = r === H ? "100% ┤" : r === H / 2 ? " 50% ┤" : "     │";
    let line = label;
    for (const p of curve) {
      const v = p.mmu * H;
      const ch = v >= r ? "█" : v >= r - 0.5 ? "▄" : " ";
      line += ch.repeat(colW);
    }
    out.push(line.trimEnd() || label);
  }
  out.push(`  0% └${"─".repeat(curve.length * colW)}`);
  // window labels at decades
  let axis = "      ";
  let i = 0;
  while (i < curve.length) {
    const w = curve[i].window;
    if (isDecade(w)) {
      const l = fmtDecade(w);
      axis += l;
      const used = Math.ceil(l.length / colW);
      axis += " ".repeat(used * colW - l.length);
      i += used;
    } else {
      axis += " ".repeat(colW);
      i++;
    }
  }
  out.push(axis.trimEnd());
  out.push("        window size (log scale)");
  out.push("");
  out.push(table([["window", "MMU", "worst window starts at"], ...curve.filter((p) => isDecade(p.window) || p === curve[curve.length - 1]).map((p) => [isDecade(p.window) ? fmtDecade(p.window) : fmtDur(p.window), `${(100 * p.mmu).toFixed(1)}%`, fmtDur(p.at)])]));
  return out.join("\n") + "\n";
}

/** The MMU curve as a standalone SVG line chart (log window axis, 0–100 % utilisation). */
export function mmuSVG(curve: readonly MMUPoint[], title: string): string {
  const W = 720;
  const H = 400;
  const L = 60;
  const R = 20;
  const T = 40;
  const B = 50;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${W / 2}" y="22" text-anchor="middle" font-size="14">${esc(title)}</text>`);
  const x0 = L;
  const x1 = W - R;
  const y0 = H - B;
  const y1 = T;
  if (curve.length > 0) {
    const lmin = Math.log10(curve[0].window);
    const lmax = Math.max(Math.log10(curve[curve.length - 1].window), lmin + 1e-9);
    const xs = (w: number) => x0 + ((Math.log10(w) - lmin) / (lmax - lmin)) * (x1 - x0);
    const ys = (u: number) => y0 - u * (y0 - y1);
    for (let u = 0; u <= 1.0001; u += 0.25) {
      parts.push(`<line x1="${x0}" y1="${ys(u).toFixed(1)}" x2="${x1}" y2="${ys(u).toFixed(1)}" stroke="#ddd"/>`);
      parts.push(`<text x="${x0 - 6}" y="${(ys(u) + 4).toFixed(1)}" text-anchor="end">${Math.round(u * 100)}%</text>`);
    }
    for (let e = Math.ceil(lmin); e <= Math.floor(lmax); e++) {
      const x = xs(10 ** e).toFixed(1);
      parts.push(`<line x1="${x}" y1="${y0}" x2="${x}" y2="${y1}" stroke="#ddd"/>`);
      parts.push(`<text x="${x}" y="${y0 + 16}" text-anchor="middle">${esc(fmtDecade(10 ** e))}</text>`);
    }
    const pts = curve.map((p) => `${xs(p.window).toFixed(1)},${ys(p.mmu).toFixed(1)}`).join(" ");
    parts.push(`<polyline fill="none" stroke="#1a73e8" stroke-width="2" points="${pts}"/>`);
    for (const p of curve) parts.push(`<circle cx="${xs(p.window).toFixed(1)}" cy="${ys(p.mmu).toFixed(1)}" r="2.5" fill="#1a73e8"><title>${esc(`${fmtDur(p.window)}: ${(100 * p.mmu).toFixed(1)}%`)}</title></circle>`);
  }
  parts.push(`<line x1="${x0}" y1="${y0}" x2="${x1}" y2="${y0}" stroke="black"/>`);
  parts.push(`<line x1="${x0}" y1="${y0}" x2="${x0}" y2="${y1}" stroke="black"/>`);
  parts.push(`<text x="${(x0 + x1) / 2}" y="${H - 12}" text-anchor="middle">window size</text>`);
  parts.push(`<text x="16" y="${(y0 + y1) / 2}" text-anchor="middle" transform="rotate(-90 16 ${(y0 + y1) / 2})">minimum mutator utilisation</text>`);
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}
