/**
 * map.ts — Go maps in linear memory (Go's map.go, written afresh): hash tables of 8-slot
 * buckets with top-hash bytes, overflow chains, load factor 6.5, incremental growth (doubling,
 * and same-size re-packing when overflow chains pile up), a random hash seed per map, and a
 * randomised iteration start. Also the natives the compiler calls (runtime.makemap,
 * mapaccess1/2, mapassign, mapdelete, mapiterinit/next) and reflect's (NATIVES.md).
 *
 * LAYOUTS (all little-endian, pointers = low u32 of an 8-byte word):
 *
 *   hmap (48 bytes, GC object: words 2 and 3 are pointers)
 *   +0  count      int      live entries; len(m) is one load (the compiler inlines it)
 *   +8  flags      u8       F_ITERATOR | F_OLD_ITERATOR | F_WRITING | F_SAME_SIZE
 *   +9  B          u8       log2 of the bucket count
 *   +10 noverflow  u16      approximate number of overflow buckets (exact below B = 16)
 *   +12 hash0      u32      hash seed (new random seed when the map becomes empty)
 *   +16 buckets    ptr      2^B buckets (0 until the first insertion when B = 0)
 *   +24 oldbuckets ptr      the previous array while growing, else 0
 *   +32 nevacuate  u32      old buckets below this index are evacuated
 *   +40 tinfo      u32      index of the MapType record in Maps.types (runtime metadata)
 *
 *   bucket (bucketSize bytes, a synthesized GC type whose bitmap marks the key/elem pointer
 *   words and the overflow word)
 *   +0                 tophash [8]u8   top byte of each slot's hash (≥ MIN_TOPHASH) or a mark
 *   +8                 keys    [8]K    (8-byte pointers when the key is stored indirectly)
 *   +8+8·ks            elems   [8]V
 *   +bucketSize−8      overflow ptr
 *
 *   hiter (96 bytes = 12 words, NATIVES.md; compiled range loops keep it in frame slots,
 *   reflect on the heap)
 *   +0 key ptr  +8 elem ptr  (0 at the end)  +16 map type desc  +24 h ptr  +32 buckets ptr
 *   +40 bptr ptr  +48 startBucket u32  +52 offset u8  +53 wrapped u8  +54 B u8  +55 i u8
 *   +56 bucket u32  +60 checkBucket u32 (NO_CHECK = none)  +64…95 unused
 *
 * ALGORITHM, as Go's: a key's 32-bit hash (alg.ts, seeded with hash0) selects bucket
 * hash & (2^B − 1); its top byte, kept in the bucket, filters slots before the key compare.
 * A slot's mark EMPTY_REST says every later slot of the chain is empty too, so lookups stop
 * early. An insertion that would push the average load past 6.5 per bucket, or finds too many
 * overflow buckets, starts a grow: a new array (double, or the same size), after which every
 * write evacuates the old bucket it touches plus one more in order, so the cost is spread over
 * writes. Iterators walk the array they started on; while a grow is in progress they read an
 * unevacuated old bucket, keeping only the entries bound for the new bucket at hand, and look
 * entries up again when the old copy may be stale — so deleted entries are never produced and
 * every entry present for the whole iteration is produced exactly once.
 *
 * CONCURRENCY: F_WRITING is set for the duration of a write; a read or write that finds it set
 * stops with Go's fatal errors ("concurrent map read and map write", "concurrent map writes",
 * "concurrent map iteration and map write"). With one thread a native runs to completion, so
 * these cannot fire yet; they will with worker-thread Ms.
 *
 * GC: hmap and buckets are ordinary heap objects. Pointer writes into them go through the write
 * barrier when the collector is marking (writePointer, typedmemmove; clears copy from the
 * zero area with typedmemmove). Evacuated old buckets are cleared (unless an iterator may be
 * reading them) so their overflow chains and referents can be freed.
 *
 * Differences from Go: 32-bit hashes (tophash = hash >>> 24); the overflow pointer is always a
 * GC pointer (Go keeps overflow buckets of pointer-free maps alive through hmap.extra instead);
 * no preallocated overflow buckets; keys and elems over 128 bytes are stored indirectly as in Go.
 *
 * Rejected: a JS Map of Go values (DESIGN.md: every Go value in linear memory); open addressing
 * (Go's iteration guarantees under mutation are defined by the bucket/evacuation scheme, and
 * reflect/fmt expect its shape).
 */

import { fatal } from "./debug.js";
import type { Heap } from "./malloc.js";
import type { LinearMemory } from "./mem.js";
import { ST_OTHER_SYS } from "./mstats.js";
import { STK_FP } from "./stack.js";
import { KIND_ARRAY, KIND_COMPLEX64, KIND_FLOAT32, KIND_MASK, KIND_STRUCT, TD_GCDATA, TD_KIND, TD_PTRDATA, TD_SIZE } from "./typedesc.js";
import { A_MEM, A_STR, Algs, hash64, hashBytes, memEqual, type Alg } from "./alg.js";
// (a value import of interp.js before panic.js: the vm modules' import cycle must start at interp)
import { WB_FLAG_ADDR, type NativeFn, type VM, type BarrierHook } from "./vm/interp.js";
import { G_PKIND, G_PX } from "./vm/g.js";
import { PK_PLAIN, plainErrorId } from "./vm/panic.js";

// hmap
export const HM_COUNT = 0;
export const HM_FLAGS = 8;
export const HM_B = 9;
export const HM_NOVERFLOW = 10;
export const HM_HASH0 = 12;
export const HM_BUCKETS = 16;
export const HM_OLDBUCKETS = 24;
export const HM_NEVACUATE = 32;
export const HM_TINFO = 40;
export const HMAP_BYTES = 48;

// hmap flags
export const F_ITERATOR = 1;
export const F_OLD_ITERATOR = 2;
export const F_WRITING = 4;
export const F_SAME_SIZE = 8;

// hiter
export const IT_KEY = 0;
export const IT_ELEM = 8;
export const IT_T = 16;
export const IT_H = 24;
export const IT_BUCKETS = 32;
export const IT_BPTR = 40;
export const IT_START = 48;
export const IT_OFFSET = 52;
export const IT_WRAPPED = 53;
export const IT_B = 54;
export const IT_I = 55;
export const IT_BUCKET = 56;
export const IT_CHECK = 60;
export const HITER_BYTES = 96;
const NO_CHECK = 0xffffffff;

// map type descriptor words (TYPEDESC.md §3 Map)
export const MT_KEY = 36;
export const MT_ELEM = 40;
export const MT_BUCKET = 44;
export const MT_HASHER = 48;
export const MT_KEYSIZE = 52;
export const MT_VALUESIZE = 53;
export const MT_BUCKETSIZE = 54;
export const MT_FLAGS = 56;

const BUCKET_CNT = 8;
/** Tophash marks. */
const EMPTY_REST = 0;
const EMPTY_ONE = 1;
const EVAC_X = 2;
const EVAC_Y = 3;
const EVAC_EMPTY = 4;
const MIN_TOPHASH = 5;
/** Keys/elems above this many bytes are stored behind a pointer (Go's maxKeySize/maxElemSize). */
const MAX_INLINE = 128;
/** Old buckets advanceEvacuationMark looks at past the current one (Go's 1024). */
const EVAC_SCAN = 1024;

/** How a native finds the key among its argument slots. */
const KEY_SLOTS = 0; // the key's memory representation is the slots themselves
const KEY_ADDR = 1; // aggregates: the slot holds the key's address
const KEY_F32 = 2; // float32: the slot holds a float64
const KEY_C64 = 3; // complex64: two float64 slots (real, imaginary)

