// gort standard library: package io/ioutil.

// Package ioutil holds I/O helpers that Go 1.16 moved to io and os; they
// are kept for the programs that still use them and behave as their
// replacements do.
package ioutil

import (
	"io"
	"os"
)

// ReadAll reads r until EOF or an error and returns what it read (a nil
// error at EOF). Same as io.ReadAll.
func ReadAll(r io.Reader) ([]byte, error) { return io.ReadAll(r) }

// ReadFile returns the contents of the named file. Same as os.ReadFile.
func ReadFile(filename string) ([]byte, error) { return os.ReadFile(filename) }

// WriteFile writes data to the named file, creating it with perm (before
// the umask) or truncating it. Same as os.WriteFile.
func WriteFile(filename string, data []byte, perm os.FileMode) error {
	return os.WriteFile(filename, data, perm)
}

// NopCloser wraps r with a Close method that does nothing.
// Same as io.NopCloser.
func NopCloser(r io.Reader) io.ReadCloser { return io.NopCloser(r) }

// Discard is a Writer on which every Write succeeds and does nothing.
// Same as io.Discard.
var Discard io.Writer = io.Discard
