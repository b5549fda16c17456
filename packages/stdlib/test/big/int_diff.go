//go:build ignore

// Differential test: gort's math/big Int against Go's on random operands
// (up to 60 decimal digits, both signs, zero): arithmetic, both division
// flavours, Exp with modulus, ModInverse, GCD with its Bezout
// coefficients, Sqrt, shifts, two's-complement bit operations, SetBit/Bit,
// conversions, ProbablyPrime, Text in random bases, Format with every verb
// and flag (through gort's fmt, which is what calls Format), and SetString on valid and invalid inputs (including the state
// a failed SetString leaves behind).
package main

import (
	"fmt"
	"math/big"
	"math/rand"
	"os"
	"strconv"

	ofmt "gortstd/fmt"
	gbig "gortstd/math/big"
)

func rnd(r *rand.Rand) string {
	n := 1 + r.Intn(60)
	if r.Intn(5) == 0 {
		n = 1 + r.Intn(3)
	}
	b := make([]byte, n)
	for i := range b {
		b[i] = "0123456789"[r.Intn(10)]
	}
	s := string(b)
	if r.Intn(3) == 0 {
		s = "-" + s
	}
	if r.Intn(10) == 0 {
		s = "0"
	}
	return s
}

func main() {
	count, _ := strconv.Atoi(os.Getenv("GORTSTD_N"))
	if count == 0 {
		count = 20000
	}
	r := rand.New(rand.NewSource(2))
	bad := 0
	for i := 0; i < count && bad < 15; i++ {
		as, bs, ms := rnd(r), rnd(r), rnd(r)
		a, _ := new(big.Int).SetString(as, 10)
		b, _ := new(big.Int).SetString(bs, 10)
		m, _ := new(big.Int).SetString(ms, 10)
		ga, _ := new(gbig.Int).SetString(as, 10)
		gb, _ := new(gbig.Int).SetString(bs, 10)
		gm, _ := new(gbig.Int).SetString(ms, 10)
		var want, got []string
		add := func(w fmt.Stringer, g fmt.Stringer) { want = append(want, w.String()); got = append(got, g.String()) }
		add(new(big.Int).Add(a, b), new(gbig.Int).Add(ga, gb))
		add(new(big.Int).Sub(a, b), new(gbig.Int).Sub(ga, gb))
		add(new(big.Int).Mul(a, b), new(gbig.Int).Mul(ga, gb))
		if b.Sign() != 0 {
			add(new(big.Int).Quo(a, b), new(gbig.Int).Quo(ga, gb))
			add(new(big.Int).Rem(a, b), new(gbig.Int).Rem(ga, gb))
			add(new(big.Int).Div(a, b), new(gbig.Int).Div(ga, gb))
			add(new(big.Int).Mod(a, b), new(gbig.Int).Mod(ga, gb))
			q, rr := new(big.Int).DivMod(a, b, new(big.Int))
			gq, grr := new(gbig.Int).DivMod(ga, gb, new(gbig.Int))
			add(q, gq)
			add(rr, grr)
		}
		if m.Sign() != 0 {
			e := new(big.Int).Abs(b)
			ge := new(gbig.Int).Abs(gb)
			if e.BitLen() > 200 {
				e.Rsh(e, uint(e.BitLen()-200))
				ge.Rsh(ge, uint(ge.BitLen()-200))
			}
			add(new(big.Int).Exp(a, e, m), new(gbig.Int).Exp(ga, ge, gm))
			inv := new(big.Int).ModInverse(a, m)
			ginv := new(gbig.Int).ModInverse(ga, gm)
			want = append(want, fmt.Sprint(inv))
			got = append(got, fmt.Sprint(ginv))
		}
		x, y := new(big.Int), new(big.Int)
		gx, gy := new(gbig.Int), new(gbig.Int)
		add(new(big.Int).GCD(x, y, a, b), new(gbig.Int).GCD(gx, gy, ga, gb))
		add(x, gx)
		add(y, gy)
		add(new(big.Int).Sqrt(new(big.Int).Abs(a)), new(gbig.Int).Sqrt(new(gbig.Int).Abs(ga)))
		sh := uint(r.Intn(130))
		add(new(big.Int).Lsh(a, sh), new(gbig.Int).Lsh(ga, sh))
		add(new(big.Int).Rsh(a, sh), new(gbig.Int).Rsh(ga, sh))
		add(new(big.Int).And(a, b), new(gbig.Int).And(ga, gb))
		add(new(big.Int).Or(a, b), new(gbig.Int).Or(ga, gb))
		add(new(big.Int).Xor(a, b), new(gbig.Int).Xor(ga, gb))
		add(new(big.Int).AndNot(a, b), new(gbig.Int).AndNot(ga, gb))
		add(new(big.Int).Not(a), new(gbig.Int).Not(ga))
		bi := r.Intn(200)
		bv := uint(r.Intn(2))
		add(new(big.Int).SetBit(a, bi, bv), new(gbig.Int).SetBit(ga, bi, bv))
		want = append(want, fmt.Sprint(a.Bit(bi), a.BitLen(), a.TrailingZeroBits(), a.Int64(), a.Uint64(), a.IsInt64(), a.IsUint64(), a.Cmp(b), a.CmpAbs(b), a.Sign(), a.ProbablyPrime(3), b.ProbablyPrime(0)))
		got = append(got, fmt.Sprint(ga.Bit(bi), ga.BitLen(), ga.TrailingZeroBits(), ga.Int64(), ga.Uint64(), ga.IsInt64(), ga.IsUint64(), ga.Cmp(gb), ga.CmpAbs(gb), ga.Sign(), ga.ProbablyPrime(3), gb.ProbablyPrime(0)))
		base := 2 + r.Intn(61)
		want = append(want, a.Text(base), fmt.Sprintf("%x|%X|%#o|%O|%b|%+d|% d|%08d|%-8d|%.5d|%#x|%v|%s|%q", a, a, a, a, a, a, a, a, a, a, a, a, a, a), fmt.Sprint(a.Bytes()))
		got = append(got, ga.Text(base), ofmt.Sprintf("%x|%X|%#o|%O|%b|%+d|% d|%08d|%-8d|%.5d|%#x|%v|%s|%q", ga, ga, ga, ga, ga, ga, ga, ga, ga, ga, ga, ga, ga, ga), fmt.Sprint(ga.Bytes()))
		for _, s := range []string{a.Text(base), "0x_1f", "0b101", "0o17", "017", "1_000", "_1", "1__0", "0x", "", "+-1", "zz", a.Text(16), "12a", "-0x_", "-1__2", "-12_", "0_7", "0", "-0", "0b", "0_x1"} {
			for _, bb := range []int{0, 10, 16, base} {
				wz, gz := new(big.Int).Set(a), new(gbig.Int).Set(ga)
				w, ok1 := wz.SetString(s, bb)
				g, ok2 := gz.SetString(s, bb)
				want = append(want, fmt.Sprint(w, ok1, wz))
				got = append(got, fmt.Sprint(g, ok2, gz))
			}
		}
		for k := range want {
			if want[k] != got[k] {
				fmt.Printf("DIFF a=%s b=%s m=%s item %d: go=%q gort=%q\n", as, bs, ms, k, want[k], got[k])
				bad++
				break
			}
		}
	}
	fmt.Printf("big.Int: %d cases, %d differences\n", count, bad)
	if bad > 0 {
		os.Exit(1)
	}
}
