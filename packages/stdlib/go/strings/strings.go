// gort standard library: package strings.

// Package strings implements functions to manipulate UTF-8 encoded strings.
package strings

import (
	"internal/bytealg"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Clone returns a fresh copy of s.
func Clone(s string) string {
	if len(s) == 0 {
		return ""
	}
	b := make([]byte, len(s))
	copy(b, s)
	return string(b)
}

// Compare returns -1, 0 or +1 as a < b, a == b or a > b.
func Compare(a, b string) int {
	if a == b {
		return 0
	}
	if a < b {
		return -1
	}
	return 1
}

// Contains reports whether substr is within s.
func Contains(s, substr string) bool { return Index(s, substr) >= 0 }

// ContainsAny reports whether any code point of chars is within s.
func ContainsAny(s, chars string) bool { return IndexAny(s, chars) >= 0 }

// ContainsRune reports whether r is within s.
func ContainsRune(s string, r rune) bool { return IndexRune(s, r) >= 0 }

// Count counts the non-overlapping instances of substr in s; for an empty
// substr it returns 1 + the number of code points in s.
func Count(s, substr string) int {
	if len(substr) == 0 {
		return utf8.RuneCountInString(s) + 1
	}
	if len(substr) == 1 {
		return bytealg.CountString(s, substr[0])
	}
	n := 0
	for {
		i := Index(s, substr)
		if i < 0 {
			return n
		}
		n++
		s = s[i+len(substr):]
	}
}

// Cut slices s around the first instance of sep.
func Cut(s, sep string) (before, after string, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// HasPrefix reports whether s begins with prefix.
func HasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

// HasSuffix reports whether s ends with suffix.
func HasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// IndexByte returns the index of the first c in s, or -1.
func IndexByte(s string, c byte) int {
	return bytealg.IndexByteString(s, c)
}

// Index returns the index of the first instance of substr in s, or -1. It
// uses Rabin–Karp hashing for long inputs.
func Index(s, substr string) int {
	n := len(substr)
	switch {
	case n == 0:
		return 0
	case n == 1:
		return IndexByte(s, substr[0])
	case n == len(s):
		if s == substr {
			return 0
		}
		return -1
	case n > len(s):
		return -1
	}
	// Scan for the first byte, then compare the candidate in full (natively).
	return bytealg.IndexString(s, substr)
}

// IndexRune returns the index of the first instance of r in s, or -1. An
// invalid r (utf8.RuneError included) matches the first invalid sequence or
// literal U+FFFD.
func IndexRune(s string, r rune) int {
	switch {
	case 0 <= r && r < utf8.RuneSelf:
		return IndexByte(s, byte(r))
	case r == utf8.RuneError:
		for i, c := range s {
			if c == utf8.RuneError {
				return i
			}
		}
		return -1
	case !utf8.ValidRune(r):
		return -1
	default:
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		return Index(s, string(buf[:n]))
	}
}

// IndexAny returns the index of the first code point of s that is in
// chars, or -1.
func IndexAny(s, chars string) int {
	if chars == "" {
		return -1
	}
	for i, c := range s {
		if IndexRune(chars, c) >= 0 {
			return i
		}
	}
	return -1
}

// LastIndexAny returns the index of the last code point of s that is in
// chars, or -1.
func LastIndexAny(s, chars string) int {
	if chars == "" {
		return -1
	}
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if IndexRune(chars, r) >= 0 {
			return i
		}
	}
	return -1
}

// LastIndex returns the index of the last instance of substr in s, or -1.
func LastIndex(s, substr string) int {
	n := len(substr)
	switch {
	case n == 0:
		return len(s)
	case n == 1:
		return LastIndexByte(s, substr[0])
	case n == len(s):
		if s == substr {
			return 0
		}
		return -1
	case n > len(s):
		return -1
	}
	for i := len(s) - n; i >= 0; i-- {
		if s[i] == substr[0] && s[i:i+n] == substr {
			return i
		}
	}
	return -1
}

// LastIndexByte returns the index of the last c in s, or -1.
func LastIndexByte(s string, c byte) int {
	return bytealg.LastIndexByteString(s, c)
}

// IndexFunc returns the index of the first code point satisfying f, or -1.
func IndexFunc(s string, f func(rune) bool) int { return indexFunc(s, f, true) }

// LastIndexFunc returns the index of the last code point satisfying f, or -1.
func LastIndexFunc(s string, f func(rune) bool) int { return lastIndexFunc(s, f, true) }

func indexFunc(s string, f func(rune) bool, truth bool) int {
	for i, r := range s {
		if f(r) == truth {
			return i
		}
	}
	return -1
}

func lastIndexFunc(s string, f func(rune) bool, truth bool) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[0:i])
		i -= size
		if f(r) == truth {
			return i
		}
	}
	return -1
}

