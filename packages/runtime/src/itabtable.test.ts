import { describe, expect, it } from "vitest";
import { Heap } from "./malloc.js";
import { ItabTable } from "./itabtable.js";
import { ST_OTHER_SYS } from "./mstats.js";
import { TD_HASH } from "./typedesc.js";

describe("itab table in linear memory", () => {
  it("finds every stored pair across growth, with colliding hashes; absent pairs miss", () => {
    const heap = new Heap();
    const mem = heap.mem;
    const t = new ItabTable(mem, heap.mheap);
    // 40 "interface" and 60 "type" descriptors; hashes chosen so many pairs collide (XOR equal).
    const desc = (hash: number): number => {
      const d = heap.mheap.persistentAlloc(64, 8, ST_OTHER_SYS);
      mem.u32[(d + TD_HASH) >>> 2] = hash;
      return d;
    };
    const inters = Array.from({ length: 40 }, (_, i) => desc(i & 7));
    const types = Array.from({ length: 60 }, (_, i) => desc((i * 7) & 15));
    const itab = new Map<string, number>();
    for (let i = 0; i < inters.length; i++) {
      for (let j = 0; j < types.length; j += 1 + (i % 3)) {
        const it = heap.mheap.persistentAlloc(20, 8, ST_OTHER_SYS);
        mem.u32[it >>> 2] = inters[i];
        mem.u32[(it + 4) >>> 2] = types[j];
        expect(t.find(inters[i], types[j])).toBe(0);
        t.add(it);
        itab.set(`${i},${j}`, it);
      }
    }
    expect(t.count).toBe(itab.size);
    expect(itab.size).toBeGreaterThan(512); // grew past the initial 512 entries
    for (let i = 0; i < inters.length; i++) {
      for (let j = 0; j < types.length; j++) {
        expect(t.find(inters[i], types[j])).toBe(itab.get(`${i},${j}`) ?? 0);
      }
    }
  });
});
