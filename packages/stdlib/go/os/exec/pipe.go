// gort standard library: package os/exec (StdinPipe, StdoutPipe, StderrPipe).

package exec

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// stdinPipe collects what the program writes for the child's standard
// input; the child runs (Cmd.run) when it is closed, when an output pipe is
// first read, or at Wait.
type stdinPipe struct {
	c      *Cmd
	buf    []byte
	closed bool
}

func (p *stdinPipe) Read(b []byte) (int, error) { return 0, io.EOF } // never read: run takes buf

func (p *stdinPipe) Write(b []byte) (int, error) {
	if p.closed {
		return 0, &os.PathError{Op: "write", Path: "|1", Err: os.ErrClosed}
	}
	if p.c.ran {
		return 0, &os.PathError{Op: "write", Path: "|1", Err: syscall.EPIPE}
	}
	p.buf = append(p.buf, b...)
	return len(b), nil
}

func (p *stdinPipe) Close() error {
	if p.closed {
		return nil
	}
	p.closed = true
	if p.c.Process != nil && !p.c.ran {
		p.c.run()
	}
	return nil
}

// StdinPipe returns a pipe connected to the command's standard input when
// it starts. Close it to let the command see the end of its input.
func (c *Cmd) StdinPipe() (io.WriteCloser, error) {
	if c.Stdin != nil {
		return nil, errors.New("exec: Stdin already set")
	}
	if c.Process != nil {
		return nil, errors.New("exec: StdinPipe after process started")
	}
	p := &stdinPipe{c: c}
	c.Stdin = p
	c.inPipe = p
	return p, nil
}

// outputPipe is the read side of StdoutPipe/StderrPipe; sink is the Cmd's
// Stdout/Stderr while the command is prepared.
type outputPipe struct {
	c      *Cmd
	data   []byte
	closed bool
}

type pipeSink struct{ p *outputPipe }

func (s pipeSink) Write(b []byte) (int, error) { return len(b), nil } // run hands data over directly

func (p *outputPipe) Read(b []byte) (int, error) {
	if p.closed {
		return 0, &os.PathError{Op: "read", Path: "|0", Err: os.ErrClosed}
	}
	if p.c.Process != nil && !p.c.ran {
		p.c.run()
	}
	if len(p.data) == 0 {
		return 0, io.EOF
	}
	n := copy(b, p.data)
	p.data = p.data[n:]
	return n, nil
}

func (p *outputPipe) Close() error {
	if p.closed {
		return &os.PathError{Op: "close", Path: "|0", Err: os.ErrClosed}
	}
	p.closed = true
	return nil
}

// StdoutPipe returns a pipe connected to the command's standard output.
// Read it to the end before calling Wait.
func (c *Cmd) StdoutPipe() (io.ReadCloser, error) {
	if c.Stdout != nil {
		return nil, errors.New("exec: Stdout already set")
	}
	if c.Process != nil {
		return nil, errors.New("exec: StdoutPipe after process started")
	}
	p := &outputPipe{c: c}
	c.Stdout = pipeSink{p}
	c.outPipe = p
	return p, nil
}

// StderrPipe returns a pipe connected to the command's standard error.
// Read it to the end before calling Wait.
func (c *Cmd) StderrPipe() (io.ReadCloser, error) {
	if c.Stderr != nil {
		return nil, errors.New("exec: Stderr already set")
	}
	if c.Process != nil {
		return nil, errors.New("exec: StderrPipe after process started")
	}
	p := &outputPipe{c: c}
	c.Stderr = pipeSink{p}
	c.errPipe = p
	return p, nil
}
