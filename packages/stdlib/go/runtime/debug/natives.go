// gort standard library: package runtime/debug (runtime-provided functions).
//
// Body-less declarations implemented by gort's runtime
// (packages/runtime/src/debugrt.ts); each is listed in
// packages/stdlib/NATIVES.md.

package debug

// setGCPercent sets GOGC (negative: off) and returns the previous value.
func setGCPercent(percent int) int

// setMemoryLimit sets the soft memory limit in bytes (negative: query
// only) and returns the previous limit.
func setMemoryLimit(limit int64) int64

// setMaxStack sets the largest stack a goroutine may grow to, in bytes,
// and returns the previous limit.
func setMaxStack(bytes int) int

// freeOSMemory runs a full collection, then returns every free heap page
// to the host; the caller then yields once, as after runtime.GC.
func freeOSMemory()
