// Reading stdin from a pipe that is fed slowly (by hostcall.e2e.test.ts,
// after "ready") parks only the reading goroutine: a goroutine counting on
// a timer keeps going while main waits for each line.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sync/atomic"
	"time"
)

func main() {
	var ticks int64
	go func() {
		for {
			time.Sleep(10 * time.Millisecond)
			atomic.AddInt64(&ticks, 1)
		}
	}()
	fmt.Println("ready")
	sc := bufio.NewScanner(os.Stdin)
	prev := atomic.LoadInt64(&ticks)
	for sc.Scan() {
		n := atomic.LoadInt64(&ticks)
		fmt.Printf("line %q, ticker advanced while waiting: %v\n", sc.Text(), n-prev >= 5)
		prev = n
	}
	fmt.Println("eof", sc.Err())
}
