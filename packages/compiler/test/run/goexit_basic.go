package main

import "runtime"

func worker(done chan bool) {
	defer func() { done <- true }()
	defer func() {
		println("recover during Goexit is nil:", recover() == nil)
	}()
	defer println("worker deferred 1")
	func() {
		defer println("inner frame deferred")
		runtime.Goexit()
	}()
	println("not reached")
}

func bypass(done chan bool) {
	defer func() { done <- true }()
	defer println("Goexit continues after the recovered panic")
	defer func() {
		println("recovered", recover().(string))
	}()
	defer func() {
		panic("panic in a deferred call during Goexit")
	}()
	runtime.Goexit()
}

func named(done chan int) {
	var r int
	defer func() { done <- r }()
	defer func() { r = 42 }()
	runtime.Goexit()
}

func main() {
	done := make(chan bool)
	go worker(done)
	<-done
	go bypass(done)
	<-done
	ch := make(chan int)
	go named(ch)
	println("named", <-ch)
	defer println("main deferred runs before the deadlock report")
	runtime.Goexit()
}
