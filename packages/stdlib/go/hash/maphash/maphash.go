// gort standard library: package hash/maphash (Go 1.19 API).
//
// Seeded 64-bit hashing of byte strings, as Go's maps do it: values are
// stable for one seed within one process and random across seeds (seeds come
// from the host's CSPRNG through the native randUint64). The exact values
// differ from Go's (Go's depend on its random seed and its runtime hash; no
// program can rely on them).
//
// Input is hashed in 128-byte blocks, each block's hash seeding the next, so
// Bytes, String and any sequence of writes of the same bytes agree. A block
// is hashed 8 bytes at a time with a multiply-fold mix (the 128-bit product
// of two 64-bit words, high half XOR low half), the same construction as
// wyhash.

package maphash

import "math/bits"

// A Seed selects a hash function; use MakeSeed.
type Seed struct {
	s uint64
}

// randUint64 returns random bits from the host (stdnatives.ts).
func randUint64() uint64

// MakeSeed returns a new random seed.
func MakeSeed() Seed {
	var s uint64
	for s == 0 {
		s = randUint64()
	}
	return Seed{s: s}
}

const bufSize = 128

// A Hash computes a seeded hash of a byte sequence. The zero Hash picks a
// random seed on first use.
type Hash struct {
	_     [0]func() // not comparable
	seed  Seed
	state Seed // hash of the flushed blocks
	buf   [bufSize]byte
	n     int // bytes in buf
}

func (h *Hash) initSeed() {
	if h.seed.s == 0 {
		seed := MakeSeed()
		h.seed = seed
		h.state = seed
	}
}

// WriteByte adds b to the sequence; it never fails.
func (h *Hash) WriteByte(b byte) error {
	if h.n == len(h.buf) {
		h.flush()
	}
	h.buf[h.n] = b
	h.n++
	return nil
}

// Write adds b to the sequence; it always writes all of b.
func (h *Hash) Write(b []byte) (int, error) {
	size := len(b)
	if h.n > 0 && h.n <= bufSize {
		k := copy(h.buf[h.n:], b)
		h.n += k
		b = b[k:]
		if len(b) == 0 {
			return size, nil
		}
		h.flush()
	}
	if len(b) > bufSize {
		h.initSeed()
		for len(b) > bufSize {
			h.state.s = blockHash(b[:bufSize], h.state.s)
			b = b[bufSize:]
		}
	}
	h.n = copy(h.buf[:], b)
	return size, nil
}

// WriteString adds the bytes of s to the sequence.
func (h *Hash) WriteString(s string) (int, error) {
	return h.Write([]byte(s))
}

// Seed returns h's seed (choosing one if h has none).
func (h *Hash) Seed() Seed {
	h.initSeed()
	return h.seed
}

// SetSeed sets h's seed and resets it; seed must come from MakeSeed.
func (h *Hash) SetSeed(seed Seed) {
	if seed.s == 0 {
		panic("maphash: use of uninitialized Seed")
	}
	h.seed = seed
	h.state = seed
	h.n = 0
}

// Reset discards the bytes added so far (the seed stays).
func (h *Hash) Reset() {
	h.initSeed()
	h.state = h.seed
	h.n = 0
}

// flush hashes the full buffer into the state.
func (h *Hash) flush() {
	if h.n != len(h.buf) {
		panic("maphash: flush of partially full buffer")
	}
	h.initSeed()
	h.state.s = blockHash(h.buf[:h.n], h.state.s)
	h.n = 0
}

// Sum64 returns the hash of the bytes added so far.
func (h *Hash) Sum64() uint64 {
	h.initSeed()
	return blockHash(h.buf[:h.n], h.state.s)
}

// Sum appends the big-endian Sum64 to b.
func (h *Hash) Sum(b []byte) []byte {
	x := h.Sum64()
	return append(b, byte(x>>56), byte(x>>48), byte(x>>40), byte(x>>32),
		byte(x>>24), byte(x>>16), byte(x>>8), byte(x))
}

// Size returns 8, the size of Sum's result.
func (h *Hash) Size() int { return 8 }

// BlockSize returns the size of h's internal buffer.
func (h *Hash) BlockSize() int { return len(h.buf) }

// Bytes returns the hash of b with seed, as a Hash would compute it.
func Bytes(seed Seed, b []byte) uint64 {
	state := seed.s
	if state == 0 {
		panic("maphash: use of uninitialized Seed")
	}
	for len(b) > bufSize {
		state = blockHash(b[:bufSize], state)
		b = b[bufSize:]
	}
	return blockHash(b, state)
}

// String returns the hash of s with seed, as a Hash would compute it.
func String(seed Seed, s string) uint64 {
	return Bytes(seed, []byte(s))
}

const (
	m1 = 0xa0761d6478bd642f
	m2 = 0xe7037ed1a0b428db
	m3 = 0x8ebc6af09c88c6e3
	m4 = 0x589965cc75374cc3
)

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

func le64(b []byte) uint64 {
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// blockHash hashes up to one block of b starting from seed.
func blockHash(b []byte, seed uint64) uint64 {
	if len(b) == 0 {
		return seed
	}
	h := seed ^ mix(uint64(len(b))^m1, m2)
	for len(b) >= 8 {
		h = mix(h^le64(b), m3) + m1
		b = b[8:]
	}
	if len(b) > 0 {
		var tail uint64
		for i, c := range b {
			tail |= uint64(c) << (8 * i)
		}
		h = mix(h^tail^m4, m3)
	}
	return mix(h, m2^seed)
}
