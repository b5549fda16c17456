package main

type T struct{ n int }

func (t T) Val(s string)   { println("Val", t.n, s) }
func (t *T) Ptr(s string)  { println("Ptr", t.n, s) }
func (t T) Many(a, b int) int { println("Many", t.n, a, b); return a + b }

func order() {
	for i := 0; i < 4; i++ {
		defer println("loop", i)
	}
	defer println("last deferred, first run")
}

func args() {
	x := 1
	defer println("x at defer time:", x)
	defer func() { println("x in closure:", x) }()
	x = 2
	s := []int{1, 2, 3}
	defer print("slice len ", len(s), "\n")
	s = append(s, 4)
}

func methods() {
	t := T{1}
	defer t.Val("value receiver copied")
	defer t.Ptr("pointer receiver sees later changes")
	p := &t
	defer p.Val("through pointer, copied")
	f := t.Val
	defer f("method value")
	defer T.Val(t, "method expression")
	defer t.Many(3, 4)
	t.n = 5
}

func named() (r int) {
	defer func() { r *= 2 }()
	return 21
}

func named2() (s string, n int) {
	defer func() {
		s += "!"
		n++
	}()
	s, n = "hello", 1
	return s, n + 1
}

func unnamed() int {
	x := 10
	defer func() { x = 99 }()
	return x
}

type counter struct{ calls int }

func (c *counter) inc() { c.calls++ }

func multi(c *counter, n int) int {
	for i := 0; i < n; i++ {
		defer c.inc()
	}
	return c.calls
}

func rec(n int) int {
	if n == 0 {
		return 0
	}
	defer println("unwind", n)
	return rec(n-1) + n
}

func early(b bool) (r string) {
	defer func() { r = "[" + r + "]" }()
	if b {
		return "early"
	}
	defer func() { r = "<" + r + ">" }()
	return "late"
}

func closureDefer() {
	f := func(tag string) {
		defer println("inner defer", tag)
		println("inner body", tag)
	}
	defer f("deferred")
	f("direct")
}

var global int

func setGlobal(v int) { global = v }

func main() {
	order()
	args()
	methods()
	println("named", named())
	s, n := named2()
	println("named2", s, n)
	println("unnamed", unnamed())
	c := &counter{}
	println("multi returns", multi(c, 3), "calls after", c.calls)
	println("rec", rec(3))
	println(early(true), early(false))
	closureDefer()
	func() {
		defer setGlobal(7)
		println("global before", global)
	}()
	println("global after", global)
}
