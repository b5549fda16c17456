// gort standard library: package os (files).

// Package os provides a platform-independent interface to operating
// system functionality, over gort's host calls (natives.go, natives_fs.go;
// see HACKING.md for what is there and what is not).
package os

import (
	"io"
	"io/fs"
	"syscall"
)

// Portable analogs of some common system call errors.
var (
	ErrInvalid    = fs.ErrInvalid
	ErrPermission = fs.ErrPermission
	ErrExist      = fs.ErrExist
	ErrNotExist   = fs.ErrNotExist
	ErrClosed     = fs.ErrClosed

	ErrNoDeadline             = errorString("file type does not support deadline")
	ErrDeadlineExceeded error = &deadlineExceededError{} // a timeout: net.Error's Timeout() is true
	ErrProcessDone            = errorString("os: process already finished")
)

type errorString string

// deadlineExceededError is ErrDeadlineExceeded: "i/o timeout", a timeout for net.Error.
type deadlineExceededError struct{}

func (e *deadlineExceededError) Error() string   { return "i/o timeout" }
func (e *deadlineExceededError) Timeout() bool   { return true }
func (e *deadlineExceededError) Temporary() bool { return true }

func (e errorString) Error() string { return string(e) }

// PathError records an error and the operation and file path that caused it.
type PathError = fs.PathError

// A FileMode represents a file's mode and permission bits.
type FileMode = fs.FileMode

const (
	ModeDir        = fs.ModeDir
	ModeAppend     = fs.ModeAppend
	ModeExclusive  = fs.ModeExclusive
	ModeTemporary  = fs.ModeTemporary
	ModeSymlink    = fs.ModeSymlink
	ModeDevice     = fs.ModeDevice
	ModeNamedPipe  = fs.ModeNamedPipe
	ModeSocket     = fs.ModeSocket
	ModeSetuid     = fs.ModeSetuid
	ModeSetgid     = fs.ModeSetgid
	ModeCharDevice = fs.ModeCharDevice
	ModeSticky     = fs.ModeSticky
	ModeIrregular  = fs.ModeIrregular
	ModeType       = fs.ModeType
	ModePerm       = fs.ModePerm
)

// Flags to OpenFile (Linux values).
const (
	O_RDONLY int = 0x0
	O_WRONLY int = 0x1
	O_RDWR   int = 0x2
	O_APPEND int = 0x400
	O_CREATE int = 0x40
	O_EXCL   int = 0x80
	O_SYNC   int = 0x101000
	O_TRUNC  int = 0x200
)

// SyscallError records an error from a specific system call.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }
func (e *SyscallError) Unwrap() error { return e.Err }

// NewSyscallError returns a new SyscallError, or nil when err is nil.
func NewSyscallError(syscall string, err error) error {
	if err == nil {
		return nil
	}
	return &SyscallError{syscall, err}
}

func underlyingErrorIs(err, target error) bool {
	err = underlyingError(err)
	if err == target {
		return true
	}
	e, ok := err.(syscall.Errno)
	return ok && e.Is(target)
}

func underlyingError(err error) error {
	switch err := err.(type) {
	case *PathError:
		return err.Err
	case *LinkError:
		return err.Err
	case *SyscallError:
		return err.Err
	}
	return err
}

// IsExist reports whether err says a file or directory already exists.
func IsExist(err error) bool { return underlyingErrorIs(err, ErrExist) }

// IsNotExist reports whether err says a file or directory does not exist.
func IsNotExist(err error) bool { return underlyingErrorIs(err, ErrNotExist) }

// IsPermission reports whether err says permission is denied.
func IsPermission(err error) bool { return underlyingErrorIs(err, ErrPermission) }

// File represents an open file descriptor.
type File struct {
	*file // so that a copied File still refers to the same state
}

type file struct {
	fd     int
	name   string
	closed bool
	// seekable: a regular file or block device opened by OpenFile. Node
	// has no lseek, so such files keep their offset here (off, bytes from
	// the start) and are read and written with pread/pwrite; other files
	// use the descriptor's own offset.
	seekable   bool
	off        int64
	appendMode bool     // opened with O_APPEND
	dirinfo    *dirInfo // directory entries being read (dir.go); nil until ReadDir
}

