//go:build ignore

// gortstd:wasm
//
// Differential test: gort's math against Go's portable (pure Go) math. The
// check script runs it with GOOS=js GOARCH=wasm under Node, where Go uses
// no assembly, so the reference is exactly Go's portable algorithms. Every
// function is compared bit for bit on special values and random inputs;
// mismatches are counted per function.
package main

import (
	"fmt"
	"math"
	"math/rand"
	"os"
	"sort"
	"strconv"

	om "gortstd/math"
)

// approximate lists functions known to differ from Go in the last bits
// (see HACKING.md); they fail only beyond maxULP.
var approximate = map[string]bool{}

const maxULP = 8

var mismatches = map[string]int{}
var inexact = map[string]int{}
var examples = map[string]string{}
var checked = map[string]int{}

func same(a, b float64) bool {
	if a != a && b != b {
		return true // any NaN matches any NaN
	}
	return math.Float64bits(a) == math.Float64bits(b)
}

// ulps returns the distance between two finite floats of one sign in
// units in the last place (a large number otherwise).
func ulps(a, b float64) uint64 {
	if math.Signbit(a) != math.Signbit(b) || math.IsNaN(a) || math.IsNaN(b) {
		return math.MaxUint64
	}
	x, y := math.Float64bits(a), math.Float64bits(b)
	if x > y {
		return x - y
	}
	return y - x
}

func cmp(name string, in any, got, want float64) {
	checked[name]++
	if approximate[name] && !same(got, want) && ulps(got, want) <= maxULP {
		inexact[name]++
		return
	}
	if !same(got, want) {
		mismatches[name]++
		if _, ok := examples[name]; !ok {
			examples[name] = fmt.Sprintf("%v: got %v (%#x) want %v (%#x)", in, got, math.Float64bits(got), want, math.Float64bits(want))
		}
	}
}

var specials = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 2, -2, 3, math.Inf(1), math.Inf(-1), math.NaN(),
	math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64, 2.2250738585072014e-308,
	math.Pi, -math.Pi, math.Pi / 2, math.Pi / 4, 1e-300, 1e300, 700, 710, -745, -746, 1 << 29, 1 << 60, 1e22, 0.7, 0.66, 2.414,
	0.625, 21, 22, 44.014845965556525, 1e-8, 1 << 52, 4503599627370495.5, 0.49999999999999994, 1.5, 2.5, -2.5, 1023.9, -1074}

func randArg(r *rand.Rand) float64 {
	switch r.Intn(6) {
	case 0:
		return math.Float64frombits(r.Uint64())
	case 1:
		return (r.Float64()*2 - 1) * 10
	case 2:
		return (r.Float64()*2 - 1) * math.Pow(10, float64(r.Intn(40)-20))
	case 3:
		return specials[r.Intn(len(specials))]
	case 4:
		return float64(r.Intn(2000)-1000) / 8
	}
	return r.NormFloat64()
}

type f1 struct {
	name string
	a, b func(float64) float64
}

type f2 struct {
	name string
	a, b func(float64, float64) float64
}

