// gort standard library: package sync (Pool).

package sync

import (
	"sync/atomic"
	"unsafe"
)

// A Pool is a set of temporary objects that may be individually saved and
// retrieved; the collector may drop them at any time.
//
// Design (Go's): each P has a poolLocal with a private slot, used only by
// the goroutine pinned to that P (procPin), and a shared deque: the owner
// pushes and pops at its head, other Ps steal from its tail. Get looks at
// the private slot, then the own deque's head, then steals from the other
// Ps' tails, then the victim generation (private, then shared tails). At
// the start of every GC cycle, with the world stopped, the runtime moves
// each pool's locals to its victim and drops the previous victims
// (runtime_registerPoolCleanup), so an unused object survives at most two
// cycles.
//
// Go's deques are lock-free chains; gort's are slices under the pool's
// Mutex (the private slot stays lock-free). The lock is never taken while
// pinned: a pinned goroutine must not park.
type Pool struct {
	noCopy noCopy

	local      unsafe.Pointer // *[localSize]poolLocal, indexed by P id
	localSize  uintptr
	victim     unsafe.Pointer // local of the previous cycle
	victimSize uintptr

	mu Mutex // guards every shared deque of local and victim

	// New optionally specifies a function to generate a value when Get
	// would otherwise return nil.
	New func() any
}

type poolLocal struct {
	private any   // owner only, while pinned
	shared  []any // deque: head = end of the slice, tail = index 0; under Pool.mu
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
	l.shared = append(l.shared, x)
	p.mu.Unlock()
}

// Get selects an arbitrary item from the pool, removes it and returns it;
// when the pool is empty it returns New() (or nil without New).
func (p *Pool) Get() any {
	l, pid := p.pin()
	x := l.private
	l.private = nil
	runtime_procUnpin()
	if x == nil {
		p.mu.Lock()
		if n := len(l.shared); n > 0 {
			x = l.shared[n-1]
			l.shared[n-1] = nil
			l.shared = l.shared[:n-1]
		} else {
			x = p.getSlow(pid)
		}
		p.mu.Unlock()
	}
	if x == nil && p.New != nil {
		x = p.New()
	}
	return x
}

// popTail takes the oldest element of a shared deque.
func popTail(s *[]any) any {
	if len(*s) == 0 {
		return nil
	}
	x := (*s)[0]
	(*s)[0] = nil
	*s = (*s)[1:]
	return x
}

// getSlow steals from the other Ps, then takes from the victim cache.
// Called with p.mu held.
func (p *Pool) getSlow(pid int) any {
	size := atomic.LoadUintptr(&p.localSize)
	locals := p.local
	for i := 0; i < int(size); i++ {
		if x := popTail(&indexLocal(locals, (pid+i+1)%int(size)).shared); x != nil {
			return x
		}
	}
	size = atomic.LoadUintptr(&p.victimSize)
	if uintptr(pid) >= size {
		return nil
	}
	locals = p.victim
	l := indexLocal(locals, pid)
	if x := l.private; x != nil {
		l.private = nil
		return x
	}
	for i := 0; i < int(size); i++ {
		if x := popTail(&indexLocal(locals, (pid+i)%int(size)).shared); x != nil {
			return x
		}
	}
	// The victim cache is empty: later Gets need not look at it.
	atomic.StoreUintptr(&p.victimSize, 0)
	return nil
}

func indexLocal(l unsafe.Pointer, i int) *poolLocal {
	return &(*[1 << 16]poolLocal)(l)[i]
}

// pin pins the goroutine to its P and returns the P's poolLocal and the P
// id; the caller must call runtime_procUnpin.
func (p *Pool) pin() (*poolLocal, int) {
	pid := runtime_procPin()
	s := atomic.LoadUintptr(&p.localSize)
	l := p.local
	if uintptr(pid) < s {
		return indexLocal(l, pid), pid
	}
	return p.pinSlow()
}

func (p *Pool) pinSlow() (*poolLocal, int) {
	runtime_procUnpin()
	allPoolsMu.Lock()
	defer allPoolsMu.Unlock()
	pid := runtime_procPin()
	s := p.localSize
	l := p.local
	if uintptr(pid) < s {
		return indexLocal(l, pid), pid
	}
	if p.local == nil {
		allPools = append(allPools, p)
	}
	// GOMAXPROCS changed since the locals were made: new ones, one per P;
	// the old ones are dropped (a pool may drop anything at any time).
	size := runtime_GOMAXPROCS()
	if pid >= size {
		// (a worker M whose P went away runs its goroutine on until its next check-in)
		size = pid + 1
	}
	locals := make([]poolLocal, size)
	atomic.StorePointer(&p.local, unsafe.Pointer(&locals[0]))
	atomic.StoreUintptr(&p.localSize, uintptr(size))
	return &locals[pid], pid
}

var (
	allPoolsMu Mutex
	allPools   []*Pool // pools with live locals; rotated by the runtime at GC start
	oldPools   []*Pool // pools with victims
)

// runtime_registerPoolCleanup hands the runtime the pool lists and the
// Pool field offsets; at the start of each GC cycle, with the world
// stopped, it drops the victims of oldPools, moves every allPools pool's
// locals to its victim, and sets oldPools, allPools = allPools, nil (Go's
// poolCleanup, done by the runtime so it runs inside the pause).
func runtime_registerPoolCleanup(all, old *[]*Pool, local, localSize, victim, victimSize uintptr)

// runtime_GOMAXPROCS returns the current number of Ps.
func runtime_GOMAXPROCS() int

func init() {
	var p Pool
	runtime_registerPoolCleanup(&allPools, &oldPools,
		unsafe.Offsetof(p.local), unsafe.Offsetof(p.localSize),
		unsafe.Offsetof(p.victim), unsafe.Offsetof(p.victimSize))
}
