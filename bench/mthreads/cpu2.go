// Two (or, with a second argument of 1, one) CPU-bound goroutines (an integer LCG loop each), joined with a WaitGroup.
// stdout: the two results (identical under any GOMAXPROCS); stderr: "elapsed N ms" measured
// inside the program (start-up and compilation excluded). bench/mthreads/parallel.mjs runs it.
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

func work(seed, n int) int {
	s := seed
	for i := 0; i < n; i++ {
		s = s*1103515245 + 12345 + i
		s &= 0x7fffffff
	}
	return s
}

func main() {
	n, ng := 40000000, 2
	if len(os.Args) > 1 {
		fmt.Sscan(os.Args[1], &n)
	}
	if len(os.Args) > 2 {
		fmt.Sscan(os.Args[2], &ng) // 1: the control with one goroutine
	}
	t0 := time.Now()
	var wg sync.WaitGroup
	res := make([]int, 2)
	for k := 0; k < ng; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			res[k] = work(k+1, n)
		}(k)
	}
	wg.Wait()
	fmt.Fprintf(os.Stderr, "elapsed %d ms\n", time.Since(t0).Milliseconds())
	fmt.Println(res[0], res[1])
}
