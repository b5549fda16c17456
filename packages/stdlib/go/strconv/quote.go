// gort standard library: package strconv (quoting).

package strconv

import (
	"internal/bytealg"
	"unicode/utf8"
)

const hexLower = "0123456789abcdef"

// appendQuoted appends s as a Go string or rune literal delimited by quote.
// asciiOnly escapes every non-ASCII rune; graphicOnly lets graphic but
// non-printable runes (e.g. U+00A0) through unescaped.
func appendQuoted(buf []byte, s string, quote byte, asciiOnly, graphicOnly bool) []byte {
	buf = append(buf, quote)
	for i := 0; i < len(s); {
		// a run of printable ASCII other than quote and '\\' is copied as is
		if n := bytealg.PlainASCIIPrefix(s[i:], quote); n > 0 {
			buf = append(buf, s[i:i+n]...)
			i += n
			continue
		}
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if w == 1 && r == utf8.RuneError {
			buf = append(buf, '\\', 'x', hexLower[s[i]>>4], hexLower[s[i]&0xF])
		} else {
			buf = appendEscaped(buf, r, quote, asciiOnly, graphicOnly)
		}
		i += w
	}
	return append(buf, quote)
}

func appendQuotedRune(buf []byte, r rune, quote byte, asciiOnly, graphicOnly bool) []byte {
	buf = append(buf, quote)
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	buf = appendEscaped(buf, r, quote, asciiOnly, graphicOnly)
	return append(buf, quote)
}

// appendEscaped appends r, escaped when needed.
func appendEscaped(buf []byte, r rune, quote byte, asciiOnly, graphicOnly bool) []byte {
	if r == rune(quote) || r == '\\' {
		return append(buf, '\\', byte(r))
	}
	plain := IsPrint(r) || (graphicOnly && isGraphicOnly(r))
	if asciiOnly {
		plain = r < utf8.RuneSelf && IsPrint(r)
	}
	if plain {
		return utf8.AppendRune(buf, r)
	}
	switch r {
	case '\a':
		return append(buf, `\a`...)
	case '\b':
		return append(buf, `\b`...)
	case '\f':
		return append(buf, `\f`...)
	case '\n':
		return append(buf, `\n`...)
	case '\r':
		return append(buf, `\r`...)
	case '\t':
		return append(buf, `\t`...)
	case '\v':
		return append(buf, `\v`...)
	}
	switch {
	case r < ' ' || r == 0x7F:
		return append(buf, '\\', 'x', hexLower[byte(r)>>4], hexLower[byte(r)&0xF])
	case !utf8.ValidRune(r):
		r = 0xFFFD
	}
	if r < 0x10000 {
		buf = append(buf, '\\', 'u')
		for shift := 12; shift >= 0; shift -= 4 {
			buf = append(buf, hexLower[r>>uint(shift)&0xF])
		}
		return buf
	}
	buf = append(buf, '\\', 'U')
	for shift := 28; shift >= 0; shift -= 4 {
		buf = append(buf, hexLower[r>>uint(shift)&0xF])
	}
	return buf
}

// Quote returns a double-quoted Go string literal for s, escaping control
// and non-printable characters (IsPrint) with Go escapes.
func Quote(s string) string { return string(appendQuoted(nil, s, '"', false, false)) }

// AppendQuote appends Quote(s) to dst.
func AppendQuote(dst []byte, s string) []byte { return appendQuoted(dst, s, '"', false, false) }

// QuoteToASCII is Quote with every non-ASCII character escaped.
func QuoteToASCII(s string) string { return string(appendQuoted(nil, s, '"', true, false)) }

// AppendQuoteToASCII appends QuoteToASCII(s) to dst.
func AppendQuoteToASCII(dst []byte, s string) []byte {
	return appendQuoted(dst, s, '"', true, false)
}

// QuoteToGraphic is Quote leaving graphic characters (IsGraphic) unescaped.
func QuoteToGraphic(s string) string { return string(appendQuoted(nil, s, '"', false, true)) }

// AppendQuoteToGraphic appends QuoteToGraphic(s) to dst.
func AppendQuoteToGraphic(dst []byte, s string) []byte {
	return appendQuoted(dst, s, '"', false, true)
}

// QuoteRune returns a single-quoted Go character literal for r; invalid
// runes become U+FFFD.
func QuoteRune(r rune) string { return string(appendQuotedRune(nil, r, '\'', false, false)) }

