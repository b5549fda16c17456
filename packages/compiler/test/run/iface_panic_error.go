package main

type MyErr struct {
	op   string
	code int
}

func (e *MyErr) Error() string { return e.op + " failed" }

func check(code int) error {
	if code != 0 {
		return &MyErr{"open", code}
	}
	return nil
}

func main() {
	if err := check(0); err != nil {
		panic(err)
	}
	println("ok")
	if err := check(2); err != nil {
		panic(err)
	}
}
