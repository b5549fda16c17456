// gort standard library: package io/fs (ReadFile, Stat).

package fs

import "io"

// ReadFileFS is implemented by a file system with an optimized ReadFile.
type ReadFileFS interface {
	FS
	// ReadFile reads the named file and returns its contents; a
	// successful call returns a nil error, not io.EOF. The caller may
	// modify the returned slice.
	ReadFile(name string) ([]byte, error)
}

// ReadFile reads the named file from fsys and returns its contents, using
// fsys's ReadFile when it has one.
func ReadFile(fsys FS, name string) ([]byte, error) {
	if rfs, ok := fsys.(ReadFileFS); ok {
		return rfs.ReadFile(name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := 0
	if info, err := f.Stat(); err == nil {
		if n := info.Size(); int64(int(n)) == n {
			size = int(n)
		}
	}
	data := make([]byte, 0, size+1)
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

// StatFS is implemented by a file system with a Stat method.
type StatFS interface {
	FS
	// Stat returns a FileInfo describing the named file.
	Stat(name string) (FileInfo, error)
}

// Stat returns a FileInfo describing the named file from fsys, using its
// Stat when it has one, else opening the file.
func Stat(fsys FS, name string) (FileInfo, error) {
	if sfs, ok := fsys.(StatFS); ok {
		return sfs.Stat(name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Stat()
}
