package main

// Pointers that live only in channel buffers, in parked senders' values and in goroutine
// closures survive collections (this program allocates ~60 MB: many GC cycles).

type Node struct {
	val  int
	next *Node
	pad  [8]int
}

func build(n int) *Node {
	var h *Node
	for i := 0; i < n; i++ {
		h = &Node{val: i, next: h}
	}
	return h
}

func sum(h *Node) int {
	s := 0
	for ; h != nil; h = h.next {
		s += h.val
	}
	return s
}

func main() {
	buf := make(chan *Node, 8)
	unbuf := make(chan *Node)
	res := make(chan int)
	for w := 0; w < 4; w++ {
		go func() {
			t := 0
			for n := range unbuf {
				t += sum(n)
			}
			res <- t
		}()
	}
	total := 0
	for round := 0; round < 15; round++ {
		for i := 0; i < 8; i++ {
			buf <- build(100)
		}
		garbage := make([][]*Node, 0)
		for i := 0; i < 50; i++ {
			garbage = append(garbage, []*Node{build(20)})
		}
		_ = garbage
		for i := 0; i < 8; i++ {
			unbuf <- <-buf
		}
		total += 8 * 4950
	}
	close(unbuf)
	got := 0
	for w := 0; w < 4; w++ {
		got += <-res
	}
	println(total, got)
}
