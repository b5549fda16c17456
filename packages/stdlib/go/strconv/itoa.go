// gort standard library: package strconv (integer formatting).

package strconv

import "internal/numdigits"

const digitChars = "0123456789abcdefghijklmnopqrstuvwxyz"

// FormatUint returns i in the given base (2 to 36), lower-case letters for
// digits >= 10.
func FormatUint(i uint64, base int) string {
	return formatBits(i, false, base)
}

// FormatInt returns i in the given base (2 to 36).
func FormatInt(i int64, base int) string {
	return formatBits(uint64(i), i < 0, base)
}

// formatBits is FormatInt/FormatUint's body: the digits from the host when it
// provides them (internal/numdigits), else appendBase's.
func formatBits(u uint64, neg bool, base int) string {
	if base >= 2 && base <= len(digitChars) {
		var d [65]byte
		if k := numdigits.FormatBits(u, neg, base, &d); k >= 0 {
			return string(d[k:])
		}
	}
	return string(appendBase(nil, u, neg, base))
}

// Itoa is FormatInt(int64(i), 10).
func Itoa(i int) string { return FormatInt(int64(i), 10) }

// AppendInt appends FormatInt(i, base) to dst.
func AppendInt(dst []byte, i int64, base int) []byte {
	return appendBase(dst, uint64(i), i < 0, base)
}

// AppendUint appends FormatUint(i, base) to dst.
func AppendUint(dst []byte, i uint64, base int) []byte {
	return appendBase(dst, i, false, base)
}

// appendBase formats u (negated first when neg) in base.
func appendBase(dst []byte, u uint64, neg bool, base int) []byte {
	if base < 2 || base > len(digitChars) {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	var d [65]byte
	if k := numdigits.FormatBits(u, neg, base, &d); k >= 0 {
		return append(dst, d[k:]...)
	}
	if neg {
		u = -u // two's complement magnitude, also right for MinInt64
	}
	var buf [65]byte
	i := len(buf)
	b := uint64(base)
	for u >= b {
		i--
		buf[i] = digitChars[u%b]
		u /= b
	}
	i--
	buf[i] = digitChars[u]
	if neg {
		i--
		buf[i] = '-'
	}
	return append(dst, buf[i:]...)
}

// ParseBool accepts 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False.
func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, syntaxError(fnParseBool, str)
}

// FormatBool returns "true" or "false".
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// AppendBool appends "true" or "false" to dst.
func AppendBool(dst []byte, b bool) []byte { return append(dst, FormatBool(b)...) }
