package main

type T struct{ m map[string]int }

func set(t *T, k string) {
	t.m[k] = 1
}

func main() {
	var t T
	println(len(t.m), t.m["a"])
	delete(t.m, "a")
	set(&t, "a")
	println("unreachable")
}
