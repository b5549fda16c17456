// gort standard library: package runtime/debug.

// Package debug lets a program tune and inspect gort's runtime: GC
// settings, stack limits, stack traces, GC statistics.
package debug

import (
	"os"
	"runtime"
	"sort"
	"time"
)

// SetGCPercent sets the GC target percentage (GOGC): a collection starts
// when the heap has grown by percent% over the live heap of the last one.
// A negative value turns the collector off. It returns the previous
// setting (initially GOGC from the environment, or 100).
func SetGCPercent(percent int) int {
	return setGCPercent(percent)
}

// SetMemoryLimit sets a soft limit on the runtime's total memory, in
// bytes, and returns the previous limit. A negative limit changes nothing
// and only reports the current one (initially GOMEMLIMIT, or math.MaxInt64).
func SetMemoryLimit(limit int64) int64 {
	return setMemoryLimit(limit)
}

// SetMaxStack sets the largest size, in bytes, one goroutine's stack may
// grow to (exceeding it is a fatal "stack overflow") and returns the
// previous limit (initially 1 GB).
func SetMaxStack(bytes int) int {
	return setMaxStack(bytes)
}

// FreeOSMemory forces a garbage collection and then returns as much
// memory as it can to the host.
func FreeOSMemory() {
	freeOSMemory()
}

// Stack returns a traceback of the calling goroutine, formatted as a
// panic prints it.
func Stack() []byte {
	buf := make([]byte, 1024)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// PrintStack writes the traceback returned by Stack to standard error.
func PrintStack() {
	os.Stderr.Write(Stack())
}

// GCStats summarises the collector's recent activity.
type GCStats struct {
	LastGC         time.Time       // end of the last collection
	NumGC          int64           // collections completed
	PauseTotal     time.Duration   // total stop-the-world pause time
	Pause          []time.Duration // recent pauses, newest first
	PauseEnd       []time.Time     // when each recent pause ended, newest first
	PauseQuantiles []time.Duration // filled when non-empty: min, quantiles, max
}

// ReadGCStats fills stats from the runtime's memory statistics. Pause and
// PauseEnd keep their storage when large enough and hold at most the last
// 256 pauses. If PauseQuantiles has n+1 > 1 elements it receives the
// minimum pause, the i/n quantiles, and the maximum.
func ReadGCStats(stats *GCStats) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	ring := len(m.PauseNs)
	count := int(m.NumGC)
	if count > ring {
		count = ring
	}
	stats.NumGC = int64(m.NumGC)
	stats.PauseTotal = time.Duration(m.PauseTotalNs)
	stats.LastGC = time.Time{}
	if m.NumGC > 0 {
		stats.LastGC = time.Unix(0, int64(m.LastGC))
	}
	if cap(stats.Pause) < count {
		stats.Pause = make([]time.Duration, count)
	}
	stats.Pause = stats.Pause[:count]
	if cap(stats.PauseEnd) < count {
		stats.PauseEnd = make([]time.Time, count)
	}
	stats.PauseEnd = stats.PauseEnd[:count]
	// Cycle k (1-based) stored its pause at index (k-1) % 256.
	for i := 0; i < count; i++ {
		slot := (int(m.NumGC) - 1 - i) % ring
		stats.Pause[i] = time.Duration(m.PauseNs[slot])
		stats.PauseEnd[i] = time.Unix(0, int64(m.PauseEnd[slot]))
	}
	if q := len(stats.PauseQuantiles); q > 0 {
		sorted := make([]time.Duration, count)
		copy(sorted, stats.Pause)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
		for i := range stats.PauseQuantiles {
			stats.PauseQuantiles[i] = 0
			if count == 0 {
				continue
			}
			idx := count - 1
			if i < q-1 {
				idx = count * i / (q - 1)
			}
			stats.PauseQuantiles[i] = sorted[idx]
		}
	}
}
