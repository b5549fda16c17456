/**
 * Error-message tests: each case's expected diagnostics ("LINE:COL: msg")
 * were produced by running Go 1.19's compiler (go tool compile) on the same
 * source, keeping only the errors of the syntax phase (type-checker errors
 * such as "undefined: x" or label checks were dropped).
 */
import { describe, it, expect } from "vitest";
import { FileSet } from "./position.js";
import { parseFile, MaxErrors } from "./parser.js";

function bytes(b: number[]): Uint8Array {
  return new Uint8Array(b);
}

function diags(src: string | Uint8Array): string[] {
  const fset = new FileSet();
  const { errors } = parseFile(fset, "e.go", src);
  return errors.map((e) => {
    const p = fset.position(e.pos);
    return `${p.line}:${p.column}: ${e.msg}`;
  });
}

const cases: [string | Uint8Array, string[]][] = [
  ["package p\nfunc f() {\n\tx := [...]int{1, 2\n\t}\n}\n", ["3:20: syntax error: unexpected newline in composite literal; possibly missing comma or }"]],
  ["package p\nx := 1\n", ["2:1: syntax error: non-declaration statement outside function body"]],
  ["package p\nfunc f() {\n\tfor i := 0; i < 10; j := 1 {\n\t}\n}\n", ["3:24: syntax error: cannot declare in post statement of for loop"]],
  ["package p\nfunc f() {\n\tif x = 1 {\n\t}\n}\n", ["3:7: syntax error: cannot use assignment (x) = (1) as value"]],
  ["package p\nfunc f() {\n\tif x := 1 {\n\t}\n}\n", ["3:7: syntax error: cannot use x := 1 as value"]],
  ["package p\nfunc f()\n{\n}\n", ["3:1: syntax error: unexpected semicolon or newline before {"]],
  ["package p\nvar x = 'ab'\n", ["2:9: more than one character in rune literal"]],
  ["package p\nvar x = ''\n", ["2:10: empty rune literal or unescaped '"]],
  ["package p\nvar x = \"abc\n", ["2:13: newline in string"]],
  ["package p\nvar x = `abc", ["2:9: string not terminated"]],
  ["package p\nvar x = 0128\n", ["2:12: invalid digit '8' in octal literal"]],
  ["package p\nvar x = 1__0\n", ["2:11: '_' must separate successive digits"]],
  ["package p\nvar x = 0x\n", ["2:11: hexadecimal literal has no digits"]],
  ["package p\nvar x = 1e\n", ["2:11: exponent has no digits"]],
  ["package p\nvar x = 0x1.5\n", ["2:14: hexadecimal mantissa requires a 'p' exponent"]],
  ["package p\nvar x = 'a\n", ["2:11: newline in rune literal"]],
  ["package p\n/* abc", ["2:1: comment not terminated"]],
  ["package p\nvar x = 1 # 2\n", ["2:11: invalid character U+0023 '#'", "2:13: syntax error: unexpected literal 2 after top level declaration"]],
  ["package p\nvar x = \"\\q\"\n", ["2:11: unknown escape"]],
  ["package p\nfunc f() {\n\tgo f\n}\n", ["3:5: expression in go must be function call"]],
  ["package p\nfunc f() {\n\tdefer (f())\n}\n", ["3:8: expression in defer must not be parenthesized"]],
  ["package p\nfunc f(a int, b) {}\n", ["2:15: syntax error: mixed named and unnamed parameters"]],
  ["package p\ntype T[P any, Q] struct{}\n", ["2:16: syntax error: missing type constraint"]],
  ["package p\nfunc f() {\n\tx := a[1:2:]\n}\n", ["3:13: final index required in 3-index slice"]],
  ["package p\nfunc f() {\n\tswitch x {\n\tcase 1\n\t}\n}\n", ["4:8: syntax error: unexpected newline, expecting :"]],
  ["package p\nimport 42\n", ["2:10: syntax error: import path must be a string"]],
  ["package p\nfunc f() {\n\tvar x int = 1,\n}\n", ["4:1: syntax error: unexpected }, expecting expression"]],
  ["package p\nfunc (a, b T) m() {}\n", ["2:15: method has multiple receivers"]],
  ["package p\nfunc f() {\n\tL:\n}\n", []],
  ["package p\nfunc f() {\n\tfor {\n\t} else {}\n}\n", ["4:4: syntax error: unexpected else at end of statement", "5:1: syntax error: non-declaration statement outside function body"]],
  ["package p\nfunc f() {\n\tf(a b)\n}\n", ["3:6: syntax error: unexpected b in argument list; possibly missing comma or )"]],
  ["package p\ntype T struct { a int b int }\n", ["2:23: syntax error: unexpected b in struct type; possibly missing semicolon or newline or }"]],
  ["package p\nfunc f() {\n\tif x {\n\t} else y\n}\n", ["4:9: syntax error: else must be followed by if or statement block"]],
  ["package p\nfunc f() {\n\tx.(type)\n}\n", []],
  ["package p\nfunc f() {\n\tselect {\n\tfoo\n\t}\n}\n", ["4:2: syntax error: unexpected foo, expecting case or default or }", "5:2: syntax error: unexpected }, expecting :"]],
  ["package p\ntype I interface { m[T any]() }\n", ["2:21: interface method must have no type parameters"]],
  ["package p\nfunc f[T any]() {}\nfunc (r R) g[T any]() {}\n", ["3:13: syntax error: method must have no type parameters"]],
  ["package p\nvar x = map[string]int{\"a\": 1 \"b\": 2}\n", ["2:31: syntax error: unexpected literal \"b\" in composite literal; possibly missing comma or }"]],
  ["package p\nfunc f() {\n\tvar x int\n\tx++ = 2\n}\n", ["4:6: syntax error: unexpected = at end of statement"]],
  ["package p\nfunc f() {\n\tfor x := range {\n\t}\n}\n", ["3:17: syntax error: unexpected {, expecting expression", "4:2: syntax error: unexpected }, expecting { after for clause"]],
  ["main\n", ["1:1: syntax error: package statement must be first"]],
  ["package\n", ["2:1: syntax error: unexpected EOF, expecting name"]],
  ["package p; import \"fmt\"; var x = fmt.Sprint(\n", ["2:1: syntax error: unexpected EOF, expecting )"]],
  ["package p\nfunc f() { if true { } else if { } }\n", ["2:32: syntax error: missing condition in if statement"]],
  [bytes([112, 97, 99, 107, 97, 103, 101, 32, 112, 10, 118, 97, 114, 32, 120, 32, 61, 32, 255, 10]), ["2:9: invalid UTF-8 encoding"]],
  ["package p\nvar x = \"\ufeff\"\n", ["2:10: invalid BOM in the middle of the file"]],
  ["package p\nvar x = 1\n\ufeffvar y = 2\n", ["3:1: invalid BOM in the middle of the file"]],
  ["package p\nvar x = \\u00e9té\n", ["2:9: invalid character U+005C '\\'"]],
  ["package p\nvar x = a.(b.(type))\n", ["2:14: syntax error: unexpected (, expecting name"]],
];

