package main

import "math"

func main() {
	xs := []float64{0, 0.5, 1, 2, 3.7, -2.25, 100, 1e-10, 1e300}
	for _, x := range xs {
		println(x, math.Sqrt(math.Abs(x)), math.Floor(x), math.Ceil(x), math.Trunc(x), math.Round(x))
		println(math.Exp(x/100), math.Log(math.Abs(x)+1), math.Sin(x), math.Cos(x), math.Tan(x/3))
		println(math.Atan(x), math.Atan2(x, 1.5), math.Pow(1.5, x/10), math.Cbrt(x), math.Hypot(x, 3))
		fr, ex := math.Frexp(x)
		println(fr, ex, math.Ldexp(fr, ex), math.Float64bits(x), math.Float32bits(float32(x)))
		ip, fp := math.Modf(x)
		println(ip, fp, math.Mod(x, 0.75), math.Remainder(x, 0.75), math.Signbit(-x))
	}
	println(math.Inf(1), math.Inf(-1), math.IsInf(math.Inf(-1), -1), math.IsNaN(math.NaN()))
	println(math.MaxInt64, math.MinInt64, math.MaxUint32, math.MaxFloat64, math.SmallestNonzeroFloat64)
	println(math.Gamma(5.5), math.Erf(0.3), math.Erfinv(0.4), math.J0(2.5), math.Y1(3))
	lg, s := math.Lgamma(-2.5)
	println(lg, s, math.Log1p(1e-9), math.Expm1(1e-9), math.Log2(1024), math.Log10(0.001))
	println(math.Sinh(1), math.Cosh(1), math.Tanh(0.5), math.Asinh(2), math.Acosh(2), math.Atanh(0.5))
	println(math.FMA(2, 3, 4), math.Copysign(3, -1), math.Dim(5, 3), math.Max(1, math.NaN()), math.Min(-0.0, 0))
	println(math.Nextafter(1, 2), math.Float64frombits(0x3ff0000000000001), math.Asin(0.5), math.Acos(0.5))
}
