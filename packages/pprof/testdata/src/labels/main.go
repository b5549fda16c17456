// Command labels writes labels.pprof: a CPU profile where two workers run
// the same function under different pprof labels (worker=a, worker=b).
package main

import (
	"context"
	"os"
	"runtime/pprof"
	"sync"
	"time"
)

var sink [2]uint64

//go:noinline
func spin(slot int, until time.Time) {
	x := uint64(slot + 1)
	for time.Now().Before(until) {
		for i := 0; i < 100000; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
	}
	sink[slot] = x
}

func main() {
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		panic(err)
	}
	until := time.Now().Add(800 * time.Millisecond)
	var wg sync.WaitGroup
	for i, name := range []string{"a", "b"} {
		wg.Add(1)
		go func(i int, name string) {
			defer wg.Done()
			pprof.Do(context.Background(), pprof.Labels("worker", name), func(context.Context) {
				spin(i, until)
			})
		}(i, name)
	}
	wg.Wait()
	pprof.StopCPUProfile()
	f.Close()
}
