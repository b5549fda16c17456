package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

// Values are printed with 12 significant digits: Go's amd64 math uses
// assembly for Exp/Log (last-bit differences from the portable code that
// gort, like GOARCH=wasm, implements).
func p(name string, z complex128) {
	fmt.Printf("%-6s (%.12g%+.12gi)\n", name, real(z), imag(z))
}

func main() {
	z := complex(3, 4)
	fmt.Println(cmplx.Abs(z), cmplx.Conj(z), cmplx.Phase(-1), cmplx.IsNaN(cmplx.NaN()), cmplx.IsInf(cmplx.Inf()))
	r, th := cmplx.Polar(complex(0, 2))
	fmt.Println(r, th, cmplx.Rect(2, math.Pi/2) == complex(2*math.Cos(math.Pi/2), 2))
	for _, x := range []complex128{z, complex(-2, 0.5), complex(0.3, -0.1), complex(0, 1), complex(-1, 0), complex(1e-8, 2)} {
		fmt.Println("x =", x)
		p("Sqrt", cmplx.Sqrt(x))
		p("Exp", cmplx.Exp(x))
		p("Log", cmplx.Log(x))
		p("Log10", cmplx.Log10(x))
		p("Sin", cmplx.Sin(x))
		p("Cos", cmplx.Cos(x))
		p("Tan", cmplx.Tan(x))
		p("Cot", cmplx.Cot(x))
		p("Sinh", cmplx.Sinh(x))
		p("Cosh", cmplx.Cosh(x))
		p("Tanh", cmplx.Tanh(x))
		p("Asin", cmplx.Asin(x))
		p("Acos", cmplx.Acos(x))
		p("Atan", cmplx.Atan(x))
		p("Asinh", cmplx.Asinh(x))
		p("Acosh", cmplx.Acosh(x))
		p("Atanh", cmplx.Atanh(x))
		p("Pow", cmplx.Pow(x, complex(0.5, -1)))
	}
	// Special values (C99 Annex G).
	inf, nan := math.Inf(1), math.NaN()
	fmt.Println(cmplx.Sqrt(-4), cmplx.Sqrt(complex(-4, math.Copysign(0, -1))), cmplx.Exp(complex(inf, 0)), cmplx.Exp(complex(-inf, inf)))
	fmt.Println(cmplx.Pow(0, 0), cmplx.Pow(0, -1), cmplx.Pow(0, complex(-1, 1)), cmplx.Pow(0, 2), cmplx.Log(0))
	fmt.Println(cmplx.Sin(complex(inf, 0)), cmplx.Tan(complex(1, inf)), cmplx.Asin(complex(nan, inf)), cmplx.Atan(complex(0, 1)))
	p("Tan", cmplx.Tan(complex(1e20, 1e-9)))
}
