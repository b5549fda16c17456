// gort standard library: package unicode/utf8.

// Package utf8 encodes and decodes runes as UTF-8.
package utf8

const (
	RuneError = '\uFFFD'     // the replacement character for invalid input
	RuneSelf  = 0x80         // bytes below RuneSelf stand for themselves
	MaxRune   = '\U0010FFFF' // the largest valid code point
	UTFMax    = 4            // the longest encoding of a rune, in bytes
)

const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF
)

// seqLen classifies a leading byte: the low 3 bits hold the sequence length
// (0 for a byte that cannot start a sequence), the high bits select the
// accepted range for the second byte (see secondLo/secondHi).
//
//	kind 0: 80..BF   kind 1: A0..BF (E0)   kind 2: 80..9F (ED)
//	kind 3: 90..BF (F0)   kind 4: 80..8F (F4)
var secondLo = [5]byte{0x80, 0xA0, 0x80, 0x90, 0x80}
var secondHi = [5]byte{0xBF, 0xBF, 0x9F, 0xBF, 0x8F}

// lead returns the sequence length and second-byte kind for a leading byte b
// (b >= 0x80); length 0 means b is not a valid leading byte.
func lead(b byte) (n int, kind int) {
	switch {
	case b < 0xC2:
		return 0, 0
	case b < 0xE0:
		return 2, 0
	case b == 0xE0:
		return 3, 1
	case b == 0xED:
		return 3, 2
	case b < 0xF0:
		return 3, 0
	case b == 0xF0:
		return 4, 3
	case b < 0xF4:
		return 4, 0
	case b == 0xF4:
		return 4, 4
	}
	return 0, 0
}

// FullRune reports whether p begins with a full encoding of a rune. An
// invalid encoding counts as a full rune, since it decodes as a width-1 error.
func FullRune(p []byte) bool {
	if len(p) == 0 {
		return false
	}
	n, kind := lead(p[0])
	if p[0] < RuneSelf || n == 0 || len(p) >= n {
		return true
	}
	if len(p) > 1 && (p[1] < secondLo[kind] || p[1] > secondHi[kind]) {
		return true
	}
	if len(p) > 2 && (p[2] < 0x80 || p[2] > 0xBF) {
		return true
	}
	return false
}

// FullRuneInString is FullRune for a string.
func FullRuneInString(s string) bool {
	if len(s) == 0 {
		return false
	}
	n, kind := lead(s[0])
	if s[0] < RuneSelf || n == 0 || len(s) >= n {
		return true
	}
	if len(s) > 1 && (s[1] < secondLo[kind] || s[1] > secondHi[kind]) {
		return true
	}
	if len(s) > 2 && (s[2] < 0x80 || s[2] > 0xBF) {
		return true
	}
	return false
}

// DecodeRune unpacks the first UTF-8 encoding in p and returns the rune and
// its width. Empty input yields (RuneError, 0); an invalid or incomplete
// encoding yields (RuneError, 1).
func DecodeRune(p []byte) (r rune, size int) {
	if len(p) == 0 {
		return RuneError, 0
	}
	b0 := p[0]
	if b0 < RuneSelf {
		return rune(b0), 1
	}
	n, kind := lead(b0)
	if n == 0 || len(p) < 2 || p[1] < secondLo[kind] || p[1] > secondHi[kind] {
		return RuneError, 1
	}
	if n == 2 {
		return rune(b0&0x1F)<<6 | rune(p[1]&0x3F), 2
	}
	if len(p) < 3 || p[2] < 0x80 || p[2] > 0xBF {
		return RuneError, 1
	}
	if n == 3 {
		return rune(b0&0x0F)<<12 | rune(p[1]&0x3F)<<6 | rune(p[2]&0x3F), 3
	}
	if len(p) < 4 || p[3] < 0x80 || p[3] > 0xBF {
		return RuneError, 1
	}
	return rune(b0&0x07)<<18 | rune(p[1]&0x3F)<<12 | rune(p[2]&0x3F)<<6 | rune(p[3]&0x3F), 4
}

