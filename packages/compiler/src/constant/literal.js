/**
 * Go literal text → constant value (go/constant.MakeFromLiteral), for every literal form of the
 * Go 1.19 spec: decimal/hex/octal/binary integers with "_" separators and legacy "0" octal,
 * decimal and hexadecimal floats ("0x1.8p-3"), imaginary literals, rune literals and
 * interpreted/raw strings with every escape. Malformed text gives Unknown (never an exception).
 *
 * Literal text is JavaScript text as it appears in the source file (already decoded from
 * UTF-8); string results are Go byte strings (UTF-8 for characters, raw bytes for \x and octal
 * escapes).
 *
 * Floats follow go/constant: a value whose binary exponent is below 4096 in magnitude becomes
 * an exact rational; larger ones a 512-bit big float; a binary exponent beyond ±2**31
 * overflows to Unknown (big.Float's exponent range) or underflows to 0.
 */
import { bitLength, trailingZeros, bfFromInt, bfExactInt, bfMul, bfQuo, bfPow5 } from "./bigfloat.js";
import { unaryOp } from "./ops.js";
import { Kind, ComplexVal, RatVal, StringVal, MAX_EXP, MAX_BIG_EXP, MIN_BIG_EXP, floatOf, floatOverflow, floatZero, intOf, ratOf, ratZero, intZero, makeUnknown, } from "./value.js";
function digitValue(c) {
    const code = c.charCodeAt(0);
    if (code >= 48 && code <= 57)
        return code - 48;
    if (code >= 97 && code <= 102)
        return code - 87;
    if (code >= 65 && code <= 70)
        return code - 55;
    return 99;
}
/**
 * Scans a run of digits (< maxDigit) and "_" from i. Every "_" must sit between two digits, or
 * right after a base prefix when `prefixBefore`. Returns [end, digits] or null when a "_" is
 * misplaced.
 */
function scanRun(s, i, maxDigit, prefixBefore) {
    let digits = "";
    let prevDigit = prefixBefore;
    let prevUnderscore = false;
    for (; i < s.length; i++) {
        const c = s[i];
        if (c === "_") {
            if (!prevDigit)
                return null;
            prevDigit = false;
            prevUnderscore = true;
            continue;
        }
        if (digitValue(c) >= maxDigit)
            break;
        digits += c;
        prevDigit = true;
        prevUnderscore = false;
    }
    if (prevUnderscore)
        return null;
    return [i, digits];
}
function parseNumeric(lit) {
    let i = 0;
    let base = 10;
    let prefix = false;
    if (lit[0] === "0" && lit.length > 1) {
        const c = lit[1].toLowerCase();
        if (c === "x" || c === "b" || c === "o") {
            base = c === "x" ? 16 : c === "b" ? 2 : 8;
            i = 2;
            prefix = true;
        }
    }
    // Scan with the widest digit set for the base; binary/octal digits are checked below so that
    // "0b12" is rejected rather than cut short.
    const scanBase = base === 16 ? 16 : 10;
    const intRun = scanRun(lit, i, scanBase, prefix);
    if (intRun === null)
        return null;
    i = intRun[0];
    let digits = intRun[1];
    let fracLen = 0;
    let hasDot = false;
    if (lit[i] === ".") {
        if (base !== 10 && base !== 16)
            return null;
        hasDot = true;
        // A "_" may not touch the ".".
        if (lit[i - 1] === "_" || lit[i + 1] === "_")
            return null;
        const fracRun = scanRun(lit, i + 1, scanBase, false);
        if (fracRun === null)
            return null;
        i = fracRun[0];
        digits += fracRun[1];
        fracLen = fracRun[1].length;
    }
    if (digits.length === 0)
        return null;
    let exp = 0;
    let hasExp = false;
    const e = lit[i];
    if ((base === 10 && (e === "e" || e === "E")) || (base === 16 && (e === "p" || e === "P"))) {
        hasExp = true;
        i++;
        let neg = false;
        if (lit[i] === "+" || lit[i] === "-") {
            neg = lit[i] === "-";
            i++;
        }
        const expRun = scanRun(lit, i, 10, false);
        if (expRun === null || expRun[1].length === 0)
            return null;
        i = expRun[0];
        // Exponents beyond 2**53 lose precision but are far outside any representable range.
        exp = Number(expRun[1]);
        if (neg)
            exp = -exp;
    }
    if (i !== lit.length)
        return null;
    if (base === 16 && hasDot && !hasExp)
        return null; // hex mantissa requires a p exponent
    if (base === 2 || base === 8) {
        for (const c of digits)
            if (digitValue(c) >= base)
                return null;
    }
    const leadingZero = base === 10 && !prefix && !hasDot && !hasExp && digits.length > 1 && digits[0] === "0";
    const prefixText = base === 16 ? "0x" : base === 8 ? "0o" : base === 2 ? "0b" : "";
    const mant = BigInt(prefixText + digits);
    const res = { mant, exp2: 0, exp10: 0, isFloat: hasDot || hasExp, leadingZero, digits };
    if (base === 16)
        res.exp2 = exp - 4 * fracLen;
    else
        res.exp10 = exp - fracLen;
    return res;
}
/**
 * The Float value mant * 2**exp2 * 10**exp10 (mant ≥ 0), following math/big's Float.Parse as
 * go/constant uses it: the exponent of mant·2**(exp2+exp10) must fit big.Float's int32 range
 * (else the literal is malformed: Unknown); 5**|exp10| is then applied, and a result beyond the
 * range overflows (Unknown) or underflows to exactly 0. Values with a binary exponent below
 * 4096 in magnitude are exact rationals.
 */
