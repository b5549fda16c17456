// gort standard library: package strconv (FormatFloat).
//
// Digits come from exact integer arithmetic (nat.go):
//
//   - fixed precision: the float's exact decimal expansion (mant * 2^e is
//     mant << e, or mant * 5^-e with the point moved -e places) rounded
//     half to even at the requested digit, which is what a correctly
//     rounded conversion means;
//   - shortest (precision < 0): Steele & White / Burger & Dybvig digit
//     generation over exact rationals with the float's rounding interval,
//     whose ends are included when the significand is even (the reader
//     rounds half to even). Among the shortest candidates it takes the one
//     nearest the exact value, ties going to the even digit.
//
// The layout rules for 'e', 'f', 'g', 'b' and 'x' follow Go's documented
// output (and its choice of %e versus %f for 'g').
package strconv

import (
	"internal/numdigits"
	"math"
)

// FormatFloat converts f to a string in format fmt ('b', 'e', 'E', 'f',
// 'g', 'G', 'x', 'X') with precision prec (-1: the fewest digits that read
// back exactly), assuming f came from a float of bitSize bits (32 or 64).
func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	return string(appendFloat(make([]byte, 0, 24), f, fmt, prec, bitSize))
}

// AppendFloat appends FormatFloat(f, fmt, prec, bitSize) to dst.
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return appendFloat(dst, f, fmt, prec, bitSize)
}

// digitSet is a decimal significand: value = 0.d[0]d[1]...d[nd-1] * 10^dp,
// with no trailing zeros (nd == 0 and dp == 0 for zero).
type digitSet struct {
	d  []byte
	nd int
	dp int
}

func appendFloat(dst []byte, val float64, fmt byte, prec, bitSize int) []byte {
	var bitsv uint64
	var f floatFormat
	switch bitSize {
	case 32:
		bitsv = uint64(math.Float32bits(float32(val)))
		f = float32Format
	case 64:
		bitsv = math.Float64bits(val)
		f = float64Format
	default:
		panic("strconv: illegal AppendFloat/FormatFloat bitSize")
	}
	neg := bitsv>>(f.expBits+f.mantBits) != 0
	biased := int(bitsv>>f.mantBits) & (1<<f.expBits - 1)
	mant := bitsv & (1<<f.mantBits - 1)
	bias := 1<<(f.expBits-1) - 1
	switch biased {
	case 1<<f.expBits - 1:
		switch {
		case mant != 0:
			return append(dst, "NaN"...)
		case neg:
			return append(dst, "-Inf"...)
		}
		return append(dst, "+Inf"...)
	case 0:
		biased = 1 // subnormal: same scale as the smallest normal
	default:
		mant |= 1 << f.mantBits
	}
	exp := biased - bias // value = mant * 2^(exp - mantBits)

	switch fmt {
	case 'b':
		return formatB(dst, neg, mant, exp-int(f.mantBits))
	case 'x', 'X':
		return formatX(dst, neg, mant, exp, prec, fmt, f)
	}

	var ds digitSet
	shortest := prec < 0
	if shortest {
		if bitSize == 64 && mant != 0 {
			ds = shortest64(bitsv)
		} else {
			ds = shortestDigits(mant, exp-int(f.mantBits), mant == 1<<f.mantBits && biased > 1, mant&1 == 0)
		}
		switch fmt {
		case 'e', 'E':
			prec = max(ds.nd-1, 0)
		case 'f':
			prec = max(ds.nd-ds.dp, 0)
		case 'g', 'G':
			prec = ds.nd
		}
	} else {
		if (fmt == 'g' || fmt == 'G') && prec == 0 {
			prec = 1
		}
		fast := false
		if bitSize == 64 && bitsv>>52&0x7FF != 0 { // normal numbers only
			var d [17]byte
			if r := numdigits.Fixed64(bitsv, fmt, prec, &d); r >= 0 {
				ds, fast = unpackDigits(&d, r), true
			} else if r == -2 { // no native: decide here
				ds, fast = fixedFromShortest(bitsv, fmt, prec)
			}
		}
		if !fast {
			ds = exactDigits(mant, exp-int(f.mantBits))
			switch fmt {
			case 'e', 'E':
				ds.round(prec + 1)
			case 'f':
				ds.round(ds.dp + prec)
			case 'g', 'G':
				ds.round(prec)
			}
		}
	}
	switch fmt {
	case 'e', 'E':
		return formatE(dst, neg, &ds, prec, fmt)
	case 'f':
		return formatF(dst, neg, &ds, prec)
	case 'g', 'G':
		limit := prec // exponent at which %e takes over
		if limit > ds.nd && ds.nd >= ds.dp {
			limit = ds.nd
		}
		if shortest {
			limit = 6
		}
		if x := ds.dp - 1; x < -4 || x >= limit {
			if prec > ds.nd {
				prec = ds.nd
			}
			return formatE(dst, neg, &ds, prec-1, fmt+'e'-'g')
		}
		if prec > ds.dp {
			prec = ds.nd
		}
		return formatF(dst, neg, &ds, max(prec-ds.dp, 0))
	}
	return append(dst, '%', fmt)
}

