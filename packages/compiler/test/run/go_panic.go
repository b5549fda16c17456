package main

// An unrecovered panic in a goroutine other than main: "goroutine N [running]:" and
// "created by", exit 2; output printed before stays.

type T struct{ n int }

func (t *T) check(limit int) {
	if t.n > limit {
		panic("too big")
	}
}

func main() {
	done := make(chan bool)
	t := &T{n: 1}
	go func() {
		t.check(10)
		done <- true
	}()
	<-done
	println("first ok")
	t.n = 20
	go t.check(10)
	<-done
}
