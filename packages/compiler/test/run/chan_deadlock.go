package main

// Deadlock: every goroutine blocked; Go prints each with its wait reason and "created by".

func recvForever(c chan int) {
	<-c
}

func main() {
	c := make(chan int)
	go recvForever(c)
	go func(x int) {
		var n chan string
		n <- "never"
	}(1)
	d := make(chan int, 1)
	d <- 1
	go func() {
		select {
		case d <- 2:
		case <-c:
		}
	}()
	println("main waits")
	d <- 3
}
