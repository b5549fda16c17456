// gort standard library: package regexp/syntax (parser).
//
// An operator-precedence parser over a stack, in the manner of RE2: atoms
// are pushed; '(' and '|' push markers (ops >= opPseudo); a repetition
// operator wraps the top of the stack; '|' and ')' reduce the run of
// expressions above the nearest marker into a concatenation and then an
// alternation. Character classes are built as sorted, merged lists of
// [lo, hi] rune pairs, case-folded when (?i) is on.
//
// Errors carry Go 1.19's codes and the same offending text (the operator,
// escape or class range at fault, or the whole pattern for parentheses).

package syntax

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// An Error describes a failure to parse a regular expression.
type Error struct {
	Code ErrorCode
	Expr string
}

func (e *Error) Error() string {
	return "error parsing regexp: " + e.Code.String() + ": `" + e.Expr + "`"
}

// An ErrorCode describes a failure to parse a regular expression.
type ErrorCode string

const (
	ErrInternalError         ErrorCode = "regexp/syntax: internal error"
	ErrInvalidCharClass      ErrorCode = "invalid character class"
	ErrInvalidCharRange      ErrorCode = "invalid character class range"
	ErrInvalidEscape         ErrorCode = "invalid escape sequence"
	ErrInvalidNamedCapture   ErrorCode = "invalid named capture"
	ErrInvalidPerlOp         ErrorCode = "invalid or unsupported Perl syntax"
	ErrInvalidRepeatOp       ErrorCode = "invalid nested repetition operator"
	ErrInvalidRepeatSize     ErrorCode = "invalid repeat count"
	ErrInvalidUTF8           ErrorCode = "invalid UTF-8"
	ErrMissingBracket        ErrorCode = "missing closing ]"
	ErrMissingParen          ErrorCode = "missing closing )"
	ErrMissingRepeatArgument ErrorCode = "missing argument to repetition operator"
	ErrTrailingBackslash     ErrorCode = "trailing backslash at end of expression"
	ErrUnexpectedParen       ErrorCode = "unexpected )"
	ErrNestingDepth          ErrorCode = "expression nests too deeply"
)

func (e ErrorCode) String() string { return string(e) }

// Flags control the behaviour of the parser and record context.
type Flags uint16

const (
	FoldCase      Flags = 1 << iota // case-insensitive match
	Literal                         // treat pattern as literal string
	ClassNL                         // allow character classes like [^a-z] and [[:space:]] to match newline
	DotNL                           // allow . to match newline
	OneLine                         // treat ^ and $ as only matching at beginning and end of text
	NonGreedy                       // make repetition operators default to non-greedy
	PerlX                           // allow Perl extensions
	UnicodeGroups                   // allow \p{Han}, \P{Han} for Unicode group and negation
	WasDollar                       // regexp OpEndText was $, not \z
	Simple                          // regexp contains no counted repetition

	MatchNL = ClassNL | DotNL

	Perl        = ClassNL | OneLine | PerlX | UnicodeGroups // as close to Perl as possible
	POSIX Flags = 0                                         // POSIX syntax
)

// Parser stack markers.
const (
	opLeftParen = opPseudo + iota
	opVerticalBar
)

// maxRepeat is the largest repetition count allowed; maxHeight the
// deepest nesting.
const (
	maxRepeat = 1000
	maxHeight = 1000
)

type parser struct {
	flags  Flags
	stack  []*Regexp
	numCap int
	whole  string
	depth  int // open parentheses
}

// push pushes re; a class of one rune, or of one rune and its only case
// variant ([Aa]), becomes a literal (as in Go, which LiteralPrefix shows).
func (p *parser) push(re *Regexp) *Regexp {
	if re.Op == OpCharClass && len(re.Rune) == 2 && re.Rune[0] == re.Rune[1] {
		re.Op = OpLiteral
		re.Rune = re.Rune[:1]
		re.Flags = p.flags &^ FoldCase
	} else if re.Op == OpCharClass && len(re.Rune) == 4 &&
		re.Rune[0] == re.Rune[1] && re.Rune[2] == re.Rune[3] &&
		unicode.SimpleFold(re.Rune[0]) == re.Rune[2] &&
		unicode.SimpleFold(re.Rune[2]) == re.Rune[0] ||
		re.Op == OpCharClass && len(re.Rune) == 2 &&
			re.Rune[0]+1 == re.Rune[1] &&
			unicode.SimpleFold(re.Rune[0]) == re.Rune[1] &&
			unicode.SimpleFold(re.Rune[1]) == re.Rune[0] {
		re.Op = OpLiteral
		re.Rune = re.Rune[:1]
		re.Flags = p.flags | FoldCase
	}
	p.stack = append(p.stack, re)
	return re
}

func (p *parser) op(op Op) *Regexp {
	return p.push(&Regexp{Op: op, Flags: p.flags})
}

