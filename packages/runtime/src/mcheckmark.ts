/**
 * mcheckmark.ts — GODEBUG=gccheckmark=1: verify the concurrent mark. Counterpart of Go 1.19's
 * src/runtime/mcheckmark.go (written afresh, differently).
 *
 * After the concurrent mark has finished, with the world stopped (inside mark termination):
 *   1. save every in-use span's mark bitmap and clear it;
 *   2. mark again from the current roots with the same marker, draining to completion;
 *   3. every object the second mark reached must have been marked by the first: an object found
 *      only now is a reachable object the concurrent mark missed (a barrier or root bug), and the
 *      runtime dies with Go's message:
 *        runtime: checkmarks found unexpected unmarked object obj=0x…
 *        fatal error: checkmark found unmarked object
 *   4. restore the saved bitmaps (a superset: objects allocated black or that died during the
 *      mark stay marked, as the concurrent mark left them).
 *
 * Go keeps a separate checkmark bitmap per arena and switches the marker into "checkmark mode";
 * we reuse the normal mark bits instead (save/clear/compare/restore), so the hot marking code
 * has no checkmark branch. Cost: O(heap) with the world stopped — a debugging mode only.
 */

import { fatal } from "./debug.js";
import type { LinearMemory } from "./mem.js";
import { HG_ALLSPANS } from "./mheap.js";
import type { Marker } from "./mgcmark.js";
import { SP_ALLNEXT, SP_ELEMSIZE, SP_GCMARKBITS, SP_NELEMS, SP_START, SP_STATE, SPAN_INUSE } from "./mspan.js";

function hex(v: number): string {
  return "0x" + (v >>> 0).toString(16);
}

/** Result of a checkmark pass (for tests): objects reachable now and objects the mark missed. */
export interface CheckmarkResult {
  reachable: number;
  missed: number[];
}

/**
 * Runs the checkmark verification. Precondition: world stopped, concurrent mark complete (grey
 * queue empty). With `fatalOnMiss` (the GODEBUG mode) a miss is a fatal error; tests may ask for
 * the list instead.
 */
export function runCheckmark(mem: LinearMemory, marker: Marker, fatalOnMiss: boolean): CheckmarkResult {
  const spans: number[] = [];
  const offsets: number[] = [];
  let total = 0;
  let u32 = mem.u32;
  for (let s = u32[HG_ALLSPANS >>> 2]!; s !== 0; s = u32[(s + SP_ALLNEXT) >>> 2]!) {
    if (mem.u8[s + SP_STATE] !== SPAN_INUSE) continue;
    spans.push(s);
    offsets.push(total);
    total += (u32[(s + SP_NELEMS) >>> 2]! + 31) >>> 5;
  }
  const saved = new Uint32Array(total);
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const words = (u32[(s + SP_NELEMS) >>> 2]! + 31) >>> 5;
    const bits = u32[(s + SP_GCMARKBITS) >>> 2]! >>> 2;
    saved.set(u32.subarray(bits, bits + words), offsets[k]!);
    u32.fill(0, bits, bits + words);
  }

  // Re-mark from the roots with the world stopped; keep the cycle's statistics intact.
  const gcw = marker.gcw;
  const savedStats = [gcw.bytesMarked, gcw.heapScanWork, marker.stackScanWork, marker.globalsScanWork, marker.stacksScanned];
  const savedShrink = marker.shrinkStacks;
  marker.shrinkStacks = false;
  marker.prepareRoots();
  marker.drain(Infinity);
  marker.shrinkStacks = savedShrink;
  gcw.bytesMarked = savedStats[0]!;
  gcw.heapScanWork = savedStats[1]!;
  marker.stackScanWork = savedStats[2]!;
  marker.globalsScanWork = savedStats[3]!;
  marker.stacksScanned = savedStats[4]!;
  marker.rootNext = marker.nRootJobs;

  u32 = mem.u32;
  const missed: number[] = [];
  let reachable = 0;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const nelems = u32[(s + SP_NELEMS) >>> 2]!;
    const words = (nelems + 31) >>> 5;
    const bits = u32[(s + SP_GCMARKBITS) >>> 2]! >>> 2;
    const off = offsets[k]!;
    for (let w = 0; w < words; w++) {
      const now = u32[bits + w]!;
      const before = saved[off + w]!;
      if (now !== 0) {
        let x = now;
        while (x !== 0) {
          x &= x - 1;
          reachable++;
        }
      }
      let miss = now & ~before;
      while (miss !== 0) {
        const b = 31 - Math.clz32(miss & -miss);
        miss &= miss - 1;
        const idx = w * 32 + b;
        missed.push(u32[(s + SP_START) >>> 2]! + idx * u32[(s + SP_ELEMSIZE) >>> 2]!);
      }
      u32[bits + w] = now | before;
    }
  }
  if (missed.length > 0 && fatalOnMiss) {
    fatal("checkmark found unmarked object", `runtime: checkmarks found unexpected unmarked object obj=${hex(missed[0]!)}\n`);
  }
  return { reachable, missed };
}
