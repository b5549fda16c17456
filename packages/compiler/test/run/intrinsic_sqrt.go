// math.Sqrt is compiled to the SQRTF intrinsic: results must be Go's, bit for bit.
package main

import (
	"fmt"
	"math"
)

func main() {
	xs := []float64{0, -0.0, 2, 1e-310, math.Inf(1), -1, math.NaN(), 1e308, 0.5}
	for _, x := range xs {
		fmt.Println(math.Sqrt(x), math.Float64bits(math.Sqrt(x)))
	}
	f := math.Sqrt
	fmt.Println(f(3), math.Sqrt(float64(len(xs))))
}