const E_NIL_ASSIGN = plainErrorId("assignment to entry in nil map");

/** Everything the runtime derives from a map type descriptor (built once per type). */
export class MapType {
  constructor(
    readonly index: number,
    readonly desc: number,
    readonly key: number,
    readonly elem: number,
    /** key/elem sizes as types */
    readonly keyTypeSize: number,
    readonly elemTypeSize: number,
    readonly indirectKey: boolean,
    readonly indirectElem: boolean,
    /** bytes per key/elem slot in a bucket */
    readonly keySize: number,
    readonly elemSize: number,
    readonly elemOff: number,
    readonly ovfOff: number,
    readonly bucketSize: number,
    readonly bucketDesc: number,
    readonly keyAlg: Alg,
    readonly keyPtrs: boolean,
    readonly elemPtrs: boolean,
    readonly keyMode: number,
    /** 1: 8-byte memory key (ints, pointers) — the fast path */
    readonly fast: number,
  ) {}
}

export class Maps {
  readonly mem: LinearMemory;
  readonly algs: Algs;
  /** The write barrier (VM's; null without a collector). */
  barrier: BarrierHook | null = null;
  readonly types: MapType[] = [];
  private readonly byDesc = new Map<number, MapType>();
  private lastDesc = 0;
  private lastType: MapType | null = null;
  private readonly hmapDesc: number;
  /** Read-only zero memory (mapaccess of an absent key returns a pointer into it). */
  zero: number;
  private zeroSize: number;
  /** 64 bytes for keys copied out of a frame that an allocation could move. */
  private readonly scratch: number;

  constructor(
    readonly heap: Heap,
    seed = (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) >>> 0,
  ) {
    this.mem = heap.mem;
    this.algs = new Algs(heap.mem, seed);
    this.hmapDesc = heap.types.make(HMAP_BYTES, [2, 3]);
    this.zeroSize = 1024;
    this.zero = heap.mheap.persistentAlloc(this.zeroSize, 8, ST_OTHER_SYS);
    this.scratch = heap.mheap.persistentAlloc(64, 8, ST_OTHER_SYS);
  }

  // ── types ──

  /** The MapType of map type descriptor t. */
  typeOf(t: number): MapType {
    if (t === this.lastDesc && this.lastType !== null) return this.lastType;
    let mt = this.byDesc.get(t);
    if (mt === undefined) {
      mt = this.build(t);
      this.byDesc.set(t, mt);
    }
    this.lastDesc = t;
    this.lastType = mt;
    return mt;
  }

  private build(t: number): MapType {
    const mem = this.mem;
    const key = mem.u32[(t + MT_KEY) >>> 2];
    const elem = mem.u32[(t + MT_ELEM) >>> 2];
    const kts = mem.u32[(key + TD_SIZE) >>> 2];
    const ets = mem.u32[(elem + TD_SIZE) >>> 2];
    const indirectKey = kts > MAX_INLINE;
    const indirectElem = ets > MAX_INLINE;
    const ks = indirectKey ? 8 : kts;
    const es = indirectElem ? 8 : ets;
    const elemOff = 8 + BUCKET_CNT * ks;
    const ovfOff = (elemOff + BUCKET_CNT * es + 7) & ~7;
    const bucketSize = ovfOff + 8;
    // bucket pointer words: the key's and elem's words repeated 8 times, and the overflow word
    const words: number[] = [];
    const addWords = (typ: number, indirect: boolean, base: number, size: number): void => {
      if (indirect) {
        for (let i = 0; i < BUCKET_CNT; i++) words.push((base + i * 8) >>> 3);
        return;
      }
      const pd = mem.u32[(typ + TD_PTRDATA) >>> 2];
      if (pd === 0) return;
      const mask = mem.u32[(typ + TD_GCDATA) >>> 2];
      for (let w = 0; w < pd >>> 3; w++)
        if ((mem.u8[mask + (w >>> 3)] & (1 << (w & 7))) !== 0) for (let i = 0; i < BUCKET_CNT; i++) words.push(((base + i * size) >>> 3) + w);
    };
    addWords(key, indirectKey, 8, ks);
    addWords(elem, indirectElem, elemOff, es);
    words.push(ovfOff >>> 3);
    const bucketDesc = this.heap.types.make(bucketSize, words);
    const kk = mem.u8[key + TD_KIND] & KIND_MASK;
    const keyMode =
      kk === KIND_ARRAY || kk === KIND_STRUCT ? KEY_ADDR : kk === KIND_FLOAT32 ? KEY_F32 : kk === KIND_COMPLEX64 ? KEY_C64 : KEY_SLOTS;
    const keyAlg = this.algs.algOf(key);
    const fast = keyAlg.kind === A_MEM && keyAlg.size === 8 && kts === 8 && !indirectKey ? 1 : keyAlg.kind === A_STR ? 2 : 0;
    const mt = new MapType(
      this.types.length,
      t,
      key,
      elem,
      kts,
      ets,
      indirectKey,
      indirectElem,
      ks,
      es,
      elemOff,
      ovfOff,
      bucketSize,
      bucketDesc,
      keyAlg,
      mem.u32[(key + TD_PTRDATA) >>> 2] !== 0,
      mem.u32[(elem + TD_PTRDATA) >>> 2] !== 0,
      keyMode,
      fast,
    );
    this.types.push(mt);
    if (ets > this.zeroSize) {
      this.zeroSize = ets;
      this.zero = this.heap.mheap.persistentAlloc(ets, 8, ST_OTHER_SYS);
    }
    return mt;
  }

  // ── memory helpers (barrier-aware) ──

  private wbOn(): boolean {
    return this.barrier !== null && this.mem.u32[WB_FLAG_ADDR >>> 2] !== 0;
  }

  /** *slot = p (slot in the heap or a frame). */
  storePtr(slot: number, p: number): void {
    if (this.wbOn()) (this.barrier as BarrierHook).writePointer(slot, p);
    else {
      const u32 = this.mem.u32;
      u32[slot >>> 2] = p;
      u32[(slot >>> 2) + 1] = 0;
    }
  }

  private typedmove(typ: number, dst: number, src: number, size: number, ptrs: boolean): void {
    if (ptrs && this.wbOn()) {
      (this.barrier as BarrierHook).typedmemmove(typ, dst, src);
      return;
    }
    const mem = this.mem;
    if (size === 8 && ((dst | src) & 3) === 0) {
      const u32 = mem.u32;
      u32[dst >>> 2] = u32[src >>> 2];
      u32[(dst >>> 2) + 1] = u32[(src >>> 2) + 1];
      return;
    }
    if (size === 16 && ((dst | src) & 3) === 0) {
      const u32 = mem.u32;
      const d = dst >>> 2;
      const s = src >>> 2;
      u32[d] = u32[s];
      u32[d + 1] = u32[s + 1];
      u32[d + 2] = u32[s + 2];
      u32[d + 3] = u32[s + 3];
      return;
    }
    if (size > 0) mem.move(dst, src, size);
  }

  private typedclr(typ: number, dst: number, size: number, ptrs: boolean): void {
    if (ptrs && this.wbOn()) {
      (this.barrier as BarrierHook).typedmemmove(typ, dst, this.zero);
      return;
    }
    if (size > 0) this.mem.zero(dst, size);
  }

  // ── hashing ──

