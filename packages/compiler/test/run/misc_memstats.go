package main

import (
	"runtime"
	"unsafe"
)

var sink []byte

func main() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := m.Mallocs
	for i := 0; i < 1000; i++ {
		sink = make([]byte, 100)
	}
	runtime.ReadMemStats(&m)
	println(m.Mallocs-before >= 1000, m.TotalAlloc >= 100000, m.HeapSys > 0, m.EnableGC, m.BySize[1].Size)
	runtime.GC()
	runtime.ReadMemStats(&m)
	println(m.NumGC >= 1, m.Frees > 0, m.HeapAlloc < m.TotalAlloc, m.NextGC > 0)
	var size [unsafe.Sizeof(m)]byte
	println(len(size))
}
