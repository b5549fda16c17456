package main

import "runtime"

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(runtime.Error); ok {
			println(name, "runtime.Error:", e.Error())
			return
		}
		if e, ok := r.(error); ok {
			println(name, "error:", e.Error())
			return
		}
		if s, ok := r.(string); ok {
			println(name, "string:", s)
			return
		}
		println(name, "nil:", r == nil)
	}()
	f()
}

type T struct{ x int }

func main() {
	var p *T
	var s []int
	zero := 0
	var u uint8 = 200
	arr := [3]int{}
	try("nil", func() { p.x = 1 })
	try("index", func() { s[3] = 1 })
	try("uindex", func() { _ = arr[u] })
	try("neg", func() { i := -1; _ = s[i] })
	try("slice", func() { i := 5; _ = s[:i] })
	try("slice-b", func() { i, j := 2, 1; _ = arr[i:j] })
	try("slice3", func() { i := 4; _ = arr[0:1:i] })
	try("str", func() { str := "abc"; i := 10; _ = str[i] })
	try("div", func() { _ = 1 / zero })
	try("mod", func() { _ = 1 % zero })
	try("shift", func() { n := -1; _ = 1 << n })
	try("chan", func() { c := make(chan int); close(c); close(c) })
	try("nilchan", func() { var c chan int; close(c) })
	try("value", func() { panic("just a string") })
	try("none", func() {})
	defer func() {
		r := recover()
		panic(r) // re-panic of a run-time error prints its Error() and [recovered]
	}()
	_ = s[9]
}