  private hashKey(mt: MapType, k: number, seed: number): number {
    const mem = this.mem;
    if (mt.fast === 1) return hash64(mem.u32[k >>> 2], mem.u32[(k >>> 2) + 1], seed);
    if (mt.fast === 2) return hashBytes(mem, mem.u32[k >>> 2], mem.u32[(k + 8) >>> 2], seed);
    return this.algs.hash(mt.keyAlg, k, seed);
  }

  private keyEqual(mt: MapType, a: number, b: number): boolean {
    const mem = this.mem;
    if (mt.fast === 1) {
      const u32 = mem.u32;
      return u32[a >>> 2] === u32[b >>> 2] && u32[(a >>> 2) + 1] === u32[(b >>> 2) + 1];
    }
    if (mt.fast === 2) {
      const u32 = mem.u32;
      const n = u32[(a + 8) >>> 2];
      if (n !== u32[(b + 8) >>> 2]) return false;
      const p = u32[a >>> 2];
      const q = u32[b >>> 2];
      return p === q || memEqual(mem, p, q, n);
    }
    return this.algs.equal(mt.keyAlg, a, b);
  }

  /** Address of the key in slot i of bucket b (following an indirect key). */
  private keyAt(mt: MapType, b: number, i: number): number {
    const k = b + 8 + i * mt.keySize;
    return mt.indirectKey ? this.mem.u32[k >>> 2] : k;
  }

  private elemAt(mt: MapType, b: number, i: number): number {
    const e = b + mt.elemOff + i * mt.elemSize;
    return mt.indirectElem ? this.mem.u32[e >>> 2] : e;
  }

  // ── make ──

  /**
   * make(map[K]V, hint): a new hmap (buckets allocated now unless B = 0). `pin` receives the
   * hmap before the bucket allocation, which can run a whole collection: the caller must store
   * it where the collector scans (its result slot), or the hmap could be freed while live.
   */
  makemap(mt: MapType, hint: number, pin?: (h: number) => void): number {
    // Go: a hint whose buckets would exceed the allocation limit (or a negative one) counts as 0
    if (!(hint >= 0) || hint * mt.bucketSize > 2 ** 31) hint = 0;
    const h = this.heap.mallocgc(HMAP_BYTES, this.hmapDesc, true);
    const mem = this.mem;
    mem.u32[(h + HM_HASH0) >>> 2] = this.algs.rand();
    mem.u32[(h + HM_TINFO) >>> 2] = mt.index;
    let B = 0;
    while (overLoadFactor(hint, B)) B++;
    mem.u8[h + HM_B] = B;
    pin?.(h);
    if (B !== 0) this.storePtr(h + HM_BUCKETS, this.heap.mallocgc(mt.bucketSize * pow2(B), mt.bucketDesc, true));
    return h;
  }

  // ── lookup ──

  /** Address of m[k]'s element, or 0 when absent (nil or empty maps included). */
  access(mt: MapType, h: number, k: number): number {
    const mem = this.mem;
    if (h === 0 || mem.u32[(h + HM_COUNT) >>> 2] === 0) {
      if (mt.keyAlg.mightPanic) this.hashKey(mt, k, 0);
      return 0;
    }
    if ((mem.u8[h + HM_FLAGS] & F_WRITING) !== 0) fatal("concurrent map read and map write");
    const hash = this.hashKey(mt, k, mem.u32[(h + HM_HASH0) >>> 2]);
    if (this.algs.unhashable !== null) return 0;
    const i = this.find(mt, h, k, hash);
    return i === 0 ? 0 : this.elemAt(mt, this.foundBucket, i - 1);
  }

  /**
   * access for 8-byte memory keys (ints, pointers; MapType.fast = 1) given as two words: the
   * hash inlined and keys compared before their tophash (Go's mapaccess1_fast64).
   */
  access64(mt: MapType, h: number, lo: number, hi: number): number {
    const mem = this.mem;
    const u32 = mem.u32;
    if (h === 0 || u32[(h + HM_COUNT) >>> 2] === 0) return 0;
    const u8 = mem.u8;
    if ((u8[h + HM_FLAGS] & F_WRITING) !== 0) fatal("concurrent map read and map write");
    const hash = hash64(lo, hi, u32[(h + HM_HASH0) >>> 2]);
    const B = u8[h + HM_B];
    const bs = mt.bucketSize;
    let m = B >= 31 ? 0xffffffff : (1 << B) - 1;
    let b = u32[(h + HM_BUCKETS) >>> 2] + ((hash & m) >>> 0) * bs;
    const old = u32[(h + HM_OLDBUCKETS) >>> 2];
    if (old !== 0) {
      if ((u8[h + HM_FLAGS] & F_SAME_SIZE) === 0) m >>>= 1;
      const ob = old + ((hash & m) >>> 0) * bs;
      const t0 = u8[ob];
      if (!(t0 > EMPTY_ONE && t0 < MIN_TOPHASH)) b = ob;
    }
    const ovf = mt.ovfOff;
    for (; b !== 0; b = u32[(b + ovf) >>> 2]) {
      let k = (b + 8) >>> 2;
      for (let i = 0; i < BUCKET_CNT; i++, k += 2) {
        if (u32[k] === lo && u32[k + 1] === hi) {
          const t = u8[b + i];
          if (t > EMPTY_ONE && t !== EVAC_EMPTY) return mt.indirectElem ? u32[(b + mt.elemOff + i * 8) >>> 2] : b + mt.elemOff + i * mt.elemSize;
        }
        if (u8[b + i] === EMPTY_REST) return 0;
      }
    }
    return 0;
  }

  /** access for string keys (MapType.fast = 2), the key given as (data, len): Go's mapaccess1_faststr. */
  accessStr(mt: MapType, h: number, p: number, n: number): number {
    const mem = this.mem;
    const u32 = mem.u32;
    if (h === 0 || u32[(h + HM_COUNT) >>> 2] === 0) return 0;
    const u8 = mem.u8;
    if ((u8[h + HM_FLAGS] & F_WRITING) !== 0) fatal("concurrent map read and map write");
    const hash = hashBytes(mem, p, n, u32[(h + HM_HASH0) >>> 2]);
    this.lastHash = hash;
    const B = u8[h + HM_B];
    const bs = mt.bucketSize;
    let m = B >= 31 ? 0xffffffff : (1 << B) - 1;
    let b = u32[(h + HM_BUCKETS) >>> 2] + ((hash & m) >>> 0) * bs;
    const old = u32[(h + HM_OLDBUCKETS) >>> 2];
    if (old !== 0) {
      if ((u8[h + HM_FLAGS] & F_SAME_SIZE) === 0) m >>>= 1;
      const ob = old + ((hash & m) >>> 0) * bs;
      const t0 = u8[ob];
      if (!(t0 > EMPTY_ONE && t0 < MIN_TOPHASH)) b = ob;
    }
    let top = hash >>> 24;
    if (top < MIN_TOPHASH) top += MIN_TOPHASH;
    const ovf = mt.ovfOff;
    for (; b !== 0; b = u32[(b + ovf) >>> 2]) {
      for (let i = 0; i < BUCKET_CNT; i++) {
        const t = u8[b + i];
        if (t !== top) {
          if (t === EMPTY_REST) return 0;
          continue;
        }
        const k = (b + 8 + i * 16) >>> 2;
        if (u32[k + 2] !== n) continue;
        const q = u32[k];
        if (q !== p && !memEqual(mem, p, q, n)) continue;
        this.lastBucket = b;
        this.lastSlot = i;
        return mt.indirectElem ? u32[(b + mt.elemOff + i * 8) >>> 2] : b + mt.elemOff + i * mt.elemSize;
      }
    }
    return 0;
  }

