package main

// Stress: N goroutines parked at once, then released (issue 5's "1 000 000 goroutines parked
// and released"). Prints the time to start and park them, the time to release them and
// wait for all, and the memory held per parked goroutine: the growth of
// StackInuse+HeapInuse (stacks, closures, channel) and of Sys (everything the runtime
// obtained: G records and sudogs live in persistent memory, counted there).
//
//   gort run bench/sched/parked.go [N]     (default 1000000)
//   go run bench/sched/parked.go [N]

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"
)

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	var before, parked runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)

	release := make(chan struct{})
	var started, done sync.WaitGroup
	started.Add(n)
	done.Add(n)
	t0 := time.Now()
	for i := 0; i < n; i++ {
		go func() {
			started.Done()
			<-release
			done.Done()
		}()
	}
	started.Wait()
	tPark := time.Since(t0)
	runtime.GC()
	runtime.ReadMemStats(&parked)
	if g := runtime.NumGoroutine(); g != n+1 {
		fmt.Println("unexpected goroutine count", g)
	}

	t1 := time.Now()
	close(release)
	done.Wait()
	tRelease := time.Since(t1)

	inuse := func(m *runtime.MemStats) float64 { return float64(m.StackInuse + m.HeapInuse) }
	fmt.Printf("goroutines: %d\n", n)
	fmt.Printf("start+park: %v (%.0f ns/goroutine)\n", tPark.Round(time.Millisecond), float64(tPark.Nanoseconds())/float64(n))
	fmt.Printf("release+wait: %v (%.0f ns/goroutine)\n", tRelease.Round(time.Millisecond), float64(tRelease.Nanoseconds())/float64(n))
	fmt.Printf("per parked goroutine: StackInuse+HeapInuse %.0f B, Sys %.0f B\n",
		(inuse(&parked)-inuse(&before))/float64(n), float64(parked.Sys-before.Sys)/float64(n))
	fmt.Printf("  StackInuse %.0f B, HeapInuse %.0f B\n",
		float64(parked.StackInuse-before.StackInuse)/float64(n), (float64(parked.HeapInuse)-float64(before.HeapInuse))/float64(n))
}
