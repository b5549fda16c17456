package main

type I interface{ M() }

func main() {
	var e interface{}
	s, ok := e.(string)
	println(s == "", ok)
	var i I
	_ = e.(I)
	_ = i
}