// genSplit splits s around sep, keeping sepSave bytes of each separator
// with the piece before it, and returns at most n pieces (n < 0: all). The
// result's capacity is the piece limit, as in Go.
func genSplit(s, sep string, sepSave, n int) []string {
	if n == 0 {
		return nil
	}
	if sep == "" {
		return explode(s, n)
	}
	limit := n
	if limit < 0 {
		limit = Count(s, sep) + 1
	}
	if limit > len(s)+1 {
		limit = len(s) + 1
	}
	parts := make([]string, 0, limit)
	for len(parts)+1 < limit {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		parts = append(parts, s[:m+sepSave])
		s = s[m+len(sep):]
	}
	return append(parts, s)
}

// explode splits s into code points, at most n of them with the last
// holding the rest. Each invalid byte becomes a "\uFFFD" piece (but the
// last piece is left as it is).
func explode(s string, n int) []string {
	count := utf8.RuneCountInString(s)
	if n < 0 || n > count {
		n = count
	}
	parts := make([]string, 0, n)
	for len(parts)+1 < n {
		c, w := utf8.DecodeRuneInString(s)
		piece := s[:w]
		if c == utf8.RuneError {
			piece = "\uFFFD" // Go hands out U+FFFD for each invalid byte
		}
		parts = append(parts, piece)
		s = s[w:]
	}
	if n > 0 {
		parts = append(parts, s)
	}
	return parts
}

// SplitN splits s around sep into at most n pieces (n < 0: all).
func SplitN(s, sep string, n int) []string { return genSplit(s, sep, 0, n) }

// SplitAfterN splits s after each sep into at most n pieces (n < 0: all).
func SplitAfterN(s, sep string, n int) []string { return genSplit(s, sep, len(sep), n) }

// Split splits s around every sep.
func Split(s, sep string) []string { return genSplit(s, sep, 0, -1) }

// SplitAfter splits s after every sep.
func SplitAfter(s, sep string) []string { return genSplit(s, sep, len(sep), -1) }

var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Fields splits s around runs of white space (unicode.IsSpace).
func Fields(s string) []string {
	n := 0
	inField := false
	for _, r := range s {
		was := inField
		inField = !unicode.IsSpace(r)
		if inField && !was {
			n++
		}
	}
	out := make([]string, n)
	k := 0
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out[k] = s[start:i]
				k++
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out[k] = s[start:]
	}
	return out
}

