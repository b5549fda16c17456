// gort standard library: package text/template (parse trees).
//
// The parser turns the lexer's items into a tree of nodes per template
// ({{define}} and {{block}} bodies become templates of their own). Nodes
// print themselves as template source (String), which execution errors use
// as their context, as Go's do.

package template

import (
	"fmt"
	"strconv"
	"strings"
)

type node interface {
	String() string
	position() int
}

type listNode struct {
	pos   int
	nodes []node
}

type textNode struct {
	pos  int
	text string
}

type commentNode struct{ pos int }

type actionNode struct {
	pos  int
	line int
	pipe *pipeNode
}

type pipeNode struct {
	pos      int
	line     int
	isAssign bool
	decl     []*variableNode
	cmds     []*commandNode
}

type commandNode struct {
	pos  int
	args []node
}

type fieldNode struct {
	pos   int
	ident []string
}

type variableNode struct {
	pos   int
	ident []string
}

type chainNode struct {
	pos   int
	node  node
	field []string
}

type identifierNode struct {
	pos  int
	name string
}

type dotNode struct{ pos int }
type nilNode struct{ pos int }

type boolNode struct {
	pos  int
	val  bool
}

type stringNode struct {
	pos    int
	quoted string
	text   string
}

type numberNode struct {
	pos        int
	isInt      bool
	isUint     bool
	isFloat    bool
	isComplex  bool
	int64      int64
	uint64     uint64
	float64    float64
	complex128 complex128
	text       string
}

type branchNode struct {
	pos      int
	line     int
	keyword  string // "if", "range", "with"
	pipe     *pipeNode
	list     *listNode
	elseList *listNode
}

type breakNode struct {
	pos  int
	line int
}

type continueNode struct {
	pos  int
	line int
}

type templateNode struct {
	pos  int
	line int
	name string
	pipe *pipeNode
}

func (n *listNode) position() int       { return n.pos }
func (n *textNode) position() int       { return n.pos }
func (n *commentNode) position() int    { return n.pos }
func (n *actionNode) position() int     { return n.pos }
func (n *pipeNode) position() int       { return n.pos }
func (n *commandNode) position() int    { return n.pos }
func (n *fieldNode) position() int      { return n.pos }
func (n *variableNode) position() int   { return n.pos }
func (n *chainNode) position() int      { return n.pos }
func (n *identifierNode) position() int { return n.pos }
func (n *dotNode) position() int        { return n.pos }
func (n *nilNode) position() int        { return n.pos }
func (n *boolNode) position() int       { return n.pos }
func (n *stringNode) position() int     { return n.pos }
func (n *numberNode) position() int     { return n.pos }
func (n *branchNode) position() int     { return n.pos }
func (n *breakNode) position() int      { return n.pos }
func (n *continueNode) position() int   { return n.pos }
func (n *templateNode) position() int   { return n.pos }

func (n *listNode) String() string {
	var b strings.Builder
	for _, c := range n.nodes {
		b.WriteString(c.String())
	}
	return b.String()
}
func (n *textNode) String() string    { return fmt.Sprintf("%q", n.text) }
func (n *commentNode) String() string { return "{{/* */}}" }
func (n *actionNode) String() string  { return "{{" + n.pipe.String() + "}}" }
func (n *pipeNode) String() string {
	var b strings.Builder
	if len(n.decl) > 0 {
		for i, v := range n.decl {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(v.String())
		}
		if n.isAssign {
			b.WriteString(" = ")
		} else {
			b.WriteString(" := ")
		}
	}
	for i, c := range n.cmds {
		if i > 0 {
			b.WriteString(" | ")
		}
		b.WriteString(c.String())
	}
	return b.String()
}
func (n *commandNode) String() string {
	var b strings.Builder
	for i, a := range n.args {
		if i > 0 {
			b.WriteByte(' ')
		}
		if p, ok := a.(*pipeNode); ok {
			b.WriteString("(" + p.String() + ")")
			continue
		}
		b.WriteString(a.String())
	}
	return b.String()
}
func (n *fieldNode) String() string    { return "." + strings.Join(n.ident, ".") }
func (n *variableNode) String() string { return strings.Join(n.ident, ".") }
func (n *chainNode) String() string {
	s := n.node.String()
	if _, ok := n.node.(*pipeNode); ok {
		s = "(" + s + ")"
	}
	for _, f := range n.field {
		s += "." + f
	}
	return s
}
func (n *identifierNode) String() string { return n.name }
func (n *dotNode) String() string        { return "." }
func (n *nilNode) String() string        { return "nil" }
func (n *boolNode) String() string {
	if n.val {
		return "true"
	}
	return "false"
}
func (n *stringNode) String() string { return n.quoted }
func (n *numberNode) String() string { return n.text }
func (n *branchNode) String() string {
	s := "{{" + n.keyword + " " + n.pipe.String() + "}}" + n.list.String()
	if n.elseList != nil {
		s += "{{else}}" + n.elseList.String()
	}
	return s + "{{end}}"
}
func (n *breakNode) String() string    { return "{{break}}" }
func (n *continueNode) String() string { return "{{continue}}" }
func (n *templateNode) String() string {
	if n.pipe == nil {
		return fmt.Sprintf("{{template %q}}", n.name)
	}
	return fmt.Sprintf("{{template %q %s}}", n.name, n.pipe)
}

