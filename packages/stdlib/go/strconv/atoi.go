// gort standard library: package strconv.

// Package strconv converts between strings and the basic data types.
package strconv

import "errors"

// IntSize is the size in bits of an int or uint value.
const IntSize = 64

// ErrRange reports a value out of range for the target type.
var ErrRange = errors.New("value out of range")

// ErrSyntax reports a value without the right syntax for the target type.
var ErrSyntax = errors.New("invalid syntax")

// NumError records a failed conversion.
type NumError struct {
	Func string // the failing function (ParseBool, ParseInt, ParseUint, ParseFloat, ParseComplex)
	Num  string // the input
	Err  error  // the reason (ErrRange, ErrSyntax, etc.)
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

const (
	fnParseInt     = "ParseInt"
	fnParseUint    = "ParseUint"
	fnParseFloat   = "ParseFloat"
	fnParseBool    = "ParseBool"
	fnParseComplex = "ParseComplex"
	fnAtoi         = "Atoi"
)

// own copies s so that a NumError does not keep a large input alive.
func own(s string) string { return string([]byte(s)) }

func syntaxError(fn, s string) *NumError { return &NumError{fn, own(s), ErrSyntax} }

func rangeError(fn, s string) *NumError { return &NumError{fn, own(s), ErrRange} }

func baseError(fn, s string, base int) *NumError {
	return &NumError{fn, own(s), errors.New("invalid base " + Itoa(base))}
}

func bitSizeError(fn, s string, bitSize int) *NumError {
	return &NumError{fn, own(s), errors.New("invalid bit size " + Itoa(bitSize))}
}

// ParseUint is ParseInt for unsigned numbers; a sign is not permitted.
func ParseUint(s string, base int, bitSize int) (uint64, error) {
	const fn = fnParseUint
	if s == "" {
		return 0, syntaxError(fn, s)
	}
	base0 := base == 0
	s0 := s
	switch {
	case 2 <= base && base <= 36:
	case base == 0:
		base = 10
		if s[0] == '0' {
			switch {
			case len(s) >= 3 && lower(s[1]) == 'b':
				base, s = 2, s[2:]
			case len(s) >= 3 && lower(s[1]) == 'o':
				base, s = 8, s[2:]
			case len(s) >= 3 && lower(s[1]) == 'x':
				base, s = 16, s[2:]
			default:
				base, s = 8, s[1:]
			}
		}
	default:
		return 0, baseError(fn, s0, base)
	}
	if bitSize == 0 {
		bitSize = IntSize
	} else if bitSize < 0 || bitSize > 64 {
		return 0, bitSizeError(fn, s0, bitSize)
	}
	// cutoff: the smallest n with n*base overflowing 64 bits.
	cutoff := ^uint64(0)/uint64(base) + 1
	max := uint64(1)<<uint(bitSize) - 1

	underscores := false
	var n uint64
	for _, c := range []byte(s) {
		var d byte
		switch {
		case c == '_' && base0:
			underscores = true
			continue
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= lower(c) && lower(c) <= 'z':
			d = lower(c) - 'a' + 10
		default:
			return 0, syntaxError(fn, s0)
		}
		if d >= byte(base) {
			return 0, syntaxError(fn, s0)
		}
		if n >= cutoff {
			return max, rangeError(fn, s0)
		}
		n *= uint64(base)
		n1 := n + uint64(d)
		if n1 < n || n1 > max {
			return max, rangeError(fn, s0)
		}
		n = n1
	}
	if underscores && !underscoreOK(s0) {
		return 0, syntaxError(fn, s0)
	}
	return n, nil
}

// ParseInt interprets s in the given base (0, or 2 to 36) and returns the
// value for an integer of bitSize bits (0 means int). With base 0 the
// prefix picks the base ("0b", "0o" or "0", "0x", else 10) and underscores
// may separate digits as in Go literals. Out-of-range values return the
// nearest limit and an ErrRange *NumError.
func ParseInt(s string, base int, bitSize int) (i int64, err error) {
	const fn = fnParseInt
	if s == "" {
		return 0, syntaxError(fn, s)
	}
	s0 := s
	neg := false
	if s[0] == '+' {
		s = s[1:]
	} else if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	un, err := ParseUint(s, base, bitSize)
	if err != nil && err.(*NumError).Err != ErrRange {
		err.(*NumError).Func = fn
		err.(*NumError).Num = own(s0)
		return 0, err
	}
	if bitSize == 0 {
		bitSize = IntSize
	}
	limit := uint64(1) << uint(bitSize-1)
	if !neg && un >= limit {
		return int64(limit - 1), rangeError(fn, s0)
	}
	if neg && un > limit {
		return -int64(limit), rangeError(fn, s0)
	}
	n := int64(un)
	if neg {
		n = -n
	}
	return n, nil
}

// Atoi is ParseInt(s, 10, 0) converted to int, with "Atoi" in its errors.
func Atoi(s string) (int, error) {
	i, err := ParseInt(s, 10, 0)
	if nerr, ok := err.(*NumError); ok {
		nerr.Func = fnAtoi
	}
	return int(i), err
}

// underscoreOK reports whether the underscores in s separate digits the
// way Go literals allow: only between digits, or between a base prefix
// and a digit.
func underscoreOK(s string) bool {
	// last: '^' start, '0' digit or prefix, '_' underscore, '!' other
	last := byte('^')
	if len(s) >= 1 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	hex := false
	i := 0
	if len(s) >= 2 && s[0] == '0' {
		if c := lower(s[1]); c == 'b' || c == 'o' || c == 'x' {
			i = 2
			last = '0'
			hex = c == 'x'
		}
	}
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9', hex && 'a' <= lower(c) && lower(c) <= 'f':
			last = '0'
		case c == '_':
			if last != '0' {
				return false
			}
			last = '_'
		default:
			if last == '_' {
				return false
			}
			last = '!'
		}
	}
	return last != '_'
}
