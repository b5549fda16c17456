package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	c := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-c
			fmt.Println("woke", i)
		}(i)
	}
	time.Sleep(10 * time.Millisecond) // let them all block
	close(c)
	wg.Wait()
}
