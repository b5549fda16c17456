// gort standard library: package time (Sleep, timers, tickers).

package time

import "unsafe"

// Sleep pauses the current goroutine for at least d (returns at once for d <= 0).
// Provided by the runtime (a parked goroutine and a runtime timer).
func Sleep(d Duration)

// runtimeTimer is the runtime's view of a timer (packages/runtime/src/time.ts
// RT_*): when it fires (runtimeNano clock), the period of a ticker, and the
// function the runtime starts on a system goroutine, f(arg, seq). The last
// three fields belong to the runtime.
type runtimeTimer struct {
	when   int64
	period int64
	f      func(arg unsafe.Pointer, seq uintptr)
	arg    unsafe.Pointer
	seq    uintptr
	status uint32
	gen    uint32
	root   uintptr
}

// startTimer queues t; stopTimer unqueues it and reports whether it was
// pending; resetTimer re-queues it at when and reports whether it was
// pending; modTimer re-queues it at when with a new period.
func startTimer(t *runtimeTimer)
func stopTimer(t *runtimeTimer) bool
func resetTimer(t *runtimeTimer, when int64) bool
func modTimer(t *runtimeTimer, when, period int64)

// when is the runtimeNano instant d from now (saturating).
func when(d Duration) int64 {
	if d <= 0 {
		return runtimeNano()
	}
	t := runtimeNano() + int64(d)
	if t < 0 {
		t = 1<<63 - 1
	}
	return t
}

// The Timer type represents a single event: when it expires, the current
// time is sent on C, unless the Timer was made by AfterFunc.
type Timer struct {
	C <-chan Time
	r runtimeTimer
}

// sendTime is a channel timer's function: a non-blocking send of the
// current time on the channel in arg (a full buffer means a value is
// already waiting: drop this one, as Go).
func sendTime(arg unsafe.Pointer, seq uintptr) {
	c := *(*chan Time)(unsafe.Pointer(&arg))
	select {
	case c <- Now():
	default:
	}
}

// goFunc is AfterFunc's timer function: it starts the func() in arg in its
// own goroutine.
func goFunc(arg unsafe.Pointer, seq uintptr) {
	f := *(*func())(unsafe.Pointer(&arg))
	go f()
}

// NewTimer creates a Timer that sends the current time on its channel
// after at least d.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{C: c}
	t.r.when = when(d)
	t.r.f = sendTime
	t.r.arg = *(*unsafe.Pointer)(unsafe.Pointer(&c))
	startTimer(&t.r)
	return t
}

// Stop prevents the Timer from firing; it reports whether the call stopped
// it (false when it had already expired or been stopped). It does not
// drain C.
func (t *Timer) Stop() bool {
	if t.r.f == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(&t.r)
}

// Reset changes the timer to expire after d and reports whether it had
// been active.
func (t *Timer) Reset(d Duration) bool {
	if t.r.f == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	return resetTimer(&t.r, when(d))
}

// After waits for d and then sends the current time on the returned
// channel (NewTimer(d).C).
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc waits for d and then calls f in its own goroutine. The Timer
// can cancel the call with its Stop method.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{}
	t.r.when = when(d)
	t.r.f = goFunc
	t.r.arg = *(*unsafe.Pointer)(unsafe.Pointer(&f))
	startTimer(&t.r)
	return t
}

// A Ticker holds a channel that delivers the current time at intervals.
type Ticker struct {
	C <-chan Time
	r runtimeTimer
}

// NewTicker returns a Ticker sending the time every d; slow receivers make
// it drop ticks (the channel holds one). d must be positive.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	t := &Ticker{C: c}
	t.r.when = when(d)
	t.r.period = int64(d)
	t.r.f = sendTime
	t.r.arg = *(*unsafe.Pointer)(unsafe.Pointer(&c))
	startTimer(&t.r)
	return t
}

// Stop turns off the ticker (C is not closed).
func (t *Ticker) Stop() {
	stopTimer(&t.r)
}

// Reset stops the ticker and restarts it with period d.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.r.f == nil {
		panic("time: Reset called on uninitialized Ticker")
	}
	modTimer(&t.r, when(d), int64(d))
}

// Tick is NewTicker(d).C, or nil when d <= 0.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
