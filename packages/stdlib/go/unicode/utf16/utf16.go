// gort standard library: package unicode/utf16 (Go 1.19 API).

// Package utf16 converts between code points and UTF-16 sequences.
// Code points above U+FFFF are written as a surrogate pair: subtract
// 0x10000, then the high 10 bits go in a "high" surrogate (D800–DBFF) and
// the low 10 bits in a "low" surrogate (DC00–DFFF).
package utf16

const (
	replacementChar = '\uFFFD'
	maxRune         = '\U0010FFFF'

	surr1    = 0xd800 // first high surrogate
	surr2    = 0xdc00 // first low surrogate
	surr3    = 0xe000 // past the last low surrogate
	surrSelf = 0x10000
)

// IsSurrogate reports whether r can appear in a surrogate pair.
func IsSurrogate(r rune) bool {
	return surr1 <= r && r < surr3
}

// DecodeRune returns the code point of the surrogate pair (r1, r2), or
// U+FFFD if they are not a valid pair.
func DecodeRune(r1, r2 rune) rune {
	if surr1 <= r1 && r1 < surr2 && surr2 <= r2 && r2 < surr3 {
		return (r1-surr1)<<10 | (r2 - surr2) + surrSelf
	}
	return replacementChar
}

// EncodeRune returns the surrogate pair for r, or U+FFFD twice if r does
// not need one (or is not a valid code point).
func EncodeRune(r rune) (r1, r2 rune) {
	if r < surrSelf || r > maxRune {
		return replacementChar, replacementChar
	}
	r -= surrSelf
	return surr1 + (r>>10)&0x3ff, surr2 + r&0x3ff
}

// Encode returns the UTF-16 encoding of s; invalid code points (negative,
// surrogates, beyond U+10FFFF) become U+FFFD.
func Encode(s []rune) []uint16 {
	n := len(s)
	for _, r := range s {
		if r >= surrSelf {
			n++
		}
	}
	out := make([]uint16, n)
	i := 0
	for _, r := range s {
		switch {
		case 0 <= r && r < surr1, surr3 <= r && r < surrSelf:
			out[i] = uint16(r)
			i++
		case surrSelf <= r && r <= maxRune:
			r1, r2 := EncodeRune(r)
			out[i] = uint16(r1)
			out[i+1] = uint16(r2)
			i += 2
		default:
			out[i] = uint16(replacementChar)
			i++
		}
	}
	return out[:i]
}

// Decode returns the code points of the UTF-16 sequence s; an unpaired
// surrogate becomes U+FFFD.
func Decode(s []uint16) []rune {
	out := make([]rune, len(s))
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < surr1, surr3 <= c:
			out[n] = rune(c)
		case surr1 <= c && c < surr2 && i+1 < len(s) && surr2 <= s[i+1] && s[i+1] < surr3:
			out[n] = DecodeRune(rune(c), rune(s[i+1]))
			i++
		default:
			out[n] = replacementChar
		}
		n++
	}
	return out[:n]
}
