package main

// Package runtime's scheduler functions: Gosched hands the processor over, NumGoroutine counts
// live goroutines, GOMAXPROCS reports and records its setting, GC runs a cycle, Goexit ends
// only the calling goroutine.

import "runtime"

func main() {
	println("procs", runtime.GOMAXPROCS(0) == runtime.NumCPU(), runtime.NumCPU() > 0)
	println("set", runtime.GOMAXPROCS(4) == runtime.NumCPU(), runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)

	done := make(chan bool)
	for i := 0; i < 3; i++ {
		go func(i int) {
			for j := 0; j < 2; j++ {
				println("g", i, j)
				runtime.Gosched()
			}
			done <- true
		}(i)
	}
	println("goroutines", runtime.NumGoroutine())
	for i := 0; i < 3; i++ {
		<-done
	}
	runtime.GC()
	println("goroutines", runtime.NumGoroutine())

	go func() {
		defer func() { done <- true }()
		runtime.Goexit()
		println("not reached")
	}()
	<-done
	x := new(int)
	runtime.KeepAlive(x)
	println("end", runtime.NumGoroutine())
}
