//go:build ignore

// Differential test: gort's math/big Rat against Go's: arithmetic, Cmp,
// FloatString, RatString, Num/Denom, Float64/Float32 (values and exactness,
// including huge and tiny magnitudes), SetFloat64 and SetString.
package main

import (
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"os"
	"strconv"

	gbig "gortstd/math/big"
)

func main() {
	count, _ := strconv.Atoi(os.Getenv("GORTSTD_N"))
	if count == 0 {
		count = 20000
	}
	r := rand.New(rand.NewSource(5))
	bad := 0
	for i := 0; i < count && bad < 10; i++ {
		a, b := r.Int63n(1<<uint(1+r.Intn(62)))-(1<<40), r.Int63n(1<<uint(1+r.Intn(62)))+1
		c, d := r.Int63n(1<<uint(1+r.Intn(62)))-(1<<20), r.Int63n(1<<uint(1+r.Intn(62)))+1
		x, y := big.NewRat(a, b), big.NewRat(c, d)
		gx, gy := gbig.NewRat(a, b), gbig.NewRat(c, d)
		if r.Intn(4) == 0 {
			e := r.Intn(700)
			x.Mul(x, new(big.Rat).SetFrac(new(big.Int).Exp(big.NewInt(2), big.NewInt(int64(e)), nil), big.NewInt(1)))
			gx.Mul(gx, new(gbig.Rat).SetFrac(new(gbig.Int).Exp(gbig.NewInt(2), gbig.NewInt(int64(e)), nil), gbig.NewInt(1)))
			if r.Intn(2) == 0 {
				x.Inv(x)
				gx.Inv(gx)
			}
		}
		f1, e1 := x.Float64()
		f2, e2 := gx.Float64()
		g1, h1 := x.Float32()
		g2, h2 := gx.Float32()
		prec := r.Intn(30)
		w := fmt.Sprint(x, y, new(big.Rat).Add(x, y), new(big.Rat).Sub(x, y), new(big.Rat).Mul(x, y), new(big.Rat).Quo(x, y), x.Cmp(y), x.FloatString(prec), x.RatString(), math.Float64bits(f1), e1, math.Float32bits(g1), h1, x.IsInt(), x.Num(), x.Denom())
		g := fmt.Sprint(gx, gy, new(gbig.Rat).Add(gx, gy), new(gbig.Rat).Sub(gx, gy), new(gbig.Rat).Mul(gx, gy), new(gbig.Rat).Quo(gx, gy), gx.Cmp(gy), gx.FloatString(prec), gx.RatString(), math.Float64bits(f2), e2, math.Float32bits(g2), h2, gx.IsInt(), gx.Num(), gx.Denom())
		fl := r.NormFloat64() * math.Pow(2, float64(r.Intn(2000)-1000))
		w += fmt.Sprint(new(big.Rat).SetFloat64(fl))
		g += fmt.Sprint(new(gbig.Rat).SetFloat64(fl))
		for _, s := range []string{"3/4", "-6/8", "1.25", "-0.125e2", "1e-3", "0x10/3", "abc", "1/0", "5", "1.", ".5", "1e", "-1/-2"} {
			wr, ok1 := new(big.Rat).SetString(s)
			gr, ok2 := new(gbig.Rat).SetString(s)
			w += fmt.Sprint(wr, ok1)
			g += fmt.Sprint(gr, ok2)
		}
		if w != g {
			fmt.Printf("DIFF %d/%d %d/%d:\n go   %s\n gort %s\n", a, b, c, d, w, g)
			bad++
		}
	}
	fmt.Printf("big.Rat: %d cases, %d differences\n", count, bad)
	if bad > 0 {
		os.Exit(1)
	}
}
