/**
 * alg.ts — hashing and equality of Go values in linear memory, chosen per type descriptor
 * (Go's alg.go, written afresh). Maps hash and compare keys with it; interface keys recurse
 * into the dynamic type's algorithm.
 *
 * MODEL. `algOf(t)` walks t's descriptor once (TYPEDESC.md: kind, struct fields, array elem,
 * interface method count) and caches an `Alg`: a kind (memory, string, float, complex,
 * interface, or "leaves") and, for structs/arrays that are not plain memory, the flat list of
 * (kind, offset, size) leaves — blank (`_`) fields are skipped as Go skips them, and padding is
 * never read, so equal values hash equally whatever their padding holds. Adjacent memory leaves
 * are merged into one range. The JavaScript `Alg` records are runtime metadata about static
 * descriptors (like the loader's tables), never Go values.
 *
 * HASH. 32 bits (addresses are 32-bit, so a bucket index never needs more; the top byte is the
 * bucket's tophash). Murmur3's 32-bit block mix and finaliser over 4-byte blocks, seeded with
 * the map's hash0. Floats: +0 and −0 hash alike (both are read as 0), NaN hashes to a random
 * value (so each NaN insertion lands anywhere and is never found, as in Go). Interfaces: the
 * dynamic type's hash (descriptor word) mixed with its value's hash; a dynamic type that is not
 * comparable (slice, map, func, or a struct/array containing one) makes hashing panic with Go's
 * text "runtime error: hash of unhashable type T" — reported through `unhashable` (the caller
 * checks it after hashing, before it mutates anything; no JS exception crosses the VM).
 *
 * EQUALITY. Memory compare; strings by length then bytes; floats numerically (NaN ≠ NaN,
 * +0 = −0); interfaces by dynamic type then value (pointer-shaped values compare the word).
 *
 * Rejected: comparable types' `equal` function ids (TYPEDESC +16) — the compiler emits none yet,
 * and a bytecode call per comparison from inside a native would cost a VM re-entry each; a
 * JS closure per type (megamorphic call sites; the switch below stays monomorphic).
 */

import type { LinearMemory } from "./mem.js";
import { KIND_MASK, TD_KIND, TD_SIZE, TD_STR } from "./typedesc.js";

// Alg kinds.
export const A_NOEQ = 0; // not comparable: hashing panics
export const A_MEM = 1; // plain memory of `size` bytes (ints, bools, pointers, chans, …)
export const A_STR = 2;
export const A_F32 = 3;
export const A_F64 = 4;
export const A_C64 = 5;
export const A_C128 = 6;
export const A_IFACE = 7; // non-empty interface: word 0 is an itab
export const A_EFACE = 8; // empty interface: word 0 is a type descriptor
export const A_LEAVES = 9; // struct/array mixing the above: `leaves`

// Descriptor kinds (reflect.Kind numbering, TYPEDESC.md).
const K_BOOL = 1;
const K_UINTPTR = 12;
const K_FLOAT32 = 13;
const K_FLOAT64 = 14;
const K_COMPLEX64 = 15;
const K_COMPLEX128 = 16;
const K_ARRAY = 17;
const K_CHAN = 18;
const K_FUNC = 19;
const K_INTERFACE = 20;
const K_MAP = 21;
const K_POINTER = 22;
const K_SLICE = 23;
const K_STRING = 24;
const K_STRUCT = 25;
const K_UNSAFE_POINTER = 26;
const DIRECT_IFACE = 0x20;

/** Kind-specific words (TYPEDESC.md §3). */
const ARRAY_ELEM = 36;
const ARRAY_LEN = 44;
const IFACE_MCOUNT = 40;
const STRUCT_NFIELDS = 40;
const STRUCT_FIELDS = 44;
const FIELD_BYTES = 24;
/** Itab: dynamic type at +4 (TYPEDESC.md §5). */
const ITAB_TYPE = 4;

export interface Alg {
  kind: number;
  /** bytes of a value */
  size: number;
  /** A_LEAVES: triples (alg kind, offset, size) */
  leaves: Int32Array | null;
  /** k == k for every value (no floats, no interfaces inside) */
  reflexive: boolean;
  /** an equal key may differ in bits (±0, strings' pointers, interfaces): assignment overwrites the key */
  needUpdate: boolean;
  /** hashing may panic (contains an interface) */
  mightPanic: boolean;
}