// minFoldRune returns the smallest rune of r's case-folding orbit.
func minFoldRune(r rune) rune {
	if r < minFold || r > maxFold {
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < m {
			m = f
		}
	}
	return m
}

func (p *parser) literal(r rune) {
	re := &Regexp{Op: OpLiteral, Flags: p.flags}
	if p.flags&FoldCase != 0 {
		r = minFoldRune(r)
	}
	re.Rune0[0] = r
	re.Rune = re.Rune0[:1]
	p.push(re)
}

// repeat wraps the top of the stack in a repetition. before is the text
// from the operator on, after the text following it; lastRepeat is the
// text from the previous operator if it was a repetition.
func (p *parser) repeat(op Op, min, max int, before, after, lastRepeat string) (string, error) {
	flags := p.flags
	if p.flags&PerlX != 0 {
		if after != "" && after[0] == '?' {
			after = after[1:]
			flags ^= NonGreedy
		}
		if lastRepeat != "" {
			// Perl allows a** as a synonym for a*; RE2 rejects it.
			return "", &Error{ErrInvalidRepeatOp, lastRepeat[:len(lastRepeat)-len(after)]}
		}
	}
	n := len(p.stack)
	if n == 0 || p.stack[n-1].Op >= opPseudo {
		return "", &Error{ErrMissingRepeatArgument, before[:len(before)-len(after)]}
	}
	re := &Regexp{Op: op, Min: min, Max: max, Flags: flags}
	re.Sub = re.Sub0[:1]
	re.Sub[0] = p.stack[n-1]
	p.stack[n-1] = re
	if op == OpRepeat && (min >= 2 || max >= 2) && !repeatIsValid(re, maxRepeat) {
		return "", &Error{ErrInvalidRepeatSize, before[:len(before)-len(after)]}
	}
	return after, nil
}

// repeatIsValid reports whether nested counted repetitions stay within n
// copies in total.
func repeatIsValid(re *Regexp, n int) bool {
	if re.Op == OpRepeat {
		m := re.Max
		if m == 0 {
			return true
		}
		if m < 0 {
			m = re.Min
		}
		if m > n {
			return false
		}
		if m > 0 {
			n /= m
		}
	}
	for _, sub := range re.Sub {
		if !repeatIsValid(sub, n) {
			return false
		}
	}
	return true
}

// concat reduces the expressions above the nearest marker to one.
func (p *parser) concat() *Regexp {
	i := len(p.stack)
	for i > 0 && p.stack[i-1].Op < opPseudo {
		i--
	}
	subs := p.stack[i:]
	p.stack = p.stack[:i]
	if len(subs) == 0 {
		return p.push(&Regexp{Op: OpEmptyMatch, Flags: p.flags})
	}
	return p.push(collapse(subs, OpConcat, p.flags))
}

// alternate reduces the alternatives above the nearest '(' to one.
func (p *parser) alternate() *Regexp {
	i := len(p.stack)
	for i > 0 && p.stack[i-1].Op < opPseudo {
		i--
	}
	subs := p.stack[i:]
	p.stack = p.stack[:i]
	if len(subs) == 0 {
		return p.push(&Regexp{Op: OpNoMatch, Flags: p.flags})
	}
	return p.push(collapse(subs, OpAlternate, p.flags))
}

// collapse returns subs as one op node, flattening nested nodes of op.
func collapse(subs []*Regexp, op Op, flags Flags) *Regexp {
	if len(subs) == 1 {
		return subs[0]
	}
	re := &Regexp{Op: op, Flags: flags}
	for _, sub := range subs {
		if sub.Op == op {
			re.Sub = append(re.Sub, sub.Sub...)
		} else {
			re.Sub = append(re.Sub, sub)
		}
	}
	if op == OpAlternate {
		re.Sub = factor(re.Sub, flags)
		if len(re.Sub) == 1 {
			return re.Sub[0]
		}
	}
	return re
}

