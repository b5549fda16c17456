/**
 * mworker.ts — a worker-thread M (MTHREADS.md): runs goroutines' bytecode, nothing else. No Go
 * counterpart file (Go's Ms run the scheduler themselves: proc.go mstart/schedule).
 *
 * The M attaches to the program's linear memory (the SharedArrayBuffer), decodes the image
 * without writing memory (LoadedImage attach mode) and builds its own VM. Everything that is
 * runtime code — natives, allocation, stack growth, the write barrier's slow path, scheduling —
 * is a remote call to the runtime server through this M's mailbox record (mailbox.ts); the
 * server executes it as if this M's P were current and replies. The loop:
 *
 *     g = wait for the server's first reply (the M starts idle)
 *     loop: r = vm.run(g); g = SCHED(r, g)      // the server's after-run bookkeeping + next G
 *
 * A SCHED reply with R1 = 1 ends the thread (program exit). The server may also simply
 * terminate the thread.
 *
 * ENTRY. The thread runs the module this file was bundled into (MWORKER_URL = import.meta.url
 * of this module: dist/mworker.js, or the dev/CLI bundle): at load, a worker whose workerData
 * carries `gortMThread` starts the M loop. Tests bundle this file with esbuild first
 * (mthreads.test.ts) because Node cannot load .ts sources in a worker.
 */

import { isMainThread, workerData } from "node:worker_threads";
import { writeSync } from "node:fs";
import { LinearMemory } from "./mem.js";
import { Mailbox, MB_PINNED, MB_R0, MB_READY, MB_TRANSIT, MB_YIELD } from "./mailbox.js";
import { FT_FLAGS, FT_WORDS, LoadedImage, type ImageLayout } from "./vm/loader.js";
import { RUN_YIELD, VM, WB_FLAG_ADDR, type BarrierHook, type NativeFn } from "./vm/interp.js";
import { STK_FP, type StackMapSource } from "./stack.js";
import { growLocal, STACK_CACHE_BYTES } from "./mstackcache.js";
import { TD_SIZE } from "./typedesc.js";
import { G_PX } from "./vm/g.js";
import { PLAIN_ERRORS } from "./vm/panic.js";
import { POINTER_STORE_NATIVES, workerLocalNatives } from "./mthreadnatives.js";
import { workerPureNatives } from "./mpurenatives.js";
import type { Heap } from "./malloc.js";
import { JobMarker, MARK_JOB } from "./mgcidle.js";
import { runSweepJob, SWEEP_JOB } from "./mgcsweepjob.js";
import type { ProgramImage } from "./image/format.js";

/** URL of the module a worker M loads (this one, or the bundle it was compiled into). */
export const MWORKER_URL: string = import.meta.url;

// ── request opcodes (mailbox OP word) ──
/** A0 = last run result (−1: none), A1 = g. Reply R0 = next G, R1 = 1: exit. */
export const OP_SCHED = 1;
/** A0 = native index, A1 = g, A2/A3 = args/res offsets from g's saved frame. R0 = vm.enterPc. */
export const OP_NATIVE = 2;
/**
 * A0 = size, A1 = type descriptor, A2 = needzero, A3 = objects wanted (≥ 1). R0 = address; the
 * others (A3 − 1 at most) go to the M's allocation cache (ALLOC_CACHE_* below).
 */
export const OP_MALLOC = 3;
/** A0 = g, A1 = callee frame size (stack growth). */
export const OP_NEWSTACK = 4;
/** A0 = slot, A1 = pointer (write barrier on). */
export const OP_WB = 5;
/** A0 = type, A1 = dst, A2 = src (typedmemmove with the barrier on). */
export const OP_TYPEDMOVE = 6;
/** The M's JavaScript code failed (a gort bug): the server ends the program. */
export const OP_CRASH = 7;
/**
 * A mark job is done (mgcidle.ts): A0 = full-list head, A1 = empty-list head, A2 = scan work,
 * A3 = bytes marked, A4 = the large object it stopped at (0: none), A5 = µs. The reply is the
 * next job, a G, or nothing yet (the M stays idle).
 */
export const OP_MARKDONE = 9;
/**
 * A sweep job is done (mgcsweepjob.ts): A0 = µs. The reply is the next job, a G, or nothing yet
 * (the M stays idle).
 */
export const OP_SWEEPDONE = 10;
/**
 * A0 = byte count: print/println text the M put in its text area; the server writes it where
 * the program's prints go (runGo's `write`: stderr, a dashboard pane, an embedder's sink), in
 * order with its own output.
 */
export const OP_PRINT = 8;

