import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { gcReport, histogram, quantile, schedLatency, summarize } from "./analyze.js";
import { goroutineStats } from "./goroutines.js";
import { parseTrace } from "./parser.js";
import { formatGC, formatLatency, formatMMU, formatSummary, fmtDur, mmuSVG } from "./report.js";
import { mmuCurve, mutatorUtilization } from "./mmu.js";

const testdata = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "testdata");

/** Go's `go tool trace -d` lines as [ts, name, fields] (the oracle, see testdata/oracle.sh). */
function goEvents(base: string): { ts: number; name: string; f: Record<string, string> }[] {
  const text = zlib.gunzipSync(fs.readFileSync(`${base}.d.gz`)).toString("utf8");
  return text.trim().split("\n").map((line) => {
    const [ts, name, ...rest] = line.split(" ");
    const f: Record<string, string> = {};
    for (const kv of rest) {
      const i = kv.indexOf("=");
      if (i > 0) f[kv.slice(0, i)] = kv.slice(i + 1);
    }
    return { ts: Number(ts), name, f };
  });
}

const traces = ["basic", "sched", "parallel", "cpuprof", "gort/sample", "gort/annotations"];

describe("analyses checked against Go's parse of the same traces", () => {
  for (const name of traces) {
    const base = path.join(testdata, name);
    it(`${name}: summary, GC pauses and cycles`, () => {
      const tr = parseTrace(fs.readFileSync(`${base}.trace`));
      const go = goEvents(base);
      const s = summarize(tr);
      const n = (ev: string) => go.filter((e) => e.name === ev).length;
      expect(s.events).toBe(go.length);
      expect(s.duration).toBe(Math.max(...go.map((e) => e.ts)));
      expect(s.goroutinesCreated).toBe(n("GoCreate"));
      expect(s.goroutinesEnded).toBe(n("GoEnd") + n("GoStop"));
      expect(s.gcCycles).toBe(n("GCStart"));
      expect(s.stwPauses).toBe(n("GCSTWStart"));
      expect(s.maxGomaxprocs).toBe(Math.max(0, ...go.filter((e) => e.name === "Gomaxprocs").map((e) => Number(e.f.procs))));
      expect(s.heapPeak).toBe(Math.max(0, ...go.filter((e) => e.name === "HeapAlloc").map((e) => Number(e.f.mem))));
      // every nanosecond a P ran a goroutine is a nanosecond some goroutine executed
      const busy = s.procs.reduce((a, p) => a + p.busy, 0);
      const exec = goroutineStats(tr).reduce((a, g) => a + g.exec, 0);
      expect(busy).toBe(exec);
      for (const p of s.procs) expect(p.busy).toBeLessThanOrEqual(s.duration);

      // pauses: Go's STW start/done pairs (global: no nesting), with kinds; a pause still open at
      // the end of the trace is reported too (running to the end), so compare the closed ones
      const pairs: { start: number; dur: number; kind: string }[] = [];
      let open: { ts: number; kind: string } | null = null;
      for (const e of go) {
        if (e.name === "GCSTWStart") open = { ts: e.ts, kind: e.f.kind === "mark" ? "mark termination" : "sweep termination" };
        if (e.name === "GCSTWDone" && open !== null) {
          pairs.push({ start: open.ts, dur: e.ts - open.ts, kind: open.kind });
          open = null;
        }
      }
      const rep = gcReport(tr);
      expect(rep.pauses.slice(0, pairs.length).map((p) => ({ start: p.start, dur: p.duration, kind: p.kind }))).toEqual(pairs);
      const starts = go.filter((e) => e.name === "GCStart").map((e) => e.ts);
      const dones = go.filter((e) => e.name === "GCDone").map((e) => e.ts);
      expect(rep.cycles.map((c) => c.start)).toEqual(starts);
      expect(rep.cycles.filter((c) => c.done).map((c) => c.start + c.duration)).toEqual(dones);
      expect(formatGC(rep)).toContain(`GC cycles: ${starts.length}`);
      expect(formatSummary(s, `${name}.trace`, 1)).toContain(`${s.events} events`);
    });
  }

  it("scheduler latency: one wakeup per create/unblock followed by a start", () => {
    const base = path.join(testdata, "parallel");
    const tr = parseTrace(fs.readFileSync(`${base}.trace`));
    const rep = schedLatency(tr);
    const go = goEvents(base);
    // from Go's listing: for each goroutine, each GoCreate/GoUnblock of it followed by its next GoStart
    const pending = new Map<string, number>();
    const want: number[] = [];
    for (const e of go) {
      if (e.name === "GoCreate" || e.name === "GoUnblock") pending.set(e.f.g, e.ts);
      else if (e.name === "GoStart" || e.name === "GoStartLabel") {
        const t = pending.get(e.f.g);
        if (t !== undefined) want.push(e.ts - t);
        pending.delete(e.f.g);
      } else if (e.name === "GoSched" || e.name === "GoPreempt" || e.name === "GoSysExit") pending.delete(e.f.g); // runnable for another reason
    }
    expect(rep.wakeups.map((w) => w.latency).sort((a, b) => a - b)).toEqual(want.sort((a, b) => a - b));
    const h = histogram(want);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(want.length);
    expect(formatLatency(rep)).toContain(`${want.length} wakeups`);
  });
});

describe("helpers", () => {
  it("quantile is nearest-rank", () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(v, 0.5)).toBe(5);
    expect(quantile(v, 0.9)).toBe(9);
    expect(quantile(v, 0.99)).toBe(10);
    expect(quantile([], 0.5)).toBe(0);
  });
  it("histogram buckets 1-2-5 and trims empty ends", () => {
    const h = histogram([150, 150, 4000, 7e9]);
    expect(h.bounds[0]).toBe(200);
    expect(h.counts[0]).toBe(2);
    expect(h.bounds[h.bounds.length - 1]).toBe(1e10);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(4);
  });
  it("fmtDur", () => {
    expect([999, 1000, 12345, 4.567e6, 1.5e9].map(fmtDur)).toEqual(["999ns", "1.00µs", "12.3µs", "4.57ms", "1.50s"]);
  });
  it("MMU chart and SVG", () => {
    const util = mutatorUtilization(parseTrace(fs.readFileSync(path.join(testdata, "sched.trace"))));
    const curve = mmuCurve(util);
    const text = formatMMU(curve, 0.9);
    expect(text).toMatch(/^100% ┤/m);
    expect(text).toMatch(/^ {6}1µs +10µs +100µs +1ms +10ms$/m);
    const svg = mmuSVG(curve, "t <1>");
    expect(svg).toContain("t &lt;1&gt;");
    expect((svg.match(/<circle /g) ?? []).length).toBe(curve.length);
  });
});