// factor rewrites runs of alternatives that start with the same literal
// string as that string followed by the alternation of the rests
// (abc|abd|x = ab(?:c|d)|x), as Go's parser does first; order is kept, so
// matching is unchanged, and LiteralPrefix sees the common prefix.
func factor(sub []*Regexp, flags Flags) []*Regexp {
	if len(sub) < 2 {
		return sub
	}
	var out []*Regexp
	start := 0
	var str []rune
	var strFlags Flags
	for i := 0; i <= len(sub); i++ {
		var istr []rune
		var iflags Flags
		if i < len(sub) {
			istr, iflags = leadingString(sub[i])
			if iflags == strFlags {
				same := 0
				for same < len(str) && same < len(istr) && str[same] == istr[same] {
					same++
				}
				if same > 0 {
					str = str[:same] // the run continues with a shorter common prefix
					continue
				}
			}
		}
		// sub[start:i] is a run sharing str.
		switch {
		case i == start:
		case i == start+1:
			out = append(out, sub[start])
		default:
			prefix := &Regexp{Op: OpLiteral, Flags: strFlags, Rune: append([]rune(nil), str...)}
			rests := make([]*Regexp, 0, i-start)
			for j := start; j < i; j++ {
				rests = append(rests, removeLeadingString(sub[j], len(str)))
			}
			suffix := collapse(rests, OpAlternate, flags)
			out = append(out, &Regexp{Op: OpConcat, Flags: flags, Sub: []*Regexp{prefix, suffix}})
		}
		start = i
		str = istr
		strFlags = iflags
	}
	sub = out

	// Round 2: factor a common first piece when it is a single-character
	// expression or a fixed repetition of one (a{2}x|a{2}y = a{2}(?:x|y)).
	out = nil
	start = 0
	var first *Regexp
	for i := 0; i <= len(sub); i++ {
		var ifirst *Regexp
		if i < len(sub) {
			ifirst = leadingRegexp(sub[i])
			if first != nil && first.Equal(ifirst) &&
				(isCharClass(first) || first.Op == OpRepeat && first.Min == first.Max && isCharClass(first.Sub[0])) {
				continue
			}
		}
		switch {
		case i == start:
		case i == start+1:
			out = append(out, sub[start])
		default:
			rests := make([]*Regexp, 0, i-start)
			for j := start; j < i; j++ {
				rests = append(rests, removeLeadingRegexp(sub[j]))
			}
			suffix := collapse(rests, OpAlternate, flags)
			out = append(out, &Regexp{Op: OpConcat, Flags: flags, Sub: []*Regexp{first, suffix}})
		}
		start = i
		first = ifirst
	}
	sub = out

	// Round 4: a run of empty alternatives is one empty alternative.
	out = nil
	for i, s := range sub {
		if i > 0 && s.Op == OpEmptyMatch && sub[i-1].Op == OpEmptyMatch {
			continue
		}
		out = append(out, s)
	}
	return out
}

// isCharClass reports whether re matches exactly one character.
func isCharClass(re *Regexp) bool {
	return re.Op == OpLiteral && len(re.Rune) == 1 || re.Op == OpCharClass ||
		re.Op == OpAnyCharNotNL || re.Op == OpAnyChar
}

// leadingRegexp returns the first piece of re (nil for an empty match).
func leadingRegexp(re *Regexp) *Regexp {
	if re.Op == OpEmptyMatch {
		return nil
	}
	if re.Op == OpConcat && len(re.Sub) > 0 {
		if re.Sub[0].Op == OpEmptyMatch {
			return nil
		}
		return re.Sub[0]
	}
	return re
}

// removeLeadingRegexp returns re without its first piece.
func removeLeadingRegexp(re *Regexp) *Regexp {
	if re.Op == OpConcat && len(re.Sub) > 0 {
		switch len(re.Sub) - 1 {
		case 0:
			return &Regexp{Op: OpEmptyMatch, Flags: re.Flags}
		case 1:
			return re.Sub[1]
		}
		nre := *re
		nre.Sub = re.Sub[1:]
		return &nre
	}
	return &Regexp{Op: OpEmptyMatch, Flags: re.Flags}
}

// leadingString returns the literal runes re starts with, and their fold
// flag.
func leadingString(re *Regexp) ([]rune, Flags) {
	if re.Op == OpConcat && len(re.Sub) > 0 {
		// Consecutive single-rune literals with the same flags form the string.
		var rs []rune
		var f Flags
		for i, sub := range re.Sub {
			if sub.Op != OpLiteral || i > 0 && sub.Flags&FoldCase != f {
				break
			}
			f = sub.Flags & FoldCase
			rs = append(rs, sub.Rune...)
		}
		return rs, f
	}
	if re.Op == OpLiteral {
		return re.Rune, re.Flags & FoldCase
	}
	return nil, 0
}

// removeLeadingString removes the first n runes of re's leading literal
// string.
func removeLeadingString(re *Regexp, n int) *Regexp {
	if re.Op == OpLiteral {
		if n >= len(re.Rune) {
			return &Regexp{Op: OpEmptyMatch, Flags: re.Flags}
		}
		nre := *re
		nre.Rune = re.Rune[n:]
		return &nre
	}
	// A concatenation: drop whole literals, then part of the next one.
	subs := re.Sub
	for n > 0 && len(subs) > 0 && subs[0].Op == OpLiteral {
		lit := subs[0]
		if n >= len(lit.Rune) {
			n -= len(lit.Rune)
			subs = subs[1:]
			continue
		}
		nlit := *lit
		nlit.Rune = lit.Rune[n:]
		subs = append([]*Regexp{&nlit}, subs[1:]...)
		n = 0
	}
	switch len(subs) {
	case 0:
		return &Regexp{Op: OpEmptyMatch, Flags: re.Flags}
	case 1:
		return subs[0]
	}
	nre := *re
	nre.Sub = subs
	return &nre
}

// parseVerticalBar handles '|': the pending concatenation becomes one
// alternative, kept below a single '|' marker.
func (p *parser) parseVerticalBar() {
	p.concat()
	if !p.swapVerticalBar() {
		p.op(opVerticalBar)
	}
}

