/**
 * Constant arithmetic: unaryOp, binaryOp, quo, shift, compare (go/constant's UnaryOp, BinaryOp,
 * Shift, Compare) over the representations of value.ts.
 *
 * Mixed operands are first brought to the more general form, in the order
 * Int < rational Float < big Float < Complex (go/constant's `match`): Int op Int stays Int,
 * rational op rational stays exact (switching to a big float only when a component reaches
 * 4096 bits), anything with a big float is computed at 512 bits.
 *
 * Unknown operands give Unknown (false for compare). Operand kinds the operator does not
 * accept (e.g. "abc" - 1, 1.5 % 2) are programming errors and throw a TypeError, as Go panics:
 * the checker must reject them first. Division by zero returns Unknown.
 */
import { gcd, bfFromInt, bfFromRat, bfAdd, bfMul, bfQuo, bfCmp, bfNeg, } from "./bigfloat.js";
import { Kind, IntVal, RatVal, FloatVal, ComplexVal, BoolVal, StringVal, intOf, ratOf, reducedRatOf, floatOf, floatOverflow, ratZero, makeBool, makeString, makeUnknown, } from "./value.js";
function invalid(what) {
    throw new TypeError(`invalid constant operation ${what}`);
}
// ---------------------------------------------------------------------------------------------
// Real numbers (Int, rational Float, big Float)
/** x as a BigFloat (go/constant's i64tof/itof/rtof). */
function toBig(x) {
    if (x instanceof IntVal)
        return bfFromInt(x.v);
    if (x instanceof RatVal)
        return bfFromRat(x.num, x.den);
    return x.f;
}
function ratNum(x) {
    return x instanceof IntVal ? x.v : x.num;
}
function ratDen(x) {
    return x instanceof IntVal ? 1n : x.den;
}
function realNeg(x) {
    if (x === floatOverflow)
        return x;
    if (x instanceof IntVal)
        return intOf(-x.v);
    if (x instanceof RatVal)
        return x.num === 0n ? x : new RatVal(-x.num, x.den);
    return floatOf(bfNeg(x.f));
}
function realAdd(x, y) {
    if (x instanceof IntVal && y instanceof IntVal)
        return intOf(x.v + y.v);
    if (x === floatOverflow || y === floatOverflow)
        return floatOverflow;
    if (x instanceof FloatVal || y instanceof FloatVal)
        return floatOf(bfAdd(toBig(x), toBig(y)));
    return ratAdd(ratNum(x), ratDen(x), ratNum(y), ratDen(y));
}
/**
 * a/b + c/d for reduced fractions with b, d > 0, reducing with gcds of the denominators'
 * size only (Knuth 4.5.1): with g = gcd(b, d), t = a·(d/g) + c·(b/g), the sum is
 * (t/g2) / ((b/g)·(d/g2)) where g2 = gcd(t, g).
 */
function ratAdd(a, b, c, d) {
    if (b === 1n && d === 1n)
        return reducedRatOf(a + c, 1n);
    const g = gcd(b, d);
    if (g === 1n)
        return reducedRatOf(a * d + c * b, b * d);
    const t = a * (d / g) + c * (b / g);
    const g2 = gcd(t, g);
    return reducedRatOf(t / g2, (b / g) * (d / g2));
}
function realSub(x, y) {
    if (x instanceof IntVal && y instanceof IntVal)
        return intOf(x.v - y.v);
    return realAdd(x, realNeg(y));
}
function realMul(x, y) {
    if (x instanceof IntVal && y instanceof IntVal)
        return intOf(x.v * y.v);
    if (x === floatOverflow || y === floatOverflow)
        return floatOverflow;
    if (x instanceof FloatVal || y instanceof FloatVal)
        return floatOf(bfMul(toBig(x), toBig(y)));
    return ratMul(ratNum(x), ratDen(x), ratNum(y), ratDen(y));
}
/**
 * (a/b)·(c/d) for reduced fractions with b, d > 0: cancelling gcd(a, d) and gcd(c, b) first
 * leaves a reduced product (as big.Rat does), so no gcd of the full-size product is needed.
 */
