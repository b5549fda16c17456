/**
 * rtfuncs.ts — runtime helpers the back end generates as bytecode into every image that needs
 * them (FN_RUNTIME frames, hidden from tracebacks), until the runtime provides natives for them
 * (codegen/REQUESTS.md item 6). Each is straight-line IR over its own slots.
 *
 *   runtime.concatstring2(a string, b string) string
 *   runtime.cmpstring(a string, b string) int          (-1, 0, +1; bytewise, as Go)
 *   runtime.memmove(dst, src *byte, n int)             (no write barriers: REQUESTS.md 1)
 */
import { FN_RUNTIME, Op } from "@gort/runtime/image";
import { Label, newFunc, type Instr, type IrFunc } from "./ir.js";

class Asm {
  constructor(readonly f: IrFunc) {}
  i(op: Op, a = 0, b = 0, c = 0, d = 0, target?: Label, extra?: Partial<Instr>): void {
    this.f.code.push({ op, a, b, c, d, target, file: this.f.file, line: 1, ...extra });
  }
  l(label: Label): void {
    this.f.code.push(label);
  }
}

function helper(name: string, file: number, shape: string, nparams: number, nresults: number): [IrFunc, Asm] {
  const f = newFunc(name, file, 1);
  f.flags |= FN_RUNTIME;
  f.nparams = nparams;
  f.nresults = nresults;
  for (const c of shape) f.ptrSlots.push(c === "p");
  return [f, new Asm(f)];
}

/** concatstring2: slots 0 ap 1 al 2 bp 3 bl | 4 rp 5 rl | 6 n 7 i 8 k 9 t 10 p 11 q 12 zero */
export function makeConcatString2(file: number, uint8TypeId: number): IrFunc {
  const [f, a] = helper("runtime.concatstring2", file, "pnpn" + "pn" + "nnnnppn", 4, 2);
  const l1 = new Label();
  const l2 = new Label();
  const c1 = new Label();
  const d1 = new Label();
  const c2 = new Label();
  const d2 = new Label();
  a.i(Op.LDI, 12, 0);
  a.i(Op.JNE, 1, 12, 0, 0, l1);
  a.i(Op.MOVN, 4, 2, 2);
  a.i(Op.RET);
  a.l(l1);
  a.i(Op.JNE, 3, 12, 0, 0, l2);
  a.i(Op.MOVN, 4, 0, 2);
  a.i(Op.RET);
  a.l(l2);
  a.i(Op.ADD, 6, 1, 3);
  a.i(Op.NEWARR, 4, uint8TypeId, 6);
  a.i(Op.LDI, 7, 0);
  a.l(c1);
  a.i(Op.JLE, 1, 7, 0, 0, d1);
  a.i(Op.INDEXP, 10, 0, 7, 1);
  a.i(Op.LD8, 9, 10, 0);
  a.i(Op.INDEXP, 11, 4, 7, 1);
  a.i(Op.ST8, 11, 0, 9);
  a.i(Op.ADDI, 7, 7, 1);
  a.i(Op.JMP, 0, 0, 0, 0, c1);
  a.l(d1);
  a.i(Op.LDI, 7, 0);
  a.l(c2);
  a.i(Op.JLE, 3, 7, 0, 0, d2);
  a.i(Op.INDEXP, 10, 2, 7, 1);
  a.i(Op.LD8, 9, 10, 0);
  a.i(Op.ADD, 8, 1, 7);
  a.i(Op.INDEXP, 11, 4, 8, 1);
  a.i(Op.ST8, 11, 0, 9);
  a.i(Op.ADDI, 7, 7, 1);
  a.i(Op.JMP, 0, 0, 0, 0, c2);
  a.l(d2);
  a.i(Op.MOV, 5, 6);
  a.i(Op.RET);
  return f;
}

/** cmpstring: slots 0 ap 1 al 2 bp 3 bl | 4 r | 5 l 6 i 7 x 8 y 9 p 10 q */
export function makeCmpString(file: number): IrFunc {
  const [f, a] = helper("runtime.cmpstring", file, "pnpn" + "n" + "nnnnpp", 4, 1);
  const ok = new Label();
  const loop = new Label();
  const done = new Label();
  const less = new Label();
  const greater = new Label();
  const next = new Label();
  a.i(Op.MOV, 5, 1);
  a.i(Op.JLE, 1, 3, 0, 0, ok);
  a.i(Op.MOV, 5, 3);
  a.l(ok);
  a.i(Op.LDI, 6, 0);
  a.l(loop);
  a.i(Op.JLE, 5, 6, 0, 0, done);
  a.i(Op.INDEXP, 9, 0, 6, 1);
  a.i(Op.LD8, 7, 9, 0);
  a.i(Op.INDEXP, 10, 2, 6, 1);
  a.i(Op.LD8, 8, 10, 0);
  a.i(Op.JEQ, 7, 8, 0, 0, next);
  a.i(Op.JLTU, 7, 8, 0, 0, less);
  a.i(Op.JMP, 0, 0, 0, 0, greater);
  a.l(next);
  a.i(Op.ADDI, 6, 6, 1);
  a.i(Op.JMP, 0, 0, 0, 0, loop);
  a.l(done);
  a.i(Op.JLT, 1, 3, 0, 0, less);
  a.i(Op.JLT, 3, 1, 0, 0, greater);
  a.i(Op.LDI, 4, 0);
  a.i(Op.RET);
  a.l(less);
  a.i(Op.LDI, 4, -1);
  a.i(Op.RET);
  a.l(greater);
  a.i(Op.LDI, 4, 1);
  a.i(Op.RET);
  return f;
}

