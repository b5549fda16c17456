package main

// recover() returns runtime.Error values for run-time panics although this program does not
// import package runtime (gort links it into every program, as Go does).

type rtError interface {
	error
	RuntimeError()
}

type I interface{ M() }

type T struct{ x int }

func (t T) M() { println("M", t.x) }

func try(name string, f func()) {
	defer func() {
		r := recover()
		e, ok := r.(error)
		_, isRT := r.(rtError)
		if !ok {
			println(name, "not an error")
			return
		}
		println(name, isRT, e.Error())
	}()
	f()
}

//go:noinline
func mk(p *T) I { return p }

func main() {
	var s []int
	var m map[string]int
	var p *T
	var x interface{} = 1
	var c chan int
	zero := 0
	try("index", func() { _ = s[3] })
	try("slice", func() { _ = s[1:zero] })
	try("div", func() { println(1 / zero) })
	try("nil", func() { println(p.x) })
	try("map", func() { m["a"] = 1 })
	try("assert", func() { println(x.(string)) })
	try("assertI", func() { x.(I).M() })
	try("nilI", func() { var i I; i.M() })
	try("close", func() { close(c) })
	try("wrap", func() { mk(p).M() })
	try("wrapfv", func() { var i I = p; f := i.M; f() })
	try("makeslice", func() { _ = make([]int, zero-1) })
	try("value", func() { panic("just a string") })
}
