// fib: recursive calls (CALL/RET, compare-and-branch). Kernel for bench/vm/kernels.mjs.
package main

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	println("checksum fib", fib(35))
}
