// gort standard library: package os — temporary files and directories, RemoveAll.

package os

import "syscall"

// tempSeq and tempState make the random part of temporary names (retried on collision).
var tempSeq uint32
var tempState uint64

func nextRandom() string {
	if tempState == 0 {
		tempState = uint64(Getpid())*0x9E3779B97F4A7C15 + 1
	}
	tempSeq++
	x := tempState ^ uint64(tempSeq)*0xBF58476D1CE4E5B9
	x ^= x >> 31
	x *= 0x94D049BB133111EB
	x ^= x >> 29
	tempState = x
	var b [10]byte
	n := uint32(x)
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return string(b[i:])
}

// prefixAndSuffix splits a pattern at its last "*" (the random part goes there, or at the end).
func prefixAndSuffix(pattern string) (prefix, suffix string, err error) {
	for i := 0; i < len(pattern); i++ {
		if IsPathSeparator(pattern[i]) {
			return "", "", errPatternHasSeparator
		}
	}
	for i := len(pattern) - 1; i >= 0; i-- {
		if pattern[i] == '*' {
			return pattern[:i], pattern[i+1:], nil
		}
	}
	return pattern, "", nil
}

var errPatternHasSeparator = errorString("pattern contains path separator")

func joinTemp(dir, name string) string {
	if len(dir) > 0 && IsPathSeparator(dir[len(dir)-1]) {
		return dir + name
	}
	return dir + string(PathSeparator) + name
}

// CreateTemp creates a new file in dir (TempDir() when empty) named from pattern with a
// random part at its last "*" (or its end), opened for reading and writing.
func CreateTemp(dir, pattern string) (*File, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := prefixAndSuffix(pattern)
	if err != nil {
		return nil, &PathError{Op: "createtemp", Path: pattern, Err: err}
	}
	prefix = joinTemp(dir, prefix)
	for try := 0; ; try++ {
		name := prefix + nextRandom() + suffix
		f, err := OpenFile(name, O_RDWR|O_CREATE|O_EXCL, 0600)
		if IsExist(err) && try < 10000 {
			continue
		}
		return f, err
	}
}

// MkdirTemp creates a new directory in dir (TempDir() when empty) named from pattern as
// CreateTemp names files, and returns its name.
func MkdirTemp(dir, pattern string) (string, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := prefixAndSuffix(pattern)
	if err != nil {
		return "", &PathError{Op: "mkdirtemp", Path: pattern, Err: err}
	}
	prefix = joinTemp(dir, prefix)
	for try := 0; ; try++ {
		name := prefix + nextRandom() + suffix
		err := Mkdir(name, 0700)
		if err == nil {
			return name, nil
		}
		if IsExist(err) && try < 10000 {
			continue
		}
		return "", err
	}
}

// RemoveAll removes path and everything it contains. A path that does not exist is not an
// error.
func RemoveAll(path string) error {
	if path == "" {
		return nil
	}
	if path == "." || (len(path) >= 2 && path[len(path)-1] == '.' && IsPathSeparator(path[len(path)-2])) {
		return &PathError{Op: "RemoveAll", Path: path, Err: syscall.EINVAL}
	}
	dir, errno := sysIsDir(path)
	if errno != 0 {
		if errno == int(syscall.ENOENT) {
			return nil
		}
		return &PathError{Op: "lstat", Path: path, Err: syscall.Errno(errno)}
	}
	if !dir {
		if e := sysUnlink(path); e != 0 && e != int(syscall.ENOENT) {
			return &PathError{Op: "unlinkat", Path: path, Err: syscall.Errno(e)}
		}
		return nil
	}
	names, errno := sysReadDirNames(path)
	if errno != 0 && errno != int(syscall.ENOENT) {
		return &PathError{Op: "open", Path: path, Err: syscall.Errno(errno)}
	}
	var first error
	for _, n := range names {
		if err := RemoveAll(joinTemp(path, n)); err != nil && first == nil {
			first = err
		}
	}
	if e := sysRmdir(path); e != 0 && e != int(syscall.ENOENT) && first == nil {
		first = &PathError{Op: "unlinkat", Path: path, Err: syscall.Errno(e)}
	}
	return first
}
