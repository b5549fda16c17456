/**
 * Constant values: representation, constructors, accessors and kind conversions.
 * (Arithmetic is in ops.ts, literal parsing in literal.ts, printing in format.ts.)
 *
 * Representation, one class per form (all immutable):
 *
 *   kind      class        payload
 *   Unknown   UnknownVal   —                      (one shared instance)
 *   Bool      BoolVal      b: boolean             (two shared instances)
 *   String    StringVal    s: byte string — one JS char per byte, code 0..255
 *   Int       IntVal       v: bigint              (any size; the checker limits untyped ints
 *                                                  to 512 bits, see HACKING.md)
 *   Float     RatVal       num/den: bigint        exact, den > 0, gcd 1, both < 4096 bits
 *                                                 (literals: any size, as go/constant)
 *   Float     FloatVal     f: BigFloat            512-bit mantissa, int32 exponent range
 *                                                 (bigfloat.ts); zero allowed (Go's floatVal0)
 *   Complex   ComplexVal   re, im: IntVal | RatVal | FloatVal
 *
 * This mirrors go/constant (int64Val/intVal, ratVal/floatVal, complexVal) minus the int64Val
 * split: a bigint already is cheap for small integers, and one Int form keeps every Int path
 * free of rational or big-float work. Floats stay exact rationals while numerator and
 * denominator have fewer than 4096 bits (go/constant's maxExp); past that they become
 * BigFloats and, as in Go, never turn back into rationals.
 */
import { PREC, bitLength, gcd, bfFromInt, bfFromRat, bfToRat, bfMantExp, bfSign, bfToFloat, bfCmpRat, ratToFloat, float64ToRat, } from "./bigfloat.js";
import { formatFloatShort, formatFloatExact, quoteGo, abbreviateQuoted } from "./format.js";
/** The kind of a constant value, as go/constant.Kind. */
export const Kind = {
    Unknown: 0,
    Bool: 1,
    String: 2,
    Int: 3,
    Float: 4,
    Complex: 5,
};
/** Rationals with a component of this many bits or more switch to BigFloat (go/constant maxExp). */
export const MAX_EXP = 4096;
export class UnknownVal {
    kind = Kind.Unknown;
    /** Short form as go/constant's String(). */
    toString() {
        return "unknown";
    }
    /** Exact form as go/constant's ExactString(). */
    exactString() {
        return "unknown";
    }
}
export class BoolVal {
    b;
    kind = Kind.Bool;
    constructor(b) {
        this.b = b;
    }
    toString() {
        return this.b ? "true" : "false";
    }
    exactString() {
        return this.toString();
    }
}
export class StringVal {
    s;
    kind = Kind.String;
    /** The Go string's bytes, one JS char per byte (codes 0..255). */
    constructor(s) {
        this.s = s;
    }
    /** Quoted as strconv.Quote, shortened to 72 runes with "..." like go/constant. */
    toString() {
        return abbreviateQuoted(quoteGo(this.s));
    }
    exactString() {
        return quoteGo(this.s);
    }
}
export class IntVal {
    v;
    kind = Kind.Int;
    constructor(v) {
        this.v = v;
    }
    toString() {
        return this.v.toString();
    }
    exactString() {
        return this.v.toString();
    }
}
/**
 * An exact rational Float: num/den, den > 0, gcd(num, den) = 1. Results of arithmetic have both
 * under MAX_EXP bits (else they become FloatVal); a literal keeps its exact rational whenever
 * its magnitude is in range, however many digits it has (as go/constant).
 */
export class RatVal {
    num;
    den;
    kind = Kind.Float;
    constructor(num, den) {
        this.num = num;
        this.den = den;
    }
    toString() {
        return formatFloatShort(ratToFloat(this.num, this.den), this.num === 0n, () => bfFromRat(this.num, this.den));
    }
    exactString() {
        return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
    }
}
/** A Float too large (or too finely divided) for a rational: a 512-bit binary float. */
export class FloatVal {
    f;
    kind = Kind.Float;
    constructor(f) {
        this.f = f;
    }
    toString() {
        return formatFloatShort(bfToFloat(this.f), this.f.mant === 0n, () => this.f);
    }
    exactString() {
        return formatFloatExact(this.f);
    }
}
export class ComplexVal {
    re;
    im;
    kind = Kind.Complex;
    constructor(re, im) {
        this.re = re;
        this.im = im;
    }
    toString() {
        return `(${this.re.toString()} + ${this.im.toString()}i)`;
    }
    exactString() {
        return `(${this.re.exactString()} + ${this.im.exactString()}i)`;
    }
}
const unknown = new UnknownVal();
const trueVal = new BoolVal(true);
const falseVal = new BoolVal(false);
const smallInts = [];
for (let i = -16; i <= 256; i++)
    smallInts.push(new IntVal(BigInt(i)));
