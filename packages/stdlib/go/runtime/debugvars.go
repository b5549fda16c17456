// gort standard library: package runtime (profiling rate, breakpoint).

package runtime

// MemProfileRate is the average number of bytes allocated between two
// recorded samples of the memory profile (0: no profiling, 1: every
// allocation). Go's default is 512 KiB, but Go's linker zeroes it at
// startup in programs that never reach runtime.MemProfile. gort does the
// equivalent: the variable starts at 0, and package runtime/pprof's init
// hands its address to the runtime's heap profiler and sets Go's default
// (512 KiB) when it is still 0. From then on every allocation reads it
// (packages/runtime/src/profmem.ts).
var MemProfileRate int = 0

// Breakpoint executes a breakpoint trap. With no debugger attached the
// program dies as Go's does on the trap: "SIGTRAP: trace trap", the
// goroutine's traceback, exit status 2 (packages/runtime/src/debugrt.ts).
func Breakpoint()
