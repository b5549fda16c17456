import { describe, expect, it } from "vitest";
import { readImports } from "./header.js";

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
