import { describe, expect, test } from "vitest";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { genericsStatsForDev, goTypeArgSpacing } from "./generics.js";

const { loadPackages } = await import("../loader/index.js");
const { Info } = await import("../types/index.js");
const { compileProgram } = await import("../codegen/compile.js");

const runDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../test/run");

function compile(file: string) {
  const r = loadPackages([file], { cwd: runDir, keepSyntax: true, makeInfo: () => new Info(), progress: false });
  const pkg = r.packages[0];
  expect(pkg.errors).toEqual([]);
  return compileProgram(pkg, r.loader.fset);
}

describe("goTypeArgSpacing (reflect's names of instantiated types)", () => {
  const cases: [string, string][] = [
    ["main.G[int]", "main.G[int]"],
    ["main.Pair[string, main.T]", "main.Pair[string,main.T]"],
    ["main.W[main.Pair[int, []string], *main.T]", "main.W[main.Pair[int,[]string],*main.T]"],
    // other lists keep their spaces; map keys and array lengths are not type-argument lists
    ["func(int, string) (bool, error)", "func(int, string) (bool, error)"],
    ["main.G[func(int, string)]", "main.G[func(int, string)]"],
    ["map[main.P[int, int]]main.Q[a, b]", "map[main.P[int,int]]main.Q[a,b]"],
    ["[2]main.P[x, y]", "[2]main.P[x,y]"],
    ["struct { a main.P[int, bool]; b int }", "struct { a main.P[int,bool]; b int }"],
    ["[]int", "[]int"],
  ];
  test.each(cases)("%s", (input, want) => {
    expect(goTypeArgSpacing(input)).toBe(want);
  });
});

describe("stenciling", () => {
  test("one body per origin and identical type arguments, named as Go's tracebacks", () => {
    const res = compile("generic_funcs.go");
    expect(res.errors).toEqual([]);
    const stats = genericsStatsForDev();
    const of = (name: string): string[] => stats.filter((s) => s.name === name).map((s) => s.targs.join(","));
    // explicit, inferred and func-value instantiations with the same type arguments share a body
    expect(of("main.Sum[...]").sort()).toEqual(["float64", "int", "int8", "main.Celsius", "main.MyInt"]);
    expect(of("main.Max[...]").sort()).toEqual(["float64", "int", "main.MyInt", "string"]);
    // nested instantiation: Twice[int] → Wrap[int] and Wrap[[]int]
    expect(of("main.Wrap[...]").sort()).toEqual(["[]int", "int"]);
    for (const s of stats) expect(s.instrs).toBeGreaterThan(0);
  });

  test("methods of generic types are instances of (method, receiver type arguments)", () => {
    const res = compile("generic_types.go");
    expect(res.errors).toEqual([]);
    const names = new Set(genericsStatsForDev().map((s) => `${s.name} [${s.targs.join(",")}]`));
    for (const n of ["main.(*Stack[...]).Push [string]", "main.Stack[...].Len [int]", "main.(*Tree[...]).Insert [string]", "main.Num[...].Twice [bool]"])
      expect(names.has(n), n).toBe(true);
  });
});
