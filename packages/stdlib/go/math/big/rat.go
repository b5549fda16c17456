// gort standard library: package math/big (rational numbers).
//
// A Rat is a/b in lowest terms with b > 0; the zero value is 0 (b's
// magnitude is empty, standing for 1). Float64/Float32 round the exact
// quotient to nearest-even, including subnormals.

package big

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// A Rat represents a quotient a/b of arbitrary precision.
type Rat struct {
	a, b Int // b.abs empty means 1
}

// NewRat creates a new Rat with numerator a and denominator b.
func NewRat(a, b int64) *Rat { return new(Rat).SetFrac64(a, b) }

// SetFrac sets z to a/b and returns z; b == 0 panics.
func (z *Rat) SetFrac(a, b *Int) *Rat {
	if len(b.abs) == 0 {
		panic("division by zero")
	}
	neg := a.neg != b.neg
	z.a.set(neg, a.abs.clone())
	z.b.set(false, b.abs.clone())
	return z.norm()
}

// SetFrac64 sets z to a/b and returns z; b == 0 panics.
func (z *Rat) SetFrac64(a, b int64) *Rat {
	if b == 0 {
		panic("division by zero")
	}
	return z.SetFrac(NewInt(a), NewInt(b))
}

// SetInt sets z to x (denominator 1).
func (z *Rat) SetInt(x *Int) *Rat {
	z.a.Set(x)
	z.b.abs = nil
	return z
}

// SetInt64 sets z to x.
func (z *Rat) SetInt64(x int64) *Rat {
	z.a.SetInt64(x)
	z.b.abs = nil
	return z
}

// SetUint64 sets z to x.
func (z *Rat) SetUint64(x uint64) *Rat {
	z.a.SetUint64(x)
	z.b.abs = nil
	return z
}

// Set sets z to x and returns z.
func (z *Rat) Set(x *Rat) *Rat {
	if z != x {
		z.a.Set(&x.a)
		z.b.Set(&x.b)
	}
	return z
}

// norm reduces z to lowest terms.
func (z *Rat) norm() *Rat {
	switch {
	case len(z.a.abs) == 0:
		z.a.neg = false
		z.b.abs = nil
	case len(z.b.abs) == 0:
	case len(z.b.abs) == 1 && z.b.abs[0] == 1:
		z.b.abs = nil
	default:
		neg := z.a.neg
		var g Int
		g.GCD(nil, nil, &Int{abs: z.a.abs}, &Int{abs: z.b.abs})
		if g.Cmp(intOne) != 0 {
			z.a.abs, _ = divNat(z.a.abs, g.abs)
			z.b.abs, _ = divNat(z.b.abs, g.abs)
		}
		z.a.neg = neg
		if len(z.b.abs) == 1 && z.b.abs[0] == 1 {
			z.b.abs = nil
		}
	}
	z.b.neg = false
	return z
}

func (x *Rat) denom() nat {
	if len(x.b.abs) == 0 {
		return nat{1}
	}
	return x.b.abs
}

// Num returns the numerator of x (shared; may be <= 0).
func (x *Rat) Num() *Int { return &x.a }

// Denom returns the denominator of x (> 0): x's own, or a new Int 1 when
// x's denominator is the implicit 1.
func (x *Rat) Denom() *Int {
	if len(x.b.abs) == 0 {
		return &Int{abs: nat{1}}
	}
	return &x.b
}

// Sign returns -1, 0 or +1.
func (x *Rat) Sign() int { return x.a.Sign() }

// IsInt reports whether the denominator of x is 1.
func (x *Rat) IsInt() bool {
	return len(x.b.abs) == 0 || x.b.abs.cmp(nat{1}) == 0
}

// Cmp compares x and y.
func (x *Rat) Cmp(y *Rat) int {
	var a, b Int
	a.set(x.a.neg, mulNat(x.a.abs, y.denom()))
	b.set(y.a.neg, mulNat(y.a.abs, x.denom()))
	return a.Cmp(&b)
}

// Abs sets z to |x|.
func (z *Rat) Abs(x *Rat) *Rat {
	z.Set(x)
	z.a.neg = false
	return z
}

// Neg sets z to -x.
func (z *Rat) Neg(x *Rat) *Rat {
	z.Set(x)
	z.a.neg = len(z.a.abs) > 0 && !z.a.neg
	return z
}

// Inv sets z to 1/x; x == 0 panics.
func (z *Rat) Inv(x *Rat) *Rat {
	if len(x.a.abs) == 0 {
		panic("division by zero")
	}
	neg := x.a.neg
	num, den := x.denom().clone(), x.a.abs.clone()
	z.a.set(neg, num)
	z.b.set(false, den)
	return z.norm()
}

