// gort standard library: package bytes.

// Package bytes implements functions to manipulate byte slices, the
// counterparts of package strings.
//
// Results that are subslices of the input keep Go's capacities (pieces of
// Split and Fields are capped at their ends), and the functions that Go
// documents or implements as returning nil for an empty result (TrimLeft,
// Trim, TrimSpace, TrimLeftFunc, TrimFunc, Replace of an empty input, Join
// of one empty slice) do so here too.
package bytes

import (
	"internal/bytealg"
	"unicode"
	"unicode/utf8"
)

// Equal reports whether a and b hold the same bytes; nil equals empty.
func Equal(a, b []byte) bool { return string(a) == string(b) }

// Compare returns -1, 0 or +1 as a < b, a == b or a > b; nil equals empty.
func Compare(a, b []byte) int {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}

// explode splits s into UTF-8 sequences, at most n pieces (n <= 0: all).
// The result's capacity is len(s) when n does not limit it, as in Go.
func explode(s []byte, n int) [][]byte {
	if n <= 0 || n > len(s) {
		n = len(s)
	}
	parts := make([][]byte, 0, n)
	for len(s) > 0 {
		if len(parts)+1 >= n {
			parts = append(parts, s)
			break
		}
		_, w := utf8.DecodeRune(s)
		parts = append(parts, s[:w:w])
		s = s[w:]
	}
	return parts
}

// Count counts the non-overlapping instances of sep in s; for an empty sep
// it returns 1 + the number of code points in s.
func Count(s, sep []byte) int {
	if len(sep) == 0 {
		return utf8.RuneCount(s) + 1
	}
	if len(sep) == 1 {
		return bytealg.Count(s, sep[0])
	}
	n := 0
	for {
		i := Index(s, sep)
		if i < 0 {
			return n
		}
		n++
		s = s[i+len(sep):]
	}
}

// Contains reports whether subslice is within b.
func Contains(b, subslice []byte) bool { return Index(b, subslice) != -1 }

// ContainsAny reports whether any code point of chars is within b.
func ContainsAny(b []byte, chars string) bool { return IndexAny(b, chars) >= 0 }

// ContainsRune reports whether r is within b.
func ContainsRune(b []byte, r rune) bool { return IndexRune(b, r) >= 0 }

// IndexByte returns the index of the first c in b, or -1.
func IndexByte(b []byte, c byte) int {
	return bytealg.IndexByte(b, c)
}

// LastIndexByte returns the index of the last c in s, or -1.
func LastIndexByte(s []byte, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// Index returns the index of the first instance of sep in s, or -1.
func Index(s, sep []byte) int {
	n := len(sep)
	switch {
	case n == 0:
		return 0
	case n == 1:
		return IndexByte(s, sep[0])
	case n > len(s):
		return -1
	}
	last := len(s) - n
	for at := 0; at <= last; at++ {
		k := IndexByte(s[at:last+1], sep[0])
		if k < 0 {
			break
		}
		at += k
		if string(s[at:at+n]) == string(sep) {
			return at
		}
	}
	return -1
}

// LastIndex returns the index of the last instance of sep in s, or -1.
func LastIndex(s, sep []byte) int {
	n := len(sep)
	if n == 0 {
		return len(s)
	}
	for i := len(s) - n; i >= 0; i-- {
		if s[i] == sep[0] && string(s[i:i+n]) == string(sep) {
			return i
		}
	}
	return -1
}

// IndexRune returns the index of the first instance of r in s, or -1. An
// invalid r (utf8.RuneError included) matches the first invalid sequence or
// literal U+FFFD.
func IndexRune(s []byte, r rune) int {
	switch {
	case 0 <= r && r < utf8.RuneSelf:
		return IndexByte(s, byte(r))
	case r == utf8.RuneError:
		for i := 0; i < len(s); {
			c, w := utf8.DecodeRune(s[i:])
			if c == utf8.RuneError {
				return i
			}
			i += w
		}
		return -1
	case !utf8.ValidRune(r):
		return -1
	}
	var buf [utf8.UTFMax]byte
	return Index(s, buf[:utf8.EncodeRune(buf[:], r)])
}

// runeIn reports whether r occurs in chars (RuneError matches an invalid
// byte of chars too).
func runeIn(chars string, r rune) bool {
	for _, c := range chars {
		if c == r {
			return true
		}
	}
	return false
}

// IndexAny returns the index of the first code point of s that is in
// chars, or -1.
func IndexAny(s []byte, chars string) int {
	if chars == "" {
		return -1
	}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRune(s[i:])
		if runeIn(chars, r) {
			return i
		}
		i += w
	}
	return -1
}

