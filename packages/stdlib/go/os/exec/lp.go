// gort standard library: package os/exec (LookPath).

package exec

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"strings"
)

// ErrNotFound is the error resulting if a path search failed to find an
// executable file.
var ErrNotFound = errors.New("executable file not found in $PATH")

// ErrDot reports that a path lookup resolved to an executable relative to
// the current directory ("." or an empty element in $PATH). Test it with
// errors.Is.
var ErrDot = errors.New("cannot run executable found relative to current directory")

// findExecutable reports whether file is a regular file with an execute bit.
func findExecutable(file string) error {
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	if m := info.Mode(); !m.IsDir() && m&0111 != 0 {
		return nil
	}
	return fs.ErrPermission
}

// LookPath searches the directories of $PATH for an executable named file;
// a name containing a slash is tried as it is. A result relative to the
// current directory comes with an error wrapping ErrDot.
func LookPath(file string) (string, error) {
	if strings.Contains(file, "/") {
		err := findExecutable(file)
		if err == nil {
			return file, nil
		}
		return "", &Error{file, err}
	}
	list := os.Getenv("PATH")
	if list == "" {
		return "", &Error{file, ErrNotFound}
	}
	for _, dir := range strings.Split(list, ":") {
		if dir == "" {
			dir = "." // as the shells do
		}
		p := path.Join(dir, file)
		if findExecutable(p) == nil {
			if !path.IsAbs(p) && !errDotDisabled() {
				return p, &Error{file, ErrDot}
			}
			return p, nil
		}
	}
	return "", &Error{file, ErrNotFound}
}

// errDotDisabled reports whether GODEBUG holds execerrdot=0 (the last
// setting of a key wins, as in Go's godebug).
func errDotDisabled() bool {
	v := ""
	for _, kv := range strings.Split(os.Getenv("GODEBUG"), ",") {
		if strings.HasPrefix(kv, "execerrdot=") {
			v = kv[len("execerrdot="):]
		}
	}
	return v == "0"
}
