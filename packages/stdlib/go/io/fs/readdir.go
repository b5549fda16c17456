// gort standard library: package io/fs (ReadDir, FileInfoToDirEntry).

package fs

import (
	"errors"
	"sort"
)

// ReadDirFS is implemented by a file system with its own ReadDir.
type ReadDirFS interface {
	FS
	// ReadDir reads the named directory and returns its entries sorted by
	// file name.
	ReadDir(name string) ([]DirEntry, error)
}

// ReadDir reads the named directory and returns its entries sorted by file
// name, using fsys's ReadDir when it has one.
func ReadDir(fsys FS, name string) ([]DirEntry, error) {
	if rfs, ok := fsys.(ReadDirFS); ok {
		return rfs.ReadDir(name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dir, ok := f.(ReadDirFile)
	if !ok {
		return nil, &PathError{Op: "readdir", Path: name, Err: errors.New("not implemented")}
	}
	list, err := dir.ReadDir(-1)
	sort.Sort(byName(list))
	return list, err
}

// FileInfoToDirEntry returns a DirEntry that reports from info; nil when
// info is nil.
func FileInfoToDirEntry(info FileInfo) DirEntry {
	if info == nil {
		return nil
	}
	return &dirInfo{fileInfo: info}
}

type dirInfo struct {
	fileInfo FileInfo
}

func (di dirInfo) IsDir() bool             { return di.fileInfo.IsDir() }
func (di dirInfo) Type() FileMode          { return di.fileInfo.Mode().Type() }
func (di dirInfo) Info() (FileInfo, error) { return di.fileInfo, nil }
func (di dirInfo) Name() string            { return di.fileInfo.Name() }

// byName sorts entries by name. (sort.Sort rather than sort.Slice: the same
// comparisons and swaps, without reflection, which is slow under gort.)
type byName []DirEntry

func (b byName) Len() int           { return len(b) }
func (b byName) Less(i, j int) bool { return b[i].Name() < b[j].Name() }
func (b byName) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }
