/**
 * Printing constants exactly as Go does: go/constant's String/ExactString for floats, fmt's
 * "%.6g" (with strconv's exact, round-half-even decimal conversion), big.Float's 'p' format,
 * and strconv.Quote/QuoteRune for strings and runes.
 *
 * Nothing here depends on value.ts (value.ts depends on this file).
 */
import { bitLength, bfMantExp, bfToFloat, float64ToRat } from "./bigfloat.js";
const LOG10_2 = 0.30102999566398119521; // log10(2) rounded to float64, as Go's Ln2/Ln10
/**
 * Rounds the positive rational n/d to `prec` significant decimal digits, half to even on the
 * exact value. Returns the digits without trailing zeros and the decimal point position dp
 * (value ≈ 0.DIGITS × 10**dp), like strconv's decimal type.
 */
export function decimalDigits(n, d, prec) {
    // First estimate of floor(log10(n/d)); corrected below.
    let e10 = Math.floor((bitLength(n) - bitLength(d)) * LOG10_2);
    const lo = 10n ** BigInt(prec - 1);
    const hi = lo * 10n;
    for (;;) {
        const s = prec - 1 - e10;
        let num = n;
        let den = d;
        if (s >= 0)
            num *= 10n ** BigInt(s);
        else
            den *= 10n ** BigInt(-s);
        let q = num / den;
        if (q < lo) {
            e10--;
            continue;
        }
        if (q >= hi) {
            e10++;
            continue;
        }
        const r2 = (num - q * den) * 2n;
        if (r2 > den || (r2 === den && (q & 1n) === 1n))
            q += 1n;
        if (q === hi) {
            q = lo;
            e10++;
        }
        const digits = q.toString().replace(/0+$/, "");
        return { digits, dp: e10 + 1 };
    }
}
/** fmt.Sprintf("%.<prec>g", x) for a finite float64 x, as Go prints it. */
export function formatG(x, prec = 6) {
    if (x === 0)
        return Object.is(x, -0) ? "-0" : "0";
    const neg = x < 0;
    const [n, d] = float64ToRat(neg ? -x : x);
    const { digits, dp } = decimalDigits(n, d, prec);
    const nd = digits.length;
    let eprec = prec;
    if (eprec > nd && nd >= dp)
        eprec = nd;
    const exp = dp - 1;
    let out;
    if (exp < -4 || exp >= eprec) {
        // %e with min(prec, nd) - 1 fraction digits.
        const p = Math.min(prec, nd) - 1;
        out = digits[0];
        if (p > 0)
            out += "." + digits.slice(1, 1 + p);
        const ae = Math.abs(exp);
        out += (exp < 0 ? "e-" : "e+") + (ae < 10 ? "0" : "") + ae;
    }
    else {
        // %f with max(nd - dp, 0) fraction digits.
        const p = Math.max(nd - dp, 0);
        out = dp > 0 ? digits.slice(0, dp).padEnd(dp, "0") : "0";
        if (p > 0) {
            let frac = "";
            for (let i = 0; i < p; i++) {
                const j = dp + i;
                frac += j >= 0 && j < nd ? digits[j] : "0";
            }
            out += "." + frac;
        }
    }
    return neg ? "-" + out : out;
}
/**
 * go/constant's String() for a Float: "%.6g" of the nearest float64 when that is finite and
 * zero exactly when the value is; otherwise an approximate "<%.6g mantissa>e<±exp>" computed
 * from the big float (obtained lazily through `big`).
 */