// tree is one parsed template body.
type tree struct {
	name      string
	parseName string // name of the top-level template during parsing (for errors)
	root      *listNode
	text      string
}

// parser holds the state of one Parse call.
type parser struct {
	t         *tree
	items     []item
	p         int
	last      item // the item next returned last (Go's token[0]): error lines
	funcs     []map[string]any
	vars      []string
	rangeDep  int
	treeSet   map[string]*tree
	actionLine int
}

// next returns the next item; past the end it keeps returning the last one
// (EOF, or the lexer's error) while still counting, so backup stays exact.
func (p *parser) next() item {
	it := p.at(p.p)
	p.p++
	p.last = it
	return it
}

func (p *parser) at(i int) item {
	if i >= len(p.items) {
		return p.items[len(p.items)-1]
	}
	return p.items[i]
}

func (p *parser) backup() { p.p-- }

func (p *parser) peek() item { return p.at(p.p) }

func (p *parser) nextNonSpace() item {
	for {
		it := p.next()
		if it.typ != itemSpace {
			return it
		}
	}
}

func (p *parser) peekNonSpace() item {
	it := p.nextNonSpace()
	p.backup()
	return it
}

// parseError is panicked by errorf and recovered by Parse.
type parseError struct{ err error }

func (p *parser) errorf(format string, args ...any) {
	line := p.last.line
	panic(parseError{fmt.Errorf("template: %s:%d: %s", p.t.parseName, line, fmt.Sprintf(format, args...))})
}

func (p *parser) errorAt(line int, format string, args ...any) {
	panic(parseError{fmt.Errorf("template: %s:%d: %s", p.t.parseName, line, fmt.Sprintf(format, args...))})
}

func (p *parser) expect(t itemType, context string) item {
	it := p.nextNonSpace()
	if it.typ != t {
		p.unexpected(it, context)
	}
	return it
}

func (p *parser) unexpected(it item, context string) {
	if it.typ == itemError {
		extra := ""
		if p.actionLine != 0 && p.actionLine != it.line {
			extra = fmt.Sprintf(" in action started at %s:%d", p.t.parseName, p.actionLine)
			if strings.HasSuffix(it.val, " action") {
				extra = extra[len(" in action"):]
			}
		}
		p.errorAt(it.line, "%s%s", it.val, extra)
	}
	p.errorAt(it.line, "unexpected %s in %s", it, context)
}

func (p *parser) hasFunction(name string) bool {
	for _, m := range p.funcs {
		if m == nil {
			continue
		}
		if _, ok := m[name]; ok {
			return true
		}
	}
	return false
}

