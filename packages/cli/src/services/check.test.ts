import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { displayPath, runCheck, withInternalErrorHandler } from "./check.js";

let tmp = "";
function write(rel: string, text: string): void {
  const f = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
}
function check(args: string[], cwd = tmp): { code: number; err: string } {
  let err = "";
  // a tiny GOROOT keeps these tests fast; the real one is exercised by the conformance sweeps
  const io = { cwd, env: { GOROOT: path.join(tmp, "goroot") }, stderr: (s: string) => { err += s; } };
  const code = withInternalErrorHandler(io, () => runCheck(args, io));
  return { code, err };
}

beforeAll(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "gort-check-")));
  write("go.mod", "module example.com/m\n\ngo 1.19\n");
  write("goroot/src/fmt/print.go", "package fmt\n\nfunc Sprint(a ...any) string { return \"\" }\n");
  write("ok/ok.go", "package ok\n\nfunc F() int { return 1 }\n");
  write("bad/bad.go", "package bad\n\nvar x int = \"s\"\n");
  write("many/many.go", "package many\n\nfunc f() {\n" + Array.from({ length: 15 }, (_, i) => `\tvar x${i} int = "s"\n`).join("") + "}\n");
  write("syn/syn.go", "package syn\n\nfunc f() {\n\tx := 1\n");
  write("imp/imp.go", "package imp\n\nimport (\n\t\"fmt\"\n\t\"foo/bar\"\n)\n\nvar _ = fmt.Sprint\n");
  write("cyc/a/a.go", "package a\n\nimport _ \"example.com/m/cyc/b\"\n");
  write("cyc/b/b.go", "package b\n\nimport _ \"example.com/m/cyc/a\"\n");
  write("order/o.go", "package order\n\nfunc f() {\n\tx := 1\n}\n\nvar y int = \"s\"\n");
  write("badimp/x.go", "package badimp\n\nimport _ \"a b\"\nimport _ \"a//b\"\n");
  write("usesbad/u.go", "package usesbad\n\nimport \"example.com/m/bad\"\n\nvar z string = 1\nvar _ = bad.Y\n");
  write("in/empty/x.go", "");
  write("nogo/README", "no Go here\n");
  write("in/utf8/x.go", "package p\n\nvar s = \"\xff\"\n");
  fs.writeFileSync(path.join(tmp, "in/utf8/x.go"), Buffer.concat([Buffer.from("package p\n\nvar s = \""), Buffer.from([0xff, 0xfe]), Buffer.from("\"\nvar \xc3( = 1\n", "latin1")]));
  fs.mkdirSync(path.join(tmp, "in/binary"), { recursive: true });
  fs.writeFileSync(path.join(tmp, "in/binary/x.go"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0xff, 0x10]));
  write("in/deep/x.go", "package p\n\nvar x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n");
  write("in/deepcall/x.go", "package p\n\nfunc f() int { return 1 }\n\nvar x = f" + "()".repeat(10_000) + "\n");
  write("in/longcol/x.go", "package p\n\nvar t int = " + " ".repeat(300) + "\"s\"\n");
  write("in/long/x.go", "package p\n\nvar s = \"" + "a".repeat(1_000_000) + "\"\nvar t int = s\n");
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("displayPath", () => {
  it("shows files the way go does", () => {
    expect(displayPath("/a/b/main.go", "/a/b")).toBe("./main.go");
    expect(displayPath("/a/b/sub/s.go", "/a/b")).toBe("sub/s.go");
    expect(displayPath("/abc/main.go", "/abc/d")).toBe("../main.go");
    expect(displayPath("/a/main.go", "/a/b")).toBe("/a/main.go"); // not shorter: absolute, as go
    expect(displayPath("/x.go", "/a/b/c/d")).toBe("/x.go");
  });
});

