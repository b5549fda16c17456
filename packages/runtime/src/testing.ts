/**
 * testing.ts — internals for tests (Go's export_test.go): the heap verifier, the
 * fail-next-allocation hook, object colour queries and a minimal stop-the-world collection used
 * to free objects in allocator tests. Not part of the public API.
 *
 * @internal
 */

import type { Heap } from "./malloc.js";
import { ptrBitsBase, ptrWordIndex } from "./mbitmap.js";
import { ARENA_BYTES, LOW_REGION_BYTES } from "./mem.js";
import { MCENTRAL, MCENTRAL_BYTES } from "./mcentral.js";
import { MC_ALLOC } from "./mcache.js";
import {
  AR_ALLOC,
  AR_BASE,
  AR_FIRSTPAGE,
  AR_FREEPAGES,
  AR_MAXRUN,
  AR_NEXT,
  AR_NPAGES,
  AR_SCAV,
  AR_SEARCH,
  AR_SIZE,
  AR_SPANS,
  ARENA_INDEX,
  HG_NSPANS,
} from "./mheap.js";
import {
  countBits,
  SP_ALLNEXT,
  SP_ALLOCBITS,
  SP_ALLOCCOUNT,
  SP_DIVMAGIC,
  SP_ELEMSIZE,
  SP_FREEINDEX,
  SP_GCMARKBITS,
  SP_LIMIT,
  SP_MANUALFREE,
  SP_NELEMS,
  SP_NEXT,
  SP_NPAGES,
  SP_PTRBITS,
  SP_SPANCLASS,
  SP_START,
  SP_STATE,
  SP_SWEEPGEN,
  SPAN_BYTES,
  SPAN_INUSE,
  SPAN_MANUAL,
  spanIsAllocated,
  spanIsMarked,
  spanSetMarked,
} from "./mspan.js";
import { memStatsFromCounters, stat, ST_END, ST_HEAP_FREE, ST_HEAP_INUSE, ST_HEAP_LIVE, ST_HEAP_RELEASED, ST_MSPAN_INUSE, ST_STACK_INUSE } from "./mstats.js";
import { classToAllocNPages, classToDivMagic, classToNObjects, classToSize, NUM_SPAN_CLASSES, PAGE_SIZE } from "./sizeclasses.js";
import { NumStackOrders, STACKPOOL } from "./stack.js";

export interface VerifyOptions {
  /** Also check that every released page is all zero (slow on big heaps). */
  checkReleasedZero?: boolean;
  /** Flush the mcaches first and check HeapAlloc/HeapObjects against the spans. */
  flush?: boolean;
}

/**
 * Checks every arena, span, list and counter invariant. Returns the list of violations (empty
 * when the heap is consistent). Call between allocations, never in the middle of one.
 */
