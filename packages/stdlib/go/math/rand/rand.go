// gort standard library: package math/rand.
//
// Pseudo-random numbers with Go 1.19's exact sequences: the same source
// (rng.go), the same way of turning source words into ints, floats,
// permutations and bytes, and the top-level functions drawing from a
// locked source seeded with 1 (Go 1.19 does not seed it randomly).

package rand

import "sync"

// A Source produces uniformly distributed non-negative int64 values.
// Sources are not safe for concurrent use.
type Source interface {
	Int63() int64
	Seed(seed int64)
}

// A Source64 also produces full 64-bit values.
type Source64 interface {
	Source
	Uint64() uint64
}

// NewSource returns a new Source seeded with seed (not safe for concurrent
// use, unlike the top-level functions' source).
func NewSource(seed int64) Source {
	s := new(rngSource)
	s.Seed(seed)
	return s
}

// A Rand is a source of random numbers.
type Rand struct {
	src Source
	s64 Source64 // src as a Source64, or nil

	// Read hands out the bytes of one Int63 value at a time: readVal holds
	// the bytes not yet returned, readPos how many remain.
	readVal int64
	readPos int8
}

// New returns a Rand drawing from src.
func New(src Source) *Rand {
	s64, _ := src.(Source64)
	return &Rand{src: src, s64: s64}
}

// Seed reseeds the source; Read's pending bytes are dropped.
func (r *Rand) Seed(seed int64) {
	if ls, ok := r.src.(*lockedSource); ok {
		ls.seedAndReset(seed, &r.readPos)
		return
	}
	r.src.Seed(seed)
	r.readPos = 0
}

// Int63 returns a non-negative 63-bit integer.
func (r *Rand) Int63() int64 { return r.src.Int63() }

// Uint32 returns a 32-bit value (the top bits of an Int63).
func (r *Rand) Uint32() uint32 { return uint32(r.Int63() >> 31) }

// Uint64 returns a 64-bit value.
func (r *Rand) Uint64() uint64 {
	if r.s64 != nil {
		return r.s64.Uint64()
	}
	lo := uint64(r.Int63()) >> 31
	return lo | uint64(r.Int63())<<32
}

// Int31 returns a non-negative 31-bit integer.
func (r *Rand) Int31() int32 { return int32(r.Int63() >> 32) }

// Int returns a non-negative int.
func (r *Rand) Int() int {
	u := uint(r.Int63())
	return int(u << 1 >> 1)
}

// Int63n returns an integer in [0, n); it panics if n <= 0.
func (r *Rand) Int63n(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int63n")
	}
	if n&(n-1) == 0 {
		return r.Int63() & (n - 1)
	}
	// Reject the top partial block so every residue is equally likely.
	limit := int64(1<<63 - 1 - (1<<63)%uint64(n))
	v := r.Int63()
	for v > limit {
		v = r.Int63()
	}
	return v % n
}

// Int31n returns an integer in [0, n); it panics if n <= 0.
func (r *Rand) Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	if n&(n-1) == 0 {
		return r.Int31() & (n - 1)
	}
	limit := int32(1<<31 - 1 - (1<<31)%uint32(n))
	v := r.Int31()
	for v > limit {
		v = r.Int31()
	}
	return v % n
}

// int31nFast returns an integer in [0, n) by Lemire's multiply-and-reject
// method (used by Shuffle; n > 0).
func (r *Rand) int31nFast(n int32) int32 {
	prod := uint64(r.Uint32()) * uint64(n)
	if uint32(prod) < uint32(n) {
		thresh := uint32(-n) % uint32(n)
		for uint32(prod) < thresh {
			prod = uint64(r.Uint32()) * uint64(n)
		}
	}
	return int32(prod >> 32)
}

// Intn returns an integer in [0, n); it panics if n <= 0.
func (r *Rand) Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	if n <= 1<<31-1 {
		return int(r.Int31n(int32(n)))
	}
	return int(r.Int63n(int64(n)))
}

// Float64 returns a float64 in [0.0, 1.0).
func (r *Rand) Float64() float64 {
	for {
		f := float64(r.Int63()) / (1 << 63)
		if f != 1 { // rounding can give exactly 1: draw again
			return f
		}
	}
}

