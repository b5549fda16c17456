// gort standard library: package math/big (signed integers).
//
// An Int is a sign and a magnitude (nat). Division comes in Go's two
// flavours: Quo/Rem/QuoRem truncate toward zero, Div/Mod/DivMod are
// Euclidean (the remainder is never negative). Bitwise operations on
// negative values behave as on infinite two's complement numbers. GCD's
// Bézout coefficients are those of the Euclidean algorithm's cosequence,
// which is what Go's Lehmer implementation produces.

package big

import "math/bits"

// An Int represents a signed multi-precision integer. The zero value is 0.
type Int struct {
	neg bool
	abs nat
}

var intOne = &Int{false, nat{1}}

// NewInt allocates and returns a new Int set to x.
func NewInt(x int64) *Int { return new(Int).SetInt64(x) }

// Sign returns -1, 0 or +1 for x < 0, x == 0, x > 0.
func (x *Int) Sign() int {
	if len(x.abs) == 0 {
		return 0
	}
	if x.neg {
		return -1
	}
	return 1
}

func (z *Int) set(neg bool, abs nat) *Int {
	z.abs = abs.norm()
	z.neg = neg && len(z.abs) > 0
	return z
}

// SetInt64 sets z to x and returns z.
func (z *Int) SetInt64(x int64) *Int {
	neg := x < 0
	if neg {
		x = -x
	}
	return z.set(neg, natFromUint64(uint64(x)))
}

// SetUint64 sets z to x and returns z.
func (z *Int) SetUint64(x uint64) *Int { return z.set(false, natFromUint64(x)) }

// Set sets z to x and returns z.
func (z *Int) Set(x *Int) *Int {
	if z != x {
		z.set(x.neg, x.abs.clone())
	}
	return z
}

// Bits returns the little-endian Word slice of |x| (shared with x).
func (x *Int) Bits() []Word { return x.abs }

// SetBits sets z to the non-negative value of the little-endian abs.
func (z *Int) SetBits(abs []Word) *Int { return z.set(false, nat(abs)) }

// Abs sets z to |x| and returns z.
func (z *Int) Abs(x *Int) *Int {
	z.Set(x)
	z.neg = false
	return z
}

// Neg sets z to -x and returns z.
func (z *Int) Neg(x *Int) *Int {
	z.Set(x)
	z.neg = len(z.abs) > 0 && !z.neg
	return z
}

// Add sets z to x+y and returns z.
func (z *Int) Add(x, y *Int) *Int {
	if x.neg == y.neg {
		return z.set(x.neg, addNat(x.abs, y.abs))
	}
	if x.abs.cmp(y.abs) >= 0 {
		return z.set(x.neg, subNat(x.abs, y.abs))
	}
	return z.set(!x.neg, subNat(y.abs, x.abs))
}

// Sub sets z to x-y and returns z.
func (z *Int) Sub(x, y *Int) *Int {
	if x.neg != y.neg {
		return z.set(x.neg, addNat(x.abs, y.abs))
	}
	if x.abs.cmp(y.abs) >= 0 {
		return z.set(x.neg, subNat(x.abs, y.abs))
	}
	return z.set(!x.neg, subNat(y.abs, x.abs))
}

// Mul sets z to x*y and returns z.
func (z *Int) Mul(x, y *Int) *Int {
	return z.set(x.neg != y.neg, mulNat(x.abs, y.abs))
}

// MulRange sets z to the product of the integers in [a, b] (1 if the range
// is empty) and returns z.
func (z *Int) MulRange(a, b int64) *Int {
	switch {
	case a > b:
		return z.SetInt64(1)
	case a <= 0 && b >= 0:
		return z.SetInt64(0)
	}
	neg := false
	if a < 0 {
		neg = (b-a)&1 == 0
		a, b = -b, -a
	}
	p := nat{1}
	for i := a; i <= b; i++ {
		p = mulNat(p, natFromUint64(uint64(i)))
	}
	return z.set(neg, p)
}

