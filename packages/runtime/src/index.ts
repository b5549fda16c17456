/**
 * @gort/runtime — public surface. The memory subsystem (issue 3, memory half) is exported here;
 * the collector half adds its exports below.
 */
export { DEBUG, FatalError, fatal, formatFatal, assert } from "./debug.js";
export { LinearMemory, ARENA_BYTES, MAX_MEMORY, MIN_LEGAL_POINTER, ZEROBASE } from "./mem.js";
export type { LinearMemoryOptions } from "./mem.js";
export * as sizeclasses from "./sizeclasses.js";
export { MHeap, HG_SWEEPGEN, HG_GCPHASE, HG_BLACKEN, HG_GC_RESERVED } from "./mheap.js";
export type { HeapReclaimer } from "./mheap.js";
export { MCentrals, BasicSweeper } from "./mcentral.js";
export type { SpanSweeper } from "./mcentral.js";
export { MCaches } from "./mcache.js";
export { Heap, MAX_ALLOC, roundupsize, sizeToClass } from "./malloc.js";
export type { HeapOptions, MallocHooks } from "./malloc.js";
export { heapBitIsPointer, heapBitsSetType, heapBitsSetTypeAt, ptrBitsBase, ptrWordIndex } from "./mbitmap.js";
export { TypeBuilder, readTypeDesc, PTR_SIZE } from "./typedesc.js";
export type { TypeDescInfo } from "./typedesc.js";
export { StackAllocator, StackMin, StackGuard, DefaultMaxStack } from "./stack.js";
export type { StackMapSource, StackAdjustHook } from "./stack.js";
export { memStatsFromCounters } from "./mstats.js";
export type { MemStats, MemStatsBySize } from "./mstats.js";
