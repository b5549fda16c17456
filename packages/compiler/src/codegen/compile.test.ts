import { describe, expect, test } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const { FN_NATIVE, OP_WORDS, Op, validateImage, encodeImage, decodeImage } = await import("@gort/runtime/image");
const { loadPackages } = await import("../loader/index.js");
const { Info } = await import("../types/index.js");
const { compileProgram } = await import("./compile.js");

const runDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../test/run");

function compile(file: string) {
  const r = loadPackages([file], { cwd: runDir, keepSyntax: true, makeInfo: () => new Info(), progress: false });
  const pkg = r.packages[0];
  expect(pkg.errors).toEqual([]);
  return compileProgram(pkg, r.loader.fset);
}

const SAFE = new Set<number>([Op.CALL, Op.CALLI, Op.CALLN, Op.NEW, Op.NEWARR, Op.STP, Op.TYPEDMOVE, Op.JMP]);

describe("compileProgram", () => {
  for (const f of ["structs.go", "closures.go", "append.go", "strings.go"]) {
    test(`${f}: valid image, a stack map at every safe point, line table in order`, () => {
      const res = compile(f);
      expect(res.errors).toEqual([]);
      const img = res.image;
      if (img === null) throw new Error("no image");
      validateImage(img, f);
      // survives the binary form
      expect(decodeImage(encodeImage(img), f).funcs.length).toBe(img.funcs.length);
      for (const fn of img.funcs) {
        const safe = new Set<number>();
        for (let i = 0; i < fn.safePoints.length; i += 2) safe.add(fn.safePoints[i]);
        for (let pc = 0; pc < fn.code.length; ) {
          const op = fn.code[pc] & 0xff;
          const next = pc + OP_WORDS[op];
          if (SAFE.has(op)) expect(safe.has(next), `${fn.name}: safe point after pc ${pc}`).toBe(true);
          pc = next;
        }
        for (let i = 3; i < fn.pcln.length; i += 3) expect(fn.pcln[i]).toBeGreaterThan(fn.pcln[i - 3]);
        const map = img.stackMaps[fn.safePoints[1] ?? 0];
        if (fn.safePoints.length > 0) expect(map.nslots).toBe((fn.frameSize - 16) / 8);
      }
    });
  }

  test("pointer slots are exactly the pointer-shaped ones", () => {
    const res = compile("structs.go");
    const img = res.image;
    if (img === null) throw new Error("no image");
    // func newPoint(x, y int) *Point: two int parameters, a pointer result
    const np = img.funcs.find((f) => f.name === "main.newPoint");
    if (np === undefined) throw new Error("no main.newPoint");
    expect(np.safePoints.length).toBeGreaterThan(0);
    expect(img.stackMaps[np.safePoints[1]].bits[0] & 7).toBe(4);
    // func (r Rect) Area() int: receiver passed by address (pointer), result int (not a pointer)
    const area = img.funcs.find((f) => f.name === "main.Rect.Area");
    if (area === undefined) throw new Error("no main.Rect.Area");
    expect(area.nparams).toBe(1);
    expect(area.nresults).toBe(1);
  });

  test("unsupported constructs are positioned diagnostics, not crashes", () => {
    const res = compile("unsupported.go");
    expect(res.image).toBeNull();
    expect(res.errors.map((d) => d.msg)).toEqual(["gort: defer copy(f()) with a multi-value f not supported yet"]);
  });
});

describe("compileProgram: natives of imported packages", () => {
  const src = `package main

import "sync/atomic"

var n int32

func main() {
	atomic.AddInt32(&n, 2)
	println(atomic.LoadInt32(&n))
}
`;
  function load() {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), "gort-natives-"));
    fs.writeFileSync(path.join(dir, "main.go"), src);
    const r = loadPackages(["main.go"], { cwd: dir, keepSyntax: true, makeInfo: () => new Info(), progress: false });
    expect(r.packages[0].errors).toEqual([]);
    return r;
  }

  test("body-less declarations become FN_NATIVE functions named by their symbol", () => {
    const r = load();
    const res = compileProgram(r.packages[0], r.loader.fset);
    const img = res.image;
    if (img === null) throw new Error(JSON.stringify(res.errors));
    expect([...img.natives].sort()).toEqual(["sync/atomic.AddInt32", "sync/atomic.LoadInt32"]);
    const add = img.funcs.find((f) => f.name === "sync/atomic.AddInt32");
    expect(add?.flags).toBe(FN_NATIVE);
    expect(add?.code.length).toBe(0);
    expect(img.natives[add?.native ?? -1]).toBe("sync/atomic.AddInt32");
    // (addr *int32, delta int32) (new int32): two parameter slots, the pointer first
    expect([add?.nparams, add?.nresults]).toEqual([2, 1]);
  });

  test("with the runtime's natives given, an unbound one is a link error naming it", () => {
    const r = load();
    const res = compileProgram(r.packages[0], r.loader.fset, { natives: new Set(["sync/atomic.LoadInt32"]) });
    expect(res.image).toBeNull();
    expect(res.errors.map((d) => d.msg)).toEqual(["gort: link error: native function sync/atomic.AddInt32 is not provided by the runtime"]);
    expect(r.loader.fset.position(res.errors[0].pos).filename).toMatch(/stdlib\/go\/sync\/atomic\//);
  });
});

describe("compileProgram: static initialisation (staticinit.ts)", () => {
  test("tables of constants are static data, not init code", () => {
    const res = compile("staticinit.go");
    const img = res.image;
    if (img === null) throw new Error(JSON.stringify(res.errors));
    const init = img.funcs.find((f) => f.name === "main.init");
    if (init === undefined) throw new Error("no main.init");
    // 8 tables: a handful of words each (SADDR, SADDR, MOVE or STP + len/cap stores), plus the
    // two dynamic initialisers; element-by-element code would be hundreds of words
    expect(init.code.length).toBeLessThan(150);
    // primes' backing array is in the statics: 2, 3, 5, 7, 11, 13 as little-endian int64s
    const want = new Uint8Array(new BigInt64Array([2n, 3n, 5n, 7n, 11n, 13n]).buffer);
    const hay = Buffer.from(img.statics);
    expect(hay.indexOf(Buffer.from(want))).toBeGreaterThanOrEqual(0);
  });
});