// parseTemplate parses text as template name, adding it and the templates
// it defines to treeSet.
func parseTemplate(name, text, left, right string, treeSet map[string]*tree, funcs ...map[string]any) (err error) {
	l := lex(name, text, left, right)
	p := &parser{t: &tree{name: name, parseName: name, text: text}, items: l.items, funcs: funcs, vars: []string{"$"}, treeSet: treeSet}
	defer func() {
		if r := recover(); r != nil {
			if pe, ok := r.(parseError); ok {
				err = pe.err
				return
			}
			panic(r)
		}
	}()
	p.t.root = &listNode{pos: 0}
	for p.peek().typ != itemEOF {
		if p.peek().typ == itemLeftDelim {
			save := p.p
			p.next()
			if p.nextNonSpace().typ == itemDefine {
				p.parseDefinition()
				continue
			}
			p.p = save
		}
		switch n := p.textOrAction(); n.(type) {
		case *endNode, *elseNode:
			p.errorf("unexpected %s", n)
		default:
			p.t.root.nodes = append(p.t.root.nodes, n)
		}
	}
	p.add(p.t)
	return nil
}

// add stores t in the tree set unless an existing non-empty definition
// would be replaced by an empty one.
func (p *parser) add(t *tree) {
	old := p.treeSet[t.name]
	if old == nil || isEmptyTree(old.root) {
		p.treeSet[t.name] = t
		return
	}
	if !isEmptyTree(t.root) {
		p.treeSet[t.name] = t
	}
}

// isEmptyTree reports whether the list holds only white space text and comments.
func isEmptyTree(n node) bool {
	switch n := n.(type) {
	case nil:
		return true
	case *listNode:
		for _, c := range n.nodes {
			if !isEmptyTree(c) {
				return false
			}
		}
		return true
	case *textNode:
		return len(strings.TrimSpace(n.text)) == 0
	case *commentNode:
		return true
	}
	return false
}

// parseDefinition parses {{define "name"}} ... {{end}}.
func (p *parser) parseDefinition() {
	const context = "define clause"
	nameTok := p.expectOneOf(itemString, itemRawString, context)
	name, err := strconv.Unquote(nameTok.val)
	if err != nil {
		p.errorAt(nameTok.line, "%s", err)
	}
	p.expect(itemRightDelim, context)
	sub := &parser{t: &tree{name: name, parseName: p.t.parseName, text: p.t.text}, items: p.items, p: p.p, funcs: p.funcs, vars: []string{"$"}, treeSet: p.treeSet}
	list, end := sub.itemList()
	if _, ok := end.(*endNode); !ok {
		sub.errorAt(sub.at(sub.p-1).line, "unexpected %s in %s", end, context)
	}
	sub.t.root = list
	p.p = sub.p
	p.add(sub.t)
}

func (p *parser) expectOneOf(a, b itemType, context string) item {
	it := p.nextNonSpace()
	if it.typ != a && it.typ != b {
		p.unexpected(it, context)
	}
	return it
}

// endNode and elseNode are transient markers returned by itemList.
type endNode struct{ pos, line int }
type elseNode struct{ pos, line int }

func (n *endNode) String() string   { return "{{end}}" }
func (n *endNode) position() int    { return n.pos }
func (n *elseNode) String() string  { return "{{else}}" }
func (n *elseNode) position() int   { return n.pos }

// itemList parses nodes up to {{end}} or {{else}}, which it returns.
func (p *parser) itemList() (*listNode, node) {
	list := &listNode{pos: p.peekNonSpace().pos}
	for p.peekNonSpace().typ != itemEOF {
		n := p.textOrAction()
		switch n.(type) {
		case *endNode, *elseNode:
			return list, n
		}
		list.nodes = append(list.nodes, n)
	}
	p.errorf("unexpected EOF")
	return nil, nil
}

func (p *parser) textOrAction() node {
	switch it := p.nextNonSpace(); it.typ {
	case itemText:
		return &textNode{it.pos, it.val}
	case itemLeftDelim:
		p.actionLine = it.line
		defer func() { p.actionLine = 0 }()
		return p.action()
	case itemError:
		p.unexpected(it, "input")
	default:
		p.unexpected(it, "input")
	}
	return nil
}

