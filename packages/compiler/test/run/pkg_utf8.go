package main

import (
	"unicode/utf16"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界 \xff\xfe 𝄞!"
	println(len(s), utf8.RuneCountInString(s), utf8.ValidString(s), utf8.ValidString("ok é"))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		println(i, r, n, utf8.RuneLen(r), utf8.ValidRune(r))
		i += n
	}
	for j := len(s); j > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		print(r, " ")
		j -= n
	}
	println()
	buf := make([]byte, 0, 4)
	for _, r := range []rune{'a', 'é', '世', 0x1F600, -1, 0xD800, 0x10FFFF + 1} {
		buf = utf8.AppendRune(buf[:0], r)
		b := make([]byte, 4)
		n := utf8.EncodeRune(b, r)
		println(string(buf), n, len(buf), utf8.FullRune(b[:n]), utf8.RuneStart(b[0]))
	}
	println(utf8.RuneCount([]byte(s)), utf8.Valid([]byte(s)))
	u := utf16.Encode([]rune{'a', 0x1D11E, 'é'})
	for _, x := range u {
		print(x, " ")
	}
	println()
	rs := utf16.Decode(u)
	println(rs[0], rs[1], rs[2], len(rs), utf16.IsSurrogate(0xd834))
	r1, r2 := utf16.EncodeRune(0x1D11E)
	println(r1, r2, utf16.DecodeRune(r1, r2))
}
