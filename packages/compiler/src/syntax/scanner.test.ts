import { describe, it, expect } from "vitest";
import { Scanner, Tok, tokString, formatU, quoteRune } from "./scanner.js";

/** Scans src into compact token strings, plus "ERR@off: msg" entries. */
function scan(src: string | Uint8Array): string[] {
  const bytes = typeof src === "string" ? new TextEncoder().encode(src) : src;
  const out: string[] = [];
  const sc = new Scanner(bytes, (off, msg) => out.push(`ERR@${off}: ${msg}`));
  for (let i = 0; i < 10000; i++) {
    sc.next();
    switch (sc.tok) {
      case Tok.EOF:
        return out;
      case Tok.Name:
        out.push(`name ${sc.lit}`);
        break;
      case Tok.Literal:
        out.push(`${sc.litKind} ${sc.lit}`);
        break;
      case Tok.Semi:
        out.push(`; ${sc.lit}`);
        break;
      case Tok.Operator:
      case Tok.Star:
      case Tok.Arrow:
        out.push(`op ${sc.op}${sc.prec > 0 ? "/" + sc.prec : ""}`);
        break;
      case Tok.AssignOp:
        out.push(`${sc.op}=`);
        break;
      case Tok.IncOp:
        out.push(`${sc.op}${sc.op}`);
        break;
      default:
        out.push(tokString(sc.tok));
    }
  }
  throw new Error("scanner did not reach EOF");
}

