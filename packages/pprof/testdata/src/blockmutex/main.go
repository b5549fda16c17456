// Command blockmutex writes block.pprof and mutex.pprof: goroutines
// contending for one mutex and waiting on a channel.
package main

import (
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"
)

var mu sync.Mutex
var counter int

//go:noinline
func lockedWork() {
	mu.Lock()
	time.Sleep(200 * time.Microsecond)
	counter++
	mu.Unlock()
}

//go:noinline
func waitOnChannel(c chan int) int { return <-c }

func main() {
	runtime.SetBlockProfileRate(1)
	runtime.SetMutexProfileFraction(1)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				lockedWork()
			}
		}()
	}
	c := make(chan int)
	go func() {
		for i := 0; i < 20; i++ {
			time.Sleep(time.Millisecond)
			c <- i
		}
	}()
	for i := 0; i < 20; i++ {
		waitOnChannel(c)
	}
	wg.Wait()
	for _, name := range []string{"block", "mutex"} {
		f, err := os.Create(os.Args[1] + "/" + name + ".pprof")
		if err != nil {
			panic(err)
		}
		if err := pprof.Lookup(name).WriteTo(f, 0); err != nil {
			panic(err)
		}
		f.Close()
	}
}
