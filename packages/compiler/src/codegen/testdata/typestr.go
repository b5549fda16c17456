package main

import "fmt"

type T struct{ x int }
type G[K comparable, V any] struct {
	k K
	v V
}
type I interface {
	M()
	Read([]byte) (int, error)
}

func main() {
	vals := []interface{}{
		T{}, &T{}, []byte("x"), []rune("y"), [4]uint8{}, map[string][]*T{},
		make(chan int), make(<-chan int), make(chan<- int), make(chan (<-chan int)), make(chan<- chan int),
		func() {}, func(int, int) int { return 0 }, func(int, ...string) (int, error) { return 0, nil },
		struct{}{}, struct {
			T
			X int `json:"x,omitempty"`
			y string
		}{}, (*interface{})(nil), (*I)(nil), (*error)(nil), G[string, T]{}, G[int, G[T, *T]]{},
		uintptr(0), complex64(0), 'a', byte(1),
	}
	for _, v := range vals {
		fmt.Printf("%T\n", v)
	}
}
