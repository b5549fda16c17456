// gort standard library: package math/big (Int conversions).
//
// Text/String/Format convert by repeated division by the largest power of
// the base that fits in a word; SetString follows Go's syntax (optional
// sign; with base 0 a 0b/0o/0x/0 prefix selects the base and '_' may
// separate digits; bases up to 62 use 0-9a-zA-Z, case-insensitive up to 36).

package big

import (
	"errors"
	"fmt"
)

const digitChars = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

// MaxBase is the largest base accepted by Text and SetString.
const MaxBase = 10 + ('z' - 'a' + 1) + ('Z' - 'A' + 1)

// utoa returns the digits of x in base (2..62).
func (x nat) utoa(base int) []byte {
	if len(x) == 0 {
		return []byte("0")
	}
	// bb = base^k, the largest power of base that fits in a Word.
	bb, k := Word(base), 1
	for {
		hi := bb * Word(base)
		if hi/Word(base) != bb {
			break
		}
		bb = hi
		k++
	}
	var chunks []Word
	q := x
	for len(q) > 0 {
		var r Word
		q, r = divW(q, bb)
		chunks = append(chunks, r)
	}
	buf := make([]byte, 0, len(chunks)*k)
	for i := len(chunks) - 1; i >= 0; i-- {
		var tmp [64]byte
		w := chunks[i]
		n := 0
		for w > 0 {
			tmp[n] = digitChars[w%Word(base)]
			w /= Word(base)
			n++
		}
		if i != len(chunks)-1 {
			for n < k {
				tmp[n] = '0'
				n++
			}
		}
		for j := n - 1; j >= 0; j-- {
			buf = append(buf, tmp[j])
		}
	}
	return buf
}

// Text returns x in the given base (2..62); a nil x gives "<nil>".
func (x *Int) Text(base int) string {
	if x == nil {
		return "<nil>"
	}
	return string(x.Append(nil, base))
}

// Append appends the Text form of x to buf.
func (x *Int) Append(buf []byte, base int) []byte {
	if x == nil {
		return append(buf, "<nil>"...)
	}
	if base < 2 || base > MaxBase {
		panic("invalid base")
	}
	if x.neg {
		buf = append(buf, '-')
	}
	return append(buf, x.abs.utoa(base)...)
}

// String returns x in base 10.
func (x *Int) String() string { return x.Text(10) }

func writeMultiple(s fmt.State, text string, count int) {
	for i := 0; i < count; i++ {
		s.Write([]byte(text))
	}
}

// Format implements fmt.Formatter: verbs b, o, O, d, s, v, x, X with the
// '+', ' ', '#', '-', '0' flags, width and precision (minimum digits).
func (x *Int) Format(s fmt.State, ch rune) {
	var base int
	switch ch {
	case 'b':
		base = 2
	case 'o', 'O':
		base = 8
	case 'd', 's', 'v':
		base = 10
	case 'x', 'X':
		base = 16
	default:
		fmt.Fprintf(s, "%%!%c(big.Int=%s)", ch, x.String())
		return
	}
	if x == nil {
		fmt.Fprint(s, "<nil>")
		return
	}
	sign := ""
	switch {
	case x.neg:
		sign = "-"
	case s.Flag('+'):
		sign = "+"
	case s.Flag(' '):
		sign = " "
	}
	prefix := ""
	if s.Flag('#') {
		switch ch {
		case 'b':
			prefix = "0b"
		case 'o':
			prefix = "0"
		case 'x':
			prefix = "0x"
		case 'X':
			prefix = "0X"
		}
	}
	if ch == 'O' {
		prefix = "0o"
	}
	digits := x.abs.utoa(base)
	if ch == 'X' {
		for i, d := range digits {
			if 'a' <= d && d <= 'z' {
				digits[i] = 'A' + (d - 'a')
			}
		}
	}
	var left, zeros, right int
	precision, precisionSet := s.Precision()
	if precisionSet {
		switch {
		case len(digits) < precision:
			zeros = precision - len(digits)
		case len(digits) == 1 && digits[0] == '0' && precision == 0:
			return // a zero value with zero precision prints nothing
		}
	}
	length := len(sign) + len(prefix) + zeros + len(digits)
	if width, ok := s.Width(); ok && length < width {
		switch d := width - length; {
		case s.Flag('-'):
			right = d
		case s.Flag('0') && !precisionSet:
			zeros = d
		default:
			left = d
		}
	}
	writeMultiple(s, " ", left)
	writeMultiple(s, sign, 1)
	writeMultiple(s, prefix, 1)
	writeMultiple(s, "0", zeros)
	s.Write(digits)
	writeMultiple(s, " ", right)
}

var (
	errNoDigits = errors.New("number has no digits")
	errInvalSep = errors.New("'_' must separate successive digits")
)

