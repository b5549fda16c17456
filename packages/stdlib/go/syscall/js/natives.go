// gort standard library: package js (runtime-provided functions).
//
// Body-less declarations implemented by gort's runtime
// (packages/runtime/src/jsvalue.ts); each is listed in
// packages/stdlib/NATIVES.md. JavaScript runs on a host thread of its own;
// every call below is a request to it. A request that does not complete
// promptly parks the calling goroutine (others run) and is finished when
// the host answers.
//
// Status results (st): stOK, stThrew (the ref is the thrown value) or
// stCallback: JavaScript called a Go function (a Func) while running the
// request; the caller runs it (takeCallback, callbackDone) and then waits
// for the rest of the request with resumeCall (see settle in js.go).

package js

// registerHandler gives the runtime the function it starts as a new
// goroutine whenever JavaScript calls a Func outside any Go request
// (timers, promise reactions, events), and the environment the host
// thread's process.env starts with.
func registerHandler(fn func(), env []string)

// finalizeRef drops one Go reference to a table entry of the host; the
// entry is freed when no Go Value refers to it any more. Batched: the
// host hears about it with the next request.
func finalizeRef(r ref)

// stringVal returns a new JavaScript string holding x (UTF-8 decoded).
func stringVal(x string) ref

// makeFunc returns a JavaScript function that calls Func id.
func makeFunc(id uint32) ref

// valueGet returns v[p].
func valueGet(v ref, p string) (ref, int)

// valueSet does v[p] = x.
func valueSet(v ref, p string, x ref) (ref, int)

// valueDelete does delete v[p].
func valueDelete(v ref, p string) (ref, int)

// valueIndex returns v[i].
func valueIndex(v ref, i int) (ref, int)

// valueSetIndex does v[i] = x.
func valueSetIndex(v ref, i int, x ref) (ref, int)

// valueLength returns v.length.
func valueLength(v ref) (ref, int)

// valueCall returns v[m](...args) with this = v.
func valueCall(v ref, m string, args []ref) (ref, int)

// valueInvoke returns v(...args) with this = undefined.
func valueInvoke(v ref, args []ref) (ref, int)

// valueNew returns new v(...args).
func valueNew(v ref, args []ref) (ref, int)

// valueInstanceOf returns v instanceof t (a boolean ref).
func valueInstanceOf(v ref, t ref) (ref, int)

// resumeCall waits for the rest of the request that returned stCallback.
func resumeCall() (ref, int)

// valueString returns String(v) as UTF-8.
func valueString(v ref) string

// copyBytesToGo copies min(len(dst), src.length) bytes of the Uint8Array
// (or Uint8ClampedArray) src; ok is false for any other src.
func copyBytesToGo(dst []byte, src ref) (n int, ok bool)

// copyBytesToJS copies min(dst.length, len(src)) bytes into the
// Uint8Array (or Uint8ClampedArray) dst; ok is false for any other dst.
func copyBytesToJS(dst ref, src []byte) (n int, ok bool)

// takeCallback returns the Func call assigned to the calling goroutine:
// the nested call that made a request return stCallback, or the event a
// handler goroutine was started for.
func takeCallback() (id uint32, this ref, args []ref)

// callbackDone hands the result of the call takeCallback returned back to
// JavaScript.
func callbackDone(result ref)
