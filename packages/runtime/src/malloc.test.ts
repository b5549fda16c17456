import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { ZEROBASE } from "./mem.js";
import { Heap, roundupsize } from "./malloc.js";
import { heapBitIsPointer } from "./mbitmap.js";
import { HG_BLACKEN, HG_GCPHASE } from "./mheap.js";
import { SP_ELEMSIZE, SP_NELEMS, SP_NPAGES, SP_SPANCLASS, SP_START, spanIsMarked } from "./mspan.js";
import { stat, ST_HEAP_LIVE, ST_HEAP_SCAN } from "./mstats.js";
import { classToSize, PAGE_SIZE } from "./sizeclasses.js";
import { assertHeapValid, collectForTest, finishSweepForTest, objectColor, verifyHeap } from "./testing.js";

const MB = 1 << 20;

function spanOfObj(heap: Heap, x: number): number {
  const s = heap.mheap.spanOf(x);
  expect(s).not.toBe(0);
  return s;
}

describe("mallocgc", () => {
  test("0-byte allocations share zerobase", () => {
    const heap = new Heap({ capBytes: 16 * MB });
    expect(heap.mallocgc(0, 0, true)).toBe(ZEROBASE);
    expect(heap.mallocgc(0, 0, true)).toBe(ZEROBASE);
  });

  test("small objects get their size class, aligned, in spans of that class", () => {
    const heap = new Heap({ capBytes: 32 * MB });
    const t = heap.types.make(8, [0]); // a pointer-bearing type: no tiny allocator
    for (const size of [8, 9, 16, 17, 24, 33, 100, 1000, 1024, 1025, 2000, 5000, 20000, 32768]) {
      const x = heap.mallocgc(size, t, true);
      const s = spanOfObj(heap, x);
      const elemsize = heap.mem.u32[(s + SP_ELEMSIZE) >>> 2];
      expect(elemsize).toBe(roundupsize(size));
      expect(classToSize[heap.mem.u8[s + SP_SPANCLASS] >>> 1]).toBe(elemsize);
      expect(heap.mem.u8[s + SP_SPANCLASS] & 1).toBe(0); // scan span
      expect((x - heap.mem.u32[(s + SP_START) >>> 2]) % elemsize).toBe(0);
      expect(x % 8).toBe(0);
      // Go's alignment guarantee: a power-of-two size class is aligned to its size (≤ 8 KiB).
      if ((elemsize & (elemsize - 1)) === 0) expect(x % Math.min(elemsize, 8192)).toBe(0);
    }
    assertHeapValid(heap, { flush: true });
  });

  test("consecutive small objects do not overlap and fill spans in order", () => {
    const heap = new Heap({ capBytes: 16 * MB });
    const xs: number[] = [];
    for (let i = 0; i < 2000; i++) xs.push(heap.mallocgc(48, 0, true));
    const sorted = [...xs].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(48);
    expect(new Set(xs.map((x) => heap.mheap.spanOf(x))).size).toBe(Math.ceil(2000 / 170));
    assertHeapValid(heap, { flush: true });
  });

  test("tiny allocator packs pointer-free objects < 16 B into 16-byte blocks", () => {
    const heap = new Heap({ capBytes: 16 * MB });
    const a = heap.mallocgc(8, 0, true);
    expect(a % 16).toBe(0);
    expect(heap.mallocgc(4, 0, true)).toBe(a + 8);
    expect(heap.mallocgc(2, 0, true)).toBe(a + 12);
    expect(heap.mallocgc(1, 0, true)).toBe(a + 14);
    expect(heap.mallocgc(1, 0, true)).toBe(a + 15);
    const b = heap.mallocgc(1, 0, true); // block full: a new one
    expect(b).not.toBe(a);
    expect(b % 16).toBe(0);
    // Alignment by size: 1 byte at +1, then an 8-byte value goes to +8, a 4-byte one to +4.
    const c = heap.mallocgc(4, 0, true);
    expect(c).toBe(b + 4);
    expect(heap.mallocgc(8, 0, true)).toBe(b + 8);
    // 16 bytes and pointerful small objects skip the tiny allocator.
    const d = heap.mallocgc(16, 0, true);
    expect(d % 16).toBe(0);
    expect(heap.mem.u8[heap.mheap.spanOf(d) + SP_SPANCLASS]).toBe((2 << 1) | 1);
    const p = heap.mallocgc(8, heap.types.pointer(), true);
    expect(heap.mem.u8[heap.mheap.spanOf(p) + SP_SPANCLASS]).toBe(1 << 1);
    // Tiny allocations count in both Mallocs and Frees; blocks count as class-2 objects.
    const ms = heap.readMemStats();
    expect(ms.Mallocs - ms.Frees).toBe(ms.HeapObjects);
    expect(ms.BySize[2].Mallocs).toBe(3); // blocks a, b and d
    assertHeapValid(heap, { flush: true });
  });

  test("a tiny block that keeps more room wins", () => {
    const heap = new Heap({ capBytes: 16 * MB });
    const a = heap.mallocgc(12, 0, true); // block A used 12
    const b = heap.mallocgc(8, 0, true); // doesn't fit: block B with 8 used → B kept (more room)
    expect(b).not.toBe(a + 12);
    expect(heap.mallocgc(4, 0, true)).toBe(b + 8);
  });

  test("recycled memory is zeroed; fresh memory is not re-zeroed", () => {
    const heap = new Heap({ capBytes: 16 * MB });
    const u8 = () => heap.mem.u8;
    const xs: number[] = [];
    for (let i = 0; i < 200; i++) {
      const x = heap.mallocgc(96, 0, true);
      u8().fill(0xab, x, x + 96);
      xs.push(x);
    }
    const s = heap.mheap.spanOf(xs[0]);
    expect(heap.mem.u8[s + 50]).toBe(0); // needzero: fresh (released) pages
    collectForTest(heap, []);
    assertHeapValid(heap, { flush: true });
    const again = new Set(xs);
    let reused = 0;
    for (let i = 0; i < 200; i++) {
      const x = heap.mallocgc(96, 0, true);
      if (again.has(x)) reused++;
      for (let j = 0; j < 96; j++) if (u8()[x + j] !== 0) throw new Error(`dirty byte at ${x}+${j}`);
    }
    expect(reused).toBeGreaterThan(0);
    assertHeapValid(heap, { flush: true });
  });

  test("large objects: own span of whole pages, counted, freed, zeroed on reuse", () => {
    const heap = new Heap({ capBytes: 64 * MB });
    const x = heap.mallocgc(100_000, 0, true);
    const s = spanOfObj(heap, x);
    expect(x % PAGE_SIZE).toBe(0);
    expect(heap.mem.u32[(s + SP_NPAGES) >>> 2]).toBe(Math.ceil(100_000 / PAGE_SIZE));
    expect(heap.mheap.spanOf(x + 99_999)).toBe(s);
    expect(heap.findObject(x + 50_000)).toBe(x);
    heap.mem.u8.fill(0xcd, x, x + 100_000);
    let ms = heap.readMemStats();
    expect(ms.TotalAlloc).toBe(13 * PAGE_SIZE);
    expect(ms.HeapObjects).toBe(1);
    collectForTest(heap, []);
    ms = heap.readMemStats();
    expect(ms.HeapObjects).toBe(0);
    expect(ms.Frees).toBe(1);
    expect(heap.mheap.spanOf(x)).toBe(0);
    const y = heap.mallocgc(100_000, 0, true);
    expect(y).toBe(x); // first fit reuses the freed run
    for (let i = 0; i < 100_000; i += 997) expect(heap.mem.u8[y + i]).toBe(0);
    assertHeapValid(heap, { flush: true, checkReleasedZero: true });
  });

  test("an object bigger than an arena gets a huge arena", () => {
    const heap = new Heap({ capBytes: 64 * MB });
    const x = heap.mallocgc(9 * MB, 0, true);
    const s = spanOfObj(heap, x);
    expect(heap.mheap.spanOf(x + 9 * MB - 1)).toBe(s);
    expect(heap.mem.byteLength).toBeGreaterThanOrEqual(4 * MB + 9 * MB);
    heap.mem.u8[x + 9 * MB - 1] = 1;
    assertHeapValid(heap, { flush: true });
  });

  test("pointer bitmap follows the type, repeated for arrays, cleared past the data", () => {
    const heap = new Heap({ capBytes: 16 * MB });
    const allPtr = heap.types.make(48, [0, 1, 2, 3, 4, 5]);
    const t = heap.types.make(40, [0, 2]); // words 0 and 2 are pointers; word 4 is the last
    // Dirty the bitmap of a 48-byte scan slot, free it, and reuse the slot for t.
    const junk = heap.mallocgc(48, allPtr, true);
    for (let w = 0; w < 6; w++) expect(heapBitIsPointer(heap.mem, junk + 8 * w)).toBe(true);
    collectForTest(heap, []);
    const x = heap.mallocgc(40, t, true);
    expect(x).toBe(junk);
    expect([0, 1, 2, 3, 4, 5].map((w) => heapBitIsPointer(heap.mem, x + 8 * w))).toEqual([true, false, true, false, false, false]);
    // [3]t: 120 bytes → 128-byte class; pattern every 5 words.
    const arr = heap.newarray(t, 3);
    const bits = [];
    for (let w = 0; w < 16; w++) bits.push(heapBitIsPointer(heap.mem, arr + 8 * w) ? 1 : 0);
    expect(bits.join("")).toBe("1010010100101000");
    // A large array of pointers.
    const p = heap.types.pointer();
    const big = heap.newarray(p, 10_000);
    expect(heapBitIsPointer(heap.mem, big)).toBe(true);
    expect(heapBitIsPointer(heap.mem, big + 8 * 9_999)).toBe(true);
    expect(heapBitIsPointer(heap.mem, big + 8 * 10_000)).toBe(false);
    assertHeapValid(heap, { flush: true });
  });

  test("allocates black while the GC is marking; calls the assist and trigger hooks", () => {
    const heap = new Heap({ capBytes: 16 * MB });
    const calls: string[] = [];
    heap.hooks = {
      assistAlloc: (n) => calls.push(`assist ${n}`),
      triggerCheck: () => calls.push("trigger"),
    };
    const a = heap.mallocgc(64, 0, true);
    expect(calls).toEqual(["trigger"]); // first allocation refilled the empty mcache
    expect(objectColor(heap, a)).toBe("white");
    heap.mem.u32[HG_GCPHASE >>> 2] = 1;
    heap.mem.u32[HG_BLACKEN >>> 2] = 1;
    calls.length = 0;
    const b = heap.mallocgc(64, 0, true);
    expect(calls).toEqual(["assist 64"]);
    expect(objectColor(heap, b)).toBe("black");
    expect(objectColor(heap, b, (x) => x === b)).toBe("grey");
    // A tiny block allocated before marking turns black when marking packs into it.
    heap.mem.u32[HG_GCPHASE >>> 2] = 0;
    const t1 = heap.mallocgc(4, 0, true);
    expect(objectColor(heap, t1)).toBe("white");
    heap.mem.u32[HG_GCPHASE >>> 2] = 1;
    const t2 = heap.mallocgc(4, 0, true);
    expect(t2).toBe(t1 + 4);
    expect(objectColor(heap, t1)).toBe("black");
    calls.length = 0;
    const big = heap.mallocgc(50_000, 0, true);
    expect(spanIsMarked(heap.mem, heap.mheap.spanOf(big), 0)).toBe(true);
    expect(heap.bytesMarkedNew).toBe(64 + 16 + 7 * PAGE_SIZE);
    heap.mem.u32[HG_GCPHASE >>> 2] = 0;
    heap.mem.u32[HG_BLACKEN >>> 2] = 0;
    // Marked objects survive a sweep; the unmarked one dies.
    collectForTest(heap, []);
    expect(objectColor(heap, a)).toBe("free");
    expect(objectColor(heap, b)).toBe("white");
    assertHeapValid(heap, { flush: true });
  });

  test("findObject resolves interior pointers and rejects non-objects", () => {
    const heap = new Heap({ capBytes: 16 * MB });
    const x = heap.mallocgc(100, 0, true); // 112-byte class
    expect(heap.findObject(x + 111)).toBe(x);
    expect(heap.findObject(x + 112)).toBe(x + 112); // next slot (free but inside the span)
    expect(heap.findObject(0)).toBe(0);
    expect(heap.findObject(100)).toBe(0);
    expect(heap.findObject(heap.mem.byteLength + 10)).toBe(0);
  });

  test("MemStats count exactly", () => {
    const heap = new Heap({ capBytes: 16 * MB });
    for (let i = 0; i < 100; i++) heap.mallocgc(24, heap.types.pointer(), true);
    for (let i = 0; i < 10; i++) heap.mallocgc(40_000, 0, true);
    const ms = heap.readMemStats();
    expect(ms.Mallocs).toBe(110);
    expect(ms.Frees).toBe(0);
    expect(ms.TotalAlloc).toBe(100 * 24 + 10 * 5 * PAGE_SIZE);
    expect(ms.HeapAlloc).toBe(ms.TotalAlloc);
    expect(ms.BySize.length).toBe(61);
    expect(ms.BySize[3]).toEqual({ Size: 24, Mallocs: 100, Frees: 0 });
    expect(ms.Sys).toBe(heap.mem.byteLength);
    expect(ms.HeapSys + ms.StackSys + ms.MSpanSys + ms.MCacheSys + ms.BuckHashSys + ms.GCSys + ms.OtherSys).toBe(ms.Sys);
    expect(ms.HeapInuse).toBe(PAGE_SIZE + 10 * 5 * PAGE_SIZE);
    expect(ms.MSpanInuse).toBeGreaterThan(0);
    expect(ms.MCacheInuse).toBeGreaterThan(0);
    expect(ms.GCSys).toBeGreaterThan(0);
    assertHeapValid(heap, { flush: true });
  });
});

