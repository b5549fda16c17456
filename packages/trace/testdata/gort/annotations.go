package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime/trace"
	"sync"
)

func main() {
	fmt.Println("enabled before:", trace.IsEnabled())
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
	trace.Log(ctx, "orderID", "1234")
	var wg sync.WaitGroup
	ch := make(chan int)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			trace.WithRegion(ctx, "brew", func() {
				ch <- i
			})
		}(i)
	}
	r := trace.StartRegion(ctx, "collect")
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-ch
	}
	r.End()
	trace.Logf(ctx, "sum", "%d", sum)
	wg.Wait()
	task.End()
	trace.Stop()
	fmt.Println("enabled after:", trace.IsEnabled(), "sum", sum)
	fmt.Println("header:", string(buf.Bytes()[:13]), buf.Len() > 100)
	os.WriteFile(os.Args[1], buf.Bytes(), 0o644)
}
