// gort standard library: package os/exec.

// Package exec runs external commands (host child processes).
//
// gort runs a child synchronously: the whole runtime — every goroutine —
// waits while a child runs (packages/stdlib/go/os/HACKING.md). Start runs
// the child to completion at once when its standard input is known
// (nothing, an *os.File, or an in-memory *bytes.Buffer, *bytes.Reader or
// *strings.Reader); with StdinPipe or another io.Reader it runs when the
// input is complete: at the pipe's Close, at the first read of an output
// pipe, or at Wait. Output is captured and written to Cmd.Stdout and
// Cmd.Stderr by Wait (to output pipes as soon as the child has run).
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
	"time"
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

	ran      bool   // the child has run (or failed to start)
	runErr   error  // why it failed to start
	copyErr  error  // reading Stdin failed
	out      []byte // captured standard output (or both streams)
	errOut   []byte // captured standard error
	combined bool   // out holds both streams
	inPipe   *stdinPipe
	outPipe  *outputPipe
	errPipe  *outputPipe
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

// Start starts the command (see the package comment for when the child
// actually runs). After a successful Start, call Wait.
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
	if _, err := c.environ(); err != nil {
		return err
	}
	// what the kernel would refuse at fork/exec time
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
	c.Process = &os.Process{}
	if c.stdinReady() {
		c.run()
		if c.runErr != nil {
			c.Process = nil
			return c.runErr
		}
	}
	return nil
}

// checkExecutable reports the error execve would give for c.Path.
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

// stdinReady reports whether the child's standard input is complete now.
func (c *Cmd) stdinReady() bool {
	switch c.Stdin.(type) {
	case nil, *os.File, *bytes.Buffer, *bytes.Reader, *strings.Reader:
		return true
	}
	return false
}

// run runs the child to completion (once) and hands output pipes their
// data.
func (c *Cmd) run() {
	if c.ran {
		return
	}
	c.ran = true
	stdinFd := -1
	var input []byte
	mode := 0
	switch in := c.Stdin.(type) {
	case nil:
	case *os.File:
		stdinFd = int(in.Fd())
	case *stdinPipe:
		input = in.buf
		mode |= 8
	default:
		b, err := io.ReadAll(in)
		if err != nil {
			c.copyErr = err
		}
		input = b
		mode |= 8
	}
	if c.Stdout != nil {
		mode |= 1
	}
	if c.Stderr != nil {
		mode |= 2
		if c.Stdout != nil && interfaceEqual(c.Stdout, c.Stderr) {
			mode |= 4
			c.combined = true
		}
	}
	var timeout int64
	if c.ctx != nil {
		if c.ctx.Err() != nil {
			timeout = 1 // already done: killed at once, as watchCtx would
		} else if dl, ok := c.ctx.Deadline(); ok {
			d := time.Until(dl)
			timeout = int64((d + time.Millisecond - 1) / time.Millisecond)
			if timeout < 1 {
				timeout = 1
			}
		}
	}
	env, _ := c.environ()
	out, errOut, pid, _, _, errno := sysRun(c.Path, c.argv(), env, c.Dir, stdinFd, input, mode, timeout)
	if errno != 0 {
		c.runErr = &os.PathError{Op: "fork/exec", Path: c.Path, Err: syscall.Errno(errno)}
		return
	}
	c.Process.Pid = pid
	c.out, c.errOut = out, errOut
	if c.outPipe != nil {
		c.outPipe.data = out
		c.out = nil
	}
	if c.errPipe != nil {
		c.errPipe.data = errOut
		c.errOut = nil
	}
}

// Wait waits for the command to exit and for its output to be written to
// Stdout and Stderr. A command that exits unsuccessfully gives an
// *ExitError; I/O errors are returned when the command itself succeeded.
func (c *Cmd) Wait() error {
	if c.Process == nil {
		return errors.New("exec: not started")
	}
	if c.ProcessState != nil {
		return errors.New("exec: Wait was already called")
	}
	c.run()
	if c.runErr != nil {
		return c.runErr
	}
	copyErr := c.copyErr
	if len(c.out) > 0 {
		if _, err := c.Stdout.Write(c.out); err != nil && copyErr == nil {
			copyErr = err
		}
	}
	if len(c.errOut) > 0 {
		if _, err := c.Stderr.Write(c.errOut); err != nil && copyErr == nil {
			copyErr = err
		}
	}
	c.out, c.errOut = nil, nil
	// the pipes close once the command has been waited for
	if c.inPipe != nil {
		c.inPipe.closed = true
	}
	if c.outPipe != nil {
		c.outPipe.closed = true
	}
	if c.errPipe != nil {
		c.errPipe.closed = true
	}
	state, err := c.Process.Wait()
	if err == nil && !state.Success() {
		err = &ExitError{ProcessState: state}
	}
	c.ProcessState = state
	if err == nil {
		err = copyErr
	}
	return err
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
