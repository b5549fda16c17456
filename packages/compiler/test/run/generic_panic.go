package main

// Tracebacks name generic code as Go does: main.F[...], main.(*G[...]).M,
// main.G[...].M, and closures main.F[...].func1.

type G[T any] struct{ xs []T }

func (g *G[T]) At(i int) T { return g.xs[i] }

func (g G[T]) Get(i int) T {
	p := &g
	return p.At(i)
}

func F[T any](x T, n int) T {
	f := func() T {
		g := G[T]{[]T{x}}
		return g.Get(n)
	}
	return f()
}

func main() {
	println(F("ok", 0))
	println(F(1.5, 3))
}
