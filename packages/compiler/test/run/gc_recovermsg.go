package main

// A recovered run-time error is built by a native that allocates twice (the message bytes,
// then the error value holding them): the bytes must stay reachable across the second
// allocation and be stored through the write barrier. Before the fix a collection freed
// them while live and a recovered message came out as garbage.

import (
	"fmt"
	"runtime/debug"
)

var sink []byte

func try(f func()) (s string) {
	defer func() {
		r := recover()
		sink = make([]byte, 256)
		s = fmt.Sprint(r)
	}()
	f()
	return ""
}

func main() {
	debug.SetGCPercent(1)
	var m map[int]int
	var x interface{} = 1
	z := 0
	cnt := map[string]int{}
	for i := 0; i < 120; i++ {
		cnt[try(func() { m[1] = 1 })]++
		cnt[try(func() { _ = x.(string) })]++
		cnt[try(func() { _ = 1 / z })]++
	}
	fmt.Println(len(cnt), cnt)
}
