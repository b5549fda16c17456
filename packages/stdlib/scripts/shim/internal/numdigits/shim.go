// gort standard library check shim: package internal/numdigits. Under Go
// the natives always answer -2 (not provided), so strconv's own Go algorithms run and are
// what scripts/check.mjs compares with Go's strconv. The natives themselves
// are checked against Go by packages/stdlib/test/numdigits (gort run).

package numdigits

func Shortest64(bits uint64, d *[17]byte) int { return -2 }

func Fixed64(bits uint64, fmt byte, prec int, d *[17]byte) int { return -2 }

func FormatBits(u uint64, neg bool, base int, d *[65]byte) int { return -2 }

func ParseDecimal(s string) (f float64, ok bool) { return 0, false }