// AppendQuoteRune appends QuoteRune(r) to dst.
func AppendQuoteRune(dst []byte, r rune) []byte {
	return appendQuotedRune(dst, r, '\'', false, false)
}

// QuoteRuneToASCII is QuoteRune with non-ASCII characters escaped.
func QuoteRuneToASCII(r rune) string { return string(appendQuotedRune(nil, r, '\'', true, false)) }

// AppendQuoteRuneToASCII appends QuoteRuneToASCII(r) to dst.
func AppendQuoteRuneToASCII(dst []byte, r rune) []byte {
	return appendQuotedRune(dst, r, '\'', true, false)
}

// QuoteRuneToGraphic is QuoteRune leaving graphic characters unescaped.
func QuoteRuneToGraphic(r rune) string {
	return string(appendQuotedRune(nil, r, '\'', false, true))
}

// AppendQuoteRuneToGraphic appends QuoteRuneToGraphic(r) to dst.
func AppendQuoteRuneToGraphic(dst []byte, r rune) []byte {
	return appendQuotedRune(dst, r, '\'', false, true)
}

// CanBackquote reports whether s can be a raw string literal unchanged:
// valid UTF-8 without control characters other than tab, without '`' and
// without the byte order mark.
func CanBackquote(s string) bool {
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if w > 1 {
			if r == '\uFEFF' {
				return false
			}
			continue
		}
		if r == utf8.RuneError || (r < ' ' && r != '\t') || r == '`' || r == 0x7F {
			return false
		}
	}
	return true
}

func unhex(c byte) (v rune, ok bool) {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0'), true
	case 'a' <= lower(c) && lower(c) <= 'f':
		return rune(lower(c)-'a') + 10, true
	}
	return 0, false
}

// UnquoteChar decodes the first character or escape sequence of the body
// of a literal quoted with quote ('"', '\” or 0 for none): the value, whether
// it needs a multi-byte UTF-8 encoding, and the rest of s. A quote
// character equal to quote must be escaped.
func UnquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, err error) {
	if s == "" {
		return 0, false, "", ErrSyntax
	}
	switch c := s[0]; {
	case c == quote && (quote == '\'' || quote == '"'):
		return 0, false, "", ErrSyntax
	case c >= utf8.RuneSelf:
		r, w := utf8.DecodeRuneInString(s)
		return r, true, s[w:], nil
	case c != '\\':
		return rune(c), false, s[1:], nil
	}
	if len(s) <= 1 {
		return 0, false, "", ErrSyntax
	}
	c := s[1]
	s = s[2:]
	switch c {
	case 'a':
		value = '\a'
	case 'b':
		value = '\b'
	case 'f':
		value = '\f'
	case 'n':
		value = '\n'
	case 'r':
		value = '\r'
	case 't':
		value = '\t'
	case 'v':
		value = '\v'
	case 'x', 'u', 'U':
		n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
		if len(s) < n {
			return 0, false, "", ErrSyntax
		}
		var v rune
		for j := 0; j < n; j++ {
			d, ok := unhex(s[j])
			if !ok {
				return 0, false, "", ErrSyntax
			}
			v = v<<4 | d
		}
		s = s[n:]
		if c == 'x' {
			value = v // a single byte, not a code point
			break
		}
		if !utf8.ValidRune(v) {
			return 0, false, "", ErrSyntax
		}
		value, multibyte = v, true
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v := rune(c - '0')
		if len(s) < 2 {
			return 0, false, "", ErrSyntax
		}
		for j := 0; j < 2; j++ {
			d := rune(s[j]) - '0'
			if d < 0 || d > 7 {
				return 0, false, "", ErrSyntax
			}
			v = v<<3 | d
		}
		s = s[2:]
		if v > 255 {
			return 0, false, "", ErrSyntax
		}
		value = v
	case '\\':
		value = '\\'
	case '\'', '"':
		if c != quote {
			return 0, false, "", ErrSyntax
		}
		value = rune(c)
	default:
		return 0, false, "", ErrSyntax
	}
	return value, multibyte, s, nil
}

// QuotedPrefix returns the quoted string (as Unquote understands it) at
// the start of s, quotes included.
func QuotedPrefix(s string) (string, error) {
	n, _, err := unquote(s, false)
	if err != nil {
		return "", err
	}
	return s[:n], nil
}

