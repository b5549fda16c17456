// gort standard library: package crypto/rand.
//
// Reader draws from the host's cryptographically secure generator (Node's
// crypto.randomFillSync, which reads the operating system's CSPRNG) through
// the native getRandom, filling the Go slice in linear memory directly.
// Int is in util.go; Prime is not provided yet.

package rand

import "io"

// Reader is the shared instance of a cryptographically secure random
// number generator.
var Reader io.Reader = &hostReader{}

type hostReader struct{}

// maxChunk bounds one host call (Linux's getrandom returns at most 32 MiB).
const maxChunk = 1 << 25

func (r *hostReader) Read(b []byte) (n int, err error) {
	for n < len(b) {
		k := len(b) - n
		if k > maxChunk {
			k = maxChunk
		}
		getRandom(b[n : n+k])
		n += k
	}
	return n, nil
}

// getRandom fills p with random bytes from the host (stdnatives.ts).
func getRandom(p []byte)

// Read fills b with random bytes from Reader (io.ReadFull): n == len(b)
// exactly when err == nil.
func Read(b []byte) (n int, err error) {
	return io.ReadFull(Reader, b)
}
