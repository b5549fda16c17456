// parallel.go: writes a Go 1.19 execution trace (to os.Args[1]) of CPU-bound goroutines on 4 Ps
// that allocate, hand results over a channel and get preempted, so events of one goroutine are
// spread over several Ps (ordering by sequence numbers matters). Run: ./parallel parallel.trace
package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/trace"
	"sync"
)

func work(ctx context.Context, id int, out chan<- int) {
	trace.WithRegion(ctx, "compute", func() {
		s := 0
		var bufs [][]byte
		for i := 0; i < 3000000; i++ {
			s += i * id
			if i%20000 == 0 {
				bufs = append(bufs, make([]byte, 16<<10))
			}
		}
		trace.Logf(ctx, "result", "%d: %d (%d bufs)", id, s, len(bufs))
		out <- s
	})
}

func main() {
	runtime.GOMAXPROCS(4)
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	ctx, task := trace.NewTask(context.Background(), "parallel")
	out := make(chan int)
	var wg sync.WaitGroup
	for i := 1; i <= 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sub, t := trace.NewTask(ctx, "worker")
			work(sub, i, out)
			t.End()
		}(i)
	}
	go func() { wg.Wait(); close(out) }()
	total := 0
	for v := range out {
		total += v
	}
	task.End()
	trace.Stop()
	f.Close()
	fmt.Println(total != 0)
}
