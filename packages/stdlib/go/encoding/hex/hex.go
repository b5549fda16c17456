// gort standard library: package encoding/hex (Go 1.19 API).

// Package hex implements hexadecimal encoding and decoding, and the
// `hexdump -C` style Dump.
package hex

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

const digits = "0123456789abcdef"

// ErrLength reports an odd number of hex digits.
var ErrLength = errors.New("encoding/hex: odd length hex string")

// InvalidByteError reports a byte that is not a hex digit.
type InvalidByteError byte

func (e InvalidByteError) Error() string {
	return fmt.Sprintf("encoding/hex: invalid byte: %#U", rune(e))
}

// EncodedLen is the length of the encoding of n bytes: 2n.
func EncodedLen(n int) int { return n * 2 }

// Encode writes the lower-case hex encoding of src into dst (which needs
// EncodedLen(len(src)) bytes) and returns the number of bytes written.
func Encode(dst, src []byte) int {
	for i, c := range src {
		dst[2*i] = digits[c>>4]
		dst[2*i+1] = digits[c&0x0f]
	}
	return len(src) * 2
}

// EncodeToString returns the hex encoding of src.
func EncodeToString(src []byte) string {
	dst := make([]byte, EncodedLen(len(src)))
	Encode(dst, src)
	return string(dst)
}

// DecodedLen is the length of the decoding of x hex digits: x/2.
func DecodedLen(x int) int { return x / 2 }

// unhex returns the value of hex digit c (either case).
func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// Decode decodes src into dst and returns the bytes written. An invalid
// byte gives InvalidByteError (bytes before it are decoded); an odd length
// gives ErrLength after checking the last digit.
func Decode(dst, src []byte) (int, error) {
	n := 0
	for ; 2*n+1 < len(src); n++ {
		hi, ok := unhex(src[2*n])
		if !ok {
			return n, InvalidByteError(src[2*n])
		}
		lo, ok := unhex(src[2*n+1])
		if !ok {
			return n, InvalidByteError(src[2*n+1])
		}
		dst[n] = hi<<4 | lo
	}
	if len(src)%2 == 1 {
		if _, ok := unhex(src[len(src)-1]); !ok {
			return n, InvalidByteError(src[len(src)-1])
		}
		return n, ErrLength
	}
	return n, nil
}

// DecodeString returns the bytes that s represents (those decoded before
// an error, with the error).
func DecodeString(s string) ([]byte, error) {
	b := []byte(s)
	n, err := Decode(b, b)
	return b[:n], err
}

// Dump returns a hex dump of data in the format of `hexdump -C`.
func Dump(data []byte) string {
	if len(data) == 0 {
		return ""
	}
	var sb strings.Builder
	// One line of 79 bytes per 16 input bytes, the last one padded.
	sb.Grow((1 + (len(data)-1)/16) * 79)
	d := Dumper(&sb)
	d.Write(data)
	d.Close()
	return sb.String()
}

// streamChunk is how many bytes the streaming encoder and decoder
// process at a time.
const streamChunk = 1024

type encoder struct {
	w   io.Writer
	err error
	out [streamChunk]byte
}

// NewEncoder returns a writer that writes the hex encoding of what it is
// given to w.
func NewEncoder(w io.Writer) io.Writer { return &encoder{w: w} }

func (e *encoder) Write(p []byte) (n int, err error) {
	for len(p) > 0 && e.err == nil {
		k := streamChunk / 2
		if len(p) < k {
			k = len(p)
		}
		m := Encode(e.out[:], p[:k])
		var written int
		written, e.err = e.w.Write(e.out[:m])
		n += written / 2
		p = p[k:]
	}
	return n, e.err
}

type decoder struct {
	r   io.Reader
	err error
	in  []byte // undecoded input, a suffix of arr
	arr [streamChunk]byte
}

// NewDecoder returns a reader that decodes the hex digits read from r.
func NewDecoder(r io.Reader) io.Reader { return &decoder{r: r} }

func (d *decoder) Read(p []byte) (n int, err error) {
	if len(d.in) < 2 && d.err == nil {
		kept := copy(d.arr[:], d.in) // 0 or 1 byte
		var m int
		m, d.err = d.r.Read(d.arr[kept:])
		d.in = d.arr[:kept+m]
		if d.err == io.EOF && len(d.in)%2 != 0 {
			if _, ok := unhex(d.in[len(d.in)-1]); !ok {
				d.err = InvalidByteError(d.in[len(d.in)-1])
			} else {
				d.err = io.ErrUnexpectedEOF
			}
		}
	}
	if avail := len(d.in) / 2; len(p) > avail {
		p = p[:avail]
	}
	n, err = Decode(p, d.in[:len(p)*2])
	d.in = d.in[2*n:]
	if err != nil {
		d.in, d.err = nil, err // drop the rest after a bad digit
	}
	if len(d.in) < 2 {
		return n, d.err // errors show once the input is used up
	}
	return n, err
}

// Dumper returns a WriteCloser that writes a hex dump of everything
// written to it to w; Close writes the final partial line.
//
// A line is the offset (8 hex digits), two spaces, 16 bytes as "xx " with
// one more space after the 8th and 16th, then the bytes as ASCII between
// bars ('.' for non-printable):
//
//	00000010  2e 2f 30 31 32 33 34 35  36 37 38 39 3a 3b 3c 3d  |./0123456789:;<=|
func Dumper(w io.Writer) io.WriteCloser { return &dumper{w: w} }

type dumper struct {
	w      io.Writer
	ascii  [18]byte // the line's ASCII column plus "|\n"
	used   int      // bytes on the current line
	offset uint
	closed bool
	tmp    [14]byte
}

// cellLen is the width written for the byte at position i of a line.
func cellLen(i int) int {
	switch i {
	case 7:
		return 4
	case 15:
		return 5
	}
	return 3
}

func (h *dumper) Write(data []byte) (n int, err error) {
	if h.closed {
		return 0, errors.New("encoding/hex: dumper closed")
	}
	for _, c := range data {
		if h.used == 0 {
			o := h.offset
			for i := 7; i >= 0; i-- {
				h.tmp[i] = digits[o&0xf]
				o >>= 4
			}
			h.tmp[8], h.tmp[9] = ' ', ' '
			if _, err = h.w.Write(h.tmp[:10]); err != nil {
				return
			}
		}
		h.tmp[0], h.tmp[1] = digits[c>>4], digits[c&0xf]
		h.tmp[2], h.tmp[3], h.tmp[4] = ' ', ' ', '|'
		if _, err = h.w.Write(h.tmp[:cellLen(h.used)]); err != nil {
			return
		}
		n++
		if c < 32 || c > 126 {
			c = '.'
		}
		h.ascii[h.used] = c
		h.used++
		h.offset++
		if h.used == 16 {
			h.ascii[16], h.ascii[17] = '|', '\n'
			if _, err = h.w.Write(h.ascii[:]); err != nil {
				return
			}
			h.used = 0
		}
	}
	return
}

func (h *dumper) Close() (err error) {
	if h.closed {
		return
	}
	h.closed = true
	if h.used == 0 {
		return
	}
	pad := [5]byte{' ', ' ', ' ', ' ', '|'}
	for i := h.used; i < 16; i++ {
		if _, err = h.w.Write(pad[:cellLen(i)]); err != nil {
			return
		}
	}
	h.ascii[h.used], h.ascii[h.used+1] = '|', '\n'
	_, err = h.w.Write(h.ascii[:h.used+2])
	return
}
