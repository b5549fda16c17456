package main

// Stress: N goroutines parked at once, then released (issue 5's "1 000 000 goroutines parked
// and released"). Prints the time to start and park them, the time to release them and
// wait for all, and the memory held per parked goroutine: the growth of
// StackInuse+HeapInuse (stacks, closures) and of Sys (everything the runtime obtained; gort's
// G records and sudogs live in persistent memory, counted in OtherSys).
//
//   gort run bench/sched/parked.go [N]     (default 1000000)
//   go run bench/sched/parked.go [N]
//
// The measuring functions keep small frames: Go 1.19 sizes new goroutine stacks by the
// average stack use the GC scanned (adaptivestackstart); Go's runtime goroutines (forcegc,
// bgsweep, …) dilute that average, gort has none, so a big main frame would inflate every new
// stack and measure main rather than the goroutines.

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

var (
	before, parked  runtime.MemStats
	tPark, tRelease time.Duration
	started         int32
	release         = make(chan struct{})
	done            sync.WaitGroup
)

func park(n int) {
	done.Add(n)
	t0 := time.Now()
	for i := 0; i < n; i++ {
		go func() {
			atomic.AddInt32(&started, 1)
			<-release
			done.Done()
		}()
	}
	for atomic.LoadInt32(&started) != int32(n) {
		runtime.Gosched()
	}
	tPark = time.Since(t0)
}

func unpark() {
	t1 := time.Now()
	close(release)
	done.Wait()
	tRelease = time.Since(t1)
}

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	runtime.GC()
	runtime.ReadMemStats(&before)
	park(n)
	runtime.GC()
	runtime.ReadMemStats(&parked)
	if g := runtime.NumGoroutine(); g != n+1 {
		fmt.Println("unexpected goroutine count", g)
	}
	unpark()
	report(n)
}

func report(n int) {
	d := func(a, b uint64) float64 { return (float64(b) - float64(a)) / float64(n) }
	fmt.Printf("goroutines: %d\n", n)
	fmt.Printf("start+park: %v (%.0f ns/goroutine)\n", tPark.Round(time.Millisecond), float64(tPark.Nanoseconds())/float64(n))
	fmt.Printf("release+wait: %v (%.0f ns/goroutine)\n", tRelease.Round(time.Millisecond), float64(tRelease.Nanoseconds())/float64(n))
	fmt.Printf("per parked goroutine: StackInuse+HeapInuse %.0f B, Sys %.0f B\n",
		d(before.StackInuse+before.HeapInuse, parked.StackInuse+parked.HeapInuse), d(before.Sys, parked.Sys))
	fmt.Printf("  StackInuse %.0f B, HeapInuse %.0f B; StackSys %.0f, HeapSys %.0f, OtherSys %.0f, MSpanSys %.0f, GCSys %.0f\n",
		d(before.StackInuse, parked.StackInuse), d(before.HeapInuse, parked.HeapInuse),
		d(before.StackSys, parked.StackSys), d(before.HeapSys, parked.HeapSys), d(before.OtherSys, parked.OtherSys),
		d(before.MSpanSys, parked.MSpanSys), d(before.GCSys, parked.GCSys))
}
