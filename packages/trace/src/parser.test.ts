import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Ev } from "./events.js";
import { TraceError } from "./errors.js";
import { eventCounts, formatEvent, parseTrace } from "./parser.js";

const testdata = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "testdata");

/** Every test trace with Go's oracle files: Go-written ones in testdata/, gort-written in testdata/gort/. */
function oracleTraces(): { name: string; base: string }[] {
  const out: { name: string; base: string }[] = [];
  for (const dir of [testdata, path.join(testdata, "gort")]) {
    for (const f of fs.readdirSync(dir).sort()) {
      if (f.endsWith(".d.gz")) out.push({ name: path.relative(testdata, path.join(dir, f.slice(0, -5))), base: path.join(dir, f.slice(0, -5)) });
    }
  }
  return out;
}

/** Go's parse of a test trace: `go tool trace -d` lines keyed by file offset (unique per event). */
function goDump(base: string): Map<number, string> {
  const text = zlib.gunzipSync(fs.readFileSync(`${base}.d.gz`)).toString("utf8");
  const m = new Map<number, string>();
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const off = /\boff=(\d+)\b/.exec(line);
    if (off === null) throw new Error(`bad dump line ${line}`);
    m.set(Number(off[1]), line);
  }
  return m;
}

function goCounts(dump: Map<number, string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of dump.values()) {
    const name = line.split(" ")[1];
    m.set(name, (m.get(name) ?? 0) + 1);
  }
  return m;
}

const sorted = (m: Map<string, number>) => [...m].sort((a, b) => a[0].localeCompare(b[0]));

describe("parseTrace agrees with go tool trace -d", () => {
  it("has Go-written and gort-written test traces", () => {
    expect(oracleTraces().map((t) => t.name)).toEqual(expect.arrayContaining(["basic", "sched", "parallel", "gort/sample", "gort/annotations"]));
  });
  for (const { name, base } of oracleTraces()) {
    it(`${name}.trace: same events, kinds, counts, times, Ps, Gs and arguments`, () => {
      const tr = parseTrace(fs.readFileSync(`${base}.trace`));
      const want = goDump(base);
      expect(sorted(eventCounts(tr.events))).toEqual(sorted(goCounts(want)));
      expect(tr.events.length).toBe(want.size);
      for (const ev of tr.events) expect(formatEvent(ev)).toBe(want.get(ev.off));
      // time order, and every goroutine's own events in Go's order
      for (let i = 1; i < tr.events.length; i++) expect(tr.events[i].ts).toBeGreaterThanOrEqual(tr.events[i - 1].ts);
    });
  }
});

describe("links", () => {
  it("pairs starts with stops, GC with its end, regions with their end", () => {
    const tr = parseTrace(fs.readFileSync(path.join(testdata, "parallel.trace")));
    let starts = 0;
    for (const ev of tr.events) {
      if (ev.type === Ev.GoStart) {
        starts++;
        if (ev.link !== null) {
          expect(ev.link.g).toBe(ev.g);
          expect(ev.link.ts).toBeGreaterThanOrEqual(ev.ts);
        }
      }
      if (ev.type === Ev.GCStart) expect(ev.link?.type).toBe(Ev.GCDone);
      if (ev.type === Ev.GCSTWStart) expect(ev.link?.type).toBe(Ev.GCSTWDone);
      if (ev.type === Ev.UserRegion && ev.args[1] === 0) expect(ev.link?.sargs[0]).toBe(ev.sargs[0]);
      if (ev.type === Ev.UserTaskCreate) expect(ev.link?.type).toBe(Ev.UserTaskEnd);
    }
    expect(starts).toBeGreaterThan(100);
    // the first start of a goroutine carries its creation stack: the start function
    // (parallel.go line 44: the six workers' closure)
    const workers = new Set(tr.events.filter((e) => e.type === Ev.GoStart && tr.stacks.get(e.stk)?.[0].fn === "main.main.func3").map((e) => e.g));
    expect(workers.size).toBe(6);
    expect(tr.stacks.get(tr.events.find((e) => workers.has(e.g) && e.type === Ev.GoStart)!.stk)?.[0].line).toBe(44);
  });
});