// scanInt parses the longest integer prefix of s in base (0 or 2..62) and
// reports whether it used all of s. On error, abs holds the digits read so
// far (Go leaves the receiver in that state).
func scanInt(s string, base int) (neg bool, abs nat, all bool, err error) {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	prev := '.' // '.' start, '0' digit or prefix, '_' separator
	count := 0  // digits seen
	prefix := byte(0)
	underscores := base == 0
	if base == 0 {
		base = 10
		if s != "" && s[0] == '0' {
			prefix = '0'
			base, s = 8, s[1:]
			if s != "" {
				switch s[0] {
				case 'x', 'X':
					base, prefix, s = 16, 'x', s[1:]
				case 'b', 'B':
					base, prefix, s = 2, 'b', s[1:]
				case 'o', 'O':
					base, prefix, s = 8, 'o', s[1:]
				}
			}
			prev = '0'
		}
	}
	bb, k := Word(base), 1 // bb = base^k fits in a Word
	for {
		hi := bb * Word(base)
		if hi/Word(base) != bb {
			break
		}
		bb = hi
		k++
	}
	var acc Word
	n := 0
	invalSep := false
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c == '_' && underscores {
			if prev != '0' {
				invalSep = true
			}
			prev = '_'
			continue
		}
		d := Word(MaxBase + 1)
		switch {
		case '0' <= c && c <= '9':
			d = Word(c - '0')
		case 'a' <= c && c <= 'z':
			d = Word(c-'a') + 10
		case 'A' <= c && c <= 'Z':
			if base <= 36 {
				d = Word(c-'A') + 10
			} else {
				d = Word(c-'A') + 36
			}
		}
		if d >= Word(base) {
			break // not part of the number
		}
		prev = '0'
		count++
		acc = acc*Word(base) + d
		n++
		if n == k {
			abs = mulAddWW(abs, bb, acc)
			acc, n = 0, 0
		}
	}
	all = i == len(s)
	if invalSep || prev == '_' {
		err = errInvalSep
	}
	if count == 0 {
		if prefix == '0' {
			return neg, nil, all, err // a lone "0"
		}
		err = errNoDigits
	}
	if n > 0 {
		p := Word(1)
		for j := 0; j < n; j++ {
			p *= Word(base)
		}
		abs = mulAddWW(abs, p, acc)
	}
	return neg, abs.norm(), all, err
}

// SetString sets z to the value of s in base (0 means: from the prefix)
// and returns (z, true), or (nil, false) if s is not a valid number (z is
// then left as Go leaves it).
func (z *Int) SetString(s string, base int) (*Int, bool) {
	if s == "" {
		return nil, false // z untouched (Go fails before scanning)
	}
	if base != 0 && (base < 2 || base > MaxBase) {
		panic(fmt.Sprintf("invalid number base %d", base))
	}
	neg, abs, all, err := scanInt(s, base)
	if err != nil {
		z.abs = abs // the sign is not updated on a scan error
		return nil, false
	}
	z.set(neg, abs)
	if !all {
		return nil, false
	}
	return z, true
}

// MarshalText implements encoding.TextMarshaler.
func (x *Int) MarshalText() (text []byte, err error) {
	if x == nil {
		return []byte("<nil>"), nil
	}
	return x.Append(nil, 10), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (z *Int) UnmarshalText(text []byte) error {
	if _, ok := z.SetString(string(text), 0); !ok {
		return fmt.Errorf("math/big: cannot unmarshal %q into a *big.Int", text)
	}
	return nil
}

// MarshalJSON implements json.Marshaler.
func (x *Int) MarshalJSON() ([]byte, error) {
	if x == nil {
		return []byte("null"), nil
	}
	return x.Append(nil, 10), nil
}

// UnmarshalJSON implements json.Unmarshaler.
func (z *Int) UnmarshalJSON(text []byte) error {
	if string(text) == "null" {
		return nil
	}
	return z.UnmarshalText(text)
}

// Scan is a support routine for fmt.Scanner: verbs b, o, d, x, X, s, v
// (s and v take the base from the prefix). Like Go, it reads the longest
// prefix of the input that can belong to the number and leaves the rest.
func (z *Int) Scan(s fmt.ScanState, ch rune) error {
	s.SkipSpace()
	base := 0
	switch ch {
	case 'b':
		base = 2
	case 'o':
		base = 8
	case 'd':
		base = 10
	case 'x', 'X':
		base = 16
	case 's', 'v':
	default:
		return errors.New("Int.Scan: invalid verb")
	}
	var buf []byte
	next := func() (rune, bool) {
		r, _, err := s.ReadRune()
		return r, err == nil
	}
	r, ok := next()
	if ok && (r == '+' || r == '-') {
		buf = append(buf, byte(r))
		r, ok = next()
	}
	b := base
	if base == 0 {
		b = 10
		if ok && r == '0' {
			buf = append(buf, '0')
			b = 8
			r, ok = next()
			if ok {
				switch r {
				case 'x', 'X':
					b = 16
				case 'b', 'B':
					b = 2
				case 'o', 'O':
					b = 8
				default:
					goto digits
				}
				buf = append(buf, byte(r))
				r, ok = next()
			}
		}
	}
digits:
	for ok {
		d := int(MaxBase + 1)
		switch {
		case '0' <= r && r <= '9':
			d = int(r - '0')
		case 'a' <= r && r <= 'z':
			d = int(r-'a') + 10
		case 'A' <= r && r <= 'Z':
			d = int(r-'A') + 10
		case r == '_' && base == 0:
			d = 0
		}
		if d >= b {
			s.UnreadRune()
			break
		}
		buf = append(buf, byte(r))
		r, ok = next()
	}
	if len(buf) == 0 {
		return errNoDigits
	}
	neg, abs, _, err := scanInt(string(buf), base)
	if err != nil {
		z.abs = abs // as Go leaves it
		return err
	}
	z.set(neg, abs)
	return nil
}
