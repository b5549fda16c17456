package main

import (
	"container/ring"
	"fmt"
	"unicode/utf16"
)

func main() {
	runes := []rune{'a', 'é', '世', 0x1F600, 0x10FFFF, 0xD800, -1, 0x110000, 0xFFFF, 0xE000}
	enc := utf16.Encode(runes)
	fmt.Printf("%x %d\n", enc, len(enc))
	fmt.Printf("%q\n", string(utf16.Decode(enc)))
	fmt.Printf("%q\n", string(utf16.Decode([]uint16{0xD83D, 0xDE00, 0xD83D, 'x', 0xDE00, 0xDBFF})))
	r1, r2 := utf16.EncodeRune(0x1F600)
	fmt.Printf("%x %x %x %x\n", r1, r2, utf16.DecodeRune(r1, r2), utf16.DecodeRune('a', r2))
	a, b := utf16.EncodeRune('a')
	fmt.Printf("%x %x %v %v %v\n", a, b, utf16.IsSurrogate(0xDABC), utf16.IsSurrogate(0xE000), utf16.IsSurrogate(0xD7FF))

	r := ring.New(5)
	for i := 0; i < r.Len(); i++ {
		r.Value = i * i
		r = r.Next()
	}
	r.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println()
	removed := r.Unlink(2)
	fmt.Println(r.Len(), removed.Len())
	s := ring.New(2)
	s.Value, s.Next().Value = "x", "y"
	r.Link(s)
	r.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println(r.Move(-2).Value, r.Prev().Value)
}
