package main

import "fmt"

func work(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i * i % 7
	}
	return s
}

func main() {
	m := map[int]int{}
	done := make(chan bool)
	for g := 0; g < 2; g++ {
		go func(g int) {
			for i := 0; i < 100000; i++ { // (bounded: a run that misses the race ends)
				m[g*1000000+i%1000] = work(2000)
			}
			done <- true
		}(g)
	}
	<-done
	fmt.Println(len(m))
}
