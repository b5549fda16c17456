// gort standard library check shim: package internal/bytealg (the Go
// definitions of the natives of go/internal/bytealg, for scripts/check.mjs).

package bytealg

func IndexByteString(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func IndexByte(b []byte, c byte) int { return IndexByteString(string(b), c) }

func LastIndexByteString(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func CountString(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

func Count(b []byte, c byte) int { return CountString(string(b), c) }

func IndexString(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func ASCIIInfo(s string) int {
	r := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return r | 1
		case 'a' <= c && c <= 'z':
			r |= 2
		case 'A' <= c && c <= 'Z':
			r |= 4
		}
	}
	return r
}

func CopyCaseASCII(dst []byte, s string, upper int) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if upper != 0 && 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		} else if upper == 0 && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst[i] = c
	}
}

func PlainASCIIPrefix(s string, quote byte) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7F || c == quote || c == '\\' {
			return i
		}
	}
	return len(s)
}
