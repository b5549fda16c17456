package main

var X interface{}

type T struct{}

func F1() {
	type T struct{}
	X = T{}
}

func main() {
	F1()
	_ = X.(T)
}
