package main

func main() {
	s := make([]int, 3, 5)
	m := 10
	println(len(s[1:2:4]))
	println(len(s[1:2:m]))
}
