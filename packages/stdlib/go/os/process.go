// gort standard library: package os (processes and signals).
//
// Child processes are started by os/exec (natives in
// packages/runtime/src/hostfs.ts), which runs each child to completion
// while the whole runtime waits; the host keeps the exit status of a child
// until Process.Wait collects it, as the kernel keeps a zombie.

package os

import (
	"errors"
	"syscall"
)

// A Signal represents an operating system signal.
type Signal interface {
	String() string
	Signal() // to distinguish from other Stringers
}

// unixSignal is a Linux signal number. Go's os.Interrupt and os.Kill are
// syscall.Signal values; gort's syscall has no Signal type yet
// (HACKING.md), so %T prints os.unixSignal instead.
type unixSignal int

func (s unixSignal) Signal() {}

func (s unixSignal) String() string { return signalName(int(s)) }

// The only signal values guaranteed to be present in package os.
var (
	Interrupt Signal = unixSignal(2)
	Kill      Signal = unixSignal(9)
)

// signalNames are Linux's signal descriptions as Go prints them.
var signalNames = [...]string{
	1: "hangup", 2: "interrupt", 3: "quit", 4: "illegal instruction",
	5: "trace/breakpoint trap", 6: "aborted", 7: "bus error",
	8: "floating point exception", 9: "killed", 10: "user defined signal 1",
	11: "segmentation fault", 12: "user defined signal 2", 13: "broken pipe",
	14: "alarm clock", 15: "terminated", 16: "stack fault", 17: "child exited",
	18: "continued", 19: "stopped (signal)", 20: "stopped",
	21: "stopped (tty input)", 22: "stopped (tty output)",
	23: "urgent I/O condition", 24: "CPU time limit exceeded",
	25: "file size limit exceeded", 26: "virtual timer expired",
	27: "profiling timer expired", 28: "window changed", 29: "I/O possible",
	30: "power failure", 31: "bad system call",
}

func signalName(n int) string {
	if n > 0 && n < len(signalNames) {
		return signalNames[n]
	}
	return "signal " + itoa(n)
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	u := uint64(v)
	if neg {
		u = -u
	}
	var b [24]byte
	i := len(b)
	for u > 0 {
		i--
		b[i] = byte('0' + u%10)
		u /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// Process stores the information about a process created by StartProcess
// (os/exec's Cmd.Start).
type Process struct {
	Pid  int
	done bool // Wait has collected the status
}

// FindProcess returns a Process for pid; on Unix it always succeeds.
func FindProcess(pid int) (*Process, error) {
	return &Process{Pid: pid}, nil
}

// Release releases any resources associated with the Process p.
func (p *Process) Release() error {
	p.Pid = -1
	return nil
}

// Kill causes the Process to exit immediately (SIGKILL).
func (p *Process) Kill() error { return p.Signal(Kill) }

// Signal sends a signal to the Process.
func (p *Process) Signal(sig Signal) error {
	if p.Pid == -1 {
		return errors.New("os: process already released")
	}
	if p.Pid == 0 {
		return errors.New("os: process not initialized")
	}
	if p.done {
		return ErrProcessDone
	}
	s, ok := sig.(unixSignal)
	if !ok {
		return errors.New("os: unsupported signal type")
	}
	if errno := sysKill(p.Pid, int(s)); errno != 0 {
		if errno == int(syscall.ESRCH) {
			return ErrProcessDone
		}
		return NewSyscallError("kill", syscall.Errno(errno))
	}
	return nil
}

// Wait waits for the Process to exit and returns its ProcessState.
func (p *Process) Wait() (*ProcessState, error) {
	if p.Pid == -1 {
		return nil, syscall.EINVAL
	}
	status, sig, errno := sysWait(p.Pid)
	if errno != 0 {
		return nil, NewSyscallError("waitid", syscall.Errno(errno))
	}
	p.done = true
	return &ProcessState{pid: p.Pid, status: status, sig: sig}, nil
}

// ProcessState stores information about a process, as reported by Wait.
type ProcessState struct {
	pid    int
	status int // exit code when sig == 0
	sig    int // signal that ended the process; 0 when it exited
}

// Pid returns the process id of the exited process.
func (p *ProcessState) Pid() int { return p.pid }

// Exited reports whether the program has exited (rather than been ended by
// a signal).
func (p *ProcessState) Exited() bool { return p.sig == 0 }

// Success reports whether the program exited successfully.
func (p *ProcessState) Success() bool { return p.sig == 0 && p.status == 0 }

// ExitCode returns the exit code, or -1 if the process was ended by a
// signal.
func (p *ProcessState) ExitCode() int {
	if p == nil {
		return -1
	}
	if p.sig != 0 {
		return -1
	}
	return p.status
}

// Sys returns nil: gort's syscall has no WaitStatus yet (HACKING.md).
func (p *ProcessState) Sys() any { return nil }

// SysUsage returns nil: the host does not report a child's resource usage.
func (p *ProcessState) SysUsage() any { return nil }

func (p *ProcessState) String() string {
	if p == nil {
		return "<nil>"
	}
	if p.sig != 0 {
		return "signal: " + signalName(p.sig)
	}
	return "exit status " + itoa(p.status)
}
