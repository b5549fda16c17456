package main

type A [2]interface{}
type S struct {
	s string
	x interface{}
}

func eq(a, b interface{}) bool { return a == b }

func main() {
	b := []byte{1}
	println(eq(A{1, b}, A{2, b}), eq(A{1, "x"}, A{1, "x"}))
	println(eq(S{"a", b}, S{"b", b}), eq(S{"a", 1.5}, S{"a", 1.5}))
	var f func()
	println(eq(S{"a", f}, S{"b", f}))
	println(eq(A{b, 1}, A{b, 2}))
}