export function verifyHeap(heap: Heap, opts: VerifyOptions = {}): string[] {
  const errs: string[] = [];
  const mem = heap.mem;
  const mheap = heap.mheap;
  if (opts.flush) heap.flushMCaches();
  const u32 = mem.u32;
  const u8 = mem.u8;
  const sg = mheap.sweepgen;
  const bit = (addr: number, i: number) => (u32[(addr + ((i >>> 5) << 2)) >>> 2] >>> (i & 31)) & 1;

  // ── spans ──
  const spans = new Set<number>();
  let inuseBytes = 0;
  let manualBytes = 0;
  let allocBytes = 0;
  let objects = 0;
  for (let s = mheap.allspans; s !== 0; s = u32[(s + SP_ALLNEXT) >>> 2]) {
    if (spans.has(s)) {
      errs.push(`allspans cycle at span ${s}`);
      break;
    }
    spans.add(s);
    const state = u8[s + SP_STATE];
    const start = u32[(s + SP_START) >>> 2];
    const npages = u32[(s + SP_NPAGES) >>> 2];
    if (start % PAGE_SIZE !== 0) errs.push(`span ${s}: unaligned start ${start}`);
    for (let p = 0; p < npages; p++) {
      if (mheap.spanOf(start + p * PAGE_SIZE) !== s) errs.push(`span ${s}: page ${p} maps to ${mheap.spanOf(start + p * PAGE_SIZE)}`);
    }
    if (state === SPAN_MANUAL) {
      manualBytes += npages * PAGE_SIZE;
      continue;
    }
    if (state !== SPAN_INUSE) {
      errs.push(`span ${s}: bad state ${state} on allspans`);
      continue;
    }
    inuseBytes += npages * PAGE_SIZE;
    if (u32[(s + SP_PTRBITS) >>> 2] !== ptrBitsBase(mem, start) + (ptrWordIndex(mem, start) >>> 3)) errs.push(`span ${s}: bad ptrBits`);
    const spc = u8[s + SP_SPANCLASS];
    const cls = spc >>> 1;
    const nelems = u32[(s + SP_NELEMS) >>> 2];
    const elemsize = u32[(s + SP_ELEMSIZE) >>> 2];
    const count = u32[(s + SP_ALLOCCOUNT) >>> 2];
    const fi = u32[(s + SP_FREEINDEX) >>> 2];
    if (cls !== 0) {
      if (npages !== classToAllocNPages[cls]) errs.push(`span ${s}: class ${cls} with ${npages} pages`);
      if (nelems !== classToNObjects[cls] || elemsize !== classToSize[cls]) errs.push(`span ${s}: class ${cls} nelems/elemsize ${nelems}/${elemsize}`);
      if (u32[(s + SP_DIVMAGIC) >>> 2] !== classToDivMagic[cls]) errs.push(`span ${s}: bad divMagic`);
    } else if (nelems !== 1 || elemsize !== npages * PAGE_SIZE) {
      errs.push(`span ${s}: large span nelems/elemsize ${nelems}/${elemsize}`);
    }
    if (u32[(s + SP_LIMIT) >>> 2] !== start + nelems * elemsize) errs.push(`span ${s}: bad limit`);
    if (fi > nelems) errs.push(`span ${s}: freeindex ${fi} > nelems ${nelems}`);
    const ab = u32[(s + SP_ALLOCBITS) >>> 2];
    const mb = u32[(s + SP_GCMARKBITS) >>> 2];
    if (ab === mb) errs.push(`span ${s}: allocBits == gcmarkBits`);
    let expect = Math.min(fi, nelems);
    for (let i = fi; i < nelems; i++) expect += bit(ab, i);
    if (count !== expect) errs.push(`span ${s}: allocCount ${count}, bitmap says ${expect}`);
    const ssg = u32[(s + SP_SWEEPGEN) >>> 2];
    if (ssg !== sg && ssg !== ((sg + 3) >>> 0) && ssg !== ((sg - 2) >>> 0) && ssg !== ((sg + 1) >>> 0))
      errs.push(`span ${s}: sweepgen ${ssg} (heap ${sg})`);
    allocBytes += count * elemsize;
    objects += count;
  }
  if (spans.size !== u32[HG_NSPANS >>> 2]) errs.push(`allspans has ${spans.size} spans, counter says ${u32[HG_NSPANS >>> 2]}`);
  if (stat(mem, ST_MSPAN_INUSE) !== spans.size * SPAN_BYTES) errs.push(`MSpanInuse ${stat(mem, ST_MSPAN_INUSE)} != ${spans.size * SPAN_BYTES}`);
  if (stat(mem, ST_HEAP_INUSE) !== inuseBytes) errs.push(`HeapInuse ${stat(mem, ST_HEAP_INUSE)} != spans ${inuseBytes}`);
  if (stat(mem, ST_STACK_INUSE) !== manualBytes) errs.push(`StackInuse ${stat(mem, ST_STACK_INUSE)} != manual spans ${manualBytes}`);

  // ── arenas and pages ──
  let freeBytes = 0;
  let releasedBytes = 0;
  let arenaBytes = 0;
  let n = 0;
  for (let hdr = mheap.arenas; hdr !== 0; hdr = u32[(hdr + AR_NEXT) >>> 2]) {
    n++;
    const base = u32[(hdr + AR_BASE) >>> 2];
    const size = u32[(hdr + AR_SIZE) >>> 2];
    const npages = u32[(hdr + AR_NPAGES) >>> 2];
    const first = u32[(hdr + AR_FIRSTPAGE) >>> 2];
    arenaBytes += size;
    if (base % ARENA_BYTES !== 0 || size % ARENA_BYTES !== 0) errs.push(`arena ${hdr}: misaligned`);
    if (hdr !== (base === 0 ? LOW_REGION_BYTES : base)) errs.push(`arena ${hdr}: header not at its base`);
    for (let a = base; a < base + size; a += ARENA_BYTES) {
      if (u32[(ARENA_INDEX >>> 2) + a / ARENA_BYTES] !== hdr) errs.push(`arena index slot ${a / ARENA_BYTES} does not point at ${hdr}`);
    }
    const alloc = hdr + u32[(hdr + AR_ALLOC) >>> 2];
    const scav = hdr + u32[(hdr + AR_SCAV) >>> 2];
    let free = 0;
    let run = 0;
    let longest = 0;
    for (let p = 0; p < npages; p++) {
      const used = bit(alloc, p);
      const sp = u32[((hdr + AR_SPANS) >>> 2) + p];
      if (p < first && !used) errs.push(`arena ${hdr}: metadata page ${p} marked free`);
      if (!used) {
        free++;
        run++;
        if (run > longest) longest = run;
        if (sp !== 0) errs.push(`arena ${hdr}: free page ${p} maps to span ${sp}`);
        if (bit(scav, p)) {
          releasedBytes += PAGE_SIZE;
          if (opts.checkReleasedZero) {
            const a = base + p * PAGE_SIZE;
            for (let i = a; i < a + PAGE_SIZE; i += 8) {
              if (mem.f64[i >>> 3] !== 0 || u32[(i + 4) >>> 2] !== 0) {
                errs.push(`arena ${hdr}: released page ${p} is dirty at ${i}`);
                break;
              }
            }
          }
        } else {
          freeBytes += PAGE_SIZE;
        }
      } else {
        run = 0;
        if (bit(scav, p)) errs.push(`arena ${hdr}: page ${p} in use but marked released`);
        if (sp !== 0 && !spans.has(sp)) errs.push(`arena ${hdr}: page ${p} maps to unknown span ${sp}`);
      }
    }
    const hint = u32[(hdr + AR_SEARCH) >>> 2];
    for (let p = first; p < Math.min(hint, npages); p++) if (!bit(alloc, p)) errs.push(`arena ${hdr}: free page ${p} below search hint ${hint}`);
    if (free !== u32[(hdr + AR_FREEPAGES) >>> 2]) errs.push(`arena ${hdr}: freePages ${u32[(hdr + AR_FREEPAGES) >>> 2]}, bitmap says ${free}`);
    if (longest > u32[(hdr + AR_MAXRUN) >>> 2]) errs.push(`arena ${hdr}: maxRunHint ${u32[(hdr + AR_MAXRUN) >>> 2]} below longest run ${longest}`);
  }
  if (arenaBytes !== mem.byteLength) errs.push(`arenas cover ${arenaBytes} of ${mem.byteLength} bytes`);
  if (stat(mem, ST_HEAP_FREE) !== freeBytes) errs.push(`HeapFree ${stat(mem, ST_HEAP_FREE)} != free unreleased pages ${freeBytes}`);
  if (stat(mem, ST_HEAP_RELEASED) !== releasedBytes) errs.push(`HeapReleased ${stat(mem, ST_HEAP_RELEASED)} != released pages ${releasedBytes}`);

  for (let a = ST_HEAP_INUSE; a < ST_END; a += 8) {
    const v = mem.f64[a >>> 3];
    if (!Number.isFinite(v) || v < 0) errs.push(`stat slot 0x${a.toString(16)} = ${v}`);
  }
  const ms = memStatsFromCounters(mem);
  if (ms.Sys !== mem.byteLength) errs.push(`Sys ${ms.Sys} != committed ${mem.byteLength}`);
  if (ms.HeapSys !== ms.HeapInuse + ms.HeapIdle) errs.push("HeapSys != HeapInuse + HeapIdle");

  // ── mcentral lists and mcaches: every small span exactly once ──
  const seen = new Map<number, string>();
  for (let spc = 0; spc < NUM_SPAN_CLASSES; spc++) {
    for (let k = 0; k < 4; k++) {
      const swept = (((sg >>> 1) & 1) ^ (k & 1)) === 0;
      const full = k >= 2;
      for (let s = u32[(MCENTRAL + spc * MCENTRAL_BYTES + k * 4) >>> 2], guard = 0; s !== 0; s = u32[(s + SP_NEXT) >>> 2]) {
        if (++guard > 1e6) {
          errs.push(`mcentral ${spc} list ${k} cycles`);
          break;
        }
        const where = `mcentral[${spc}].${full ? "full" : "partial"}[${k & 1}]`;
        if (seen.has(s)) errs.push(`span ${s} in ${where} and ${seen.get(s)}`);
        seen.set(s, where);
        if (!spans.has(s)) errs.push(`${where} holds dead span ${s}`);
        if (u8[s + SP_SPANCLASS] !== spc) errs.push(`${where} holds span of class ${u8[s + SP_SPANCLASS]}`);
        const ssg = u32[(s + SP_SWEEPGEN) >>> 2];
        if (swept && ssg !== sg) errs.push(`${where} (swept) holds span with sweepgen ${ssg}`);
        if (!swept && ssg !== ((sg - 2) >>> 0)) errs.push(`${where} (unswept) holds span with sweepgen ${ssg}`);
        if (swept) {
          const isFull = u32[(s + SP_ALLOCCOUNT) >>> 2] === u32[(s + SP_NELEMS) >>> 2];
          if (isFull !== full) errs.push(`${where} holds a ${isFull ? "full" : "partial"} span`);
        }
      }
    }
  }
  for (const c of heap.mcaches) {
    for (let spc = 0; spc < NUM_SPAN_CLASSES; spc++) {
      const s = u32[((c + MC_ALLOC) >>> 2) + spc];
      if (s === heap.caches.emptySpan) continue;
      const where = `mcache ${c}[${spc}]`;
      if (seen.has(s)) errs.push(`span ${s} in ${where} and ${seen.get(s)}`);
      seen.set(s, where);
      const ssg = u32[(s + SP_SWEEPGEN) >>> 2];
      if (ssg !== ((sg + 3) >>> 0) && ssg !== ((sg + 1) >>> 0)) errs.push(`${where}: cached span with sweepgen ${ssg}`);
    }
  }
  for (const s of spans) {
    if (u8[s + SP_STATE] === SPAN_INUSE && !seen.has(s)) errs.push(`span ${s} (class ${u8[s + SP_SPANCLASS] >>> 1}) is in no list and no mcache`);
  }

  // ── stack pools ──
  for (let o = 0; o < NumStackOrders; o++) {
    for (let s = u32[(STACKPOOL >>> 2) + o], guard = 0; s !== 0; s = u32[(s + SP_NEXT) >>> 2]) {
      if (++guard > 1e6) break;
      if (u8[s + SP_STATE] !== SPAN_MANUAL) errs.push(`stack pool ${o} holds non-manual span ${s}`);
      let nfree = 0;
      for (let x = u32[(s + SP_MANUALFREE) >>> 2]; x !== 0 && nfree < 1e6; x = u32[x >>> 2]) nfree++;
      const nelems = u32[(s + SP_NELEMS) >>> 2];
      if (nfree === 0) errs.push(`stack pool ${o} holds a span with no free stack`);
      if (nfree + u32[(s + SP_ALLOCCOUNT) >>> 2] !== nelems) errs.push(`stack pool span ${s}: ${nfree} free + ${u32[(s + SP_ALLOCCOUNT) >>> 2]} used != ${nelems}`);
    }
  }

  if (opts.flush) {
    if (ms.HeapAlloc !== allocBytes) errs.push(`HeapAlloc ${ms.HeapAlloc} != Σ spans ${allocBytes}`);
    if (ms.HeapObjects !== objects) errs.push(`HeapObjects ${ms.HeapObjects} != Σ allocCount ${objects}`);
    if (stat(mem, ST_HEAP_LIVE) < 0) errs.push(`heapLive negative`);
  }
  return errs;
}