func (z *Rat) setParts(neg bool, num, den nat) *Rat {
	z.a.set(neg, num)
	z.b.set(false, den)
	return z.norm()
}

// Add sets z to x+y.
func (z *Rat) Add(x, y *Rat) *Rat {
	var a, b Int
	a.set(x.a.neg, mulNat(x.a.abs, y.denom()))
	b.set(y.a.neg, mulNat(y.a.abs, x.denom()))
	a.Add(&a, &b)
	return z.setParts(a.neg, a.abs, mulNat(x.denom(), y.denom()))
}

// Sub sets z to x-y.
func (z *Rat) Sub(x, y *Rat) *Rat {
	var a, b Int
	a.set(x.a.neg, mulNat(x.a.abs, y.denom()))
	b.set(y.a.neg, mulNat(y.a.abs, x.denom()))
	a.Sub(&a, &b)
	return z.setParts(a.neg, a.abs, mulNat(x.denom(), y.denom()))
}

// Mul sets z to x*y.
func (z *Rat) Mul(x, y *Rat) *Rat {
	return z.setParts(x.a.neg != y.a.neg, mulNat(x.a.abs, y.a.abs), mulNat(x.denom(), y.denom()))
}

// Quo sets z to x/y; y == 0 panics.
func (z *Rat) Quo(x, y *Rat) *Rat {
	if len(y.a.abs) == 0 {
		panic("division by zero")
	}
	return z.setParts(x.a.neg != y.a.neg, mulNat(x.a.abs, y.denom()), mulNat(x.denom(), y.a.abs))
}

// String returns x as "a/b" (b is 1 for integers).
func (x *Rat) String() string {
	return x.a.String() + "/" + string(x.denom().utoa(10))
}

// RatString returns "a/b", or "a" when x is an integer.
func (x *Rat) RatString() string {
	if x.IsInt() {
		return x.a.String()
	}
	return x.String()
}

// FloatString returns x in decimal with prec digits after the point, the
// last digit rounded half away from zero.
func (x *Rat) FloatString(prec int) string {
	var buf []byte
	if x.IsInt() {
		buf = x.a.Append(buf, 10)
		if prec > 0 {
			buf = append(buf, '.')
			for i := prec; i > 0; i-- {
				buf = append(buf, '0')
			}
		}
		return string(buf)
	}
	den := x.denom()
	q, r := divNat(x.a.abs, den)
	p := nat{1}
	if prec > 0 {
		p = expNat(nat{10}, natFromUint64(uint64(prec)), nil)
	}
	r = mulNat(r, p)
	r, r2 := divNat(r, den)
	r2 = addNat(r2, r2)
	if den.cmp(r2) <= 0 {
		r = addNat(r, nat{1})
		if r.cmp(p) >= 0 {
			q = addNat(q, nat{1})
			r = subNat(r, p)
		}
	}
	if x.a.neg {
		buf = append(buf, '-')
	}
	buf = append(buf, q.utoa(10)...)
	if prec > 0 {
		buf = append(buf, '.')
		rs := r.utoa(10)
		for i := prec - len(rs); i > 0; i-- {
			buf = append(buf, '0')
		}
		buf = append(buf, rs...)
	}
	return string(buf)
}

// SetFloat64 sets z to exactly f and returns z (nil if f is not finite).
func (z *Rat) SetFloat64(f float64) *Rat {
	bits := math.Float64bits(f)
	mant := bits & (1<<52 - 1)
	exp := int((bits >> 52) & 0x7ff)
	switch exp {
	case 0x7ff:
		return nil
	case 0:
		exp -= 1022
	default:
		mant |= 1 << 52
		exp -= 1023
	}
	shift := 52 - exp
	for mant&1 == 0 && shift > 0 {
		mant >>= 1
		shift--
	}
	z.a.SetUint64(mant)
	z.a.neg = f < 0 && mant != 0
	if shift > 0 {
		z.b.set(false, shlNat(nat{1}, uint(shift)))
	} else {
		z.a.abs = shlNat(z.a.abs, uint(-shift))
		z.b.abs = nil
	}
	return z.norm()
}

