package main

import "unsafe"

type T struct {
	a int8
	b int64
	c [3]int16
}

func main() {
	var t T
	println(unsafe.Sizeof(t), unsafe.Alignof(t.b), unsafe.Offsetof(t.c))
	p := unsafe.Pointer(&t.b)
	*(*int64)(p) = 77
	println(t.b, uintptr(p) != 0)
	q := (*int16)(unsafe.Pointer(uintptr(unsafe.Pointer(&t)) + unsafe.Offsetof(t.c) + 2))
	*q = -5
	println(t.c[1])
}