  /**
   * The hot case of m[k] = … for fast keys: k already present and no grow in progress — the
   * element's address, else 0 (the caller falls back to assign, which also inserts and grows).
   * A string key's data pointer is updated as Go does (so a big string the old key sliced can
   * be freed).
   */
  assignExisting(mt: MapType, h: number, k: number): number {
    const mem = this.mem;
    const u32 = mem.u32;
    if (u32[(h + HM_COUNT) >>> 2] === 0 || u32[(h + HM_OLDBUCKETS) >>> 2] !== 0) return 0;
    const u8 = mem.u8;
    if ((u8[h + HM_FLAGS] & F_WRITING) !== 0) fatal("concurrent map writes");
    const kw = k >>> 2;
    let e: number;
    if (mt.fast === 1) {
      e = this.access64(mt, h, u32[kw], u32[kw + 1]);
    } else {
      const p = u32[kw];
      e = this.accessStr(mt, h, p, u32[kw + 2]);
      // a miss leaves the key's hash for the assign that follows (the seed cannot change between)
      this.hashHint = e === 0 ? h : 0;
      if (e !== 0) {
        // slot index from the element address: update the key's data pointer
        const i = this.lastSlot;
        const ka = this.lastBucket + 8 + i * 16;
        if (u32[ka >>> 2] !== p) this.storePtr(ka, p);
      }
    }
    return e;
  }

  /** Set by accessStr on a hit: the bucket and slot (assignExisting's key update). */
  private lastBucket = 0;
  private lastSlot = 0;
  /** The hash accessStr computed last (valid right after it hashed). */
  private lastHash = 0;
  /**
   * The hmap whose string key assignExisting just missed, so the next assign (the mapassign
   * native's slow path, with the same key) reuses lastHash instead of hashing again; 0 = none.
   * assign reads and clears it first thing.
   */
  hashHint = 0;

  /** Set by find: the bucket of the slot found. */
  private foundBucket = 0;

  /** Finds key k (hash precomputed): slot index + 1 in foundBucket, or 0. */
  private find(mt: MapType, h: number, k: number, hash: number): number {
    const mem = this.mem;
    const u8 = mem.u8;
    const u32 = mem.u32;
    const B = u8[h + HM_B];
    const bs = mt.bucketSize;
    let m = B >= 31 ? 0xffffffff : (1 << B) - 1;
    let b = u32[(h + HM_BUCKETS) >>> 2] + ((hash & m) >>> 0) * bs;
    const old = u32[(h + HM_OLDBUCKETS) >>> 2];
    if (old !== 0) {
      if ((u8[h + HM_FLAGS] & F_SAME_SIZE) === 0) m >>>= 1;
      const ob = old + ((hash & m) >>> 0) * bs;
      const t0 = u8[ob];
      if (!(t0 > EMPTY_ONE && t0 < MIN_TOPHASH)) b = ob; // not evacuated yet
    }
    let top = hash >>> 24;
    if (top < MIN_TOPHASH) top += MIN_TOPHASH;
    const fast = mt.fast;
    const ks = mt.keySize;
    for (; b !== 0; b = u32[(b + mt.ovfOff) >>> 2]) {
      for (let i = 0; i < BUCKET_CNT; i++) {
        const t = u8[b + i];
        if (t !== top) {
          if (t === EMPTY_REST) return 0;
          continue;
        }
        const ka = b + 8 + i * ks;
        if (fast === 1) {
          if (u32[ka >>> 2] !== u32[k >>> 2] || u32[(ka >>> 2) + 1] !== u32[(k >>> 2) + 1]) continue;
        } else if (!this.keyEqual(mt, mt.indirectKey ? u32[ka >>> 2] : ka, k)) continue;
        this.foundBucket = b;
        return i + 1;
      }
    }
    return 0;
  }

  // ── assignment ──

  /** m[k] = …: the element's address (a new zero element when k was absent). h ≠ 0. */
  assign(mt: MapType, h: number, k: number): number {
    let mem = this.mem;
    if ((mem.u8[h + HM_FLAGS] & F_WRITING) !== 0) fatal("concurrent map writes");
    const hinted = this.hashHint === h && mt.fast === 2;
    this.hashHint = 0;
    const hash = hinted ? this.lastHash : this.hashKey(mt, k, mem.u32[(h + HM_HASH0) >>> 2]);
    if (this.algs.unhashable !== null) return 0;
    mem.u8[h + HM_FLAGS] ^= F_WRITING;
    if (mem.u32[(h + HM_BUCKETS) >>> 2] === 0) this.storePtr(h + HM_BUCKETS, this.heap.mallocgc(mt.bucketSize, mt.bucketDesc, true));
    let top = hash >>> 24;
    if (top < MIN_TOPHASH) top += MIN_TOPHASH;
    const bs = mt.bucketSize;
    let elem = 0;
    for (;;) {
      mem = this.mem;
      const B = mem.u8[h + HM_B];
      const bucket = (hash & (B >= 31 ? 0xffffffff : (1 << B) - 1)) >>> 0;
      if (mem.u32[(h + HM_OLDBUCKETS) >>> 2] !== 0) this.growWork(mt, h, bucket);
      mem = this.mem;
      let u8 = mem.u8;
      let u32 = mem.u32;
      let b = u32[(h + HM_BUCKETS) >>> 2] + bucket * bs;
      let insB = 0;
      let insI = 0;
      search: for (;;) {
        for (let i = 0; i < BUCKET_CNT; i++) {
          const t = u8[b + i];
          if (t !== top) {
            if (t <= EMPTY_ONE && insB === 0) {
              insB = b;
              insI = i;
            }
            if (t === EMPTY_REST) break search;
            continue;
          }
          const ka = this.keyAt(mt, b, i);
          if (!this.keyEqual(mt, ka, k)) continue;
          // already present: maybe update the key (±0, string pointers, interfaces)
          if (mt.keyAlg.needUpdate) this.typedmove(mt.key, ka, k, mt.keyTypeSize, mt.keyPtrs);
          elem = this.elemAt(mt, b, i);
          break search;
        }
        const ovf = u32[(b + mt.ovfOff) >>> 2];
        if (ovf === 0) break;
        b = ovf;
      }
      if (elem !== 0) break;
      // not found: grow first if the table is too full (then search again)
      const count = u32[(h + HM_COUNT) >>> 2];
      if (u32[(h + HM_OLDBUCKETS) >>> 2] === 0 && (overLoadFactor(count + 1, B) || tooManyOverflow(u16(mem, h + HM_NOVERFLOW), B))) {
        this.hashGrow(mt, h);
        continue;
      }
      if (insB === 0) {
        insB = this.newoverflow(mt, h, b);
        insI = 0;
      }
      mem = this.mem;
      u8 = mem.u8;
      u32 = mem.u32;
      // store the key (a new object when indirect), then the element slot
      let ka = insB + 8 + insI * mt.keySize;
      if (mt.indirectKey) {
        const o = this.heap.mallocgc(mt.keyTypeSize, mt.key, true);
        this.storePtr(ka, o);
        ka = o;
      }
      this.typedmove(mt.key, ka, k, mt.keyTypeSize, mt.keyPtrs);
      const ea = insB + mt.elemOff + insI * mt.elemSize;
      if (mt.indirectElem) {
        const o = this.heap.mallocgc(mt.elemTypeSize, mt.elem, true);
        this.storePtr(ea, o);
        elem = o;
      } else elem = ea;
      mem = this.mem;
      mem.u8[insB + insI] = top;
      mem.u32[(h + HM_COUNT) >>> 2]++;
      break;
    }
    mem = this.mem;
    if ((mem.u8[h + HM_FLAGS] & F_WRITING) === 0) fatal("concurrent map writes");
    mem.u8[h + HM_FLAGS] &= ~F_WRITING;
    return elem;
  }

