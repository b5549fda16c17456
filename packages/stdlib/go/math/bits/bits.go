// gort standard library: package math/bits.

// Package bits implements bit counting and manipulation functions for the
// predeclared unsigned integer types.
package bits

// UintSize is the size of a uint in bits (gort, like Go on amd64, uses 64).
const UintSize = 32 << (^uint(0) >> 63)

// ---- leading and trailing zeros, length ----

// LeadingZeros returns the number of leading zero bits in x; UintSize for 0.
func LeadingZeros(x uint) int { return UintSize - Len(x) }

// LeadingZeros8 returns the number of leading zero bits in x; 8 for 0.
func LeadingZeros8(x uint8) int { return 8 - Len8(x) }

// LeadingZeros16 returns the number of leading zero bits in x; 16 for 0.
func LeadingZeros16(x uint16) int { return 16 - Len16(x) }

// LeadingZeros32 returns the number of leading zero bits in x; 32 for 0.
func LeadingZeros32(x uint32) int { return 32 - Len32(x) }

// LeadingZeros64 returns the number of leading zero bits in x; 64 for 0.
func LeadingZeros64(x uint64) int { return 64 - Len64(x) }

// TrailingZeros returns the number of trailing zero bits in x; UintSize for 0.
func TrailingZeros(x uint) int {
	if UintSize == 32 {
		return TrailingZeros32(uint32(x))
	}
	return TrailingZeros64(uint64(x))
}

// TrailingZeros8 returns the number of trailing zero bits in x; 8 for 0.
func TrailingZeros8(x uint8) int {
	if x == 0 {
		return 8
	}
	return TrailingZeros64(uint64(x))
}

// TrailingZeros16 returns the number of trailing zero bits in x; 16 for 0.
func TrailingZeros16(x uint16) int {
	if x == 0 {
		return 16
	}
	return TrailingZeros64(uint64(x))
}

// TrailingZeros32 returns the number of trailing zero bits in x; 32 for 0.
func TrailingZeros32(x uint32) int {
	if x == 0 {
		return 32
	}
	return TrailingZeros64(uint64(x))
}

// TrailingZeros64 returns the number of trailing zero bits in x; 64 for 0.
func TrailingZeros64(x uint64) int {
	if x == 0 {
		return 64
	}
	// Isolate the lowest set bit; its position is the count we want.
	return Len64(x&-x) - 1
}

// OnesCount returns the number of one bits in x.
func OnesCount(x uint) int { return OnesCount64(uint64(x)) }

// OnesCount8 returns the number of one bits in x.
func OnesCount8(x uint8) int { return OnesCount64(uint64(x)) }

// OnesCount16 returns the number of one bits in x.
func OnesCount16(x uint16) int { return OnesCount64(uint64(x)) }

// OnesCount32 returns the number of one bits in x.
func OnesCount32(x uint32) int { return OnesCount64(uint64(x)) }

// OnesCount64 returns the number of one bits in x (SWAR population count).
func OnesCount64(x uint64) int {
	x = x - (x>>1)&0x5555555555555555
	x = x&0x3333333333333333 + (x>>2)&0x3333333333333333
	x = (x + x>>4) & 0x0F0F0F0F0F0F0F0F
	return int((x * 0x0101010101010101) >> 56)
}

// Len returns the minimum number of bits needed to represent x; 0 for 0.
func Len(x uint) int { return Len64(uint64(x)) }

// Len8 returns the minimum number of bits needed to represent x.
func Len8(x uint8) int { return Len64(uint64(x)) }

// Len16 returns the minimum number of bits needed to represent x.
func Len16(x uint16) int { return Len64(uint64(x)) }

// Len32 returns the minimum number of bits needed to represent x.
func Len32(x uint32) int { return Len64(uint64(x)) }

// Len64 returns the minimum number of bits needed to represent x (binary
// search on halves).
func Len64(x uint64) int {
	n := 0
	if x >= 1<<32 {
		x >>= 32
		n += 32
	}
	if x >= 1<<16 {
		x >>= 16
		n += 16
	}
	if x >= 1<<8 {
		x >>= 8
		n += 8
	}
	if x >= 1<<4 {
		x >>= 4
		n += 4
	}
	if x >= 1<<2 {
		x >>= 2
		n += 2
	}
	if x >= 1<<1 {
		x >>= 1
		n++
	}
	return n + int(x)
}

// ---- rotation and reversal ----

// RotateLeft returns x rotated left by k bits; a negative k rotates right.
func RotateLeft(x uint, k int) uint {
	if UintSize == 32 {
		return uint(RotateLeft32(uint32(x), k))
	}
	return uint(RotateLeft64(uint64(x), k))
}

