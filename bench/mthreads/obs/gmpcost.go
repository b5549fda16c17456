package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	stop := make(chan bool)
	for k := 0; k < 2; k++ {
		go func() {
			x := 0
			for {
				select {
				case <-stop:
					return
				default:
					for i := 0; i < 1000; i++ {
						x += i
					}
				}
			}
		}()
	}
	time.Sleep(700 * time.Millisecond) // both Ms up and busy
	t0 := time.Now()
	for i := 0; i < 200; i++ {
		runtime.GOMAXPROCS(1 + i%2)
	}
	el := time.Since(t0)
	close(stop)
	fmt.Printf("200 GOMAXPROCS changes: %.1f µs each\n", float64(el.Microseconds())/200)
}
