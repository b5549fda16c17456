// gort standard library: package hash/adler32 (RFC 1950).
//
// Two running sums modulo 65521: a = 1 + the bytes, b = the sum of the
// successive a's; the checksum is b<<16 | a. The modulo is taken every 5552
// bytes, the most that cannot overflow 32 bits.

package adler32

import (
	"errors"
	"hash"
)

const (
	mod  = 65521
	nmax = 5552
)

// Size of an Adler-32 checksum in bytes.
const Size = 4

type digest uint32 // b<<16 | a

func (d *digest) Reset() { *d = 1 }

// New returns a new hash.Hash32 computing the Adler-32 checksum.
func New() hash.Hash32 {
	d := new(digest)
	d.Reset()
	return d
}

func (d *digest) Size() int      { return Size }
func (d *digest) BlockSize() int { return 4 }

const (
	magic         = "adl\x01"
	marshaledSize = len(magic) + 4
)

func (d *digest) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, marshaledSize)
	b = append(b, magic...)
	x := uint32(*d)
	return append(b, byte(x>>24), byte(x>>16), byte(x>>8), byte(x)), nil
}

func (d *digest) UnmarshalBinary(b []byte) error {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return errors.New("hash/adler32: invalid hash state identifier")
	}
	if len(b) != marshaledSize {
		return errors.New("hash/adler32: invalid hash state size")
	}
	*d = digest(uint32(b[7]) | uint32(b[6])<<8 | uint32(b[5])<<16 | uint32(b[4])<<24)
	return nil
}

func update(d digest, p []byte) digest {
	a, b := uint32(d&0xffff), uint32(d>>16)
	for len(p) > 0 {
		chunk := p
		if len(chunk) > nmax {
			chunk = chunk[:nmax]
		}
		p = p[len(chunk):]
		for _, c := range chunk {
			a += uint32(c)
			b += a
		}
		a %= mod
		b %= mod
	}
	return digest(b<<16 | a)
}

func (d *digest) Write(p []byte) (nn int, err error) {
	*d = update(*d, p)
	return len(p), nil
}

func (d *digest) Sum32() uint32 { return uint32(*d) }

func (d *digest) Sum(in []byte) []byte {
	x := uint32(*d)
	return append(in, byte(x>>24), byte(x>>16), byte(x>>8), byte(x))
}

// Checksum returns the Adler-32 checksum of data.
func Checksum(data []byte) uint32 { return uint32(update(1, data)) }
