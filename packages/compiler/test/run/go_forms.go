package main

// go statement forms: interface method, variadic call, func value, array argument copied at
// the go statement, method value.

type I interface{ M(c chan string, s string) }
type T struct{ name string }

func (t T) M(c chan string, s string) { c <- t.name + s }

func sum(c chan int, xs ...int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	c <- s
	return s
}

func pair() (int, int) { return 3, 4 }

func two(c chan int, a, b int) { c <- a * b }

func main() {
	c := make(chan string)
	var i I = T{"t"}
	go i.M(c, "!")
	println(<-c)
	ci := make(chan int)
	go sum(ci, 1, 2, 3)
	println(<-ci)
	f := two
	go f(ci, 6, 7)
	println(<-ci)
	arr := [3]int{1, 2, 3}
	go func(a [3]int) { a[0] = 100; ci <- a[0] + a[1] }(arr)
	println(<-ci, arr[0])
	m := T{"m"}.M
	go m(c, "?")
	println(<-c)
}