// Stdin, Stdout and Stderr are open Files pointing to the standard input,
// standard output and standard error descriptors.
var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

// NewFile returns a new File with the given host descriptor and name.
func NewFile(fd uintptr, name string) *File {
	if int(fd) < 0 {
		return nil
	}
	return &File{&file{fd: int(fd), name: name}}
}

// Name returns the name of the file as presented to Open.
func (f *File) Name() string { return f.name }

// Fd returns the host file descriptor (^uintptr(0) once closed).
func (f *File) Fd() uintptr {
	if f == nil || f.closed {
		return ^uintptr(0)
	}
	return uintptr(f.fd)
}

func (f *File) checkValid(op string) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: op, Path: f.name, Err: ErrClosed}
	}
	return nil
}

func (f *File) wrapErr(op string, errno int) error {
	if errno == int(syscall.EBADF) && f.closed {
		return &PathError{Op: op, Path: f.name, Err: ErrClosed}
	}
	return &PathError{Op: op, Path: f.name, Err: syscall.Errno(errno)}
}

// Read reads up to len(b) bytes from the File; at end of file it returns
// 0, io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if len(b) == 0 {
		return 0, nil
	}
	var errno int
	if f.seekable {
		n, errno = sysPread(f.fd, b, f.off)
		f.off += int64(n)
	} else if f.fd == 0 {
		// a pipe or terminal: the goroutine parks while the host reads (natives_proc.go)
		n, errno = sysStdinRead(b)
		if errno == -1 {
			n, errno = sysRead(f.fd, b)
		}
	} else {
		n, errno = sysRead(f.fd, b)
	}
	if errno != 0 {
		return 0, f.wrapErr("read", errno)
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// Write writes len(b) bytes to the File; it returns a non-nil error when
// n != len(b).
func (f *File) Write(b []byte) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	for n < len(b) {
		var m, errno int
		switch {
		case f.seekable && f.appendMode:
			m, errno = sysPwrite(f.fd, b[n:], -1)
		case f.seekable:
			m, errno = sysPwrite(f.fd, b[n:], f.off)
			f.off += int64(m)
		default:
			m, errno = sysWrite(f.fd, b[n:])
		}
		if errno != 0 {
			return n, f.wrapErr("write", errno)
		}
		if m == 0 {
			return n, f.wrapErr("write", int(syscall.EIO))
		}
		n += m
	}
	if f.seekable && f.appendMode {
		// the write went to the end: that is where the offset is now
		var st sysStatT
		if sysFstat(f.fd, &st) == 0 {
			f.off = st.Size
		}
	}
	return n, nil
}

// WriteString is like Write, but writes the contents of string s.
func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

// Close closes the File; a second Close returns an error.
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: "close", Path: f.name, Err: ErrClosed}
	}
	f.closed = true
	if errno := sysClose(f.fd); errno != 0 {
		return &PathError{Op: "close", Path: f.name, Err: syscall.Errno(errno)}
	}
	return nil
}

// OpenFile opens the named file with the given flags and permissions.
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	fd, errno := sysOpen(name, flag, uint32(perm.Perm()|perm&(ModeSetuid|ModeSetgid|ModeSticky)))
	if errno != 0 {
		return nil, &PathError{Op: "open", Path: name, Err: syscall.Errno(errno)}
	}
	f := NewFile(uintptr(fd), name)
	var st sysStatT
	if sysFstat(fd, &st) == 0 {
		t := uint32(st.Mode) & s_IFMT
		f.seekable = t == s_IFREG || t == s_IFBLK
	}
	f.appendMode = flag&O_APPEND != 0
	return f, nil
}

// Open opens the named file for reading.
func Open(name string) (*File, error) { return OpenFile(name, O_RDONLY, 0) }

// Create creates or truncates the named file (mode 0666 before umask).
func Create(name string) (*File, error) {
	return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666)
}

// ReadFile reads the named file and returns its contents.
func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, 0, 512)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return data, err
		}
	}
}

// WriteFile writes data to the named file, creating it if necessary.
func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err1 != nil && err == nil {
		err = err1
	}
	return err
}
