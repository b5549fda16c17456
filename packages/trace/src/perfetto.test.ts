import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Ev } from "./events.js";
import { parseTrace } from "./parser.js";
import { type ChromeEvent, checkNesting, toPerfetto } from "./perfetto.js";

const testdata = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "testdata");

describe("toPerfetto", () => {
  for (const name of ["basic", "sched", "parallel", "cpuprof", "gort/sample", "gort/annotations"]) {
    it(`${name}.trace: valid trace-event JSON, tracks per P and goroutine, GC/STW, heap counter, nesting rule`, () => {
      const tr = parseTrace(fs.readFileSync(path.join(testdata, `${name}.trace`)));
      const doc = JSON.parse(JSON.stringify(toPerfetto(tr, `${name}.trace`))) as { traceEvents: ChromeEvent[]; displayTimeUnit: string };
      expect(doc.displayTimeUnit).toBe("ns");
      const evs = doc.traceEvents;
      for (const e of evs) {
        expect(["X", "i", "C", "M", "b", "e", "s", "f"]).toContain(e.ph);
        expect(typeof e.name).toBe("string");
        expect(Number.isInteger(e.pid)).toBe(true);
        if (e.ph !== "M") expect(e.ts).toBeGreaterThanOrEqual(0);
        if (e.ph === "X") {
          expect(e.dur).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(e.tid)).toBe(true);
        }
      }
      const check = checkNesting(doc);
      expect(check.errors).toEqual([]);
      expect(check.violations).toEqual([]);
      expect(check.slices).toBeGreaterThan(30);

      const names = (pid: number) => new Map(evs.filter((e) => e.ph === "M" && e.name === "thread_name" && e.pid === pid).map((e) => [e.tid!, String(e.args!.name)]));
      // one track per P that ran anything
      const ps = new Set(tr.events.filter((e) => e.type === Ev.GoStart).map((e) => e.p));
      const procTracks = names(1);
      for (const p of ps) expect(procTracks.get(p)).toBe(`Proc ${p}`);
      // one track per goroutine, named after its start function
      const gs = new Set(tr.events.filter((e) => e.type === Ev.GoCreate).map((e) => e.args[0]));
      const gTracks = names(2);
      for (const g of gs) expect(gTracks.get(g)).toMatch(new RegExp(`^G${g}( |$)`));
      expect([...gTracks.values()]).toContain("G1 runtime.main");
      // running slices on the goroutine tracks add up to the running spans on the P tracks
      const total = (pid: number, pred: (e: ChromeEvent) => boolean) => evs.filter((e) => e.ph === "X" && e.pid === pid && pred(e)).reduce((a, e) => a + Math.round(e.dur! * 1000), 0);
      const onPs = total(1, (e) => e.tid! < 10000);
      const onGs = total(2, (e) => e.name === "running");
      expect(Math.abs(onPs - onGs)).toBeLessThanOrEqual(evs.length); // rounding: ≤ 1 ns per slice
      // GC cycles and STW pauses, one slice each
      const gcs = tr.events.filter((e) => e.type === Ev.GCStart).length;
      const stws = tr.events.filter((e) => e.type === Ev.GCSTWStart).length;
      expect(evs.filter((e) => e.ph === "X" && e.pid === 3 && e.tid === 1).length).toBe(gcs);
      expect(evs.filter((e) => e.ph === "X" && e.pid === 3 && e.tid === 2 && /^STW \((mark|sweep) termination\)$/.test(e.name)).length).toBe(stws);
      // heap counter, one sample per HeapAlloc
      const heap = evs.filter((e) => e.ph === "C" && e.name === "Heap" && e.args!.alloc !== undefined);
      expect(heap.length).toBe(tr.events.filter((e) => e.type === Ev.HeapAlloc).length);
      // flow arrows come in start/finish pairs with matching ids
      const starts = new Map(evs.filter((e) => e.ph === "s").map((e) => [e.id, e]));
      const ends = evs.filter((e) => e.ph === "f");
      expect(ends.length).toBe(starts.size);
      for (const f of ends) expect(f.ts).toBeGreaterThanOrEqual(starts.get(f.id)!.ts!);
      // CPU profile samples as instants on their P's track
      const samples = tr.events.filter((e) => e.type === Ev.CPUSample && e.p >= 0);
      expect(evs.filter((e) => e.ph === "i" && e.name === "CPU sample").map((e) => e.tid)).toEqual(samples.map((e) => e.p));
      // async task slices are balanced
      const b = evs.filter((e) => e.ph === "b").length;
      expect(evs.filter((e) => e.ph === "e").length).toBe(b);
    });
  }
});

describe("checkNesting", () => {
  const X = (tid: number, ts: number, dur: number, name = "s"): ChromeEvent => ({ name, ph: "X", pid: 1, tid, ts, dur });
  it("accepts nested and adjacent slices", () => {
    const r = checkNesting({ traceEvents: [X(1, 0, 10), X(1, 2, 3), X(1, 5, 5), X(1, 10, 1), X(2, 0, 100)] });
    expect(r.violations).toEqual([]);
    expect(r.tracks).toBe(2);
  });
  it("finds partial overlap on one track", () => {
    const r = checkNesting({ traceEvents: [X(1, 0, 10, "a"), X(1, 5, 10, "b")] });
    expect(r.violations).toEqual([{ pid: 1, tid: 1, a: "a", b: "b", at: 5000 }]);
  });
  it("finds a child poking out of its parent by one nanosecond", () => {
    const r = checkNesting({ traceEvents: [X(1, 0, 10), X(1, 1, 9.001)] });
    expect(r.violations.length).toBe(1);
  });
  it("rejects documents that are not trace-event JSON", () => {
    expect(checkNesting([1, 2]).errors[0]).toMatch(/no traceEvents/);
    expect(checkNesting({ traceEvents: [{ ph: "X", pid: 1, name: "x", ts: -1 }] }).errors[0]).toMatch(/bad ts/);
  });
});
