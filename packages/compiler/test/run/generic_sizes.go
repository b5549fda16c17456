package main

// unsafe.Sizeof/Alignof/Offsetof of type-parameter operands are constants per instance.

import "unsafe"

func Size[T any]() uintptr {
	var x T
	return unsafe.Sizeof(x)
}

type S[T any] struct {
	a byte
	b T
}

func Off[T any]() uintptr {
	var s S[T]
	return unsafe.Offsetof(s.b) + unsafe.Alignof(s.b)
}

func main() {
	println(Size[int8](), Size[string](), Size[[3]int32](), Size[S[int16]]())
	println(Off[int64](), Off[byte]())
}
