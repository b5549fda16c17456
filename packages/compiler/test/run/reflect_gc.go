// reflect calls under garbage collection: MakeFunc and Value.Call passing and
// returning pointers, strings, slices, maps, interfaces and arrays while the
// program allocates and collects; every result must survive intact.
package main

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
)

type Node struct {
	Val  string
	Next *Node
	Data []int
}

func build(n int, tag string) (*Node, string, []byte, map[string]*Node, any, [2]*Node) {
	var head *Node
	for i := 0; i < n; i++ {
		head = &Node{Val: fmt.Sprint(tag, i), Next: head, Data: make([]int, 10)}
	}
	return head, strings.Repeat(tag, 3), []byte(tag), map[string]*Node{tag: head}, &Node{Val: "any" + tag}, [2]*Node{head, nil}
}

func check(h *Node, n int, tag string) {
	c := 0
	for p := h; p != nil; p = p.Next {
		if !strings.HasPrefix(p.Val, tag) || len(p.Data) != 10 {
			panic("corrupt: " + p.Val)
		}
		c++
	}
	if c != n {
		panic("count")
	}
}

func main() {
	bv := reflect.ValueOf(build)
	mk := reflect.MakeFunc(reflect.TypeOf(build), func(in []reflect.Value) []reflect.Value {
		_ = make([]byte, 1<<12) // allocate inside
		return bv.Call(in)
	})
	mf := mk.Interface().(func(int, string) (*Node, string, []byte, map[string]*Node, any, [2]*Node))
	for i := 0; i < 40; i++ {
		tag := fmt.Sprint("t", i, "_")
		var h *Node
		var s string
		var b []byte
		var m map[string]*Node
		var a any
		var arr [2]*Node
		if i%2 == 0 {
			out := mk.Call([]reflect.Value{reflect.ValueOf(20), reflect.ValueOf(tag)})
			h, s, b, m, a, arr = out[0].Interface().(*Node), out[1].String(), out[2].Bytes(), out[3].Interface().(map[string]*Node), out[4].Interface(), out[5].Interface().([2]*Node)
		} else {
			h, s, b, m, a, arr = mf(20, tag)
		}
		if i%5 == 0 {
			runtime.GC()
		}
		_ = make([][]byte, 100)
		check(h, 20, tag)
		check(m[tag], 20, tag)
		check(arr[0], 20, tag)
		if s != strings.Repeat(tag, 3) || string(b) != tag || a.(*Node).Val != "any"+tag {
			panic("bad results")
		}
	}
	fmt.Println("ok")
}
