package main

type I interface{ M() int }

type T int

func (t T) M() int { return int(t) }

func call(i I) int { return i.M() }

func main() {
	println(call(T(3)))
	var i I
	println(call(i))
}
