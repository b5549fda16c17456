// gort standard library: package path/filepath (Walk, WalkDir, Glob,
// EvalSymlinks) over package os.
//
// Both walks visit entries in lexical order and do not follow symbolic
// links below the root; WalkDir reads each directory once (DirEntry),
// Walk calls Lstat on every entry (FileInfo). SkipDir skips a directory
// (or, returned for a file, the rest of its directory). Error handling
// follows Go 1.19: a directory that cannot be read is reported to the
// callback (WalkDir: in a second call for the same directory).

package filepath

import (
	"errors"
	"io/fs"
	"os"
	"sort"
	"strings"
	"syscall"
)

// SkipDir, returned by a walk function, skips the directory (or the rest
// of the file's directory).
var SkipDir error = fs.SkipDir

// WalkFunc is the function Walk calls for each file or directory.
type WalkFunc func(path string, info fs.FileInfo, err error) error

// readDirEntries returns the entries of dirname sorted by name.
func readDirEntries(dirname string) ([]fs.DirEntry, error) {
	f, err := os.Open(dirname)
	if err != nil {
		return nil, err
	}
	dirs, err := f.ReadDir(-1)
	f.Close()
	if err != nil {
		return nil, err
	}
	sort.Slice(dirs, func(i, j int) bool { return dirs[i].Name() < dirs[j].Name() })
	return dirs, nil
}

// readDirNames returns the names in dirname, sorted.
func readDirNames(dirname string) ([]string, error) {
	f, err := os.Open(dirname)
	if err != nil {
		return nil, err
	}
	names, err := f.Readdirnames(-1)
	f.Close()
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}

func walkDir(path string, d fs.DirEntry, fn fs.WalkDirFunc) error {
	if err := fn(path, d, nil); err != nil || !d.IsDir() {
		if err == SkipDir && d.IsDir() {
			err = nil
		}
		return err
	}
	dirs, err := readDirEntries(path)
	if err != nil {
		// A second call reports the read error.
		if err = fn(path, d, err); err != nil {
			if err == SkipDir && d.IsDir() {
				err = nil
			}
			return err
		}
	}
	for _, d1 := range dirs {
		if err := walkDir(Join(path, d1.Name()), d1, fn); err != nil {
			if err == SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

func walk(path string, info fs.FileInfo, fn WalkFunc) error {
	if !info.IsDir() {
		return fn(path, info, nil)
	}
	names, err := readDirNames(path)
	err1 := fn(path, info, err)
	// An unreadable directory, or a callback asking to skip or stop, ends
	// this directory; the callback's answer is what counts.
	if err != nil || err1 != nil {
		return err1
	}
	for _, name := range names {
		filename := Join(path, name)
		fileInfo, err := os.Lstat(filename)
		if err != nil {
			if err := fn(filename, fileInfo, err); err != nil && err != SkipDir {
				return err
			}
			continue
		}
		if err = walk(filename, fileInfo, fn); err != nil {
			if !fileInfo.IsDir() || err != SkipDir {
				return err
			}
		}
	}
	return nil
}

// statDirEntry adapts the root's FileInfo to a DirEntry.
type statDirEntry struct{ info fs.FileInfo }

func (d *statDirEntry) Name() string               { return d.info.Name() }
func (d *statDirEntry) IsDir() bool                { return d.info.IsDir() }
func (d *statDirEntry) Type() fs.FileMode          { return d.info.Mode().Type() }
func (d *statDirEntry) Info() (fs.FileInfo, error) { return d.info, nil }

// WalkDir walks the file tree rooted at root, calling fn for each file or
// directory, root included, in lexical order.
func WalkDir(root string, fn fs.WalkDirFunc) error {
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walkDir(root, &statDirEntry{info}, fn)
	}
	if err == SkipDir {
		return nil
	}
	return err
}

// Walk walks the file tree rooted at root, calling fn for each file or
// directory with its Lstat information, in lexical order.
func Walk(root string, fn WalkFunc) error {
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walk(root, info, fn)
	}
	if err == SkipDir {
		return nil
	}
	return err
}

// Glob returns the names of all files matching pattern, or nil if there
// is none; the only possible error is ErrBadPattern. I/O errors are
// ignored.
func Glob(pattern string) (matches []string, err error) {
	return globDepth(pattern, 0)
}

// maxGlobDepth bounds the recursion over pattern directories (Go's fix for
// patterns with huge numbers of separators).
const maxGlobDepth = 10000

func globDepth(pattern string, depth int) (matches []string, err error) {
	if depth == maxGlobDepth {
		return nil, ErrBadPattern
	}
	if _, err := Match(pattern, ""); err != nil {
		return nil, err
	}
	if !hasMeta(pattern) {
		if _, err = os.Lstat(pattern); err != nil {
			return nil, nil
		}
		return []string{pattern}, nil
	}
	dir, file := Split(pattern)
	switch dir {
	case "":
		dir = "."
	case string(Separator):
	default:
		dir = dir[:len(dir)-1] // without the trailing separator
	}
	if !hasMeta(dir) {
		return globIn(dir, file, nil)
	}
	if dir == pattern {
		return nil, ErrBadPattern
	}
	dirs, err := globDepth(dir, depth+1)
	if err != nil {
		return nil, err
	}
	for _, d := range dirs {
		if matches, err = globIn(d, file, matches); err != nil {
			return matches, err
		}
	}
	return matches, nil
}

// globIn appends the names in dir matching pattern to matches.
func globIn(dir, pattern string, matches []string) ([]string, error) {
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return matches, nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return matches, nil
	}
	defer d.Close()
	names, _ := d.Readdirnames(-1)
	sort.Strings(names)
	for _, n := range names {
		matched, err := Match(pattern, n)
		if err != nil {
			return matches, err
		}
		if matched {
			matches = append(matches, Join(dir, n))
		}
	}
	return matches, nil
}

