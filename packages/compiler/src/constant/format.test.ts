/**
 * Value printing as gc shows it in error messages (strings observed with go build, Go 1.19,
 * recorded in HACKING.md), and the %.6g / 'p' / Quote helpers on edge cases.
 */
import { describe, expect, test } from "vitest";
import * as c from "./index.js";
import { formatG, formatFloatExact, decimalDigits } from "./format.js";

describe("short forms seen in gc messages", () => {
  const cases: [string, c.LiteralKind, string][] = [
    ["`raw`", "STRING", '"raw"'],
    ['"héllo\\n"', "STRING", '"héllo\\n"'],
    ['"\\xff\\u00e4"', "STRING", '"\\xffä"'],
    ["1.000000001", "FLOAT", "1"],
    ["0.333333333", "FLOAT", "0.333333"],
    ["1e100", "FLOAT", "1e+100"],
    ["1e39", "FLOAT", "1e+39"],
    ["1e309", "FLOAT", "1e+309"],
    ["1.5", "FLOAT", "1.5"],
    ["'ä'", "CHAR", "228"],
    ["'x'", "CHAR", "120"],
    ["0.5i", "IMAG", "(0 + 0.5i)"],
  ];
  test.each(cases)("%s", (lit, kind, want) => {
    expect(c.makeFromLiteral(lit, kind).toString()).toBe(want);
  });

  test("computed values", () => {
    const f = (s: string): c.Value => c.makeFromLiteral(s, "FLOAT");
    expect(c.binaryOp(f("1e6"), "+", c.makeFromLiteral("0.5i", "IMAG")).toString()).toBe("(1e+06 + 0.5i)");
    expect(c.unaryOp("-", f("1e100")).toString()).toBe("-1e+100");
    expect(c.shift(c.makeInt64(1), "<<", 64).toString()).toBe("18446744073709551616");
    expect(c.shift(c.makeInt64(1), "<<", 100).toString()).toBe("1267650600228229401496703205376");
    expect(c.quo(c.makeInt64(1), c.makeInt64(3)).toString()).toBe("0.333333");
    expect(c.quo(c.makeInt64(1), c.makeInt64(3)).exactString()).toBe("1/3");
    expect(c.makeBool(true).toString()).toBe("true");
    expect(c.makeUnknown().toString()).toBe("unknown");
    expect(c.makeUnknown().exactString()).toBe("unknown");
  });

  test("long strings are cut to 72 runes (69 + ...), counting runes not bytes", () => {
    const long = c.makeString("a very long string constant that goes on and on and on and on and on and on forever more");
    expect(long.toString()).toBe('"a very long string constant that goes on and on and on and on and on...');
    const runes = c.makeString("日".repeat(100));
    expect(runes.toString()).toBe('"' + "日".repeat(68) + "...");
    expect(c.makeString("日".repeat(70)).toString()).toBe('"' + "日".repeat(70) + '"');
    expect(runes.exactString()).toBe('"' + "日".repeat(100) + '"');
  });
});

describe("helpers", () => {
  test("%.6g", () => {
    const cases: [number, string][] = [
      [0, "0"],
      [1, "1"],
      [-1.5, "-1.5"],
      [100000, "100000"],
      [1e6, "1e+06"],
      [123456, "123456"],
      [1234567, "1.23457e+06"],
      [1234565, "1.23456e+06"], // exact tie: half to even
      [1234575, "1.23458e+06"],
      [0.0001, "0.0001"],
      [0.00001, "1e-05"],
      [1e100, "1e+100"],
      [5e-324, "4.94066e-324"],
      [999999.5, "1e+06"],
      [0.1, "0.1"],
    ];
    for (const [x, want] of cases) expect(formatG(x), String(x)).toBe(want);
    expect(decimalDigits(1n, 3n, 6)).toEqual({ digits: "333333", dp: 0 });
    expect(decimalDigits(2n, 3n, 6)).toEqual({ digits: "666667", dp: 0 });
  });

  test("big.Float 'p' format", () => {
    expect(formatFloatExact({ mant: 1n, exp: 0 })).toBe("0x.8p+1");
    expect(formatFloatExact({ mant: -3n, exp: -2 })).toBe("-0x.cp+0");
    expect(formatFloatExact({ mant: 5n, exp: -10 })).toBe("0x.ap-7");
  });

  test("quoteGo and quoteRune", () => {
    expect(c.quoteGo("a\x00\x7f\x80\xc3\xa4\xe2\x80\xa8")).toBe('"a\\x00\\x7f\\x80ä\\u2028"');
    expect(c.quoteGo("\xef\xbf\xbd")).toBe('"\uFFFD"'); // a real U+FFFD is printable
    expect(c.quoteGo("\xed\xa0\x80")).toBe('"\\xed\\xa0\\x80"'); // UTF-8 surrogates are invalid
    expect(c.quoteGo("\xf4\x90\x80\x80")).toBe('"\\xf4\\x90\\x80\\x80"'); // > U+10FFFF
    expect(c.quoteGo("\xc0\x80")).toBe('"\\xc0\\x80"'); // overlong
    expect(c.quoteGo("'\"\\")).toBe('"\'\\"\\\\"');
    expect(c.quoteGo("\xf3\xa0\x80\x81")).toBe('"\\U000e0001"');
    expect(c.quoteRune(0x7f)).toBe("'\\x7f'");
    expect(c.quoteRune(0x41)).toBe("'A'");
  });
});
