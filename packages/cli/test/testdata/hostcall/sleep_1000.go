// 1 000 goroutines each sleeping 10 ms all finish within 50 ms of wall
// time (issue 6), measured inside the program.
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go func() {
			time.Sleep(10 * time.Millisecond)
			wg.Done()
		}()
	}
	wg.Wait()
	d := time.Since(start)
	if d < 50*time.Millisecond {
		fmt.Println("ok: 1000 sleepers finished within 50ms")
	} else {
		fmt.Println("slow:", d)
	}
	fmt.Fprintln(os.Stderr, d.Microseconds())
}