// swapVerticalBar moves a '|' marker above the expression just reduced
// (so alternatives accumulate below it) and reports whether there was one.
func (p *parser) swapVerticalBar() bool {
	n := len(p.stack)
	if n >= 2 && p.stack[n-2].Op == opVerticalBar {
		p.stack[n-2], p.stack[n-1] = p.stack[n-1], p.stack[n-2]
		return true
	}
	return false
}

func (p *parser) parseRightParen() error {
	p.concat()
	if p.swapVerticalBar() {
		p.stack = p.stack[:len(p.stack)-1]
	}
	p.alternate()
	n := len(p.stack)
	if n < 2 {
		return &Error{ErrUnexpectedParen, p.whole}
	}
	re1, re2 := p.stack[n-1], p.stack[n-2]
	p.stack = p.stack[:n-2]
	if re2.Op != opLeftParen {
		return &Error{ErrUnexpectedParen, p.whole}
	}
	p.depth--
	p.flags = re2.Flags // restore the flags from before the group
	if re2.Cap == 0 {
		p.push(re1)
	} else {
		re2.Op = OpCapture
		re2.Sub = re2.Sub0[:1]
		re2.Sub[0] = re1
		p.push(re2)
	}
	return nil
}

func (p *parser) leftParen(cap int, name string) {
	p.depth++
	if p.depth > maxHeight {
		panic(ErrNestingDepth)
	}
	re := p.op(opLeftParen)
	re.Cap = cap
	re.Name = name
}

// Parse parses a regular expression string s, controlled by flags.
func Parse(s string, flags Flags) (_ *Regexp, err error) {
	defer func() {
		switch r := recover(); r {
		case nil:
		case ErrNestingDepth:
			err = &Error{Code: ErrNestingDepth, Expr: s}
		default:
			panic(r)
		}
	}()
	if flags&Literal != 0 {
		if err := checkUTF8(s); err != nil {
			return nil, err
		}
		re := &Regexp{Op: OpLiteral, Flags: flags}
		for _, c := range s {
			re.Rune = append(re.Rune, c)
		}
		if len(re.Rune) == 0 {
			re.Op = OpEmptyMatch
		}
		return re, nil
	}

	p := &parser{flags: flags, whole: s}
	var lastRepeat string
	t := s
	for t != "" {
		repeat := ""
		switch t[0] {
		default:
			c, rest, err := nextRune(t)
			if err != nil {
				return nil, err
			}
			p.literal(c)
			t = rest
		case '(':
			if p.flags&PerlX != 0 && len(t) >= 2 && t[1] == '?' {
				if t, err = p.parsePerlFlags(t); err != nil {
					return nil, err
				}
				break
			}
			p.numCap++
			p.leftParen(p.numCap, "")
			t = t[1:]
		case '|':
			p.parseVerticalBar()
			t = t[1:]
		case ')':
			if err := p.parseRightParen(); err != nil {
				return nil, err
			}
			t = t[1:]
		case '^':
			if p.flags&OneLine != 0 {
				p.op(OpBeginText)
			} else {
				p.op(OpBeginLine)
			}
			t = t[1:]
		case '$':
			if p.flags&OneLine != 0 {
				p.op(OpEndText).Flags |= WasDollar
			} else {
				p.op(OpEndLine)
			}
			t = t[1:]
		case '.':
			if p.flags&DotNL != 0 {
				p.op(OpAnyChar)
			} else {
				p.op(OpAnyCharNotNL)
			}
			t = t[1:]
		case '[':
			if t, err = p.parseClass(t); err != nil {
				return nil, err
			}
		case '*', '+', '?':
			op := OpStar
			if t[0] == '+' {
				op = OpPlus
			} else if t[0] == '?' {
				op = OpQuest
			}
			before := t
			if t, err = p.repeat(op, 0, 0, before, t[1:], lastRepeat); err != nil {
				return nil, err
			}
			repeat = before
		case '{':
			before := t
			min, max, after, ok := parseRepeat(t)
			if !ok {
				// Not a repetition: a literal '{'.
				p.literal('{')
				t = t[1:]
				break
			}
			if min < 0 || min > maxRepeat || max > maxRepeat || max >= 0 && min > max {
				return nil, &Error{ErrInvalidRepeatSize, before[:len(before)-len(after)]}
			}
			if t, err = p.repeat(OpRepeat, min, max, before, after, lastRepeat); err != nil {
				return nil, err
			}
			repeat = before
		case '\\':
			done := false
			if p.flags&PerlX != 0 && len(t) >= 2 {
				done = true
				switch t[1] {
				case 'A':
					p.op(OpBeginText)
					t = t[2:]
				case 'b':
					p.op(OpWordBoundary)
					t = t[2:]
				case 'B':
					p.op(OpNoWordBoundary)
					t = t[2:]
				case 'C':
					return nil, &Error{ErrInvalidEscape, t[:2]}
				case 'Q':
					// \Q...\E: everything up to \E (or the end) is literal.
					lit, rest := t[2:], ""
					if i := strings.Index(lit, `\E`); i >= 0 {
						lit, rest = lit[:i], lit[i+2:]
					}
					for lit != "" {
						c, r, err := nextRune(lit)
						if err != nil {
							return nil, err
						}
						p.literal(c)
						lit = r
					}
					t = rest
				case 'z':
					p.op(OpEndText)
					t = t[2:]
				default:
					done = false
				}
			}
			if done {
				break
			}
			if len(t) >= 2 && (t[1] == 'p' || t[1] == 'P') {
				r, rest, err := p.parseUnicodeClass(t, nil)
				if err != nil {
					return nil, err
				}
				if r != nil {
					p.push(&Regexp{Op: OpCharClass, Flags: p.flags, Rune: r})
					t = rest
					break
				}
			}
			if r, rest := p.parsePerlClassEscape(t, nil); r != nil {
				p.push(&Regexp{Op: OpCharClass, Flags: p.flags, Rune: r})
				t = rest
				break
			}
			c, rest, err := parseEscape(t)
			if err != nil {
				return nil, err
			}
			p.literal(c)
			t = rest
		}
		lastRepeat = repeat
	}

	p.concat()
	if p.swapVerticalBar() {
		p.stack = p.stack[:len(p.stack)-1]
	}
	p.alternate()
	if len(p.stack) != 1 {
		return nil, &Error{ErrMissingParen, s}
	}
	return p.stack[0], nil
}

