// gort standard library: package crypto/md5 (RFC 1321).
//
// MD5 is cryptographically broken; it remains for checksums and
// compatibility. The digest buffers a partial 64-byte block; each full
// block goes through four rounds of 16 steps (block below); the constants
// come from consts.go (scripts/gen-hash.mjs).

package md5

import (
	"crypto"
	"hash"
	"math/bits"
)

func init() {
	crypto.RegisterHash(crypto.MD5, New)
}

// Size of an MD5 checksum in bytes.
const Size = 16

// BlockSize of MD5 in bytes.
const BlockSize = 64

type digest struct {
	s    [4]uint32
	buf  [BlockSize]byte
	nbuf int
	len  uint64 // bytes written
}

func (d *digest) Reset() {
	d.s = [4]uint32{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476}
	d.nbuf = 0
	d.len = 0
}

// New returns a new hash.Hash computing the MD5 checksum.
func New() hash.Hash {
	d := new(digest)
	d.Reset()
	return d
}

func (d *digest) Size() int      { return Size }
func (d *digest) BlockSize() int { return BlockSize }

func (d *digest) Write(p []byte) (n int, err error) {
	n = len(p)
	d.len += uint64(n)
	if d.nbuf > 0 {
		k := copy(d.buf[d.nbuf:], p)
		d.nbuf += k
		p = p[k:]
		if d.nbuf < BlockSize {
			return
		}
		block(&d.s, d.buf[:])
		d.nbuf = 0
	}
	if full := len(p) &^ (BlockSize - 1); full > 0 {
		block(&d.s, p[:full])
		p = p[full:]
	}
	d.nbuf = copy(d.buf[:], p)
	return
}

func (d *digest) Sum(in []byte) []byte {
	c := *d
	sum := c.checkSum()
	return append(in, sum[:]...)
}

func (d *digest) checkSum() [Size]byte {
	n := d.len
	// Pad with 0x80, zeros to 56 mod 64, then the bit length (little endian).
	var pad [72]byte
	pad[0] = 0x80
	k := 56 - int(n%64)
	if k <= 0 {
		k += 64
	}
	for i := 0; i < 8; i++ {
		pad[k+i] = byte((n << 3) >> (8 * i))
	}
	d.Write(pad[:k+8])
	var out [Size]byte
	for i, v := range d.s {
		out[4*i] = byte(v)
		out[4*i+1] = byte(v >> 8)
		out[4*i+2] = byte(v >> 16)
		out[4*i+3] = byte(v >> 24)
	}
	return out
}

// Sum returns the MD5 checksum of data.
func Sum(data []byte) [Size]byte {
	var d digest
	d.Reset()
	d.Write(data)
	return d.checkSum()
}

var shifts = [4][4]int{{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}}

// blockGeneric processes whole 64-byte blocks of p: the definition that
// blockNative (natives.go) implements natively.
func blockGeneric(s *[4]uint32, p []byte) {
	var x [16]uint32
	for len(p) >= BlockSize {
		for i := range x {
			j := 4 * i
			x[i] = uint32(p[j]) | uint32(p[j+1])<<8 | uint32(p[j+2])<<16 | uint32(p[j+3])<<24
		}
		a, b, c, d := s[0], s[1], s[2], s[3]
		for i := 0; i < 64; i++ {
			var f uint32
			var k int
			switch i >> 4 {
			case 0:
				f, k = b&c|^b&d, i
			case 1:
				f, k = b&d|c&^d, (5*i+1)&15
			case 2:
				f, k = b^c^d, (3*i+5)&15
			default:
				f, k = c^(b|^d), (7*i)&15
			}
			t := a + f + md5T[i] + x[k]
			a, d, c = d, c, b
			b += bits.RotateLeft32(t, shifts[i>>4][i&3])
		}
		s[0] += a
		s[1] += b
		s[2] += c
		s[3] += d
		p = p[BlockSize:]
	}
}
