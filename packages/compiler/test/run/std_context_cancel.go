package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

type key string

func worker(ctx context.Context, id int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			results <- fmt.Sprintf("worker %d stopped: %v", id, ctx.Err())
			return
		case <-time.After(time.Millisecond):
		}
	}
}

// myCtx is a Context implementation of our own wrapping another one.
type myCtx struct{ context.Context }

func main() {
	bg := context.Background()
	fmt.Println(bg, context.TODO(), bg.Err(), bg.Done() == nil, bg.Value("x"))
	_, has := bg.Deadline()
	fmt.Println("deadline:", has)

	// Values along a chain.
	ctx := context.WithValue(bg, key("user"), "gopher")
	ctx = context.WithValue(ctx, key("id"), 42)
	fmt.Println(ctx.Value(key("user")), ctx.Value(key("id")), ctx.Value(key("none")), ctx.Value("user"))
	fmt.Println(ctx)

	// Cancel propagates to descendants, not ancestors.
	parent, cancelParent := context.WithCancel(ctx)
	child, cancelChild := context.WithCancel(parent)
	grand := context.WithValue(child, key("k"), "v")
	fmt.Println(parent)
	fmt.Println(child.Err(), grand.Value(key("user")))
	cancelChild()
	fmt.Println(parent.Err(), child.Err(), grand.Err())
	child2, cancel2 := context.WithCancel(parent)
	defer cancel2()
	cancelParent()
	<-child2.Done()
	fmt.Println(parent.Err(), child2.Err(), errors.Is(child2.Err(), context.Canceled))
	cancelParent() // second call does nothing

	// Already canceled parent.
	late, cancelLate := context.WithCancel(parent)
	fmt.Println("late:", late.Err())
	cancelLate()

	// Workers stopped by cancel.
	wctx, stop := context.WithCancel(bg)
	results := make(chan string, 3)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(wctx, i, results, &wg)
	}
	time.Sleep(5 * time.Millisecond)
	stop()
	wg.Wait()
	close(results)
	n := 0
	for r := range results {
		_ = r
		n++
	}
	fmt.Println("stopped workers:", n)

	// Timeouts (generous margins: the test must hold on a loaded machine).
	start := time.Now()
	tctx, cancelT := context.WithTimeout(bg, 300*time.Millisecond)
	defer cancelT()
	dl, ok := tctx.Deadline()
	fmt.Println("has deadline:", ok, dl.Sub(start) >= 300*time.Millisecond, time.Until(dl) <= 300*time.Millisecond)
	select {
	case <-tctx.Done():
		el := time.Since(start)
		fmt.Println("timeout:", tctx.Err(), el >= 300*time.Millisecond)
	case <-time.After(10 * time.Second):
		fmt.Println("timer did not fire")
	}
	err := tctx.Err()
	var te interface{ Timeout() bool }
	fmt.Println(errors.Is(err, context.DeadlineExceeded), errors.As(err, &te) && te.Timeout())

	// Deadline contexts print their deadline and the time left.
	str := fmt.Sprint(tctx)
	fmt.Println(strings.HasPrefix(str, "context.Background.WithDeadline(20"), strings.Contains(str, " m=+"), strings.HasSuffix(str, "])"))
	vctx, cancelV := context.WithTimeout(context.WithValue(bg, key("k"), "v"), time.Hour)
	vs := fmt.Sprint(vctx)
	fmt.Println(strings.HasPrefix(vs, "context.Background.WithValue(type main.key, val v).WithDeadline("), strings.Contains(vs, " [59m59."))
	cancelV()

	// The parent's earlier deadline wins; an expired deadline cancels at once.
	short, c1 := context.WithTimeout(bg, time.Hour)
	longer, c2 := context.WithTimeout(short, 2*time.Hour)
	d1, _ := short.Deadline()
	d2, _ := longer.Deadline()
	fmt.Println("same deadline:", d1.Equal(d2))
	c1()
	<-longer.Done()
	fmt.Println(longer.Err())
	c2()
	past, c3 := context.WithDeadline(bg, time.Now().Add(-time.Second))
	fmt.Println("past:", past.Err())
	c3()

	// Cancel through a foreign Context implementation.
	base, cancelBase := context.WithCancel(bg)
	wrapped := myCtx{base}
	inner, cancelInner := context.WithTimeout(wrapped, time.Hour)
	defer cancelInner()
	cancelBase()
	<-inner.Done()
	fmt.Println("through wrapper:", inner.Err())

	// Panics.
	for _, f := range []func(){
		func() { context.WithValue(bg, nil, 1) },
		func() { context.WithValue(bg, []int{1}, 1) },
		func() { context.WithCancel(nil) },
	} {
		func() {
			defer func() { fmt.Println("panic:", recover()) }()
			f()
		}()
	}
}
