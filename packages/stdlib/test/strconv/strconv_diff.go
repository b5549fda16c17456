//go:build ignore

// Differential test: gort's strconv against Go's. Floats are formatted in
// every format and many precisions for both sizes, from random bit
// patterns, "nice" decimals, subnormals and boundaries; parsing covers
// round trips, exact halfway cases (and their neighbours), long inputs,
// hex floats, underscores, specials and malformed inputs. Integers, bools
// and quoting are compared on random inputs too.
package main

import (
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	os2 "gortstd/strconv"
)

var fails int

func check(what string, in any, got, want any) {
	if got != want {
		fails++
		if fails < 40 {
			fmt.Printf("%s(%#v):\n got  %#v\n want %#v\n", what, in, got, want)
		}
	}
}

func errStr(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func randFloat(r *rand.Rand) float64 {
	switch r.Intn(8) {
	case 0:
		return math.Float64frombits(r.Uint64())
	case 1: // subnormal
		return math.Float64frombits(r.Uint64() >> 12)
	case 2: // k / 10^j
		return float64(r.Intn(100000)) / math.Pow10(r.Intn(12))
	case 3: // integer
		return float64(r.Int63n(1 << uint(r.Intn(62)+1)))
	case 4: // power of two or ten, maybe nudged
		x := math.Ldexp(1, r.Intn(2098)-1074)
		if r.Intn(2) == 0 {
			x = math.Pow10(r.Intn(600) - 300)
		}
		if r.Intn(2) == 0 {
			x = math.Nextafter(x, math.Inf(1-2*r.Intn(2)))
		}
		return x
	case 5: // float32 range values
		return float64(math.Float32frombits(r.Uint32()))
	case 6:
		return []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64,
			math.SmallestNonzeroFloat64, math.MaxFloat32, math.SmallestNonzeroFloat32, 1, 0.1, 0.5, 1.5, 2.5,
			1e21, 1e20, 123456, 1e-5, 1e-4, 5e-324, 9007199254740993}[r.Intn(21)]
	}
	return r.NormFloat64() * math.Pow10(r.Intn(40)-20)
}

// exactMidpoint returns the exact decimal of the value halfway between x
// (positive, finite) and the next float64 up.
func exactMidpoint(x float64) string {
	mant, exp := math.Frexp(x) // x = mant * 2^exp, mant in [0.5, 1)
	m := int64(mant * (1 << 53))
	e := exp - 53
	for e < -1074 { // subnormal: the spacing is 2^-1074
		m >>= 1
		e++
	}
	// midpoint = (2m+1) * 2^(e-1)
	n := big.NewInt(2*m + 1)
	e--
	if e >= 0 {
		n.Lsh(n, uint(e))
		return n.String()
	}
	n.Mul(n, new(big.Int).Exp(big.NewInt(5), big.NewInt(int64(-e)), nil))
	return n.String() + "e" + strconv.Itoa(e)
}

