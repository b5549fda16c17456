// gort standard library: package math (rounding to integers).
//
// These work on the bit pattern: every float64 of magnitude >= 2^52 is
// already an integer, and below that the fraction bits to clear are known
// from the exponent, so all results are exact.

package math

// Trunc returns the integer part of x (towards zero).
func Trunc(x float64) float64 {
	if x == 0 || IsNaN(x) || IsInf(x, 0) {
		return x
	}
	b := Float64bits(x)
	e := int(b>>expShift&expMask) - bias
	switch {
	case e < 0:
		return Copysign(0, x)
	case e < expShift:
		b &^= fracMask >> uint(e)
	}
	return Float64frombits(b)
}

// Floor returns the greatest integer value <= x.
func Floor(x float64) float64 {
	t := Trunc(x)
	if t > x { // only for negative non-integers
		t--
	}
	return t
}

// Ceil returns the least integer value >= x.
func Ceil(x float64) float64 {
	t := Trunc(x)
	if t < x {
		t++
	}
	if t == 0 {
		return Copysign(0, x) // Ceil(-0.5) is -0
	}
	return t
}

// Round returns the nearest integer, halfway cases away from zero.
func Round(x float64) float64 {
	b := Float64bits(x)
	e := int(b>>expShift&expMask) - bias
	switch {
	case e < -1: // |x| < 0.5
		return Float64frombits(b & signBit)
	case e == -1: // 0.5 <= |x| < 1
		return Float64frombits(b&signBit | uint64(bias)<<expShift)
	case e >= expShift: // integer, Inf or NaN
		return x
	}
	half := uint64(1) << (expShift - 1 - uint(e))
	b += half // adding half a unit carries into the integer bits when >= .5
	b &^= fracMask >> uint(e)
	return Float64frombits(b)
}

// RoundToEven returns the nearest integer, halfway cases to even.
func RoundToEven(x float64) float64 {
	b := Float64bits(x)
	e := int(b>>expShift&expMask) - bias
	switch {
	case e < -1:
		return Float64frombits(b & signBit)
	case e == -1: // 0.5 <= |x| < 1: 0.5 goes to 0, the rest to 1
		if b&fracMask == 0 {
			return Float64frombits(b & signBit)
		}
		return Float64frombits(b&signBit | uint64(bias)<<expShift)
	case e >= expShift:
		return x
	}
	fracBits := uint(expShift - e)
	half := uint64(1) << (fracBits - 1)
	odd := b >> fracBits & 1
	b += half - 1 + odd // ties round up only when the integer part is odd
	b &^= 1<<fracBits - 1
	return Float64frombits(b)
}

// Modf returns the integer and fractional parts of f, both with f's sign.
func Modf(f float64) (int float64, frac float64) {
	if f < 1 {
		switch {
		case f < 0:
			int, frac = Modf(-f)
			return -int, -frac
		case f == 0:
			return f, f // keeps the sign of zero
		}
		return 0, f
	}
	int = Trunc(f)
	frac = f - int
	return
}
