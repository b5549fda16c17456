/**
 * defer.ts — deferred calls, panics that run them, recover and Goexit: the VM's counterpart of
 * Go's panic.go (gopanic, gorecover, recovery, Goexit), written afresh for gort's frames.
 *
 * ─── DEFER RECORDS: ONE LIST PER FRAME, IN THE FRAME ─────────────────────────────────────────
 * A function containing `defer` statements owns one pointer slot, its *defer head* (the
 * compiler reports it in ImageFunc.deferInfo). `defer f(args)` evaluates f and the arguments,
 * packs them into a heap closure record and pushes it on that list:
 *
 *   record (a closure: CALLI-able; in frame slots of the deferring function when its defer
 *   statement runs at most once per call — no loop, no goto — else a GC heap object)
 *   +0  u32 function index of the record's body (a compiler-made `deferwrap`, FN_WRAPPER|FN_RUNTIME,
 *       that reloads the packed callee and arguments and makes the call; or the deferred
 *       function itself when it is a plain top-level function of no arguments)
 *   +8  link: the previously pushed record of the same frame (0 = none)
 *   +16 … the packed callee (func value) and argument slots, 8 bytes each
 *
 * At every return the function runs its list LIFO in bytecode (`deferreturn`: pop, CALLI,
 * repeat); popping BEFORE the call means a deferred call that panics is never run again (Go's
 * "started" defers are taken off the list). Functions without defer statements pay nothing.
 * Keeping the list head in a frame slot (instead of Go's g._defer chain) makes heap records
 * ordinary GC-reachable objects (the slot is in the frame's stack map). Frame records (Go's
 * stack-allocated defers) make the head, the links, gopanic's `call` slot and the CALLI
 * context stack addresses: all of them live in pointer slots, which stack copies adjust, and
 * the collector ignores stack addresses; CALLI re-reads its closure after growing the stack
 * (interp.ts), so a callee's GETCTX sees the moved record. No G field points into a stack.
 *
 * ─── PANICS: A runtime.gopanic FRAME PER PANIC ───────────────────────────────────────────────
 * When a panic starts (PANIC, a run-time error, a native's setPanic, Goexit) the VM pushes a
 * frame of the compiler-made function `runtime.gopanic` (`makeGopanic` in the compiler's
 * ir/lowerdefer.ts) on top of the panicking frame. Its slots ARE the _panic record:
 *
 *   s0 typ, s1 data   the panic value (interface words; 0,0 for run-time errors)
 *   s2 kind           PK_* (panic.ts): PK_VALUE, a run-time error kind, or PK_GOEXIT
 *   s3 x, s4 y        the run-time error's operands (index, length, fault address, …)
 *   s5 flags          PF_RECOVERED | PF_ABORTED | PF_GOEXIT
 *   s6 dframe         STK_HI − fp of the frame whose deferred call runs now (offsets from the
 *                     stack top survive stack copies)
 *   s7 call           the record being called
 *
 * and its code is a loop: `DEFERNEXT s7 → CALLI s7 → JMP back` (two CALLI sites so tracebacks
 * show Go's panic.go line: 884 for open-coded defers, 890 for the others). DEFERNEXT
 * (`deferNext` below) walks the frames below the stub from the innermost outward and pops the
 * first pending record it finds; a gopanic frame it passes belongs to an earlier panic whose
 * deferred call panicked, which is thereby *aborted* (Go's rule). When none is left, the panic
 * is fatal: the stack is left intact for the traceback and printing (panic.ts walks the
 * gopanic frames for the "panic: a [recovered]\n\tpanic: b" chain and prints them as
 * `panic(…)` frames). The chain of panics is therefore the set of gopanic frames on the stack:
 * G_PANIC and G_DEFER are not used.
 *
 * recover() (RECOVER) is effective when its caller — skipping FN_WRAPPER frames (deferwraps,
 * method-value wrappers) — is a gopanic frame that is not Goexit's and not yet recovered; it
 * sets PF_RECOVERED. When the deferred call returns, DEFERNEXT sees the flag and resumes the
 * deferring frame at its *recovery point* (deferInfo[1]): the frames above it are dropped,
 * the rest of its defers run and it returns its (possibly modified) named results. Go's
 * special case: a recovered panic that had aborted a Goexit resumes Goexit's loop instead.
 *
 * Goexit is a panic of kind PK_GOEXIT (recover returns nil for it) that, when its defers are
 * exhausted, marks the goroutine dead and parks it (RUN_PARK), where the scheduler finishes it.
 *
 * Rejected: running deferred calls from TypeScript by re-entering the interpreter (a JS stack
 * level per panic, unbounded under panic/recover loops); Go's g._defer chain with records in
 * frames (pointers into the stack to adjust on every copy, and G fields as extra GC roots).
 */