  /** Appends a new overflow bucket to b (last of its chain) and returns it. */
  private newoverflow(mt: MapType, h: number, b: number): number {
    const ovf = this.heap.mallocgc(mt.bucketSize, mt.bucketDesc, true);
    const mem = this.mem;
    // Go's incrnoverflow: exact below 2^16 buckets, then counted with probability 1/2^(B−15)
    const B = mem.u8[h + HM_B];
    if (B < 16 || (this.algs.rand() & ((1 << (B - 15)) - 1)) === 0) {
      const n = u16(mem, h + HM_NOVERFLOW);
      if (n < 0xffff) mem.u16[(h + HM_NOVERFLOW) >>> 1] = n + 1;
    }
    this.storePtr(b + mt.ovfOff, ovf);
    return ovf;
  }

  private hashGrow(mt: MapType, h: number): void {
    let mem = this.mem;
    const B = mem.u8[h + HM_B];
    const count = mem.u32[(h + HM_COUNT) >>> 2];
    let bigger = 1;
    let flags = mem.u8[h + HM_FLAGS];
    if (!overLoadFactor(count + 1, B)) {
      bigger = 0;
      flags |= F_SAME_SIZE;
    }
    const nb = this.heap.mallocgc(mt.bucketSize * pow2(B + bigger), mt.bucketDesc, true);
    mem = this.mem;
    const iter = (flags & F_ITERATOR) !== 0;
    flags &= ~(F_ITERATOR | F_OLD_ITERATOR);
    if (iter) flags |= F_OLD_ITERATOR;
    mem.u8[h + HM_FLAGS] = flags;
    this.storePtr(h + HM_OLDBUCKETS, mem.u32[(h + HM_BUCKETS) >>> 2]);
    this.storePtr(h + HM_BUCKETS, nb);
    mem.u8[h + HM_B] = B + bigger;
    mem.u32[(h + HM_NEVACUATE) >>> 2] = 0;
    mem.u16[(h + HM_NOVERFLOW) >>> 1] = 0;
  }

  private noldbuckets(h: number): number {
    const mem = this.mem;
    let B = mem.u8[h + HM_B];
    if ((mem.u8[h + HM_FLAGS] & F_SAME_SIZE) === 0) B--;
    return pow2(B);
  }

  private growWork(mt: MapType, h: number, bucket: number): void {
    this.evacuate(mt, h, (bucket & (this.noldbuckets(h) - 1)) >>> 0);
    if (this.mem.u32[(h + HM_OLDBUCKETS) >>> 2] !== 0) this.evacuate(mt, h, this.mem.u32[(h + HM_NEVACUATE) >>> 2]);
  }

  /** Moves old bucket `ob`'s entries to the new array (two halves X/Y when doubling). */
  private evacuate(mt: MapType, h: number, ob: number): void {
    let mem = this.mem;
    const bs = mt.bucketSize;
    const old = mem.u32[(h + HM_OLDBUCKETS) >>> 2];
    const newbit = this.noldbuckets(h);
    const b0 = old + ob * bs;
    const t0 = mem.u8[b0];
    if (!(t0 > EMPTY_ONE && t0 < MIN_TOPHASH)) {
      const sameSize = (mem.u8[h + HM_FLAGS] & F_SAME_SIZE) !== 0;
      const nbk = mem.u32[(h + HM_BUCKETS) >>> 2];
      // destinations: [bucket, next slot] for X (same index) and Y (index + newbit)
      let xb = nbk + ob * bs;
      let xi = 0;
      let yb = sameSize ? 0 : nbk + (ob + newbit) * bs;
      let yi = 0;
      const seed = mem.u32[(h + HM_HASH0) >>> 2];
      // no barrier needed (re-checked after each allocation: a GC cycle may start in one)
      let plain = !this.wbOn() && !mt.indirectKey && !mt.indirectElem;
      for (let b = b0; b !== 0; b = this.mem.u32[(b + mt.ovfOff) >>> 2]) {
        for (let i = 0; i < BUCKET_CNT; i++) {
          mem = this.mem;
          let top = mem.u8[b + i];
          if (top <= EMPTY_ONE) {
            mem.u8[b + i] = EVAC_EMPTY;
            continue;
          }
          const ks = b + 8 + i * mt.keySize; // the slot (pointer when indirect)
          const k = mt.indirectKey ? mem.u32[ks >>> 2] : ks;
          let useY = 0;
          if (!sameSize) {
            const hash = this.hashKey(mt, k, seed);
            if (!mt.keyAlg.reflexive && !this.keyEqual(mt, k, k)) {
              // NaN-like keys: the direction comes from the old tophash's low bit, new random hash
              useY = top & 1;
              top = hash >>> 24;
              if (top < MIN_TOPHASH) top += MIN_TOPHASH;
            } else if (((hash >>> 0) & newbit) !== 0) useY = 1;
          }
          mem.u8[b + i] = EVAC_X + useY;
          let db: number;
          let di: number;
          if (useY === 0) {
            if (xi === BUCKET_CNT) {
              xb = this.newoverflow(mt, h, xb);
              xi = 0;
              plain = !this.wbOn() && !mt.indirectKey && !mt.indirectElem;
            }
            db = xb;
            di = xi++;
          } else {
            if (yi === BUCKET_CNT) {
              yb = this.newoverflow(mt, h, yb);
              yi = 0;
              plain = !this.wbOn() && !mt.indirectKey && !mt.indirectElem;
            }
            db = yb;
            di = yi++;
          }
          mem = this.mem;
          mem.u8[db + di] = top;
          const dk = db + 8 + di * mt.keySize;
          const es = b + mt.elemOff + i * mt.elemSize;
          const de = db + mt.elemOff + di * mt.elemSize;
          if (plain) {
            // no barrier needed: word copies (keys and elems of 4-multiple sizes sit at
            // 4-aligned offsets), bytes otherwise
            copyPlain(mem, dk, ks, mt.keySize);
            copyPlain(mem, de, es, mt.elemSize);
            continue;
          }
          if (mt.indirectKey) this.storePtr(dk, mem.u32[ks >>> 2]);
          else this.typedmove(mt.key, dk, ks, mt.keySize, mt.keyPtrs);
          if (mt.indirectElem) this.storePtr(de, this.mem.u32[es >>> 2]);
          else this.typedmove(mt.elem, de, es, mt.elemSize, mt.elemPtrs);
        }
      }
      // drop the old bucket's references (not while an iterator may still read it)
      if ((this.mem.u8[h + HM_FLAGS] & F_OLD_ITERATOR) === 0) this.clearBucketData(mt, b0);
    }
    if (ob === this.mem.u32[(h + HM_NEVACUATE) >>> 2]) this.advanceEvacuationMark(h, mt, newbit);
  }

  /** Zeroes a bucket's keys, elems and overflow link (with barriers), keeping the tophash marks. */
  private clearBucketData(mt: MapType, b: number): void {
    if (this.wbOn()) {
      for (let i = 0; i < BUCKET_CNT; i++) {
        const ks = b + 8 + i * mt.keySize;
        if (mt.indirectKey) this.storePtr(ks, 0);
        else if (mt.keyPtrs) this.typedclr(mt.key, ks, mt.keySize, true);
        const es = b + mt.elemOff + i * mt.elemSize;
        if (mt.indirectElem) this.storePtr(es, 0);
        else if (mt.elemPtrs) this.typedclr(mt.elem, es, mt.elemSize, true);
      }
      this.storePtr(b + mt.ovfOff, 0);
    }
    this.mem.zero(b + 8, mt.bucketSize - 8);
  }

