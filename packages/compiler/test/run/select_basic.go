package main

func main() {
	a := make(chan int, 10)
	b := make(chan int, 10)
	na, nb := 0, 0
	for i := 0; i < 1000; i++ {
		a <- 1
		b <- 2
		select {
		case v := <-a:
			na += v
			<-b
		case v, ok := <-b:
			if ok {
				nb += v
			}
			<-a
		}
	}
	println(na > 300, nb > 600, na+nb/2)
	select {
	case v := <-a:
		println("got", v)
	default:
		println("default")
	}
	a <- 7
	select {
	case v := <-a:
		println("got", v)
	default:
		println("default")
	}
	d := make(chan int)
	select {
	case d <- 1:
		println("sent")
	default:
		println("not sent")
	}
	done := make(chan bool)
	res := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			select {
			case res <- i:
			case <-done:
				return
			}
		}
		close(res)
	}()
	for v := range res {
		println("res", v)
	}
	var nilc chan int
	select {
	case <-nilc:
		println("bad")
	case x := <-a:
		println("bad", x)
	default:
		println("nil default")
	}
	cc := make(chan chan int, 1)
	inner := make(chan int, 1)
	cc <- inner
	(<-cc) <- 5
	println(<-inner)
L:
	for {
		select {
		case <-done:
		default:
			break L
		}
	}
	println("end")
}
