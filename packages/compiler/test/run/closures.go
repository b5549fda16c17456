package main

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, 0, 4)
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func double(x int) int { return 2 * x }

type op func(a, b int) int

func main() {
	c := counter()
	c()
	c()
	println(c(), counter()())
	k := 10
	add := func(x int) int { return x + k }
	k = 20
	r := apply([]int{1, 2, 3}, add)
	println(r[0], r[1], r[2])
	r = apply([]int{4}, double)
	println(r[0], len(r), cap(r))
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	println(fib(15))
	ops := []op{func(a, b int) int { return a + b }, func(a, b int) int { return a * b }}
	for _, o := range ops {
		print(o(6, 7), " ")
	}
	println()
	var nf func()
	println(nf == nil, c != nil)
	total := 0
	for i := 0; i < 4; i++ {
		func() {
			total += i
			inner := func() { total *= 2 }
			inner()
		}()
	}
	println(total)
	x := 1
	px := &x
	set := func(v int) { *px = v }
	set(5)
	println(x)
}
