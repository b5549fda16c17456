//go:build ignore

// Reference generator for golden.json (not part of gort's build; run with Go 1.19):
//
//	cd packages/compiler/src/constant/testdata && /usr/lib/go-1.19/bin/go run golden.go > golden.json
//
// It evaluates constants with Go's own go/constant so the TypeScript tests can compare
// String/ExactString/conversions/operations with Go's answers.
package main

import (
	"encoding/json"
	"fmt"
	"go/constant"
	"go/token"
	"math"
	"math/rand"
	"os"
	"strconv"
)

type lit struct {
	Lit string `json:"lit"`
	Tok string `json:"tok"`
}

type valueOut struct {
	Kind    int     `json:"kind"`
	Str     string  `json:"str"`
	Exact   string  `json:"exact"`
	F64     *string `json:"f64,omitempty"`
	F64ok   bool    `json:"f64ok,omitempty"`
	F32     *string `json:"f32,omitempty"`
	F32ok   bool    `json:"f32ok,omitempty"`
	I64     *string `json:"i64,omitempty"`
	I64ok   bool    `json:"i64ok,omitempty"`
	U64     *string `json:"u64,omitempty"`
	U64ok   bool    `json:"u64ok,omitempty"`
	ToInt   string  `json:"toInt"`
	Sign    int     `json:"sign"`
	Num     string  `json:"num,omitempty"`
	Denom   string  `json:"denom,omitempty"`
}

var toks = map[string]token.Token{"INT": token.INT, "FLOAT": token.FLOAT, "IMAG": token.IMAG, "CHAR": token.CHAR, "STRING": token.STRING}

func fstr(f float64) *string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	return &s
}

// abbrev keeps long exact strings comparable without storing them whole: the first 100
// characters, "...", and the length.
func abbrev(s string) string {
	if len(s) <= 300 {
		return s
	}
	return s[:100] + "..." + strconv.Itoa(len(s))
}

func describe(v constant.Value) valueOut {
	o := valueOut{Kind: int(v.Kind()), Str: v.String(), Exact: abbrev(v.ExactString()), ToInt: abbrev(constant.ToInt(v).ExactString())}
	switch v.Kind() {
	case constant.Int, constant.Float:
		f, ok := constant.Float64Val(v)
		o.F64, o.F64ok = fstr(f), ok
		f32, ok32 := constant.Float32Val(v)
		o.F32, o.F32ok = fstr(float64(f32)), ok32
		o.Sign = constant.Sign(v)
		o.Num = abbrev(constant.Num(v).ExactString())
		o.Denom = abbrev(constant.Denom(v).ExactString())
	case constant.Complex:
		o.Sign = constant.Sign(v)
	}
	if v.Kind() == constant.Int {
		i, ok := constant.Int64Val(v)
		s := strconv.FormatInt(i, 10)
		o.I64, o.I64ok = &s, ok
		u, uok := constant.Uint64Val(v)
		us := strconv.FormatUint(u, 10)
		o.U64, o.U64ok = &us, uok
	}
	return o
}

