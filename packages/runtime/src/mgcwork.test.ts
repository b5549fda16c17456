import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Heap } from "./malloc.js";
import { ST_GC_SYS } from "./mstats.js";
import { GCWork, WORKBUF_BYTES, WORKBUF_CHUNK_PAGES, WORKBUF_ENTRIES, WorkbufPool } from "./mgcwork.js";

function pool(): { heap: Heap; pool: WorkbufPool } {
  const heap = new Heap();
  const p = new WorkbufPool({
    allocPages: (n) => heap.mheap.persistentAlloc(n * WORKBUF_BYTES, 8192, ST_GC_SYS),
    u32: () => heap.mem.u32,
  });
  return { heap, pool: p };
}

describe("work buffers", () => {
  it("hold grey objects in linear memory across many buffers, LIFO within the current one", () => {
    const { heap, pool: p } = pool();
    const gcw = new GCWork(p);
    const n = WORKBUF_ENTRIES * 5 + 17;
    const gcSys0 = heap.mem.f64[ST_GC_SYS >>> 3]!;
    for (let i = 1; i <= n; i++) gcw.put(i * 8);
    expect(p.nfull).toBe(5);
    expect(heap.mem.f64[ST_GC_SYS >>> 3]! - gcSys0).toBe(WORKBUF_CHUNK_PAGES * WORKBUF_BYTES);
    const seen = new Set<number>();
    let last = Infinity;
    let first = true;
    for (;;) {
      const o = gcw.tryGet();
      if (o === 0) break;
      if (first) {
        expect(o).toBe(n * 8); // the most recent push comes out first
        first = false;
      }
      seen.add(o);
      last = o;
    }
    void last;
    expect(seen.size).toBe(n);
    expect(gcw.empty()).toBe(true);
    // Buffers are reused, not reallocated.
    const nbufs = p.nbufs;
    for (let i = 1; i <= n; i++) gcw.put(i * 8);
    expect(p.nbufs).toBe(nbufs);
  });

  it("dispose publishes the current buffer for other Ps (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 3000 }), fc.boolean()), { maxLength: 30 }), (steps) => {
        const { pool: p } = pool();
        const a = new GCWork(p);
        const b = new GCWork(p);
        const model: number[] = [];
        let next = 8;
        for (const [useA, count, dispose] of steps) {
          const w = useA ? a : b;
          for (let i = 0; i < count; i++) {
            w.put(next);
            model.push(next);
            next += 8;
          }
          if (dispose) w.dispose();
        }
        a.dispose();
        const got: number[] = [];
        for (;;) {
          const o = b.tryGet();
          if (o === 0) break;
          got.push(o);
        }
        expect(got.sort((x, y) => x - y)).toEqual(model.sort((x, y) => x - y));
      }),
      { numRuns: 50 },
    );
  });
});
