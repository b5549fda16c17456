/**
 * slice.ts — slice growth for `append` (Go's slice.go growslice, written afresh).
 *
 * CALL (the compiler's ABI, codegen/REQUESTS.md #1): `CALLN runtime.growslice, B, C` with
 * argument slots s[B..] = elemType (descriptor address), ptr, len, cap, newLen and result slots
 * s[C..] = ptr, len (= the old len: the caller stores the new elements and sets len), cap.
 *
 * CAPACITY (Go 1.19's policy): when newLen exceeds twice the old capacity, newLen; below 256
 * elements, double; above, grow by (cap + 3·256)/4 per step until ≥ newLen (a smooth transition
 * from 2× to 1.25×). The byte size is then rounded up to the allocator's size class and the
 * capacity recomputed from it, which is what makes `cap` after an append equal Go's.
 *
 * GC: the new backing array is a fresh object (allocated black while marking), so only the
 * *copied* pointers need the barrier: every pointer word of the old elements is shaded before
 * the copy (Go: bulkBarrierPreWriteSrcOnly). Without it, a pointer that lives only in the old
 * array — which may be dropped right after — and in the new black array would never be marked.
 *
 * Zero-size elements share zerobase (or keep their old pointer), as in Go.
 */

import { ZEROBASE } from "./mem.js";
import { MAX_ALLOC, roundupsize } from "./malloc.js";
import type { Collector } from "./mgc.js";
import { TD_PTRDATA, TD_SIZE } from "./typedesc.js";
import type { NativeFn } from "./vm/interp.js";
import { PK_PLAIN, plainErrorId } from "./vm/panic.js";

export const E_GROWSLICE_CAP = plainErrorId("runtime error: growslice: cap out of range");

/** Go 1.19's new capacity for growing a slice of capacity oldCap to hold newLen elements. */
export function nextslicecap(oldCap: number, newLen: number): number {
  const doublecap = oldCap + oldCap;
  if (newLen > doublecap) return newLen;
  if (oldCap < 256) return doublecap;
  let newcap = oldCap;
  while (newcap > 0 && newcap < newLen) newcap += Math.floor((newcap + 3 * 256) / 4);
  return newcap <= 0 ? newLen : newcap;
}

/**
 * The runtime.growslice native. `gc` (null: no collector) supplies the bulk barrier for the
 * copy of pointerful elements.
 */
export function growsliceNative(gc: Collector | null): NativeFn {
  return (vm, g, args, res) => {
    let mem = vm.heap.mem;
    const typ = mem.u32[args >>> 2];
    const oldPtr = mem.u32[(args + 8) >>> 2];
    const oldLen = Number(mem.i64[(args + 16) >>> 3]);
    const oldCap = Number(mem.i64[(args + 24) >>> 3]);
    const newLen = Number(mem.i64[(args + 32) >>> 3]);
    const size = mem.u32[(typ + TD_SIZE) >>> 2];
    if (newLen < oldCap) {
      // len + n wrapped past MaxInt (append to a huge slice of zero-size elements): Go's check
      vm.setPanic(g, PK_PLAIN, BigInt(E_GROWSLICE_CAP), 0n);
      return;
    }
    let newcap = nextslicecap(oldCap, newLen);
    let p: number;
    if (size === 0) {
      p = oldPtr !== 0 ? oldPtr : ZEROBASE;
    } else {
      if (newcap * size > MAX_ALLOC) {
        vm.setPanic(g, PK_PLAIN, BigInt(E_GROWSLICE_CAP), 0n);
        return;
      }
      const bytes = roundupsize(newcap * size);
      newcap = Math.floor(bytes / size);
      const ptrful = mem.u32[(typ + TD_PTRDATA) >>> 2] !== 0;
      p = vm.heap.mallocgc(bytes, ptrful ? typ : 0, true);
      if (oldLen > 0) {
        if (ptrful && gc !== null) gc.barrier.bulkBarrierPreWrite(typ, p, oldPtr, oldLen * size);
        vm.heap.mem.move(p, oldPtr, oldLen * size);
      }
    }
    mem = vm.heap.mem; // the allocation or the barrier may have grown memory
    mem.u32[res >>> 2] = p;
    mem.u32[(res >>> 2) + 1] = 0;
    mem.i64[(res + 8) >>> 3] = BigInt(oldLen);
    mem.i64[(res + 16) >>> 3] = BigInt(newcap);
  };
}
