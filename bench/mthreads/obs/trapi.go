package main

import (
	"fmt"
	"os"
	"runtime/trace"
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
	stop := make(chan struct{})
	for k := 0; k < 2; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
					hot(50000)
				}
			}
		}()
	}
	hot(3000000) // the spinners are running on both Ms when the trace starts
	f, _ := os.Create(os.Args[1])
	trace.Start(f)
	ch := make(chan int)
	go func() {
		for i := 0; i < 50; i++ {
			ch <- i
		}
		close(ch)
	}()
	s := 0
	for v := range ch {
		s += v
		hot(20000)
	}
	trace.Stop()
	f.Close()
	close(stop)
	wg.Wait()
	fmt.Println(s)
}
