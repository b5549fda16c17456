/**
 * The 512-bit binary float: every operation must equal the correctly rounded (nearest-even)
 * exact result, which we compute with rationals and bfFromRat; bfFromRat itself is checked
 * against exhaustive rounding cases at small precision through roundToIEEE.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import {
  PREC,
  BF_ZERO,
  type BigFloat,
  bitLength,
  gcd,
  bfFromInt,
  bfFromRat,
  bfToRat,
  bfAdd,
  bfMul,
  bfQuo,
  bfCmp,
  bfCmpRat,
  roundToIEEE,
  ratToFloat,
  float64ToRat,
  bfPow5,
} from "./bigfloat.js";

const mantissas = fc.oneof(
  fc.bigInt({ min: 1n, max: (1n << 520n) - 1n }),
  fc.bigInt({ min: 1n, max: 1000n }),
  fc.constantFrom((1n << 512n) - 1n, 1n << 511n, (1n << 511n) + 1n),
);
const bigFloats = fc
  .tuple(mantissas, fc.integer({ min: -1500, max: 1500 }), fc.boolean())
  .map(([m, e, neg]): BigFloat => {
    const f = bfFromInt(neg ? -m : m);
    return { mant: f.mant, exp: f.exp + e };
  });

function ratAdd([a, b]: [bigint, bigint], [c, d]: [bigint, bigint]): [bigint, bigint] {
  return [a * d + c * b, b * d];
}

describe("bigfloat", () => {
  test("bitLength and gcd", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 3000n), max: 1n << 3000n }), fc.bigInt({ min: 0n, max: 1n << 200n }), (a, b) => {
        expect(bitLength(a)).toBe(a === 0n ? 0 : (a < 0n ? -a : a).toString(2).length);
        const g = gcd(a, b);
        if (g !== 0n) {
          expect(a % g).toBe(0n);
          expect(b % g).toBe(0n);
          expect(gcd(a / g, b / g)).toBe(1n);
        }
      }),
      { seed: 1, numRuns: 300 },
    );
  });

  test("normal form: odd mantissa under PREC bits", () => {
    fc.assert(
      fc.property(bigFloats, (f) => {
        expect(f.mant & 1n).toBe(1n);
        expect(bitLength(f.mant)).toBeLessThanOrEqual(PREC);
      }),
      { seed: 2, numRuns: 200 },
    );
  });

  test("+ * / are correctly rounded", () => {
    fc.assert(
      fc.property(bigFloats, bigFloats, (x, y) => {
        const rx = bfToRat(x);
        const ry = bfToRat(y);
        const [sn, sd] = ratAdd(rx, ry);
        const sum = bfAdd(x, y);
        if (sn === 0n) expect(sum).toEqual(BF_ZERO);
        else expect(sum).toEqual(bfFromRat(sn, sd));
        expect(bfMul(x, y)).toEqual(bfFromRat(rx[0] * ry[0], rx[1] * ry[1]));
        const qn = rx[0] * ry[1];
        const qd = rx[1] * ry[0];
        expect(bfQuo(x, y)).toEqual(bfFromRat(qd < 0n ? -qn : qn, qd < 0n ? -qd : qd));
        const cmp = bfCmp(x, y);
        const l = rx[0] * ry[1];
        const r = ry[0] * rx[1];
        expect(cmp).toBe(l < r ? -1 : l > r ? 1 : 0);
        expect(bfCmpRat(x, ry[0], ry[1])).toBe(cmp);
      }),
      { seed: 3, numRuns: 150 },
    );
  });

  test("adding a tiny value rounds by the sticky bit", () => {
    const one = bfFromInt(1n);
    // 1 + 2**-2000 rounds to 1; (1 + 2**-512) + 2**-2000 has its last bit decided by the tail.
    expect(bfAdd(one, { mant: 1n, exp: -2000 })).toEqual(one);
    expect(bfAdd(one, { mant: -1n, exp: 0 })).toEqual(BF_ZERO);
    expect(bfMul(one, BF_ZERO)).toEqual(BF_ZERO);
    const half = { mant: 1n, exp: -512 }; // exactly half an ulp of 1 at 512 bits
    expect(bfAdd(one, half)).toEqual(one); // tie → even
    // 2**-512 ± 2**-1000 fits in 489 bits; added to 1 only its sign past the tie matters.
    const halfPlus = bfAdd(half, { mant: 1n, exp: -1000 })!;
    expect(bfAdd(one, halfPlus)).toEqual(bfAdd(one, { mant: 1n, exp: -511 }));
    const halfMinus = bfAdd(half, { mant: -1n, exp: -1000 })!;
    expect(bfAdd(one, halfMinus)).toEqual(one);
  });

  test("roundToIEEE: exhaustive small cases against Number", () => {
    // All m/d with small integers: ratToFloat must equal the double division (correctly
    // rounded by IEEE) — exercises halfway cases and the sticky bit.
    for (let m = 1; m < 120; m++) {
      for (let d = 1; d < 120; d++) expect(ratToFloat(BigInt(m), BigInt(d))).toBe(m / d);
    }
    // Subnormals and the float64 overflow threshold.
    expect(roundToIEEE(1n, -1074, false, 53, -1074, 1024)).toBe(5e-324);
    expect(roundToIEEE(1n, -1075, false, 53, -1074, 1024)).toBe(0); // tie → even (0)
    expect(roundToIEEE(1n, -1075, true, 53, -1074, 1024)).toBe(5e-324);
    expect(roundToIEEE(3n, -1076, false, 53, -1074, 1024)).toBe(5e-324);
    expect(roundToIEEE((1n << 53n) - 1n, 971, false, 53, -1074, 1024)).toBe(Number.MAX_VALUE);
    expect(roundToIEEE((1n << 54n) - 1n, 970, false, 53, -1074, 1024)).toBe(Infinity);
    expect(roundToIEEE((1n << 55n) - 3n, 969, false, 53, -1074, 1024)).toBe(Number.MAX_VALUE);
    // float32
    expect(roundToIEEE(1n, -149, false, 24, -149, 128)).toBe(Math.fround(1.401298464324817e-45));
    expect(roundToIEEE((1n << 24n) - 1n, 104, false, 24, -149, 128)).toBe(Math.fround(3.4028234663852886e38));
    expect(roundToIEEE((1n << 25n) - 1n, 103, false, 24, -149, 128)).toBe(Infinity);
  });

  test("float64ToRat is exact", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (f) => {
        const [n, d] = float64ToRat(f);
        expect(ratToFloat(n, d)).toBe(f === 0 ? 0 : f);
        expect(gcd(n, d)).toBe(n === 0n ? d : 1n);
      }),
      { seed: 4, numRuns: 300 },
    );
  });

  test("bfPow5 is within an ulp of the exact power", () => {
    for (const n of [0, 1, 27, 28, 100, 1000, 4000]) {
      const p = bfPow5(n, PREC + 64);
      const exact = 5n ** BigInt(n);
      const [pn, pd] = bfToRat(p);
      const diff = pn - exact * pd;
      const err = diff < 0n ? -diff : diff;
      // |p - 5**n| ≤ n ulps at PREC+64 bits; plenty below 512-bit precision.
      expect(err * (1n << BigInt(PREC + 64 - 10))).toBeLessThanOrEqual(exact * pd);
    }
  });
});
