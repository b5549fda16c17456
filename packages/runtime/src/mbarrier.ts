/**
 * mbarrier.ts — the write barrier. Counterpart of Go 1.19's src/runtime/mbarrier.go and the
 * barrier half of mwbbuf.go (written afresh).
 *
 * WHICH BARRIER. Go's hybrid barrier (proposal 17503): while marking, every pointer store
 * `*slot = ptr` to a heap or global slot first shades the old value (Yuasa deletion barrier) and
 * the new value (Dijkstra insertion barrier); stack writes get no barrier.
 *
 *   writePointer(slot, ptr):
 *       if marking: shade(*slot); shade(ptr)
 *       *slot = ptr
 *
 * Why this one, for gort:
 *   - deletion half: a goroutine whose stack is already scanned (black) can never hide a white
 *     object by moving the only heap reference into its stack and deleting it from the heap —
 *     the deleted value is shaded. So a stack needs scanning once per cycle, at any time, one
 *     goroutine at a time, and mark termination never rescans stacks: the STW pause stays O(1)
 *     in heap and stack size (the ≤ 1 ms pause target for a 200 MB heap depends on it);
 *   - insertion half: a goroutine whose stack is not yet scanned (grey) may store a pointer it
 *     holds only in its stack into an already-black object and then drop it from the stack
 *     before its stack is scanned; shading the new value covers that. Go elides this half when
 *     the current stack is black; we have no per-goroutine "stack scanned" bit on this path
 *     yet, and shading an already-marked object costs one bit test, so we always do both;
 *   - objects allocated during marking are black (malloc sets their mark bit), so new objects
 *     never need scanning in this cycle.
 *   Rejected: a pure Dijkstra barrier (needs a STW rescan of every stack at mark termination —
 *   O(stack bytes) pause); a pure Yuasa barrier (needs all stacks scanned in one atomic snapshot
 *   at mark start — also O(stack bytes) STW); card marking (needs a heap rescan of dirty cards
 *   at termination).
 *
 * FAST PATH. One boolean field test (`enabled`), then the store; the slow half is a separate
 * method so the VM's store instruction stays small and monomorphic. The flag is also mirrored in
 * linear memory (HG_GC_RESERVED word, see mgc.ts) for future worker-thread Ms.
 *
 * Pointer slots are 8 bytes; the pointer is the low u32 and the high u32 is written 0.
 */

import type { LinearMemory } from "./mem.js";
import type { Marker } from "./mgcmark.js";
import { TD_GCDATA, TD_PTRDATA, TD_SIZE } from "./typedesc.js";

export class WriteBarrier {
  /** True between sweep termination and mark termination (written by mgc.ts, world stopped). */
  enabled = false;
  /** Barrier slow-path invocations (statistics, tests). */
  slowCalls = 0;

  constructor(
    readonly mem: LinearMemory,
    readonly marker: Marker,
  ) {}

  /** Stores pointer `ptr` into the 8-byte heap/global slot at `slot`, with the barrier. */
  writePointer(slot: number, ptr: number): void {
    if (this.enabled) this.writePointerSlow(slot, ptr);
    const u32 = this.mem.u32;
    u32[slot >>> 2] = ptr;
    u32[(slot >>> 2) + 1] = 0;
  }

  /** Shades the old and the new value. Precondition: marking. */
  writePointerSlow(slot: number, ptr: number): void {
    this.slowCalls++;
    const m = this.marker;
    m.refresh();
    m.shade(this.mem.u32[slot >>> 2]!);
    m.shade(ptr);
  }

  /**
   * Barrier for a bulk copy of `size` bytes of values of type `typ` from src to dst, before the
   * copy (Go's bulkBarrierPreWrite): shades the old pointers in dst and the new ones in src.
   */
  bulkBarrierPreWrite(typ: number, dst: number, src: number, size: number): void {
    if (!this.enabled) return;
    const mem = this.mem;
    const u32 = mem.u32;
    const tsize = u32[(typ + TD_SIZE) >>> 2]!;
    const ptrWords = u32[(typ + TD_PTRDATA) >>> 2]! >>> 3;
    const mask = u32[(typ + TD_GCDATA) >>> 2]!;
    if (tsize === 0 || ptrWords === 0) return;
    const m = this.marker;
    m.refresh();
    // Views re-read after each shade: shade may grow memory (a new work buffer).
    for (let off = 0; off + tsize <= size; off += tsize) {
      for (let i = 0; i < ptrWords; i++) {
        if ((mem.u8[mask + (i >>> 3)]! & (1 << (i & 7))) === 0) continue;
        m.shade(mem.u32[(dst + off + i * 8) >>> 2]!);
        if (src !== 0) m.shade(mem.u32[(src + off + i * 8) >>> 2]!);
      }
    }
  }

  /** Copies a value of type `typ` from src to dst with the barrier (Go's typedmemmove). */
  typedmemmove(typ: number, dst: number, src: number): void {
    if (dst === src) return;
    const size = this.mem.u32[(typ + TD_SIZE) >>> 2]!;
    if (this.enabled && this.mem.u32[(typ + TD_PTRDATA) >>> 2]! !== 0) this.bulkBarrierPreWrite(typ, dst, src, size);
    this.mem.move(dst, src, size);
  }

  /** Zeroes `n` values of type `typ` at dst with the barrier (Go's typedmemclr / memclrHasPointers). */
  typedmemclr(typ: number, dst: number, n = 1): void {
    const size = this.mem.u32[(typ + TD_SIZE) >>> 2]! * n;
    if (this.enabled && this.mem.u32[(typ + TD_PTRDATA) >>> 2]! !== 0) this.bulkBarrierPreWrite(typ, dst, 0, size);
    this.mem.zero(dst, size);
  }
}
