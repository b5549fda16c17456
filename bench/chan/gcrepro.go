// Reproducer of an open concurrent-GC bug (session 2): with GOGC=1 this program fails about
// 3 runs in 8 — "fatal error: runtime: assertion failed: stackfree: not a stack" at the worker
// goroutine's exit, because its whole G record (persistent memory, no span) was zeroed while
// it ran; sometimes wrong values instead. 0 failures in 8 with GODEBUG=gcstoptheworld=1, so
// something on the concurrent-marking path writes zeros into persistent memory.
//   for i in 1 2 3 4 5 6 7 8; do GOGC=1 node scripts/dev-gort.mjs run bench/chan/gcrepro.go; done
// Go prints "ok 13340".
package main

import "container/heap"

type PeekCh struct {
	head int
	ch   chan int
}

type H []*PeekCh

func (h *H) Less(i, j int) bool { return (*h)[i].head < (*h)[j].head }
func (h *H) Swap(i, j int)      { (*h)[i], (*h)[j] = (*h)[j], (*h)[i] }
func (h *H) Len() int           { return len(*h) }
func (h *H) Pop() (v interface{}) {
	*h, v = (*h)[:h.Len()-1], (*h)[h.Len()-1]
	return
}
func (h *H) Push(v interface{}) { *h = append(*h, v.(*PeekCh)) }

func src(k int) chan int {
	c := make(chan int, 10)
	go func() {
		for i := k; ; i += k {
			c <- i
		}
	}()
	return c
}

func main() {
	done := make(chan int)
	go func() {
	var h H
	for k := 1; k <= 50; k++ {
		c := src(k)
		heap.Push(&h, &PeekCh{<-c, c})
	}
	prev := 0
	for i := 0; i < 60000; i++ {
		m := heap.Pop(&h).(*PeekCh)
		if m.head < prev {
			println("bad order", i, m.head, prev)
			return
		}
		prev = m.head
		m.head = <-m.ch
		heap.Push(&h, m)
	}
	done <- prev
	}()
	println("ok", <-done)
}
