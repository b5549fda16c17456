// gort standard library: package math/big (natural numbers).
//
// A nat is a little-endian slice of 64-bit Words with no leading zero
// words (0 is the empty slice). Algorithms (Knuth, TAOCP vol. 2, 4.3.1):
// schoolbook addition, subtraction and multiplication, Algorithm D for
// division, left-to-right binary exponentiation, Newton's method for
// square roots. Results that may alias an operand are built in fresh
// slices, so every nat operation is safe with any aliasing.

package big

import "math/bits"

// A Word represents a single digit of a multi-precision unsigned integer.
type Word uint

const (
	_W = bits.UintSize // word size in bits
	_B = 1 << _W       // digit base
	_M = _B - 1        // digit mask
)

type nat []Word

func (z nat) norm() nat {
	i := len(z)
	for i > 0 && z[i-1] == 0 {
		i--
	}
	return z[0:i]
}

func natFromUint64(x uint64) nat {
	if x == 0 {
		return nil
	}
	return nat{Word(x)}
}

func (x nat) clone() nat {
	if len(x) == 0 {
		return nil
	}
	z := make(nat, len(x))
	copy(z, x)
	return z
}

func (x nat) cmp(y nat) int {
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

func addNat(x, y nat) nat {
	if len(x) < len(y) {
		x, y = y, x
	}
	z := make(nat, len(x)+1)
	var c uint64
	for i := range x {
		var yi uint64
		if i < len(y) {
			yi = uint64(y[i])
		}
		s, c1 := bits.Add64(uint64(x[i]), yi, c)
		z[i] = Word(s)
		c = c1
	}
	z[len(x)] = Word(c)
	return z.norm()
}

// subNat returns x - y for x >= y.
func subNat(x, y nat) nat {
	z := make(nat, len(x))
	var b uint64
	for i := range x {
		var yi uint64
		if i < len(y) {
			yi = uint64(y[i])
		}
		d, b1 := bits.Sub64(uint64(x[i]), yi, b)
		z[i] = Word(d)
		b = b1
	}
	if b != 0 {
		panic("underflow")
	}
	return z.norm()
}

// mulAddWW returns x*y + r.
func mulAddWW(x nat, y, r Word) nat {
	z := make(nat, len(x)+1)
	c := uint64(r)
	for i, xi := range x {
		hi, lo := bits.Mul64(uint64(xi), uint64(y))
		lo, cc := bits.Add64(lo, c, 0)
		z[i] = Word(lo)
		c = hi + cc
	}
	z[len(x)] = Word(c)
	return z.norm()
}

func mulNat(x, y nat) nat {
	if len(x) == 0 || len(y) == 0 {
		return nil
	}
	z := make(nat, len(x)+len(y))
	for i, xi := range x {
		if xi == 0 {
			continue
		}
		var c uint64
		for j, yj := range y {
			hi, lo := bits.Mul64(uint64(xi), uint64(yj))
			lo, c1 := bits.Add64(lo, uint64(z[i+j]), 0)
			hi += c1
			lo, c1 = bits.Add64(lo, c, 0)
			hi += c1
			z[i+j] = Word(lo)
			c = hi
		}
		z[i+len(y)] = Word(c)
	}
	return z.norm()
}

// divW returns x / y and x % y for a single-word y != 0.
func divW(x nat, y Word) (nat, Word) {
	q := make(nat, len(x))
	var r uint64
	for i := len(x) - 1; i >= 0; i-- {
		qi, ri := bits.Div64(r, uint64(x[i]), uint64(y))
		q[i] = Word(qi)
		r = ri
	}
	return q.norm(), Word(r)
}

func shlNat(x nat, s uint) nat {
	if len(x) == 0 {
		return nil
	}
	ws, bs := int(s/_W), s%_W
	z := make(nat, len(x)+ws+1)
	for i := len(x) - 1; i >= 0; i-- {
		v := x[i]
		if bs != 0 {
			z[i+ws+1] |= v >> (_W - bs)
		}
		z[i+ws] = v << bs
	}
	return z.norm()
}

func shrNat(x nat, s uint) nat {
	ws, bs := int(s/_W), s%_W
	if ws >= len(x) {
		return nil
	}
	n := len(x) - ws
	z := make(nat, n)
	for i := 0; i < n; i++ {
		v := x[i+ws] >> bs
		if bs != 0 && i+ws+1 < len(x) {
			v |= x[i+ws+1] << (_W - bs)
		}
		z[i] = v
	}
	return z.norm()
}

func (x nat) bitLen() int {
	if i := len(x) - 1; i >= 0 {
		return i*_W + bits.Len(uint(x[i]))
	}
	return 0
}

func (x nat) trailingZeroBits() uint {
	for i, w := range x {
		if w != 0 {
			return uint(i)*_W + uint(bits.TrailingZeros(uint(w)))
		}
	}
	return 0
}

// divNat returns u / v and u % v (v != 0).
func divNat(u, v nat) (q, r nat) {
	if len(v) == 0 {
		panic("division by zero")
	}
	if u.cmp(v) < 0 {
		return nil, u.clone()
	}
	if len(v) == 1 {
		q, rw := divW(u, v[0])
		return q, natFromUint64(uint64(rw))
	}
	// Knuth's Algorithm D: normalise so the divisor's top bit is set.
	s := uint(bits.LeadingZeros(uint(v[len(v)-1])))
	vn := shlNat(v, s)
	un := make(nat, len(u)+1)
	copy(un, shlNat(u, s))
	n := len(vn)
	m := len(un) - 1 - n
	q = make(nat, m+1)
	vTop, vNext := uint64(vn[n-1]), uint64(vn[n-2])
	for j := m; j >= 0; j-- {
		// Estimate the quotient digit from the top two words; it is at
		// most 2 too large, and the check against the next word fixes
		// nearly all of that.
		var qhat, rhat uint64
		ujn := uint64(un[j+n])
		exact := true // rhat fits in a word
		if ujn >= vTop {
			// ujn == vTop: qhat = B-1 and rhat = un[j+n-1] + vTop.
			qhat = _M
			var c uint64
			rhat, c = bits.Add64(uint64(un[j+n-1]), vTop, 0)
			exact = c == 0
		} else {
			qhat, rhat = bits.Div64(ujn, uint64(un[j+n-1]), vTop)
		}
		for exact {
			hi, lo := bits.Mul64(qhat, vNext)
			if hi < rhat || hi == rhat && lo <= uint64(un[j+n-2]) {
				break
			}
			qhat--
			var c uint64
			rhat, c = bits.Add64(rhat, vTop, 0)
			exact = c == 0
		}
		// un[j:j+n+1] -= qhat * vn
		var borrow, carry uint64
		for i := 0; i < n; i++ {
			hi, lo := bits.Mul64(qhat, uint64(vn[i]))
			lo, c := bits.Add64(lo, carry, 0)
			carry = hi + c
			d, b := bits.Sub64(uint64(un[j+i]), lo, borrow)
			un[j+i] = Word(d)
			borrow = b
		}
		d, b := bits.Sub64(uint64(un[j+n]), carry, borrow)
		un[j+n] = Word(d)
		if b != 0 {
			// qhat was one too large: add vn back.
			qhat--
			var c uint64
			for i := 0; i < n; i++ {
				sum, c1 := bits.Add64(uint64(un[j+i]), uint64(vn[i]), c)
				un[j+i] = Word(sum)
				c = c1
			}
			un[j+n] += Word(c)
		}
		q[j] = Word(qhat)
	}
	return q.norm(), shrNat(un[:n].norm(), s)
}

// expNat returns x**y mod m (m == nil or empty: no modulus).
func expNat(x, y, m nat) nat {
	if len(m) == 1 && m[0] == 1 {
		return nil
	}
	if len(y) == 0 {
		return nat{1}
	}
	if len(m) > 0 {
		_, x = divNat(x, m)
	}
	z := nat{1}
	for i := y.bitLen() - 1; i >= 0; i-- {
		z = mulNat(z, z)
		if y[i/_W]>>(uint(i)%_W)&1 != 0 {
			z = mulNat(z, x)
		}
		if len(m) > 0 {
			_, z = divNat(z, m)
		}
	}
	return z
}

// sqrtNat returns floor(sqrt(x)) by Newton's method from above.
func sqrtNat(x nat) nat {
	if x.cmp(nat{1}) <= 0 {
		return x.clone()
	}
	// Start at 2^ceil(bitLen/2) > sqrt(x).
	z := shlNat(nat{1}, uint(x.bitLen()+1)/2)
	for {
		q, _ := divNat(x, z)
		n := shrNat(addNat(z, q), 1)
		if n.cmp(z) >= 0 {
			return z
		}
		z = n
	}
}