// FieldsFunc splits s around runs of code points satisfying f.
func FieldsFunc(s string, f func(rune) bool) []string {
	type span struct{ start, end int }
	spans := make([]span, 0, 32)
	start := -1
	for i, r := range s {
		if f(r) {
			if start >= 0 {
				spans = append(spans, span{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		spans = append(spans, span{start, len(s)})
	}
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = s[sp.start:sp.end]
	}
	return out
}

// Join concatenates elems with sep between them.
func Join(elems []string, sep string) string {
	switch len(elems) {
	case 0:
		return ""
	case 1:
		return elems[0]
	}
	n := len(sep) * (len(elems) - 1)
	for _, e := range elems {
		n += len(e)
	}
	buf := make([]byte, n)
	k := copy(buf, elems[0])
	for _, e := range elems[1:] {
		k += copy(buf[k:], sep)
		k += copy(buf[k:], e)
	}
	return *(*string)(unsafe.Pointer(&buf)) // buf is never written again
}

// Map returns s with every code point replaced by mapping(r); code points
// for which mapping returns a negative value are dropped. The mapping is
// called once per code point, in order. When nothing changes, s itself is
// returned; an invalid byte always counts as a change (it becomes U+FFFD).
func Map(mapping func(rune) rune, s string) string {
	for i := 0; i < len(s); {
		c, w := utf8.DecodeRuneInString(s[i:])
		r := mapping(c)
		if r == c && (c != utf8.RuneError || w > 1) {
			i += w
			continue
		}
		out := make([]byte, 0, len(s)+utf8.UTFMax)
		out = append(out, s[:i]...)
		if r >= 0 {
			out = utf8.AppendRune(out, r)
		}
		for _, c := range s[i+w:] {
			if r := mapping(c); r >= 0 {
				out = utf8.AppendRune(out, r)
			}
		}
		return string(out)
	}
	return s
}

// Repeat returns count copies of s. It panics when count is negative or
// the result's length would overflow.
func Repeat(s string, count int) string {
	if count == 0 {
		return ""
	}
	if count < 0 {
		panic("strings: negative Repeat count")
	} else if len(s)*count/count != len(s) {
		panic("strings: Repeat count causes overflow")
	}
	total := len(s) * count
	buf := make([]byte, total)
	// Double the filled prefix until the buffer is full.
	filled := copy(buf, s)
	for filled < total {
		filled += copy(buf[filled:], buf[:filled])
	}
	return string(buf)
}

func hasUpperASCII(s string) (isASCII, hasUpper bool) {
	info := bytealg.ASCIIInfo(s)
	return info&1 == 0, info&4 != 0
}

// ToUpper returns s with all letters mapped to upper case.
func ToUpper(s string) string {
	info := bytealg.ASCIIInfo(s)
	if info&1 == 0 {
		if info&2 == 0 {
			return s
		}
		b := make([]byte, len(s))
		bytealg.CopyCaseASCII(b, s, 1)
		return string(b)
	}
	return Map(unicode.ToUpper, s)
}

// ToLower returns s with all letters mapped to lower case.
func ToLower(s string) string {
	isASCII, hasUpper := hasUpperASCII(s)
	if isASCII {
		if !hasUpper {
			return s
		}
		b := make([]byte, len(s))
		bytealg.CopyCaseASCII(b, s, 0)
		return string(b)
	}
	return Map(unicode.ToLower, s)
}

// ToTitle returns s with all letters mapped to title case.
func ToTitle(s string) string { return Map(unicode.ToTitle, s) }

// ToUpperSpecial maps s to upper case with the special casing rules c.
func ToUpperSpecial(c unicode.SpecialCase, s string) string { return Map(c.ToUpper, s) }

// ToLowerSpecial maps s to lower case with the special casing rules c.
func ToLowerSpecial(c unicode.SpecialCase, s string) string { return Map(c.ToLower, s) }

// ToTitleSpecial maps s to title case with the special casing rules c.
func ToTitleSpecial(c unicode.SpecialCase, s string) string { return Map(c.ToTitle, s) }

// ToValidUTF8 returns s with each run of invalid UTF-8 bytes replaced by
// replacement.
func ToValidUTF8(s, replacement string) string {
	var out []byte
	done := 0 // s[:done] has been copied to out
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		if _, w := utf8.DecodeRuneInString(s[i:]); w > 1 {
			i += w
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(s)+len(replacement))
		}
		out = append(out, s[done:i]...)
		out = append(out, replacement...)
		// Swallow the rest of this run of invalid bytes.
		for i++; i < len(s) && s[i] >= utf8.RuneSelf; i++ {
			if _, w := utf8.DecodeRuneInString(s[i:]); w > 1 {
				break
			}
		}
		done = i
	}
	if out == nil {
		return s
	}
	return string(append(out, s[done:]...))
}

// isSeparator reports whether r separates words for Title.
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
func Title(s string) string {
	prev := ' '
	return Map(func(r rune) rune {
		if isSeparator(prev) {
			prev = r
			return unicode.ToTitle(r)
		}
		prev = r
		return r
	}, s)
}

// TrimLeftFunc removes the leading code points satisfying f.
func TrimLeftFunc(s string, f func(rune) bool) string {
	i := indexFunc(s, f, false)
	if i == -1 {
		return ""
	}
	return s[i:]
}

// TrimRightFunc removes the trailing code points satisfying f.
func TrimRightFunc(s string, f func(rune) bool) string {
	end := len(s)
	for end > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:end])
		if !f(r) {
			break
		}
		end -= w
	}
	return s[:end]
}

