// gort standard library: package os (directories and process identity).

package os

import "syscall"

// PathSeparator and PathListSeparator are Unix's.
const (
	PathSeparator     = '/'
	PathListSeparator = ':'
	DevNull           = "/dev/null"
)

// IsPathSeparator reports whether c is a directory separator character.
func IsPathSeparator(c uint8) bool { return c == PathSeparator }

// Getwd returns a rooted path name corresponding to the current directory.
func Getwd() (dir string, err error) {
	// $PWD when it names the current directory (it may keep a symbolic
	// link the shell went through), as Go does
	if pwd := Getenv("PWD"); len(pwd) > 0 && pwd[0] == '/' {
		if dot, err := Stat("."); err == nil {
			if d, err := Stat(pwd); err == nil && SameFile(dot, d) {
				return pwd, nil
			}
		}
	}
	dir, errno := sysGetwd()
	if errno != 0 {
		return "", NewSyscallError("getwd", syscall.Errno(errno))
	}
	return dir, nil
}

// Chdir changes the current working directory to the named directory.
func Chdir(dir string) error {
	if errno := sysChdir(dir); errno != 0 {
		return &PathError{Op: "chdir", Path: dir, Err: syscall.Errno(errno)}
	}
	return nil
}

// Mkdir creates a new directory with the specified name and permission
// bits (before umask).
func Mkdir(name string, perm FileMode) error {
	if errno := sysMkdir(name, uint32(perm.Perm())); errno != 0 {
		return &PathError{Op: "mkdir", Path: name, Err: syscall.Errno(errno)}
	}
	return nil
}

// MkdirAll creates a directory named path, along with any necessary
// parents; it does nothing if path is already a directory.
func MkdirAll(path string, perm FileMode) error {
	if info, err := Stat(path); err == nil {
		if info.IsDir() {
			return nil
		}
		return &PathError{Op: "mkdir", Path: path, Err: syscall.ENOTDIR}
	}
	// Create the parents first (strip trailing separators, then the last
	// element).
	i := len(path)
	for i > 0 && IsPathSeparator(path[i-1]) {
		i--
	}
	j := i
	for j > 0 && !IsPathSeparator(path[j-1]) {
		j--
	}
	if j > 1 {
		if err := MkdirAll(path[:j-1], perm); err != nil {
			return err
		}
	}
	err := Mkdir(path, perm)
	if err != nil {
		// Someone else made it meanwhile (or it is "x/." and the like)?
		if info, err1 := Lstat(path); err1 == nil && info.IsDir() {
			return nil
		}
		return err
	}
	return nil
}

// Remove removes the named file or (empty) directory.
func Remove(name string) error {
	e := sysUnlink(name)
	if e == 0 {
		return nil
	}
	e1 := sysRmdir(name)
	if e1 == 0 {
		return nil
	}
	// Report the more telling error, as Go does: rmdir's unless it says
	// the name is not a directory.
	if e1 != int(syscall.ENOTDIR) {
		e = e1
	}
	return &PathError{Op: "remove", Path: name, Err: syscall.Errno(e)}
}

// Rename renames (moves) oldpath to newpath.
func Rename(oldpath, newpath string) error {
	if errno := sysRename(oldpath, newpath); errno != 0 {
		return &LinkError{Op: "rename", Old: oldpath, New: newpath, Err: syscall.Errno(errno)}
	}
	return nil
}

// LinkError records an error during a link or symlink or rename system
// call and the paths that caused it.
type LinkError struct {
	Op  string
	Old string
	New string
	Err error
}

func (e *LinkError) Error() string { return e.Op + " " + e.Old + " " + e.New + ": " + e.Err.Error() }
func (e *LinkError) Unwrap() error { return e.Err }

// Getpid returns the process id of the caller.
func Getpid() int { return sysGetpid() }

// Getppid returns the process id of the caller's parent.
func Getppid() int { return sysGetppid() }

// Hostname returns the host name reported by the kernel.
func Hostname() (name string, err error) {
	name, errno := sysHostname()
	if errno != 0 {
		return "", NewSyscallError("hostname", syscall.Errno(errno))
	}
	return name, nil
}

// TempDir returns $TMPDIR, or "/tmp" when it is empty.
func TempDir() string {
	dir := Getenv("TMPDIR")
	if dir == "" {
		dir = "/tmp"
	}
	return dir
}

// UserHomeDir returns the current user's home directory ($HOME).
func UserHomeDir() (string, error) {
	if v := Getenv("HOME"); v != "" {
		return v, nil
	}
	return "", errorString("$HOME is not defined")
}
