/**
 * loader.ts — maps a ProgramImage into linear memory ("map image into linear memory" in
 * DESIGN.md) and answers the runtime's questions about it (stack maps, pc → function/line).
 *
 * Placement (all from persistentAlloc, never freed, counted as OtherSys):
 *
 *   code      every function's words, concatenated; a pc is an absolute index into mem.i32,
 *             so `i32[pc]` is the instruction word (no per-function base in the hot loop)
 *   functab   FT_WORDS u32 per function: entry pc, frame size, nparams, nresults, zeroEnd,
 *             flags, native index, spare — read by CALL/RET
 *   statics   rodata + data + bss at one base; every relocation gets the base added
 *   consts    8-aligned copy of the constant pool (LDK reads i64[constsBase + k])
 *   typetab   u32 per type id: absolute descriptor address
 *   stackmaps each distinct map in stack.ts's format (u32 nslots, bit words)
 *
 * Line tables and names stay in JavaScript (they are read only by tracebacks, runtime.Caller
 * and profilers, never by Go code; worker-thread Ms get their own copy of the image).
 */

import type { Heap } from "../malloc.js";
import { ST_OTHER_SYS } from "../mstats.js";
import type { StackMapSource } from "../stack.js";
import { type ImageFunc, type ProgramImage, ImageError, lookupLine } from "../image/format.js";

export const FT_WORDS = 8;
export const FT_ENTRY = 0;
export const FT_FRAMESIZE = 1;
export const FT_NPARAMS = 2;
export const FT_NRESULTS = 3;
export const FT_ZEROEND = 4;
export const FT_FLAGS = 5;
export const FT_NATIVE = 6;

/**
 * Directory printed for the runtime's own source files (the `panic(…)` frames of vm/defer.ts's
 * runtime.gopanic: `$GOROOT/src/runtime/panic.go:884`). gort has no Go runtime sources: GOROOT
 * from the environment when set, else the literal "$GOROOT".
 */
export let tracebackGoroot: string = (typeof process !== "undefined" && process.env.GOROOT) || "$GOROOT";
export function setTracebackGoroot(dir: string): void {
  tracebackGoroot = dir;
}

/** Linear-memory placement of a mapped image (byte addresses of each section). */
export interface ImageLayout {
  code: number;
  funcTab: number;
  statics: number;
  consts: number;
  types: number;
  maps: number;
}

export class LoadedImage implements StackMapSource {
  readonly img: ProgramImage;
  /** Word index of the function table in mem.u32. */
  readonly funcTab: number;
  /** Absolute entry pc of each function (JS copy for tracebacks). */
  readonly entries: Int32Array;
  /** Base address of statics (rodata, data, bss). */
  readonly staticsBase: number;
  /** i64 index of constant 0. */
  readonly constsBase: number;
  /** Absolute type descriptor addresses by type id. */
  readonly typeAddrs: Uint32Array;
  /** Word index of the type table in mem.u32 (typeAddrs in linear memory). */
  readonly typeTab: number;
  /** Address of each stack map in linear memory. */
  private readonly mapAddrs: Uint32Array;
  /** First and one-past-last code word. */
  readonly codeLo: number;
  readonly codeHi: number;

  /** Where the image was placed (worker-thread Ms attach with it: mthreads, MTHREADS.md). */
  readonly layout: ImageLayout;

