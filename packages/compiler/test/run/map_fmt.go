package main

import "fmt"

type P struct{ X, Y int }

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(m)
	fmt.Printf("%v %d\n", map[int]string{3: "c", 1: "a"}, len(m))
	fmt.Println(map[P]bool{{1, 2}: true, {0, 5}: false})
	var nm map[string]int
	fmt.Println(nm, nm == nil)
	fmt.Printf("%#v\n", map[string]int{"z": 26})
	big := map[int]int{}
	for i := 0; i < 100; i++ {
		big[i] = i * i
	}
	fmt.Println(len(fmt.Sprint(big)))
}
