// bench/mthreads/roundtrips.mjs: a chameneos-style handoff benchmark (output = Go's).
// chameneos-style: N creatures meet pairwise at a meeting place (a goroutine serving requests
// over unbuffered channels); each meeting swaps colours. Argument: number of meetings.
package main

import (
	"fmt"
	"os"
	"strconv"
)

type color int

const (
	blue color = iota
	red
	yellow
)

func complement(a, b color) color {
	if a == b {
		return a
	}
	return 3 - a - b
}

type request struct {
	id    int
	c     color
	reply chan color
}

func main() {
	n := 20000
	if len(os.Args) > 1 {
		if v, err := strconv.Atoi(os.Args[len(os.Args)-1]); err == nil {
			n = v
		}
	}
	place := make(chan request)
	done := make(chan int)
	colors := []color{blue, red, yellow, red, yellow, blue}
	for i, c := range colors {
		go func(id int, c color) {
			me := make(chan color)
			met := 0
			for {
				place <- request{id, c, me}
				nc, ok := <-me
				if !ok {
					done <- met
					return
				}
				c = nc
				met++
			}
		}(i, c)
	}
	total := 0
	var first *request
	for m := 0; m < n; {
		r := <-place
		if first == nil {
			rr := r
			first = &rr
			continue
		}
		nc := complement(first.c, r.c)
		first.reply <- nc
		r.reply <- nc
		first = nil
		m++
	}
	// everyone still waiting: drain and stop
	if first != nil {
		close(first.reply)
	}
	stopped := 0
	if first != nil {
		total += <-done
		stopped++
	}
	for stopped < len(colors) {
		select {
		case r := <-place:
			close(r.reply)
		case k := <-done:
			total += k
			stopped++
		}
	}
	fmt.Printf("meetings %d, creature meetings %d\n", n, total)
}
