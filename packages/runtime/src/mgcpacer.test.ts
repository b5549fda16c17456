import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  FixedMemorySource,
  GCController,
  GCTriggerKind,
  NO_TRIGGER,
  formatRuntimeFloat,
  maxInt64,
  parseByteCount,
  readGOGC,
  readGOMEMLIMIT,
} from "./mgcpacer.js";

const MiB = 1 << 20;

interface GoalCase {
  name: string;
  marked: number;
  gogc: number;
  limit: bigint;
  stacks: number;
  globals: number;
  /** mappedReady, heapFree, heapAlloc for the limit goal. */
  ready: number;
  free: number;
  alloc: number;
  goal: bigint;
  trigger?: number;
}

// Goals computed by hand from the formulas in sizeclasses.md §4.
const cases: GoalCase[] = [
  { name: "empty heap, minimum goal", marked: 0, gogc: 100, limit: maxInt64, stacks: 0, globals: 0, ready: 0, free: 0, alloc: 0, goal: 4194304n, trigger: 3997696 },
  { name: "stacks and globals count", marked: 10 * MiB, gogc: 100, limit: maxInt64, stacks: MiB, globals: MiB, ready: 0, free: 0, alloc: 0, goal: 22n * 1048576n },
  { name: "GOGC=50", marked: 10 * MiB, gogc: 50, limit: maxInt64, stacks: 0, globals: 0, ready: 0, free: 0, alloc: 0, goal: 15n * 1048576n },
  { name: "GOGC=50 minimum halves", marked: MiB, gogc: 50, limit: maxInt64, stacks: 0, globals: 0, ready: 0, free: 0, alloc: 0, goal: 2n * 1048576n },
  { name: "GOGC=200 minimum doubles", marked: MiB, gogc: 200, limit: maxInt64, stacks: 0, globals: 0, ready: 0, free: 0, alloc: 0, goal: 8n * 1048576n },
  { name: "GOGC=0", marked: 10 * MiB, gogc: 0, limit: maxInt64, stacks: 0, globals: 0, ready: 0, free: 0, alloc: 0, goal: 10n * 1048576n, trigger: 10 * MiB },
  // 2^63-1 - (20 MiB non-heap) - 1 MiB headroom, exactly.
  { name: "GOGC=off no limit", marked: 20 * MiB, gogc: -1, limit: maxInt64, stacks: 0, globals: 0, ready: 40 * MiB, free: 0, alloc: 20 * MiB, goal: maxInt64 - 21n * 1048576n },
  { name: "limit below GOGC goal", marked: 60 * MiB, gogc: 100, limit: 100n * 1048576n, stacks: 0, globals: 0, ready: 70 * MiB, free: 2 * MiB, alloc: 60 * MiB, goal: 91n * 1048576n },
  { name: "limit exceeded: goal = marked", marked: 60 * MiB, gogc: 100, limit: 50n * 1048576n, stacks: 0, globals: 0, ready: 70 * MiB, free: 2 * MiB, alloc: 60 * MiB, goal: 60n * 1048576n },
  { name: "limit above GOGC goal", marked: 10 * MiB, gogc: 100, limit: 1024n * 1048576n, stacks: 0, globals: 0, ready: 30 * MiB, free: 0, alloc: 10 * MiB, goal: 20n * 1048576n },
  { name: "GOGC=off with a limit", marked: 10 * MiB, gogc: -1, limit: 64n * 1048576n, stacks: 0, globals: 0, ready: 12 * MiB, free: 0, alloc: 10 * MiB, goal: 61n * 1048576n },
];

function pacerFor(c: GoalCase): GCController {
  const mem = new FixedMemorySource();
  mem.ready = c.ready;
  mem.free = c.free;
  mem.alloc = c.alloc;
  const p = new GCController(c.gogc, c.limit, mem);
  p.heapMarked = c.marked;
  p.heapLive = c.marked;
  p.lastStackScan = c.stacks;
  p.globalsScan = c.globals;
  p.commit(true);
  return p;
}

describe("pacer goals", () => {
  for (const c of cases) {
    it(c.name, () => {
      const p = pacerFor(c);
      expect(p.heapGoalExact()).toBe(c.goal);
      if (c.goal < 2n ** 53n) expect(p.heapGoal()).toBe(Number(c.goal));
      if (c.trigger !== undefined) expect(p.trigger()).toBe(c.trigger);
    });
  }

  it("GOGC=off prints Go's goal figure", () => {
    // Go printed `8796093022188 MB goal` with ~19.x MiB of non-heap memory.
    const p = pacerFor({ ...cases[6]!, ready: 20 * MiB + 18 * MiB + 4096, alloc: 20 * MiB });
    expect(p.heapGoalExact() >> 20n).toBe(8796093022188n);
  });

  it("trigger always lies between marked and goal, at ≥ 45/64 of the runway", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1 << 30 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 1 << 20 }),
        fc.integer({ min: 0, max: 1 << 20 }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (marked, gogc, stacks, globals, consMark) => {
          const p = new GCController(gogc, maxInt64, new FixedMemorySource());
          p.heapMarked = marked;
          p.heapLive = marked;
          p.lastStackScan = stacks;
          p.lastHeapScan = marked;
          p.globalsScan = globals;
          p.consMark = consMark;
          p.commit(true);
          const t = p.trigger();
          const g = p.goalOut;
          expect(t).toBeLessThanOrEqual(g);
          if (g > marked) {
            expect(t).toBeGreaterThanOrEqual(marked + Math.floor((g - marked) / 64) * 45);
          }
        },
      ),
    );
  });

  it("sweep distance keeps the trigger ≥ heapLive + 1 MiB while sweeping", () => {
    const p = new GCController(100, maxInt64, new FixedMemorySource());
    p.heapMarked = 8 * MiB;
    p.heapLive = 15 * MiB;
    p.commit(false);
    expect(p.trigger()).toBe(16 * MiB);
    expect(p.heapGoal()).toBe(16 * MiB);
  });

  it("setGCPercent / setMemoryLimit return the old value", () => {
    const p = new GCController(100, maxInt64, new FixedMemorySource());
    expect(p.setGCPercent(-5)).toBe(100);
    expect(p.gcPercent).toBe(-1);
    expect(p.setGCPercent(50)).toBe(-1);
    expect(p.heapMinimum).toBe(2 * MiB);
    expect(p.setMemoryLimit(-1n)).toBe(maxInt64); // negative: query only
    expect(p.setMemoryLimit(123n)).toBe(maxInt64);
    expect(p.setMemoryLimit(-1n)).toBe(123n);
  });
});

