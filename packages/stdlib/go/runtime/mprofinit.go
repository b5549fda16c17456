// gort standard library: package runtime (heap profiling from the start).

//go:build !gortcheck

// (Left out of the stdlib check's Go builds, scripts/check.mjs: an init
// calling runtime natives would not link there.)

package runtime

// The heap profiler follows MemProfileRate from the start only in programs
// that can read the profile: as Go's linker leaves the rate at 512 KiB
// exactly when runtime.MemProfile is reachable, the runtime sets it here when
// the program image holds MemProfile (runtime/pprof does the same in its
// init).
func init() {
	if memProfileReachable() {
		if MemProfileRate == 0 {
			MemProfileRate = 512 * 1024
		}
		memProfileRateVar(&MemProfileRate)
	}
}

// memProfileReachable reports whether the program image holds
// runtime.MemProfile.
func memProfileReachable() bool

// memProfileRateVar hands &MemProfileRate to the heap profiler.
func memProfileRateVar(p *int)
