// sync.Pool from goroutines running in parallel (worker-thread Ms): each P's private slot has
// one user at a time, so no item is handed to two goroutines at once and none comes out torn
// (a type word without its pointer: a nil *int32). procPin returns the goroutine's own P and
// holds it there until the unpin.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var bad, torn int64
	pool := sync.Pool{New: func() any { return new(int32) }}
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := 0
			for i := 0; i < 100000; i++ {
				p := pool.Get().(*int32)
				if p == nil {
					atomic.AddInt64(&torn, 1)
					continue
				}
				if atomic.AddInt32(p, 1) != 1 {
					atomic.AddInt64(&bad, 1)
				}
				for k := 0; k < 150; k++ { // compute: the goroutines go to worker Ms
					s += k
				}
				atomic.AddInt32(p, -1)
				pool.Put(p)
			}
			_ = s
		}()
	}
	wg.Wait()
	fmt.Println("items used by two goroutines at once:", bad)
	fmt.Println("items without their pointer:", torn)
}
