package main

// Indexing through a nil pointer to an array panics, in loops (optimised code) and for arrays
// larger than the guard page (explicit nil checks).

func shouldPanic(name string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			println(name, "did not panic")
			return
		}
		println(name, r.(error).Error())
	}()
	f()
}

type big struct {
	pad [1 << 16]byte
	x   int
}

var q *[1 << 20]int

func main() {
	var p *[10]int
	s := 0
	for i := range p {
		s += i
	}
	println("indices", s)
	shouldPanic("range", func() {
		for i, v := range p {
			s += i + v
		}
	})
	shouldPanic("loop", func() {
		for i := 0; i < len(p); i++ {
			s += p[i]
		}
	})
	shouldPanic("store", func() {
		for i := 0; i < len(p); i++ {
			p[i] = i
		}
	})
	shouldPanic("const", func() { s += p[3] })
	j := 2
	shouldPanic("addr", func() { println(&p[j] != nil) })
	k := 1 << 19
	shouldPanic("big", func() { s += q[k] })
	shouldPanic("bigconst", func() { s += q[1<<18] })
	shouldPanic("bigstore", func() { q[k] = 1 })
	var b *big
	shouldPanic("field", func() { s += b.x })
	shouldPanic("bigslice", func() { _ = q[k:] })
	println(s)
}