describe("pacer cycles", () => {
  /**
   * An idealised GC execution in the style of Go's TestGcPacer: every 500 µs of a cycle the
   * assist ratio fixes the split of CPU between scanning and allocating; the pacer is revised
   * with the work done; at the end the live heap grows by `growth`.
   */
  function simulate(opts: {
    cycles: number;
    gogc: number;
    cores: number;
    allocRate: number;
    scanRate: number;
    growth: (i: number) => number;
    stackBytes: number;
    globalsBytes: number;
  }): Array<{ util: number; goalRatio: number; peak: number; goal: number }> {
    const p = new GCController(opts.gogc, maxInt64, new FixedMemorySource());
    p.test = true;
    const out: Array<{ util: number; goalRatio: number; peak: number; goal: number }> = [];
    const periodNs = 500_000;
    const rateConv = (1024 * periodNs) / 1e6;
    let blackLast = 0;
    for (let i = 0; i < opts.cycles; i++) {
      let trigger = p.trigger();
      if (p.heapMarked > trigger) trigger = p.heapMarked;
      p.maxStackScan = opts.stackBytes;
      p.globalsScan = opts.globalsBytes;
      p.heapLive = trigger;
      p.heapScan += trigger - p.heapMarked;
      p.startCycle(0, opts.cores, GCTriggerKind.Heap, false);
      const nextMarked = i === 0 ? 256 << 10 : Math.floor((p.heapMarked - blackLast) * opts.growth(i));
      const left = [opts.globalsBytes, opts.stackBytes, nextMarked];
      let dur = 0;
      let assist = 0;
      let black = 0;
      while (left[0]! + left[1]! + left[2]! > 0) {
        const ratio = p.assistWorkPerByte;
        let u = (ratio * opts.allocRate) / (ratio * opts.allocRate + opts.scanRate);
        if (u < 0.25) u = 0.25;
        const scanned = Math.floor(opts.scanRate * rateConv * opts.cores * u);
        const allocated = Math.floor(opts.allocRate * rateConv * opts.cores * (1 - u));
        const done = [0, 0, 0];
        let w = scanned;
        for (let k = 0; k < 3 && w > 0; k++) {
          const d = Math.min(w, left[k]!);
          done[k] = d;
          left[k]! -= d;
          w -= d;
        }
        let elapsed = periodNs;
        let alloc = allocated;
        const actual = done[0]! + done[1]! + done[2]!;
        if (actual < scanned) {
          elapsed = (actual * periodNs) / (opts.scanRate * rateConv * opts.cores * u);
          alloc = Math.floor(((opts.allocRate * rateConv * elapsed) / periodNs) * opts.cores * (1 - u));
        }
        p.heapLive += alloc;
        p.heapScan += alloc;
        p.globalsScanWork += done[0]!;
        p.stackScanWork += done[1]!;
        p.heapScanWork += done[2]!;
        p.revise();
        assist += Math.floor(elapsed * opts.cores * (u - 0.25));
        dur += Math.floor(elapsed);
        black += alloc;
      }
      const goal = p.heapGoal();
      out.push({ util: assist / (dur * opts.cores) + 0.25, goalRatio: p.heapLive / goal, peak: p.heapLive, goal });
      p.assistTime = assist;
      p.endCycle(dur, opts.cores);
      p.resetLive(nextMarked + black);
      p.commit(false);
      blackLast = black;
    }
    return out;
  }

  it("steady state settles at the 25% goal and near the heap goal (Go's Steady case)", () => {
    const r = simulate({
      cycles: 50,
      gogc: 100,
      cores: 8,
      allocRate: 33,
      scanRate: 1024,
      growth: (i) => 2 - Math.min(i, 12) / 12,
      stackBytes: 8192,
      globalsBytes: 32 << 10,
    });
    const n = r.length;
    expect(Math.abs(r[n - 1]!.util - 0.25)).toBeLessThan(0.25 * 0.005);
    expect(Math.abs(r[n - 1]!.util - r[n - 2]!.util)).toBeLessThan(0.005 * r[n - 1]!.util);
    expect(r[n - 1]!.goalRatio).toBeGreaterThanOrEqual(0.95);
    expect(r[n - 1]!.goalRatio).toBeLessThanOrEqual(1.05);
  });

  it("big stacks: still settles (Go's SteadyBigStacks case)", () => {
    const r = simulate({
      cycles: 50,
      gogc: 100,
      cores: 8,
      allocRate: 132,
      scanRate: 1024,
      growth: (i) => 2 - Math.min(i, 12) / 12,
      stackBytes: 2048 + (128 << 20),
      globalsBytes: 32 << 10,
    });
    const n = r.length;
    expect(Math.abs(r[n - 1]!.util - 0.25)).toBeLessThan(0.25 * 0.005);
    expect(r[n - 1]!.goalRatio).toBeGreaterThanOrEqual(0.95);
    expect(r[n - 1]!.goalRatio).toBeLessThanOrEqual(1.05);
  });

  it("revise: assist ratio is remaining scan work over remaining runway", () => {
    const p = new GCController(100, maxInt64, new FixedMemorySource());
    p.heapMarked = 8 * MiB;
    p.lastHeapScan = 8 * MiB;
    p.heapLive = 12 * MiB;
    p.commit(true);
    p.startCycle(0, 1, GCTriggerKind.Heap, false);
    const goal = p.heapGoal();
    expect(goal).toBe(16 * MiB);
    p.heapScanWork = 2 * MiB;
    p.revise();
    expect(p.assistWorkPerByte).toBeCloseTo((6 * MiB) / (4 * MiB), 12);
  });

  it("revise: when scan work exceeds the estimate, the goal stretches toward the worst case", () => {
    const p = new GCController(100, maxInt64, new FixedMemorySource());
    p.heapMarked = 8 * MiB;
    p.lastHeapScan = 1 * MiB; // the last cycle scanned little
    p.commit(true);
    p.heapLive = 12 * MiB;
    p.heapScan = 8 * MiB;
    p.startCycle(0, 1, GCTriggerKind.Heap, false);
    expect(p.triggered).toBe(16384000); // 61/64 of the runway above marked
    p.heapScanWork = 2 * MiB; // already past the 1 MiB estimate
    p.revise();
    // ext goal = (16 MiB − trigger) / 1 MiB × 8 MiB + trigger = 19529728 (below the 2× hard goal)
    expect(p.assistWorkPerByte).toBeCloseTo((8 * MiB - 2 * MiB) / (19529728 - 12 * MiB), 12);
    // Past the (overshoot) goal the assist ratio becomes huge: finish marking now.
    p.heapLive = 40 * MiB;
    p.revise();
    expect(p.assistWorkPerByte).toBe(6 * MiB);
  });

  it("workers: dedicated + fractional split follows Go", () => {
    const table: Array<[number, number, number]> = [
      [1, 0, 0.25],
      [2, 0, 0.25],
      [3, 0, 0.25],
      [4, 1, 0],
      [6, 1, (1.5 - 1) / 6],
      [8, 2, 0],
    ];
    for (const [procs, ded, frac] of table) {
      const p = new GCController(100, maxInt64, new FixedMemorySource());
      p.startCycle(0, procs, GCTriggerKind.Heap, false);
      expect([procs, p.dedicatedMarkWorkersNeeded]).toEqual([procs, ded]);
      expect(p.fractionalUtilizationGoal).toBeCloseTo(frac, 12);
    }
  });

  it("pacer trace lines use Go's layout", () => {
    const p = new GCController(100, maxInt64, new FixedMemorySource());
    p.heapLive = 3997696;
    p.startCycle(0, 2, GCTriggerKind.Heap, false);
    expect(p.formatStartLine(3 * MiB + 1, p.heapGoal())).toMatch(
      /^pacer: assist ratio=\+\d\.\d{6}e[+-]\d{3} \(scan 0 MB in 3->4 MB\) workers=0\+\+2\.500000e-001\n$/,
    );
    p.heapScanWork = 138504;
    p.stackScanWork = 1856;
    p.globalsScanWork = 223376;
    p.globalsScan = 223376;
    p.heapLive = 4300800;
    p.endCycle(1000, 2);
    expect(p.formatEndLine()).toBe(
      "pacer: 25% CPU (25 exp.) for 138504+1856+223376 B work (223376 B exp.) in 3997696 B -> 4300800 B (\u2206goal 106496, cons/mark +0.000000e+000)\n",
    );
  });
});