func main() {
	lits := []lit{
		{"0", "INT"}, {"1", "INT"}, {"42", "INT"}, {"0x_Ff", "INT"}, {"0o17", "INT"}, {"0O17", "INT"}, {"017", "INT"},
		{"0b1011", "INT"}, {"1_000_000", "INT"}, {"0_7", "INT"}, {"9223372036854775807", "INT"},
		{"9223372036854775808", "INT"}, {"18446744073709551615", "INT"}, {"18446744073709551616", "INT"},
		{"0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "INT"}, {"123456789012345678901234567890", "INT"},
		{"0.", "FLOAT"}, {"0.0", "FLOAT"}, {"1.0", "FLOAT"}, {"1.5", "FLOAT"}, {"0.1", "FLOAT"}, {".5", "FLOAT"},
		{"3.14159265358979323846264338327950288419716939937510582097494459", "FLOAT"},
		{"2.71828182845904523536028747135266249775724709369995957496696763", "FLOAT"},
		{"1e100", "FLOAT"}, {"1e+100", "FLOAT"}, {"1E-100", "FLOAT"}, {"1e308", "FLOAT"}, {"1.7976931348623157e308", "FLOAT"},
		{"1.7976931348623158e308", "FLOAT"}, {"1.7976931348623159e308", "FLOAT"}, {"1e309", "FLOAT"},
		{"4.9406564584124654e-324", "FLOAT"}, {"2.4703282292062327e-324", "FLOAT"}, {"2.4703282292062328e-324", "FLOAT"},
		{"1e-400", "FLOAT"}, {"1e1000", "FLOAT"}, {"1e1300", "FLOAT"}, {"1e-1300", "FLOAT"}, {"1e1000000", "FLOAT"},
		{"1e-1000000", "FLOAT"}, {"6e-1886451601", "FLOAT"},
		{"123456789", "FLOAT"}, {"1234567", "FLOAT"}, {"123456.5", "FLOAT"}, {"1234565", "FLOAT"}, {"0.0001", "FLOAT"},
		{"0.00001", "FLOAT"}, {"0.000012345678", "FLOAT"}, {"100000", "FLOAT"}, {"999999.5", "FLOAT"}, {"9999995", "FLOAT"},
		{"0x1p-2", "FLOAT"}, {"0x1.8p1", "FLOAT"}, {"0X.8p0", "FLOAT"}, {"0x1p-1074", "FLOAT"}, {"0x1p-1075", "FLOAT"},
		{"0x1.fffffffffffffp1023", "FLOAT"}, {"0x1p1024", "FLOAT"}, {"0x_1FFFP-16", "FLOAT"}, {"0x15e-2", "FLOAT"},
		{"0x1p4095", "FLOAT"}, {"0x1p4096", "FLOAT"}, {"0x1p-4096", "FLOAT"}, {"0x1p-4097", "FLOAT"}, {"0x3p5000", "FLOAT"},
		{"1_5.", "FLOAT"}, {"0.15e+0_2", "FLOAT"}, {"072.40", "FLOAT"}, {"2.71828e-1000", "FLOAT"},
		{"3.4028234663852886e38", "FLOAT"}, {"3.4028235677973366e38", "FLOAT"}, {"3.4028236e38", "FLOAT"}, {"1e-45", "FLOAT"}, {"7e-46", "FLOAT"},
		{"16777217", "FLOAT"}, {"9007199254740993", "FLOAT"},
		{"0i", "IMAG"}, {"123i", "IMAG"}, {"0123i", "IMAG"}, {"0o123i", "IMAG"}, {"0xabci", "IMAG"}, {"0.i", "IMAG"},
		{"2.71828i", "IMAG"}, {"1.e+0i", "IMAG"}, {"6.67428e-11i", "IMAG"}, {"1E6i", "IMAG"}, {".25i", "IMAG"},
		{"0x1p-2i", "IMAG"}, {"1e1000i", "IMAG"},
		{"'a'", "CHAR"}, {"'ä'", "CHAR"}, {"'本'", "CHAR"}, {`'\t'`, "CHAR"}, {`'\000'`, "CHAR"}, {`'\007'`, "CHAR"},
		{`'\377'`, "CHAR"}, {`'\x07'`, "CHAR"}, {`'\xff'`, "CHAR"}, {`'\u12e4'`, "CHAR"}, {`'\U00101234'`, "CHAR"},
		{`'\''`, "CHAR"}, {`'"'`, "CHAR"}, {`'\\'`, "CHAR"}, {`'\a'`, "CHAR"}, {`'\b'`, "CHAR"}, {`'\f'`, "CHAR"},
		{`'\n'`, "CHAR"}, {`'\r'`, "CHAR"}, {`'\v'`, "CHAR"}, {"'😀'", "CHAR"},
		{"``", "STRING"}, {"`abc`", "STRING"}, {"`\\n\n\\n`", "STRING"}, {"`a\rb`", "STRING"}, {`"\n"`, "STRING"},
		{`"\""`, "STRING"}, {`"Hello, world!\n"`, "STRING"}, {`"日本語"`, "STRING"},
		{`"\u65e5本\U00008a9e"`, "STRING"}, {`"\xff\u00FF"`, "STRING"}, {`"\xe6\x97\xa5"`, "STRING"},
		{`"\a\b\f\n\r\t\v\\"`, "STRING"}, {`"\000\001\x7f\x80"`, "STRING"}, {`"\u00a0\u00ad\u2028\ufeff"`, "STRING"},
		{`"\U0010ffff\U0001F600"`, "STRING"}, {`"'"`, "STRING"},
		{`"a very long string constant that goes on and on and on and on and on and on forever more"`, "STRING"},
		{`"日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語"`, "STRING"},
		// malformed
		{"", "INT"}, {"08", "INT"}, {"0x", "INT"}, {"1_", "INT"}, {"1__2", "INT"}, {"_1", "INT"}, {"0b102", "INT"},
		{"0o8", "INT"}, {"1.5", "INT"}, {"0x1.8", "FLOAT"}, {"1e", "FLOAT"}, {"1e+", "FLOAT"}, {"1p5", "FLOAT"},
		{"1._5", "FLOAT"}, {"1_.5", "FLOAT"}, {"0x.p1", "FLOAT"}, {".", "FLOAT"}, {"1e_5", "FLOAT"},
		{"1", "IMAG"}, {"i", "IMAG"}, {"''", "CHAR"}, {"'ab'", "CHAR"}, {`'\"'`, "CHAR"}, {`'\400'`, "CHAR"},
		{`'\uD800'`, "CHAR"}, {`'\U00110000'`, "CHAR"}, {`'\x1'`, "CHAR"}, {`'\8'`, "CHAR"}, {`'\q'`, "CHAR"},
		{`"\'"`, "STRING"}, {`"abc`, "STRING"}, {"`a`b`", "STRING"}, {`"a` + "\n" + `b"`, "STRING"}, {`"\x4"`, "STRING"},
	}
	type litOut struct {
		Lit string   `json:"lit"`
		Tok string   `json:"tok"`
		V   valueOut `json:"v"`
	}
	var litsOut []litOut
	for _, l := range lits {
		v := constant.MakeFromLiteral(l.Lit, toks[l.Tok], 0)
		litsOut = append(litsOut, litOut{l.Lit, l.Tok, describe(v)})
	}

	// Binary operations over a set of operands.
	operands := []lit{
		{"0", "INT"}, {"1", "INT"}, {"-7", "INT"}, {"7", "INT"}, {"3", "INT"}, {"-2", "INT"}, {"9223372036854775807", "INT"},
		{"1267650600228229401496703205376", "INT"}, {"0.0", "FLOAT"}, {"1.5", "FLOAT"}, {"-0.1", "FLOAT"}, {"1e100", "FLOAT"},
		{"1e-300", "FLOAT"}, {"3.0", "FLOAT"}, {"1e1000000", "FLOAT"}, {"1e1300", "FLOAT"}, {"2i", "IMAG"}, {"1.5i", "IMAG"},
		{"0i", "IMAG"}, {"1e1300i", "IMAG"},
	}
	mk := func(l lit) constant.Value {
		if l.Lit[0] == '-' {
			return constant.UnaryOp(token.SUB, constant.MakeFromLiteral(l.Lit[1:], toks[l.Tok], 0), 0)
		}
		return constant.MakeFromLiteral(l.Lit, toks[l.Tok], 0)
	}
	// Each binary result: [x, xTok, op, y, yTok, String, ExactString, kind].
	var bins [][]any
	ops := map[string]token.Token{"+": token.ADD, "-": token.SUB, "*": token.MUL, "quo": token.QUO, "/": token.QUO_ASSIGN,
		"%": token.REM, "&": token.AND, "|": token.OR, "^": token.XOR, "&^": token.AND_NOT}
	opOrder := []string{"+", "-", "*", "quo", "/", "%", "&", "|", "^", "&^"}
	for _, a := range operands {
		for _, b := range operands {
			x, y := mk(a), mk(b)
			for _, op := range opOrder {
				isInt := x.Kind() == constant.Int && y.Kind() == constant.Int
				if !isInt && op != "+" && op != "-" && op != "*" && op != "quo" {
					continue
				}
				if (op == "quo" || op == "/" || op == "%") && constant.Sign(y) == 0 {
					continue
				}
				if op == "quo" && (x.Kind() == constant.Complex || y.Kind() == constant.Complex) && len(x.ExactString())+len(y.ExactString()) > 600 {
					continue
				}
				r := constant.BinaryOp(x, ops[op], y)
				ex := abbrev(r.ExactString())
				bins = append(bins, []any{a.Lit, a.Tok, op, b.Lit, b.Tok, r.String(), ex, int(r.Kind())})
			}
		}
	}
	// Each comparison: [x, xTok, y, yTok, x < y, x == y].
	var cmps [][]any
	for _, a := range operands {
		for _, b := range operands {
			x, y := mk(a), mk(b)
			eq := constant.Compare(x, token.EQL, y)
			lt := false
			if x.Kind() != constant.Complex && y.Kind() != constant.Complex {
				lt = constant.Compare(x, token.LSS, y)
			}
			cmps = append(cmps, []any{a.Lit, a.Tok, b.Lit, b.Tok, lt, eq})
		}
	}
	type unOut struct {
		Op   string
		X    string
		Prec uint
		Out  string
	}
	var uns []unOut
	for _, s := range []string{"0", "1", "-1", "255", "256", "9223372036854775807", "-9223372036854775808", "18446744073709551615"} {
		v := mk(lit{s, "INT"})
		for _, p := range []uint{0, 8, 16, 32, 64} {
			uns = append(uns, unOut{"^", s, p, constant.UnaryOp(token.XOR, v, p).ExactString()})
		}
	}
	type shOut struct {
		X   string
		Op  string
		S   uint
		Out string
	}
	var shs []shOut
	for _, s := range []string{"0", "1", "-1", "5", "-5", "-7", "255", "9223372036854775807"} {
		v := mk(lit{s, "INT"})
		for _, n := range []uint{0, 1, 2, 3, 10, 63, 64, 100} {
			shs = append(shs, shOut{s, "<<", n, constant.Shift(v, token.SHL, n).ExactString()})
			shs = append(shs, shOut{s, ">>", n, constant.Shift(v, token.SHR, n).ExactString()})
		}
	}
	// Float64 formatting of some doubles as MakeFloat64 values.
	type fOut struct {
		F     string
		Str   string
		Exact string
	}
	var fs []fOut
	for _, f := range []float64{0, 1, -1, 0.5, 1.0 / 3, 2.0 / 3, 1e21, 1e20, 123456, 1234567, 0.1, 100, 1e6, 1e-5, 1e-4, math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.MaxFloat32, 1.5e300, -2.5e-300, 12345.678, 999999.4999, 0.000123456789, 5e-324, 2.2250738585072014e-308, math.Pi, math.E} {
		v := constant.MakeFloat64(f)
		fs = append(fs, fOut{strconv.FormatFloat(f, 'g', -1, 64), v.String(), v.ExactString()})
	}
	// fmt's %.6g on many doubles: [shortest repr of x, Sprintf("%.6g", x)].
	var g6 [][2]string
	rng := rand.New(rand.NewSource(1))
	add := func(f float64) {
		g6 = append(g6, [2]string{strconv.FormatFloat(f, 'g', -1, 64), fmt.Sprintf("%.6g", f)})
	}
	for i := 0; i < 300; i++ {
		add(rng.NormFloat64() * math.Pow(10, float64(rng.Intn(80)-40)))
		add(float64(rng.Int63n(100000000)))
		add(math.Float64frombits(rng.Uint64() &^ (1 << 63)))
	}
	for _, f := range []float64{1234565, 1234575, 12345650, 0.5, 2.5, 1e21, 1e-7, 123456.5, 1234567.5, 999999.5, 9999995, 99999.95, 0.00012345650000000001} {
		add(f)
	}
	out := map[string]any{"lits": litsOut, "bins": bins, "cmps": cmps, "unary": uns, "shifts": shs, "floats": fs, "g6": g6}
	enc := json.NewEncoder(os.Stdout)
	enc.Encode(out)
}
