import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { Heap } from "./malloc.js";
import { ST_OTHER_SYS } from "./mstats.js";
import { KIND_ARRAY, KIND_FLOAT64, KIND_INT64, KIND_INTERFACE, KIND_SLICE, KIND_STRING, KIND_UINT8, TD_KIND } from "./typedesc.js";
import { HM_B, HM_COUNT, HM_OLDBUCKETS, IT_ELEM, IT_KEY, Maps, MT_ELEM, MT_KEY, type MapType } from "./map.js";
import { A_EFACE, A_F64, A_LEAVES, A_MEM, A_NOEQ, A_STR, hash64 } from "./alg.js";

/** A map type descriptor (TYPEDESC.md §3 Map: key at +36, elem at +40) over synthetic types. */
function mapDesc(heap: Heap, key: number, elem: number): number {
  const t = heap.mheap.persistentAlloc(64, 8, ST_OTHER_SYS);
  const u32 = heap.mem.u32;
  u32[(t + MT_KEY) >>> 2] = key;
  u32[(t + MT_ELEM) >>> 2] = elem;
  heap.mem.u8[t + TD_KIND] = 21;
  return t;
}

interface World {
  heap: Heap;
  maps: Maps;
  /** 64 bytes of key scratch (not on the heap, like a frame slot) */
  kbuf: number;
  it: number;
}

function world(seed = 1): World {
  const heap = new Heap();
  const maps = new Maps(heap, seed);
  const kbuf = heap.mheap.persistentAlloc(64, 8, ST_OTHER_SYS);
  const it = heap.mheap.persistentAlloc(96, 8, ST_OTHER_SYS);
  return { heap, maps, kbuf, it };
}

function int64Map(w: World): MapType {
  const i64 = w.heap.types.make(8, [], KIND_INT64);
  return w.maps.typeOf(mapDesc(w.heap, i64, i64));
}

function setKey(w: World, k: number): number {
  w.heap.mem.i64[w.kbuf >>> 3] = BigInt(k);
  return w.kbuf;
}

function put(w: World, mt: MapType, h: number, k: number, v: number): void {
  const e = w.maps.assign(mt, h, setKey(w, k));
  w.heap.mem.i64[e >>> 3] = BigInt(v);
}

function get(w: World, mt: MapType, h: number, k: number): number | undefined {
  const e = w.maps.access(mt, h, setKey(w, k));
  return e === 0 ? undefined : Number(w.heap.mem.i64[e >>> 3]);
}

/** All (key, value) pairs produced by a full iteration, in order. */
function entries(w: World, mt: MapType, h: number): [number, number][] {
  const out: [number, number][] = [];
  const mem = w.heap.mem;
  w.maps.iterinit(mt, h, w.it);
  for (;;) {
    const k = mem.u32[(w.it + IT_KEY) >>> 2];
    if (k === 0) break;
    out.push([Number(mem.i64[k >>> 3]), Number(mem.i64[mem.u32[(w.it + IT_ELEM) >>> 2] >>> 3])]);
    w.maps.iternext(w.it);
  }
  return out;
}

