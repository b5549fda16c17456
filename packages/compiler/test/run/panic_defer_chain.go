package main

func h() {
	defer func() {
		recover()
		panic("x2")
	}()
	panic("x1")
}

func main() {
	defer println("main's first defer still runs")
	defer func() {
		println(recover() != nil)
		var a []int
		_ = a[1]
	}()
	h()
}