  /**
   * Maps `img` into linear memory, or — with `attach` (a worker-thread M over memory where the
   * image is already mapped, MTHREADS.md) — only decodes the JS-side tables for that placement
   * without allocating or writing linear memory (`heap` then only needs `mem`).
   */
  constructor(
    readonly heap: Heap,
    img: ProgramImage,
    attach?: ImageLayout,
  ) {
    this.img = img;
    const mem = heap.mem;
    const nf = img.funcs.length;
    let words = 0;
    for (const f of img.funcs) words += f.code.length;
    let mapBytes = 0;
    for (const m of img.stackMaps) mapBytes += 4 + m.bits.length * 4;
    const staticsSize = img.statics.length + img.bssSize;
    const alloc = (n: number): number => heap.mheap.persistentAlloc(Math.max(8, n), 8, ST_OTHER_SYS);
    const code = attach !== undefined ? attach.code : alloc(words * 4);
    const ft = attach !== undefined ? attach.funcTab : alloc(nf * FT_WORDS * 4);
    const statics = attach !== undefined ? attach.statics : alloc(staticsSize);
    const consts = attach !== undefined ? attach.consts : alloc(img.consts.length * 8);
    const types = attach !== undefined ? attach.types : alloc(img.types.length * 4);
    const maps = attach !== undefined ? attach.maps : alloc(mapBytes);
    this.layout = { code, funcTab: ft, statics, consts, types, maps };
    const writing = attach === undefined;
    // Views only after the last allocation (each may have grown memory).
    const u32 = mem.u32;
    const i32 = mem.i32;
    this.entries = new Int32Array(nf);
    let pc = code >>> 2;
    this.codeLo = pc;
    for (let i = 0; i < nf; i++) {
      const f = img.funcs[i];
      this.entries[i] = pc;
      const b = (ft >>> 2) + i * FT_WORDS;
      const entry = pc;
      pc += f.code.length;
      if (!writing) continue;
      i32.set(f.code, entry);
      u32[b + FT_ENTRY] = entry;
      u32[b + FT_FRAMESIZE] = f.frameSize;
      u32[b + FT_NPARAMS] = f.nparams;
      u32[b + FT_NRESULTS] = f.nresults;
      u32[b + FT_ZEROEND] = f.zeroEnd;
      u32[b + FT_FLAGS] = f.flags;
      u32[b + FT_NATIVE] = f.native;
    }
    this.codeHi = pc;
    this.funcTab = ft >>> 2;
    if (writing) {
      mem.u8.set(img.statics, statics);
      for (const off of img.relocs) u32[(statics + off) >>> 2] = (u32[(statics + off) >>> 2] + statics) >>> 0;
      mem.i64.set(img.consts, consts >>> 3);
    }
    this.staticsBase = statics;
    this.constsBase = consts >>> 3;
    this.typeAddrs = new Uint32Array(img.types.length);
    for (let i = 0; i < img.types.length; i++) {
      this.typeAddrs[i] = statics + img.types[i];
      if (writing) u32[(types >>> 2) + i] = statics + img.types[i];
    }
    this.typeTab = types >>> 2;
    this.mapAddrs = new Uint32Array(img.stackMaps.length);
    let p = maps;
    for (let i = 0; i < img.stackMaps.length; i++) {
      const m = img.stackMaps[i];
      this.mapAddrs[i] = p;
      if (writing) {
        u32[p >>> 2] = m.nslots;
        u32.set(m.bits, (p >>> 2) + 1);
      }
      p += 4 + m.bits.length * 4;
    }
  }

  /** Binds native symbols to implementations; an unknown symbol is a load error. */
  bindNatives<T>(table: ReadonlyMap<string, T>, file: string): T[] {
    const out: T[] = [];
    for (const name of this.img.natives) {
      const fn = table.get(name);
      if (fn === undefined) throw new ImageError(file, `native function ${name} is not provided by this runtime`);
      out.push(fn);
    }
    return out;
  }

  /** StackMapSource: the map of function funcId's frame stopped with saved pc `pc`. */
  stackMapAddr(funcId: number, pc: number): number {
    const sp = this.img.funcs[funcId].safePoints;
    const off = pc - this.entries[funcId];
    let lo = 0;
    let hi = (sp.length >>> 1) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = sp[mid * 2];
      if (v === off) return this.mapAddrs[sp[mid * 2 + 1]];
      if (v < off) lo = mid + 1;
      else hi = mid - 1;
    }
    // Not a safe point: a frame stopped at a panicking instruction (a nil dereference, a bounds
    // check…) whose deferred calls run above it (vm/defer.ts). Its slots must still be scanned
    // and adjusted: the compiler (and the assembler) attach ONE map per function to all its safe
    // points, valid at every pc since all slots are zeroed at entry (ir.ts "Frames").
    return sp.length > 0 ? this.mapAddrs[sp[1]] : 0;
  }

  /**
   * The Go globals as a GC root range: address, bytes, and the image's pointer mask (one bit per
   * 8-byte word). Wire with `gc.addGlobalsFromMask(base, size, mask)`.
   */
  globals(): { base: number; size: number; mask: Uint8Array } {
    return { base: this.staticsBase + this.img.globalsOff, size: this.img.globalsSize, mask: this.img.globalsPtrMask };
  }

  func(funcId: number): ImageFunc {
    return this.img.funcs[funcId];
  }

  /** File and line of the instruction before saved pc `pc` in funcId (Go's pc−1 rule). */
  fileLine(funcId: number, pc: number): { file: string; line: number } {
    const f = this.img.funcs[funcId];
    const { file, line } = lookupLine(f, pc - 1 - this.entries[funcId]);
    // runtime.gopanic (vm/defer.ts) stands for Go's runtime/panic.go, whatever file the compiler gave it
    if (f.name === "runtime.gopanic") return { file: `${tracebackGoroot}/src/runtime/panic.go`, line };
    return { file: this.img.files[file] ?? "?", line };
  }
}
