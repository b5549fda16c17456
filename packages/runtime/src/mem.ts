/**
 * mem.ts — gort's linear memory: one growable SharedArrayBuffer seen through cached typed arrays.
 *
 * Every Go value and every runtime structure lives here; a pointer is an unsigned 32-bit byte
 * offset (`addr`), 0 is nil. Counterpart of Go's mem_*.go / sysAlloc layer (the "OS").
 *
 * Views: fixed-length typed arrays (u8, u16, i32, u32, f32, f64, i64) over the whole buffer.
 * Measured here (reference/vm-measurements.md §5) a length-tracking view costs ~20 ns per access
 * while a fixed-length one runs at full speed, so the views are created with an explicit length
 * and re-created only after the buffer grows. `epoch` counts re-creations: code that caches a
 * view in a local compares its epoch after any call that may allocate. The epoch is also stored
 * in the MemHdr so another thread (a later worker-thread M) sees that it must call `refresh()`.
 *
 * Growth policy: the buffer grows in ARENA_BYTES (4 MiB) steps. Trade-off: a grow costs
 * 12–20 µs plus a view re-creation (and every other thread must notice the epoch), so steps must
 * be coarse; but committed bytes are reported as Sys and can never be returned (a SAB cannot
 * shrink), so steps must be small for small programs. 4 MiB is Go's own arena size on wasm and
 * 32-bit targets and its page-allocator chunk, so the heap's per-arena metadata matches Go's
 * granularity; a hello-world heap stays at one or two arenas.
 *
 * Limits: `maxByteLength` is at most 4 GiB (V8 refuses more) — which is also exactly the 32-bit
 * address space. `capBytes` is a hard cap independent of GOMEMLIMIT. Growing past either, or the
 * host refusing memory (V8 RangeError), makes `grow` return false; the heap then raises Go's
 * "fatal error: runtime: out of memory". No RangeError escapes.
 *
 * Memory map of the low 64 KiB (the rest belongs to heap arenas, see mheap.ts):
 *
 *   0x0000 ┌──────────────────────┐
 *          │ nil guard page 4 KiB │ never written: small offsets are never valid objects
 *   0x1000 │ MemHdr               │ this file (MH_*)
 *   0x1100 │ zerobase             │ malloc.ts: the address of every 0-byte object
 *   0x1200 │ heap globals         │ mheap.ts (HG_*); 0x1300–0x1400 reserved for the GC half
 *   0x1400 │ stats counters       │ mstats.ts (ST_*)
 *   0x2000 │ arena index          │ mheap.ts: (addr >>> 22) → arena header
 *   0x3000 │ mcentral[136]        │ mcentral.ts
 *   0x3900 │ stack pools          │ stack.ts
 *   0x5000 │ PauseNs/PauseEnd     │ mstats.ts (2 × 256 f64)
 *  0x10000 └──────────────────────┘ arena 0's header and metadata follow
 *
 * Rejected: a plain (non-shared) ArrayBuffer — worker-thread Ms need the same memory; a
 * length-tracking view (20 ns/access); allocating new buffers and copying (pointers must stay
 * valid and other threads keep their views).
 */

/** Growth step and heap arena size: 4 MiB (see the file comment for the trade-off). */
export const ARENA_BYTES = 4 << 20;
export const ARENA_SHIFT = 22;
/** Largest linear memory: the 32-bit address space (V8's maxByteLength limit). */
export const MAX_MEMORY = 2 ** 32;
/** Smallest address that can hold an object (below it: nil guard page). */
export const MIN_LEGAL_POINTER = 0x1000;
/** Bytes of the low runtime region before arena 0's metadata. */
export const LOW_REGION_BYTES = 0x10000;

// ── MemHdr at 0x1000 ──
export const MEMHDR = 0x1000;
/** u32: "GORT" magic, written once. */
export const MH_MAGIC = MEMHDR + 0;
/** u32: view epoch, +1 per growth. */
export const MH_EPOCH = MEMHDR + 4;
/** f64: committed bytes (buffer length). */
export const MH_COMMITTED = MEMHDR + 8;
/** f64: hard cap in bytes. */
export const MH_CAP = MEMHDR + 16;

export const ZEROBASE = 0x1100;

const MAGIC = 0x54524f47; // "GORT" little-endian

interface GrowableSAB extends SharedArrayBuffer {
  readonly growable: boolean;
  readonly maxByteLength: number;
  grow(newLength: number): void;
}
type SABCtor = new (length: number, opts: { maxByteLength: number }) => GrowableSAB;

export interface LinearMemoryOptions {
  /** Hard cap on committed bytes (rounded down to ARENA_BYTES, at most 4 GiB). Default 4 GiB. */
  capBytes?: number;
  /** Initial committed bytes (rounded up to ARENA_BYTES). Default one arena. */
  initialBytes?: number;
}

/** The linear memory and its cached views. One per runtime instance (per test). */
export class LinearMemory {
  /** The shared buffer; grows in place, never replaced. */
  readonly sab: GrowableSAB;
  /** Hard cap (bytes, multiple of ARENA_BYTES). */
  readonly capBytes: number;
  /** Views over [0, byteLength); replaced together on growth. */
  u8: Uint8Array;
  u16: Uint16Array;
  i32: Int32Array;
  u32: Uint32Array;
  f32: Float32Array;
  f64: Float64Array;
  i64: BigInt64Array;
  /** Current committed length the views cover. */
  byteLength: number;
  /** Increments each time the views are re-created. */
  epoch: number;
  /** Testing hook: when > 0, the next `grow` fails (as if the host refused memory) and decrements. */
  failNextGrow: number;

