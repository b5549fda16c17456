// gort standard library: package runtime (profiling rates). The
// profiles themselves are built by gort's runtime (packages/runtime/src/
// prof.ts, profmem.ts) and read through package runtime/pprof.

package runtime

// SetCPUProfileRate sets the CPU profiling rate to hz samples per second
// (hz <= 0 turns profiling off). A rate cannot be changed while a profile
// runs: stop it first. Most programs use runtime/pprof's
// StartCPUProfile instead, which sets 100 Hz.
func SetCPUProfileRate(hz int)

// SetBlockProfileRate controls the fraction of goroutine blocking events
// reported in the blocking profile: on average one event per rate
// nanoseconds spent blocked (1: every event, <= 0: none).
func SetBlockProfileRate(rate int)

// SetMutexProfileFraction makes 1 in rate mutex contention events reported
// in the mutex profile (0: none; a negative rate only reads the current
// value) and returns the previous rate.
func SetMutexProfileFraction(rate int) int
