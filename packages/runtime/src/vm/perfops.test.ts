// The PERF opcode group (gen-opcodes.mjs): each fused instruction must behave exactly like the
// sequence it replaces (the compiler's optimiser, compiler/src/ir/opt.ts, relies on it).
import { describe, expect, it } from "vitest";
import { assemble, funcIndex } from "./asm.js";
import { runProgram } from "./run.js";
import { validateImage } from "../image/serialize.js";
import { Heap } from "../malloc.js";

const VALS = [0n, 1n, -1n, -2n, 41n, 2147483646n, 2147483647n, -2147483648n, 4294967295n, -4294967296n, (1n << 63n) - 1n, -(1n << 63n)];
const IMMS = [0, 1, -1, 50, 2147483647, -2147483648];

describe("IJLT / IJLTI (loop latch: ADDI 1 + JLT)", () => {
  it("agree with ADDI + JLT/JLTI on 64-bit boundary values (carry, wraparound)", () => {
    let src = "";
    // results: s[n]+1 (bit pattern) and taken (1/0)
    src += "func fused params=2 results=2 frame=4\n  MOV s2, s0\n  LDI s3, 1\n  IJLT s2, s1, yes\n  LDI s3, 0\nyes:\n  RET\nend\n";
    src += "func plain params=2 results=2 frame=4\n  ADDI s2, s0, 1\n  LDI s3, 1\n  JLT s2, s1, yes\n  LDI s3, 0\nyes:\n  RET\nend\n";
    for (const k of IMMS) {
      const n = k < 0 ? "m" + -k : String(k);
      src += `func fusedI_${n} params=1 results=2 frame=3\n  MOV s1, s0\n  LDI s2, 1\n  IJLTI s1, ${k}, yes\n  LDI s2, 0\nyes:\n  RET\nend\n`;
      src += `func plainI_${n} params=1 results=2 frame=3\n  ADDI s1, s0, 1\n  LDI s2, 1\n  JLTI s1, ${k}, yes\n  LDI s2, 0\nyes:\n  RET\nend\n`;
    }
    const img = assemble(src);
    validateImage(img, "ijlt");
    const heap = new Heap();
    const call = (name: string, args: bigint[]): string => {
      const r = runProgram(img, { heap, entry: funcIndex(img, name), args, write: () => {} });
      return `${r.vm.result(r.g, 0)} ${r.vm.result(r.g, 1)}`;
    };
    const bad: string[] = [];
    let taken = 0;
    for (const x of VALS) {
      for (const y of VALS) {
        const f = call("fused", [x, y]);
        if (f !== call("plain", [x, y])) bad.push(`IJLT ${x} ${y}: ${f}`);
        if (f.endsWith(" 1")) taken++;
      }
      for (const k of IMMS) {
        const n = k < 0 ? "m" + -k : String(k);
        const f = call(`fusedI_${n}`, [x]);
        if (f !== call(`plainI_${n}`, [x])) bad.push(`IJLTI ${x} ${k}: ${f}`);
      }
    }
    expect(bad).toEqual([]);
    expect(taken).toBeGreaterThan(10); // both outcomes exercised
    expect(call("fused", [4294967295n, 1n << 40n])).toBe("4294967296 1"); // carry into the high word
    expect(call("fused", [(1n << 63n) - 1n, 0n])).toBe(`${-(1n << 63n)} 1`); // wraps, then MinInt64 < 0
  });
});

describe("JLTF / JLEF / JNLTF / JNLEF", () => {
  it("follow IEEE comparisons, NaN included (the N forms are taken on NaN)", () => {
    const fns = ["JLTF", "JLEF", "JNLTF", "JNLEF"];
    let src = "";
    for (const op of fns) src += `func ${op} params=2 results=1 frame=3\n  LDI s2, 1\n  ${op} s0, s1, yes\n  LDI s2, 0\nyes:\n  RET\nend\n`;
    const img = assemble(src);
    const heap = new Heap();
    const bits = (f: number) => new BigInt64Array(new Float64Array([f]).buffer)[0];
    const fs = [0, -0, 1.5, -2, Infinity, -Infinity, NaN];
    const want: Record<string, (x: number, y: number) => boolean> = {
      JLTF: (x, y) => x < y,
      JLEF: (x, y) => x <= y,
      JNLTF: (x, y) => !(x < y),
      JNLEF: (x, y) => !(x <= y),
    };
    const bad: string[] = [];
    for (const op of fns)
      for (const x of fs)
        for (const y of fs) {
          const r = runProgram(img, { heap, entry: funcIndex(img, op), args: [bits(x), bits(y)], write: () => {} });
          if ((r.vm.result(r.g, 0) === 1n) !== want[op](x, y)) bad.push(`${op} ${x} ${y}`);
        }
    expect(bad).toEqual([]);
  });
});

describe("LDX64 / STX64 / INDEXPC8 (bounds-checked slice element access)", () => {
  const prog = (idx: number) => `
.type arr size=24 kind=17 str=[3]int
func main.main params=0 results=2 frame=8 ptrs=2,7
  NEW s2, %arr
  LDI s3, 3
  LDI s4, 3
  LDI s5, ${idx}
  LDI s6, -77
  STX64 s2, s5, s6, s3
  LDX64 s0, s2, s5, s3
  INDEXPC8 s7, s2, s5, s3
  LD64 s1, s7, 0
  RET
end
.entry main.main
`;
  it("store then load element i; the element is at ptr + 8i", () => {
    for (const i of [0, 1, 2]) {
      const img = assemble(prog(i));
      validateImage(img, "ldx");
      const r = runProgram(img, { write: () => {} });
      expect(r.exitCode).toBe(0);
      expect(r.vm.result(r.g, 0)).toBe(-77n);
      expect(r.vm.result(r.g, 1)).toBe(-77n);
    }
  });
  it("out of range and negative indexes panic as BCHK does", () => {
    const err = (i: number) => {
      let e = "";
      const r = runProgram(assemble(prog(i)), { write: (s) => (e += s) });
      expect(r.exitCode).toBe(2);
      return e.split("\n")[0];
    };
    expect(err(3)).toBe("panic: runtime error: index out of range [3] with length 3");
    expect(err(-1)).toBe("panic: runtime error: index out of range [-1]");
  });
});
