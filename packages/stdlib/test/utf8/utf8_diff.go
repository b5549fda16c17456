//go:build ignore

// Differential test: gort's unicode/utf8 and unicode/utf16 against Go's.
package main

import (
	"fmt"
	"math/rand"
	"os"
	"reflect"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	ou16 "gortstd/unicode/utf16"
	ou8 "gortstd/unicode/utf8"
)

var fails int

func check(what string, got, want any) {
	if !reflect.DeepEqual(got, want) {
		fails++
		if fails < 20 {
			fmt.Printf("%s: got %v want %v\n", what, got, want)
		}
	}
}

func randBytes(r *rand.Rand) []byte {
	n := r.Intn(8)
	b := make([]byte, n)
	for i := range b {
		switch r.Intn(4) {
		case 0:
			b[i] = byte(r.Intn(0x80))
		case 1:
			b[i] = 0x80 + byte(r.Intn(0x40))
		default:
			b[i] = byte(r.Intn(256))
		}
	}
	return b
}

func main() {
	n, _ := strconv.Atoi(os.Getenv("GORTSTD_N"))
	if n == 0 {
		n = 20000
	}
	r := rand.New(rand.NewSource(1))
	// every rune, plus out-of-range values
	for c := rune(-3); c <= 0x110003; c++ {
		check("RuneLen", ou8.RuneLen(c), utf8.RuneLen(c))
		check("ValidRune", ou8.ValidRune(c), utf8.ValidRune(c))
		var a, b [4]byte
		na, nb := ou8.EncodeRune(a[:], c), utf8.EncodeRune(b[:], c)
		check("EncodeRune", a[:na], b[:nb])
		if c%97 == 0 {
			check("AppendRune", ou8.AppendRune([]byte("x"), c), utf8.AppendRune([]byte("x"), c))
		}
		x1, x2 := ou16.EncodeRune(c)
		y1, y2 := utf16.EncodeRune(c)
		check("utf16.EncodeRune", [2]rune{x1, x2}, [2]rune{y1, y2})
		check("IsSurrogate", ou16.IsSurrogate(c), utf16.IsSurrogate(c))
	}
	for i := 0; i < n*5; i++ {
		b := randBytes(r)
		s := string(b)
		r1, s1 := ou8.DecodeRune(b)
		r2, s2 := utf8.DecodeRune(b)
		check("DecodeRune "+fmt.Sprintf("%x", b), [2]int{int(r1), s1}, [2]int{int(r2), s2})
		r1, s1 = ou8.DecodeRuneInString(s)
		r2, s2 = utf8.DecodeRuneInString(s)
		check("DecodeRuneInString", [2]int{int(r1), s1}, [2]int{int(r2), s2})
		r1, s1 = ou8.DecodeLastRune(b)
		r2, s2 = utf8.DecodeLastRune(b)
		check("DecodeLastRune "+fmt.Sprintf("%x", b), [2]int{int(r1), s1}, [2]int{int(r2), s2})
		r1, s1 = ou8.DecodeLastRuneInString(s)
		r2, s2 = utf8.DecodeLastRuneInString(s)
		check("DecodeLastRuneInString", [2]int{int(r1), s1}, [2]int{int(r2), s2})
		check("FullRune "+fmt.Sprintf("%x", b), ou8.FullRune(b), utf8.FullRune(b))
		check("FullRuneInString", ou8.FullRuneInString(s), utf8.FullRuneInString(s))
		check("RuneCount", ou8.RuneCount(b), utf8.RuneCount(b))
		check("RuneCountInString", ou8.RuneCountInString(s), utf8.RuneCountInString(s))
		check("Valid "+fmt.Sprintf("%x", b), ou8.Valid(b), utf8.Valid(b))
		check("ValidString", ou8.ValidString(s), utf8.ValidString(s))
		if len(b) > 0 {
			check("RuneStart", ou8.RuneStart(b[0]), utf8.RuneStart(b[0]))
		}
		u := make([]uint16, r.Intn(6))
		for j := range u {
			if r.Intn(2) == 0 {
				u[j] = uint16(0xD800 + r.Intn(0x800))
			} else {
				u[j] = uint16(r.Intn(0x10000))
			}
		}
		d1, d2 := ou16.Decode(u), utf16.Decode(u)
		check("utf16.Decode", d1, d2)
		check("utf16.Decode cap", cap(d1), cap(d2))
		rs := make([]rune, r.Intn(6))
		for j := range rs {
			rs[j] = rune(r.Intn(0x110010)) - 4
		}
		e1, e2 := ou16.Encode(rs), utf16.Encode(rs)
		check("utf16.Encode", e1, e2)
		check("utf16.Encode cap", cap(e1), cap(e2))
		a, bb := rune(r.Intn(0x10000)), rune(r.Intn(0x10000))
		check("utf16.DecodeRune", ou16.DecodeRune(a, bb), utf16.DecodeRune(a, bb))
	}
	if fails > 0 {
		fmt.Printf("FAIL utf8/utf16: %d mismatches\n", fails)
		os.Exit(1)
	}
	fmt.Println("ok utf8/utf16")
}