describe("memory growth in the middle of an allocation", () => {
  test("no stale view survives a growth (every page allocation makes a new arena)", () => {
    const heap = new Heap({ capBytes: 2048 * MB });
    heap.mheap.growEachAllocForTest = true;
    const t = heap.types.make(48, [0, 3]);
    const objs: [number, number, number][] = [];
    const sizes = [16, 24, 48, 100, 1000, 5000, 40_000];
    for (let i = 0; i < 70; i++) {
      const size = sizes[i % sizes.length];
      const scan = i % 3 === 0 && size >= 48;
      const x = scan ? heap.mallocgc(48 * Math.floor(size / 48), t, true) : heap.mallocgc(size, 0, true);
      const s = heap.mheap.spanOf(x);
      expect(s).not.toBe(0);
      expect(heap.findObject(x)).toBe(x);
      if (scan) expect(heapBitIsPointer(heap.mem, x + 24)).toBe(true);
      heap.mem.u8[x] = i + 1;
      objs.push([x, i + 1, size]);
      // A goroutine stack too.
      if (i % 10 === 0) {
        const n = 1024 << (i % 7);
        const lo = heap.stacks.stackalloc(n);
        expect(typeof lo).toBe("number");
        const ss = heap.mheap.spanOf(lo);
        expect(ss).not.toBe(0);
        expect(heap.mem.u32[(ss + SP_ELEMSIZE) >>> 2]).toBe(n);
      }
    }
    for (const [x, v] of objs) expect(heap.mem.u8[x]).toBe(v);
    expect(heap.mem.epoch).toBeGreaterThan(20);
    heap.mheap.growEachAllocForTest = false;
    assertHeapValid(heap, { flush: true });
    collectForTest(heap, objs.filter((_, i) => i % 2 === 0).map((o) => o[0]));
    assertHeapValid(heap, { flush: true });
  });
});

