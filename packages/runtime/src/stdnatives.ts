/**
 * stdnatives.ts — natives of the everyday standard-library packages (issue 7, part B):
 * the host's entropy for crypto/rand and hash/maphash, and the block functions of
 * crypto/md5, crypto/sha1 and crypto/sha256, which run here instead of in the interpreter
 * because hashing is a tight loop of 32-bit operations (measured on a 1 MiB input: see
 * packages/stdlib/HACKING.md "Wave 4").
 *
 * No Go counterpart in src/runtime: Go runs these packages' Go (or assembly) code natively.
 * The Go declarations are in packages/stdlib/go/{crypto/rand,hash/maphash,crypto/*}/natives.go
 * and listed in packages/stdlib/NATIVES.md.
 *
 * Argument layout (vm/interp.ts NativeFn): one 8-byte slot per word; a slice is (ptr, len, cap),
 * a pointer is the low 32 bits of its slot. Every native reads and writes the caller's memory
 * directly in linear memory; none allocates, so none can trigger a collection or a stack move.
 *
 * Block functions take (state *[N]uint32, p []byte) with len(p) a multiple of 64 and update the
 * state in place, exactly as the Go fallbacks in the same packages do (the Go code is kept as the
 * readable definition and for `gortstd` differential checks).
 */

import { randomFillSync } from "node:crypto";
import type { NativeFn } from "./vm/interp.js";

/** Adds the natives of crypto/rand, hash/maphash, crypto/md5, crypto/sha1, crypto/sha256. */
export function addStdNatives(m: Map<string, NativeFn>): void {
  // crypto/rand.getRandom(p []byte): fill p from the host's CSPRNG.
  m.set("crypto/rand.getRandom", (vm, _g, args) => {
    const mem = vm.mem;
    const p = mem.u32[args >>> 2];
    const n = Number(mem.i64[(args + 8) >>> 3]);
    if (n === 0) return;
    // randomFillSync may refuse views of a SharedArrayBuffer: fill a private buffer and copy.
    const tmp = new Uint8Array(n);
    randomFillSync(tmp);
    mem.u8.set(tmp, p);
  });

  // hash/maphash.randUint64() uint64: a random seed.
  m.set("hash/maphash.randUint64", (vm, _g, _args, res) => {
    const tmp = new BigUint64Array(1);
    randomFillSync(tmp);
    vm.mem.i64[res >>> 3] = BigInt.asIntN(64, tmp[0]);
  });

  m.set("crypto/md5.blockNative", (vm, _g, args) => {
    const mem = vm.mem;
    const st = mem.u32[args >>> 2];
    const p = mem.u32[(args + 8) >>> 2];
    const n = Number(mem.i64[(args + 16) >>> 3]);
    md5Blocks(mem.u8, st, p, n);
  });
  m.set("crypto/sha1.blockNative", (vm, _g, args) => {
    const mem = vm.mem;
    sha1Blocks(mem.u8, mem.u32[args >>> 2], mem.u32[(args + 8) >>> 2], Number(mem.i64[(args + 16) >>> 3]));
  });
  m.set("crypto/sha256.blockNative", (vm, _g, args) => {
    const mem = vm.mem;
    sha256Blocks(mem.u8, mem.u32[args >>> 2], mem.u32[(args + 8) >>> 2], Number(mem.i64[(args + 16) >>> 3]));
  });
}

// The state arrays are Go [N]uint32 values in linear memory (little-endian words, 4-aligned);
// they are read and written through a DataView so no alignment assumption is needed.

/** RFC 1321 constants: floor(2^32 * |sin(i+1)|), computed once (Math.sin is accurate to well
 * under 2^-32 relative here; the values are checked by the RFC test vectors in the e2e test). */
const MD5_T = new Int32Array(64);
for (let i = 0; i < 64; i++) MD5_T[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296) | 0;
const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

