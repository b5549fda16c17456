package main

func main() {
	m := map[string]int{}
	println(len(m))
	ch := make(chan int)
	_ = ch
	defer println("x")
}