import { fatal } from "../debug.js";
import { FN_WRAPPER } from "../image/format.js";
import { FR_FUNC, FR_LINK, FR_PC, FR_SIZE, STK_FP, STK_GUARD, STK_HI } from "../stack.js";
import { FT_ENTRY, FT_FRAMESIZE, FT_WORDS, type LoadedImage } from "./loader.js";
import { G_CTX, G_PC, G_PKIND, G_PVAL, G_PX, G_PY, G_STATUS, GDEAD, GRUNNABLE } from "./g.js";
import { TD_STR } from "../typedesc.js";
import { BC_UNSIGNED, PK_BOUNDS, PK_GOEXIT, PK_NONE, PK_PLAIN, PK_VALUE, readGoString, stubPanicMessage } from "./panic.js";
import type { VM } from "./interp.js";

/** iface.ts's PK_TYPEASSERT (not imported: iface.ts imports this module). */
const PK_TYPEASSERT = 7;

// gopanic frame slots (the _panic record).
export const PS_TYP = 0;
export const PS_DATA = 1;
export const PS_KIND = 2;
export const PS_X = 3;
export const PS_Y = 4;
export const PS_FLAGS = 5;
export const PS_DFRAME = 6;
export const PS_CALL = 7;
/** preprintpanics' method call: receiver (data word), then the string result (ptr, len) */
export const PS_RECV = 8;
export const PS_RES = 9;
export const PS_SLOTS = 11;

export const PF_RECOVERED = 1;
export const PF_ABORTED = 2;
export const PF_GOEXIT = 4;
/** this gopanic frame is calling an Error/String method of a panic value for printing */
export const PF_PREPCALL = 8;
/** this panic's value was prepared for printing (converted by its method, or has none) */
export const PF_PREPARED = 16;

/** Name of the compiler-made function whose frames are panics. */
export const GOPANIC_NAME = "runtime.gopanic";
/** Word offset in runtime.gopanic of the pc saved while it calls a deferred function (after the first CALLI). */
export const GOPANIC_CALL_RET = 5;

/** Word offset in runtime.gopanic of its preprintpanics call (CALLI s7, s8, s9). */
export const GOPANIC_PREP = 12;

/**
 * Texts of panic values converted by their Error/String methods before printing (Go's
 * preprintpanics), per memory, keyed by `${g}:${STK_HI − gopanic frame}`; read by panic.ts.
 */
export const preparedPanics = new WeakMap<object, Map<string, string>>();

/** deferInfo[2] bit: the function's defers are not open-coded in Go (loops, > 8 defers). */
export const DI_NOT_OPEN = 1;

/** run() result used only between gopanic/deferNext and the run wrapper: continue with the G's saved state. */
export const RUN_CONTINUE = -1;

/**
 * Per-image tables of the defer machinery, built lazily on the first panic (programs that never
 * panic never pay for them).
 */