function leafAlg(kind: number, size: number): Alg {
  const reflexive = kind !== A_F32 && kind !== A_F64 && kind !== A_C64 && kind !== A_C128 && kind !== A_IFACE && kind !== A_EFACE;
  return { kind, size, leaves: null, reflexive, needUpdate: kind !== A_MEM && kind !== A_NOEQ, mightPanic: kind === A_IFACE || kind === A_EFACE };
}

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** Murmur3 block step. */
function mix(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Murmur3 finaliser (avalanche), unsigned result. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of two 32-bit words (8-byte memory keys: ints, pointers). Hot path of map[int]T. */
export function hash64(lo: number, hi: number, seed: number): number {
  return fmix(mix(mix(seed, lo), hi) ^ 8);
}

/** Hash of n bytes at addr. */
export function hashBytes(mem: LinearMemory, addr: number, n: number, seed: number): number {
  const u8 = mem.u8;
  let h = seed | 0;
  let i = 0;
  if ((addr & 3) === 0) {
    const u32 = mem.u32;
    const w = addr >>> 2;
    for (; i + 4 <= n; i += 4) h = mix(h, u32[w + (i >>> 2)]);
  } else {
    for (; i + 4 <= n; i += 4) {
      const p = addr + i;
      h = mix(h, u8[p] | (u8[p + 1] << 8) | (u8[p + 2] << 16) | (u8[p + 3] << 24));
    }
  }
  if (i < n) {
    let k = 0;
    for (let s = 0; i < n; i++, s += 8) k |= u8[addr + i] << s;
    h = mix(h, k);
  }
  return fmix(h ^ n);
}

/** Equality of n bytes at a and b. */
export function memEqual(mem: LinearMemory, a: number, b: number, n: number): boolean {
  let i = 0;
  if (((a | b) & 3) === 0) {
    const u32 = mem.u32;
    const wa = a >>> 2;
    const wb = b >>> 2;
    for (; i + 4 <= n; i += 4) if (u32[wa + (i >>> 2)] !== u32[wb + (i >>> 2)]) return false;
  }
  const u8 = mem.u8;
  for (; i < n; i++) if (u8[a + i] !== u8[b + i]) return false;
  return true;
}

/**
 * Per-runtime hashing service: the alg cache and the random source for NaN hashes. One per VM
 * (maps.ts owns it).
 */
export class Algs {
  private readonly cache = new Map<number, Alg>();
  /** Set by a hash of an unhashable dynamic type: Go's panic text (checked by the caller). */
  unhashable: string | null = null;
  private rng: number;

  constructor(
    readonly mem: LinearMemory,
    seed: number,
  ) {
    this.rng = seed | 1;
  }

  /** xorshift32 (Go's fastrand role). */
  rand(): number {
    let x = this.rng;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.rng = x;
    return x >>> 0;
  }

  /** The algorithm of the type at descriptor t (cached). */
  algOf(t: number): Alg {
    let a = this.cache.get(t);
    if (a === undefined) {
      a = this.build(t);
      this.cache.set(t, a);
    }
    return a;
  }

  private build(t: number): Alg {
    const mem = this.mem;
    const kind = mem.u8[t + TD_KIND] & KIND_MASK;
    const size = mem.u32[(t + TD_SIZE) >>> 2];
    switch (kind) {
      case K_STRING:
        return leafAlg(A_STR, 16);
      case K_FLOAT32:
        return leafAlg(A_F32, 4);
      case K_FLOAT64:
        return leafAlg(A_F64, 8);
      case K_COMPLEX64:
        return leafAlg(A_C64, 8);
      case K_COMPLEX128:
        return leafAlg(A_C128, 16);
      case K_INTERFACE:
        return leafAlg(mem.u32[(t + IFACE_MCOUNT) >>> 2] === 0 ? A_EFACE : A_IFACE, 16);
      case K_SLICE:
      case K_MAP:
      case K_FUNC:
        return leafAlg(A_NOEQ, size);
      case K_ARRAY:
      case K_STRUCT: {
        const out: number[] = [];
        if (!this.flatten(t, 0, out)) return leafAlg(A_NOEQ, size);
        // merge adjacent memory leaves
        const merged: number[] = [];
        for (let i = 0; i < out.length; i += 3) {
          const n = merged.length;
          if (out[i] === A_MEM && n > 0 && merged[n - 3] === A_MEM && merged[n - 2] + merged[n - 1] === out[i + 1]) merged[n - 1] += out[i + 2];
          else merged.push(out[i], out[i + 1], out[i + 2]);
        }
        if (merged.length === 0) return leafAlg(A_MEM, 0);
        if (merged.length === 3 && merged[1] === 0) {
          const l = leafAlg(merged[0], size);
          if (merged[0] === A_MEM) l.size = merged[2];
          return l;
        }
        const a: Alg = { kind: A_LEAVES, size, leaves: Int32Array.from(merged), reflexive: true, needUpdate: false, mightPanic: false };
        for (let i = 0; i < merged.length; i += 3) {
          const l = leafAlg(merged[i], merged[i + 2]);
          a.reflexive &&= l.reflexive;
          a.needUpdate ||= l.needUpdate;
          a.mightPanic ||= l.mightPanic;
        }
        return a;
      }
      default:
        // bool, integers, uintptr, pointers, chans, unsafe.Pointer
        if ((kind >= K_BOOL && kind <= K_UINTPTR) || kind === K_POINTER || kind === K_CHAN || kind === K_UNSAFE_POINTER)
          return leafAlg(A_MEM, size);
        return leafAlg(A_NOEQ, size);
    }
  }

  /** Appends t's leaves at offset `off`; false if t is not comparable. */
  private flatten(t: number, off: number, out: number[]): boolean {
    const mem = this.mem;
    const kind = mem.u8[t + TD_KIND] & KIND_MASK;
    if (kind === K_STRUCT) {
      const n = mem.u32[(t + STRUCT_NFIELDS) >>> 2];
      const fields = mem.u32[(t + STRUCT_FIELDS) >>> 2];
      for (let i = 0; i < n; i++) {
        const f = fields + i * FIELD_BYTES;
        const ft = mem.u32[(f + 4) >>> 2];
        const fo = mem.u32[(f + 8) >>> 2];
        const name = mem.u32[f >>> 2];
        const blank = name !== 0 && mem.u32[(name + 8) >>> 2] === 1 && mem.u8[mem.u32[name >>> 2]] === 0x5f; // "_"
        if (blank) {
          if (this.algOf(ft).kind === A_NOEQ) return false;
          continue;
        }
        if (!this.flatten(ft, off + fo, out)) return false;
      }
      return true;
    }
    if (kind === K_ARRAY) {
      const et = mem.u32[(t + ARRAY_ELEM) >>> 2];
      const n = mem.u32[(t + ARRAY_LEN) >>> 2];
      const es = mem.u32[(et + TD_SIZE) >>> 2];
      const ea = this.algOf(et);
      if (ea.kind === A_NOEQ) return false;
      if (ea.kind === A_MEM && ea.size === es) {
        if (n * es > 0) out.push(A_MEM, off, n * es);
        return true;
      }
      for (let i = 0; i < n; i++) if (!this.flatten(et, off + i * es, out)) return false;
      return true;
    }
    const a = this.algOf(t);
    if (a.kind === A_NOEQ) return false;
    if (a.kind === A_LEAVES) {
      const l = a.leaves as Int32Array;
      for (let i = 0; i < l.length; i += 3) out.push(l[i], off + l[i + 1], l[i + 2]);
    } else if (a.size > 0) out.push(a.kind, off, a.size);
    return true;
  }

  /** Hash of the value at addr with algorithm a. Sets `unhashable` instead of panicking. */
  hash(a: Alg, addr: number, seed: number): number {
    if (a.kind === A_LEAVES) {
      const l = a.leaves as Int32Array;
      let h = seed;
      for (let i = 0; i < l.length; i += 3) h = this.hashLeaf(l[i], addr + l[i + 1], l[i + 2], h);
      return h;
    }
    return this.hashLeaf(a.kind, addr, a.size, seed);
  }

  hashLeaf(kind: number, addr: number, size: number, seed: number): number {
    const mem = this.mem;
    switch (kind) {
      case A_MEM:
        if (size === 8 && (addr & 3) === 0) return hash64(mem.u32[addr >>> 2], mem.u32[(addr >>> 2) + 1], seed);
        return hashBytes(mem, addr, size, seed);
      case A_STR:
        return hashBytes(mem, mem.u32[addr >>> 2], mem.u32[(addr + 8) >>> 2], seed);
      case A_F32:
        return this.hashF(mem.f32[addr >>> 2], seed);
      case A_F64:
        return this.hashF(mem.f64[addr >>> 3], seed);
      case A_C64:
        return this.hashF(mem.f32[(addr + 4) >>> 2], this.hashF(mem.f32[addr >>> 2], seed));
      case A_C128:
        return this.hashF(mem.f64[(addr + 8) >>> 3], this.hashF(mem.f64[addr >>> 3], seed));
      case A_IFACE:
      case A_EFACE: {
        let t = mem.u32[addr >>> 2];
        if (t === 0) return fmix(seed ^ 0x9e3779b9);
        if (kind === A_IFACE) t = mem.u32[(t + ITAB_TYPE) >>> 2];
        const da = this.algOf(t);
        if (da.kind === A_NOEQ) {
          if (this.unhashable === null) this.unhashable = "runtime error: hash of unhashable type " + typeString(mem, t);
          return 0;
        }
        const h = mix(seed, t);
        const data = mem.u32[(addr + 8) >>> 2];
        if ((mem.u8[t + TD_KIND] & DIRECT_IFACE) !== 0) return hash64(data, 0, h);
        return this.hash(da, data, h);
      }
      default:
        if (this.unhashable === null) this.unhashable = "runtime error: hash of unhashable type";
        return 0;
    }
  }

  private hashF(x: number, seed: number): number {
    if (x === 0) return hash64(0, 0, seed); // +0 and −0
    if (x !== x) return hash64(this.rand(), this.rand(), seed); // NaN: random
    fbuf[0] = x;
    return hash64(ibuf[0], ibuf[1], seed);
  }

  /** a == b for values of algorithm a at the two addresses. */
  equal(a: Alg, x: number, y: number): boolean {
    if (a.kind === A_LEAVES) {
      const l = a.leaves as Int32Array;
      for (let i = 0; i < l.length; i += 3) if (!this.equalLeaf(l[i], x + l[i + 1], y + l[i + 1], l[i + 2])) return false;
      return true;
    }
    return this.equalLeaf(a.kind, x, y, a.size);
  }

  equalLeaf(kind: number, x: number, y: number, size: number): boolean {
    const mem = this.mem;
    switch (kind) {
      case A_MEM:
        if (size === 8 && ((x | y) & 3) === 0) {
          const u32 = mem.u32;
          return u32[x >>> 2] === u32[y >>> 2] && u32[(x >>> 2) + 1] === u32[(y >>> 2) + 1];
        }
        return memEqual(mem, x, y, size);
      case A_STR: {
        const u32 = mem.u32;
        const n = u32[(x + 8) >>> 2];
        if (n !== u32[(y + 8) >>> 2]) return false;
        const p = u32[x >>> 2];
        const q = u32[y >>> 2];
        return p === q || memEqual(mem, p, q, n);
      }
      case A_F32:
        return mem.f32[x >>> 2] === mem.f32[y >>> 2];
      case A_F64:
        return mem.f64[x >>> 3] === mem.f64[y >>> 3];
      case A_C64:
        return mem.f32[x >>> 2] === mem.f32[y >>> 2] && mem.f32[(x + 4) >>> 2] === mem.f32[(y + 4) >>> 2];
      case A_C128:
        return mem.f64[x >>> 3] === mem.f64[y >>> 3] && mem.f64[(x + 8) >>> 3] === mem.f64[(y + 8) >>> 3];
      case A_IFACE:
      case A_EFACE: {
        const u32 = mem.u32;
        let t = u32[x >>> 2];
        let t2 = u32[y >>> 2];
        if (t === 0 || t2 === 0) return t === t2;
        if (kind === A_IFACE) {
          t = u32[(t + ITAB_TYPE) >>> 2];
          t2 = u32[(t2 + ITAB_TYPE) >>> 2];
        }
        if (t !== t2) return false;
        const dx = u32[(x + 8) >>> 2];
        const dy = u32[(y + 8) >>> 2];
        if ((mem.u8[t + TD_KIND] & DIRECT_IFACE) !== 0) return dx === dy;
        const da = this.algOf(t);
        if (da.kind === A_NOEQ) return false; // (hashing already panicked)
        return this.equal(da, dx, dy);
      }
    }
    return false;
  }
}

const fbuf = new Float64Array(1);
const ibuf = new Int32Array(fbuf.buffer);

/** The descriptor's type string (TYPEDESC "str"), "?" when absent. */
export function typeString(mem: LinearMemory, t: number): string {
  const s = mem.u32[(t + TD_STR) >>> 2];
  if (s === 0) return "?";
  const p = mem.u32[s >>> 2];
  const n = mem.u32[(s + 8) >>> 2];
  return new TextDecoder().decode(mem.u8.slice(p, p + n));
}
