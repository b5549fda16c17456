/**
 * panic.ts — run-time error values, panic messages and tracebacks in Go's layout
 * (reference/panics-and-tracebacks.md). Counterpart of Go's error.go (boundsError, the
 * runtime errorStrings), printpanics in panic.go, and traceback.go (written afresh).
 *
 * A panic is VM state (the G's G_PKIND/G_PX/G_PY/G_PVAL fields and, once defer lands, its
 * _panic chain), never a JS exception. When it reaches the top of the goroutine unrecovered, the
 * driver formats it here:
 *
 *   panic: runtime error: index out of range [5] with length 3
 *   [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x…]   (nil dereference only)
 *   <blank>
 *   goroutine 1 [running]:
 *   main.f(0x5)
 *   \t/path/main.go:12 +0x1c
 *   …
 *
 * and the process exits with status 2. Frame arguments are the function's parameter slots as
 * hex words (Go prints the argument words of its ABI; ours are slots), at most 10 then "...".
 * The +0x offset is the saved pc's byte offset from the function entry (4 bytes per word).
 */

import type { LinearMemory } from "../mem.js";
import { FR_FUNC, FR_LINK, FR_PC, STK_FP, STK_HI } from "../stack.js";
import { FN_RUNTIME, FN_WRAPPER } from "../image/format.js";
import { KIND_MASK, TD_KIND, TD_STR } from "../typedesc.js";
import type { LoadedImage } from "./loader.js";
export { setTracebackGoroot, tracebackGoroot } from "./loader.js";
import { G_GOID, G_PKIND, G_PVAL, G_PX, G_PY } from "./g.js";
import { formatFloat } from "./print.js";
import { ifacePanicMessage } from "../iface.js";
import { GOPANIC_NAME, preparedPanics, PF_GOEXIT, PF_RECOVERED, PS_DATA, PS_FLAGS, PS_KIND, PS_TYP, PS_X, PS_Y } from "./defer.js";

// Panic kinds (G_PKIND).
export const PK_NONE = 0;
/** panic(v): G_PVAL holds the interface (type, data). */
export const PK_VALUE = 1;
export const PK_DIVIDE = 2;
export const PK_NIL = 3;
export const PK_SHIFT = 4;
/**
 * A runtime plainError (no "runtime error: " prefix, e.g. "send on closed channel"): G_PX is
 * the message's index in PLAIN_ERRORS (added by the scheduler session for chan.ts).
 */
export const PK_PLAIN = 5;
/** Messages of PK_PLAIN panics, indexed by G_PX; `plainErrorId` appends. */
export const PLAIN_ERRORS: string[] = [];
/** The PK_PLAIN index of message `msg` (registered once). */
export function plainErrorId(msg: string): number {
  let i = PLAIN_ERRORS.indexOf(msg);
  if (i < 0) i = PLAIN_ERRORS.push(msg) - 1;
  return i;
}
/** runtime.Goexit running the goroutine's deferred calls (defer.ts); never printed. */
export const PK_GOEXIT = 6;
/** Bounds errors: PK_BOUNDS + code (BC_*), with BC_UNSIGNED or'ed into the code when x is unsigned. */
export const PK_BOUNDS = 16;

// Bounds check codes (BCHK's A operand), Go's boundsErrorCode order.
export const BC_INDEX = 0;
export const BC_SLICE_ALEN = 1;
export const BC_SLICE_ACAP = 2;
export const BC_SLICE_B = 3;
export const BC_SLICE3_ALEN = 4;
export const BC_SLICE3_ACAP = 5;
export const BC_SLICE3_B = 6;
export const BC_SLICE3_C = 7;
export const BC_CONVERT = 8;
/** Or'ed into a code: x is an unsigned value (printed as uint64, never negative). */
export const BC_UNSIGNED = 0x10;

const boundsFmt = [
  "index out of range [%x] with length %y",
  "slice bounds out of range [:%x] with length %y",
  "slice bounds out of range [:%x] with capacity %y",
  "slice bounds out of range [%x:%y]",
  "slice bounds out of range [::%x] with length %y",
  "slice bounds out of range [::%x] with capacity %y",
  "slice bounds out of range [:%x:%y]",
  "slice bounds out of range [%x:%y:]",
  "cannot convert slice with length %y to pointer to array with length %x",
];
const boundsNegFmt = [
  "index out of range [%x]",
  "slice bounds out of range [:%x]",
  "slice bounds out of range [:%x]",
  "slice bounds out of range [%x:]",
  "slice bounds out of range [::%x]",
  "slice bounds out of range [::%x]",
  "slice bounds out of range [:%x:]",
  "slice bounds out of range [%x::]",
];