describe("gort check", () => {
  it("is silent with status 0 on a clean package", () => {
    expect(check(["./ok"])).toEqual({ code: 0, err: "" });
  });

  it("prints type errors under a package header", () => {
    expect(check(["./bad"])).toEqual({
      code: 1,
      err: "# example.com/m/bad\nbad/bad.go:3:13: cannot use \"s\" (untyped string constant) as int value in variable declaration\n",
    });
    expect(check(["bad.go"], path.join(tmp, "bad")).err).toBe(
      "# command-line-arguments\n./bad.go:3:13: cannot use \"s\" (untyped string constant) as int value in variable declaration\n",
    );
  });

  it("stops after 10 errors with go's too many errors line", () => {
    const { code, err } = check(["./many"]);
    const lines = err.trimEnd().split("\n");
    expect(code).toBe(1);
    expect(lines).toHaveLength(12);
    expect(lines[10]).toMatch(/^many\/many\.go:13:\d+: cannot use/);
    expect(lines[11]).toMatch(/^many\/many\.go:13:\d+: too many errors$/);
  });

  it("reports a broken dependency once and does not check its importer, as go build", () => {
    const want = "# example.com/m/bad\nbad/bad.go:3:13: cannot use \"s\" (untyped string constant) as int value in variable declaration\n";
    expect(check(["./usesbad"])).toEqual({ code: 1, err: want });
    expect(check(["./usesbad", "./bad"])).toEqual({ code: 1, err: want });
  });

  it("reports syntax errors", () => {
    expect(check(["./syn"])).toEqual({ code: 1, err: "# example.com/m/syn\nsyn/syn.go:5:1: syntax error: unexpected EOF, expecting }\n" });
  });

  it("reports import problems like go", () => {
    expect(check(["./imp"])).toEqual({
      code: 1,
      err: `imp/imp.go:5:2: package foo/bar is not in GOROOT (${path.join(tmp, "goroot/src/foo/bar")})\n`,
    });
    expect(check(["./cyc/a"])).toEqual({
      code: 1,
      err: "package example.com/m/cyc/a\n\timports example.com/m/cyc/b\n\timports example.com/m/cyc/a: import cycle not allowed\n",
    });
  });

  it("only warns (status 0, as go) when a pattern matches no packages", () => {
    expect(check(["./nogo/..."])).toEqual({ code: 0, err: 'warning: "./nogo/..." matched no packages\n' });
    expect(check(["./nogo/...", "./bad"]).code).toBe(1);
  });

  it("says so in one line when GOROOT does not exist (as go)", () => {
    let err = "";
    const io = { cwd: tmp, env: { GOROOT: "/nonexistent/goroot" }, stderr: (s: string) => { err += s; } };
    expect(runCheck(["./ok"], io)).toBe(1);
    expect(err).toBe("gort: cannot find GOROOT directory: /nonexistent/goroot\n");
  });

  it("reports a missing file or directory in one line", () => {
    expect(check(["nope.go"])).toEqual({ code: 1, err: "stat nope.go: no such file or directory\n" });
    expect(check(["./nope"])).toEqual({ code: 1, err: `stat ${path.join(tmp, "nope")}: directory not found\n` });
  });

  it("sorts errors by position whatever order the checker found them in", () => {
    expect(check(["./order"])).toEqual({
      code: 1,
      err:
        "# example.com/m/order\n" +
        "order/o.go:4:2: x declared but not used\n" +
        "order/o.go:7:13: cannot use \"s\" (untyped string constant) as int value in variable declaration\n",
    });
  });

  it("reports malformed import paths as go build does", () => {
    expect(check(["./badimp"])).toEqual({
      code: 1,
      err: 'badimp/x.go:3:10: invalid import path: "a b"\nbadimp/x.go:4:8: malformed import path "a//b": double slash\n',
    });
  });

  // wording compared with go1.19's `go build x.go` on the same files (see loader/HACKING.md)
  it.each([
    ["empty", "x.go:1:1: expected 'package', found 'EOF'\n"],
    ["binary", "reading x.go: unexpected NUL in input\n"],
    [
      "utf8",
      "# command-line-arguments\n./x.go:3:10: invalid UTF-8 encoding\n",
    ],
    // the parser's nesting limit is hit past column 255, which gc prints without a column
    ["deep", "# command-line-arguments\n./x.go:3: exceeded max nesting depth\n"],
    ["deepcall", "# command-line-arguments\n./x.go:1:1: code nested too deeply for gort's type checker (JavaScript stack exhausted)\n"],
    ["long", "# command-line-arguments\n./x.go:4:13: cannot use s (variable of type string) as type int in variable declaration\n"],
    // go build prints the same (gc keeps 8 bits of column)
    ["longcol", "# command-line-arguments\n./x.go:3: cannot use \"s\" (untyped string constant) as int value in variable declaration\n"],
  ])("gives bad input (%s) a diagnostic, never a crash", (dir, start) => {
    const { code, err } = check(["x.go"], path.join(tmp, "in", dir));
    expect(code).toBe(1);
    expect(err).not.toContain("internal error");
    expect(err.split("\n").find((l) => !l.startsWith("# "))).toMatch(/^((\.\/)?x\.go:\d+(:\d+)?: |reading x\.go: )/);
    if (start !== undefined) expect(err.startsWith(start)).toBe(true);
  });

  it("turns a crash into an internal error without a stack", () => {
    let err = "";
    const io = { cwd: tmp, env: {}, stderr: (s: string) => { err += s; } };
    const code = withInternalErrorHandler(io, () => {
      throw new TypeError("boom");
    });
    expect(code).toBe(3);
    expect(err).toContain("gort: internal error: boom\n");
    expect(err).not.toContain("    at ");
  });
});
