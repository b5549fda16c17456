package main

// runtime.GOMAXPROCS resizes the Ps and returns the previous count; goroutines queued on
// the Ps keep running across changes; LockOSThread/UnlockOSThread nest; a goroutine that
// exits (returns or Goexits) while locked ends cleanly.

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println(runtime.GOMAXPROCS(0) == runtime.NumCPU(), runtime.NumCPU() > 0)
	fmt.Println(runtime.GOMAXPROCS(3) == runtime.NumCPU(), runtime.GOMAXPROCS(0))
	fmt.Println(runtime.GOMAXPROCS(-1), runtime.GOMAXPROCS(0))
	fmt.Println(runtime.GOMAXPROCS(1))

	// Goroutines queued before a resize still run after it.
	var wg sync.WaitGroup
	results := make([]int, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = i * i
		}(i)
	}
	runtime.GOMAXPROCS(4)
	runtime.GOMAXPROCS(1)
	wg.Wait()
	fmt.Println(results)

	runtime.LockOSThread()
	runtime.LockOSThread()
	runtime.UnlockOSThread()
	runtime.UnlockOSThread()
	runtime.UnlockOSThread() // no-op when not locked

	done := make(chan string)
	go func() {
		runtime.LockOSThread()
		done <- "locked goroutine returns"
	}()
	fmt.Println(<-done)
	go func() {
		defer func() { done <- "locked goroutine Goexits, defers run" }()
		runtime.LockOSThread()
		runtime.Goexit()
	}()
	fmt.Println(<-done)
	fmt.Println("goroutines", runtime.NumGoroutine())
}
