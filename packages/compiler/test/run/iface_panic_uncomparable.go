package main

func eq(a, b interface{}) bool { return a == b }

func main() {
	println(eq(1, 1), eq("a", 1))
	println(eq([]int{1}, 2))
	println(eq([]int{1}, []int{1}))
}
