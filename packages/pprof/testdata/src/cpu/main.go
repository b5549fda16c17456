// Command cpu writes cpu.pprof: a CPU profile of three hot functions with
// different costs (about 3:2:1), so the top of `pprof -top` is stable.
package main

import (
	"os"
	"runtime/pprof"
	"time"
)

var sink uint64

//go:noinline
func hashLoop(n int) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < n; i++ {
		h ^= uint64(i)
		h *= 1099511628211
	}
	return h
}

//go:noinline
func heavy() { sink += hashLoop(3_000_000) }

//go:noinline
func medium() { sink += hashLoop(2_000_000) }

//go:noinline
func light() {
	s := 0.0
	for i := 1; i < 1_000_000; i++ {
		s += 1.0 / float64(i)
	}
	sink += uint64(s)
}

func main() {
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		panic(err)
	}
	end := time.Now().Add(1500 * time.Millisecond)
	for time.Now().Before(end) {
		heavy()
		medium()
		light()
	}
	pprof.StopCPUProfile()
	f.Close()
}
