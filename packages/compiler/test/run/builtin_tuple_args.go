package main

import "fmt"

func pair(a []byte) ([]byte, []byte) { return a, []byte("xyz") }
func str(a []byte) ([]byte, string)  { return a, "hello" }
func mk(m map[string]int) (map[string]int, string) {
	return m, "b"
}
func parts() (float64, float64)       { return 1.5, -2 }
func more() ([]int, int, int, int)    { return []int{1}, 2, 3, 4 }
func spread() ([]string, string)      { return []string{"p"}, "q" }
func counted() (x []int, y int) {
	fmt.Println("counted called")
	return []int{9}, 8
}

func main() {
	a := []byte{1, 2, 3, 4}
	fmt.Println(copy(pair(a)), a)
	b := make([]byte, 3)
	fmt.Println(copy(str(b)), string(b))
	m := map[string]int{"a": 1, "b": 2}
	delete(mk(m))
	fmt.Println(len(m), m)
	c := complex(parts())
	fmt.Println(c, real(c), imag(c))
	fmt.Println(append(more()), append(spread()))
	fmt.Println(len(append(counted())))
}
