/**
 * interp.ts — gort's bytecode interpreter (the execution engine's first tier). No Go
 * counterpart (Go compiles to machine code); the structure follows Lua's luaV_execute: one
 * `switch` on dense integer opcodes inside `for (;;)`, pc and frame base in locals, state saved
 * to the G before anything that may park, collect, grow memory or fail.
 *
 * FRAMES live on the goroutine's stack in linear memory, exactly as stack.ts lays them out
 * (header link/funcId/pc/size, then 8-byte slots), so the GC scans them with the image's stack
 * maps and newstack can move them. Locals of the loop:
 *   pc   absolute word index of the current instruction (`i32[pc]`)
 *   fp   byte address of the current frame;  fb = (fp >>> 3) + 2 = i64 index of slot 0
 *   guard the G's stack guard (fp − frameSize must stay ≥ guard)
 *   budget safe-point counter, decremented on taken backward branches and calls; at 0 the loop
 *        saves state and returns YIELD so the scheduler can preempt, poll the GC or switch Gs
 *
 * 64-BIT INTEGERS: every int/uint/int64/uint64 (and every narrower integer, kept sign- or
 * zero-extended) is a 64-bit slot. Arithmetic, bitwise ops and comparisons go through the
 * BigInt64Array / BigUint64Array views of the slot: V8 compiles `i64[a] = i64[b] + i64[c]` on
 * typed-array elements to machine ops with wraparound and no allocation (measured 1.3–2.3 ns
 * for add/mul/xor, reference/vm-measurements.md §2), while int32 pairs in slots cost 2.7–8.3 ns
 * and "doubles with a slow path" 13–60 ns. The int32 halves of the same slot (`i32[(fb+a)<<1]`,
 * low word first) serve what BigInt does badly: indexes and addresses, shifts by a variable
 * amount (24–42 ns as BigInt), int↔float conversions (`Number(bigint)` 14–22 ns) and
 * immediates (`BigInt(i)` 17–29 ns), and fused compare-and-branch (JLT, JLTI, …: two int32
 * compares, no BigInt value formed). No BigInt value is ever created from a JS number on the
 * hot path. Division and remainder use BigInt `/` and `%` (5.5–7 ns), whose truncation matches
 * Go's; MinInt64 / −1 wraps on the store as Go's does.
 *
 * CALLS: `CALL f, B, C` checks that the callee's frame fits (the function-entry stack check; on
 * failure: save state, stack.ts newstack — which copies the stack and adjusts pointers through
 * the stack maps — then reload fp and views and continue), copies nparams argument slots, zeroes
 * [nparams, zeroEnd), writes the header and saves the return pc in the caller's FR_PC. RET
 * copies the result slots back to the caller's C (read from the call instruction's last word).
 * A closure is a heap object whose first word is the function index (CALLI); the closure address
 * is the context register read by GETCTX. Natives (bodyless Go functions implemented in
 * TypeScript) are called with the argument and result slot addresses.
 *
 * SECOND TIER: nothing here rules out compiling hot functions to JavaScript: frames, the calling
 * convention and the saved-pc rule are plain data in linear memory, so a compiled function can
 * push/pop the same frames and hand a frame back to the interpreter at any safe point.
 *
 * FILE SIZE: ~1,570 lines, over the style guide's 1,500: the dispatch loop must be one function
 * (one `switch`), and splitting the class from its loop would only scatter the invariants above.
 *
 * Rejected: closure-per-instruction dispatch (1.25–2.7× slower here); views passed as
 * parameters (12–23 % slower than locals/captured); doubles for int64 (exact only to 2^53);
 * Atomics on the dispatch path (2.3–3.2×); length-tracking views (~20 ns per access).
 */

import { DEBUG, assert } from "../debug.js";
import type { Heap } from "../malloc.js";
import type { LinearMemory } from "../mem.js";
import { HG_GC_RESERVED } from "../mheap.js";
import { FR_FUNC, FR_LINK, FR_PC, FR_SIZE, STK_FP, STK_GUARD, STK_HI } from "../stack.js";
import { Op } from "../image/opcodes.js";
import { FN_NATIVE } from "../image/format.js";
import { FT_ENTRY, FT_FLAGS, FT_FRAMESIZE, FT_NATIVE, FT_NPARAMS, FT_NRESULTS, FT_WORDS, FT_ZEROEND, type LoadedImage } from "./loader.js";
import { G_BYTES, G_CTX, G_GOID, G_PC, G_PKIND, G_PVAL, G_PX, G_PY, G_STATUS, GDEAD, GRUNNABLE, GRUNNING } from "./g.js";
import { BC_INDEX, BC_UNSIGNED, PK_BOUNDS, PK_DIVIDE, PK_NIL, PK_NONE, PK_SHIFT, PK_VALUE } from "./panic.js";
import { formatFloat } from "./print.js";
import { DeferTables, RUN_CONTINUE, deferNext, gorecover, startPanic } from "./defer.js";
import { ST_OTHER_SYS } from "../mstats.js";

/**
 * Layout constants the loop uses, as a const enum so tsc inlines literals: imported bindings
 * compile to module-variable loads with hole checks on every use, which TurboFan does not fold
 * in a method. Checked against their defining modules once at load (below the class).
 */
const enum K {
  FR_LINK = 0,
  FR_FUNC = 4,
  FR_PC = 8,
  FR_SIZE = 12,
  STK_FP = 8,
  STK_GUARD = 12,
  STK_HI = 4,
  FT_ENTRY = 0,
  FT_FRAMESIZE = 1,
  FT_NPARAMS = 2,
  FT_NRESULTS = 3,
  FT_ZEROEND = 4,
  FT_FLAGS = 5,
  FT_NATIVE = 6,
  FT_WORDS = 8,
  G_PC = 16,
  G_STATUS = 20,
  G_CTX = 28,
  G_PKIND = 44,
  G_PVAL = 64,
  GRUNNABLE = 1,
  GRUNNING = 2,
  GDEAD = 6,
  FN_NATIVE = 4,
  PK_NONE = 0,
  PK_VALUE = 1,
  PK_DIVIDE = 2,
  PK_NIL = 3,
  PK_SHIFT = 4,
  PK_BOUNDS = 16,
  BC_INDEX = 0,
}

/** run() results. */
export const RUN_EXIT = 0; // the goroutine's outermost function returned (or HALT)
export const RUN_YIELD = 1; // budget exhausted at a safe point: scheduler decides, then run() again
export const RUN_PANIC = 2; // a panic reached the top of the goroutine (G_PKIND… describe it)
/**
 * A native changed g's status away from running (parked it, or made it runnable/dead: Gosched,
 * Goexit). G_PC is the native call instruction itself: when the scheduler runs g again the call
 * executes again, and the native tells the resumption from a first call by g's own state
 * (proc.ts G_PARKSTATE) — the counterpart of Go's code after gopark returns.
 */
export const RUN_PARK = 3;

/** Word mirrored by the collector: nonzero while the write barrier is on (mgc.ts HG_WB_ENABLED). */
export const WB_FLAG_ADDR = HG_GC_RESERVED + 0;

/** Smallest address that can be dereferenced (the nil guard page). */
const NIL_LIMIT = 4096;

/**
 * Safe-point budget per run() slice: taken back-branches and calls before the loop returns
 * RUN_YIELD. Trade-off: each return costs a scheduler round trip (~0.1–1 µs) and re-entry; too
 * large delays preemption and GC polls. 2^16 decrements is ≈ 0.1–1 ms of interpretation, far
 * under sysmon's 10 ms preemption period; re-entering also keeps the loop out of OSR code.
 */
export const DEFAULT_BUDGET = 1 << 16;

/** A bodyless Go function implemented by the runtime. `args`/`res` are slot byte addresses. */
export type NativeFn = (vm: VM, g: number, args: number, res: number) => void;

/** Write-barrier slow path (mbarrier.ts WriteBarrier.writePointer). */
export interface BarrierHook {
  writePointer(slot: number, ptr: number): void;
  typedmemmove(typ: number, dst: number, src: number): void;
}

export interface VMOptions {
  budget?: number;
  natives?: NativeFn[];
  barrier?: BarrierHook | null;
  /** Where print/println output goes (stderr in gort run). */
  write?: (s: string) => void;
}

