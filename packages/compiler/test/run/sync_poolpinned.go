// sync.Pool's cleanup at the start of each GC cycle must not run while a goroutine is inside
// procPin (Go: a pinned goroutine is never stopped for a collection). Pools made while
// collections run often (GOGC=1): a cycle that starts in pinSlow's allocation, between
// "allPools = append(allPools, p)" and "p.local = locals", would leave p off allPools with live
// locals, so its items would never be dropped.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
)

var sink [][]byte

func main() {
	debug.SetGCPercent(1)
	pools := make([]*sync.Pool, 3000)
	for i := range pools {
		pools[i] = &sync.Pool{}
		sink = append(sink, make([]byte, 64)) // keep the collector busy
		pools[i].Put(i)                        // pinSlow: the pool's first locals
	}
	runtime.GC()
	runtime.GC()
	kept := 0
	for _, p := range pools {
		if p.Get() != nil {
			kept++
		}
	}
	fmt.Println("items kept over two collections:", kept)
}