// RotateLeft8 returns x rotated left by (k mod 8) bits.
func RotateLeft8(x uint8, k int) uint8 {
	s := uint(k) & 7
	return x<<s | x>>(8-s)
}

// RotateLeft16 returns x rotated left by (k mod 16) bits.
func RotateLeft16(x uint16, k int) uint16 {
	s := uint(k) & 15
	return x<<s | x>>(16-s)
}

// RotateLeft32 returns x rotated left by (k mod 32) bits.
func RotateLeft32(x uint32, k int) uint32 {
	s := uint(k) & 31
	return x<<s | x>>(32-s)
}

// RotateLeft64 returns x rotated left by (k mod 64) bits.
func RotateLeft64(x uint64, k int) uint64 {
	s := uint(k) & 63
	return x<<s | x>>(64-s)
}

// Reverse returns x with its bits in reversed order.
func Reverse(x uint) uint {
	if UintSize == 32 {
		return uint(Reverse32(uint32(x)))
	}
	return uint(Reverse64(uint64(x)))
}

// Reverse8 returns x with its bits in reversed order.
func Reverse8(x uint8) uint8 { return uint8(Reverse64(uint64(x)) >> 56) }

// Reverse16 returns x with its bits in reversed order.
func Reverse16(x uint16) uint16 { return uint16(Reverse64(uint64(x)) >> 48) }

// Reverse32 returns x with its bits in reversed order.
func Reverse32(x uint32) uint32 { return uint32(Reverse64(uint64(x)) >> 32) }

// Reverse64 returns x with its bits in reversed order: swap adjacent bits,
// then pairs, then nibbles, then bytes.
func Reverse64(x uint64) uint64 {
	x = (x>>1)&0x5555555555555555 | (x&0x5555555555555555)<<1
	x = (x>>2)&0x3333333333333333 | (x&0x3333333333333333)<<2
	x = (x>>4)&0x0F0F0F0F0F0F0F0F | (x&0x0F0F0F0F0F0F0F0F)<<4
	return ReverseBytes64(x)
}

// ReverseBytes returns x with its bytes in reversed order.
func ReverseBytes(x uint) uint {
	if UintSize == 32 {
		return uint(ReverseBytes32(uint32(x)))
	}
	return uint(ReverseBytes64(uint64(x)))
}

// ReverseBytes16 returns x with its bytes in reversed order.
func ReverseBytes16(x uint16) uint16 { return x>>8 | x<<8 }

// ReverseBytes32 returns x with its bytes in reversed order.
func ReverseBytes32(x uint32) uint32 {
	return x>>24 | (x>>8)&0xFF00 | (x<<8)&0xFF0000 | x<<24
}

// ReverseBytes64 returns x with its bytes in reversed order.
func ReverseBytes64(x uint64) uint64 {
	x = (x>>8)&0x00FF00FF00FF00FF | (x&0x00FF00FF00FF00FF)<<8
	x = (x>>16)&0x0000FFFF0000FFFF | (x&0x0000FFFF0000FFFF)<<16
	return x>>32 | x<<32
}

// ---- full-width arithmetic ----

// Add returns x+y+carry and the carry out; carry must be 0 or 1.
func Add(x, y, carry uint) (sum, carryOut uint) {
	if UintSize == 32 {
		s, c := Add32(uint32(x), uint32(y), uint32(carry))
		return uint(s), uint(c)
	}
	s, c := Add64(uint64(x), uint64(y), uint64(carry))
	return uint(s), uint(c)
}

// Add32 returns x+y+carry and the carry out; carry must be 0 or 1.
func Add32(x, y, carry uint32) (sum, carryOut uint32) {
	t := uint64(x) + uint64(y) + uint64(carry)
	return uint32(t), uint32(t >> 32)
}

// Add64 returns x+y+carry and the carry out; carry must be 0 or 1.
func Add64(x, y, carry uint64) (sum, carryOut uint64) {
	sum = x + y + carry
	// A carry leaves the top bit when both tops are set, or when either is
	// set and the sum's top bit is clear.
	carryOut = ((x & y) | ((x | y) &^ sum)) >> 63
	return
}

// Sub returns x-y-borrow and the borrow out; borrow must be 0 or 1.
func Sub(x, y, borrow uint) (diff, borrowOut uint) {
	if UintSize == 32 {
		d, b := Sub32(uint32(x), uint32(y), uint32(borrow))
		return uint(d), uint(b)
	}
	d, b := Sub64(uint64(x), uint64(y), uint64(borrow))
	return uint(d), uint(b)
}

// Sub32 returns x-y-borrow and the borrow out; borrow must be 0 or 1.
func Sub32(x, y, borrow uint32) (diff, borrowOut uint32) {
	d, b := Sub64(uint64(x), uint64(y), uint64(borrow))
	return uint32(d), uint32(b)
}