func (p *parser) action() node {
	switch it := p.nextNonSpace(); it.typ {
	case itemBlock:
		return p.blockControl()
	case itemBreak:
		return p.breakControl(it.pos, it.line)
	case itemContinue:
		return p.continueControl(it.pos, it.line)
	case itemElse:
		return p.elseControl()
	case itemEnd:
		return p.endControl()
	case itemIf:
		return p.branchControl("if", it)
	case itemRange:
		return p.branchControl("range", it)
	case itemTemplate:
		return p.templateControl()
	case itemWith:
		return p.branchControl("with", it)
	}
	p.backup()
	it := p.peek()
	return &actionNode{it.pos, it.line, p.pipeline("command", itemRightDelim)}
}

func (p *parser) breakControl(pos, line int) node {
	if t := p.nextNonSpace(); t.typ != itemRightDelim {
		p.unexpected(t, "{{break}}")
	}
	if p.rangeDep == 0 {
		p.errorf("{{break}} outside {{range}}")
	}
	return &breakNode{pos, line}
}

func (p *parser) continueControl(pos, line int) node {
	if t := p.nextNonSpace(); t.typ != itemRightDelim {
		p.unexpected(t, "{{continue}}")
	}
	if p.rangeDep == 0 {
		p.errorf("{{continue}} outside {{range}}")
	}
	return &continueNode{pos, line}
}

// pipeline parses [decls :=] cmd | cmd ... up to end.
func (p *parser) pipeline(context string, end itemType) *pipeNode {
	tok := p.peekNonSpace()
	pipe := &pipeNode{pos: tok.pos, line: tok.line}
decls:
	if v := p.peekNonSpace(); v.typ == itemVariable {
		p.next()
		tokenAfterVariable := p.peek()
		next := p.peekNonSpace()
		switch {
		case next.typ == itemAssign, next.typ == itemDeclare:
			pipe.isAssign = next.typ == itemAssign
			p.nextNonSpace()
			pipe.decl = append(pipe.decl, &variableNode{v.pos, []string{v.val}})
			if !pipe.isAssign {
				p.vars = append(p.vars, v.val)
			}
		case next.typ == itemChar && next.val == ",":
			p.nextNonSpace()
			pipe.decl = append(pipe.decl, &variableNode{v.pos, []string{v.val}})
			p.vars = append(p.vars, v.val)
			if context == "range" && len(pipe.decl) < 2 {
				switch p.peekNonSpace().typ {
				case itemVariable, itemRightDelim, itemRightParen:
					goto decls
				default:
					p.errorf("range can only initialize variables")
				}
			}
			p.errorf("too many declarations in %s", context)
		case tokenAfterVariable.typ == itemSpace:
			p.backup()
			p.backup()
		default:
			p.backup()
		}
	}
	for {
		switch tok := p.nextNonSpace(); tok.typ {
		case end:
			p.checkPipeline(pipe, context)
			return pipe
		case itemBool, itemCharConstant, itemDot, itemField, itemIdentifier,
			itemNumber, itemNil, itemRawString, itemString, itemVariable, itemLeftParen:
			p.backup()
			pipe.cmds = append(pipe.cmds, p.command())
		default:
			p.unexpected(tok, context)
		}
	}
}

func (p *parser) checkPipeline(pipe *pipeNode, context string) {
	if len(pipe.cmds) == 0 {
		p.errorf("missing value for %s", context)
	}
	for i, c := range pipe.cmds[1:] {
		switch c.args[0].(type) {
		case *boolNode, *dotNode, *nilNode, *numberNode, *stringNode:
			p.errorf("non executable command in pipeline stage %d", i+2)
		}
	}
}

func (p *parser) parseControl(allowElseIf bool, context string) (*pipeNode, *listNode, *listNode) {
	nvars := len(p.vars)
	defer func() { p.vars = p.vars[:nvars] }()
	pipe := p.pipeline(context, itemRightDelim)
	if context == "range" {
		p.rangeDep++
	}
	list, next := p.itemList()
	if context == "range" {
		p.rangeDep--
	}
	var elseList *listNode
	if _, ok := next.(*elseNode); ok {
		if allowElseIf && p.peek().typ == itemIf {
			// {{else if ...}}: an if node alone in the else list; its
			// {{end}} ends the outer one too
			p.next()
			it := p.at(p.p - 1)
			elseList = &listNode{pos: it.pos}
			elseList.nodes = append(elseList.nodes, p.branchControl("if", it))
			return pipe, list, elseList
		}
		var end node
		elseList, end = p.itemList()
		if _, ok := end.(*endNode); !ok {
			p.errorf("expected end; found %s", end)
		}
	}
	return pipe, list, elseList
}

