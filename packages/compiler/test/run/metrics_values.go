// runtime/metrics values that are the same on every machine: goroutine counts, GOMAXPROCS,
// forced GC cycles (runtime.GC and debug.FreeOSMemory), the limiter, the starting stack size.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

func read(names ...string) []uint64 {
	s := make([]metrics.Sample, len(names))
	for i, n := range names {
		s[i].Name = n
	}
	metrics.Read(s)
	out := make([]uint64, len(names))
	for i := range s {
		if s[i].Value.Kind() != metrics.KindUint64 {
			panic("not uint64: " + s[i].Name)
		}
		out[i] = s[i].Value.Uint64()
	}
	return out
}

func main() {
	fmt.Println("goroutines:", read("/sched/goroutines:goroutines")[0])
	block := make(chan bool)
	done := make(chan bool)
	for i := 0; i < 5; i++ {
		go func() {
			<-block
			done <- true
		}()
	}
	runtime.Gosched()
	fmt.Println("goroutines with 5 blocked:", read("/sched/goroutines:goroutines")[0], runtime.NumGoroutine())
	close(block)
	for i := 0; i < 5; i++ {
		<-done
	}
	runtime.GOMAXPROCS(3)
	fmt.Println("gomaxprocs:", read("/sched/gomaxprocs:threads")[0])

	before := read("/gc/cycles/forced:gc-cycles")[0]
	runtime.GC()
	debug.FreeOSMemory()
	after := read("/gc/cycles/forced:gc-cycles", "/gc/cycles/total:gc-cycles", "/gc/cycles/automatic:gc-cycles")
	fmt.Println("forced cycles added:", after[0]-before, "total = forced + automatic:", after[1] == after[0]+after[2])

	fmt.Println("limiter last enabled:", read("/gc/limiter/last-enabled:gc-cycle")[0])
	fmt.Println("cgo calls:", read("/cgo/go-to-c-calls:calls")[0])
	fmt.Println("os stacks:", read("/memory/classes/os-stacks:bytes")[0])

	// After FreeOSMemory the heap's free-but-backed memory is returned: released covers it.
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	r := read("/memory/classes/heap/released:bytes", "/memory/classes/heap/stacks:bytes", "/memory/classes/total:bytes")
	fmt.Println("released > 0:", r[0] > 0, "stacks = StackInuse:", r[1] == ms.StackInuse, "total = Sys:", r[2] == ms.Sys)

	// A large allocation is counted in the +Inf bucket of allocs-by-size.
	h := []metrics.Sample{{Name: "/gc/heap/allocs-by-size:bytes"}}
	metrics.Read(h)
	large0 := h[0].Value.Float64Histogram().Counts[67]
	big := make([]byte, 1<<20)
	metrics.Read(h)
	fmt.Println("large allocations added:", h[0].Value.Float64Histogram().Counts[67]-large0, len(big))
}
