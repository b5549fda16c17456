package main

import (
	"fmt"
	"sync"
)

func work(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i * i % 7
	}
	return s
}

func main() {
	m := map[int]int{}
	var mu sync.Mutex
	var rw sync.RWMutex
	r := map[int]int{1: 1}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 800; i++ {
				w := work(500)
				mu.Lock()
				m[g*1000000+i%1000] = w
				mu.Unlock()
				rw.RLock()
				_ = r[1]
				rw.RUnlock()
				if i%100 == 0 {
					rw.Lock()
					r[i] = i
					rw.Unlock()
				}
			}
		}(g)
	}
	wg.Wait()
	fmt.Println(len(m), len(r))
}
