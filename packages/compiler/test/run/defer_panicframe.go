package main

import "runtime"

// The frame that panics stops at a non-call instruction (a nil store, an index); while its
// deferred calls run above it, the collector must still scan it and stack copies must still
// adjust it: its defer records (heap ones from the loop, frame ones otherwise) and its
// locals are referenced from nowhere else.

var g *int64

func useStack(n int) int {
	if n == 0 {
		return 0
	}
	return useStack(n-1) + 1
}

type node struct {
	v    int
	next *node
}

func churn() {
	for i := 0; i < 3; i++ {
		_ = make([]*node, 50000)
		runtime.GC()
	}
	c := make(chan int)
	go func() { c <- useStack(2000) }() // a new stack, likely reusing freed ones
	<-c
}

func victim(which int) (sum int) {
	var list *node
	for i := 1; i <= 50; i++ {
		list = &node{i, list}
	}
	x := [8]int{1, 2, 3, 4, 5, 6, 7, 8}
	defer func(l *node, p *[8]int) {
		recover()
		for ; l != nil; l = l.next {
			sum += l.v
		}
		for _, v := range p {
			sum += v
		}
	}(list, &x)
	for i := 0; i < 5; i++ {
		defer func(k int) { sum += k * 1000 }(i)
	}
	defer churn()
	defer func() { sum += useStack(3000) * 0 }()
	switch which {
	case 0:
		*g = 1
	case 1:
		s := []int{1}
		i := 5
		_ = s[i]
	}
	return -1
}

func main() {
	println(victim(0), victim(1))
}
