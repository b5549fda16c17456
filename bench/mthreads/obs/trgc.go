package main

import (
	"fmt"
	"sync"
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

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for k := 0; k < 4; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 30; j++ {
				s := build(12).sum()
				mu.Lock()
				total += s
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(total)
}
