package main

import (
	"errors"
	"fmt"
	"os"
)

type point struct {
	X, Y int
	name string
}

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func main() {
	fmt.Println("hello, world")
	fmt.Println(1, 2.5, true, nil, 'x', "s", []byte("ab"), [2]bool{true})
	p := point{1, -2, "p"}
	fmt.Printf("%v %+v %#v %T\n", p, p, p, p)
	fmt.Printf("%v %v\n", &p, []*int{nil})
	fmt.Printf("%d|%5d|%-5d|%05d|%x|%X|%o|%b|%c|%U\n", 42, 42, 42, -42, 3054, 3054, 8, 5, 'é', 'é')
	fmt.Printf("%f|%.2f|%8.3f|%e|%g|%G|%v\n", 3.14159, 2.0/3, -1.5, 123456.789, 1e21, 1e-7, float32(0.1))
	fmt.Printf("%s|%q|%x|%10s|%-10s|%.2s\n", "go", "a\"b\n", "hi", "right", "left", "trunc")
	fmt.Printf("%t|%p|%v\n", false, nil, celsius(21.5))
	fmt.Printf("%d %s\n", "wrong", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	s := fmt.Sprint("a", 1, 2, "b", "c", 3.0)
	fmt.Println(s, len(s))
	fmt.Println(fmt.Sprintln("x", 1) == "x 1\n")
	err := fmt.Errorf("wrap: %w", errors.New("inner"))
	fmt.Println(err, errors.Unwrap(err))
	var e error
	fmt.Println(e)
	fmt.Fprintf(os.Stderr, "to stderr %d\n", 7)
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(m)
	var ip *int
	fmt.Println(ip == nil, fmt.Sprintf("%v", ip))
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Printf("%v %v\n", []string{"a", "b"}, map[int]bool{1: true})
	fmt.Printf("%x % x %X\n", []byte{1, 171}, []byte{1, 171}, "hi")
	fmt.Printf("%08.3f|%+d|% d|%#x|%#o\n", 3.14159, 5, 5, 255, 8)
}
