import { describe, expect, it } from "vitest";
import { checkImportPath, cleanPath, readImports } from "./header.js";

describe("readImports", () => {
  it("reads package name and every import form", () => {
    const src = `// Copyright

/* block */ package foo // trailing

import "fmt"
import m "math"
import (
\t"os"
\t_ "embed"
\t. "strings"; "sort"
\traw \`io\`
)
import "unreachable/after/decl" // still an import
var x = 1
import "never"
`;
    const h = readImports(src);
    expect(h.error).toBeUndefined();
    expect(h.packageName).toBe("foo");
    expect(h.imports.map((i) => i.path)).toEqual(["fmt", "math", "os", "embed", "strings", "sort", "io", "unreachable/after/decl"]);
    const os = h.imports[2];
    expect([os.line, os.column]).toEqual([8, 2]);
    const m = h.imports[1];
    expect([m.line, m.column]).toEqual([6, 8]);
  });

  it("reports a missing package clause", () => {
    expect(readImports("import \"fmt\"\n").error).toBeDefined();
  });

  it("counts columns in bytes", () => {
    const h = readImports("package p /* é */; import \"x\"\n");
    expect(h.imports[0].column).toBe(28);
  });

  it("gives each import its line, byte column and byte offset", () => {
    const src = "// ünïcode ✓\npackage p\n\nimport (\n\t\"a\"\n\tb \"b/c\" /* ☃ */; \"d\"\n\n\t. \"e\"\n)\nimport \"f\"\n";
    const bytes = Buffer.from(src, "utf8");
    const h = readImports(src);
    expect(h.imports.map((i) => i.path)).toEqual(["a", "b/c", "d", "e", "f"]);
    for (const i of h.imports) {
      // the offset is where the spec starts, on the line and column reported
      const before = bytes.subarray(0, i.offset).toString("utf8");
      expect(before.split("\n").length).toBe(i.line);
      expect(i.column).toBe(Buffer.byteLength(before.slice(before.lastIndexOf("\n") + 1)) + 1);
    }
    expect(h.imports.map((i) => [i.line, i.column])).toEqual([[5, 2], [6, 2], [6, 21], [8, 2], [10, 8]]);
  });
});

describe("checkImportPath (go build's import path rules, wording checked against go1.19)", () => {
  const lit = (p: string) => JSON.stringify(p);
  it.each([
    ["fmt", undefined],
    ["golang.org/x/net/http2", undefined],
    ["gopkg.in/yaml.v3", undefined],
    ["a+b~c", undefined],
    ["", 'invalid import path: ""'],
    ["a b", 'invalid import path: "a b"'],
    ["a\\b", 'invalid import path: "a\\\\b"'],
    ["a:b", 'invalid import path: "a:b"'],
    ["a\x01", 'invalid import path: "a\\u0001"'],
    ["/abs", "\"/abs\" is not a package path; see 'go help packages'"],
    ["./x", '"./x" is relative, but relative import paths are not supported in module mode'],
    ["..", '".." is relative, but relative import paths are not supported in module mode'],
    ["a//b", 'malformed import path "a//b": double slash'],
    ["a/", 'malformed import path "a/": trailing slash'],
    ["-x", 'malformed import path "-x": leading dash'],
    ["a/./b", 'malformed import path "a/./b": invalid path element "."'],
    ["x/../y", 'malformed import path "x/../y": invalid path element ".."'],
    ["a./b", 'malformed import path "a./b": trailing dot in path element'],
    ["é/x", "malformed import path \"é/x\": invalid char 'é'"],
    ["aux", 'malformed import path "aux": "aux" disallowed as path element component on Windows'],
    ["x/Com1.go", 'malformed import path "x/Com1.go": "Com1" disallowed as path element component on Windows'],
  ])("%j → %j", (p, want) => {
    expect(checkImportPath(p, lit(p))?.msg).toBe(want);
  });

  it("quotes the literal as written and points at it only for go/parser's check", () => {
    expect(checkImportPath("a\x01", '"a\\x01"')).toEqual({ msg: 'invalid import path: "a\\x01"', atLiteral: true });
    expect(checkImportPath("a//b", "`a//b`")?.atLiteral).toBe(false);
    // a zero-width space is not graphic; bytes that are not UTF-8 arrive as U+FFFD
    expect(checkImportPath("a\u200b", '"a\\u200b"')?.msg).toBe('invalid import path: "a\\u200b"');
    expect(checkImportPath("\ufffd", '"\\xff"')?.msg).toBe('invalid import path: "\\xff"');
  });

  it("reads the literal and its column", () => {
    const h = readImports('package p\n\nimport _ "a b"\n');
    expect(h.imports[0]).toMatchObject({ path: "a b", literal: '"a b"', column: 8, literalColumn: 10 });
  });

  it("cleans paths like Go's path.Clean", () => {
    expect(cleanPath("a/../../b")).toBe("../b");
    expect(cleanPath("/../a")).toBe("/a");
    expect(cleanPath("./")).toBe(".");
  });

  it("decodes \\x bytes past ASCII as invalid UTF-8", () => {
    expect(readImports('package p; import "\\x80\\x80"').imports[0].path).toBe("\ufffd\ufffd");
    expect(readImports('package p; import "\\101"').imports[0].path).toBe("A");
  });
});

describe("readImports: problems the go command reports itself (wording of go1.19)", () => {
  it.each([
    ["", "x.go:1:1: expected 'package', found 'EOF'"],
    ["hello", "x.go:1:1: expected 'package', found hello"],
    ["// c\nfunc f()", "x.go:2:1: expected 'package', found 'func'"],
    ["package", "x.go:1:8: expected 'IDENT', found 'EOF'"],
    ["package\n\nvar", "x.go:3:1: expected 'IDENT', found 'var'"],
    ["package ;", "x.go:1:9: expected 'IDENT', found ';'"],
    ["package 1", "x.go:1:9: expected 'IDENT', found 1"],
    ["\x7fELF", "x.go:1:1: illegal character U+007F"],
    ["package p\nimport \"a\x00\"\n", "x.go:2:10: unexpected NUL in input"],
    ["\x7fELF\x02\x01\x01\x00", "x.go:1:8: unexpected NUL in input"],
  ])("%j → %s", (src, want) => {
    const g = readImports(src).goError;
    expect(g && `x.go:${g.line}:${g.column}: ${g.msg}`).toBe(want);
  });

  it("leaves a NUL past the imports, and good headers, to the compiler", () => {
    expect(readImports('package p\nimport "fmt"\nvar s = "\x00"\n').goError).toBeUndefined();
    expect(readImports("\ufeffpackage p\n").goError).toBeUndefined();
  });
});