export class VM {
  readonly heap: Heap;
  readonly mem: LinearMemory;
  readonly image: LoadedImage;
  /** Natives in image order (LoadedImage.bindNatives). */
  natives: NativeFn[];
  /** Write barrier (null: stores are plain; only valid while no GC runs). */
  barrier: BarrierHook | null;
  budget: number;
  /**
   * Set (by a worker M's remote calls, mworker.ts) to end the current slice at the next safe
   * point: checked after natives and allocations only, never on the instruction fast path.
   */
  preempt = false;
  /**
   * sync's runtime_procPin depth (Go's m.locks): while > 0 the goroutine keeps this thread and
   * its P. No budget end yields: the pin native raises `preempt`, and the loop's check after the
   * native puts the slice's budget aside (`budgetAfterPreempt`); unpin gives it back. A
   * preemption asked for meanwhile waits for the unpin. Without this, a goroutine yielding
   * between sync.Pool's pin and its take of the P's private item let another goroutine on the
   * same P take the same item.
   */
  pinned = 0;
  /** The slice's budget while pinned (−1: not pinned), and whether a preemption waits for the unpin. */
  private pinSaved = -1;
  private pinDeferred = false;
  write: (s: string) => void;
  /**
   * Scheduler hook (proc.ts): called when a native parked g (state saved, G_PC = the call).
   * Returns the next G to run inside the same run() call — it inherits the remaining budget —
   * or 0 to return RUN_PARK. Must not grow memory. run()'s caller learns the G that was running
   * when run() returned from its own bookkeeping (proc.ts Sched.curg).
   */
  parkHook: ((g: number) => number) | null;
  /** Unsigned 64-bit view (LinearMemory has none); re-created with the others on growth. */
  u64: BigUint64Array;
  private u64Epoch: number;
  /** Pending print output (flushed on newline and at the end of run). */
  private printBuf: string;
  private nextGoid: number;
  /** Defer machinery tables (defer.ts), built on the first panic; null until then. */
  deferTables: DeferTables | null;
  /** The G to continue with after a RUN_CONTINUE from gopanic/DEFERNEXT (defer.ts). */
  contG: number;
  /**
   * Set (nonzero) by a native called through CALLI that pushed a frame of a bytecode function
   * (reflectrt.ts makeFuncTramp, reflect.MakeFunc): the pc of that function's entry, where the
   * loop continues instead of after the call; the loop clears it. 0 otherwise.
   */
  enterPc: number;

  constructor(heap: Heap, image: LoadedImage, opts: VMOptions = {}) {
    this.heap = heap;
    this.mem = heap.mem;
    this.image = image;
    this.natives = opts.natives ?? [];
    this.barrier = opts.barrier ?? null;
    this.budget = opts.budget ?? DEFAULT_BUDGET;
    this.write = opts.write ?? ((s: string) => void process.stderr.write(s));
    this.u64 = new BigUint64Array(this.mem.sab, 0, this.mem.byteLength >>> 3);
    this.u64Epoch = this.mem.epoch;
    this.printBuf = "";
    this.nextGoid = 1;
    this.parkHook = null;
    this.deferTables = null;
    this.contG = 0;
    this.enterPc = 0;
    heap.stacks.stackMaps = image;
    this.run = makeRunLoop(this);
  }

  /** Allocates a G record with a fresh stack (stackSize bytes, default the starting size). */
  newG(stackSize?: number): number {
    const g = this.heap.mheap.persistentAlloc(G_BYTES, 8, ST_OTHER_SYS); // the scheduler will own G allocation
    this.heap.stacks.initStack(g, stackSize);
    const u32 = this.mem.u32;
    u32[(g + G_GOID) >>> 2] = this.nextGoid++;
    u32[(g + G_STATUS) >>> 2] = GRUNNABLE;
    return g;
  }

  /**
   * Pushes the outermost frame of `funcId` on g's stack with the given argument slot values
   * (bit patterns) so that run(g) starts it. Returns the frame address.
   */
  start(g: number, funcId: number, args: readonly bigint[] = []): number {
    const img = this.image;
    const mem = this.mem;
    const ft = img.funcTab + funcId * FT_WORDS;
    const size = mem.u32[ft + FT_FRAMESIZE];
    const fp = this.heap.stacks.pushFrame(g, funcId, 0, size);
    for (let i = 0; i < args.length; i++) mem.i64[(fp >>> 3) + 2 + i] = BigInt.asIntN(64, args[i]);
    const u32 = mem.u32;
    u32[(g + G_PC) >>> 2] = u32[ft + FT_ENTRY];
    u32[(g + G_CTX) >>> 2] = 0;
    return fp;
  }

  /**
   * Result slot i of g's outermost frame after run returned RUN_EXIT (tests, the scheduler's
   * exit path). The frame may have moved with the stack, so it is found through the G.
   */
  result(g: number, i: number): bigint {
    const u32 = this.mem.u32;
    const fp = u32[(g + STK_FP) >>> 2];
    const np = u32[this.image.funcTab + u32[(fp + FR_FUNC) >>> 2] * FT_WORDS + FT_NPARAMS];
    return this.mem.i64[(fp >>> 3) + 2 + np + i];
  }

  /** @internal */ refreshU64(): BigUint64Array {
    if (this.u64Epoch !== this.mem.epoch) {
      this.u64 = new BigUint64Array(this.mem.sab, 0, this.mem.byteLength >>> 3);
      this.u64Epoch = this.mem.epoch;
    }
    return this.u64;
  }

  /** Buffered builtin print output; flushed at newlines and when run() returns. */
  /** @internal */ print(s: string): void {
    this.printBuf += s;
    if (this.printBuf.length > 4096) this.flushPrint();
  }

  flushPrint(): void {
    if (this.printBuf.length > 0) {
      this.write(this.printBuf);
      this.printBuf = "";
    }
  }

  /** Records a runtime-error panic on g (state only; the loop then returns RUN_PANIC). */
  /** @internal */ setPanic(g: number, kind: number, x: bigint, y: bigint): void {
    const mem = this.mem;
    mem.u32[(g + G_PKIND) >>> 2] = kind;
    mem.i64[(g + G_PX) >>> 3] = x;
    mem.i64[(g + G_PY) >>> 3] = y;
  }

  /**
   * gopanic: a panic (or Goexit) recorded in g's G_PKIND… fields starts; the panicking frame's
   * state is saved. Pushes a runtime.gopanic frame that runs the deferred calls (defer.ts) and
   * returns RUN_CONTINUE (the run wrapper re-enters the loop with the G's saved state), or ends
   * the slice (RUN_PANIC with the stack intact for the traceback; RUN_PARK for Goexit) when the
   * image has no defers at all.
   */
  /** @internal */ gopanic(g: number): number {
    const r = startPanic(this, g, RUN_PANIC, RUN_PARK);
    if (r !== RUN_CONTINUE) this.flushPrint();
    return r;
  }

  /** int64 → float32 correctly rounded for |x| ≥ 2^53 (round to odd into 53 bits, then fround). */
  static i64ToF32Slow(x: bigint): number {
    const neg = x < 0n;
    let m = neg ? -x : x;
    let k = 0n;
    while (m >= 1n << 53n) {
      m = (m >> 1n) | (m & 1n);
      k++;
    }
    const r = Math.fround(Number(m) * 2 ** Number(k));
    return neg ? -r : r;
  }

  /**
   * Runs goroutine g from its saved state until it exits, panics to the top, or spends its
   * budget. Precondition: g was prepared by start() or returned RUN_YIELD last time. The loop
   * itself is a closure made once per VM (makeRunLoop): see there for why.
   */
  readonly run: (g: number) => number;

  /**
   * Runs g to completion, handing each exhausted budget back to `onYield` (the scheduler's
   * seat: GC polls, preemption). Returns RUN_EXIT or RUN_PANIC.
   */
  runToEnd(g: number, onYield?: () => void): number {
    for (;;) {
      const r = this.run(g);
      if (r !== RUN_YIELD) return r;
      if (onYield !== undefined) onYield();
    }
  }

  /**
   * The loop saw `preempt` after a native or an allocation: the budget it goes on with. A pin
   * (procPin's first level) sets the slice's budget aside and runs without budget ends; the
   * unpin restores it, or ends the slice at the next safe point if a preemption was asked for
   * while pinned; otherwise a plain request ends the slice at the next safe point.
   */
  budgetAfterPreempt(budget: number): number {
    if (this.pinned > 0) {
      if (this.pinSaved < 0) {
        this.pinSaved = budget;
        return PINNED_BUDGET;
      }
      this.pinDeferred = true;
      return budget;
    }
    if (this.pinSaved >= 0) {
      const b = this.pinDeferred ? 1 : Math.max(1, this.pinSaved);
      this.pinSaved = -1;
      this.pinDeferred = false;
      return b;
    }
    return 1;
  }

  /** procPin (sync, sync/atomic): the goroutine stays on this thread and P until `unpin`. */
  pin(): void {
    if (this.pinned++ === 0) this.preempt = true;
  }

  unpin(): void {
    if (this.pinned > 0 && --this.pinned === 0) this.preempt = true;
  }

  /** A new slice: a pin never outlives one (pinned code neither parks nor yields). */
  resetPin(): void {
    this.pinned = 0;
    this.pinSaved = -1;
    this.pinDeferred = false;
  }

  /** Stack bounds of g (tests). */
  stackSize(g: number): number {
    const u32 = this.mem.u32;
    return u32[(g + STK_HI) >>> 2] - u32[g >>> 2];
  }
}

/**
 * Makes VM vm's interpreter loop. Why a closure made once per VM and not a method: TurboFan
 * specialises a function to its context when only one closure of it exists, so the `const`
 * views and tables captured here become constants in the optimised code (typed-array base and
 * length folded into each access): measured ~30 % faster dispatch than reading them from
 * `this` (vm/HACKING.md "Performance notes"). After the first memory growth the loop starts
 * from the current views instead (a real phi: the method-like speed, still correct). A process
 * normally has one VM per thread; tests that create many VMs simply run unspecialised.
 */
