// gort standard library: package crypto/sha512 (FIPS 180-4 SHA-384,
// SHA-512, SHA-512/224, SHA-512/256).
//
// One 80-round compression over 64-bit words for all four; they differ in
// the initial value and the digest length. Constants in consts.go
// (scripts/gen-hash.mjs).

package sha512

import (
	"crypto"
	"hash"
	"math/bits"
)

func init() {
	crypto.RegisterHash(crypto.SHA384, New384)
	crypto.RegisterHash(crypto.SHA512, New)
	crypto.RegisterHash(crypto.SHA512_224, New512_224)
	crypto.RegisterHash(crypto.SHA512_256, New512_256)
}

const (
	// Size is the size, in bytes, of a SHA-512 checksum.
	Size = 64
	// Size224 is the size, in bytes, of a SHA-512/224 checksum.
	Size224 = 28
	// Size256 is the size, in bytes, of a SHA-512/256 checksum.
	Size256 = 32
	// Size384 is the size, in bytes, of a SHA-384 checksum.
	Size384 = 48
	// BlockSize is the block size, in bytes, of the SHA-512 family.
	BlockSize = 128
)

type digest struct {
	h    [8]uint64
	buf  [BlockSize]byte
	nbuf int
	len  uint64
	iv   *[8]uint64
	size int
}

func (d *digest) Reset() {
	d.h = *d.iv
	d.nbuf = 0
	d.len = 0
}

func newDigest(iv *[8]uint64, size int) *digest {
	d := &digest{iv: iv, size: size}
	d.Reset()
	return d
}

// New returns a new hash.Hash computing the SHA-512 checksum.
func New() hash.Hash { return newDigest(&iv512, Size) }

// New384 returns a new hash.Hash computing the SHA-384 checksum.
func New384() hash.Hash { return newDigest(&iv384, Size384) }

// New512_224 returns a new hash.Hash computing the SHA-512/224 checksum.
func New512_224() hash.Hash { return newDigest(&iv512_224, Size224) }

// New512_256 returns a new hash.Hash computing the SHA-512/256 checksum.
func New512_256() hash.Hash { return newDigest(&iv512_256, Size256) }

func (d *digest) Size() int      { return d.size }
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
	return append(in, sum[:d.size]...)
}

// checkSum pads (0x80, zeros to 112 mod 128, the 128-bit bit length) and
// returns the full 64-byte state.
func (d *digest) checkSum() [Size]byte {
	n := d.len
	var pad [BlockSize + 16]byte
	pad[0] = 0x80
	k := 112 - int(n%BlockSize)
	if k <= 0 {
		k += BlockSize
	}
	// The high 64 bits of the length: n>>61; the low: n<<3.
	hi, lo := n>>61, n<<3
	for i := 0; i < 8; i++ {
		pad[k+i] = byte(hi >> (56 - 8*i))
		pad[k+8+i] = byte(lo >> (56 - 8*i))
	}
	d.Write(pad[:k+16])
	var out [Size]byte
	for i, v := range d.h {
		for j := 0; j < 8; j++ {
			out[8*i+j] = byte(v >> (56 - 8*j))
		}
	}
	return out
}

// Sum512 returns the SHA-512 checksum of data.
func Sum512(data []byte) [Size]byte {
	d := newDigest(&iv512, Size)
	d.Write(data)
	return d.checkSum()
}

// Sum384 returns the SHA-384 checksum of data.
func Sum384(data []byte) (sum384 [Size384]byte) {
	d := newDigest(&iv384, Size384)
	d.Write(data)
	full := d.checkSum()
	copy(sum384[:], full[:])
	return
}

// Sum512_224 returns the SHA-512/224 checksum of data.
func Sum512_224(data []byte) (sum224 [Size224]byte) {
	d := newDigest(&iv512_224, Size224)
	d.Write(data)
	full := d.checkSum()
	copy(sum224[:], full[:])
	return
}

// Sum512_256 returns the SHA-512/256 checksum of data.
func Sum512_256(data []byte) (sum256 [Size256]byte) {
	d := newDigest(&iv512_256, Size256)
	d.Write(data)
	full := d.checkSum()
	copy(sum256[:], full[:])
	return
}

func block(h *[8]uint64, p []byte) {
	var w [80]uint64
	for len(p) >= BlockSize {
		for i := 0; i < 16; i++ {
			j := 8 * i
			w[i] = uint64(p[j])<<56 | uint64(p[j+1])<<48 | uint64(p[j+2])<<40 | uint64(p[j+3])<<32 |
				uint64(p[j+4])<<24 | uint64(p[j+5])<<16 | uint64(p[j+6])<<8 | uint64(p[j+7])
		}
		for i := 16; i < 80; i++ {
			v1, v2 := w[i-2], w[i-15]
			s1 := bits.RotateLeft64(v1, -19) ^ bits.RotateLeft64(v1, -61) ^ v1>>6
			s0 := bits.RotateLeft64(v2, -1) ^ bits.RotateLeft64(v2, -8) ^ v2>>7
			w[i] = s1 + w[i-7] + s0 + w[i-16]
		}
		a, b, c, d, e, f, g, hh := h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]
		for i := 0; i < 80; i++ {
			t1 := hh + (bits.RotateLeft64(e, -14) ^ bits.RotateLeft64(e, -18) ^ bits.RotateLeft64(e, -41)) +
				(e&f ^ ^e&g) + sha512K[i] + w[i]
			t2 := (bits.RotateLeft64(a, -28) ^ bits.RotateLeft64(a, -34) ^ bits.RotateLeft64(a, -39)) +
				(a&b ^ a&c ^ b&c)
			hh, g, f, e, d, c, b, a = g, f, e, d+t1, c, b, a, t1+t2
		}
		h[0] += a
		h[1] += b
		h[2] += c
		h[3] += d
		h[4] += e
		h[5] += f
		h[6] += g
		h[7] += hh
		p = p[BlockSize:]
	}
}
