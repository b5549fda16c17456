package main

// Each run starts in a new goroutine (a small stack) and reaches a different depth before a
// function returns through its deferred closure, so for some depth the deferred call itself
// is what grows the stack: the closure's captured variables (whose record lives in the
// deferring frame) must be read from the moved stack.

var total int

func leaf(v int) (r int) {
	a, b, c := v, v*2, v*3
	defer func() {
		d, e, f := a+1, b+1, c+1
		r = d + e + f
	}()
	return 0
}

func down(n, v int) int {
	if n == 0 {
		return leaf(v)
	}
	return down(n-1, v) + 1
}

func main() {
	done := make(chan int)
	for depth := 0; depth < 200; depth++ {
		go func(d int) {
			done <- down(d, d)
		}(depth)
		v := <-done
		total += v
	}
	println(total)
	// the same with a panic: the recovering closure runs from the gopanic frame
	for depth := 0; depth < 100; depth++ {
		go func(d int) {
			defer func() {
				done <- recover().(int)
			}()
			var rec func(int)
			rec = func(n int) {
				if n == 0 {
					panic(d)
				}
				defer func() { total += n }()
				rec(n - 1)
			}
			rec(d)
		}(depth)
		v := <-done
		total += v
	}
	println(total)
}
