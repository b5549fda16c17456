import { describe, expect, it } from "vitest";
import { assemble, disassemble, funcIndex } from "./asm.js";
import { runProgram, type RunOptions } from "./run.js";
import { validateImage } from "../image/serialize.js";
import { FN_NATIVE, ImageError, type ProgramImage } from "../image/format.js";
import { WB_FLAG_ADDR, type NativeFn } from "./interp.js";
import { boundsMessage, BC_CONVERT, BC_INDEX, BC_SLICE3_ALEN, BC_SLICE3_B, BC_SLICE3_C, BC_SLICE_ACAP, BC_SLICE_ALEN, BC_SLICE_B, BC_UNSIGNED } from "./panic.js";
import { Heap } from "../malloc.js";

function run(src: string, opts: RunOptions = {}) {
  const img = assemble(src);
  validateImage(img, "test");
  let err = "";
  const r = runProgram(img, { write: (s) => (err += s), ...opts });
  return { ...r, err, img };
}

/** Go's traceback with the volatile parts (argument words, pc offsets, signal pc) normalised. */
function norm(s: string): string {
  return s
    .replace(/^([\w.()*]+)\(.+\)$/gm, "$1(…)")
    .replace(/ \+0x[0-9a-f]+$/gm, " +0x…")
    .replace(/ pc=0x[0-9a-f]+\]/g, " pc=0x…]");
}

