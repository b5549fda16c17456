// gort standard library: package js (Go functions called by JavaScript).

package js

import (
	"os"
	"sync"
)

// Func is a Go function wrapped so that JavaScript can call it.
type Func struct {
	Value // the JavaScript function that calls the Go function
	id    uint32
}

var (
	funcsMu sync.Mutex
	funcs   = map[uint32]func(Value, []Value) any{}
	lastID  uint32
)

// outputFuncID is the Func the host's console and process.stdout/stderr
// write through: args are (fd, text); the text goes to os.Stdout or
// os.Stderr, in order with the program's own output.
const outputFuncID = 0xFFFFFFFF

// FuncOf returns a JavaScript function that calls fn with JavaScript's
// "this" and the call's arguments; fn's result is converted with ValueOf.
//
// A call from JavaScript outside any Go request (a timer, a promise
// reaction, an event) starts a new goroutine and pauses JavaScript's event
// loop until fn returns; calls JavaScript makes while running a request
// from Go run on the goroutine that made the request. So fn must not block
// on something that needs the event loop (await a promise, a timer): start
// a goroutine for that. Release must be called once the function is no
// longer needed.
func FuncOf(fn func(this Value, args []Value) any) Func {
	funcsMu.Lock()
	lastID++
	id := lastID
	funcs[id] = fn
	funcsMu.Unlock()
	return Func{Value: makeValue(makeFunc(id)), id: id}
}

// Release frees the resources of the function; JavaScript must not call it
// afterwards (such a call logs "call to released function"). Release may be
// called while the function runs.
func (c Func) Release() {
	funcsMu.Lock()
	delete(funcs, c.id)
	funcsMu.Unlock()
}

// eventHandler keeps the handler's func value reachable (a global is a GC
// root; the runtime only holds its address).
var eventHandler = handleEvent

func init() {
	registerHandler(eventHandler, os.Environ())
}

// handleEvent is the body of the goroutine the runtime starts for a call
// from JavaScript that no Go request is waiting on.
func handleEvent() {
	runCallback()
}

// runCallback runs the Func call assigned to this goroutine and hands its
// result back to JavaScript.
func runCallback() {
	id, this, args := takeCallback()
	finished := false
	defer func() {
		if !finished {
			// fn panicked: JavaScript gets undefined and goes on; the panic goes on too
			callbackDone(0)
		}
	}()
	result := callFunc(id, this, args)
	finished = true
	callbackDone(result.ref)
	keepAlive(result)
}

func callFunc(id uint32, this ref, args []ref) Value {
	if id == outputFuncID {
		if len(args) == 2 {
			text := makeValue(args[1]).String()
			if makeValue(args[0]).Int() == 2 {
				os.Stderr.WriteString(text)
			} else {
				os.Stdout.WriteString(text)
			}
		}
		return Undefined()
	}
	funcsMu.Lock()
	f, ok := funcs[id]
	funcsMu.Unlock()
	if !ok {
		Global().Get("console").Call("error", "call to released function")
		return Undefined()
	}
	vals := make([]Value, len(args))
	for i, a := range args {
		vals[i] = makeValue(a)
	}
	return ValueOf(f(makeValue(this), vals))
}
