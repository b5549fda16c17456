// gort standard library: package reflect (small helpers).
//
// reflect imports only math and unsafe, so that internal/reflectlite (used
// by errors and sort, which strconv imports) can be built on it without an
// import cycle; these replace the strconv functions it would otherwise use.

package reflect

import "unicode/utf8"

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	u := uint64(i)
	if neg {
		u = -u
	}
	var b [20]byte
	n := len(b)
	for u > 0 {
		n--
		b[n] = byte('0' + u%10)
		u /= 10
	}
	if neg {
		n--
		b[n] = '-'
	}
	return string(b[n:])
}

type unquoteError struct{}

func (unquoteError) Error() string { return "invalid syntax" }

// unquote interprets a double-quoted Go string literal (struct tag values).
func unquote(s string) (string, error) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", unquoteError{}
	}
	s = s[1 : len(s)-1]
	var b []byte
	for i := 0; i < len(s); {
		c := s[i]
		if c == '"' || c == '\n' {
			return "", unquoteError{}
		}
		if c != '\\' {
			b = append(b, c)
			i++
			continue
		}
		i++
		if i >= len(s) {
			return "", unquoteError{}
		}
		c = s[i]
		i++
		switch c {
		case 'a':
			b = append(b, '\a')
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'v':
			b = append(b, '\v')
		case '\\', '"':
			b = append(b, c)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			if i+2 > len(s) {
				return "", unquoteError{}
			}
			v := int(c - '0')
			for k := 0; k < 2; k++ {
				d := s[i+k]
				if d < '0' || d > '7' {
					return "", unquoteError{}
				}
				v = v*8 + int(d-'0')
			}
			if v > 255 {
				return "", unquoteError{}
			}
			b = append(b, byte(v))
			i += 2
		case 'x', 'u', 'U':
			n := 2
			if c == 'u' {
				n = 4
			} else if c == 'U' {
				n = 8
			}
			if i+n > len(s) {
				return "", unquoteError{}
			}
			v := rune(0)
			for k := 0; k < n; k++ {
				d := s[i+k]
				switch {
				case '0' <= d && d <= '9':
					v = v*16 + rune(d-'0')
				case 'a' <= d && d <= 'f':
					v = v*16 + rune(d-'a'+10)
				case 'A' <= d && d <= 'F':
					v = v*16 + rune(d-'A'+10)
				default:
					return "", unquoteError{}
				}
			}
			i += n
			if c == 'x' {
				b = append(b, byte(v))
			} else {
				if !utf8.ValidRune(v) {
					return "", unquoteError{}
				}
				b = utf8.AppendRune(b, v)
			}
		default:
			return "", unquoteError{}
		}
	}
	return string(b), nil
}
