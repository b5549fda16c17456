// gort standard library: package internal/pathmatch (shell pattern
// matching for path.Match and path/filepath.Match).
//
// Matching splits the pattern into star-free segments; each segment after
// a run of stars is placed at its leftmost possible position within the
// current path element (complete for glob patterns), and the last one must
// end the name. Go 1.19's path.Match and filepath.Match differ only in how
// much of a malformed pattern they examine (see Match).

package pathmatch

import "unicode/utf8"

// Match reports whether name matches the shell pattern:
//
//	'*'         any sequence of non-'/' characters
//	'?'         any single non-'/' character
//	'[' [ '^' ] { lo [ '-' hi ] } ']'   a character class (non-empty)
//	'\\' c      the character c
//
// bad reports a malformed pattern. Segments are checked as matching reaches
// them; with checkRest, a mismatch also checks the segments not reached
// (path.Match in Go 1.19), without it the mismatch is reported as is
// (filepath.Match in Go 1.19 does not look further).
func Match(pattern, name string, checkRest bool) (matched, bad bool) {
	for pattern != "" {
		star := false
		for pattern != "" && pattern[0] == '*' {
			star = true
			pattern = pattern[1:]
		}
		var seg string
		seg, pattern = nextSegment(pattern)
		last := pattern == ""
		if star && seg == "" {
			// Trailing stars: the rest of the name, if it has no slash.
			for i := 0; i < len(name); i++ {
				if name[i] == '/' {
					return false, false
				}
			}
			return true, false
		}
		if !validSegment(seg) {
			return false, true
		}
		rest, ok := matchSegment(seg, name)
		if ok && (!last || rest == "") {
			name = rest
			continue
		}
		found := false
		for i := 0; star && i < len(name) && name[i] != '/'; i++ {
			rest, ok := matchSegment(seg, name[i+1:])
			if ok && (!last || rest == "") {
				name, found = rest, true
				break
			}
		}
		if !found {
			return false, checkRest && !validPattern(pattern)
		}
	}
	return name == "", false
}

// nextSegment splits off the pattern up to the next '*' outside a class.
func nextSegment(p string) (seg, rest string) {
	inClass := false
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			if i+1 < len(p) {
				i++
			}
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '*':
			if !inClass {
				return p[:i], p[i:]
			}
		}
	}
	return p, ""
}

// validPattern checks the syntax of every segment of p.
func validPattern(p string) bool {
	for p != "" {
		for p != "" && p[0] == '*' {
			p = p[1:]
		}
		var seg string
		seg, p = nextSegment(p)
		if !validSegment(seg) {
			return false
		}
	}
	return true
}

// validSegment checks one star-free segment's syntax.
func validSegment(seg string) bool {
	for seg != "" {
		switch seg[0] {
		case '\\':
			if len(seg) < 2 {
				return false
			}
			seg = seg[2:]
		case '[':
			n, ok := classLen(seg)
			if !ok {
				return false
			}
			seg = seg[n:]
		default:
			seg = seg[1:]
		}
	}
	return true
}

// classChar reads one class character (possibly escaped) at the start of
// s, which must be followed by more pattern (the closing bracket at least).
func classChar(s string) (r rune, n int, ok bool) {
	if s == "" || s[0] == '-' || s[0] == ']' {
		return 0, 0, false
	}
	if s[0] == '\\' {
		n = 1
		if len(s) < 2 {
			return 0, 0, false
		}
	}
	c, w := utf8.DecodeRuneInString(s[n:])
	if c == utf8.RuneError && w == 1 {
		return 0, 0, false
	}
	n += w
	if n == len(s) {
		return 0, 0, false
	}
	return c, n, true
}

// classLen returns the length of the class at the start of s ('[' ...
// ']') and whether it is well formed.
func classLen(s string) (int, bool) {
	i := 1
	if i < len(s) && s[i] == '^' {
		i++
	}
	for ranges := 0; ; ranges++ {
		if i < len(s) && s[i] == ']' && ranges > 0 {
			return i + 1, true
		}
		_, n, ok := classChar(s[i:])
		if !ok {
			return 0, false
		}
		i += n
		if s[i] == '-' {
			_, n, ok = classChar(s[i+1:])
			if !ok {
				return 0, false
			}
			i += 1 + n
		}
	}
}

// classMatch reports whether r is in the (well-formed) class at the start
// of s, and the class's length.
func classMatch(s string, r rune) (in bool, n int) {
	i := 1
	negate := false
	if s[i] == '^' {
		negate = true
		i++
	}
	for ranges := 0; ; ranges++ {
		if s[i] == ']' && ranges > 0 {
			return in != negate, i + 1
		}
		lo, w, _ := classChar(s[i:])
		i += w
		hi := lo
		if s[i] == '-' {
			hi, w, _ = classChar(s[i+1:])
			i += 1 + w
		}
		if lo <= r && r <= hi {
			in = true
		}
	}
}

// matchSegment matches a star-free (valid) segment against a prefix of
// name and returns the unmatched rest.
func matchSegment(seg, name string) (rest string, ok bool) {
	for seg != "" {
		if name == "" {
			return "", false
		}
		switch seg[0] {
		case '[':
			r, w := utf8.DecodeRuneInString(name)
			in, n := classMatch(seg, r)
			if !in {
				return "", false
			}
			seg, name = seg[n:], name[w:]
		case '?':
			if name[0] == '/' {
				return "", false
			}
			_, w := utf8.DecodeRuneInString(name)
			seg, name = seg[1:], name[w:]
		case '\\':
			if seg[1] != name[0] {
				return "", false
			}
			seg, name = seg[2:], name[1:]
		default:
			if seg[0] != name[0] {
				return "", false
			}
			seg, name = seg[1:], name[1:]
		}
	}
	return name, true
}
