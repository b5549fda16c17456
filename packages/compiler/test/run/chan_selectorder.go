// A select with a single receive-assignment case receives first and evaluates the
// left-hand side after (as every select; a plain assignment would call ptr first).
// Go 1.19 test/chan/select5.go checks the same order.

package main

import "fmt"

var order []string

func ch(c chan int) chan int { order = append(order, "chan"); return c }
func ptr(p *int) *int      { order = append(order, "lhs"); return p }

func main() {
	c := make(chan int, 3)
	c <- 1
	c <- 2
	c <- 3
	close(c)
	var x int
	select {
	case *ptr(&x) = <-ch(c):
	}
	fmt.Println(x, order)
	select {
	case v := <-c:
		fmt.Println("v", v)
	}
	var ok bool
	select {
	case x, ok = <-ch(c):
		fmt.Println(x, ok)
	}
	select {
	case y, ok2 := <-c:
		fmt.Println(y, ok2)
	}
	m := map[string]int{}
	select {
	case m["k"] = <-c:
	}
	fmt.Println(m, order)
}