func main() {
	n, _ := strconv.Atoi(os.Getenv("GORTSTD_N"))
	if n == 0 {
		n = 20000
	}
	r := rand.New(rand.NewSource(6))
	fmts := []byte("beEfgGxXz")
	for i := 0; i < n; i++ {
		x := randFloat(r)
		for _, bs := range []int{64, 32} {
			for _, f := range fmts {
				precs := []int{-1, r.Intn(4), r.Intn(20)}
				if r.Intn(20) == 0 {
					precs = append(precs, r.Intn(800))
				}
				for _, p := range precs {
					got := os2.FormatFloat(x, f, p, bs)
					want := strconv.FormatFloat(x, f, p, bs)
					check(fmt.Sprintf("FormatFloat(%c,%d,%d)", f, p, bs), x, got, want)
				}
			}
			// shortest output must read back, through our parser too
			s := strconv.FormatFloat(x, 'g', -1, bs)
			g1, e1 := os2.ParseFloat(s, bs)
			g2, e2 := strconv.ParseFloat(s, bs)
			check("ParseFloat roundtrip", s, fmt.Sprint(math.Float64bits(g1), errStr(e1)), fmt.Sprint(math.Float64bits(g2), errStr(e2)))
			s = strconv.FormatFloat(x, 'e', r.Intn(25), bs)
			g1, e1 = os2.ParseFloat(s, bs)
			g2, e2 = strconv.ParseFloat(s, bs)
			check("ParseFloat e", s, fmt.Sprint(math.Float64bits(g1), errStr(e1)), fmt.Sprint(math.Float64bits(g2), errStr(e2)))
			s = strconv.FormatFloat(x, 'x', r.Intn(16)-1, bs)
			g1, e1 = os2.ParseFloat(s, bs)
			g2, e2 = strconv.ParseFloat(s, bs)
			check("ParseFloat x", s, fmt.Sprint(math.Float64bits(g1), errStr(e1)), fmt.Sprint(math.Float64bits(g2), errStr(e2)))
		}
		// halfway cases and neighbours
		if ax := math.Abs(x); ax > 0 && !math.IsInf(ax, 0) && !math.IsNaN(ax) && ax < math.MaxFloat64 {
			mid := exactMidpoint(ax)
			for _, s := range []string{mid, mid + "1", strings.Replace(mid, "e", "0000000000000000000000001e", 1)} {
				for _, bs := range []int{64, 32} {
					g1, e1 := os2.ParseFloat(s, bs)
					g2, e2 := strconv.ParseFloat(s, bs)
					check("ParseFloat mid", s, fmt.Sprint(math.Float64bits(g1), errStr(e1)), fmt.Sprint(math.Float64bits(g2), errStr(e2)))
				}
			}
		}
		// float32 halfway cases: the midpoint of two float32 neighbours is
		// exact in float64, and 'e' with 760 digits prints it exactly.
		if a := float32(math.Abs(x)); a > 0 && !math.IsInf(float64(a), 0) && !math.IsNaN(float64(a)) && a < math.MaxFloat32 {
			b := math.Nextafter32(a, float32(math.Inf(1)))
			mid := (float64(a) + float64(b)) / 2
			for _, s := range []string{strconv.FormatFloat(mid, 'e', 760, 64), strconv.FormatFloat(math.Nextafter(mid, 0), 'e', 760, 64)} {
				g1, e1 := os2.ParseFloat(s, 32)
				g2, e2 := strconv.ParseFloat(s, 32)
				check("ParseFloat mid32", s, fmt.Sprint(math.Float64bits(g1), errStr(e1)), fmt.Sprint(math.Float64bits(g2), errStr(e2)))
			}
		}
		// random syntax
		s := randNumber(r)
		for _, bs := range []int{64, 32} {
			g1, e1 := os2.ParseFloat(s, bs)
			g2, e2 := strconv.ParseFloat(s, bs)
			check("ParseFloat random", s, fmt.Sprint(math.Float64bits(g1), errStr(e1)), fmt.Sprint(math.Float64bits(g2), errStr(e2)))
		}
		intChecks(r)
		quoteChecks(r)
		complexChecks(r, x)
	}
	edge := []string{"1" + strings.Repeat("0", 25), "1" + strings.Repeat("0", 25) + "e-25", "12345678901234567890",
		"123456789012345678901234567890e-10", "0.000000000000000000000000001", "9007199254740993", "9007199254740992.5",
		"1.00000000000000011102230246251565404236316680908203125", "1.00000000000000011102230246251565404236316680908203124",
		"1.00000000000000011102230246251565404236316680908203126", "2.4703282292062327e-324", "2.4703282292062328e-324",
		"1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "179769313486231580793728971405301e276",
		"3.4028235e38", "3.4028236e38", "1.4e-45", "7e-46", "7.1e-46", "0x1.fffffffffffff8p1023", "0x1p-1074", "0x1p-1075",
		"0x1.8p-1075", "0x.8p-1073", "1_000", "0x_1p1", "1__0", "0x1_p1", "_1", "1_", "0x1p1_0", "1e1_0", "00012.5e-1",
		"0.1e-999999", "1e999999", "-0", "-0e-5", "+.5", ".e1", "0x", "0x.p1", "0x1.p1", "1e+", "infinity", "-INF", "nan",
		"100000000000000016777215", "100000000000000016777216", "4.9406564584124654e-324", "2.2250738585072011e-308",
		"2.2250738585072012e-308", "1.000000059604644775390625", "1.00000005960464477539062499", "1.00000005960464477539062501"}
	for _, s := range edge {
		for _, bs := range []int{64, 32} {
			g1, e1 := os2.ParseFloat(s, bs)
			g2, e2 := strconv.ParseFloat(s, bs)
			check("ParseFloat edge", [2]any{s, bs}, fmt.Sprint(math.Float64bits(g1), errStr(e1)), fmt.Sprint(math.Float64bits(g2), errStr(e2)))
		}
	}
	for c := rune(-1); c <= utf8.MaxRune+1; c++ {
		check("IsPrint", c, os2.IsPrint(c), strconv.IsPrint(c))
		check("IsGraphic", c, os2.IsGraphic(c), strconv.IsGraphic(c))
	}
	catch := func(f func()) (s string) {
		defer func() { s = fmt.Sprint(recover()) }()
		f()
		return
	}
	check("FormatFloat bitSize panic", 0, catch(func() { os2.FormatFloat(1, 'g', -1, 16) }), catch(func() { strconv.FormatFloat(1, 'g', -1, 16) }))
	check("FormatInt base panic", 0, catch(func() { os2.FormatInt(1, 37) }), catch(func() { strconv.FormatInt(1, 37) }))
	if fails > 0 {
		fmt.Printf("FAIL strconv: %d mismatches\n", fails)
		os.Exit(1)
	}
	fmt.Println("ok strconv")
}

