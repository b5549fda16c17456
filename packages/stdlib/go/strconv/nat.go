// gort standard library: package strconv (exact arithmetic).
//
// A minimal arbitrary-precision natural number, enough for exact float
// conversions in both directions: values up to 10^800 and 2^1100 or so.
// Little-endian base-2^32 limbs; the zero value is 0. Only the operations
// the converters need exist, and none is tuned: the common conversions
// take fast paths that never get here.
package strconv

import "math/bits"

type nat []uint32

// norm drops leading zero limbs.
func (x nat) norm() nat {
	for len(x) > 0 && x[len(x)-1] == 0 {
		x = x[:len(x)-1]
	}
	return x
}

// mulAdd returns x*m + a for small m and a.
func (x nat) mulAdd(m, a uint32) nat {
	carry := uint64(a)
	for i, d := range x {
		t := uint64(d)*uint64(m) + carry
		x[i] = uint32(t)
		carry = t >> 32
	}
	if carry != 0 {
		x = append(x, uint32(carry))
	}
	return x
}

// mulPow multiplies x by base^n (base*base^k must fit in 32 bits for the
// chunking below: base is 5 or 10).
func (x nat) mulPow(base uint32, n int) nat {
	// chunk: the largest power of base that fits in a limb.
	chunk, k := base, 1
	for uint64(chunk)*uint64(base) < 1<<32 {
		chunk *= base
		k++
	}
	for ; n >= k; n -= k {
		x = x.mulAdd(chunk, 0)
	}
	p := uint32(1)
	for ; n > 0; n-- {
		p *= base
	}
	if p != 1 {
		x = x.mulAdd(p, 0)
	}
	return x
}

// bitLen returns the number of significant bits.
func (x nat) bitLen() int {
	x = x.norm()
	if len(x) == 0 {
		return 0
	}
	return (len(x)-1)*32 + bits.Len32(x[len(x)-1])
}

// shl returns x << s as a new number.
func (x nat) shl(s int) nat {
	limbs, sh := s/32, uint(s%32)
	out := make(nat, len(x)+limbs+1)
	for i, d := range x {
		out[i+limbs] |= d << sh
		if sh != 0 {
			out[i+limbs+1] |= d >> (32 - sh)
		}
	}
	return out.norm()
}

// bit reports bit i of x.
func (x nat) bit(i int) uint32 {
	if i/32 >= len(x) {
		return 0
	}
	return x[i/32] >> uint(i%32) & 1
}

// top64 returns the 64 most significant bits of x (x != 0), the exponent e
// with x ≈ top * 2^e, and whether any lower bit was set.
func (x nat) top64() (top uint64, e int, sticky bool) {
	n := x.bitLen()
	if n <= 64 {
		for i := n - 1; i >= 0; i-- {
			top = top<<1 | uint64(x.bit(i))
		}
		return top << uint(64-n), n - 64, false
	}
	for i := n - 1; i >= n-64; i-- {
		top = top<<1 | uint64(x.bit(i))
	}
	for i := n - 65; i >= 0 && !sticky; i-- {
		sticky = x.bit(i) != 0
	}
	return top, n - 64, sticky
}

// cmp compares x and y.
func (x nat) cmp(y nat) int {
	x, y = x.norm(), y.norm()
	if len(x) != len(y) {
		if len(x) < len(y) {
			return -1
		}
		return 1
	}
	for i := len(x) - 1; i >= 0; i-- {
		if x[i] != y[i] {
			if x[i] < y[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// sub sets x = x - y in place (x >= y) and returns x.
func (x nat) sub(y nat) nat {
	var borrow uint32
	for i := range x {
		var yi uint32
		if i < len(y) {
			yi = y[i]
		}
		d, b := bits.Sub32(x[i], yi, borrow)
		x[i], borrow = d, b
	}
	return x.norm()
}

// add returns x + y as a new number.
func (x nat) add(y nat) nat {
	if len(x) < len(y) {
		x, y = y, x
	}
	out := make(nat, len(x)+1)
	var carry uint32
	for i := range x {
		var yi uint32
		if i < len(y) {
			yi = y[i]
		}
		out[i], carry = bits.Add32(x[i], yi, carry)
	}
	out[len(x)] = carry
	return out.norm()
}

// divSmallDigit returns q = x / y for q known to be a single decimal digit
// (0..9, or 10 at most) and leaves the remainder in x.
func (x *nat) divDigit(y nat) uint32 {
	q := uint32(0)
	for x.cmp(y) >= 0 {
		*x = x.sub(y)
		q++
	}
	return q
}

// quoRem returns the quotient of num / den (the quotient must fit in 64
// bits) and whether the remainder is non-zero, by binary long division.
func quoRem(num, den nat) (q uint64, inexact bool) {
	r := append(nat(nil), num...)
	nb, db := num.bitLen(), den.bitLen()
	for s := nb - db; s >= 0; s-- {
		d := den.shl(s)
		q <<= 1
		if r.cmp(d) >= 0 {
			r = r.sub(d)
			q |= 1
		}
	}
	return q, len(r.norm()) != 0
}

// decimalDigits appends the decimal digits of x (no leading zeros; none
// for zero) to dst.
func (x nat) decimalDigits(dst []byte) []byte {
	x = append(nat(nil), x...).norm()
	var chunks []uint32 // base 10^9, least significant first
	for len(x) > 0 {
		var rem uint64
		for i := len(x) - 1; i >= 0; i-- {
			t := rem<<32 | uint64(x[i])
			x[i] = uint32(t / 1e9)
			rem = t % 1e9
		}
		chunks = append(chunks, uint32(rem))
		x = x.norm()
	}
	for i := len(chunks) - 1; i >= 0; i-- {
		c := chunks[i]
		var buf [9]byte
		for j := 8; j >= 0; j-- {
			buf[j] = byte('0' + c%10)
			c /= 10
		}
		if i == len(chunks)-1 {
			k := 0
			for k < 8 && buf[k] == '0' {
				k++
			}
			dst = append(dst, buf[k:]...)
		} else {
			dst = append(dst, buf[:]...)
		}
	}
	return dst
}
