package main

// A goroutine spinning in an empty `for {}` (and in a loop with an empty body on a
// condition nobody changes) must not keep main from running, printing and exiting:
// gort preempts at loop back-edges through its safe-point budget, Go 1.19 with async
// preemption.

import (
	"fmt"
	"runtime"
	"time"
)

var stop bool

func spin() {
	for {
	}
}

func spinOn() {
	for !stop {
	}
}

func main() {
	fmt.Println("procs", runtime.GOMAXPROCS(1) == runtime.NumCPU())
	go spin()
	go spinOn()
	runtime.Gosched()
	fmt.Println("after Gosched")
	time.Sleep(20 * time.Millisecond)
	fmt.Println("after Sleep")
	done := make(chan int)
	go func() {
		done <- 42
	}()
	fmt.Println("received", <-done)
}
