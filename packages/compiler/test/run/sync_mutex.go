package main

// sync.Mutex in Go's semantics with one P: normal mode lets the unlocker barge back in;
// a waiter that waited over 1 ms switches the mutex to starvation mode, where Unlock hands
// the lock straight to it and yields so it runs at once. TryLock, RWMutex writer
// preference, Cond, Once with a panicking f, WaitGroup reuse.

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func starvation() {
	var mu sync.Mutex
	mu.Lock()
	go func() {
		fmt.Println("waiter: Lock")
		mu.Lock()
		fmt.Println("waiter: got the lock")
		mu.Unlock()
	}()
	runtime.Gosched() // the waiter blocks
	time.Sleep(2 * time.Millisecond)
	mu.Unlock()
	fmt.Println("main: unlocked (normal mode: the waiter is only woken)")
	mu.Lock() // barges ahead of the woken waiter
	fmt.Println("main: relocked, TryLock =", mu.TryLock())
	time.Sleep(2 * time.Millisecond) // the waiter finds it locked again after > 1 ms: starving
	mu.Unlock()
	fmt.Println("main: unlocked (starvation mode: handed off)")
	mu.Lock()
	fmt.Println("main: locked again")
	mu.Unlock()
}

func rwmutex() {
	var rw sync.RWMutex
	var log []string
	var wg sync.WaitGroup
	rw.RLock()
	wg.Add(3)
	go func() {
		defer wg.Done()
		rw.Lock()
		log = append(log, "writer")
		rw.Unlock()
	}()
	runtime.Gosched() // writer waits for the reader
	go func() {
		defer wg.Done()
		rw.RLock() // a pending writer blocks new readers
		log = append(log, "late reader")
		rw.RUnlock()
	}()
	go func() {
		defer wg.Done()
		log = append(log, fmt.Sprint("TryRLock ", rw.TryRLock(), " TryLock ", rw.TryLock()))
	}()
	runtime.Gosched()
	log = append(log, "first reader done")
	rw.RUnlock()
	wg.Wait()
	fmt.Println(log)
}

func cond() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := 0
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			for ready == 0 {
				c.Wait()
			}
			fmt.Println("cond woke", i)
			ready--
			mu.Unlock()
		}(i)
	}
	runtime.Gosched()
	mu.Lock()
	ready = 1
	c.Signal()
	mu.Unlock()
	runtime.Gosched()
	mu.Lock()
	ready = 3
	c.Broadcast()
	mu.Unlock()
	wg.Wait()
}

func once() {
	var o sync.Once
	func() {
		defer func() { fmt.Println("once recovered:", recover()) }()
		o.Do(func() { panic("f panics") })
	}()
	o.Do(func() { fmt.Println("not called: a panicking f counts as done") })
	fmt.Println("once done")
}

func waitgroup() {
	var wg sync.WaitGroup
	for round := 0; round < 3; round++ {
		sum := 0
		for i := 1; i <= 10; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				sum += i
			}(i)
		}
		wg.Wait()
		fmt.Println("round", round, "sum", sum)
	}
	defer func() { fmt.Println("recovered:", recover()) }()
	wg.Done()
}

func main() {
	starvation()
	rwmutex()
	cond()
	once()
	waitgroup()
}
