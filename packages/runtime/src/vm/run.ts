/**
 * run.ts — runs a program image on one goroutine: the top-level boundary until the scheduler
 * exists (proc.ts). Maps the image, creates G 1, runs the entry function to completion and turns
 * an unrecovered panic into Go's stderr text and exit status 2. A fatal error (stack overflow,
 * out of memory) is the one JS exception caught here.
 */

import { FatalError, formatFatal } from "../debug.js";
import { Heap, type HeapOptions } from "../malloc.js";
import type { ProgramImage } from "../image/format.js";
import { LoadedImage } from "./loader.js";
import { RUN_PANIC, VM, type NativeFn, type BarrierHook } from "./interp.js";
import { formatPanic } from "./panic.js";

export interface RunOptions {
  /** Image file name for load errors. */
  file?: string;
  heap?: Heap;
  heapOptions?: HeapOptions;
  natives?: ReadonlyMap<string, NativeFn>;
  /** Initial goroutine stack size (bytes, power of two ≥ 1 KiB). */
  stackSize?: number;
  budget?: number;
  barrier?: BarrierHook | null;
  /** stderr sink (default process.stderr). */
  write?: (s: string) => void;
  /** Entry function index (default image.entry) and its argument slots. */
  entry?: number;
  args?: readonly bigint[];
  /** Called each time the budget runs out (scheduler/GC poll seat). */
  onYield?: () => void;
}

export interface RunResult {
  exitCode: number;
  vm: VM;
  g: number;
  /** Outermost frame (results readable with vm.resultSlot after a normal exit). */
  fp: number;
}

export function runProgram(img: ProgramImage, opts: RunOptions = {}): RunResult {
  const heap = opts.heap ?? new Heap(opts.heapOptions);
  const loaded = new LoadedImage(heap, img);
  const write = opts.write ?? ((s: string) => void process.stderr.write(s));
  const natives = loaded.bindNatives(opts.natives ?? new Map<string, NativeFn>(), opts.file ?? "<image>");
  const vm = new VM(heap, loaded, { natives, budget: opts.budget, barrier: opts.barrier, write });
  const g = vm.newG(opts.stackSize);
  const entry = opts.entry ?? img.entry;
  const fp = vm.start(g, entry, opts.args ?? []);
  try {
    const r = vm.runToEnd(g, opts.onYield);
    if (r === RUN_PANIC) {
      write(formatPanic(heap.mem, loaded, g));
      return { exitCode: 2, vm, g, fp };
    }
    return { exitCode: 0, vm, g, fp };
  } catch (e) {
    if (e instanceof FatalError) {
      vm.flushPrint();
      write(formatFatal(e));
      return { exitCode: 2, vm, g, fp };
    }
    throw e;
  }
}