  private advanceEvacuationMark(h: number, mt: MapType, newbit: number): void {
    const mem = this.mem;
    let n = mem.u32[(h + HM_NEVACUATE) >>> 2] + 1;
    const stop = Math.min(n + EVAC_SCAN, newbit);
    const old = mem.u32[(h + HM_OLDBUCKETS) >>> 2];
    while (n < stop) {
      const t0 = mem.u8[old + n * mt.bucketSize];
      if (!(t0 > EMPTY_ONE && t0 < MIN_TOPHASH)) break;
      n++;
    }
    mem.u32[(h + HM_NEVACUATE) >>> 2] = n;
    if (n === newbit) {
      // growth done
      this.storePtr(h + HM_OLDBUCKETS, 0);
      this.mem.u8[h + HM_FLAGS] &= ~F_SAME_SIZE;
    }
  }

  // ── delete ──

  delete(mt: MapType, h: number, k: number): void {
    let mem = this.mem;
    if (h === 0 || mem.u32[(h + HM_COUNT) >>> 2] === 0) {
      if (mt.keyAlg.mightPanic) this.hashKey(mt, k, 0);
      return;
    }
    if ((mem.u8[h + HM_FLAGS] & F_WRITING) !== 0) fatal("concurrent map writes");
    const hash = this.hashKey(mt, k, mem.u32[(h + HM_HASH0) >>> 2]);
    if (this.algs.unhashable !== null) return;
    mem.u8[h + HM_FLAGS] ^= F_WRITING;
    const B = mem.u8[h + HM_B];
    const bucket = (hash & (B >= 31 ? 0xffffffff : (1 << B) - 1)) >>> 0;
    if (mem.u32[(h + HM_OLDBUCKETS) >>> 2] !== 0) this.growWork(mt, h, bucket);
    mem = this.mem;
    const bOrig = mem.u32[(h + HM_BUCKETS) >>> 2] + bucket * mt.bucketSize;
    let top = hash >>> 24;
    if (top < MIN_TOPHASH) top += MIN_TOPHASH;
    search: for (let b = bOrig; b !== 0; b = this.mem.u32[(b + mt.ovfOff) >>> 2]) {
      for (let i = 0; i < BUCKET_CNT; i++) {
        const t = this.mem.u8[b + i];
        if (t !== top) {
          if (t === EMPTY_REST) break search;
          continue;
        }
        const ks = b + 8 + i * mt.keySize;
        const k2 = mt.indirectKey ? this.mem.u32[ks >>> 2] : ks;
        if (!this.keyEqual(mt, k, k2)) continue;
        if (mt.indirectKey) this.storePtr(ks, 0);
        else if (mt.keyPtrs) this.typedclr(mt.key, ks, mt.keySize, true);
        const es = b + mt.elemOff + i * mt.elemSize;
        if (mt.indirectElem) this.storePtr(es, 0);
        else this.typedclr(mt.elem, es, mt.elemSize, mt.elemPtrs);
        mem = this.mem;
        mem.u8[b + i] = EMPTY_ONE;
        this.markEmptyRest(mt, bOrig, b, i);
        const c = mem.u32[(h + HM_COUNT) >>> 2] - 1;
        mem.u32[(h + HM_COUNT) >>> 2] = c;
        // a fresh seed once empty makes repeated insert/delete patterns harder to exploit (Go)
        if (c === 0) mem.u32[(h + HM_HASH0) >>> 2] = this.algs.rand();
        break search;
      }
    }
    mem = this.mem;
    if ((mem.u8[h + HM_FLAGS] & F_WRITING) === 0) fatal("concurrent map writes");
    mem.u8[h + HM_FLAGS] &= ~F_WRITING;
  }

  /**
   * After slot i of bucket b (in the chain starting at bOrig) became EMPTY_ONE: if everything
   * after it is EMPTY_REST, turn it and the empty slots before it into EMPTY_REST too.
   */
  private markEmptyRest(mt: MapType, bOrig: number, b: number, i: number): void {
    const u8 = this.mem.u8;
    const u32 = this.mem.u32;
    if (i === BUCKET_CNT - 1) {
      const ovf = u32[(b + mt.ovfOff) >>> 2];
      if (ovf !== 0 && u8[ovf] !== EMPTY_REST) return;
    } else if (u8[b + i + 1] !== EMPTY_REST) return;
    for (;;) {
      u8[b + i] = EMPTY_REST;
      if (i === 0) {
        if (b === bOrig) return;
        // the bucket before b in the chain
        let p = bOrig;
        while (u32[(p + mt.ovfOff) >>> 2] !== b) p = u32[(p + mt.ovfOff) >>> 2];
        b = p;
        i = BUCKET_CNT - 1;
      } else i--;
      if (u8[b + i] !== EMPTY_ONE) return;
    }
  }

  // ── iteration ──

  /** Starts a range over h with the hiter at `it` (zeroed or reused), positioned on the first entry. */
  iterinit(mt: MapType, h: number, it: number): void {
    let mem = this.mem;
    this.storePtr(it + IT_KEY, 0);
    this.storePtr(it + IT_ELEM, 0);
    mem = this.mem;
    mem.u32[(it + IT_T) >>> 2] = mt.desc;
    mem.u32[(it + IT_T + 4) >>> 2] = 0;
    if (h === 0 || mem.u32[(h + HM_COUNT) >>> 2] === 0) {
      this.storePtr(it + IT_H, 0);
      return;
    }
    this.storePtr(it + IT_H, h);
    const B = mem.u8[h + HM_B];
    this.storePtr(it + IT_BUCKETS, mem.u32[(h + HM_BUCKETS) >>> 2]);
    this.storePtr(it + IT_BPTR, 0);
    mem = this.mem;
    const r = this.algs.rand();
    const start = B >= 32 ? r : (r & ((2 ** B - 1) >>> 0)) >>> 0;
    mem.u32[(it + IT_START) >>> 2] = start;
    mem.u8[it + IT_OFFSET] = (B >= 32 ? 0 : Math.floor(r / 2 ** B)) & (BUCKET_CNT - 1);
    mem.u8[it + IT_WRAPPED] = 0;
    mem.u8[it + IT_B] = B;
    mem.u8[it + IT_I] = 0;
    mem.u32[(it + IT_BUCKET) >>> 2] = start;
    mem.u32[(it + IT_CHECK) >>> 2] = NO_CHECK;
    mem.u8[h + HM_FLAGS] |= F_ITERATOR | F_OLD_ITERATOR;
    this.iternext(it);
  }

