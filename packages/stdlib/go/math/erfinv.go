// gort standard library: package math (inverse error functions).
//
// Wichura's algorithm AS 241 (PPND16, Applied Statistics 37(3), 1988)
// gives the normal quantile with rational approximations in three ranges;
// erfinv(x) = ppnd16((1+x)/2) / sqrt(2). The coefficients are the
// published ones, with the scaling applied at run time; Go's portable
// Erfinv folds that scaling into rescaled constants, so results can differ
// from Go's in the last bit (see HACKING.md).

package math

var ppndA = [8]float64{3.3871328727963666080e+00, 1.3314166789178437745e+02, 1.9715909503065514427e+03,
	1.3731693765509461125e+04, 4.5921953931549871457e+04, 6.7265770927008700853e+04,
	3.3430575583588128105e+04, 2.5090809287301226727e+03}
var ppndB = [8]float64{1, 4.2313330701600911252e+01, 6.8718700749205790830e+02, 5.3941960214247511077e+03,
	2.1213794301586595867e+04, 3.9307895800092710610e+04, 2.8729085735721942674e+04,
	5.2264952788528545610e+03}
var ppndC = [8]float64{1.42343711074968357734e+00, 4.63033784615654529590e+00, 5.76949722146069140550e+00,
	3.64784832476320460504e+00, 1.27045825245236838258e+00, 2.41780725177450611770e-01,
	2.27238449892691845833e-02, 7.74545014278341407640e-04}
var ppndD = [8]float64{1, 2.05319162663775882187e+00, 1.67638483018380384940e+00, 6.89767334985100004550e-01,
	1.48103976427480074590e-01, 1.51986665636164571966e-02, 5.47593808499534494600e-04,
	1.05075007164441684324e-09}
var ppndE = [8]float64{6.65790464350110377720e+00, 5.46378491116411436990e+00, 1.78482653991729133580e+00,
	2.96560571828504891230e-01, 2.65321895265761230930e-02, 1.24266094738807843860e-03,
	2.71155556874348757815e-05, 2.01033439929228813265e-07}
var ppndF = [8]float64{1, 5.99832206555887937690e-01, 1.36929880922735805310e-01, 1.48753612908506148525e-02,
	7.86869131145613259100e-04, 1.84631831751005468180e-05, 1.42151175831644588870e-07,
	2.04426310338993978564e-15}

func horner7(c *[8]float64, r float64) float64 {
	return ((((((c[7]*r+c[6])*r+c[5])*r+c[4])*r+c[3])*r+c[2])*r+c[1])*r + c[0]
}

// Erfinv returns the inverse error function of x: ±Inf at ±1, NaN outside
// [-1, 1].
func Erfinv(x float64) float64 {
	if IsNaN(x) || x <= -1 || x >= 1 {
		if x == -1 || x == 1 {
			return Inf(int(x))
		}
		return NaN()
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	var ans float64
	if x <= 0.85 { // |q| = x/2 <= 0.425
		q := 0.5 * x
		r := 0.180625 - q*q
		ans = q * horner7(&ppndA, r) / horner7(&ppndB, r)
	} else {
		r := Sqrt(Ln2 - Log(1-x)) // -log((1-x)/2)
		if r <= 5 {
			r -= 1.6
			ans = horner7(&ppndC, r) / horner7(&ppndD, r)
		} else {
			r -= 5
			ans = horner7(&ppndE, r) / horner7(&ppndF, r)
		}
	}
	ans /= Sqrt2
	if neg {
		return -ans
	}
	return ans
}

// Erfcinv returns the inverse of Erfc: Erfinv(1 - x).
func Erfcinv(x float64) float64 { return Erfinv(1 - x) }
