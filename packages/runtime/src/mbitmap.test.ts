import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { Heap, roundupsize } from "./malloc.js";
import { heapBitIsPointer, heapBitsClear, ptrBitsBase, ptrWordIndex } from "./mbitmap.js";
import { collectForTest } from "./testing.js";

describe("heap pointer bitmap", () => {
  test("property: bits written for any type and array length equal the type's mask, repeated, zero past the data", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }), // type size in words
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 300 })), // array length
        fc.nat(7),
        (words, rawPtrs, count, skew) => {
          const heap = new Heap({ capBytes: 64 << 20 });
          const ptrWords = [...new Set(rawPtrs.map((p) => p % words))];
          const t = heap.types.make(words * 8, ptrWords);
          const size = words * 8 * count;
          // Dirty the bitmap under the slot first: allocate all-pointer objects of the same
          // class, free them, and let the new object reuse a slot.
          const slot = roundupsize(size);
          const junkT = heap.types.make(8, [0]);
          for (let i = 0; i <= skew; i++) heap.mallocgc(slot, junkT, true);
          collectForTest(heap, []);
          const x = heap.mallocgc(size, t, true);
          const got: number[] = [];
          const want: number[] = [];
          for (let w = 0; w < slot / 8; w++) {
            got.push(heapBitIsPointer(heap.mem, x + 8 * w) ? 1 : 0);
            const inData = w < words * count;
            want.push(inData && ptrWords.includes(w % words) ? 1 : 0);
          }
          expect(got.join("")).toBe(want.join(""));
          // Writing a neighbour's bits leaves these alone.
          heap.mallocgc(size, t, true);
          heap.mallocgc(size, junkT, true);
          const again: number[] = [];
          for (let w = 0; w < slot / 8; w++) again.push(heapBitIsPointer(heap.mem, x + 8 * w) ? 1 : 0);
          expect(again.join("")).toBe(want.join(""));
        },
      ),
      { numRuns: 150 },
    );
  });

  test("single small objects at every bit offset of a bitmap byte (fast path)", () => {
    const heap = new Heap({ capBytes: 16 << 20 });
    const junkT = heap.types.make(8, [0]);
    for (const words of [1, 2, 3, 4, 6, 10, 14, 24]) {
      const slot = roundupsize(words * 8);
      for (let pm = 1; pm < 256; pm += 37) {
        const ptrs = [0, 1, 2, 3, 4, 5, 6, 7].filter((w) => w < words && (pm >>> w) & 1);
        if (ptrs.length === 0) continue;
        const t = heap.types.make(words * 8, ptrs);
        for (let i = 0; i < 8; i++) heap.mallocgc(slot, junkT, true);
        collectForTest(heap, []);
        for (let i = 0; i < 8; i++) {
          const x = heap.mallocgc(words * 8, t, true);
          for (let w = 0; w < slot / 8; w++) {
            if (heapBitIsPointer(heap.mem, x + 8 * w) !== ptrs.includes(w)) throw new Error(`words=${words} pm=${pm} x=${x} w=${w}`);
          }
        }
      }
    }
  });

  test("word index and base agree with heapBitIsPointer; clear clears", () => {
    const heap = new Heap({ capBytes: 16 << 20 });
    const t = heap.types.make(64, [0, 1, 2, 3, 4, 5, 6, 7]);
    const x = heap.mallocgc(64, t, true);
    const bm = ptrBitsBase(heap.mem, x);
    const w = ptrWordIndex(heap.mem, x);
    expect(heap.mem.u8[bm + (w >>> 3)] & (1 << (w & 7))).not.toBe(0);
    heapBitsClear(heap.mem, x, 64);
    for (let i = 0; i < 8; i++) expect(heapBitIsPointer(heap.mem, x + 8 * i)).toBe(false);
  });
});
