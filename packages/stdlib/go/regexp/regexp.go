// gort standard library: package regexp (RE2 syntax and semantics).
//
// Patterns are parsed by regexp/syntax, compiled to a Pike VM program
// (compile.go) and run in time linear in the input (exec.go): no
// backreferences, leftmost-first matching like Perl (leftmost-longest after
// Longest or with CompilePOSIX). The API, the iteration rules of the Find*All
// and Replace* families (an empty match right after a match is skipped;
// the search advances at least one rune) and the template expansion follow
// Go 1.19.
//
// Byte-slice and RuneReader inputs are searched as strings (a reader is
// read to its end first).

package regexp

import (
	"bytes"
	"io"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Regexp is a compiled regular expression, safe for concurrent use.
type Regexp struct {
	expr           string
	prog           *prog
	cond           syntax.EmptyOp // assertions every match starts with
	numSubexp      int
	subexpNames    []string
	prefix         string
	prefixComplete bool
	longest        bool
}

// String returns the source text used to compile the regular expression.
func (re *Regexp) String() string { return re.expr }

// Copy returns a new Regexp copied from re.
//
// Deprecated: as in Go; a Regexp is safe for concurrent use.
func (re *Regexp) Copy() *Regexp {
	re2 := *re
	return &re2
}

// Compile parses a regular expression with Perl-like syntax and
// leftmost-first semantics.
func Compile(expr string) (*Regexp, error) {
	return compile(expr, syntax.Perl, false)
}

// CompilePOSIX parses a POSIX ERE (egrep) expression with leftmost-longest
// semantics.
func CompilePOSIX(expr string) (*Regexp, error) {
	return compile(expr, syntax.POSIX, true)
}

// Longest makes future searches leftmost-longest.
func (re *Regexp) Longest() { re.longest = true }

func compile(expr string, mode syntax.Flags, longest bool) (*Regexp, error) {
	tree, err := syntax.Parse(expr, mode)
	if err != nil {
		return nil, err
	}
	maxCap := tree.MaxCap()
	capNames := tree.CapNames()
	p := compileProg(tree)
	re := &Regexp{
		expr:        expr,
		prog:        p,
		cond:        p.startCond(),
		numSubexp:   maxCap,
		subexpNames: capNames,
		longest:     longest,
	}
	re.prefix, re.prefixComplete = p.literalPrefix()
	return re, nil
}

// MustCompile is like Compile but panics if the expression cannot be
// parsed.
func MustCompile(str string) *Regexp {
	re, err := Compile(str)
	if err != nil {
		panic(`regexp: Compile(` + quote(str) + `): ` + err.Error())
	}
	return re
}

// MustCompilePOSIX is like CompilePOSIX but panics if the expression
// cannot be parsed.
func MustCompilePOSIX(str string) *Regexp {
	re, err := CompilePOSIX(str)
	if err != nil {
		panic(`regexp: CompilePOSIX(` + quote(str) + `): ` + err.Error())
	}
	return re
}

func quote(s string) string {
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}

// NumSubexp returns the number of parenthesized subexpressions.
func (re *Regexp) NumSubexp() int { return re.numSubexp }

// SubexpNames returns the names of the parenthesized subexpressions
// ([0] is the whole match, always ""); the slice must not be modified.
func (re *Regexp) SubexpNames() []string { return re.subexpNames }

// SubexpIndex returns the index of the first subexpression with the given
// name, or -1.
func (re *Regexp) SubexpIndex(name string) int {
	if name != "" {
		for i, s := range re.subexpNames {
			if name == s {
				return i
			}
		}
	}
	return -1
}

// LiteralPrefix returns a literal string that must begin any match and
// whether it is the entire regular expression.
func (re *Regexp) LiteralPrefix() (prefix string, complete bool) {
	return re.prefix, re.prefixComplete
}

func readAll(r io.RuneReader) string {
	var b []byte
	for {
		c, size, err := r.ReadRune()
		if err != nil || size == 0 {
			return string(b)
		}
		b = appendRune(b, c)
	}
}

// MatchReader reports whether the text read from r contains a match.
func (re *Regexp) MatchReader(r io.RuneReader) bool {
	return re.doExecute(readAll(r), 0, 0, nil) != nil
}

// MatchString reports whether s contains a match.
func (re *Regexp) MatchString(s string) bool {
	return re.doExecute(s, 0, 0, nil) != nil
}

// Match reports whether b contains a match.
func (re *Regexp) Match(b []byte) bool {
	return re.doExecute(string(b), 0, 0, nil) != nil
}

// MatchReader reports whether the text read from r matches pattern.
func MatchReader(pattern string, r io.RuneReader) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchReader(r), nil
}

// MatchString reports whether s contains a match of pattern.
func MatchString(pattern string, s string) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchString(s), nil
}

