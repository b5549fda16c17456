package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

type node struct {
	left, right *node
	v           int
}

func build(d int) *node {
	if d == 0 {
		return &node{v: 1}
	}
	return &node{left: build(d - 1), right: build(d - 1), v: d}
}

func (n *node) sum() int {
	if n.left == nil {
		return n.v
	}
	return n.v + n.left.sum() + n.right.sum()
}

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	jobs := make(chan int)
	results := make(chan int, 4)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range jobs {
				s := build(d).sum()
				mu.Lock()
				total += s
				mu.Unlock()
				results <- s
			}
		}()
	}
	go func() {
		for i := 0; i < 40; i++ {
			jobs <- 8 + i%5
		}
		close(jobs)
	}()
	n := 0
	for i := 0; i < 40; i++ {
		n += <-results
	}
	wg.Wait()
	time.Sleep(2 * time.Millisecond)
	runtime.GC()
	done := make(chan bool)
	go func() {
		time.Sleep(time.Millisecond)
		done <- true
	}()
	select {
	case <-done:
	case <-time.After(time.Second):
	}
	fmt.Println(n, total)
}
