/**
 * stdnatives.ts — natives of the everyday standard-library packages (issue 7, part B):
 * the host's entropy for crypto/rand and hash/maphash, and the block functions of
 * crypto/md5, crypto/sha1 and crypto/sha256, which run here instead of in the interpreter
 * because hashing is a tight loop of 32-bit operations (measured on a 1 MiB input: see
 * packages/stdlib/HACKING.md "Wave 4").
 *
 * Session 4 (perf) added the speed natives of internal/bytealg (byte searches, counts, ASCII
 * case mapping and quoting runs for strings, bytes, strconv and fmt) and internal/numdigits
 * (float64 digits, integer digits, plain-decimal parsing for strconv and fmt): each replaces
 * an interpreted per-byte or 64-bit-division loop (strfmt benchmark 12.0 → 6.3 CPU s;
 * packages/stdlib/HACKING.md "Speed natives", bench/PERF.md "session 4"). Their Go
 * definitions are the check shims in packages/stdlib/scripts/shim/internal.
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
  addByteAlgNatives(m);
  addNumDigitsNatives(m);
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

// internal/bytealg: the byte loops of strings and bytes (session 4, perf). A string argument is
// two slots (ptr, len), a slice three (ptr, len, cap); lengths are read from the low 32 bits of
// their slot (linear memory is far below 2 GiB) and int results written as a sign-extended pair
// of int32 words, which keeps BigInt off these paths. None allocates.

/** Stores the Go int v (a small integer) in the 8-byte slot at byte address res. */
function putInt(i32: Int32Array, res: number, v: number): void {
  i32[res >>> 2] = v;
  i32[(res + 4) >>> 2] = v >> 31;
}

/** Index of the first byte c in u8[p, p+n) relative to p, or -1. */
function indexByte(u8: Uint8Array, p: number, n: number, c: number): number {
  if (n > 48) {
    // The host's indexOf is a vectorised scan; the view costs one small allocation.
    return u8.subarray(p, p + n).indexOf(c);
  }
  for (let i = 0; i < n; i++) if (u8[p + i] === c) return i;
  return -1;
}

function countByte(u8: Uint8Array, p: number, n: number, c: number): number {
  let k = 0;
  for (let i = p, e = p + n; i < e; i++) if (u8[i] === c) k++;
  return k;
}

