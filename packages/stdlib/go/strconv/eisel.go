// gort standard library: package strconv (Eisel-Lemire fast path).
//
// Daniel Lemire, "Number Parsing at a Gigabyte per Second" (2021), after
// Michael Eisel: multiply the normalised decimal significand (at most 19
// digits) by a 128-bit approximation of 10^q (pow10_tables.go), widen once
// when the low bits are ambiguous, and round to the target precision. When
// the approximation cannot decide (near a halfway point, or out of the
// normal range) it reports !ok and the exact conversion takes over, so the
// result is always the correctly rounded one.
package strconv

import "math/bits"

// eiselLemire converts man * 10^exp10 (man != 0) to IEEE bits of format f
// (float64 or float32), without the sign.
func eiselLemire(man uint64, exp10 int, f floatFormat) (uint64, bool) {
	if exp10 < pow10MinExp || exp10 > pow10MaxExp {
		return 0, false
	}
	clz := bits.LeadingZeros64(man)
	man <<= uint(clz)
	bias := uint64(1)<<(f.expBits-1) - 1
	// 217706/2^16 ~ log2(10): the binary exponent of 10^exp10.
	exp2 := uint64(217706*exp10>>16+64) + bias - uint64(clz)
	entry := pow10Table[exp10-pow10MinExp]
	xHi, xLo := bits.Mul64(man, entry[1])
	// lowMask: the product bits below the target precision (+2 guard bits).
	lowShift := 64 - f.mantBits - 3 // 9 for float64, 38 for float32
	lowMask := uint64(1)<<lowShift - 1
	if xHi&lowMask == lowMask && xLo+man < man {
		yHi, yLo := bits.Mul64(man, entry[0])
		mHi, mLo := xHi, xLo+yHi
		if mLo < xLo {
			mHi++
		}
		if mHi&lowMask == lowMask && mLo+1 == 0 && yLo+man < man {
			return 0, false
		}
		xHi, xLo = mHi, mLo
	}
	msb := xHi >> 63
	mant := xHi >> (msb + uint64(lowShift))
	exp2 -= 1 ^ msb
	if xLo == 0 && xHi&lowMask == 0 && mant&3 == 1 {
		return 0, false // halfway between two floats: let the exact path decide
	}
	mant += mant & 1 // round half up on the guard bit, then drop it
	mant >>= 1
	if mant>>(f.mantBits+1) > 0 {
		mant >>= 1
		exp2++
	}
	maxBiased := uint64(1)<<f.expBits - 1
	if exp2-1 >= maxBiased-1 { // subnormal, zero, or overflow
		return 0, false
	}
	return exp2<<f.mantBits | mant&(1<<f.mantBits-1), true
}