// Match reports whether b contains a match of pattern.
func Match(pattern string, b []byte) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.Match(b), nil
}

// QuoteMeta escapes the regular expression metacharacters in s.
func QuoteMeta(s string) string {
	var b strings.Builder
	b.Grow(2 * len(s))
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(`\.+*?()|[]{}^$`, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// pad extends a match to 2*(NumSubexp+1) positions with -1.
func (re *Regexp) pad(a []int) []int {
	if a == nil {
		return nil
	}
	n := (1 + re.numSubexp) * 2
	for len(a) < n {
		a = append(a, -1)
	}
	return a
}

// allMatches calls deliver for up to n successive non-overlapping matches
// (all when n < 0).
func (re *Regexp) allMatches(s string, n int, deliver func([]int)) {
	end := len(s)
	if n < 0 {
		n = end + 1
	}
	for pos, i, prevEnd := 0, 0, -1; i < n && pos <= end; {
		m := re.doExecute(s, pos, re.numSubexp*2+2, nil)
		if len(m) == 0 {
			break
		}
		accept := true
		if m[1] == pos {
			// An empty match: never right after the previous match.
			if m[0] == prevEnd {
				accept = false
			}
			_, width := utf8.DecodeRuneInString(s[pos:])
			if width > 0 {
				pos += width
			} else {
				pos = end + 1
			}
		} else {
			pos = m[1]
		}
		prevEnd = m[1]
		if accept {
			deliver(re.pad(m))
			i++
		}
	}
}

// Find returns the leftmost match in b (nil if none).
func (re *Regexp) Find(b []byte) []byte {
	a := re.doExecute(string(b), 0, 2, nil)
	if a == nil {
		return nil
	}
	return b[a[0]:a[1]:a[1]]
}

// FindIndex returns the location of the leftmost match in b.
func (re *Regexp) FindIndex(b []byte) (loc []int) {
	a := re.doExecute(string(b), 0, 2, nil)
	if a == nil {
		return nil
	}
	return a[0:2]
}

// FindString returns the leftmost match in s ("" if none).
func (re *Regexp) FindString(s string) string {
	a := re.doExecute(s, 0, 2, nil)
	if a == nil {
		return ""
	}
	return s[a[0]:a[1]]
}

// FindStringIndex returns the location of the leftmost match in s.
func (re *Regexp) FindStringIndex(s string) (loc []int) {
	a := re.doExecute(s, 0, 2, nil)
	if a == nil {
		return nil
	}
	return a[0:2]
}

// FindReaderIndex returns the location of the leftmost match in the text
// read from r.
func (re *Regexp) FindReaderIndex(r io.RuneReader) (loc []int) {
	a := re.doExecute(readAll(r), 0, 2, nil)
	if a == nil {
		return nil
	}
	return a[0:2]
}

// FindSubmatch returns the leftmost match and its submatches.
func (re *Regexp) FindSubmatch(b []byte) [][]byte {
	a := re.doExecute(string(b), 0, re.numSubexp*2+2, nil)
	if a == nil {
		return nil
	}
	ret := make([][]byte, 1+re.numSubexp)
	for i := range ret {
		if 2*i < len(a) && a[2*i] >= 0 {
			ret[i] = b[a[2*i]:a[2*i+1]:a[2*i+1]]
		}
	}
	return ret
}

// FindSubmatchIndex returns the locations of the leftmost match and its
// submatches.
func (re *Regexp) FindSubmatchIndex(b []byte) []int {
	return re.pad(re.doExecute(string(b), 0, re.numSubexp*2+2, nil))
}

// FindStringSubmatch returns the leftmost match and its submatches.
func (re *Regexp) FindStringSubmatch(s string) []string {
	a := re.doExecute(s, 0, re.numSubexp*2+2, nil)
	if a == nil {
		return nil
	}
	ret := make([]string, 1+re.numSubexp)
	for i := range ret {
		if 2*i < len(a) && a[2*i] >= 0 {
			ret[i] = s[a[2*i]:a[2*i+1]]
		}
	}
	return ret
}

// FindStringSubmatchIndex returns the locations of the leftmost match and
// its submatches.
func (re *Regexp) FindStringSubmatchIndex(s string) []int {
	return re.pad(re.doExecute(s, 0, re.numSubexp*2+2, nil))
}

// FindReaderSubmatchIndex is FindStringSubmatchIndex on the text read from
// r.
func (re *Regexp) FindReaderSubmatchIndex(r io.RuneReader) []int {
	return re.pad(re.doExecute(readAll(r), 0, re.numSubexp*2+2, nil))
}

// FindAll returns up to n successive matches (all if n < 0).
func (re *Regexp) FindAll(b []byte, n int) [][]byte {
	var result [][]byte
	re.allMatches(string(b), n, func(m []int) {
		if result == nil {
			result = make([][]byte, 0, 10)
		}
		result = append(result, b[m[0]:m[1]:m[1]])
	})
	return result
}

// FindAllIndex returns the locations of up to n successive matches.
func (re *Regexp) FindAllIndex(b []byte, n int) [][]int {
	var result [][]int
	re.allMatches(string(b), n, func(m []int) {
		if result == nil {
			result = make([][]int, 0, 10)
		}
		result = append(result, m[0:2])
	})
	return result
}

// FindAllString returns up to n successive matches.
func (re *Regexp) FindAllString(s string, n int) []string {
	var result []string
	re.allMatches(s, n, func(m []int) {
		if result == nil {
			result = make([]string, 0, 10)
		}
		result = append(result, s[m[0]:m[1]])
	})
	return result
}

// FindAllStringIndex returns the locations of up to n successive matches.
func (re *Regexp) FindAllStringIndex(s string, n int) [][]int {
	var result [][]int
	re.allMatches(s, n, func(m []int) {
		if result == nil {
			result = make([][]int, 0, 10)
		}
		result = append(result, m[0:2])
	})
	return result
}

// FindAllSubmatch returns up to n successive matches with submatches.
func (re *Regexp) FindAllSubmatch(b []byte, n int) [][][]byte {
	var result [][][]byte
	re.allMatches(string(b), n, func(m []int) {
		if result == nil {
			result = make([][][]byte, 0, 10)
		}
		slice := make([][]byte, len(m)/2)
		for j := range slice {
			if m[2*j] >= 0 {
				slice[j] = b[m[2*j]:m[2*j+1]:m[2*j+1]]
			}
		}
		result = append(result, slice)
	})
	return result
}

// FindAllSubmatchIndex returns the locations of up to n successive matches
// with submatches.
func (re *Regexp) FindAllSubmatchIndex(b []byte, n int) [][]int {
	var result [][]int
	re.allMatches(string(b), n, func(m []int) {
		if result == nil {
			result = make([][]int, 0, 10)
		}
		result = append(result, m)
	})
	return result
}

// FindAllStringSubmatch returns up to n successive matches with
// submatches.
func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	var result [][]string
	re.allMatches(s, n, func(m []int) {
		if result == nil {
			result = make([][]string, 0, 10)
		}
		slice := make([]string, len(m)/2)
		for j := range slice {
			if m[2*j] >= 0 {
				slice[j] = s[m[2*j]:m[2*j+1]]
			}
		}
		result = append(result, slice)
	})
	return result
}

// FindAllStringSubmatchIndex returns the locations of up to n successive
// matches with submatches.
func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	var result [][]int
	re.allMatches(s, n, func(m []int) {
		if result == nil {
			result = make([][]int, 0, 10)
		}
		result = append(result, m)
	})
	return result
}

