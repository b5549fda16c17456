/**
 * parseFile must never throw and never hang: deep nesting, binary input,
 * empty input, huge lines, invalid UTF-8. Deep nesting is cut off with a
 * clean "exceeded max nesting depth" diagnostic (see MaxNesting).
 */
import { describe, it, expect } from "vitest";
import { FileSet } from "./position.js";
import { parseFile, MaxNesting } from "./parser.js";
import { formatDiagnostic } from "../diag.js";

function run(src: string | Uint8Array): { errors: string[]; ms: number } {
  const fset = new FileSet();
  const t0 = performance.now();
  const r = parseFile(fset, "r.go", src);
  return { errors: r.errors.map((e) => formatDiagnostic(fset, e)), ms: performance.now() - t0 };
}

/** A deterministic pseudo-random byte generator (xorshift32). */
function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed | 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe("deep nesting (10 000 levels)", () => {
  const n = 10000;
  const cases: [string, string][] = [
    ["parentheses", "package p\nvar x = " + "(".repeat(n) + "1" + ")".repeat(n) + "\n"],
    ["blocks", "package p\nfunc f() " + "{".repeat(n) + "}".repeat(n) + "\n"],
    ["unary operators", "package p\nvar x = " + "!".repeat(n) + "x\n"],
    ["pointer types", "package p\nvar x " + "*".repeat(n) + "int\n"],
    ["slice types", "package p\nvar x " + "[]".repeat(n) + "int\n"],
    ["composite literals", "package p\nvar x = T" + "{".repeat(n) + "}".repeat(n) + "\n"],
    ["function literals", "package p\nvar x = " + "func(){".repeat(n) + "}".repeat(n) + "\n"],
    ["nested ifs", "package p\nfunc f() {" + "if x {".repeat(n) + "}".repeat(n) + "}\n"],
    ["calls", "package p\nvar x = " + "f(".repeat(n) + ")".repeat(n) + "\n"],
    ["index expressions", "package p\nvar x = " + "a[".repeat(n) + "0" + "]".repeat(n) + "\n"],
    ["struct types", "package p\nvar x " + "struct{x ".repeat(n) + "int" + "}".repeat(n) + "\n"],
    ["map types", "package p\nvar x " + "map[int]".repeat(n) + "int\n"],
    ["chan types", "package p\nvar x " + "chan ".repeat(n) + "int\n"],
    ["func types", "package p\nvar x " + "func(".repeat(n) + ")".repeat(n) + "\n"],
    ["unclosed parentheses", "package p\nvar x = " + "(".repeat(n) + "\n"],
    ["unclosed braces", "package p\nfunc f() " + "{".repeat(n) + "\n"],
  ];
  for (const [name, src] of cases) {
    it(name, () => {
      const r = run(src);
      expect(r.errors.length).toBeGreaterThan(0);
      expect(r.errors.some((e) => e.endsWith("exceeded max nesting depth"))).toBe(true);
      expect(r.errors[0]).toMatch(/^r\.go:2(:\d+)?: /);
      expect(r.ms).toBeLessThan(2000);
    });
  }

  it("accepts nesting below the limit", () => {
    const k = MaxNesting - 10;
    expect(run("package p\nvar x = " + "(".repeat(k) + "1" + ")".repeat(k) + "\n").errors).toEqual([]);
    expect(run("package p\nvar x " + "[]".repeat(k) + "int\n").errors).toEqual([]);
    expect(run("package p\nfunc f() " + "{".repeat(k) + "}".repeat(k) + "\n").errors).toEqual([]);
  });

  it("survives when called from an already deep stack", () => {
    const src = "package p\nvar x = " + "(".repeat(MaxNesting - 10) + "1" + ")".repeat(MaxNesting - 10) + "\n";
    let result: string[] = [];
    const recurse = (d: number): void => {
      if (d === 0) {
        result = run(src).errors;
        return;
      }
      recurse(d - 1);
    };
    recurse(3000);
    // either it fits, or the stack overflow is reported cleanly; it never throws
    expect(result.every((e) => e.includes("exceeded max nesting depth"))).toBe(true);
  });
});

describe("hostile input", () => {
  it("empty file", () => {
    expect(run("").errors).toEqual(["r.go:1:1: syntax error: package statement must be first"]);
  });

  it("random binary files", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = run(randomBytes(64 * 1024, seed));
      expect(r.errors.length).toBeGreaterThan(0);
      expect(r.ms).toBeLessThan(2000);
    }
  });

  it("random token soup after a valid package clause", () => {
    const words = ["(", ")", "{", "}", "[", "]", "func", "x", "1", ",", ";", "\n", ":=", "=", "+", "*", "<-", "chan", "map", "struct", "interface", "if", "else", "for", "range", "switch", "select", "case", "default", ":", ".", "...", "type", "var", "const", "go", "defer", "return", "'a'", '"s"', "~", "|", "//c\n", "/*c*/", "++", "import"];
    let x = 12345;
    for (let t = 0; t < 200; t++) {
      const parts = ["package p\n"];
      for (let i = 0; i < 300; i++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        parts.push(words[x % words.length], " ");
      }
      const src = parts.join("");
      const r = run(src);
      expect(r.ms).toBeLessThan(2000);
      // recovery must never hit an internal failure (reported as "internal parser error")
      expect(r.errors.filter((e) => e.includes("internal"))).toEqual([]);
      const c = parseFile(new FileSet(), "c.go", src, { comments: true });
      expect(c.errors.filter((e) => e.msg.includes("internal"))).toEqual([]);
    }
  });

  it("a 1 MB string literal and a 1 MB line of additions", () => {
    const src = 'package p\nvar s = "' + "a".repeat(1 << 20) + '"\nvar y = 1' + " + 1".repeat(250000) + "\n";
    const r = run(src);
    expect(r.errors).toEqual([]);
    expect(r.ms).toBeLessThan(5000);
  });

  it("invalid UTF-8, BOMs and NULs", () => {
    const enc = (s: string) => Array.from(new TextEncoder().encode(s));
    // like gc: each bad byte is skipped, and a repeated message on one line is reported once
    expect(run(new Uint8Array([...enc('package p\nvar x = "'), 0xff, 0xc0, ...enc('"\n')])).errors).toEqual([
      "r.go:2:10: invalid UTF-8 encoding",
    ]);
    // go tool compile: "v.go:3:5: invalid UTF-8 encoding" then "3:8: syntax error: unexpected =, expecting name"
    expect(run(new Uint8Array([...enc("package p\n\nvar "), 0xc3, ...enc("( = 1\n")])).errors).toEqual([
      "r.go:3:5: invalid UTF-8 encoding",
      "r.go:3:8: syntax error: unexpected =, expecting name",
    ]);
    expect(run(new Uint8Array([0xef, 0xbb, 0xbf, ...enc("package p\n")])).errors).toEqual([]);
    expect(run(new Uint8Array([...enc("package p\n"), 0xef, 0xbb, 0xbf])).errors).toEqual(["r.go:2:1: invalid BOM in the middle of the file"]);
    expect(run("package p\n\0").errors).toEqual(["r.go:2:1: invalid NUL character"]);
  });

  it("CRLF line endings", () => {
    expect(run("package p\r\n\r\nfunc f() {\r\n\tx := `a\r\nb`\r\n\t_ = x\r\n}\r\n").errors).toEqual([]);
  });
});
