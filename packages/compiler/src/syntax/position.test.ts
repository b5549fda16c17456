import { describe, it, expect } from "vitest";
import { FileSet } from "./position.js";
import { formatDiagnostic, sortDiagnostics } from "../diag.js";

const enc = (s: string) => new TextEncoder().encode(s);

describe("FileSet", () => {
  it("assigns bases like go/token: first base 1, next base after the EOF position", () => {
    const fs = new FileSet();
    const a = fs.addFile("a.go", enc("abc\n"));
    const b = fs.addFile("b.go", enc("xy"));
    expect(a.base).toBe(1);
    expect(b.base).toBe(1 + 4 + 1);
    expect(fs.file(0)).toBeUndefined();
    expect(fs.file(1)).toBe(a);
    expect(fs.file(5)).toBe(a); // EOF position of a
    expect(fs.file(6)).toBe(b);
    expect(fs.file(8)).toBe(b); // EOF position of b
    expect(fs.file(9)).toBeUndefined();
    expect(fs.base()).toBe(9);
  });

  it("resolves lines and 1-based byte columns", () => {
    const fs = new FileSet();
    const f = fs.addFile("a.go", enc("ab\ncé\n\nd"));
    expect(fs.position(f.base + 0)).toEqual({ filename: "a.go", line: 1, column: 1, offset: 0 });
    expect(fs.position(f.base + 2)).toEqual({ filename: "a.go", line: 1, column: 3, offset: 2 });
    expect(fs.position(f.base + 3)).toEqual({ filename: "a.go", line: 2, column: 1, offset: 3 });
    // é is two bytes: 'd' on line 4 is at offset 8
    expect(fs.position(f.base + 7)).toEqual({ filename: "a.go", line: 3, column: 1, offset: 7 });
    expect(fs.position(f.base + 8)).toEqual({ filename: "a.go", line: 4, column: 1, offset: 8 });
    expect(f.lineStart(2)).toBe(f.base + 3);
    expect(f.lineCount()).toBe(4);
    expect(fs.position(0)).toEqual({ filename: "", line: 0, column: 0, offset: 0 });
  });
});

describe("diagnostics", () => {
  it("formats like gc and sorts by file, line, column", () => {
    const fs = new FileSet();
    const b = fs.addFile("b.go", enc("x\ny\n"));
    const a = fs.addFile("a.go", enc("x\ny\n"));
    const ds = [
      { pos: b.base + 2, msg: "b2" },
      { pos: a.base + 2, msg: "a2" },
      { pos: a.base + 0, msg: "a1" },
      { pos: 0, msg: "nowhere" },
    ];
    expect(formatDiagnostic(fs, ds[0])).toBe("b.go:2:1: b2");
    expect(formatDiagnostic(fs, ds[3])).toBe("nowhere");
    expect(sortDiagnostics(fs, ds).map((d) => d.msg)).toEqual(["nowhere", "a1", "a2", "b2"]);
  });
});
