package main

import (
	"crypto/rand"
	"fmt"
	"math/big"
)

func fib(n int) *big.Int {
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < n; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	return a
}

func main() {
	f := new(big.Int).MulRange(1, 50)
	fmt.Println("50! =", f, f.BitLen(), len(f.String()))
	fmt.Println("fib(300) =", fib(300))
	fmt.Println(new(big.Int).Binomial(100, 50))

	// Toy RSA with known primes.
	p, _ := new(big.Int).SetString("2305843009213693951", 10) // 2^61-1
	q, _ := new(big.Int).SetString("2147483647", 10)          // 2^31-1
	fmt.Println(p.ProbablyPrime(1), q.ProbablyPrime(0), new(big.Int).Add(p, big.NewInt(2)).ProbablyPrime(1), big.NewInt(3215031751).ProbablyPrime(0))
	n := new(big.Int).Mul(p, q)
	phi := new(big.Int).Mul(new(big.Int).Sub(p, big.NewInt(1)), new(big.Int).Sub(q, big.NewInt(1)))
	e := big.NewInt(65537)
	d := new(big.Int).ModInverse(e, phi)
	msg := new(big.Int).SetBytes([]byte("hi, gort"))
	c := new(big.Int).Exp(msg, e, n)
	m := new(big.Int).Exp(c, d, n)
	fmt.Printf("n=%x\nc=%d\nd=%v\nback=%q\n", n, c, d, m.Bytes())

	a, _ := new(big.Int).SetString("-123456789012345678901234567890", 0)
	b := big.NewInt(-97)
	var qq, rr, dd, mm big.Int
	qq.QuoRem(a, b, &rr)
	dd.DivMod(a, b, &mm)
	fmt.Println(&qq, &rr, &dd, &mm)
	x, y := new(big.Int), new(big.Int)
	g := new(big.Int).GCD(x, y, big.NewInt(240), big.NewInt(-46))
	fmt.Println(g, x, y, new(big.Int).Sqrt(f), new(big.Int).Lsh(b, 70), new(big.Int).Rsh(a, 3))
	fmt.Println(new(big.Int).And(a, b), new(big.Int).Or(a, big.NewInt(255)), new(big.Int).Xor(a, b), new(big.Int).Not(a), a.Bit(3))
	fmt.Printf("%x %X %#o %O %b %+d %08d|%-6d|%.4d %s %v\n", a, a, b, b, b, big.NewInt(7), b, b, b, a, a)
	fmt.Printf("%10.3d|%q|%t\n", big.NewInt(5), big.NewInt(5), big.NewInt(5))
	fmt.Println(a.Text(36), a.Text(62), a.Int64(), a.IsInt64(), a.Sign(), a.Cmp(b), a.CmpAbs(b))
	for _, s := range []string{"0x_dead_beef", "0b1011", "0o777", "0777", "1_000_000", "12a", "", "-0", "_1"} {
		v, ok := new(big.Int).SetString(s, 0)
		fmt.Print(v, ok, "; ")
	}
	fmt.Println()
	var nilInt *big.Int
	fmt.Println(nilInt, new(big.Int))
	j, _ := a.MarshalJSON()
	var back big.Int
	fmt.Println(string(j), back.UnmarshalJSON(j), &back, back.UnmarshalText([]byte("x1")))

	// Rationals.
	h := new(big.Rat)
	for i := int64(1); i <= 20; i++ {
		h.Add(h, big.NewRat(1, i)) // harmonic number H(20)
	}
	f64, exact := h.Float64()
	fmt.Println(h, h.FloatString(12), f64, exact, h.Num(), h.Denom(), h.IsInt(), h.Sign())
	third, _ := new(big.Rat).SetString("-0.125e1")
	q2, _ := new(big.Rat).SetString("0x10/6")
	fmt.Println(third, q2, new(big.Rat).Mul(third, q2), new(big.Rat).Quo(third, q2).RatString(), third.Cmp(q2), new(big.Rat).SetFloat64(0.1))
	fmt.Println(new(big.Rat).Inv(big.NewRat(-3, 9)), big.NewRat(7, 1).RatString(), big.NewRat(2, 3).FloatString(0), big.NewRat(-1, 3).FloatString(3))

	r, err := rand.Int(rand.Reader, big.NewInt(1000))
	fmt.Println(err, r.Sign() >= 0 && r.Cmp(big.NewInt(1000)) < 0)
	defer func() { fmt.Println("panic:", recover()) }()
	new(big.Int).Quo(a, new(big.Int))
}
