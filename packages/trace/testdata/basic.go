// basic.go: writes a Go 1.19 execution trace (to os.Args[1]) of a small concurrent program:
// goroutines, channels, a mutex, a WaitGroup, sleeps, a forced GC, and a user task with regions
// and logs. Build with Go 1.19 and run: ./basic basic.trace
package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/trace"
	"sync"
	"time"
)

var sink [][]byte

func producer(ch chan<- int, n int) {
	for i := 0; i < n; i++ {
		ch <- i
	}
	close(ch)
}

func consumer(ch <-chan int, mu *sync.Mutex, total *int, wg *sync.WaitGroup) {
	defer wg.Done()
	for v := range ch {
		mu.Lock()
		*total += v
		sink = append(sink, make([]byte, 1024))
		mu.Unlock()
	}
}

func sleeper(d time.Duration, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(d)
}

func main() {
	runtime.GOMAXPROCS(2)
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	ctx, task := trace.NewTask(context.Background(), "work")
	trace.Log(ctx, "phase", "start")

	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	ch := make(chan int)
	go producer(ch, 200)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go consumer(ch, &mu, &total, &wg)
	}
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go sleeper(time.Duration(i+1)*time.Millisecond, &wg)
	}
	trace.WithRegion(ctx, "wait", func() {
		wg.Wait()
	})
	r := trace.StartRegion(ctx, "gc")
	sink = nil
	runtime.GC()
	r.End()
	task.End()
	trace.Stop()
	f.Close()
	fmt.Println("total", total)
}
