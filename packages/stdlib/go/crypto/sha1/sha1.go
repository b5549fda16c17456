// gort standard library: package crypto/sha1 (FIPS 180-4 SHA-1).
//
// SHA-1 is cryptographically broken; it remains for compatibility. The
// digest buffers a partial 64-byte block; block runs the 80-step
// compression with a 16-word rolling message schedule.

package sha1

import (
	"crypto"
	"hash"
	"math/bits"
)

func init() {
	crypto.RegisterHash(crypto.SHA1, New)
}

// Size of a SHA-1 checksum in bytes.
const Size = 20

// BlockSize of SHA-1 in bytes.
const BlockSize = 64

type digest struct {
	h    [5]uint32
	buf  [BlockSize]byte
	nbuf int
	len  uint64
}

func (d *digest) Reset() {
	d.h = [5]uint32{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0}
	d.nbuf = 0
	d.len = 0
}

// New returns a new hash.Hash computing the SHA-1 checksum.
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
		block(&d.h, d.buf[:])
		d.nbuf = 0
	}
	if full := len(p) &^ (BlockSize - 1); full > 0 {
		block(&d.h, p[:full])
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
	var pad [72]byte
	pad[0] = 0x80
	k := 56 - int(n%64)
	if k <= 0 {
		k += 64
	}
	for i := 0; i < 8; i++ {
		pad[k+i] = byte((n << 3) >> (56 - 8*i))
	}
	d.Write(pad[:k+8])
	var out [Size]byte
	for i, v := range d.h {
		out[4*i] = byte(v >> 24)
		out[4*i+1] = byte(v >> 16)
		out[4*i+2] = byte(v >> 8)
		out[4*i+3] = byte(v)
	}
	return out
}

// Sum returns the SHA-1 checksum of data.
func Sum(data []byte) [Size]byte {
	var d digest
	d.Reset()
	d.Write(data)
	return d.checkSum()
}

// blockGeneric processes whole 64-byte blocks of p: the definition that
// blockNative (natives.go) implements natively.
func blockGeneric(h *[5]uint32, p []byte) {
	var w [16]uint32
	for len(p) >= BlockSize {
		for i := range w {
			j := 4 * i
			w[i] = uint32(p[j])<<24 | uint32(p[j+1])<<16 | uint32(p[j+2])<<8 | uint32(p[j+3])
		}
		a, b, c, d, e := h[0], h[1], h[2], h[3], h[4]
		for t := 0; t < 80; t++ {
			if t >= 16 {
				x := w[(t-3)&15] ^ w[(t-8)&15] ^ w[(t-14)&15] ^ w[t&15]
				w[t&15] = bits.RotateLeft32(x, 1)
			}
			var f, k uint32
			switch {
			case t < 20:
				f, k = b&c|^b&d, sha1K[0]
			case t < 40:
				f, k = b^c^d, sha1K[1]
			case t < 60:
				f, k = b&c|b&d|c&d, sha1K[2]
			default:
				f, k = b^c^d, sha1K[3]
			}
			tmp := bits.RotateLeft32(a, 5) + f + e + k + w[t&15]
			a, b, c, d, e = tmp, a, bits.RotateLeft32(b, 30), c, d
		}
		h[0] += a
		h[1] += b
		h[2] += c
		h[3] += d
		h[4] += e
		p = p[BlockSize:]
	}
}