/**
 * Per-M allocation cache in linear memory: objects of one (type, size) the server allocated
 * ahead for the M's next NEWs. Words: +0 type, +4 size, +8 count, +12 next index, then count
 * addresses. The server empties every cache (count = 0) whenever it stops the world for a GC
 * cycle: unconsumed objects are unreachable and become garbage; a consumed one is in its
 * goroutine's frame by the next safe point. Trade-off of ALLOC_BATCH: round trips saved vs
 * objects wasted when the type changes (each batch is asked for only when two NEWs in a row
 * had the same type and size).
 */
export const ALLOC_BATCH = 32;
export const ALLOC_CACHE_BYTES = 16 + 4 * ALLOC_BATCH;
/** Largest object batched (bigger ones are one round trip each). */
export const ALLOC_BATCH_MAX_SIZE = 512;

/** Bytes of each M's text area (plain-error messages sent with a NATIVE reply). */
export const TEXT_AREA_BYTES = 1024;

/** Mailbox header word set by the server when the program exits (workers stop printing). */
export const MB_EXITING_WORD = 1;
/**
 * Mailbox header word: while nonzero (a GC cycle is under way, mgcthreads.ts), the budget of
 * each vm.run slice is at most this, so Ms check in often: their Gs' stacks get scanned and the
 * world stops quickly. Read once per slice (not on the per-instruction path).
 */
export const MB_GC_BUDGET_WORD = 2;

/** What the server passes to a worker M. */
export interface MWorkerData {
  gortMThread: true;
  sab: SharedArrayBuffer;
  /** Mailbox base address and M count. */
  mbox: number;
  /** Text areas (TEXT_AREA_BYTES per M) for strings the server sends with a reply. */
  text: number;
  /** Allocation caches (ALLOC_CACHE_BYTES per M). */
  cache: number;
  n: number;
  /** This M's index (its P is allp[id]). */
  id: number;
  image: ProgramImage;
  layout: ImageLayout;
  budget: number;
  /** Per-M stack caches (mstackcache.ts STACK_CACHE_BYTES per M). */
  stackCache: number;
  /** performance.timeOrigin + performance.now() when the server spawned the thread (start-up figures). */
  spawnedAt: number;
}

/**
 * Writes s to fd 2 completely, in chunks of whole lines of at most PIPE_ATOMIC bytes where it
 * can (a pipe keeps writes up to PIPE_BUF unbroken, so two Ms' lines never mix); a
 * non-blocking pipe answers EAGAIN when full: retry after 1 ms.
 */
