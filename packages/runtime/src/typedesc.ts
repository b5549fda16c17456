/**
 * typedesc.ts — the runtime type descriptor layout in linear memory (Go's _type, abi.Type in
 * later releases), and a builder for synthetic descriptors used by tests.
 *
 * The compiler's program image will emit descriptors in this layout; the allocator reads `size`,
 * `ptrdata` and `gcdata` to write the heap pointer bitmap so the GC scans precisely. Header
 * (32 bytes, 8-aligned):
 *
 *   +0  size        u32  bytes of a value
 *   +4  ptrdata     u32  length of the prefix that can contain pointers (0 = no pointers)
 *   +8  hash        u32  type hash (maps, interface switches)
 *   +12 tflag       u8   Go's tflag bits (uncommon, extraStar, named, regularMemory)
 *   +13 align       u8   alignment of a variable of this type
 *   +14 fieldAlign  u8   alignment as a struct field
 *   +15 kind        u8   Go's reflect.Kind numbering; KIND_DIRECT_IFACE (0x20) may be or'ed in
 *   +16 equal       u32  function id of the equality function (0 = not comparable)
 *   +20 gcdata      u32  addr of the pointer mask: bit i (LSB first, byte by byte) = the 8-byte
 *                        word at offset 8·i holds a pointer; covers ptrdata/8 words
 *   +24 str         u32  addr of the type's name (a Go string header: ptr u32, pad, len u64)
 *   +28 ptrToThis   u32  addr of the *T descriptor, 0 if the image has none
 *   +32 …                kind-specific data (elem, len, fields, methods) — owned by the
 *                        compiler issue; the runtime memory code only reads the header.
 *
 * Differences from Go 1.19: 32-bit pointers inside descriptors (addresses are 32-bit); no GC
 * programs (kindGCProg) — masks are always plain bitmaps (a 1 MiB array of pointers needs a
 * 16 KiB mask, acceptable for the image); hash is 32-bit as in Go.
 */

import type { LinearMemory } from "./mem.js";

export const TD_SIZE = 0;
export const TD_PTRDATA = 4;
export const TD_HASH = 8;
export const TD_TFLAG = 12;
export const TD_ALIGN = 13;
export const TD_FIELDALIGN = 14;
export const TD_KIND = 15;
export const TD_EQUAL = 16;
export const TD_GCDATA = 20;
export const TD_STR = 24;
export const TD_PTRTOTHIS = 28;
export const TD_HEADER_BYTES = 32;

/** Pointer slot size: Go values keep amd64's layout (the value is the low 32 bits). */
export const PTR_SIZE = 8;

// reflect.Kind numbers.
export const KIND_BOOL = 1;
export const KIND_INT = 2;
export const KIND_INT8 = 3;
export const KIND_INT16 = 4;
export const KIND_INT32 = 5;
export const KIND_INT64 = 6;
export const KIND_UINT = 7;
export const KIND_UINT8 = 8;
export const KIND_UINT16 = 9;
export const KIND_UINT32 = 10;
export const KIND_UINT64 = 11;
export const KIND_UINTPTR = 12;
export const KIND_FLOAT32 = 13;
export const KIND_FLOAT64 = 14;
export const KIND_COMPLEX64 = 15;
export const KIND_COMPLEX128 = 16;
export const KIND_ARRAY = 17;
export const KIND_CHAN = 18;
export const KIND_FUNC = 19;
export const KIND_INTERFACE = 20;
export const KIND_MAP = 21;
export const KIND_POINTER = 22;
export const KIND_SLICE = 23;
export const KIND_STRING = 24;
export const KIND_STRUCT = 25;
export const KIND_UNSAFE_POINTER = 26;
export const KIND_DIRECT_IFACE = 0x20;
export const KIND_MASK = 0x1f;

/** Fields of a descriptor as plain values (tests, debugging). */
export interface TypeDescInfo {
  size: number;
  ptrdata: number;
  hash: number;
  tflag: number;
  align: number;
  fieldAlign: number;
  kind: number;
  equal: number;
  gcdata: number;
  str: number;
  ptrToThis: number;
}