/** Throws if verifyHeap finds anything. */
export function assertHeapValid(heap: Heap, opts: VerifyOptions = {}): void {
  const errs = verifyHeap(heap, opts);
  if (errs.length > 0) throw new Error(`heap verification failed:\n  ${errs.slice(0, 20).join("\n  ")}`);
}

/** Makes the next `n` allocations fail with Go's out-of-memory fatal error. */
export function failNextAlloc(heap: Heap, n = 1): void {
  heap.failAllocs = n;
}

export type ObjectColor = "free" | "white" | "grey" | "black";

/**
 * Tri-colour state of the object at addr: free (not an allocated slot), white (unmarked), grey
 * (marked and still queued — only the GC knows: pass its query), black (marked and scanned).
 */
export function objectColor(heap: Heap, addr: number, isGrey?: (base: number) => boolean): ObjectColor {
  const base = heap.findObject(addr);
  if (base === 0) return "free";
  const s = heap.foundSpan;
  const i = heap.foundIndex;
  if (!spanIsAllocated(heap.mem, s, i)) return "free";
  if (!spanIsMarked(heap.mem, s, i)) return "white";
  return isGrey !== undefined && isGrey(base) ? "grey" : "black";
}

/** Sweeps every span still unswept this cycle (Go: finishsweep_m). */
export function finishSweepForTest(heap: Heap): void {
  for (let spc = 0; spc < NUM_SPAN_CLASSES; spc++) {
    for (;;) {
      const s = heap.central.popUnswept(spc);
      if (s === 0) break;
      heap.sweeper.sweep(s, false);
    }
  }
}

