/**
 * mbitmap.ts — the heap pointer bitmap: one bit per 8-byte word, in each arena's metadata.
 * Counterpart of Go's mbitmap.go (written afresh; Go 1.19 uses two bits per word — pointer and
 * "more pointers follow" — to stop scans early; we keep one bit and let the scanner stop at the
 * object's end, which for our 1-bit map costs one byte test per 8 words).
 *
 * Bit for the word at addr: arena hdr = arenaIndex[addr >>> 22]; w = (addr − base) >>> 3;
 * byte hdr + ptrBitsOff + (w >>> 3), bit (w & 7). 1 = the word holds a pointer.
 *
 * Writer: mallocgc, for every object in a scan span (spanclass & 1 == 0), over its whole slot
 * (elemsize bytes), from the type's gcdata mask repeated per element for arrays. Words past the
 * data are 0. Noscan spans are never written and their bits are meaningless. Stacks (manual
 * spans) are described by stack maps instead.
 */

import type { LinearMemory } from "./mem.js";
import { ARENA_INDEX, AR_PTRBITS } from "./mheap.js";
import { ARENA_SHIFT } from "./mem.js";
import { TD_GCDATA, TD_PTRDATA, TD_SIZE } from "./typedesc.js";

/** Byte address of the pointer bitmap of the arena containing addr (bit for word 0 = base). */
export function ptrBitsBase(mem: LinearMemory, addr: number): number {
  const u32 = mem.u32;
  const hdr = u32[(ARENA_INDEX >>> 2) + (addr >>> ARENA_SHIFT)];
  return hdr + u32[(hdr + AR_PTRBITS) >>> 2];
}

/** Word index of addr within its arena's pointer bitmap. */
export function ptrWordIndex(mem: LinearMemory, addr: number): number {
  const hdr = mem.u32[(ARENA_INDEX >>> 2) + (addr >>> ARENA_SHIFT)];
  return (addr - mem.u32[hdr >>> 2]) >>> 3;
}

/** True if the heap word at addr (8-aligned, in a scan span) holds a pointer. */
export function heapBitIsPointer(mem: LinearMemory, addr: number): boolean {
  const bm = ptrBitsBase(mem, addr);
  const w = ptrWordIndex(mem, addr);
  return (mem.u8[bm + (w >>> 3)] & (1 << (w & 7))) !== 0;
}

/** Clears nbits bits starting at bit `bit` of the bitmap at byte address bm. */
function clearBits(u8: Uint8Array, bm: number, bit: number, nbits: number): void {
  let b = bit;
  const end = bit + nbits;
  while (b < end && (b & 7) !== 0) {
    u8[bm + (b >>> 3)] &= ~(1 << (b & 7));
    b++;
  }
  const fullEnd = end & ~7;
  if (fullEnd > b) {
    // A store loop: TypedArray.fill on shared memory is slow (see LinearMemory.zero).
    for (let i = bm + (b >>> 3), e = bm + (fullEnd >>> 3); i < e; i++) u8[i] = 0;
    b = fullEnd;
  }
  while (b < end) {
    u8[bm + (b >>> 3)] &= ~(1 << (b & 7));
    b++;
  }
}

/**
 * Writes the pointer bits of a new object at addr occupying a slot of `slotBytes`: `dataSize`
 * bytes of values of type t (dataSize > t.size means an array of dataSize/t.size elements).
 * Go: heapBitsSetType. Precondition: t.ptrdata > 0, addr 8-aligned, object within one arena.
 */
export function heapBitsSetType(mem: LinearMemory, addr: number, slotBytes: number, dataSize: number, t: number): void {
  const u32 = mem.u32;
  const hdr = u32[(ARENA_INDEX >>> 2) + (addr >>> ARENA_SHIFT)];
  const off = addr - u32[hdr >>> 2];
  heapBitsSetTypeAt(mem, hdr + u32[(hdr + AR_PTRBITS) >>> 2] + (off >>> 6), (off >>> 3) & 7, slotBytes, dataSize, t);
}

/**
 * heapBitsSetType with the bitmap position precomputed: bit `sh` (0–7) of byte `bmByte` is the
 * object's first word. mallocgc derives it from the span's SP_PTRBITS without an arena lookup.
 */
