// gort standard library: package sync (Mutex, Locker).

// Package sync provides basic synchronization primitives: Mutex, RWMutex,
// WaitGroup, Once, Cond, Pool and Map. They are Go code over the runtime's
// semaphores and notify lists (runtime.go), as in Go.
package sync

import "sync/atomic"

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock; the zero Mutex is unlocked.
//
// state: bit 0 locked, bit 1 woken (a goroutine is awake and trying, so
// Unlock need not wake another), bit 2 starving, bits 3.. the number of
// waiters. Normal mode lets an arriving goroutine barge ahead of woken
// waiters (fast, unfair). A waiter that fails to get the lock for more
// than 1 ms switches the mutex to starvation mode: Unlock hands the lock
// straight to the first waiter and newcomers queue at the tail. The mutex
// leaves starvation mode when the waiter that takes it is the last one or
// waited less than 1 ms.
type Mutex struct {
	state int32
	sema  uint32
}

const (
	mutexLocked   = 1
	mutexWoken    = 2
	mutexStarving = 4
	waiterShift   = 3

	// starvationThresholdNs: waiting longer than this starves the mutex
	// (Go's value: beyond it, fairness matters more than throughput).
	starvationThresholdNs = 1e6
)

// Lock locks m, blocking until the mutex is available.
func (m *Mutex) Lock() {
	if atomic.CompareAndSwapInt32(&m.state, 0, mutexLocked) {
		return
	}
	m.lockSlow()
}

// TryLock tries to lock m without blocking and reports whether it did.
func (m *Mutex) TryLock() bool {
	old := m.state
	if old&(mutexLocked|mutexStarving) != 0 {
		return false
	}
	return atomic.CompareAndSwapInt32(&m.state, old, old|mutexLocked)
}

func (m *Mutex) lockSlow() {
	var waitStart int64
	starving := false
	awoke := false
	iter := 0
	old := m.state
	for {
		// Spin while the lock is held in normal mode, announcing ourselves
		// (woken) so Unlock does not wake a sleeper needlessly.
		if old&(mutexLocked|mutexStarving) == mutexLocked && runtime_canSpin(iter) {
			if !awoke && old&mutexWoken == 0 && old>>waiterShift != 0 &&
				atomic.CompareAndSwapInt32(&m.state, old, old|mutexWoken) {
				awoke = true
			}
			runtime_doSpin()
			iter++
			old = m.state
			continue
		}
		next := old
		if old&mutexStarving == 0 {
			next |= mutexLocked // a starving mutex belongs to the queue
		}
		if old&(mutexLocked|mutexStarving) != 0 {
			next += 1 << waiterShift
		}
		if starving && old&mutexLocked != 0 {
			next |= mutexStarving
		}
		if awoke {
			if next&mutexWoken == 0 {
				throw("sync: inconsistent mutex state")
			}
			next &^= mutexWoken
		}
		if !atomic.CompareAndSwapInt32(&m.state, old, next) {
			old = m.state
			continue
		}
		if old&(mutexLocked|mutexStarving) == 0 {
			return // got it
		}
		// Waiters that waited before go back to the front of the queue.
		lifo := waitStart != 0
		if waitStart == 0 {
			waitStart = runtime_nanotime()
		}
		runtime_SemacquireMutex(&m.sema, lifo, 1)
		starving = starving || runtime_nanotime()-waitStart > starvationThresholdNs
		old = m.state
		if old&mutexStarving != 0 {
			// Handed the lock directly: state still says unlocked with us
			// counted as a waiter.
			if old&(mutexLocked|mutexWoken) != 0 || old>>waiterShift == 0 {
				throw("sync: inconsistent mutex state")
			}
			delta := int32(mutexLocked - 1<<waiterShift)
			if !starving || old>>waiterShift == 1 {
				delta -= mutexStarving
			}
			atomic.AddInt32(&m.state, delta)
			return
		}
		awoke = true
		iter = 0
	}
}

// Unlock unlocks m; it is a run-time error if m is not locked.
func (m *Mutex) Unlock() {
	next := atomic.AddInt32(&m.state, -mutexLocked)
	if next != 0 {
		m.unlockSlow(next)
	}
}

func (m *Mutex) unlockSlow(next int32) {
	if (next+mutexLocked)&mutexLocked == 0 {
		fatal("sync: unlock of unlocked mutex")
	}
	if next&mutexStarving != 0 {
		// Hand the lock to the first waiter and let it run now.
		runtime_Semrelease(&m.sema, true, 1)
		return
	}
	old := next
	for {
		// Nobody to wake, or someone already locked, woke or starved it.
		if old>>waiterShift == 0 || old&(mutexLocked|mutexWoken|mutexStarving) != 0 {
			return
		}
		next = (old - 1<<waiterShift) | mutexWoken
		if atomic.CompareAndSwapInt32(&m.state, old, next) {
			runtime_Semrelease(&m.sema, false, 1)
			return
		}
		old = m.state
	}
}
