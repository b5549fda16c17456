// gort standard library: package strings (Replacer).

package strings

import "io"

// Replacer replaces a list of strings with replacements. It is safe for
// concurrent use once built; NewReplacer builds it eagerly.
//
// Semantics (Go's): scanning left to right, at each position the first
// pair in argument order whose old string matches there wins; its
// replacement is emitted and scanning resumes after the match. An empty old
// string matches at every position, but not twice in a row at the same one;
// after a position with no match the scan advances one byte.
type Replacer struct {
	built  bool
	oldnew []string
	olds   []string // deduplicated old strings, first occurrence first
	news   []string
	first  [256][]int // indices into olds whose first byte is the key
	empty  int        // index of the empty old string, or -1
}

// NewReplacer returns a Replacer for the pairs old1, new1, old2, new2, ...;
// it panics on an odd number of arguments.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	r := &Replacer{oldnew: append([]string(nil), oldnew...)}
	r.build()
	return r
}

func (r *Replacer) build() {
	if r.built {
		return
	}
	r.built = true
	r.empty = -1
	seen := map[string]bool{}
	for i := 0; i+1 < len(r.oldnew); i += 2 {
		old := r.oldnew[i]
		if seen[old] {
			continue // the first pair for an old string wins
		}
		seen[old] = true
		k := len(r.olds)
		r.olds = append(r.olds, old)
		r.news = append(r.news, r.oldnew[i+1])
		if old == "" {
			r.empty = k
		} else {
			r.first[old[0]] = append(r.first[old[0]], k)
		}
	}
}

// match returns the index of the winning old string at s[i:], or -1.
func (r *Replacer) match(s string, i int, skipEmpty bool) int {
	best := -1
	if i < len(s) {
		for _, k := range r.first[s[i]] {
			if HasPrefix(s[i:], r.olds[k]) {
				best = k
				break // indices are in argument order
			}
		}
	}
	if r.empty >= 0 && !skipEmpty && (best < 0 || r.empty < best) {
		best = r.empty
	}
	return best
}

// Replace returns s with all replacements performed.
func (r *Replacer) Replace(s string) string {
	r.build()
	var out []byte
	done := 0
	prevEmpty := false
	for i := 0; i <= len(s); {
		k := r.match(s, i, prevEmpty)
		prevEmpty = k >= 0 && r.olds[k] == ""
		if k < 0 {
			i++
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(s))
		}
		out = append(out, s[done:i]...)
		out = append(out, r.news[k]...)
		i += len(r.olds[k])
		done = i
	}
	if out == nil {
		return s
	}
	if done < len(s) {
		out = append(out, s[done:]...)
	}
	return string(out)
}

// WriteString writes s with all replacements performed to w.
func (r *Replacer) WriteString(w io.Writer, s string) (n int, err error) {
	return io.WriteString(w, r.Replace(s))
}
