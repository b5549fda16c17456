// gort standard library: package math (Bessel functions of order n).
//
// FreeBSD msun e_jn.c (Sun Microsystems, 1993): for n <= x forward
// recurrence J(n+1) = 2n/x*J(n) - J(n-1) from J0 and J1 (Hankel's
// asymptotic form for x > 2^302); for n > x the ratio J(n)/J(n-1) from a
// continued fraction, backward recurrence, and normalisation by J0 or J1.
// Y(n) always recurs forward from Y0 and Y1.

package math

const (
	two302 = 1 << 302
	twoM29 = 1.0 / (1 << 29)
)

// Jn returns the order-n Bessel function of the first kind.
func Jn(n int, x float64) float64 {
	switch {
	case IsNaN(x):
		return x
	case IsInf(x, 0):
		return 0
	}
	// J(-n, x) = (-1)^n J(n, x) and J(n, -x) = (-1)^n J(n, x).
	if n == 0 {
		return J0(x)
	}
	if x == 0 {
		return 0
	}
	if n < 0 {
		n, x = -n, -x
	}
	if n == 1 {
		return J1(x)
	}
	neg := false
	if x < 0 {
		x = -x
		if n&1 == 1 {
			neg = true // odd n: J(n, -x) = -J(n, x)
		}
	}
	var b float64
	if float64(n) <= x {
		if x >= two302 {
			// x >> n^2: Jn(x) ~ cos(x - (2n+1)pi/4) * sqrt(2/(pi*x))
			s, c := Sincos(x)
			var t float64
			switch n & 3 {
			case 0:
				t = c + s
			case 1:
				t = -c + s
			case 2:
				t = -c - s
			case 3:
				t = c - s
			}
			b = (1 / SqrtPi) * t / Sqrt(x)
		} else {
			b = J1(x)
			for i, a := 1, J0(x); i < n; i++ {
				a, b = b, b*(float64(i+i)/x)-a // avoid underflow
			}
		}
	} else {
		if x < twoM29 { // first Taylor term: (x/2)^n / n!
			if n > 33 {
				b = 0 // underflow
			} else {
				t := x * 0.5
				b = t
				a := 1.0
				for i := 2; i <= n; i++ {
					a *= float64(i)
					b *= t
				}
				b /= a
			}
		} else {
			// How many continued-fraction terms: until Q(k) > 1e9.
			w := float64(n+n) / x
			h := 2 / x
			q0 := w
			z := w + h
			q1 := w*z - 1
			k := 1
			for q1 < 1e9 {
				k++
				z += h
				q0, q1 = q1, z*q1-q0
			}
			m := n + n
			t := 0.0
			for i := 2 * (n + k); i >= m; i -= 2 {
				t = 1 / (float64(i)/x - t)
			}
			a := t
			b = 1
			// n*log(2n/x) estimates log((2/x)^n n!); past the overflow
			// threshold the recurrence is rescaled as it goes.
			tmp := float64(n)
			v := 2 / x
			tmp = tmp * Log(Abs(v*tmp))
			if tmp < 7.09782712893383973096e+02 {
				for i := n - 1; i > 0; i-- {
					di := float64(i + i)
					a, b = b, b*di/x-a
				}
			} else {
				for i := n - 1; i > 0; i-- {
					di := float64(i + i)
					a, b = b, b*di/x-a
					if b > 1e100 { // scale to avoid spurious overflow
						a /= b
						t /= b
						b = 1
					}
				}
			}
			b = t * J0(x) / b
		}
	}
	if neg {
		return -b
	}
	return b
}

// Yn returns the order-n Bessel function of the second kind: Yn(n, 0) =
// -Inf (+Inf for negative odd n), NaN for x < 0, 0 at +Inf.
func Yn(n int, x float64) float64 {
	switch {
	case x < 0 || IsNaN(x):
		return NaN()
	case IsInf(x, 1):
		return 0
	}
	if n == 0 {
		return Y0(x)
	}
	if x == 0 {
		if n < 0 && n&1 == 1 {
			return Inf(1)
		}
		return Inf(-1)
	}
	neg := false
	if n < 0 {
		n = -n
		if n&1 == 1 {
			neg = true // Y(-n, x) = (-1)^n Y(n, x)
		}
	}
	if n == 1 {
		if neg {
			return -Y1(x)
		}
		return Y1(x)
	}
	var b float64
	if x >= two302 {
		s, c := Sincos(x)
		var t float64
		switch n & 3 {
		case 0:
			t = s - c
		case 1:
			t = -s - c
		case 2:
			t = -s + c
		case 3:
			t = s + c
		}
		b = (1 / SqrtPi) * t / Sqrt(x)
	} else {
		a := Y0(x)
		b = Y1(x)
		for i := 1; i < n && !IsInf(b, -1); i++ { // stop once b is -Inf
			a, b = b, (float64(i+i)/x)*b-a
		}
	}
	if neg {
		return -b
	}
	return b
}
