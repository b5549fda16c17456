/**
 * emit.ts — IR functions → ProgramImage: instruction encoding (format.ts diagram), branch
 * offsets, PC→line tables, stack maps at every safe point, the constant pool and statics.
 */
import {
  FRAME_HEADER,
  OP_BRANCH_WORD,
  OP_WORDS,
  Op,
  emptyImage,
  type ImageFunc,
  type ProgramImage,
  type StackMap,
} from "@gort/runtime/image";
import { Label, type Instr, type IrFunc } from "../ir/ir.js";
import { optEnabled, optimizeFunc } from "../ir/opt.js";
import type { Statics } from "./statics.js";
import type { TypeTable } from "./typedesc.js";

/** Opcodes after which the frame may be scanned or copied (the saved pc is the next one). */
const SAFE_POINT = new Set<number>([Op.CALL, Op.CALLI, Op.CALLN, Op.NEW, Op.NEWARR, Op.STP, Op.TYPEDMOVE, Op.JMP, Op.RECOVER]);

/** The constant pool (8-byte bit patterns), deduplicated. */
export class ConstPool {
  readonly values: bigint[] = [];
  private idx = new Map<bigint, number>();
  int(v: bigint): number {
    const x = BigInt.asIntN(64, v);
    let i = this.idx.get(x);
    if (i === undefined) {
      i = this.values.push(x) - 1;
      this.idx.set(x, i);
    }
    return i;
  }
  float(f: number): number {
    const b = new Float64Array([f]);
    return this.int(new BigInt64Array(b.buffer)[0]);
  }
}

export interface ImageParts {
  files: string[];
  funcs: IrFunc[];
  consts: ConstPool;
  statics: Statics;
  types: TypeTable;
  globalsSize: number;
  globalPtrWords: number[];
  entry: IrFunc;
  natives: string[];
}

function encodeFunc(f: IrFunc, stackMaps: StackMap[], globalsOff: number): ImageFunc {
  const words: number[] = [];
  const fixups: { at: number; start: number; target: Label }[] = [];
  const pcln: number[] = [];
  const safe: number[] = [];
  let lastFile = -1;
  let lastLine = -1;
  // operands of slot-less calls (CALL f, s0, s0) must still name a slot of the frame
  if (f.ptrSlots.length === 0) f.ptrSlots.push(false);
  // one stack map per function (see ir.ts: slot classes are fixed)
  const nslots = f.ptrSlots.length;
  const bits = new Uint32Array(Math.ceil(nslots / 32));
  f.ptrSlots.forEach((p, i) => {
    if (p) bits[i >>> 5] |= 1 << (i & 31);
  });
  const mapIndex = stackMaps.push({ nslots, bits }) - 1;
  for (const it of f.code) {
    if (it instanceof Label) {
      it.pc = words.length;
      continue;
    }
    const ins = it as Instr;
    if (ins.file !== lastFile || ins.line !== lastLine) {
      pcln.push(words.length, ins.file, ins.line);
      lastFile = ins.file;
      lastLine = ins.line;
    }
    const start = words.length;
    const a = ins.fn !== undefined ? ins.fn.index : ins.a;
    words.push((ins.op & 0xff) | (a << 8));
    const n = OP_WORDS[ins.op];
    const b = ins.fnB !== undefined ? ins.fnB.index : ins.globalRel === true ? ins.b + globalsOff : ins.b;
    const ops = [b, ins.c, ins.d];
    for (let k = 1; k < n; k++) words.push(ops[k - 1] | 0);
    if (ins.target !== undefined) {
      const bw = OP_BRANCH_WORD[ins.op];
      fixups.push({ at: start + bw, start, target: ins.target });
    }
    if (SAFE_POINT.has(ins.op)) safe.push(words.length, mapIndex);
  }
  for (const fx of fixups) {
    if (fx.target.pc < 0) throw new Error(`internal: unplaced label ${fx.target.name} in ${f.name}`);
    words[fx.at] = fx.target.pc - fx.start;
  }
  return {
    name: f.name,
    file: f.file,
    line: f.line,
    flags: f.flags,
    native: -1,
    code: Int32Array.from(words),
    frameSize: FRAME_HEADER + 8 * nslots,
    nparams: f.nparams,
    nresults: f.nresults,
    zeroEnd: nslots,
    pcln: Int32Array.from(pcln),
    safePoints: Int32Array.from(safe),
    deferInfo: f.deferInfo !== undefined ? Int32Array.of(f.deferInfo.slot, f.deferInfo.recover.pc, f.deferInfo.flags) : new Int32Array(0),
  };
}

export function buildImage(p: ImageParts): ProgramImage {
  const img = emptyImage();
  img.files = p.files;
  p.funcs.forEach((f, i) => (f.index = i));
  // globals are the zeroed block right after the statics (bss)
  p.types.finish();
  img.statics = p.statics.finish();
  const globalsOff = img.statics.length;
  const stackMaps: StackMap[] = [];
  if (optEnabled()) {
    // slot-level clean-ups and fused opcodes (ir/opt.ts; GORT_OPT=0 turns them off)
    const env = { consts: p.consts.values, addConst: (v: bigint) => p.consts.int(v), natives: p.natives };
    for (const f of p.funcs) optimizeFunc(f, env);
  }
  img.funcs = p.funcs.map((f) => encodeFunc(f, stackMaps, globalsOff));
  img.stackMaps = stackMaps;
  img.consts = BigInt64Array.from(p.consts.values);
  img.bssSize = p.globalsSize;
  img.globalsOff = globalsOff;
  img.globalsSize = p.globalsSize;
  const mask = new Uint8Array(Math.ceil(p.globalsSize / 64));
  for (const w of p.globalPtrWords) mask[w >>> 3] |= 1 << (w & 7);
  img.globalsPtrMask = mask;
  img.relocs = Uint32Array.from(p.statics.relocs);
  img.types = Uint32Array.from(p.types.offs);
  img.entry = p.entry.index;
  img.inits = [];
  img.natives = p.natives;
  return img;
}
