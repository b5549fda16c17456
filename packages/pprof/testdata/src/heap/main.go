// Command heap writes heap.pprof: a heap profile where bigAlloc keeps the
// most memory, smallAlloc allocates many small objects, and churn allocates
// garbage that is freed (alloc_space but little inuse_space).
package main

import (
	"os"
	"runtime"
	"runtime/pprof"
)

var keep [][]byte

//go:noinline
func bigAlloc() {
	for i := 0; i < 64; i++ {
		keep = append(keep, make([]byte, 256<<10))
	}
}

//go:noinline
func smallAlloc() {
	for i := 0; i < 100000; i++ {
		keep = append(keep, make([]byte, 64))
	}
}

//go:noinline
func churn() {
	for i := 0; i < 2000; i++ {
		b := make([]byte, 16<<10)
		b[0] = byte(i)
	}
}

func main() {
	bigAlloc()
	smallAlloc()
	churn()
	runtime.GC()
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		panic(err)
	}
	f.Close()
	runtime.KeepAlive(keep)
}
