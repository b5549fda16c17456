// gort standard library: package path/filepath (Unix flavour: gort runs
// Go programs as GOOS=linux, so the separator is '/', there are no volume
// names, and the lexical functions are those of package path). Walk,
// WalkDir, Glob and EvalSymlinks are in walk.go.

package filepath

import (
	"errors"
	"internal/pathmatch"
	"os"
	"path"
	"strings"
)

const (
	Separator     = os.PathSeparator     // '/'
	ListSeparator = os.PathListSeparator // ':'
)

// ErrBadPattern reports a malformed Match pattern.
var ErrBadPattern = errors.New("syntax error in pattern")

// Clean returns the shortest lexically equivalent path (see path.Clean).
func Clean(p string) string { return path.Clean(p) }

// ToSlash returns p with each separator replaced by a slash (a no-op here).
func ToSlash(p string) string { return p }

// FromSlash returns p with each slash replaced by a separator (a no-op
// here).
func FromSlash(p string) string { return p }

// SplitList splits a PATH-style list; an empty string gives an empty
// slice.
func SplitList(p string) []string {
	if p == "" {
		return []string{}
	}
	return strings.Split(p, string(ListSeparator))
}

// Split splits p after its last separator: dir + file == p.
func Split(p string) (dir, file string) { return path.Split(p) }

// Join joins the non-empty elements with separators and cleans the result.
func Join(elem ...string) string { return path.Join(elem...) }

// Ext returns the extension of the last element ("" if none).
func Ext(p string) string { return path.Ext(p) }

// Base returns the last element of p.
func Base(p string) string { return path.Base(p) }

// Dir returns all but the last element of p, cleaned.
func Dir(p string) string { return path.Dir(p) }

// IsAbs reports whether p is absolute.
func IsAbs(p string) bool { return path.IsAbs(p) }

// VolumeName returns the leading volume name: always "" on Unix.
func VolumeName(p string) string { return "" }

// HasPrefix exists for compatibility; it does not respect path boundaries.
//
// Deprecated: as in Go.
func HasPrefix(p, prefix string) bool { return strings.HasPrefix(p, prefix) }

// Match reports whether name matches the shell pattern (see path.Match;
// the separator is '/'). As in Go 1.19, a malformed part of the pattern
// after the point where matching failed is not reported.
func Match(pattern, name string) (matched bool, err error) {
	m, bad := pathmatch.Match(pattern, name, false)
	if bad {
		return false, ErrBadPattern
	}
	return m, nil
}

// Abs returns an absolute form of p, joined to the working directory when
// p is relative.
func Abs(p string) (string, error) {
	if IsAbs(p) {
		return Clean(p), nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return Join(wd, p), nil
}

// Rel returns a relative path that is lexically equivalent to targpath
// when joined to basepath, or an error when there is none.
func Rel(basepath, targpath string) (string, error) {
	base, targ := Clean(basepath), Clean(targpath)
	if targ == base {
		return ".", nil
	}
	if base == "." {
		base = ""
	}
	if (base != "" && base[0] == '/') != (targ[0] == '/') {
		return "", errors.New("Rel: can't make " + targpath + " relative to " + basepath)
	}
	be, te := elements(base), elements(targ)
	i := 0
	for i < len(be) && i < len(te) && be[i] == te[i] {
		i++
	}
	if i < len(be) && be[i] == ".." {
		return "", errors.New("Rel: can't make " + targpath + " relative to " + basepath)
	}
	up := make([]string, 0, len(be)-i+len(te)-i)
	for range be[i:] {
		up = append(up, "..")
	}
	return strings.Join(append(up, te[i:]...), "/"), nil
}

// elements splits a clean path into its names (a leading slash gives an
// empty first name, which both rooted paths share).
func elements(p string) []string {
	if p == "" {
		return nil
	}
	if p == "/" {
		return []string{""}
	}
	return strings.Split(p, "/")
}
