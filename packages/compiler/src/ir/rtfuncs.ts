/**
 * rtfuncs.ts — runtime helpers the back end generates as bytecode into every image that needs
 * them (FN_RUNTIME frames, hidden from tracebacks), until the runtime provides natives for them
 * (codegen/REQUESTS.md item 6). Each is straight-line IR over its own slots.
 *
 *   runtime.concatstring2(a string, b string) string
 *   runtime.cmpstring(a string, b string) int          (-1, 0, +1; bytewise, as Go)
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
