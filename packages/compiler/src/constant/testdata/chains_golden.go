//go:build ignore

// Reference generator for chains.json (not part of gort's build; run with Go 1.19):
//
//	cd packages/compiler/src/constant/testdata && /usr/lib/go-1.19/bin/go run chains_golden.go > chains.json
//
// Random chains of go/constant operations (seeded): acc = acc op operand, recording after
// every step String, ExactString (abbreviated), ToInt and Float64Val. Exercises the switch
// from rationals to 512-bit floats, mixed kinds and complex arithmetic far beyond hand-written
// tables.
package main

import (
	"encoding/json"
	"go/constant"
	"go/token"
	"hash/fnv"
	"math/rand"
	"os"
	"strconv"
)

type operand struct {
	Lit string `json:"lit"`
	Tok string `json:"tok"`
}

var pool = []operand{
	{"0", "INT"}, {"1", "INT"}, {"2", "INT"}, {"3", "INT"}, {"7", "INT"}, {"10", "INT"}, {"255", "INT"},
	{"1000000007", "INT"}, {"9223372036854775807", "INT"}, {"340282366920938463463374607431768211457", "INT"},
	{"0.1", "FLOAT"}, {"0.5", "FLOAT"}, {"1.1", "FLOAT"}, {"3.0", "FLOAT"}, {"2.5e10", "FLOAT"}, {"1e100", "FLOAT"},
	{"1e-100", "FLOAT"}, {"1e300", "FLOAT"}, {"1e-300", "FLOAT"}, {"1e1300", "FLOAT"}, {"1e-1300", "FLOAT"},
	{"1e100000", "FLOAT"}, {"3.14159265358979323846264338327950288419716939937510582097494459", "FLOAT"},
	{"0x1p-1074", "FLOAT"}, {"0x1.8p1000", "FLOAT"}, {"123456789.123456789", "FLOAT"},
	{"1i", "IMAG"}, {"2.5i", "IMAG"}, {"1e100i", "IMAG"}, {"0.1i", "IMAG"},
}

var tokens = map[string]token.Token{"INT": token.INT, "FLOAT": token.FLOAT, "IMAG": token.IMAG}

// abbrev keeps short strings; long ones become prefix...length:fnv1a32 (hex), which the
// test recomputes from our full string.
func abbrev(s string) string {
	if len(s) <= 60 {
		return s
	}
	h := fnv.New32a()
	h.Write([]byte(s))
	return s[:30] + "..." + strconv.Itoa(len(s)) + ":" + strconv.FormatUint(uint64(h.Sum32()), 16)
}

type step struct {
	Op    string `json:"op"`
	Y     int    `json:"y"`
	Neg   bool   `json:"neg,omitempty"`
	Str   string `json:"str"`
	Exact string `json:"exact"`
	ToInt string `json:"toInt"`
	F64   string `json:"f64"`
	Kind  int    `json:"kind"`
}

type chain struct {
	Start int    `json:"start"`
	Steps []step `json:"steps"`
}

func main() {
	rng := rand.New(rand.NewSource(20261128))
	mk := func(i int) constant.Value { return constant.MakeFromLiteral(pool[i].Lit, tokens[pool[i].Tok], 0) }
	var chains []chain
	for n := 0; n < 60; n++ {
		c := chain{Start: rng.Intn(len(pool) - 4)}
		acc := mk(c.Start)
		for k := 0; k < 20; k++ {
			yi := rng.Intn(len(pool) - 4) // real operands
			if rng.Intn(20) == 0 {
				yi = len(pool) - 1 - rng.Intn(4) // occasionally an imaginary one
			}
			y := mk(yi)
			neg := rng.Intn(3) == 0
			if neg {
				y = constant.UnaryOp(token.SUB, y, 0)
			}
			ops := []string{"+", "-", "*", "quo"}
			if acc.Kind() == constant.Int && y.Kind() == constant.Int {
				ops = append(ops, "/", "%", "&", "|", "^", "&^")
			}
			op := ops[rng.Intn(len(ops))]
			if (op == "quo" || op == "/" || op == "%") && constant.Sign(y) == 0 {
				continue
			}
			var r constant.Value
			switch op {
			case "+":
				r = constant.BinaryOp(acc, token.ADD, y)
			case "-":
				r = constant.BinaryOp(acc, token.SUB, y)
			case "*":
				r = constant.BinaryOp(acc, token.MUL, y)
			case "quo":
				r = constant.BinaryOp(acc, token.QUO, y)
			case "/":
				r = constant.BinaryOp(acc, token.QUO_ASSIGN, y)
			case "%":
				r = constant.BinaryOp(acc, token.REM, y)
			case "&":
				r = constant.BinaryOp(acc, token.AND, y)
			case "|":
				r = constant.BinaryOp(acc, token.OR, y)
			case "^":
				r = constant.BinaryOp(acc, token.XOR, y)
			case "&^":
				r = constant.BinaryOp(acc, token.AND_NOT, y)
			}
			if r.Kind() == constant.Unknown || len(r.ExactString()) > 20000 {
				break // keep the chains finite and cheap to replay
			}
			s := step{Op: op, Y: yi, Neg: neg, Str: r.String(), Exact: abbrev(r.ExactString()), Kind: int(r.Kind())}
			s.ToInt = abbrev(constant.ToInt(r).ExactString())
			if r.Kind() != constant.Complex {
				f, _ := constant.Float64Val(r)
				s.F64 = strconv.FormatFloat(f, 'g', -1, 64)
			}
			c.Steps = append(c.Steps, s)
			acc = r
		}
		chains = append(chains, c)
	}
	json.NewEncoder(os.Stdout).Encode(map[string]any{"pool": pool, "chains": chains})
}