describe("syntax errors match gc", () => {
  cases.forEach(([src, want], i) => {
    it(`case ${i + 1}: ${want[0] ?? "(no error)"}`, () => {
      expect(diags(src).slice(0, want.length)).toEqual(want);
    });
  });
});

describe("error reporting policy", () => {
  it("keeps only the first syntax error on a line", () => {
    const d = diags("package p\nfunc f() { a b c d e }\n");
    expect(d).toEqual(["2:14: syntax error: unexpected b at end of statement"]);
  });
  it("stops after MaxErrors errors", () => {
    const src = "package p\n" + "var x = 'ab'\n".repeat(50);
    const d = diags(src);
    expect(d.length).toBe(MaxErrors);
    expect(d[0]).toBe("2:9: more than one character in rune literal");
  });
  it("reports errors sorted by position", () => {
    const d = diags("package p\nfunc f() {\n\tx := 'ab'; y := 0x\n\tz :=\n}\n");
    expect(d).toEqual([
      "3:7: more than one character in rune literal",
      "3:20: hexadecimal literal has no digits",
      "5:1: syntax error: unexpected }, expecting expression",
    ]);
  });
});

describe("more gc cases", () => {
  it("import after other declarations", () => {
    // go tool compile 1.19: "3:1: syntax error: non-declaration statement outside function body"
    expect(diags('package p\nvar x = 1\nimport "fmt"\n')).toEqual(["3:1: syntax error: non-declaration statement outside function body"]);
  });
});
