// syscall/js: JavaScript calling Go (js.FuncOf) synchronously and from its event loop, and
// goroutines awaiting promises while others keep running (expected output from GOOS=js
// GOARCH=wasm go build run by Go's wasm_exec_node.js).
package main

import (
	"fmt"
	"syscall/js"
	"time"
)

// await parks the calling goroutine until promise p settles (Go's documented pattern: then with
// two Funcs that send on a channel).
func await(p js.Value) (js.Value, error) {
	ok := make(chan js.Value, 1)
	bad := make(chan js.Value, 1)
	onOK := js.FuncOf(func(this js.Value, args []js.Value) any { ok <- args[0]; return nil })
	onBad := js.FuncOf(func(this js.Value, args []js.Value) any { bad <- args[0]; return nil })
	defer onOK.Release()
	defer onBad.Release()
	p.Call("then", onOK, onBad)
	select {
	case v := <-ok:
		return v, nil
	case e := <-bad:
		return js.Undefined(), js.Error{Value: e}
	}
}

func main() {
	g := js.Global()
	json := g.Get("JSON")

	// synchronous callbacks: Array.prototype.map, sort with a Go comparator, nested calls
	double := js.FuncOf(func(this js.Value, args []js.Value) any {
		return args[0].Int() * 2
	})
	arr := js.ValueOf([]any{3, 1, 2})
	fmt.Println("map:", json.Call("stringify", arr.Call("map", double)).String())
	calls := 0
	cmp := js.FuncOf(func(this js.Value, args []js.Value) any {
		calls++
		return args[1].Int() - args[0].Int() // descending
	})
	arr.Call("sort", cmp)
	fmt.Println("sort:", json.Call("stringify", arr).String(), "comparator called:", calls > 0)
	// a Go function calling JavaScript that calls Go again
	outer := js.FuncOf(func(this js.Value, args []js.Value) any {
		inner := js.ValueOf([]any{args[0], args[0]}).Call("map", double)
		return inner.Call("join", "+")
	})
	fmt.Println("nested:", js.ValueOf([]any{1, 2}).Call("map", outer).Call("join", " ").String())
	// this and arguments
	obj := g.Get("Object").New()
	obj.Set("name", "obj")
	obj.Set("who", js.FuncOf(func(this js.Value, args []js.Value) any {
		return this.Get("name").String() + fmt.Sprintf(" got %d args", len(args))
	}))
	fmt.Println("this:", obj.Call("who", 1, "two", nil).String())
	double.Release()
	cmp.Release()
	outer.Release()

	// promises: main awaits while a ticker goroutine keeps printing
	v, err := await(g.Get("Promise").Call("resolve", 42))
	fmt.Println("Promise.resolve:", v.Int(), err)
	stop := make(chan bool)
	ticks := make(chan int)
	go func() {
		n := 0
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				n++
				if n <= 3 {
					fmt.Println("tick", n)
				}
			case <-stop:
				ticks <- n
				return
			}
		}
	}()
	sleep := g.Get("Function").New("ms", "return new Promise(r => setTimeout(() => r('slept ' + ms + ' ms'), ms))")
	start := time.Now()
	v, err = await(sleep.Invoke(40))
	fmt.Println("setTimeout promise:", v.String(), err, "waited >= 35ms:", time.Since(start) >= 35*time.Millisecond) // (Node may fire a timer up to 1 ms early)
	_, err = await(g.Get("Promise").Call("reject", g.Get("Error").New("nope")))
	fmt.Println("rejected:", err)
	stop <- true
	fmt.Println("ticker ran while awaiting:", <-ticks >= 3)

	// an event from JavaScript's loop starts a goroutine: setTimeout calling a Go Func
	done := make(chan string)
	cb := js.FuncOf(func(this js.Value, args []js.Value) any {
		done <- "timer fired with " + args[0].String()
		return nil
	})
	// the Func must not block JavaScript: hand the value to a goroutine
	cb2 := js.FuncOf(func(this js.Value, args []js.Value) any {
		go cb.Invoke(args[0])
		return nil
	})
	g.Call("setTimeout", cb2, 10, "arg")
	fmt.Println(<-done)
	cb.Release()
	cb2.Release()

	// console output from JavaScript, in order with Go's
	fmt.Println("before console.log")
	g.Get("console").Call("log", "console.log from JS:", 1, true)
	fmt.Println("after console.log")

	// a released function
	f := js.FuncOf(func(this js.Value, args []js.Value) any { return 1 })
	f.Release()
	fmt.Println("released call returns:", f.Invoke())
}