// Binomial sets z to the binomial coefficient C(n, k) and returns z.
func (z *Int) Binomial(n, k int64) *Int {
	if k > n {
		return z.SetInt64(0)
	}
	if k > n-k {
		k = n - k
	}
	var a, b Int
	a.MulRange(n-k+1, n)
	b.MulRange(1, k)
	return z.Quo(&a, &b)
}

// Quo sets z to x/y truncated toward zero; y == 0 panics.
func (z *Int) Quo(x, y *Int) *Int {
	q, _ := divNat(x.abs, y.abs)
	return z.set(x.neg != y.neg, q)
}

// Rem sets z to x - y*(x/y) (sign of x); y == 0 panics.
func (z *Int) Rem(x, y *Int) *Int {
	_, r := divNat(x.abs, y.abs)
	return z.set(x.neg, r)
}

// QuoRem sets z to x/y and r to x%y (truncated) and returns (z, r).
func (z *Int) QuoRem(x, y, r *Int) (*Int, *Int) {
	q, rr := divNat(x.abs, y.abs)
	xneg, yneg := x.neg, y.neg
	z.set(xneg != yneg, q)
	r.set(xneg, rr)
	return z, r
}

// Div sets z to the Euclidean quotient x/y; y == 0 panics.
func (z *Int) Div(x, y *Int) *Int {
	var r Int
	yneg := y.neg
	z.QuoRem(x, y, &r)
	if r.neg {
		if yneg {
			z.Add(z, intOne)
		} else {
			z.Sub(z, intOne)
		}
	}
	return z
}

// Mod sets z to the Euclidean modulus x mod y (0 <= z < |y|).
func (z *Int) Mod(x, y *Int) *Int {
	yabs := y.abs.clone()
	_, r := divNat(x.abs, y.abs)
	z.set(x.neg, r)
	if z.neg {
		z.set(false, subNat(yabs, z.abs))
	}
	return z
}

// DivMod sets z to x div y and m to x mod y (Euclidean) and returns them.
func (z *Int) DivMod(x, y, m *Int) (*Int, *Int) {
	yneg := y.neg
	yabs := y.abs.clone()
	z.QuoRem(x, y, m)
	if m.neg {
		if yneg {
			z.Add(z, intOne)
		} else {
			z.Sub(z, intOne)
		}
		m.set(false, subNat(yabs, m.abs))
	}
	return z, m
}

// Cmp returns -1, 0 or +1 for x < y, x == y, x > y.
func (x *Int) Cmp(y *Int) int {
	switch {
	case x.neg == y.neg:
		r := x.abs.cmp(y.abs)
		if x.neg {
			r = -r
		}
		return r
	case x.neg:
		return -1
	}
	return 1
}

// CmpAbs compares |x| and |y|.
func (x *Int) CmpAbs(y *Int) int { return x.abs.cmp(y.abs) }

func low64(x nat) uint64 {
	if len(x) == 0 {
		return 0
	}
	return uint64(x[0])
}

// Int64 returns the int64 representation of x (undefined if it does not
// fit: the low 64 bits, as Go).
func (x *Int) Int64() int64 {
	v := int64(low64(x.abs))
	if x.neg {
		v = -v
	}
	return v
}

// Uint64 returns the low 64 bits of |x|.
func (x *Int) Uint64() uint64 { return low64(x.abs) }

// IsInt64 reports whether x fits in an int64.
func (x *Int) IsInt64() bool {
	if len(x.abs) <= 1 {
		w := int64(low64(x.abs))
		return w >= 0 || x.neg && w == -w
	}
	return false
}

// IsUint64 reports whether x fits in a uint64.
func (x *Int) IsUint64() bool { return !x.neg && len(x.abs) <= 1 }