// shortest64 returns the shortest digits of a finite, non-zero float64: the
// host's (internal/numdigits) when it provides them, else Ryū's.
func shortest64(bitsv uint64) digitSet {
	var d [17]byte
	if r := numdigits.Shortest64(bitsv, &d); r >= 0 {
		return unpackDigits(&d, r)
	}
	return ryuShortest64(int(bitsv>>52&0x7FF), bitsv&(1<<52-1))
}

// unpackDigits turns a packed internal/numdigits result into a digitSet.
func unpackDigits(d *[17]byte, r int) digitSet {
	nd := r & 0xff
	return digitSet{d: append([]byte(nil), d[:nd]...), nd: nd, dp: r>>8 - 1024}
}

// fixedFromShortest derives a fixed-precision result for a normal (not
// subnormal) float64 from its shortest digits S (Ryū) when that is provably the same
// as rounding the exact value: S is within half an ulp of the value, which
// is less than 12 units of S's 17th significant digit, so when the digits
// S would drop at the requested position are farther than 12 units from
// the halfway point, rounding S and rounding the exact value agree. It
// reports false (use the exact expansion) otherwise, and for 17 or more
// requested digits.
func fixedFromShortest(bitsv uint64, fmt byte, prec int) (digitSet, bool) {
	s := ryuShortest64(int(bitsv>>52&0x7FF), bitsv&(1<<52-1))
	var want int // significant digits requested
	switch fmt {
	case 'e', 'E':
		want = prec + 1
	case 'f':
		want = s.dp + prec
	case 'g', 'G':
		want = prec
	default:
		return digitSet{}, false
	}
	if want <= 0 || want >= 17 {
		return digitSet{}, false
	}
	var s17 uint64 // S as a 17-digit integer
	for i := 0; i < 17; i++ {
		s17 *= 10
		if i < s.nd {
			s17 += uint64(s.d[i] - '0')
		}
	}
	unit := uint64(1)
	for i := want; i < 17; i++ {
		unit *= 10
	}
	tail, half := s17%unit, unit/2
	dist := tail - half
	if tail < half {
		dist = half - tail
	}
	if dist <= 12 {
		return digitSet{}, false // too close to a halfway point to trust
	}
	q := s17 / unit
	if tail > half {
		q++
	}
	dp := s.dp
	if q == pow10u64(want) { // carried into a new digit
		q /= 10
		dp++
	}
	var buf [17]byte
	n := len(buf)
	for i := 0; i < want; i++ {
		n--
		buf[n] = byte('0' + q%10)
		q /= 10
	}
	ds := digitSet{d: append([]byte(nil), buf[n:]...), nd: want, dp: dp}
	ds.trim()
	return ds, true
}

