/**
 * Property tests (fast-check, fixed seeds): Int arithmetic agrees with BigInt, exact rational
 * arithmetic rounded to float64 agrees with IEEE double arithmetic, literal parsing agrees
 * with JavaScript's correctly rounded Number parsing, float32 rounding agrees with
 * Math.fround, comparisons agree with number/bigint order, and quoting round-trips.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import * as c from "./index.js";

const params = { seed: 42, numRuns: 250 };

const bigints = fc.oneof(
  fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }),
  fc.bigInt({ min: -300n, max: 300n }),
  fc.bigInt({ min: -(1n << 600n), max: 1n << 600n }),
);

const finiteDoubles = fc.double({ noNaN: true, noDefaultInfinity: true });

describe("Int arithmetic agrees with BigInt", () => {
  test("+ - * & | ^ &^ and comparisons", () => {
    fc.assert(
      fc.property(bigints, bigints, (a, b) => {
        const x = c.makeBigInt(a);
        const y = c.makeBigInt(b);
        const r = (op: c.BinaryOperator): bigint => c.intVal(c.binaryOp(x, op, y));
        expect(r("+")).toBe(a + b);
        expect(r("-")).toBe(a - b);
        expect(r("*")).toBe(a * b);
        expect(r("&")).toBe(a & b);
        expect(r("|")).toBe(a | b);
        expect(r("^")).toBe(a ^ b);
        expect(r("&^")).toBe(a & ~b);
        expect(c.compare(x, "<", y)).toBe(a < b);
        expect(c.compare(x, "<=", y)).toBe(a <= b);
        expect(c.compare(x, "==", y)).toBe(a === b);
        expect(c.compare(x, ">", y)).toBe(a > b);
        expect(c.sign(x)).toBe(a < 0n ? -1 : a > 0n ? 1 : 0);
      }),
      params,
    );
  });

  test("/ truncates, % takes the dividend's sign, quo is exact", () => {
    fc.assert(
      fc.property(bigints, bigints, (a, b) => {
        const x = c.makeBigInt(a);
        const y = c.makeBigInt(b);
        if (b === 0n) {
          expect(c.binaryOp(x, "/", y).kind).toBe(c.Kind.Unknown);
          expect(c.binaryOp(x, "%", y).kind).toBe(c.Kind.Unknown);
          expect(c.quo(x, y).kind).toBe(c.Kind.Unknown);
          return;
        }
        const q = c.intVal(c.binaryOp(x, "/", y));
        const m = c.intVal(c.binaryOp(x, "%", y));
        expect(q * b + m).toBe(a);
        expect(m === 0n || m < 0n === a < 0n).toBe(true);
        expect((m < 0n ? -m : m) < (b < 0n ? -b : b)).toBe(true);
        // Exact quotient times y gives x back.
        const e = c.quo(x, y);
        expect(e.kind).toBe(c.Kind.Float);
        expect(c.compare(c.binaryOp(e, "*", y), "==", x)).toBe(true);
        expect(c.isInteger(e)).toBe(a % b === 0n);
      }),
      params,
    );
  });

  test("shifts agree with BigInt shifts (>> floors)", () => {
    fc.assert(
      fc.property(bigints, fc.nat(300), (a, s) => {
        const x = c.makeBigInt(a);
        expect(c.intVal(c.shift(x, "<<", s))).toBe(a << BigInt(s));
        expect(c.intVal(c.shift(x, ">>", s))).toBe(a >> BigInt(s));
      }),
      params,
    );
  });

  test("unary - and ^ (with and without precision)", () => {
    fc.assert(
      fc.property(bigints, fc.constantFrom(0, 8, 16, 32, 64), (a, prec) => {
        const x = c.makeBigInt(a);
        expect(c.intVal(c.unaryOp("-", x))).toBe(-a);
        expect(c.intVal(c.unaryOp("+", x))).toBe(a);
        const want = prec === 0 ? ~a : BigInt.asUintN(prec, ~a);
        expect(c.intVal(c.unaryOp("^", x, prec))).toBe(want);
      }),
      params,
    );
  });

  test("int64Val/uint64Val/bitLen", () => {
    fc.assert(
      fc.property(bigints, (a) => {
        const x = c.makeBigInt(a);
        expect(c.int64Val(x)).toEqual([BigInt.asIntN(64, a), BigInt.asIntN(64, a) === a]);
        expect(c.uint64Val(x)).toEqual([BigInt.asUintN(64, a), BigInt.asUintN(64, a) === a]);
        expect(c.bitLen(x)).toBe(a === 0n ? 0 : (a < 0n ? -a : a).toString(2).length);
      }),
      params,
    );
  });
});

describe("Float arithmetic agrees with IEEE doubles", () => {
  test("exact + - * / then rounding equals the double operation", () => {
    fc.assert(
      fc.property(finiteDoubles, finiteDoubles, (a, b) => {
        const x = c.makeFloat64(a);
        const y = c.makeFloat64(b);
        const f = (v: c.Value): number => c.float64Val(v)[0];
        const same = (got: number, want: number): void => {
          // Exact results that underflow keep their sign (-0), exact zeros are +0; IEEE
          // arithmetic may give either sign for a zero, so compare zeros by value.
          if (want === 0) expect(got === 0).toBe(true);
          else expect(got).toBe(want);
        };
        same(f(c.binaryOp(x, "+", y)), a + b);
        same(f(c.binaryOp(x, "-", y)), a - b);
        same(f(c.binaryOp(x, "*", y)), a * b);
        if (b !== 0) same(f(c.binaryOp(x, "/", y)), a / b);
        expect(c.compare(x, "<", y)).toBe(a < b);
        expect(c.compare(x, "==", y)).toBe(a === b);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  test("rational + - * / are exact and stay in lowest terms", () => {
    const rat = fc.tuple(
      fc.bigInt({ min: -(1n << 80n), max: 1n << 80n }),
      fc.oneof(fc.bigInt({ min: 1n, max: 1n << 80n }), fc.constantFrom(1n, 2n, 6n, 10n, 12n, 360n)),
    );
    const gcd = (a: bigint, b: bigint): bigint => {
      a = a < 0n ? -a : a;
      while (b !== 0n) [a, b] = [b, a % b];
      return a;
    };
    fc.assert(
      fc.property(rat, rat, ([a, b], [cc, d]) => {
        const x = c.makeRat(a, b);
        const y = c.makeRat(cc, d);
        const check = (v: c.Value, n: bigint, m: bigint): void => {
          // v == n/m, and num/denom are coprime with a positive denominator.
          const vn = c.intVal(c.num(v));
          const vd = c.intVal(c.denom(v));
          expect(vd > 0n).toBe(true);
          expect(gcd(vn, vd)).toBe(vn === 0n ? vd : 1n);
          expect(vn * m).toBe(n * vd);
        };
        check(c.binaryOp(x, "+", y), a * d + cc * b, b * d);
        check(c.binaryOp(x, "-", y), a * d - cc * b, b * d);
        check(c.binaryOp(x, "*", y), a * cc, b * d);
        if (cc !== 0n) check(c.binaryOp(x, "/", y), cc < 0n ? -a * d : a * d, cc < 0n ? -b * cc : b * cc);
      }),
      params,
    );
  });

  test("makeFloat64 round-trips exactly; float32Val equals Math.fround", () => {
    fc.assert(
      fc.property(finiteDoubles, (a) => {
        const x = c.makeFloat64(a);
        const [f, exact] = c.float64Val(x);
        expect(f).toBe(a === 0 ? 0 : a);
        expect(exact).toBe(true);
        const [f32, exact32] = c.float32Val(x);
        const want = Math.fround(a);
        expect(f32 === 0 ? 0 : f32).toBe(want === 0 ? 0 : want);
        expect(exact32).toBe(Number.isFinite(want) && want === a);
        // roundFloat32/64 agree (null on overflow).
        const r32 = c.roundFloat32(x);
        if (!Number.isFinite(want)) expect(r32).toBeNull();
        else expect(c.float64Val(r32!)[0]).toBe(want === 0 ? 0 : want);
      }),
      params,
    );
  });

  test("decimal literals round like Number()", () => {
    const lit = fc
      .tuple(
        fc.stringMatching(/^[1-9][0-9]{0,25}$/),
        fc.stringMatching(/^[0-9]{0,20}$/),
        fc.integer({ min: -360, max: 330 }),
      )
      .map(([i, f, e]) => `${i}${f ? "." + f : ""}e${e}`);
    fc.assert(
      fc.property(lit, (s) => {
        const v = c.makeFromLiteral(s, "FLOAT");
        const want = Number(s);
        expect(c.float64Val(v)[0], s).toBe(want);
      }),
      { seed: 3, numRuns: 600 },
    );
  });

  test("JS shortest representations parse back to the same double", () => {
    fc.assert(
      fc.property(finiteDoubles, (a) => {
        if (a <= 0) return;
        const s = String(a); // e.g. 1e+21, 5e-324, 0.1
        expect(c.float64Val(c.makeFromLiteral(s, "FLOAT"))[0]).toBe(a);
      }),
      params,
    );
  });

  test("hex float literals are exact", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 80n) - 1n }), fc.integer({ min: -1200, max: 1100 }), (m, e) => {
        const v = c.makeFromLiteral(`0x${m.toString(16)}p${e}`, "FLOAT");
        const want = e >= 0 ? c.makeBigInt(m << BigInt(e)) : c.makeRat(m, 1n << BigInt(-e));
        expect(c.compare(v, "==", want)).toBe(true);
      }),
      params,
    );
  });
});

function cmp0(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

describe("strings", () => {
  test("quoteGo and unquote round-trip any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const v = c.makeStringBytes(bytes);
        const q = v.exactString();
        const back = c.makeFromLiteral(q, "STRING");
        expect(Array.from(c.stringBytes(back))).toEqual(Array.from(bytes));
        expect(c.stringLen(v)).toBe(bytes.length);
      }),
      params,
    );
  });

  test("text survives makeString/stringText and quoting", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (s) => {
        const v = c.makeString(s);
        expect(c.stringText(v)).toBe(s);
        expect(c.stringVal(v)).toBe(Buffer.from(s, "utf8").toString("latin1"));
        expect(c.stringLen(v)).toBe(Buffer.byteLength(s, "utf8"));
        expect(c.stringText(c.makeFromLiteral(v.exactString(), "STRING"))).toBe(s);
      }),
      params,
    );
  });

  test("concatenation and byte order comparison", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 10 }), fc.uint8Array({ maxLength: 10 }), (a, b) => {
        const x = c.makeStringBytes(a);
        const y = c.makeStringBytes(b);
        expect(Array.from(c.stringBytes(c.binaryOp(x, "+", y)))).toEqual([...a, ...b]);
        // stringVal is the exact byte string: distinct bytes give distinct keys.
        expect(c.stringVal(x) === c.stringVal(y)).toBe(cmp0(a, b));
        expect(c.stringVal(x).length).toBe(a.length);
        const cmp = Buffer.compare(Buffer.from(a), Buffer.from(b));
        expect(c.compare(x, "<", y)).toBe(cmp < 0);
        expect(c.compare(x, "==", y)).toBe(cmp === 0);
      }),
      params,
    );
  });

  test("runeToString matches string(rune(i))", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 0x110005 }), (i) => {
        const valid = i >= 0 && i <= 0x10ffff && !(i >= 0xd800 && i < 0xe000);
        expect(c.stringText(c.runeToString(c.makeInt64(i)))).toBe(String.fromCodePoint(valid ? i : 0xfffd));
      }),
      params,
    );
  });
});