/** Go's boundsError.Error() for code (with BC_UNSIGNED), x and y. */
export function boundsMessage(code: number, x: bigint, y: bigint): string {
  const c = code & 0xf;
  const signed = (code & BC_UNSIGNED) === 0;
  let xs = signed ? x : BigInt.asUintN(64, x);
  let f = boundsFmt[c];
  if (signed && x < 0n && c < boundsNegFmt.length) f = boundsNegFmt[c];
  if (!signed) xs = BigInt.asUintN(64, xs);
  return "runtime error: " + f.replace("%x", xs.toString()).replace("%y", y.toString());
}

/** The text after "panic: " for the panic recorded in G g (without the signal line). */
export function panicMessage(mem: LinearMemory, g: number): string {
  return messageOf(mem, mem.u32[(g + G_PKIND) >>> 2], mem.i64[(g + G_PX) >>> 3], mem.i64[(g + G_PY) >>> 3], mem.u32[(g + G_PVAL) >>> 2], mem.u32[(g + G_PVAL + 4) >>> 2]);
}

/** The text after "panic: " for the panic whose runtime.gopanic frame is p (defer.ts layout). */
export function stubPanicMessage(mem: LinearMemory, p: number): string {
  const sb = (p >>> 3) + 2;
  return messageOf(mem, mem.u32[(sb + PS_KIND) << 1], mem.i64[sb + PS_X], mem.i64[sb + PS_Y], mem.u32[(sb + PS_TYP) << 1], mem.u32[(sb + PS_DATA) << 1]);
}

function messageOf(mem: LinearMemory, kind: number, x: bigint, y: bigint, typ: number, data: number): string {
  switch (kind) {
    case PK_DIVIDE:
      return "runtime error: integer divide by zero";
    case PK_NIL:
      return "runtime error: invalid memory address or nil pointer dereference";
    case PK_SHIFT:
      return "runtime error: negative shift amount";
    case PK_PLAIN:
      return PLAIN_ERRORS[Number(x)] ?? `unknown plain error ${x}`;
    case PK_VALUE:
      return printValue(mem, typ, data);
    default: {
      if (kind >= PK_BOUNDS) return boundsMessage(kind - PK_BOUNDS, x, y);
      const im = ifacePanicMessage(mem, kind, x, y); // type assertions, == (iface.ts)
      if (im !== null) return im;
      return `unknown panic kind ${kind}`;
    }
  }
}

/** Reads the Go string header at addr (ptr u32, len in the next 8-byte word). */
export function readGoString(mem: LinearMemory, hdr: number): string {
  const p = mem.u32[hdr >>> 2];
  const n = mem.u32[(hdr + 8) >>> 2];
  return new TextDecoder().decode(mem.u8.slice(p, p + n));
}

/**
 * Go's printpanicval for an interface (type, data) whose dynamic type has no Error/String
 * method (those need method calls, which come with the compiler's itabs): predeclared basic
 * types print bare, named basic types as pkg.Name(v), everything else as (T) 0xaddr.
 */
export function printValue(mem: LinearMemory, typ: number, data: number): string {
  if (typ === 0) return "nil";
  const kind = mem.u8[typ + TD_KIND] & KIND_MASK;
  const direct = (mem.u8[typ + TD_KIND] & 0x20) !== 0;
  const strAddr = mem.u32[(typ + TD_STR) >>> 2];
  const name = strAddr !== 0 ? readGoString(mem, strAddr) : "?";
  const predeclared = !name.includes(".");
  // The data word is a pointer to the value unless the type is direct-interface (pointer-shaped).
  const p = data;
  // The runtime's own error values (runtime/error.go, boxed by defer.ts) print as their Error().
  const rte = runtimeErrorText(mem, name, p);
  if (rte !== null) return rte;
  let v: string | null = null;
  switch (kind) {
    case 1:
      v = mem.u8[p] !== 0 ? "true" : "false";
      break;
    case 2:
    case 6:
      v = mem.i64[p >>> 3].toString();
      break;
    case 3:
      v = ((mem.u8[p] << 24) >> 24).toString();
      break;
    case 4:
      v = ((mem.u16[p >>> 1] << 16) >> 16).toString();
      break;
    case 5:
      v = mem.i32[p >>> 2].toString();
      break;
    case 7:
    case 11:
    case 12:
      v = BigInt.asUintN(64, mem.i64[p >>> 3]).toString();
      break;
    case 8:
      v = mem.u8[p].toString();
      break;
    case 9:
      v = mem.u16[p >>> 1].toString();
      break;
    case 10:
      v = mem.u32[p >>> 2].toString();
      break;
    case 13:
      v = formatFloat(mem.f32[p >>> 2]);
      break;
    case 14:
      v = formatFloat(mem.f64[p >>> 3]);
      break;
    case 24:
      v = readGoString(mem, p);
      if (!predeclared) v = JSON.stringify(v);
      break;
  }
  if (v === null) return `(${name}) 0x${(direct ? data : p).toString(16)}`;
  return predeclared ? v : `${name}(${v})`;
}

