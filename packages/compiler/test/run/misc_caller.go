package main

import "runtime"

func where() (string, int) {
	_, file, line, ok := runtime.Caller(1)
	if !ok {
		return "?", 0
	}
	for i := len(file) - 1; i >= 0; i-- {
		if file[i] == '/' {
			file = file[i+1:]
			break
		}
	}
	return file, line
}

func inner() {
	f, l := where()
	println("inner called from", f, l)
	pcs := make([]uintptr, 10)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		fr, more := frames.Next()
		if fr.Function == "runtime.main" || fr.Function == "runtime.goexit" {
			break
		}
		println(fr.Function, fr.Line)
		if !more {
			break
		}
	}
	pc, _, _, _ := runtime.Caller(0)
	fn := runtime.FuncForPC(pc)
	println(fn.Name(), fn.Entry() <= pc)
	_, line := fn.FileLine(pc)
	println(line)
}

type T struct{}

func (T) M() {
	func() {
		inner()
	}()
}

func main() {
	f, l := where()
	println(f, l)
	T{}.M()
	println(runtime.FuncForPC(0) == nil, runtime.Compiler, runtime.GOOS, runtime.GOARCH)
	buf := make([]byte, 1000)
	n := runtime.Stack(buf, false)
	s := string(buf[:n])
	println(s[:len("goroutine 1 [running]:\nmain.main()")])
}
