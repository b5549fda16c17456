// gort standard library: package strconv (complex numbers).

package strconv

// FormatComplex formats c as "(a+bi)", each part as FormatFloat would with
// fmt and prec, for a complex64 (bitSize 64) or complex128 (bitSize 128).
func FormatComplex(c complex128, fmt byte, prec, bitSize int) string {
	if bitSize != 64 && bitSize != 128 {
		panic("invalid bitSize")
	}
	bitSize >>= 1 // each part of a complex64 is a float32
	im := FormatFloat(imag(c), fmt, prec, bitSize)
	if im[0] != '+' && im[0] != '-' {
		im = "+" + im
	}
	return "(" + FormatFloat(real(c), fmt, prec, bitSize) + im + "i)"
}

// ParseComplex converts s, of the form N, Ni or N±Ni (optionally in
// parentheses, without spaces), to a complex number of bitSize 64 or 128
// bits. Errors are *NumError with Func "ParseComplex" and Num s; a part out
// of range gives ±Inf for it and ErrRange, reported only if the rest of s
// is well formed.
func ParseComplex(s string, bitSize int) (complex128, error) {
	size := 64
	if bitSize == 64 {
		size = 32
	}
	orig := s
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		s = s[1 : len(s)-1]
	}
	var pending error // a range error, reported if nothing worse follows
	// part parses one component; it returns a syntax error at once and
	// remembers a range error.
	part := func(t string) (float64, int, error) {
		f, n, err := parseFloatPrefix(t, size)
		if ne, ok := err.(*NumError); ok {
			ne.Func = fnParseComplex
			ne.Num = own(orig)
			if ne.Err == ErrRange {
				pending = ne
				return f, n, nil
			}
			return 0, n, ne
		}
		return f, n, err
	}
	re, n, err := part(s)
	if err != nil {
		return 0, err
	}
	s = s[n:]
	if s == "" {
		return complex(re, 0), pending
	}
	switch s[0] {
	case '+':
		// Skip the '+' so that "+NaNi" parses, but keep "++" an error.
		if len(s) > 1 && s[1] != '+' {
			s = s[1:]
		}
	case '-':
	case 'i':
		if len(s) == 1 {
			return complex(0, re), pending // only an imaginary part
		}
		return 0, syntaxError(fnParseComplex, orig)
	default:
		return 0, syntaxError(fnParseComplex, orig)
	}
	im, n, err := part(s)
	if err != nil {
		return 0, err
	}
	if s[n:] != "i" {
		return 0, syntaxError(fnParseComplex, orig)
	}
	return complex(re, im), pending
}
