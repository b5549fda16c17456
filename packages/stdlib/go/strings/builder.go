// gort standard library: package strings (Builder).

package strings

import (
	"unicode/utf8"
	"unsafe"
)

// Builder builds a string with Write methods while copying as little as
// possible. The zero value is ready to use. A non-zero Builder must not be
// copied: its methods panic when they detect a copy.
type Builder struct {
	self *Builder // the address the Builder was first used at
	buf  []byte
}

func (b *Builder) checkCopy() {
	if b.self == nil {
		b.self = b
	} else if b.self != b {
		panic("strings: illegal use of non-zero Builder copied by value")
	}
}

// String returns the accumulated string without copying it: the bytes are
// never modified afterwards, only appended to.
func (b *Builder) String() string {
	return *(*string)(unsafe.Pointer(&b.buf))
}

// Len returns the number of accumulated bytes.
func (b *Builder) Len() int { return len(b.buf) }

// Cap returns the capacity of the underlying byte slice.
func (b *Builder) Cap() int { return cap(b.buf) }

// Reset empties the Builder.
func (b *Builder) Reset() {
	b.self = nil
	b.buf = nil
}

// Grow ensures room for n more bytes without another allocation; it panics
// when n is negative. A growing Builder reallocates to 2*cap + n.
func (b *Builder) Grow(n int) {
	if b.self != b {
		b.checkCopy()
	}
	if n < 0 {
		panic("strings.Builder.Grow: negative count")
	}
	if cap(b.buf)-len(b.buf) < n {
		grown := make([]byte, len(b.buf), 2*cap(b.buf)+n)
		copy(grown, b.buf)
		b.buf = grown
	}
}

// Write appends p; it always succeeds.
func (b *Builder) Write(p []byte) (int, error) {
	if b.self != b {
		b.checkCopy()
	}
	b.buf = append(b.buf, p...)
	return len(p), nil
}

// WriteByte appends c; it always succeeds.
func (b *Builder) WriteByte(c byte) error {
	if b.self != b {
		b.checkCopy()
	}
	b.buf = append(b.buf, c)
	return nil
}

// WriteRune appends the UTF-8 encoding of r; it always succeeds.
func (b *Builder) WriteRune(r rune) (int, error) {
	if b.self != b {
		b.checkCopy()
	}
	if uint32(r) < utf8.RuneSelf {
		b.buf = append(b.buf, byte(r))
		return 1, nil
	}
	// Non-ASCII runes reserve UTFMax bytes through Grow's policy.
	if cap(b.buf)-len(b.buf) < utf8.UTFMax {
		b.Grow(utf8.UTFMax)
	}
	n := len(b.buf)
	b.buf = utf8.AppendRune(b.buf, r)
	return len(b.buf) - n, nil
}

// WriteString appends s; it always succeeds.
func (b *Builder) WriteString(s string) (int, error) {
	if b.self != b {
		b.checkCopy()
	}
	b.buf = append(b.buf, s...)
	return len(s), nil
}