/**
 * memmove(dst, src *byte, n int): overlapping-safe copy (backward when dst > src), by 8-byte
 * words when dst, src and n are multiples of 8, else by bytes. Slots: 0 dst 1 src 2 n |
 * 3 i 4 t 5 p 6 q 7 w (=or of the three, then step) 8 zero
 */
export function makeMemmove(file: number): IrFunc {
  const [f, a] = helper("runtime.memmove", file, "ppn" + "nnppnn", 3, 0);
  const bytes = new Label();
  const done = new Label();
  // Forward copy when dst <= src (unsigned), else backward; `width` bytes per step.
  const copyLoops = (width: number, load: Op, store: Op): void => {
    const fwd = new Label();
    const back = new Label();
    const backLoop = new Label();
    const step = (delta: number, top: Label): void => {
      a.i(Op.INDEXP, 5, 1, 3, 1);
      a.i(load, 4, 5, 0);
      a.i(Op.INDEXP, 6, 0, 3, 1);
      a.i(store, 6, 0, 4);
      a.i(Op.ADDI, 3, 3, delta);
      a.i(Op.JMP, 0, 0, 0, 0, top);
    };
    a.i(Op.JLTU, 1, 0, 0, 0, back);
    a.i(Op.LDI, 3, 0);
    a.l(fwd);
    a.i(Op.JLE, 2, 3, 0, 0, done);
    step(width, fwd);
    a.l(back);
    a.i(Op.ADDI, 3, 2, -width);
    a.l(backLoop);
    a.i(Op.JLT, 3, 8, 0, 0, done);
    step(-width, backLoop);
  };
  a.i(Op.LDI, 8, 0);
  a.i(Op.JLE, 2, 8, 0, 0, done);
  a.i(Op.OR, 7, 0, 1);
  a.i(Op.OR, 7, 7, 2);
  a.i(Op.SHLI, 7, 7, 61); // low three bits survive a shift left by 61
  a.i(Op.JNE, 7, 8, 0, 0, bytes);
  copyLoops(8, Op.LD64, Op.ST64); // words
  a.l(bytes);
  copyLoops(1, Op.LD8, Op.ST8);
  a.l(done);
  a.i(Op.RET);
  return f;
}

/**
 * decoderune(s string, k int) (r rune, next int): the UTF-8 sequence at s[k] (k < len(s)), or
 * (U+FFFD, k+1) when it is invalid (bad lead byte, bad or missing continuation, overlong form,
 * surrogate, > U+10FFFF) — exactly unicode/utf8's rules, which range over strings follows.
 * Slots: 0 p 1 len 2 k | 3 r 4 next | 5 b0 6 b1 7 b2 8 b3 9 addr 10 lo 11 hi 12 tmp 13 idx
 */