func (p *parser) branchControl(keyword string, it item) node {
	pipe, list, elseList := p.parseControl(keyword == "if", keyword)
	return &branchNode{pos: pipe.pos, line: pipe.line, keyword: keyword, pipe: pipe, list: list, elseList: elseList}
}

func (p *parser) endControl() node {
	it := p.expect(itemRightDelim, "end")
	return &endNode{it.pos, it.line}
}

func (p *parser) elseControl() node {
	peek := p.peekNonSpace()
	if peek.typ == itemIf {
		// "{{else if": leave "if" for parseControl
		p.p = indexOf(p.items, peek, p.p)
		return &elseNode{peek.pos, peek.line}
	}
	it := p.expect(itemRightDelim, "else")
	return &elseNode{it.pos, it.line}
}

func indexOf(items []item, it item, from int) int {
	for i := from; i < len(items); i++ {
		if items[i].pos == it.pos && items[i].typ == it.typ {
			return i
		}
	}
	return from
}

func (p *parser) blockControl() node {
	const context = "block clause"
	tok := p.nextNonSpace()
	name := p.parseTemplateName(tok, context)
	pipe := p.pipeline(context, itemRightDelim)
	sub := &parser{t: &tree{name: name, parseName: p.t.parseName, text: p.t.text}, items: p.items, p: p.p, funcs: p.funcs, vars: []string{"$"}, treeSet: p.treeSet}
	list, end := sub.itemList()
	if _, ok := end.(*endNode); !ok {
		p.errorf("unexpected %s in %s", end, context)
	}
	sub.t.root = list
	p.p = sub.p
	p.add(sub.t)
	return &templateNode{tok.pos, tok.line, name, pipe}
}

func (p *parser) templateControl() node {
	const context = "template clause"
	tok := p.nextNonSpace()
	name := p.parseTemplateName(tok, context)
	var pipe *pipeNode
	if p.nextNonSpace().typ != itemRightDelim {
		p.backup()
		pipe = p.pipeline(context, itemRightDelim)
	}
	return &templateNode{tok.pos, tok.line, name, pipe}
}

func (p *parser) parseTemplateName(tok item, context string) string {
	switch tok.typ {
	case itemString, itemRawString:
		s, err := strconv.Unquote(tok.val)
		if err != nil {
			p.errorf("%s", err)
		}
		return s
	}
	p.unexpected(tok, context)
	return ""
}

// command parses one pipeline stage: operands up to '|', ')' or the end.
func (p *parser) command() *commandNode {
	cmd := &commandNode{pos: p.peekNonSpace().pos}
	for {
		p.peekNonSpace()
		operand := p.operand()
		if operand != nil {
			cmd.args = append(cmd.args, operand)
		}
		switch tok := p.next(); tok.typ {
		case itemSpace:
			continue
		case itemRightDelim, itemRightParen:
			p.backup()
		case itemPipe:
		default:
			p.unexpected(tok, "operand")
		}
		break
	}
	if len(cmd.args) == 0 {
		p.errorf("empty command")
	}
	return cmd
}

// operand parses a term and any .Field chain after it.
func (p *parser) operand() node {
	n := p.term()
	if n == nil {
		return nil
	}
	if p.peek().typ == itemField {
		chain := &chainNode{pos: p.peek().pos, node: n}
		for p.peek().typ == itemField {
			chain.field = append(chain.field, p.next().val[1:])
		}
		switch n.(type) {
		case *fieldNode:
			f := n.(*fieldNode)
			return &fieldNode{chain.pos, append(append([]string(nil), f.ident...), chain.field...)}
		case *variableNode:
			v := n.(*variableNode)
			return &variableNode{chain.pos, append(append([]string(nil), v.ident...), chain.field...)}
		case *boolNode, *stringNode, *numberNode, *nilNode, *dotNode:
			p.errorf("unexpected . after term %q", n.String())
		}
		return chain
	}
	return n
}

