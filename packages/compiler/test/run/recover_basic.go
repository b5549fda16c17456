package main

func mayPanic(b bool) (r int) {
	defer func() {
		if e := recover(); e != nil {
			println("recovered:", e.(string))
			r = -1
		}
	}()
	if b {
		panic("boom")
	}
	return 1
}

func noPanic() {
	defer func() {
		println("recover without panic is nil:", recover() == nil)
	}()
}

func helper() interface{} { return recover() }

func indirect() (ok bool) {
	defer func() {
		// recover in a function called by the deferred function: not effective
		if helper() != nil {
			println("BUG: helper recovered")
		}
		ok = recover() != nil
	}()
	panic("x")
}

func rethrow() {
	defer func() {
		r := recover()
		println("outer caught", r.(int))
	}()
	defer func() {
		r := recover()
		panic(r.(int) + 1)
	}()
	panic(1)
}

func replace() {
	defer func() {
		println("final:", recover().(string))
	}()
	defer func() {
		panic("second replaces first")
	}()
	panic("first")
}

func runtimeErr(i int) (caught bool) {
	defer func() {
		caught = recover() != nil
	}()
	a := []int{1, 2, 3}
	println(a[i])
	return false
}

func divide(a, b int) (q int, ok bool) {
	defer func() {
		if recover() != nil {
			q, ok = 0, false
		}
	}()
	return a / b, true
}

func nilDeref() (msg string) {
	defer func() {
		if recover() != nil {
			msg = "nil deref recovered"
		}
	}()
	var p *int
	*p = 1
	return "unreachable"
}

type E struct{ code int }

func customValue() {
	defer func() {
		e := recover().(E)
		println("custom", e.code)
	}()
	panic(E{42})
}

func deep(n int) {
	if n == 0 {
		panic("deep")
	}
	defer println("unwinding", n)
	deep(n - 1)
}

func catchDeep() {
	defer func() { println("caught", recover().(string)) }()
	deep(3)
}

func mustRecover(x int) {
	r := recover()
	if r == nil {
		println("missing recover", x)
		return
	}
	println("mustRecover got", r.(int), "want", x)
}

func mustNotRecover() {
	if recover() != nil {
		println("BUG: recovered")
	}
}

func deferRecoverNoop() {
	defer mustRecover(2)
	defer recover() // too early: it is the deferred call itself
	panic(2)
}

func deferRecoverSquelch() {
	defer mustNotRecover()
	defer func() {
		defer recover() // called by the deferred function's deferreturn: recovers
	}()
	panic(4)
}

func loopRecover() int {
	n := 0
	for i := 0; i < 1000; i++ {
		func() {
			defer func() {
				if recover() != nil {
					n++
				}
			}()
			if i%2 == 0 {
				panic(i)
			}
		}()
	}
	return n
}

func main() {
	println(mayPanic(false), mayPanic(true))
	noPanic()
	println("indirect", indirect())
	rethrow()
	replace()
	println("runtime error caught", runtimeErr(5), runtimeErr(1))
	q, ok := divide(7, 0)
	println("divide", q, ok)
	q, ok = divide(7, 2)
	println("divide", q, ok)
	println(nilDeref())
	customValue()
	catchDeep()
	deferRecoverNoop()
	deferRecoverSquelch()
	println("loop", loopRecover())
	println("done")
}
