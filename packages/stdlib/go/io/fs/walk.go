// gort standard library: package io/fs (WalkDir).

package fs

import (
	"errors"
	"path"
)

// SkipDir, returned by a WalkDirFunc, skips the directory named in the call
// (or, for a file, the rest of its directory). No function returns it as an
// error.
var SkipDir = errors.New("skip this directory")

// WalkDirFunc is the function WalkDir calls for each file or directory. err
// is non-nil when the root could not be read (d is nil then) or a
// directory's entries could not be read (a second call for that directory).
type WalkDirFunc func(path string, d DirEntry, err error) error

// WalkDir walks the tree rooted at root in lexical order, calling fn for
// every file and directory, root included. Symbolic links in directories
// are not followed; a root that is a link is.
func WalkDir(fsys FS, root string, fn WalkDirFunc) error {
	info, err := Stat(fsys, root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walkDir(fsys, root, &statDirEntry{info}, fn)
	}
	if err == SkipDir {
		return nil
	}
	return err
}

func walkDir(fsys FS, name string, d DirEntry, fn WalkDirFunc) error {
	err := fn(name, d, nil)
	if err != nil || !d.IsDir() {
		if err == SkipDir && d.IsDir() {
			return nil
		}
		return err
	}
	list, err := ReadDir(fsys, name)
	if err != nil {
		// report the unreadable directory with a second call
		if err = fn(name, d, err); err != nil {
			if err == SkipDir && d.IsDir() {
				return nil
			}
			return err
		}
	}
	for _, e := range list {
		if err := walkDir(fsys, path.Join(name, e.Name()), e, fn); err != nil {
			if err == SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

// statDirEntry is the DirEntry of the root, made from its Stat.
type statDirEntry struct {
	info FileInfo
}

func (d *statDirEntry) Name() string            { return d.info.Name() }
func (d *statDirEntry) IsDir() bool             { return d.info.IsDir() }
func (d *statDirEntry) Type() FileMode          { return d.info.Mode().Type() }
func (d *statDirEntry) Info() (FileInfo, error) { return d.info, nil }
