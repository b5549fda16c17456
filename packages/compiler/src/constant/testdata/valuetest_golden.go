//go:build ignore

// Reference generator for valuetest.json (not part of gort's build; run with Go 1.19):
//
//	cd packages/compiler/src/constant/testdata && /usr/lib/go-1.19/bin/go run valuetest_golden.go > valuetest.json
//
// Reads the literal spellings used by Go's own go/constant tests (the string tables in
// $GOROOT/src/go/constant/value_test.go) and records what go/constant makes of each: kind,
// String and ExactString. Only Go's answers are stored, as a JSON oracle for our tests.
package main

import (
	"encoding/json"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
)

type out struct {
	Lit   string `json:"lit"`
	Tok   string `json:"tok"`
	Kind  int    `json:"kind"`
	Str   string `json:"str"`
	Exact string `json:"exact"`
}

func main() {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "/usr/lib/go-1.19/src/go/constant/value_test.go", nil, 0)
	if err != nil {
		panic(err)
	}
	// Collect the string literals of the number tables ("lhs = rhs" pairs).
	tables := map[string]string{"intTests": "INT", "floatTests": "FLOAT", "imagTests": "IMAG"}
	var res []out
	add := func(lit, tok string) {
		if lit == "?" || strings.Contains(lit, "/") {
			return
		}
		v := constant.MakeFromLiteral(lit, map[string]token.Token{"INT": token.INT, "FLOAT": token.FLOAT, "IMAG": token.IMAG, "CHAR": token.CHAR, "STRING": token.STRING}[tok], 0)
		res = append(res, out{lit, tok, int(v.Kind()), v.String(), v.ExactString()})
	}
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || len(vs.Values) != 1 {
			return true
		}
		name := vs.Names[0].Name
		cl, ok := vs.Values[0].(*ast.CompositeLit)
		if !ok {
			return true
		}
		if tok, ok := tables[name]; ok {
			for _, e := range cl.Elts {
				bl, ok := e.(*ast.BasicLit)
				if !ok {
					continue
				}
				s, _ := strconv.Unquote(bl.Value)
				for _, side := range strings.Split(s, " = ") {
					add(side, tok)
				}
			}
		}
		if name == "stringTests" {
			// First field of each {input, short, exact}; keep plain literals only.
			for _, e := range cl.Elts {
				c, ok := e.(*ast.CompositeLit)
				if !ok || len(c.Elts) == 0 {
					continue
				}
				bl, ok := c.Elts[0].(*ast.BasicLit)
				if !ok {
					continue
				}
				s, _ := strconv.Unquote(bl.Value)
				if s == "" || s == "true" || s == "false" || s == "unknown" {
					continue
				}
				tok := "INT"
				switch first, last := s[0], s[len(s)-1]; {
				case first == '"' || first == '`':
					tok = "STRING"
				case first == '\'':
					tok = "CHAR"
				case last == 'i':
					tok = "IMAG"
				default:
					if !strings.HasPrefix(s, "0x") && strings.ContainsAny(s, "./Ee") {
						tok = "FLOAT"
					}
				}
				add(s, tok)
			}
		}
		return true
	})
	json.NewEncoder(os.Stdout).Encode(res)
}