function floatFromParts(mant, exp2, exp10) {
    if (mant === 0n)
        return ratZero;
    const e2 = bitLength(mant) + exp2 + exp10;
    if (!(e2 >= MIN_BIG_EXP && e2 <= MAX_BIG_EXP))
        return makeUnknown(); // also catches NaN/±Inf
    if (exp10 === 0) {
        if (e2 > -MAX_EXP && e2 < MAX_EXP) {
            return exp2 >= 0 ? ratOf(mant << BigInt(exp2), 1n, true) : scaledRat(mant, -exp2, 0);
        }
        const f = bfFromInt(mant);
        return bigLiteral({ mant: f.mant, exp: f.exp + exp2 });
    }
    // Decimal: estimate the binary exponent first, so huge exponents never build huge integers.
    const est = bitLength(mant) + exp10 * Math.log2(10);
    if (est > MAX_BIG_EXP + 8)
        return makeUnknown();
    if (est < MIN_BIG_EXP - 8)
        return ratZero;
    if (est > -MAX_EXP - 8 && est < MAX_EXP + 8) {
        let num = mant;
        let den = 1n;
        if (exp10 > 0)
            num *= 10n ** BigInt(exp10);
        else
            den = 10n ** BigInt(-exp10);
        // Binary exponent e of num/den with 2**(e-1) ≤ num/den < 2**e (as big.Float.MantExp).
        let top = bitLength(num) - bitLength(den);
        if (num >= (top >= 0 ? den << BigInt(top) : den >> BigInt(-top)))
            top++;
        if (top > -MAX_EXP && top < MAX_EXP)
            return exp10 > 0 ? ratOf(num, 1n, true) : scaledRat(mant, -exp10, -exp10);
    }
    // As math/big's Float.Parse: the exact mantissa times 2**exp10, times or divided by a
    // 576-bit 5**|exp10|, rounded once to 512 bits.
    const m = bfExactInt(mant);
    const p = bfPow5(Math.abs(exp10));
    const r = exp10 > 0 ? bfMul(m, p) : bfQuo(m, p);
    return bigLiteral({ mant: r.mant, exp: r.exp + exp10 });
}
/**
 * The exact rational m / (2**k2 · 5**k5) (m ≥ 0) in lowest terms. The denominator has only the
 * prime factors 2 and 5, so reducing needs no general gcd — which would be quadratic for a
 * literal with thousands of digits.
 */
