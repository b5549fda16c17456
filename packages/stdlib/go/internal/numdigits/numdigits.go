// gort standard library: package internal/numdigits (runtime-provided
// decimal digits of float64 values; packages/runtime/src/stdnatives.ts,
// listed in NATIVES.md).

// Package numdigits gives strconv the digits of integers and the decimal
// digits of float64 values from the host, whose conversions are correctly rounded and run natively: the
// interpreted Ryū and the 64-bit divisions of integer formatting cost
// microseconds per number. strconv keeps its own Go algorithms as the
// definition and uses them whenever a native answers -2, "not provided" (the
// check shim in packages/stdlib/scripts/shim always does, so Go-side
// differential checks exercise the Go code).
//
// A packed result r >= 0 describes digits d[0:r&0xff] (ASCII, no trailing
// zeros) with decimal point position r>>8 - 1024: the value is
// 0.d[0]d[1]... * 10^(r>>8-1024).
package numdigits

// Shortest64 writes the shortest digits that read back as the float64 with
// these bits (finite, non-zero; sign ignored), the nearest such on ties.
func Shortest64(bits uint64, d *[17]byte) int

// Fixed64 writes the digits of the float64 with these bits (normal, sign
// ignored) correctly rounded (half to even) to prec digits after the point
// (fmt 'f'), prec+1 significant digits ('e', 'E') or prec significant digits
// ('g', 'G', prec >= 1), trailing zeros removed; -1 when it cannot decide
// cheaply (the caller computes the exact expansion), as for 17 or more
// digits or a result within 12 units of the 17th digit of halfway.
func Fixed64(bits uint64, fmt byte, prec int, d *[17]byte) int

// FormatBits writes u in base (2..36, lower-case letters), preceded by '-'
// when neg (u is then the two's complement magnitude), right-aligned in d,
// and returns the index of its first byte; -2 when not provided.
func FormatBits(u uint64, neg bool, base int, d *[65]byte) int

// ParseDecimal parses s when it is a plain decimal float of at most 64
// bytes (optional sign, digits with at most one '.', at least one digit,
// optional exponent e/E with optional sign and digits; no underscores, hex,
// Inf or NaN) whose float64 value, correctly rounded, is finite and non-zero;
// ok is false otherwise (and when not provided): the caller parses itself.
func ParseDecimal(s string) (f float64, ok bool)
