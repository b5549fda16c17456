import { describe, it, expect } from "vitest";
import type * as ast from "./ast.js";
import { FileSet } from "./position.js";
import { parseFile } from "./parser.js";
import { declDirectives, parseDirective } from "./directives.js";

function setup(src: string): { fset: FileSet; file: ast.File } {
  const fset = new FileSet();
  const { file, errors } = parseFile(fset, "d.go", src);
  expect(errors).toEqual([]);
  return { fset, file };
}

function targetName(t: ast.Node): string {
  switch (t.kind) {
    case "FuncDecl": return "func " + t.name.name;
    case "ValueSpec": return "var " + t.names.map((n) => n.name).join(",");
    case "TypeSpec": return "type " + t.name.name;
    case "ImportSpec": return "import " + t.path.value;
    default: return t.kind;
  }
}

describe("parseDirective", () => {
  it("splits name and arguments, unquoting go:embed patterns", () => {
    const c = (text: string): ast.Comment => ({ kind: "Comment", slash: 1, text });
    expect(parseDirective(c("//go:linkname now runtime.nanotime"))).toMatchObject({ name: "go:linkname", args: ["now", "runtime.nanotime"] });
    expect(parseDirective(c("//go:noinline"))).toMatchObject({ name: "go:noinline", args: [] });
    expect(parseDirective(c('//go:embed a.txt "b c.txt" `d`'))).toMatchObject({ name: "go:embed", args: ["a.txt", "b c.txt", "d"] });
  });
});

describe("declDirectives", () => {
  it("attaches own-line pragmas to the following declaration", () => {
    const src = [
      "//go:build linux",
      "",
      "package p",
      "",
      'import _ "embed"',
      "",
      "//go:noinline",
      "//go:nosplit",
      "func f() {",
      "\t//go:noinline",
      "\tx := 1",
      "\t_ = x",
      "}",
      "",
      "//go:embed hello.txt",
      "var s string",
      "",
      "var (",
      "\t//go:embed a.txt",
      "\ta string",
      "\tb int",
      "\t//go:embed c",
      "\tc string",
      ")",
      "",
      "//go:notinheap",
      "type T struct{}",
      "",
      "//go:linkname now runtime.nanotime",
      "func now() int64",
      "",
      "func g() {} //go:noinline",
      "func h() {}",
      "",
      "//go:nosplit",
      "var (",
      "\td int",
      ")",
      "",
    ].join("\n");
    const { fset, file } = setup(src);
    const m = declDirectives(fset, file);
    const got = [...m.entries()].map(([t, ds]) => `${targetName(t)}: ${ds.map((d) => d.name + (d.args.length ? " " + d.args.join(" ") : "")).join(", ")}`);
    expect(got).toEqual([
      "func f: go:noinline, go:nosplit",
      "var s: go:embed hello.txt",
      "var a: go:embed a.txt",
      "var c: go:embed c",
      "type T: go:notinheap",
    ]);
  });
});

import { checkDirectives } from "./directives.js";
import { existsSync, readFileSync } from "node:fs";

function check(src: string, opts = {}): { parse: string[]; decl: string[] } {
  const fset = new FileSet();
  const { file } = parseFile(fset, "d.go", src);
  const r = checkDirectives(fset, file, opts);
  const fmt = (d: { pos: number; msg: string }) => {
    const p = fset.position(d.pos);
    return `${p.line}:${p.column}: ${d.msg}`;
  };
  return { parse: r.parse.map(fmt), decl: r.decl.map(fmt) };
}

describe("checkDirectives (gc noder rules)", () => {
  it("matches go tool compile on a small file", () => {
    // go tool compile 1.19 prints exactly the two parse-phase errors
    const src = "package p\n\nfunc f() {\n\t//go:noinline\n\tx := 1\n\t_ = x\n}\n\nvar y = 1 //go:noinline\n\n//go:noinline\ntype T int\n\n//go:embed x\nvar z int\n";
    expect(check(src)).toEqual({
      parse: ["4:4: misplaced compiler directive", "9:13: misplaced compiler directive"],
      decl: ["11:3: misplaced compiler directive", '14:3: go:embed only allowed in Go files that import "embed"'],
    });
  });

  it("accepts well-placed directives", () => {
    const src = '//go:build linux\n\npackage p\n\nimport (\n\t_ "embed"\n\t"unsafe"\n)\n\n//go:embed a.txt\nvar s string\n\n//go:linkname now runtime.nanotime\nfunc now() int64\n\n//go:noinline\n//go:nosplit\nfunc f() {}\n\n//go:notinheap\ntype T struct{}\n\nvar _ = unsafe.Sizeof(0)\n';
    expect(check(src)).toEqual({ parse: [], decl: [] });
  });

  it("restricts runtime and std-only pragmas", () => {
    const src = "package p\n\n//go:nowritebarrier\nfunc f() {}\n\n//go:uintptrkeepalive\n//go:nosplit\nfunc g(uintptr) {}\n";
    expect(check(src).parse).toEqual([
      "3:3: //go:nowritebarrier only allowed in runtime",
      "6:3: //go:uintptrkeepalive is only allowed in the standard library",
    ]);
    expect(check(src, { compilingRuntime: true, std: true }).parse).toEqual([]);
  });

  it("checks go:embed targets and linkname imports", () => {
    const src = 'package p\n\nimport _ "embed"\n\nfunc f() {\n\t//go:embed x\n\tvar s string\n\t_ = s\n}\n\n//go:embed y\nvar a, b string\n\n//go:embed z\nvar c = "init"\n\n//go:linkname f runtime.f\n';
    expect(check(src).decl).toEqual([
      "6:4: go:embed cannot apply to var inside func",
      "11:3: go:embed cannot apply to multiple vars",
      "14:3: go:embed cannot apply to var with initializer",
      '17:3: //go:linkname only allowed in Go files that import "unsafe"',
    ]);
  });

  const root = existsSync("/usr/lib/go-1.19/test") ? "/usr/lib/go-1.19/test" : process.env.GOROOT ? process.env.GOROOT + "/test" : "";
  for (const name of ["directive.go", "directive2.go"]) {
    it(`reports exactly the lines annotated in $GOROOT/test/${name}`, () => {
      if (root === "") throw new Error("needs the Go 1.19 test suite");
      const src = readFileSync(`${root}/${name}`, "utf8");
      const want = src.split("\n").flatMap((l, i) => (/\/\/ ERROR "misplaced compiler directive"/.test(l) ? [i + 1] : []));
      const r = check(src);
      const got = [...r.parse, ...r.decl].map((s) => parseInt(s)).sort((a, b) => a - b);
      expect(want.length).toBeGreaterThan(5);
      expect(got).toEqual(want);
    });
  }
});
