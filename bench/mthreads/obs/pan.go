package main

import "time"

func main() {
	go func() {
		for {
		}
	}()
	time.Sleep(50 * time.Millisecond)
	var m map[string]int
	m["x"] = 1
}
