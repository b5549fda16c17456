/**
 * statics.ts — the image's statics blob under construction: read-only data (string bytes,
 * string headers, type descriptors, pointer masks) with relocations, then the globals (bss).
 */

export class Statics {
  private bytes: number[] = [];
  readonly relocs: number[] = [];
  private strData = new Map<string, number>();
  private strHdr = new Map<string, number>();

  get length(): number {
    return this.bytes.length;
  }
  align(n: number): void {
    while (this.bytes.length % n !== 0) this.bytes.push(0);
  }
  /** Reserves n zero bytes (aligned to a) and returns their offset. */
  reserve(n: number, a = 8): number {
    this.align(a);
    const off = this.bytes.length;
    for (let i = 0; i < n; i++) this.bytes.push(0);
    return off;
  }
  u8at(off: number, v: number): void {
    this.bytes[off] = v & 255;
  }
  u16at(off: number, v: number): void {
    this.bytes[off] = v & 255;
    this.bytes[off + 1] = (v >>> 8) & 255;
  }
  u32at(off: number, v: number): void {
    for (let i = 0; i < 4; i++) this.bytes[off + i] = (v >>> (8 * i)) & 255;
  }
  u8of(off: number): number {
    return this.bytes[off] ?? 0;
  }
  u32of(off: number): number {
    let v = 0;
    for (let i = 3; i >= 0; i--) v = v * 256 + (this.bytes[off + i] ?? 0);
    return v;
  }
  /** A statics-relative address stored at off (relocated by the loader); 0 stays nil. */
  addrAt(off: number, target: number): void {
    this.u32at(off, target);
    this.relocs.push(off);
  }
  /** Offset of the UTF-8 bytes of s (deduplicated). */
  stringData(s: Uint8Array | string): number {
    const b = typeof s === "string" ? new TextEncoder().encode(s) : s;
    const key = Array.from(b, (x) => String.fromCharCode(x)).join("");
    let off = this.strData.get(key);
    if (off === undefined) {
      off = this.bytes.length;
      for (const x of b) this.bytes.push(x);
      this.strData.set(key, off);
    }
    return off;
  }
  /** Offset of a 16-byte string header for s (TYPEDESC.md "string ref"); the empty string → -1. */
  stringHeader(s: string): number {
    let off = this.strHdr.get(s);
    if (off === undefined) {
      const b = new TextEncoder().encode(s);
      const data = this.stringData(b);
      off = this.reserve(16);
      this.addrAt(off, data);
      this.u32at(off + 8, b.length);
      this.strHdr.set(s, off);
    }
    return off;
  }
  finish(): Uint8Array {
    this.align(8);
    return Uint8Array.from(this.bytes);
  }
}
