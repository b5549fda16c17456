// gort standard library: package os (processes and signals).
//
// Child processes are started by StartProcess and os/exec (natives in
// packages/runtime/src/hostproc.ts) and run concurrently with the program;
// Process.Wait parks its goroutine until the child exits. The host keeps
// the exit status of a child until Wait collects it, as the kernel keeps a
// zombie.

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

// The only signal values guaranteed to be present in package os.
var (
	Interrupt Signal = syscall.SIGINT
	Kill      Signal = syscall.SIGKILL
)

func signalName(n int) string { return syscall.Signal(n).String() }

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
	Pid    int
	done   bool          // Wait has collected the status
	copies int           // StartProcess output copiers still running
	copied chan struct{} // each copier sends once when done
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
	s, ok := sig.(syscall.Signal)
	if !ok {
		return errors.New("os: unsupported signal type")
	}
	if errno := sysProcKill(p.Pid, int(s)); errno != 0 {
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
	status, sig, errno := sysProcWait(p.Pid)
	if errno != 0 {
		return nil, NewSyscallError("waitid", syscall.Errno(errno))
	}
	p.done = true
	// StartProcess's goroutines copying the child's output to Files[1], Files[2]
	for ; p.copies > 0; p.copies-- {
		<-p.copied
	}
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