// parseRepeat parses {min}, {min,} or {min,max} at the start of s
// (max == -1 for no limit); ok is false when s does not start with one.
func parseRepeat(s string) (min, max int, rest string, ok bool) {
	if s == "" || s[0] != '{' {
		return
	}
	s = s[1:]
	var ok1 bool
	if min, s, ok1 = parseInt(s); !ok1 || s == "" {
		return
	}
	if s[0] != ',' {
		max = min
	} else {
		s = s[1:]
		if s == "" {
			return
		}
		if s[0] == '}' {
			max = -1
		} else if max, s, ok1 = parseInt(s); !ok1 {
			return
		} else if max < 0 {
			min = -1 // too large
		}
	}
	if s == "" || s[0] != '}' {
		return
	}
	return min, max, s[1:], true
}

// parseInt parses a decimal number without leading zeros (-1 if huge).
func parseInt(s string) (n int, rest string, ok bool) {
	if s == "" || s[0] < '0' || '9' < s[0] {
		return
	}
	if len(s) >= 2 && s[0] == '0' && '0' <= s[1] && s[1] <= '9' {
		return
	}
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		if n >= 1e8 {
			n = -1
		} else if n >= 0 {
			n = n*10 + int(s[i]-'0')
		}
		i++
	}
	return n, s[i:], true
}

// parsePerlFlags parses (?P<name>, (?flags) or (?flags: at the start of s.
func (p *parser) parsePerlFlags(s string) (rest string, err error) {
	t := s
	if len(t) > 4 && t[2] == 'P' && t[3] == '<' {
		end := strings.IndexByte(t, '>')
		if end < 0 {
			if err = checkUTF8(t); err != nil {
				return "", err
			}
			return "", &Error{ErrInvalidNamedCapture, s}
		}
		capture, name := t[:end+1], t[4:end]
		if err = checkUTF8(name); err != nil {
			return "", err
		}
		if !isValidCaptureName(name) {
			return "", &Error{ErrInvalidNamedCapture, capture}
		}
		p.numCap++
		p.leftParen(p.numCap, name)
		return t[end+1:], nil
	}

	t = t[2:]
	flags := p.flags
	negated := false
	sawFlag := false
	for t != "" {
		var c rune
		if c, t, err = nextRune(t); err != nil {
			return "", err
		}
		switch c {
		case 'i':
			flags |= FoldCase
			sawFlag = true
			continue
		case 'm':
			flags &^= OneLine
			sawFlag = true
			continue
		case 's':
			flags |= DotNL
			sawFlag = true
			continue
		case 'U':
			flags |= NonGreedy
			sawFlag = true
			continue
		case '-':
			if negated {
				break
			}
			// Flags after '-' are cleared: work on the complement.
			negated = true
			flags = ^flags
			sawFlag = false
			continue
		case ':', ')':
			if negated {
				if !sawFlag {
					break
				}
				flags = ^flags
			}
			if c == ':' {
				p.leftParen(0, "") // a non-capturing group
			}
			p.flags = flags
			return t, nil
		}
		break
	}
	return "", &Error{ErrInvalidPerlOp, s[:len(s)-len(t)]}
}

func isValidCaptureName(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range name {
		if c != '_' && !isalnum(c) {
			return false
		}
	}
	return true
}

func isalnum(c rune) bool {
	return '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z'
}

func unhex(c rune) rune {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10
	}
	return -1
}

