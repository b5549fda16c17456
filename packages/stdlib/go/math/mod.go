// gort standard library: package math (Mod, Remainder).
//
// Both results are exactly representable, so they are computed exactly:
// Mod by long division of the significands (shift, compare, subtract),
// Remainder from Mod by the IEEE rule (round the quotient half to even).

package math

// Mod returns the floating-point remainder of x/y, with x's sign:
// Mod(±Inf, y), Mod(NaN, y), Mod(x, 0) and Mod(x, NaN) are NaN; Mod(x,
// ±Inf) is x.
func Mod(x, y float64) float64 {
	if y == 0 || IsInf(x, 0) || IsNaN(x) || IsNaN(y) {
		return NaN()
	}
	ax, ay := Abs(x), Abs(y)
	if IsInf(y, 0) || ax < ay {
		return x
	}
	_, ex, mx := unpack(Float64bits(ax))
	_, ey, my := unpack(Float64bits(ay))
	// Normalise both significands to 53 bits.
	for mx < 1<<52 {
		mx <<= 1
		ex--
	}
	for my < 1<<52 {
		my <<= 1
		ey--
	}
	// Reduce mx * 2^ex modulo my * 2^ey, one bit of quotient at a time.
	r := mx % my
	for e := ex; e > ey; e-- {
		r <<= 1
		if r >= my {
			r -= my
		}
	}
	res := Ldexp(float64(r), ey)
	if x < 0 {
		return -res
	}
	return res
}

// Remainder returns the IEEE 754 remainder x - n*y, n the nearest integer
// to x/y (ties to even): special cases as for Mod, and Remainder(x, ±Inf)
// = x.
func Remainder(x, y float64) float64 {
	switch {
	case IsNaN(x) || IsNaN(y) || IsInf(x, 0) || y == 0:
		return NaN()
	case IsInf(y, 0):
		return x
	}
	neg := x < 0
	ax, ay := Abs(x), Abs(y)
	if ax == ay {
		return Copysign(0, x)
	}
	// r = ax mod 2*ay, then fold into [-ay/2, ay/2].
	if ay <= MaxFloat64/2 {
		ax = Mod(ax, ay+ay)
	}
	if ay < 0x1p-1021 {
		if ax+ax > ay {
			ax -= ay
			if ax+ax >= ay {
				ax -= ay
			}
		}
	} else {
		half := 0.5 * ay
		if ax > half {
			ax -= ay
			if ax >= half {
				ax -= ay
			}
		}
	}
	if neg {
		ax = -ax
	}
	if ax == 0 {
		return Copysign(0, x)
	}
	return ax
}
