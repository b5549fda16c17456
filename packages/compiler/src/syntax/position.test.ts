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

  it("drops columns gc cannot represent (>= 255), like go tool compile", () => {
    const fs = new FileSet();
    const f = fs.addFile("w.go", enc("x".repeat(300) + "\n"));
    expect(formatDiagnostic(fs, { pos: f.base + 253, msg: "m" })).toBe("w.go:1:254: m");
    expect(formatDiagnostic(fs, { pos: f.base + 254, msg: "m" })).toBe("w.go:1: m");
    expect(formatDiagnostic(fs, { pos: f.base + 299, msg: "m" })).toBe("w.go:1: m");
  });
});

import { parseFile } from "./parser.js";

describe("//line directives", () => {
  it("remap positions like gc (no column when the directive has none)", () => {
    const src = "package p\n//line foo.y:100\nvar a = 1\n/*line bar.y:7:20*/var b = 2\nvar c = 3\n//line :50:1\nvar d = 4\n";
    const fset = new FileSet();
    const { file, errors } = parseFile(fset, "x.go", src);
    expect(errors).toEqual([]);
    const at = (i: number) => {
      const p = fset.position(((file.decls[i] as { specs: { names: { pos: number }[] }[] }).specs[0].names[0]).pos);
      return `${p.filename}:${p.line}:${p.column}`;
    };
    expect(at(0)).toBe("foo.y:100:0"); // unknown column
    expect(at(1)).toBe("bar.y:7:24"); // same line as the block directive: relative column
    expect(at(2)).toBe("bar.y:8:5");
    expect(at(3)).toBe("bar.y:50:5"); // empty filename keeps the current one
    const raw = fset.positionFor((file.decls[0] as { specs: { names: { pos: number }[] }[] }).specs[0].names[0].pos, false);
    expect([raw.filename, raw.line, raw.column]).toEqual(["x.go", 3, 5]);
    expect(formatDiagnostic(fset, { pos: (file.decls[0] as { specs: { names: { pos: number }[] }[] }).specs[0].names[0].pos, msg: "m" })).toBe("foo.y:100: m");
  });

  it("ignores //line not at the start of a line and reports malformed ones", () => {
    const fset = new FileSet();
    const r = parseFile(fset, "y.go", "package p\nvar a = 1 //line foo.y:10\n//line foo.y:x\n//line foo.y:0\nvar b = 2\n");
    expect(r.errors.map((e) => formatDiagnostic(fset, e))).toEqual(["y.go:3:14: invalid line number: x", "y.go:4:14: invalid line number: 0"]);
  });
});