describe("allocator properties", () => {
  type Op =
    | { kind: "alloc"; size: number; scan: boolean; n: number }
    | { kind: "gc"; keepMask: number; lazy: boolean }
    | { kind: "scavenge"; bytes: number };
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant("alloc" as const), size: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 4096 }), fc.integer({ min: 1, max: 200_000 })), scan: fc.boolean(), n: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("gc" as const), keepMask: fc.integer({ min: 0, max: 0xffff }), lazy: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("scavenge" as const), bytes: fc.integer({ min: 0, max: 8 * MB }) }) },
  );

  test("lazy sweeping: the allocator sweeps unswept spans on demand and reuses their free slots", () => {
    const heap = new Heap({ capBytes: 16 * MB });
    const xs: number[] = [];
    for (let i = 0; i < 1000; i++) xs.push(heap.mallocgc(64, 0, true));
    const keep = xs.filter((_, i) => i % 2 === 0);
    collectForTest(heap, keep, true);
    assertHeapValid(heap, { flush: true });
    // Only the span the mcache held was swept (at prepareForSweep); the rest are unswept.
    const before = heap.readMemStats().HeapObjects;
    expect(before).toBeGreaterThan(1000 - 64);
    expect(before).toBeLessThan(1000);
    const inuse = heap.readMemStats().HeapInuse;
    const reused = new Set(xs);
    let hits = 0;
    for (let i = 0; i < 500; i++) if (reused.has(heap.mallocgc(64, 0, true))) hits++;
    // New objects took freed slots of lazily swept spans (plus the 24 never-used slots of the
    // last span); the heap did not grow.
    expect(hits).toBe(476);
    expect(heap.readMemStats().HeapInuse).toBe(inuse);
    assertHeapValid(heap, { flush: true });
    finishSweepForTest(heap);
    expect(heap.readMemStats().HeapObjects).toBe(1000);
    assertHeapValid(heap, { flush: true });
  });

  test("random allocation/free sequences keep every invariant and every live object intact", () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), (ops) => {
        const heap = new Heap({ capBytes: 256 * MB });
        const ptrType = heap.types.make(16, [1]);
        let live: { addr: number; size: number; tag: number }[] = [];
        let tag = 1;
        const check = () => {
          const u8 = heap.mem.u8;
          const spans: [number, number][] = [];
          for (const o of live) {
            // Contents intact: every byte carries the object's tag (pointer words excepted).
            const n = Math.min(o.size, 64);
            for (let i = 0; i < n; i++) if (u8[o.addr + i] !== (o.tag & 0xff)) throw new Error(`object ${o.addr} corrupted`);
            spans.push([o.addr, o.addr + o.size]);
          }
          spans.sort((a, b) => a[0] - b[0]);
          for (let i = 1; i < spans.length; i++) if (spans[i][0] < spans[i - 1][1]) throw new Error("live objects overlap");
        };
        for (const op of ops) {
          if (op.kind === "alloc") {
            for (let i = 0; i < op.n; i++) {
              const typ = op.scan && op.size >= 16 ? ptrType : 0;
              const size = typ ? Math.ceil(op.size / 16) * 16 : op.size;
              const x = typ ? heap.mallocgc(size, typ, true) : heap.mallocgc(size, 0, true);
              const u8 = heap.mem.u8;
              for (let j = 0; j < Math.min(size, 64); j++) if (u8[x + j] !== 0) throw new Error(`not zeroed: ${x}+${j}`);
              const t = tag++ & 0xff || 1;
              u8.fill(t, x, x + Math.min(size, 64));
              live.push({ addr: x, size, tag: t });
            }
          } else if (op.kind === "gc") {
            live = live.filter((_, i) => ((op.keepMask >>> (i % 16)) & 1) === 1);
            collectForTest(heap, live.map((o) => o.addr), op.lazy);
          } else {
            heap.mheap.scavenge(op.bytes);
          }
          check();
          const errs = verifyHeap(heap);
          if (errs.length) throw new Error(errs.join("\n"));
        }
        assertHeapValid(heap, { flush: true, checkReleasedZero: true });
        finishSweepForTest(heap);
        assertHeapValid(heap, { flush: true, checkReleasedZero: true });
        const ms = heap.readMemStats();
        // Tiny objects share blocks, so HeapObjects counts blocks: at most the live objects.
        if (ms.HeapObjects > live.length) throw new Error(`HeapObjects ${ms.HeapObjects} > live ${live.length}`);
      }),
      { numRuns: 40 },
    );
  });
});

