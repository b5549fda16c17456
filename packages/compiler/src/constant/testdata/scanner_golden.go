//go:build ignore

// Reference generator for scanner.json (not part of gort's build; run with Go 1.19):
//
//	cd packages/compiler/src/constant/testdata && /usr/lib/go-1.19/bin/go run scanner_golden.go > scanner.json
//
// Asks go/scanner whether each text is exactly one valid literal token, to check that
// makeFromLiteral accepts precisely the literals the Go spec allows.
package main

import (
	"encoding/json"
	"go/scanner"
	"go/token"
	"os"
)

func main() {
	lits := []string{"0", "00", "0_0", "007", "08", "08.5", "08i", "0_8", "09e1", "0x", "0x_", "0x_1", "0x1_", "0x__1", "0X1F",
		"0b", "0b_1", "0b12", "0B101", "0o", "0o_7", "0o78", "0O17", "1__0", "1_0", "_1", "1_", "1_.5", "1._5", "1.5_", "1.5_5",
		"1e1_0", "1e_10", "1e+_1", "1e1_", "0x1p1_0", "0x1p_1", "0x1.p1", "0x.1p1", "0x1.8", "0x1p", "0x.p1", "1p5", "1e",
		"1e+", ".5", "5.", ".", "0.", "0x_1.8p1", "0x1_.8p1", "0x1._8p1", "1E5", "1e+05", "0e0", "0x0p0", "00.0", "0_1.5",
		"1.e2", "1i", "1.5i", "0x1i", "0b1i", "0o7i", "017i", "0x1p1i", "1_000i", "1e1000000", "1_e5", "0x1e5", "0xep1",
		"'a'", "'\\x41'", "'\\101'", "'\\u0041'", "'\\U00000041'", "'\\''", "'\\\"'", "'\"'", "''", "'ab'", "'\\400'",
		"'\\x4'", "'\\uD800'", "'\\U00110000'", "'\\q'", "'\\8'", "'\\0'", "'\\00'", "'\\000'", "'\\n'", "'\\\\'",
		"\"\"", "\"a\"", "\"\\'\"", "\"'\"", "\"\\\"\"", "\"\\x4\"", "\"\\xff\"", "\"\\400\"", "\"\\377\"", "\"\\uD800\"",
		"\"\\U0010FFFF\"", "\"\\U00110000\"", "\"\\q\"", "\"\\8\"", "\"\\a\\b\\f\\n\\r\\t\\v\"", "`a`", "``", "`\\n`",
	}
	type res struct {
		Lit   string `json:"lit"`
		Tok   string `json:"tok"`
		Valid bool   `json:"valid"`
	}
	var out []res
	for _, l := range lits {
		fset := token.NewFileSet()
		f := fset.AddFile("x.go", -1, len(l))
		errs := 0
		var s scanner.Scanner
		s.Init(f, []byte(l), func(pos token.Position, msg string) { errs++ }, 0)
		_, tok, lit := s.Scan()
		_, tok2, _ := s.Scan()
		if tok2 == token.SEMICOLON {
			_, tok2, _ = s.Scan()
		}
		valid := errs == 0 && lit == l && tok2 == token.EOF && tok.IsLiteral()
		out = append(out, res{l, tok.String(), valid})
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
