// gort standard library: package bytes (Buffer).

package bytes

import (
	"errors"
	"io"
	"unicode/utf8"
)

// smallBufferSize is the capacity a nil Buffer first allocates for small
// writes.
const smallBufferSize = 64

// MinRead is the minimum free space ReadFrom offers each Read call.
const MinRead = 512

// ErrTooLarge is the panic value when a Buffer cannot grow.
var ErrTooLarge = errors.New("bytes.Buffer: too large")

var errNegativeRead = errors.New("bytes.Buffer: reader returned negative count from Read")
var errUnreadByte = errors.New("bytes.Buffer: UnreadByte: previous operation was not a successful read")

// lastOp records what the last read did, for UnreadByte and UnreadRune:
// opRead for a byte-wise read, opRune1..4 for a ReadRune of that width.
type lastOp int8

const (
	opRead    lastOp = -1
	opNone    lastOp = 0
	opRune1   lastOp = 1
	opRuneMax lastOp = 4
)

// Buffer is a variable-sized buffer of bytes with Read and Write methods.
// The zero value is an empty buffer ready to use.
//
//	buf: [ consumed | unread data | free capacity ]
//	     0          off           len(buf)        cap(buf)
type Buffer struct {
	buf  []byte
	off  int    // read position in buf
	last lastOp // the previous read operation
}

// NewBuffer returns a Buffer whose initial contents are buf.
func NewBuffer(buf []byte) *Buffer { return &Buffer{buf: buf} }

// NewBufferString returns a Buffer whose initial contents are s.
func NewBufferString(s string) *Buffer { return &Buffer{buf: []byte(s)} }

// Bytes returns the unread portion; it aliases the buffer until the next
// modification.
func (b *Buffer) Bytes() []byte { return b.buf[b.off:] }

// String returns the unread portion as a string; "<nil>" for a nil Buffer.
func (b *Buffer) String() string {
	if b == nil {
		return "<nil>"
	}
	return string(b.buf[b.off:])
}

// Len returns the number of unread bytes.
func (b *Buffer) Len() int { return len(b.buf) - b.off }

// Cap returns the capacity of the buffer's storage.
func (b *Buffer) Cap() int { return cap(b.buf) }

func (b *Buffer) empty() bool { return len(b.buf) <= b.off }

// Truncate discards all but the first n unread bytes; it panics when n is
// negative or beyond Len.
func (b *Buffer) Truncate(n int) {
	if n == 0 {
		b.Reset()
		return
	}
	b.last = opNone
	if n < 0 || n > b.Len() {
		panic("bytes.Buffer: truncation out of range")
	}
	b.buf = b.buf[:b.off+n]
}

// Reset empties the buffer, keeping its storage.
func (b *Buffer) Reset() {
	b.buf = b.buf[:0]
	b.off = 0
	b.last = opNone
}

// extendInPlace lengthens buf by n when capacity allows, returning the old
// length.
func (b *Buffer) extendInPlace(n int) (int, bool) {
	l := len(b.buf)
	if n <= cap(b.buf)-l {
		b.buf = b.buf[:l+n]
		return l, true
	}
	return 0, false
}

// grow makes room for n more bytes and returns where they start. Growth
// policy (Go's): a nil buffer gets 64 bytes for small requests; data slides
// to the front when that frees enough room (n <= cap/2 - Len); otherwise
// the storage becomes max(2*cap, Len+n) plus the consumed prefix, rounded
// up by append.
func (b *Buffer) grow(n int) int {
	m := b.Len()
	if m == 0 && b.off != 0 {
		b.Reset()
	}
	if i, ok := b.extendInPlace(n); ok {
		return i
	}
	if b.buf == nil && n <= smallBufferSize {
		b.buf = make([]byte, n, smallBufferSize)
		return 0
	}
	c := cap(b.buf)
	const maxInt = int(^uint(0) >> 1)
	switch {
	case n <= c/2-m:
		copy(b.buf, b.buf[b.off:])
	case c > maxInt-c-n:
		panic(ErrTooLarge)
	default:
		unread := b.buf[b.off:]
		size := len(unread) + b.off + n
		if size < 2*cap(unread) {
			size = 2 * cap(unread)
		}
		fresh := append([]byte(nil), make([]byte, size)...)
		copy(fresh, unread)
		b.buf = fresh[:len(unread)]
	}
	b.off = 0
	b.buf = b.buf[:m+n]
	return m
}

// Grow ensures room for n more bytes; it panics when n is negative.
func (b *Buffer) Grow(n int) {
	if n < 0 {
		panic("bytes.Buffer.Grow: negative count")
	}
	m := b.grow(n)
	b.buf = b.buf[:m]
}

func (b *Buffer) room(n int) int {
	if m, ok := b.extendInPlace(n); ok {
		return m
	}
	return b.grow(n)
}

// Write appends p; the error is always nil.
func (b *Buffer) Write(p []byte) (n int, err error) {
	b.last = opNone
	m := b.room(len(p))
	return copy(b.buf[m:], p), nil
}

