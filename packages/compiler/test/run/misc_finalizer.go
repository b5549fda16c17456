package main

import "runtime"

type T struct {
	n int
	b [64]byte
}

var count int

// Objects made in a callee: nothing in main's frame keeps them (gort's stack maps keep every
// pointer slot of a running frame live until it returns).
func mk(done chan int, i int) {
	t := &T{n: i}
	runtime.SetFinalizer(t, func(p *T) {
		count++
		done <- p.n
	})
}

func mkAny(done chan int) {
	u := &T{n: 99}
	runtime.SetFinalizer(u, func(x any) { done <- x.(*T).n + 1000 })
}

func mkRemoved() {
	v := &T{n: 7}
	runtime.SetFinalizer(v, func(*T) { println("never") })
	runtime.SetFinalizer(v, nil)
}

func main() {
	done := make(chan int, 10)
	for i := 0; i < 5; i++ {
		mk(done, i)
	}
	mkAny(done)
	mkRemoved()
	runtime.GC()
	sum := 0
	for i := 0; i < 6; i++ {
		sum += <-done
	}
	println(sum, count)
	runtime.GC()
	g := new(int)
	runtime.SetFinalizer(g, func(*int) {})
	runtime.SetFinalizer(&count, func(*int) {}) // a global: ignored, as in Go
	println("ok")
}
