// gort standard library: package os (positioned I/O, permissions, times,
// links, identities, user directories).

package os

import (
	"errors"
	"io"
	"syscall"
	"time"
)

// Seek whence values.
const (
	SEEK_SET int = 0 // seek relative to the origin of the file
	SEEK_CUR int = 1 // seek relative to the current offset
	SEEK_END int = 2 // seek relative to the end
)

var errWriteAtInAppendMode = errors.New("os: invalid use of WriteAt on file opened with O_APPEND")

// syscallMode converts a FileMode to Linux mode bits.
func syscallMode(i FileMode) uint32 {
	o := uint32(i.Perm())
	if i&ModeSetuid != 0 {
		o |= s_ISUID
	}
	if i&ModeSetgid != 0 {
		o |= s_ISGID
	}
	if i&ModeSticky != 0 {
		o |= s_ISVTX
	}
	return o
}

// Seek sets the offset for the next Read or Write to offset, interpreted
// by whence (0 origin, 1 current offset, 2 end) and returns the new offset.
func (f *File) Seek(offset int64, whence int) (ret int64, err error) {
	if err := f.checkValid("seek"); err != nil {
		return 0, err
	}
	if !f.seekable {
		var st sysStatT
		if sysFstat(f.fd, &st) == 0 && uint32(st.Mode)&s_IFMT == s_IFDIR {
			// a directory: seeking restarts (or, past 0, ends) the listing
			had := f.dirinfo != nil
			f.dirinfo = nil
			r := int64(0)
			if whence == SEEK_SET {
				r = offset
			}
			if r < 0 {
				return 0, f.wrapErr("seek", int(syscall.EINVAL))
			}
			if had && r != 0 {
				return 0, f.wrapErr("seek", int(syscall.EISDIR))
			}
			return r, nil
		}
		return 0, f.wrapErr("seek", int(syscall.ESPIPE))
	}
	var base int64
	switch whence {
	case SEEK_SET:
	case SEEK_CUR:
		base = f.off
	case SEEK_END:
		var st sysStatT
		if errno := sysFstat(f.fd, &st); errno != 0 {
			return 0, f.wrapErr("seek", errno)
		}
		base = st.Size
	default:
		return 0, f.wrapErr("seek", int(syscall.EINVAL))
	}
	r := base + offset
	if r < 0 || (offset > 0 && r < base) {
		return 0, f.wrapErr("seek", int(syscall.EINVAL))
	}
	f.off = r
	return r, nil
}

// ReadAt reads len(b) bytes from the File starting at byte offset off; it
// returns a non-nil error (io.EOF at end of file) when n < len(b). The
// file's offset is not used or changed.
func (f *File) ReadAt(b []byte, off int64) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, &PathError{Op: "readat", Path: f.name, Err: errors.New("negative offset")}
	}
	for len(b) > 0 {
		m, errno := sysPread(f.fd, b, off)
		if errno != 0 {
			return n, f.wrapErr("read", errno)
		}
		if m == 0 {
			return n, io.EOF
		}
		n += m
		b = b[m:]
		off += int64(m)
	}
	return n, nil
}

// WriteAt writes len(b) bytes to the File starting at byte offset off. It
// is an error on a file opened with O_APPEND.
func (f *File) WriteAt(b []byte, off int64) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	if f.appendMode {
		return 0, errWriteAtInAppendMode
	}
	if off < 0 {
		return 0, &PathError{Op: "writeat", Path: f.name, Err: errors.New("negative offset")}
	}
	for len(b) > 0 {
		m, errno := sysPwrite(f.fd, b, off)
		if errno != 0 {
			return n, f.wrapErr("write", errno)
		}
		n += m
		b = b[m:]
		off += int64(m)
	}
	return n, nil
}

// Truncate changes the size of the file (its offset is unchanged).
func (f *File) Truncate(size int64) error {
	if err := f.checkValid("truncate"); err != nil {
		return err
	}
	if errno := sysFtruncate(f.fd, size); errno != 0 {
		return f.wrapErr("truncate", errno)
	}
	return nil
}

// Sync commits the file's contents to stable storage.
func (f *File) Sync() error {
	if err := f.checkValid("sync"); err != nil {
		return err
	}
	if errno := sysFsync(f.fd); errno != 0 {
		return f.wrapErr("sync", errno)
	}
	return nil
}

// Chmod changes the mode of the file.
func (f *File) Chmod(mode FileMode) error {
	if err := f.checkValid("chmod"); err != nil {
		return err
	}
	if errno := sysFchmod(f.fd, syscallMode(mode)); errno != 0 {
		return f.wrapErr("chmod", errno)
	}
	return nil
}

// Chown changes the numeric uid and gid of the file.
func (f *File) Chown(uid, gid int) error {
	if err := f.checkValid("chown"); err != nil {
		return err
	}
	if errno := sysFchown(f.fd, uid, gid); errno != 0 {
		return f.wrapErr("chown", errno)
	}
	return nil
}

// Chdir changes the current working directory to the file, which must be a
// directory.
func (f *File) Chdir() error {
	if err := f.checkValid("chdir"); err != nil {
		return err
	}
	if errno := sysFchdir(f.fd); errno != 0 {
		return f.wrapErr("chdir", errno)
	}
	return nil
}

