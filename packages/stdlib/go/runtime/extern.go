// gort standard library: package runtime (callers, function information,
// stack traces, build constants).

package runtime

// Program counters. A pc is the byte address, in gort's linear memory, of
// a bytecode instruction: for a calling frame, the instruction after the
// call (a return address, as in Go). The natives below read the image's
// function table and pc→line tables (packages/runtime/src/extern.ts).

// Compiler is the name of the toolchain gort stands in for.
const Compiler = "gc"

// GOOS and GOARCH are the target gort reports: the host Go programs are
// written against (gort itself runs anywhere Node.js runs).
const GOOS = "linux"
const GOARCH = "amd64"

// Caller reports the return pc, file and line of the call skip frames up
// the calling goroutine's stack (0: the caller of Caller). ok is false
// when there is no such frame.
func Caller(skip int) (pc uintptr, file string, line int, ok bool)

// Callers fills pc with the return pcs of the calling goroutine's frames,
// skipping skip of them (0: Callers itself, 1: its caller), and returns
// how many it wrote.
func Callers(skip int, pc []uintptr) int

// Stack formats a traceback of the calling goroutine into buf, as a
// panic prints it, and returns the number of bytes written. all is
// accepted; only the calling goroutine is shown.
func Stack(buf []byte, all bool) int

// funcentry returns the entry pc of the function containing pc, or 0.
func funcentry(pc uintptr) uintptr

// funcname returns the name of the function containing pc, or "".
func funcname(pc uintptr) string

// funcfileline returns the file and line of the call that return pc
// belongs to (the instruction before pc; an entry pc: the first one).
func funcfileline(pc uintptr) (file string, line int)

// A Func describes one function of the program.
type Func struct {
	entry uintptr
}

// FuncForPC returns the function containing pc, or nil.
func FuncForPC(pc uintptr) *Func {
	e := funcentry(pc)
	if e == 0 {
		return nil
	}
	return &Func{entry: e}
}

// Name returns the function's package-qualified name ("main.f.func1").
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return funcname(f.entry)
}

// Entry returns the function's entry pc.
func (f *Func) Entry() uintptr {
	return f.entry
}

// FileLine returns the source file and line of pc (for a return pc from
// Caller or Callers: the line of the call).
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	return funcfileline(pc)
}

// Frame is one call frame reported by Frames.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// Frames walks the pcs that Callers returned.
type Frames struct {
	callers []uintptr
}

// CallersFrames returns the frames of the given return pcs.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{callers: callers}
}

// Next returns the next frame; more reports whether another one follows.
func (ci *Frames) Next() (frame Frame, more bool) {
	if len(ci.callers) == 0 {
		return Frame{}, false
	}
	pc := ci.callers[0]
	ci.callers = ci.callers[1:]
	f := FuncForPC(pc)
	frame.PC = pc - 1
	frame.Func = f
	if f != nil {
		frame.Function = f.Name()
		frame.Entry = f.entry
		frame.File, frame.Line = funcfileline(pc)
	}
	return frame, len(ci.callers) > 0
}
