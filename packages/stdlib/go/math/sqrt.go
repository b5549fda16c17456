// gort standard library: package math (square root and FMA).

package math

import "math/bits"

// Sqrt returns the correctly rounded square root of x: Sqrt(+Inf) = +Inf,
// Sqrt(±0) = ±0, Sqrt(x < 0) = NaN, Sqrt(NaN) = NaN.
//
// The significand's square root is computed exactly with an integer square
// root over a 128-bit radicand, then rounded half to even (a remainder can
// never be exactly half, so the sticky test suffices).
func Sqrt(x float64) float64 {
	switch {
	case x == 0 || IsNaN(x) || IsInf(x, 1):
		return x
	case x < 0:
		return NaN()
	}
	b := Float64bits(x)
	e := int(b >> expShift & expMask)
	m := b & fracMask
	if e == 0 { // subnormal: normalise
		for m&(1<<expShift) == 0 {
			m <<= 1
			e--
		}
		e++
	} else {
		m |= 1 << expShift
	}
	e -= bias // x = m * 2^(e-52), m in [2^52, 2^53)
	if e&1 != 0 {
		m <<= 1 // make the exponent even
		e--
	}
	// sqrt(m * 2^(e-52)) = sqrt(m * 2^64) * 2^((e-52-64)/2); the root of
	// m*2^64 has 58 or 59 bits: 53 significant plus guard bits.
	root, exact := isqrt128(m, 0)
	// root in [2^58, 2^59.5): normalise to 54 bits + sticky.
	shift := uint(bits.Len64(root) - 54)
	guard := root >> shift
	sticky := !exact || root&(1<<shift-1) != 0
	q := guard >> 1
	if guard&1 == 1 && (sticky || q&1 == 1) {
		q++
	}
	exp := (e-116)/2 + int(shift) + 1 // value = q * 2^exp
	if q == 1<<53 {
		q >>= 1
		exp++
	}
	return Float64frombits(uint64(exp+52+bias)<<expShift | q&fracMask)
}

// isqrt128 returns floor(sqrt(hi*2^64 + lo)) and whether it is exact, by
// the classic bit-pair (digit-by-digit) method.
func isqrt128(hi, lo uint64) (root uint64, exact bool) {
	var remHi, remLo uint64 // remainder, 128 bits
	for i := 0; i < 64; i++ {
		// bring down the next two bits of the radicand
		remHi = remHi<<2 | remLo>>62
		remLo = remLo<<2 | hi>>62
		hi = hi<<2 | lo>>62
		lo <<= 2
		// trial = 4*root + 1
		tHi := root >> 62
		tLo := root<<2 | 1
		root <<= 1
		if remHi > tHi || (remHi == tHi && remLo >= tLo) {
			var borrow uint64
			remLo, borrow = bits.Sub64(remLo, tLo, 0)
			remHi, _ = bits.Sub64(remHi, tHi, borrow)
			root |= 1
		}
	}
	return root, remHi == 0 && remLo == 0
}

// FMA returns x*y + z computed with a single rounding.
func FMA(x, y, z float64) float64 {
	bx, by, bz := Float64bits(x), Float64bits(y), Float64bits(z)
	// Zero, infinite and NaN operands go through ordinary arithmetic: then
	// x*y is exact, or z adds nothing that a second rounding could spoil.
	if x == 0 || y == 0 || z == 0 || !isFinite(x) || !isFinite(y) {
		return x*y + z
	}
	if !isFinite(z) {
		return z // a finite product cannot change an infinite or NaN z
	}
	xs, xe, xm := unpack(bx)
	ys, ye, ym := unpack(by)
	zs, ze, zm := unpack(bz)
	// Product: 106-bit significand in (ph, pl), value ph:pl * 2^pe.
	ph, pl := bits.Mul64(xm, ym)
	pe := xe + ye
	ps := xs != ys
	// z as 128 bits: zm * 2^ze = (zm << 64) * 2^(ze-64).
	zh, zl := zm, uint64(0)
	ze -= 64
	// Normalise both to have the top bit at 125 (room for the carry).
	ph, pl, pe = norm128(ph, pl, pe)
	zh, zl, ze = norm128(zh, zl, ze)
	// Align the smaller exponent to the larger, keeping a sticky bit.
	if pe < ze || (pe == ze && (ph < zh || (ph == zh && pl < zl))) {
		ph, pl, pe, ps, zh, zl, ze, zs = zh, zl, ze, zs, ph, pl, pe, ps
	}
	zh, zl = shr128Sticky(zh, zl, uint(pe-ze))
	var rh, rl uint64
	var rs bool
	if ps == zs {
		var c uint64
		rl, c = bits.Add64(pl, zl, 0)
		rh, _ = bits.Add64(ph, zh, c)
		rs = ps
	} else {
		var b uint64
		rl, b = bits.Sub64(pl, zl, 0)
		rh, _ = bits.Sub64(ph, zh, b)
		rs = ps
		if rh == 0 && rl == 0 {
			// Exact cancellation: Go's FMA keeps the product's sign here
			// (IEEE would give +0).
			return Copysign(0, boolSign(ps))
		}
	}
	return round128(rs, rh, rl, pe)
}

