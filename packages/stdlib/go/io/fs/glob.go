// gort standard library: package io/fs (Glob).

package fs

import "path"

// A GlobFS is a file system with a Glob method.
type GlobFS interface {
	FS
	// Glob returns the names of all files matching pattern.
	Glob(pattern string) ([]string, error)
}

// Glob returns the names of all files in fsys matching pattern (path.Match
// syntax), or nil if there are none; the only error is path.ErrBadPattern
// for a malformed pattern. I/O errors while reading directories are
// ignored.
func Glob(fsys FS, pattern string) (matches []string, err error) {
	return globDepth(fsys, pattern, 0)
}

// maxGlobDepth bounds the recursion over pattern directories (a pattern
// with more separators is rejected as bad).
const maxGlobDepth = 10000

func globDepth(fsys FS, pattern string, depth int) ([]string, error) {
	if depth > maxGlobDepth {
		return nil, path.ErrBadPattern
	}
	if gfs, ok := fsys.(GlobFS); ok {
		return gfs.Glob(pattern)
	}
	if _, err := path.Match(pattern, ""); err != nil {
		return nil, err
	}
	if !hasMeta(pattern) {
		if _, err := Stat(fsys, pattern); err != nil {
			return nil, nil
		}
		return []string{pattern}, nil
	}
	dir, file := path.Split(pattern)
	if dir == "" {
		dir = "."
	} else {
		dir = dir[:len(dir)-1] // drop the trailing slash
	}
	if !hasMeta(dir) {
		return globIn(fsys, dir, file, nil)
	}
	if dir == pattern {
		return nil, path.ErrBadPattern
	}
	dirs, err := globDepth(fsys, dir, depth+1)
	if err != nil {
		return nil, err
	}
	var matches []string
	for _, d := range dirs {
		matches, err = globIn(fsys, d, file, matches)
		if err != nil {
			return matches, err
		}
	}
	return matches, nil
}

// globIn appends to matches the names in directory dir that match pattern
// (a single element); an unreadable directory adds nothing.
func globIn(fsys FS, dir, pattern string, matches []string) ([]string, error) {
	list, err := ReadDir(fsys, dir)
	if err != nil {
		return matches, nil
	}
	for _, e := range list {
		name := e.Name()
		ok, err := path.Match(pattern, name)
		if err != nil {
			return matches, err
		}
		if ok {
			matches = append(matches, path.Join(dir, name))
		}
	}
	return matches, nil
}

// hasMeta reports whether p contains any of the magic characters path.Match
// recognizes.
func hasMeta(p string) bool {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '*', '?', '[', '\\':
			return true
		}
	}
	return false
}
