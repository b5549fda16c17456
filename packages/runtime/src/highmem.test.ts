import { describe, expect, test } from "vitest";
import { Heap } from "./malloc.js";
import { heapBitIsPointer } from "./mbitmap.js";
import { ST_OTHER_SYS } from "./mstats.js";
import { FR_LINK, FR_SLOTS, STK_FP, STK_HI, STK_LO } from "./stack.js";
import { assertHeapValid, collectForTest } from "./testing.js";

// Addresses ≥ 2^31 must never go through int32 arithmetic. Growing the buffer past 2 GiB only
// commits untouched (zero, lazily mapped) memory, so this stays fast.
describe("addresses above 2 GiB", () => {
  test("objects, pointer bits, findObject, stacks and sweeping work past 2^31", () => {
    const heap = new Heap({ capBytes: 3 * 2 ** 30 });
    const huge = heap.mallocgc(2 ** 31 + 12345, 0, true);
    expect(huge).toBeLessThan(2 ** 31);
    // Fill what is left of arena 0 so that later allocations land past the huge arena.
    let filler = 0;
    for (let i = 0; i < 100 && filler < 2 ** 31; i++) filler = heap.mallocgc(64 << 10, 0, true);
    expect(filler).toBeGreaterThan(2 ** 31);
    const t = heap.types.make(32, [1, 3]);
    const xs: number[] = [];
    for (let i = 0; i < 3000; i++) xs.push(heap.mallocgc(32, t, true));
    const high = xs.filter((x) => x >= 2 ** 31);
    expect(high.length).toBeGreaterThan(0);
    for (const x of high.slice(0, 50)) {
      expect(heap.findObject(x + 17)).toBe(x);
      expect([0, 1, 2, 3].map((w) => heapBitIsPointer(heap.mem, x + 8 * w))).toEqual([false, true, false, true]);
    }
    // A stack above 2 GiB, grown by copying, with a pointer into itself.
    const g = heap.mheap.persistentAlloc(16, 8, ST_OTHER_SYS);
    const bm = heap.mheap.persistentAlloc(8, 4, ST_OTHER_SYS);
    heap.mem.u32[bm >>> 2] = 1;
    heap.mem.u32[(bm >>> 2) + 1] = 1;
    heap.stacks.stackMaps = { stackMapAddr: () => bm };
    heap.stacks.initStack(g);
    const f0 = heap.stacks.pushFrame(g, 1, 0, 64);
    heap.mem.u32[(f0 + FR_SLOTS) >>> 2] = f0 + 40;
    for (let i = 0; i < 40; i++) {
      const f = heap.stacks.pushFrame(g, 1, i + 1, 64);
      heap.mem.u32[(f + FR_SLOTS) >>> 2] = heap.mem.u32[(f + FR_LINK) >>> 2] + 16;
    }
    const u32 = heap.mem.u32;
    expect(u32[(g + STK_LO) >>> 2]).toBeGreaterThan(2 ** 31);
    for (let f = u32[(g + STK_FP) >>> 2]; f !== 0; f = u32[(f + FR_LINK) >>> 2]) {
      const v = u32[(f + FR_SLOTS) >>> 2];
      const link = u32[(f + FR_LINK) >>> 2];
      expect(v).toBe(link === 0 ? f + 40 : link + 16);
      expect(f < u32[(g + STK_HI) >>> 2]).toBe(true);
    }
    collectForTest(heap, high.slice(0, 10));
    expect(heap.readMemStats().HeapObjects).toBe(10);
    assertHeapValid(heap, { flush: true });
  });
});