describe("mcache accounting across cycles", () => {
  test("heapLive: unused slots are credited back only for spans cached in the current cycle", () => {
    const heap = new Heap({ capBytes: 16 * MB });
    const live = (): number => stat(heap.mem, ST_HEAP_LIVE);
    const x = heap.mallocgc(48, 0, true); // refill: the whole span is charged
    const s = heap.mheap.spanOf(x);
    const nelems = heap.mem.u32[(s + SP_NELEMS) >>> 2];
    expect(live()).toBe(nelems * 48);
    // Same cycle (sg+3): releasing credits the 1 … nelems−1 unused slots back.
    heap.flushMCaches();
    expect(live()).toBe(48);
    const y = heap.mallocgc(48, 0, true);
    expect(heap.mheap.spanOf(y)).toBe(s);
    expect(live()).toBe(48 + (nelems - 1) * 48);
    // A cycle ends with the span still cached (now sg+1): mark termination resets heapLive to
    // the marked bytes (both objects), and the flush must not subtract the stale charge again.
    collectForTest(heap, [x, y]);
    expect(live()).toBe(2 * 48);
    expect(verifyHeap(heap, { flush: true })).toEqual([]);
    expect(live()).toBe(2 * 48);
  });

  test("scannable bytes reach ST_HEAP_SCAN at each refill, not only when the mcache is released", () => {
    const heap = new Heap({ capBytes: 16 * MB });
    const t = heap.types.make(32, [0, 2]); // 32 B, pointers in words 0 and 2: 24 scannable bytes
    const first = heap.mallocgc(32, t, true);
    const nelems = heap.mem.u32[(heap.mheap.spanOf(first) + SP_NELEMS) >>> 2];
    expect(stat(heap.mem, ST_HEAP_SCAN)).toBe(0); // the first refill ran before the allocation
    for (let i = 1; i < nelems; i++) heap.mallocgc(32, t, true);
    expect(stat(heap.mem, ST_HEAP_SCAN)).toBe(0);
    heap.mallocgc(32, t, true); // span full: refill publishes the span's objects
    expect(stat(heap.mem, ST_HEAP_SCAN)).toBe(nelems * 24);
    // A large pointerful object publishes at once.
    const big = heap.types.make(64 << 10, [0]);
    heap.mallocgc(64 << 10, big, true);
    expect(stat(heap.mem, ST_HEAP_SCAN)).toBe((nelems + 1) * 24 + 8);
    heap.flushMCaches();
    expect(stat(heap.mem, ST_HEAP_SCAN)).toBe((nelems + 1) * 24 + 8);
  });
});
