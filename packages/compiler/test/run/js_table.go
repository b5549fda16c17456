// syscall/js: JavaScript values Go drops are released from the host's table (each Value's
// finalizer), so a loop making values does not grow it without bound. gort exposes the table
// size as globalThis.__gortJsValues; Go's wasm port has no such property, and there the check
// is skipped (so both print the same).
package main

import (
	"fmt"
	"runtime"
	"syscall/js"
	"time"
)

func live() (int, bool) {
	v := js.Global().Get("__gortJsValues")
	if v.IsUndefined() {
		return 0, false
	}
	return v.Int(), true
}

func main() {
	object := js.Global().Get("Object")
	base, ok := live()
	const n = 3000
	sum := 0
	for i := 0; i < n; i++ {
		o := object.New() // a new table entry each time
		o.Set("i", i)
		sum += o.Get("i").Int()
	}
	grown, _ := live()
	for i := 0; i < 3; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond) // finalizers run
	}
	after, _ := live()
	fmt.Println("sum:", sum)
	fmt.Println("table grew while values were live:", !ok || grown >= base+n/2)
	fmt.Println("table shrank after they were dropped:", !ok || after < base+50)
	if ok && (grown < base+n/2 || after >= base+50) {
		fmt.Println("entries:", base, grown, after)
	}
}
