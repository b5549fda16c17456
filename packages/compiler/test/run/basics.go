package main

const big = 1 << 40

var counter int

func add(a, b int) int { return a + b }

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	println("hello, gort")
	x := 7
	y := 3
	println(add(x, y), x-y, x*y, x/y, x%y, -x/y, -x%y)
	q, r := divmod(100, 7)
	println(q, r)
	println(fib(20))
	println(big, big/3)
	var i8 int8 = 127
	i8++
	println(i8)
	var u8 uint8 = 0
	u8--
	println(u8)
	var u uint = 0
	u--
	println(u, u>>60)
	var i32 int32 = 1 << 30
	i32 *= 4
	println(i32)
	println(true, false, x < y, x >= y, !(x == 7))
	f := 1.5
	println(f, f*2, f/0.25, -f)
	var f32 float32 = 0.1
	println(f32, float64(f32), f32*3)
	println(int64(f*3), uint8(300+x), int8(x*40))
	for i := 0; i < 3; i++ {
		counter += i
	}
	println(counter)
}
