package main

import "runtime"

type node struct {
	val  int
	next *node
}

func list(n int) *node {
	var h *node
	for i := 0; i < n; i++ {
		h = &node{i, h}
	}
	return h
}

func sum(h *node) int {
	s := 0
	for ; h != nil; h = h.next {
		s += h.val
	}
	return s
}

// The deferred calls' arguments are reachable only from the defer records.
func deferred(n int) {
	for i := 0; i < n; i++ {
		defer func(l *node, s string) {
			println(s, sum(l))
		}(list(100+i), string([]byte{'a' + byte(i)}))
	}
	for i := 0; i < 3; i++ {
		_ = make([]byte, 1<<20)
		runtime.GC()
	}
}

// A panic value reachable only from the panic record while deferred calls allocate.
func panicking() {
	defer func() {
		r := recover().(*node)
		println("recovered list", sum(r))
	}()
	defer func() {
		for i := 0; i < 3; i++ {
			_ = make([]byte, 1<<20)
			runtime.GC()
		}
	}()
	panic(list(1000))
}

func grow(n int) int {
	var pad [64]int
	pad[n%64] = n
	if n == 0 {
		panic(list(10))
	}
	return grow(n-1) + pad[n%64]
}

// Stack growth while the deferred calls of a panic run (frames hold the defer list).
func deepRecover() (r int) {
	defer func() {
		l := recover().(*node)
		r = sum(l)
	}()
	defer func() { println("deep deferred", grow2(2000)) }()
	return grow(300)
}

func grow2(n int) int {
	if n == 0 {
		return 0
	}
	return grow2(n-1) + 1
}

func main() {
	deferred(4)
	panicking()
	println("deepRecover", deepRecover())
}
