// gort standard library: package encoding/json (syntax checking).
//
// A recursive-descent checker over a byte slice. It reports the first
// error with Go's wording and offset (Offset = bytes read including the
// offending one; len(data) at the end of input) and, for the streaming
// Decoder, whether the input merely ended too early.

package json

import "strconv"

// A SyntaxError is a description of a JSON syntax error.
type SyntaxError struct {
	msg    string // description of error
	Offset int64  // error occurred after reading Offset bytes
}

func (e *SyntaxError) Error() string { return e.msg }

// maxNestingDepth bounds the nesting of arrays and objects, as Go's does.
const maxNestingDepth = 10000

// checker walks one JSON text.
type checker struct {
	data  []byte
	i     int
	depth int
	err   *SyntaxError
	eof   bool // err is "unexpected end of JSON input"
}

func isSpace(c byte) bool { return c <= ' ' && (c == ' ' || c == '\t' || c == '\r' || c == '\n') }

// quoteChar formats c for an error message, as Go does.
func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

func (s *checker) fail(context string) bool {
	if s.err == nil {
		if s.i >= len(s.data) {
			s.err = &SyntaxError{"unexpected end of JSON input", int64(len(s.data))}
			s.eof = true
		} else {
			s.err = &SyntaxError{"invalid character " + quoteChar(s.data[s.i]) + " " + context, int64(s.i + 1)}
		}
	}
	return false
}

// failTok reports an error inside a token (literal, number, escape): at the
// end of input Go's checker sees a space there, so the message names ' '.
func (s *checker) failTok(context string) bool {
	if s.err == nil && s.i >= len(s.data) {
		s.err = &SyntaxError{"invalid character ' ' " + context, int64(len(s.data))}
		s.eof = true
		return false
	}
	return s.fail(context)
}

func (s *checker) skipSpace() {
	for s.i < len(s.data) && isSpace(s.data[s.i]) {
		s.i++
	}
}

// value checks one value starting at s.i (after optional space).
func (s *checker) value() bool {
	s.skipSpace()
	if s.i >= len(s.data) {
		return s.fail("")
	}
	switch c := s.data[s.i]; {
	case c == '{':
		return s.object()
	case c == '[':
		return s.array()
	case c == '"':
		return s.str()
	case c == '-' || ('0' <= c && c <= '9'):
		return s.number()
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	}
	return s.fail("looking for beginning of value")
}

func (s *checker) push() bool {
	s.depth++
	if s.depth > maxNestingDepth {
		s.err = &SyntaxError{"exceeded max depth", int64(s.i + 1)}
		return false
	}
	return true
}

func (s *checker) object() bool {
	if !s.push() {
		return false
	}
	s.i++ // '{'
	s.skipSpace()
	if s.i < len(s.data) && s.data[s.i] == '}' {
		s.i++
		s.depth--
		return true
	}
	for {
		s.skipSpace()
		if s.i >= len(s.data) || s.data[s.i] != '"' {
			return s.fail("looking for beginning of object key string")
		}
		if !s.str() {
			return false
		}
		s.skipSpace()
		if s.i >= len(s.data) || s.data[s.i] != ':' {
			return s.fail("after object key")
		}
		s.i++
		if !s.value() {
			return false
		}
		s.skipSpace()
		if s.i >= len(s.data) {
			return s.fail("")
		}
		switch s.data[s.i] {
		case ',':
			s.i++
			continue
		case '}':
			s.i++
			s.depth--
			return true
		}
		return s.fail("after object key:value pair")
	}
}

func (s *checker) array() bool {
	if !s.push() {
		return false
	}
	s.i++ // '['
	s.skipSpace()
	if s.i < len(s.data) && s.data[s.i] == ']' {
		s.i++
		s.depth--
		return true
	}
	for {
		if !s.value() {
			return false
		}
		s.skipSpace()
		if s.i >= len(s.data) {
			return s.fail("")
		}
		switch s.data[s.i] {
		case ',':
			s.i++
			continue
		case ']':
			s.i++
			s.depth--
			return true
		}
		return s.fail("after array element")
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func (s *checker) str() bool {
	s.i++ // '"'
	for s.i < len(s.data) {
		c := s.data[s.i]
		switch {
		case c == '"':
			s.i++
			return true
		case c == '\\':
			s.i++
			if s.i >= len(s.data) {
				return s.failTok("in string escape code")
			}
			switch s.data[s.i] {
			case 'b', 'f', 'n', 'r', 't', '\\', '/', '"':
				s.i++
			case 'u':
				s.i++
				for k := 0; k < 4; k++ {
					if s.i >= len(s.data) {
						return s.failTok(`in \u hexadecimal character escape`)
					}
					if !isHex(s.data[s.i]) {
						return s.fail(`in \u hexadecimal character escape`)
					}
					s.i++
				}
			default:
				return s.fail("in string escape code")
			}
		case c < 0x20:
			return s.fail("in string literal")
		default:
			s.i++
		}
	}
	return s.fail("")
}

func (s *checker) digits() {
	for s.i < len(s.data) && '0' <= s.data[s.i] && s.data[s.i] <= '9' {
		s.i++
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func (s *checker) number() bool {
	if s.data[s.i] == '-' {
		s.i++
		if s.i >= len(s.data) || !isDigit(s.data[s.i]) {
			return s.failTok("in numeric literal")
		}
	}
	if s.data[s.i] == '0' {
		s.i++
	} else {
		s.digits()
	}
	if s.i < len(s.data) && s.data[s.i] == '.' {
		s.i++
		if s.i >= len(s.data) || !isDigit(s.data[s.i]) {
			return s.failTok("after decimal point in numeric literal")
		}
		s.digits()
	}
	if s.i < len(s.data) && (s.data[s.i] == 'e' || s.data[s.i] == 'E') {
		s.i++
		if s.i < len(s.data) && (s.data[s.i] == '+' || s.data[s.i] == '-') {
			s.i++
		}
		if s.i >= len(s.data) || !isDigit(s.data[s.i]) {
			return s.failTok("in exponent of numeric literal")
		}
		s.digits()
	}
	return true
}

func (s *checker) literal(word string) bool {
	s.i++
	for k := 1; k < len(word); k++ {
		if s.i >= len(s.data) || s.data[s.i] != word[k] {
			return s.failTok("in literal " + word + " (expecting " + quoteChar(word[k]) + ")")
		}
		s.i++
	}
	return true
}

// checkValid reports the first syntax error of the JSON text data (one
// value with optional surrounding space).
func checkValid(data []byte) error {
	s := checker{data: data}
	if !s.value() {
		return s.err
	}
	s.skipSpace()
	if s.i < len(data) {
		s.fail("after top-level value")
		return s.err
	}
	return nil
}

// Valid reports whether data is a valid JSON encoding.
func Valid(data []byte) bool { return checkValid(data) == nil }

// valueEnd returns the index just past the value starting at data[i] (data
// is known to be valid).
func valueEnd(data []byte, i int) int {
	s := checker{data: data, i: i}
	s.value()
	return s.i
}
