// gort standard library: package container/heap.

// Package heap provides heap operations for any type implementing
// heap.Interface: a min-heap ordered by Less, stored as an implicit binary
// tree in index order (children of i at 2i+1 and 2i+2). The exact sequence
// of Swap calls matches Go's, so equal elements come out in the same order.
package heap

import "sort"

// Interface is a sort.Interface with Push and Pop, which add at and remove
// from index Len()-1; use the package functions, not these methods.
type Interface interface {
	sort.Interface
	Push(x any) // add x as element Len()
	Pop() any   // remove and return element Len() - 1.
}

// Init establishes the heap invariant in O(n).
func Init(h Interface) {
	n := h.Len()
	for i := n/2 - 1; i >= 0; i-- {
		siftDown(h, i, n)
	}
}

// Push adds x to the heap.
func Push(h Interface, x any) {
	h.Push(x)
	siftUp(h, h.Len()-1)
}

// Pop removes and returns the minimum element.
func Pop(h Interface) any {
	last := h.Len() - 1
	h.Swap(0, last)
	siftDown(h, 0, last)
	return h.Pop()
}

// Remove removes and returns the element at index i.
func Remove(h Interface, i int) any {
	last := h.Len() - 1
	if last != i {
		h.Swap(i, last)
		if !siftDown(h, i, last) {
			siftUp(h, i)
		}
	}
	return h.Pop()
}

// Fix re-establishes the order after the element at index i changed.
func Fix(h Interface, i int) {
	if !siftDown(h, i, h.Len()) {
		siftUp(h, i)
	}
}

// siftUp moves element j towards the root while it is less than its parent.
func siftUp(h Interface, j int) {
	for j > 0 {
		parent := (j - 1) / 2
		if parent == j || !h.Less(j, parent) {
			break
		}
		h.Swap(parent, j)
		j = parent
	}
}

// siftDown moves element i0 towards the leaves of the first n elements and
// reports whether it moved.
func siftDown(h Interface, i0, n int) bool {
	i := i0
	for {
		c := 2*i + 1
		if c >= n || c < 0 { // c < 0 after int overflow
			break
		}
		if r := c + 1; r < n && h.Less(r, c) {
			c = r // the smaller child
		}
		if !h.Less(c, i) {
			break
		}
		h.Swap(i, c)
		i = c
	}
	return i > i0
}
