import { describe, expect, it } from "vitest";
import { decodeImage, encodeImage, validateImage } from "./serialize.js";
import { emptyImage, ImageError, type ProgramImage } from "./format.js";
import { Op, OP_WORDS, NUM_OPCODES } from "./opcodes.js";
import { assemble } from "../vm/asm.js";

const SRC = `
.file /home/gopher/demo/main.go
.const big 0x7fffffffffffffff
.const f 2.5f
.string hello "héllo"
.type T size=24 ptrs=0,2 kind=25 str=main.T
.global counter 8
.global head 16 ptrs=0
.native internal/reflectlite.Len
func main.f params=1 results=1 frame=4 ptrs=2 line=3
.line 4
  LDK s1, $big
  NEW s2, %T
  CALLN internal/reflectlite.Len, s2, s3
  SADDR s3, &hello
loop:
.line 5
  ADDI s0, s0, -1
  JLT s1, s0, loop
  RET
end
func main.main params=0 results=0 frame=2 line=9
  CALL main.f, s0, s1
  RET
end
.entry main.main
`;

function expectImageError(f: () => unknown, re: RegExp): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ImageError);
    expect((e as Error).message).toMatch(/^prog\.img: invalid program image: /);
    expect((e as Error).message).toMatch(re);
    return;
  }
  throw new Error("no error");
}

describe("program image", () => {
  const img = assemble(SRC);

  it("round-trips through the binary form exactly", () => {
    validateImage(img, "prog.img");
    const bytes = encodeImage(img);
    const back = decodeImage(bytes, "prog.img");
    expect(back).toEqual(img);
    expect(encodeImage(back)).toEqual(bytes);
    expect(back.natives).toEqual(["internal/reflectlite.Len"]);
    expect(back.globalsSize).toBe(24);
    expect(back.globalsPtrMask[0]).toBe(0b10);
  });

  it("rejects a truncated image at every length with one ImageError", () => {
    const bytes = encodeImage(img);
    for (let n = 0; n < bytes.length; n += 7) {
      expectImageError(() => decodeImage(bytes.subarray(0, n), "prog.img"), /truncated/);
    }
  });

  it("rejects corruption: checksum, magic, version, trailing bytes", () => {
    const bytes = encodeImage(img);
    for (let i = 40; i < bytes.length; i += 13) {
      const b = bytes.slice();
      b[i] ^= 0x5a;
      expectImageError(() => decodeImage(b, "prog.img"), /checksum mismatch/);
    }
    const m = bytes.slice();
    m[0] = 0x47 ^ 1;
    expectImageError(() => decodeImage(m, "prog.img"), /bad magic/);
    const v = bytes.slice();
    v[8] = 99;
    expectImageError(() => decodeImage(v, "prog.img"), /format version 99/);
    const t = new Uint8Array(bytes.length + 4);
    t.set(bytes);
    expectImageError(() => decodeImage(t, "prog.img"), /trailing bytes/);
  });

  it("validates code: opcodes, instruction boundaries, branch targets, table indexes", () => {
    const mk = (code: number[], patch: (i: ProgramImage) => void = () => {}): ProgramImage => {
      const i = emptyImage();
      i.files = ["a.go"];
      i.funcs.push({ name: "main.main", file: 0, line: 1, flags: 0, native: -1, code: Int32Array.from(code), frameSize: 48, nparams: 0, nresults: 0, zeroEnd: 0, pcln: new Int32Array(0), safePoints: new Int32Array(0), deferInfo: new Int32Array(0) });
      patch(i);
      return i;
    };
    // A valid image passes encode → decode (validation included).
    expect(decodeImage(encodeImage(mk([Op.RET])), "prog.img").funcs.length).toBe(1);
    const cases: [number[], RegExp, ((i: ProgramImage) => void)?][] = [
      [[NUM_OPCODES], /bad opcode/],
      [[Op.ADD | (1 << 8), 0], /runs past the end/],
      [[Op.JMP, 1, Op.RET], /branch target 1 is not an instruction/],
      [[Op.JMP, -5], /branch target -5/],
      [[Op.CALL | (7 << 8), 0, 0, Op.RET], /function 7 out of range/],
      [[Op.LDK | (1 << 8), 3, Op.RET], /constant 3 out of range/],
      [[Op.NEW | (1 << 8), 0, Op.RET], /type 0 out of range/],
      [[Op.MOV | (9 << 8), 0, Op.RET], /slot 9 outside the frame/],
      [[Op.LDI, 1], /does not end with RET/],
      [[Op.ADD | (1 << 8), 2, 40, Op.RET], /ADD at pc 0: slot 40 outside the frame/],
      [[Op.BCHK | (9 << 8), 0, 1, Op.RET], /bounds code 9/],
      [[Op.PANIC | (3 << 8), Op.RET], /slot pair outside the frame/],
      [[Op.RET], /frame size 20/, (i) => (i.funcs[0].frameSize = 20)],
      [[Op.RET], /stack map index 0 out of range/, (i) => (i.funcs[0].safePoints = Int32Array.from([1, 0]))],
      [[Op.RET], /relocation at 8 outside statics/, (i) => (i.relocs = Uint32Array.from([8]))],
      [[Op.RET], /entry function 3/, (i) => (i.entry = 3)],
    ];
    for (const [code, re, patch] of cases) {
      const bad = mk(code, patch);
      expectImageError(() => validateImage(bad, "prog.img"), re);
      expectImageError(() => decodeImage(encodeImage(bad), "prog.img"), re);
    }
    expect(OP_WORDS[Op.INDEXP]).toBe(4);
  });
});
