// cpuprof.go: writes a Go 1.19 execution trace (to os.Args[1]) while a CPU profile runs, so the
// trace holds CPUSample events (their own batch, re-sorted by the sample's own tick) next to
// two CPU-bound goroutines on 2 Ps. Run: ./cpuprof cpuprof.trace
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"
)

func spin(d time.Duration) int {
	n := 0
	for end := time.Now().Add(d); time.Now().Before(end); n++ {
	}
	return n
}

func main() {
	runtime.GOMAXPROCS(2)
	prof, err := os.CreateTemp("", "cpuprof")
	if err != nil {
		panic(err)
	}
	defer os.Remove(prof.Name())
	if err := pprof.StartCPUProfile(prof); err != nil {
		panic(err)
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	var wg sync.WaitGroup
	res := make([]int, 2)
	for i := range res {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			res[i] = spin(60 * time.Millisecond)
		}(i)
	}
	wg.Wait()
	trace.Stop()
	pprof.StopCPUProfile()
	f.Close()
	fmt.Println(res[0] > 0 && res[1] > 0)
}
