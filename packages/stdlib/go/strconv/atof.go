// gort standard library: package strconv (ParseFloat).
//
// Parsing reads the syntax into a decimal (or hexadecimal) significand and
// an exponent, then converts exactly:
//
//   - fast path (Clinger 1990): a significand below 2^53 (2^24 for
//     float32) scaled by at most 10^22 (10^10) is one correctly rounded
//     IEEE multiplication or division of two exact values;
//   - otherwise the significand (up to 800 digits; any further non-zero
//     digit only sets a sticky bit, enough since no halfway case needs more
//     than 767 digits) becomes a big integer N, and the value N * 10^e is
//     reduced to a 64-bit window plus sticky bit: by multiplying for e >= 0,
//     by a binary long division N * 2^s / 10^-e for e < 0;
//   - roundBits rounds that window to the target format, half to even,
//     including subnormals and overflow.
package strconv

import (
	"internal/numdigits"
	"math"
)

// floatFormat describes an IEEE binary format.
type floatFormat struct {
	mantBits uint // stored fraction bits
	expBits  uint
	minExp   int // exponent of the smallest normal number (value 2^minExp)
	maxExp   int // exponent of the largest finite numbers
}

var (
	float64Format = floatFormat{52, 11, -1022, 1023}
	float32Format = floatFormat{23, 8, -126, 127}
)

// roundBits rounds (mant + sticky*ε) * 2^exp2 to the format and returns
// the IEEE bits without the sign, and whether the result overflowed (the
// bits are then those of infinity).
func roundBits(mant uint64, exp2 int, sticky bool, f floatFormat) (uint64, bool) {
	inf := uint64(1<<f.expBits-1) << f.mantBits
	if mant == 0 {
		return 0, false
	}
	// Normalise: top bit at 63, so the value lies in [2^E, 2^(E+1)).
	for mant&(1<<63) == 0 {
		mant <<= 1
		exp2--
	}
	E := exp2 + 63
	if E > f.maxExp {
		return inf, true
	}
	keep := int(f.mantBits) + 1 // significant bits the result can hold
	if E < f.minExp {
		keep -= f.minExp - E // a subnormal holds fewer
		if keep < 0 {
			return 0, false // below half the smallest subnormal
		}
	}
	drop := uint(64 - keep)
	q := mant >> drop // a shift by 64 yields 0 in Go
	rest := mant & (1<<drop - 1)
	half := uint64(1) << (drop - 1)
	if rest > half || (rest == half && (sticky || q&1 == 1)) {
		q++
	}
	if E < f.minExp {
		// Subnormal: the bits are q itself; a carry into bit mantBits
		// produces the smallest normal number's encoding by itself.
		return q, false
	}
	if q == 1<<(f.mantBits+1) {
		q >>= 1
		E++
		if E > f.maxExp {
			return inf, true
		}
	}
	bias := 1<<(f.expBits-1) - 1
	return uint64(E+bias)<<f.mantBits | q&(1<<f.mantBits-1), false
}

// decimalNumber is the parsed form of a decimal literal: value =
// 0.d1d2...dnd * 10^dp. The first (up to 19) significant digits are kept
// as the integer man; only a longer literal also keeps its digits in d
// (at most maxDigits, with trunc set when non-zero digits were dropped).
type decimalNumber struct {
	man   uint64 // the first min(nd, 19) significant digits
	d     []byte // all kept digits, only when nd > 19
	nd    int    // significant digits (leading zeros excluded)
	dp    int
	neg   bool
	trunc bool
}

const maxDigits = 800

