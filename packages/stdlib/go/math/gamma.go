// gort standard library: package math (Gamma).
//
// Cephes gamma.c (Moshier): for |x| <= 33 reduce to [2, 3) by the
// recurrence Gamma(x+1) = x*Gamma(x) and use a rational function of
// degree 6/7; for larger x Stirling's formula with a degree-4 correction,
// the power x^(x-0.5) split in two halves above 143 so it does not
// overflow early, and the result kept as two factors; negative x through
// the reflection formula.

package math

var gamP = [...]float64{
	1.60119522476751861407e-04, 1.19135147006586384913e-03, 1.04213797561761569935e-02,
	4.76367800457137231464e-02, 2.07448227648435975150e-01, 4.94214826801497100753e-01,
	9.99999999999999996796e-01,
}

var gamQ = [...]float64{
	-2.31581873324120129819e-05, 5.39605580493303397842e-04, -4.45641913851797240494e-03,
	1.18139785222060435552e-02, 3.58236398605498653373e-02, -2.34591795718243348568e-01,
	7.14304917030273074085e-02, 1.00000000000000000320e+00,
}

var gamS = [...]float64{
	7.87311395793093628397e-04, -2.29549961613378126380e-04, -2.68132617805781232825e-03,
	3.47222221605458667310e-03, 8.33333333333482257126e-02,
}

// stirling returns Gamma(x) for 33 <= x as the product of two factors,
// so that callers can avoid a premature overflow.
func stirling(x float64) (float64, float64) {
	if x > 200 {
		return Inf(1), 1
	}
	const (
		sqrtTwoPi   = 2.506628274631000502417
		maxStirling = 143.01608
	)
	w := 1 / x
	w = 1 + w*((((gamS[0]*w+gamS[1])*w+gamS[2])*w+gamS[3])*w+gamS[4])
	y1 := Exp(x)
	y2 := 1.0
	if x > maxStirling { // avoid Pow() overflow
		v := Pow(x, 0.5*x-0.25)
		y1, y2 = v, v/y1
	} else {
		y1 = Pow(x, x-0.5) / y1
	}
	return y1, sqrtTwoPi * w * y2
}

func isNegInt(x float64) bool {
	if x < 0 {
		_, xf := Modf(x)
		return xf == 0
	}
	return false
}

// Gamma returns the Gamma function of x: Gamma(+Inf) = +Inf, Gamma(±0) =
// ±Inf, NaN for negative integers, -Inf and NaN.
func Gamma(x float64) float64 {
	const euler = 0.57721566490153286060651209008240243104215933593992
	switch {
	case isNegInt(x) || IsInf(x, -1) || IsNaN(x):
		return NaN()
	case IsInf(x, 1):
		return Inf(1)
	case x == 0:
		if Signbit(x) {
			return Inf(-1)
		}
		return Inf(1)
	}
	q := Abs(x)
	p := Floor(q)
	if q > 33 {
		if x >= 0 {
			y1, y2 := stirling(x)
			return y1 * y2
		}
		// x < 0 and not an integer, so |x| < 2^63 and p fits an int64.
		sign := 1
		if ip := int64(p); ip&1 == 0 {
			sign = -1
		}
		z := q - p
		if z > 0.5 {
			p = p + 1
			z = q - p
		}
		z = q * Sin(Pi*z)
		if z == 0 {
			return Inf(sign)
		}
		sq1, sq2 := stirling(q)
		absz := Abs(z)
		d := absz * sq1 * sq2
		if IsInf(d, 0) {
			z = Pi / absz / sq1 / sq2
		} else {
			z = Pi / d
		}
		return float64(sign) * z
	}

	z := 1.0
	for x >= 3 {
		x = x - 1
		z = z * x
	}
	for x < 0 {
		if x > -1e-09 {
			return gammaSmall(x, z, euler)
		}
		z = z / x
		x = x + 1
	}
	for x < 2 {
		if x < 1e-09 {
			return gammaSmall(x, z, euler)
		}
		z = z / x
		x = x + 1
	}
	if x == 2 {
		return z
	}
	x = x - 2
	p = (((((x*gamP[0]+gamP[1])*x+gamP[2])*x+gamP[3])*x+gamP[4])*x+gamP[5])*x + gamP[6]
	q = ((((((x*gamQ[0]+gamQ[1])*x+gamQ[2])*x+gamQ[3])*x+gamQ[4])*x+gamQ[5])*x+gamQ[6])*x + gamQ[7]
	return z * p / q
}

// gammaSmall finishes Gamma near zero: Gamma(x) ~ 1/(x*(1 + euler*x)).
func gammaSmall(x, z, euler float64) float64 {
	if x == 0 {
		return Inf(1)
	}
	return z / ((1 + euler*x) * x)
}
