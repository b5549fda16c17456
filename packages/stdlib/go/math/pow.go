// gort standard library: package math (Pow).
//
// Pow splits y into integer and fraction parts: x**frac comes from
// Exp(frac*Log(x)) (with the fraction moved into (-0.5, 0.5]), x**int from
// binary powering of Frexp's fraction while the binary exponent is kept
// apart as an integer, so intermediate results neither overflow nor lose
// range; the pieces are joined by Ldexp at the end. This is the method of
// Go's portable Pow, and it rounds the same way.

package math

func isOddInt(x float64) bool {
	if Abs(x) >= 1<<53 {
		return false // every float this large is even
	}
	xi, xf := Modf(x)
	return xf == 0 && int64(xi)&1 == 1
}

// Pow returns x**y with the special cases of IEEE 754 pow (Go's list):
// Pow(x, ±0) = 1, Pow(1, y) = 1, Pow(x, 1) = x, NaN in gives NaN, zeros
// and infinities by sign and parity of y, and x < 0 with non-integer y is
// NaN.
func Pow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case y == 1:
		return x
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0:
		switch {
		case y < 0:
			if isOddInt(y) {
				return Copysign(Inf(1), x)
			}
			return Inf(1)
		case y > 0:
			if isOddInt(y) {
				return x
			}
			return 0
		}
	case IsInf(y, 0):
		switch {
		case x == -1:
			return 1
		case (Abs(x) < 1) == IsInf(y, 1):
			return 0
		default:
			return Inf(1)
		}
	case IsInf(x, 0):
		if IsInf(x, -1) {
			return Pow(1/x, -y) // Pow(-0, -y)
		}
		switch {
		case y < 0:
			return 0
		case y > 0:
			return Inf(1)
		}
	case y == 0.5:
		return Sqrt(x)
	case y == -0.5:
		return 1 / Sqrt(x)
	}

	whole, frac := Modf(Abs(y))
	if frac != 0 && x < 0 {
		return NaN()
	}
	if whole >= 1<<63 {
		// An even integer so large that the result over- or underflows
		// for every x but -1 (x == 1 was handled above).
		switch {
		case x == -1:
			return 1
		case (Abs(x) < 1) == (y > 0):
			return 0
		default:
			return Inf(1)
		}
	}

	acc, accExp := 1.0, 0 // result so far: acc * 2^accExp
	if frac != 0 {
		if frac > 0.5 {
			frac--
			whole++
		}
		acc = Exp(frac * Log(x))
	}
	base, baseExp := Frexp(x)
	for n := int64(whole); n != 0; n >>= 1 {
		if baseExp < -1<<12 || 1<<12 < baseExp {
			// The exponent alone decides: over/underflow whatever follows.
			accExp += baseExp
			break
		}
		if n&1 == 1 {
			acc *= base
			accExp += baseExp
		}
		base *= base
		baseExp <<= 1
		if base < .5 {
			base += base
			baseExp--
		}
	}
	if y < 0 {
		acc = 1 / acc
		accExp = -accExp
	}
	return Ldexp(acc, accExp)
}