function makeRunLoop(vm: VM): (g: number) => number {
  const mem = vm.mem;
  const img = vm.image;
  const heap = vm.heap;
  const ftab = img.funcTab;
  const kb = img.constsBase;
  const tt = img.typeTab;
  const epoch0 = mem.epoch;
  const u8c = mem.u8;
  const u16c = mem.u16;
  const i32c = mem.i32;
  const u32c = mem.u32;
  const f32c = mem.f32;
  const f64c = mem.f64;
  const i64c = mem.i64;
  const u64c = vm.refreshU64();
  /**
   * The loop proper. A panic that has deferred calls to run returns RUN_CONTINUE after
   * setting up a runtime.gopanic frame in the G's saved state (defer.ts); the wrapper below
   * re-enters with it, so a panic never nests JavaScript calls.
   */
  const loop = function run(g: number): number {
    let u8 = u8c;
    let u16 = u16c;
    let i32 = i32c;
    let u32 = u32c;
    let f32 = f32c;
    let f64 = f64c;
    let i64 = i64c;
    let u64 = u64c;
    if (mem.epoch !== epoch0) {
      // Memory grew since the loop was made: use the current views (a real phi from now on).
      u8 = mem.u8;
      u16 = mem.u16;
      i32 = mem.i32;
      u32 = mem.u32;
      f32 = mem.f32;
      f64 = mem.f64;
      i64 = mem.i64;
      u64 = vm.refreshU64();
    }
    let fp = u32[(g + K.STK_FP) >>> 2];
    let pc = u32[(g + K.G_PC) >>> 2];
    let guard = u32[(g + K.STK_GUARD) >>> 2];
    let ctx = u32[(g + K.G_CTX) >>> 2];
    let fb = (fp >>> 3) + 2;
    let budget = vm.budget;
    u32[(g + K.G_STATUS) >>> 2] = K.GRUNNING;

    for (;;) {
      const w = i32[pc];
      const a = w >>> 8;
      switch (w & 255) {
        case Op.NOP:
          pc += 1;
          break;

        // ── control ──
        case Op.JMP: {
          const off = i32[pc + 1];
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }
        case Op.JT: {
          const off = i32[(fb + a) << 1] !== 0 ? i32[pc + 1] : 2;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }
        case Op.JF: {
          const off = i32[(fb + a) << 1] === 0 ? i32[pc + 1] : 2;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }
        case Op.JEQ: {
          // int32 halves: cheaper than a BigInt compare in this V8 (no BigInt value is formed).
          const x = (fb + a) << 1;
          const y = (fb + i32[pc + 1]) << 1;
          const off = i32[x] === i32[y] && i32[x + 1] === i32[y + 1] ? i32[pc + 2] : 3;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }
        case Op.JNE: {
          // int32 halves: cheaper than a BigInt compare in this V8 (no BigInt value is formed).
          const x = (fb + a) << 1;
          const y = (fb + i32[pc + 1]) << 1;
          const off = i32[x] !== i32[y] || i32[x + 1] !== i32[y + 1] ? i32[pc + 2] : 3;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }
        case Op.JLT: {
          // int32 halves: cheaper than a BigInt compare in this V8 (no BigInt value is formed).
          const x = (fb + a) << 1;
          const y = (fb + i32[pc + 1]) << 1;
          const off = i32[x + 1] < i32[y + 1] || (i32[x + 1] === i32[y + 1] && i32[x] >>> 0 < i32[y] >>> 0) ? i32[pc + 2] : 3;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }
        case Op.JLE: {
          // int32 halves: cheaper than a BigInt compare in this V8 (no BigInt value is formed).
          const x = (fb + a) << 1;
          const y = (fb + i32[pc + 1]) << 1;
          const off = i32[x + 1] < i32[y + 1] || (i32[x + 1] === i32[y + 1] && i32[x] >>> 0 <= i32[y] >>> 0) ? i32[pc + 2] : 3;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }
        case Op.JLTU: {
          // int32 halves: cheaper than a BigInt compare in this V8 (no BigInt value is formed).
          const x = (fb + a) << 1;
          const y = (fb + i32[pc + 1]) << 1;
          const off = i32[x + 1] >>> 0 < i32[y + 1] >>> 0 || (i32[x + 1] === i32[y + 1] && i32[x] >>> 0 < i32[y] >>> 0) ? i32[pc + 2] : 3;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }
        case Op.JLEU: {
          // int32 halves: cheaper than a BigInt compare in this V8 (no BigInt value is formed).
          const x = (fb + a) << 1;
          const y = (fb + i32[pc + 1]) << 1;
          const off = i32[x + 1] >>> 0 < i32[y + 1] >>> 0 || (i32[x + 1] === i32[y + 1] && i32[x] >>> 0 <= i32[y] >>> 0) ? i32[pc + 2] : 3;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }

        case Op.JEQI: {
          const x = (fb + a) << 1;
          const lo = i32[x];
          const hi = i32[x + 1];
          const imm = i32[pc + 1];
          const off = lo === imm && hi === imm >> 31 ? i32[pc + 2] : 3;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }
        case Op.JNEI: {
          const x = (fb + a) << 1;
          const lo = i32[x];
          const hi = i32[x + 1];
          const imm = i32[pc + 1];
          const off = lo !== imm || hi !== imm >> 31 ? i32[pc + 2] : 3;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }
        case Op.JLTI: {
          const x = (fb + a) << 1;
          const lo = i32[x];
          const hi = i32[x + 1];
          const imm = i32[pc + 1];
          const off = hi < imm >> 31 || (hi === imm >> 31 && lo >>> 0 < imm >>> 0) ? i32[pc + 2] : 3;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }
        case Op.JLEI: {
          const x = (fb + a) << 1;
          const lo = i32[x];
          const hi = i32[x + 1];
          const imm = i32[pc + 1];
          const off = hi < imm >> 31 || (hi === imm >> 31 && lo >>> 0 <= imm >>> 0) ? i32[pc + 2] : 3;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }
        case Op.JGTI: {
          const x = (fb + a) << 1;
          const lo = i32[x];
          const hi = i32[x + 1];
          const imm = i32[pc + 1];
          const off = hi > imm >> 31 || (hi === imm >> 31 && lo >>> 0 > imm >>> 0) ? i32[pc + 2] : 3;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }
        case Op.JGEI: {
          const x = (fb + a) << 1;
          const lo = i32[x];
          const hi = i32[x + 1];
          const imm = i32[pc + 1];
          const off = hi > imm >> 31 || (hi === imm >> 31 && lo >>> 0 >= imm >>> 0) ? i32[pc + 2] : 3;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }

        case Op.CALL: {
          const ft = ftab + a * K.FT_WORDS;
          if ((u32[ft + K.FT_FLAGS] & K.FN_NATIVE) !== 0) {
            // CALL of a bodyless function: forward to its native.
            u32[(fp + K.FR_PC) >>> 2] = pc + 3;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            vm.natives[u32[ft + K.FT_NATIVE]](vm, g, (fb + i32[pc + 1]) << 3, (fb + i32[pc + 2]) << 3);
            if (vm.preempt) {
              vm.preempt = false;
              budget = vm.budgetAfterPreempt(budget); // (as CALLN: procPin, an M's MB_YIELD)
            }
            u8 = mem.u8;
            u16 = mem.u16;
            i32 = mem.i32;
            u32 = mem.u32;
            f32 = mem.f32;
            f64 = mem.f64;
            i64 = mem.i64;
            u64 = vm.refreshU64();
            fp = u32[(g + K.STK_FP) >>> 2];
            fb = (fp >>> 3) + 2;
            guard = u32[(g + K.STK_GUARD) >>> 2];
            if (u32[(g + K.G_PKIND) >>> 2] !== K.PK_NONE) return vm.gopanic(g);
            if (u32[(g + K.G_STATUS) >>> 2] !== K.GRUNNING) {
              // The native parked g (proc.ts gopark): resume by re-executing this call.
              u32[(g + K.G_PC) >>> 2] = pc;
              u32[(g + K.G_CTX) >>> 2] = ctx;
              const ng = vm.parkHook === null ? 0 : vm.parkHook(g);
              if (ng === 0) {
                vm.flushPrint();
                return RUN_PARK;
              }
              // Switch goroutines without leaving the loop; ng inherits the remaining budget.
              g = ng;
              fp = u32[(g + K.STK_FP) >>> 2];
              fb = (fp >>> 3) + 2;
              pc = u32[(g + K.G_PC) >>> 2];
              guard = u32[(g + K.STK_GUARD) >>> 2];
              ctx = u32[(g + K.G_CTX) >>> 2];
              u32[(g + K.G_STATUS) >>> 2] = K.GRUNNING;
              break;
            }
            pc += 3;
            break;
          }
          const size = u32[ft + K.FT_FRAMESIZE];
          let nfp = fp - size;
          u32[(fp + K.FR_PC) >>> 2] = pc + 3;
          if (nfp < guard) {
            // Function-entry stack check failed: morestack → newstack (copies the stack,
            // adjusting pointers through the stack maps), then retry with the moved frame.
            u32[(g + K.STK_FP) >>> 2] = fp;
            heap.stacks.newstack(g, size);
            u8 = mem.u8;
            u16 = mem.u16;
            i32 = mem.i32;
            u32 = mem.u32;
            f32 = mem.f32;
            f64 = mem.f64;
            i64 = mem.i64;
            u64 = vm.refreshU64();
            fp = u32[(g + K.STK_FP) >>> 2];
            fb = (fp >>> 3) + 2;
            guard = u32[(g + K.STK_GUARD) >>> 2];
            nfp = fp - size;
          }
          // Arguments: slot copies as int32 pairs (bit-exact, no BigInt or NaN canonicalisation).
          const np = u32[ft + K.FT_NPARAMS];
          let d = (nfp + 16) >>> 2;
          let s = (fb + i32[pc + 1]) << 1;
          for (let i = 0; i < np; i++) {
            i32[d] = i32[s];
            i32[d + 1] = i32[s + 1];
            d += 2;
            s += 2;
          }
          const ze = ((nfp + 16) >>> 3) + u32[ft + K.FT_ZEROEND];
          for (let i = ((nfp + 16) >>> 3) + np; i < ze; i++) f64[i] = 0;
          const h = nfp >>> 2;
          u32[h] = fp; // FR_LINK
          u32[h + 1] = a; // FR_FUNC
          u32[h + 3] = size; // FR_SIZE
          fp = nfp;
          fb = (fp >>> 3) + 2;
          pc = u32[ft + K.FT_ENTRY];
          if (--budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }

        case Op.CALLI: {
          const clo = u32[(fb + a) << 1];
          if (clo < NIL_LIMIT) {
            u32[(fp + K.FR_PC) >>> 2] = pc + 3;
            u32[(g + K.STK_FP) >>> 2] = fp;
            vm.setPanic(g, K.PK_NIL, BigInt(clo), BigInt(pc));
            return vm.gopanic(g);
          }
          ctx = clo;
          const fn = u32[clo >>> 2];
          const ft = ftab + fn * K.FT_WORDS;
          if ((u32[ft + K.FT_FLAGS] & K.FN_NATIVE) !== 0) {
            // CALL of a bodyless function: forward to its native.
            u32[(fp + K.FR_PC) >>> 2] = pc + 3;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            vm.natives[u32[ft + K.FT_NATIVE]](vm, g, (fb + i32[pc + 1]) << 3, (fb + i32[pc + 2]) << 3);
            if (vm.preempt) {
              vm.preempt = false;
              budget = vm.budgetAfterPreempt(budget); // (as CALLN: procPin, an M's MB_YIELD)
            }
            u8 = mem.u8;
            u16 = mem.u16;
            i32 = mem.i32;
            u32 = mem.u32;
            f32 = mem.f32;
            f64 = mem.f64;
            i64 = mem.i64;
            u64 = vm.refreshU64();
            fp = u32[(g + K.STK_FP) >>> 2];
            fb = (fp >>> 3) + 2;
            guard = u32[(g + K.STK_GUARD) >>> 2];
            if (u32[(g + K.G_PKIND) >>> 2] !== K.PK_NONE) return vm.gopanic(g);
            if (u32[(g + K.G_STATUS) >>> 2] !== K.GRUNNING) {
              // The native parked g (proc.ts gopark): resume by re-executing this call.
              u32[(g + K.G_PC) >>> 2] = pc;
              u32[(g + K.G_CTX) >>> 2] = ctx;
              const ng = vm.parkHook === null ? 0 : vm.parkHook(g);
              if (ng === 0) {
                vm.flushPrint();
                return RUN_PARK;
              }
              // Switch goroutines without leaving the loop; ng inherits the remaining budget.
              g = ng;
              fp = u32[(g + K.STK_FP) >>> 2];
              fb = (fp >>> 3) + 2;
              pc = u32[(g + K.G_PC) >>> 2];
              guard = u32[(g + K.STK_GUARD) >>> 2];
              ctx = u32[(g + K.G_CTX) >>> 2];
              u32[(g + K.G_STATUS) >>> 2] = K.GRUNNING;
              break;
            }
            if (vm.enterPc !== 0) {
              // the native pushed a bytecode frame (reflect.MakeFunc): continue at its entry
              pc = vm.enterPc;
              vm.enterPc = 0;
              ctx = 0;
              break;
            }
            pc += 3;
            break;
          }
          const size = u32[ft + K.FT_FRAMESIZE];
          let nfp = fp - size;
          u32[(fp + K.FR_PC) >>> 2] = pc + 3;
          if (nfp < guard) {
            // Function-entry stack check failed: morestack → newstack (copies the stack,
            // adjusting pointers through the stack maps), then retry with the moved frame.
            u32[(g + K.STK_FP) >>> 2] = fp;
            heap.stacks.newstack(g, size);
            u8 = mem.u8;
            u16 = mem.u16;
            i32 = mem.i32;
            u32 = mem.u32;
            f32 = mem.f32;
            f64 = mem.f64;
            i64 = mem.i64;
            u64 = vm.refreshU64();
            fp = u32[(g + K.STK_FP) >>> 2];
            fb = (fp >>> 3) + 2;
            guard = u32[(g + K.STK_GUARD) >>> 2];
            nfp = fp - size;
            // the closure may live in the moved stack (defer records, defer.ts): re-read it
            ctx = u32[(fb + a) << 1];
          }
          // Arguments: slot copies as int32 pairs (bit-exact, no BigInt or NaN canonicalisation).
          const np = u32[ft + K.FT_NPARAMS];
          let d = (nfp + 16) >>> 2;
          let s = (fb + i32[pc + 1]) << 1;
          for (let i = 0; i < np; i++) {
            i32[d] = i32[s];
            i32[d + 1] = i32[s + 1];
            d += 2;
            s += 2;
          }
          const ze = ((nfp + 16) >>> 3) + u32[ft + K.FT_ZEROEND];
          for (let i = ((nfp + 16) >>> 3) + np; i < ze; i++) f64[i] = 0;
          const h = nfp >>> 2;
          u32[h] = fp; // FR_LINK
          u32[h + 1] = fn; // FR_FUNC
          u32[h + 3] = size; // FR_SIZE
          fp = nfp;
          fb = (fp >>> 3) + 2;
          pc = u32[ft + K.FT_ENTRY];
          if (--budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }

        case Op.CALLN: {
          // Native: state saved (it may allocate, park or panic), views reloaded after.
          u32[(fp + K.FR_PC) >>> 2] = pc + 3;
          u32[(g + K.STK_FP) >>> 2] = fp;
          u32[(g + K.G_CTX) >>> 2] = ctx;
          vm.natives[a](vm, g, (fb + i32[pc + 1]) << 3, (fb + i32[pc + 2]) << 3);
          if (vm.preempt) {
            vm.preempt = false;
            budget = vm.budgetAfterPreempt(budget); // (1: the next safe point yields; procPin)
          }
          u8 = mem.u8;
          u16 = mem.u16;
          i32 = mem.i32;
          u32 = mem.u32;
          f32 = mem.f32;
          f64 = mem.f64;
          i64 = mem.i64;
          u64 = vm.refreshU64();
          fp = u32[(g + K.STK_FP) >>> 2];
          fb = (fp >>> 3) + 2;
          guard = u32[(g + K.STK_GUARD) >>> 2];
          if (u32[(g + K.G_PKIND) >>> 2] !== K.PK_NONE) return vm.gopanic(g);
          if (u32[(g + K.G_STATUS) >>> 2] !== K.GRUNNING) {
            // The native parked g (proc.ts gopark): resume by re-executing this call.
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            const ng = vm.parkHook === null ? 0 : vm.parkHook(g);
            if (ng === 0) {
              vm.flushPrint();
              return RUN_PARK;
            }
            // Switch goroutines without leaving the loop; ng inherits the remaining budget.
            g = ng;
            fp = u32[(g + K.STK_FP) >>> 2];
            fb = (fp >>> 3) + 2;
            pc = u32[(g + K.G_PC) >>> 2];
            guard = u32[(g + K.STK_GUARD) >>> 2];
            ctx = u32[(g + K.G_CTX) >>> 2];
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNING;
            break;
          }
          pc += 3;
          break;
        }

        case Op.RET: {
          const link = u32[(fp + K.FR_LINK) >>> 2];
          if (link === 0) {
            // Outermost frame: the goroutine is done; its frame stays for the caller to read.
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_STATUS) >>> 2] = K.GDEAD;
            vm.flushPrint();
            return RUN_EXIT;
          }
          const ft = ftab + u32[(fp + K.FR_FUNC) >>> 2] * K.FT_WORDS;
          const nr = u32[ft + K.FT_NRESULTS];
          pc = u32[(link + K.FR_PC) >>> 2];
          if (nr !== 0) {
            let s = (fb + u32[ft + K.FT_NPARAMS]) << 1;
            let d = (((link >>> 3) + 2 + i32[pc - 1]) << 1) >>> 0;
            for (let i = 0; i < nr; i++) {
              i32[d] = i32[s];
              i32[d + 1] = i32[s + 1];
              d += 2;
              s += 2;
            }
          }
          fp = link;
          fb = (fp >>> 3) + 2;
          break;
        }

        case Op.GETCTX: {
          const d = (fb + a) << 1;
          i32[d] = ctx;
          i32[d + 1] = 0;
          pc += 1;
          break;
        }

        case Op.PANIC: {
          const s = (fb + a) << 1;
          u32[(g + K.G_PVAL) >>> 2] = u32[s];
          u32[(g + K.G_PVAL + 4) >>> 2] = u32[s + 2];
          u32[(g + K.G_PKIND) >>> 2] = K.PK_VALUE;
          u32[(fp + K.FR_PC) >>> 2] = pc + 1;
          u32[(g + K.STK_FP) >>> 2] = fp;
          return vm.gopanic(g);
        }

        case Op.HALT:
          u32[(g + K.STK_FP) >>> 2] = fp;
          u32[(g + K.G_PC) >>> 2] = pc;
          u32[(g + K.G_STATUS) >>> 2] = K.GDEAD;
          vm.flushPrint();
          return RUN_EXIT;

        // ── moves and constants ──
        case Op.MOV: {
          const d = (fb + a) << 1;
          const s = (fb + i32[pc + 1]) << 1;
          i32[d] = i32[s];
          i32[d + 1] = i32[s + 1];
          pc += 2;
          break;
        }
        case Op.MOVN: {
          let d = (fb + a) << 1;
          let s = (fb + i32[pc + 1]) << 1;
          const n = i32[pc + 2];
          if (d <= s) {
            for (let i = 0; i < n; i++) {
              i32[d] = i32[s];
              i32[d + 1] = i32[s + 1];
              d += 2;
              s += 2;
            }
          } else {
            d += 2 * n;
            s += 2 * n;
            for (let i = 0; i < n; i++) {
              d -= 2;
              s -= 2;
              i32[d] = i32[s];
              i32[d + 1] = i32[s + 1];
            }
          }
          pc += 3;
          break;
        }
        case Op.LDI: {
          const d = (fb + a) << 1;
          const v = i32[pc + 1];
          i32[d] = v;
          i32[d + 1] = v >> 31;
          pc += 2;
          break;
        }
        case Op.LDK: {
          const d = (fb + a) << 1;
          const s = (kb + i32[pc + 1]) << 1;
          i32[d] = i32[s];
          i32[d + 1] = i32[s + 1];
          pc += 2;
          break;
        }
        case Op.SADDR: {
          const d = (fb + a) << 1;
          u32[d] = img.staticsBase + i32[pc + 1];
          i32[d + 1] = 0;
          pc += 2;
          break;
        }
        case Op.FADDR: {
          const d = (fb + a) << 1;
          u32[d] = fp + 16 + 8 * i32[pc + 1];
          i32[d + 1] = 0;
          pc += 2;
          break;
        }
        case Op.TYPEADDR: {
          const d = (fb + a) << 1;
          u32[d] = u32[tt + i32[pc + 1]];
          i32[d + 1] = 0;
          pc += 2;
          break;
        }

        // ── 64-bit integer arithmetic ──
        case Op.ADD:
          i64[fb + a] = i64[fb + i32[pc + 1]] + i64[fb + i32[pc + 2]];
          pc += 3;
          break;
        case Op.SUB:
          i64[fb + a] = i64[fb + i32[pc + 1]] - i64[fb + i32[pc + 2]];
          pc += 3;
          break;
        case Op.MUL:
          i64[fb + a] = i64[fb + i32[pc + 1]] * i64[fb + i32[pc + 2]];
          pc += 3;
          break;
        case Op.DIV:
        case Op.DIVU:
        case Op.REM:
        case Op.REMU: {
          const c = fb + i32[pc + 2];
          if ((i32[c << 1] | i32[(c << 1) + 1]) === 0) {
            u32[(fp + K.FR_PC) >>> 2] = pc + 3;
            u32[(g + K.STK_FP) >>> 2] = fp;
            vm.setPanic(g, K.PK_DIVIDE, 0n, 0n);
            return vm.gopanic(g);
          }
          const b = fb + i32[pc + 1];
          switch (w & 255) {
            case Op.DIV:
              i64[fb + a] = i64[b] / i64[c];
              break;
            case Op.DIVU:
              u64[fb + a] = u64[b] / u64[c];
              break;
            case Op.REM:
              i64[fb + a] = i64[b] % i64[c];
              break;
            default:
              u64[fb + a] = u64[b] % u64[c];
              break;
          }
          pc += 3;
          break;
        }
        case Op.AND:
          i64[fb + a] = i64[fb + i32[pc + 1]] & i64[fb + i32[pc + 2]];
          pc += 3;
          break;
        case Op.OR:
          i64[fb + a] = i64[fb + i32[pc + 1]] | i64[fb + i32[pc + 2]];
          pc += 3;
          break;
        case Op.XOR:
          i64[fb + a] = i64[fb + i32[pc + 1]] ^ i64[fb + i32[pc + 2]];
          pc += 3;
          break;
        case Op.ANDNOT: {
          const d = (fb + a) << 1;
          const b = (fb + i32[pc + 1]) << 1;
          const c = (fb + i32[pc + 2]) << 1;
          i32[d] = i32[b] & ~i32[c];
          i32[d + 1] = i32[b + 1] & ~i32[c + 1];
          pc += 3;
          break;
        }
        case Op.NEG:
          i64[fb + a] = -i64[fb + i32[pc + 1]];
          pc += 2;
          break;
        case Op.COM: {
          const d = (fb + a) << 1;
          const b = (fb + i32[pc + 1]) << 1;
          i32[d] = ~i32[b];
          i32[d + 1] = ~i32[b + 1];
          pc += 2;
          break;
        }
        case Op.ADDK:
          i64[fb + a] = i64[fb + i32[pc + 1]] + i64[kb + i32[pc + 2]];
          pc += 3;
          break;
        case Op.SUBK:
          i64[fb + a] = i64[fb + i32[pc + 1]] - i64[kb + i32[pc + 2]];
          pc += 3;
          break;
        case Op.MULK:
          i64[fb + a] = i64[fb + i32[pc + 1]] * i64[kb + i32[pc + 2]];
          pc += 3;
          break;
        case Op.ADDI: {
          // int32-halves add of a sign-extended immediate: carry/borrow into the high word.
          const d = (fb + a) << 1;
          const b = (fb + i32[pc + 1]) << 1;
          const r = (i32[b] >>> 0) + i32[pc + 2];
          i32[d] = r | 0;
          i32[d + 1] = (i32[b + 1] + (r >= 4294967296 ? 1 : r < 0 ? -1 : 0)) | 0;
          pc += 3;
          break;
        }
        case Op.SHL:
        case Op.SHR:
        case Op.SAR:
        case Op.SHLI:
        case Op.SHRI:
        case Op.SARI: {
          const op = w & 255;
          const d = (fb + a) << 1;
          const b = (fb + i32[pc + 1]) << 1;
          let sh: number;
          if (op >= Op.SHLI) {
            sh = i32[pc + 2];
          } else {
            const c = (fb + i32[pc + 2]) << 1;
            // The count is a uint64: any high bit set means "≥ 64".
            sh = i32[c + 1] !== 0 || i32[c] >>> 0 >= 64 ? 64 : i32[c];
          }
          let lo = i32[b];
          let hi = i32[b + 1];
          if (op === Op.SHL || op === Op.SHLI) {
            if (sh >= 64) {
              lo = 0;
              hi = 0;
            } else if (sh >= 32) {
              hi = lo << (sh - 32);
              lo = 0;
            } else if (sh !== 0) {
              hi = (hi << sh) | (lo >>> (32 - sh));
              lo = lo << sh;
            }
          } else if (op === Op.SHR || op === Op.SHRI) {
            if (sh >= 64) {
              lo = 0;
              hi = 0;
            } else if (sh >= 32) {
              lo = hi >>> (sh - 32);
              hi = 0;
            } else if (sh !== 0) {
              lo = (lo >>> sh) | (hi << (32 - sh));
              hi = hi >>> sh;
            }
          } else {
            if (sh >= 64) {
              hi = hi >> 31;
              lo = hi;
            } else if (sh >= 32) {
              lo = hi >> (sh - 32);
              hi = hi >> 31;
            } else if (sh !== 0) {
              lo = (lo >>> sh) | (hi << (32 - sh));
              hi = hi >> sh;
            }
          }
          i32[d] = lo;
          i32[d + 1] = hi;
          pc += 3;
          break;
        }
        case Op.CHKSHIFT:
          if (i32[((fb + a) << 1) + 1] < 0) {
            u32[(fp + K.FR_PC) >>> 2] = pc + 1;
            u32[(g + K.STK_FP) >>> 2] = fp;
            vm.setPanic(g, K.PK_SHIFT, i64[fb + a], 0n);
            return vm.gopanic(g);
          }
          pc += 1;
          break;
        case Op.SEXT8: {
          const d = (fb + a) << 1;
          const v = (i32[(fb + i32[pc + 1]) << 1] << 24) >> 24;
          i32[d] = v;
          i32[d + 1] = v >> 31;
          pc += 2;
          break;
        }
        case Op.SEXT16: {
          const d = (fb + a) << 1;
          const v = (i32[(fb + i32[pc + 1]) << 1] << 16) >> 16;
          i32[d] = v;
          i32[d + 1] = v >> 31;
          pc += 2;
          break;
        }
        case Op.SEXT32: {
          const d = (fb + a) << 1;
          const v = i32[(fb + i32[pc + 1]) << 1];
          i32[d] = v;
          i32[d + 1] = v >> 31;
          pc += 2;
          break;
        }
        case Op.ZEXT8: {
          const d = (fb + a) << 1;
          i32[d] = i32[(fb + i32[pc + 1]) << 1] & 0xff;
          i32[d + 1] = 0;
          pc += 2;
          break;
        }
        case Op.ZEXT16: {
          const d = (fb + a) << 1;
          i32[d] = i32[(fb + i32[pc + 1]) << 1] & 0xffff;
          i32[d + 1] = 0;
          pc += 2;
          break;
        }
        case Op.ZEXT32: {
          const d = (fb + a) << 1;
          i32[d] = i32[(fb + i32[pc + 1]) << 1];
          i32[d + 1] = 0;
          pc += 2;
          break;
        }

        // ── comparisons ──
        case Op.EQ:
          i64[fb + a] = i64[fb + i32[pc + 1]] === i64[fb + i32[pc + 2]] ? 1n : 0n;
          pc += 3;
          break;
        case Op.NE:
          i64[fb + a] = i64[fb + i32[pc + 1]] !== i64[fb + i32[pc + 2]] ? 1n : 0n;
          pc += 3;
          break;
        case Op.LT:
          i64[fb + a] = i64[fb + i32[pc + 1]] < i64[fb + i32[pc + 2]] ? 1n : 0n;
          pc += 3;
          break;
        case Op.LE:
          i64[fb + a] = i64[fb + i32[pc + 1]] <= i64[fb + i32[pc + 2]] ? 1n : 0n;
          pc += 3;
          break;
        case Op.LTU:
          i64[fb + a] = u64[fb + i32[pc + 1]] < u64[fb + i32[pc + 2]] ? 1n : 0n;
          pc += 3;
          break;
        case Op.LEU:
          i64[fb + a] = u64[fb + i32[pc + 1]] <= u64[fb + i32[pc + 2]] ? 1n : 0n;
          pc += 3;
          break;
        case Op.NOTB: {
          const d = (fb + a) << 1;
          i32[d] = i32[(fb + i32[pc + 1]) << 1] === 0 ? 1 : 0;
          i32[d + 1] = 0;
          pc += 2;
          break;
        }

        // ── floating point ──
        case Op.ADDF:
          f64[fb + a] = f64[fb + i32[pc + 1]] + f64[fb + i32[pc + 2]];
          pc += 3;
          break;
        case Op.SUBF:
          f64[fb + a] = f64[fb + i32[pc + 1]] - f64[fb + i32[pc + 2]];
          pc += 3;
          break;
        case Op.MULF:
          f64[fb + a] = f64[fb + i32[pc + 1]] * f64[fb + i32[pc + 2]];
          pc += 3;
          break;
        case Op.DIVF:
          f64[fb + a] = f64[fb + i32[pc + 1]] / f64[fb + i32[pc + 2]];
          pc += 3;
          break;
        case Op.NEGF: {
          // Flip the sign bit (exact for NaN payloads and zeros, like Go's XORPD).
          const d = (fb + a) << 1;
          const s = (fb + i32[pc + 1]) << 1;
          i32[d] = i32[s];
          i32[d + 1] = i32[s + 1] ^ 0x80000000;
          pc += 2;
          break;
        }
        case Op.SQRTF:
          f64[fb + a] = Math.sqrt(f64[fb + i32[pc + 1]]);
          pc += 2;
          break;
        case Op.ADDF32:
          f64[fb + a] = Math.fround(f64[fb + i32[pc + 1]] + f64[fb + i32[pc + 2]]);
          pc += 3;
          break;
        case Op.SUBF32:
          f64[fb + a] = Math.fround(f64[fb + i32[pc + 1]] - f64[fb + i32[pc + 2]]);
          pc += 3;
          break;
        case Op.MULF32:
          f64[fb + a] = Math.fround(f64[fb + i32[pc + 1]] * f64[fb + i32[pc + 2]]);
          pc += 3;
          break;
        case Op.DIVF32:
          f64[fb + a] = Math.fround(f64[fb + i32[pc + 1]] / f64[fb + i32[pc + 2]]);
          pc += 3;
          break;
        case Op.EQF:
          i64[fb + a] = f64[fb + i32[pc + 1]] === f64[fb + i32[pc + 2]] ? 1n : 0n;
          pc += 3;
          break;
        case Op.NEF:
          i64[fb + a] = f64[fb + i32[pc + 1]] !== f64[fb + i32[pc + 2]] ? 1n : 0n;
          pc += 3;
          break;
        case Op.LTF:
          i64[fb + a] = f64[fb + i32[pc + 1]] < f64[fb + i32[pc + 2]] ? 1n : 0n;
          pc += 3;
          break;
        case Op.LEF:
          i64[fb + a] = f64[fb + i32[pc + 1]] <= f64[fb + i32[pc + 2]] ? 1n : 0n;
          pc += 3;
          break;
        case Op.I2F: {
          // hi·2^32 and lo are exact doubles; their sum is rounded once, as Go's CVTSQ2SD.
          const s = (fb + i32[pc + 1]) << 1;
          f64[fb + a] = i32[s + 1] * 4294967296 + (i32[s] >>> 0);
          pc += 2;
          break;
        }
        case Op.U2F: {
          const s = (fb + i32[pc + 1]) << 1;
          f64[fb + a] = (i32[s + 1] >>> 0) * 4294967296 + (i32[s] >>> 0);
          pc += 2;
          break;
        }
        case Op.I2F32:
        case Op.U2F32: {
          const s = (fb + i32[pc + 1]) << 1;
          const hi = i32[s + 1];
          const unsigned = (w & 255) === Op.U2F32;
          if (unsigned ? hi >>> 0 < 0x200000 : hi >= -0x200000 && hi < 0x200000) {
            // |x| < 2^53: exact as a double, so one fround rounds correctly.
            f64[fb + a] = Math.fround((unsigned ? hi >>> 0 : hi) * 4294967296 + (i32[s] >>> 0));
          } else {
            f64[fb + a] = VM.i64ToF32Slow(unsigned ? u64[fb + i32[pc + 1]] : i64[fb + i32[pc + 1]]);
          }
          pc += 2;
          break;
        }
        case Op.F2I:
        case Op.F2U: {
          // Go amd64: CVTTSD2SQ gives 0x8000000000000000 for NaN and out-of-range values;
          // uint64(x) for x ≥ 2^63 converts x − 2^63 and sets the top bit.
          let x = f64[fb + i32[pc + 1]];
          const d = (fb + a) << 1;
          let top = 0;
          if ((w & 255) === Op.F2U && !(x < 9223372036854775808)) {
            x -= 9223372036854775808;
            top = 0x80000000;
          }
          if (x >= -9223372036854775808 && x < 9223372036854775808) {
            const t = Math.trunc(x);
            if (t >= -2147483648 && t < 2147483648) {
              i32[d] = t;
              i32[d + 1] = (t < 0 ? -1 : 0) | top;
            } else {
              const hi = Math.floor(t / 4294967296);
              i32[d] = t - hi * 4294967296;
              i32[d + 1] = hi | top;
            }
          } else {
            i32[d] = 0;
            i32[d + 1] = 0x80000000;
          }
          pc += 2;
          break;
        }
        case Op.F2F32:
          f64[fb + a] = Math.fround(f64[fb + i32[pc + 1]]);
          pc += 2;
          break;

        // ── memory ──
        case Op.LD8:
        case Op.LD8S:
        case Op.LD16:
        case Op.LD16S:
        case Op.LD32:
        case Op.LD32S:
        case Op.LD64:
        case Op.LDF32: {
          const base = u32[(fb + i32[pc + 1]) << 1];
          if (base < NIL_LIMIT) {
            u32[(fp + K.FR_PC) >>> 2] = pc + 3;
            u32[(g + K.STK_FP) >>> 2] = fp;
            vm.setPanic(g, K.PK_NIL, BigInt(base + i32[pc + 2]), BigInt(pc));
            return vm.gopanic(g);
          }
          const p = base + i32[pc + 2];
          const d = (fb + a) << 1;
          switch (w & 255) {
            case Op.LD8:
              i32[d] = u8[p];
              i32[d + 1] = 0;
              break;
            case Op.LD8S: {
              const v = (u8[p] << 24) >> 24;
              i32[d] = v;
              i32[d + 1] = v >> 31;
              break;
            }
            case Op.LD16:
              i32[d] = u16[p >>> 1];
              i32[d + 1] = 0;
              break;
            case Op.LD16S: {
              const v = (u16[p >>> 1] << 16) >> 16;
              i32[d] = v;
              i32[d + 1] = v >> 31;
              break;
            }
            case Op.LD32:
              i32[d] = i32[p >>> 2];
              i32[d + 1] = 0;
              break;
            case Op.LD32S: {
              const v = i32[p >>> 2];
              i32[d] = v;
              i32[d + 1] = v >> 31;
              break;
            }
            case Op.LD64:
              i32[d] = i32[p >>> 2];
              i32[d + 1] = i32[(p >>> 2) + 1];
              break;
            default:
              f64[d >>> 1] = f32[p >>> 2];
              break;
          }
          pc += 3;
          break;
        }
        case Op.ST8:
        case Op.ST16:
        case Op.ST32:
        case Op.ST64:
        case Op.STF32:
        case Op.STP: {
          const base = u32[(fb + a) << 1];
          if (base < NIL_LIMIT) {
            u32[(fp + K.FR_PC) >>> 2] = pc + 3;
            u32[(g + K.STK_FP) >>> 2] = fp;
            vm.setPanic(g, K.PK_NIL, BigInt(base + i32[pc + 1]), BigInt(pc));
            return vm.gopanic(g);
          }
          const p = base + i32[pc + 1];
          const s = (fb + i32[pc + 2]) << 1;
          switch (w & 255) {
            case Op.ST8:
              u8[p] = i32[s];
              break;
            case Op.ST16:
              u16[p >>> 1] = i32[s];
              break;
            case Op.ST32:
              i32[p >>> 2] = i32[s];
              break;
            case Op.ST64:
              i32[p >>> 2] = i32[s];
              i32[(p >>> 2) + 1] = i32[s + 1];
              break;
            case Op.STF32:
              f32[p >>> 2] = f64[s >>> 1];
              break;
            default:
              // Pointer store: the barrier flag is one plain load; the slow path may mark
              // (and grow the grey queue), so state is saved and views reloaded after it.
              if (u32[WB_FLAG_ADDR >>> 2] !== 0 && vm.barrier !== null) {
                u32[(fp + K.FR_PC) >>> 2] = pc + 3;
                u32[(g + K.STK_FP) >>> 2] = fp;
                vm.barrier.writePointer(p, u32[s]);
                u8 = mem.u8;
                u16 = mem.u16;
                i32 = mem.i32;
                u32 = mem.u32;
                f32 = mem.f32;
                f64 = mem.f64;
                i64 = mem.i64;
                u64 = vm.refreshU64();
                fp = u32[(g + K.STK_FP) >>> 2];
                fb = (fp >>> 3) + 2;
                guard = u32[(g + K.STK_GUARD) >>> 2];
              } else {
                u32[p >>> 2] = u32[s];
                u32[(p >>> 2) + 1] = 0;
              }
              break;
          }
          pc += 3;
          break;
        }
        case Op.ADDP: {
          const d = (fb + a) << 1;
          u32[d] = u32[(fb + i32[pc + 1]) << 1] + i32[pc + 2];
          i32[d + 1] = 0;
          pc += 3;
          break;
        }
        case Op.INDEXP: {
          const d = (fb + a) << 1;
          u32[d] = u32[(fb + i32[pc + 1]) << 1] + i32[(fb + i32[pc + 2]) << 1] * i32[pc + 3];
          i32[d + 1] = 0;
          pc += 4;
          break;
        }
        case Op.NILCHK:
          if (u32[(fb + a) << 1] < NIL_LIMIT) {
            u32[(fp + K.FR_PC) >>> 2] = pc + 1;
            u32[(g + K.STK_FP) >>> 2] = fp;
            vm.setPanic(g, K.PK_NIL, BigInt(u32[(fb + a) << 1]), BigInt(pc));
            return vm.gopanic(g);
          }
          pc += 1;
          break;
        case Op.BCHK: {
          // Fails unless 0 ≤ x < y (index) or 0 ≤ x ≤ y (slice forms), x read as uint64 so a
          // negative x fails too; y is a length/capacity (< 2^31).
          const x = (fb + i32[pc + 1]) << 1;
          const y = (fb + i32[pc + 2]) << 1;
          const xl = i32[x] >>> 0;
          const yl = i32[y] >>> 0;
          if (i32[x + 1] !== 0 || ((a & 0xf) === K.BC_INDEX ? xl >= yl : xl > yl)) {
            u32[(fp + K.FR_PC) >>> 2] = pc + 3;
            u32[(g + K.STK_FP) >>> 2] = fp;
            vm.setPanic(g, K.PK_BOUNDS + a, i64[x >>> 1], i64[y >>> 1]);
            return vm.gopanic(g);
          }
          pc += 3;
          break;
        }
        case Op.MOVE: {
          const dst = u32[(fb + a) << 1];
          const src = u32[(fb + i32[pc + 1]) << 1];
          const n = i32[pc + 2];
          if ((dst < NIL_LIMIT || src < NIL_LIMIT) && n !== 0) {
            u32[(fp + K.FR_PC) >>> 2] = pc + 3;
            u32[(g + K.STK_FP) >>> 2] = fp;
            vm.setPanic(g, K.PK_NIL, BigInt(dst < NIL_LIMIT ? dst : src), BigInt(pc));
            return vm.gopanic(g);
          }
          mem.move(dst, src, n);
          pc += 3;
          break;
        }
        case Op.TYPEDMOVE: {
          const dst = u32[(fb + a) << 1];
          const src = u32[(fb + i32[pc + 1]) << 1];
          const typ = u32[tt + i32[pc + 2]];
          if (dst < NIL_LIMIT || src < NIL_LIMIT) {
            u32[(fp + K.FR_PC) >>> 2] = pc + 3;
            u32[(g + K.STK_FP) >>> 2] = fp;
            vm.setPanic(g, K.PK_NIL, BigInt(dst < NIL_LIMIT ? dst : src), BigInt(pc));
            return vm.gopanic(g);
          }
          u32[(fp + K.FR_PC) >>> 2] = pc + 3;
          u32[(g + K.STK_FP) >>> 2] = fp;
          if (vm.barrier !== null) vm.barrier.typedmemmove(typ, dst, src);
          else mem.move(dst, src, u32[typ >>> 2]);
          u8 = mem.u8;
          u16 = mem.u16;
          i32 = mem.i32;
          u32 = mem.u32;
          f32 = mem.f32;
          f64 = mem.f64;
          i64 = mem.i64;
          u64 = vm.refreshU64();
          pc += 3;
          break;
        }
        case Op.ZERO: {
          const dst = u32[(fb + a) << 1];
          const n = i32[pc + 1];
          if (dst < NIL_LIMIT && n !== 0) {
            u32[(fp + K.FR_PC) >>> 2] = pc + 2;
            u32[(g + K.STK_FP) >>> 2] = fp;
            vm.setPanic(g, K.PK_NIL, BigInt(dst), BigInt(pc));
            return vm.gopanic(g);
          }
          mem.zero(dst, n);
          pc += 2;
          break;
        }

        // ── allocation (a safe point: the GC may run inside mallocgc) ──
        case Op.NEW:
        case Op.NEWARR: {
          const typ = u32[tt + i32[pc + 1]];
          const isArr = (w & 255) === Op.NEWARR;
          const n = isArr ? i32[(fb + i32[pc + 2]) << 1] : 1;
          const next = pc + (isArr ? 3 : 2);
          u32[(fp + K.FR_PC) >>> 2] = next;
          u32[(g + K.STK_FP) >>> 2] = fp;
          u32[(g + K.G_CTX) >>> 2] = ctx;
          const p = heap.mallocgc(u32[typ >>> 2] * n, typ, true);
          if (vm.preempt) {
            vm.preempt = false;
            budget = vm.budgetAfterPreempt(budget);
          }
          u8 = mem.u8;
          u16 = mem.u16;
          i32 = mem.i32;
          u32 = mem.u32;
          f32 = mem.f32;
          f64 = mem.f64;
          i64 = mem.i64;
          u64 = vm.refreshU64();
          // The GC may have run (assist) and shrunk this stack while scanning it: reload.
          fp = u32[(g + K.STK_FP) >>> 2];
          fb = (fp >>> 3) + 2;
          guard = u32[(g + K.STK_GUARD) >>> 2];
          const d = (fb + a) << 1;
          u32[d] = p;
          i32[d + 1] = 0;
          pc = next;
          break;
        }

        // ── builtin print (stderr) ──
        case Op.PRINTI:
          vm.print(i64[fb + a].toString());
          pc += 1;
          break;
        case Op.PRINTU:
          vm.print(u64[fb + a].toString());
          pc += 1;
          break;
        case Op.PRINTF:
          vm.print(formatFloat(f64[fb + a]));
          pc += 1;
          break;
        case Op.PRINTB:
          vm.print(i32[(fb + a) << 1] !== 0 ? "true" : "false");
          pc += 1;
          break;
        case Op.PRINTS: {
          const p = u32[(fb + a) << 1];
          const n = u32[(fb + a + 1) << 1];
          vm.print(new TextDecoder().decode(u8.slice(p, p + n)));
          pc += 1;
          break;
        }
        case Op.PRINTP:
          vm.print("0x" + u32[(fb + a) << 1].toString(16));
          pc += 1;
          break;
        case Op.PRINTSP:
          vm.print(" ");
          pc += 1;
          break;
        case Op.PRINTNL:
          vm.print("\n");
          pc += 1;
          break;

        // ── PERF group: fused forms from the compiler's optimiser (compiler ir/opt.ts). Each
        //    behaves exactly as the sequence it replaces (gen-opcodes.mjs docs), panics included ──
        case Op.JLTF:
        case Op.JLEF:
        case Op.JNLTF:
        case Op.JNLEF: {
          const x = f64[fb + a];
          const y = f64[fb + i32[pc + 1]];
          const op = w & 255;
          const t = op === Op.JLTF ? x < y : op === Op.JLEF ? x <= y : op === Op.JNLTF ? !(x < y) : !(x <= y);
          const off = t ? i32[pc + 2] : 3;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }
        case Op.IJLT:
        case Op.IJLTI: {
          // s[A] += 1 on int32 halves (carry into the high word), then the signed 64-bit test.
          const x = (fb + a) << 1;
          const lo = (i32[x] + 1) | 0;
          const hi = lo === 0 ? (i32[x + 1] + 1) | 0 : i32[x + 1];
          i32[x] = lo;
          i32[x + 1] = hi;
          let ylo: number;
          let yhi: number;
          if ((w & 255) === Op.IJLT) {
            const y = (fb + i32[pc + 1]) << 1;
            ylo = i32[y];
            yhi = i32[y + 1];
          } else {
            ylo = i32[pc + 1];
            yhi = ylo >> 31;
          }
          const off = hi < yhi || (hi === yhi && lo >>> 0 < ylo >>> 0) ? i32[pc + 2] : 3;
          pc += off;
          if (off <= 0 && --budget <= 0) {
            u32[(g + K.G_PC) >>> 2] = pc;
            u32[(g + K.STK_FP) >>> 2] = fp;
            u32[(g + K.G_CTX) >>> 2] = ctx;
            u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
            vm.flushPrint();
            return RUN_YIELD;
          }
          break;
        }
        case Op.INDEXPC8: {
          const x = (fb + i32[pc + 2]) << 1;
          const n = (fb + i32[pc + 3]) << 1;
          const xl = i32[x] >>> 0;
          if (i32[x + 1] !== 0 || xl >= i32[n] >>> 0) {
            u32[(fp + K.FR_PC) >>> 2] = pc + 4;
            u32[(g + K.STK_FP) >>> 2] = fp;
            vm.setPanic(g, K.PK_BOUNDS + K.BC_INDEX, i64[x >>> 1], i64[n >>> 1]);
            return vm.gopanic(g);
          }
          const d = (fb + a) << 1;
          u32[d] = u32[(fb + i32[pc + 1]) << 1] + xl * 8;
          i32[d + 1] = 0;
          pc += 4;
          break;
        }
        case Op.LDX64:
        case Op.STX64: {
          // Base pointer slot, index slot, value slot, length slot (D). BCHK's index form: the
          // index is read as uint64, so a negative one fails too; the length is < 2^31.
          const ld = (w & 255) === Op.LDX64;
          const base = u32[(fb + (ld ? i32[pc + 1] : a)) << 1];
          const x = (fb + (ld ? i32[pc + 2] : i32[pc + 1])) << 1;
          const n = (fb + i32[pc + 3]) << 1;
          const xl = i32[x] >>> 0;
          if (i32[x + 1] !== 0 || xl >= i32[n] >>> 0) {
            u32[(fp + K.FR_PC) >>> 2] = pc + 4;
            u32[(g + K.STK_FP) >>> 2] = fp;
            vm.setPanic(g, K.PK_BOUNDS + K.BC_INDEX, i64[x >>> 1], i64[n >>> 1]);
            return vm.gopanic(g);
          }
          if (base < NIL_LIMIT) {
            // (FIXES) a nil *[N]T: its length is a constant, so the bounds check passes (a
            // slice with len > 0 never has a nil base); the LD64/ST64 this replaces faulted here
            u32[(fp + K.FR_PC) >>> 2] = pc + 4;
            u32[(g + K.STK_FP) >>> 2] = fp;
            vm.setPanic(g, K.PK_NIL, BigInt(base + xl * 8), BigInt(pc));
            return vm.gopanic(g);
          }
          const p = (base + xl * 8) >>> 2;
          if (ld) {
            const d = (fb + a) << 1;
            i32[d] = i32[p];
            i32[d + 1] = i32[p + 1];
          } else {
            const v = (fb + i32[pc + 2]) << 1;
            i32[p] = i32[v];
            i32[p + 1] = i32[v + 1];
          }
          pc += 4;
          break;
        }

        // ── DEFER group (defer.ts): runtime.gopanic's step and recover() ──
        case Op.DEFERNEXT: {
          u32[(g + K.STK_FP) >>> 2] = fp;
          u32[(g + K.G_PC) >>> 2] = pc;
          const r = deferNext(vm, g, fp, pc, RUN_PANIC, RUN_PARK);
          if (r !== RUN_CONTINUE) {
            vm.flushPrint();
            return r;
          }
          fp = u32[(g + K.STK_FP) >>> 2];
          fb = (fp >>> 3) + 2;
          pc = u32[(g + K.G_PC) >>> 2];
          ctx = 0;
          break;
        }
        case Op.RECOVER: {
          u32[(fp + K.FR_PC) >>> 2] = pc + 3;
          u32[(g + K.STK_FP) >>> 2] = fp;
          u32[(g + K.G_CTX) >>> 2] = ctx;
          gorecover(vm, fp, (fb + a) << 3, u32[tt + i32[pc + 1]], i32[pc + 2] !== 0);
          u8 = mem.u8;
          u16 = mem.u16;
          i32 = mem.i32;
          u32 = mem.u32;
          f32 = mem.f32;
          f64 = mem.f64;
          i64 = mem.i64;
          u64 = vm.refreshU64();
          pc += 3;
          break;
        }

        default:
          u32[(g + K.G_PC) >>> 2] = pc;
          u32[(g + K.STK_FP) >>> 2] = fp;
          if (DEBUG) assert(false, `bad opcode ${w & 255} at pc ${pc}`);
          throw new Error(`gort vm: bad opcode ${w & 255} at pc ${pc}`);
      }
    }
  };
  return function run(g: number): number {
    if (vm.pinned !== 0) vm.resetPin();
    for (let n = 0; ; n++) {
      const r = loop(g);
      if (r !== RUN_CONTINUE) return r;
      g = vm.contG;
      if (n >= PANIC_CONTINUES) {
        // Panics keep restarting the loop with a fresh budget: let the scheduler in now and then.
        vm.mem.u32[(g + K.G_STATUS) >>> 2] = K.GRUNNABLE;
        return RUN_YIELD;
      }
    }
  };
}

