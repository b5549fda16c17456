package main

func mk(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i * i
	}
	return s
}

func main() {
	a := mk(5)
	println(len(a), cap(a), a[4])
	m := 3
	b := make([]string, m, m*2)
	b[2] = "x"
	println(len(b), cap(b), b[2], len(b[0]))
	grid := make([][]int, m)
	for i := range grid {
		grid[i] = make([]int, i+1)
	}
	println(len(grid[2]))
	println(len(mk(0)))
	n := -1
	println(len(mk(n)))
}
