// gort standard library: package os (runtime-provided process and stdin functions).
//
// Implemented in packages/runtime/src/hostproc.ts: the host work happens on
// a host thread while the calling goroutine parks, so other goroutines keep
// running (HACKING.md "Processes").

package os

// sysStart starts a child (see os/exec's sysStart for the arguments).
func sysStart(path string, argv, env []string, dir string, fd0, fd1, fd2 int) (pid, h0, h1, h2, errno int)

// sysProcWait parks until child pid exits and collects its status: status
// is its exit code, sig the signal that ended it (0 if it exited); ECHILD
// for a pid that is not an unwaited child.
func sysProcWait(pid int) (status, sig, errno int)

// sysProcKill sends signal sig to process pid (a child that exited but was
// not waited for takes it without effect, as a zombie does).
func sysProcKill(pid, sig int) (errno int)

// sysPipeRead reads from a child's output pipe h (n == 0, errno == 0: end
// of file), parking until data arrives.
func sysPipeRead(h int, b []byte) (n, errno int)

// sysPipeClose closes our end of pipe h.
func sysPipeClose(h int) (errno int)

// sysStdinRead reads standard input, parking while it waits when fd 0 is a
// pipe, terminal or socket. errno -1: fd 0 is not read this way here (a
// file, or a host that supplies stdin itself): use sysRead.
func sysStdinRead(b []byte) (n, errno int)