// replaceAll copies src replacing every match; repl appends a match's
// replacement (m holds nmatch positions).
func (re *Regexp) replaceAll(src string, nmatch int, repl func(dst []byte, m []int) []byte) []byte {
	lastMatchEnd := 0
	searchPos := 0
	var buf []byte
	if nmatch > re.prog.numCap() {
		nmatch = re.prog.numCap()
	}
	for searchPos <= len(src) {
		a := re.doExecute(src, searchPos, nmatch, nil)
		if len(a) == 0 {
			break
		}
		buf = append(buf, src[lastMatchEnd:a[0]]...)
		// No replacement for an empty match right after a match.
		if a[1] > lastMatchEnd || a[0] == 0 {
			buf = repl(buf, a)
		}
		lastMatchEnd = a[1]
		_, width := utf8.DecodeRuneInString(src[searchPos:])
		if searchPos+width > a[1] {
			searchPos += width
		} else if searchPos+1 > a[1] {
			searchPos++ // at the end of the input
		} else {
			searchPos = a[1]
		}
	}
	return append(buf, src[lastMatchEnd:]...)
}

// numCap is the number of capture positions the program records.
func (p *prog) numCap() int {
	n := 2
	for pc, op := range p.op {
		if op == iSave && p.arg[pc]+1 > n {
			n = p.arg[pc] + 1
		}
	}
	return n
}

// ReplaceAllString replaces the matches in src with repl, expanding $1,
// ${name} and the like (see Expand).
func (re *Regexp) ReplaceAllString(src, repl string) string {
	n := 2
	if strings.Contains(repl, "$") {
		n = 2 * (re.numSubexp + 1)
	}
	b := re.replaceAll(src, n, func(dst []byte, m []int) []byte {
		return re.expand(dst, repl, src, m)
	})
	return string(b)
}

