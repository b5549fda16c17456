package main

import (
	"fmt"
	"unsafe"
)

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			err, isErr := r.(error)
			fmt.Println(name, "panics:", r, isErr, err != nil)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func main() {
	arr := [5]int32{10, 20, 30, 40, 50}
	p := unsafe.Pointer(&arr[1])
	fmt.Println(*(*int32)(unsafe.Add(p, 4)), *(*int32)(unsafe.Add(p, -4)), *(*int32)(unsafe.Add(p, uint8(8))))
	s := unsafe.Slice(&arr[1], 3)
	fmt.Println(s, len(s), cap(s))
	s[0] = 99
	fmt.Println(arr)
	b := unsafe.Slice((*byte)(unsafe.Pointer(&arr[0])), 4)
	fmt.Println(b)
	fmt.Println(unsafe.Slice((*int)(nil), 0) == nil)
	var neg = -1
	try("negative", func() { _ = unsafe.Slice(&arr[0], neg) })
	try("nil", func() { _ = unsafe.Slice((*int)(nil), 1) })
	var huge uint64 = 1 << 63
	try("huge", func() { _ = unsafe.Slice(&arr[0], huge) })
	unsafe.Slice((*int)(nil), 2)[0] = 1
}
