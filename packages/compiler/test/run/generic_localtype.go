package main

// gc 1.19 rejects type declarations inside generic functions (its back end cannot
// stencil them); gort reports the same error.

func F[T any]() int {
	type local struct{ x T }
	f := func() {
		type (
			A int
			B []T
		)
	}
	f()
	return 0
}

func main() {
	println(F[int]())
}
