// gort standard library: package runtime/trace (Go 1.19 API).
//
// Package trace contains facilities for programs to generate traces for
// the Go execution tracer. The trace is written in Go 1.19's format, so
// `go tool trace` and `gort trace` read it.
//
// As in Go, Start launches a goroutine that copies the runtime's trace
// buffers to w as they fill (readTrace parks it while none is ready), and
// Stop ends the trace and returns once that goroutine has written
// everything. The runtime side is packages/runtime/src/trace.ts and
// tracenative.ts.
package trace

import (
	"io"
	"sync"
)

// tracing serialises Start and Stop; done receives when the reader
// goroutine of the current trace has written the last byte.
var tracing struct {
	sync.Mutex
	done chan struct{}
}

// Start enables tracing for the current program. While tracing, the trace
// will be buffered and written to w. Start returns an error if tracing is
// already enabled.
func Start(w io.Writer) error {
	tracing.Lock()
	defer tracing.Unlock()
	if !startTrace() {
		return errorString("tracing is already enabled")
	}
	done := make(chan struct{})
	tracing.done = done
	go func() {
		buf := make([]byte, 64<<10)
		for {
			n := readTrace(buf)
			if n == 0 {
				break
			}
			w.Write(buf[:n])
		}
		close(done)
	}()
	return nil
}

// Stop stops the current tracing, if any. Stop only returns after all the
// writes for the trace have completed.
func Stop() {
	tracing.Lock()
	defer tracing.Unlock()
	stopTrace()
	if tracing.done != nil {
		<-tracing.done
		tracing.done = nil
	}
}

// errorString is the runtime's error of a second Start (Go: runtime.StartTrace's
// errorString, printed with the "runtime error: " prefix).
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string { return "runtime error: " + string(e) }

// IsEnabled reports whether tracing is enabled. The information is
// advisory only: the tracing status may have changed by the time this
// function returns.
func IsEnabled() bool {
	return isEnabled()
}
