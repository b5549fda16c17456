/**
 * Literal parsing: validity exactly as Go's scanner decides (testdata/scanner.json from
 * testdata/scanner_golden.go), plus value tables for escapes and number forms.
 */
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as c from "./index.js";

const scanned = JSON.parse(
  readFileSync(fileURLToPath(new URL("./testdata/scanner.json", import.meta.url)), "utf8"),
) as { lit: string; tok: string; valid: boolean }[];

const literalKinds = new Set(["INT", "FLOAT", "IMAG", "CHAR", "STRING"]);

/** go/constant's own test spellings (testdata/valuetest.json, from Go's value_test.go tables). */
const goSpellings = JSON.parse(
  readFileSync(fileURLToPath(new URL("./testdata/valuetest.json", import.meta.url)), "utf8"),
) as { lit: string; tok: c.LiteralKind; kind: number; str: string; exact: string }[];

describe("spellings from go/constant's tests", () => {
  test.each(goSpellings.map((s) => [s.tok, s.lit, s] as const))("%s %s", (_tok, _lit, s) => {
    const v = c.makeFromLiteral(s.lit, s.tok);
    // '1f0' etc. are Unknown in both; "'" too.
    expect([v.kind, v.toString(), v.exactString()]).toEqual([s.kind, s.str, s.exact]);
  });
});

describe("makeFromLiteral accepts exactly what go/scanner accepts", () => {
  test.each(scanned.map((s) => [s.tok, s.lit, s] as const))("%s %s", (_tok, _lit, s) => {
    if (!literalKinds.has(s.tok)) {
      expect(c.makeFromLiteral(s.lit, "INT").kind).toBe(c.Kind.Unknown);
      expect(c.makeFromLiteral(s.lit, "FLOAT").kind).toBe(c.Kind.Unknown);
      return;
    }
    const v = c.makeFromLiteral(s.lit, s.tok as c.LiteralKind);
    expect(v.kind !== c.Kind.Unknown).toBe(s.valid);
  });
});

