/**
 * format.ts — the program image: what the compiler produces and the runtime maps into linear
 * memory. This module (with opcodes.ts and serialize.ts) is the ONE module both the compiler
 * (`@gort/runtime/image`) and the runtime import; it imports nothing.
 *
 * ─── INSTRUCTION ENCODING ────────────────────────────────────────────────────────────────────
 * Bytecode is a sequence of little-endian 32-bit words. An instruction is 1–4 words:
 *
 *        31                              8 7          0
 *       ┌─────────────────────────────────┬────────────┐
 *  w0   │ A (24 bits, unsigned)           │ opcode (8) │   op = w0 & 0xff, A = w0 >>> 8
 *       ├─────────────────────────────────┴────────────┤
 *  w1   │ B (32 bits; signed where the format says so) │   present for AB, ABC, ABCD
 *       ├──────────────────────────────────────────────┤
 *  w2   │ C (32 bits)                                  │   present for ABC, ABCD
 *       ├──────────────────────────────────────────────┤
 *  w3   │ D (32 bits)                                  │   present for ABCD
 *       └──────────────────────────────────────────────┘
 *
 * The format of each opcode (OP_FORMAT) fixes its length (OP_WORDS). Operands are frame slot
 * indexes (slot i is the 8 bytes at fp + 16 + 8·i), signed immediates, constant-pool indexes,
 * branch offsets in words relative to the instruction's first word, function / native / type
 * indexes, or statics offsets — per opcode, as documented in opcodes.ts. A pc is a word index.
 *
 * Example: `ADD s2, s0, s1` = [0x00000218, 0x00000000, 0x00000001]  (Op.ADD = 24, A = 2).
 *
 * ─── FRAMES AND THE CALLING CONVENTION ───────────────────────────────────────────────────────
 * Frames follow stack.ts exactly (16-byte header: link, funcId, pc, size; then 8-byte slots).
 * A function's slots: [0, nparams) parameters, [nparams, nparams+nresults) results, then locals.
 * `CALL f, B, C` copies nparams slots from the caller's s[B..] into the callee's slots 0..;
 * slots [nparams, zeroEnd) are zeroed (results and pointer locals that are live at a safe point
 * before being written — the compiler orders them first); `RET` copies the callee's result slots
 * into the caller's s[C..] (C is read back from the call instruction's last word). Every scalar
 * sits in its own slot in canonical form: narrower integers sign- or zero-extended to 64 bits,
 * bools 0/1, pointers in the low word with the high word 0, float32 as the float64 of the
 * rounded value. Aggregates occupy consecutive slots (string = ptr, len; slice = ptr, len, cap;
 * interface = type, data).
 *
 * ─── SAFE POINTS, STACK MAPS, PC TABLES ──────────────────────────────────────────────────────
 * A frame's saved pc (FR_PC) is always the pc of the instruction AFTER the one it stopped at
 * (the return address for calls). Stack maps are keyed by that pc: for every call, allocation
 * and other instruction that may trigger a GC or stack copy, the function lists
 * (pcOff = savedPc − entry, map index). A line-table lookup uses savedPc − 1, i.e. the word
 * range of the stopped instruction, for every frame (as Go's traceback does with return pc − 1).
 *
 * ─── STATICS ─────────────────────────────────────────────────────────────────────────────────
 * One byte blob mapped at one base address: read-only data (type descriptors, string bytes,
 * pointer masks, itabs, static closures) then initialised globals, then `bssSize` zero bytes of
 * uninitialised globals. Addresses inside the blob are stored as statics-relative u32 words
 * listed in `relocs`; the loader adds the base address to each. Globals are the range
 * [globalsOff, globalsOff + globalsSize) with one pointer bit per 8-byte word (`globalsPtrMask`).
 *
 * TYPE DESCRIPTORS (`types[i]` = statics offset of type i) use typedesc.ts's 32-byte header
 * (size, ptrdata, hash, tflag/align/fieldAlign/kind, equal, gcdata, str, ptrToThis). gcdata,
 * str and ptrToThis are relocated addresses. EXTENSION POINT: bytes from +32 are kind-specific
 * and owned by the compiler issue (elem, len, key, fields, methods, uncommon type); the runtime
 * core reads only the header, reflection code reads the rest through accessors it defines.
 *
 * ITABS (`itabs[i]` = statics offset): +0 inter (iface type addr), +4 type (concrete type
 * addr), +8 hash (copy of type.hash), +12 pad, +16 fun[0..n) u32 function indexes (methods
 * sorted by name, as the interface's method list).
 *
 * CLOSURES are heap (or static) objects whose first word (u32) is a function index; captured
 * variables follow. CALLI passes the closure address as the context (GETCTX).
 *
 * NATIVES: bodyless Go functions (`func F(...) T` without a body, e.g. internal/reflectlite's)
 * are functions with FN_NATIVE set and `native` = index into `natives`, the list of
 * "importpath.Name" symbols (methods: "importpath.Type.Method" / "importpath.(*Type).Method").
 * The runtime binds each name to a TypeScript implementation at load time; an unknown name is a
 * load error naming the symbol. Calls to them are `CALLN` (or CALL of the stub, which forwards).
 *
 * DEFER/PANIC INFO: a function with defer statements has `deferInfo` = [defer head slot,
 * recovery point pc offset, flags (1: not open-coded in Go)], else it is empty; see
 * vm/defer.ts for the records and the runtime.gopanic frames.
 */

