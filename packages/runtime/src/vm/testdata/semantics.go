// Expected values for vm/semantics.test.ts: run with
//   /usr/lib/go-1.19/bin/go run packages/runtime/src/vm/testdata/semantics.go
// and paste the output into the tables of semantics.test.ts (each line: op a b result, as
// int64 bit patterns in decimal; float rows use math.Float64bits).
//go:build ignore

package main

import (
	"fmt"
	"math"
)

var pairs = [][2]int64{
	{0, 0}, {1, -1}, {math.MaxInt64, 1}, {math.MinInt64, -1}, {-7, 2}, {7, -2}, {-7, -2},
	{123456789123, 987654321}, {-9223372036854775807, 3}, {0x7fffffff, 1}, {-0x80000000, -1},
	{4294967295, 4294967297}, {-1, 1}, {0x123456789abcdef, -0x1000}, {255, 128}, {-129, 65535},
}

var counts = []int64{0, 1, 7, 31, 32, 33, 63, 64, 65, 100, 1 << 40}

func main() {
	for _, p := range pairs {
		a, b := p[0], p[1]
		ua, ub := uint64(a), uint64(b)
		fmt.Printf("ADD %d %d %d\n", a, b, a+b)
		fmt.Printf("SUB %d %d %d\n", a, b, a-b)
		fmt.Printf("MUL %d %d %d\n", a, b, a*b)
		if b != 0 {
			fmt.Printf("DIV %d %d %d\n", a, b, a/b)
			fmt.Printf("REM %d %d %d\n", a, b, a%b)
			fmt.Printf("DIVU %d %d %d\n", a, b, int64(ua/ub))
			fmt.Printf("REMU %d %d %d\n", a, b, int64(ua%ub))
		}
		fmt.Printf("AND %d %d %d\n", a, b, a&b)
		fmt.Printf("OR %d %d %d\n", a, b, a|b)
		fmt.Printf("XOR %d %d %d\n", a, b, a^b)
		fmt.Printf("ANDNOT %d %d %d\n", a, b, a&^b)
		fmt.Printf("EQ %d %d %d\n", a, b, b2i(a == b))
		fmt.Printf("NE %d %d %d\n", a, b, b2i(a != b))
		fmt.Printf("LT %d %d %d\n", a, b, b2i(a < b))
		fmt.Printf("LE %d %d %d\n", a, b, b2i(a <= b))
		fmt.Printf("LTU %d %d %d\n", a, b, b2i(ua < ub))
		fmt.Printf("LEU %d %d %d\n", a, b, b2i(ua <= ub))
		fmt.Printf("NEG %d 0 %d\n", a, -a)
		fmt.Printf("COM %d 0 %d\n", a, ^a)
		fmt.Printf("SEXT8 %d 0 %d\n", a, int64(int8(a)))
		fmt.Printf("SEXT16 %d 0 %d\n", a, int64(int16(a)))
		fmt.Printf("SEXT32 %d 0 %d\n", a, int64(int32(a)))
		fmt.Printf("ZEXT8 %d 0 %d\n", a, int64(uint8(a)))
		fmt.Printf("ZEXT16 %d 0 %d\n", a, int64(uint16(a)))
		fmt.Printf("ZEXT32 %d 0 %d\n", a, int64(uint32(a)))
		// int32 arithmetic = 64-bit op then SEXT32 (the compiler's lowering).
		fmt.Printf("ADD32 %d %d %d\n", a, b, int64(int32(a)+int32(b)))
		fmt.Printf("MUL32 %d %d %d\n", a, b, int64(int32(a)*int32(b)))
		fmt.Printf("MULU16 %d %d %d\n", a, b, int64(uint16(a)*uint16(b)))
		if int32(b) != 0 {
			fmt.Printf("DIV32 %d %d %d\n", a, b, int64(int32(a)/int32(b)))
		}
		fmt.Printf("I2F %d 0 %d\n", a, int64(math.Float64bits(float64(a))))
		fmt.Printf("U2F %d 0 %d\n", a, int64(math.Float64bits(float64(ua))))
		fmt.Printf("I2F32 %d 0 %d\n", a, int64(math.Float64bits(float64(float32(a)))))
		fmt.Printf("U2F32 %d 0 %d\n", a, int64(math.Float64bits(float64(float32(ua)))))
		for _, c := range []int64{int64(int32(b)), -5, 1000} {
			fmt.Printf("ADDI %d %d %d\n", a, c, a+c)
		}
		for _, c := range counts {
			fmt.Printf("SHL %d %d %d\n", a, c, a<<uint64(c))
			fmt.Printf("SHR %d %d %d\n", a, c, int64(ua>>uint64(c)))
			fmt.Printf("SAR %d %d %d\n", a, c, a>>uint64(c))
		}
	}
	fs := []float64{0, math.Copysign(0, -1), -0.5, 1.9, -1.9, 1e18, -1e18, 9.3e18, 1.8e19, 2e19, -9.3e18,
		math.NaN(), math.Inf(1), math.Inf(-1), 4611686018427387904.0, 9223372036854775807.0,
		-9223372036854775808.0, -1, -3.7, 1e300, 0.1, 16777217, 3.4028235677973366e+38, 1e-46}
	for _, x := range fs {
		xb := int64(math.Float64bits(x))
		fmt.Printf("F2I %d 0 %d\n", xb, f2i(x))
		fmt.Printf("F2U %d 0 %d\n", xb, int64(f2u(x)))
		fmt.Printf("F2F32 %d 0 %d\n", xb, int64(math.Float64bits(float64(float32(x)))))
		fmt.Printf("NEGF %d 0 %d\n", xb, int64(math.Float64bits(-x)))
		fmt.Printf("SQRTF %d 0 %d\n", xb, int64(math.Float64bits(math.Sqrt(x))))
		for _, y := range []float64{3, -0.1, 1e-300, math.Inf(1), x} {
			yb := int64(math.Float64bits(y))
			fmt.Printf("ADDF %d %d %d\n", xb, yb, int64(math.Float64bits(x+y)))
			fmt.Printf("SUBF %d %d %d\n", xb, yb, int64(math.Float64bits(x-y)))
			fmt.Printf("MULF %d %d %d\n", xb, yb, int64(math.Float64bits(x*y)))
			fmt.Printf("DIVF %d %d %d\n", xb, yb, int64(math.Float64bits(x/y)))
			x32, y32 := float32(x), float32(y)
			xb32, yb32 := int64(math.Float64bits(float64(x32))), int64(math.Float64bits(float64(y32)))
			fmt.Printf("ADDF32 %d %d %d\n", xb32, yb32, int64(math.Float64bits(float64(x32+y32))))
			fmt.Printf("SUBF32 %d %d %d\n", xb32, yb32, int64(math.Float64bits(float64(x32-y32))))
			fmt.Printf("MULF32 %d %d %d\n", xb32, yb32, int64(math.Float64bits(float64(x32*y32))))
			fmt.Printf("DIVF32 %d %d %d\n", xb32, yb32, int64(math.Float64bits(float64(x32/y32))))
			fmt.Printf("EQF %d %d %d\n", xb, yb, b2i(x == y))
			fmt.Printf("NEF %d %d %d\n", xb, yb, b2i(x != y))
			fmt.Printf("LTF %d %d %d\n", xb, yb, b2i(x < y))
			fmt.Printf("LEF %d %d %d\n", xb, yb, b2i(x <= y))
		}
	}
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

//go:noinline
func f2i(x float64) int64 { return int64(x) }

//go:noinline
func f2u(x float64) uint64 { return uint64(x) }