// decimalToBits converts a parsed decimal exactly.
func decimalToBits(num *decimalNumber, f floatFormat) (uint64, bool) {
	if num.nd > 19 {
		// Drop trailing zeros: they only shift the exponent.
		for len(num.d) > 0 && num.d[len(num.d)-1] == '0' {
			num.d = num.d[:len(num.d)-1]
		}
		num.nd = len(num.d)
		if num.nd <= 19 { // only zeros followed the first digits
			num.man = 0
			for _, c := range num.d {
				num.man = num.man*10 + uint64(c-'0')
			}
		}
	}
	if num.nd == 0 || (num.nd <= 19 && num.man == 0) {
		return 0, false
	}
	if num.dp > 310 {
		return uint64(1<<f.expBits-1) << f.mantBits, true
	}
	if num.dp < -330 {
		return 0, false
	}
	k := num.nd // digits in man
	if k > 19 {
		k = 19
	}
	m := num.man
	truncated := num.trunc || num.nd > 19
	// Fast path: exact operands, one rounding.
	e10 := num.dp - k // value = m * 10^e10 when not truncated
	if !truncated {
		if f.mantBits == 52 && m < 1<<53 && -22 <= e10 && e10 <= 22 {
			x := float64(m)
			if e10 >= 0 {
				x *= pow10f64[e10]
			} else {
				x /= pow10f64[-e10]
			}
			return math.Float64bits(x), false
		}
		if f.mantBits == 23 && m < 1<<24 && -10 <= e10 && e10 <= 10 {
			x := float32(m)
			if e10 >= 0 {
				x *= pow10f32[e10]
			} else {
				x /= pow10f32[-e10]
			}
			return uint64(math.Float32bits(x)), false
		}
	}
	// Eisel-Lemire on the first 19 digits; with more digits the answer
	// holds only if rounding the significand up gives the same float.
	if b, ok := eiselLemire(m, e10, f); ok {
		if !truncated {
			return b, false
		}
		if b2, ok := eiselLemire(m+1, e10, f); ok && b2 == b {
			return b, false
		}
	}
	var n nat
	if num.nd <= 19 {
		n = nat{uint32(m), uint32(m >> 32)}.norm()
	} else {
		for _, c := range num.d {
			n = n.mulAdd(10, uint32(c-'0'))
		}
		e10 = num.dp - len(num.d)
	}
	var mant uint64
	var exp2 int
	var sticky bool
	if e10 >= 0 {
		n = n.mulPow(10, e10)
		mant, exp2, sticky = n.top64()
	} else {
		// value = n / den = q * 2^-s with q in [2^63, 2^64): first aim
		// for a quotient with 63 or 64 bits, then double once if short.
		den := nat{1}.mulPow(10, -e10)
		s := den.bitLen() - n.bitLen() + 63
		divide := func(s int) (uint64, bool) {
			if s >= 0 {
				return quoRem(n.shl(s), den)
			}
			return quoRem(n, den.shl(-s))
		}
		q, inexact := divide(s)
		if q < 1<<63 {
			s++
			q, inexact = divide(s)
		}
		mant, exp2, sticky = q, -s, inexact
	}
	return roundBits(mant, exp2, sticky || num.trunc, f)
}

var pow10f64 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

var pow10f32 = [...]float32{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10}

func lower(c byte) byte { return c | 0x20 }

// prefixFold returns how many leading bytes of s match word, ignoring
// ASCII case.
func prefixFold(s, word string) int {
	n := 0
	for n < len(s) && n < len(word) && lower(s[n]) == word[n] {
		n++
	}
	return n
}

// special parses "inf", "infinity" (with optional sign) and "nan" at the
// start of s, returning the value and the bytes consumed.
func special(s string) (f float64, n int, ok bool) {
	if s == "" {
		return
	}
	sign, signLen := 1, 0
	body := s
	if s[0] == '+' || s[0] == '-' {
		if s[0] == '-' {
			sign = -1
		}
		signLen = 1
		body = s[1:]
	}
	if k := prefixFold(body, "infinity"); k >= 3 {
		if k != 8 {
			k = 3 // "inf" followed by a partial "inity" stops after "inf"
		}
		return math.Inf(sign), signLen + k, true
	}
	if signLen == 0 && prefixFold(body, "nan") == 3 {
		return math.NaN(), 3, true
	}
	return
}

// readFloat scans a decimal or hexadecimal literal at the start of s.
// For hex, mant holds up to 16 significant hex digits and exp is the binary
// exponent of mant's last digit; for decimal, dec holds the digits.
func readFloat(s string, dec *decimalNumber) (mant uint64, exp int, hex, trunc bool, n int, ok bool) {
	i := 0
	underscores := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		dec.neg = s[i] == '-'
		i++
	}
	base := 10
	if i+2 < len(s) && s[i] == '0' && lower(s[i+1]) == 'x' {
		base = 16
		hex = true
		i += 2
	}
	sawDot, sawDigits := false, false
	nd, ndMant, dp := 0, 0, 0