export const IMAGE_MAGIC = "GORTIMG\0";
/** Bumped on every incompatible change of this file or of the opcode table. */
export const IMAGE_VERSION = 1;

/** Frame header bytes (stack.ts FR_SLOTS). */
export const FRAME_HEADER = 16;

// Function flags.
/** The function reads a closure context (GETCTX). */
export const FN_CLOSURE = 1;
/** A compiler-generated wrapper (printed with file `<autogenerated>`, line 1). */
export const FN_WRAPPER = 2;
/** Bodyless: implemented by the runtime (`native` is the natives index). */
export const FN_NATIVE = 4;
/** Runtime-internal frame, hidden from tracebacks at GOTRACEBACK ≤ 1 (runtime.* lowercase). */
export const FN_RUNTIME = 8;

export interface ImageFunc {
  /** Qualified name as Go prints it: "main.main", "main.(*T).M", "main.main.func1". */
  name: string;
  /** Index into ProgramImage.files of the declaring file. */
  file: number;
  /** Line of the declaration. */
  line: number;
  /** FN_* bits. */
  flags: number;
  /** Natives index when FN_NATIVE, else -1. */
  native: number;
  /** Bytecode words (empty for natives). */
  code: Int32Array;
  /** Frame bytes including the 16-byte header; multiple of 8. */
  frameSize: number;
  /** Parameter slots (slots 0..nparams-1). */
  nparams: number;
  /** Result slots (slots nparams..nparams+nresults-1). */
  nresults: number;
  /** Slots [nparams, zeroEnd) are zeroed on entry. */
  zeroEnd: number;
  /** Line table: triples (pcOff, fileIndex, line) sorted by pcOff; a row covers pcs up to the next. */
  pcln: Int32Array;
  /** Stack maps: pairs (pcOff of the saved pc, index into ProgramImage.stackMaps) sorted by pcOff. */
  safePoints: Int32Array;
  /** [defer head slot, recovery pc offset, flags] for functions with defers (file comment), else empty. */
  deferInfo: Int32Array;
}

/** A stack map: `nslots` bits, bit i = slot i holds a pointer. */
export interface StackMap {
  nslots: number;
  /** ceil(nslots/32) words, LSB first. */
  bits: Uint32Array;
}

export interface ProgramImage {
  /** Source file paths (absolute), referenced by index. */
  files: string[];
  funcs: ImageFunc[];
  stackMaps: StackMap[];
  /** Constant pool: 8-byte bit patterns (int64, uint64, float64). */
  consts: BigInt64Array;
  /** Read-only data + initialised globals; length a multiple of 8. */
  statics: Uint8Array;
  /** Zero bytes after `statics` (uninitialised globals). */
  bssSize: number;
  /** Go globals: [globalsOff, globalsOff + globalsSize) of statics+bss (8-aligned). */
  globalsOff: number;
  globalsSize: number;
  /** One bit per 8-byte word of the globals, LSB first. */
  globalsPtrMask: Uint8Array;
  /** Statics offsets (4-aligned) of u32 words holding statics-relative addresses. */
  relocs: Uint32Array;
  /** Statics offsets of type descriptors; index = type id. */
  types: Uint32Array;
  /** Statics offsets of itabs. */
  itabs: Uint32Array;
  /** Native symbols, "importpath.Name". */
  natives: string[];
  /** Function index of main.main (the program's entry after inits). */
  entry: number;
  /** Function indexes of package init functions in execution order. */
  inits: number[];
}

/** A corrupt, truncated or inconsistent image: one line naming the file and the problem. */
export class ImageError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: invalid program image: ${problem}`);
    this.name = "ImageError";
  }
}

/** An empty image to fill in (assembler, tests). */
export function emptyImage(): ProgramImage {
  return {
    files: [],
    funcs: [],
    stackMaps: [],
    consts: new BigInt64Array(0),
    statics: new Uint8Array(0),
    bssSize: 0,
    globalsOff: 0,
    globalsSize: 0,
    globalsPtrMask: new Uint8Array(0),
    relocs: new Uint32Array(0),
    types: new Uint32Array(0),
    itabs: new Uint32Array(0),
    natives: [],
    entry: 0,
    inits: [],
  };
}

/** Line of the instruction containing pcOff in f (0 if none); file index in lineFile. */
export function lookupLine(f: ImageFunc, pcOff: number): { file: number; line: number } {
  const t = f.pcln;
  let file = f.file;
  let line = 0;
  for (let i = 0; i + 2 < t.length && t[i] <= pcOff; i += 3) {
    file = t[i + 1];
    line = t[i + 2];
  }
  return { file, line };
}