// DecodeRuneInString is DecodeRune for a string.
func DecodeRuneInString(s string) (r rune, size int) {
	if len(s) == 0 {
		return RuneError, 0
	}
	b0 := s[0]
	if b0 < RuneSelf {
		return rune(b0), 1
	}
	n, kind := lead(b0)
	if n == 0 || len(s) < 2 || s[1] < secondLo[kind] || s[1] > secondHi[kind] {
		return RuneError, 1
	}
	if n == 2 {
		return rune(b0&0x1F)<<6 | rune(s[1]&0x3F), 2
	}
	if len(s) < 3 || s[2] < 0x80 || s[2] > 0xBF {
		return RuneError, 1
	}
	if n == 3 {
		return rune(b0&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	if len(s) < 4 || s[3] < 0x80 || s[3] > 0xBF {
		return RuneError, 1
	}
	return rune(b0&0x07)<<18 | rune(s[1]&0x3F)<<12 | rune(s[2]&0x3F)<<6 | rune(s[3]&0x3F), 4
}

// DecodeLastRune unpacks the last UTF-8 encoding in p, with the same error
// conventions as DecodeRune.
func DecodeLastRune(p []byte) (r rune, size int) {
	end := len(p)
	if end == 0 {
		return RuneError, 0
	}
	if p[end-1] < RuneSelf {
		return rune(p[end-1]), 1
	}
	// Walk back over at most UTFMax-1 continuation bytes to a possible start.
	start := end - 1
	limit := end - UTFMax
	if limit < 0 {
		limit = 0
	}
	for start--; start >= limit; start-- {
		if !isCont(p[start]) {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size = DecodeRune(p[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// DecodeLastRuneInString is DecodeLastRune for a string.
func DecodeLastRuneInString(s string) (r rune, size int) {
	end := len(s)
	if end == 0 {
		return RuneError, 0
	}
	if s[end-1] < RuneSelf {
		return rune(s[end-1]), 1
	}
	start := end - 1
	limit := end - UTFMax
	if limit < 0 {
		limit = 0
	}
	for start--; start >= limit; start-- {
		if !isCont(s[start]) {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size = DecodeRuneInString(s[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

func isCont(b byte) bool { return b&0xC0 == 0x80 }

// RuneLen returns the number of bytes needed to encode r, or -1 when r is
// not a valid Unicode scalar value.
func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case surrogateMin <= r && r <= surrogateMax:
		return -1
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

// EncodeRune writes the UTF-8 encoding of r into p, which must be large
// enough, and returns the number of bytes written. Invalid runes are
// encoded as RuneError.
func EncodeRune(p []byte, r rune) int {
	u := uint32(r)
	switch {
	case u < 0x80:
		p[0] = byte(u)
		return 1
	case u < 0x800:
		_ = p[1]
		p[0] = 0xC0 | byte(u>>6)
		p[1] = 0x80 | byte(u)&0x3F
		return 2
	case u > MaxRune, surrogateMin <= u && u <= surrogateMax:
		u = RuneError
		fallthrough
	case u < 0x10000:
		_ = p[2]
		p[0] = 0xE0 | byte(u>>12)
		p[1] = 0x80 | byte(u>>6)&0x3F
		p[2] = 0x80 | byte(u)&0x3F
		return 3
	default:
		_ = p[3]
		p[0] = 0xF0 | byte(u>>18)
		p[1] = 0x80 | byte(u>>12)&0x3F
		p[2] = 0x80 | byte(u>>6)&0x3F
		p[3] = 0x80 | byte(u)&0x3F
		return 4
	}
}

// AppendRune appends the UTF-8 encoding of r to p and returns the extended
// slice.
func AppendRune(p []byte, r rune) []byte {
	if uint32(r) < RuneSelf {
		return append(p, byte(r))
	}
	var buf [UTFMax]byte
	n := EncodeRune(buf[:], r)
	return append(p, buf[:n]...)
}

// RuneCount returns the number of runes in p; each invalid byte counts as one.
func RuneCount(p []byte) int {
	n := 0
	for i := 0; i < len(p); {
		if p[i] < RuneSelf {
			i++
		} else {
			_, w := DecodeRune(p[i:])
			i += w
		}
		n++
	}
	return n
}

// RuneCountInString is RuneCount for a string.
func RuneCountInString(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < RuneSelf {
			i++
		} else {
			_, w := DecodeRuneInString(s[i:])
			i += w
		}
		n++
	}
	return n
}

// RuneStart reports whether b could be the first byte of an encoded rune.
func RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// Valid reports whether p consists entirely of valid UTF-8 encodings.
func Valid(p []byte) bool {
	for i := 0; i < len(p); {
		if p[i] < RuneSelf {
			i++
			continue
		}
		r, w := DecodeRune(p[i:])
		if r == RuneError && w == 1 {
			return false
		}
		i += w
	}
	return true
}

// ValidString reports whether s consists entirely of valid UTF-8 encodings.
func ValidString(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < RuneSelf {
			i++
			continue
		}
		r, w := DecodeRuneInString(s[i:])
		if r == RuneError && w == 1 {
			return false
		}
		i += w
	}
	return true
}

// ValidRune reports whether r can be encoded as UTF-8: it is in range and
// not a surrogate half.
func ValidRune(r rune) bool {
	return (0 <= r && r < surrogateMin) || (surrogateMax < r && r <= MaxRune)
}
