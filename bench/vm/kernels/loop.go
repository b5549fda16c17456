// loop: a tight int64 loop with multiply and remainder.
package main

func loop(n, m int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i * i % m
	}
	return s
}

func main() {
	println("checksum loop", loop(50000000, 7919))
}
