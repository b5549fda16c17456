package main

type S interface{ N() int }
type T int

func (t T) N() int { return int(t) * 2 }

func main() {
	var x interface{}
	var s S
	for _, x = range []int{1, 2} {
		println(x.(int))
	}
	for _, s = range [2]T{3, 4} {
		println(s.N())
	}
	println(x != nil, s != nil)
}
