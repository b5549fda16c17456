// gort standard library: package runtime (profiling rate, breakpoint).

package runtime

// MemProfileRate is the average number of bytes allocated between two
// recorded samples of the memory profile (0: no profiling, 1: every
// allocation). Go's default is 512 KiB, but Go's linker zeroes it at
// startup in programs that never reach runtime.MemProfile; gort has no
// heap profile (no MemProfile) yet, so every gort program is such a
// program and the variable starts at 0, as Go prints it for them. The
// runtime does not read it.
var MemProfileRate int = 0

// Breakpoint executes a breakpoint trap. With no debugger attached the
// program dies as Go's does on the trap: "SIGTRAP: trace trap", the
// goroutine's traceback, exit status 2 (packages/runtime/src/debugrt.ts).
func Breakpoint()