describe("map[int64]int64 against a JS Map oracle", () => {
  test("random inserts, updates, deletes and lookups", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: -300, max: 300 }), fc.integer()), { maxLength: 2000 }),
        fc.integer({ min: 0, max: 100 }),
        (ops, hint) => {
          const w = world();
          const mt = int64Map(w);
          const h = w.maps.makemap(mt, hint);
          const oracle = new Map<number, number>();
          for (const [op, k, v] of ops) {
            if (op === 0) {
              put(w, mt, h, k, v);
              oracle.set(k, v);
            } else if (op === 1) {
              w.maps.delete(mt, h, setKey(w, k));
              oracle.delete(k);
            } else expect(get(w, mt, h, k)).toBe(oracle.get(k));
          }
          expect(w.heap.mem.u32[(h + HM_COUNT) >>> 2]).toBe(oracle.size);
          for (const [k, v] of oracle) expect(get(w, mt, h, k)).toBe(v);
          const es = entries(w, mt, h);
          expect(es.length).toBe(oracle.size);
          expect(new Map(es)).toEqual(oracle);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("growth doubles the bucket array at load factor 6.5 and evacuates incrementally", () => {
    const w = world();
    const mt = int64Map(w);
    const h = w.maps.makemap(mt, 0);
    const mem = w.heap.mem;
    for (let i = 0; i < 8; i++) put(w, mt, h, i, i);
    expect(mem.u8[h + HM_B]).toBe(0);
    put(w, mt, h, 8, 8); // 9 > 8 entries in one bucket: grow to 2 buckets
    expect(mem.u8[h + HM_B]).toBe(1);
    for (let i = 9; i < 13; i++) put(w, mt, h, i, i);
    expect(mem.u8[h + HM_B]).toBe(1); // 13 ≤ 6.5·2
    put(w, mt, h, 13, 13);
    expect(mem.u8[h + HM_B]).toBe(2);
    for (let i = 14; i < 20000; i++) put(w, mt, h, i, i * 3);
    expect(mem.u8[h + HM_B]).toBe(12); // 20000 / 6.5 → 2^12 buckets
    // a grow in progress finishes as writes continue
    let sawGrowing = false;
    for (let i = 20000; i < 40000; i++) {
      put(w, mt, h, i, i * 3);
      if (mem.u32[(h + HM_OLDBUCKETS) >>> 2] !== 0) sawGrowing = true;
    }
    expect(sawGrowing).toBe(true);
    for (let i = 14; i < 40000; i += 997) expect(get(w, mt, h, i)).toBe(i * 3);
  });

  test("iteration order starts at a random bucket and offset", () => {
    const w = world(7);
    const mt = int64Map(w);
    const h = w.maps.makemap(mt, 0);
    for (let i = 0; i < 100; i++) put(w, mt, h, i, i);
    const firsts = new Set<number>();
    for (let r = 0; r < 40; r++) firsts.add(entries(w, mt, h)[0][0]);
    expect(firsts.size).toBeGreaterThan(5);
  });

  test("deleting entries during iteration: a deleted entry not yet reached is never produced", () => {
    for (let seed = 1; seed < 8; seed++) {
      const w = world(seed);
      const mt = int64Map(w);
      const h = w.maps.makemap(mt, 0);
      for (let i = 0; i < 1000; i++) put(w, mt, h, i, i);
      const mem = w.heap.mem;
      const seen = new Set<number>();
      const deleted = new Set<number>();
      w.maps.iterinit(mt, h, w.it);
      for (;;) {
        const ka = mem.u32[(w.it + IT_KEY) >>> 2];
        if (ka === 0) break;
        const k = Number(mem.i64[ka >>> 3]);
        expect(deleted.has(k)).toBe(false);
        expect(seen.has(k)).toBe(false);
        seen.add(k);
        const victim = (k * 7 + 13) % 1000;
        if (!seen.has(victim)) {
          w.maps.delete(mt, h, setKey(w, victim));
          deleted.add(victim);
        }
        w.maps.iternext(w.it);
      }
      for (let i = 0; i < 1000; i++) expect(seen.has(i) || deleted.has(i)).toBe(true);
    }
  });

  test("inserting during iteration (through several grows): every original entry exactly once", () => {
    for (let seed = 1; seed < 10; seed++) {
      const w = world(seed);
      const mt = int64Map(w);
      const h = w.maps.makemap(mt, 0);
      for (let i = 0; i < 50; i++) put(w, mt, h, i, i);
      const mem = w.heap.mem;
      const count = new Map<number, number>();
      let next = 100000;
      w.maps.iterinit(mt, h, w.it);
      for (;;) {
        const ka = mem.u32[(w.it + IT_KEY) >>> 2];
        if (ka === 0) break;
        const k = Number(mem.i64[ka >>> 3]);
        const va = mem.u32[(w.it + IT_ELEM) >>> 2];
        expect(Number(mem.i64[va >>> 3])).toBe(k < 100000 ? k : k - 100000 + 1);
        count.set(k, (count.get(k) ?? 0) + 1);
        for (let j = 0; j < 30; j++) {
          put(w, mt, h, next, next - 100000 + 1);
          next++;
        }
        // and overwrite an original: the iteration sees the new value
        if (k < 50) put(w, mt, h, (k + 1) % 50, (k + 1) % 50);
        w.maps.iternext(w.it);
      }
      for (let i = 0; i < 50; i++) expect(count.get(i)).toBe(1);
      for (const c of count.values()) expect(c).toBe(1);
    }
  });
});

