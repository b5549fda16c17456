// runtime/trace from a Go program: Start/Stop into a buffer, a second Start's
// error, IsEnabled, a task with a subtask, regions (WithRegion, StartRegion,
// the no-op region when tracing is off), Log/Logf, and a ping-pong long
// enough that the trace spans several buffers. The trace bytes differ
// between runs; what is printed is what Go guarantees about them: the header,
// and the user strings (task/region names, log keys and values) and function
// names appear in the file.
package main

import (
	"bytes"
	"context"
	"fmt"
	"runtime/trace"
	"sync"
)

func work(ctx context.Context, id int, out chan<- int) {
	trace.WithRegion(ctx, "brew", func() {
		out <- id * id
	})
}

func main() {
	fmt.Println("enabled before:", trace.IsEnabled())
	r := trace.StartRegion(context.Background(), "off")
	r.End() // no-op region: tracing is off
	var buf bytes.Buffer
	if err := trace.Start(&buf); err != nil {
		fmt.Println("start:", err)
		return
	}
	fmt.Println("enabled:", trace.IsEnabled())
	if err := trace.Start(&buf); err != nil {
		fmt.Println("second start:", err)
	}
	ctx, task := trace.NewTask(context.Background(), "makeCoffee")
	trace.Log(ctx, "orderID", "order-1234")
	sub, subtask := trace.NewTask(ctx, "grindBeans")
	var wg sync.WaitGroup
	out := make(chan int)
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			work(sub, i, out)
		}(i)
	}
	reg := trace.StartRegion(ctx, "collect")
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-out
	}
	reg.End()
	wg.Wait()
	// Enough events to fill several 64 KiB buffers while tracing: the reader goroutine is
	// woken with data before Stop.
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	v := 0
	for i := 0; i < 2000; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	subtask.End()
	trace.Logf(ctx, "total", "sum=%d", sum)
	task.End()
	trace.Stop()
	trace.Stop() // a second Stop does nothing
	fmt.Println("enabled after:", trace.IsEnabled(), "sum:", sum)
	b := buf.Bytes()
	fmt.Printf("header: %q\n", b[:16])
	for _, s := range []string{"makeCoffee", "grindBeans", "orderID", "order-1234", "brew", "collect", "total", "sum=14", "main.main", "main.work"} {
		fmt.Printf("%s: %v\n", s, bytes.Contains(b, []byte(s)))
	}
	fmt.Println("large:", len(b) > 32768, v)
}
