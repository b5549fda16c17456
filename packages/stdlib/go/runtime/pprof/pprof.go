// gort standard library: package runtime/pprof — profiles in the format
// the pprof tool reads (Go 1.19's API).
//
// gort's runtime records the data (CPU samples at 100 Hz from a ticker
// thread, heap samples at runtime.MemProfileRate, goroutines, block and
// mutex events; packages/runtime/src/prof*.ts) and builds the profiles;
// the gzipped protobuf encoding is done by the host that runs the program
// (packages/pprof, installed by `gort run`). The natives below return the
// finished bytes. Differences from Go: a CPU profile is written to w when
// it stops (Go streams it every 100 ms).
package pprof

import (
	"errors"
	"io"
	"runtime"
	"sort"
	"sync"
)

// runtime_memProfileRateVar hands &runtime.MemProfileRate to the heap
// profiler (which reads it at every allocation) and gives it Go's default
// rate when it is still 0.
func runtime_memProfileRateVar(p *int)

// runtime_cpuProfileBytes returns the CPU profile stopped last, encoded,
// or an error text.
func runtime_cpuProfileBytes() ([]byte, string)

// runtime_profileBytes returns built-in profile name at the given debug
// level: gzipped protobuf for debug <= 0, text otherwise.
func runtime_profileBytes(name string, debug int) ([]byte, string)

// runtime_countProfileBytes returns a custom profile built from its
// stacks (all pcs concatenated, lens[i] of them for stack i).
func runtime_countProfileBytes(name string, pcs []uintptr, lens []int, debug int) ([]byte, string)

// runtime_profileCount is Count for a built-in profile.
func runtime_profileCount(name string) int

// runtime_setLabels sets the calling goroutine's labels (key, value, ...).
func runtime_setLabels(kv []string)

func init() {
	runtime_memProfileRateVar(&runtime.MemProfileRate)
}

// A Profile is a collection of stack traces showing the call sequences
// that led to instances of a particular event, such as allocation.
type Profile struct {
	name    string
	builtin bool
	mu      sync.Mutex
	m       map[any][]uintptr
}

var profiles struct {
	mu sync.Mutex
	m  map[string]*Profile
}

func lockProfiles() {
	profiles.mu.Lock()
	if profiles.m == nil {
		profiles.m = map[string]*Profile{}
		for _, n := range []string{"goroutine", "threadcreate", "heap", "allocs", "block", "mutex"} {
			profiles.m[n] = &Profile{name: n, builtin: true}
		}
	}
}

func unlockProfiles() {
	profiles.mu.Unlock()
}

// NewProfile creates a new profile with the given name. It panics if a
// profile with that name already exists.
func NewProfile(name string) *Profile {
	lockProfiles()
	defer unlockProfiles()
	if name == "" {
		panic("pprof: NewProfile with empty name")
	}
	if profiles.m[name] != nil {
		panic("pprof: NewProfile name already in use: " + name)
	}
	p := &Profile{name: name, m: map[any][]uintptr{}}
	profiles.m[name] = p
	return p
}

// Lookup returns the profile with the given name, or nil if there is none.
func Lookup(name string) *Profile {
	lockProfiles()
	defer unlockProfiles()
	return profiles.m[name]
}

// Profiles returns a slice of all the known profiles, sorted by name.
func Profiles() []*Profile {
	lockProfiles()
	defer unlockProfiles()
	all := make([]*Profile, 0, len(profiles.m))
	for _, p := range profiles.m {
		all = append(all, p)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].name < all[j].name })
	return all
}

// Name returns this profile's name.
func (p *Profile) Name() string {
	return p.name
}

// Count returns the number of execution stacks currently in the profile.
func (p *Profile) Count() int {
	if p.builtin {
		return runtime_profileCount(p.name)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.m)
}

// Add adds the current execution stack to the profile, associated with
// value. Add panics if the profile already contains a stack for value.
func (p *Profile) Add(value any, skip int) {
	if p.builtin {
		panic("pprof: Add called on built-in Profile " + p.name)
	}
	stk := make([]uintptr, 32)
	n := runtime.Callers(skip+1, stk[:])
	stk = stk[:n]
	if len(stk) == 0 {
		// The value for skip is too large, and there's no stack trace to record.
		stk = []uintptr{0}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.m[value] != nil {
		panic("pprof: Profile.Add of duplicate value")
	}
	p.m[value] = stk
}

// Remove removes the execution stack associated with value from the
// profile. It is a no-op if the value is not in the profile.
func (p *Profile) Remove(value any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.m, value)
}

// WriteTo writes a pprof-formatted snapshot of the profile to w: debug 0
// is the gzipped protobuf, debug 1 the legacy text form with symbolized
// frames, and for the goroutine profile debug 2 every goroutine's
// traceback as an unrecovered panic prints it.
func (p *Profile) WriteTo(w io.Writer, debug int) error {
	if p.name == "" {
		panic("pprof: use of zero Profile")
	}
	var b []byte
	var err string
	if p.builtin {
		b, err = runtime_profileBytes(p.name, debug)
	} else {
		p.mu.Lock()
		var pcs []uintptr
		var lens []int
		for _, stk := range p.m {
			pcs = append(pcs, stk...)
			lens = append(lens, len(stk))
		}
		p.mu.Unlock()
		b, err = runtime_countProfileBytes(p.name, pcs, lens, debug)
	}
	if err != "" {
		return errors.New(err)
	}
	_, werr := w.Write(b)
	return werr
}

// WriteHeapProfile is shorthand for Lookup("heap").WriteTo(w, 0).
func WriteHeapProfile(w io.Writer) error {
	return Lookup("heap").WriteTo(w, 0)
}

var cpu struct {
	sync.Mutex
	profiling bool
	stop      chan bool
	done      chan bool
}

// StartCPUProfile enables CPU profiling for the current process (100
// samples per second). While profiling, the profile is buffered and
// written to w when StopCPUProfile is called. It returns an error if
// profiling is already enabled.
func StartCPUProfile(w io.Writer) error {
	const hz = 100
	cpu.Lock()
	defer cpu.Unlock()
	if cpu.done == nil {
		cpu.done = make(chan bool)
		cpu.stop = make(chan bool)
	}
	if cpu.profiling {
		return errors.New("cpu profiling already in use")
	}
	cpu.profiling = true
	runtime.SetCPUProfileRate(hz)
	go profileWriter(w)
	return nil
}

// profileWriter is the goroutine Go runs while a CPU profile is on; here
// it waits for the stop and writes the whole profile.
func profileWriter(w io.Writer) {
	<-cpu.stop
	b, err := runtime_cpuProfileBytes()
	if err != "" {
		panic("runtime/pprof: converting profile: " + err)
	}
	w.Write(b)
	cpu.done <- true
}

// StopCPUProfile stops the current CPU profile, if any, and returns only
// after the profile has been completely written.
func StopCPUProfile() {
	cpu.Lock()
	defer cpu.Unlock()
	if !cpu.profiling {
		return
	}
	cpu.profiling = false
	runtime.SetCPUProfileRate(0)
	cpu.stop <- true
	<-cpu.done
	// Let the writer goroutine finish returning, so it is gone once this
	// returns (as it practically always is in Go, where it exits on
	// another thread while this one wakes up).
	runtime.Gosched()
}
