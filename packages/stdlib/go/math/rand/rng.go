// gort standard library: package math/rand (the default Source).
//
// rngSource is an additive lagged Fibonacci generator (Mitchell & Reeds):
// 607 64-bit words, each step adds the word 273 places back into the word
// 607 places back (mod 2^64). Seeding spreads the seed over the vector with
// the Park–Miller "minimal standard" LCG (multiplier 48271, modulus 2^31-1,
// Schrage's method) and XORs in rngCooked, the generator's own state after
// 7.8e12 steps (rng_cooked.go, computed by scripts/gen-rand.mjs). Every
// detail (discarded LCG steps, word assembly, index walk) decides the exact
// sequence a seed produces, which programs print and tests compare.

package rand

const (
	rngLen   = 607
	rngTap   = 273
	rngMask  = 1<<63 - 1
	int32max = 1<<31 - 1
)

// rngSource's state: vec is the lag table; tap and feed walk it downwards.
type rngSource struct {
	tap  int
	feed int
	vec  [rngLen]int64
}

// lcgNext advances the Park–Miller generator one step (x in [1, 2^31-1)).
func lcgNext(x int32) int32 {
	const (
		mult = 48271
		quo  = int32max / mult // 44488
		rem  = int32max % mult // 3399
	)
	x = mult*(x%quo) - rem*(x/quo)
	if x < 0 {
		x += int32max
	}
	return x
}

// Seed sets the generator to the state determined by seed (taken mod
// 2^31-1; 0 maps to a fixed non-zero seed).
func (s *rngSource) Seed(seed int64) {
	s.tap = 0
	s.feed = rngLen - rngTap
	seed %= int32max
	if seed < 0 {
		seed += int32max
	}
	if seed == 0 {
		seed = 89482311
	}
	x := int32(seed)
	for i := -20; i < rngLen; i++ {
		x = lcgNext(x)
		if i < 0 {
			continue
		}
		w := int64(x) << 40
		x = lcgNext(x)
		w ^= int64(x) << 20
		x = lcgNext(x)
		w ^= int64(x)
		s.vec[i] = w ^ rngCooked[i]
	}
}

// Uint64 returns the next 64-bit value of the sequence.
func (s *rngSource) Uint64() uint64 {
	s.tap--
	if s.tap < 0 {
		s.tap += rngLen
	}
	s.feed--
	if s.feed < 0 {
		s.feed += rngLen
	}
	v := s.vec[s.feed] + s.vec[s.tap]
	s.vec[s.feed] = v
	return uint64(v)
}

// Int63 returns the next value with its top bit cleared.
func (s *rngSource) Int63() int64 {
	return int64(s.Uint64() & rngMask)
}
