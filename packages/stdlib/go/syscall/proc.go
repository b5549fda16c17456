// gort standard library: package syscall (process ids).

package syscall

// Getpid returns the process id of the caller.
func Getpid() (pid int) { return sysGetpid() }

// Getppid returns the process id of the caller's parent.
func Getppid() (ppid int) { return sysGetppid() }

// sysGetpid and sysGetppid are the host's process ids (packages/runtime/src/host.ts).
func sysGetpid() int
func sysGetppid() int
