package p_test

import (
	"fmt"
	"example.com/m/p"
)

func ExampleAdd() {
	fmt.Println(p.Add(2, 3))
	// Output: 5
}
