import { describe, it, expect } from "vitest";
import type * as ast from "./ast.js";
import { FileSet } from "./position.js";
import { parseFile } from "./parser.js";
import { exprString } from "./printer.js";

function expr(src: string): ast.Expr {
  const { file, errors } = parseFile(new FileSet(), "p.go", `package p\nvar _ = ${src}\n`);
  expect(errors).toEqual([]);
  return ((file.decls[0] as ast.GenDecl).specs[0] as ast.ValueSpec).values[0];
}

describe("exprString (gc style)", () => {
  const same = [
    "x.f", "a[i:j]", "a[i:j:k]", "a[:]", "func(int) string", "[]T", "map[K]V", "p.T[int]", "p.T[K, V]",
    "x + y", "-x", "!ok", "<-ch", "*p", "&x", "f(a, b...)", "x.(T)", "[4]int", "[...]int{…}", "chan int",
    "<-chan int", "chan<- int", "chan (<-chan int)", "func(a, b int, c ...string) (int, error)",
    "struct{}", "interface{}", "T{}", "T{…}", "func() {}", "func() {…}", "(a + b) * c", "1.5", "'x'", '"s"',
    "struct{x int; y string}", "interface{M(); io.Reader}", "interface{~int | string}", "f[int]",
  ];
  for (const s of same) {
    it(s, () => {
      let src = s;
      if (s.endsWith("{…}")) src = s.replace("{…}", s.startsWith("func") ? "{ g() }" : "{1}");
      if (s.startsWith("interface{~")) src = "(*" + s + ")(nil)";
      const e = expr(src);
      const got = exprString(e);
      expect(s.startsWith("interface{~") ? got.slice(2, -6) : got).toBe(s);
    });
  }
  it("elides composite and function literal bodies", () => {
    expect(exprString(expr("[]int{1, 2, 3}"))).toBe("[]int{…}");
    expect(exprString(expr("func(x int) int { return x }"))).toBe("func(x int) int {…}");
  });
});

describe("exprString on deep trees", () => {
  it("prints a 20000-term left-associative chain without recursion", () => {
    const n = 20000;
    const e = expr(Array.from({ length: n }, (_, i) => `a${i % 10}`).join(" + "));
    const s = exprString(e);
    expect(s.startsWith("a0 + a1 + a2")).toBe(true);
    expect(s.split(" + ").length).toBe(n);
  });
});
