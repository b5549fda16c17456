// gort standard library: package os (StartProcess).

package os

import "syscall"

// ProcAttr holds the attributes of a process started by StartProcess.
// (Go's Sys *syscall.SysProcAttr is absent: gort's syscall has no such
// type.)
type ProcAttr struct {
	// Dir is the child's working directory ("" = the caller's).
	Dir string
	// Env is the child's environment; nil means the caller's.
	Env []string
	// Files are the child's descriptors 0, 1 and 2; nil entries (and any
	// missing ones) are the null device. Further entries are not supported.
	Files []*File
}

// StartProcess starts the program name (a path: $PATH is not searched)
// with arguments argv (argv[0] being its name, by convention).
//
// gort runs the child to completion here, with the whole runtime waiting
// (HACKING.md); what it writes to Files[1] and Files[2] is written to those
// Files when it has exited. Call Wait for its status.
func StartProcess(name string, argv []string, attr *ProcAttr) (*Process, error) {
	if attr == nil {
		attr = &ProcAttr{}
	}
	if attr.Dir != "" {
		if _, err := Stat(attr.Dir); err != nil {
			pe := err.(*PathError)
			pe.Op = "chdir"
			return nil, pe
		}
	}
	env := attr.Env
	if env == nil {
		env = Environ()
	}
	var files [3]*File
	copy(files[:], attr.Files)
	stdinFd, mode := -1, 0
	if files[0] != nil {
		stdinFd = files[0].fd
	}
	if files[1] != nil {
		mode |= 1
	}
	if files[2] != nil {
		mode |= 2
		if files[2] == files[1] {
			mode |= 4
		}
	}
	out, errOut, pid, _, _, errno := sysRun(name, argv, env, attr.Dir, stdinFd, nil, mode, 0)
	if errno != 0 {
		return nil, &PathError{Op: "fork/exec", Path: name, Err: syscall.Errno(errno)}
	}
	if len(out) > 0 {
		files[1].Write(out)
	}
	if len(errOut) > 0 {
		files[2].Write(errOut)
	}
	return &Process{Pid: pid}, nil
}