/** @internal */
export const ratZero = new RatVal(0n, 1n);
/** @internal */
export const intZero = smallInts[16];
// ---------------------------------------------------------------------------------------------
// Constructors
/** The Unknown value (result of invalid operations; propagates through every operation). */
export function makeUnknown() {
    return unknown;
}
export function makeBool(b) {
    return b ? trueVal : falseVal;
}
/** The String value holding the UTF-8 encoding of the JavaScript text `s`. */
export function makeString(s) {
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(s))
        return new StringVal(s);
    return new StringVal(Buffer.from(s, "utf8").toString("latin1"));
}
/** The String value with exactly these bytes (a Uint8Array, or a byte string of codes 0..255). */
export function makeStringBytes(bytes) {
    if (typeof bytes === "string")
        return new StringVal(bytes);
    return new StringVal(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"));
}
/** @internal Int value for v (shares instances for small values). */
export function intOf(v) {
    if (v >= -16n && v <= 256n)
        return smallInts[Number(v) + 16];
    return new IntVal(v);
}
/** The Int value for x: a bigint, or a safe integer number (throws on a non-integral number). */
export function makeInt64(x) {
    if (typeof x === "number") {
        if (!Number.isSafeInteger(x))
            throw new RangeError(`makeInt64: ${x} is not a safe integer`);
        if (x >= -16 && x <= 256)
            return smallInts[x + 16];
        return new IntVal(BigInt(x));
    }
    return intOf(BigInt.asIntN(64, x));
}
/** The Int value for the uint64 x (bigint taken modulo 2**64, or a non-negative safe integer). */
export function makeUint64(x) {
    if (typeof x === "number") {
        if (!Number.isSafeInteger(x) || x < 0)
            throw new RangeError(`makeUint64: ${x} is not a uint64`);
        return makeInt64(x);
    }
    return intOf(BigInt.asUintN(64, x));
}
/** The Int value for any integer (no size limit; go/constant's Make(*big.Int)). */
export function makeBigInt(x) {
    return intOf(x);
}
/** The Float value for x; -0 becomes 0; ±Inf and NaN give Unknown (as go/constant). */
export function makeFloat64(x) {
    if (!Number.isFinite(x))
        return unknown;
    if (x === 0)
        return ratZero;
    const [n, d] = float64ToRat(x);
    return new RatVal(n, d);
}
/**
 * @internal Normalizes num/den (den ≠ 0) to a RatVal, or a FloatVal when a component has
 * MAX_EXP bits or more — unless `keepLarge` (literals keep their exact rational whenever their
 * magnitude is in range, as go/constant's MakeFromLiteral).
 */
export function ratOf(num, den, keepLarge = false) {
    if (num === 0n)
        return ratZero;
    if (den < 0n) {
        num = -num;
        den = -den;
    }
    if (den !== 1n) {
        const g = gcd(num, den);
        if (g !== 1n) {
            num /= g;
            den /= g;
        }
    }
    if (keepLarge || (bitLength(num) < MAX_EXP && bitLength(den) < MAX_EXP))
        return new RatVal(num, den);
    return new FloatVal(bfFromRat(num, den));
}
/** @internal As ratOf for num/den already in lowest terms with den > 0. */
export function reducedRatOf(num, den) {
    if (num === 0n)
        return ratZero;
    if (bitLength(num) < MAX_EXP && bitLength(den) < MAX_EXP)
        return new RatVal(num, den);
    return new FloatVal(bfFromRat(num, den));
}
/** The exact Float value num/den (den ≠ 0), go/constant's Make(*big.Rat). */
export function makeRat(num, den) {
    if (den === 0n)
        return unknown;
    return ratOf(num, den);
}
/** @internal The zero big float (go/constant's floatVal0). */
export const floatZero = new FloatVal({ mant: 0n, exp: 0 });
/** big.Float's exponent range (math.MaxInt32 / math.MinInt32, exponent as in MantExp). */
export const MAX_BIG_EXP = 2147483647;
export const MIN_BIG_EXP = -2147483648;
/**
 * @internal Marker for a big-float result beyond big.Float's exponent range: go/constant
 * gets ±Inf and turns it into Unknown. Arithmetic in ops.ts propagates the marker and the
 * public operations return Unknown for it; it never escapes this package.
 */
export const floatOverflow = new FloatVal({ mant: 1n, exp: MAX_BIG_EXP });
/** @internal A big-float result: zero stays a big float (go/constant's floatVal0); beyond the
 *  exponent range it overflows (floatOverflow) or underflows to zero, as big.Float does. */
export function floatOf(f) {
    if (f.mant === 0n)
        return floatZero;
    const e = bfMantExp(f);
    if (e > MAX_BIG_EXP)
        return floatOverflow;
    if (e < MIN_BIG_EXP)
        return floatZero;
    return new FloatVal(f);
}
/** The Complex value 0 + x·i for a numeric real x (Int or Float); Unknown → Unknown. */
export function makeImag(x) {
    switch (x.kind) {
        case Kind.Unknown:
            return x;
        case Kind.Int:
        case Kind.Float:
            return new ComplexVal(intZero, x);
        default:
            throw new TypeError(`makeImag: ${x} is not numeric`);
    }
}
/** The Complex value re + im·i for real numerics re, im (either Unknown → Unknown). */
export function makeComplex(re, im) {
    if (re.kind === Kind.Unknown || im.kind === Kind.Unknown)
        return unknown;
    if ((re.kind !== Kind.Int && re.kind !== Kind.Float) || (im.kind !== Kind.Int && im.kind !== Kind.Float)) {
        throw new TypeError(`makeComplex: ${re}, ${im} are not real numbers`);
    }
    return new ComplexVal(re, im);
}
// ---------------------------------------------------------------------------------------------
// Accessors. Like go/constant, Unknown gives the zero result; the wrong kind is a programming
// error and throws a TypeError (go/constant panics).
function kindError(fn, x) {
    throw new TypeError(`${fn}: ${x.toString()} is not a valid argument`);
}
/** The Go bool of a Bool (false for Unknown). */
export function boolVal(x) {
    if (x.kind === Kind.Bool)
        return x.b;
    if (x.kind === Kind.Unknown)
        return false;
    return kindError("boolVal", x);
}
/**
 * The Go string of a String, exactly: a *byte string* with one JS char (code 0..255) per byte
 * — so `.length` is Go's len, `<`/`===` are Go's comparisons, and it is a safe map key ("" for
 * Unknown). Use `stringText` for human-readable text, `quoteGo` to print it as Go does.
 */
export function stringVal(x) {
    if (x.kind === Kind.String)
        return x.s;
    if (x.kind === Kind.Unknown)
        return "";
    return kindError("stringVal", x);
}
/** The string of a String decoded from UTF-8 to JavaScript text (invalid bytes become U+FFFD). */
export function stringText(x) {
    if (x.kind === Kind.String) {
        // eslint-disable-next-line no-control-regex
        if (/^[\x00-\x7f]*$/.test(x.s))
            return x.s;
        return Buffer.from(x.s, "latin1").toString("utf8");
    }
    if (x.kind === Kind.Unknown)
        return "";
    return kindError("stringText", x);
}
/** The exact bytes of a String (empty for Unknown). */
export function stringBytes(x) {
    if (x.kind === Kind.String)
        return new Uint8Array(Buffer.from(x.s, "latin1"));
    if (x.kind === Kind.Unknown)
        return new Uint8Array(0);
    return kindError("stringBytes", x);
}
/** len(x) in bytes for a String (0 for Unknown). */
export function stringLen(x) {
    if (x.kind === Kind.String)
        return x.s.length;
    if (x.kind === Kind.Unknown)
        return 0;
    return kindError("stringLen", x);
}
const MIN_INT64 = -(1n << 63n);
const MAX_INT64 = (1n << 63n) - 1n;
const MAX_UINT64 = (1n << 64n) - 1n;
/** [int64 value, exact] of an Int (exact = it fits in int64; otherwise the low 64 bits). */
export function int64Val(x) {
    if (x.kind === Kind.Int)
        return [BigInt.asIntN(64, x.v), x.v >= MIN_INT64 && x.v <= MAX_INT64];
    if (x.kind === Kind.Unknown)
        return [0n, false];
    return kindError("int64Val", x);
}
/** [uint64 value, exact] of an Int (exact = 0 ≤ x < 2**64; otherwise the low 64 bits). */
export function uint64Val(x) {
    if (x.kind === Kind.Int)
        return [BigInt.asUintN(64, x.v), x.v >= 0n && x.v <= MAX_UINT64];
    if (x.kind === Kind.Unknown)
        return [0n, false];
    return kindError("uint64Val", x);
}
/** The exact integer of an Int (go/constant: Val(x) as *big.Int). Throws for other kinds. */
export function intVal(x) {
    if (x.kind === Kind.Int)
        return x.v;
    return kindError("intVal", x);
}
function realToFloat(x, mantBits, minExp, maxExp) {
    let f;
    if (x instanceof IntVal) {
        f = ratToFloat(x.v, 1n, mantBits, minExp, maxExp);
        if (!Number.isFinite(f))
            return [f, false];
        return [f, float64ToRat(f)[0] === x.v];
    }
    if (x instanceof RatVal) {
        f = ratToFloat(x.num, x.den, mantBits, minExp, maxExp);
        if (!Number.isFinite(f))
            return [f, false];
        const [n, d] = float64ToRat(f);
        return [f, n === x.num && d === x.den];
    }
    f = bfToFloat(x.f, mantBits, minExp, maxExp);
    if (!Number.isFinite(f))
        return [f, false];
    const [n, d] = float64ToRat(f);
    return [f, bfCmpRat(x.f, n, d) === 0];
}
/**
 * [float64 nearest to x, exact] for an Int or Float (round to nearest-even; ±Infinity when
 * out of range, with exact = false). Unknown → [0, false].
 */
export function float64Val(x) {
    if (x.kind === Kind.Int || x.kind === Kind.Float)
        return realToFloat(x, 53, -1074, 1024);
    if (x.kind === Kind.Unknown)
        return [0, false];
    return kindError("float64Val", x);
}
/** As float64Val, rounding to float32 (the number returned is exactly a float32 value). */
export function float32Val(x) {
    if (x.kind === Kind.Int || x.kind === Kind.Float)
        return realToFloat(x, 24, -149, 128);
    if (x.kind === Kind.Unknown)
        return [0, false];
    return kindError("float32Val", x);
}
/** Number of bits of |x| for an Int (0 for Unknown). */
export function bitLen(x) {
    if (x.kind === Kind.Int)
        return bitLength(x.v);
    if (x.kind === Kind.Unknown)
        return 0;
    return kindError("bitLen", x);
}
function realSign(x) {
    if (x instanceof IntVal)
        return x.v < 0n ? -1 : x.v > 0n ? 1 : 0;
    if (x instanceof RatVal)
        return x.num < 0n ? -1 : x.num > 0n ? 1 : 0;
    return bfSign(x.f);
}
/**
 * -1, 0 or 1 for a numeric x; for a Complex, 0 iff x == 0 (otherwise nonzero); 1 for Unknown
 * (as go/constant, to avoid follow-up "division by zero" errors).
 */
export function sign(x) {
    switch (x.kind) {
        case Kind.Int:
        case Kind.Float:
            return realSign(x);
        case Kind.Complex:
            return realSign(x.re) | realSign(x.im);
        case Kind.Unknown:
            return 1;
        default:
            return kindError("sign", x);
    }
}
/** Whether a big float's binary exponent is below MAX_EXP in magnitude (go/constant smallFloat). */
function smallFloat(f) {
    const e = bfMantExp(f);
    return e > -MAX_EXP && e < MAX_EXP;
}
/** Numerator of an Int or Float as an Int; Unknown for Unknown and for big floats with a
 *  binary exponent of 4096 or more in magnitude (as go/constant). */
export function num(x) {
    if (x instanceof IntVal)
        return x;
    if (x instanceof RatVal)
        return intOf(x.num);
    if (x instanceof FloatVal)
        return smallFloat(x.f) ? intOf(bfToRat(x.f)[0]) : unknown;
    if (x.kind === Kind.Unknown)
        return x;
    return kindError("num", x);
}
/** Denominator (> 0) of an Int or Float as an Int; Unknown as for num. */
export function denom(x) {
    if (x instanceof IntVal)
        return smallInts[17];
    if (x instanceof RatVal)
        return intOf(x.den);
    if (x instanceof FloatVal)
        return smallFloat(x.f) ? intOf(bfToRat(x.f)[1]) : unknown;
    if (x.kind === Kind.Unknown)
        return x;
    return kindError("denom", x);
}
/** Real part: x itself for Int/Float, re for Complex (may be Int kind, as go/constant). */
export function real(x) {
    if (x instanceof ComplexVal)
        return x.re;
    if (x.kind === Kind.Int || x.kind === Kind.Float || x.kind === Kind.Unknown)
        return x;
    return kindError("real", x);
}
/** Imaginary part: Int 0 for Int/Float, im for Complex. */
export function imag(x) {
    if (x instanceof ComplexVal)
        return x.im;
    if (x.kind === Kind.Int || x.kind === Kind.Float)
        return intZero;
    if (x.kind === Kind.Unknown)
        return x;
    return kindError("imag", x);
}
// ---------------------------------------------------------------------------------------------
// Kind conversions
/**
 * x as an Int if x is an integral value (Int, integral Float, Complex with zero imaginary part
 * and integral real part); otherwise Unknown. A big float within a few bits of rounding of an
 * integer counts as that integer (go/constant does the same, to absorb rounding in earlier
 * operations); values with a binary exponent ≥ 4096 are never converted.
 */
export function toInt(x) {
    switch (x.kind) {
        case Kind.Int:
            return x;
        case Kind.Float:
            if (x instanceof RatVal)
                return x.den === 1n ? intOf(x.num) : unknown;
            return bigFloatToInt(x.f);
        case Kind.Complex: {
            const re = toFloat(x);
            return re.kind === Kind.Float ? toInt(re) : unknown;
        }
        default:
            return unknown;
    }
}
function bigFloatToInt(f) {
    if (!smallFloat(f))
        return unknown;
    if (f.exp >= 0)
        return intOf(f.mant << BigInt(f.exp));
    // mant is odd and exp < 0, so f itself is not integral. Try rounding it to PREC-4 bits
    // toward zero and away from zero.
    const neg = f.mant < 0n;
    const mag = neg ? -f.mant : f.mant;
    const len = bitLength(mag);
    const keep = PREC - 4;
    if (len <= keep)
        return unknown;
    const shift = len - keep;
    const down = mag >> BigInt(shift);
    const ex = f.exp + shift; // value ≈ q * 2**ex
    for (const q of [down, down + 1n]) {
        if (ex >= 0)
            return intOf((neg ? -q : q) << BigInt(ex));
        const unit = 1n << BigInt(-ex);
        if (q % unit === 0n) {
            const i = q / unit;
            return intOf(neg ? -i : i);
        }
    }
    return unknown;
}
/** x as a Float if it is an Int, a Float, or a Complex with zero imaginary part; else Unknown. */
export function toFloat(x) {
    switch (x.kind) {
        case Kind.Int:
            return intToFloat(x);
        case Kind.Float:
            return x;
        case Kind.Complex:
            return realSign(x.im) === 0 ? toFloat(x.re) : unknown;
        default:
            return unknown;
    }
}
/** @internal Int → Float (rational if small, BigFloat otherwise). */
export function intToFloat(x) {
    if (x.v === 0n)
        return ratZero;
    if (bitLength(x.v) < MAX_EXP)
        return new RatVal(x.v, 1n);
    return new FloatVal(bfFromInt(x.v));
}
/** x as a Complex if it is numeric; else Unknown. */
export function toComplex(x) {
    switch (x.kind) {
        case Kind.Int:
        case Kind.Float:
            return new ComplexVal(x, intZero);
        case Kind.Complex:
            return x;
        default:
            return unknown;
    }
}
/** Reports whether x is a numeric value with an exact integer value (toInt would succeed). */
export function isInteger(x) {
    return toInt(x).kind === Kind.Int;
}
