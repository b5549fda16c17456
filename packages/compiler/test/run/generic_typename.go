package main

// Type descriptors of instantiated types carry reflect's names:
// main.W[main.Pair[int,[]string],*main.T].

type T struct{}

type Pair[A, B any] struct {
	a A
	b B
}

type W[A, B any] int

func Make[A, B any](n int) W[A, B] { return W[A, B](n) }

func main() {
	panic(Make[Pair[int, []string], *T](5))
}
