package main

var a = b + 1
var b = f()
var c int

func f() int {
	c++
	return 41
}

func init() {
	println("init", a, b, c)
}

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	}
	return "odd"
}

func grade(n int) int {
	r := 0
	switch n {
	case 1, 2:
		r = 10
	case 3:
		r = 30
		fallthrough
	case 4:
		r++
	default:
		r = -1
	}
	return r
}

func main() {
	for i := -1; i < 4; i++ {
		println(i, classify(i), grade(i))
	}
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 3 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			print(i, j, ";")
		}
	}
	println()
	n := 0
	for {
		n++
		if n > 10 {
			break
		}
		if n%3 == 0 {
			continue
		}
		print(n, " ")
	}
	println()
	x := 5
	if y := x * 2; y > 8 && x < 10 || false {
		println("yes", y)
	} else if y > 100 {
		println("big")
	} else {
		println("no")
	}
	ok := x > 3 && x < 4
	println(ok, x > 3 || x < 4)
	var k uint32 = 1
	for k < 1000 {
		k <<= 3
	}
	println(k, k>>2)
	sh := 70
	println(1<<(sh-64), uint64(1)<<sh, -8>>1)
}

func gotoLoop() int {
	i, t := 0, 0
loop:
	if i < 5 {
		t += i
		i++
		goto loop
	}
	return t
}

func init() {
	println("goto", gotoLoop())
}
