//go:build ignore

// gortstd:wasm

// Differential test: gort's math/cmplx against Go's, bit for bit, on every
// pair of special parts (signed zeros, infinities, NaN, huge, tiny) and on
// random points of magnitude 1e-20..1e20, for every function, plus Pow,
// Polar/Rect and the large-argument reduction of Tan and Atan. Runs as
// js/wasm so that both sides use Go's portable math (gort's math matches it).
package main

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand"
	"os"
	"strconv"

	gc "gortstd/math/cmplx"
)

func same(a, b complex128) bool {
	eq := func(x, y float64) bool {
		return math.Float64bits(x) == math.Float64bits(y) || math.IsNaN(x) && math.IsNaN(y)
	}
	return eq(real(a), real(b)) && eq(imag(a), imag(b))
}

func main() {
	count, _ := strconv.Atoi(os.Getenv("GORTSTD_N"))
	if count == 0 {
		count = 20000
	}
	r := rand.New(rand.NewSource(1))
	specials := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 2, math.Inf(1), math.Inf(-1), math.NaN(), 1e300, -1e-300, 1 << 40, 3.14159, 1e-10}
	vals := []complex128{}
	for _, a := range specials {
		for _, b := range specials {
			vals = append(vals, complex(a, b))
		}
	}
	for i := 0; i < count; i++ {
		s := math.Pow(10, float64(r.Intn(40)-20))
		vals = append(vals, complex(r.NormFloat64()*s, r.NormFloat64()*s))
	}
	type f1 struct {
		name string
		g, m func(complex128) complex128
	}
	fs := []f1{{"Sqrt", cmplx.Sqrt, gc.Sqrt}, {"Exp", cmplx.Exp, gc.Exp}, {"Log", cmplx.Log, gc.Log}, {"Log10", cmplx.Log10, gc.Log10},
		{"Sin", cmplx.Sin, gc.Sin}, {"Cos", cmplx.Cos, gc.Cos}, {"Tan", cmplx.Tan, gc.Tan}, {"Cot", cmplx.Cot, gc.Cot},
		{"Sinh", cmplx.Sinh, gc.Sinh}, {"Cosh", cmplx.Cosh, gc.Cosh}, {"Tanh", cmplx.Tanh, gc.Tanh},
		{"Asin", cmplx.Asin, gc.Asin}, {"Acos", cmplx.Acos, gc.Acos}, {"Atan", cmplx.Atan, gc.Atan},
		{"Asinh", cmplx.Asinh, gc.Asinh}, {"Acosh", cmplx.Acosh, gc.Acosh}, {"Atanh", cmplx.Atanh, gc.Atanh}, {"Conj", cmplx.Conj, gc.Conj}}
	bad := 0
	for _, f := range fs {
		for _, v := range vals {
			if a, b := f.g(v), f.m(v); !same(a, b) {
				if bad < 10 {
					fmt.Println(f.name, v, a, b)
				}
				bad++
			}
		}
	}
	for i := 0; i < len(vals); i += 3 {
		x, y := vals[i], vals[(i*7+1)%len(vals)]
		if a, b := cmplx.Pow(x, y), gc.Pow(x, y); !same(a, b) {
			bad++
		}
		if cmplx.Abs(x) != gc.Abs(x) && !math.IsNaN(cmplx.Abs(x)) || cmplx.IsNaN(x) != gc.IsNaN(x) || cmplx.IsInf(x) != gc.IsInf(x) {
			bad++
		}
		a1, a2 := cmplx.Polar(x)
		b1, b2 := gc.Polar(x)
		if !same(complex(a1, a2), complex(b1, b2)) || !same(cmplx.Rect(a1, a2), gc.Rect(a1, a2)) {
			bad++
		}
	}
	for _, x := range []float64{1e10, 1e20, 1e300, 123456789012.5, 1 << 31, 5e15} {
		if a, b := cmplx.Tan(complex(x, 1e-9)), gc.Tan(complex(x, 1e-9)); !same(a, b) {
			fmt.Println("Tan big", x, a, b)
			bad++
		}
		if a, b := cmplx.Atan(complex(x, 2)), gc.Atan(complex(x, 2)); !same(a, b) {
			bad++
		}
	}
	fmt.Printf("cmplx: %d cases, %d differences\n", len(vals)*len(fs), bad)
	if bad > 0 {
		os.Exit(1)
	}
}
