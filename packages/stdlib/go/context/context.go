// gort standard library: package context (Go 1.19 API: no Cause,
// AfterFunc or WithoutCancel).
//
// A context is a chain of nodes ending at Background or TODO. Cancelable
// nodes (cancelCtx, and timerCtx which embeds one) keep a set of cancelable
// descendants; canceling a node closes its done channel, records its error
// and cancels every descendant, then detaches the node from its own
// cancelable ancestor. A cancelable node whose nearest ancestor is a foreign
// Context implementation (not one of ours) is linked by a goroutine that
// waits on both done channels, as in Go. Deadlines are runtime timers
// (time.AfterFunc).

package context

import (
	"errors"
	"reflect"
	"sync"
	"sync/atomic"
	"time"
)

// A Context carries a deadline, a cancellation signal and request-scoped
// values across API boundaries; its methods are safe for concurrent use.
type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}

// Canceled is the error Err returns after the context was canceled.
var Canceled = errors.New("context canceled")

// DeadlineExceeded is the error Err returns after the deadline passed.
var DeadlineExceeded error = deadlineExceededError{}

type deadlineExceededError struct{}

func (deadlineExceededError) Error() string   { return "context deadline exceeded" }
func (deadlineExceededError) Timeout() bool   { return true }
func (deadlineExceededError) Temporary() bool { return true }

// emptyCtx is never canceled, has no values and no deadline.
type emptyCtx int

func (*emptyCtx) Deadline() (deadline time.Time, ok bool) { return }
func (*emptyCtx) Done() <-chan struct{}                   { return nil }
func (*emptyCtx) Err() error                              { return nil }
func (*emptyCtx) Value(key any) any                       { return nil }

func (e *emptyCtx) String() string {
	switch e {
	case background:
		return "context.Background"
	case todo:
		return "context.TODO"
	}
	return "unknown empty Context"
}

var (
	background = new(emptyCtx)
	todo       = new(emptyCtx)
)

// Background returns the root context: never canceled, no values, no
// deadline.
func Background() Context { return background }

// TODO returns an empty context for code that does not know yet which
// context to use.
func TODO() Context { return todo }

// A CancelFunc tells an operation to abandon its work; calls after the
// first do nothing.
type CancelFunc func()

// WithCancel returns a copy of parent with a new Done channel, closed when
// cancel is called or parent's Done channel is closed.
func WithCancel(parent Context) (ctx Context, cancel CancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c := &cancelCtx{Context: parent}
	attach(parent, c)
	return c, func() { c.cancel(true, Canceled) }
}

// canceler is a context that can be canceled directly.
type canceler interface {
	cancel(removeFromParent bool, err error)
	Done() <-chan struct{}
}

// closedchan is a reusable closed channel, handed out by Done when a
// context was canceled before anyone asked for its channel.
var closedchan = make(chan struct{})

func init() { close(closedchan) }

// cancelCtxKey is the key under which a cancelCtx returns itself from
// Value, so descendants can find their nearest cancelable ancestor.
var cancelCtxKey int

// A cancelCtx can be canceled; canceling it cancels its children.
type cancelCtx struct {
	Context

	mu       sync.Mutex
	done     atomic.Value          // chan struct{}, created lazily, closed by the first cancel
	children map[canceler]struct{} // nil once canceled
	err      error                 // set (non-nil) by the first cancel
}

func (c *cancelCtx) Value(key any) any {
	if key == &cancelCtxKey {
		return c
	}
	return lookup(c.Context, key)
}

func (c *cancelCtx) Done() <-chan struct{} {
	if d := c.done.Load(); d != nil {
		return d.(chan struct{})
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	d := c.done.Load()
	if d == nil {
		d = make(chan struct{})
		c.done.Store(d)
	}
	return d.(chan struct{})
}

func (c *cancelCtx) Err() error {
	c.mu.Lock()
	err := c.err
	c.mu.Unlock()
	return err
}

func (c *cancelCtx) String() string {
	return nameOf(c.Context) + ".WithCancel"
}

// cancel closes c's done channel, cancels c's children and, when
// removeFromParent is set, unlinks c from its cancelable ancestor.
func (c *cancelCtx) cancel(removeFromParent bool, err error) {
	if err == nil {
		panic("context: internal error: missing cancel error")
	}
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return // already canceled
	}
	c.err = err
	d, _ := c.done.Load().(chan struct{})
	if d == nil {
		c.done.Store(closedchan)
	} else {
		close(d)
	}
	for child := range c.children {
		// The child's lock is taken while holding the parent's, always in
		// this order.
		child.cancel(false, err)
	}
	c.children = nil
	c.mu.Unlock()

	if removeFromParent {
		detach(c.Context, c)
	}
}

