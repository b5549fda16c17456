// gort standard library: package crypto/rand (random big integers).

package rand

import (
	"io"
	"math/big"
)

// Int returns a uniform random value in [0, max); it panics if max <= 0.
// Candidates are drawn from just enough random bytes (the top byte masked
// to max-1's bit length) and rejected until one is below max.
func Int(rand io.Reader, max *big.Int) (n *big.Int, err error) {
	if max.Sign() <= 0 {
		panic("crypto/rand: argument to Int is <= 0")
	}
	n = new(big.Int)
	n.Sub(max, n.SetUint64(1))
	bitLen := n.BitLen()
	if bitLen == 0 {
		return // 0 is the only value below 1
	}
	k := (bitLen + 7) / 8
	b := uint(bitLen % 8)
	if b == 0 {
		b = 8
	}
	buf := make([]byte, k)
	for {
		if _, err = io.ReadFull(rand, buf); err != nil {
			return nil, err
		}
		buf[0] &= uint8(int(1<<b) - 1)
		n.SetBytes(buf)
		if n.Cmp(max) < 0 {
			return
		}
	}
}