// unpack returns sign, exponent and significand with value m * 2^e.
func unpack(b uint64) (bool, int, uint64) {
	e := int(b >> expShift & expMask)
	m := b & fracMask
	if e == 0 {
		e = 1
	} else {
		m |= 1 << expShift
	}
	return b&signBit != 0, e - bias - expShift, m
}

// norm128 shifts (h, l) so bit 125 is its top bit, adjusting e.
func norm128(h, l uint64, e int) (uint64, uint64, int) {
	n := bits.LeadingZeros64(h)
	if h == 0 {
		n = 64 + bits.LeadingZeros64(l)
	}
	s := n - 2
	switch {
	case s >= 64:
		h, l = l<<uint(s-64), 0
	case s > 0:
		h, l = h<<uint(s)|l>>uint(64-s), l<<uint(s)
	case s < 0:
		h, l = shr128Sticky(h, l, uint(-s))
	}
	return h, l, e - s
}

// shr128Sticky shifts right, OR-ing every lost bit into bit 0.
func shr128Sticky(h, l uint64, s uint) (uint64, uint64) {
	switch {
	case s == 0:
		return h, l
	case s >= 128:
		if h|l != 0 {
			return 0, 1
		}
		return 0, 0
	case s >= 64:
		sticky := l
		if s > 64 {
			sticky |= h << (128 - s)
		}
		l = h >> (s - 64)
		if sticky != 0 {
			l |= 1
		}
		return 0, l
	}
	lost := l << (64 - s)
	l = l>>s | h<<(64-s)
	h >>= s
	if lost != 0 {
		l |= 1
	}
	return h, l
}

// round128 rounds the value h:l * 2^e (sign neg) to float64, half to even.
func round128(neg bool, h, l uint64, e int) float64 {
	// Normalise to top bit 127.
	n := bits.LeadingZeros64(h)
	if h == 0 {
		n = 64 + bits.LeadingZeros64(l)
	}
	if n >= 64 {
		h, l = l<<uint(n-64), 0
	} else if n > 0 {
		h, l = h<<uint(n)|l>>uint(64-n), l<<uint(n)
	}
	e -= n
	// value = h:l * 2^e with bit 127 set: binary exponent E = e + 127.
	top, sticky := h, l != 0
	E := e + 127
	sign := uint64(0)
	if neg {
		sign = signBit
	}
	if E > 1023 {
		return Float64frombits(sign | 0x7FF0000000000000)
	}
	keep := 53
	if E < -1022 {
		keep -= -1022 - E
		if keep < 0 {
			return Float64frombits(sign)
		}
	}
	drop := uint(64 - keep)
	q := top >> drop
	rest := top & (1<<drop - 1)
	half := uint64(1) << (drop - 1)
	if rest > half || (rest == half && (sticky || q&1 == 1)) {
		q++
	}
	if E < -1022 {
		return Float64frombits(sign | q)
	}
	if q == 1<<53 {
		q >>= 1
		E++
		if E > 1023 {
			return Float64frombits(sign | 0x7FF0000000000000)
		}
	}
	return Float64frombits(sign | uint64(E+bias)<<expShift | q&fracMask)
}

func isFinite(f float64) bool { return !IsNaN(f) && !IsInf(f, 0) }

func boolSign(neg bool) float64 {
	if neg {
		return -1
	}
	return 1
}
