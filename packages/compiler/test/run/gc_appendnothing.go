// append(s, t...) with an empty t must not leave a pointer past the end of s's array in the
// frame: the collector would take it for a pointer to the next object and keep that alive.
package main

import (
	"fmt"
	"runtime"
	"time"
	"unsafe"
)

var finalized = make(chan bool, 1)

// setup returns a full one-element slice whose array is followed in memory by an object that
// only a finalizer watches.
//
//go:noinline
func setup() []*int {
	for try := 0; try < 1000; try++ {
		a := make([]*int, 1)
		b := new([1]*int)
		if uintptr(unsafe.Pointer(&a[0]))+unsafe.Sizeof(a[0]) == uintptr(unsafe.Pointer(b)) {
			runtime.SetFinalizer(b, func(*[1]*int) { finalized <- true })
			return a
		}
	}
	panic("no adjacent objects")
}

//go:noinline
func appendNothing(a []*int) []*int {
	var none []*int
	a = append(a, none...)
	runtime.GC()
	return a
}

func main() {
	a := setup()
	a = appendNothing(a)
	select {
	case <-finalized:
		fmt.Println("the next object was collected")
	case <-time.After(2 * time.Second):
		fmt.Println("the next object was kept alive")
	}
	fmt.Println(len(a), cap(a))
}
