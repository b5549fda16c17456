//go:build ignore

// Differential test: gort's unicode against Go's over every code point: the
// Is* predicates, case mappings, SimpleFold, and membership in every named
// table. Table layout (R16/R32 strides, LatinOffset) is compared too.
package main

import (
	"fmt"
	"os"
	"reflect"
	"sort"
	"unicode"

	ou "gortstd/unicode"
)

var fails int

func check(what string, r rune, got, want any) {
	if got != want {
		fails++
		if fails < 40 || os.Getenv("GORTSTD_FULL") != "" {
			fmt.Printf("%s(%U): got %v want %v\n", what, r, got, want)
		}
	}
}

func keys[T any](m map[string]T) []string {
	var k []string
	for s := range m {
		k = append(k, s)
	}
	sort.Strings(k)
	return k
}

func main() {
	for _, pair := range []struct {
		name string
		a, b map[string]*ou.RangeTable
		c    map[string]*unicode.RangeTable
	}{
		{"Categories", ou.Categories, nil, unicode.Categories},
		{"Scripts", ou.Scripts, nil, unicode.Scripts},
		{"Properties", ou.Properties, nil, unicode.Properties},
		{"FoldCategory", ou.FoldCategory, nil, unicode.FoldCategory},
		{"FoldScript", ou.FoldScript, nil, unicode.FoldScript},
	} {
		if fmt.Sprint(keys(pair.a)) != fmt.Sprint(keys(pair.c)) {
			fails++
			fmt.Printf("%s keys:\n got  %v\n want %v\n", pair.name, keys(pair.a), keys(pair.c))
		}
		layout := 0
		for _, k := range keys(pair.c) {
			t, ok := pair.a[k]
			if !ok {
				continue
			}
			want := pair.c[k]
			// Every code point when GORTSTD_FULL is set; otherwise every 7th
			// plus both sides of each of Go's range ends.
			step := rune(7)
			if os.Getenv("GORTSTD_FULL") != "" {
				step = 1
			}
			for r := rune(0); r <= unicode.MaxRune+1; r += step {
				check(pair.name+"["+k+"]", r, ou.Is(t, r), unicode.Is(want, r))
			}
			var ends []rune
			for _, g := range want.R16 {
				ends = append(ends, rune(g.Lo), rune(g.Hi))
			}
			for _, g := range want.R32 {
				ends = append(ends, rune(g.Lo), rune(g.Hi))
			}
			for _, e := range ends {
				for r := e - 1; r <= e+1; r++ {
					check(pair.name+"["+k+"]", r, ou.Is(t, r), unicode.Is(want, r))
				}
			}
			if fmt.Sprint(*t) != fmt.Sprint(*want) {
				layout++
			}
		}
		if layout > 0 {
			fmt.Printf("note: %s: %d tables hold the same set with a different layout\n", pair.name, layout)
		}
	}
	check("Version", 0, ou.Version, unicode.Version)
	if !reflect.DeepEqual(fmt.Sprint(ou.CaseRanges), fmt.Sprint(unicode.CaseRanges)) {
		fmt.Printf("note: CaseRanges layout differs (%d vs %d ranges)\n", len(ou.CaseRanges), len(unicode.CaseRanges))
	}
	for r := rune(-2); r <= unicode.MaxRune+2; r++ {
		check("IsLetter", r, ou.IsLetter(r), unicode.IsLetter(r))
		check("IsDigit", r, ou.IsDigit(r), unicode.IsDigit(r))
		check("IsNumber", r, ou.IsNumber(r), unicode.IsNumber(r))
		check("IsSpace", r, ou.IsSpace(r), unicode.IsSpace(r))
		check("IsUpper", r, ou.IsUpper(r), unicode.IsUpper(r))
		check("IsLower", r, ou.IsLower(r), unicode.IsLower(r))
		check("IsTitle", r, ou.IsTitle(r), unicode.IsTitle(r))
		check("IsPunct", r, ou.IsPunct(r), unicode.IsPunct(r))
		check("IsSymbol", r, ou.IsSymbol(r), unicode.IsSymbol(r))
		check("IsMark", r, ou.IsMark(r), unicode.IsMark(r))
		check("IsControl", r, ou.IsControl(r), unicode.IsControl(r))
		check("IsGraphic", r, ou.IsGraphic(r), unicode.IsGraphic(r))
		check("IsPrint", r, ou.IsPrint(r), unicode.IsPrint(r))
		check("ToUpper", r, ou.ToUpper(r), unicode.ToUpper(r))
		check("ToLower", r, ou.ToLower(r), unicode.ToLower(r))
		check("ToTitle", r, ou.ToTitle(r), unicode.ToTitle(r))
		check("SimpleFold", r, ou.SimpleFold(r), unicode.SimpleFold(r))
		check("TurkishCase.ToUpper", r, ou.TurkishCase.ToUpper(r), unicode.TurkishCase.ToUpper(r))
		check("TurkishCase.ToLower", r, ou.TurkishCase.ToLower(r), unicode.TurkishCase.ToLower(r))
		check("TurkishCase.ToTitle", r, ou.TurkishCase.ToTitle(r), unicode.TurkishCase.ToTitle(r))
		check("In(Latin,Greek)", r, ou.In(r, ou.Latin, ou.Greek), unicode.In(r, unicode.Latin, unicode.Greek))
		if r%1000 == 0 {
			check("To(5)", r, ou.To(5, r), unicode.To(5, r))
		}
	}
	if fails > 0 {
		fmt.Printf("FAIL unicode: %d mismatches\n", fails)
		os.Exit(1)
	}
	fmt.Println("ok unicode")
}
