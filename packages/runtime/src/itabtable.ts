/**
 * itabtable.ts — the global itab hash table in linear memory (Go's itabTable in iface.go,
 * written afresh). Iface.getitab looks every (interface, concrete type) pair up here before
 * building an itab.
 *
 * LAYOUT (persistent memory, never freed):
 *
 *   header (ITT_BYTES)   +0 entries  u32  address of the entry array
 *                        +4 size     u32  number of entries, a power of two
 *                        +8 count    u32  itabs stored
 *   entries[size]        u32 itab address, 0 = empty slot
 *
 *   itab                 +0 inter u32  +4 type u32  +8 hash u32 (type's)  +12 missing u32
 *                        +16 fun[n] u32 method ids; fun[0] = 0 marks a NEGATIVE itab: type
 *                        lacks a method of inter, and `missing` is the name string of the first
 *                        one (Go also caches failures as itabs with fun[0] = 0; it recomputes the
 *                        missing name, gort keeps it in the padding word Go leaves unused).
 *
 * HASHING: Go's key — the interface descriptor's hash XOR the concrete type's (TD_HASH) —
 * mixed by one multiply so that types whose hashes differ only in high bits spread; open
 * addressing with quadratic (triangular) probing, which visits every slot of a power-of-two
 * table. The table doubles at 75 % load; the old array stays allocated (as Go's: a reader on
 * another thread may still be probing it).
 *
 * THREADS (THREADS.md): lookups read `entries`/`size` once and never write, so they can run
 * lock-free on every M once the header pointer is published with a release store; insertions
 * will take one runtime lock (Go's itabLock, rank below everything it calls), re-check the
 * slot, write the itab before publishing its address in the slot, and publish a grown array
 * only after copying. Today one M does everything.
 *
 * Rejected: the previous JS Map<inter, Map<type, itab>> — per-thread, invisible to other Ms, and
 * two hash lookups per call anyway (measured equal or slower: THREADS.md).
 */

import type { LinearMemory } from "./mem.js";
import type { MHeap } from "./mheap.js";
import { ST_OTHER_SYS } from "./mstats.js";
import { TD_HASH } from "./typedesc.js";

const ITT_ENTRIES = 0;
const ITT_SIZE = 4;
const ITT_COUNT = 8;
const ITT_BYTES = 16;
/** Initial entries (Go: 512). Small programs use a few dozen pairs. */
const ITT_INITIAL = 512;

/** itab words read by the table. */
const IT_INTER = 0;
const IT_TYPE = 4;

export class ItabTable {
  readonly mem: LinearMemory;
  readonly mheap: MHeap;
  /** Header address (persistent). */
  readonly hdr: number;

  constructor(mem: LinearMemory, mheap: MHeap) {
    this.mem = mem;
    this.mheap = mheap;
    this.hdr = mheap.persistentAlloc(ITT_BYTES, 8, ST_OTHER_SYS);
    const arr = mheap.persistentAlloc(ITT_INITIAL * 4, 8, ST_OTHER_SYS);
    const u32 = mem.u32;
    u32[(this.hdr + ITT_ENTRIES) >>> 2] = arr;
    u32[(this.hdr + ITT_SIZE) >>> 2] = ITT_INITIAL;
    u32[(this.hdr + ITT_COUNT) >>> 2] = 0;
  }

  /** Go's itabHashFunc, plus a multiplicative mix. */
  private hash(inter: number, typ: number): number {
    const u32 = this.mem.u32;
    return Math.imul(u32[(inter + TD_HASH) >>> 2] ^ u32[(typ + TD_HASH) >>> 2], 0x9e3779b1) >>> 0;
  }

  /** The stored itab of (inter, typ) — possibly negative (fun[0] = 0) — or 0 when absent. */
  find(inter: number, typ: number): number {
    const u32 = this.mem.u32;
    const arr = u32[(this.hdr + ITT_ENTRIES) >>> 2];
    const mask = u32[(this.hdr + ITT_SIZE) >>> 2] - 1;
    let h = this.hash(inter, typ) & mask;
    for (let i = 1; ; i++) {
      const it = u32[(arr >>> 2) + h];
      if (it === 0) return 0;
      if (u32[(it + IT_INTER) >>> 2] === inter && u32[(it + IT_TYPE) >>> 2] === typ) return it;
      h = (h + i) & mask;
    }
  }

  /** Adds itab `it` (its inter/type words set; not present yet). Grows at 75 % load. */
  add(it: number): void {
    const u32 = this.mem.u32;
    const size = u32[(this.hdr + ITT_SIZE) >>> 2];
    const count = u32[(this.hdr + ITT_COUNT) >>> 2];
    if (4 * (count + 1) > 3 * size) this.grow(2 * size);
    this.insert(it);
    this.mem.u32[(this.hdr + ITT_COUNT) >>> 2]++;
  }

  /** Itabs stored (tests). */
  get count(): number {
    return this.mem.u32[(this.hdr + ITT_COUNT) >>> 2];
  }

  private insert(it: number): void {
    const u32 = this.mem.u32;
    const arr = u32[(this.hdr + ITT_ENTRIES) >>> 2];
    const mask = u32[(this.hdr + ITT_SIZE) >>> 2] - 1;
    let h = this.hash(u32[(it + IT_INTER) >>> 2], u32[(it + IT_TYPE) >>> 2]) & mask;
    for (let i = 1; u32[(arr >>> 2) + h] !== 0; i++) h = (h + i) & mask;
    u32[(arr >>> 2) + h] = it;
  }

  private grow(size: number): void {
    const old = this.mem.u32[(this.hdr + ITT_ENTRIES) >>> 2];
    const oldSize = this.mem.u32[(this.hdr + ITT_SIZE) >>> 2];
    const arr = this.mheap.persistentAlloc(size * 4, 8, ST_OTHER_SYS);
    const u32 = this.mem.u32; // persistentAlloc may grow memory
    u32[(this.hdr + ITT_ENTRIES) >>> 2] = arr;
    u32[(this.hdr + ITT_SIZE) >>> 2] = size;
    for (let i = 0; i < oldSize; i++) {
      const it = u32[(old >>> 2) + i];
      if (it !== 0) this.insert(it);
    }
  }
}
