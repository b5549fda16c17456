package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	c := make(chan int)
	go close(c)
	_, ok := <-c
	fmt.Println("closed:", !ok)

	dst := make([]int, 3)
	src := []int{7, 8, 9, 10}
	go copy(dst, src)
	m := map[string]int{"a": 1, "b": 2}
	go delete(m, "a")
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); time.Sleep(20 * time.Millisecond) }()
	wg.Wait()
	fmt.Println(dst, m)

	x := 5
	go println("go println", x, "done")
	x = 6 // the argument was evaluated at the go statement
	time.Sleep(20 * time.Millisecond)
	fmt.Println("x now", x)
}
