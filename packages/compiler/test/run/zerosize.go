package main

type empty struct{}

func f() (int16, float64, string) { return -42, 42.0, "x" }

func main() {
	var s []empty
	for i := 0; i < 5; i++ {
		s = append(s, empty{})
	}
	n := 0
	for _, v := range s {
		_ = v
		n++
	}
	println(len(s), n, len(s[1:]))
	a := &[]int{12, 13}
	(*a)[1] = 7
	println((*a)[0], (*a)[1], len(*a))
	print(f())
	println(f())
	var arr [0]int
	b := arr
	println(len(b), b == arr)
}