func main() {
	n, _ := strconv.Atoi(os.Getenv("GORTSTD_N"))
	if n == 0 {
		n = 20000
	}
	r := rand.New(rand.NewSource(7))
	ones := []f1{
		{"Abs", om.Abs, math.Abs}, {"Acos", om.Acos, math.Acos}, {"Acosh", om.Acosh, math.Acosh},
		{"Asin", om.Asin, math.Asin}, {"Asinh", om.Asinh, math.Asinh}, {"Atan", om.Atan, math.Atan},
		{"Atanh", om.Atanh, math.Atanh}, {"Cbrt", om.Cbrt, math.Cbrt}, {"Ceil", om.Ceil, math.Ceil},
		{"Cos", om.Cos, math.Cos}, {"Cosh", om.Cosh, math.Cosh}, {"Erf", om.Erf, math.Erf},
		{"Erfc", om.Erfc, math.Erfc}, {"Erfinv", om.Erfinv, math.Erfinv}, {"Erfcinv", om.Erfcinv, math.Erfcinv},
		{"Exp", om.Exp, math.Exp}, {"Exp2", om.Exp2, math.Exp2}, {"Expm1", om.Expm1, math.Expm1},
		{"Floor", om.Floor, math.Floor}, {"Gamma", om.Gamma, math.Gamma}, {"J0", om.J0, math.J0},
		{"J1", om.J1, math.J1}, {"Log", om.Log, math.Log}, {"Log10", om.Log10, math.Log10},
		{"Log1p", om.Log1p, math.Log1p}, {"Log2", om.Log2, math.Log2}, {"Logb", om.Logb, math.Logb},
		{"Round", om.Round, math.Round}, {"RoundToEven", om.RoundToEven, math.RoundToEven},
		{"Sin", om.Sin, math.Sin}, {"Sinh", om.Sinh, math.Sinh}, {"Sqrt", om.Sqrt, math.Sqrt},
		{"Tan", om.Tan, math.Tan}, {"Tanh", om.Tanh, math.Tanh}, {"Trunc", om.Trunc, math.Trunc},
		{"Y0", om.Y0, math.Y0}, {"Y1", om.Y1, math.Y1},
		{"Lgamma", func(x float64) float64 { v, _ := om.Lgamma(x); return v }, func(x float64) float64 { v, _ := math.Lgamma(x); return v }},
		{"LgammaSign", func(x float64) float64 { _, s := om.Lgamma(x); return float64(s) }, func(x float64) float64 { _, s := math.Lgamma(x); return float64(s) }},
		{"Modf.int", func(x float64) float64 { i, _ := om.Modf(x); return i }, func(x float64) float64 { i, _ := math.Modf(x); return i }},
		{"Modf.frac", func(x float64) float64 { _, f := om.Modf(x); return f }, func(x float64) float64 { _, f := math.Modf(x); return f }},
		{"Frexp", func(x float64) float64 { f, e := om.Frexp(x); return f + float64(e)*1e10 }, func(x float64) float64 { f, e := math.Frexp(x); return f + float64(e)*1e10 }},
		{"Ilogb", func(x float64) float64 { return float64(om.Ilogb(x)) }, func(x float64) float64 { return float64(math.Ilogb(x)) }},
		{"Sincos.sin", func(x float64) float64 { s, _ := om.Sincos(x); return s }, func(x float64) float64 { s, _ := math.Sincos(x); return s }},
		{"Sincos.cos", func(x float64) float64 { _, c := om.Sincos(x); return c }, func(x float64) float64 { _, c := math.Sincos(x); return c }},
		{"Signbit", func(x float64) float64 {
			if om.Signbit(x) {
				return 1
			}
			return 0
		}, func(x float64) float64 {
			if math.Signbit(x) {
				return 1
			}
			return 0
		}},
		{"Pow10", func(x float64) float64 { return om.Pow10(int(x) % 400) }, func(x float64) float64 { return math.Pow10(int(x) % 400) }},
		{"Float32bits", func(x float64) float64 { return float64(om.Float32bits(float32(x))) }, func(x float64) float64 { return float64(math.Float32bits(float32(x))) }},
		{"Jn(3)", func(x float64) float64 { return om.Jn(3, x) }, func(x float64) float64 { return math.Jn(3, x) }},
		{"Yn(2)", func(x float64) float64 { return om.Yn(2, x) }, func(x float64) float64 { return math.Yn(2, x) }},
		{"Jn(-5)", func(x float64) float64 { return om.Jn(-5, x) }, func(x float64) float64 { return math.Jn(-5, x) }},
	}
	twos := []f2{
		{"Atan2", om.Atan2, math.Atan2}, {"Copysign", om.Copysign, math.Copysign}, {"Dim", om.Dim, math.Dim},
		{"Hypot", om.Hypot, math.Hypot}, {"Max", om.Max, math.Max}, {"Min", om.Min, math.Min},
		{"Mod", om.Mod, math.Mod}, {"Nextafter", om.Nextafter, math.Nextafter}, {"Pow", om.Pow, math.Pow},
		{"Remainder", om.Remainder, math.Remainder},
		{"Ldexp", func(x, y float64) float64 { return om.Ldexp(x, int(y)%2200) }, func(x, y float64) float64 { return math.Ldexp(x, int(y)%2200) }},
		{"Nextafter32", func(x, y float64) float64 { return float64(om.Nextafter32(float32(x), float32(y))) }, func(x, y float64) float64 { return float64(math.Nextafter32(float32(x), float32(y))) }},
		{"FMA(x,y,1)", func(x, y float64) float64 { return om.FMA(x, y, 1) }, func(x, y float64) float64 { return math.FMA(x, y, 1) }},
		{"FMA(x,y,-xy)", func(x, y float64) float64 { return om.FMA(x, y, -x*y) }, func(x, y float64) float64 { return math.FMA(x, y, -x*y) }},
		{"FMA(x,1/3,y)", func(x, y float64) float64 { return om.FMA(x, 1.0/3, y) }, func(x, y float64) float64 { return math.FMA(x, 1.0/3, y) }},
	}
	for _, x := range specials {
		for _, f := range ones {
			cmp(f.name, x, f.a(x), f.b(x))
		}
		for _, y := range specials {
			for _, f := range twos {
				cmp(f.name, [2]float64{x, y}, f.a(x, y), f.b(x, y))
			}
		}
	}
	for i := 0; i < n; i++ {
		x, y := randArg(r), randArg(r)
		for _, f := range ones {
			cmp(f.name, x, f.a(x), f.b(x))
		}
		for _, f := range twos {
			cmp(f.name, [2]float64{x, y}, f.a(x, y), f.b(x, y))
		}
		// Pow with integer and small exponents, the common cases
		yi := float64(r.Intn(40) - 20)
		cmp("Pow(x,int)", [2]float64{x, yi}, om.Pow(x, yi), math.Pow(x, yi))
		z := randArg(r)
		cmp("FMA", [3]float64{x, y, z}, om.FMA(x, y, z), math.FMA(x, y, z))
	}
	var names []string
	for k := range checked {
		names = append(names, k)
	}
	sort.Strings(names)
	bad := 0
	for _, k := range names {
		if m := mismatches[k]; m > 0 {
			bad++
			fmt.Printf("MISMATCH %-14s %6d of %6d  e.g. %s\n", k, m, checked[k], examples[k])
		}
	}
	for _, k := range names {
		if m := inexact[k]; m > 0 {
			fmt.Printf("note: %s differs from Go within %d ulp on %d of %d inputs\n", k, maxULP, m, checked[k])
		}
	}
	if bad > 0 {
		fmt.Printf("FAIL math: %d functions differ\n", bad)
		os.Exit(1)
	}
	fmt.Printf("ok math: %d functions checked, %d bit-identical\n", len(names), len(names)-len(inexact))
}
