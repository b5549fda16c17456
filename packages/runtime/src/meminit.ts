/**
 * meminit.ts — one entry point that builds gort's memory: the heap (linear memory, page heap,
 * mcentrals, one mcache per P, stack allocator) and the collector wired into it. Counterpart of
 * the memory part of Go's schedinit (mallocinit, then gcinit with GOGC/GOMEMLIMIT read from the
 * environment), written afresh.
 *
 * What the wiring is (the Collector constructor does it; this file only orders it):
 *   heap.hooks         = gc   (mark assists on allocation, trigger check after refills)
 *   heap.sweeper       = gc.sweeper   (mcentral sweeps unswept spans through it)
 *   heap.mheap.reclaimer = gc.sweeper (sweep before the page heap grows)
 *
 * The environment is passed in, not read from process.env here, so tests and embedders (several
 * runtimes in one process) stay deterministic. Bad GOGC is ignored as in Go (GC stays at 100);
 * a malformed GOMEMLIMIT is Go's fatal error (thrown as FatalError by the Collector).
 *
 * Rejected: a module-level singleton runtime — every test needs a fresh heap (STYLE §6).
 */

import { Heap, type HeapOptions } from "./malloc.js";
import { Collector, parseGCDebug, type GCDebug } from "./mgc.js";

export interface MemoryOptions extends HeapOptions {
  /** GOGC as in the environment ("off", "100", …; undefined = unset). */
  GOGC?: string;
  /** GOMEMLIMIT as in the environment ("8MiB", …; undefined = unset). */
  GOMEMLIMIT?: string;
  /** GODEBUG as in the environment: the collector's keys are taken by Go's parsing rules. */
  GODEBUG?: string;
  /** Overrides applied on top of GODEBUG (tests). */
  debug?: Partial<GCDebug>;
  /** Monotonic clock in ns (default: performance.now() × 1e6); tests pass a virtual clock. */
  nanotime?: () => number;
  /** Wall clock in Unix ns (LastGC, PauseEnd). */
  walltime?: () => number;
  /** Where runtime trace lines go (default: process.stderr). */
  print?: (s: string) => void;
}

/** A heap and its collector, wired together. */
export interface Memory {
  readonly heap: Heap;
  readonly gc: Collector;
}

/**
 * Builds the heap and its collector (GOMAXPROCS = `nprocs`, default 1). The caller then
 * registers globals (`gc.addGlobalsFromMask`) and goroutine stacks (`gc.setStackRoots`).
 */
export function newMemory(opts: MemoryOptions = {}): Memory {
  const heap = new Heap({ capBytes: opts.capBytes, initialBytes: opts.initialBytes, nprocs: opts.nprocs });
  const gc = new Collector(heap, {
    GOGC: opts.GOGC,
    GOMEMLIMIT: opts.GOMEMLIMIT,
    debug: { ...parseGCDebug(opts.GODEBUG), ...opts.debug },
    procs: heap.mcaches.length,
    nanotime: opts.nanotime,
    walltime: opts.walltime,
    print: opts.print,
  });
  return { heap, gc };
}
