// gort standard library: package unicode/utf16.

// Package utf16 encodes and decodes runes as UTF-16.
package utf16

const (
	replacement = '\uFFFD'
	maxRune     = '\U0010FFFF'
	surr1       = 0xD800 // first high surrogate
	surr2       = 0xDC00 // first low surrogate
	surr3       = 0xE000 // end of the surrogate block
	surrSelf    = 0x10000
)

// IsSurrogate reports whether r may appear in a surrogate pair.
func IsSurrogate(r rune) bool { return surr1 <= r && r < surr3 }

// DecodeRune returns the code point of the surrogate pair (r1, r2), or
// U+FFFD when they are not a valid pair.
func DecodeRune(r1, r2 rune) rune {
	if surr1 <= r1 && r1 < surr2 && surr2 <= r2 && r2 < surr3 {
		return (r1-surr1)<<10 | (r2 - surr2) + surrSelf
	}
	return replacement
}

// EncodeRune returns the surrogate pair for r, or (U+FFFD, U+FFFD) when r
// needs no pair or is not a valid code point.
func EncodeRune(r rune) (r1, r2 rune) {
	if r < surrSelf || r > maxRune {
		return replacement, replacement
	}
	r -= surrSelf
	return surr1 + (r>>10)&0x3FF, surr2 + r&0x3FF
}

// Encode returns the UTF-16 encoding of s; invalid code points become U+FFFD.
func Encode(s []rune) []uint16 {
	n := len(s)
	for _, r := range s {
		if r >= surrSelf { // counts out-of-range runes too, as Go sizes the buffer
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
			a, b := EncodeRune(r)
			out[i], out[i+1] = uint16(a), uint16(b)
			i += 2
		default:
			out[i] = replacement
			i++
		}
	}
	return out[:i]
}

// Decode returns the code points of the UTF-16 sequence s; unpaired
// surrogates become U+FFFD.
func Decode(s []uint16) []rune {
	out := make([]rune, len(s))
	n := 0
	for i := 0; i < len(s); i++ {
		c := rune(s[i])
		switch {
		case c < surr1, surr3 <= c:
			out[n] = c
		case c < surr2 && i+1 < len(s) && surr2 <= rune(s[i+1]) && rune(s[i+1]) < surr3:
			out[n] = DecodeRune(c, rune(s[i+1]))
			i++
		default:
			out[n] = replacement
		}
		n++
	}
	return out[:n]
}
