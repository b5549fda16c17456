package main

// Package-level tables of constants are laid out as static data by the compiler
// (codegen/staticinit.ts); these must behave exactly as if built by init code.

var primes = []int{2, 3, 5, 7, 11, 13}

var grid = [3][2]int16{{1, -2}, {3, -4}, {-32768, 32767}}

var sparse = [...]uint8{5: 50, 2: 20, 9}

var keyed = []float64{3: 1.5, 1: -0.25}

var flags = [4]bool{true, false, true}

var f32s = []float32{0.1, 1e38, -3}

var big = [2]uint64{1<<64 - 1, 1 << 63}

var small = []int8{-128, 127, -1}

// dynamic initialisers that read the static tables (initialisation order must hold)
var sum = total(primes)
var first = grid[2][0]

func total(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func main() {
	println(len(primes), cap(primes), sum, first)
	for _, r := range grid {
		println(r[0], r[1])
	}
	println(len(sparse), sparse[2], sparse[3], sparse[5], sparse[4])
	println(len(keyed), keyed[0], keyed[1], keyed[3])
	println(flags[0], flags[1], flags[2], flags[3])
	println(f32s[0], f32s[1], f32s[2], big[0], big[1], small[0], small[1], small[2])
	// the tables are ordinary variables: writable, and append past cap copies
	primes[0] = 1
	grid[1][1] = 99
	p2 := append(primes, 17)
	p2[1] = 0
	println(primes[0], primes[1], p2[0], p2[1], len(p2), grid[1][1])
	copyOf := grid
	copyOf[0][0] = 42
	println(grid[0][0], copyOf[0][0])
	primes = nil
	println(len(primes), total(p2))
}