func randNumber(r *rand.Rand) string {
	var b strings.Builder
	if r.Intn(3) == 0 {
		b.WriteByte("+-"[r.Intn(2)])
	}
	switch r.Intn(10) {
	case 0:
		return b.String() + []string{"inf", "Inf", "INFINITY", "infinity", "infin", "nan", "NaN", "nAn", "in", "n", "", "."}[r.Intn(12)]
	case 1:
		b.WriteString("0x")
	case 2:
		b.WriteString("0X")
	}
	alphabet := "0123456789._eEpPxXaf-+"
	if r.Intn(2) == 0 {
		alphabet = "0123456789"
	}
	for i := r.Intn(30); i > 0; i-- {
		b.WriteByte(alphabet[r.Intn(len(alphabet))])
	}
	if r.Intn(3) == 0 {
		b.WriteString([]string{"e", "e-", "e+", "p", "p-", "E"}[r.Intn(6)])
		b.WriteString(strconv.Itoa(r.Intn(700)))
	}
	if r.Intn(20) == 0 { // very long mantissa, after the point (see HACKING.md)
		b.Reset()
		b.WriteString("0.")
		b.WriteString(strings.Repeat("9", 790+r.Intn(20)))
		b.WriteString("e-" + strconv.Itoa(r.Intn(400)))
	}
	return b.String()
}

func intChecks(r *rand.Rand) {
	const alpha = "0123456789abcdefzABxXoObB_+- "
	var sb strings.Builder
	if r.Intn(2) == 0 {
		sb.WriteString([]string{"0x", "0b", "0o", "0", "-0x", "+0b", "-", "+"}[r.Intn(8)])
	}
	for i := r.Intn(25); i > 0; i-- {
		if r.Intn(3) == 0 {
			sb.WriteByte(alpha[r.Intn(len(alpha))])
		} else {
			sb.WriteByte(byte('0' + r.Intn(10)))
		}
	}
	s := sb.String()
	base := []int{0, 0, 2, 8, 10, 10, 16, 36, 1, 37, 3}[r.Intn(11)]
	bits := []int{0, 8, 16, 32, 64, 65, -1, 7}[r.Intn(8)]
	a1, e1 := os2.ParseInt(s, base, bits)
	a2, e2 := strconv.ParseInt(s, base, bits)
	check("ParseInt", [3]any{s, base, bits}, fmt.Sprint(a1, errStr(e1)), fmt.Sprint(a2, errStr(e2)))
	u1, f1 := os2.ParseUint(s, base, bits)
	u2, f2 := strconv.ParseUint(s, base, bits)
	check("ParseUint", [3]any{s, base, bits}, fmt.Sprint(u1, errStr(f1)), fmt.Sprint(u2, errStr(f2)))
	i1, g1 := os2.Atoi(s)
	i2, g2 := strconv.Atoi(s)
	check("Atoi", s, fmt.Sprint(i1, errStr(g1)), fmt.Sprint(i2, errStr(g2)))
	v := int64(r.Uint64()) >> uint(r.Intn(64))
	b := 2 + r.Intn(35)
	check("FormatInt", [2]any{v, b}, os2.FormatInt(v, b), strconv.FormatInt(v, b))
	check("FormatInt min", b, os2.FormatInt(math.MinInt64, b), strconv.FormatInt(math.MinInt64, b))
	check("FormatUint", [2]any{v, b}, os2.FormatUint(uint64(v)*3, b), strconv.FormatUint(uint64(v)*3, b))
	check("Itoa", v, os2.Itoa(int(v)), strconv.Itoa(int(v)))
	check("AppendInt", v, string(os2.AppendInt([]byte("x"), v, 10)), string(strconv.AppendInt([]byte("x"), v, 10)))
	bs := []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False", "tRUE", "", "yes"}[r.Intn(15)]
	p1, h1 := os2.ParseBool(bs)
	p2, h2 := strconv.ParseBool(bs)
	check("ParseBool", bs, fmt.Sprint(p1, errStr(h1)), fmt.Sprint(p2, errStr(h2)))
	check("FormatBool", bs, os2.FormatBool(p1), strconv.FormatBool(p2))
}

