package main

// Scheduling: argument evaluation at the go statement, method values and func values as
// goroutines, preemption of a spinning goroutine, FIFO of a buffered channel with many
// producers, and a sieve of chained goroutines.

type Acc struct{ sum int }

func (a *Acc) add(c chan int, v int) { a.sum += v; c <- v }

var spins int

func spin(stop *bool) {
	for !*stop {
		spins++
	}
}

func gen(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

func filter(in <-chan int, out chan<- int, prime int) {
	for {
		i := <-in
		if i%prime != 0 {
			out <- i
		}
	}
}

func main() {
	// arguments are evaluated when the go statement runs
	c := make(chan int)
	x := 1
	go func(v int) { c <- v }(x)
	x = 2
	println(<-c, x)

	a := &Acc{}
	for i := 1; i <= 10; i++ {
		go a.add(c, i)
	}
	s := 0
	for i := 0; i < 10; i++ {
		s += <-c
	}
	println(s, a.sum)

	f := func(c chan int, k int) { c <- k * k }
	go f(c, 7)
	println(<-c)

	// a goroutine spinning without calls must not starve the others: the sender below
	// only runs if the spinner (scheduled first) is preempted
	stop := false
	d := make(chan int)
	go func() { d <- 5 }()
	go spin(&stop)
	println("got", <-d)
	stop = true

	// many producers, one buffered channel
	out := make(chan int, 100)
	for p := 0; p < 10; p++ {
		go func(p int) {
			for j := 0; j < 10; j++ {
				out <- p*10 + j
			}
		}(p)
	}
	tot := 0
	for i := 0; i < 100; i++ {
		tot += <-out
	}
	println(tot)

	// prime sieve
	ch := make(chan int)
	go gen(ch)
	for i := 0; i < 25; i++ {
		prime := <-ch
		print(prime, " ")
		ch1 := make(chan int)
		go filter(ch, ch1, prime)
		ch = ch1
	}
	println()
}