export class DeferTables {
  /** function index → is a runtime.gopanic */
  readonly isStub: Uint8Array;
  /** function index → defer head slot (−1: no defers) */
  readonly headSlot: Int32Array;
  /** function index → absolute pc of its recovery point */
  readonly recoverPc: Int32Array;
  /** function index → DI_* flags */
  readonly diFlags: Uint8Array;
  /** a runtime.gopanic function index, −1 if the image has none (no defer anywhere) */
  readonly stub: number;
  /**
   * Descriptor addresses of runtime.errorString, runtime.plainError, runtime.boundsError
   * (runtime/error.go), 0 when the image lacks them (the program does not link package runtime).
   */
  readonly errorString: number;
  readonly plainError: number;
  readonly boundsError: number;
  /** runtime.TypeAssertionError and *runtime.TypeAssertionError (runtime/typeassert.go), or 0 */
  readonly typeAssertionError: number;
  readonly typeAssertionErrorPtr: number;

  constructor(image: LoadedImage) {
    const funcs = image.img.funcs;
    const n = funcs.length;
    this.isStub = new Uint8Array(n);
    this.headSlot = new Int32Array(n).fill(-1);
    this.recoverPc = new Int32Array(n);
    this.diFlags = new Uint8Array(n);
    let stub = -1;
    for (let i = 0; i < n; i++) {
      const f = funcs[i];
      if (f.name === GOPANIC_NAME && f.code.length > 0) {
        this.isStub[i] = 1;
        if (stub < 0) stub = i;
      }
      const di = f.deferInfo;
      if (di.length >= 2) {
        this.headSlot[i] = di[0];
        this.recoverPc[i] = image.entries[i] + di[1];
        this.diFlags[i] = di.length >= 3 ? di[2] : 0;
      }
    }
    this.stub = stub;
    let es = 0;
    let pe = 0;
    let be = 0;
    let ta = 0;
    let tap = 0;
    const mem = image.heap.mem;
    for (const t of image.typeAddrs) {
      const str = mem.u32[(t + TD_STR) >>> 2];
      if (str === 0 || mem.u32[(str + 8) >>> 2] > 27) continue;
      const name = readGoString(mem, str);
      if (name === "runtime.errorString") es = t;
      else if (name === "runtime.plainError") pe = t;
      else if (name === "runtime.boundsError") be = t;
      else if (name === "runtime.TypeAssertionError") ta = t;
      else if (name === "*runtime.TypeAssertionError") tap = t;
    }
    this.typeAssertionError = tap !== 0 ? ta : 0;
    this.typeAssertionErrorPtr = ta !== 0 ? tap : 0;
    this.errorString = es;
    this.plainError = pe;
    this.boundsError = be;
  }
}

function tables(vm: VM): DeferTables {
  let t = vm.deferTables;
  if (t === null) t = vm.deferTables = new DeferTables(vm.image);
  return t;
}

/**
 * gopanic: a panic (or Goexit) recorded in g's G_PKIND… fields starts. Precondition: the
 * panicking frame's state is saved (STK_FP, its FR_PC = the pc after the failing instruction).
 * Pushes a runtime.gopanic frame and returns RUN_CONTINUE (run the stub), or, in an image
 * without defers, RUN_PANIC / RUN_PARK (Goexit) at once.
 */
