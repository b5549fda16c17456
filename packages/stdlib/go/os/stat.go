// gort standard library: package os (Stat, Lstat, FileInfo, SameFile).

package os

import (
	"io/fs"
	"syscall"
	"time"
)

// A FileInfo describes a file and is returned by Stat and Lstat.
type FileInfo = fs.FileInfo

// Linux st_mode file types and special bits.
const (
	s_IFMT   = 0xf000
	s_IFSOCK = 0xc000
	s_IFLNK  = 0xa000
	s_IFREG  = 0x8000
	s_IFBLK  = 0x6000
	s_IFDIR  = 0x4000
	s_IFCHR  = 0x2000
	s_IFIFO  = 0x1000
	s_ISUID  = 0x800
	s_ISGID  = 0x400
	s_ISVTX  = 0x200
)

// errFileClosing is what Go's descriptor layer reports for calls on a
// closed File that do not check first (Stat, reading a directory).
var errFileClosing = errorString("use of closed file")

// fileStat is the FileInfo of a host file.
type fileStat struct {
	name    string
	size    int64
	mode    FileMode
	modTime time.Time
	sys     sysStatT
}

func (fs *fileStat) Name() string       { return fs.name }
func (fs *fileStat) IsDir() bool        { return fs.mode.IsDir() }
func (fs *fileStat) Size() int64        { return fs.size }
func (fs *fileStat) Mode() FileMode     { return fs.mode }
func (fs *fileStat) ModTime() time.Time { return fs.modTime }

// Sys returns nil: gort has no syscall.Stat_t yet (HACKING.md).
func (fs *fileStat) Sys() any { return nil }

// modeFromUnix converts a Linux st_mode to a FileMode.
func modeFromUnix(m uint32) FileMode {
	mode := FileMode(m & 0777)
	switch m & s_IFMT {
	case s_IFBLK:
		mode |= ModeDevice
	case s_IFCHR:
		mode |= ModeDevice | ModeCharDevice
	case s_IFDIR:
		mode |= ModeDir
	case s_IFIFO:
		mode |= ModeNamedPipe
	case s_IFLNK:
		mode |= ModeSymlink
	case s_IFSOCK:
		mode |= ModeSocket
	}
	if m&s_ISGID != 0 {
		mode |= ModeSetgid
	}
	if m&s_ISUID != 0 {
		mode |= ModeSetuid
	}
	if m&s_ISVTX != 0 {
		mode |= ModeSticky
	}
	return mode
}

// newFileStat makes the FileInfo of name (its base name is kept) from st.
func newFileStat(name string, st *sysStatT) *fileStat {
	return &fileStat{
		name:    basename(name),
		size:    st.Size,
		mode:    modeFromUnix(uint32(st.Mode)),
		modTime: time.Unix(st.MtimeSec, st.MtimeNsec),
		sys:     *st,
	}
}

// basename returns the last element of name, trailing slashes removed.
func basename(name string) string {
	i := len(name) - 1
	for i > 0 && name[i] == '/' {
		name = name[:i]
		i--
	}
	for i--; i >= 0; i-- {
		if name[i] == '/' {
			name = name[i+1:]
			break
		}
	}
	return name
}

// Stat returns a FileInfo describing the named file (following symbolic
// links); errors are *PathError.
func Stat(name string) (FileInfo, error) {
	var st sysStatT
	if errno := sysStat(name, &st); errno != 0 {
		return nil, &PathError{Op: "stat", Path: name, Err: syscall.Errno(errno)}
	}
	return newFileStat(name, &st), nil
}

// Lstat is Stat for the link itself when name is a symbolic link.
func Lstat(name string) (FileInfo, error) {
	var st sysStatT
	if errno := sysLstat(name, &st); errno != 0 {
		return nil, &PathError{Op: "lstat", Path: name, Err: syscall.Errno(errno)}
	}
	return newFileStat(name, &st), nil
}

// Stat returns the FileInfo describing the open file.
func (f *File) Stat() (FileInfo, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	if f.closed {
		return nil, &PathError{Op: "stat", Path: f.name, Err: errFileClosing}
	}
	var st sysStatT
	if errno := sysFstat(f.fd, &st); errno != 0 {
		return nil, &PathError{Op: "stat", Path: f.name, Err: syscall.Errno(errno)}
	}
	return newFileStat(f.name, &st), nil
}

// SameFile reports whether fi1 and fi2 describe the same file (same device
// and inode); false for FileInfos not made by this package.
func SameFile(fi1, fi2 FileInfo) bool {
	a, ok1 := fi1.(*fileStat)
	b, ok2 := fi2.(*fileStat)
	if !ok1 || !ok2 {
		return false
	}
	return a.sys.Dev == b.sys.Dev && a.sys.Ino == b.sys.Ino
}
