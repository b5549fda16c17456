package main

import (
	"fmt"
	"sync"
)

//go:noinline
func hot(n int) uint64 {
	x := uint64(1)
	for i := 0; i < n; i++ {
		x = x*6364136223846793005 + 1442695040888963407
	}
	return x
}

func main() {
	var wg sync.WaitGroup
	ch := make(chan uint64)
	for k := 0; k < 4; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			var s uint64
			for j := 0; j < 20; j++ {
				s += hot(200000)
				ch <- s
			}
		}(k)
	}
	go func() { wg.Wait(); close(ch) }()
	n := 0
	for range ch {
		n++
	}
	fmt.Println("got", n)
}