  /** Advances the iterator; it.key = 0 at the end. */
  iternext(it: number): void {
    let mem = this.mem;
    const h = mem.u32[(it + IT_H) >>> 2];
    if (h === 0) {
      this.storePtr(it + IT_KEY, 0);
      this.storePtr(it + IT_ELEM, 0);
      return;
    }
    if ((mem.u8[h + HM_FLAGS] & F_WRITING) !== 0) fatal("concurrent map iteration and map write");
    const mt = this.types[mem.u32[(h + HM_TINFO) >>> 2]];
    const bs = mt.bucketSize;
    const itB = mem.u8[it + IT_B];
    const nbuckets = 2 ** itB;
    const itBuckets = mem.u32[(it + IT_BUCKETS) >>> 2];
    const startBucket = mem.u32[(it + IT_START) >>> 2];
    const offset = mem.u8[it + IT_OFFSET];
    let bucket = mem.u32[(it + IT_BUCKET) >>> 2];
    let b = mem.u32[(it + IT_BPTR) >>> 2];
    let i = mem.u8[it + IT_I];
    let check = mem.u32[(it + IT_CHECK) >>> 2];
    let wrapped = mem.u8[it + IT_WRAPPED];
    for (;;) {
      mem = this.mem;
      if (b === 0) {
        if (bucket === startBucket && wrapped !== 0) {
          this.storePtr(it + IT_KEY, 0);
          this.storePtr(it + IT_ELEM, 0);
          return;
        }
        const old = mem.u32[(h + HM_OLDBUCKETS) >>> 2];
        if (old !== 0 && itB === mem.u8[h + HM_B]) {
          // started during this grow and the grow is not done: read the old bucket if it is
          // not evacuated yet, keeping only the entries bound for `bucket`
          const ob = old + ((bucket & (this.noldbuckets(h) - 1)) >>> 0) * bs;
          const t0 = mem.u8[ob];
          if (!(t0 > EMPTY_ONE && t0 < MIN_TOPHASH)) {
            b = ob;
            check = bucket;
          } else {
            b = itBuckets + bucket * bs;
            check = NO_CHECK;
          }
        } else {
          b = itBuckets + bucket * bs;
          check = NO_CHECK;
        }
        bucket++;
        if (bucket === nbuckets) {
          bucket = 0;
          wrapped = 1;
        }
        i = 0;
      }
      for (; i < BUCKET_CNT; i++) {
        mem = this.mem;
        const off = (i + offset) & (BUCKET_CNT - 1);
        const top = mem.u8[b + off];
        if (top <= EMPTY_ONE || top === EVAC_EMPTY) continue;
        const k = this.keyAt(mt, b, off);
        const e = this.elemAt(mt, b, off);
        if (check !== NO_CHECK && (mem.u8[h + HM_FLAGS] & F_SAME_SIZE) === 0) {
          // reading an old bucket during a doubling: skip entries bound for the other half
          if (mt.keyAlg.reflexive || this.keyEqual(mt, k, k)) {
            const hash = this.hashKey(mt, k, mem.u32[(h + HM_HASH0) >>> 2]);
            if (((hash & (nbuckets - 1)) >>> 0) !== check) continue;
          } else if (check >>> (itB - 1) !== (top & 1)) continue;
        }
        let rk = k;
        let re = e;
        if ((top === EVAC_X || top === EVAC_Y) && (mt.keyAlg.reflexive || this.keyEqual(mt, k, k))) {
          // the entry moved since the iteration started: the current table has the truth
          // (deleted, updated, or deleted and re-inserted)
          const hash = this.hashKey(mt, k, this.mem.u32[(h + HM_HASH0) >>> 2]);
          const j = this.find(mt, h, k, hash);
          if (j === 0) continue;
          rk = this.keyAt(mt, this.foundBucket, j - 1);
          re = this.elemAt(mt, this.foundBucket, j - 1);
        }
        this.storePtr(it + IT_KEY, rk);
        this.storePtr(it + IT_ELEM, re);
        this.storePtr(it + IT_BPTR, b);
        mem = this.mem;
        mem.u32[(it + IT_BUCKET) >>> 2] = bucket;
        mem.u8[it + IT_I] = i + 1;
        mem.u8[it + IT_WRAPPED] = wrapped;
        mem.u32[(it + IT_CHECK) >>> 2] = check;
        return;
      }
      b = this.mem.u32[(b + mt.ovfOff) >>> 2];
      i = 0;
    }
  }

  // ── natives ──

  /** Address of the key among a native's argument slots at `slot`. */
  keyArg(mt: MapType, slot: number): number {
    if (mt.keyMode === KEY_SLOTS) return slot;
    const mem = this.mem;
    if (mt.keyMode === KEY_ADDR) return mem.u32[slot >>> 2];
    mem.f32[this.scratch >>> 2] = mem.f64[slot >>> 3];
    if (mt.keyMode === KEY_C64) mem.f32[(this.scratch >>> 2) + 1] = mem.f64[(slot >>> 3) + 1];
    return this.scratch;
  }

  /** Like keyArg, but a key in the frame is copied out first (the call may allocate and move the stack). */
  keyArgStable(mt: MapType, slot: number): number {
    if (mt.keyMode !== KEY_SLOTS) return this.keyArg(mt, slot);
    const u32 = this.mem.u32;
    const s = this.scratch >>> 2;
    const w = slot >>> 2;
    const n = (mt.keyTypeSize + 3) >>> 2;
    for (let i = 0; i < n; i++) u32[s + i] = u32[w + i];
    return this.scratch;
  }

  /** Panics g with the pending unhashable-key error; true if there was one. */
  checkHashPanic(vm: VM, g: number): boolean {
    const msg = this.algs.unhashable;
    if (msg === null) return false;
    this.algs.unhashable = null;
    const mem = vm.mem;
    mem.u32[(g + G_PKIND) >>> 2] = PK_PLAIN;
    mem.i64[(g + G_PX) >>> 3] = BigInt(plainErrorId(msg));
    return true;
  }
}

/** Copies n bytes from src to dst (no overlap, no barrier): words when both are 4-aligned and n % 4 = 0. */
function copyPlain(mem: LinearMemory, dst: number, src: number, n: number): void {
  if (((dst | src | n) & 3) === 0) {
    const u32 = mem.u32;
    const d = dst >>> 2;
    const s = src >>> 2;
    for (let i = 0; i < n >>> 2; i++) u32[d + i] = u32[s + i];
    return;
  }
  const u8 = mem.u8;
  for (let i = 0; i < n; i++) u8[dst + i] = u8[src + i];
}

/** 2^B as a number (B < 31 by shifting). */
function pow2(B: number): number {
  return B < 31 ? 1 << B : 2 ** B;
}

function u16(mem: LinearMemory, addr: number): number {
  return mem.u16[addr >>> 1];
}

/** count > 6.5 · 2^B (and more than one bucket's worth). */
export function overLoadFactor(count: number, B: number): boolean {
  return count > BUCKET_CNT && count > 6.5 * pow2(B);
}

/** Too many overflow buckets for 2^B buckets (Go's threshold: about one per bucket, capped at 2^15). */
function tooManyOverflow(noverflow: number, B: number): boolean {
  if (B > 15) B = 15;
  return noverflow >= 1 << B;
}

/** Writes pointer p into the 8-byte result slot at addr (frames need no barrier). */
function setPtr(mem: LinearMemory, addr: number, p: number): void {
  mem.u32[addr >>> 2] = p;
  mem.u32[(addr >>> 2) + 1] = 0;
}

/**
 * The map natives (NATIVES.md subsystem "map"), sharing one Maps per VM. Compiler calling
 * convention (CALLN, 8-byte slots): `makemap(typ, hint) → h`; `mapaccess1(typ, h, key…) → elemp`
 * (a pointer into the zero area when absent); `mapaccess2(typ, h, key…) → (elemp, ok)`;
 * `mapassign(typ, h, key…) → elemp` (the caller stores the value there); `mapdelete(typ, h,
 * key…)`; `mapiterinit(typ, h, hiter[12])` — the hiter is the argument block's own slots
 * (word 0 = key pointer, 0 at the end) and `mapiternext(hiter[12])`. key… is the key's slots:
 * its memory representation, except aggregates (one slot with the address) and float32 (a
 * float64 slot).
 */
