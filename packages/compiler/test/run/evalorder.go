package main

var g int

func bump() int { g++; return g }

type S struct{ n int }

func (s *S) next() int { s.n += 10; return s.n }

func main() {
	x := 1
	f := func() int { x *= 5; return x }
	println(x, f(), x)
	a := []int{0, 0, 0}
	i := 0
	a[i] = func() int { i = 2; return 7 }()
	println(a[0], a[2], i)
	println(g, bump(), g+100, bump())
	s := S{}
	println(s.n, s.next(), s.n)
	y := x + f()
	println(y)
	if x > 0 && f() > 0 {
		println("and", x)
	}
	var arr [4]int
	println(len(arr), len([2]int{bump(), 0}), g)
}