// parseEscape parses a single-rune escape at the start of s (s[0] == '\\').
func parseEscape(s string) (r rune, rest string, err error) {
	t := s[1:]
	if t == "" {
		return 0, "", &Error{ErrTrailingBackslash, ""}
	}
	c, t, err := nextRune(t)
	if err != nil {
		return 0, "", err
	}
	bad := func() (rune, string, error) {
		return 0, "", &Error{ErrInvalidEscape, s[:len(s)-len(t)]}
	}
	switch c {
	case '1', '2', '3', '4', '5', '6', '7':
		// A lone digit would be a backreference (unsupported); two or
		// three octal digits are a character.
		if t == "" || t[0] < '0' || t[0] > '7' {
			return bad()
		}
		fallthrough
	case '0':
		r = c - '0'
		for i := 1; i < 3 && t != "" && '0' <= t[0] && t[0] <= '7'; i++ {
			r = r*8 + rune(t[0]-'0')
			t = t[1:]
		}
		return r, t, nil
	case 'x':
		if t == "" {
			return bad()
		}
		if c, t, err = nextRune(t); err != nil {
			return 0, "", err
		}
		if c == '{' {
			digits := 0
			r = 0
			for {
				if t == "" {
					return bad()
				}
				if c, t, err = nextRune(t); err != nil {
					return 0, "", err
				}
				if c == '}' {
					break
				}
				v := unhex(c)
				if v < 0 {
					return bad()
				}
				r = r*16 + v
				if r > unicode.MaxRune {
					return bad()
				}
				digits++
			}
			if digits == 0 {
				return bad()
			}
			return r, t, nil
		}
		x := unhex(c)
		if c, t, err = nextRune(t); err != nil {
			return 0, "", err
		}
		y := unhex(c)
		if x < 0 || y < 0 {
			return bad()
		}
		return x*16 + y, t, nil
	case 'a':
		return '\a', t, nil
	case 'f':
		return '\f', t, nil
	case 'n':
		return '\n', t, nil
	case 'r':
		return '\r', t, nil
	case 't':
		return '\t', t, nil
	case 'v':
		return '\v', t, nil
	}
	if c < utf8.RuneSelf && !isalnum(c) {
		return c, t, nil // escaped punctuation
	}
	return bad()
}

// A charGroup is a predefined class: its ranges and whether it is negated.
type charGroup struct {
	negated bool
	class   []rune
}

var (
	digitClass = []rune{'0', '9'}
	spaceClass = []rune{'\t', '\n', '\f', '\r', ' ', ' '}
	wordClass  = []rune{'0', '9', 'A', 'Z', '_', '_', 'a', 'z'}
)

var perlGroup = map[string]charGroup{
	`\d`: {false, digitClass},
	`\D`: {true, digitClass},
	`\s`: {false, spaceClass},
	`\S`: {true, spaceClass},
	`\w`: {false, wordClass},
	`\W`: {true, wordClass},
}

var posixGroup = map[string]charGroup{}