describe("calls, stack growth", () => {
  const DOWN = `
.const N 50000
func main.down params=2 results=1 frame=8 ptrs=1,4,5
  FADDR s5, 6            ; a pointer to this frame's slot 6
  MOV s6, s0             ; marker
  LDI s7, 0
  JNE s0, s7, rec
  LDI s7, 42
  ST64 s1, 0, s7         ; *p = 42 (p points into main's frame, many stack copies ago)
  LDI s2, 0
  RET
rec:
  ADDI s3, s0, -1
  MOV s4, s1
  CALL main.down, s3, s2
  ADDI s7, s6, 1
  ST64 s5, 0, s7         ; write through the self pointer: must land in slot 6 of the moved frame
  JNE s6, s7, bad
  ADD s2, s2, s0
  RET
bad:
  LDK s2, $N
  NEG s2, s2
  RET
end
func main.main params=0 results=2 frame=5 ptrs=4
  LDI s2, 0
  FADDR s4, 2
  LDK s3, $N
  CALL main.down, s3, s0
  MOV s1, s2
  RET
end
.entry main.main
`;
  it("deep recursion grows a 1 KiB stack to MBs by copying; pointers into the stack follow", () => {
    const heap = new Heap();
    const r = run(DOWN, { heap, stackSize: 1024 });
    expect(r.err).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.vm.result(r.g, 0)).toBe((50000n * 50001n) / 2n);
    expect(r.vm.result(r.g, 1)).toBe(42n);
    expect(r.vm.stackSize(r.g)).toBeGreaterThanOrEqual(4 << 20);
    expect(heap.stacks.copies).toBeGreaterThanOrEqual(12);
  });

  it("stack overflow past the maximum is Go's fatal error, exit 2", () => {
    const heap = new Heap();
    heap.stacks.maxStackSize = 1 << 20;
    const r = run(DOWN.replace(".const N 50000", ".const N 1000000"), { heap, stackSize: 1024 });
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(/^runtime: goroutine stack exceeds 1048576-byte limit\nruntime: sp=0x[0-9a-f]+ stack=\[0x[0-9a-f]+, 0x[0-9a-f]+\]\nfatal error: stack overflow\n$/);
  });

  const FIB = `
func main.fib params=1 results=1 frame=6
  LDI s2, 2
  JLT s0, s2, small
  ADDI s3, s0, -1
  CALL main.fib, s3, s4
  ADDI s3, s0, -2
  CALL main.fib, s3, s5
  ADD s1, s4, s5
  RET
small:
  MOV s1, s0
  RET
end
`;
  it("fib(22) with a tiny budget: yields at calls and back-edges, same result", () => {
    let yields = 0;
    const r = run(FIB, { args: [22n], budget: 100, onYield: () => yields++ });
    expect(r.vm.result(r.g, 0)).toBe(17711n);
    expect(yields).toBeGreaterThan(500);
  });

  // procPin (sync.Pool, atomic.Value): no budget end between pin and unpin; the slice's budget
  // comes back at the unpin, and a preemption asked for while pinned waits for it.
  const PINNED = `
.native demo.pin
.native demo.unpin
.native demo.ask
func main.f params=0 results=0 frame=1
  RET
end
func main.main params=0 results=1 frame=6
  CALLN demo.pin, s1, s1
  LDI s2, 0
  LDI s3, 1000
loop1:
  CALL main.f, s4, s4
  ADDI s2, s2, 1
  JLT s2, s3, loop1
  CALLN demo.ask, s1, s1
  CALL main.f, s4, s4
  CALLN demo.unpin, s1, s1
  LDI s2, 0
loop2:
  CALL main.f, s4, s4
  ADDI s2, s2, 1
  JLT s2, s3, loop2
  MOV s0, s2
  RET
end
.entry main.main
`;
  /**
   * The same program calling the natives as compiled Go does: a CALL of a bodyless function
   * (sync's `func runtime_procPin() int`), which the VM forwards to its native.
   */
  function forwarded(): ProgramImage {
    const src = PINNED.replace(/CALLN demo\.(\w+)/g, "CALL demo.$1f").replace(".entry", "func demo.pinf params=0 results=0 frame=1\n  RET\nend\nfunc demo.unpinf params=0 results=0 frame=1\n  RET\nend\nfunc demo.askf params=0 results=0 frame=1\n  RET\nend\n.entry");
    const img = assemble(src);
    for (const f of img.funcs) {
      if (!f.name.startsWith("demo.")) continue;
      f.flags |= FN_NATIVE;
      f.native = img.natives.indexOf(f.name.slice(0, -1));
      f.code = [];
    }
    return img;
  }

  function runPinned(budget: number, viaCall = false): { yields: number; pinnedYields: number; result: bigint } {
    let yields = 0;
    let pinnedYields = 0;
    let pinned = (): number => 0;
    const natives = new Map<string, NativeFn>([
      ["demo.pin", (vm) => void ((pinned = () => vm.pinned), vm.pin())],
      ["demo.unpin", (vm) => vm.unpin()],
      ["demo.ask", (vm) => void (vm.preempt = true)], // (a worker M's MB_YIELD: mworker.ts)
    ]);
    let err = "";
    const opts: RunOptions = {
      budget,
      natives,
      write: (t) => void (err += t),
      onYield: () => {
        yields++;
        if (pinned() > 0) pinnedYields++;
      },
    };
    const r = viaCall ? runProgram(forwarded(), opts) : run(PINNED, opts);
    expect(err).toBe("");
    return { yields, pinnedYields, result: r.vm.result(r.g, 0) };
  }

  for (const viaCall of [false, true]) {
    const how = viaCall ? "CALL of a bodyless function" : "CALLN";
    it(`a pinned goroutine keeps its slice: no yield between procPin and procUnpin; its budget comes back after (${how})`, () => {
      const r = runPinned(10, viaCall);
      expect(r.result).toBe(1000n);
      expect(r.pinnedYields).toBe(0); // 2000 safe points pinned at budget 10: none ended the slice
      expect(r.yields).toBeGreaterThan(150); // unpinned: 2000 safe points at budget 10
    });

    it(`a preemption asked for while pinned ends the slice right after the unpin (${how})`, () => {
      const r = runPinned(1 << 20, viaCall); // (no budget end in the whole program)
      expect(r.result).toBe(1000n);
      expect(r.pinnedYields).toBe(0);
      expect(r.yields).toBe(1); // the request was kept for the unpin, not lost
    });
  }

  it("closures: CALLI passes the closure as context (GETCTX); nil closure panics", () => {
    const src = `
.type clo size=16 kind=19 str=func(int)int
func main.adder params=1 results=1 frame=3 closure
  GETCTX s2
  LD64 s2, s2, 8
  ADD s1, s0, s2
  RET
end
func main.main params=0 results=1 frame=6 ptrs=1
  NEW s1, %clo
  LDI s2, @main.adder
  ST64 s1, 0, s2
  LDI s2, 100
  ST64 s1, 8, s2
  LDI s3, 5
  CALLI s1, s3, s0
  RET
end
.entry main.main
`;
    expect(run(src).vm.result(run(src).g, 0)).toBe(105n);
    const r = run(src.replace("  NEW s1, %clo\n", "  LDI s1, 0\n  JMP 0, skip\n  NEW s1, %clo\nskip:\n").replace(/ {2}ST64 s1.*\n/g, ""));
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(/^panic: runtime error: invalid memory address or nil pointer dereference\n\[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x[0-9a-f]+\]\n/);
  });

  it("natives are bound by name and called with their argument and result slots", () => {
    const src = `
.native demo.Mul3
func main.main params=0 results=1 frame=5
  LDI s1, 3
  LDI s2, -4
  LDI s3, 5
  CALLN demo.Mul3, s1, s4
  MOV s0, s4
  RET
end
`;
    const mul3: NativeFn = (vm, _g, args, res) => {
      const i64 = vm.mem.i64;
      i64[res >>> 3] = i64[args >>> 3] * i64[(args >>> 3) + 1] * i64[(args >>> 3) + 2];
    };
    const r = run(src, { natives: new Map([["demo.Mul3", mul3]]) });
    expect(r.vm.result(r.g, 0)).toBe(-60n);
    expect(() => run(src, { file: "prog.img" })).toThrow(new ImageError("prog.img", "native function demo.Mul3 is not provided by this runtime"));
  });
});