// SetDeadline, SetReadDeadline and SetWriteDeadline: host files are not
// pollable in gort yet, so every file answers ErrNoDeadline (as Go does for
// regular files).
func (f *File) SetDeadline(t time.Time) error      { return f.setDeadline() }
func (f *File) SetReadDeadline(t time.Time) error  { return f.setDeadline() }
func (f *File) SetWriteDeadline(t time.Time) error { return f.setDeadline() }

func (f *File) setDeadline() error {
	if err := f.checkValid("SetDeadline"); err != nil {
		return err
	}
	return ErrNoDeadline
}

// ReadFrom implements io.ReaderFrom (a plain copy loop).
func (f *File) ReadFrom(r io.Reader) (n int64, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	return io.Copy(fileWriter{f}, r)
}

// fileWriter hides ReadFrom so io.Copy does not recurse.
type fileWriter struct{ f *File }

func (w fileWriter) Write(b []byte) (int, error) { return w.f.Write(b) }

// Chmod changes the mode of the named file (following links).
func Chmod(name string, mode FileMode) error {
	if errno := sysChmod(name, syscallMode(mode)); errno != 0 {
		return &PathError{Op: "chmod", Path: name, Err: syscall.Errno(errno)}
	}
	return nil
}

// Chown changes the numeric uid and gid of the named file (following links).
func Chown(name string, uid, gid int) error {
	if errno := sysChown(name, uid, gid, 1); errno != 0 {
		return &PathError{Op: "chown", Path: name, Err: syscall.Errno(errno)}
	}
	return nil
}

// Lchown is Chown on a symbolic link itself.
func Lchown(name string, uid, gid int) error {
	if errno := sysChown(name, uid, gid, 0); errno != 0 {
		return &PathError{Op: "lchown", Path: name, Err: syscall.Errno(errno)}
	}
	return nil
}

// Chtimes changes the access and modification times of the named file.
// gort's host takes times as a double number of seconds: exact to about a
// quarter of a microsecond today (HACKING.md).
func Chtimes(name string, atime time.Time, mtime time.Time) error {
	if errno := sysUtimes(name, atime.Unix(), int64(atime.Nanosecond()), mtime.Unix(), int64(mtime.Nanosecond())); errno != 0 {
		return &PathError{Op: "chtimes", Path: name, Err: syscall.Errno(errno)}
	}
	return nil
}

// Truncate changes the size of the named file.
func Truncate(name string, size int64) error {
	if errno := sysTruncate(name, size); errno != 0 {
		return &PathError{Op: "truncate", Path: name, Err: syscall.Errno(errno)}
	}
	return nil
}

// Symlink creates newname as a symbolic link to oldname.
func Symlink(oldname, newname string) error {
	if errno := sysSymlink(oldname, newname); errno != 0 {
		return &LinkError{Op: "symlink", Old: oldname, New: newname, Err: syscall.Errno(errno)}
	}
	return nil
}

// Link creates newname as a hard link to the oldname file.
func Link(oldname, newname string) error {
	if errno := sysLink(oldname, newname); errno != 0 {
		return &LinkError{Op: "link", Old: oldname, New: newname, Err: syscall.Errno(errno)}
	}
	return nil
}

// Readlink returns the destination of the named symbolic link.
func Readlink(name string) (string, error) {
	target, errno := sysReadlink(name)
	if errno != 0 {
		return "", &PathError{Op: "readlink", Path: name, Err: syscall.Errno(errno)}
	}
	return target, nil
}

// Getuid returns the numeric user id of the caller.
func Getuid() int { return sysGetid(0) }

// Geteuid returns the numeric effective user id of the caller.
func Geteuid() int { return sysGetid(1) }

// Getgid returns the numeric group id of the caller.
func Getgid() int { return sysGetid(2) }

// Getegid returns the numeric effective group id of the caller.
func Getegid() int { return sysGetid(3) }

// Getpagesize returns the underlying system's memory page size.
func Getpagesize() int { return syscall.Getpagesize() }

// Executable returns the path of the executable that started the process:
// under gort, the host's (Node.js) binary, as /proc/self/exe names it.
func Executable() (string, error) { return sysExecutable(), nil }

// UserCacheDir returns $XDG_CACHE_HOME, else $HOME/.cache.
func UserCacheDir() (string, error) {
	dir := Getenv("XDG_CACHE_HOME")
	if dir == "" {
		dir = Getenv("HOME")
		if dir == "" {
			return "", errors.New("neither $XDG_CACHE_HOME nor $HOME are defined")
		}
		dir += "/.cache"
	}
	return dir, nil
}

// UserConfigDir returns $XDG_CONFIG_HOME, else $HOME/.config.
func UserConfigDir() (string, error) {
	dir := Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		dir = Getenv("HOME")
		if dir == "" {
			return "", errors.New("neither $XDG_CONFIG_HOME nor $HOME are defined")
		}
		dir += "/.config"
	}
	return dir, nil
}

// IsTimeout reports whether err is known to report that a timeout
// occurred.
func IsTimeout(err error) bool {
	t, ok := underlyingError(err).(interface{ Timeout() bool })
	return ok && t.Timeout()
}