// LastIndexAny returns the index of the last code point of s that is in
// chars, or -1.
func LastIndexAny(s []byte, chars string) int {
	if chars == "" {
		return -1
	}
	for i := len(s); i > 0; {
		r, w := utf8.DecodeLastRune(s[:i])
		i -= w
		if runeIn(chars, r) {
			return i
		}
	}
	return -1
}

// IndexFunc returns the index of the first code point satisfying f, or -1.
func IndexFunc(s []byte, f func(r rune) bool) int { return indexFunc(s, f, true) }

// LastIndexFunc returns the index of the last code point satisfying f, or -1.
func LastIndexFunc(s []byte, f func(r rune) bool) int { return lastIndexFunc(s, f, true) }

func indexFunc(s []byte, f func(r rune) bool, truth bool) int {
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRune(s[i:])
		if f(r) == truth {
			return i
		}
		i += w
	}
	return -1
}

func lastIndexFunc(s []byte, f func(r rune) bool, truth bool) int {
	for i := len(s); i > 0; {
		r, w := utf8.DecodeLastRune(s[:i])
		i -= w
		if f(r) == truth {
			return i
		}
	}
	return -1
}

// genSplit splits s around sep, keeping sepSave bytes of each separator in
// the piece before it; at most n pieces (n < 0: all).
func genSplit(s, sep []byte, sepSave, n int) [][]byte {
	if n == 0 {
		return nil
	}
	if len(sep) == 0 {
		return explode(s, n)
	}
	limit := n
	if limit < 0 {
		limit = Count(s, sep) + 1
	}
	if limit > len(s)+1 {
		limit = len(s) + 1
	}
	parts := make([][]byte, 0, limit)
	for len(parts)+1 < limit {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		end := m + sepSave
		parts = append(parts, s[:end:end])
		s = s[m+len(sep):]
	}
	return append(parts, s)
}

// SplitN splits s around sep into at most n pieces (n < 0: all).
func SplitN(s, sep []byte, n int) [][]byte { return genSplit(s, sep, 0, n) }

// SplitAfterN splits s after each sep into at most n pieces (n < 0: all).
func SplitAfterN(s, sep []byte, n int) [][]byte { return genSplit(s, sep, len(sep), n) }

// Split splits s around every sep.
func Split(s, sep []byte) [][]byte { return genSplit(s, sep, 0, -1) }

// SplitAfter splits s after every sep.
func SplitAfter(s, sep []byte) [][]byte { return genSplit(s, sep, len(sep), -1) }

// Fields splits s around runs of white space (unicode.IsSpace).
func Fields(s []byte) [][]byte { return FieldsFunc(s, unicode.IsSpace) }

