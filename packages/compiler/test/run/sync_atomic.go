package main

// sync/atomic's typed atomics (Go 1.19) and atomic.Value with its panics.

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type point struct{ x, y int }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panics:", r)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func main() {
	var i32 atomic.Int32
	fmt.Println(i32.Add(5), i32.Add(-7), i32.Swap(40), i32.CompareAndSwap(40, 41), i32.CompareAndSwap(40, 42), i32.Load())
	i32.Store(-1 << 31)
	fmt.Println(i32.Add(-1))

	var i64 atomic.Int64
	i64.Store(1<<62 + 1<<61)
	fmt.Println(i64.Add(1<<61), i64.Load(), i64.Swap(-3), i64.CompareAndSwap(-3, 7), i64.Load())

	var u32 atomic.Uint32
	fmt.Println(u32.Add(^uint32(0)), u32.Add(2), u32.Swap(9), u32.CompareAndSwap(9, 10), u32.Load())

	var u64 atomic.Uint64
	fmt.Println(u64.Add(^uint64(0)), u64.Add(3), u64.Swap(1<<63), u64.CompareAndSwap(1<<63, 5), u64.Load())

	var up atomic.Uintptr
	fmt.Println(up.Add(16), up.Swap(32), up.CompareAndSwap(32, 48), up.Load())

	var b atomic.Bool
	fmt.Println(b.Load(), b.Swap(true), b.CompareAndSwap(true, false), b.CompareAndSwap(true, false), b.Load())
	b.Store(true)
	fmt.Println(b.Load())

	var p atomic.Pointer[point]
	fmt.Println(p.Load() == nil)
	p1, p2 := &point{1, 2}, &point{3, 4}
	p.Store(p1)
	old := p.Swap(p2)
	fmt.Println(*old, *p.Load(), p.CompareAndSwap(p1, p1), p.CompareAndSwap(p2, p1), *p.Load())

	// Function forms.
	var x int32 = 10
	fmt.Println(atomic.AddInt32(&x, 5), atomic.LoadInt32(&x), atomic.SwapInt32(&x, 1), atomic.CompareAndSwapInt32(&x, 1, 2), x)
	var y uint64
	atomic.StoreUint64(&y, 1<<40)
	fmt.Println(atomic.AddUint64(&y, 1), atomic.LoadUint64(&y))

	// atomic.Value.
	var v atomic.Value
	fmt.Println(v.Load())
	v.Store(point{1, 2})
	fmt.Println(v.Load())
	fmt.Println(v.Swap(point{3, 4}), v.Load())
	fmt.Println(v.CompareAndSwap(point{3, 4}, point{5, 6}), v.CompareAndSwap(point{3, 4}, point{7, 8}), v.Load())
	try("Store(nil)", func() { v.Store(nil) })
	try("Store(other type)", func() { v.Store("str") })
	try("Swap(nil)", func() { v.Swap(nil) })
	try("Swap(other type)", func() { v.Swap(1) })
	try("CompareAndSwap(_, nil)", func() { v.CompareAndSwap(point{5, 6}, nil) })
	try("CompareAndSwap(other type)", func() { v.CompareAndSwap(1, 2) })
	try("CompareAndSwap(old mismatched type)", func() { v.CompareAndSwap("x", point{}) })
	var w atomic.Value
	try("CompareAndSwap(uncomparable old)", func() { w.Store([]int{1}); w.CompareAndSwap([]int{1}, []int{2}) })
	var e atomic.Value
	fmt.Println(e.Swap(1), e.CompareAndSwap(nil, 2), e.Load())
	var f atomic.Value
	fmt.Println(f.CompareAndSwap(nil, 3), f.Load())

	// Counters under concurrency.
	var n atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				n.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter", n.Load())
}
