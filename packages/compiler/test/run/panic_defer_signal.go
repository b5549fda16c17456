package main

type T struct{ x int }

func get(p *T) int {
	defer println("get deferred")
	return p.x
}

func main() {
	defer func() {
		panic("again")
	}()
	println(get(nil))
}
