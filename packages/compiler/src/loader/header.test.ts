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
});

describe("checkImportPath (gc's import path rules)", () => {
  it.each([
    ["fmt", undefined],
    ["golang.org/x/net/http2", undefined],
    ["", "import path is empty"],
    ["a\0b", "import path contains NUL"],
    ["go", 'import path "go" is reserved and cannot be used'],
    ["a\x7f", 'import path contains control character: "a\\x7f"'],
    ["a\\b", 'import path contains backslash; use slash: "a\\\\b"'],
    ["a b", 'import path contains space character: "a b"'],
    ["a!", "import path contains invalid character '!': \"a!\""],
    ["\ufffd", 'import path contains invalid UTF-8 sequence: "\\ufffd"'],
    ["/foo", "import path cannot be absolute path"],
    ["unicode//utf8", 'non-canonical import path "unicode//utf8" (should be "unicode/utf8")'],
    ["a/./b", 'non-canonical import path "a/./b" (should be "a/b")'],
    ["a/", 'non-canonical import path "a/" (should be "a")'],
  ])("%j → %j", (p, want) => {
    expect(checkImportPath(p)).toBe(want);
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