describe("scanner: tokens", () => {
  const cases: [string, string[]][] = [
    ["", []],
    ["x", ["name x", "; EOF"]],
    ["x\n", ["name x", "; newline"]],
    ["_x9 αβ Ünïcödé 日本語", ["name _x9", "name αβ", "name Ünïcödé", "name 日本語", "; EOF"]],
    ["break continue fallthrough return\n", ["break", "continue", "fallthrough", "return", "; newline"]],
    ["break\ncontinue\nfallthrough\nreturn\nx", ["break", "; newline", "continue", "; newline", "fallthrough", "; newline", "return", "; newline", "name x", "; EOF"]],
    ["if\nfunc\n", ["if", "func"]],
    ["chan const default defer else for func go goto if import interface map package range select struct switch type var case",
      ["chan", "const", "default", "defer", "else", "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "select", "struct", "switch", "type", "var", "case"]],
    ["+ - * / % & | ^ << >> &^", ["op +/4", "op -/4", "op */5", "op //5", "op %/5", "op &/5", "op |/4", "op ^/4", "op <</5", "op >>/5", "op &^/5"]],
    ["+= -= *= /= %= &= |= ^= <<= >>= &^=", ["+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^="]],
    ["&& || <- ++ -- == < > = ! ~ != <= >= := ...", ["op &&/2", "op ||/1", "op <-", "++", "--", "op ==/3", "op </3", "op >/3", "=", "op !", "op ~", "op !=/3", "op <=/3", "op >=/3", ":=", "..."]],
    ["( [ { , . ; : ) ] }", ["(", "[", "{", ",", ".", "; semicolon", ":", ")", "]", "}", "; EOF"]],
    ["x++\ny--\n", ["name x", "++", "; newline", "name y", "--", "; newline"]],
    ["a)\nb]\nc}\n", ["name a", ")", "; newline", "name b", "]", "; newline", "name c", "}", "; newline"]],
    ["a +\nb", ["name a", "op +/4", "name b", "; EOF"]],
    // comments
    ["x // c\ny", ["name x", "; newline", "name y", "; EOF"]],
    ["x /* c */ y", ["name x", "name y", "; EOF"]],
    ["x /* a\nb */ y", ["name x", "; newline", "name y", "; EOF"]],
    ["x /* c */\ny", ["name x", "; newline", "name y", "; EOF"]],
    ["x // c", ["name x", "; EOF"]],
    // integers
    ["0 42 0600 0o600 0O17 0x1F 0XaB 0b101 0B1 1_000 0x_1f 0_17 0b_1", ["INT 0", "INT 42", "INT 0600", "INT 0o600", "INT 0O17", "INT 0x1F", "INT 0XaB", "INT 0b101", "INT 0B1", "INT 1_000", "INT 0x_1f", "INT 0_17", "INT 0b_1", "; EOF"]],
    // floats
    ["0. 1.5 .25 1e10 1E-3 2.e+4 0x1p-2 0X.8p0 0x1.fp+1 1_0.2_5 089.5 0e0", ["FLOAT 0.", "FLOAT 1.5", "FLOAT .25", "FLOAT 1e10", "FLOAT 1E-3", "FLOAT 2.e+4", "FLOAT 0x1p-2", "FLOAT 0X.8p0", "FLOAT 0x1.fp+1", "FLOAT 1_0.2_5", "FLOAT 089.5", "FLOAT 0e0", "; EOF"]],
    // imaginary
    ["0i 1i 1.5i 1e3i 0x1p2i 0b1i 0o7i 089i", ["IMAG 0i", "IMAG 1i", "IMAG 1.5i", "IMAG 1e3i", "IMAG 0x1p2i", "IMAG 0b1i", "IMAG 0o7i", "IMAG 089i", "; EOF"]],
    // runes
    ["'a' 'ä' '本' '\\t' '\\000' '\\x07' '\\xff' '\\u12e4' '\\U00101234' '\\'' '\"'", ["CHAR 'a'", "CHAR 'ä'", "CHAR '本'", "CHAR '\\t'", "CHAR '\\000'", "CHAR '\\x07'", "CHAR '\\xff'", "CHAR '\\u12e4'", "CHAR '\\U00101234'", "CHAR '\\''", "CHAR '\"'", "; EOF"]],
    // strings
    ['"" "abc" "\\n\\"" "日本" "\\xff\\u00e9"', ['STRING ""', 'STRING "abc"', 'STRING "\\n\\""', 'STRING "日本"', 'STRING "\\xff\\u00e9"', "; EOF"]],
    ["`raw\nstring \\n`", ["STRING `raw\nstring \\n`", "; EOF"]],
    ["`a\r\nb\r`", ["STRING `a\nb`", "; EOF"]],
    // dot vs number vs ellipsis
    ["x.y .5 ...", ["name x", ".", "name y", "FLOAT .5", "..."]],
    // BOM at start is skipped
    ["\uFEFFpackage p", ["package", "name p", "; EOF"]],
  ];
  for (const [src, want] of cases) {
    it(JSON.stringify(src), () => {
      expect(scan(src)).toEqual(want);
    });
  }
});

describe("scanner: errors (gc wording)", () => {
  const cases: [string | Uint8Array, string[]][] = [
    ["#", ["ERR@0: invalid character U+0023 '#'"]],
    ["x @ y", ["name x", "ERR@2: invalid character U+0040 '@'", "name y", "; EOF"]],
    ['"abc\n', ["ERR@4: newline in string", 'STRING "abc', "; newline"]],
    ['"abc', ["ERR@0: string not terminated", 'STRING "abc', "; EOF"]],
    ["`abc", ["ERR@0: string not terminated", "STRING `abc", "; EOF"]],
    ["'a", ["ERR@0: rune literal not terminated", "CHAR 'a", "; EOF"]],
    ["'ab'", ["ERR@0: more than one character in rune literal", "CHAR 'ab'", "; EOF"]],
    ["''", ["ERR@1: empty rune literal or unescaped '", "CHAR ''", "; EOF"]],
    ["'\n", ["ERR@1: newline in rune literal", "CHAR '", "; newline"]],
    ["/* abc", ["ERR@0: comment not terminated"]],
    ["1__0", ["ERR@2: '_' must separate successive digits", "INT 1__0", "; EOF"]],
    ["1_", ["ERR@1: '_' must separate successive digits", "INT 1_", "; EOF"]],
    ["0_x", ["ERR@1: '_' must separate successive digits", "INT 0_", "name x", "; EOF"]],
    ["0128", ["ERR@3: invalid digit '8' in octal literal", "INT 0128", "; EOF"]],
    ["0b102", ["ERR@4: invalid digit '2' in binary literal", "INT 0b102", "; EOF"]],
    ["0o8", ["ERR@2: invalid digit '8' in octal literal", "INT 0o8", "; EOF"]],
    ["0x", ["ERR@2: hexadecimal literal has no digits", "INT 0x", "; EOF"]],
    ["0b.1", ["ERR@2: invalid radix point in binary literal", "FLOAT 0b.1", "; EOF"]],
    ["1e", ["ERR@2: exponent has no digits", "FLOAT 1e", "; EOF"]],
    ["0x1.5", ["ERR@5: hexadecimal mantissa requires a 'p' exponent", "FLOAT 0x1.5", "; EOF"]],
    ["0x1e5p", ["ERR@6: exponent has no digits", "FLOAT 0x1e5p", "; EOF"]],
    ["0b1e2", ["ERR@3: 'e' exponent requires decimal mantissa", "FLOAT 0b1e2", "; EOF"]],
    ["1p2", ["ERR@1: 'p' exponent requires hexadecimal mantissa", "FLOAT 1p2", "; EOF"]],
    ['"\\q"', ["ERR@2: unknown escape", 'STRING "\\q"', "; EOF"]],
    ['"\\x0g"', ["ERR@4: invalid character 'g' in hexadecimal escape", 'STRING "\\x0g"', "; EOF"]],
    ['"\\400"', ["ERR@5: octal escape value 256 > 255", 'STRING "\\400"', "; EOF"]],
    ['"\\ud800"', ["ERR@7: escape is invalid Unicode code point U+D800", 'STRING "\\ud800"', "; EOF"]],
    ["'\\U00110000'", ["ERR@11: escape is invalid Unicode code point U+110000", "CHAR '\\U00110000'", "; EOF"]],
    // invalid bytes are reported and skipped, as in gc
    [new Uint8Array([0x78, 0x20, 0xff, 0x20, 0x79]), ["name x", "ERR@2: invalid UTF-8 encoding", "name y", "; EOF"]],
    [new Uint8Array([0x78, 0xed, 0xa0, 0x80, 0x79]), ["ERR@1: invalid UTF-8 encoding", "ERR@2: invalid UTF-8 encoding", "ERR@3: invalid UTF-8 encoding", "name x\uFFFD\uFFFD\uFFFDy", "; EOF"]],
    [new Uint8Array([0x22, 0xc3, 0x22]), ["ERR@1: invalid UTF-8 encoding", 'STRING "\uFFFD"', "; EOF"]],
    ["x \uFEFF y", ["name x", "ERR@2: invalid BOM in the middle of the file", "name y", "; EOF"]],
    // like gc, the skipped NUL stays part of the identifier's text
    ["x\0y", ["ERR@1: invalid NUL character", "name x\0y", "; EOF"]],
    ["x☺", ["ERR@1: invalid character U+263A '☺' in identifier", "name x☺", "; EOF"]],
    ["١x", ["ERR@0: identifier cannot begin with digit U+0661 '١'", "name ١x", "; EOF"]],
  ];
  for (const [src, want] of cases) {
    it(typeof src === "string" ? JSON.stringify(src) : `bytes ${Array.from(src).join(",")}`, () => {
      expect(scan(src)).toEqual(want);
    });
  }
});

describe("scanner: formatting helpers", () => {
  it("formats %#U like Go", () => {
    expect(formatU(0x23)).toBe("U+0023 '#'");
    expect(formatU(0x7f)).toBe("U+007F");
    expect(formatU(0x1f600)).toBe("U+1F600 '😀'");
  });
  it("formats %q of a rune like Go", () => {
    expect(quoteRune(0x38)).toBe("'8'");
    expect(quoteRune(0x0a)).toBe("'\\n'");
    expect(quoteRune(0x00)).toBe("'\\x00'");
    expect(quoteRune(0x27)).toBe("'\\''");
  });
});

describe("scanner: scale", () => {
  it("scans a 4 MB line quickly", () => {
    const src = "x" + " + x".repeat(1 << 20);
    const t0 = performance.now();
    const toks = scan(src.slice(0, 1 << 14));
    expect(toks.length).toBeGreaterThan(1000);
    const bytes = new TextEncoder().encode(src);
    const sc = new Scanner(bytes, () => {
      throw new Error("unexpected error");
    });
    let n = 0;
    do {
      sc.next();
      n++;
    } while (sc.tok !== Tok.EOF);
    expect(n).toBe(2 * (1 << 20) + 3);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
