// gort standard library: package math (inverse trigonometric functions).
//
// Atan is Cephes atan.c (Moshier): the argument is reduced to [0, 0.66]
// by atan(x) = pi/2 - atan(1/x) above tan(3pi/8) and atan(x) = pi/4 +
// atan((x-1)/(x+1)) in between, then a rational function of degree 4/5
// in x^2; pi/2 carries an extra low part. Asin and Acos go through Atan
// and a square root; Atan2 adds the quadrant.

package math

// atanKernel evaluates atan(x) for 0 <= x <= 0.66.
func atanKernel(x float64) float64 {
	const (
		p0 = -8.750608600031904122785e-01
		p1 = -1.615753718733365076637e+01
		p2 = -7.500855792314704667340e+01
		p3 = -1.228866684490136173410e+02
		p4 = -6.485021904942025371773e+01
		q0 = +2.485846490142306297962e+01
		q1 = +1.650270098316988542046e+02
		q2 = +4.328810604912902668951e+02
		q3 = +4.853903996359136964868e+02
		q4 = +1.945506571482613964425e+02
	)
	z := x * x
	z = z * ((((p0*z+p1)*z+p2)*z+p3)*z + p4) / (((((z+q0)*z+q1)*z+q2)*z+q3)*z + q4)
	return x*z + x
}

// atanPositive evaluates atan(x) for x >= 0.
func atanPositive(x float64) float64 {
	const (
		moreBits = 6.123233995736765886130e-17 // pi/2 = Pi/2 + moreBits
		tan3pi8  = 2.41421356237309504880      // tan(3*pi/8)
	)
	if x <= 0.66 {
		return atanKernel(x)
	}
	if x > tan3pi8 {
		return Pi/2 - atanKernel(1/x) + moreBits
	}
	return Pi/4 + atanKernel((x-1)/(x+1)) + 0.5*moreBits
}

// Atan returns the arctangent of x in radians.
func Atan(x float64) float64 {
	if x == 0 {
		return x
	}
	if x > 0 {
		return atanPositive(x)
	}
	return -atanPositive(-x)
}

// Asin returns the arcsine of x: NaN for |x| > 1.
func Asin(x float64) float64 {
	if x == 0 {
		return x
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	if x > 1 {
		return NaN()
	}
	t := Sqrt(1 - x*x)
	if x > 0.7 {
		t = Pi/2 - atanPositive(t/x)
	} else {
		t = atanPositive(x / t)
	}
	if neg {
		t = -t
	}
	return t
}

// Acos returns the arccosine of x: NaN for |x| > 1.
func Acos(x float64) float64 { return Pi/2 - Asin(x) }

// Atan2 returns the arctangent of y/x, using the signs of both to choose
// the quadrant, with IEEE's special cases for zeros and infinities.
func Atan2(y, x float64) float64 {
	switch {
	case IsNaN(y) || IsNaN(x):
		return NaN()
	case y == 0:
		if x >= 0 && !Signbit(x) {
			return Copysign(0, y)
		}
		return Copysign(Pi, y)
	case x == 0:
		return Copysign(Pi/2, y)
	case IsInf(x, 0):
		if IsInf(x, 1) {
			if IsInf(y, 0) {
				return Copysign(Pi/4, y)
			}
			return Copysign(0, y)
		}
		if IsInf(y, 0) {
			return Copysign(3*Pi/4, y)
		}
		return Copysign(Pi, y)
	case IsInf(y, 0):
		return Copysign(Pi/2, y)
	}
	q := Atan(y / x)
	if x < 0 {
		if q <= 0 {
			return q + Pi
		}
		return q - Pi
	}
	return q
}
