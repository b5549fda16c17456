// gort standard library: package io/ioutil (temporary files).

package ioutil

import (
	"errors"
	"os"
	"strconv"
	"time"
)

// Temporary names take the pattern with its last '*' (or, without one,
// its end) replaced by a pseudo-random decimal number, as Go's
// os.CreateTemp/MkdirTemp do. Names that exist already are retried with a
// new number.

// nameState is the generator of the random parts (xorshift32), seeded
// lazily from the clock and the process id. Concurrent callers may race
// on it; the O_EXCL / mkdir retry loop keeps names unique regardless.
var nameState uint32

func nextRandom() string {
	if nameState == 0 {
		seed := uint32(time.Now().UnixNano()) ^ uint32(os.Getpid())*2654435761
		if seed == 0 {
			seed = 1
		}
		nameState = seed
	}
	x := nameState
	x ^= x << 13
	x ^= x >> 17
	x ^= x << 5
	nameState = x
	return strconv.FormatUint(uint64(x), 10)
}

var errPatternHasSeparator = errors.New("pattern contains path separator")

// splitPattern returns the parts of pattern before and after its last '*'.
func splitPattern(op, pattern string) (prefix, suffix string, err error) {
	for i := 0; i < len(pattern); i++ {
		if os.IsPathSeparator(pattern[i]) {
			return "", "", &os.PathError{Op: op, Path: pattern, Err: errPatternHasSeparator}
		}
	}
	for i := len(pattern) - 1; i >= 0; i-- {
		if pattern[i] == '*' {
			return pattern[:i], pattern[i+1:], nil
		}
	}
	return pattern, "", nil
}

// joinDir names prefix inside dir (os.TempDir() when dir is "").
func joinDir(dir, prefix string) string {
	if dir == "" {
		dir = os.TempDir()
	}
	if len(dir) > 0 && os.IsPathSeparator(dir[len(dir)-1]) {
		return dir + prefix
	}
	return dir + string(os.PathSeparator) + prefix
}

// maxTries bounds the retries on existing names.
const maxTries = 10000

// TempFile creates a new file in dir (the default temporary directory
// when dir is "") named after pattern, opens it for reading and writing
// with mode 0600, and returns it. The caller removes it when done.
// Same as os.CreateTemp.
func TempFile(dir, pattern string) (f *os.File, err error) {
	prefix, suffix, err := splitPattern("createtemp", pattern)
	if err != nil {
		return nil, err
	}
	prefix = joinDir(dir, prefix)
	for try := 0; ; try++ {
		name := prefix + nextRandom() + suffix
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0600)
		if os.IsExist(err) && try < maxTries {
			continue
		}
		return f, err
	}
}

// TempDir creates a new directory in dir (the default temporary directory
// when dir is "") named after pattern, with mode 0700, and returns its
// path. The caller removes it when done. Same as os.MkdirTemp.
func TempDir(dir, pattern string) (name string, err error) {
	prefix, suffix, err := splitPattern("mkdirtemp", pattern)
	if err != nil {
		return "", err
	}
	prefix = joinDir(dir, prefix)
	for try := 0; ; try++ {
		name := prefix + nextRandom() + suffix
		err := os.Mkdir(name, 0700)
		if err == nil {
			return name, nil
		}
		if os.IsExist(err) && try < maxTries {
			continue
		}
		return "", err
	}
}
