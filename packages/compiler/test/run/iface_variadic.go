package main

func two() (int, string) { return 1, "a" }
func three() (int, int, int) { return 1, 2, 3 }
func sum(xs ...int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}
func f(a int, rest ...interface{}) int { return a + len(rest) }
func g(a ...interface{}) int { return len(a) }

func main() {
	println(sum(three()), f(three()), f(two()), g(two()), g())
}
