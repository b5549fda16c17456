import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fmtNSAsMS, formatGCTrace, gctraceLineRE, itoaDiv, type GCTraceRecord } from "./gctrace.js";

describe("gctrace", () => {
  it("fmtNSAsMS follows Go's table", () => {
    const table: Array<[number, string]> = [
      [88_000, "0.088"],
      [370_000, "0.37"],
      [1_900_000, "1.9"],
      [5_000, "0.005"],
      [9_990_000, "9.9"],
      [10_000_000, "10"],
      [13_400_000, "13"],
      [120_000_000, "120"],
      [999, "0"],
      [0, "0"],
      [1_000, "0.001"],
      [99_999, "0.099"],
      [100_000, "0.10"],
    ];
    for (const [ns, s] of table) expect([ns, fmtNSAsMS(ns)]).toEqual([ns, s]);
  });

  it("itoaDiv", () => {
    expect(itoaDiv(1, 3)).toBe("0.001");
    expect(itoaDiv(120012, 3)).toBe("120.012");
    expect(itoaDiv(7, 0)).toBe("7");
  });

  const base: GCTraceRecord = {
    cycle: 1,
    sinceInitNs: 1_400_000,
    cpuFraction: 0.1178,
    sweepTermNs: 88_000,
    markNs: 370_000,
    markTermNs: 2_000,
    sweepTermCpuNs: 176_000,
    assistCpuNs: 100_000,
    backgroundCpuNs: 85_000,
    idleCpuNs: 67_000,
    markTermCpuNs: 4_000,
    heap0: 3 * 1048576 + 5,
    heap1: 4 * 1048576,
    heap2: 3 * 1048576 + 999999,
    goal: 4194304n,
    stacks: 1000,
    globals: 2000,
    procs: 2,
    forced: false,
  };

  it("formats Go's first real line byte for byte", () => {
    expect(formatGCTrace(base)).toBe(
      "gc 1 @0.001s 11%: 0.088+0.37+0.002 ms clock, 0.17+0.10/0.085/0.067+0.004 ms cpu, 3->4->3 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n",
    );
    expect(formatGCTrace({ ...base, cycle: 13, forced: true, goal: 8796093022188n << 20n })).toMatch(/8796093022188 MB goal, .* 2 P \(forced\)\n$/);
  });

  it("Go's real lines match the layout regex", () => {
    const lines = [
      "gc 1 @0.001s 11%: 0.088+0.37+0.002 ms clock, 0.17+0.10/0.085/0.067+0.004 ms cpu, 3->4->3 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P",
      "gc 13 @0.064s 4%: 0.009+0.77+0.002 ms clock, 0.018+0/0.40/0.33+0.004 ms cpu, 24->24->20 MB, 43 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)",
      "gc 1 @0.018s 0%: 0.068+0.67+0.003 ms clock, 0.13+0/0.18/0.42+0.006 ms cpu, 198->198->20 MB, 8796093022188 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)",
      // go1.19 here, a binary-trees style program (whole-ms fields above 10 ms):
      "gc 10 @0.995s 27%: 0.019+224+0.051 ms clock, 0.039+5.2/166/119+0.10 ms cpu, 68->76->44 MB, 80 MB goal, 0 MB stacks, 0 MB globals, 2 P",
      "gc 13 @1.870s 22%: 0.017+76+0.003 ms clock, 0.035+0/46/106+0.007 ms cpu, 100->100->60 MB, 133 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)",
    ];
    for (const l of lines) expect(l).toMatch(gctraceLineRE);
    // And our formatter reproduces one of them exactly from its fields.
    expect(
      formatGCTrace({
        cycle: 10,
        sinceInitNs: 995_400_000,
        cpuFraction: 0.2799,
        sweepTermNs: 19_500,
        markNs: 224_900_000,
        markTermNs: 51_999,
        sweepTermCpuNs: 39_000,
        assistCpuNs: 5_290_000,
        backgroundCpuNs: 166_700_000,
        idleCpuNs: 119_999_999,
        markTermCpuNs: 103_000,
        heap0: 68 * 1048576 + 1,
        heap1: 77 * 1048576 - 1,
        heap2: 44 * 1048576,
        goal: 80n * 1048576n + 5n,
        stacks: 100,
        globals: 1048575,
        procs: 2,
        forced: false,
      }),
    ).toBe(lines[3] + "\n");
    expect("gc 1 @0.01s 11%: 0.088+0.37+0.002 ms clock").not.toMatch(gctraceLineRE);
  });

  it("every formatted record parses back with the layout regex (property)", () => {
    const ns = fc.integer({ min: 0, max: 5e10 });
    fc.assert(
      fc.property(
        fc.record({
          cycle: fc.integer({ min: 1, max: 1e6 }),
          sinceInitNs: fc.integer({ min: 0, max: 1e13 }),
          cpuFraction: fc.double({ min: 0, max: 1, noNaN: true }),
          sweepTermNs: ns,
          markNs: ns,
          markTermNs: ns,
          sweepTermCpuNs: ns,
          assistCpuNs: ns,
          backgroundCpuNs: ns,
          idleCpuNs: ns,
          markTermCpuNs: ns,
          heap0: fc.integer({ min: 0, max: 2 ** 40 }),
          heap1: fc.integer({ min: 0, max: 2 ** 40 }),
          heap2: fc.integer({ min: 0, max: 2 ** 40 }),
          goal: fc.bigInt({ min: 0n, max: 2n ** 63n }),
          stacks: fc.integer({ min: 0, max: 2 ** 40 }),
          globals: fc.integer({ min: 0, max: 2 ** 40 }),
          procs: fc.integer({ min: 1, max: 256 }),
          forced: fc.boolean(),
        }),
        (r) => {
          const line = formatGCTrace(r);
          expect(line.endsWith("\n")).toBe(true);
          const m = gctraceLineRE.exec(line.slice(0, -1));
          expect(m).not.toBeNull();
          expect(Number(m![1])).toBe(r.cycle);
          expect(Number(m![13])).toBe(Math.floor(r.heap1 / 1048576));
          expect(m![19] !== undefined).toBe(r.forced);
        },
      ),
    );
  });
});
