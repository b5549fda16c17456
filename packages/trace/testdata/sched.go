// sched.go: writes a Go 1.19 execution trace (to os.Args[1]) exercising select, sync.Cond,
// runtime.Gosched, an allocation-heavy loop that triggers GCs on its own, buffered channels,
// and a syscall (file writes). Build with Go 1.19 and run: ./sched sched.trace
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/trace"
	"sync"
)

var keep []*[64]byte

func main() {
	runtime.GOMAXPROCS(4)
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	var wg sync.WaitGroup
	a, b := make(chan int), make(chan int, 4)
	quit := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		n := 0
		for {
			select {
			case v := <-a:
				n += v
			case v := <-b:
				n += v
			case <-quit:
				fmt.Println("selected", n)
				return
			}
		}
	}()
	for i := 0; i < 50; i++ {
		a <- i
		b <- i
		runtime.Gosched()
	}
	close(quit)

	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			for !ready {
				cond.Wait()
			}
			mu.Unlock()
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 300000; i++ {
			keep = append(keep, new([64]byte))
			if len(keep) > 20000 {
				keep = keep[:0]
			}
		}
		mu.Lock()
		ready = true
		cond.Broadcast()
		mu.Unlock()
	}()
	wg.Wait()
	tmp, err := os.CreateTemp("", "sched")
	if err == nil {
		for i := 0; i < 20; i++ {
			tmp.Write(make([]byte, 4096))
		}
		tmp.Close()
		os.Remove(tmp.Name())
	}
	trace.Stop()
	f.Close()
}
