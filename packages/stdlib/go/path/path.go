// gort standard library: package path (slash-separated paths, purely
// lexical).

package path

import "strings"

// Clean returns the shortest path equivalent to path by purely lexical
// processing: repeated slashes become one, "." elements go, each ".."
// removes the element before it (a ".." at the start of a rooted path is
// dropped), and the result has no trailing slash unless it is "/". An
// empty result is ".".
func Clean(path string) string {
	if path == "" {
		return "."
	}
	rooted := path[0] == '/'
	// Fast path: already clean paths are returned without allocating.
	if isClean(path) {
		return path
	}
	elems := make([]string, 0, 8)
	for _, e := range strings.Split(path, "/") {
		switch e {
		case "", ".":
		case "..":
			if n := len(elems); n > 0 && elems[n-1] != ".." {
				elems = elems[:n-1]
			} else if !rooted {
				elems = append(elems, "..")
			}
		default:
			elems = append(elems, e)
		}
	}
	out := strings.Join(elems, "/")
	if rooted {
		return "/" + out
	}
	if out == "" {
		return "."
	}
	return out
}

// isClean reports whether Clean(p) == p for a non-empty p.
func isClean(p string) bool {
	if p == "/" || p == "." {
		return true
	}
	if p[len(p)-1] == '/' {
		return false
	}
	start := 0
	if p[0] == '/' {
		start = 1
	}
	sawName := false // a non-".." element came before
	for i := start; i <= len(p); i++ {
		if i < len(p) && p[i] != '/' {
			continue
		}
		e := p[start:i]
		switch {
		case e == "" || e == ".":
			return false
		case e == "..":
			if sawName || p[0] == '/' {
				return false
			}
		default:
			sawName = true
		}
		start = i + 1
	}
	return true
}

// Split splits path after its last slash: dir + file == path.
func Split(path string) (dir, file string) {
	i := strings.LastIndexByte(path, '/')
	return path[:i+1], path[i+1:]
}

// Join joins the non-empty elements with slashes and cleans the result;
// it returns "" when every element is empty.
func Join(elem ...string) string {
	n := 0
	for _, e := range elem {
		if e != "" {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	parts := make([]string, 0, n)
	for _, e := range elem {
		if e != "" {
			parts = append(parts, e)
		}
	}
	return Clean(strings.Join(parts, "/"))
}

// Ext returns the file name extension: the suffix from the final dot of
// the last element, or "".
func Ext(path string) string {
	for i := len(path) - 1; i >= 0 && path[i] != '/'; i-- {
		if path[i] == '.' {
			return path[i:]
		}
	}
	return ""
}

// Base returns the last element of path, after removing trailing slashes;
// "" gives "." and a path of only slashes gives "/".
func Base(path string) string {
	if path == "" {
		return "."
	}
	path = strings.TrimRight(path, "/")
	if path == "" {
		return "/"
	}
	return path[strings.LastIndexByte(path, '/')+1:]
}

// IsAbs reports whether the path begins with a slash.
func IsAbs(path string) bool {
	return len(path) > 0 && path[0] == '/'
}

// Dir returns all but the last element of path, cleaned.
func Dir(path string) string {
	dir, _ := Split(path)
	return Clean(dir)
}
