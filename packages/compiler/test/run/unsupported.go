package main

// A construct the back end does not support yet (replace it when it does; the .err and
// codegen/compile.test.ts name it).

func two() ([]int, []int) { return make([]int, 2), []int{1, 2} }

func main() {
	defer copy(two())
	println("deferred")
}
