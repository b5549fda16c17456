import { describe, expect, it } from "vitest";
import { assemble, funcIndex } from "./asm.js";
import { runProgram } from "./run.js";
import { validateImage } from "../image/serialize.js";

const FIB = `
.file /home/gopher/demo/main.go
func main.fib params=1 results=1 frame=6 line=3
.line 4
  LDI s2, 2
  JLT s0, s2, small
.line 5
  ADDI s3, s0, -1
  CALL main.fib, s3, s4
  ADDI s3, s0, -2
  CALL main.fib, s3, s5
  ADD s1, s4, s5
  RET
small:
.line 4
  MOV s1, s0
  RET
end
`;

describe("vm quick", () => {
  it("fib", () => {
    const img = assemble(FIB);
    validateImage(img, "fib");
    let out = "";
    const r = runProgram(img, { args: [20n], write: (s) => (out += s) });
    expect(out).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe(6765n);
  });
});