// TrimFunc removes the leading and trailing code points satisfying f.
func TrimFunc(s string, f func(rune) bool) string {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

// cutsetFunc returns a predicate for membership in cutset.
func cutsetFunc(cutset string) func(rune) bool {
	return func(r rune) bool { return IndexRune(cutset, r) >= 0 }
}

// Trim removes the leading and trailing code points contained in cutset.
func Trim(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return TrimFunc(s, cutsetFunc(cutset))
}

// TrimLeft removes the leading code points contained in cutset.
func TrimLeft(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return TrimLeftFunc(s, cutsetFunc(cutset))
}

// TrimRight removes the trailing code points contained in cutset.
func TrimRight(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return TrimRightFunc(s, cutsetFunc(cutset))
}

// TrimSpace removes leading and trailing white space.
func TrimSpace(s string) string {
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
	return s[lo:hi]
}

// TrimPrefix removes prefix from the start of s when present.
func TrimPrefix(s, prefix string) string {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix removes suffix from the end of s when present.
func TrimSuffix(s, suffix string) string {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// Replace returns s with the first n non-overlapping instances of old
// replaced by new (n < 0: all). An empty old matches at the start and after
// each code point.
func Replace(s, old, new string, n int) string {
	if old == new || n == 0 {
		return s
	}
	if m := Count(s, old); m == 0 {
		return s
	} else if n < 0 || m < n {
		n = m
	}
	out := make([]byte, 0, len(s)+n*(len(new)-len(old)))
	pos := 0 // s[:pos] is done
	for k := 0; k < n; k++ {
		at := pos
		switch {
		case old != "":
			at += Index(s[pos:], old)
		case k > 0: // an empty old matches after each code point
			_, w := utf8.DecodeRuneInString(s[pos:])
			at += w
		}
		out = append(out, s[pos:at]...)
		out = append(out, new...)
		pos = at + len(old)
	}
	return string(append(out, s[pos:]...))
}

// ReplaceAll returns s with every non-overlapping instance of old replaced.
func ReplaceAll(s, old, new string) string { return Replace(s, old, new, -1) }

// EqualFold reports whether s and t are equal under simple Unicode case
// folding.
func EqualFold(s, t string) bool {
	for s != "" && t != "" {
		var sr, tr rune
		if s[0] < utf8.RuneSelf {
			sr, s = rune(s[0]), s[1:]
		} else {
			r, w := utf8.DecodeRuneInString(s)
			sr, s = r, s[w:]
		}
		if t[0] < utf8.RuneSelf {
			tr, t = rune(t[0]), t[1:]
		} else {
			r, w := utf8.DecodeRuneInString(t)
			tr, t = r, t[w:]
		}
		if sr == tr {
			continue
		}
		if tr < sr {
			sr, tr = tr, sr
		}
		if tr < utf8.RuneSelf {
			if 'A' <= sr && sr <= 'Z' && tr == sr+'a'-'A' {
				continue
			}
			return false
		}
		// Walk sr's fold orbit looking for tr.
		r := unicode.SimpleFold(sr)
		for r != sr && r < tr {
			r = unicode.SimpleFold(r)
		}
		if r == tr {
			continue
		}
		return false
	}
	return s == t
}
