// gort standard library: package encoding/binary (varints).
//
// An unsigned varint stores 7 bits per byte, least significant group
// first, with the high bit set on every byte but the last. A signed varint
// is the unsigned varint of the zig-zag encoding (0, -1, 1, -2, ... map to
// 0, 1, 2, 3, ...).

package binary

import (
	"errors"
	"io"
)

const (
	MaxVarintLen16 = 3
	MaxVarintLen32 = 5
	MaxVarintLen64 = 10
)

var errOverflow = errors.New("binary: varint overflows a 64-bit integer")

// AppendUvarint appends the varint encoding of x to buf.
func AppendUvarint(buf []byte, x uint64) []byte {
	for x >= 0x80 {
		buf = append(buf, byte(x)|0x80)
		x >>= 7
	}
	return append(buf, byte(x))
}

// PutUvarint encodes x into buf (which must be large enough) and returns
// the number of bytes written.
func PutUvarint(buf []byte, x uint64) int {
	i := 0
	for x >= 0x80 {
		buf[i] = byte(x) | 0x80
		x >>= 7
		i++
	}
	buf[i] = byte(x)
	return i + 1
}

// Uvarint decodes a varint from buf and returns it with the bytes read:
// n == 0 means buf is too short, n < 0 that the value overflows 64 bits
// (-n bytes were examined).
func Uvarint(buf []byte) (uint64, int) {
	var x uint64
	var shift uint
	for i, b := range buf {
		if i == MaxVarintLen64 {
			return 0, -(i + 1)
		}
		if b < 0x80 {
			if i == MaxVarintLen64-1 && b > 1 {
				return 0, -(i + 1)
			}
			return x | uint64(b)<<shift, i + 1
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	return 0, 0
}

func zigzag(x int64) uint64 {
	ux := uint64(x) << 1
	if x < 0 {
		ux = ^ux
	}
	return ux
}

func unzigzag(ux uint64) int64 {
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

// AppendVarint appends the signed varint encoding of x to buf.
func AppendVarint(buf []byte, x int64) []byte { return AppendUvarint(buf, zigzag(x)) }

// PutVarint encodes x into buf and returns the number of bytes written.
func PutVarint(buf []byte, x int64) int { return PutUvarint(buf, zigzag(x)) }

// Varint decodes a signed varint from buf (n as for Uvarint).
func Varint(buf []byte) (int64, int) {
	ux, n := Uvarint(buf)
	return unzigzag(ux), n
}

// ReadUvarint reads a varint from r. A read error is returned as is, with
// the bits read so far (Go 1.19 does not turn a truncated varint's io.EOF
// into io.ErrUnexpectedEOF; later versions do).
func ReadUvarint(r io.ByteReader) (uint64, error) {
	var x uint64
	var shift uint
	for i := 0; i < MaxVarintLen64; i++ {
		b, err := r.ReadByte()
		if err != nil {
			return x, err
		}
		if b < 0x80 {
			if i == MaxVarintLen64-1 && b > 1 {
				return x, errOverflow
			}
			return x | uint64(b)<<shift, nil
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	return x, errOverflow
}

// ReadVarint reads a signed varint from r.
func ReadVarint(r io.ByteReader) (int64, error) {
	ux, err := ReadUvarint(r)
	return unzigzag(ux), err
}
