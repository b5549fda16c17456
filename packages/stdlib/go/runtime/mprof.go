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

// StackRecord describes a single execution stack.
type StackRecord struct {
	Stack0 [32]uintptr // stack trace for this record; ends at first 0 entry
}

// Stack returns the stack trace associated with the record, a prefix of
// r.Stack0.
func (r *StackRecord) Stack() []uintptr {
	for i, v := range r.Stack0 {
		if v == 0 {
			return r.Stack0[0:i]
		}
	}
	return r.Stack0[0:]
}

// MemProfileRecord describes the live objects allocated by a particular
// call sequence (stack trace). Counts are the raw samples: one record per
// sampled allocation site, as Go's runtime keeps them.
type MemProfileRecord struct {
	AllocBytes, FreeBytes     int64       // number of bytes allocated, freed
	AllocObjects, FreeObjects int64       // number of objects allocated, freed
	Stack0                    [32]uintptr // stack trace for this record; ends at first 0 entry
}

// InUseBytes returns the number of bytes in use (AllocBytes - FreeBytes).
func (r *MemProfileRecord) InUseBytes() int64 { return r.AllocBytes - r.FreeBytes }

// InUseObjects returns the number of objects in use (AllocObjects - FreeObjects).
func (r *MemProfileRecord) InUseObjects() int64 {
	return r.AllocObjects - r.FreeObjects
}

// Stack returns the stack trace associated with the record, a prefix of
// r.Stack0.
func (r *MemProfileRecord) Stack() []uintptr {
	for i, v := range r.Stack0 {
		if v == 0 {
			return r.Stack0[0:i]
		}
	}
	return r.Stack0[0:]
}

// MemProfile returns a profile of memory allocated and freed per allocation
// site, as of the most recently completed garbage collection. It returns
// the number n of records; when len(p) >= n it copies them into p and
// returns ok = true, otherwise it copies nothing and returns ok = false.
// With inuseZero false, sites whose every sampled allocation was freed are
// left out.
func MemProfile(p []MemProfileRecord, inuseZero bool) (n int, ok bool) {
	n = memProfileFill(p, inuseZero)
	return n, n <= len(p)
}

// memProfileFill counts the records (leaving out fully freed sites unless
// inuseZero) and, when they fit, writes them into p. Returns the count.
func memProfileFill(p []MemProfileRecord, inuseZero bool) int