function addByteAlgNatives(m: Map<string, NativeFn>): void {
  m.set("internal/bytealg.IndexByteString", (vm, _g, args, res) => {
    const i32 = vm.mem.i32;
    putInt(i32, res, indexByte(vm.mem.u8, i32[args >>> 2] >>> 0, i32[(args + 8) >>> 2], vm.mem.u8[args + 16]));
  });
  m.set("internal/bytealg.IndexByte", (vm, _g, args, res) => {
    const i32 = vm.mem.i32;
    putInt(i32, res, indexByte(vm.mem.u8, i32[args >>> 2] >>> 0, i32[(args + 8) >>> 2], vm.mem.u8[args + 24]));
  });
  m.set("internal/bytealg.LastIndexByteString", (vm, _g, args, res) => {
    const i32 = vm.mem.i32;
    const u8 = vm.mem.u8;
    const p = i32[args >>> 2] >>> 0;
    const c = u8[args + 16];
    let i = i32[(args + 8) >>> 2] - 1;
    while (i >= 0 && u8[p + i] !== c) i--;
    putInt(i32, res, i);
  });
  m.set("internal/bytealg.CountString", (vm, _g, args, res) => {
    const i32 = vm.mem.i32;
    putInt(i32, res, countByte(vm.mem.u8, i32[args >>> 2] >>> 0, i32[(args + 8) >>> 2], vm.mem.u8[args + 16]));
  });
  m.set("internal/bytealg.Count", (vm, _g, args, res) => {
    const i32 = vm.mem.i32;
    putInt(i32, res, countByte(vm.mem.u8, i32[args >>> 2] >>> 0, i32[(args + 8) >>> 2], vm.mem.u8[args + 24]));
  });
  m.set("internal/bytealg.IndexString", (vm, _g, args, res) => {
    const i32 = vm.mem.i32;
    const u8 = vm.mem.u8;
    const s = i32[args >>> 2] >>> 0, n = i32[(args + 8) >>> 2];
    const t = i32[(args + 16) >>> 2] >>> 0, k = i32[(args + 24) >>> 2];
    let r = -1;
    if (k === 0) r = 0;
    else if (k <= n) {
      const first = u8[t];
      const last = n - k;
      for (let at = 0; at <= last; ) {
        const j = indexByte(u8, s + at, last + 1 - at, first);
        if (j < 0) break;
        at += j;
        let q = 1;
        while (q < k && u8[s + at + q] === u8[t + q]) q++;
        if (q === k) {
          r = at;
          break;
        }
        at++;
      }
    }
    putInt(i32, res, r);
  });
  m.set("internal/bytealg.ASCIIInfo", (vm, _g, args, res) => {
    const i32 = vm.mem.i32;
    const u8 = vm.mem.u8;
    const p = i32[args >>> 2] >>> 0, n = i32[(args + 8) >>> 2];
    let r = 0;
    for (let i = p, e = p + n; i < e; i++) {
      const c = u8[i];
      if (c >= 0x80) {
        r |= 1;
        break;
      }
      if (c >= 0x61 && c <= 0x7a) r |= 2;
      else if (c >= 0x41 && c <= 0x5a) r |= 4;
    }
    putInt(i32, res, r);
  });
  m.set("internal/bytealg.PlainASCIIPrefix", (vm, _g, args, res) => {
    const i32 = vm.mem.i32;
    const u8 = vm.mem.u8;
    const p = i32[args >>> 2] >>> 0, n = i32[(args + 8) >>> 2];
    const q = u8[args + 16];
    let i = 0;
    for (; i < n; i++) {
      const c = u8[p + i];
      if (c < 0x20 || c >= 0x7f || c === q || c === 0x5c) break;
    }
    putInt(i32, res, i);
  });
  m.set("internal/bytealg.CopyCaseASCII", (vm, _g, args) => {
    const i32 = vm.mem.i32;
    const u8 = vm.mem.u8;
    const d = i32[args >>> 2] >>> 0;
    const s = i32[(args + 24) >>> 2] >>> 0, n = i32[(args + 32) >>> 2];
    const upper = i32[(args + 40) >>> 2] !== 0 || i32[(args + 44) >>> 2] !== 0;
    const lo = upper ? 0x61 : 0x41;
    for (let i = 0; i < n; i++) {
      const c = u8[s + i];
      u8[d + i] = c >= lo && c <= lo + 25 ? c ^ 0x20 : c;
    }
  });
}

// internal/numdigits: decimal digits of float64 values for strconv (session 4, perf). The
// host's Number.prototype.toExponential() with no argument gives the shortest digits that read
// back exactly, the nearest such (V8: its SHORTEST mode), which is what strconv's Ryū computes;
// test/numdigits compares both with Go over random and special values. Fixed precision reuses
// strconv's fixedFromShortest argument: the shortest digits S are within half an ulp of the
// value, less than 12 units of S's 17th significant digit, so when the digits dropped at the
// requested position are farther than 12 units from halfway, rounding S rounds the exact value
// the same way; otherwise the native declines (-1) and strconv expands the value exactly.

/** Parses toExponential()'s "d.ddde±N" into digitScratch; returns nd | (dp + 1024) << 8. */
function shortestDigits(x: number): number {
  const t = Math.abs(x).toExponential();
  const e = t.indexOf("e");
  let nd = 0;
  for (let i = 0; i < e; i++) {
    const c = t.charCodeAt(i);
    if (c !== 0x2e) digitScratch[nd++] = c;
  }
  while (nd > 1 && digitScratch[nd - 1] === 0x30) nd--;
  const dp = parseInt(t.slice(e + 1), 10) + 1;
  return nd | ((dp + 1024) << 8);
}
const digitScratch = new Uint8Array(24);
/** The float syntax ParseDecimal accepts (a subset of Go's; Number() reads it the same way). */
const PLAIN_DECIMAL = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