describe("iteration during a grow", () => {
  test("an iterator started mid-grow reads unevacuated old buckets (each entry exactly once)", () => {
    for (let seed = 1; seed < 8; seed++) {
      const w = world(seed);
      const mt = int64Map(w);
      const h = w.maps.makemap(mt, 0);
      const mem = w.heap.mem;
      let n = 0;
      while (mem.u32[(h + HM_OLDBUCKETS) >>> 2] === 0 || n < 200) put(w, mt, h, n, n), n++;
      expect(mem.u32[(h + HM_OLDBUCKETS) >>> 2]).not.toBe(0);
      const es = entries(w, mt, h);
      expect(es.length).toBe(n);
      expect(new Set(es.map((e) => e[0])).size).toBe(n);
      // again, finishing the grow while iterating (deletes of visited keys evacuate buckets)
      const seen = new Set<number>();
      w.maps.iterinit(mt, h, w.it);
      for (;;) {
        const ka = mem.u32[(w.it + IT_KEY) >>> 2];
        if (ka === 0) break;
        const k = Number(mem.i64[ka >>> 3]);
        expect(seen.has(k)).toBe(false);
        seen.add(k);
        w.maps.delete(mt, h, setKey(w, k));
        w.maps.iternext(w.it);
      }
      expect(seen.size).toBe(n);
      expect(mem.u32[(h + HM_COUNT) >>> 2]).toBe(0);
    }
  });

  test("overflow chains left by deletions trigger a same-size grow that keeps every entry", () => {
    const w = world(3);
    const mt = int64Map(w);
    const h = w.maps.makemap(mt, 100); // B = 4: 16 buckets, no doubling below 105 entries
    const mem = w.heap.mem;
    expect(mem.u8[h + HM_B]).toBe(4);
    const seed = mem.u32[(h + 12) >>> 2];
    // keys that land in bucket j (the test knows the map's hash seed)
    let cand = 1;
    const keysFor = (j: number, n: number): number[] => {
      const out: number[] = [];
      for (; out.length < n; cand++) if ((hash64(cand, 0, seed) & 15) === j) out.push(cand);
      return out;
    };
    const keep = new Map<number, number>();
    let sameSize = 0;
    for (let j = 0; j < 16; j++) {
      const ks = keysFor(j, 9); // 9 keys in one bucket: one overflow bucket
      for (const k of ks) put(w, mt, h, k, k);
      for (const k of ks.slice(1)) w.maps.delete(mt, h, setKey(w, k));
      keep.set(ks[0], ks[0]);
      if ((mem.u8[h + 8] & 8) !== 0) sameSize++;
    }
    put(w, mt, h, 0, 0); // 16 overflow buckets for 16 buckets: this insertion re-packs
    keep.set(0, 0);
    if ((mem.u8[h + 8] & 8) !== 0) sameSize++;
    expect(sameSize).toBeGreaterThan(0);
    expect(mem.u8[h + HM_B]).toBe(4);
    expect(new Map(entries(w, mt, h))).toEqual(keep);
    for (let i = 0; i < 40; i++) put(w, mt, h, -1 - i, i); // finishes the re-pack
    expect(mem.u32[(h + HM_OLDBUCKETS) >>> 2]).toBe(0);
    for (const k of keep.keys()) expect(get(w, mt, h, k)).toBe(k);
  });
});