func pow10u64(n int) uint64 {
	p := uint64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// exactDigits returns the exact decimal expansion of mant * 2^e.
func exactDigits(mant uint64, e int) digitSet {
	if mant == 0 {
		return digitSet{}
	}
	n := nat{uint32(mant), uint32(mant >> 32)}.norm()
	point := 0 // digits after the decimal point in n's expansion
	if e >= 0 {
		n = n.shl(e)
	} else {
		n = n.mulPow(5, -e)
		point = -e
	}
	d := n.decimalDigits(nil)
	ds := digitSet{d: d, nd: len(d), dp: len(d) - point}
	ds.trim()
	return ds
}

func (ds *digitSet) trim() {
	for ds.nd > 0 && ds.d[ds.nd-1] == '0' {
		ds.nd--
	}
	if ds.nd == 0 {
		ds.dp = 0
	}
}

// round keeps the first n digits, rounding the exact value half to even.
// A negative n rounds to zero; n >= nd changes nothing.
func (ds *digitSet) round(n int) {
	if n < 0 || n >= ds.nd {
		return
	}
	c := ds.d[n]
	up := c > '5' || (c == '5' && (n+1 < ds.nd || (n > 0 && (ds.d[n-1]-'0')%2 == 1)))
	if !up {
		ds.nd = n
		ds.trim()
		return
	}
	ds.roundUp(n)
}

// roundUp keeps n digits and adds one unit in the last, carrying.
func (ds *digitSet) roundUp(n int) {
	i := n - 1
	for i >= 0 && ds.d[i] == '9' {
		i--
	}
	if i < 0 {
		ds.d = append(ds.d[:0], '1')
		ds.nd = 1
		ds.dp++
		return
	}
	ds.d[i]++
	ds.nd = i + 1
}

// shortestDigits returns the shortest decimal that reads back as
// mant * 2^e. asymmetric marks a significand that is a power of two above
// the smallest exponent (the gap below is half the gap above); inclusive
// means the interval's ends themselves read back as this value.
func shortestDigits(mant uint64, e int, asymmetric, inclusive bool) digitSet {
	if mant == 0 {
		return digitSet{d: nil, nd: 0, dp: 0}
	}
	// Work in units of 2^(e-2): value 4*mant, interval [v-lo, v+hi].
	v := nat{uint32(mant << 2), uint32(mant >> 30), uint32(mant >> 62)}.norm()
	hi, lo := nat{2}, nat{2}
	if asymmetric {
		lo = nat{1}
	}
	var r, s, mp, mm nat
	if e-2 >= 0 {
		r, mp, mm, s = v.shl(e-2), hi.shl(e-2), lo.shl(e-2), nat{1}
	} else {
		r, mp, mm, s = v, hi, lo, nat{1}.shl(2-e)
	}
	// Estimate k = ceil(log10(value)) and scale so that the upper end is
	// just below (or at, when excluded) 10^k.
	approx := float64(mant) * math.Pow(2, float64(e))
	k := int(math.Ceil(math.Log10(approx)))
	if k >= 0 {
		s = s.mulPow(10, k)
	} else {
		r, mp, mm = r.mulPow(10, -k), mp.mulPow(10, -k), mm.mulPow(10, -k)
	}
	above := func() bool { // upper end >= 1 (scaled), i.e. k too small
		c := r.add(mp).cmp(s)
		return c > 0 || (c == 0 && inclusive)
	}
	for above() {
		s = s.mulAdd(10, 0)
		k++
	}
	for {
		// k too large when 10*(upper end) is still below 1.
		c := r.add(mp).mulAdd(10, 0).cmp(s)
		if c > 0 || (c == 0 && inclusive) {
			break
		}
		r, mp, mm = r.mulAdd(10, 0), mp.mulAdd(10, 0), mm.mulAdd(10, 0)
		k--
	}
	var out []byte
	for {
		r = r.mulAdd(10, 0)
		mp = mp.mulAdd(10, 0)
		mm = mm.mulAdd(10, 0)
		d := r.divDigit(s) // r now holds the remainder
		cmpLow := r.cmp(mm)
		canDown := cmpLow < 0 || (cmpLow == 0 && inclusive)
		cmpHigh := r.add(mp).cmp(s)
		canUp := cmpHigh > 0 || (cmpHigh == 0 && inclusive)
		if !canDown && !canUp {
			out = append(out, byte('0'+d))
			continue
		}
		up := canUp
		if canDown && canUp {
			switch c := r.shl(1).cmp(s); {
			case c < 0:
				up = false
			case c > 0:
				up = true
			default:
				up = d%2 == 1 // exactly halfway: keep the even digit
			}
		}
		out = append(out, byte('0'+d))
		ds := digitSet{d: out, nd: len(out), dp: k}
		if up {
			ds.roundUp(len(out))
		}
		ds.trim()
		return ds
	}
}

// formatE appends d.ddde±XX with prec digits after the point.
func formatE(dst []byte, neg bool, ds *digitSet, prec int, fmt byte) []byte {
	if neg {
		dst = append(dst, '-')
	}
	first := byte('0')
	if ds.nd > 0 {
		first = ds.d[0]
	}
	dst = append(dst, first)
	if prec > 0 {
		dst = append(dst, '.')
		for i := 1; i <= prec; i++ {
			c := byte('0')
			if i < ds.nd {
				c = ds.d[i]
			}
			dst = append(dst, c)
		}
	}
	dst = append(dst, fmt)
	x := ds.dp - 1
	if ds.nd == 0 {
		x = 0
	}
	if x < 0 {
		dst = append(dst, '-')
		x = -x
	} else {
		dst = append(dst, '+')
	}
	if x < 10 {
		return append(dst, '0', byte('0'+x))
	}
	return AppendInt(dst, int64(x), 10)
}

// formatF appends ddd.ddd with prec digits after the point.
func formatF(dst []byte, neg bool, ds *digitSet, prec int) []byte {
	if neg {
		dst = append(dst, '-')
	}
	// Whole runs of digits are appended at once (a loop per byte is what
	// costs in gort's interpreter).
	if ds.dp > 0 {
		n := ds.dp
		if n > ds.nd {
			n = ds.nd
		}
		dst = append(dst, ds.d[:n]...)
		for i := n; i < ds.dp; i++ {
			dst = append(dst, '0')
		}
	} else {
		dst = append(dst, '0')
	}
	if prec > 0 {
		dst = append(dst, '.')
		i := 0
		for ; i < prec && ds.dp+i < 0; i++ {
			dst = append(dst, '0')
		}
		if j := ds.dp + i; i < prec && j < ds.nd {
			n := ds.nd - j
			if n > prec-i {
				n = prec - i
			}
			dst = append(dst, ds.d[j:j+n]...)
			i += n
		}
		for ; i < prec; i++ {
			dst = append(dst, '0')
		}
	}
	return dst
}

// formatB appends mant "p" exp in decimal: -ddddp±ddd.
func formatB(dst []byte, neg bool, mant uint64, e int) []byte {
	if neg {
		dst = append(dst, '-')
	}
	dst = AppendUint(dst, mant, 10)
	dst = append(dst, 'p')
	if e >= 0 {
		dst = append(dst, '+')
	}
	return AppendInt(dst, int64(e), 10)
}

// formatX appends -0x1.hhhhp±dd: a leading 1 (0 for zero), prec hex digits
// (all needed ones for prec < 0) rounded half to even, and the binary
// exponent with at least two digits.
func formatX(dst []byte, neg bool, mant uint64, exp, prec int, fmt byte, f floatFormat) []byte {
	if mant == 0 {
		exp = 0
	}
	// Place the leading one at bit 60; then 15 hex digits follow it.
	mant <<= 60 - f.mantBits
	for mant != 0 && mant&(1<<60) == 0 {
		mant <<= 1
		exp--
	}
	if prec >= 0 && prec < 15 {
		drop := uint(60 - 4*prec) // fraction bits that go away
		kept := mant >> drop
		rest := mant & (1<<drop - 1)
		half := uint64(1) << (drop - 1)
		if rest > half || (rest == half && kept&1 == 1) {
			kept++
		}
		mant = kept << drop
		if mant&(1<<61) != 0 { // carried into a second leading digit
			mant >>= 1
			exp++
		}
	}
	digits := "0123456789abcdef"
	if fmt == 'X' {
		digits = "0123456789ABCDEF"
	}
	if neg {
		dst = append(dst, '-')
	}
	dst = append(dst, '0', fmt, byte('0'+mant>>60&1))
	frac := mant << 4 // the bits after the leading digit, at the top
	switch {
	case prec < 0 && frac != 0:
		dst = append(dst, '.')
		for frac != 0 {
			dst = append(dst, digits[frac>>60])
			frac <<= 4
		}
	case prec > 0:
		dst = append(dst, '.')
		for i := 0; i < prec; i++ {
			dst = append(dst, digits[frac>>60])
			frac <<= 4
		}
	}
	if fmt == 'X' {
		dst = append(dst, 'P')
	} else {
		dst = append(dst, 'p')
	}
	if exp < 0 {
		dst = append(dst, '-')
		exp = -exp
	} else {
		dst = append(dst, '+')
	}
	if exp < 10 {
		dst = append(dst, '0')
	}
	return AppendInt(dst, int64(exp), 10)
}