describe("bad input is one clear TraceError", () => {
  const good = fs.readFileSync(path.join(testdata, "basic.trace"));
  const cases: [string, Uint8Array, RegExp][] = [
    ["empty file", new Uint8Array(0), /^not a trace file: 0 bytes/],
    ["not a trace", Buffer.from("hello world, this is not a trace file"), /^not a trace file/],
    ["future version", Buffer.concat([Buffer.from("go 1.21 trace\0\0\0"), good.subarray(16)]), /^unsupported trace version 1\.21/],
    ["header only", good.subarray(0, 16), /^trace is empty/],
    ["cut inside an event", good.subarray(0, 1000), /^truncated trace: \w+ at offset 0x[0-9a-f]+ runs past the end of the file \(1000 bytes\)$/],
    ["cut before the footer", good.subarray(0, good.indexOf(Buffer.from([2]), 16) > 0 ? findFrequency(good) : 17), /^no Frequency record/],
    ["bad event type", Buffer.concat([good.subarray(0, 16), Buffer.from([0x41, 0, 1, 0x3f])]), /^unknown event type 63 at offset 0x13$/],
  ];
  for (const [what, bytes, re] of cases) {
    it(what, () => {
      let err: unknown;
      try {
        parseTrace(bytes);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TraceError);
      const msg = (err as Error).message;
      expect(msg).toMatch(re);
      expect(msg).not.toContain("\n");
    });
  }
  it("every truncation of a real trace is a TraceError, never a crash", () => {
    for (let n = 0; n < good.length; n += 97) {
      try {
        parseTrace(good.subarray(0, n));
      } catch (e) {
        expect(e).toBeInstanceOf(TraceError);
        expect((e as Error).message).not.toContain("\n");
      }
    }
  });
});

describe("corrupted traces (seeded byte flips): a TraceError or a trace every analysis accepts", () => {
  for (const name of ["basic", "gort/sample"]) {
    it(name, async () => {
      const { summarize, schedLatency, gcReport } = await import("./analyze.js");
      const { goroutineStats } = await import("./goroutines.js");
      const { mutatorUtilization, mmuCurve } = await import("./mmu.js");
      const { toPerfetto, checkNesting } = await import("./perfetto.js");
      const good = fs.readFileSync(path.join(testdata, `${name}.trace`));
      let seed = 12345;
      const rnd = (n: number) => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return seed % n;
      };
      let parsed = 0;
      let rejected = 0;
      for (let i = 0; i < 80; i++) {
        const bad = Uint8Array.from(good);
        const flips = 1 + rnd(3);
        for (let k = 0; k < flips; k++) bad[16 + rnd(bad.length - 16)] ^= 1 << rnd(8);
        let tr;
        try {
          tr = parseTrace(bad);
        } catch (e) {
          expect(e, String((e as Error).stack)).toBeInstanceOf(TraceError);
          expect((e as Error).message).not.toContain("\n");
          rejected++;
          continue;
        }
        parsed++;
        summarize(tr);
        schedLatency(tr);
        gcReport(tr);
        goroutineStats(tr);
        mmuCurve(mutatorUtilization(tr));
        expect(checkNesting(toPerfetto(tr)).violations).toEqual([]);
      }
      expect(rejected).toBeGreaterThan(20);
      expect(parsed + rejected).toBe(80);
    });
  }
});

/** Offset of the Frequency record (type 2, n=0) in a Go-written trace, found by decoding. */
function findFrequency(buf: Uint8Array): number {
  // the footer is Frequency then the stack-dump Batch; scan from the end for "02 varint 41 00"
  for (let i = buf.length - 8; i > 16; i--) {
    if (buf[i] !== 0x02) continue;
    let j = i + 1;
    while (buf[j] & 0x80) j++;
    if (buf[j + 1] === 0x41 && buf[j + 2] === 0x00) return i;
  }
  throw new Error("no Frequency record found");
}