// Sub64 returns x-y-borrow and the borrow out; borrow must be 0 or 1.
func Sub64(x, y, borrow uint64) (diff, borrowOut uint64) {
	diff = x - y - borrow
	borrowOut = ((^x & y) | (^(x ^ y) & diff)) >> 63
	return
}

// Mul returns the full product of x and y as (hi, lo).
func Mul(x, y uint) (hi, lo uint) {
	if UintSize == 32 {
		h, l := Mul32(uint32(x), uint32(y))
		return uint(h), uint(l)
	}
	h, l := Mul64(uint64(x), uint64(y))
	return uint(h), uint(l)
}

// Mul32 returns the 64-bit product of x and y as (hi, lo).
func Mul32(x, y uint32) (hi, lo uint32) {
	t := uint64(x) * uint64(y)
	return uint32(t >> 32), uint32(t)
}

// Mul64 returns the 128-bit product of x and y as (hi, lo), by schoolbook
// multiplication of 32-bit halves.
func Mul64(x, y uint64) (hi, lo uint64) {
	const m32 = 1<<32 - 1
	xl, xh := x&m32, x>>32
	yl, yh := y&m32, y>>32
	ll := xl * yl
	lh := xl * yh
	hl := xh * yl
	hh := xh * yh
	mid := ll>>32 + lh&m32 + hl&m32
	lo = x * y
	hi = hh + lh>>32 + hl>>32 + mid>>32
	return
}

// Div returns the quotient and remainder of (hi, lo) divided by y. It panics
// when y is zero (division by zero) or y <= hi (quotient overflow).
func Div(hi, lo, y uint) (quo, rem uint) {
	if UintSize == 32 {
		q, r := Div32(uint32(hi), uint32(lo), uint32(y))
		return uint(q), uint(r)
	}
	q, r := Div64(uint64(hi), uint64(lo), uint64(y))
	return uint(q), uint(r)
}

// Div32 returns the quotient and remainder of (hi, lo) divided by y, with
// the same panics as Div.
func Div32(hi, lo, y uint32) (quo, rem uint32) {
	if y != 0 && y <= hi {
		panic(overflowError)
	}
	z := uint64(hi)<<32 | uint64(lo)
	return uint32(z / uint64(y)), uint32(z % uint64(y))
}

// Div64 returns the quotient and remainder of (hi, lo) divided by y, with
// the same panics as Div. It divides bit by bit (restoring division), which
// is simple and exact.
func Div64(hi, lo, y uint64) (quo, rem uint64) {
	if y == 0 {
		panic(divideError)
	}
	if y <= hi {
		panic(overflowError)
	}
	if hi == 0 {
		return lo / y, lo % y
	}
	// Normalise so the divisor's top bit is set, then produce the quotient
	// in two 32-bit digits (Knuth, TAOCP vol. 2, 4.3.1, algorithm D).
	s := uint(LeadingZeros64(y))
	y <<= s
	const b = 1 << 32
	const m32 = b - 1
	yn1 := y >> 32
	yn0 := y & m32
	un32 := hi<<s | lo>>(64-s)
	if s == 0 {
		un32 = hi
	}
	un10 := lo << s
	un1 := un10 >> 32
	un0 := un10 & m32

	q1 := un32 / yn1
	rhat := un32 - q1*yn1
	for q1 >= b || q1*yn0 > b*rhat+un1 {
		q1--
		rhat += yn1
		if rhat >= b {
			break
		}
	}
	un21 := un32*b + un1 - q1*y

	q0 := un21 / yn1
	rhat = un21 - q0*yn1
	for q0 >= b || q0*yn0 > b*rhat+un0 {
		q0--
		rhat += yn1
		if rhat >= b {
			break
		}
	}
	return q1*b + q0, (un21*b + un0 - q0*y) >> s
}

// Rem returns the remainder of (hi, lo) divided by y; unlike Div it does not
// panic on quotient overflow. It panics when y is zero.
func Rem(hi, lo, y uint) uint {
	if UintSize == 32 {
		return uint(Rem32(uint32(hi), uint32(lo), uint32(y)))
	}
	return uint(Rem64(uint64(hi), uint64(lo), uint64(y)))
}

// Rem32 returns the remainder of (hi, lo) divided by y.
func Rem32(hi, lo, y uint32) uint32 {
	return uint32((uint64(hi)<<32 | uint64(lo)) % uint64(y))
}

// Rem64 returns the remainder of (hi, lo) divided by y.
func Rem64(hi, lo, y uint64) uint64 {
	// (hi*2^64 + lo) mod y == ((hi mod y)*2^64 + lo) mod y, and hi mod y < y.
	_, rem := Div64(hi%y, lo, y)
	return rem
}
