// gort standard library: package crypto/sha256 (runtime-provided block
// function; packages/runtime/src/stdnatives.ts, listed in NATIVES.md).

package sha256

// blockNative does what blockGeneric does, as a native: hashing is a tight
// loop of 32-bit operations that runs thousands of times faster outside the
// interpreter. len(p) must be a multiple of BlockSize.
func blockNative(s *[8]uint32, p []byte)

// block processes whole 64-byte blocks of p.
func block(s *[8]uint32, p []byte) {
	if n := len(p) &^ (BlockSize - 1); n > 0 {
		blockNative(s, p[:n])
	}
}
