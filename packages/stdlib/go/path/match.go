// gort standard library: package path (shell pattern matching).

package path

import (
	"errors"
	"internal/pathmatch"
)

// ErrBadPattern reports a malformed pattern.
var ErrBadPattern = errors.New("syntax error in pattern")

// Match reports whether name matches the shell pattern:
//
//	'*'         any sequence of non-'/' characters
//	'?'         any single non-'/' character
//	'[' [ '^' ] { lo [ '-' hi ] } ']'   a character class (non-empty)
//	'\\' c      the character c
//
// The only possible error is ErrBadPattern, reported whenever any part of
// the pattern is malformed (Go 1.19 checks the rest of the pattern before
// reporting a mismatch).
func Match(pattern, name string) (matched bool, err error) {
	m, bad := pathmatch.Match(pattern, name, true)
	if bad {
		return false, ErrBadPattern
	}
	return m, nil
}
