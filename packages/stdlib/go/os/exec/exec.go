// gort standard library: package os/exec.

// Package exec runs external commands (host child processes).
//
// Children run concurrently with the program: Start spawns the child on
// the runtime's host thread (packages/runtime/src/hostproc.ts) and returns;
// goroutines copying Stdin/Stdout/Stderr through pipes, and Wait, park
// until the host reports pipe data or the child's exit, so other
// goroutines keep running (packages/stdlib/go/os/HACKING.md).
package exec

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path"
	"strconv"
	"strings"
	"syscall"
)

// Error is returned by LookPath when it fails to classify a file as an
// executable.
type Error struct {
	// Name is the file name for which the error occurred.
	Name string
	// Err is the underlying error.
	Err error
}

func (e *Error) Error() string {
	return "exec: " + strconv.Quote(e.Name) + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// An ExitError reports an unsuccessful exit by a command.
type ExitError struct {
	*os.ProcessState

	// Stderr holds (a prefix and suffix of) the standard error output when
	// Output collected it.
	Stderr []byte
}

func (e *ExitError) Error() string { return e.ProcessState.String() }

// Cmd represents an external command being prepared or run.
type Cmd struct {
	// Path is the path of the command to run (relative paths are relative
	// to Dir).
	Path string
	// Args holds the command-line arguments, including the command as
	// Args[0]; empty means {Path}.
	Args []string
	// Env is the environment as "key=value" strings; nil means the
	// current process's environment.
	Env []string
	// Dir is the working directory of the command; "" means the calling
	// process's current directory.
	Dir string
	// Stdin, Stdout and Stderr are the process's standard streams; nil
	// means the null device.
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer

	// Process is the underlying process, once started (its Pid is 0 until
	// the child has actually run: see the package comment).
	Process *os.Process
	// ProcessState contains information about an exited process, available
	// after a call to Wait or Run.
	ProcessState *os.ProcessState

	// Err holds an error from LookPath made by Command, or the reason the
	// Cmd cannot run.
	Err error

	ctx context.Context

	childFds       [3]int         // the child's fds 0-2 for sysStart (-1 null, -2 pipe, -3 fd 1's stream, -11/-12 our fd 1/2)
	goroutine      []func() error // copying between pipes and Stdin/Stdout/Stderr
	errch          chan error     // one result per goroutine
	closeAfterWait []io.Closer    // StdinPipe/StdoutPipe/StderrPipe ends
	waitDone       chan struct{}  // closed by Wait: ends the context watcher
	pipeIn         *pipeWriter    // StdinPipe's end, bound to a handle at Start
	pipeOut        *pipeReader    // StdoutPipe's end
	pipeErr        *pipeReader    // StderrPipe's end
}

// Command returns the Cmd to execute the named program with the given
// arguments; a name without a slash is looked up in $PATH (an error from
// LookPath is kept in Err and returned by Start).
func Command(name string, arg ...string) *Cmd {
	cmd := &Cmd{
		Path: name,
		Args: append([]string{name}, arg...),
	}
	if path.Base(name) == name {
		lp, err := LookPath(name)
		if lp != "" {
			cmd.Path = lp
		}
		if err != nil {
			cmd.Err = err
		}
	}
	return cmd
}

// CommandContext is like Command but includes a context: a context that
// is done before the command completes kills it (gort: a context deadline
// becomes the child's time limit, see the package comment).
func CommandContext(ctx context.Context, name string, arg ...string) *Cmd {
	if ctx == nil {
		panic("nil Context")
	}
	cmd := Command(name, arg...)
	cmd.ctx = ctx
	return cmd
}

// String returns a human-readable description of c.
func (c *Cmd) String() string {
	if c.Err != nil {
		return strings.Join(c.Args, " ")
	}
	var b strings.Builder
	b.WriteString(c.Path)
	for _, a := range c.Args[1:] {
		b.WriteByte(' ')
		b.WriteString(a)
	}
	return b.String()
}

func (c *Cmd) argv() []string {
	if len(c.Args) > 0 {
		return c.Args
	}
	return []string{c.Path}
}

// interfaceEqual compares two interfaces without panicking on
// uncomparable dynamic types.
func interfaceEqual(a, b any) (eq bool) {
	defer func() {
		recover()
	}()
	return a == b
}

// Run starts the command and waits for it to complete.
func (c *Cmd) Run() error {
	if err := c.Start(); err != nil {
		return err
	}
	return c.Wait()
}

// Start starts the command and returns without waiting for it. After a
// successful Start, call Wait.
func (c *Cmd) Start() error {
	if c.Path == "" && c.Err == nil {
		c.Err = errors.New("exec: no command")
	}
	if c.Err != nil {
		return c.Err
	}
	if c.Process != nil {
		return errors.New("exec: already started")
	}
	if c.ctx != nil {
		select {
		case <-c.ctx.Done():
			return c.ctx.Err()
		default:
		}
	}
	env, err := c.environ()
	if err != nil {
		return err
	}
	if c.Dir != "" {
		if _, err := os.Stat(c.Dir); err != nil {
			pe := err.(*os.PathError)
			pe.Op = "chdir"
			return pe
		}
	}
	if err := c.checkExecutable(); err != nil {
		return err
	}
	c.goroutine = nil
	c.childFds[0] = c.stdinFd()
	c.childFds[1] = c.outFd(c.Stdout, c.pipeOut, 1)
	if c.Stderr != nil && c.Stdout != nil && interfaceEqual(c.Stderr, c.Stdout) {
		// one stream for both, as Go hands the child one pipe (or file) for fds 1 and 2
		c.childFds[2] = c.childFds[1]
		if c.childFds[1] == -2 || c.childFds[1] <= -11 {
			c.childFds[2] = -3
		}
	} else {
		c.childFds[2] = c.outFd(c.Stderr, c.pipeErr, 2)
	}
	pid, h0, h1, h2, errno := sysStart(c.Path, c.argv(), env, c.Dir, c.childFds[0], c.childFds[1], c.childFds[2])
	if errno != 0 {
		c.goroutine = nil
		return &os.PathError{Op: "fork/exec", Path: c.Path, Err: syscall.Errno(errno)}
	}
	c.Process = &os.Process{Pid: pid}
	c.bind(h0, h1, h2)
	c.errch = make(chan error, len(c.goroutine))
	for _, fn := range c.goroutine {
		go func(fn func() error) {
			c.errch <- fn()
		}(fn)
	}
	if c.ctx != nil {
		c.waitDone = make(chan struct{})
		go func() {
			select {
			case <-c.ctx.Done():
				c.Process.Kill()
			case <-c.waitDone:
			}
		}()
	}
	return nil
}

// checkExecutable reports fork/exec errors before the host tries to start
// the program (the host's spawn reports only some of them the way Linux's
// execve does).
func (c *Cmd) checkExecutable() error {
	p := c.Path
	if c.Dir != "" && !path.IsAbs(p) {
		p = path.Join(c.Dir, p)
	}
	info, err := os.Stat(p)
	if err != nil {
		return &os.PathError{Op: "fork/exec", Path: c.Path, Err: err.(*os.PathError).Err}
	}
	if info.IsDir() || info.Mode()&0111 == 0 {
		return &os.PathError{Op: "fork/exec", Path: c.Path, Err: syscall.EACCES}
	}
	return nil
}

// isStdFile reports whether f is the program's own standard output or
// error: the host hands it to the child as is when it writes the program's
// output straight to the process's fds (gort run), else as a pipe copied
// into f (a host capturing the output, e.g. tests).
func isStdFile(f *os.File) bool {
	fd := f.Fd()
	return fd == 1 || fd == 2
}

// stdinFd chooses the child's fd 0 and queues the copying goroutine.
func (c *Cmd) stdinFd() int {
	switch in := c.Stdin.(type) {
	case nil:
		if c.pipeIn != nil {
			return -2
		}
		return -1
	case *os.File:
		return int(in.Fd())
	}
	c.goroutine = append(c.goroutine, nil) // bound at Start (bind)
	return -2
}

// outFd chooses the child's fd 1 or 2 for w (or its pipe) and queues the
// copying goroutine.
func (c *Cmd) outFd(w io.Writer, pipe *pipeReader, fd int) int {
	if w == nil {
		if pipe != nil {
			return -2
		}
		return -1
	}
	if f, ok := w.(*os.File); ok {
		if !isStdFile(f) {
			return int(f.Fd())
		}
		c.goroutine = append(c.goroutine, nil)
		return -10 - int(f.Fd())
	}
	c.goroutine = append(c.goroutine, nil)
	return -2
}

// bind connects the pipe handles sysStart returned to the pipe ends and
// copying goroutines chosen by stdinFd and outFd (in that order).
func (c *Cmd) bind(h0, h1, h2 int) {
	i := 0
	if c.childFds[0] == -2 {
		pw := &pipeWriter{h: h0}
		if c.pipeIn != nil {
			c.pipeIn.h = h0
			c.closeAfterWait = append(c.closeAfterWait, c.pipeIn)
		} else {
			in := c.Stdin
			c.goroutine[i] = func() error {
				_, err := io.Copy(pw, in)
				if skipStdinCopyError(err) {
					err = nil
				}
				if err1 := pw.Close(); err == nil {
					err = err1
				}
				return err
			}
			i++
		}
	}
	out := func(h int, w io.Writer, pipe *pipeReader) {
		pr := &pipeReader{h: h}
		if h == 0 && pipe == nil {
			// the program's own stdout/stderr, inherited by the child: nothing to copy
			c.goroutine[i] = func() error { return nil }
			i++
			return
		}
		if pipe != nil {
			pipe.h = h
			c.closeAfterWait = append(c.closeAfterWait, pipe)
			return
		}
		c.goroutine[i] = func() error {
			_, err := io.Copy(w, pr)
			pr.Close()
			return err
		}
		i++
	}
	if c.childFds[1] == -2 || c.childFds[1] <= -11 {
		out(h1, c.Stdout, c.pipeOut)
	}
	if c.childFds[2] == -2 || c.childFds[2] <= -11 {
		out(h2, c.Stderr, c.pipeErr)
	}
}

// skipStdinCopyError reports whether err, from copying Stdin to the child,
// is the child having closed its input (it exited without reading it all).
func skipStdinCopyError(err error) bool {
	pe, ok := err.(*os.PathError)
	return ok && pe.Op == "write" && pe.Path == "|1" && pe.Err == syscall.EPIPE
}

// Wait waits for the command to exit and for the copying to and from
// Stdin, Stdout and Stderr to complete. The error is nil when the command
// ran and exited with status 0; an *ExitError when it exited otherwise.
// Wait closes the pipes of StdinPipe, StdoutPipe and StderrPipe.
func (c *Cmd) Wait() error {
	if c.Process == nil {
		return errors.New("exec: not started")
	}
	if c.ProcessState != nil {
		return errors.New("exec: Wait was already called")
	}
	state, err := c.Process.Wait()
	if c.waitDone != nil {
		close(c.waitDone)
	}
	c.ProcessState = state
	var copyError error
	for range c.goroutine {
		if err := <-c.errch; err != nil && copyError == nil {
			copyError = err
		}
	}
	c.goroutine = nil
	for _, cl := range c.closeAfterWait {
		cl.Close()
	}
	c.closeAfterWait = nil
	if err != nil {
		return err
	} else if !state.Success() {
		return &ExitError{ProcessState: state}
	}
	return copyError
}

// Output runs the command and returns its standard output. If c.Stderr was
// nil, an *ExitError carries (a prefix and suffix of) standard error.
func (c *Cmd) Output() ([]byte, error) {
	if c.Stdout != nil {
		return nil, errors.New("exec: Stdout already set")
	}
	var stdout bytes.Buffer
	c.Stdout = &stdout
	captureErr := c.Stderr == nil
	var saver *headTail
	if captureErr {
		saver = &headTail{n: 32 << 10}
		c.Stderr = saver
	}
	err := c.Run()
	if err != nil && captureErr {
		if ee, ok := err.(*ExitError); ok {
			ee.Stderr = saver.Bytes()
		}
	}
	return stdout.Bytes(), err
}

// CombinedOutput runs the command and returns its standard output and
// standard error together.
func (c *Cmd) CombinedOutput() ([]byte, error) {
	if c.Stdout != nil {
		return nil, errors.New("exec: Stdout already set")
	}
	if c.Stderr != nil {
		return nil, errors.New("exec: Stderr already set")
	}
	var b bytes.Buffer
	c.Stdout = &b
	c.Stderr = &b
	err := c.Run()
	return b.Bytes(), err
}

// Environ returns a copy of the environment the command would run with.
func (c *Cmd) Environ() []string {
	env, _ := c.environ()
	return env
}

// environ is Env (or the process's environment, plus PWD when Dir is set),
// without duplicate keys (the last one wins).
func (c *Cmd) environ() ([]string, error) {
	env := c.Env
	var err error
	if env == nil {
		env = os.Environ()
		if c.Dir != "" {
			dir := c.Dir
			if !path.IsAbs(dir) {
				wd, werr := os.Getwd()
				if werr != nil {
					err = werr
				}
				dir = path.Join(wd, dir)
			} else {
				dir = path.Clean(dir)
			}
			if err == nil {
				env = append(env, "PWD="+dir)
			}
		}
	}
	env, derr := dedupEnv(env)
	if err == nil {
		err = derr
	}
	return env, err
}

// dedupEnv drops earlier duplicates of a key and entries containing NUL.
func dedupEnv(env []string) ([]string, error) {
	var err error
	out := make([]string, 0, len(env))
	seen := make(map[string]bool, len(env))
	for i := len(env) - 1; i >= 0; i-- {
		kv := env[i]
		if strings.IndexByte(kv, 0) >= 0 {
			err = errors.New("exec: environment variable contains NUL")
			continue
		}
		eq := strings.Index(kv, "=")
		if eq == 0 {
			eq = strings.Index(kv[1:], "=") + 1
		}
		if eq < 0 {
			if kv != "" {
				out = append(out, kv)
			}
			continue
		}
		if seen[kv[:eq]] {
			continue
		}
		seen[kv[:eq]] = true
		out = append(out, kv)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, err
}

// headTail keeps the first n and the last n bytes written to it.
type headTail struct {
	n       int
	head    []byte
	tail    []byte // ring buffer once full
	tailOff int
	skipped int64
}

func (w *headTail) Write(p []byte) (int, error) {
	total := len(p)
	if room := w.n - len(w.head); room > 0 {
		k := len(p)
		if k > room {
			k = room
		}
		w.head = append(w.head, p[:k]...)
		p = p[k:]
	}
	if extra := len(p) - w.n; extra > 0 {
		p = p[extra:]
		w.skipped += int64(extra)
	}
	if room := w.n - len(w.tail); room > 0 {
		k := len(p)
		if k > room {
			k = room
		}
		w.tail = append(w.tail, p[:k]...)
		p = p[k:]
	}
	for len(p) > 0 {
		k := copy(w.tail[w.tailOff:], p)
		p = p[k:]
		w.skipped += int64(k)
		w.tailOff += k
		if w.tailOff == w.n {
			w.tailOff = 0
		}
	}
	return total, nil
}

// Bytes returns the head and tail, with a note of the bytes left out.
func (w *headTail) Bytes() []byte {
	if w.tail == nil {
		return w.head
	}
	if w.skipped == 0 {
		return append(w.head, w.tail...)
	}
	var b bytes.Buffer
	b.Write(w.head)
	b.WriteString("\n... omitting ")
	b.WriteString(strconv.FormatInt(w.skipped, 10))
	b.WriteString(" bytes ...\n")
	b.Write(w.tail[w.tailOff:])
	b.Write(w.tail[:w.tailOff])
	return b.Bytes()
}
