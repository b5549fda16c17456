// The loader's linkRuntime option (FIXES): package runtime is linked into every program, so
// recover() can box run-time errors as runtime.Error values even without `import "runtime"`.
import { describe, expect, test } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const { loadPackages } = await import("../loader/index.js");
const { Info } = await import("../types/index.js");
const { compileProgram } = await import("./compile.js");

const src = `package main

func main() {
	defer func() { println(recover().(error).Error()) }()
	var s []int
	_ = s[1]
}
`;

function build(linkRuntime: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-linkrt-"));
  fs.writeFileSync(path.join(dir, "main.go"), src);
  const r = loadPackages(["main.go"], { cwd: dir, goroot: "", keepSyntax: true, makeInfo: () => new Info(), progress: false, linkRuntime });
  const pkg = r.packages[0];
  expect(pkg.errors).toEqual([]);
  const res = compileProgram(pkg, r.loader.fset);
  fs.rmSync(dir, { recursive: true, force: true });
  if (res.image === null) throw new Error(res.errors.map((e) => e.msg).join("\n"));
  return { pkg, names: new Set(res.image.funcs.map((f) => f.name)) };
}

describe("linkRuntime", () => {
  test("adds package runtime to a main package and its error types to the image", () => {
    const { pkg, names } = build(true);
    expect(pkg.imports.get("runtime")?.importPath).toBe("runtime");
    expect(names.has("runtime.boundsError.Error")).toBe(true);
    expect(names.has("runtime.(*TypeAssertionError).Error")).toBe(true);
  });
  test("without it a program that does not import runtime has none of them", () => {
    const { pkg, names } = build(false);
    expect(pkg.imports.has("runtime")).toBe(false);
    expect(names.has("runtime.boundsError.Error")).toBe(false);
  });
});
