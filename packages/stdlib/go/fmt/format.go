// gort standard library: package fmt (number and string formatting under
// width, precision and flags).

package fmt

import (
	"internal/numdigits"
	"strconv"
	"unicode/utf8"
)

const (
	lowerDigits = "0123456789abcdefx"
	upperDigits = "0123456789ABCDEFX"
)

// flags holds the parsed flags of one verb. plusV and sharpV are the '+'
// and '#' flags of %v (they change how values print, not numbers).
type flags struct {
	widPresent  bool
	precPresent bool
	minus       bool
	plus        bool
	sharp       bool
	space       bool
	zero        bool
	plusV       bool
	sharpV      bool
}

// formatter writes formatted pieces to out under the current flags.
type formatter struct {
	out *[]byte
	flags
	wid  int
	prec int
	// scratch holds digits while a number is built right to left; 68 bytes
	// fit a 64-bit value in base 2 with sign and prefix.
	scratch [68]byte
}

func (f *formatter) reset()            { f.flags = flags{} }
func (f *formatter) bind(out *[]byte)  { f.out = out; f.reset() }
func (f *formatter) writeByte(c byte)  { *f.out = append(*f.out, c) }
func (f *formatter) write(b []byte)    { *f.out = append(*f.out, b...) }
func (f *formatter) writeStr(s string) { *f.out = append(*f.out, s...) }

// padding writes n fill characters: '0' with the zero flag, else spaces.
func (f *formatter) padding(n int) {
	if n <= 0 {
		return
	}
	c := byte(' ')
	if f.zero {
		c = '0'
	}
	for ; n > 0; n-- {
		*f.out = append(*f.out, c)
	}
}

// pad writes b aligned in the field width (counted in runes).
func (f *formatter) pad(b []byte) {
	if !f.widPresent || f.wid == 0 {
		f.write(b)
		return
	}
	fill := f.wid - utf8.RuneCount(b)
	if f.minus {
		f.write(b)
		f.padding(fill)
	} else {
		f.padding(fill)
		f.write(b)
	}
}

func (f *formatter) padStr(s string) {
	if !f.widPresent || f.wid == 0 {
		f.writeStr(s)
		return
	}
	fill := f.wid - utf8.RuneCountInString(s)
	if f.minus {
		f.writeStr(s)
		f.padding(fill)
	} else {
		f.padding(fill)
		f.writeStr(s)
	}
}

// padNoZero pads with spaces even under the zero flag.
func (f *formatter) padNoZero(b []byte) {
	z := f.zero
	f.zero = false
	f.pad(b)
	f.zero = z
}

func (f *formatter) fmtBool(v bool) {
	if v {
		f.padStr("true")
	} else {
		f.padStr("false")
	}
}

// fmtUnicode formats u as "U+0078" (at least four hex digits, or the
// precision), followed by " 'x'" under '#' when u is a printable rune.
func (f *formatter) fmtUnicode(u uint64) {
	digits := 4
	if f.precPresent && f.prec > 4 {
		digits = f.prec
	}
	var rev []byte
	for x := u; ; {
		rev = append(rev, upperDigits[x&0xF])
		x >>= 4
		if x == 0 {
			break
		}
	}
	for len(rev) < digits {
		rev = append(rev, '0')
	}
	out := make([]byte, 0, len(rev)+10)
	out = append(out, 'U', '+')
	for i := len(rev) - 1; i >= 0; i-- {
		out = append(out, rev[i])
	}
	if f.sharp && u <= utf8.MaxRune && strconv.IsPrint(rune(u)) {
		out = append(out, ' ', '\'')
		out = utf8.AppendRune(out, rune(u))
		out = append(out, '\'')
	}
	f.padNoZero(out)
}

// fmtInteger formats u (a two's-complement int64 when signed) in base.
func (f *formatter) fmtInteger(u uint64, base int, signed bool, verb rune, digits string) {
	neg := signed && int64(u) < 0
	if neg {
		u = -u
	}
	// Minimum number of digits: the precision, or under '0' the width
	// minus room for a sign. An explicit precision disables zero padding.
	minDigits := 0
	if f.precPresent {
		minDigits = f.prec
		if minDigits == 0 && u == 0 {
			z := f.zero
			f.zero = false
			f.padding(f.wid)
			f.zero = z
			return
		}
	} else if f.zero && f.widPresent {
		minDigits = f.wid
		if neg || f.plus || f.space {
			minDigits--
		}
	}
	buf := f.scratch[:]
	if need := 3 + f.wid + f.prec; (f.widPresent || f.precPresent) && need > len(buf) {
		buf = make([]byte, need)
	}
	i := len(buf)
	var d [65]byte
	if k := numdigits.FormatBits(u, false, base, &d); k >= 0 {
		// the host's digits (lower-case letters)
		i -= copy(buf[i-(65-k):], d[k:])
		if digits[10] == 'A' {
			for j := i; j < len(buf); j++ {
				if buf[j] >= 'a' {
					buf[j] -= 'a' - 'A'
				}
			}
		}
	} else {
		b := uint64(base)
		for u >= b {
			i--
			buf[i] = digits[u%b]
			u /= b
		}
		i--
		buf[i] = digits[u]
	}
	for i > 0 && len(buf)-i < minDigits {
		i--
		buf[i] = '0'
	}
	if f.sharp {
		switch base {
		case 2:
			i -= 2
			buf[i], buf[i+1] = '0', 'b'
		case 8:
			if buf[i] != '0' {
				i--
				buf[i] = '0'
			}
		case 16:
			i -= 2
			buf[i], buf[i+1] = '0', digits[16]
		}
	}
	if verb == 'O' {
		i -= 2
		buf[i], buf[i+1] = '0', 'o'
	}
	switch {
	case neg:
		i--
		buf[i] = '-'
	case f.plus:
		i--
		buf[i] = '+'
	case f.space:
		i--
		buf[i] = ' '
	}
	f.padNoZero(buf[i:])
}

