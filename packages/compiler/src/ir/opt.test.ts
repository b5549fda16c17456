// The IR optimiser (opt.ts): programs print and panic exactly as without it (GORT_OPT=0), and
// the hot shapes it targets compile to fewer, fused instructions.
import { afterEach, describe, expect, test } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const { OP_NAME, OP_WORDS } = await import("@gort/runtime/image");
const { loadPackages } = await import("../loader/index.js");
const { Info } = await import("../types/index.js");
const { compileProgram } = await import("../codegen/compile.js");
const { runRun } = await import("../../../cli/src/services/run.js");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-opt-"));
const saved = process.env.GORT_OPT;
afterEach(() => {
  if (saved === undefined) delete process.env.GORT_OPT;
  else process.env.GORT_OPT = saved;
});

function write(name: string, src: string): string {
  fs.writeFileSync(path.join(dir, name), src);
  return name;
}

/** Opcode names of function `fn` in the compiled image, with the optimiser on or off. */
function ops(file: string, fn: string, opt: boolean): string[] {
  process.env.GORT_OPT = opt ? "1" : "0";
  const r = loadPackages([file], { cwd: dir, keepSyntax: true, makeInfo: () => new Info(), progress: false });
  const res = compileProgram(r.packages[0], r.loader.fset);
  if (res.image === null) throw new Error(res.errors.map((e) => e.msg).join("\n"));
  const f = res.image.funcs.find((x) => x.name === fn);
  if (f === undefined) throw new Error(`no ${fn}`);
  const out: string[] = [];
  for (let pc = 0; pc < f.code.length; pc += OP_WORDS[f.code[pc] & 0xff]) out.push(OP_NAME[f.code[pc] & 0xff]);
  return out;
}

function run(file: string, opt: boolean): { out: string; err: string; code: number } {
  process.env.GORT_OPT = opt ? "1" : "0";
  let out = "";
  let err = "";
  const code = runRun([file], { cwd: dir, env: {}, stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
  return { out, err, code };
}

const KERNELS = `package main

type body struct{ x, v, m float64 }

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func sum(a []int) int {
	s := 0
	for i := 0; i < len(a); i++ {
		s += a[i] * 3
	}
	return s
}

func step(bs []body, dt float64) {
	for i := range bs {
		b := &bs[i]
		b.v -= b.x * dt / b.m
		b.x += b.v * dt
	}
}

func flips(a []int) int {
	n := 0
	for first := a[0]; first != 0; first = a[0] {
		for lo, hi := 0, first; lo < hi; lo, hi = lo+1, hi-1 {
			a[lo], a[hi] = a[hi], a[lo]
		}
		n++
	}
	return n
}

func mandel(cr, ci float64) int {
	zr, zi := 0.0, 0.0
	for i := 0; i < 50; i++ {
		zr, zi = zr*zr-zi*zi+cr, 2*zr*zi+ci
		if zr*zr+zi*zi > 4.0 {
			return i
		}
	}
	return 50
}

func main() {
	a := make([]int, 100)
	for i := range a {
		a[i] = i*7%13 - 6
	}
	println(fib(20), sum(a))
	bs := []body{{1, 0, 1}, {2, 1, 3}, {-1, 2, 0.5}}
	for k := 0; k < 100; k++ {
		step(bs, 0.01)
	}
	println(bs[0].x, bs[1].v, bs[2].x)
	println(flips([]int{3, 1, 4, 0, 2}), flips([]int{4, 3, 2, 1, 0}))
	n := 0
	for y := -10; y < 10; y++ {
		for x := -20; x < 10; x++ {
			n += mandel(float64(x)/10, float64(y)/10)
		}
	}
	println(n)
	var u8 uint8 = 250
	for i := 0; i < 10; i++ {
		u8 += 3
	}
	x := 1 << 62
	println(u8, -7/2, -7%2, x*4, x>>60)
	a = a[:5]
	idx := 3
	for j := 0; j < 3; j++ {
		idx++
	}
	println(a[idx])
}
`;

describe("opt", () => {
  test("output, panic message, traceback and exit status equal the unoptimised build's", () => {
    const f = write("kernels.go", KERNELS);
    // pc offsets in the traceback differ (less code); everything else must not
    const norm = (r: { out: string; err: string; code: number }) => ({ ...r, err: r.err.replace(/ \+0x[0-9a-f]+$/gm, "") });
    const on = norm(run(f, true));
    const off = norm(run(f, false));
    expect(on).toEqual(off);
    expect(on.code).toBe(2);
    // Go 1.19's output for the same program
    expect(on.err).toBe(
      "6765 -30\n+5.360914e-001 +2.092416e-001 +1.248002e+000\n1 1\n9941\n24 -3 -1 0 4\n" +
        "panic: runtime error: index out of range [6] with length 5\n\ngoroutine 1 [running]:\nmain.main()\n\t" +
        path.join(dir, "kernels.go") + ":80\n",
    );
  });

  test("fib: constants fold into immediates, argument copies vanish", () => {
    const f = write("kernels.go", KERNELS);
    const off = ops(f, "main.fib", false);
    const on = ops(f, "main.fib", true);
    expect(on.length).toBeLessThan(off.length * 0.6);
    expect(on).toContain("JGEI");
    expect(on).not.toContain("LDI");
    expect(on.filter((o) => o === "ADDI")).toHaveLength(2);
  });

  test("counted loops end in IJLT; slice element loads are LDX64", () => {
    const f = write("kernels.go", KERNELS);
    const on = ops(f, "main.sum", true);
    expect(on).toContain("IJLT");
    expect(on).toContain("LDX64");
    expect(on).not.toContain("BCHK");
    expect(on).not.toContain("JMP");
  });

  test("field updates through a pointer load and store at constant offsets; float tests fuse", () => {
    const f = write("kernels.go", KERNELS);
    const step = ops(f, "main.step", true);
    expect(step).not.toContain("ADDP");
    expect(step.filter((o) => o === "NILCHK").length).toBeLessThanOrEqual(1);
    const mandel = ops(f, "main.mandel", true);
    expect(mandel.some((o) => o === "JNLTF" || o === "JLTF")).toBe(true);
    expect(mandel).not.toContain("LTF");
    // the loop's float constants are loaded once, before any branch
    expect(mandel.lastIndexOf("LDK")).toBeLessThan(mandel.findIndex((o) => o.startsWith("J") || o.startsWith("IJ")));
  });
});