function writeAll2(s: string): void {
  let b = Buffer.from(s);
  while (b.length > 0) {
    let n = b.length;
    if (n > PIPE_ATOMIC) {
      const nl = b.lastIndexOf(10, PIPE_ATOMIC - 1);
      n = nl >= 0 ? nl + 1 : PIPE_ATOMIC;
    }
    try {
      b = b.subarray(writeSync(2, b, 0, n));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}
/** POSIX PIPE_BUF on Linux. */
const PIPE_ATOMIC = 4096;

/** Runs M `d.id` until the server says exit. */
export function mstart(d: MWorkerData): void {
  const box = new Mailbox(d.sab, d.mbox, d.n);
  const id = d.id;
  try {
    mloop(d, box);
  } catch (e) {
    writeSync(2, `gort: worker M${id} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    Atomics.store(box.w, box.rec(id) + MB_READY, 1);
    box.call(id, OP_CRASH, 0, 0, 0, 0);
  }
}

function mloop(d: MWorkerData, box: Mailbox): void {
  const tLoop = performance.timeOrigin + performance.now();
  const mem = new LinearMemory({}, d.sab);
  const id = d.id;
  const yieldWord = box.rec(id) + MB_YIELD;
  const call = (op: number, a0: number, a1: number, a2: number, a3: number): number => {
    const r = box.call(id, op, a0, a1, a2, a3);
    mem.refresh(); // the server may have grown memory
    if (box.w[yieldWord] !== 0) {
      box.w[yieldWord] = 0;
      vm.preempt = true; // (mserverrun.ts: this M's goroutines go back to the server)
    }
    return r;
  };
  // The heap as the VM and the defer machinery see it: allocation and stack growth are the
  // server's (only `mem`, `mallocgc` and `stacks.newstack` are ever used on a worker).
  const cw = (d.cache + id * ALLOC_CACHE_BYTES) >>> 2;
  let lastTyp = -1;
  let lastSize = -1;
  const mallocgc = (size: number, typ: number, needzero: boolean): number => {
    const u32 = mem.u32;
    if (u32[cw] === typ && u32[cw + 1] === size) {
      const k = u32[cw + 3];
      if (k < u32[cw + 2]) {
        u32[cw + 3] = k + 1;
        return u32[cw + 4 + k];
      }
    }
    const same = typ === lastTyp && size === lastSize && size <= ALLOC_BATCH_MAX_SIZE && needzero;
    lastTyp = typ;
    lastSize = size;
    return call(OP_MALLOC, size, typ, needzero ? 1 : 0, same ? ALLOC_BATCH : 1) >>> 0;
  };
  const heap = {
    mem,
    mallocgc,
    stacks: {
      stackMaps: null as unknown,
      // locally from this M's stack cache when it can (mstackcache.ts), else the server's
      newstack: (g: number, size: number): void => {
        if (!growLocal(mem, (heap.stacks.stackMaps as StackMapSource | null) ?? null, d.stackCache + id * STACK_CACHE_BYTES, g, size)) call(OP_NEWSTACK, g, size, 0, 0);
      },
    },
  } as unknown as Heap;
  const tDecode = performance.timeOrigin + performance.now(); // (start-up figures: GORT_MTHREADS_STATS=1)
  const image = new LoadedImage(heap, d.image, d.layout);
  const tVM = performance.timeOrigin + performance.now();
  // While the barrier flag is on (a concurrent mark, mgcthreads.ts) a pointer store is a remote
  // call: the server shades the old and the new value, then stores, serialised with its marking.
  const barrier: BarrierHook = {
    writePointer(slot: number, ptr: number): void {
      if (mem.u32[WB_FLAG_ADDR >>> 2] !== 0) {
        call(OP_WB, slot, ptr, 0, 0);
        return;
      }
      const u32 = mem.u32;
      u32[slot >>> 2] = ptr;
      u32[(slot >>> 2) + 1] = 0;
    },
    typedmemmove(typ: number, dst: number, src: number): void {
      if (mem.u32[WB_FLAG_ADDR >>> 2] !== 0) {
        call(OP_TYPEDMOVE, typ, dst, src, 0);
        return;
      }
      if (dst !== src) mem.move(dst, src, mem.u32[(typ + TD_SIZE) >>> 2]);
    },
  };
  const exiting = box.w;
  const textAt = d.text + id * TEXT_AREA_BYTES;
  const utf8 = new TextEncoder();
  /** Hands printed text to the server (OP_PRINT), a text area's worth at a time. */
  const sendPrint = (s: string): void => {
    if (Atomics.load(exiting, MB_EXITING_WORD) !== 0) return;
    let b = utf8.encode(s);
    while (b.length > 0) {
      const n = Math.min(b.length, TEXT_AREA_BYTES);
      mem.u8.set(b.subarray(0, n), textAt);
      call(OP_PRINT, n, 0, 0, 0);
      b = b.subarray(n);
    }
  };
  /** Printed text after the last newline, not written yet. */
  let partial = "";
  const flushPartial = (): void => {
    if (partial.length === 0) return;
    sendPrint(partial);
    partial = "";
  };
  const vm = new VM(heap, image, {
    barrier,
    budget: d.budget,
    // print/println: through the server (OP_PRINT), which writes where the program's prints
    // go, serialised with every other M's and its own output. Whole lines only (the rest waits
    // for its newline or the M's next remote call): another M printing at the same time must
    // not split a line (Go's printlock keeps one print whole).
    write: (s: string) => {
      const t = partial + s;
      const j = t.lastIndexOf("\n");
      partial = j >= 0 ? t.slice(j + 1) : t;
      if (j >= 0) sendPrint(t.slice(0, j + 1));
    },
  });
  const rec = box.rec(id);
  /** The G this M runs (changes inside vm.run when parkHook switches). */
  let cur = 0;
  let serverParked = false;
  let parkNext = 0;
  /** The server already did the park's bookkeeping and had nothing else for this M. */
  let parkedIdle = false;
  const natives: NativeFn[] = [];
  const local = workerLocalNatives(mem, id, (depth) => void (box.w[rec + MB_PINNED] = depth)); // run here, not on the server (mthreadnatives.ts)
  const pure = workerPureNatives(); // likewise: pure functions of their arguments (mpurenatives.ts)
  const bridges: number[] = []; // reflect.callReflect* (see the native stub)
  d.image.funcs.forEach((f, i) => void (f.name.startsWith("reflect.callReflect") && bridges.push(i)));
  for (let i = 0; i < d.image.natives.length; i++) {
    const idx = i;
    const lf = local.get(d.image.natives[i]) ?? pure.get(d.image.natives[i]);
    if (lf !== undefined && !POINTER_STORE_NATIVES.has(d.image.natives[i])) {
      natives.push(lf);
      continue;
    }
    const remote: NativeFn = (v, g, args, res) => {
      v.flushPrint();
      flushPartial();
      const fp = mem.u32[(g + STK_FP) >>> 2];
      const pc = call(OP_NATIVE, idx, g, args - fp, res - fp);
      if (pc !== 0) {
        v.enterPc = pc;
        // The server's reflect bridge marks reflect.callReflect* FN_WRAPPER in linear memory
        // and in its JS image on its first MakeFunc call (reflectrt.ts markBridgeWrappers);
        // recover reads the JS flags (defer.ts): copy those functions' flags from memory.
        const fs = image.img.funcs;
        for (const f of bridges) fs[f].flags = mem.u32[image.funcTab + f * FT_WORDS + FT_FLAGS];
      }
      if (box.w[rec + MB_R0 + 2] !== 0) {
        // the server parked g and chose this M's next G (R3; 0 = none): see parkHook below
        serverParked = true;
        parkNext = box.w[rec + MB_R0 + 3] >>> 0;
      }
      const textLen = box.w[rec + 9];
      if (textLen !== 0) {
        // a PK_PLAIN panic: register the server's message at the server's index (G_PX)
        const at = d.text + id * TEXT_AREA_BYTES;
        PLAIN_ERRORS[Number(mem.i64[(g + G_PX) >>> 3])] = new TextDecoder().decode(mem.u8.slice(at, at + textLen - 1));
      }
    };
    // unsafe.Pointer stores: local while the barrier is off; while it is on, the server's native
    // shades the old and new pointer and stores (mgcthreads.ts: the shade must precede the store).
    natives.push(lf === undefined ? remote : (v, g, args, res) => (mem.u32[WB_FLAG_ADDR >>> 2] !== 0 ? remote : lf)(v, g, args, res));
  }
  vm.natives = natives;
  // After a native parked g, the VM saved g's pc/ctx and calls this: let go of g (the server
  // may hand it to another M from now on) and continue with the G the server chose, in the
  // loop, or return RUN_PARK (0) and then ask for work with SCHED(−1).
  vm.parkHook = (_g: number): number => {
    if (!serverParked) return 0;
    serverParked = false;
    Atomics.store(box.w, rec + MB_TRANSIT, 0);
    Atomics.add(box.w, 0, 1);
    Atomics.notify(box.w, 0);
    const n = parkNext;
    parkNext = 0;
    if (n === 0) parkedIdle = true;
    else cur = n;
    return n;
  };
  if (process.env.GORT_MTHREADS_STATS === "1") {
    // ms since the server spawned the thread: thread + isolate + module + workerData (until this
    // module's M loop began), image decode, VM built
    const t = performance.timeOrigin + performance.now();
    const t0 = d.spawnedAt;
    writeAll2(`mthreads: M${id} ready ${(t - t0).toFixed(0)} ms after spawn: thread+module ${(tLoop - t0).toFixed(0)} (isolate ${(performance.timeOrigin - t0).toFixed(0)}), image decode ${(tVM - tDecode).toFixed(0)}, VM ${(t - tVM).toFixed(0)}\n`);
  }
  Atomics.store(box.w, rec + MB_READY, 1);
  Atomics.add(box.w, 0, 1);
  Atomics.notify(box.w, 0);
  cur = box.awaitReply(id) >>> 0;
  mem.refresh();
  let jobs: JobMarker | null = null;
  const jobOut = [0, 0, 0, 0];
  for (;;) {
    const kind = box.w[rec + 9];
    if (kind === MARK_JOB) {
      // an idle mark worker's job (mgcidle.ts); the reply is the next job, a G, or exit
      jobs ??= new JobMarker(mem);
      jobs.run(box, rec, jobOut);
      cur = call(OP_MARKDONE, jobOut[0], jobOut[1], jobOut[2], jobOut[3]) >>> 0;
      continue;
    }
    if (kind === SWEEP_JOB) {
      // an idle sweep worker's job (mgcsweepjob.ts); the reply is the next job, a G, or exit
      cur = call(OP_SWEEPDONE, runSweepJob(mem, box, rec), 0, 0, 0) >>> 0;
      continue;
    }
    if (kind !== 0) break; // exit
    const gb = Atomics.load(box.w, MB_GC_BUDGET_WORD);
    vm.budget = gb !== 0 && gb < d.budget ? gb : d.budget;
    const r = vm.run(cur);
    box.w[rec + MB_PINNED] = 0; // (no pin outlives a slice: VM.resetPin)
    vm.flushPrint();
    if (r !== RUN_YIELD) flushPartial(); // (a budget end may fall inside a line)
    if (parkedIdle) {
      parkedIdle = false;
      cur = call(OP_SCHED, -1, 0, 0, 0) >>> 0;
    } else cur = call(OP_SCHED, r, cur, 0, 0) >>> 0;
  }
}

if (!isMainThread && (workerData as { gortMThread?: boolean } | null)?.gortMThread === true) mstart(workerData as MWorkerData);
