// gort standard library: package sync (runtime-provided functions).
//
// Body-less declarations implemented by gort's runtime (sema.go and
// proc.go's counterparts); each is listed in packages/stdlib/NATIVES.md.

package sync

import "unsafe"

// runtime_Semacquire waits until *s > 0 and then decrements it.
func runtime_Semacquire(s *uint32)

// runtime_SemacquireMutex is Semacquire for Mutex and RWMutex: lifo puts
// the waiter at the head of the queue (a waiter that already waited);
// skipframes is for mutex/block profiles.
func runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int)

// runtime_Semrelease increments *s and wakes one waiter; handoff gives
// the count directly to that waiter and yields to it (starving Mutex).
func runtime_Semrelease(s *uint32, handoff bool, skipframes int)

// notifyList is the runtime's ticket-based wait list for Cond. Its layout
// is shared with the runtime (NATIVES.md): tickets handed out, tickets
// notified, a runtime lock word and the waiter list.
type notifyList struct {
	wait   uint32
	notify uint32
	lock   uintptr
	head   unsafe.Pointer
	tail   unsafe.Pointer
}

// runtime_notifyListAdd returns a ticket for a Wait about to happen.
func runtime_notifyListAdd(l *notifyList) uint32

// runtime_notifyListWait parks until ticket t is notified (returns at once
// if it already was).
func runtime_notifyListWait(l *notifyList, t uint32)

// runtime_notifyListNotifyAll wakes every ticket handed out so far.
func runtime_notifyListNotifyAll(l *notifyList)

// runtime_notifyListNotifyOne wakes the oldest unnotified ticket.
func runtime_notifyListNotifyOne(l *notifyList)

// runtime_notifyListCheck checks that the runtime and sync agree on the
// size of notifyList (throws otherwise).
func runtime_notifyListCheck(size uintptr)

// runtime_canSpin reports whether spinning is worthwhile at the iter'th
// attempt (more than one P, others running, few attempts so far).
func runtime_canSpin(iter int) bool

// runtime_doSpin spins briefly (a few dozen pause iterations).
func runtime_doSpin()

// runtime_nanotime returns the monotonic clock in nanoseconds.
func runtime_nanotime() int64

// runtime_procPin disables preemption and returns the current P's id;
// runtime_procUnpin re-enables it.
func runtime_procPin() int
func runtime_procUnpin()

// (runtime_registerPoolCleanup and runtime_GOMAXPROCS: pool.go)

// throw reports an unrecoverable error: "fatal error: " + s, exit 2.
func throw(s string)

// fatal is throw for user errors (Go 1.19 prints the same).
func fatal(s string)

func init() {
	runtime_notifyListCheck(unsafe.Sizeof(notifyList{}))
}
