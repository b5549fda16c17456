package main

func main() {
	m := map[interface{}]int{}
	m[1] = 1
	m["a"] = 2
	m[[2]int{1, 2}] = 3
	println(len(m), m[1], m["a"], m[[2]int{1, 2}], m[2])
	var k interface{} = []int{1, 2}
	m[k] = 4
	println("unreachable")
}
