// Every arithmetic/conversion opcode against Go 1.19's results. testdata/semantics.out is the
// pasted output of `go run testdata/semantics.go` (rows: OP a b expected, int64 bit patterns).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Heap } from "../malloc.js";
import { LoadedImage } from "./loader.js";
import { RUN_EXIT, VM } from "./interp.js";
import { assemble, funcIndex } from "./asm.js";
import { validateImage } from "../image/serialize.js";

const rows = readFileSync(new URL("./testdata/semantics.out", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .map((l) => {
    const [op, a, b, r] = l.split(" ");
    return { op, a: BigInt(a), b: BigInt(b), r: BigInt(r) };
  });

const binary = ["ADD", "SUB", "MUL", "DIV", "REM", "DIVU", "REMU", "AND", "OR", "XOR", "ANDNOT", "EQ", "NE", "LT", "LE", "LTU", "LEU",
  "SHL", "SHR", "SAR", "ADDF", "SUBF", "MULF", "DIVF", "ADDF32", "SUBF32", "MULF32", "DIVF32", "EQF", "NEF", "LTF", "LEF"];
const unary = ["NEG", "COM", "SEXT8", "SEXT16", "SEXT32", "ZEXT8", "ZEXT16", "ZEXT32", "I2F", "U2F", "I2F32", "U2F32", "F2I", "F2U", "F2F32", "NEGF", "SQRTF"];

let src = "";
for (const op of binary) src += `func ${op} params=2 results=1 frame=3\n  ${op} s2, s0, s1\n  RET\nend\n`;
for (const op of unary) src += `func ${op} params=1 results=1 frame=2\n  ${op} s1, s0\n  RET\nend\n`;
// Narrow integer arithmetic: the compiler's lowering (canonicalise operands, 64-bit op, extend).
src += `func ADD32 params=2 results=1 frame=3\n  SEXT32 s0, s0\n  SEXT32 s1, s1\n  ADD s2, s0, s1\n  SEXT32 s2, s2\n  RET\nend\n`;
src += `func MUL32 params=2 results=1 frame=3\n  SEXT32 s0, s0\n  SEXT32 s1, s1\n  MUL s2, s0, s1\n  SEXT32 s2, s2\n  RET\nend\n`;
src += `func MULU16 params=2 results=1 frame=3\n  ZEXT16 s0, s0\n  ZEXT16 s1, s1\n  MUL s2, s0, s1\n  ZEXT16 s2, s2\n  RET\nend\n`;
src += `func DIV32 params=2 results=1 frame=3\n  SEXT32 s0, s0\n  SEXT32 s1, s1\n  DIV s2, s0, s1\n  SEXT32 s2, s2\n  RET\nend\n`;
const imms = new Set<bigint>();
for (const r of rows) if (r.op === "ADDI") imms.add(r.b);
for (const c of imms) src += `func ADDI_${c < 0n ? "m" + -c : c} params=1 results=1 frame=2\n  ADDI s1, s0, ${c}\n  RET\nend\n`;
for (const op of ["SHLI", "SHRI", "SARI"]) for (const c of [0, 1, 7, 31, 32, 33, 63]) src += `func ${op}_${c} params=1 results=1 frame=2\n  ${op} s1, s0, ${c}\n  RET\nend\n`;

describe("opcode semantics match Go 1.19", () => {
  const img = assemble(src);
  validateImage(img, "semantics");
  const heap = new Heap();
  const vm = new VM(heap, new LoadedImage(heap, img), { write: () => {} });
  const g = vm.newG();
  const call = (name: string, args: bigint[]): bigint => {
    vm.start(g, funcIndex(img, name), args);
    expect(vm.run(g)).toBe(RUN_EXIT);
    const r = vm.result(g, 0);
    heap.stacks.popFrame(g);
    return r;
  };
  const byOp = new Map<string, typeof rows>();
  for (const r of rows) byOp.set(r.op, [...(byOp.get(r.op) ?? []), r]);

  for (const [op, list] of byOp) {
    it(`${op} (${list.length} cases)`, () => {
      const bad: string[] = [];
      for (const r of list) {
        const name = op === "ADDI" ? `ADDI_${r.b < 0n ? "m" + -r.b : r.b}` : op;
        const got = call(name, unary.includes(op) ? [r.a] : op === "ADDI" ? [r.a] : [r.a, r.b]);
        if (got !== r.r) bad.push(`${op} ${r.a} ${r.b}: got ${got}, Go ${r.r}`);
      }
      expect(bad).toEqual([]);
    });
  }

  it("constant shifts equal the variable forms (SHLI/SHRI/SARI)", () => {
    const bad: string[] = [];
    for (const r of rows) {
      const m = /^(SHL|SHR|SAR)$/.exec(r.op);
      if (m === null || r.b > 63n || ![0n, 1n, 7n, 31n, 32n, 33n, 63n].includes(r.b)) continue;
      const got = call(`${r.op}I_${r.b}`, [r.a]);
      if (got !== r.r) bad.push(`${r.op}I ${r.a} ${r.b}: got ${got}, Go ${r.r}`);
    }
    expect(bad).toEqual([]);
  });
});