/**
 * Error() of a value of package runtime's run-time error types (runtime/error.go) at p, or null
 * for any other type. Layouts: errorString/plainError are strings; boundsError is {x int64,
 * y int, signed bool @16, code uint8 @17}.
 */
export function runtimeErrorText(mem: LinearMemory, typeName: string, p: number): string | null {
  switch (typeName) {
    case "runtime.errorString":
      return "runtime error: " + readGoString(mem, p);
    case "runtime.plainError":
    case "*runtime.TypeAssertionError": // {msg string} (runtime/typeassert.go)
      return readGoString(mem, p);
    case "runtime.boundsError":
      return boundsMessage(mem.u8[p + 17] | (mem.u8[p + 16] !== 0 ? 0 : BC_UNSIGNED), mem.i64[p >>> 3], mem.i64[(p + 8) >>> 3]);
  }
  return null;
}

function isGopanic(image: LoadedImage, id: number): boolean {
  return image.func(id).name === GOPANIC_NAME;
}

/** The runtime.gopanic frames (panics) on g's stack, innermost first (defer.ts). */
export function panicFrames(mem: LinearMemory, image: LoadedImage, g: number): number[] {
  const u32 = mem.u32;
  const out: number[] = [];
  for (let f = u32[(g + STK_FP) >>> 2]; f !== 0; f = u32[(f + FR_LINK) >>> 2]) if (isGopanic(image, u32[(f + FR_FUNC) >>> 2])) out.push(f);
  return out;
}