/**
 * A minimal stop-the-world collection for allocator tests (no scanning), in Go's order: finish
 * the previous sweep, mark exactly `live` (object addresses), then mark termination — sweepgen
 * += 2 and every mcache's prepareForSweep — and, unless `lazy`, sweep every span. With `lazy`
 * the spans stay unswept for the allocator (mcentral.cacheSpan) to sweep on demand.
 */
export function collectForTest(heap: Heap, live: Iterable<number>, lazy = false): void {
  const mem = heap.mem;
  finishSweepForTest(heap);
  let marked = 0;
  for (const a of live) {
    const base = heap.findObject(a);
    if (base === 0) throw new Error(`collectForTest: ${a} is not a heap object`);
    if (spanSetMarked(mem, heap.foundSpan, heap.foundIndex)) marked += mem.u32[(heap.foundSpan + SP_ELEMSIZE) >>> 2];
  }
  // As mark termination: the live heap restarts from the marked bytes.
  mem.f64[ST_HEAP_LIVE >>> 3] = marked;
  heap.mheap.sweepgen = heap.mheap.sweepgen + 2;
  for (const c of heap.mcaches) heap.caches.prepareForSweep(c);
  if (!lazy) finishSweepForTest(heap);
}

/** Number of marked objects in span s (tests). */
export function markedCount(heap: Heap, s: number): number {
  return countBits(heap.mem, heap.mem.u32[(s + SP_GCMARKBITS) >>> 2], heap.mem.u32[(s + SP_NELEMS) >>> 2]);
}
