package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func work(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i * i % 7
	}
	return s
}

// batch runs k goroutines of CPU work and channel traffic; returns their results in order.
func batch(k int) []int {
	var wg sync.WaitGroup
	res := make([]int, k)
	ch := make(chan int)
	for i := 0; i < k; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			res[i] = work(3000 * (i + 1))
			ch <- i
		}(i)
	}
	sum := 0
	for i := 0; i < k; i++ {
		sum += <-ch
	}
	wg.Wait()
	return append(res, sum)
}

// runtime.GOMAXPROCS at run time (with worker-thread Ms under GOMAXPROCS=2: runtime
// MTHREADS.md): raising starts Ms, lowering retires them; goroutines spinning, computing and
// talking over channels keep their results through every change.
func main() {
	runtime.GOMAXPROCS(2)
	fmt.Println("start", runtime.GOMAXPROCS(0))
	fmt.Println(batch(4))
	fmt.Println("set 1, prev", runtime.GOMAXPROCS(1), "now", runtime.GOMAXPROCS(0))
	fmt.Println(batch(4))
	fmt.Println("set 3, prev", runtime.GOMAXPROCS(3), "now", runtime.GOMAXPROCS(0))
	fmt.Println(batch(6))
	fmt.Println("set 0, prev", runtime.GOMAXPROCS(0), "set -1", runtime.GOMAXPROCS(-1))

	// Resize while other goroutines spin and count: their work survives every change.
	var stop int32
	var count [4]int64
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for atomic.LoadInt32(&stop) == 0 {
				atomic.AddInt64(&count[i], 1)
				work(100)
				runtime.Gosched()
			}
		}(i)
	}
	for _, n := range []int{1, 2, 4, 1, 2} {
		runtime.GOMAXPROCS(n)
		for j := 0; j < 4; j++ {
			c := atomic.LoadInt64(&count[j])
			for atomic.LoadInt64(&count[j]) < c+5 {
				runtime.Gosched()
			}
		}
		fmt.Println("procs", runtime.GOMAXPROCS(0), "all four progressed")
	}
	atomic.StoreInt32(&stop, 1)
	wg.Wait()
	fmt.Println("set 1 at the end, prev", runtime.GOMAXPROCS(1))
	fmt.Println(batch(3))
}