// SetBytes interprets buf as a big-endian unsigned integer.
func (z *Int) SetBytes(buf []byte) *Int {
	abs := make(nat, (len(buf)+7)/8)
	for i := 0; i < len(buf); i++ {
		k := len(buf) - 1 - i
		abs[i/8] |= Word(buf[k]) << (8 * uint(i%8))
	}
	return z.set(false, abs)
}

// Bytes returns |x| as a big-endian byte slice.
func (x *Int) Bytes() []byte {
	buf := make([]byte, len(x.abs)*8)
	return buf[x.abs.putBytes(buf):]
}

// putBytes writes x big-endian at the end of buf and returns the index of
// its first non-zero byte.
func (x nat) putBytes(buf []byte) int {
	i := len(buf)
	for _, w := range x {
		for j := 0; j < 8 && i > 0; j++ {
			i--
			buf[i] = byte(w)
			w >>= 8
		}
	}
	for i < len(buf) && buf[i] == 0 {
		i++
	}
	return i
}

// FillBytes sets buf to |x| big-endian, zero-padded; it panics if |x| does
// not fit.
func (x *Int) FillBytes(buf []byte) []byte {
	for i := range buf {
		buf[i] = 0
	}
	if (x.abs.bitLen()+7)/8 > len(buf) {
		panic("math/big: buffer too small to fit value")
	}
	x.abs.putBytes(buf)
	return buf
}

// BitLen returns the length of |x| in bits (0 for 0).
func (x *Int) BitLen() int { return x.abs.bitLen() }

// TrailingZeroBits returns the number of consecutive zero low bits of |x|.
func (x *Int) TrailingZeroBits() uint { return x.abs.trailingZeroBits() }

// Exp sets z to x**y mod |m| and returns z (see Go's documentation for
// y <= 0 and m == nil or 0).
func (z *Int) Exp(x, y, m *Int) *Int {
	xabs := x.abs
	if y.neg {
		if m == nil || len(m.abs) == 0 {
			return z.SetInt64(1)
		}
		inv := new(Int).ModInverse(x, m)
		if inv == nil {
			return nil
		}
		xabs = inv.abs
	}
	var mabs nat
	if m != nil {
		mabs = m.abs.clone()
	}
	yabs := y.abs
	neg := x.neg && len(yabs) > 0 && yabs[0]&1 == 1
	z.set(neg, expNat(xabs, yabs, mabs))
	if z.neg && len(mabs) > 0 {
		z.set(false, subNat(mabs, z.abs))
	}
	return z
}

// GCD sets z to the greatest common divisor of a and b (>= 0) and, when x
// or y are not nil, sets them so that z = a*x + b*y.
func (z *Int) GCD(x, y, a, b *Int) *Int {
	if len(a.abs) == 0 || len(b.abs) == 0 {
		lenA, lenB, negA, negB := len(a.abs), len(b.abs), a.neg, b.neg
		if lenA == 0 {
			z.Set(b)
		} else {
			z.Set(a)
		}
		z.neg = false
		if x != nil {
			if lenA == 0 {
				x.SetUint64(0)
			} else {
				x.SetUint64(1)
				x.neg = negA
			}
		}
		if y != nil {
			if lenB == 0 {
				y.SetUint64(0)
			} else {
				y.SetUint64(1)
				y.neg = negB
			}
		}
		return z
	}
	A := new(Int).Abs(a)
	B := new(Int).Abs(b)
	Ua, Ub := NewInt(1), new(Int) // coefficients of |a| in A and B
	if A.abs.cmp(B.abs) < 0 {
		A, B = B, A
		Ua, Ub = Ub, Ua
	}
	q, r := new(Int), new(Int)
	for len(B.abs) > 0 {
		q.QuoRem(A, B, r)
		A, B = B, new(Int).Set(r)
		t := new(Int).Mul(q, Ub)
		Ua, Ub = Ub, new(Int).Sub(Ua, t)
	}
	negA := a.neg
	if y != nil {
		bb := new(Int).Set(b)
		yy := new(Int).Mul(a, Ua)
		if negA {
			yy.neg = !yy.neg && len(yy.abs) > 0
		}
		yy.Sub(A, yy)
		y.Div(yy, bb)
	}
	if x != nil {
		x.Set(Ua)
		if negA {
			x.neg = !x.neg && len(x.abs) > 0
		}
	}
	z.Set(A)
	return z
}