function md5Blocks(u8: Uint8Array, st: number, p: number, n: number): void {
  const dv = new DataView(u8.buffer, u8.byteOffset);
  let a0 = dv.getInt32(st, true), b0 = dv.getInt32(st + 4, true);
  let c0 = dv.getInt32(st + 8, true), d0 = dv.getInt32(st + 12, true);
  const x = new Int32Array(16);
  for (let off = p; off + 64 <= p + n; off += 64) {
    for (let i = 0; i < 16; i++) x[i] = dv.getInt32(off + 4 * i, true);
    let a = a0, b = b0, c = c0, d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number, k: number;
      const r = i >> 4;
      if (r === 0) { f = (b & c) | (~b & d); k = i; }
      else if (r === 1) { f = (b & d) | (c & ~d); k = (5 * i + 1) & 15; }
      else if (r === 2) { f = b ^ c ^ d; k = (3 * i + 5) & 15; }
      else { f = c ^ (b | ~d); k = (7 * i) & 15; }
      const t = (a + f + MD5_T[i] + x[k]) | 0;
      const s = MD5_S[(r << 2) | (i & 3)];
      a = d; d = c; c = b;
      b = (b + ((t << s) | (t >>> (32 - s)))) | 0;
    }
    a0 = (a0 + a) | 0; b0 = (b0 + b) | 0; c0 = (c0 + c) | 0; d0 = (d0 + d) | 0;
  }
  dv.setInt32(st, a0, true); dv.setInt32(st + 4, b0, true);
  dv.setInt32(st + 8, c0, true); dv.setInt32(st + 12, d0, true);
}

function sha1Blocks(u8: Uint8Array, st: number, p: number, n: number): void {
  const dv = new DataView(u8.buffer, u8.byteOffset);
  const h = new Int32Array(5);
  for (let i = 0; i < 5; i++) h[i] = dv.getInt32(st + 4 * i, true);
  const w = new Int32Array(80);
  for (let off = p; off + 64 <= p + n; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = dv.getInt32(off + 4 * i, false);
    for (let i = 16; i < 80; i++) {
      const v = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
      w[i] = (v << 1) | (v >>> 31);
    }
    let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (let t = 0; t < 80; t++) {
      let f: number, k: number;
      if (t < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
      else if (t < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
      else if (t < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc | 0; }
      else { f = b ^ c ^ d; k = 0xca62c1d6 | 0; }
      const tmp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = tmp;
    }
    h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + d) | 0; h[4] = (h[4] + e) | 0;
  }
  for (let i = 0; i < 5; i++) dv.setInt32(st + 4 * i, h[i], true);
}

/** FIPS 180-4 §4.2.2: the first 32 fraction bits of the cube roots of the first 64 primes.
 * Computed from the primes with exact integer cube roots (BigInt, once at load). */
const SHA256_K = (() => {
  const k = new Int32Array(64);
  const primes: number[] = [];
  for (let c = 2; primes.length < 64; c++) if (primes.every((q) => c % q !== 0)) primes.push(c);
  primes.forEach((q, i) => {
    const target = BigInt(q) << 96n;
    let x = BigInt(Math.floor(Math.cbrt(q) * 2 ** 32)); // close; fix up exactly below
    while (x * x * x > target) x--;
    while ((x + 1n) * (x + 1n) * (x + 1n) <= target) x++;
    k[i] = Number(BigInt.asIntN(32, x));
  });
  return k;
})();

const ror = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

function sha256Blocks(u8: Uint8Array, st: number, p: number, n: number): void {
  const dv = new DataView(u8.buffer, u8.byteOffset);
  const h = new Int32Array(8);
  for (let i = 0; i < 8; i++) h[i] = dv.getInt32(st + 4 * i, true);
  const w = new Int32Array(64);
  for (let off = p; off + 64 <= p + n; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = dv.getInt32(off + 4 * i, false);
    for (let i = 16; i < 64; i++) {
      const v1 = w[i - 2], v2 = w[i - 15];
      const s1 = ror(v1, 17) ^ ror(v1, 19) ^ (v1 >>> 10);
      const s0 = ror(v2, 7) ^ ror(v2, 18) ^ (v2 >>> 3);
      w[i] = (s1 + w[i - 7] + s0 + w[i - 16]) | 0;
    }
    let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + SHA256_K[i] + w[i]) | 0;
      const t2 = ((ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
    h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + hh) | 0;
  }
  for (let i = 0; i < 8; i++) dv.setInt32(st + 4 * i, h[i], true);
}