export function heapBitsSetTypeAt(mem: LinearMemory, bmByte: number, sh: number, slotBytes: number, dataSize: number, t: number): void {
  const u8 = mem.u8;
  const u32 = mem.u32;
  const tsize = u32[(t + TD_SIZE) >>> 2];
  const ptrWords = u32[(t + TD_PTRDATA) >>> 2] >>> 3;
  const mask = u32[(t + TD_GCDATA) >>> 2];
  const nw = slotBytes >>> 3;
  if (dataSize === tsize && ptrWords <= 8 && sh + nw <= 31) {
    // Fastest path: one value whose pointers all sit in its first 8 words (most objects).
    const clr = ((1 << nw) - 1) << sh;
    const pat = ((u8[mask] & ((1 << ptrWords) - 1)) << sh) & clr;
    u8[bmByte] = (u8[bmByte] & ~clr) | (pat & 0xff);
    if (sh + nw > 8) {
      u8[bmByte + 1] = (u8[bmByte + 1] & ~(clr >>> 8)) | ((pat >>> 8) & 0xff);
      if (sh + nw > 16) {
        u8[bmByte + 2] = (u8[bmByte + 2] & ~(clr >>> 16)) | ((pat >>> 16) & 0xff);
        if (sh + nw > 24) u8[bmByte + 3] = (u8[bmByte + 3] & ~(clr >>> 24)) | ((pat >>> 24) & 0xff);
      }
    }
    return;
  }
  const elemWords = tsize >>> 3;
  const n = tsize === 0 ? 0 : Math.floor(dataSize / tsize);
  if (sh + nw <= 31) {
    // Fast path (objects up to ~192 bytes): build the slot's bits in an int32, then merge them
    // into at most 4 bitmap bytes.
    let m = u8[mask];
    if (ptrWords > 8) m |= u8[mask + 1] << 8;
    if (ptrWords > 16) m |= u8[mask + 2] << 16;
    if (ptrWords > 24) m |= u8[mask + 3] << 24;
    m &= ptrWords >= 31 ? 0x7fffffff : (1 << ptrWords) - 1;
    let pat = 0;
    for (let e = 0, b = 0; e < n; e++, b += elemWords) pat |= m << b;
    const clr = ((1 << nw) - 1) << sh;
    pat = (pat << sh) & clr;
    const nbytes = (sh + nw + 7) >>> 3;
    for (let k = 0; k < nbytes; k++) {
      const cm = (clr >>> (8 * k)) & 0xff;
      u8[bmByte + k] = (u8[bmByte + k] & ~cm) | ((pat >>> (8 * k)) & 0xff);
    }
    return;
  }
  // General path (large slots): clear the slot's bits a byte at a time, then OR the type's mask
  // in up to 24 bits per step — for small element types several elements' worth at once.
  clearBits(u8, bmByte, sh, nw);
  if (ptrWords === 0 || n === 0) return;
  if (elemWords <= 24) {
    let m = u8[mask];
    if (ptrWords > 8) m |= u8[mask + 1] << 8;
    if (ptrWords > 16) m |= u8[mask + 2] << 16;
    m &= (1 << ptrWords) - 1;
    // k elements fill a chunk of L ≤ 24 bits with the mask repeated.
    const k = Math.floor(24 / elemWords);
    const L = k * elemWords;
    let pat = 0;
    for (let i = 0; i < k; i++) pat |= m << (i * elemWords);
    for (let e = 0, b = sh; e < n; e += k, b += L) {
      const left = n - e;
      orBits24(u8, bmByte, b, left < k ? pat & ((1 << (left * elemWords)) - 1) : pat);
    }
    return;
  }
  for (let e = 0, ew = sh; e < n; e++, ew += elemWords) {
    for (let j = 0; j < ptrWords; j += 24) {
      const mb = mask + (j >>> 3); // j is a multiple of 24: byte aligned
      let chunk = u8[mb] | (u8[mb + 1] << 8) | (u8[mb + 2] << 16);
      const rest = ptrWords - j;
      if (rest < 24) chunk &= (1 << rest) - 1;
      orBits24(u8, bmByte, ew + j, chunk);
    }
  }
}

/**
 * ORs the low 24 bits of v into the bitmap at byte bm starting at bit b. Bytes whose part of v
 * is zero are not touched (they may belong to a neighbouring object).
 */
function orBits24(u8: Uint8Array, bm: number, b: number, v: number): void {
  if (v === 0) return;
  const x = v << (b & 7); // < 2^31
  const i = bm + (b >>> 3);
  if ((x & 0xff) !== 0) u8[i] |= x & 0xff;
  if ((x & 0xff00) !== 0) u8[i + 1] |= (x >>> 8) & 0xff;
  if ((x & 0xff0000) !== 0) u8[i + 2] |= (x >>> 16) & 0xff;
  if ((x & 0x7f000000) !== 0) u8[i + 3] |= x >>> 24;
}

/** Clears the pointer bits of [addr, addr+nbytes) (e.g. a span handed to noscan use). */
export function heapBitsClear(mem: LinearMemory, addr: number, nbytes: number): void {
  const hdr = mem.u32[(ARENA_INDEX >>> 2) + (addr >>> ARENA_SHIFT)];
  const bm = hdr + mem.u32[(hdr + AR_PTRBITS) >>> 2];
  clearBits(mem.u8, bm, (addr - mem.u32[hdr >>> 2]) >>> 3, nbytes >>> 3);
}
