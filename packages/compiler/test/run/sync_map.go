package main

// sync.Map (Go 1.19's methods: Load, Store, LoadOrStore, LoadAndDelete, Delete, Range),
// used from many goroutines; Range may modify the map.

import (
	"fmt"
	"sort"
	"sync"
)

func dump(m *sync.Map) []string {
	var out []string
	m.Range(func(k, v any) bool {
		out = append(out, fmt.Sprint(k, "=", v))
		return true
	})
	sort.Strings(out)
	return out
}

func main() {
	var m sync.Map
	fmt.Println(m.Load("a"))
	m.Store("a", 1)
	m.Store("b", 2)
	m.Store("a", 3)
	fmt.Println(m.Load("a"))
	fmt.Println(m.LoadOrStore("b", 20))
	fmt.Println(m.LoadOrStore("c", 30))
	fmt.Println(m.LoadAndDelete("b"))
	fmt.Println(m.LoadAndDelete("b"))
	m.Delete("zz")
	m.Store(1, "one")
	m.Store(point{1, 2}, nil)
	fmt.Println(dump(&m))

	// Range stops when f returns false; f may delete and store.
	n := 0
	m.Range(func(k, v any) bool {
		n++
		return false
	})
	fmt.Println("stopped after", n)
	m.Range(func(k, v any) bool {
		m.Delete(k)
		return true
	})
	fmt.Println("after deleting all:", dump(&m))

	var wg sync.WaitGroup
	for g := 0; g < 20; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				actual, loaded := m.LoadOrStore(i, g)
				if loaded && actual.(int) == g {
					fmt.Println("impossible")
				}
			}
		}(g)
	}
	wg.Wait()
	cnt := 0
	m.Range(func(k, v any) bool { cnt++; return true })
	fmt.Println("keys", cnt)

	defer func() { fmt.Println("recovered:", recover()) }()
	m.Store([]int{1}, 1)
}

type point struct{ x, y int }
