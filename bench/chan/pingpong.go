// Channel handoff cost in compiled Go: two goroutines bounce a counter over two unbuffered
// channels. Prints ns per handoff (one send+receive pair; a round trip is two handoffs).
// Run with gort (node scripts/dev-gort.mjs run bench/chan/pingpong.go [N]) and with Go
// (GOMAXPROCS=1 go run bench/chan/pingpong.go) to compare; see README.md.
package main

import (
	"os"
	"strconv"
	"time"
)

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	// warm up
	for i := 0; i < 10000; i++ {
		ping <- i
		<-pong
	}
	start := time.Now()
	v := 0
	for i := 0; i < n; i++ {
		ping <- v
		v = <-pong
	}
	el := time.Since(start)
	close(ping)
	println("round trips", n, "sum", v)
	println("ns/handoff", int(el.Nanoseconds())/(2*n))
}
