// gort standard library: package text/template (lexer).
//
// A hand-written scanner over the template text producing items: text
// between actions, delimiters, and the tokens inside actions. Trim markers
// ("{{- " and " -}}") remove the adjacent white space of the text items;
// comments ("{{/* */}}") produce no item.

package template

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

type itemType int

const (
	itemError itemType = iota
	itemBool
	itemChar
	itemCharConstant
	itemComment
	itemAssign
	itemDeclare
	itemEOF
	itemField
	itemIdentifier
	itemLeftDelim
	itemLeftParen
	itemNumber
	itemPipe
	itemRawString
	itemRightDelim
	itemRightParen
	itemSpace
	itemString
	itemText
	itemVariable
	itemKeyword // keywords follow
	itemBlock
	itemBreak
	itemContinue
	itemDot
	itemDefine
	itemElse
	itemEnd
	itemIf
	itemNil
	itemRange
	itemTemplate
	itemWith
)

var keywords = map[string]itemType{
	".":        itemDot,
	"block":    itemBlock,
	"break":    itemBreak,
	"continue": itemContinue,
	"define":   itemDefine,
	"else":     itemElse,
	"end":      itemEnd,
	"if":       itemIf,
	"range":    itemRange,
	"nil":      itemNil,
	"template": itemTemplate,
	"with":     itemWith,
}

type item struct {
	typ  itemType
	pos  int
	val  string
	line int
}

func (i item) String() string {
	switch {
	case i.typ == itemEOF:
		return "EOF"
	case i.typ == itemError:
		return i.val
	case i.typ > itemKeyword:
		return fmt.Sprintf("<%s>", i.val)
	case len(i.val) > 10:
		return fmt.Sprintf("%.10q...", i.val)
	}
	return fmt.Sprintf("%q", i.val)
}

const (
	trimMarker    = '-'
	trimMarkerLen = 2 // marker plus the space
)

// lexer holds the scanner's state; items are produced all at once.
type lexer struct {
	name       string
	input      string
	leftDelim  string
	rightDelim string
	pos        int
	start      int
	linePos    int // lineAt's cache: line number of input offset linePos
	line       int
	items      []item
	parenDepth int
	insideAct  bool
	failed     bool
}

func lex(name, input, left, right string) *lexer {
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	l := &lexer{name: name, input: input, leftDelim: left, rightDelim: right, line: 1}
	l.run()
	return l
}

// lineAt returns the line number of input offset pos (items are made in
// increasing offset order, so counting goes on from the previous answer).
func (l *lexer) lineAt(pos int) int {
	if pos < l.linePos {
		l.linePos, l.line = 0, 1
	}
	l.line += strings.Count(l.input[l.linePos:pos], "\n")
	l.linePos = pos
	return l.line
}

func (l *lexer) emit(t itemType) {
	l.items = append(l.items, item{t, l.start, l.input[l.start:l.pos], l.lineAt(l.start)})
	l.start = l.pos
}

func (l *lexer) ignore() { l.start = l.pos }

func (l *lexer) errorf(format string, args ...any) {
	l.items = append(l.items, item{itemError, l.start, fmt.Sprintf(format, args...), l.lineAt(l.start)})
	l.failed = true
}

const eof = -1

func (l *lexer) next() rune {
	if l.pos >= len(l.input) {
		return eof
	}
	r, w := utf8.DecodeRuneInString(l.input[l.pos:])
	l.pos += w
	return r
}

func (l *lexer) backup(r rune) {
	if r == eof {
		return
	}
	l.pos -= utf8.RuneLen(r)
}

