package main

import (
	"fmt"
	"os"
	"syscall"
)

// Ping-pong over two unbuffered channels: 2 handoffs per round trip (same shape as
// packages/runtime/src/sched-programs.ts pingPong).
func main() {
	const n = 1000000
	c1, c2 := make(chan int), make(chan int)
	go func() {
		for {
			v := <-c1
			if v < 0 {
				return
			}
			c2 <- v + 1
		}
	}()
	t := cpuNow()
	count := 0
	for i := 0; i < n; i++ {
		c1 <- i
		if <-c2 == i+1 {
			count++
		}
	}
	c1 <- -1
	fmt.Fprintf(os.Stderr, "%d ns\n", cpuNow()-t)
	fmt.Println(count)
}

func cpuNow() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