describe("literal values", () => {
  const cases: [string, c.LiteralKind, string][] = [
    ["0_0", "INT", "0"],
    ["007", "INT", "7"],
    ["0o_7", "INT", "7"],
    ["0b_1", "INT", "1"],
    ["0x_1", "INT", "1"],
    ["0x1e5", "INT", "485"],
    ["170141183460469231731687303715884105727", "INT", "170141183460469231731687303715884105727"],
    ["08.5", "FLOAT", "17/2"],
    ["09e1", "FLOAT", "90"],
    ["0_1.5", "FLOAT", "3/2"],
    ["1e1_0", "FLOAT", "10000000000"],
    ["0x1p1_0", "FLOAT", "1024"],
    ["0xep1", "FLOAT", "28"],
    ["0x.1p1", "FLOAT", "1/8"],
    ["0x_1.8p1", "FLOAT", "3"],
    ["1.e2", "FLOAT", "100"],
    ["0e0", "FLOAT", "0"],
    ["0e1000000000", "FLOAT", "0"],
    // big.Float's int32 exponent range, as go/constant (values observed with Go 1.19):
    ["1e-2147483649", "FLOAT", "0"], // result underflows to 0
    ["1e-3000000000", "FLOAT", "unknown"], // 2**exponent itself out of range: malformed
    ["1e3000000000", "FLOAT", "unknown"],
    ["1e700000000", "FLOAT", "unknown"], // result overflows
    ["1e646456993", "FLOAT", "unknown"],
    ["0x1p2147483647", "FLOAT", "unknown"],
    ["0x1p-2147483650", "FLOAT", "unknown"],
    ["08i", "IMAG", "(0 + 8i)"],
    ["017i", "IMAG", "(0 + 17i)"],
    ["0b1i", "IMAG", "(0 + 1i)"],
    ["0x1p1i", "IMAG", "(0 + 2i)"],
    ["1_000i", "IMAG", "(0 + 1000i)"],
    ["'\\000'", "CHAR", "0"],
    ["'\\101'", "CHAR", "65"],
    ["'\\x41'", "CHAR", "65"],
    ["'\\u0041'", "CHAR", "65"],
    ["'\\U0010FFFF'", "CHAR", "1114111"],
    ["'\\''", "CHAR", "39"],
    ["'\"'", "CHAR", "34"],
    ["'😀'", "CHAR", "128512"],
    ["'\\a'", "CHAR", "7"],
    ["'\\v'", "CHAR", "11"],
    ['"\\377\\xff"', "STRING", '"\\xff\\xff"'],
    ['"\\u00e4"', "STRING", '"ä"'],
    ['"ä"', "STRING", '"ä"'],
    ['"\\xc3\\xa4"', "STRING", '"ä"'],
    ['"\\x00\\x1f\\x7f"', "STRING", '"\\x00\\x1f\\x7f"'],
    ['"\\u2028\\u00a0\\ufeff"', "STRING", '"\\u2028\\u00a0\\ufeff"'],
    ['"\\U000e0001"', "STRING", '"\\U000e0001"'],
    ['"\\a\\b\\f\\n\\r\\t\\v\\\\\\""', "STRING", '"\\a\\b\\f\\n\\r\\t\\v\\\\\\""'],
    ["`a\r\nb`", "STRING", '"a\\nb"'],
    ["`\\n`", "STRING", '"\\\\n"'],
    ['"😀"', "STRING", '"😀"'],
  ];
  test.each(cases)("%s %s", (lit, kind, want) => {
    expect(c.makeFromLiteral(lit, kind).exactString()).toBe(want);
  });

  test("huge exponents take no time (values observed with go/constant)", () => {
    const t0 = performance.now();
    const s = (lit: string): string => c.makeFromLiteral(lit, "FLOAT").toString();
    expect(s("1e600000000")).toBe("1e+600000000");
    expect(s("1e-600000000")).toBe("1e-600000000");
    expect(s("0x1p2000000000")).toBe("2.12796e+602059991");
    expect(s("1e646456992")).toBe("1e+646456992");
    expect(s("1e-646456992")).toBe("1e-646456992");
    expect(s("1e-646457000")).toBe("0");
    expect(s("0x1p2147483646")).toBe("4.40403e+646456992");
    expect(s("0x1p-2147483649")).toBe("2.83831e-646456994");
    expect(s("0x2p-2147483650")).toBe("2.83831e-646456994");
    expect(s("0x.8p-2147483648")).toBe("2.83831e-646456994");
    expect(s("1e-2000000000")).toBe("0"); // underflow
    expect(s("1e2000000000")).toBe("unknown"); // gc: "malformed constant: 1e2000000000"
    expect(s("0x1p3000000000")).toBe("unknown");
    expect(performance.now() - t0).toBeLessThan(500);
  });

  test("arithmetic beyond big.Float's exponent range is Unknown (as go/constant)", () => {
    const x = c.makeFromLiteral("1e600000000", "FLOAT");
    const y = c.makeFromLiteral("1e-600000000", "FLOAT");
    expect(c.binaryOp(x, "*", x).kind).toBe(c.Kind.Unknown);
    expect(c.quo(x, y).kind).toBe(c.Kind.Unknown);
    const yy = c.binaryOp(y, "*", y); // underflows to a zero big float
    expect([yy.toString(), yy.exactString()]).toEqual(["0", "0"]);
    expect(c.binaryOp(yy, "+", c.makeInt64(1)).exactString()).toBe("0x.8p+1");
    const z = c.binaryOp(x, "+", c.makeImag(x));
    expect(c.binaryOp(z, "*", z).kind).toBe(c.Kind.Unknown);
    expect(c.unaryOp("-", x).toString()).toBe("-1e+600000000");
  });

  test("signed numbers (go/constant accepts them)", () => {
    expect(c.makeFromLiteral("-1", "INT").exactString()).toBe("-1");
    expect(c.makeFromLiteral("+0x10", "INT").exactString()).toBe("16");
    expect(c.makeFromLiteral("-2.5", "FLOAT").exactString()).toBe("-5/2");
    expect(c.makeFromLiteral("-1e1000000", "FLOAT").toString()).toBe("-1e+1000000");
    expect(c.makeFromLiteral("-2i", "IMAG").exactString()).toBe("(0 + -2i)");
    expect(c.makeFromLiteral("--1", "INT").kind).toBe(c.Kind.Unknown);
    expect(c.makeFromLiteral("-", "INT").kind).toBe(c.Kind.Unknown);
    expect(c.makeFromLiteral("-'a'", "CHAR").kind).toBe(c.Kind.Unknown);
  });

  test("unquote and unquoteChar", () => {
    expect(c.unquote('"a\\tb"')).toBe("a\tb");
    expect(c.unquote('"\\xff"')).toBe("\xff");
    expect(c.unquote('"ä"')).toBe("\xc3\xa4");
    expect(c.unquote("`x`")).toBe("x");
    expect(c.unquote('"a')).toBeNull();
    expect(c.unquote("'a'")).toBeNull();
    expect(c.unquoteChar("'\\n'")).toBe(10);
    expect(c.unquoteChar("'\\xff'")).toBe(255);
    expect(c.unquoteChar("'ab'")).toBeNull();
    expect(c.quoteRune(0x27)).toBe("'\\''");
    expect(c.quoteRune(0x22)).toBe("'\"'");
    expect(c.quoteRune(0xa0)).toBe("'\\u00a0'");
    expect(c.quoteRune(-1)).toBe("'�'");
    expect(c.quoteRune(0x1f600)).toBe("'😀'");
  });
});