scan:
	for ; i < len(s); i++ {
		c := s[i]
		var v int
		switch {
		case c == '_':
			underscores = true
			continue
		case c == '.':
			if sawDot {
				break scan
			}
			sawDot = true
			dp = nd
			continue
		case '0' <= c && c <= '9':
			v = int(c - '0')
		case base == 16 && 'a' <= lower(c) && lower(c) <= 'f':
			v = int(lower(c)-'a') + 10
		default:
			break scan
		}
		sawDigits = true
		if v == 0 && nd == 0 {
			dp-- // leading zero: only moves the point
			continue
		}
		nd++
		if hex {
			if ndMant < 16 {
				mant = mant*16 + uint64(v)
				ndMant++
			} else if v != 0 {
				trunc = true
			}
		} else {
			switch {
			case nd <= 19:
				dec.man = dec.man*10 + uint64(v)
			case nd == 20:
				// From the 20th digit on the digits themselves are kept.
				dec.d = AppendUint(make([]byte, 0, 40), dec.man, 10)
				dec.d = append(dec.d, c)
			case len(dec.d) < maxDigits:
				dec.d = append(dec.d, c)
			case v != 0:
				dec.trunc = true
			}
		}
	}
	if !sawDigits {
		return
	}
	if !sawDot {
		dp = nd
	}
	expChar := byte('e')
	if hex {
		expChar = 'p'
	}
	e := 0
	if i < len(s) && lower(s[i]) == expChar {
		i++
		if i >= len(s) {
			return
		}
		esign := 1
		if s[i] == '+' {
			i++
		} else if s[i] == '-' {
			i++
			esign = -1
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return
		}
		for ; i < len(s) && ('0' <= s[i] && s[i] <= '9' || s[i] == '_'); i++ {
			if s[i] == '_' {
				underscores = true
				continue
			}
			if e < 10000 {
				e = e*10 + int(s[i]-'0')
			}
		}
		e *= esign
	} else if hex {
		return // a hex mantissa needs a 'p' exponent
	}
	if underscores && !underscoreOK(s[:i]) {
		return
	}
	if hex {
		// value = mant * 16^(dp - ndMant) * 2^e
		exp = 4*(dp-ndMant) + e
	} else {
		dec.nd = nd
		dec.dp = dp + e
	}
	return mant, exp, hex, trunc, i, true
}

// parseFloatPrefix parses the longest float literal at the start of s.
func parseFloatPrefix(s string, bitSize int) (float64, int, error) {
	if f, n, ok := special(s); ok {
		if bitSize == 32 {
			f = float64(float32(f)) // a float32 NaN widens to Go's quiet NaN bits
		}
		return f, n, nil
	}
	var dec decimalNumber
	mant, exp, hex, trunc, n, ok := readFloat(s, &dec)
	if !ok {
		return 0, n, syntaxError(fnParseFloat, s)
	}
	f := float64Format
	if bitSize == 32 {
		f = float32Format
	}
	var b uint64
	var overflow bool
	if hex {
		b, overflow = roundBits(mant, exp, trunc, f)
	} else {
		b, overflow = decimalToBits(&dec, f)
	}
	var x float64
	if bitSize == 32 {
		x = float64(math.Float32frombits(uint32(b)))
	} else {
		x = math.Float64frombits(b)
	}
	if dec.neg {
		x = -x
	}
	if overflow {
		return x, n, rangeError(fnParseFloat, s)
	}
	return x, n, nil
}

// ParseFloat converts s to a floating-point number of the given precision
// (32 or 64; other sizes mean 64), correctly rounded (IEEE round half to
// even). It accepts Go's decimal and hexadecimal float syntax with
// underscores between digits, and "inf", "+Inf", "infinity", "NaN" in any
// case. Out-of-range values give ±Inf and an ErrRange *NumError; malformed
// ones 0 and ErrSyntax.
func ParseFloat(s string, bitSize int) (float64, error) {
	if bitSize == 64 {
		// plain decimals ("-12.5e3") from the host's correctly rounded parser
		if f, ok := numdigits.ParseDecimal(s); ok {
			return f, nil
		}
	}
	f, n, err := parseFloatPrefix(s, bitSize)
	if n != len(s) && (err == nil || err.(*NumError).Err != ErrSyntax) {
		return 0, syntaxError(fnParseFloat, s)
	}
	return f, err
}