func (l *lexer) peek() rune {
	r := l.next()
	l.backup(r)
	return r
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\t' || r == '\r' || r == '\n' }

// run scans the whole input.
func (l *lexer) run() {
	for !l.failed {
		// text up to the next left delimiter
		x := strings.Index(l.input[l.pos:], l.leftDelim)
		if x < 0 {
			l.pos = len(l.input)
			if l.pos > l.start {
				l.emit(itemText)
			}
			l.emit(itemEOF)
			return
		}
		ldn := len(l.leftDelim)
		trimLeft := strings.HasPrefix(l.input[l.pos+x+ldn:], string(trimMarker)) &&
			l.pos+x+ldn+1 < len(l.input) && isSpaceRune(rune(l.input[l.pos+x+ldn+1]))
		textEnd := l.pos + x
		l.pos = textEnd
		if trimLeft {
			textEnd = l.start + len(strings.TrimRightFunc(l.input[l.start:textEnd], isSpaceRune))
		}
		if textEnd > l.start {
			l.items = append(l.items, item{itemText, l.start, l.input[l.start:textEnd], l.lineAt(l.start)})
		}
		l.start = l.pos
		l.leftDelimAt(trimLeft)
	}
}

// atRightDelim reports whether the input at pos is a right delimiter,
// possibly preceded by a trim marker.
func (l *lexer) atRightDelim() (delim, trim bool) {
	if strings.HasPrefix(l.input[l.pos:], " "+string(trimMarker)+l.rightDelim) ||
		strings.HasPrefix(l.input[l.pos:], "\t"+string(trimMarker)+l.rightDelim) ||
		strings.HasPrefix(l.input[l.pos:], "\r"+string(trimMarker)+l.rightDelim) ||
		strings.HasPrefix(l.input[l.pos:], "\n"+string(trimMarker)+l.rightDelim) {
		return true, true
	}
	if strings.HasPrefix(l.input[l.pos:], l.rightDelim) {
		return true, false
	}
	return false, false
}

// rightDelimDone consumes a right delimiter (and trim marker) and, when
// trimming, the white space after it.
func (l *lexer) rightDelimDone(trim bool) {
	if trim {
		l.pos += trimMarkerLen
		l.ignore()
	}
	l.pos += len(l.rightDelim)
	l.emit(itemRightDelim)
	if trim {
		for l.pos < len(l.input) && isSpaceRune(rune(l.input[l.pos])) {
			l.pos++
		}
		l.ignore()
	}
}

func (l *lexer) leftDelimAt(trim bool) {
	l.pos += len(l.leftDelim)
	afterMarker := 0
	if trim {
		afterMarker = trimMarkerLen
	}
	if strings.HasPrefix(l.input[l.pos+afterMarker:], "/*") {
		// a comment: no items
		l.pos += afterMarker
		l.ignore()
		l.comment()
		return
	}
	l.emit(itemLeftDelim)
	l.pos += afterMarker
	l.ignore()
	l.parenDepth = 0
	l.insideAction()
}

func (l *lexer) comment() {
	l.pos += 2
	x := strings.Index(l.input[l.pos:], "*/")
	if x < 0 {
		l.errorf("unclosed comment")
		return
	}
	l.pos += x + 2
	delim, trim := l.atRightDelim()
	if !delim {
		l.errorf("comment ends before closing delimiter")
		return
	}
	if trim {
		l.pos += trimMarkerLen
	}
	l.pos += len(l.rightDelim)
	if trim {
		for l.pos < len(l.input) && isSpaceRune(rune(l.input[l.pos])) {
			l.pos++
		}
	}
	l.ignore()
}

// insideAction scans the tokens of one action up to its right delimiter.
func (l *lexer) insideAction() {
	for !l.failed {
		delim, trim := l.atRightDelim()
		if delim {
			if l.parenDepth == 0 {
				l.rightDelimDone(trim)
				return
			}
			l.errorf("unclosed left paren")
			return
		}
		r := l.next()
		switch {
		case r == eof:
			l.errorf("unclosed action")
			return
		case isSpaceRune(r):
			l.backup(r)
			l.space()
		case r == '=':
			l.emit(itemAssign)
		case r == ':':
			if l.next() != '=' {
				l.errorf("expected :=")
				return
			}
			l.emit(itemDeclare)
		case r == '|':
			l.emit(itemPipe)
		case r == '"':
			l.quote()
		case r == '`':
			l.rawQuote()
		case r == '$':
			l.variable()
		case r == '\'':
			l.char()
		case r == '.':
			if l.pos < len(l.input) {
				if c := l.input[l.pos]; c < '0' || '9' < c {
					l.fieldOrDot()
					continue
				}
			}
			l.backup(r)
			l.number()
		case r == '+' || r == '-' || ('0' <= r && r <= '9'):
			l.backup(r)
			l.number()
		case isAlphaNumeric(r):
			l.backup(r)
			l.identifier()
		case r == '(':
			l.emit(itemLeftParen)
			l.parenDepth++
		case r == ')':
			l.emit(itemRightParen)
			l.parenDepth--
			if l.parenDepth < 0 {
				l.errorf("unexpected right paren %#U", r)
				return
			}
		case r <= unicode.MaxASCII && unicode.IsPrint(r):
			l.emit(itemChar)
		default:
			l.errorf("unrecognized character in action: %#U", r)
			return
		}
	}
}

func (l *lexer) space() {
	for {
		r := l.peek()
		if !isSpaceRune(r) {
			break
		}
		// a space starting " -}}" belongs to the delimiter
		if d, _ := l.atRightDelim(); d && l.input[l.pos] != l.rightDelim[0] {
			break
		}
		l.next()
	}
	l.emit(itemSpace)
}

func isAlphaNumeric(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

func (l *lexer) atTerminator() bool {
	r := l.peek()
	if isSpaceRune(r) {
		return true
	}
	switch r {
	case eof, '.', ',', '|', ':', ')', '(':
		return true
	}
	return strings.HasPrefix(l.input[l.pos:], l.rightDelim)
}

func (l *lexer) identifier() {
	for {
		r := l.next()
		if isAlphaNumeric(r) {
			continue
		}
		l.backup(r)
		word := l.input[l.start:l.pos]
		if !l.atTerminator() {
			l.errorf("bad character %#U", r)
			return
		}
		switch {
		case keywords[word] > itemKeyword:
			l.emit(keywords[word])
		case word == "true", word == "false":
			l.emit(itemBool)
		default:
			l.emit(itemIdentifier)
		}
		return
	}
}

func (l *lexer) fieldOrDot() {
	if l.atTerminator() {
		l.emit(itemDot)
		return
	}
	l.scanAlnum(itemField)
}

func (l *lexer) variable() {
	if l.atTerminator() {
		l.emit(itemVariable) // "$"
		return
	}
	l.scanAlnum(itemVariable)
}

func (l *lexer) scanAlnum(t itemType) {
	var r rune
	for {
		r = l.next()
		if !isAlphaNumeric(r) {
			l.backup(r)
			break
		}
	}
	if !l.atTerminator() {
		l.errorf("bad character %#U", r)
		return
	}
	l.emit(t)
}

func (l *lexer) char() {
	for {
		switch l.next() {
		case '\\':
			if r := l.next(); r != eof && r != '\n' {
				continue
			}
			fallthrough
		case eof, '\n':
			l.errorf("unterminated character constant")
			return
		case '\'':
			l.emit(itemCharConstant)
			return
		}
	}
}

func (l *lexer) number() {
	if !l.scanNumber() {
		l.errorf("bad number syntax: %q", l.input[l.start:l.pos])
		return
	}
	if sign := l.peek(); sign == '+' || sign == '-' {
		// complex: 1+2i
		if !l.scanNumber() || l.input[l.pos-1] != 'i' {
			l.errorf("bad number syntax: %q", l.input[l.start:l.pos])
			return
		}
	}
	l.emit(itemNumber)
}

func (l *lexer) accept(valid string) bool {
	if strings.ContainsRune(valid, l.next()) {
		return true
	}
	l.pos--
	if l.pos < l.start {
		l.pos = l.start
	}
	return false
}

func (l *lexer) acceptRun(valid string) {
	for l.pos < len(l.input) && strings.IndexByte(valid, l.input[l.pos]) >= 0 {
		l.pos++
	}
}

func (l *lexer) scanNumber() bool {
	if l.pos < len(l.input) && (l.input[l.pos] == '+' || l.input[l.pos] == '-') {
		l.pos++
	}
	digits := "0123456789_"
	if l.pos+1 < len(l.input) && l.input[l.pos] == '0' {
		switch l.input[l.pos+1] {
		case 'x', 'X':
			l.pos += 2
			digits = "0123456789abcdefABCDEF_"
		case 'o', 'O':
			l.pos += 2
			digits = "01234567_"
		case 'b', 'B':
			l.pos += 2
			digits = "01_"
		}
	}
	l.acceptRun(digits)
	if l.pos < len(l.input) && l.input[l.pos] == '.' {
		l.pos++
		l.acceptRun(digits)
	}
	if len(digits) == 10+1 && l.pos < len(l.input) && (l.input[l.pos] == 'e' || l.input[l.pos] == 'E') {
		l.pos++
		if l.pos < len(l.input) && (l.input[l.pos] == '+' || l.input[l.pos] == '-') {
			l.pos++
		}
		l.acceptRun("0123456789_")
	}
	if len(digits) == 16+6+1 && l.pos < len(l.input) && (l.input[l.pos] == 'p' || l.input[l.pos] == 'P') {
		l.pos++
		if l.pos < len(l.input) && (l.input[l.pos] == '+' || l.input[l.pos] == '-') {
			l.pos++
		}
		l.acceptRun("0123456789_")
	}
	if l.pos < len(l.input) && l.input[l.pos] == 'i' {
		l.pos++
	}
	if l.pos < len(l.input) {
		r, _ := utf8.DecodeRuneInString(l.input[l.pos:])
		if isAlphaNumeric(r) {
			l.pos += utf8.RuneLen(r)
			return false
		}
	}
	return true
}

func (l *lexer) quote() {
	for {
		switch l.next() {
		case '\\':
			if r := l.next(); r != eof && r != '\n' {
				continue
			}
			fallthrough
		case eof, '\n':
			l.errorf("unterminated quoted string")
			return
		case '"':
			l.emit(itemString)
			return
		}
	}
}

func (l *lexer) rawQuote() {
	for {
		switch l.next() {
		case eof:
			l.errorf("unterminated raw quoted string")
			return
		case '`':
			l.emit(itemRawString)
			return
		}
	}
}