func init() {
	groups := map[string][]rune{
		"alnum":  {'0', '9', 'A', 'Z', 'a', 'z'},
		"alpha":  {'A', 'Z', 'a', 'z'},
		"ascii":  {0, 0x7f},
		"blank":  {'\t', '\t', ' ', ' '},
		"cntrl":  {0, 0x1f, 0x7f, 0x7f},
		"digit":  {'0', '9'},
		"graph":  {'!', '~'},
		"lower":  {'a', 'z'},
		"print":  {' ', '~'},
		"punct":  {'!', '/', ':', '@', '[', '`', '{', '~'},
		"space":  {'\t', '\r', ' ', ' '},
		"upper":  {'A', 'Z'},
		"word":   {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'},
		"xdigit": {'0', '9', 'A', 'F', 'a', 'f'},
	}
	for name, class := range groups {
		posixGroup["[:"+name+":]"] = charGroup{false, class}
		posixGroup["[:^"+name+":]"] = charGroup{true, class}
	}
}

// parsePerlClassEscape parses \d \D \s \S \w \W (Perl mode only) and
// appends the class to r; out is nil when s does not start with one.
func (p *parser) parsePerlClassEscape(s string, r []rune) (out []rune, rest string) {
	if p.flags&PerlX == 0 || len(s) < 2 || s[0] != '\\' {
		return
	}
	g, ok := perlGroup[s[0:2]]
	if !ok {
		return
	}
	return p.appendGroup(r, g), s[2:]
}

// parseNamedClass parses [:name:] (s starts with "[:").
func (p *parser) parseNamedClass(s string, r []rune) (out []rune, rest string, err error) {
	i := strings.Index(s[2:], ":]")
	if i < 0 {
		return
	}
	i += 2
	name, s := s[0:i+2], s[i+2:]
	g, ok := posixGroup[name]
	if !ok {
		return nil, "", &Error{ErrInvalidCharRange, name}
	}
	return p.appendGroup(r, g), s, nil
}

func (p *parser) appendGroup(r []rune, g charGroup) []rune {
	class := g.class
	if p.flags&FoldCase != 0 {
		class = cleanClass(appendFoldedClass(nil, class))
	}
	if g.negated {
		return appendNegatedClass(r, class)
	}
	return appendClass(r, class)
}

// anyTable is \p{Any}.
var anyTable = &unicode.RangeTable{
	R16: []unicode.Range16{{Lo: 0, Hi: 1<<16 - 1, Stride: 1}},
	R32: []unicode.Range32{{Lo: 1 << 16, Hi: unicode.MaxRune, Stride: 1}},
}

// unicodeTable returns the table named name (a category, a script or
// "Any") and its case-folding complement.
func unicodeTable(name string) (*unicode.RangeTable, *unicode.RangeTable) {
	if name == "Any" {
		return anyTable, anyTable
	}
	if t := unicode.Categories[name]; t != nil {
		return t, unicode.FoldCategory[name]
	}
	if t := unicode.Scripts[name]; t != nil {
		return t, unicode.FoldScript[name]
	}
	return nil, nil
}

// parseUnicodeClass parses \pN, \p{Name}, \PN, \P{Name}, \p{^Name}.
func (p *parser) parseUnicodeClass(s string, r []rune) (out []rune, rest string, err error) {
	if p.flags&UnicodeGroups == 0 || len(s) < 2 || s[0] != '\\' || s[1] != 'p' && s[1] != 'P' {
		return
	}
	negated := s[1] == 'P'
	t := s[2:]
	c, t, err := nextRune(t)
	if err != nil {
		return
	}
	var seq, name string
	if c != '{' {
		seq = s[:len(s)-len(t)]
		name = seq[2:]
	} else {
		end := strings.IndexRune(s, '}')
		if end < 0 {
			if err = checkUTF8(s); err != nil {
				return
			}
			return nil, "", &Error{ErrInvalidCharRange, s}
		}
		seq, t = s[:end+1], s[end+1:]
		name = s[3:end]
		if err = checkUTF8(name); err != nil {
			return
		}
	}
	if name != "" && name[0] == '^' {
		negated = !negated
		name = name[1:]
	}
	tab, fold := unicodeTable(name)
	if tab == nil {
		return nil, "", &Error{ErrInvalidCharRange, seq}
	}
	var class []rune
	if p.flags&FoldCase == 0 || fold == nil {
		class = appendTable(nil, tab)
	} else {
		class = cleanClass(appendTable(appendTable(nil, tab), fold))
	}
	if negated {
		return appendNegatedClass(r, cleanClass(class)), t, nil
	}
	return appendClass(r, class), t, nil
}

// parseClassChar parses one class character (possibly escaped).
func parseClassChar(s, wholeClass string) (r rune, rest string, err error) {
	if s == "" {
		return 0, "", &Error{ErrMissingBracket, wholeClass}
	}
	if s[0] == '\\' {
		return parseEscape(s)
	}
	return nextRune(s)
}

// parseClass parses a bracketed class at the start of s.
func (p *parser) parseClass(s string) (rest string, err error) {
	t := s[1:]
	var class []rune
	negated := false
	if t != "" && t[0] == '^' {
		negated = true
		t = t[1:]
		if p.flags&ClassNL == 0 {
			// Keep \n out of the negated class: add it before negating.
			class = append(class, '\n', '\n')
		}
	}
	first := true // ']' and '-' are literal first
	for t == "" || t[0] != ']' || first {
		// POSIX allows an unescaped '-' only first or last.
		if t != "" && t[0] == '-' && p.flags&PerlX == 0 && !first && (len(t) == 1 || t[1] != ']') {
			_, size := utf8.DecodeRuneInString(t[1:])
			return "", &Error{ErrInvalidCharRange, t[:1+size]}
		}
		first = false
		if len(t) > 2 && t[0] == '[' && t[1] == ':' {
			nclass, nt, err := p.parseNamedClass(t, class)
			if err != nil {
				return "", err
			}
			if nclass != nil {
				class, t = nclass, nt
				continue
			}
		}
		nclass, nt, err := p.parseUnicodeClass(t, class)
		if err != nil {
			return "", err
		}
		if nclass != nil {
			class, t = nclass, nt
			continue
		}
		if nclass, nt := p.parsePerlClassEscape(t, class); nclass != nil {
			class, t = nclass, nt
			continue
		}
		rng := t
		var lo, hi rune
		if lo, t, err = parseClassChar(t, s); err != nil {
			return "", err
		}
		hi = lo
		if len(t) >= 2 && t[0] == '-' && t[1] != ']' {
			if hi, t, err = parseClassChar(t[1:], s); err != nil {
				return "", err
			}
			if hi < lo {
				return "", &Error{ErrInvalidCharRange, rng[:len(rng)-len(t)]}
			}
		}
		if p.flags&FoldCase == 0 {
			class = appendRange(class, lo, hi)
		} else {
			class = appendFoldedRange(class, lo, hi)
		}
	}
	t = t[1:]
	class = cleanClass(class)
	if negated {
		class = negateClass(class)
	}
	p.push(&Regexp{Op: OpCharClass, Flags: p.flags, Rune: class})
	return t, nil
}

type ranges []rune

func (r ranges) Len() int { return len(r) / 2 }
func (r ranges) Swap(i, j int) {
	r[2*i], r[2*i+1], r[2*j], r[2*j+1] = r[2*j], r[2*j+1], r[2*i], r[2*i+1]
}
func (r ranges) Less(i, j int) bool {
	return r[2*i] < r[2*j] || r[2*i] == r[2*j] && r[2*i+1] > r[2*j+1]
}

// cleanClass sorts the ranges of r and merges overlapping and adjacent
// ones.
func cleanClass(r []rune) []rune {
	sort.Sort(ranges(r))
	if len(r) < 2 {
		return r
	}
	w := 2
	for i := 2; i < len(r); i += 2 {
		lo, hi := r[i], r[i+1]
		if lo <= r[w-1]+1 {
			if hi > r[w-1] {
				r[w-1] = hi
			}
			continue
		}
		r[w] = lo
		r[w+1] = hi
		w += 2
	}
	return r[:w]
}

// appendRange appends [lo, hi], merging with the last range when possible.
func appendRange(r []rune, lo, hi rune) []rune {
	n := len(r)
	for i := 2; i <= 4; i += 2 { // the last two ranges
		if n >= i {
			rlo, rhi := r[n-i], r[n-i+1]
			if lo <= rhi+1 && rlo <= hi+1 {
				if lo < rlo {
					r[n-i] = lo
				}
				if hi > rhi {
					r[n-i+1] = hi
				}
				return r
			}
		}
	}
	return append(r, lo, hi)
}

const (
	minFold = 0x0041  // first rune with a case folding
	maxFold = 0x1e943 // last rune with a case folding (Unicode 13)
)

// appendFoldedRange appends [lo, hi] and every rune case-equivalent to one
// in it.
func appendFoldedRange(r []rune, lo, hi rune) []rune {
	if lo <= minFold && hi >= maxFold || hi < minFold || lo > maxFold {
		return appendRange(r, lo, hi)
	}
	if lo < minFold {
		r = appendRange(r, lo, minFold-1)
		lo = minFold
	}
	if hi > maxFold {
		r = appendRange(r, maxFold+1, hi)
		hi = maxFold
	}
	for c := lo; c <= hi; c++ {
		r = appendRange(r, c, c)
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			r = appendRange(r, f, f)
		}
	}
	return r
}