export function startPanic(vm: VM, g: number, RUN_PANIC: number, RUN_PARK: number): number {
  const mem = vm.mem;
  let u32 = mem.u32;
  const kind = u32[(g + G_PKIND) >>> 2];
  const t = tables(vm);
  if (t.stub < 0) {
    if (kind === PK_GOEXIT) {
      u32[(g + G_PKIND) >>> 2] = PK_NONE;
      u32[(g + G_STATUS) >>> 2] = GDEAD;
      return RUN_PARK;
    }
    u32[(g + G_STATUS) >>> 2] = GRUNNABLE;
    return RUN_PANIC;
  }
  const img = vm.image;
  const ft = img.funcTab + t.stub * FT_WORDS;
  const size = u32[ft + FT_FRAMESIZE];
  let fp = u32[(g + STK_FP) >>> 2];
  if (fp - size < u32[(g + STK_GUARD) >>> 2]) {
    vm.heap.stacks.newstack(g, size);
    u32 = mem.u32;
    fp = u32[(g + STK_FP) >>> 2];
  }
  const nfp = fp - size;
  mem.zero(nfp, size);
  const entry = u32[ft + FT_ENTRY];
  u32[(nfp + FR_LINK) >>> 2] = fp;
  u32[(nfp + FR_FUNC) >>> 2] = t.stub;
  u32[(nfp + FR_PC) >>> 2] = entry + GOPANIC_CALL_RET;
  u32[(nfp + FR_SIZE) >>> 2] = size;
  const i64 = mem.i64;
  const sb = (nfp >>> 3) + 2;
  if (kind === PK_VALUE) {
    u32[(sb + PS_TYP) << 1] = u32[(g + G_PVAL) >>> 2];
    u32[(sb + PS_DATA) << 1] = u32[(g + G_PVAL + 4) >>> 2];
  }
  i64[sb + PS_KIND] = BigInt(kind);
  i64[sb + PS_X] = i64[(g + G_PX) >>> 3];
  i64[sb + PS_Y] = i64[(g + G_PY) >>> 3];
  if (kind === PK_GOEXIT) u32[(sb + PS_FLAGS) << 1] = PF_GOEXIT;
  u32[(g + G_PKIND) >>> 2] = PK_NONE;
  u32[(g + STK_FP) >>> 2] = nfp;
  u32[(g + G_PC) >>> 2] = entry;
  u32[(g + G_CTX) >>> 2] = 0;
  vm.contG = g;
  return RUN_CONTINUE;
}

/** The next gopanic frame below frame f (exclusive), or 0. */
function olderStub(vm: VM, t: DeferTables, f: number): number {
  const u32 = vm.mem.u32;
  for (let p = u32[(f + FR_LINK) >>> 2]; p !== 0; p = u32[(p + FR_LINK) >>> 2]) if (t.isStub[u32[(p + FR_FUNC) >>> 2]] !== 0) return p;
  return 0;
}

/**
 * DEFERNEXT in the gopanic frame `fp` at `pc` (state saved in g). Sets g's saved fp/pc for the
 * loop to continue (returns RUN_CONTINUE) or ends the slice (RUN_PANIC: fatal panic, the
 * innermost panic copied back into the G fields for the printer; RUN_PARK: Goexit finished).
 */