export function formatFloatShort(f64, isZero, big) {
    if (Number.isFinite(f64) && (f64 === 0) === isZero)
        return formatG(f64 === 0 ? 0 : f64);
    const f = big();
    const exp = bfMantExp(f); // f = mant * 2**exp, 0.5 ≤ |mant| < 1
    let m = bfToFloat({ mant: f.mant, exp: f.exp - exp });
    const d = exp * LOG10_2;
    let e = Math.trunc(d);
    m *= Math.pow(10, d - e);
    const am = Math.abs(m);
    if (am < 1 - 0.5e-6) {
        m *= 10;
        e--;
    }
    else if (am >= 10) {
        m /= 10;
        e++;
    }
    return `${formatG(m)}e${e >= 0 ? "+" : ""}${e}`;
}
/** big.Float.Text('p', 0): "-0x.<hex mantissa>p±<binary exponent>", mantissa in [0.5, 1). */
export function formatFloatExact(f) {
    if (f.mant === 0n)
        return "0";
    const neg = f.mant < 0n;
    const mag = neg ? -f.mant : f.mant;
    const len = bitLength(mag);
    const pad = (4 - (len % 4)) % 4;
    const hex = (mag << BigInt(pad)).toString(16).replace(/0+$/, "");
    const exp = len + f.exp;
    return `${neg ? "-" : ""}0x.${hex}p${exp >= 0 ? "+" : ""}${exp}`;
}
// ---------------------------------------------------------------------------------------------
// strconv.Quote
const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space. */
export function isPrint(r) {
    if (r < 0x80)
        return r >= 0x20 && r < 0x7f;
    if (r > 0x10ffff || (r >= 0xd800 && r < 0xe000))
        return false;
    return printable.test(String.fromCodePoint(r));
}
/**
 * Decodes one UTF-8 sequence from the byte string s at i as Go's utf8.DecodeRuneInString:
 * returns [rune, width]; an invalid encoding gives [0xFFFD, 1].
 */
export function decodeRune(s, i) {
    const b0 = s.charCodeAt(i);
    if (b0 < 0x80)
        return [b0, 1];
    const n = s.length - i;
    const cont = (k) => {
        const b = s.charCodeAt(i + k);
        return b >= 0x80 && b < 0xc0 ? b & 0x3f : -1;
    };
    if (b0 >= 0xc2 && b0 < 0xe0 && n >= 2) {
        const c1 = cont(1);
        if (c1 >= 0)
            return [((b0 & 0x1f) << 6) | c1, 2];
    }
    else if (b0 >= 0xe0 && b0 < 0xf0 && n >= 3) {
        const c1 = cont(1);
        const c2 = cont(2);
        if (c1 >= 0 && c2 >= 0) {
            const r = ((b0 & 0x0f) << 12) | (c1 << 6) | c2;
            if (r >= 0x800 && !(r >= 0xd800 && r < 0xe000))
                return [r, 3];
        }
    }
    else if (b0 >= 0xf0 && b0 < 0xf5 && n >= 4) {
        const c1 = cont(1);
        const c2 = cont(2);
        const c3 = cont(3);
        if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
            const r = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
            if (r >= 0x10000 && r <= 0x10ffff)
                return [r, 4];
        }
    }
    return [0xfffd, 1];
}
const hexDigits = "0123456789abcdef";
function escapeRune(r, quote) {
    if (r === quote || r === 0x5c)
        return "\\" + String.fromCharCode(r);
    if (isPrint(r))
        return String.fromCodePoint(r);
    switch (r) {
        case 7:
            return "\\a";
        case 8:
            return "\\b";
        case 12:
            return "\\f";
        case 10:
            return "\\n";
        case 13:
            return "\\r";
        case 9:
            return "\\t";
        case 11:
            return "\\v";
    }
    if (r < 0x20 || r === 0x7f)
        return "\\x" + hexDigits[r >> 4] + hexDigits[r & 15];
    if (r > 0x10ffff || (r >= 0xd800 && r < 0xe000))
        r = 0xfffd;
    if (r < 0x10000)
        return "\\u" + r.toString(16).padStart(4, "0");
    return "\\U" + r.toString(16).padStart(8, "0");
}
/**
 * strconv.Quote of a Go string given as a byte string (one JS char per byte): a double-quoted
 * Go literal, as JavaScript text. Invalid UTF-8 bytes print as \xNN.
 */
export function quoteGo(bytes) {
    let out = '"';
    for (let i = 0; i < bytes.length;) {
        const [r, w] = decodeRune(bytes, i);
        if (w === 1 && r === 0xfffd) {
            const b = bytes.charCodeAt(i);
            out += "\\x" + hexDigits[b >> 4] + hexDigits[b & 15];
        }
        else {
            out += escapeRune(r, 0x22);
        }
        i += w;
    }
    return out + '"';
}
/** strconv.QuoteRune(r): 'a', '\n', '\'', '\u00a0', invalid runes as '�'. */
export function quoteRune(r) {
    if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r < 0xe000))
        r = 0xfffd;
    return "'" + escapeRune(r, 0x27) + "'";
}
/** go/constant's String() shortening of a quoted string: at most 72 runes, "..." at the end. */
export function abbreviateQuoted(q) {
    const maxLen = 72;
    const cps = Array.from(q);
    if (cps.length <= maxLen)
        return q;
    return cps.slice(0, maxLen - 3).join("") + "...";
}
