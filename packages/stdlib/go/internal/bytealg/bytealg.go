// gort standard library: package internal/bytealg (runtime-provided byte
// loops; packages/runtime/src/stdnatives.ts, listed in NATIVES.md).

// Package bytealg holds the byte-scanning loops that strings and bytes run
// most (searching, counting, ASCII case mapping). They are natives because a
// loop over each byte costs several interpreted instructions per byte, while
// one native call costs about as much as a handful of instructions. The Go
// definitions of the same functions are in
// packages/stdlib/scripts/shim/internal/bytealg (used by the differential
// checks, which run on Go's toolchain).
package bytealg

// IndexByteString returns the index of the first c in s, or -1.
func IndexByteString(s string, c byte) int

// IndexByte returns the index of the first c in b, or -1.
func IndexByte(b []byte, c byte) int

// LastIndexByteString returns the index of the last c in s, or -1.
func LastIndexByteString(s string, c byte) int

// CountString returns the number of bytes of s equal to c.
func CountString(s string, c byte) int

// Count returns the number of bytes of b equal to c.
func Count(b []byte, c byte) int

// IndexString returns the index of the first instance of sub in s, or -1
// (sub may be empty: 0).
func IndexString(s, sub string) int

// ASCIIInfo reports on s: bit 0 set when s has a byte >= 0x80, bit 1 when
// it has an ASCII lower-case letter, bit 2 when it has an ASCII upper-case
// letter. The letter bits cover only the bytes before the first byte >= 0x80.
func ASCIIInfo(s string) int

// CopyCaseASCII copies s into dst (len(dst) >= len(s)) mapping 'a'..'z' to
// upper case (upper != 0) or 'A'..'Z' to lower case (upper == 0).
func CopyCaseASCII(dst []byte, s string, upper int)

// PlainASCIIPrefix returns the length of the longest prefix of s made of
// printable ASCII bytes (0x20..0x7E) other than quote and '\\': the bytes
// strconv's quoting copies unchanged.
func PlainASCIIPrefix(s string, quote byte) int
