// perf_numdigits: strconv's float formatting through the runtime's digit
// natives (internal/numdigits) and the byte-loop natives of strings/bytes
// (internal/bytealg) must print exactly what Go prints. Random bit patterns,
// decimal-looking values, exact halfway cases and subnormals, in every
// format at every precision up to 18.
package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

var state uint64 = 88172645463325252

func next() uint64 {
	state ^= state << 13
	state ^= state >> 7
	state ^= state << 17
	return state
}

func main() {
	var vals []float64
	for i := 0; i < 4; i++ {
		vals = append(vals, math.Float64frombits(next()))
	}
	for i := 0; i < 3; i++ {
		vals = append(vals, float64(next()%2000000)/float64(uint64(1)<<(next()%12)))
		vals = append(vals, float64(next()%100000)*0.001, float64(int64(next()%1000000))/7)
	}
	halves := []float64{0.5, 1.5, 2.5, 0.125, 0.375, 1.0625, 2.675, 1.005, 1e23, 5e-324, 2.2250738585072014e-308,
		1.7976931348623157e308, 123456789012345678, 0.1, 0.3, 1e21, 1e-7, 9.5, 99.5, 0.95, 0.05, 1 << 53, 1<<53 + 2}
	vals = append(vals, halves...)
	h := uint64(14695981039346656037)
	lines := 0
	for k, v := range vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		for _, f := range []byte{'e', 'f', 'g', 'E', 'G'} {
			for prec := -1; prec <= 18; prec++ {
				s := strconv.FormatFloat(v, f, prec, 64)
				if k >= len(vals)-len(halves) || k%4 == 0 {
					fmt.Println(string(f), prec, s)
					lines++
				}
				for j := 0; j < len(s); j++ {
					h ^= uint64(s[j])
					h *= 1099511628211
				}
			}
		}
		s := fmt.Sprintf("%v %.3f %8.2e %g", v, v, v, float32(v))
		u := strings.ToUpper(s)
		h ^= uint64(strings.Count(u, "E")*1000 + strings.Index(u, "E+") + strings.IndexByte(u, '.') + strings.LastIndexByte(u, '0'))
		h *= 1099511628211
		if k%3 == 0 {
			fmt.Println(s, u, strings.ToLower(u))
		}
	}
	fmt.Println(lines, "lines")
	fmt.Printf("hash %016x\n", h)
}
