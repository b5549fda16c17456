// gort standard library: package os/signal.

// Package signal implements access to incoming signals: Notify relays the
// signals the program catches to channels, as Go does. A runtime goroutine
// (started by the first Notify) receives each caught signal from the
// runtime's queue and sends it, without blocking, to every channel that
// asked for it.
//
// gort catches SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGTERM
// and SIGWINCH when the program runs under `gort run` (which then runs it on
// a worker thread so that the main thread can receive signals:
// packages/runtime/src/signal.ts). Run in-process (tests), Notify registers
// the channel but no signal arrives.
package signal

import (
	"context"
	"os"
	"sync"
	"syscall"
)

// numSig is the number of signal numbers the masks hold (Linux: 1-64).
const numSig = 65

// handler is the set of signals one channel asked for.
type handler struct {
	mask [(numSig + 31) / 32]uint32
}

func (h *handler) want(sig int) bool { return (h.mask[sig/32]>>uint(sig&31))&1 != 0 }
func (h *handler) set(sig int)       { h.mask[sig/32] |= 1 << uint(sig&31) }
func (h *handler) clear(sig int)     { h.mask[sig/32] &^= 1 << uint(sig&31) }

var handlers struct {
	sync.Mutex
	// m maps each channel to the signals it receives.
	m map[chan<- os.Signal]*handler
	// ref counts the channels that want each signal.
	ref [numSig]int64
}

var watchOnce sync.Once

// loop is the runtime goroutine delivering caught signals.
func loop() {
	for {
		process(syscall.Signal(signal_recv()))
	}
}

func signum(sig os.Signal) int {
	switch sig := sig.(type) {
	case syscall.Signal:
		i := int(sig)
		if i < 0 || i >= numSig {
			return -1
		}
		return i
	default:
		return -1
	}
}

// Notify causes package signal to relay incoming signals to c. With no
// signals given, all incoming signals are relayed; otherwise just the ones
// given. Delivery does not block: c should have room (a buffer) for the
// signals it expects. Calling Notify again with the same channel adds
// signals to its set.
func Notify(c chan<- os.Signal, sig ...os.Signal) {
	if c == nil {
		panic("os/signal: Notify using nil channel")
	}
	handlers.Lock()
	defer handlers.Unlock()
	h := handlers.m[c]
	if h == nil {
		if handlers.m == nil {
			handlers.m = make(map[chan<- os.Signal]*handler)
		}
		h = new(handler)
		handlers.m[c] = h
	}
	add := func(n int) {
		if n < 0 || h.want(n) {
			return
		}
		h.set(n)
		if handlers.ref[n] == 0 {
			watchOnce.Do(func() { go loop() })
			signal_enable(uint32(n))
		}
		handlers.ref[n]++
	}
	if len(sig) == 0 {
		for n := 1; n < numSig; n++ {
			add(n)
		}
	} else {
		for _, s := range sig {
			add(signum(s))
		}
	}
}

// Stop causes package signal to stop relaying incoming signals to c. When
// no channel wants a signal any more, its default action applies again.
func Stop(c chan<- os.Signal) {
	handlers.Lock()
	defer handlers.Unlock()
	h := handlers.m[c]
	if h == nil {
		return
	}
	delete(handlers.m, c)
	for n := 1; n < numSig; n++ {
		if h.want(n) {
			handlers.ref[n]--
			if handlers.ref[n] == 0 {
				signal_disable(uint32(n))
			}
		}
	}
}

// cancel stops relaying sigs (all when none are given) to every channel and
// applies action to each.
func cancel(sigs []os.Signal, action func(int)) {
	handlers.Lock()
	defer handlers.Unlock()
	remove := func(n int) {
		if n < 0 {
			return
		}
		for _, h := range handlers.m {
			if h.want(n) {
				handlers.ref[n]--
				h.clear(n)
			}
		}
		action(n)
	}
	if len(sigs) == 0 {
		for n := 1; n < numSig; n++ {
			remove(n)
		}
	} else {
		for _, s := range sigs {
			remove(signum(s))
		}
	}
}

// Ignore causes the given signals (all when none are given) to be ignored.
// Ignored signals are not delivered to any channel.
func Ignore(sig ...os.Signal) {
	cancel(sig, func(n int) { signal_ignore(uint32(n)) })
}

// Ignored reports whether sig is currently ignored.
func Ignored(sig os.Signal) bool {
	sn := signum(sig)
	return sn >= 0 && signal_ignored(uint32(sn))
}

// Reset undoes the effect of any prior calls to Notify and Ignore for the
// given signals (all when none are given).
func Reset(sig ...os.Signal) {
	cancel(sig, func(n int) { signal_disable(uint32(n)) })
}

// process relays one caught signal to the channels that want it.
func process(sig os.Signal) {
	n := signum(sig)
	if n < 0 {
		return
	}
	handlers.Lock()
	defer handlers.Unlock()
	for c, h := range handlers.m {
		if h.want(n) {
			select {
			case c <- sig:
			default:
			}
		}
	}
}

// NotifyContext returns a copy of the parent context that is marked done
// (its Done channel is closed) when one of the listed signals arrives, when
// the returned stop function is called, or when the parent context's Done
// channel is closed, whichever happens first. stop unregisters the signal
// behavior, which, like Reset, may restore the default behavior.
func NotifyContext(parent context.Context, signals ...os.Signal) (ctx context.Context, stop context.CancelFunc) {
	ctx, cancel := context.WithCancel(parent)
	c := &signalCtx{
		Context: ctx,
		cancel:  cancel,
		signals: signals,
	}
	c.ch = make(chan os.Signal, 1)
	Notify(c.ch, c.signals...)
	if ctx.Err() == nil {
		go func() {
			select {
			case <-c.ch:
				c.cancel()
			case <-c.Done():
			}
		}()
	}
	return c, c.stop
}

type signalCtx struct {
	context.Context

	cancel  context.CancelFunc
	signals []os.Signal
	ch      chan os.Signal
}

func (c *signalCtx) stop() {
	c.cancel()
	Stop(c.ch)
}

type stringer interface {
	String() string
}

func (c *signalCtx) String() string {
	var buf []byte
	// signalCtx's Context is the WithCancel child; name its parent as Go does
	name := "context"
	if s, ok := c.Context.(stringer); ok {
		name = s.String()
		const suffix = ".WithCancel"
		if len(name) > len(suffix) && name[len(name)-len(suffix):] == suffix {
			name = name[:len(name)-len(suffix)]
		}
	}
	buf = append(buf, "signal.NotifyContext("+name...)
	if len(c.signals) != 0 {
		buf = append(buf, ", ["...)
		for i, s := range c.signals {
			buf = append(buf, s.String()...)
			if i != len(c.signals)-1 {
				buf = append(buf, ' ')
			}
		}
		buf = append(buf, ']')
	}
	buf = append(buf, ')')
	return string(buf)
}