function scaledRat(m, k2, k5) {
    if (m === 0n)
        return ratZero;
    const t2 = Math.min(trailingZeros(m), k2);
    if (t2 > 0) {
        m >>= BigInt(t2);
        k2 -= t2;
    }
    while (k5 > 0 && m % 5n === 0n) {
        m /= 5n;
        k5--;
    }
    return new RatVal(m, (1n << BigInt(k2)) * 5n ** BigInt(k5));
}
/** A literal's big-float value; beyond big.Float's exponent range, overflow is a malformed
 *  constant (Unknown) and underflow is exactly 0 (a rational, as go/constant parses "0"). */
function bigLiteral(f) {
    const v = floatOf(f);
    if (v === floatOverflow)
        return makeUnknown();
    return v === floatZero ? ratZero : v;
}
const plainDecimal = /^(?:0|[1-9][0-9]{0,14})$/;
const plainFloat = /^([0-9]{1,15})\.([0-9]{0,15})$/;
function makeNumber(lit, kind) {
    // A leading sign is not Go literal syntax, but go/constant's MakeFromLiteral accepts one
    // (it parses with strconv/math/big), and so do we.
    const s0 = lit[0];
    if ((s0 === "-" || s0 === "+") && lit[1] !== "-" && lit[1] !== "+") {
        const v = makeNumber(lit.slice(1), kind);
        return s0 === "-" ? unaryOp("-", v) : v;
    }
    // Common cases first: short decimal integers and d.ddd floats.
    if (kind === "INT" && plainDecimal.test(lit))
        return intOf(BigInt(lit));
    if (kind === "FLOAT") {
        const m = plainFloat.exec(lit);
        if (m !== null)
            return scaledRat(BigInt(m[1] + m[2]), m[2].length, m[2].length);
    }
    const n = parseNumeric(lit);
    if (n === null)
        return makeUnknown();
    if (kind === "INT") {
        if (n.isFloat)
            return makeUnknown();
        if (n.leadingZero) {
            // Legacy octal: 0755.
            for (const c of n.digits)
                if (c > "7")
                    return makeUnknown();
            return intOf(BigInt("0o" + n.digits));
        }
        return intOf(n.mant);
    }
    return floatFromParts(n.mant, n.exp2, n.exp10);
}
/**
 * The value of the Go literal `lit` of token kind `kind`: an Int for INT and CHAR, a Float for
 * FLOAT, a Complex 0+xi for IMAG, a String for STRING. Malformed literals give Unknown.
 * FLOAT also accepts integer spellings, and IMAG's mantissa is decimal even with a leading 0
 * ("0123i" == 123i), as the spec says. Numbers may carry a leading sign, as go/constant allows.
 */
export function makeFromLiteral(lit, kind) {
    switch (kind) {
        case "INT":
            return makeNumber(lit, "INT");
        case "FLOAT":
            return makeNumber(lit, "FLOAT");
        case "IMAG": {
            if (!lit.endsWith("i"))
                return makeUnknown();
            const im = makeNumber(lit.slice(0, -1), "FLOAT");
            if (im.kind === Kind.Unknown)
                return im;
            return new ComplexVal(intZero, im);
        }
        case "CHAR": {
            const r = unquoteChar(lit);
            return r === null ? makeUnknown() : intOf(BigInt(r));
        }
        case "STRING": {
            const s = unquote(lit);
            return s === null ? makeUnknown() : new StringVal(s);
        }
    }
}
// ---------------------------------------------------------------------------------------------
// Escapes
function utf8Bytes(cp) {
    if (cp < 0x80)
        return String.fromCharCode(cp);
    if (cp < 0x800)
        return String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    if (cp < 0x10000) {
        return String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    }
    return String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}
