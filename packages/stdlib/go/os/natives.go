// gort standard library: package os (runtime-provided functions).
//
// Body-less declarations implemented by gort's runtime; each is listed in
// packages/stdlib/NATIVES.md. Errors come back as Linux errno numbers
// (0 = success). Calls that may wait on the host park the goroutine, never
// the whole program.

package os

// runtime_args returns the program's arguments, os.Args[0] being the
// program name.
func runtime_args() []string

// runtime_envs returns the initial environment as "KEY=value" strings.
func runtime_envs() []string

// runtime_exit ends the program immediately with the given status (no
// deferred calls run).
func runtime_exit(code int)

// sysWrite writes p to host descriptor fd, returning the bytes written.
func sysWrite(fd int, p []byte) (n int, errno int)

// sysRead reads up to len(p) bytes from fd; n == 0 with errno 0 is end of
// file.
func sysRead(fd int, p []byte) (n int, errno int)

// sysClose closes fd.
func sysClose(fd int) (errno int)

// sysOpen opens the named file with O_* flags and permission bits and
// returns a host descriptor (to be implemented by issue 6, host calls).
func sysOpen(name string, flag int, perm uint32) (fd int, errno int)
