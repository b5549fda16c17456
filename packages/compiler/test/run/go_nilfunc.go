package main

// go with a nil func value: a func() without arguments is started directly, so Go throws
// "go of nil func value" at the go statement (fatal, not recoverable, exit 2); with
// arguments the go statement starts a wrapper and the nil call would fail in the new goroutine.

func main() {
	defer func() { println("not reached", recover() != nil) }()
	var f func()
	println("before")
	go f()
	println("not reached")
}
