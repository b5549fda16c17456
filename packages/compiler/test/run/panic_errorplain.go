package main

import "errors"

type S struct{ name string }

func (s S) String() string { return "S(" + s.name + ")" }

func check(ok bool) {
	if !ok {
		panic(errors.New("check failed"))
	}
}

func main() {
	_ = S{"unused"}.String()
	check(true)
	check(false)
}