// Float32 returns a float32 in [0.0, 1.0).
func (r *Rand) Float32() float32 {
	for {
		f := float32(r.Float64())
		if f != 1 {
			return f
		}
	}
}

// Perm returns a random permutation of [0, n).
func (r *Rand) Perm(n int) []int {
	m := make([]int, n)
	// Inside-out Fisher–Yates.
	for i := 0; i < n; i++ {
		j := r.Intn(i + 1)
		m[i] = m[j]
		m[j] = i
	}
	return m
}

// Shuffle randomises the order of n elements through swap; it panics if
// n < 0.
func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	i := n - 1
	for ; i > 1<<31-1-1; i-- {
		swap(i, int(r.Int63n(int64(i+1))))
	}
	for ; i > 0; i-- {
		swap(i, int(r.int31nFast(int32(i+1))))
	}
}

// Read fills p with random bytes; it always returns len(p), nil.
func (r *Rand) Read(p []byte) (n int, err error) {
	if ls, ok := r.src.(*lockedSource); ok {
		ls.mu.Lock()
		n = readBytes(p, ls.src, &r.readVal, &r.readPos)
		ls.mu.Unlock()
		return n, nil
	}
	return readBytes(p, r.src, &r.readVal, &r.readPos), nil
}

// readBytes fills p with the low 7 bytes of successive Int63 values, lowest
// byte first, continuing from the pending bytes in *val/*pos.
func readBytes(p []byte, src Source, val *int64, pos *int8) int {
	v, k := *val, *pos
	for i := range p {
		if k == 0 {
			v = src.Int63()
			k = 7
		}
		p[i] = byte(v)
		v >>= 8
		k--
	}
	*val, *pos = v, k
	return len(p)
}

// lockedSource is the top-level functions' source, safe for concurrent use.
type lockedSource struct {
	mu  sync.Mutex
	src *rngSource
}

func (s *lockedSource) Int63() int64 {
	s.mu.Lock()
	v := s.src.Int63()
	s.mu.Unlock()
	return v
}

func (s *lockedSource) Uint64() uint64 {
	s.mu.Lock()
	v := s.src.Uint64()
	s.mu.Unlock()
	return v
}

func (s *lockedSource) Seed(seed int64) {
	s.mu.Lock()
	s.src.Seed(seed)
	s.mu.Unlock()
}

// seedAndReset reseeds and drops the owning Rand's pending Read bytes under
// the same lock.
func (s *lockedSource) seedAndReset(seed int64, readPos *int8) {
	s.mu.Lock()
	s.src.Seed(seed)
	*readPos = 0
	s.mu.Unlock()
}

func newGlobalSource() *lockedSource {
	src := new(rngSource)
	src.Seed(1)
	return &lockedSource{src: src}
}

var globalRand = New(newGlobalSource())

// Seed reseeds the top-level functions' source (seeded with 1 at start).
func Seed(seed int64) { globalRand.Seed(seed) }

// The top-level functions draw from the shared source.

func Int63() int64                       { return globalRand.Int63() }
func Uint32() uint32                     { return globalRand.Uint32() }
func Uint64() uint64                     { return globalRand.Uint64() }
func Int31() int32                       { return globalRand.Int31() }
func Int() int                           { return globalRand.Int() }
func Int63n(n int64) int64               { return globalRand.Int63n(n) }
func Int31n(n int32) int32               { return globalRand.Int31n(n) }
func Intn(n int) int                     { return globalRand.Intn(n) }
func Float64() float64                   { return globalRand.Float64() }
func Float32() float32                   { return globalRand.Float32() }
func Perm(n int) []int                   { return globalRand.Perm(n) }
func Shuffle(n int, swap func(i, j int)) { globalRand.Shuffle(n, swap) }
func Read(p []byte) (n int, err error)   { return globalRand.Read(p) }
func NormFloat64() float64               { return globalRand.NormFloat64() }
func ExpFloat64() float64                { return globalRand.ExpFloat64() }
