/**
 * Binary floating point with a 512-bit mantissa and an unbounded exponent, plus the exact
 * rounding helpers that turn rationals and big floats into float64/float32 values.
 *
 * Role: the fallback representation for Float constants whose exact rational form would be
 * too large (|binary exponent| ≥ 4096, e.g. 1e1000000 or long chains of multiplications). Go's
 * go/constant does the same with math/big.Float at precision 512; results agree with it to
 * within the last mantissa bits (we round each operation to nearest-even at 512 bits with a
 * sticky bit, as big.Float does).
 *
 * Representation: a finite value is `mant * 2**exp` where `mant` is a bigint with
 * |mant| < 2**PREC and, unless zero, odd (trailing zero bits are moved into `exp`), so two equal
 * values have identical fields. Zero is `BF_ZERO` (mant 0, exp 0): go/constant keeps a zero
 * result of big-float arithmetic as a big float (floatVal0), and that matters for the kind of
 * later results (0.0·x stays a big float). There is no infinity or NaN: go/constant turns those
 * into Unknown, and so do our callers.
 *
 * Rejected: a decimal big float (slower, and Go's results are binary); doubles with error
 * terms (inexact, and Go prints exact values of 1<<1000 or 1e309).
 */
/** Mantissa precision in bits, as go/constant's `prec`. */
export const PREC = 512;
/** The zero BigFloat. */
export const BF_ZERO = { mant: 0n, exp: 0 };
/** Number of bits in |x| (0 for 0). */
export function bitLength(x) {
    if (x < 0n)
        x = -x;
    if (x === 0n)
        return 0;
    if (x < 0x20000000000000n) {
        // Below 2**53 a double holds x exactly.
        const n = Number(x);
        return n < 0x100000000 ? 32 - Math.clz32(n) : 32 + (32 - Math.clz32(Math.floor(n / 0x100000000)));
    }
    const hex = x.toString(16);
    return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
}
/** Number of trailing zero bits of x ≠ 0. */
export function trailingZeros(x) {
    if (x < 0n)
        x = -x;
    return bitLength(x & -x) - 1;
}
/** gcd(|a|, |b|). */
export function gcd(a, b) {
    if (a < 0n)
        a = -a;
    if (b < 0n)
        b = -b;
    while (b !== 0n) {
        if (a < 0x20000000000000n && b < 0x20000000000000n) {
            // Finish in doubles once both fit exactly.
            let x = Number(a);
            let y = Number(b);
            while (y !== 0) {
                const t = x % y;
                x = y;
                y = t;
            }
            return BigInt(x);
        }
        const t = a % b;
        a = b;
        b = t;
    }
    return a;
}
/** Shifts x left (s > 0) or right (s < 0, flooring); s may exceed 2**30 only for x = 0. */
function shl(x, s) {
    return s >= 0 ? x << BigInt(s) : x >> BigInt(-s);
}
/**
 * Rounds a positive mantissa m (value m*2**e, plus a "sticky" flag meaning the true value is
 * slightly larger than m*2**e) to at most `prec` bits, to nearest-even. Returns [m', e'].
 */
function roundMag(m, e, prec, sticky) {
    const len = bitLength(m);
    if (len <= prec)
        return [m, e];
    const shift = len - prec;
    const sh = BigInt(shift);
    let q = m >> sh;
    const rem = m - (q << sh);
    const half = 1n << BigInt(shift - 1);
    if (rem > half || (rem === half && (sticky || (q & 1n) === 1n))) {
        q += 1n;
        if (q >> BigInt(prec) !== 0n) {
            q >>= 1n;
            return [q, e + shift + 1];
        }
    }
    return [q, e + shift];
}
/** Builds a normalized BigFloat from sign * m * 2**e (m > 0), rounding to `prec` bits. */
function make(neg, m, e, sticky, prec = PREC) {
    let [q, ex] = roundMag(m, e, prec, sticky);
    const tz = trailingZeros(q);
    if (tz > 0) {
        q >>= BigInt(tz);
        ex += tz;
    }
    return { mant: neg ? -q : q, exp: ex };
}
/** The BigFloat nearest to the integer x. */
export function bfFromInt(x) {
    if (x === 0n)
        return BF_ZERO;
    const neg = x < 0n;
    return make(neg, neg ? -x : x, 0, false);
}
/**
 * Divides positive n by positive d keeping at least `bits` significant bits in the quotient:
 * returns [q, e, sticky] with n/d = (q + f) * 2**e, 0 ≤ f < 1, sticky = f ≠ 0.
 */