// attach arranges for child to be canceled when parent is.
func attach(parent Context, child canceler) {
	done := parent.Done()
	if done == nil {
		return // parent can never be canceled
	}
	select {
	case <-done:
		child.cancel(false, parent.Err())
		return
	default:
	}
	if p, ok := ancestorCancelCtx(parent); ok {
		p.mu.Lock()
		if p.err != nil {
			p.mu.Unlock()
			child.cancel(false, p.err)
			return
		}
		if p.children == nil {
			p.children = make(map[canceler]struct{})
		}
		p.children[child] = struct{}{}
		p.mu.Unlock()
		return
	}
	atomic.AddInt32(&goroutines, 1)
	go func() {
		select {
		case <-parent.Done():
			child.cancel(false, parent.Err())
		case <-child.Done():
		}
	}()
}

// goroutines counts the watcher goroutines attach started (kept for parity
// with Go's test hook).
var goroutines int32

// ancestorCancelCtx returns the nearest cancelCtx above parent when parent's
// Done channel is that context's own (a wrapper overriding Done hides it).
func ancestorCancelCtx(parent Context) (*cancelCtx, bool) {
	done := parent.Done()
	if done == closedchan || done == nil {
		return nil, false
	}
	p, ok := parent.Value(&cancelCtxKey).(*cancelCtx)
	if !ok {
		return nil, false
	}
	if pd, _ := p.done.Load().(chan struct{}); pd != done {
		return nil, false
	}
	return p, true
}

// detach removes child from its cancelable ancestor's children.
func detach(parent Context, child canceler) {
	p, ok := ancestorCancelCtx(parent)
	if !ok {
		return
	}
	p.mu.Lock()
	if p.children != nil {
		delete(p.children, child)
	}
	p.mu.Unlock()
}

// stringer is fmt.Stringer, declared here to avoid importing fmt.
type stringer interface{ String() string }

func nameOf(c Context) string {
	if s, ok := c.(stringer); ok {
		return s.String()
	}
	return reflect.TypeOf(c).String()
}

// WithDeadline returns a copy of parent whose deadline is d (or parent's,
// if earlier). Its Done channel closes when the deadline passes, cancel is
// called or parent's Done channel closes.
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		return WithCancel(parent) // the parent's deadline comes first
	}
	c := &timerCtx{cancelCtx: cancelCtx{Context: parent}, deadline: d}
	attach(parent, c)
	dur := time.Until(d)
	if dur <= 0 {
		c.cancel(true, DeadlineExceeded)
		return c, func() { c.cancel(false, Canceled) }
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		c.timer = time.AfterFunc(dur, func() { c.cancel(true, DeadlineExceeded) })
	}
	return c, func() { c.cancel(true, Canceled) }
}

// WithTimeout is WithDeadline(parent, time.Now().Add(timeout)).
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, time.Now().Add(timeout))
}

// A timerCtx is a cancelCtx with a deadline timer.
type timerCtx struct {
	cancelCtx
	timer    *time.Timer // guarded by cancelCtx.mu
	deadline time.Time
}

func (c *timerCtx) Deadline() (deadline time.Time, ok bool) {
	return c.deadline, true
}

func (c *timerCtx) String() string {
	return nameOf(c.cancelCtx.Context) + ".WithDeadline(" + c.deadline.String() +
		" [" + time.Until(c.deadline).String() + "])"
}

func (c *timerCtx) cancel(removeFromParent bool, err error) {
	c.cancelCtx.cancel(false, err)
	if removeFromParent {
		detach(c.cancelCtx.Context, c)
	}
	c.mu.Lock()
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
	c.mu.Unlock()
}

// WithValue returns a copy of parent in which key is associated with val.
// The key must be comparable (and should be of an unexported type).
func WithValue(parent Context, key, val any) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if key == nil {
		panic("nil key")
	}
	if !reflect.TypeOf(key).Comparable() {
		panic("key is not comparable")
	}
	return &valueCtx{parent, key, val}
}

// A valueCtx carries one key-value pair.
type valueCtx struct {
	Context
	key, val any
}

func describe(v any) string {
	switch s := v.(type) {
	case stringer:
		return s.String()
	case string:
		return s
	}
	return "<not Stringer>"
}

func (c *valueCtx) String() string {
	return nameOf(c.Context) + ".WithValue(type " + reflect.TypeOf(c.key).String() +
		", val " + describe(c.val) + ")"
}

func (c *valueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return lookup(c.Context, key)
}

// lookup walks the chain from c looking for key, without recursion through
// our own node types.
func lookup(c Context, key any) any {
	for {
		switch n := c.(type) {
		case *valueCtx:
			if key == n.key {
				return n.val
			}
			c = n.Context
		case *cancelCtx:
			if key == &cancelCtxKey {
				return n
			}
			c = n.Context
		case *timerCtx:
			if key == &cancelCtxKey {
				return &n.cancelCtx
			}
			c = n.Context
		case *emptyCtx:
			return nil
		default:
			return c.Value(key)
		}
	}
}
