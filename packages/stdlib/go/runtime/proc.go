// gort standard library: package runtime (scheduler interface).

// Package runtime exposes gort's runtime to Go programs. The functions
// below have no Go body: gort's scheduler implements them
// (packages/runtime/src/proc.ts; listed in packages/stdlib/NATIVES.md).
package runtime

// Gosched yields the processor: the calling goroutine goes to the back of
// the global run queue and resumes automatically.
func Gosched()

// GOMAXPROCS sets the number of logical processors that may run Go code
// at once and returns the previous setting; n < 1 only reports it.
// gort resizes its Ps (run queues and all); one host thread still runs
// them one at a time until Ms are worker threads.
func GOMAXPROCS(n int) int

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// Goexit ends the calling goroutine (other goroutines are not affected).
// Called from the main goroutine, the program continues until every
// other goroutine has finished, then dies with Go's deadlock error.
func Goexit()

// GC runs a complete garbage collection and blocks until it is done.
func GC()

// NumCPU returns the number of logical CPUs of the host.
func NumCPU() int

// KeepAlive marks its argument as reachable up to this call: gort's stack
// maps keep every pointer slot of a frame live for the whole function, so
// the call itself is all that is needed.
func KeepAlive(x any) {}

// LockOSThread wires the calling goroutine to its current thread until
// it calls UnlockOSThread as many times (calls nest). A goroutine that
// exits while wired ends its thread. gort keeps Go's bookkeeping (shown by
// GODEBUG=scheddetail=1); with one host thread nothing else changes.
func LockOSThread()

// UnlockOSThread undoes one LockOSThread call; with none pending it does
// nothing.
func UnlockOSThread()