export function typeSize(mem: LinearMemory, t: number): number {
  return mem.u32[(t + TD_SIZE) >>> 2];
}
export function typePtrdata(mem: LinearMemory, t: number): number {
  return mem.u32[(t + TD_PTRDATA) >>> 2];
}
export function typeGcdata(mem: LinearMemory, t: number): number {
  return mem.u32[(t + TD_GCDATA) >>> 2];
}
export function typeKind(mem: LinearMemory, t: number): number {
  return mem.u8[t + TD_KIND] & KIND_MASK;
}

/** Reads a descriptor header. */
export function readTypeDesc(mem: LinearMemory, t: number): TypeDescInfo {
  const u32 = mem.u32;
  const u8 = mem.u8;
  return {
    size: u32[(t + TD_SIZE) >>> 2],
    ptrdata: u32[(t + TD_PTRDATA) >>> 2],
    hash: u32[(t + TD_HASH) >>> 2],
    tflag: u8[t + TD_TFLAG],
    align: u8[t + TD_ALIGN],
    fieldAlign: u8[t + TD_FIELDALIGN],
    kind: u8[t + TD_KIND],
    equal: u32[(t + TD_EQUAL) >>> 2],
    gcdata: u32[(t + TD_GCDATA) >>> 2],
    str: u32[(t + TD_STR) >>> 2],
    ptrToThis: u32[(t + TD_PTRTOTHIS) >>> 2],
  };
}

/** Where the builder gets memory: a bump allocator of zeroed, never-freed bytes. */
export interface StaticAlloc {
  persistentAlloc(size: number, align: number, statSlot: number): number;
}

/**
 * Builds synthetic type descriptors in linear memory (tests, and until the compiler emits
 * real ones). `ptrWords` lists the word indexes (offset/8) that hold pointers.
 */
export class TypeBuilder {
  constructor(
    private readonly mem: LinearMemory,
    private readonly alloc: StaticAlloc,
    private readonly statSlot: number,
  ) {}

  /** A descriptor of `size` bytes whose pointer words are `ptrWords` (sorted or not). */
  make(size: number, ptrWords: readonly number[], kind = KIND_STRUCT, align = 8): number {
    const mem = this.mem;
    let maxWord = -1;
    for (const w of ptrWords) {
      if (w * PTR_SIZE + PTR_SIZE > size) throw new RangeError(`pointer word ${w} outside a ${size}-byte type`);
      if (w > maxWord) maxWord = w;
    }
    const ptrdata = (maxWord + 1) * PTR_SIZE;
    const t = this.alloc.persistentAlloc(TD_HEADER_BYTES, 8, this.statSlot);
    let gcdata = 0;
    if (ptrdata > 0) {
      gcdata = this.alloc.persistentAlloc((maxWord >>> 3) + 1, 1, this.statSlot);
      for (const w of ptrWords) mem.u8[gcdata + (w >>> 3)] |= 1 << (w & 7);
    }
    const u32 = mem.u32;
    u32[(t + TD_SIZE) >>> 2] = size;
    u32[(t + TD_PTRDATA) >>> 2] = ptrdata;
    u32[(t + TD_HASH) >>> 2] = (Math.imul(size, 0x9e3779b1) ^ ptrdata) >>> 0;
    mem.u8[t + TD_TFLAG] = 0;
    mem.u8[t + TD_ALIGN] = align;
    mem.u8[t + TD_FIELDALIGN] = align;
    mem.u8[t + TD_KIND] = kind;
    u32[(t + TD_EQUAL) >>> 2] = 0;
    u32[(t + TD_GCDATA) >>> 2] = gcdata;
    u32[(t + TD_STR) >>> 2] = 0;
    u32[(t + TD_PTRTOTHIS) >>> 2] = 0;
    return t;
  }

  /** A pointer-free type of `size` bytes (e.g. [size]byte). */
  scalar(size: number): number {
    return this.make(size, [], size === 8 ? KIND_INT64 : KIND_ARRAY, size >= 8 ? 8 : 1);
  }

  /** *T: one pointer word. */
  pointer(): number {
    return this.make(8, [0], KIND_POINTER);
  }
}