describe("keys of other kinds", () => {
  test("string keys compare by content; equal keys from different memory are one entry", () => {
    const w = world();
    const heap = w.heap;
    const str = heap.types.make(16, [0], KIND_STRING);
    const i64 = heap.types.make(8, [], KIND_INT64);
    const mt = w.maps.typeOf(mapDesc(heap, str, i64));
    expect(mt.keyAlg.kind).toBe(A_STR);
    const h = w.maps.makemap(mt, 0);
    const enc = new TextEncoder();
    const key = (s: string): number => {
      const b = enc.encode(s);
      const p = heap.mallocgc(Math.max(1, b.length), 0, true);
      heap.mem.u8.set(b, p);
      heap.mem.u32[w.kbuf >>> 2] = p;
      heap.mem.u32[(w.kbuf >>> 2) + 1] = 0;
      heap.mem.i64[(w.kbuf + 8) >>> 3] = BigInt(b.length);
      return w.kbuf;
    };
    for (let i = 0; i < 500; i++) heap.mem.i64[w.maps.assign(mt, h, key("k" + i)) >>> 3] = BigInt(i);
    heap.mem.i64[w.maps.assign(mt, h, key("k7")) >>> 3] = 777n;
    expect(heap.mem.u32[(h + HM_COUNT) >>> 2]).toBe(500);
    expect(heap.mem.i64[w.maps.access(mt, h, key("k7")) >>> 3]).toBe(777n);
    expect(heap.mem.i64[w.maps.accessStr(mt, h, heap.mem.u32[w.kbuf >>> 2], 2) >>> 3]).toBe(777n);
    expect(w.maps.access(mt, h, key("k500"))).toBe(0);
    expect(w.maps.access(mt, h, key(""))).toBe(0);
    heap.mem.i64[w.maps.assign(mt, h, key("")) >>> 3] = 5n;
    expect(heap.mem.i64[w.maps.access(mt, h, key("")) >>> 3]).toBe(5n);
  });

  test("float64 keys: +0 and -0 are one key, NaN is never found and always new", () => {
    const w = world();
    const heap = w.heap;
    const f64 = heap.types.make(8, [], KIND_FLOAT64);
    const i64 = heap.types.make(8, [], KIND_INT64);
    const mt = w.maps.typeOf(mapDesc(heap, f64, i64));
    expect(mt.keyAlg.kind).toBe(A_F64);
    expect(mt.keyAlg.reflexive).toBe(false);
    const h = w.maps.makemap(mt, 0);
    const fk = (x: number): number => {
      heap.mem.f64[w.kbuf >>> 3] = x;
      return w.kbuf;
    };
    heap.mem.i64[w.maps.assign(mt, h, fk(0)) >>> 3] = 1n;
    heap.mem.i64[w.maps.assign(mt, h, fk(-0)) >>> 3] = 2n;
    expect(heap.mem.u32[(h + HM_COUNT) >>> 2]).toBe(1);
    // the key is updated to the last assignment's bits (-0), as Go does
    w.maps.iterinit(mt, h, w.it);
    expect(Object.is(heap.mem.f64[heap.mem.u32[(w.it + IT_KEY) >>> 2] >>> 3], -0)).toBe(true);
    for (let i = 0; i < 100; i++) w.maps.assign(mt, h, fk(NaN));
    expect(heap.mem.u32[(h + HM_COUNT) >>> 2]).toBe(101);
    expect(w.maps.access(mt, h, fk(NaN))).toBe(0);
    w.maps.delete(mt, h, fk(NaN));
    expect(heap.mem.u32[(h + HM_COUNT) >>> 2]).toBe(101);
    // iteration produces every NaN (through the grows the NaNs forced)
    let nans = 0;
    w.maps.iterinit(mt, h, w.it);
    for (;;) {
      const ka = heap.mem.u32[(w.it + IT_KEY) >>> 2];
      if (ka === 0) break;
      if (Number.isNaN(heap.mem.f64[ka >>> 3])) nans++;
      w.maps.iternext(w.it);
    }
    expect(nans).toBe(100);
  });

  test("big keys and elems (> 128 bytes) are stored indirectly", () => {
    const w = world();
    const heap = w.heap;
    // [200]uint8 (array part: elem +36, len +44)
    const big = heap.mheap.persistentAlloc(48, 8, ST_OTHER_SYS);
    heap.mem.u32[big >>> 2] = 200;
    heap.mem.u8[big + 13] = 1;
    heap.mem.u8[big + TD_KIND] = KIND_ARRAY;
    heap.mem.u32[(big + 36) >>> 2] = heap.types.make(1, [], KIND_UINT8, 1);
    heap.mem.u32[(big + 44) >>> 2] = 200;
    const mt = w.maps.typeOf(mapDesc(heap, big, big));
    expect(mt.indirectKey && mt.indirectElem).toBe(true);
    expect(mt.keySize).toBe(8);
    const h = w.maps.makemap(mt, 0);
    const kaddr = heap.mallocgc(200, 0, true);
    for (let i = 0; i < 100; i++) {
      heap.mem.u32[(kaddr + 196) >>> 2] = i;
      const e = w.maps.assign(mt, h, kaddr);
      heap.mem.u32[(e + 100) >>> 2] = i * 2;
    }
    expect(heap.mem.u32[(h + HM_COUNT) >>> 2]).toBe(100);
    heap.mem.u32[(kaddr + 196) >>> 2] = 42;
    const e = w.maps.access(mt, h, kaddr);
    expect(heap.mem.u32[(e + 100) >>> 2]).toBe(84);
    w.maps.delete(mt, h, kaddr);
    expect(w.maps.access(mt, h, kaddr)).toBe(0);
    expect(heap.mem.u32[(h + HM_COUNT) >>> 2]).toBe(99);
  });

  test("algorithms chosen per descriptor", () => {
    const w = world();
    const t = w.heap.types;
    expect(w.maps.algs.algOf(t.make(8, [], KIND_INT64)).kind).toBe(A_MEM);
    expect(w.maps.algs.algOf(t.make(24, [0], KIND_SLICE)).kind).toBe(A_NOEQ);
    const iface = t.make(16, [1], KIND_INTERFACE);
    expect(w.maps.algs.algOf(iface).kind).toBe(A_EFACE); // mcount word (+40) is 0
    // a struct { s string; f float64 } (TYPEDESC struct part written by hand)
    const heap = w.heap;
    const str = t.make(16, [0], KIND_STRING);
    const f64 = t.make(8, [], KIND_FLOAT64);
    const st = heap.mheap.persistentAlloc(48, 8, ST_OTHER_SYS);
    heap.mem.u32[st >>> 2] = 24;
    heap.mem.u8[st + TD_KIND] = 25;
    const fields = heap.mheap.persistentAlloc(48, 8, ST_OTHER_SYS);
    heap.mem.u32[(st + 40) >>> 2] = 2;
    heap.mem.u32[(st + 44) >>> 2] = fields;
    heap.mem.u32[(fields + 4) >>> 2] = str;
    heap.mem.u32[(fields + 8) >>> 2] = 0;
    heap.mem.u32[(fields + 24 + 4) >>> 2] = f64;
    heap.mem.u32[(fields + 24 + 8) >>> 2] = 16;
    const a = w.maps.algs.algOf(st);
    expect(a.kind).toBe(A_LEAVES);
    expect(Array.from(a.leaves as Int32Array)).toEqual([A_STR, 0, 16, A_F64, 16, 8]);
    expect(a.reflexive).toBe(false);
  });
});
