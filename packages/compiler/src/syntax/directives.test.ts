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