// Unquote interprets s as a single-quoted, double-quoted or backquoted Go
// literal and returns the value it denotes (for a character literal, that
// character as a string).
func Unquote(s string) (string, error) {
	n, out, err := unquote(s, true)
	if err != nil || n != len(s) {
		return "", ErrSyntax
	}
	return out, nil
}

// unquote parses the literal at the start of s and returns its length and,
// when decode is set, its value. Go's rules, which this mirrors:
//   - a raw literal ends at the first backquote; its carriage returns are
//     dropped and its bytes are not checked for valid UTF-8;
//   - a quoted literal without backslash or newline up to the first
//     matching quote is taken as is when it is valid UTF-8 (a character
//     literal: exactly one rune, or nothing at all);
//   - otherwise it is decoded escape by escape with UnquoteChar (where an
//     invalid byte reads as U+FFFD), a character literal holding one.
func unquote(s string, decode bool) (n int, out string, err error) {
	if len(s) < 2 {
		return 0, "", ErrSyntax
	}
	quote := s[0]
	if quote != '`' && quote != '"' && quote != '\'' {
		return 0, "", ErrSyntax
	}
	end := -1 // index just past the first closing quote candidate
	for i := 1; i < len(s); i++ {
		if s[i] == quote {
			end = i + 1
			break
		}
	}
	if end < 0 {
		return 0, "", ErrSyntax
	}
	body := s[1 : end-1]
	if quote == '`' {
		if decode {
			raw := make([]byte, 0, len(body))
			for i := 0; i < len(body); i++ {
				if body[i] != '\r' {
					raw = append(raw, body[i])
				}
			}
			out = string(raw)
		}
		return end, out, nil
	}
	simple := true
	for i := 0; i < len(body); i++ {
		if body[i] == '\\' || body[i] == '\n' {
			simple = false
			break
		}
	}
	if simple {
		ok := utf8.ValidString(body)
		if quote == '\'' {
			r, w := utf8.DecodeRuneInString(body)
			ok = w == len(body) && !(r == utf8.RuneError && w == 1)
		}
		if ok {
			return end, body, nil
		}
	}
	var buf []byte
	rest := s[1:]
	for len(rest) > 0 && rest[0] != quote {
		if rest[0] == '\n' {
			return 0, "", ErrSyntax
		}
		v, multibyte, tail, e := UnquoteChar(rest, quote)
		if e != nil {
			return 0, "", ErrSyntax
		}
		rest = tail
		if decode {
			if v < utf8.RuneSelf || !multibyte {
				buf = append(buf, byte(v))
			} else {
				buf = utf8.AppendRune(buf, v)
			}
		}
		if quote == '\'' {
			break // one character only
		}
	}
	if rest == "" || rest[0] != quote {
		return 0, "", ErrSyntax
	}
	return len(s) - len(rest) + 1, string(buf), nil
}

// inRanges reports whether r lies in one of the sorted inclusive [lo, hi]
// pairs of table.
func inRanges16(table []uint16, r uint16) bool {
	lo, hi := 0, len(table)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < table[2*m]:
			hi = m
		case r > table[2*m+1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

func inRanges32(table []uint32, r uint32) bool {
	lo, hi := 0, len(table)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < table[2*m]:
			hi = m
		case r > table[2*m+1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// IsPrint reports whether r is printable, as unicode.IsPrint defines it:
// letters, marks, numbers, punctuation, symbols and the ASCII space.
func IsPrint(r rune) bool {
	if r < 0 || r > utf8.MaxRune {
		return false
	}
	if r < utf8.RuneSelf {
		return 0x20 <= r && r < 0x7F
	}
	if r <= 0xFFFF {
		return inRanges16(printRanges16, uint16(r))
	}
	return inRanges32(printRanges32, uint32(r))
}

// isGraphicOnly reports whether r is graphic but not printable.
func isGraphicOnly(r rune) bool {
	return 0 <= r && r <= 0xFFFF && inRanges16(graphicOnly, uint16(r))
}

// IsGraphic reports whether r is graphic, as unicode.IsGraphic defines it:
// printable characters plus the other space separators (Zs).
func IsGraphic(r rune) bool { return IsPrint(r) || isGraphicOnly(r) }