function ratMul(a, b, c, d) {
    if (a === 0n || c === 0n)
        return ratZero;
    const g1 = d === 1n ? 1n : gcd(a, d);
    const g2 = b === 1n ? 1n : gcd(c, b);
    if (g1 !== 1n) {
        a /= g1;
        d /= g1;
    }
    if (g2 !== 1n) {
        c /= g2;
        b /= g2;
    }
    return reducedRatOf(a * c, b * d);
}
function realIsZero(x) {
    if (x instanceof IntVal)
        return x.v === 0n;
    if (x instanceof RatVal)
        return x.num === 0n;
    return x.f.mant === 0n;
}
/** Exact quotient (Int/Int gives a rational Float); null when y is zero. */
function realQuo(x, y) {
    if (x === floatOverflow || y === floatOverflow)
        return floatOverflow;
    if (realIsZero(y))
        return null;
    if (x instanceof FloatVal || y instanceof FloatVal)
        return floatOf(bfQuo(toBig(x), toBig(y)));
    // (a/b) / (c/d) = (a/b)·(d/c) with the sign moved to the numerator.
    const c = ratNum(y);
    const d = ratDen(y);
    return c < 0n ? ratMul(-ratNum(x), ratDen(x), d, -c) : ratMul(ratNum(x), ratDen(x), d, c);
}
/** Sign of x - y. */
function realCmp(x, y) {
    if (x instanceof IntVal && y instanceof IntVal)
        return x.v < y.v ? -1 : x.v > y.v ? 1 : 0;
    if (x instanceof FloatVal || y instanceof FloatVal) {
        // As go/constant: both operands as 512-bit floats.
        return bfCmp(toBig(x), toBig(y));
    }
    const l = ratNum(x) * ratDen(y);
    const r = ratNum(y) * ratDen(x);
    return l < r ? -1 : l > r ? 1 : 0;
}
function isNumeric(x) {
    return x.kind === Kind.Int || x.kind === Kind.Float || x.kind === Kind.Complex;
}
// ---------------------------------------------------------------------------------------------
// Complex numbers
function complexMul(x, y) {
    const { re: a, im: b } = x;
    const { re: c, im: d } = y;
    return new ComplexVal(realSub(realMul(a, c), realMul(b, d)), realAdd(realMul(b, c), realMul(a, d)));
}
function complexQuo(x, y) {
    // (a+bi)/(c+di) = ((ac+bd) + (bc-ad)i) / (c²+d²)
    const { re: a, im: b } = x;
    const { re: c, im: d } = y;
    const s = realAdd(realMul(c, c), realMul(d, d));
    const re = realQuo(realAdd(realMul(a, c), realMul(b, d)), s);
    const im = realQuo(realSub(realMul(b, c), realMul(a, d)), s);
    if (re === null || im === null)
        return null;
    return new ComplexVal(re, im);
}
function asComplex(x) {
    return x instanceof ComplexVal ? x : new ComplexVal(x, intOf(0n));
}
/** Maps results that overflowed big.Float's exponent range to Unknown (go/constant: ±Inf). */
function finish(v) {
    if (v === floatOverflow)
        return makeUnknown();
    if (v instanceof ComplexVal && (v.re === floatOverflow || v.im === floatOverflow))
        return makeUnknown();
    return v;
}
// ---------------------------------------------------------------------------------------------
// Public operations
/**
 * op y for op "+", "-" (numeric), "^" (Int: bitwise complement) or "!" (Bool). For "^", a
 * precision prec > 0 gives the result as an unsigned number of prec bits (use the type's size
 * for unsigned types, 0 for signed and untyped), as go/constant.UnaryOp. Unknown → Unknown.
 */
export function unaryOp(op, y, prec = 0) {
    if (y.kind === Kind.Unknown)
        return y;
    switch (op) {
        case "+":
            if (isNumeric(y))
                return y;
            break;
        case "-":
            if (y instanceof ComplexVal)
                return finish(new ComplexVal(realNeg(y.re), realNeg(y.im)));
            if (y.kind === Kind.Int || y.kind === Kind.Float)
                return realNeg(y);
            break;
        case "^":
            if (y instanceof IntVal) {
                const z = ~y.v;
                return intOf(prec > 0 ? BigInt.asUintN(prec, z) : z);
            }
            break;
        case "!":
            if (y instanceof BoolVal)
                return makeBool(!y.b);
            break;
    }
    return invalid(`${op}${y.toString()}`);
}
/**
 * x op y for the arithmetic, bitwise and logical operators.
 *
 * - Int op Int stays Int; "/" truncates toward zero and "%" takes the dividend's sign (Go's
 *   integer constant rules). For the exact rational quotient of two Ints use `quo`.
 * - Mixed numeric kinds are computed in the more general kind (Int < Float < Complex).
 * - "+" concatenates Strings; "&&", "||" take Bools.
 * - Division ("/" or "%") by zero gives Unknown; so does an Unknown operand.
 */
