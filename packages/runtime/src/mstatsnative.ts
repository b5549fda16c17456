/**
 * mstatsnative.ts — the native behind runtime.ReadMemStats (packages/stdlib/go/runtime/mstats.go):
 * `runtime.readmemstats(m *MemStats)` writes the statistics of mstats.ts (computed after flushing
 * every mcache; the collector adds its pacer's NextGC) into the Go struct at m.
 *
 * LAYOUT of Go's MemStats on amd64 (mstats.go declares the same fields in the same order):
 *
 *   +0     24 × uint64   Alloc … PauseTotalNs (in MemStats' declaration order)
 *   +192   [256]uint64   PauseNs            +2240  [256]uint64  PauseEnd
 *   +4288  uint32 NumGC  +4292 uint32 NumForcedGC  +4296 float64 GCCPUFraction
 *   +4304  bool EnableGC +4305 bool DebugGC
 *   +4312  [61]{ Size uint32 (+4 padding); Mallocs, Frees uint64 }   (24 bytes each)
 *
 * MemStats holds no pointers, so plain stores are GC-correct.
 */
import type { Collector } from "./mgc.js";
import type { MemStats } from "./mstats.js";
import type { NativeFn } from "./vm/interp.js";

const SCALARS: (keyof MemStats)[] = [
  "Alloc", "TotalAlloc", "Sys", "Lookups", "Mallocs", "Frees", "HeapAlloc", "HeapSys", "HeapIdle", "HeapInuse",
  "HeapReleased", "HeapObjects", "StackInuse", "StackSys", "MSpanInuse", "MSpanSys", "MCacheInuse", "MCacheSys",
  "BuckHashSys", "GCSys", "OtherSys", "NextGC", "LastGC", "PauseTotalNs",
];
const PAUSE_NS = 192;
const PAUSE_END = 2240;
const NUM_GC = 4288;
const GC_CPU_FRACTION = 4296;
const ENABLE_GC = 4304;
const BY_SIZE = 4312;

/** runtime.readmemstats with the collector's view (gc null: the heap's counters alone). */
export function readmemstatsNative(gc: Collector | null): NativeFn {
  return (vm, _g, args) => {
    const ms = gc !== null ? gc.readMemStats() : vm.heap.readMemStats();
    const mem = vm.heap.mem;
    const m = mem.u32[args >>> 2];
    if (m === 0) return; // (mstats.go dereferences m first: a nil m panics there)
    const u64 = (off: number, v: number): void => {
      const x = Math.max(0, Math.floor(v));
      mem.u32[(m + off) >>> 2] = x % 2 ** 32;
      mem.u32[((m + off) >>> 2) + 1] = Math.floor(x / 2 ** 32);
    };
    SCALARS.forEach((k, i) => u64(8 * i, ms[k] as number));
    for (let i = 0; i < 256; i++) {
      u64(PAUSE_NS + 8 * i, ms.PauseNs[i] ?? 0);
      u64(PAUSE_END + 8 * i, ms.PauseEnd[i] ?? 0);
    }
    mem.u32[(m + NUM_GC) >>> 2] = ms.NumGC;
    mem.u32[(m + NUM_GC + 4) >>> 2] = ms.NumForcedGC;
    mem.f64[(m + GC_CPU_FRACTION) >>> 3] = ms.GCCPUFraction;
    mem.u8[m + ENABLE_GC] = ms.EnableGC ? 1 : 0;
    mem.u8[m + ENABLE_GC + 1] = ms.DebugGC ? 1 : 0;
    for (let i = 0; i < 61; i++) {
      const row = ms.BySize[i];
      const off = BY_SIZE + 24 * i;
      mem.u32[(m + off) >>> 2] = row?.Size ?? 0;
      mem.u32[((m + off) >>> 2) + 1] = 0;
      u64(off + 8, row?.Mallocs ?? 0);
      u64(off + 16, row?.Frees ?? 0);
    }
  };
}
