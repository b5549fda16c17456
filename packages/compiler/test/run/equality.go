package main

type P struct {
	x, y int
	name string
	_    int
	f    float64
}

type Grid [2][3]int8

func main() {
	a := P{x: 1, y: 2, name: "a", f: 0.5}
	b := a
	println(a == b, a != b)
	b.name = "b"
	println(a == b)
	b.name = "a"
	b.f = 0.25
	println(a == b)
	var g1, g2 Grid
	g1[1][2] = 5
	println(g1 == g2)
	g2[1][2] = 5
	println(g1 == g2, g1 != g2)
	pa, pb := &a, &b
	println(*pa == *pb, pa == pb, pa == &a)
	arr := [3]string{"x", "y", "z"}
	println(arr == [3]string{"x", "y", "z"}, arr == [3]string{"x", "y", "zz"})
	switch a {
	case P{x: 1, y: 2, name: "a", f: 0.5}:
		println("matched")
	default:
		println("no")
	}
}