// WriteString appends s; the error is always nil.
func (b *Buffer) WriteString(s string) (n int, err error) {
	b.last = opNone
	m := b.room(len(s))
	return copy(b.buf[m:], s), nil
}

// WriteByte appends c; the error is always nil.
func (b *Buffer) WriteByte(c byte) error {
	b.last = opNone
	m := b.room(1)
	b.buf[m] = c
	return nil
}

// WriteRune appends the UTF-8 encoding of r.
func (b *Buffer) WriteRune(r rune) (n int, err error) {
	if uint32(r) < utf8.RuneSelf {
		b.WriteByte(byte(r))
		return 1, nil
	}
	b.last = opNone
	m := b.room(utf8.UTFMax)
	n = utf8.EncodeRune(b.buf[m:m+utf8.UTFMax], r)
	b.buf = b.buf[:m+n]
	return n, nil
}

// ReadFrom appends data read from r until EOF; EOF is not an error.
func (b *Buffer) ReadFrom(r io.Reader) (n int64, err error) {
	b.last = opNone
	for {
		i := b.grow(MinRead)
		b.buf = b.buf[:i]
		k, e := r.Read(b.buf[i:cap(b.buf)])
		if k < 0 {
			panic(errNegativeRead)
		}
		b.buf = b.buf[:i+k]
		n += int64(k)
		if e == io.EOF {
			return n, nil
		}
		if e != nil {
			return n, e
		}
	}
}

// WriteTo writes the unread data to w until it is drained or w fails.
func (b *Buffer) WriteTo(w io.Writer) (n int64, err error) {
	b.last = opNone
	if pending := b.Len(); pending > 0 {
		k, e := w.Write(b.buf[b.off:])
		if k > pending {
			panic("bytes.Buffer.WriteTo: invalid Write count")
		}
		b.off += k
		n = int64(k)
		if e != nil {
			return n, e
		}
		if k != pending {
			return n, io.ErrShortWrite
		}
	}
	b.Reset()
	return n, nil
}

// Read reads up to len(p) bytes; at the end it returns io.EOF (or nil for
// an empty p).
func (b *Buffer) Read(p []byte) (n int, err error) {
	b.last = opNone
	if b.empty() {
		b.Reset()
		if len(p) == 0 {
			return 0, nil
		}
		return 0, io.EOF
	}
	n = copy(p, b.buf[b.off:])
	b.off += n
	if n > 0 {
		b.last = opRead
	}
	return n, nil
}

// Next returns the next n unread bytes (fewer at the end) and consumes them.
func (b *Buffer) Next(n int) []byte {
	b.last = opNone
	if m := b.Len(); n > m {
		n = m
	}
	data := b.buf[b.off : b.off+n]
	b.off += n
	if n > 0 {
		b.last = opRead
	}
	return data
}

// ReadByte reads one byte, or returns io.EOF.
func (b *Buffer) ReadByte() (byte, error) {
	if b.empty() {
		b.Reset()
		return 0, io.EOF
	}
	c := b.buf[b.off]
	b.off++
	b.last = opRead
	return c, nil
}

// ReadRune reads one UTF-8 encoded code point, or returns io.EOF.
func (b *Buffer) ReadRune() (r rune, size int, err error) {
	if b.empty() {
		b.Reset()
		return 0, 0, io.EOF
	}
	r, size = utf8.DecodeRune(b.buf[b.off:])
	b.off += size
	b.last = lastOp(size)
	return r, size, nil
}

// UnreadRune steps back over the rune the previous ReadRune returned.
func (b *Buffer) UnreadRune() error {
	if b.last < opRune1 || b.last > opRuneMax {
		return errors.New("bytes.Buffer: UnreadRune: previous operation was not a successful ReadRune")
	}
	if b.off >= int(b.last) {
		b.off -= int(b.last)
	}
	b.last = opNone
	return nil
}

// UnreadByte steps back one byte after a successful read.
func (b *Buffer) UnreadByte() error {
	if b.last == opNone {
		return errUnreadByte
	}
	b.last = opNone
	if b.off > 0 {
		b.off--
	}
	return nil
}

// ReadBytes reads through the first delim and returns a copy of the bytes;
// without delim it returns the rest and io.EOF.
func (b *Buffer) ReadBytes(delim byte) (line []byte, err error) {
	s, err := b.readSlice(delim)
	return append(line, s...), err
}

func (b *Buffer) readSlice(delim byte) (line []byte, err error) {
	end := len(b.buf)
	if i := IndexByte(b.buf[b.off:], delim); i >= 0 {
		end = b.off + i + 1
	} else {
		err = io.EOF
	}
	line = b.buf[b.off:end]
	b.off = end
	b.last = opRead
	return line, err
}

// ReadString is ReadBytes returning a string.
func (b *Buffer) ReadString(delim byte) (line string, err error) {
	s, err := b.readSlice(delim)
	return string(s), err
}
