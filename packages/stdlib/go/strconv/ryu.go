// gort standard library: package strconv (Ryū shortest formatting).
//
// Ulf Adams, "Ryū: fast float-to-string conversion" (PLDI 2018): the
// float64 m*2^e and the ends of its rounding interval are scaled by a
// power of ten with 128-bit table entries (ryu_tables.go) such that their
// integer parts vr, vp, vm have enough digits; then digits are removed
// while the interval still holds two candidates. Trailing-zero tracking
// makes the choice exact: the result is the shortest decimal in the
// interval, nearest to the value, ties to the even digit — the same
// answer as the exact digit generation in shortestDigits, which remains the
// fallback for float32.
package strconv

import "math/bits"

const ryuBits = 125 // precision of the power-of-five tables

// pow5bits returns ceil(log2(5^e)) for 0 <= e <= 3528 (1 for e = 0).
func pow5bits(e int) int { return int((uint32(e)*1217359)>>19) + 1 }

// log10Pow2 returns floor(log10(2^e)) for 0 <= e <= 1650.
func log10Pow2(e int) int { return int((uint32(e) * 78913) >> 18) }

// log10Pow5 returns floor(log10(5^e)) for 0 <= e <= 2620.
func log10Pow5(e int) int { return int((uint32(e) * 732923) >> 20) }

func pow5Factor(v uint64) int {
	n := 0
	for v%5 == 0 {
		v /= 5
		n++
	}
	return n
}

func multipleOfPow5(v uint64, p int) bool { return pow5Factor(v) >= p }

func multipleOfPow2(v uint64, p int) bool { return v&(1<<uint(p)-1) == 0 }

// mulShift returns (m * (hi<<64 | lo)) >> j for j >= 64.
func mulShift(m uint64, mul [2]uint64, j int) uint64 {
	h0, _ := bits.Mul64(m, mul[0])
	h1, l1 := bits.Mul64(m, mul[1])
	sum, carry := bits.Add64(h0, l1, 0)
	h1 += carry
	s := uint(j - 64)
	if s == 0 {
		return sum
	}
	if s >= 64 {
		return h1 >> (s - 64)
	}
	return h1<<(64-s) | sum>>s
}

// ryuShortest64 returns the shortest digits of a finite, non-zero float64
// given by its biased exponent and stored fraction bits.
func ryuShortest64(biased int, frac uint64) digitSet {
	const mantBits, bias = 52, 1023
	var e2 int
	var m2 uint64
	if biased == 0 {
		e2 = 1 - bias - mantBits - 2
		m2 = frac
	} else {
		e2 = biased - bias - mantBits - 2
		m2 = 1<<mantBits | frac
	}
	acceptBounds := m2&1 == 0
	mv := 4 * m2
	mmShift := uint64(0)
	if frac != 0 || biased <= 1 {
		mmShift = 1
	}
	var vr, vp, vm uint64
	var e10 int
	vmTrailingZeros, vrTrailingZeros := false, false
	if e2 >= 0 {
		q := log10Pow2(e2)
		if e2 > 3 {
			q--
		}
		e10 = q
		k := ryuBits + pow5bits(q) - 1
		i := -e2 + q + k
		vr = mulShift(4*m2, ryuPow5Inv[q], i)
		vp = mulShift(4*m2+2, ryuPow5Inv[q], i)
		vm = mulShift(4*m2-1-mmShift, ryuPow5Inv[q], i)
		if q <= 21 {
			switch {
			case mv%5 == 0:
				vrTrailingZeros = multipleOfPow5(mv, q)
			case acceptBounds:
				vmTrailingZeros = multipleOfPow5(mv-1-mmShift, q)
			default:
				if multipleOfPow5(mv+2, q) {
					vp--
				}
			}
		}
	} else {
		q := log10Pow5(-e2)
		if -e2 > 1 {
			q--
		}
		e10 = q + e2
		i := -e2 - q
		k := pow5bits(i) - ryuBits
		j := q - k
		vr = mulShift(4*m2, ryuPow5[i], j)
		vp = mulShift(4*m2+2, ryuPow5[i], j)
		vm = mulShift(4*m2-1-mmShift, ryuPow5[i], j)
		if q <= 1 {
			// vr is exact here (mv has at least q trailing zero bits).
			vrTrailingZeros = true
			if acceptBounds {
				vmTrailingZeros = mmShift == 1
			} else {
				vp--
			}
		} else if q < 63 {
			vrTrailingZeros = multipleOfPow2(mv, q)
		}
	}

	removed := 0
	lastRemoved := uint64(0)
	var out uint64
	if vmTrailingZeros || vrTrailingZeros {
		// The rare general case: track whether the removed digits of vm
		// and vr were all zeros.
		for vp/10 > vm/10 {
			vmTrailingZeros = vmTrailingZeros && vm%10 == 0
			vrTrailingZeros = vrTrailingZeros && lastRemoved == 0
			lastRemoved = vr % 10
			vr, vp, vm = vr/10, vp/10, vm/10
			removed++
		}
		if vmTrailingZeros {
			for vm%10 == 0 {
				vrTrailingZeros = vrTrailingZeros && lastRemoved == 0
				lastRemoved = vr % 10
				vr, vp, vm = vr/10, vp/10, vm/10
				removed++
			}
		}
		if vrTrailingZeros && lastRemoved == 5 && vr%2 == 0 {
			lastRemoved = 4 // exactly halfway: keep the even digit
		}
		out = vr
		if (vr == vm && (!acceptBounds || !vmTrailingZeros)) || lastRemoved >= 5 {
			out++
		}
	} else {
		roundUp := false
		for vp/10 > vm/10 {
			roundUp = vr%10 >= 5
			vr, vp, vm = vr/10, vp/10, vm/10
			removed++
		}
		out = vr
		if vr == vm || roundUp {
			out++
		}
	}
	// out * 10^(e10+removed)
	var buf [20]byte
	n := len(buf)
	for out > 0 {
		n--
		buf[n] = byte('0' + out%10)
		out /= 10
	}
	d := append([]byte(nil), buf[n:]...)
	ds := digitSet{d: d, nd: len(d), dp: len(d) + e10 + removed}
	ds.trim()
	return ds
}