describe("environment", () => {
  it("readGOGC", () => {
    expect(readGOGC(undefined)).toBe(100);
    expect(readGOGC("off")).toBe(-1);
    expect(readGOGC("50")).toBe(50);
    expect(readGOGC("0")).toBe(0);
    expect(readGOGC("-3")).toBe(-3);
    expect(readGOGC("abc")).toBe(100);
    expect(readGOGC("4294967296")).toBe(100); // does not fit int32
    expect(readGOGC("OFF")).toBe(100);
  });

  it("readGOMEMLIMIT / parseByteCount", () => {
    expect(readGOMEMLIMIT(undefined)).toBe(maxInt64);
    expect(readGOMEMLIMIT("")).toBe(maxInt64);
    expect(readGOMEMLIMIT("off")).toBe(maxInt64);
    const ok: Array<[string, bigint]> = [
      ["0", 0n],
      ["1024", 1024n],
      ["1024B", 1024n],
      ["10MiB", 10n << 20n],
      ["1GiB", 1n << 30n],
      ["3KiB", 3072n],
      ["2TiB", 2n << 40n],
      ["9223372036854775807", maxInt64],
    ];
    for (const [s, v] of ok) expect([s, parseByteCount(s)]).toEqual([s, v]);
    for (const s of ["10MB", "10KB", "1.5GiB", "-1", "B", "iB", "KiB", "10kiB", "10 MiB", "9223372036854775808", "8388608TiB", "abc"]) {
      expect([s, parseByteCount(s)]).toEqual([s, null]);
    }
  });

  it("runtime float printing matches Go's println", () => {
    // Outputs captured from go1.19 println.
    const table: Array<[number, string]> = [
      [1.185547, "+1.185547e+000"],
      [0.25, "+2.500000e-001"],
      [0, "+0.000000e+000"],
      [0.633785, "+6.337850e-001"],
      [1e-300, "+1.000000e-300"],
      [123456789.123, "+1.234568e+008"],
      [0.1, "+1.000000e-001"],
      [2 / 3, "+6.666667e-001"],
      [9.9999999, "+1.000000e+001"],
      [1e100, "+1.000000e+100"],
      [-2.5, "-2.500000e+000"],
      [NaN, "NaN"],
      [Infinity, "+Inf"],
    ];
    for (const [v, s] of table) expect(formatRuntimeFloat(v)).toBe(s);
  });
});
