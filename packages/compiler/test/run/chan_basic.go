package main

type P struct{ x, y int }

func worker(id int, in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * id
	}
	close(out)
}

func main() {
	c := make(chan int)
	go func() { c <- 42 }()
	println(<-c)
	b := make(chan string, 3)
	b <- "a"
	b <- "bc"
	println(len(b), cap(b))
	println(<-b, <-b)
	in := make(chan int)
	out := make(chan int, 10)
	go worker(3, in, out)
	for i := 0; i < 5; i++ {
		in <- i
	}
	close(in)
	s := 0
	for v := range out {
		s += v
	}
	println(s)
	v, ok := <-out
	println(v, ok)
	ps := make(chan P, 1)
	ps <- P{1, 2}
	p := <-ps
	println(p.x, p.y)
	var i8 = make(chan int8, 1)
	i8 <- -5
	println(<-i8)
	f32 := make(chan float32, 1)
	f32 <- 1.5
	println(<-f32)
	bl := make(chan bool, 1)
	bl <- true
	x, ok2 := <-bl
	println(x, ok2)
	var nc chan int
	println(nc == nil, len(nc), cap(nc))
}