// ReplaceAllLiteralString replaces the matches in src with repl, as is.
func (re *Regexp) ReplaceAllLiteralString(src, repl string) string {
	return string(re.replaceAll(src, 2, func(dst []byte, m []int) []byte {
		return append(dst, repl...)
	}))
}

// ReplaceAllStringFunc replaces each match in src with repl(match).
func (re *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	b := re.replaceAll(src, 2, func(dst []byte, m []int) []byte {
		return append(dst, repl(src[m[0]:m[1]])...)
	})
	return string(b)
}

// ReplaceAll replaces the matches in src with repl, expanding $ templates.
func (re *Regexp) ReplaceAll(src, repl []byte) []byte {
	n := 2
	if bytes.IndexByte(repl, '$') >= 0 {
		n = 2 * (re.numSubexp + 1)
	}
	s, r := string(src), string(repl)
	b := re.replaceAll(s, n, func(dst []byte, m []int) []byte {
		return re.expand(dst, r, s, m)
	})
	if b == nil {
		b = []byte{}
	}
	return b
}

// ReplaceAllLiteral replaces the matches in src with repl, as is.
func (re *Regexp) ReplaceAllLiteral(src, repl []byte) []byte {
	b := re.replaceAll(string(src), 2, func(dst []byte, m []int) []byte {
		return append(dst, repl...)
	})
	if b == nil {
		b = []byte{}
	}
	return b
}

// ReplaceAllFunc replaces each match in src with repl(match).
func (re *Regexp) ReplaceAllFunc(src []byte, repl func([]byte) []byte) []byte {
	b := re.replaceAll(string(src), 2, func(dst []byte, m []int) []byte {
		return append(dst, repl(src[m[0]:m[1]])...)
	})
	if b == nil {
		b = []byte{}
	}
	return b
}

// Expand appends template to dst with $n, ${n}, $name and ${name} replaced
// by the submatches of match in src ($$ is a dollar sign).
func (re *Regexp) Expand(dst []byte, template []byte, src []byte, match []int) []byte {
	return re.expand(dst, string(template), string(src), match)
}

// ExpandString is Expand with string template and source.
func (re *Regexp) ExpandString(dst []byte, template string, src string, match []int) []byte {
	return re.expand(dst, template, src, match)
}

func (re *Regexp) expand(dst []byte, template string, src string, match []int) []byte {
	for {
		i := strings.IndexByte(template, '$')
		if i < 0 {
			break
		}
		dst = append(dst, template[:i]...)
		template = template[i+1:]
		if template != "" && template[0] == '$' {
			dst = append(dst, '$')
			template = template[1:]
			continue
		}
		name, num, rest, ok := extract(template)
		if !ok {
			dst = append(dst, '$') // malformed: the dollar is literal
			continue
		}
		template = rest
		if num >= 0 {
			if 2*num+1 < len(match) && match[2*num] >= 0 {
				dst = append(dst, src[match[2*num]:match[2*num+1]]...)
			}
		} else {
			for i, n := range re.subexpNames {
				if name == n && 2*i+1 < len(match) && match[2*i] >= 0 {
					dst = append(dst, src[match[2*i]:match[2*i+1]]...)
					break
				}
			}
		}
	}
	return append(dst, template...)
}

// extract parses a group reference (name or {name}) at the start of str;
// num is its number, or -1 when the name is not a number.
func extract(str string) (name string, num int, rest string, ok bool) {
	if str == "" {
		return
	}
	brace := false
	if str[0] == '{' {
		brace = true
		str = str[1:]
	}
	i := 0
	for i < len(str) {
		c, size := utf8.DecodeRuneInString(str[i:])
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '_' {
			break
		}
		i += size
	}
	if i == 0 {
		return
	}
	name = str[:i]
	if brace {
		if i >= len(str) || str[i] != '}' {
			return
		}
		i++
	}
	num = 0
	for j := 0; j < len(name); j++ {
		if name[j] < '0' || '9' < name[j] || num >= 1e8 {
			num = -1
			break
		}
		num = num*10 + int(name[j]-'0')
	}
	if name[0] == '0' && len(name) > 1 {
		num = -1 // no leading zeros
	}
	return name, num, str[i:], true
}

// Split slices s into substrings separated by the matches and returns up
// to n of them (all if n < 0; nil if n == 0).
func (re *Regexp) Split(s string, n int) []string {
	if n == 0 {
		return nil
	}
	if len(re.expr) > 0 && len(s) == 0 {
		return []string{""}
	}
	matches := re.FindAllStringIndex(s, n)
	out := make([]string, 0, len(matches))
	beg, end := 0, 0
	for _, m := range matches {
		if n > 0 && len(out) == n-1 {
			break
		}
		end = m[0]
		if m[1] != 0 {
			out = append(out, s[beg:end])
		}
		beg = m[1]
	}
	if end != len(s) {
		out = append(out, s[beg:])
	}
	return out
}