export function deferNext(vm: VM, g: number, fp: number, pc: number, RUN_PANIC: number, RUN_PARK: number): number {
  const mem = vm.mem;
  const u32 = mem.u32;
  const t = tables(vm);
  const sb = (fp >>> 3) + 2;
  let flags = u32[(sb + PS_FLAGS) << 1];
  const hi = u32[(g + STK_HI) >>> 2];
  if ((flags & PF_PREPCALL) !== 0) {
    // an Error/String method called for printing returned its text
    const p = u32[(sb + PS_RES) << 1];
    const n = u32[(sb + PS_RES + 1) << 1];
    let m = preparedPanics.get(mem);
    if (m === undefined) preparedPanics.set(mem, (m = new Map()));
    m.set(`${g}:${u32[(sb + PS_DFRAME) << 1]}`, new TextDecoder().decode(mem.u8.subarray(p, p + n)));
    flags &= ~PF_PREPCALL;
    u32[(sb + PS_FLAGS) << 1] = flags;
  }
  if ((flags & PF_RECOVERED) !== 0) {
    // The deferred call just returned after a successful recover().
    const older = olderStub(vm, t, fp);
    if (older !== 0) {
      const ob = (older >>> 3) + 2;
      const of = u32[(ob + PS_FLAGS) << 1];
      if ((of & PF_GOEXIT) !== 0 && (of & PF_ABORTED) !== 0) {
        // Go: a recover must not bypass an aborted Goexit; continue Goexit's loop.
        u32[(ob + PS_FLAGS) << 1] = of & ~PF_ABORTED;
        u32[(g + STK_FP) >>> 2] = older;
        u32[(g + G_PC) >>> 2] = vm.image.entries[u32[(older + FR_FUNC) >>> 2]];
        return RUN_CONTINUE;
      }
    }
    const f = hi - u32[(sb + PS_DFRAME) << 1];
    u32[(g + STK_FP) >>> 2] = f;
    u32[(g + G_PC) >>> 2] = t.recoverPc[u32[(f + FR_FUNC) >>> 2]];
    return RUN_CONTINUE;
  }
  for (let f = u32[(fp + FR_LINK) >>> 2]; f !== 0; f = u32[(f + FR_LINK) >>> 2]) {
    const fn = u32[(f + FR_FUNC) >>> 2];
    if (t.isStub[fn] !== 0) {
      // an earlier panic whose deferred call is being unwound by this one
      const ob = (f >>> 3) + 2;
      if ((u32[(ob + PS_FLAGS) << 1] & PF_PREPCALL) !== 0) fatal(`panic while printing panic value: ${printPanicText(vm, fp)}`);
      u32[(ob + PS_FLAGS) << 1] |= PF_ABORTED;
      continue;
    }
    const hs = t.headSlot[fn];
    if (hs < 0) continue;
    const slot = (((f >>> 3) + 2 + hs) << 1) >>> 0;
    const rec = u32[slot];
    if (rec === 0) continue;
    // pop the record before calling it
    u32[slot] = u32[(rec + 8) >>> 2];
    u32[((sb + PS_CALL) << 1) >>> 0] = rec;
    u32[(((sb + PS_CALL) << 1) + 1) >>> 0] = 0;
    u32[(sb + PS_DFRAME) << 1] = hi - f;
    const open = (t.diFlags[fn] & DI_NOT_OPEN) === 0;
    u32[(g + G_PC) >>> 2] = open ? pc + 2 : pc + mem.i32[pc + 1];
    return RUN_CONTINUE;
  }
  // No deferred call left.
  if ((flags & PF_GOEXIT) !== 0) {
    u32[(g + G_STATUS) >>> 2] = GDEAD;
    return RUN_PARK;
  }
  // Fatal. First Go's preprintpanics: values with an Error (else String) method print as its
  // result, so call them one at a time from this frame (panic.ts prints the texts).
  for (let f = fp; f !== 0; f = u32[(f + FR_LINK) >>> 2]) {
    if (t.isStub[u32[(f + FR_FUNC) >>> 2]] === 0) continue;
    const ob = (f >>> 3) + 2;
    const of = u32[(ob + PS_FLAGS) << 1];
    if ((of & (PF_PREPARED | PF_GOEXIT)) !== 0) continue;
    u32[(ob + PS_FLAGS) << 1] = of | PF_PREPARED;
    if (u32[(ob + PS_KIND) << 1] !== PK_VALUE) continue;
    const typ = u32[(ob + PS_TYP) << 1];
    const m = typ === 0 ? 0 : printMethod(vm, typ);
    if (m === 0) continue;
    u32[(sb + PS_FLAGS) << 1] |= PF_PREPCALL;
    u32[(sb + PS_DFRAME) << 1] = hi - f;
    u32[((sb + PS_CALL) << 1) >>> 0] = m + 16; // the method record's ifn word: CALLI-able
    u32[(((sb + PS_CALL) << 1) + 1) >>> 0] = 0;
    u32[((sb + PS_RECV) << 1) >>> 0] = u32[(ob + PS_DATA) << 1];
    u32[(((sb + PS_RECV) << 1) + 1) >>> 0] = 0;
    u32[(g + G_PC) >>> 2] = vm.image.entries[u32[(fp + FR_FUNC) >>> 2]] + GOPANIC_PREP;
    return RUN_CONTINUE;
  }
  // Leave the innermost panic in the G fields too (callers that predate the chain).
  const i64 = mem.i64;
  u32[(g + G_PKIND) >>> 2] = Number(i64[sb + PS_KIND]);
  i64[(g + G_PX) >>> 3] = i64[sb + PS_X];
  i64[(g + G_PY) >>> 3] = i64[sb + PS_Y];
  u32[(g + G_PVAL) >>> 2] = u32[(sb + PS_TYP) << 1];
  u32[(g + G_PVAL + 4) >>> 2] = u32[(sb + PS_DATA) << 1];
  u32[(g + G_STATUS) >>> 2] = GRUNNABLE;
  return RUN_PANIC;
}