describe("branches", () => {
  it("compare-with-immediate branches agree with int64 comparison", () => {
    const ops: [string, (x: bigint, y: bigint) => boolean][] = [
      ["JEQI", (x, y) => x === y], ["JNEI", (x, y) => x !== y], ["JLTI", (x, y) => x < y],
      ["JLEI", (x, y) => x <= y], ["JGTI", (x, y) => x > y], ["JGEI", (x, y) => x >= y],
      ["JEQ", (x, y) => x === y], ["JNE", (x, y) => x !== y], ["JLT", (x, y) => x < y], ["JLE", (x, y) => x <= y],
      ["JLTU", (x, y) => BigInt.asUintN(64, x) < BigInt.asUintN(64, y)], ["JLEU", (x, y) => BigInt.asUintN(64, x) <= BigInt.asUintN(64, y)],
    ];
    const vals = [0n, 1n, -1n, 2n, -2n, 2147483647n, -2147483648n, 4294967295n, -4294967296n, 1n << 40n, -(1n << 63n), (1n << 63n) - 1n];
    const imms = [0, 1, -1, 2, -2, 2147483647, -2147483648];
    let src = "";
    for (const [op] of ops) {
      if (op.endsWith("I")) for (const k of imms) src += `func ${op}_${k < 0 ? "m" + -k : k} params=1 results=1 frame=2\n  LDI s1, 1\n  ${op} s0, ${k}, yes\n  LDI s1, 0\nyes:\n  RET\nend\n`;
      else src += `func ${op} params=2 results=1 frame=3\n  LDI s2, 1\n  ${op} s0, s1, yes\n  LDI s2, 0\nyes:\n  RET\nend\n`;
    }
    const img = assemble(src);
    validateImage(img, "branches");
    const heap = new Heap();
    const bad: string[] = [];
    for (const [op, f] of ops) {
      for (const x of vals) {
        const ys = op.endsWith("I") ? imms.map(BigInt) : vals;
        for (const y of ys) {
          const name = op.endsWith("I") ? `${op}_${y < 0n ? "m" + -y : y}` : op;
          const r = runProgram(img, { heap, entry: funcIndex(img, name), args: op.endsWith("I") ? [x] : [x, y], write: () => {} });
          if ((r.vm.result(r.g, 0) === 1n) !== f(x, y)) bad.push(`${op} ${x} ${y}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe("memory", () => {
  it("loads and stores of every width, sign and zero extension, float32 rounding", () => {
    const src = `
.type obj size=32 kind=17 str=[32]byte
.const f 0.1f
func main.main params=0 results=10 frame=14 ptrs=10
  NEW s10, %obj
  LDI s11, -1
  ST8 s10, 0, s11
  LD8 s0, s10, 0
  LD8S s1, s10, 0
  LDI s11, 0x18000
  ST16 s10, 2, s11
  LD16 s2, s10, 2
  LD16S s3, s10, 2
  LDI s11, -2
  ST32 s10, 4, s11
  LD32 s4, s10, 4
  LD32S s5, s10, 4
  LDK s11, $f
  STF32 s10, 8, s11
  LDF32 s6, s10, 8
  ST64 s10, 16, s11
  LD64 s7, s10, 16
  ADDP s12, s10, 16
  LD64 s8, s12, 0
  LDI s13, 3
  INDEXP s12, s10, s13, 8
  LD64 s9, s12, -8
  RET
end
`;
    const r = run(src);
    const f64bits = (x: number) => new BigInt64Array(new Float64Array([x]).buffer)[0];
    const got = Array.from({ length: 10 }, (_, i) => r.vm.result(r.g, i));
    expect(got).toEqual([255n, -1n, 0x8000n, -32768n, 0xfffffffen, -2n, f64bits(Math.fround(0.1)), f64bits(0.1), f64bits(0.1), f64bits(0.1)]);
  });

  it("pointer stores call the write barrier only while the collector's flag is set", () => {
    const src = `
.type obj size=16 ptrs=0 kind=25 str=main.T
func main.main params=0 results=1 frame=4 ptrs=1,2
  NEW s1, %obj
  NEW s2, %obj
  STP s1, 0, s2
  LD64 s0, s1, 0
  RET
end
`;
    const calls: number[][] = [];
    const heap = new Heap();
    const barrier = {
      writePointer(slot: number, ptr: number) {
        calls.push([slot, ptr]);
        heap.mem.u32[slot >>> 2] = ptr;
      },
      typedmemmove() {},
    };
    const off = run(src, { heap, barrier });
    expect(calls).toEqual([]);
    expect(off.vm.result(off.g, 0)).toBeGreaterThan(0x1000n);
    const heap2 = new Heap();
    heap2.mem.u32[WB_FLAG_ADDR >>> 2] = 1;
    const barrier2 = { ...barrier, writePointer: (slot: number, ptr: number) => { calls.push([slot, ptr]); heap2.mem.u32[slot >>> 2] = ptr; } };
    const on = run(src, { heap: heap2, barrier: barrier2 });
    expect(calls.length).toBe(1);
    expect(BigInt(calls[0][1])).toBe(on.vm.result(on.g, 0));
  });
});

describe("panics: Go's messages and traceback layout, exit 2", () => {
  // Mirrors /tmp/gv/p1/main.go (line numbers included); Go 1.19's stderr, pasted:
  const GO_P1 = `2
3
panic: runtime error: index out of range [5] with length 3

goroutine 1 [running]:
main.idx({0xc000038758?, 0x404b39?, 0x60?}, 0x0?)
	/tmp/gv/p1/main.go:5 +0x31
main.main()
	/tmp/gv/p1/main.go:24 +0xc5
`;
  const P1 = `
.file /tmp/gv/p1/main.go
.type int size=8 kind=2 str=int
func main.idx params=4 results=1 frame=6 line=4 ptrs=0
.line 5
  BCHK 0, s3, s1
  INDEXP s5, s0, s3, 8
  LD64 s4, s5, 0
  RET
end
func main.div params=2 results=1 frame=3 line=9
.line 10
  DIV s2, s0, s1
  RET
end
func main.main params=0 results=0 frame=12 line=20 ptrs=0,4
.line 21
  LDI s1, 3
  NEWARR s0, %int, s1
  LDI s2, 1
  ST64 s0, 0, s2
  LDI s2, 2
  ST64 s0, 8, s2
  LDI s2, 3
  ST64 s0, 16, s2
.line 22
  MOV s4, s0
  MOV s5, s1
  MOV s6, s1
  LDI s7, 1
  CALL main.idx, s4, s8
  PRINTI s8
  PRINTNL
.line 23
  LDI s4, 7
  LDI s5, 2
  CALL main.div, s4, s8
  PRINTI s8
  PRINTNL
.line 24
  MOV s4, s0
  MOV s5, s1
  MOV s6, s1
  LDI s7, 5
  CALL main.idx, s4, s8
  PRINTI s8
  PRINTNL
  RET
end
.entry main.main
`;
  it("index out of range: same stderr as Go up to argument words and pc offsets", () => {
    const r = run(P1);
    expect(r.exitCode).toBe(2);
    expect(norm(r.err)).toBe(norm(GO_P1));
  });

  it("nil dereference prints the signal line; a fault at the first instruction has no offset", () => {
    const GO_P2 = `panic: runtime error: invalid memory address or nil pointer dereference
[signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x457c60]

goroutine 1 [running]:
main.nilf(0x45be40?)
	/tmp/gv/p2.go:5
main.main()
	/tmp/gv/p2.go:9 +0x1b
`;
    const r = run(`
.file /tmp/gv/p2.go
func main.nilf params=1 results=1 frame=2 line=4 ptrs=0
.line 5
  LD64 s1, s0, 8
  RET
end
func main.main params=0 results=0 frame=2 line=8
.line 9
  LDI s0, 0
  CALL main.nilf, s0, s1
  PRINTI s1
  RET
end
.entry main.main
`);
    expect(r.exitCode).toBe(2);
    expect(norm(r.err)).toBe(norm(GO_P2));
  });

  it("panic(v) of a named int, of a string; divide by zero; negative shift", () => {
    const head = `
.file /tmp/gv/p3.go
.type MyInt size=8 kind=2 str=main.MyInt
.type string size=16 ptrs=0 kind=24 str=string
.data three i64 3
.string boom "boom"
func main.main params=0 results=0 frame=4 line=5
.line 8
`;
    const r1 = run(head + "  TYPEADDR s0, %MyInt\n  SADDR s1, &three\n  PANIC s0\nend\n");
    expect(r1.exitCode).toBe(2);
    // Go 1.19 for /tmp/gv/p3.go (pasted):
    expect(norm(r1.err)).toBe(norm("panic: main.MyInt(3)\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/gv/p3.go:8 +0x2d\n"));
    const r2 = run(head + "  TYPEADDR s0, %string\n  SADDR s1, &boom\n  PANIC s0\nend\n");
    expect(r2.err.split("\n")[0]).toBe("panic: boom");
    const r3 = run(head + "  LDI s0, 1\n  LDI s1, 0\n  REMU s2, s0, s1\n  RET\nend\n");
    expect(r3.err.split("\n").slice(0, 2)).toEqual(["panic: runtime error: integer divide by zero", ""]);
    const r4 = run(head + "  LDI s0, -3\n  CHKSHIFT s0\n  SHL s1, s1, s0\n  RET\nend\n");
    expect(r4.err.split("\n")[0]).toBe("panic: runtime error: negative shift amount");
    expect(r4.exitCode).toBe(2);
  });

  it("bounds checks: every form of Go's message", () => {
    const cases: [number, bigint, bigint, string][] = [
      [BC_INDEX, 5n, 3n, "index out of range [5] with length 3"],
      [BC_INDEX, -1n, 3n, "index out of range [-1]"],
      [BC_SLICE_ALEN, 5n, 3n, "slice bounds out of range [:5] with length 3"],
      [BC_SLICE_ACAP, 5n, 3n, "slice bounds out of range [:5] with capacity 3"],
      [BC_SLICE_B, 2n, 1n, "slice bounds out of range [2:1]"],
      [BC_SLICE_B, -2n, 1n, "slice bounds out of range [-2:]"],
      [BC_SLICE3_ALEN, 5n, 3n, "slice bounds out of range [::5] with length 3"],
      [BC_SLICE3_B, 4n, 2n, "slice bounds out of range [:4:2]"],
      [BC_SLICE3_C, 3n, 1n, "slice bounds out of range [3:1:]"],
      [BC_CONVERT, 4n, 3n, "cannot convert slice with length 3 to pointer to array with length 4"],
      [BC_INDEX | BC_UNSIGNED, -1n, 3n, "index out of range [18446744073709551615] with length 3"],
    ];
    for (const [code, x, y, msg] of cases) expect(boundsMessage(code, x, y)).toBe("runtime error: " + msg);
    // And through the VM: BCHK passes at the edge, fails past it.
    const prog = (code: number, x: number, y: number) => `
func main.main params=0 results=0 frame=3
  LDI s0, ${x}
  LDI s1, ${y}
  BCHK ${code}, s0, s1
  RET
end
`;
    expect(run(prog(BC_INDEX, 2, 3)).exitCode).toBe(0);
    expect(run(prog(BC_SLICE_ALEN, 3, 3)).exitCode).toBe(0);
    expect(run(prog(BC_SLICE_ALEN, 4, 3)).err.split("\n")[0]).toBe("panic: runtime error: slice bounds out of range [:4] with length 3");
    expect(run(prog(BC_INDEX, 3, 3)).err.split("\n")[0]).toBe("panic: runtime error: index out of range [3] with length 3");
    expect(run(prog(BC_INDEX, -7, 3)).err.split("\n")[0]).toBe("panic: runtime error: index out of range [-7]");
  });

  it("builtin print formats", () => {
    const r = run(`
.const f 1.5f
.string hi "hi"
func main.main params=0 results=0 frame=4
  LDI s0, -42
  PRINTI s0
  PRINTSP
  PRINTU s0
  PRINTSP
  LDK s1, $f
  PRINTF s1
  PRINTSP
  LDI s2, 1
  PRINTB s2
  PRINTSP
  SADDR s2, &hi
  LD64 s3, s2, 8
  LD64 s2, s2, 0
  PRINTS s2
  PRINTNL
  RET
end
`);
    expect(r.err).toBe("-42 18446744073709551574 +1.500000e+000 true hi\n");
  });
});

describe("assembler", () => {
  it("reports unknown opcodes and operands with the line", () => {
    expect(() => assemble("func f\n  FOO s1\nend\n")).toThrow(/asm line 2: unknown opcode FOO/);
    expect(() => assemble("func f\n  JMP 0, nowhere\nend\n")).toThrow(/unknown label nowhere/);
    expect(funcIndex(assemble("func a\n RET\nend\nfunc b\n RET\nend\n"), "b")).toBe(1);
  });

  it("disassembles to text that reassembles to the same code", () => {
    const img = assemble(`
.native x.N
func main.g params=1 results=1 frame=4
top:
  ADDI s0, s0, -1
  JGTI s0, 3, top
  CALLN x.N, s0, s1
  CALL main.g, s0, s1
  BCHK 3, s0, s1
  JMP 0, top
end
`);
    const text = disassemble(img, 0);
    expect(text).toContain("JGTI s0, 3, L0");
    expect(text).toContain("BCHK 3, s0, s1");
    const again = assemble(".native x.N\n" + text);
    expect(Array.from(again.funcs[0].code)).toEqual(Array.from(img.funcs[0].code));
  });
});
