// gort standard library: package runtime (memory statistics).

package runtime

// MemStats records statistics about gort's memory allocator and
// collector, with Go's field meanings (packages/runtime/src/mstats.ts
// computes them from the runtime's counters).
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// ReadMemStats fills m with the current statistics (the allocation
// caches are flushed first, so every allocation so far is counted).
func ReadMemStats(m *MemStats) {
	m.Lookups = 0 // a nil m panics here, as in Go
	readmemstats(m)
}

// readmemstats writes the statistics at m in MemStats' layout
// (packages/runtime/src/mstatsnative.ts).
func readmemstats(m *MemStats)
