package main

import (
	"fmt"
	"sync"
	"time"
)

func work(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i * i % 7
	}
	return s
}

func main() {
	var wg sync.WaitGroup
	ch := make(chan int)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.Now()
			for time.Since(t) < 350*time.Millisecond {
				work(10000)
			}
		}()
	}
	go func() { <-ch }()
	wg.Wait()
	fmt.Println("done")
}
