// reflect.Select: receive, send, default, blocking until another goroutine
// sends, a closed channel, and the send-on-closed panic.
package main

import (
	"fmt"
	"reflect"
	"sort"
	"time"
)

func main() {
	a := make(chan int, 1)
	b := make(chan string)
	c := make(chan float64, 2)
	a <- 7
	cases := []reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(a)},
		{Dir: reflect.SelectSend, Chan: reflect.ValueOf(c), Send: reflect.ValueOf(2.5)},
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(b)},
	}
	var got []string
	for i := 0; i < 3; i++ {
		chosen, v, ok := reflect.Select(cases)
		if chosen == 0 {
			got = append(got, fmt.Sprint("recv a ", v, " ", ok))
			cases[0].Chan = reflect.ValueOf((chan int)(nil))
		} else if chosen == 1 {
			got = append(got, fmt.Sprint("sent c"))
		} else {
			got = append(got, fmt.Sprint("recv b ", v))
		}
	}
	sort.Strings(got)
	fmt.Println(got, len(c))
	// default
	chosen, _, _ := reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(b)}, {Dir: reflect.SelectDefault}})
	fmt.Println("default chosen:", chosen)
	// blocking until another goroutine sends
	go func() {
		time.Sleep(10 * time.Millisecond)
		b <- "late"
	}()
	chosen, v, ok := reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(b)}, {Dir: reflect.SelectRecv, Chan: reflect.ValueOf((chan int)(nil))}})
	fmt.Println(chosen, v, ok)
	close(b)
	chosen, v, ok = reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(b)}})
	fmt.Println(chosen, v, ok)
	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectSend, Chan: reflect.ValueOf(b), Send: reflect.ValueOf("x")}})
}