// FieldsFunc splits s around runs of code points satisfying f; each piece
// is capped at its end.
func FieldsFunc(s []byte, f func(rune) bool) [][]byte {
	var bounds []int // start, end pairs
	start := -1
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRune(s[i:])
		if f(r) {
			if start >= 0 {
				bounds = append(bounds, start, i)
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += w
	}
	if start >= 0 {
		bounds = append(bounds, start, len(s))
	}
	out := make([][]byte, len(bounds)/2)
	for k := range out {
		a, b := bounds[2*k], bounds[2*k+1]
		out[k] = s[a:b:b]
	}
	return out
}

// Join concatenates the slices of s with sep between them into a new slice.
func Join(s [][]byte, sep []byte) []byte {
	switch len(s) {
	case 0:
		return []byte{}
	case 1:
		return append([]byte(nil), s[0]...)
	}
	n := len(sep) * (len(s) - 1)
	for _, v := range s {
		n += len(v)
	}
	out := make([]byte, 0, n)
	out = append(out, s[0]...)
	for _, v := range s[1:] {
		out = append(out, sep...)
		out = append(out, v...)
	}
	return out
}

// HasPrefix reports whether s begins with prefix.
func HasPrefix(s, prefix []byte) bool {
	return len(s) >= len(prefix) && string(s[:len(prefix)]) == string(prefix)
}

// HasSuffix reports whether s ends with suffix.
func HasSuffix(s, suffix []byte) bool {
	return len(s) >= len(suffix) && string(s[len(s)-len(suffix):]) == string(suffix)
}

// Map returns a new slice with each code point of s replaced by mapping(r);
// negative results are dropped. The buffer starts at len(s) bytes and grows
// to twice its size plus 4 when needed, as in Go.
func Map(mapping func(r rune) rune, s []byte) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRune(s[i:])
		i += w
		r = mapping(r)
		if r < 0 {
			continue
		}
		need := utf8.RuneLen(r)
		if need < 0 {
			need = 3 // encoded as U+FFFD
		}
		if len(out)+need > cap(out) {
			grown := make([]byte, len(out), 2*cap(out)+utf8.UTFMax)
			copy(grown, out)
			out = grown
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// Repeat returns count copies of b. It panics when count is negative or the
// result's length would overflow.
func Repeat(b []byte, count int) []byte {
	if count == 0 {
		return []byte{}
	}
	if count < 0 {
		panic("bytes: negative Repeat count")
	} else if len(b)*count/count != len(b) {
		panic("bytes: Repeat count causes overflow")
	}
	out := make([]byte, len(b)*count)
	filled := copy(out, b)
	for filled < len(out) {
		filled += copy(out[filled:], out[:filled])
	}
	return out
}

// asciiCase maps an all-ASCII s with the given byte mapping, or reports
// false when s is not all ASCII. An unchanged s is still copied.
func asciiCase(s []byte, lo, hi byte, delta int) ([]byte, bool) {
	changes := false
	for _, c := range s {
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if lo <= c && c <= hi {
			changes = true
		}
	}
	if !changes {
		return append([]byte(""), s...), true
	}
	out := make([]byte, len(s))
	for i, c := range s {
		if lo <= c && c <= hi {
			c = byte(int(c) + delta)
		}
		out[i] = c
	}
	return out, true
}

// ToUpper returns a copy of s with all letters mapped to upper case.
func ToUpper(s []byte) []byte {
	if out, ok := asciiCase(s, 'a', 'z', 'A'-'a'); ok {
		return out
	}
	return Map(unicode.ToUpper, s)
}

// ToLower returns a copy of s with all letters mapped to lower case.
func ToLower(s []byte) []byte {
	if out, ok := asciiCase(s, 'A', 'Z', 'a'-'A'); ok {
		return out
	}
	return Map(unicode.ToLower, s)
}

// ToTitle returns a copy of s with all letters mapped to title case.
func ToTitle(s []byte) []byte { return Map(unicode.ToTitle, s) }

// ToUpperSpecial maps s to upper case with the special casing rules c.
func ToUpperSpecial(c unicode.SpecialCase, s []byte) []byte { return Map(c.ToUpper, s) }

// ToLowerSpecial maps s to lower case with the special casing rules c.
func ToLowerSpecial(c unicode.SpecialCase, s []byte) []byte { return Map(c.ToLower, s) }

// ToTitleSpecial maps s to title case with the special casing rules c.
func ToTitleSpecial(c unicode.SpecialCase, s []byte) []byte { return Map(c.ToTitle, s) }

// ToValidUTF8 returns a copy of s with each run of invalid UTF-8 bytes
// replaced by replacement.
func ToValidUTF8(s, replacement []byte) []byte {
	out := make([]byte, 0, len(s)+len(replacement))
	inRun := false
	for i := 0; i < len(s); {
		_, w := utf8.DecodeRune(s[i:])
		if w == 1 && s[i] >= utf8.RuneSelf {
			if !inRun {
				out = append(out, replacement...)
			}
			inRun = true
			i++
			continue
		}
		inRun = false
		out = append(out, s[i:i+w]...)
		i += w
	}
	return out
}

func isSeparator(r rune) bool {
	if r <= 0x7F {
		switch {
		case '0' <= r && r <= '9', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', r == '_':
			return false
		}
		return true
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return unicode.IsSpace(r)
}

// Title maps the first letter of each word to title case.
//
// Deprecated: its word boundaries ignore Unicode punctuation.
func Title(s []byte) []byte {
	prev := ' '
	return Map(func(r rune) rune {
		first := isSeparator(prev)
		prev = r
		if first {
			return unicode.ToTitle(r)
		}
		return r
	}, s)
}

// TrimLeftFunc removes the leading code points satisfying f; nil when
// nothing is left.
func TrimLeftFunc(s []byte, f func(r rune) bool) []byte {
	if i := indexFunc(s, f, false); i >= 0 {
		return s[i:]
	}
	return nil
}

// TrimRightFunc removes the trailing code points satisfying f.
func TrimRightFunc(s []byte, f func(r rune) bool) []byte {
	end := len(s)
	for end > 0 {
		r, w := utf8.DecodeLastRune(s[:end])
		if !f(r) {
			break
		}
		end -= w
	}
	return s[:end]
}

// TrimFunc removes the leading and trailing code points satisfying f.
func TrimFunc(s []byte, f func(r rune) bool) []byte {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

// TrimPrefix removes prefix from the start of s when present.
func TrimPrefix(s, prefix []byte) []byte {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix removes suffix from the end of s when present.
func TrimSuffix(s, suffix []byte) []byte {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

func nilIfEmpty(s []byte) []byte {
	if len(s) == 0 {
		return nil
	}
	return s
}

func trimLeftSet(s []byte, cutset string) []byte {
	for len(s) > 0 {
		r, w := utf8.DecodeRune(s)
		if !runeIn(cutset, r) {
			break
		}
		s = s[w:]
	}
	return nilIfEmpty(s)
}

func trimRightSet(s []byte, cutset string) []byte {
	for len(s) > 0 {
		r, w := utf8.DecodeLastRune(s)
		if !runeIn(cutset, r) {
			break
		}
		s = s[:len(s)-w]
	}
	return s
}

// Trim removes the leading and trailing code points contained in cutset.
func Trim(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	if cutset == "" {
		return s
	}
	return trimLeftSet(trimRightSet(s, cutset), cutset)
}

// TrimLeft removes the leading code points contained in cutset.
func TrimLeft(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	if cutset == "" {
		return s
	}
	return trimLeftSet(s, cutset)
}

// TrimRight removes the trailing code points contained in cutset.
func TrimRight(s []byte, cutset string) []byte {
	if len(s) == 0 || cutset == "" {
		return s
	}
	return trimRightSet(s, cutset)
}

var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// TrimSpace removes leading and trailing white space; nil when nothing is
// left.
func TrimSpace(s []byte) []byte {
	lo, hi := 0, len(s)
	for lo < hi && asciiSpace[s[lo]] {
		lo++
	}
	for hi > lo && asciiSpace[s[hi-1]] {
		hi--
	}
	if lo < hi && (s[lo] >= utf8.RuneSelf || s[hi-1] >= utf8.RuneSelf) {
		return TrimFunc(s[lo:hi], unicode.IsSpace)
	}
	return nilIfEmpty(s[lo:hi])
}

// Runes returns the code points of s.
func Runes(s []byte) []rune {
	out := make([]rune, 0, utf8.RuneCount(s))
	for len(s) > 0 {
		r, w := utf8.DecodeRune(s)
		out = append(out, r)
		s = s[w:]
	}
	return out
}

// Replace returns a copy of s with the first n non-overlapping instances of
// old replaced by new (n < 0: all).
func Replace(s, old, new []byte, n int) []byte {
	m := 0
	if n != 0 {
		m = Count(s, old)
	}
	if m == 0 {
		return append([]byte(nil), s...)
	}
	if n < 0 || m < n {
		n = m
	}
	out := make([]byte, 0, len(s)+n*(len(new)-len(old)))
	pos := 0
	for k := 0; k < n; k++ {
		at := pos
		switch {
		case len(old) > 0:
			at += Index(s[pos:], old)
		case k > 0:
			_, w := utf8.DecodeRune(s[pos:])
			at += w
		}
		out = append(out, s[pos:at]...)
		out = append(out, new...)
		pos = at + len(old)
	}
	return append(out, s[pos:]...)
}

// ReplaceAll returns a copy of s with every non-overlapping instance of old
// replaced by new.
func ReplaceAll(s, old, new []byte) []byte { return Replace(s, old, new, -1) }

// EqualFold reports whether s and t are equal under simple Unicode case
// folding.
func EqualFold(s, t []byte) bool {
	for len(s) > 0 && len(t) > 0 {
		sr, sw := utf8.DecodeRune(s)
		tr, tw := utf8.DecodeRune(t)
		s, t = s[sw:], t[tw:]
		if sr == tr {
			continue
		}
		if tr < sr {
			sr, tr = tr, sr
		}
		// tr is the larger; step through sr's fold orbit up to it.
		r := unicode.SimpleFold(sr)
		for r != sr && r < tr {
			r = unicode.SimpleFold(r)
		}
		if r != tr {
			return false
		}
	}
	return len(s) == len(t)
}

// Cut slices s around the first instance of sep.
func Cut(s, sep []byte) (before, after []byte, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, nil, false
}
