package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

type node struct {
	l, r *node
	v    int
}

func build(d int) *node {
	if d == 0 {
		return &node{v: 1}
	}
	return &node{l: build(d - 1), r: build(d - 1), v: d}
}

func (n *node) sum() int {
	if n.l == nil {
		return n.v
	}
	return n.v + n.l.sum() + n.r.sum()
}

// runtime.GOMAXPROCS changed every 5 ms (1..4; with worker-thread Ms under GOMAXPROCS=2:
// runtime MTHREADS.md) while four goroutines allocate trees across GC cycles: same results.
func main() {
	var wg sync.WaitGroup
	res := make([]int, 4)
	ch := make(chan int, 8)
	done := make(chan bool)
	go func() {
		for _, n := range []int{1, 3, 2, 4, 1, 2, 1, 3} {
			runtime.GOMAXPROCS(n)
			time.Sleep(5 * time.Millisecond)
		}
		close(done)
	}()
	for k := 0; k < 4; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			for j := 0; j < 8; j++ {
				res[k] += build(6 + k%2).sum()
				ch <- 1
			}
		}(k)
	}
	got := 0
	for got < 32 {
		got += <-ch
	}
	wg.Wait()
	<-done
	fmt.Println(res, got, runtime.GOMAXPROCS(0))
}
