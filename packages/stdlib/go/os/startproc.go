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
// with arguments argv (argv[0] being its name, by convention) and returns
// at once; call Wait for its status.
//
// Files[i] becomes the child's descriptor i. The program's own Stdout and
// Stderr are inherited when the host writes them straight to the process's
// fds 1 and 2 (gort run); otherwise (a host capturing the output) they are
// pipes copied into the Files by goroutines that Wait waits for.
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
	var fds [3]int
	for i, f := range files {
		switch {
		case f == nil:
			fds[i] = -1
		case i > 0 && (f.fd == 1 || f.fd == 2):
			fds[i] = -10 - f.fd // the program's own output: the host inherits or pipes it
		default:
			fds[i] = f.fd
		}
	}
	if fds[1] <= -11 && files[2] == files[1] {
		fds[2] = -3
	}
	pid, _, h1, h2, errno := sysStart(name, argv, env, attr.Dir, fds[0], fds[1], fds[2])
	if errno != 0 {
		return nil, &PathError{Op: "fork/exec", Path: name, Err: syscall.Errno(errno)}
	}
	p := &Process{Pid: pid, copied: make(chan struct{}, 2)}
	if h1 != 0 {
		p.copies++
		go copyPipe(h1, files[1], p.copied)
	}
	if h2 != 0 {
		p.copies++
		go copyPipe(h2, files[2], p.copied)
	}
	return p, nil
}

// copyPipe copies the child's output pipe h to f until end of file.
func copyPipe(h int, f *File, done chan<- struct{}) {
	buf := make([]byte, 32*1024)
	for {
		n, errno := sysPipeRead(h, buf)
		if n > 0 {
			f.Write(buf[:n])
		}
		if n == 0 || errno != 0 {
			break
		}
	}
	sysPipeClose(h)
	done <- struct{}{}
}