/** Go's traceback of goroutine g, frames from its saved fp (GOTRACEBACK=single layout). */
export function traceback(mem: LinearMemory, image: LoadedImage, g: number, status = "running"): string {
  const u32 = mem.u32;
  let s = `goroutine ${u32[(g + G_GOID) >>> 2]} [${status}]:\n`;
  const fp = u32[(g + STK_FP) >>> 2];
  const frames: number[] = [];
  for (let f = fp; f !== 0; f = u32[(f + FR_LINK) >>> 2]) frames.push(f);
  // GOTRACEBACK ≤ 1 hides runtime frames unless that would hide everything; a gopanic frame
  // that is not the top frame marks the boundary into deferred code and prints as panic(…).
  // Wrappers (method values' -fm, promoted and pointer-receiver wrappers) are elided as Go's
  // traceback does, unless the wrapper itself panicked (panicwrap: its callee is gopanic, or
  // it is the faulting top frame).
  const shownFrame = (f: number, i: number): boolean => {
    const id = u32[(f + FR_FUNC) >>> 2];
    if (isGopanic(image, id)) return i > 0;
    const flags = image.func(id).flags;
    if ((flags & FN_WRAPPER) !== 0 && (flags & FN_RUNTIME) === 0 && i > 0 && !isGopanic(image, u32[(frames[i - 1] + FR_FUNC) >>> 2])) return false;
    return (flags & FN_RUNTIME) === 0;
  };
  const shown = frames.filter(shownFrame);
  const list = shown.length > 0 ? shown : frames;
  // A nil dereference faults AT an instruction (Go: the signal pc, not a return address): the
  // faulting frame's offset is that instruction's, omitted when it is the function's first.
  // The faulting frame is the top one, or the one right below the gopanic frame of that panic.
  const faultPcOf = (f: number): number => {
    const i = frames.indexOf(f);
    if (i === 0) return u32[(g + G_PKIND) >>> 2] === PK_NIL ? u32[(g + G_PY) >>> 2] : -1;
    const above = frames[i - 1];
    if (!isGopanic(image, u32[(above + FR_FUNC) >>> 2])) return -1;
    const sb = (above >>> 3) + 2;
    return u32[(sb + PS_KIND) << 1] === PK_NIL ? u32[(sb + PS_Y) << 1] : -1;
  };
  let n = 0;
  for (const f of list) {
    if (n === 100) {
      s += "...additional frames elided...\n";
      break;
    }
    n++;
    const id = u32[(f + FR_FUNC) >>> 2];
    const fn = image.func(id);
    const pc = u32[(f + FR_PC) >>> 2];
    const args: string[] = [];
    for (let i = 0; i < fn.nparams && i < 10; i++) {
      const lo = u32[(f + 16 + 8 * i) >>> 2];
      const hi = u32[(f + 20 + 8 * i) >>> 2];
      args.push("0x" + ((BigInt(hi) << 32n) | BigInt(lo)).toString(16));
    }
    if (fn.nparams > 10) args.push("...");
    const faultPc = faultPcOf(f);
    const top = faultPc >= 0;
    const off = ((top ? faultPc : pc) - image.entries[id]) * 4;
    const offs = off > 0 ? ` +0x${off.toString(16)}` : "";
    if (isGopanic(image, id)) {
      const { file, line } = image.fileLine(id, pc);
      // Go prints gopanic's interface argument as one aggregate: panic({type, data})
      s += `panic({${args.join(", ")}})\n\t${file}:${line}${offs}\n`;
    } else if (fn.flags & FN_WRAPPER) {
      s += `${fn.name}(${args.join(", ")})\n\t<autogenerated>:1${offs}\n`;
    } else {
      const { file, line } = image.fileLine(id, top ? faultPc + 1 : pc);
      s += `${fn.name}(${args.join(", ")})\n\t${file}:${line}${offs}\n`;
    }
  }
  return s;
}

/**
 * The "panic: …" lines of g's panics, oldest first (Go's printpanics): later panics indented
 * by a tab, " [recovered]" on those recovered before the next one started, Goexit's skipped;
 * then the signal line of a nil dereference.
 */
export function printPanics(mem: LinearMemory, image: LoadedImage, g: number): string {
  const u32 = mem.u32;
  const stubs = panicFrames(mem, image, g);
  if (stubs.length === 0) {
    let s = `panic: ${panicMessage(mem, g)}\n`;
    if (u32[(g + G_PKIND) >>> 2] === PK_NIL) s += signalLine(u32[(g + G_PX) >>> 2], u32[(g + G_PY) >>> 2]);
    return s;
  }
  let s = "";
  for (let k = stubs.length - 1; k >= 0; k--) {
    const sb = (stubs[k] >>> 3) + 2;
    const flags = u32[(sb + PS_FLAGS) << 1];
    if (k < stubs.length - 1) {
      const older = (stubs[k + 1] >>> 3) + 2;
      if ((u32[(older + PS_FLAGS) << 1] & PF_GOEXIT) === 0) s += "\t";
    }
    if ((flags & PF_GOEXIT) !== 0) continue;
    const text = preparedPanics.get(mem)?.get(`${g}:${u32[(g + STK_HI) >>> 2] - stubs[k]}`) ?? stubPanicMessage(mem, stubs[k]);
    s += `panic: ${text}${(flags & PF_RECOVERED) !== 0 ? " [recovered]" : ""}\n`;
  }
  for (const p of stubs) {
    const sb = (p >>> 3) + 2;
    if (u32[(sb + PS_KIND) << 1] === PK_NIL) {
      s += signalLine(u32[(sb + PS_X) << 1], u32[(sb + PS_Y) << 1]);
      break;
    }
  }
  return s;
}

function signalLine(addr: number, pc: number): string {
  return `[signal SIGSEGV: segmentation violation code=0x1 addr=0x${addr.toString(16)} pc=0x${(pc * 4).toString(16)}]\n`;
}

/** The complete stderr text of an unrecovered panic on g (messages, signal line, traceback). */
export function formatPanic(mem: LinearMemory, image: LoadedImage, g: number): string {
  return printPanics(mem, image, g) + "\n" + traceback(mem, image, g);
}
