package main

// WaitGroup misuse panics as Go 1.19: a waiter woken while the counter was raised again
// ("reused before previous Wait has returned"), a negative counter; then reuse done right.

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer func() { fmt.Println("waiter recovered:", recover()); wg.Done() }()
		wg.Wait()
		fmt.Println("waiter returned")
	}()
	runtime.Gosched()
	wg.Done()
	wg.Add(1) // before the woken waiter runs
	fmt.Println("main re-added")
	runtime.Gosched()

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var w2 sync.WaitGroup
		w2.Add(1)
		w2.Add(-2)
	}()

	var w3 sync.WaitGroup
	total := 0
	for round := 1; round <= 3; round++ {
		for i := 0; i < round; i++ {
			w3.Add(1)
			go func() { total++; w3.Done() }()
		}
		w3.Wait()
		fmt.Println("round", round, "total", total)
	}
}
