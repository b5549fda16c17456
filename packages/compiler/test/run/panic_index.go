package main

func get(s []int, i int) int {
	return s[i]
}

func main() {
	s := make([]int, 3)
	println("before")
	println(get(s, 5))
}
