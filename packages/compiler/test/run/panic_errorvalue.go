package main

import "errors"

type E struct{ n int }

func (e *E) Error() string { return "custom error " + string(rune('0'+e.n)) }

type S string

func (s S) String() string { return "stringer:" + string(s) }

func main() {
	defer func() {
		r := recover()
		defer func() {
			recover()
			panic(errors.New("third"))
		}()
		panic(S(r.(error).Error()))
	}()
	panic(&E{7})
}
