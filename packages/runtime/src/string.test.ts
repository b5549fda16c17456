import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { decodeRune, encodeRune, runeLen } from "./string.js";

const enc = new TextEncoder();

/** Decodes all of b with decodeRune (the runtime's range-over-string loop). */
function decodeAll(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let k = 0; k < b.length; ) {
    const before = k;
    out.push(decodeRune(b, k, b.length - k));
    // width: re-encode length for valid runes, 1 for U+FFFD produced by an invalid byte
    const r = out[out.length - 1];
    const w = r === 0xfffd && !(b[k] === 0xef && b[k + 1] === 0xbf && b[k + 2] === 0xbd) ? 1 : runeLen(r);
    k = before + w;
  }
  return out;
}

describe("UTF-8 natives", () => {
  test("encodeRune matches TextEncoder on valid runes; runeLen agrees", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x10ffff }).filter((r) => r < 0xd800 || r > 0xdfff), (r) => {
        const b = new Uint8Array(4);
        const n = encodeRune(b, 0, r);
        expect([...b.subarray(0, n)]).toEqual([...enc.encode(String.fromCodePoint(r))]);
        expect(runeLen(r)).toBe(n);
        expect(decodeRune(b, 0, n)).toBe(r);
      }),
    );
  });
  test("invalid runes encode as U+FFFD (Go's string(rune))", () => {
    for (const r of [-1, 0xd800, 0xdfff, 0x110000, 2 ** 31 - 1]) {
      const b = new Uint8Array(4);
      expect(encodeRune(b, 0, r)).toBe(3);
      expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbf, 0xbd]);
      expect(runeLen(r)).toBe(3);
    }
  });
  test("invalid sequences decode as U+FFFD of width 1 (unicode/utf8 rules)", () => {
    const cases: [number[], number[]][] = [
      [[0x80], [0xfffd]],
      [[0xc0, 0x80], [0xfffd, 0xfffd]], // overlong lead
      [[0xe0, 0x80, 0x80], [0xfffd, 0xfffd, 0xfffd]], // overlong 3-byte
      [[0xed, 0xa0, 0x80], [0xfffd, 0xfffd, 0xfffd]], // surrogate
      [[0xf4, 0x90, 0x80, 0x80], [0xfffd, 0xfffd, 0xfffd, 0xfffd]], // > U+10FFFF
      [[0xe4, 0xb8], [0xfffd, 0xfffd]], // truncated
      [[0x61, 0xff, 0x62], [0x61, 0xfffd, 0x62]],
      [[0xf0, 0x9f, 0x98, 0x80], [0x1f600]],
    ];
    for (const [bytes, runes] of cases) expect(decodeAll(new Uint8Array(bytes))).toEqual(runes);
  });
});
