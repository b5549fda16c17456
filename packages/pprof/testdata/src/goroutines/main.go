// Command goroutines writes goroutine.pprof (parked goroutines, some with
// pprof labels), threadcreate.pprof (a sample without a stack) and
// allocs.pprof (the allocs profile, whose default sample type is alloc_space).
package main

import (
	"context"
	"os"
	"runtime/pprof"
	"sync"
)

var keep [][]byte

//go:noinline
func waiter(wg *sync.WaitGroup, c chan int) {
	wg.Done()
	<-c
}

//go:noinline
func allocate() {
	for i := 0; i < 200; i++ {
		keep = append(keep, make([]byte, 8192))
	}
}

func main() {
	allocate()
	var wg sync.WaitGroup
	c := make(chan int)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go waiter(&wg, c)
	}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go pprof.Do(context.Background(), pprof.Labels("role", "labelled"), func(context.Context) { waiter(&wg, c) })
	}
	wg.Wait()
	for _, name := range []string{"goroutine", "threadcreate", "allocs"} {
		f, err := os.Create(os.Args[1] + "/" + name + ".pprof")
		if err != nil {
			panic(err)
		}
		if err := pprof.Lookup(name).WriteTo(f, 0); err != nil {
			panic(err)
		}
		f.Close()
	}
	close(c)
}