export function addMapNatives(m: Map<string, NativeFn>, vm0?: VM): void {
  /** m[k]'s element address or 0, by the key's fast path when it has one. */
  const lookup = (ms: Maps, mem: LinearMemory, args: number): number => {
    const u32 = mem.u32;
    const h = u32[(args + 8) >>> 2];
    const mt = h !== 0 ? ms.types[u32[(h + HM_TINFO) >>> 2]] : ms.typeOf(u32[args >>> 2]);
    const k = (args + 16) >>> 2;
    if (mt.fast === 1) return ms.access64(mt, h, u32[k], u32[k + 1]);
    if (mt.fast === 2) return ms.accessStr(mt, h, u32[k], u32[k + 2]);
    return ms.access(mt, h, ms.keyArg(mt, args + 16));
  };
  let maps: Maps | null = null;
  const get = (vm: VM): Maps => {
    if (maps === null || maps.heap !== vm.heap) {
      const ms = new Maps(vm.heap);
      ms.barrier = vm.barrier;
      maps = ms;
    }
    return maps;
  };
  if (vm0 !== undefined) get(vm0);
  /** A result slot address re-based if the frame moved during an allocation. */
  const rebase = (vm: VM, g: number, addr: number, fp0: number): number => addr - fp0 + vm.mem.u32[(g + STK_FP) >>> 2];

  m.set("runtime.makemap", (vm, g, args, res) => {
    const ms = get(vm);
    const mt = ms.typeOf(vm.mem.u32[args >>> 2]);
    const fp0 = vm.mem.u32[(g + STK_FP) >>> 2];
    const hint = Number(vm.mem.i64[(args + 8) >>> 3]);
    // makemap stores the hmap in the result slot itself (pin), before allocating its buckets
    ms.makemap(mt, hint, (h) => setPtr(vm.mem, rebase(vm, g, res, fp0), h));
  });
  m.set("runtime.mapaccess1", (vm, g, args, res) => {
    const ms = get(vm);
    const mem = vm.mem;
    const e = lookup(ms, mem, args);
    if (ms.algs.unhashable !== null && ms.checkHashPanic(vm, g)) return;
    const u32 = mem.u32;
    u32[res >>> 2] = e === 0 ? ms.zero : e;
    u32[(res >>> 2) + 1] = 0;
  });
  m.set("runtime.mapaccess2", (vm, g, args, res) => {
    const ms = get(vm);
    const mem = vm.mem;
    const e = lookup(ms, mem, args);
    if (ms.algs.unhashable !== null && ms.checkHashPanic(vm, g)) return;
    setPtr(mem, res, e === 0 ? ms.zero : e);
    mem.u32[(res + 8) >>> 2] = e === 0 ? 0 : 1;
    mem.u32[(res + 12) >>> 2] = 0;
  });
  m.set("runtime.mapassign", (vm, g, args, res) => {
    const ms = get(vm);
    let mem = vm.mem;
    const h = mem.u32[(args + 8) >>> 2];
    const mt = h !== 0 ? ms.types[mem.u32[(h + HM_TINFO) >>> 2]] : ms.typeOf(mem.u32[args >>> 2]);
    if (h === 0) {
      mem.u32[(g + G_PKIND) >>> 2] = PK_PLAIN;
      mem.i64[(g + G_PX) >>> 3] = BigInt(E_NIL_ASSIGN);
      return;
    }
    ms.hashHint = 0;
    if (mt.fast !== 0) {
      const e = ms.assignExisting(mt, h, args + 16);
      if (e !== 0) {
        setPtr(vm.mem, res, e);
        return;
      }
    }
    const fp0 = mem.u32[(g + STK_FP) >>> 2];
    const e = ms.assign(mt, h, ms.keyArgStable(mt, args + 16));
    if (ms.checkHashPanic(vm, g)) return;
    mem = vm.mem;
    setPtr(mem, rebase(vm, g, res, fp0), e);
  });
  m.set("runtime.mapdelete", (vm, g, args) => {
    const ms = get(vm);
    const mem = vm.mem;
    const mt = ms.typeOf(mem.u32[args >>> 2]);
    ms.delete(mt, mem.u32[(args + 8) >>> 2], ms.keyArg(mt, args + 16));
    ms.checkHashPanic(vm, g);
  });
  m.set("runtime.mapiterinit", (vm, _g, args) => {
    const ms = get(vm);
    const mem = vm.mem;
    const mt = ms.typeOf(mem.u32[args >>> 2]);
    ms.iterinit(mt, mem.u32[(args + 8) >>> 2], args + 16);
  });
  m.set("runtime.mapiternext", (vm, _g, args) => {
    get(vm).iternext(args);
  });

  // reflect (NATIVES.md): keys and elems by address, hiter on the heap
  m.set("reflect.makemap", (vm, g, args, res) => {
    const ms = get(vm);
    const mt = ms.typeOf(vm.mem.u32[args >>> 2]);
    const fp0 = vm.mem.u32[(g + STK_FP) >>> 2];
    ms.makemap(mt, Number(vm.mem.i64[(args + 8) >>> 3]), (h) => setPtr(vm.mem, rebase(vm, g, res, fp0), h));
  });
  m.set("reflect.mapaccess", (vm, g, args, res) => {
    const ms = get(vm);
    const mem = vm.mem;
    const mt = ms.typeOf(mem.u32[args >>> 2]);
    const e = ms.access(mt, mem.u32[(args + 8) >>> 2], mem.u32[(args + 16) >>> 2]);
    if (ms.checkHashPanic(vm, g)) return;
    setPtr(mem, res, e);
  });
  m.set("reflect.mapassign", (vm, g, args) => {
    const ms = get(vm);
    const mem = vm.mem;
    const mt = ms.typeOf(mem.u32[args >>> 2]);
    const h = mem.u32[(args + 8) >>> 2];
    const k = mem.u32[(args + 16) >>> 2];
    const v = mem.u32[(args + 24) >>> 2];
    if (h === 0) {
      mem.u32[(g + G_PKIND) >>> 2] = PK_PLAIN;
      mem.i64[(g + G_PX) >>> 3] = BigInt(E_NIL_ASSIGN);
      return;
    }
    const e = ms.assign(mt, h, k);
    if (ms.checkHashPanic(vm, g)) return;
    const et = mt.elem;
    const ets = mt.elemTypeSize;
    if (ets > 0) {
      if (vm.barrier !== null && vm.mem.u32[(et + TD_PTRDATA) >>> 2] !== 0) vm.barrier.typedmemmove(et, e, v);
      else vm.mem.move(e, v, ets);
    }
  });
  m.set("reflect.mapdelete", (vm, g, args) => {
    const ms = get(vm);
    const mem = vm.mem;
    const mt = ms.typeOf(mem.u32[args >>> 2]);
    ms.delete(mt, mem.u32[(args + 8) >>> 2], mem.u32[(args + 16) >>> 2]);
    ms.checkHashPanic(vm, g);
  });
  m.set("reflect.maplen", (vm, _g, args, res) => {
    const mem = vm.mem;
    const h = mem.u32[args >>> 2];
    mem.i64[res >>> 3] = h === 0 ? 0n : BigInt(mem.u32[(h + HM_COUNT) >>> 2]);
  });
  m.set("reflect.mapiterinit", (vm, _g, args) => {
    const ms = get(vm);
    const mem = vm.mem;
    const mt = ms.typeOf(mem.u32[args >>> 2]);
    ms.iterinit(mt, mem.u32[(args + 8) >>> 2], mem.u32[(args + 16) >>> 2]);
  });
  m.set("reflect.mapiternext", (vm, _g, args) => {
    get(vm).iternext(vm.mem.u32[args >>> 2]);
  });
}