function addNumDigitsNatives(m: Map<string, NativeFn>): void {
  // FormatBits(u uint64, neg bool, base int, d *[65]byte) int
  m.set("internal/numdigits.FormatBits", (vm, _g, args, res) => {
    const mem = vm.mem;
    const i32 = mem.i32;
    const u8 = mem.u8;
    let lo = i32[args >>> 2] >>> 0;
    let hi = i32[(args + 4) >>> 2] >>> 0;
    const neg = u8[args + 8] !== 0;
    const base = i32[(args + 16) >>> 2];
    const d = i32[(args + 24) >>> 2] >>> 0;
    if (neg) {
      // two's complement magnitude (MinInt64 stays 2^63)
      lo = (~lo + 1) >>> 0;
      hi = (~hi + (lo === 0 ? 1 : 0)) >>> 0;
    }
    // below 2^53 a double holds u exactly; above, BigInt (rare)
    const t = hi < 0x200000 ? (hi * 4294967296 + lo).toString(base) : ((BigInt(hi) << 32n) | BigInt(lo)).toString(base);
    let k = 65;
    for (let i = t.length - 1; i >= 0; i--) u8[d + --k] = t.charCodeAt(i);
    if (neg) u8[d + --k] = 0x2d;
    putInt(i32, res, k);
  });
  // ParseDecimal(s string) (f float64, ok bool): results at res (f) and res+8 (ok)
  m.set("internal/numdigits.ParseDecimal", (vm, _g, args, res) => {
    const mem = vm.mem;
    const i32 = mem.i32;
    const p = i32[args >>> 2] >>> 0, n = i32[(args + 8) >>> 2];
    let ok = 0;
    let f = 0;
    if (n > 0 && n <= 64) {
      const u8 = mem.u8;
      let t = "";
      for (let i = 0; i < n; i++) t += String.fromCharCode(u8[p + i]);
      if (PLAIN_DECIMAL.test(t)) {
        f = Number(t);
        if (f !== 0 && Number.isFinite(f)) ok = 1;
      }
    }
    mem.f64[res >>> 3] = ok !== 0 ? f : 0;
    i32[(res + 8) >>> 2] = ok;
    i32[(res + 12) >>> 2] = 0;
  });
  // Shortest64(bits uint64, d *[17]byte) int
  m.set("internal/numdigits.Shortest64", (vm, _g, args, res) => {
    const mem = vm.mem;
    const r = shortestDigits(mem.f64[args >>> 3]);
    const d = mem.i32[(args + 8) >>> 2] >>> 0;
    mem.u8.set(digitScratch.subarray(0, r & 0xff), d);
    putInt(mem.i32, res, r);
  });
  // Fixed64(bits uint64, fmt byte, prec int, d *[17]byte) int
  m.set("internal/numdigits.Fixed64", (vm, _g, args, res) => {
    const mem = vm.mem;
    const i32 = mem.i32;
    const fmt = mem.u8[args + 8];
    const precLo = i32[(args + 16) >>> 2], precHi = i32[(args + 20) >>> 2];
    const d = i32[(args + 24) >>> 2] >>> 0;
    if (precHi !== precLo >> 31) return putInt(i32, res, -1);
    const r = shortestDigits(mem.f64[args >>> 3]);
    const nd = r & 0xff;
    let dp = (r >> 8) - 1024;
    let want: number;
    if (fmt === 0x65 || fmt === 0x45) want = precLo + 1;
    else if (fmt === 0x66) want = dp + precLo;
    else if (fmt === 0x67 || fmt === 0x47) want = precLo;
    else return putInt(i32, res, -1);
    if (want <= 0 || want >= 17) return putInt(i32, res, -1);
    // tail = digits want..16 of S padded to 17 digits, compared with half = 5 * 10^(16-want).
    let tail = 0n;
    for (let i = want; i < 17; i++) tail = tail * 10n + BigInt(i < nd ? digitScratch[i] - 0x30 : 0);
    const half = 5n * 10n ** BigInt(16 - want);
    const dist = tail > half ? tail - half : half - tail;
    if (dist <= 12n) return putInt(i32, res, -1);
    let n = Math.min(nd, want);
    if (tail > half) {
      // Round the first `want` digits up (S has no trailing zeros, so nd >= want here).
      let i = want - 1;
      while (i >= 0 && digitScratch[i] === 0x39) i--;
      if (i < 0) {
        digitScratch[0] = 0x31;
        n = 1;
        dp++;
      } else {
        digitScratch[i]++;
        n = i + 1;
      }
    }
    while (n > 1 && digitScratch[n - 1] === 0x30) n--;
    mem.u8.set(digitScratch.subarray(0, n), d);
    putInt(i32, res, n | ((dp + 1024) << 8));
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