export function divBits(n, d, bits) {
    const s = bits + 2 - (bitLength(n) - bitLength(d));
    let q;
    let r;
    if (s >= 0) {
        const ns = n << BigInt(s);
        q = ns / d;
        r = ns - q * d;
    }
    else {
        const ds = d << BigInt(-s);
        q = n / ds;
        r = n - q * ds;
    }
    return [q, -s, r !== 0n];
}
/** The BigFloat nearest to the rational n/d (d > 0). */
export function bfFromRat(n, d) {
    if (n === 0n)
        return BF_ZERO;
    const neg = n < 0n;
    const [q, e, sticky] = divBits(neg ? -n : n, d, PREC);
    return make(neg, q, e, sticky);
}
/** Exact rational [num, den] of x (den a power of two, den > 0). Large exponents make huge ints. */
export function bfToRat(x) {
    if (x.mant === 0n)
        return [0n, 1n];
    if (x.exp >= 0)
        return [x.mant << BigInt(x.exp), 1n];
    return [x.mant, 1n << BigInt(-x.exp)];
}
/** Binary exponent of x as in big.Float.MantExp: x = m * 2**exponent with 0.5 ≤ |m| < 1 (0 for 0). */
export function bfMantExp(x) {
    return bitLength(x.mant) + x.exp;
}
export function bfNeg(x) {
    return x.mant === 0n ? x : { mant: -x.mant, exp: x.exp };
}
export function bfSign(x) {
    return x.mant < 0n ? -1 : x.mant > 0n ? 1 : 0;
}
/** x + y rounded to PREC bits. */
export function bfAdd(x, y) {
    if (x.mant === 0n)
        return y;
    if (y.mant === 0n)
        return x;
    // Work at a common exponent `lo`. Bits of an operand lying far below the other operand's
    // precision only matter as a sticky bit, so we clamp lo to keep the integers small.
    const topX = bfMantExp(x);
    const topY = bfMantExp(y);
    const top = Math.max(topX, topY);
    const floor = top - (PREC + 8);
    let lo = Math.min(x.exp, y.exp);
    const mx = x.mant;
    const my = y.mant;
    if (lo < floor) {
        // Only the operand of smaller magnitude can reach below `floor` (the larger one has at
        // most PREC bits under `top`). Truncate it toward zero at `floor` and mark the lost part
        // by ±1 two bits further down: the true sum and this proxy then lie strictly between the
        // same two multiples of 2**floor, and rounding to PREC bits (which drops ≥ 6 bits here)
        // cannot tell them apart.
        lo = floor;
        const tx = truncAt(mx, x.exp, lo);
        const ty = truncAt(my, y.exp, lo);
        const sum = (tx[0] + ty[0]) * 4n + BigInt(tx[1] + ty[1]);
        if (sum === 0n)
            return BF_ZERO;
        const neg = sum < 0n;
        return make(neg, neg ? -sum : sum, lo - 2, false);
    }
    const sum = shl(mx, x.exp - lo) + shl(my, y.exp - lo);
    if (sum === 0n)
        return BF_ZERO;
    const neg = sum < 0n;
    return make(neg, neg ? -sum : sum, lo, false);
}
/** Truncates m*2**e toward zero to a multiple of 2**lo; returns [m', sign of the lost part]. */
function truncAt(m, e, lo) {
    if (e >= lo)
        return [m << BigInt(e - lo), 0];
    const neg = m < 0n;
    const mag = neg ? -m : m;
    const s = lo - e;
    const q = s > PREC + 64 ? 0n : mag >> BigInt(s);
    const lost = q << BigInt(Math.min(s, PREC + 64)) !== mag ? 1 : 0;
    return neg ? [-q, -lost] : [q, lost];
}
/** x * y rounded to `prec` bits (operands may carry more bits than PREC). */
export function bfMul(x, y, prec = PREC) {
    const p = x.mant * y.mant;
    if (p === 0n)
        return BF_ZERO;
    const neg = p < 0n;
    return make(neg, neg ? -p : p, x.exp + y.exp, false, prec);
}
/** x / y rounded to `prec` bits (operands may carry more bits than PREC); y ≠ 0. */
export function bfQuo(x, y, prec = PREC) {
    if (x.mant === 0n)
        return BF_ZERO;
    const neg = x.mant < 0n !== y.mant < 0n;
    const [q, e, sticky] = divBits(x.mant < 0n ? -x.mant : x.mant, y.mant < 0n ? -y.mant : y.mant, prec);
    return make(neg, q, e + x.exp - y.exp, sticky, prec);
}
/** The integer x ≠ 0 as an unrounded BigFloat (mantissa may exceed PREC bits). */
export function bfExactInt(x) {
    if (x === 0n)
        return BF_ZERO;
    const tz = trailingZeros(x);
    return { mant: x >> BigInt(tz), exp: tz };
}
/** Sign of x - y. */
export function bfCmp(x, y) {
    const sx = bfSign(x);
    const sy = bfSign(y);
    if (sx !== sy)
        return sx < sy ? -1 : 1;
    if (sx === 0)
        return 0;
    const tx = bfMantExp(x);
    const ty = bfMantExp(y);
    if (tx !== ty)
        return (tx < ty ? -1 : 1) * sx;
    const lo = Math.min(x.exp, y.exp);
    const a = shl(x.mant, x.exp - lo);
    const b = shl(y.mant, y.exp - lo);
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Compares the BigFloat x with the rational n/d (d > 0): sign of x - n/d. */
export function bfCmpRat(x, n, d) {
    if (n === 0n)
        return bfSign(x);
    const sn = n < 0n ? -1 : 1;
    const sx = bfSign(x);
    if (sn !== sx)
        return sx < sn ? -1 : 1;
    // Compare binary exponents first to avoid building huge integers.
    const tx = bfMantExp(x);
    const tr = bitLength(n) - bitLength(d); // n/d in [2**(tr-1), 2**(tr+1))
    if (tx > tr + 2)
        return sx;
    if (tx < tr - 2)
        return -sx;
    const [xn, xd] = bfToRat(x);
    const l = xn * d;
    const r = n * xd;
    return l < r ? -1 : l > r ? 1 : 0;
}
/**
 * Rounds the positive value (m + sticky·ε) * 2**e to an IEEE binary format with `mantBits`
 * bits of precision (53 or 24), least subnormal exponent `minExp` (-1074 or -149) and
 * overflow threshold 2**maxExp (1024 or 128), to nearest-even. Returns the JavaScript number
 * (exactly the float64/float32 value), or Infinity on overflow.
 */
export function roundToIEEE(m, e, sticky, mantBits, minExp, maxExp) {
    const len = bitLength(m);
    const top = len + e; // value in [2**(top-1), 2**top)
    if (top > maxExp + 1)
        return Infinity;
    // Precision available at this magnitude (reduced for subnormals).
    let p = mantBits;
    if (top - p < minExp)
        p = top - minExp;
    let q;
    let ex;
    if (p <= 0) {
        if (p < 0)
            return 0;
        // p == 0: value in [2**(minExp-1), 2**minExp); it rounds up only above the half-way point.
        const half = 1n << BigInt(len - 1);
        if (m > half || (m === half && sticky))
            return Math.pow(2, minExp);
        return 0;
    }
    if (len > p) {
        const shift = len - p;
        const sh = BigInt(shift);
        q = m >> sh;
        const rem = m - (q << sh);
        const half = 1n << BigInt(shift - 1);
        if (rem > half || (rem === half && (sticky || (q & 1n) === 1n)))
            q += 1n;
        ex = e + shift;
    }
    else {
        q = m;
        ex = e;
    }
    // q ≤ 2**p, so Number(q) is exact; 2**ex is a power of two within range of doubles when the
    // result is finite, so the product is exact.
    const qn = Number(q);
    if (bitLength(q) + ex > maxExp)
        return Infinity;
    // Split the scaling to keep each power of two representable.
    if (ex < -1022)
        return qn * Math.pow(2, ex + 60) * Math.pow(2, -60);
    if (ex > 1000)
        return qn * Math.pow(2, ex - 60) * Math.pow(2, 60);
    return qn * Math.pow(2, ex);
}
const SAFE = 0x20000000000000n; // 2**53
/** float64 nearest to n/d (d > 0); ±Infinity on overflow. */
export function ratToFloat(n, d, mantBits = 53, minExp = -1074, maxExp = 1024) {
    if (n === 0n)
        return 0;
    // Fast path: both exactly representable, so IEEE division rounds the exact quotient once.
    // (Not for float32: rounding the double again would round twice.)
    if (mantBits === 53 && d < SAFE && n < SAFE && n > -SAFE)
        return Number(n) / Number(d);
    const neg = n < 0n;
    const [q, e, sticky] = divBits(neg ? -n : n, d, mantBits + 2);
    const r = roundToIEEE(q, e, sticky, mantBits, minExp, maxExp);
    return neg ? -r : r;
}
/** float64 (or float32 with the other parameters) nearest to x; ±Infinity on overflow. */
export function bfToFloat(x, mantBits = 53, minExp = -1074, maxExp = 1024) {
    if (x.mant === 0n)
        return 0;
    const neg = x.mant < 0n;
    const r = roundToIEEE(neg ? -x.mant : x.mant, x.exp, false, mantBits, minExp, maxExp);
    return neg ? -r : r;
}
const scratch = new DataView(new ArrayBuffer(8));
/** Exact [num, den] of a finite double (den a power of two, reduced). */
export function float64ToRat(f) {
    if (f === 0)
        return [0n, 1n];
    if (Number.isSafeInteger(f))
        return [BigInt(f), 1n];
    const buf = scratch;
    buf.setFloat64(0, f);
    const hi = buf.getUint32(0);
    const lo = buf.getUint32(4);
    const neg = hi >>> 31 === 1;
    const bexp = (hi >>> 20) & 0x7ff;
    let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    let e;
    if (bexp === 0) {
        e = -1074;
    }
    else {
        mant |= 1n << 52n;
        e = bexp - 1075;
    }
    const tz = trailingZeros(mant);
    mant >>= BigInt(tz);
    e += tz;
    if (neg)
        mant = -mant;
    return e >= 0 ? [mant << BigInt(e), 1n] : [mant, 1n << BigInt(-e)];
}
/**
 * 5**n as a float with `prec` bits (default PREC + 64), computed as math/big's Float.Parse
 * does (exact up to 5**27, then square-and-multiply rounding at `prec` bits each step), so
 * that decimal literals with huge exponents round to the same 512-bit values as in Go.
 */
export function bfPow5(n, prec = PREC + 64) {
    const m = 27;
    if (n <= m)
        return bfExactInt(5n ** BigInt(n));
    let z = bfExactInt(5n ** BigInt(m));
    let f = { mant: 5n, exp: 0 };
    n -= m;
    while (n > 0) {
        if (n % 2 === 1)
            z = bfMul(z, f, prec);
        f = bfMul(f, f, prec);
        n = Math.floor(n / 2);
    }
    return z;
}
