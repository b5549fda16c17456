package main

// Closing twice panics with Go's plain runtime error text.

func main() {
	c := make(chan int, 2)
	c <- 1
	close(c)
	v, ok := <-c
	println(v, ok)
	v, ok = <-c
	println(v, ok)
	close(c)
}
