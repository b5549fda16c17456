// gort standard library: package math (exponentials).
//
// Exp and Exp2 use the FreeBSD msun e_exp.c method: reduce x = k*ln2 + r
// with |r| <= ln2/2 (r kept as hi - lo), approximate exp(r) with the
// Remez rational form 1 + r + r*c/(2-c), c = r - r^2*P(r^2), and scale by
// 2^k with Ldexp. Go's portable version always rounds k = [x/ln2] and has
// no separate small-|x| branches beyond |x| < 2^-28, which this mirrors.
// Expm1 is msun's s_expm1.c.

package math

const (
	ln2Hi  = 6.93147180369123816490e-01 // 0x3fe62e42fee00000
	ln2Lo  = 1.90821492927058770002e-10 // 0x3dea39ef35793c76
	invLn2 = 1.44269504088896338700e+00 // 0x3ff71547652b82fe

	// Go's portable Exp uses 1/6 rounded (0x3FC5555555555555) here, where
	// msun has 0x3FC555555555553E; bit-identical results need Go's value.
	expP1 = 1.66666666666666657415e-01  // 0x3FC5555555555555
	expP2 = -2.77777777770155933842e-03 // 0xBF66C16C16BEBD93
	expP3 = 6.61375632143793436117e-05  // 0x3F11566AAF25DE2C
	expP4 = -1.65339022054652515390e-06 // 0xBEBBBD41C5D26BF1
	expP5 = 4.13813679705723846039e-08  // 0x3E66376972BEA4D0
)

// Exp returns e**x: Exp(+Inf) = +Inf, Exp(NaN) = NaN; very large values
// overflow to +Inf and very small ones underflow to 0.
func Exp(x float64) float64 {
	const (
		overflow  = 7.09782712893383973096e+02
		underflow = -7.45133219101941108420e+02
		tiny      = 1.0 / (1 << 28)
	)
	switch {
	case IsNaN(x) || IsInf(x, 1):
		return x
	case IsInf(x, -1):
		return 0
	case x > overflow:
		return Inf(1)
	case x < underflow:
		return 0
	case -tiny < x && x < tiny:
		return 1 + x
	}
	k := 0
	if x < 0 {
		k = int(invLn2*x - 0.5)
	} else if x > 0 {
		k = int(invLn2*x + 0.5)
	}
	hi := x - float64(k)*ln2Hi
	lo := float64(k) * ln2Lo
	return expReduced(hi, lo, k)
}

// Exp2 returns 2**x, with the same special cases as Exp.
func Exp2(x float64) float64 {
	const (
		overflow  = 1.0239999999999999e+03
		underflow = -1.0740e+03
	)
	switch {
	case IsNaN(x) || IsInf(x, 1):
		return x
	case IsInf(x, -1):
		return 0
	case x > overflow:
		return Inf(1)
	case x < underflow:
		return 0
	}
	k := 0
	if x > 0 {
		k = int(x + 0.5)
	} else if x < 0 {
		k = int(x - 0.5)
	}
	t := x - float64(k) // exact
	hi := t * ln2Hi
	lo := -t * ln2Lo
	return expReduced(hi, lo, k)
}

// expReduced returns exp(hi - lo) * 2^k for |hi - lo| <= ln2/2.
func expReduced(hi, lo float64, k int) float64 {
	r := hi - lo
	t := r * r
	c := r - t*(expP1+t*(expP2+t*(expP3+t*(expP4+t*expP5))))
	y := 1 - ((lo - (r*c)/(2-c)) - hi)
	return Ldexp(y, k)
}

