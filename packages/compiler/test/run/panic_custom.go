package main

type Code int

func main() {
	println("start")
	panic(Code(42))
}
