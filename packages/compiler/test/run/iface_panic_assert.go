package main

type T struct{ x int }

func get(i int) interface{} {
	if i > 0 {
		return "str"
	}
	return T{i}
}

func main() {
	t := get(0).(T)
	println(t.x)
	n := get(1).(int)
	println(n)
}