func appendClass(r []rune, x []rune) []rune {
	for i := 0; i < len(x); i += 2 {
		r = appendRange(r, x[i], x[i+1])
	}
	return r
}

func appendFoldedClass(r []rune, x []rune) []rune {
	for i := 0; i < len(x); i += 2 {
		r = appendFoldedRange(r, x[i], x[i+1])
	}
	return r
}

// appendNegatedClass appends the complement of the clean class x.
func appendNegatedClass(r []rune, x []rune) []rune {
	next := rune(0)
	for i := 0; i < len(x); i += 2 {
		lo, hi := x[i], x[i+1]
		if next <= lo-1 {
			r = appendRange(r, next, lo-1)
		}
		next = hi + 1
	}
	if next <= unicode.MaxRune {
		r = appendRange(r, next, unicode.MaxRune)
	}
	return r
}

func appendTable(r []rune, t *unicode.RangeTable) []rune {
	for _, x := range t.R16 {
		lo, hi, stride := rune(x.Lo), rune(x.Hi), rune(x.Stride)
		if stride == 1 {
			r = appendRange(r, lo, hi)
			continue
		}
		for c := lo; c <= hi; c += stride {
			r = appendRange(r, c, c)
		}
	}
	for _, x := range t.R32 {
		lo, hi, stride := rune(x.Lo), rune(x.Hi), rune(x.Stride)
		if stride == 1 {
			r = appendRange(r, lo, hi)
			continue
		}
		for c := lo; c <= hi; c += stride {
			r = appendRange(r, c, c)
		}
	}
	return r
}

// negateClass returns the complement of the clean class r.
func negateClass(r []rune) []rune {
	return appendNegatedClass(nil, r)
}

func checkUTF8(s string) error {
	for s != "" {
		c, size := utf8.DecodeRuneInString(s)
		if c == utf8.RuneError && size == 1 {
			return &Error{Code: ErrInvalidUTF8, Expr: s}
		}
		s = s[size:]
	}
	return nil
}

func nextRune(s string) (c rune, t string, err error) {
	c, size := utf8.DecodeRuneInString(s)
	if c == utf8.RuneError && size == 1 {
		return 0, "", &Error{Code: ErrInvalidUTF8, Expr: s}
	}
	return c, s[size:], nil
}
