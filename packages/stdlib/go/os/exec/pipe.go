// gort standard library: package os/exec (pipes to a child: StdinPipe,
// StdoutPipe, StderrPipe, and the copying goroutines' ends).

package exec

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// pipeWriter is our end of the child's standard input (handle h from
// sysStart; 0 until Start binds it).
type pipeWriter struct {
	h      int
	closed bool
}

func (p *pipeWriter) Write(b []byte) (int, error) {
	if p.closed || p.h == 0 {
		return 0, &os.PathError{Op: "write", Path: "|1", Err: os.ErrClosed}
	}
	n := 0
	for n < len(b) {
		m, errno := sysPipeWrite(p.h, b[n:])
		n += m
		if errno != 0 {
			if errno == int(syscall.EBADF) {
				return n, &os.PathError{Op: "write", Path: "|1", Err: os.ErrClosed}
			}
			return n, &os.PathError{Op: "write", Path: "|1", Err: syscall.Errno(errno)}
		}
	}
	return n, nil
}

// Close closes the pipe (the child sees end of file); closing twice is a
// no-op, as Go's StdinPipe wrapper makes it.
func (p *pipeWriter) Close() error {
	if p.closed {
		return nil
	}
	p.closed = true
	if p.h != 0 {
		sysPipeClose(p.h)
	}
	return nil
}

// pipeReader is our end of the child's standard output or error.
type pipeReader struct {
	h      int
	closed bool
}

func (p *pipeReader) Read(b []byte) (int, error) {
	if p.closed || p.h == 0 {
		return 0, &os.PathError{Op: "read", Path: "|0", Err: os.ErrClosed}
	}
	if len(b) == 0 {
		return 0, nil
	}
	n, errno := sysPipeRead(p.h, b)
	if errno != 0 {
		if errno == int(syscall.EBADF) {
			return 0, &os.PathError{Op: "read", Path: "|0", Err: os.ErrClosed}
		}
		return 0, &os.PathError{Op: "read", Path: "|0", Err: syscall.Errno(errno)}
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

func (p *pipeReader) Close() error {
	if p.closed {
		return &os.PathError{Op: "close", Path: "|0", Err: os.ErrClosed}
	}
	p.closed = true
	if p.h != 0 {
		sysPipeClose(p.h)
	}
	return nil
}

// StdinPipe returns a pipe connected to the command's standard input when
// it starts; Wait closes it after the command exits. Close it to let the
// command see the end of its input.
func (c *Cmd) StdinPipe() (io.WriteCloser, error) {
	if c.Stdin != nil {
		return nil, errors.New("exec: Stdin already set")
	}
	if c.Process != nil {
		return nil, errors.New("exec: StdinPipe after process started")
	}
	if c.pipeIn != nil {
		return nil, errors.New("exec: StdinPipe already called")
	}
	c.pipeIn = &pipeWriter{}
	return c.pipeIn, nil
}

// StdoutPipe returns a pipe connected to the command's standard output
// when it starts. Wait closes it after the command exits, so read it to
// the end before calling Wait.
func (c *Cmd) StdoutPipe() (io.ReadCloser, error) {
	if c.Stdout != nil {
		return nil, errors.New("exec: Stdout already set")
	}
	if c.Process != nil {
		return nil, errors.New("exec: StdoutPipe after process started")
	}
	if c.pipeOut != nil {
		return nil, errors.New("exec: StdoutPipe already called")
	}
	c.pipeOut = &pipeReader{}
	return c.pipeOut, nil
}

// StderrPipe returns a pipe connected to the command's standard error
// when it starts. Wait closes it after the command exits, so read it to
// the end before calling Wait.
func (c *Cmd) StderrPipe() (io.ReadCloser, error) {
	if c.Stderr != nil {
		return nil, errors.New("exec: Stderr already set")
	}
	if c.Process != nil {
		return nil, errors.New("exec: StderrPipe after process started")
	}
	if c.pipeErr != nil {
		return nil, errors.New("exec: StderrPipe already called")
	}
	c.pipeErr = &pipeReader{}
	return c.pipeErr, nil
}