// quotToFloat returns a/b as a float with msize stored mantissa bits and
// the IEEE exponent bias ebias (52/1023 or 23/127), and whether it is
// exact. The quotient is computed to msize+2 bits plus a sticky bit, with
// Go's handling of the subnormal range; results below it reach 0 through
// math.Ldexp (and, for float32, the final conversion), with exact judged
// before that rounding, as Go 1.19 does.
func quotToFloat(a, b nat, msize uint, ebias int) (f float64, exact bool) {
	if len(a) == 0 {
		return 0, true
	}
	msize1 := int(msize) + 1 // with the implicit 1
	msize2 := msize1 + 1     // and a rounding bit
	emin := 1 - ebias
	exp := a.bitLen() - b.bitLen()
	a2, b2 := a, b
	if shift := msize2 - exp; shift > 0 {
		a2 = shlNat(a, uint(shift))
	} else if shift < 0 {
		b2 = shlNat(b, uint(-shift))
	}
	q, r := divNat(a2, b2)
	mant := low64(q)
	haveRem := len(r) > 0
	if mant>>uint(msize2) == 1 {
		if mant&1 == 1 {
			haveRem = true
		}
		mant >>= 1
		exp++
	}
	if emin-int(msize) <= exp && exp <= emin {
		shift := uint(emin - (exp - 1))
		if mant&(1<<shift-1) != 0 {
			haveRem = true
		}
		mant >>= shift
		exp = 2 - ebias
	}
	exact = !haveRem
	if mant&1 != 0 {
		exact = false
		if haveRem || mant&2 != 0 {
			if mant++; mant >= 1<<uint(msize2) {
				mant >>= 1
				exp++
			}
		}
	}
	mant >>= 1 // drop the rounding bit
	f = math.Ldexp(float64(mant), exp-msize1)
	if math.IsInf(f, 0) {
		exact = false
	}
	return f, exact
}

// Float64 returns the float64 nearest to x and whether it is exact.
func (x *Rat) Float64() (f float64, exact bool) {
	f, exact = quotToFloat(x.a.abs, x.denom(), 52, 1023)
	if x.a.neg {
		f = -f
	}
	return
}

// Float32 returns the float32 nearest to x and whether it is exact.
func (x *Rat) Float32() (f float32, exact bool) {
	f64, exact := quotToFloat(x.a.abs, x.denom(), 23, 127)
	f = float32(f64)
	if math.IsInf(float64(f), 0) {
		exact = false
	}
	if x.a.neg {
		f = -f
	}
	return
}

// SetString sets z to the value of s: a fraction "a/b" (each part an
// integer, base prefixes allowed) or a decimal number with optional
// fraction and exponent ("-1.25e3"). It returns nil, false on failure.
func (z *Rat) SetString(s string) (*Rat, bool) {
	if s == "" {
		return nil, false
	}
	if sep := strings.Index(s, "/"); sep >= 0 {
		num, ok := new(Int).SetString(s[:sep], 0)
		if !ok {
			return nil, false
		}
		den, ok := new(Int).SetString(s[sep+1:], 0)
		if !ok || den.neg || len(den.abs) == 0 {
			return nil, false
		}
		return z.SetFrac(num, den), true
	}
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		s = s[1:]
	}
	mant, exp10 := "", 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		var e Int
		if _, ok := e.SetString(s[i+1:], 10); !ok || !e.IsInt64() {
			return nil, false
		}
		exp10 = int(e.Int64())
		s = s[:i]
	}
	if i := strings.IndexByte(s, '.'); i >= 0 {
		mant = s[:i] + s[i+1:]
		exp10 -= len(s) - i - 1
	} else {
		mant = s
	}
	if mant == "" {
		return nil, false
	}
	for _, c := range mant {
		if c < '0' || c > '9' {
			return nil, false
		}
	}
	var a Int
	a.SetString(mant, 10)
	num, den := a.abs, nat{1}
	if exp10 > 0 {
		num = mulNat(num, expNat(nat{10}, natFromUint64(uint64(exp10)), nil))
	} else if exp10 < 0 {
		den = expNat(nat{10}, natFromUint64(uint64(-exp10)), nil)
	}
	return z.setParts(neg, num, den), true
}

// MarshalText implements encoding.TextMarshaler.
func (x *Rat) MarshalText() (text []byte, err error) {
	if x.IsInt() {
		return x.a.MarshalText()
	}
	return []byte(x.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (z *Rat) UnmarshalText(text []byte) error {
	if _, ok := z.SetString(string(text)); !ok {
		return fmt.Errorf("math/big: cannot unmarshal %q into a *big.Rat", text)
	}
	return nil
}

var errRatScan = errors.New("Rat.Scan: invalid syntax")

// Scan is a support routine for fmt.Scanner (verbs e, E, f, F, g, G, v).
func (z *Rat) Scan(s fmt.ScanState, ch rune) error {
	tok, err := s.Token(true, func(r rune) bool {
		return strings.ContainsRune("+-/0123456789.eE", r)
	})
	if err != nil {
		return err
	}
	if !strings.ContainsRune("efgEFGv", ch) {
		return errors.New("Rat.Scan: invalid verb")
	}
	if _, ok := z.SetString(string(tok)); !ok {
		return errRatScan
	}
	return nil
}