/** Go's preprintpanics text for the value of the panic in gopanic frame p: a string, else "type T". */
function printPanicText(vm: VM, p: number): string {
  const mem = vm.mem;
  const sb = (p >>> 3) + 2;
  const kind = mem.u32[(sb + PS_KIND) << 1];
  if (kind !== PK_VALUE) {
    const name = kind >= PK_BOUNDS ? "boundsError" : kind === PK_PLAIN ? "plainError" : kind === PK_TYPEASSERT ? "*TypeAssertionError" : "errorString";
    return name.startsWith("*") ? `type *runtime.${name.slice(1)}` : `type runtime.${name}`;
  }
  const typ = mem.u32[(sb + PS_TYP) << 1];
  if (typ === 0) return "type <nil>";
  const name = readGoString(mem, mem.u32[(typ + TD_STR) >>> 2]);
  if (name === "string") return readGoString(mem, mem.u32[(sb + PS_DATA) << 1]);
  return `type ${name}`;
}

/**
 * The method record (TYPEDESC.md §2) of typ's `Error() string`, else `String() string`, that
 * interfaces can call (ifn ≠ 0), or 0.
 */
function printMethod(vm: VM, typ: number): number {
  const mem = vm.mem;
  const u32 = mem.u32;
  if ((mem.u8[typ + 12] & 1) === 0) return 0; // no uncommon record
  const unc = u32[(typ + 32) >>> 2];
  if (unc === 0) return 0;
  const n = mem.u16[(unc + 8) >>> 1];
  const ms = u32[(unc + 12) >>> 2];
  let str = 0;
  for (let i = 0; i < n; i++) {
    const m = ms + 24 * i;
    if (u32[(m + 4) >>> 2] !== 0 || u32[(m + 16) >>> 2] === 0) continue; // unexported or not callable
    const nameRef = u32[m >>> 2];
    if (nameRef === 0) continue;
    const name = readGoString(mem, nameRef);
    if (name !== "Error" && name !== "String") continue;
    const mt = u32[(m + 8) >>> 2];
    const sig = mt !== 0 && u32[(mt + TD_STR) >>> 2] !== 0 ? readGoString(mem, u32[(mt + TD_STR) >>> 2]) : "";
    if (sig !== "func() string") continue;
    if (name === "Error") return m;
    str = m;
  }
  return str;
}

/**
 * recover() executed by frame fp (viaWrapper: fp is the `defer recover()` wrapper, so the
 * caller that counts is the function running its deferreturn). Writes the interface (typ,
 * data) at slot address dst: the panic value, or nil. strType: address of the descriptor of
 * `string` (a run-time error is returned as its message for now; see vm/HACKING.md).
 * May allocate (views must be reloaded by the caller).
 */