export function makeDecodeRune(file: number): IrFunc {
  const [f, a] = helper("runtime.decoderune", file, "pnn" + "nn" + "nnnnpnnnn", 3, 2);
  const invalid = new Label();
  const cmpLT = (x: number, imm: number, target: Label): void => {
    a.i(Op.LDI, 12, imm);
    a.i(Op.JLT, x, 12, 0, 0, target);
  };
  const load = (dst: number, off: number): void => {
    a.i(Op.ADDI, 13, 2, off);
    a.i(Op.JLE, 1, 13, 0, 0, invalid);
    a.i(Op.INDEXP, 9, 0, 13, 1);
    a.i(Op.LD8, dst, 9, 0);
  };
  const inRange = (b: number): void => {
    a.i(Op.JLT, b, 10, 0, 0, invalid);
    a.i(Op.JLT, 11, b, 0, 0, invalid);
  };
  const cont = (b: number): void => {
    a.i(Op.LDI, 10, 0x80);
    a.i(Op.LDI, 11, 0xbf);
    inRange(b);
  };
  const accumulate = (b: number): void => {
    // r = r<<6 | b&0x3f
    a.i(Op.SHLI, 3, 3, 6);
    a.i(Op.LDI, 12, 0x3f);
    a.i(Op.AND, 12, b, 12);
    a.i(Op.OR, 3, 3, 12);
  };
  const lead = (mask: number): void => {
    a.i(Op.LDI, 12, mask);
    a.i(Op.AND, 3, 5, 12);
  };
  const ifEq = (x: number, imm: number, then: () => void): void => {
    const skip = new Label();
    a.i(Op.LDI, 12, imm);
    a.i(Op.JNE, x, 12, 0, 0, skip);
    then();
    a.l(skip);
  };
  const two = new Label();
  const three = new Label();
  const four = new Label();
  load(5, 0);
  const notAscii = new Label();
  a.i(Op.LDI, 12, 0x80);
  a.i(Op.JLE, 12, 5, 0, 0, notAscii);
  a.i(Op.MOV, 3, 5);
  a.i(Op.ADDI, 4, 2, 1);
  a.i(Op.RET);
  a.l(notAscii);
  cmpLT(5, 0xc2, invalid);
  cmpLT(5, 0xe0, two);
  cmpLT(5, 0xf0, three);
  cmpLT(5, 0xf5, four);
  a.i(Op.JMP, 0, 0, 0, 0, invalid);
  a.l(two);
  load(6, 1);
  cont(6);
  lead(0x1f);
  accumulate(6);
  a.i(Op.ADDI, 4, 2, 2);
  a.i(Op.RET);
  a.l(three);
  load(6, 1);
  a.i(Op.LDI, 10, 0x80);
  a.i(Op.LDI, 11, 0xbf);
  ifEq(5, 0xe0, () => a.i(Op.LDI, 10, 0xa0));
  ifEq(5, 0xed, () => a.i(Op.LDI, 11, 0x9f));
  inRange(6);
  load(7, 2);
  cont(7);
  lead(0x0f);
  accumulate(6);
  accumulate(7);
  a.i(Op.ADDI, 4, 2, 3);
  a.i(Op.RET);
  a.l(four);
  load(6, 1);
  a.i(Op.LDI, 10, 0x80);
  a.i(Op.LDI, 11, 0xbf);
  ifEq(5, 0xf0, () => a.i(Op.LDI, 10, 0x90));
  ifEq(5, 0xf4, () => a.i(Op.LDI, 11, 0x8f));
  inRange(6);
  load(7, 2);
  cont(7);
  load(8, 3);
  cont(8);
  lead(0x07);
  accumulate(6);
  accumulate(7);
  accumulate(8);
  a.i(Op.ADDI, 4, 2, 4);
  a.i(Op.RET);
  a.l(invalid);
  a.i(Op.LDI, 3, 0xfffd);
  a.i(Op.ADDI, 4, 2, 1);
  a.i(Op.RET);
  return f;
}

/**
 * intstring(r int64) string: the UTF-8 encoding of r; U+FFFD for negative values, surrogates
 * and values above U+10FFFF (Go's string(rune)). Slots: 0 r | 1 p 2 len | 3 tmp 4 b 5 v 6 n
 */
export function makeIntString(file: number, uint8TypeId: number): IrFunc {
  const [f, a] = helper("runtime.intstring", file, "n" + "pn" + "nnnn", 1, 2);
  const one = new Label();
  const two = new Label();
  const three = new Label();
  const four = new Label();
  const bad = new Label();
  const lt = (imm: number, target: Label): void => {
    a.i(Op.LDI, 3, imm);
    a.i(Op.JLT, 0, 3, 0, 0, target);
  };
  const alloc = (n: number): void => {
    a.i(Op.LDI, 6, n);
    a.i(Op.NEWARR, 1, uint8TypeId, 6);
    a.i(Op.LDI, 2, n);
  };
  // byte at offset off = prefix | (v >> shift) & mask
  const put = (off: number, prefix: number, shift: number, mask: number): void => {
    a.i(Op.SARI, 4, 5, shift);
    a.i(Op.LDI, 3, mask);
    a.i(Op.AND, 4, 4, 3);
    a.i(Op.LDI, 3, prefix);
    a.i(Op.OR, 4, 4, 3);
    a.i(Op.ST8, 1, off, 4);
  };
  a.i(Op.MOV, 5, 0);
  lt(0, bad);
  lt(0x80, one);
  lt(0x800, two);
  lt(0xd800, three);
  lt(0xe000, bad);
  lt(0x10000, three);
  lt(0x110000, four);
  a.l(bad);
  a.i(Op.LDI, 5, 0xfffd);
  a.l(three);
  alloc(3);
  put(0, 0xe0, 12, 0x0f);
  put(1, 0x80, 6, 0x3f);
  put(2, 0x80, 0, 0x3f);
  a.i(Op.RET);
  a.l(one);
  alloc(1);
  a.i(Op.ST8, 1, 0, 5);
  a.i(Op.RET);
  a.l(two);
  alloc(2);
  put(0, 0xc0, 6, 0x1f);
  put(1, 0x80, 0, 0x3f);
  a.i(Op.RET);
  a.l(four);
  alloc(4);
  put(0, 0xf0, 18, 0x07);
  put(1, 0x80, 12, 0x3f);
  put(2, 0x80, 6, 0x3f);
  put(3, 0x80, 0, 0x3f);
  a.i(Op.RET);
  return f;
}