// ModInverse sets z to the multiplicative inverse of g modulo n and
// returns z, or returns nil (z unchanged) when there is none.
func (z *Int) ModInverse(g, n *Int) *Int {
	if n.neg {
		n = new(Int).Neg(n)
	}
	if g.neg {
		g = new(Int).Mod(g, n)
	}
	var d, x Int
	d.GCD(&x, nil, g, n)
	if d.Cmp(intOne) != 0 {
		return nil
	}
	if x.neg {
		z.Add(&x, n)
	} else {
		z.Set(&x)
	}
	return z
}

// Sqrt sets z to floor(sqrt(x)); it panics if x is negative.
func (z *Int) Sqrt(x *Int) *Int {
	if x.neg {
		panic("square root of negative number")
	}
	return z.set(false, sqrtNat(x.abs))
}

// Lsh sets z to x << n.
func (z *Int) Lsh(x *Int, n uint) *Int { return z.set(x.neg, shlNat(x.abs, n)) }

// Rsh sets z to x >> n (an arithmetic shift: rounds toward -infinity).
func (z *Int) Rsh(x *Int, n uint) *Int {
	if x.neg {
		// (-x) >> s == ^(x-1) >> s == ^((x-1) >> s) == -(((x-1) >> s) + 1)
		t := subNat(x.abs, nat{1})
		t = shrNat(t, n)
		return z.set(true, addNat(t, nat{1}))
	}
	return z.set(false, shrNat(x.abs, n))
}

// Bit returns bit i of x (two's complement for negative x).
func (x *Int) Bit(i int) uint {
	if i < 0 {
		panic("negative bit index")
	}
	if x.neg {
		t := subNat(x.abs, nat{1})
		return natBit(t, uint(i)) ^ 1
	}
	return natBit(x.abs, uint(i))
}

func natBit(x nat, i uint) uint {
	j := int(i / _W)
	if j >= len(x) {
		return 0
	}
	return uint(x[j]>>(i%_W)) & 1
}

// SetBit sets z to x with bit i set to b (0 or 1).
func (z *Int) SetBit(x *Int, i int, b uint) *Int {
	if i < 0 {
		panic("negative bit index")
	}
	if b > 1 {
		panic("set bit is not 0 or 1")
	}
	// Work on the two's complement with enough words, then convert back.
	n := len(x.abs)
	if w := i/_W + 1; w > n {
		n = w
	}
	t := toTwos(x, n+1)
	if b == 1 {
		t[i/_W] |= 1 << (uint(i) % _W)
	} else {
		t[i/_W] &^= 1 << (uint(i) % _W)
	}
	return fromTwos(z, t)
}

// toTwos returns x as n words of two's complement (n large enough to
// include the sign).
func toTwos(x *Int, n int) nat {
	t := make(nat, n)
	copy(t, x.abs)
	if x.neg {
		var borrow uint64 = 1
		for i := range t {
			d, b := bits.Sub64(uint64(t[i]), 0, borrow)
			t[i] = ^Word(d)
			borrow = b
		}
	}
	return t
}

// fromTwos sets z from the two's complement words t (top bit = sign).
func fromTwos(z *Int, t nat) *Int {
	if len(t) > 0 && t[len(t)-1]>>(_W-1) == 1 {
		m := make(nat, len(t))
		var c uint64 = 1
		for i := range t {
			s, c1 := bits.Add64(uint64(^t[i]), 0, c)
			m[i] = Word(s)
			c = c1
		}
		return z.set(true, m)
	}
	return z.set(false, append(nat(nil), t...))
}

