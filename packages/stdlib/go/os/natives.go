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

// The following are host calls to be implemented by issue 6 (host calls).

// sysGetwd returns the current working directory.
func sysGetwd() (dir string, errno int)

// sysChdir changes the current working directory.
func sysChdir(dir string) (errno int)

// sysMkdir creates a directory with permission bits perm.
func sysMkdir(name string, perm uint32) (errno int)

// sysUnlink removes a file (not a directory).
func sysUnlink(name string) (errno int)

// sysRmdir removes an empty directory.
func sysRmdir(name string) (errno int)

// sysRename renames (moves) oldpath to newpath.
func sysRename(oldpath, newpath string) (errno int)

// sysGetpid returns the process id of the host process.
func sysGetpid() int

// sysGetppid returns the parent's process id.
func sysGetppid() int

// sysHostname returns the host name.
func sysHostname() (name string, errno int)

// sysReadDirNames lists the names in directory name (without . and ..).
func sysReadDirNames(name string) (names []string, errno int)

// sysIsDir reports whether name is a directory (lstat: a symbolic link is not).
func sysIsDir(name string) (dir bool, errno int)
