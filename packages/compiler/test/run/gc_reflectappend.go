package main

// reflect.Append's runtime.growslice native allocates twice (the new array, then the slice
// header that will hold it). The array must stay reachable across the second allocation (a
// collection may start at the first and its assist run, or even end, in the second) and be
// stored into a possibly black header through the write barrier; the copied element pointers
// are shaded. Before the fix the array was freed while live: nil dereferences or wrong values.

import (
	"reflect"
	"runtime/debug"
)

type node struct{ v int }

func main() {
	debug.SetGCPercent(1)
	bad := 0
	for round := 0; round < 100; round++ {
		s := reflect.ValueOf([]*node{})
		for i := 0; i < 40; i++ {
			s = reflect.Append(s, reflect.ValueOf(&node{v: i}))
			_ = make([]byte, 512)
		}
		out := s.Interface().([]*node)
		for i, n := range out {
			if n == nil || n.v != i {
				bad++
			}
		}
	}
	println("bad", bad)
}
