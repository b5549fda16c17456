package main

// sync.Pool in Go's order with one P: the private slot, then the shared deque's
// head (LIFO), then after a GC the victim generation (private, then oldest first);
// objects unused for two GC cycles are gone; New fills in; Put(nil) is ignored.

import (
	"fmt"
	"runtime"
	"sync"
)

func drain(p *sync.Pool, n int) []any {
	var out []any
	for i := 0; i < n; i++ {
		out = append(out, p.Get())
	}
	return out
}

func main() {
	var p sync.Pool
	for _, s := range []string{"a", "b", "c", "d"} {
		p.Put(s)
	}
	p.Put(nil)
	fmt.Println("no GC:", drain(&p, 5))

	for _, s := range []string{"a", "b", "c", "d"} {
		p.Put(s)
	}
	runtime.GC()
	p.Put("e")
	p.Put("f")
	fmt.Println("one GC:", drain(&p, 7))

	for _, s := range []string{"a", "b", "c"} {
		p.Put(s)
	}
	runtime.GC()
	runtime.GC()
	fmt.Println("two GCs:", drain(&p, 2))

	n := 0
	q := sync.Pool{New: func() any { n++; return n }}
	q.Put(100)
	fmt.Println("New:", q.Get(), q.Get(), q.Get())
	q.Put(200)
	runtime.GC()
	fmt.Println("after GC:", q.Get(), q.Get())

	// Many pools, many objects, many cycles: every Get returns a value Put earlier or New's.
	pools := make([]sync.Pool, 20)
	for i := range pools {
		pools[i].New = func() any { return -1 }
	}
	bad := 0
	for round := 0; round < 50; round++ {
		for i := range pools {
			pools[i].Put(i*1000 + round)
			pools[i].Put(i*1000 + round + 500)
		}
		if round%7 == 0 {
			runtime.GC()
		}
		for i := range pools {
			v := pools[i].Get().(int)
			if v != -1 && v/1000 != i {
				bad++
			}
		}
	}
	fmt.Println("stress bad:", bad)
}