  constructor(opts: LinearMemoryOptions = {}, attach?: SharedArrayBuffer) {
    let cap = opts.capBytes ?? MAX_MEMORY;
    if (!(cap > 0)) cap = MAX_MEMORY;
    cap = Math.min(MAX_MEMORY, Math.floor(cap / ARENA_BYTES) * ARENA_BYTES);
    if (cap < ARENA_BYTES) cap = ARENA_BYTES;
    this.capBytes = cap;
    if (attach !== undefined) {
      this.sab = attach as GrowableSAB;
    } else {
      let init = Math.ceil((opts.initialBytes ?? ARENA_BYTES) / ARENA_BYTES) * ARENA_BYTES;
      if (init > cap) init = cap;
      this.sab = new (SharedArrayBuffer as unknown as SABCtor)(init, { maxByteLength: cap });
    }
    const n = this.sab.byteLength;
    this.byteLength = n;
    this.u8 = new Uint8Array(this.sab, 0, n);
    this.u16 = new Uint16Array(this.sab, 0, n >>> 1);
    this.i32 = new Int32Array(this.sab, 0, n >>> 2);
    this.u32 = new Uint32Array(this.sab, 0, n >>> 2);
    this.f32 = new Float32Array(this.sab, 0, n >>> 2);
    this.f64 = new Float64Array(this.sab, 0, n >>> 3);
    this.i64 = new BigInt64Array(this.sab, 0, n >>> 3);
    this.epoch = 0;
    this.failNextGrow = 0;
    if (attach === undefined) {
      this.u32[MH_MAGIC >>> 2] = MAGIC;
      this.u32[MH_EPOCH >>> 2] = 0;
      this.f64[MH_COMMITTED >>> 3] = n;
      this.f64[MH_CAP >>> 3] = cap;
    } else {
      this.epoch = this.u32[MH_EPOCH >>> 2];
    }
  }

  /**
   * Ensures at least `minBytes` are committed, growing in ARENA_BYTES steps.
   * Returns false (memory unchanged) if that would pass the cap or the host refuses.
   */
  grow(minBytes: number): boolean {
    if (minBytes <= this.byteLength) return true;
    const want = Math.ceil(minBytes / ARENA_BYTES) * ARENA_BYTES;
    if (want > this.capBytes) return false;
    if (this.failNextGrow > 0) {
      this.failNextGrow--;
      return false;
    }
    // The one try/catch outside the scheduler boundary: V8 reports a host allocation failure
    // (or a concurrent grow by another thread racing past the cap) as a RangeError, which must
    // become Go's out-of-memory fatal error instead of escaping as a JS exception.
    try {
      if (this.sab.byteLength < want) this.sab.grow(want);
    } catch {
      return false;
    }
    this.remap();
    this.u32[MH_EPOCH >>> 2] = this.epoch;
    this.f64[MH_COMMITTED >>> 3] = this.byteLength;
    return true;
  }

  /** Re-creates the views if another thread grew the buffer. Returns true if they changed. */
  refresh(): boolean {
    if (this.sab.byteLength === this.byteLength) return false;
    this.remap();
    return true;
  }

  private remap(): void {
    const n = this.sab.byteLength;
    this.byteLength = n;
    this.u8 = new Uint8Array(this.sab, 0, n);
    this.u16 = new Uint16Array(this.sab, 0, n >>> 1);
    this.i32 = new Int32Array(this.sab, 0, n >>> 2);
    this.u32 = new Uint32Array(this.sab, 0, n >>> 2);
    this.f32 = new Float32Array(this.sab, 0, n >>> 2);
    this.f64 = new Float64Array(this.sab, 0, n >>> 3);
    this.i64 = new BigInt64Array(this.sab, 0, n >>> 3);
    this.epoch++;
  }

  /**
   * Zeroes [addr, addr+n). Measured on this V8: `fill` on a view of a SharedArrayBuffer costs
   * ~1.2 µs per KiB for Uint8Array (≈ 0.3 µs for Float64Array), a loop of f64 stores ~0.1 µs per
   * KiB; so 8-aligned ranges use the loop (storing +0.0 writes all-zero bits).
   */
  zero(addr: number, n: number): void {
    if (((addr | n) & 7) === 0) {
      const f = this.f64;
      let i = addr >>> 3;
      const e = (addr + n) >>> 3;
      // Unrolled ×4: ~50 ns per KiB vs ~80 ns for the plain loop (measured).
      for (; i + 4 <= e; i += 4) {
        f[i] = 0;
        f[i + 1] = 0;
        f[i + 2] = 0;
        f[i + 3] = 0;
      }
      for (; i < e; i++) f[i] = 0;
    } else {
      this.u8.fill(0, addr, addr + n);
    }
  }

  /**
   * Copies n bytes from src to dst (ranges may overlap). 8-aligned copies move 8-byte elements
   * with Float64Array.copyWithin (a bit-exact memmove, unlike f64 loads/stores, and ~2× faster
   * than the byte version on shared memory).
   */
  move(dst: number, src: number, n: number): void {
    if (((dst | src | n) & 7) === 0) {
      this.f64.copyWithin(dst >>> 3, src >>> 3, (src + n) >>> 3);
    } else {
      this.u8.copyWithin(dst, src, src + n);
    }
  }
}