/**
 * Panics started within one run() call before it yields: each panic re-enters the loop with a
 * fresh budget, so a program panicking and recovering in a loop would otherwise never reach
 * a safe point of the scheduler. Small enough to keep slices short, large enough that a
 * panic is never slowed by the round trip.
 */
const PANIC_CONTINUES = 64;

/** A pinned goroutine's budget: pinned code is a few calls (sync.Pool), never a loop to preempt. */
const PINNED_BUDGET = 1 << 30;

// The frame layout is hard-coded above (u32[h] = link, u32[h + 1] = funcId, u32[h + 3] = size)
// and in K: a change in the defining modules must fail here, at load.
const layoutOK =
  (K.FR_LINK as number) === FR_LINK &&
  (K.FR_FUNC as number) === FR_FUNC &&
  (K.FR_PC as number) === FR_PC &&
  (K.FR_SIZE as number) === FR_SIZE &&
  (K.STK_FP as number) === STK_FP &&
  (K.STK_GUARD as number) === STK_GUARD &&
  (K.STK_HI as number) === STK_HI &&
  (K.FT_ENTRY as number) === FT_ENTRY &&
  (K.FT_FRAMESIZE as number) === FT_FRAMESIZE &&
  (K.FT_NPARAMS as number) === FT_NPARAMS &&
  (K.FT_NRESULTS as number) === FT_NRESULTS &&
  (K.FT_ZEROEND as number) === FT_ZEROEND &&
  (K.FT_FLAGS as number) === FT_FLAGS &&
  (K.FT_NATIVE as number) === FT_NATIVE &&
  (K.FT_WORDS as number) === FT_WORDS &&
  (K.G_PC as number) === G_PC &&
  (K.G_STATUS as number) === G_STATUS &&
  (K.G_CTX as number) === G_CTX &&
  (K.G_PKIND as number) === G_PKIND &&
  (K.G_PVAL as number) === G_PVAL &&
  (K.GRUNNABLE as number) === GRUNNABLE &&
  (K.GRUNNING as number) === GRUNNING &&
  (K.GDEAD as number) === GDEAD &&
  (K.FN_NATIVE as number) === FN_NATIVE &&
  (K.PK_NONE as number) === PK_NONE &&
  (K.PK_VALUE as number) === PK_VALUE &&
  (K.PK_DIVIDE as number) === PK_DIVIDE &&
  (K.PK_NIL as number) === PK_NIL &&
  (K.PK_SHIFT as number) === PK_SHIFT &&
  (K.PK_BOUNDS as number) === PK_BOUNDS &&
  (K.BC_INDEX as number) === BC_INDEX;
if (!layoutOK) throw new Error("vm: layout constants out of sync with stack.ts/loader.ts/g.ts/panic.ts");
