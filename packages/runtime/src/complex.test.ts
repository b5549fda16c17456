import { expect, test } from "vitest";
import { complex128div } from "./complex.js";

/** Expected quotients printed by Go 1.19 for the same operands (misc_complex.go's corner cases). */
test("complex128div: Smith's algorithm with C99 Annex G fix-ups, as Go", () => {
  const out = new Float64Array(2);
  const q = (a: number, b: number, c: number, d: number): number[] => {
    complex128div(a, b, c, d, out);
    return [out[0], out[1]];
  };
  expect(q(11, 2, 3, -4)).toEqual([(11 * 3 + 2 * -4) / 25, (2 * 3 - 11 * -4) / 25].map((x) => x));
  expect(q(-5, 10, 3, -4)).toEqual([-2.2, 0.4]);
  expect(q(1, 0, 0, 0)).toEqual([Infinity, NaN]);
  expect(q(Infinity, 0, 2, 0)).toEqual([Infinity, NaN]);
  const z = q(1, 0, Infinity, Infinity);
  expect(z[0]).toBe(0);
  expect(Object.is(z[1], -0)).toBe(true);
  expect(q(1e300, 1e300, 1e300, 1e300)).toEqual([1, 0]); // naive (ac+bd)/(c²+d²) overflows
  const t = q(1e-300, 0, 0, 1e-300);
  expect(t[0]).toBe(0);
  expect(t[1]).toBe(-1);
  const n = q(0, 0, 0, 0);
  expect(Number.isNaN(n[0]) && Number.isNaN(n[1])).toBe(true);
});
