// Command recursive writes recursive.pprof: a CPU profile with direct and
// mutual recursion (fib, even/odd) and small functions the compiler inlines
// into several callers, so some nodes are reached both inline and not
// ("(partial-inline)") and recursive frames must be counted once in cum.
package main

import (
	"os"
	"runtime/pprof"
	"time"
)

var sink int

//go:noinline
func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

//go:noinline
func even(n int) bool {
	if n == 0 {
		return true
	}
	return odd(n - 1)
}

//go:noinline
func odd(n int) bool {
	if n == 0 {
		return false
	}
	return even(n - 1)
}

func square(x int) int { return x * x } // inlined

//go:noinline
func sumSquares(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += square(i)
	}
	return s
}

//go:noinline
func squareLoop(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s ^= square(i + s)
	}
	return s
}

var squareFn = square

//go:noinline
func viaPointer(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += squareFn(i)
	}
	return s
}

func main() {
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		panic(err)
	}
	end := time.Now().Add(3 * time.Second)
	for time.Now().Before(end) {
		sink += fib(24)
		for i := 0; i < 200; i++ {
			if even(1000 + i) {
				sink++
			}
		}
		sink += sumSquares(300000) + squareLoop(300000) + viaPointer(300000)
	}
	pprof.StopCPUProfile()
	f.Close()
}