export function binaryOp(x, op, y) {
    if (x.kind === Kind.Unknown)
        return x;
    if (y.kind === Kind.Unknown)
        return y;
    if (x instanceof IntVal && y instanceof IntVal) {
        const a = x.v;
        const b = y.v;
        switch (op) {
            case "+":
                return intOf(a + b);
            case "-":
                return intOf(a - b);
            case "*":
                return intOf(a * b);
            case "/":
                return b === 0n ? makeUnknown() : intOf(a / b);
            case "%":
                return b === 0n ? makeUnknown() : intOf(a % b);
            case "&":
                return intOf(a & b);
            case "|":
                return intOf(a | b);
            case "^":
                return intOf(a ^ b);
            case "&^":
                return intOf(a & ~b);
        }
        return invalid(`${x} ${op} ${y}`);
    }
    if (isNumeric(x) && isNumeric(y)) {
        if (x instanceof ComplexVal || y instanceof ComplexVal) {
            const a = asComplex(x);
            const b = asComplex(y);
            switch (op) {
                case "+":
                    return finish(new ComplexVal(realAdd(a.re, b.re), realAdd(a.im, b.im)));
                case "-":
                    return finish(new ComplexVal(realSub(a.re, b.re), realSub(a.im, b.im)));
                case "*":
                    return finish(complexMul(a, b));
                case "/":
                    return finish(complexQuo(a, b) ?? makeUnknown());
            }
            return invalid(`${x} ${op} ${y}`);
        }
        switch (op) {
            case "+":
                return finish(realAdd(x, y));
            case "-":
                return finish(realSub(x, y));
            case "*":
                return finish(realMul(x, y));
            case "/":
                return finish(realQuo(x, y) ?? makeUnknown());
        }
        return invalid(`${x} ${op} ${y}`);
    }
    if (x instanceof StringVal && y instanceof StringVal && op === "+")
        return new StringVal(x.s + y.s);
    if (x instanceof BoolVal && y instanceof BoolVal) {
        if (op === "&&")
            return makeBool(x.b && y.b);
        if (op === "||")
            return makeBool(x.b || y.b);
    }
    return invalid(`${x} ${op} ${y}`);
}
/**
 * Exact quotient x / y of numeric values: go/constant's BinaryOp(x, token.QUO, y). Unlike
 * binaryOp's "/", two Ints give their exact rational quotient (a Float, even when integral).
 * Division by zero gives Unknown.
 */
export function quo(x, y) {
    if (x.kind === Kind.Unknown)
        return x;
    if (y.kind === Kind.Unknown)
        return y;
    if (x instanceof IntVal && y instanceof IntVal)
        return y.v === 0n ? makeUnknown() : ratOf(x.v, y.v);
    return binaryOp(x, "/", y);
}
/**
 * x << s or x >> s for an Int x and a shift count s ≥ 0 (">>" rounds toward -∞, as Go's
 * arithmetic shift). Unknown → Unknown. The checker must bound s first (gc rejects counts
 * above 1074 for constants: "invalid shift count"), since 1 << s builds an s-bit integer.
 */
export function shift(x, op, s) {
    if (x.kind === Kind.Unknown)
        return x;
    if (!(x instanceof IntVal))
        return invalid(`${x} ${op} ${s}`);
    const n = typeof s === "bigint" ? s : BigInt(s);
    if (n < 0n)
        throw new RangeError(`negative shift count ${s}`);
    if (n === 0n)
        return x;
    return intOf(op === "<<" ? x.v << n : x.v >> n);
}
/**
 * x op y for comparison operators. Numbers compare exactly across kinds (Complex only with
 * == and !=); Strings compare bytewise; Bools with == and !=. An Unknown operand gives false.
 */
export function compare(x, op, y) {
    if (x.kind === Kind.Unknown || y.kind === Kind.Unknown)
        return false;
    let c;
    if (x instanceof IntVal && y instanceof IntVal) {
        c = x.v < y.v ? -1 : x.v > y.v ? 1 : 0;
    }
    else if (isNumeric(x) && isNumeric(y)) {
        if (x instanceof ComplexVal || y instanceof ComplexVal) {
            const a = asComplex(x);
            const b = asComplex(y);
            const eq = realCmp(a.re, b.re) === 0 && realCmp(a.im, b.im) === 0;
            if (op === "==")
                return eq;
            if (op === "!=")
                return !eq;
            return invalid(`${x} ${op} ${y}`);
        }
        c = realCmp(x, y);
    }
    else if (x instanceof StringVal && y instanceof StringVal) {
        // One JS char per byte, so UTF-16 code unit order is byte order.
        c = x.s < y.s ? -1 : x.s > y.s ? 1 : 0;
    }
    else if (x instanceof BoolVal && y instanceof BoolVal) {
        if (op === "==")
            return x.b === y.b;
        if (op === "!=")
            return x.b !== y.b;
        return invalid(`${x} ${op} ${y}`);
    }
    else {
        return invalid(`${x} ${op} ${y}`);
    }
    switch (op) {
        case "==":
            return c === 0;
        case "!=":
            return c !== 0;
        case "<":
            return c < 0;
        case "<=":
            return c <= 0;
        case ">":
            return c > 0;
        case ">=":
            return c >= 0;
    }
}
/**
 * string(rune(x)) for an Int x: the UTF-8 encoding of code point x, or of U+FFFD when x is not
 * a valid Unicode scalar value (negative, a surrogate, or above U+10FFFF) — the conversion
 * rule go/types applies to constant integers. Unknown → Unknown.
 */
export function runeToString(x) {
    if (x.kind === Kind.Unknown)
        return x;
    if (!(x instanceof IntVal))
        return invalid(`string(${x})`);
    const v = x.v;
    const ok = v >= 0n && v <= 0x10ffffn && !(v >= 0xd800n && v < 0xe000n);
    return makeString(String.fromCodePoint(ok ? Number(v) : 0xfffd));
}
