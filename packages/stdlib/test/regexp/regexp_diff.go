//go:build ignore

// Differential test: gort's regexp (and regexp/syntax's parser) against
// Go's, on random patterns from a grammar of atoms (classes, assertions,
// flags groups, named captures) and repetition operators, in Perl and
// POSIX modes, leftmost-first and leftmost-longest, over random inputs with
// multi-byte and case-variant characters. Compared: compile errors (text),
// FindAllStringSubmatchIndex, ReplaceAllString with $-templates, Split,
// FindAllString, ReplaceAllLiteralString, MatchString and LiteralPrefix
// (except for patterns anchored with ^ or \A, which Go runs one-pass and
// whose LiteralPrefix we do not reproduce).
package main

import (
	"fmt"
	"math/rand"
	"os"
	"reflect"
	"regexp"
	"strconv"

	ogre "gortstd/regexp"
)

var atoms = []string{"a", "b", "c", ".", "x", "\\d", "\\w", "\\s", "[ab]", "[^a]", "[a-c]", "\\b", "\\B", "^", "$", "(?i:A)", "é", "\\pL", "[[:digit:]]", "()", "(a|)", "\\n", "(?s:.)", "(?m:^)", "(?m:$)", "\\z", "\\A"}
var reps = []string{"", "", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{1,3}", "{0,2}?", "{2,}"}

func gen(r *rand.Rand, depth int) string {
	n := 1 + r.Intn(4)
	s := ""
	for i := 0; i < n; i++ {
		var a string
		switch {
		case depth > 0 && r.Intn(4) == 0:
			inner := gen(r, depth-1)
			switch r.Intn(4) {
			case 0:
				a = "(" + inner + ")"
			case 1:
				a = "(?:" + inner + ")"
			case 2:
				a = "(" + inner + "|" + gen(r, depth-1) + ")"
			default:
				a = "(?P<n" + strconv.Itoa(r.Intn(3)) + ">" + inner + ")"
			}
		default:
			a = atoms[r.Intn(len(atoms))]
		}
		rep := reps[r.Intn(len(reps))]
		if a == "^" || a == "$" || a == "\\b" || a == "\\B" || a == "\\z" || a == "\\A" || a == "(?m:^)" || a == "(?m:$)" {
			rep = ""
		}
		s += a + rep
		if r.Intn(6) == 0 {
			s += "|"
		}
	}
	return s
}

func input(r *rand.Rand) string {
	const alpha = "abcx1 \néA_"
	runes := []rune(alpha)
	n := r.Intn(12)
	b := []rune{}
	for i := 0; i < n; i++ {
		b = append(b, runes[r.Intn(len(runes))])
	}
	return string(b)
}

func main() {
	count, _ := strconv.Atoi(os.Getenv("GORTSTD_N"))
	if count == 0 {
		count = 20000
	}
	r := rand.New(rand.NewSource(1))
	bad := 0
	for i := 0; i < count; i++ {
		p := gen(r, 2)
		posix := r.Intn(3) == 0
		var want *regexp.Regexp
		var got *ogre.Regexp
		var err1, err2 error
		if posix {
			want, err1 = regexp.CompilePOSIX(p)
			got, err2 = ogre.CompilePOSIX(p)
		} else {
			want, err1 = regexp.Compile(p)
			got, err2 = ogre.Compile(p)
		}
		if (err1 == nil) != (err2 == nil) || err1 != nil && err1.Error() != err2.Error() {
			fmt.Printf("COMPILE %q: go=%v gort=%v\n", p, err1, err2)
			bad++
			continue
		}
		if err1 != nil {
			continue
		}
		longest := r.Intn(4) == 0
		if longest {
			want.Longest()
			got.Longest()
		}
		for k := 0; k < 5; k++ {
			in := input(r)
			w := want.FindAllStringSubmatchIndex(in, -1)
			g := got.FindAllStringSubmatchIndex(in, -1)
			wr := want.ReplaceAllString(in, "<$1${n0}$$x$2y>") + fmt.Sprint(want.MatchString(in), want.Split(in, 2), want.FindAllString(in, 2), want.ReplaceAllLiteralString(in, "$1"))
			gr := got.ReplaceAllString(in, "<$1${n0}$$x$2y>") + fmt.Sprint(got.MatchString(in), got.Split(in, 2), got.FindAllString(in, 2), got.ReplaceAllLiteralString(in, "$1"))
			wp, wc := want.LiteralPrefix()
			gp, gc := got.LiteralPrefix()
			if !reflect.DeepEqual(w, g) || wr != gr || (wp != gp || wc != gc) && !(len(p) > 0 && (p[0] == 0x5e || p[:2] == "\\A")) {
				fmt.Printf("MATCH %q posix=%v longest=%v on %q:\n  go   %v %q %q %v\n  gort %v %q %q %v\n", p, posix, longest, in, w, wr, wp, wc, g, gr, gp, gc)
				bad++
				break
			}
		}
		if bad > 20 {
			break
		}
	}
	fmt.Printf("regexp: %d patterns, %d differences\n", count, bad)
	if bad > 0 {
		os.Exit(1)
	}
}
