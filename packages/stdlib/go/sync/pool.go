// gort standard library: package sync (Pool).

package sync

import (
	"sync/atomic"
	"unsafe"
)

// A Pool is a set of temporary objects that may be individually saved and
// retrieved; the collector may drop them at any time.
//
// Design: each P has a private slot (written only while the goroutine is
// pinned to that P, so it needs no lock) and the pool has one shared
// stack under a Mutex. At the start of each GC cycle the runtime calls
// poolCleanup, which moves the current objects to a victim generation and
// drops the previous victims, so an object survives at most two cycles
// unused (Go's policy). Go's lock-free per-P shared chains are not
// reproduced: the shared stack's lock is simpler and gort runs Go code on
// one thread today.
type Pool struct {
	noCopy noCopy

	local      unsafe.Pointer // *[n]poolLocal, n = localSize
	localSize  uintptr
	victim     unsafe.Pointer
	victimSize uintptr

	mu      Mutex
	shared  []any
	vshared []any

	// New optionally specifies a function to generate a value when Get
	// would otherwise return nil.
	New func() any
}

type poolLocal struct {
	private any
}

// Put adds x to the pool.
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	l, _ := p.pin()
	if l.private == nil {
		l.private = x
		runtime_procUnpin()
		return
	}
	runtime_procUnpin()
	p.mu.Lock()
	p.shared = append(p.shared, x)
	p.mu.Unlock()
}

// Get selects an arbitrary item from the pool, removes it and returns it;
// when the pool is empty it returns New() (or nil without New).
func (p *Pool) Get() any {
	l, pid := p.pin()
	x := l.private
	l.private = nil
	if x == nil {
		// The victim slot of this P, still pinned.
		if v := indexLocal(atomic.LoadPointer(&p.victim), pid, atomic.LoadUintptr(&p.victimSize)); v != nil {
			x = v.private
			v.private = nil
		}
	}
	runtime_procUnpin()
	if x == nil {
		p.mu.Lock()
		if n := len(p.shared); n > 0 {
			x = p.shared[n-1]
			p.shared[n-1] = nil
			p.shared = p.shared[:n-1]
		} else if n := len(p.vshared); n > 0 {
			x = p.vshared[n-1]
			p.vshared[n-1] = nil
			p.vshared = p.vshared[:n-1]
		}
		p.mu.Unlock()
	}
	if x == nil && p.New != nil {
		x = p.New()
	}
	return x
}

func indexLocal(l unsafe.Pointer, i int, size uintptr) *poolLocal {
	if l == nil || uintptr(i) >= size {
		return nil
	}
	return &(*[1 << 16]poolLocal)(l)[i]
}

// pin pins the goroutine to its P and returns the P's slot; the caller
// must call runtime_procUnpin.
func (p *Pool) pin() (*poolLocal, int) {
	pid := runtime_procPin()
	if l := indexLocal(atomic.LoadPointer(&p.local), pid, atomic.LoadUintptr(&p.localSize)); l != nil {
		return l, pid
	}
	return p.pinSlow()
}

func (p *Pool) pinSlow() (*poolLocal, int) {
	runtime_procUnpin()
	allPoolsMu.Lock()
	defer allPoolsMu.Unlock()
	pid := runtime_procPin()
	size := atomic.LoadUintptr(&p.localSize)
	if l := indexLocal(atomic.LoadPointer(&p.local), pid, size); l != nil {
		return l, pid
	}
	if p.local == nil {
		allPools = append(allPools, p)
	}
	// Grow to cover this P; objects in the old slots are dropped, which a
	// pool may do at any time.
	n := uintptr(pid + 1)
	if n < 2*size {
		n = 2 * size
	}
	locals := make([]poolLocal, n)
	atomic.StorePointer(&p.local, unsafe.Pointer(&locals[0]))
	atomic.StoreUintptr(&p.localSize, n)
	return &locals[pid], pid
}

var (
	allPoolsMu Mutex
	allPools   []*Pool // pools with live objects
	oldPools   []*Pool // pools with victims
)

// poolCleanup runs with the world stopped at the start of a GC cycle.
func poolCleanup() {
	for _, p := range oldPools {
		p.victim = nil
		p.victimSize = 0
		p.vshared = nil
	}
	for _, p := range allPools {
		p.victim, p.victimSize = p.local, p.localSize
		p.local, p.localSize = nil, 0
		p.vshared, p.shared = p.shared, nil
	}
	oldPools, allPools = allPools, nil
}

func init() {
	runtime_registerPoolCleanup(poolCleanup)
}