function hexRun(s, i, n) {
    if (i + n > s.length)
        return null;
    let v = 0;
    for (let k = 0; k < n; k++) {
        const d = digitValue(s[i + k]);
        if (d >= 16)
            return null;
        v = v * 16 + d;
    }
    return v;
}
/**
 * Decodes one character or escape of a quoted literal body at s[i] (quote is the delimiter,
 * ' or "). Returns [value, isByte, next index] — isByte for \x and octal escapes, whose value
 * is a byte rather than a code point — or null if malformed.
 */
function decodeChar(s, i, quote) {
    const c = s.codePointAt(i);
    if (c !== 0x5c) {
        if (c === 0x0a || String.fromCodePoint(c) === quote)
            return null;
        if (c >= 0xd800 && c < 0xe000)
            return null; // lone surrogate: not valid source text
        return [c, false, i + (c > 0xffff ? 2 : 1)];
    }
    const e = s[i + 1];
    if (e === undefined)
        return null;
    switch (e) {
        case "a":
            return [7, false, i + 2];
        case "b":
            return [8, false, i + 2];
        case "f":
            return [12, false, i + 2];
        case "n":
            return [10, false, i + 2];
        case "r":
            return [13, false, i + 2];
        case "t":
            return [9, false, i + 2];
        case "v":
            return [11, false, i + 2];
        case "\\":
            return [0x5c, false, i + 2];
        case "'":
        case '"':
            return e === quote ? [e.charCodeAt(0), false, i + 2] : null;
        case "x": {
            const v = hexRun(s, i + 2, 2);
            return v === null ? null : [v, true, i + 4];
        }
        case "u":
        case "U": {
            const n = e === "u" ? 4 : 8;
            const v = hexRun(s, i + 2, n);
            if (v === null || v > 0x10ffff || (v >= 0xd800 && v < 0xe000))
                return null;
            return [v, false, i + 2 + n];
        }
        default: {
            if (e >= "0" && e <= "7") {
                let v = 0;
                for (let k = 1; k <= 3; k++) {
                    const d = s[i + k];
                    if (d === undefined || d < "0" || d > "7")
                        return null;
                    v = v * 8 + (d.charCodeAt(0) - 48);
                }
                return v > 255 ? null : [v, true, i + 4];
            }
            return null;
        }
    }
}
/**
 * The bytes of a Go string literal (interpreted "..." or raw `...`), as a byte string (one JS
 * char per byte); null if malformed. Raw strings drop carriage returns, as the spec says.
 */
export function unquote(lit) {
    const n = lit.length;
    if (n < 2)
        return null;
    const q = lit[0];
    if (q !== lit[n - 1])
        return null;
    if (q === "`") {
        const body = lit.slice(1, n - 1);
        if (body.includes("`"))
            return null;
        let out = "";
        for (const ch of body.replace(/\r/g, "")) {
            const cp = ch.codePointAt(0);
            if (cp >= 0xd800 && cp < 0xe000)
                return null;
            out += utf8Bytes(cp);
        }
        return out;
    }
    if (q !== '"')
        return null;
    let out = "";
    for (let i = 1; i < n - 1;) {
        const r = decodeChar(lit, i, '"');
        if (r === null)
            return null;
        out += r[1] ? String.fromCharCode(r[0]) : utf8Bytes(r[0]);
        i = r[2];
    }
    return out;
}
/** The value of a Go rune literal ('a', '\n', '\x80', '\u12e4', ...); null if malformed. */
export function unquoteChar(lit) {
    const n = lit.length;
    if (n < 3 || lit[0] !== "'" || lit[n - 1] !== "'")
        return null;
    const r = decodeChar(lit, 1, "'");
    if (r === null || r[2] !== n - 1)
        return null;
    return r[0];
}
