package main

// Package time on the scheduler's timers: Sleep, Duration.String, Now/Since/Sub, After,
// NewTimer Stop/Reset, Ticker, AfterFunc, select with a timeout, Tick.

import (
	"runtime"
	"time"
)

func main() {
	for _, d := range []time.Duration{0, 1, 1500, time.Millisecond, 1500 * time.Millisecond, 90 * time.Second, time.Hour, -2 * time.Minute, 1<<63 - 1} {
		println(d.String())
	}
	println((1500 * time.Millisecond).Milliseconds(), time.Duration(2500*time.Millisecond).Seconds())

	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	el := time.Since(start)
	println("slept", el >= 20*time.Millisecond, el < 2*time.Second)
	t2 := time.Now()
	println("sub", t2.Sub(start) >= el, t2.After(start), start.Before(t2), !start.Equal(t2))

	// After wins over a channel nobody sends on
	never := make(chan int)
	select {
	case <-never:
		println("bad")
	case <-time.After(10 * time.Millisecond):
		println("timeout")
	}

	// a stopped timer never fires; Reset re-arms it
	tm := time.NewTimer(time.Hour)
	println("stop", tm.Stop(), tm.Stop())
	println("reset", tm.Reset(5*time.Millisecond))
	<-tm.C
	println("fired")

	// AfterFunc runs in its own goroutine
	done := make(chan string)
	time.AfterFunc(5*time.Millisecond, func() { done <- "afterfunc" })
	println(<-done)
	stopped := time.AfterFunc(time.Hour, func() { println("bad") })
	println("afterfunc stop", stopped.Stop())

	// a ticker ticks until stopped
	tk := time.NewTicker(2 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			break
		}
	}
	tk.Stop()
	println("ticks", n)
	tick := time.Tick(time.Millisecond)
	<-tick
	<-tick
	println("tick", time.Tick(0) == nil)

	// goroutines sleeping different times wake in deadline order
	order := make(chan int, 3)
	for _, ms := range []int{30, 10, 20} {
		go func(ms int) {
			time.Sleep(time.Duration(ms) * time.Millisecond)
			order <- ms
		}(ms)
	}
	a := <-order
	b := <-order
	c := <-order
	println(a, b, c)
	println("goroutines", runtime.NumGoroutine())
}
