package main

func main() {
	var f func()
	defer println("runs after the nil call panics")
	defer f()
	println("after defer")
}
