// Second reproducer of the open GC bug (see gcrepro.go): the PeekCh records hold channel
// indexes instead of channels. Go prints "ok 13340" (so does gort with GOGC=off or 100); with
// GOGC=1 gort prints a different number every run, and with GOGC=1
// GODEBUG=gcstoptheworld=1 always "ok 14250" — so the loss is not a concurrency race: some
// reference is invisible to the collector. Replacing the receive `<-chans[m.ch]` in the loop
// by arithmetic (no channel operation) makes it pass.
package main

import "container/heap"

type PeekCh struct {
	head int
	ch   int
}

var chans []chan int

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
		chans = append(chans, c)
		heap.Push(&h, &PeekCh{<-c, len(chans) - 1})
	}
	prev := 0
	for i := 0; i < 60000; i++ {
		m := heap.Pop(&h).(*PeekCh)
		if m.head < prev {
			println("bad order", i, m.head, prev)
			return
		}
		prev = m.head
		m.head = <-chans[m.ch]
		heap.Push(&h, m)
	}
	done <- prev
	}()
	println("ok", <-done)
}