func twosOp(z, x, y *Int, op func(a, b Word) Word) *Int {
	n := len(x.abs)
	if len(y.abs) > n {
		n = len(y.abs)
	}
	tx, ty := toTwos(x, n+1), toTwos(y, n+1)
	for i := range tx {
		tx[i] = op(tx[i], ty[i])
	}
	return fromTwos(z, tx)
}

// And sets z = x & y.
func (z *Int) And(x, y *Int) *Int {
	return twosOp(z, x, y, func(a, b Word) Word { return a & b })
}

// AndNot sets z = x &^ y.
func (z *Int) AndNot(x, y *Int) *Int {
	return twosOp(z, x, y, func(a, b Word) Word { return a &^ b })
}

// Or sets z = x | y.
func (z *Int) Or(x, y *Int) *Int {
	return twosOp(z, x, y, func(a, b Word) Word { return a | b })
}

// Xor sets z = x ^ y.
func (z *Int) Xor(x, y *Int) *Int {
	return twosOp(z, x, y, func(a, b Word) Word { return a ^ b })
}

// Not sets z = ^x.
func (z *Int) Not(x *Int) *Int {
	// ^x == -x-1
	if x.neg {
		return z.set(false, subNat(x.abs, nat{1}))
	}
	return z.set(true, addNat(x.abs, nat{1}))
}

var smallPrimes = []uint64{2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53}

// ProbablyPrime reports whether x is probably prime: Miller–Rabin with
// the first 12 prime bases (deterministic below 3.3e24) plus n pseudo-random
// bases. Negative numbers and 0, 1 are not prime.
func (x *Int) ProbablyPrime(n int) bool {
	if n < 0 {
		panic("negative n for ProbablyPrime")
	}
	if x.neg || len(x.abs) == 0 {
		return false
	}
	if len(x.abs) == 1 && x.abs[0] < 64 {
		return (1<<2|1<<3|1<<5|1<<7|1<<11|1<<13|1<<17|1<<19|1<<23|1<<29|1<<31|1<<37|1<<41|1<<43|1<<47|1<<53|1<<59|1<<61)>>uint(x.abs[0])&1 != 0
	}
	for _, p := range smallPrimes {
		if _, r := divW(x.abs, Word(p)); r == 0 {
			return false
		}
	}
	nm1 := subNat(x.abs, nat{1})
	k := nm1.trailingZeroBits()
	q := shrNat(nm1, k)
	witness := func(a nat) bool { // true: a proves x composite
		y := expNat(a, q, x.abs)
		if y.cmp(nat{1}) == 0 || y.cmp(nm1) == 0 {
			return false
		}
		for j := uint(1); j < k; j++ {
			y = mulNat(y, y)
			_, y = divNat(y, x.abs)
			if y.cmp(nm1) == 0 {
				return false
			}
			if y.cmp(nat{1}) == 0 {
				return true
			}
		}
		return true
	}
	for _, p := range smallPrimes[:12] {
		if witness(nat{Word(p)}) {
			return false
		}
	}
	if n > 0 {
		// Bases from a splitmix64 sequence seeded with x (deterministic,
		// like Go's, which seeds math/rand with x).
		state := uint64(x.abs[0])
		next := func() uint64 {
			state += 0x9e3779b97f4a7c15
			z := state
			z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
			z = (z ^ z>>27) * 0x94d049bb133111eb
			return z ^ z>>31
		}
		bitLen := x.abs.bitLen()
		for i := 0; i < n; i++ {
			a := make(nat, len(x.abs))
			for j := range a {
				a[j] = Word(next())
			}
			if rem := uint(bitLen % _W); rem != 0 {
				a[len(a)-1] &= 1<<rem - 1
			}
			_, a = divNat(a.norm(), nm1)
			if len(a) == 0 || a.cmp(nat{1}) == 0 {
				a = nat{2}
			}
			if witness(a) {
				return false
			}
		}
	}
	return true
}