func (p *parser) term() node {
	switch tok := p.nextNonSpace(); tok.typ {
	case itemIdentifier:
		if !p.hasFunction(tok.val) {
			p.errorf("function %q not defined", tok.val)
		}
		return &identifierNode{tok.pos, tok.val}
	case itemDot:
		return &dotNode{tok.pos}
	case itemNil:
		return &nilNode{tok.pos}
	case itemVariable:
		return p.useVar(tok.pos, tok.val)
	case itemField:
		return &fieldNode{tok.pos, strings.Split(tok.val[1:], ".")}
	case itemBool:
		return &boolNode{tok.pos, tok.val == "true"}
	case itemCharConstant, itemNumber:
		return p.newNumber(tok)
	case itemLeftParen:
		pipe := p.pipeline("parenthesized pipeline", itemRightParen)
		return pipe
	case itemString, itemRawString:
		s, err := strconv.Unquote(tok.val)
		if err != nil {
			p.errorf("%s", err)
		}
		return &stringNode{tok.pos, tok.val, s}
	}
	p.backup()
	return nil
}

func (p *parser) useVar(pos int, name string) node {
	v := &variableNode{pos, strings.Split(name, ".")}
	for _, n := range p.vars {
		if n == v.ident[0] {
			return v
		}
	}
	p.errorf("undefined variable %q", v.ident[0])
	return nil
}

// newNumber parses a number or character constant into every
// representation it fits exactly, as Go's parser does.
func (p *parser) newNumber(tok item) *numberNode {
	n := &numberNode{pos: tok.pos, text: tok.val}
	if tok.typ == itemCharConstant {
		r, _, tail, err := strconv.UnquoteChar(tok.val[1:], tok.val[0])
		if err != nil || tail != "'" {
			p.errorf("malformed character constant: %s", tok.val)
		}
		n.int64, n.isInt = int64(r), true
		n.uint64, n.isUint = uint64(r), true
		n.float64, n.isFloat = float64(r), true
		return n
	}
	text := tok.val
	if strings.HasSuffix(text, "i") {
		f, err := strconv.ParseFloat(text[:len(text)-1], 64)
		if err == nil {
			n.isComplex = true
			n.complex128 = complex(0, f)
			n.simplifyComplex()
			return n
		}
		c, err := strconv.ParseComplex(text, 128)
		if err != nil {
			p.errorf("illegal number syntax: %q", text)
		}
		n.isComplex = true
		n.complex128 = c
		n.simplifyComplex()
		return n
	}
	if len(text) > 0 && text[len(text)-1] == 'i' {
		p.errorf("illegal number syntax: %q", text)
	}
	u, err := strconv.ParseUint(text, 0, 64)
	if err == nil {
		n.isUint, n.uint64 = true, u
	}
	i, err := strconv.ParseInt(text, 0, 64)
	if err == nil {
		n.isInt, n.int64 = true, i
		if i == 0 {
			n.isUint, n.uint64 = true, 0
		}
	}
	if n.isInt {
		n.isFloat, n.float64 = true, float64(n.int64)
	} else if n.isUint {
		n.isFloat, n.float64 = true, float64(n.uint64)
	} else {
		f, err := strconv.ParseFloat(text, 64)
		if err == nil {
			if !strings.ContainsAny(text, ".eEpP") {
				p.errorf("integer overflow: %q", text)
			}
			n.isFloat, n.float64 = true, f
			if !n.isInt && float64(int64(f)) == f {
				n.isInt, n.int64 = true, int64(f)
			}
			if !n.isUint && f >= 0 && float64(uint64(f)) == f {
				n.isUint, n.uint64 = true, uint64(f)
			}
		}
	}
	if !n.isInt && !n.isUint && !n.isFloat {
		p.errorf("illegal number syntax: %q", text)
	}
	return n
}

func (n *numberNode) simplifyComplex() {
	n.isFloat = imag(n.complex128) == 0
	if n.isFloat {
		n.float64 = real(n.complex128)
		n.isInt = float64(int64(n.float64)) == n.float64
		if n.isInt {
			n.int64 = int64(n.float64)
		}
		n.isUint = n.float64 >= 0 && float64(uint64(n.float64)) == n.float64
		if n.isUint {
			n.uint64 = uint64(n.float64)
		}
	}
}
