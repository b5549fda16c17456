package main

// gc's evaluation order: receives and calling && / || operands are evaluated with the calls;
// in tuple assignments nil and bounds checks happen at each store, left to right.

var trace []int

func g(b int) bool {
	trace = append(trace, b)
	return false
}

func tuple(name string, f func()) {
	defer func() {
		println(name, recover() != nil)
	}()
	f()
}

type P struct{ i int }

func main() {
	_, _ = false || g(1), g(2)
	_, _ = true && g(3), g(4)
	println(len(trace), trace[0], trace[1], trace[2], trace[3])

	ch := make(chan int, 1)
	total := 1
	go func() { total = 100; ch <- 5 }()
	total += <-ch
	println(total)
	x := 1
	go func() { x = 10; ch <- 2 }()
	y := x + <-ch
	println(y)

	m := map[int]int{}
	var p *int
	tuple("star", func() { m[1], *p = 1, 2 })
	var s []int
	tuple("index", func() { m[2], s[1] = 2, 2 })
	var pp *P
	tuple("field", func() { m[3], pp.i = 3, 2 })
	var pa *[4]int
	tuple("arrayptr", func() { m[4], pa[1] = 4, 2 })
	println(len(m), m[1], m[2], m[3], m[4])

	a := []int{1, 2, 3}
	i := 0
	i, a[i] = 1, 9
	println(i, a[0], a[1])
	q := &P{}
	r := q
	q, q.i = nil, 7
	println(q == nil, r.i)

	xs := []int{10, 20}
	k := 1
	for k, xs[k] = range []int{99} {
	}
	println(k, xs[0], xs[1])
	ys := []int{1, 2, 3}
	c := rune(1)
	for ys[c], c = range "\x02" {
	}
	println(c, ys[0], ys[1], ys[2])
}
