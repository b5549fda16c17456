// gort standard library: package runtime/trace (runtime-provided functions).
//
// Body-less declarations implemented by gort's runtime
// (packages/runtime/src/tracenative.ts); each is listed in
// packages/stdlib/NATIVES.md.

package trace

// startTrace starts the execution tracer with its output queued for
// readTrace; false if a trace is already running.
func startTrace() bool

// stopTrace ends the running trace (its last bytes stay queued).
func stopTrace()

// readTrace copies queued trace bytes into buf and returns their count;
// it parks the goroutine while nothing is queued and returns 0 once the
// stopped trace has been read completely. May park.
func readTrace(buf []byte) int

// isEnabled reports whether the execution tracer is running.
func isEnabled() bool

// annotating reports whether annotations are recorded: the tracer runs, or
// the runtime turns them into OpenTelemetry spans (gort's embedding API).
// Without a span sink it equals isEnabled.
func annotating() bool

// userTaskCreate records the creation of task id, a child of parentID.
func userTaskCreate(id, parentID uint64, taskType string)

// userTaskEnd records the end of task id.
func userTaskEnd(id uint64)

// userRegion records the start (mode 0) or end (mode 1) of a region.
func userRegion(id, mode uint64, regionType string)

// userLog records a log message of task id.
func userLog(id uint64, category, message string)
