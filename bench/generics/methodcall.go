// Speed of stenciled generic code against hand-written code and against a dictionary-style
// body (what GC-shape stenciling does for a method of a type parameter: an indirect call
// through the dictionary). See packages/compiler/src/ir/GENERICS.md.
//
//	node scripts/dev-gort.mjs run bench/generics/methodcall.go generic|concrete|dict
package main

import (
	"os"
	"time"
)

type Adder interface{ Add(int) int }
type Acc int

func (a Acc) Add(x int) int { return int(a) + x }

// stenciled: the body for Acc calls Acc.Add directly
func SumG[T Adder](xs []int, a T) int {
	s := 0
	for _, x := range xs {
		s = a.Add(s + x)
	}
	return s
}

// the hand-written equivalent
func SumC(xs []int, a Acc) int {
	s := 0
	for _, x := range xs {
		s = a.Add(s + x)
	}
	return s
}

// a shape-shared body: the method comes from the dictionary
type dict struct{ add func(Acc, int) int }

func SumD(xs []int, a Acc, d *dict) int {
	s := 0
	for _, x := range xs {
		s = d.add(a, s+x)
	}
	return s
}

func main() {
	xs := make([]int, 1000)
	for i := range xs {
		xs[i] = i
	}
	d := &dict{Acc.Add}
	mode := "generic"
	if len(os.Args) > 1 {
		mode = os.Args[1]
	}
	t := 0
	start := time.Now()
	for i := 0; i < 20000; i++ {
		switch mode {
		case "generic":
			t += SumG(xs, Acc(1))
		case "concrete":
			t += SumC(xs, Acc(1))
		case "dict":
			t += SumD(xs, Acc(1), d)
		}
	}
	println(mode, t, time.Since(start).Milliseconds(), "ms")
}