var qalpha = []string{"a", "Z", " ", "\"", "'", "`", "\\", "\n", "\t", "\r", "\x00", "\x7f", "\x80", "\xff", "\u00a0",
	"\u00ad", "\u2028", "\ufeff", "é", "世", "\U0001F600", "\U000E0001", "\u0378", "\\x4", "\\u00e9", "\\U0010FFFF",
	"\\U00110000", "\\377", "\\400", "\\8", "\\q", "\\'", "\\\"", "\ufffd", "\xe2\x82"}

func quoteChecks(r *rand.Rand) {
	var sb strings.Builder
	for i := r.Intn(6); i > 0; i-- {
		sb.WriteString(qalpha[r.Intn(len(qalpha))])
	}
	s := sb.String()
	check("Quote", s, os2.Quote(s), strconv.Quote(s))
	check("QuoteToASCII", s, os2.QuoteToASCII(s), strconv.QuoteToASCII(s))
	check("QuoteToGraphic", s, os2.QuoteToGraphic(s), strconv.QuoteToGraphic(s))
	check("AppendQuote", s, string(os2.AppendQuote([]byte("x"), s)), string(strconv.AppendQuote([]byte("x"), s)))
	check("CanBackquote", s, os2.CanBackquote(s), strconv.CanBackquote(s))
	c := rune(r.Intn(0x110010)) - 4
	if r.Intn(2) == 0 {
		c, _ = utf8.DecodeRuneInString(s + "x")
	}
	check("QuoteRune", c, os2.QuoteRune(c), strconv.QuoteRune(c))
	check("QuoteRuneToASCII", c, os2.QuoteRuneToASCII(c), strconv.QuoteRuneToASCII(c))
	check("QuoteRuneToGraphic", c, os2.QuoteRuneToGraphic(c), strconv.QuoteRuneToGraphic(c))
	for _, q := range []string{`"`, `'`, "`"} {
		for _, lit := range []string{q + s + q, q + s, q + s + q + "tail", s} {
			u1, e1 := os2.Unquote(lit)
			u2, e2 := strconv.Unquote(lit)
			check("Unquote", lit, fmt.Sprintf("%q %v", u1, errStr(e1)), fmt.Sprintf("%q %v", u2, errStr(e2)))
			p1, f1 := os2.QuotedPrefix(lit)
			p2, f2 := strconv.QuotedPrefix(lit)
			check("QuotedPrefix", lit, fmt.Sprintf("%q %v", p1, errStr(f1)), fmt.Sprintf("%q %v", p2, errStr(f2)))
		}
		qb := q[0]
		if qb == '`' {
			qb = 0
		}
		v1, m1, t1, e1 := os2.UnquoteChar(s, qb)
		v2, m2, t2, e2 := strconv.UnquoteChar(s, qb)
		check("UnquoteChar", [2]any{s, qb}, fmt.Sprint(v1, m1, t1, errStr(e1)), fmt.Sprint(v2, m2, t2, errStr(e2)))
	}
	q := strconv.Quote(s)
	u1, e1 := os2.Unquote(q)
	check("Unquote(Quote)", q, fmt.Sprintf("%v %v", u1 == s, errStr(e1)), "true <nil>")
}

func complexChecks(r *rand.Rand, x float64) {
	y := randFloat(r)
	for _, bs := range []int{64, 128} {
		f := "beEfgGx"[r.Intn(7)]
		p := r.Intn(8) - 1
		check("FormatComplex", [2]float64{x, y}, os2.FormatComplex(complex(x, y), f, p, bs), strconv.FormatComplex(complex(x, y), f, p, bs))
	}
	parts := []string{"1", "-2.5", "+3e2", "NaN", "Inf", "-Inf", "+Inf", "1e400", "0x1p-2", "i", "+", "-", "++", "(", ")", "e5", "2i", ".5"}
	var s string
	for i := r.Intn(5); i > 0; i-- {
		s += parts[r.Intn(len(parts))]
	}
	if r.Intn(4) == 0 {
		s = "(" + s + ")"
	}
	for _, bs := range []int{64, 128} {
		c1, e1 := os2.ParseComplex(s, bs)
		c2, e2 := strconv.ParseComplex(s, bs)
		check("ParseComplex", s, fmt.Sprint(math.Float64bits(real(c1)), math.Float64bits(imag(c1)), errStr(e1)),
			fmt.Sprint(math.Float64bits(real(c2)), math.Float64bits(imag(c2)), errStr(e2)))
	}
}
