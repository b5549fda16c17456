import { describe, expect, test } from "vitest";
import { FatalError } from "./debug.js";
import { newMemory } from "./index.js";
import { gctraceLineRE } from "./gctrace.js";
import { verifyHeap } from "./testing.js";

describe("newMemory", () => {
  test("wires the collector into the heap and reads GOGC/GOMEMLIMIT/GODEBUG like Go", () => {
    const lines: string[] = [];
    const { heap, gc } = newMemory({
      capBytes: 64 << 20,
      nprocs: 2,
      GOGC: "50",
      GOMEMLIMIT: "48MiB",
      GODEBUG: "gctrace=1,gccheckmark=1,unknown=3,gcstoptheworld=x",
      print: (s) => void lines.push(s),
    });
    expect(heap.hooks).toBe(gc);
    expect(heap.sweeper).toBe(gc.sweeper);
    expect(heap.mheap.reclaimer).toBe(gc.sweeper);
    expect(heap.mcaches.length).toBe(2);
    expect(gc.procs).toBe(2);
    expect(gc.debug.gctrace).toBe(1);
    expect(gc.debug.gccheckmark).toBe(1);
    expect(gc.debug.gcstoptheworld).toBe(0);
    expect(gc.setGCPercent(100)).toBe(50);
    expect(gc.setMemoryLimit(-1n)).toBe(48n << 20n);
    // Garbage goes at runtime.GC; the trace line has Go's layout.
    for (let i = 0; i < 1000; i++) heap.mallocgc(64, 0, true);
    gc.GC();
    expect(heap.readMemStats().HeapAlloc).toBe(0);
    expect(lines.some((l) => gctraceLineRE.test(l.trimEnd()))).toBe(true);
    expect(verifyHeap(heap, { flush: true })).toEqual([]);
  });

  test("a malformed GOMEMLIMIT is Go's fatal error", () => {
    expect(() => newMemory({ GOMEMLIMIT: "12XB" })).toThrow(FatalError);
  });
});
