// gort standard library: package os/signal (runtime-provided functions).

package signal

// Implemented in packages/runtime/src/hostproc.ts and signal.ts: the
// runtime's side of signal delivery (Go's runtime/sigqueue.go). A caught
// signal is queued as a bit; signal_recv parks until one is queued.

// signal_enable starts catching sig (its default action no longer applies).
func signal_enable(sig uint32)

// signal_disable restores sig's default action.
func signal_disable(sig uint32)

// signal_ignore makes the process ignore sig.
func signal_ignore(sig uint32)

// signal_ignored reports whether sig is ignored (by signal_ignore).
func signal_ignored(sig uint32) bool

// signal_recv waits for the next caught signal and returns its number.
func signal_recv() uint32
