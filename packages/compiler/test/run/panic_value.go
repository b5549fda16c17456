package main

type Celsius float64

func check(n int) {
	if n > 2 {
		panic("too big")
	}
	println("ok", n)
}

func main() {
	check(1)
	check(2)
	check(3)
	panic(Celsius(1.5))
}