// truncStr keeps the first prec runes of s when a precision is given.
func (f *formatter) truncStr(s string) string {
	if f.precPresent {
		n := f.prec
		for i := range s {
			if n == 0 {
				return s[:i]
			}
			n--
		}
	}
	return s
}

func (f *formatter) truncBytes(b []byte) []byte {
	if f.precPresent {
		n := f.prec
		for i := 0; i < len(b); {
			if n == 0 {
				return b[:i]
			}
			n--
			_, w := utf8.DecodeRune(b[i:])
			i += w
		}
	}
	return b
}

func (f *formatter) fmtS(s string)     { f.padStr(f.truncStr(s)) }
func (f *formatter) fmtBytes(b []byte) { f.pad(f.truncBytes(b)) }

// fmtHex writes s (or b when not nil) as hex, two digits per byte; the
// precision limits the bytes encoded; ' ' separates bytes and with '#'
// each byte gets 0x, while '#' alone prefixes the whole string once.
func (f *formatter) fmtHex(s string, b []byte, digits string) {
	n := len(s)
	if b != nil {
		n = len(b)
	}
	if f.precPresent && f.prec < n {
		n = f.prec
	}
	if n <= 0 {
		if f.widPresent {
			f.padding(f.wid)
		}
		return
	}
	width := 2 * n
	if f.space {
		if f.sharp {
			width *= 2
		}
		width += n - 1
	} else if f.sharp {
		width += 2
	}
	if f.widPresent && f.wid > width && !f.minus {
		f.padding(f.wid - width)
	}
	out := *f.out
	if f.sharp {
		out = append(out, '0', digits[16])
	}
	for i := 0; i < n; i++ {
		if f.space && i > 0 {
			out = append(out, ' ')
			if f.sharp {
				out = append(out, '0', digits[16])
			}
		}
		var c byte
		if b != nil {
			c = b[i]
		} else {
			c = s[i]
		}
		out = append(out, digits[c>>4], digits[c&0xF])
	}
	*f.out = out
	if f.widPresent && f.wid > width && f.minus {
		f.padding(f.wid - width)
	}
}

// fmtQ writes s as a Go string literal: back-quoted under '#' when
// possible, ASCII-only escapes under '+'.
func (f *formatter) fmtQ(s string) {
	s = f.truncStr(s)
	if f.sharp && strconv.CanBackquote(s) {
		f.padStr("`" + s + "`")
		return
	}
	if f.plus {
		f.pad(strconv.AppendQuoteToASCII(f.scratch[:0], s))
	} else {
		f.pad(strconv.AppendQuote(f.scratch[:0], s))
	}
}

func toRune(c uint64) rune {
	if c > utf8.MaxRune {
		return utf8.RuneError
	}
	return rune(c)
}

func (f *formatter) fmtC(c uint64) {
	f.pad(utf8.AppendRune(f.scratch[:0], toRune(c)))
}

func (f *formatter) fmtQc(c uint64) {
	r := toRune(c)
	if f.plus {
		f.pad(strconv.AppendQuoteRuneToASCII(f.scratch[:0], r))
	} else {
		f.pad(strconv.AppendQuoteRune(f.scratch[:0], r))
	}
}

// fmtFloat formats v with strconv's verb and precision (an explicit
// precision wins), then applies sign flags, '#' and padding.
func (f *formatter) fmtFloat(v float64, size int, verb rune, prec int) {
	if f.precPresent {
		prec = f.prec
	}
	// num[0] is the sign slot: '+', '-' or ' '.
	num := strconv.AppendFloat(f.scratch[:1], v, byte(verb), prec, size)
	if num[1] == '-' || num[1] == '+' {
		num = num[1:]
	} else {
		num[0] = '+'
	}
	if f.space && num[0] == '+' && !f.plus {
		num[0] = ' '
	}
	if num[1] == 'I' || num[1] == 'N' {
		// Infinities and NaN are never zero padded; NaN shows a sign
		// only when asked for.
		if num[1] == 'N' && !f.space && !f.plus {
			num = num[1:]
		}
		f.padNoZero(num)
		return
	}
	if f.sharp && verb != 'b' {
		num = f.sharpFloat(num, verb, prec)
	}
	if f.plus || num[0] != '+' {
		if f.zero && f.widPresent && f.wid > len(num) {
			// Sign first, then the zeros.
			f.writeByte(num[0])
			f.padding(f.wid - len(num))
			f.write(num[1:])
			return
		}
		f.pad(num)
		return
	}
	f.pad(num[1:])
}

// sharpFloat applies '#' to a formatted float: always a decimal point, and
// for %g/%v/%x trailing zeros up to the precision (6 by default).
func (f *formatter) sharpFloat(num []byte, verb rune, prec int) []byte {
	want := 0
	if verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x' {
		want = prec
		if want == -1 {
			want = 6
		}
	}
	var tail []byte
	dot := false
	nonzero := false
	for i := 1; i < len(num); i++ {
		c := num[i]
		if c == '.' {
			dot = true
			continue
		}
		if c == 'p' || c == 'P' || (c == 'e' || c == 'E') && verb != 'x' && verb != 'X' {
			tail = append(tail, num[i:]...)
			num = num[:i]
			break
		}
		if c != '0' {
			nonzero = true
		}
		if nonzero {
			want--
		}
	}
	if !dot {
		if len(num) == 2 && num[1] == '0' {
			want--
		}
		num = append(num, '.')
	}
	for ; want > 0; want-- {
		num = append(num, '0')
	}
	return append(num, tail...)
}