export function gorecover(vm: VM, fp: number, dst: number, strType: number, viaWrapper: boolean): void {
  const mem = vm.mem;
  let u32 = mem.u32;
  u32[dst >>> 2] = 0;
  u32[(dst >>> 2) + 1] = 0;
  u32[(dst >>> 2) + 2] = 0;
  u32[(dst >>> 2) + 3] = 0;
  const t = vm.deferTables;
  if (t === null) return; // no panic has ever started
  const img = vm.image.img;
  let x = fp;
  if (viaWrapper) x = u32[(x + FR_LINK) >>> 2];
  if (x === 0) return;
  let p = u32[(x + FR_LINK) >>> 2];
  while (p !== 0) {
    const fn = u32[(p + FR_FUNC) >>> 2];
    if (t.isStub[fn] !== 0 || (img.funcs[fn].flags & FN_WRAPPER) === 0) break;
    p = u32[(p + FR_LINK) >>> 2];
  }
  if (p === 0 || t.isStub[u32[(p + FR_FUNC) >>> 2]] === 0) return;
  const sb = (p >>> 3) + 2;
  const flags = u32[(sb + PS_FLAGS) << 1];
  // not while the panic runs an Error/String method for printing (Go: recover returns nil)
  if ((flags & (PF_GOEXIT | PF_RECOVERED | PF_PREPCALL)) !== 0) return;
  u32[(sb + PS_FLAGS) << 1] = flags | PF_RECOVERED;
  const kind = u32[(sb + PS_KIND) << 1];
  if (kind === PK_VALUE) {
    u32[dst >>> 2] = u32[(sb + PS_TYP) << 1];
    u32[(dst >>> 2) + 2] = u32[(sb + PS_DATA) << 1];
    return;
  }
  // A run-time error: a runtime.Error value (runtime/error.go) when the image has the types,
  // else its message as a string.
  const heap = vm.heap;
  if (kind >= PK_BOUNDS && t.boundsError !== 0) {
    const code = kind - PK_BOUNDS;
    const x = vm.mem.i64[sb + PS_X];
    const y = vm.mem.i64[sb + PS_Y];
    const v = heap.mallocgc(24, t.boundsError, true);
    const m = vm.mem;
    m.i64[v >>> 3] = x;
    m.i64[(v + 8) >>> 3] = y;
    m.u8[v + 16] = (code & BC_UNSIGNED) === 0 ? 1 : 0;
    m.u8[v + 17] = code & 0xf;
    m.u32[dst >>> 2] = t.boundsError;
    m.u32[(dst >>> 2) + 2] = v;
    return;
  }
  let text = stubPanicMessage(vm.mem, p);
  if (kind === PK_TYPEASSERT && t.typeAssertionErrorPtr !== 0) {
    // *runtime.TypeAssertionError{msg} (runtime/typeassert.go)
    const msg = new TextEncoder().encode(text);
    const bytes = msg.length > 0 ? heap.mallocgc(msg.length, 0, false) : 0;
    if (bytes !== 0) vm.mem.u8.set(msg, bytes);
    vm.mem.u32[(dst >>> 2) + 2] = bytes; // pinned in the result's data word (a stack root) across the next allocation
    const v = heap.mallocgc(16, t.typeAssertionError, true);
    u32 = vm.mem.u32;
    if (vm.barrier !== null) vm.barrier.writePointer(v, bytes); // v may be black
    else u32[v >>> 2] = bytes;
    u32 = vm.mem.u32;
    u32[(v + 8) >>> 2] = msg.length;
    u32[dst >>> 2] = t.typeAssertionErrorPtr;
    u32[(dst >>> 2) + 2] = v;
    return;
  }
  let typ = strType;
  // (a PK_PLAIN text with the prefix is an errorString raised by a native, e.g. makeslice's)
  if (text.startsWith("runtime error: ")) {
    if (t.errorString !== 0) {
      typ = t.errorString;
      text = text.slice("runtime error: ".length);
    }
  } else if (kind === PK_PLAIN && t.plainError !== 0) typ = t.plainError;
  const msg = new TextEncoder().encode(text);
  const bytes = msg.length > 0 ? heap.mallocgc(msg.length, 0, false) : 0;
  if (bytes !== 0) vm.mem.u8.set(msg, bytes);
  vm.mem.u32[(dst >>> 2) + 2] = bytes; // pinned in the result's data word (a stack root) across the next allocation
  const hdr = heap.mallocgc(16, typ, true);
  u32 = vm.mem.u32;
  if (vm.barrier !== null) vm.barrier.writePointer(hdr, bytes); // hdr may be black
  else u32[hdr >>> 2] = bytes;
  u32 = vm.mem.u32;
  u32[(hdr + 8) >>> 2] = msg.length;
  u32[dst >>> 2] = typ;
  u32[(dst >>> 2) + 2] = hdr;
}
