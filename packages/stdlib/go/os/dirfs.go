// gort standard library: package os (DirFS).

package os

import (
	"errors"
	"io/fs"
)

// DirFS returns a file system (an fs.FS, also an fs.StatFS) for the tree of
// files rooted at the directory dir. Names are fs.ValidPath names; dir
// itself is used as given.
func DirFS(dir string) fs.FS {
	return dirFS(dir)
}

type dirFS string

func (dir dirFS) Open(name string) (fs.File, error) {
	full, err := dir.join(name)
	if err != nil {
		// (Go 1.19 names the operation "stat" here too)
		return nil, &PathError{Op: "stat", Path: name, Err: err}
	}
	f, err := Open(full)
	if err != nil {
		return nil, err // a nil fs.File, not a nil *File inside one
	}
	return f, nil
}

func (dir dirFS) Stat(name string) (fs.FileInfo, error) {
	full, err := dir.join(name)
	if err != nil {
		return nil, &PathError{Op: "stat", Path: name, Err: err}
	}
	info, err := Stat(full)
	if err != nil {
		return nil, err
	}
	return info, nil
}

// join returns the host path of name in dir.
func (dir dirFS) join(name string) (string, error) {
	if dir == "" {
		return "", errors.New("os: DirFS with empty root")
	}
	if !fs.ValidPath(name) {
		return "", ErrInvalid
	}
	for i := 0; i < len(name); i++ {
		if name[i] == 0 {
			return "", ErrInvalid
		}
	}
	if IsPathSeparator(dir[len(dir)-1]) {
		return string(dir) + name, nil
	}
	return string(dir) + string(PathSeparator) + name, nil
}
