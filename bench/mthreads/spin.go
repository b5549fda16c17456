// A goroutine spinning in `for {}` must not stop main from printing and exiting, with any
// GOMAXPROCS (gort preempts it at its budget end; with worker Ms it simply runs on another M).
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	for i := 0; i < runtime.GOMAXPROCS(0)+1; i++ {
		go func() {
			for {
			}
		}()
	}
	time.Sleep(10 * time.Millisecond)
	runtime.Gosched()
	fmt.Println("main done")
}