// Expm1 returns e**x - 1, accurate also for x near zero: Expm1(+Inf) =
// +Inf, Expm1(-Inf) = -1, Expm1(NaN) = NaN.
func Expm1(x float64) float64 {
	const (
		othreshold = 7.09782712893383973096e+02 // 0x40862E42FEFA39EF
		ln2x56     = 3.88162421113569373274e+01 // 0x4043687a9f1af2b1
		ln2Halfx3  = 1.03972077083991796413e+00 // 0x3ff0a2b23f3bab73
		ln2Half    = 3.46573590279972654709e-01 // 0x3fd62e42fefa39ef
		tiny       = 1.0 / (1 << 54)
		q1         = -3.33333333333331316428e-02 // 0xBFA11111111110F4
		q2         = 1.58730158725481460165e-03  // 0x3F5A01A019FE5585
		q3         = -7.93650757867487942473e-05 // 0xBF14CE199EAADBB7
		q4         = 4.00821782732936239552e-06  // 0x3ED0CFCA86E65239
		q5         = -2.01099218183624371326e-07 // 0xBE8AFDB76E09C32D
	)
	switch {
	case IsInf(x, 1) || IsNaN(x):
		return x
	case IsInf(x, -1):
		return -1
	}
	absx := x
	sign := false
	if x < 0 {
		absx = -absx
		sign = true
	}
	if absx >= ln2x56 { // |x| >= 56 * ln2
		if sign {
			return -1 // x < -56*ln2
		}
		if absx >= othreshold {
			return Inf(1)
		}
	}
	var c float64
	var k int
	if absx > ln2Half { // |x| > 0.5 ln2: reduce
		var hi, lo float64
		if absx < ln2Halfx3 { // and |x| < 1.5 ln2
			if !sign {
				hi, lo, k = x-ln2Hi, ln2Lo, 1
			} else {
				hi, lo, k = x+ln2Hi, -ln2Lo, -1
			}
		} else {
			if !sign {
				k = int(invLn2*x + 0.5)
			} else {
				k = int(invLn2*x - 0.5)
			}
			t := float64(k)
			hi = x - t*ln2Hi // exact
			lo = t * ln2Lo
		}
		x = hi - lo
		c = (hi - x) - lo
	} else if absx < tiny { // |x| < 2^-54
		return x
	} else {
		k = 0
	}
	hfx := 0.5 * x
	hxs := x * hfx
	r1 := 1 + hxs*(q1+hxs*(q2+hxs*(q3+hxs*(q4+hxs*q5))))
	t := 3 - r1*hfx
	e := hxs * ((r1 - t) / (6.0 - x*t))
	if k == 0 {
		return x - (x*e - hxs) // c is 0
	}
	e = x*(e-c) - c
	e -= hxs
	switch {
	case k == -1:
		return 0.5*(x-e) - 0.5
	case k == 1:
		if x < -0.25 {
			return -2 * (e - (x + 0.5))
		}
		return 1 + 2*(x-e)
	case k <= -2 || k > 56: // exp(x) - 1 suffices
		y := 1 - (e - x)
		if k == 1024 {
			y = y * 2 * Float64frombits(0x7fe<<52)
		} else {
			y = Float64frombits(Float64bits(y) + uint64(k)<<52) // y * 2^k
		}
		return y - 1
	}
	if k < 20 {
		t := Float64frombits(0x3ff0000000000000 - (0x20000000000000 >> uint(k))) // 1 - 2^-k
		y := t - (e - x)
		return Float64frombits(Float64bits(y) + uint64(k)<<52)
	}
	t = Float64frombits(uint64(0x3ff-k) << 52) // 2^-k
	y := x - (e + t)
	y++
	return Float64frombits(Float64bits(y) + uint64(k)<<52)
}

// Pow10 returns 10**n: 0 for n < -323, +Inf for n > 308. It multiplies
// (or divides) two float64 powers of ten, 10^(32a) and 10^b, so the
// result can differ from the nearest float64 exactly as Go's does.
func Pow10(n int) float64 {
	if 0 <= n && n <= 308 {
		return pow10pos32[uint(n)/32] * pow10small[uint(n)%32]
	}
	if -323 <= n && n <= 0 {
		return pow10neg32[uint(-n)/32] / pow10small[uint(-n)%32]
	}
	if n > 0 {
		return Inf(1)
	}
	return 0
}

var pow10small = [32]float64{1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23,
	1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31}

var pow10pos32 = [10]float64{1e000, 1e032, 1e064, 1e096, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288}

var pow10neg32 = [11]float64{1e-000, 1e-032, 1e-064, 1e-096, 1e-128, 1e-160, 1e-192, 1e-224,
	1e-256, 1e-288, 1e-320}