func hasMeta(path string) bool {
	return strings.ContainsAny(path, `*?[\`)
}

// EvalSymlinks returns path with every symbolic link resolved (relative
// results stay relative to the working directory), cleaned.
func EvalSymlinks(path string) (string, error) {
	const sep = string(Separator)
	volLen := 0
	if volLen < len(path) && path[volLen] == Separator {
		volLen++
	}
	vol := path[:volLen]
	dest := vol
	links := 0
	for start, end := volLen, volLen; start < len(path); start = end {
		for start < len(path) && path[start] == Separator {
			start++
		}
		end = start
		for end < len(path) && path[end] != Separator {
			end++
		}
		elem := path[start:end]
		switch {
		case end == start:
			return Clean(dest), nil // no more elements
		case elem == ".":
			continue
		case elem == "..":
			// Drop the last element of dest, unless there is none (or it
			// is a ".." that had to be kept).
			r := len(dest) - 1
			for r >= volLen && dest[r] != Separator {
				r--
			}
			if r < volLen || dest[r+1:] == ".." {
				if len(dest) > volLen {
					dest += sep
				}
				dest += ".."
			} else {
				dest = dest[:r]
			}
			continue
		}
		if len(dest) > 0 && dest[len(dest)-1] != Separator {
			dest += sep
		}
		dest += elem
		fi, err := os.Lstat(dest)
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			if !fi.Mode().IsDir() && end < len(path) {
				return "", syscall.ENOTDIR
			}
			continue
		}
		links++
		if links > 255 {
			return "", errors.New("EvalSymlinks: too many links")
		}
		link, err := os.Readlink(dest)
		if err != nil {
			return "", err
		}
		// Continue with the link's target followed by the rest of path:
		// from the root for an absolute link, else from the link's
		// directory.
		path = link + path[end:]
		if len(link) > 0 && link[0] == Separator {
			dest = link[:1]
			end = 1
		} else {
			r := len(dest) - 1
			for r >= volLen && dest[r] != Separator {
				r--
			}
			if r < volLen {
				dest = vol
			} else {
				dest = dest[:r]
			}
			end = 0
		}
	}
	return Clean(dest), nil
}
