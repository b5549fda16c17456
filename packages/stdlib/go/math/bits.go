// gort standard library: package math (IEEE bit access and classification).

package math

import "unsafe"

const (
	signBit  = 1 << 63
	expMask  = 0x7FF
	expShift = 52
	bias     = 1023
	fracMask = 1<<expShift - 1
)

// Float64bits returns the IEEE 754 bits of f.
func Float64bits(f float64) uint64 { return *(*uint64)(unsafe.Pointer(&f)) }

// Float64frombits returns the float64 with IEEE 754 bits b.
func Float64frombits(b uint64) float64 { return *(*float64)(unsafe.Pointer(&b)) }

// Float32bits returns the IEEE 754 bits of f.
func Float32bits(f float32) uint32 { return *(*uint32)(unsafe.Pointer(&f)) }

// Float32frombits returns the float32 with IEEE 754 bits b.
func Float32frombits(b uint32) float32 { return *(*float32)(unsafe.Pointer(&b)) }

// Inf returns +Inf for sign >= 0, -Inf otherwise.
func Inf(sign int) float64 {
	if sign >= 0 {
		return Float64frombits(0x7FF0000000000000)
	}
	return Float64frombits(0xFFF0000000000000)
}

// NaN returns an IEEE 754 "not a number" (Go's bit pattern 0x7FF8000000000001).
func NaN() float64 { return Float64frombits(0x7FF8000000000001) }

// IsNaN reports whether f is a NaN.
func IsNaN(f float64) (is bool) { return f != f }

// IsInf reports whether f is +Inf (sign > 0), -Inf (sign < 0) or either
// (sign == 0).
func IsInf(f float64, sign int) bool {
	return sign >= 0 && f > MaxFloat64 || sign <= 0 && f < -MaxFloat64
}

// Signbit reports whether x is negative or negative zero.
func Signbit(x float64) bool { return Float64bits(x)&signBit != 0 }

// Copysign returns a value with the magnitude of f and the sign of sign.
func Copysign(f, sign float64) float64 {
	return Float64frombits(Float64bits(f)&^signBit | Float64bits(sign)&signBit)
}

// Abs returns the absolute value of x.
func Abs(x float64) float64 { return Float64frombits(Float64bits(x) &^ signBit) }

// normalize scales a subnormal x into the normal range: x == y * 2^exp.
func normalize(x float64) (y float64, exp int) {
	const smallestNormal = 2.2250738585072014e-308 // 2^-1022
	if Abs(x) < smallestNormal {
		return x * (1 << 52), -52
	}
	return x, 0
}

// Frexp splits f into a fraction in [0.5, 1) and a power of two:
// f == frac * 2^exp. Zero, ±Inf and NaN are returned with exp 0.
func Frexp(f float64) (frac float64, exp int) {
	switch {
	case f == 0, IsInf(f, 0), IsNaN(f):
		return f, 0
	}
	f, exp = normalize(f)
	b := Float64bits(f)
	exp += int(b>>expShift&expMask) - bias + 1
	b = b&^(expMask<<expShift) | (bias-1)<<expShift
	return Float64frombits(b), exp
}

// Ldexp returns frac * 2^exp, rounding subnormal results to nearest even.
func Ldexp(frac float64, exp int) float64 {
	switch {
	case frac == 0, IsInf(frac, 0), IsNaN(frac):
		return frac
	}
	frac, e := normalize(frac)
	exp += e
	b := Float64bits(frac)
	exp += int(b>>expShift&expMask) - bias
	if exp < -1075 {
		return Copysign(0, frac) // below half the smallest subnormal
	}
	if exp > 1023 {
		return Inf(1 - 2*int(b>>63))
	}
	m := 1.0
	if exp < -1022 {
		// Build the subnormal in two steps so the final multiply rounds.
		exp += 53
		m = 1.0 / (1 << 53)
	}
	b = b&^(expMask<<expShift) | uint64(exp+bias)<<expShift
	return m * Float64frombits(b)
}

// Ilogb returns the binary exponent of x as an int; MinInt32 for 0,
// MaxInt32 for ±Inf and NaN.
func Ilogb(x float64) int {
	switch {
	case x == 0:
		return MinInt32
	case IsNaN(x), IsInf(x, 0):
		return MaxInt32
	}
	return ilogb(x)
}

func ilogb(x float64) int {
	x, e := normalize(x)
	return int(Float64bits(x)>>expShift&expMask) - bias + e
}

// Logb returns the binary exponent of x: -Inf for 0, +Inf for ±Inf, NaN
// for NaN.
func Logb(x float64) float64 {
	switch {
	case x == 0:
		return Inf(-1)
	case IsInf(x, 0):
		return Inf(1)
	case IsNaN(x):
		return x
	}
	return float64(ilogb(x))
}

// Nextafter returns the next representable float64 after x towards y.
func Nextafter(x, y float64) (r float64) {
	switch {
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == y:
		return x
	case x == 0:
		return Copysign(Float64frombits(1), y)
	case (y > x) == (x > 0):
		return Float64frombits(Float64bits(x) + 1)
	}
	return Float64frombits(Float64bits(x) - 1)
}

// Nextafter32 returns the next representable float32 after x towards y.
func Nextafter32(x, y float32) (r float32) {
	switch {
	case IsNaN(float64(x)) || IsNaN(float64(y)):
		return float32(NaN())
	case x == y:
		return x
	case x == 0:
		return float32(Copysign(float64(Float32frombits(1)), float64(y)))
	case (y > x) == (x > 0):
		return Float32frombits(Float32bits(x) + 1)
	}
	return Float32frombits(Float32bits(x) - 1)
}

// Max returns the larger of x and y: +Inf if either is +Inf, else NaN if
// either is NaN; Max(+0, -0) is +0.
func Max(x, y float64) float64 {
	switch {
	case IsInf(x, 1) || IsInf(y, 1):
		return Inf(1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		if Signbit(x) {
			return y
		}
		return x
	case x > y:
		return x
	}
	return y
}

// Min returns the smaller of x and y: -Inf if either is -Inf, else NaN if
// either is NaN; Min(+0, -0) is -0.
func Min(x, y float64) float64 {
	switch {
	case IsInf(x, -1) || IsInf(y, -1):
		return Inf(-1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		if Signbit(x) {
			return x
		}
		return y
	case x < y:
		return x
	}
	return y
}

// Dim returns max(x-y, 0).
func Dim(x, y float64) float64 {
	v := x - y
	if v <= 0 {
		return 0 // also turns -0 into +0
	}
	return v
}
