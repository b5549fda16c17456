// gort standard library: package text/template (execution).
//
// Execution walks a template's tree with package reflect. Errors unwind by
// panic (ExecError, or writeError for output failures) to Execute's
// recover; {{break}} and {{continue}} unwind to their range loop the same
// way. Error texts follow Go's: "template: NAME:LINE:COL: executing
// \"TMPL\" at <NODE>: MESSAGE".

package template

import (
	"fmt"
	"internal/fmtsort"
	"io"
	"reflect"
	"runtime"
	"strings"
)

// maxExecDepth bounds {{template}} recursion.
const maxExecDepth = 100000

// An ExecError is the custom error type returned when Execute has an error
// evaluating its template.
type ExecError struct {
	Name string // Name of template.
	Err  error  // Pre-formatted error.
}

func (e ExecError) Error() string { return e.Err.Error() }

func (e ExecError) Unwrap() error { return e.Err }

type writeError struct{ Err error }

type variable struct {
	name  string
	value reflect.Value
}

type state struct {
	tmpl  *Template
	wr    io.Writer
	node  node
	vars  []variable
	depth int
}

type missingValType struct{}

var missingVal = reflect.ValueOf(missingValType{})

func isMissing(v reflect.Value) bool { return v.IsValid() && v.Type() == missingVal.Type() }

var zero reflect.Value

type rangeControl int

const (
	walkBreak rangeControl = iota
	walkContinue
)

var (
	errorType        = reflect.TypeOf((*error)(nil)).Elem()
	fmtStringerType  = reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
	reflectValueType = reflect.TypeOf((*reflect.Value)(nil)).Elem()
)

func (s *state) push(name string, value reflect.Value) {
	s.vars = append(s.vars, variable{name, value})
}

func (s *state) mark() int { return len(s.vars) }

func (s *state) pop(mark int) { s.vars = s.vars[:mark] }

func (s *state) setVar(name string, value reflect.Value) {
	for i := s.mark() - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = value
			return
		}
	}
	s.errorf("undefined variable: %s", name)
}

func (s *state) setTopVar(n int, value reflect.Value) { s.vars[len(s.vars)-n].value = value }

func (s *state) varValue(name string) reflect.Value {
	for i := s.mark() - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	s.errorf("undefined variable: %s", name)
	return zero
}

func (s *state) at(n node) { s.node = n }

func doublePercent(str string) string { return strings.ReplaceAll(str, "%", "%%") }

// errorContext returns "parseName:line:col" of node n and its source text.
func (s *state) errorContext(n node) (string, string) {
	t := s.tmpl.tree
	pos := n.position()
	text := t.text
	if pos > len(text) {
		pos = len(text)
	}
	text = text[:pos]
	col := strings.LastIndex(text, "\n")
	if col == -1 {
		col = pos
	} else {
		col = pos - (col + 1)
	}
	line := 1 + strings.Count(text, "\n")
	return fmt.Sprintf("%s:%d:%d", t.parseName, line, col), n.String()
}

func (s *state) errorf(format string, args ...any) {
	name := doublePercent(s.tmpl.Name())
	if s.node == nil {
		format = fmt.Sprintf("template: %s: %s", name, format)
	} else {
		location, context := s.errorContext(s.node)
		format = fmt.Sprintf("template: %s: executing %q at <%s>: %s", location, name, doublePercent(context), format)
	}
	panic(ExecError{Name: s.tmpl.Name(), Err: fmt.Errorf(format, args...)})
}

func (s *state) writeError(err error) { panic(writeError{err}) }

// errRecover turns the panics of execution into the returned error.
func errRecover(errp *error) {
	e := recover()
	if e == nil {
		return
	}
	switch err := e.(type) {
	case runtime.Error:
		panic(e)
	case writeError:
		*errp = err.Err
	case ExecError:
		*errp = err
	case error:
		*errp = err
	default:
		panic(e)
	}
}

// ExecuteTemplate applies the template associated with t that has the
// given name to the specified data object and writes the output to wr.
func (t *Template) ExecuteTemplate(wr io.Writer, name string, data any) error {
	tmpl := t.Lookup(name)
	if tmpl == nil {
		return fmt.Errorf("template: no template %q associated with template %q", name, t.name)
	}
	return tmpl.Execute(wr, data)
}

// Execute applies a parsed template to the specified data object, and
// writes the output to wr.
func (t *Template) Execute(wr io.Writer, data any) error { return t.execute(wr, data) }

func (t *Template) execute(wr io.Writer, data any) (err error) {
	defer errRecover(&err)
	value, ok := data.(reflect.Value)
	if !ok {
		value = reflect.ValueOf(data)
	}
	s := &state{tmpl: t, wr: wr, vars: []variable{{"$", value}}}
	if t.tree == nil || t.tree.root == nil {
		s.errorf("%q is an incomplete or empty template", t.Name())
	}
	s.walk(value, t.tree.root)
	return
}

// DefinedTemplates returns a string listing the defined templates,
// prefixed by the string "; defined templates are: ".
func (t *Template) DefinedTemplates() string {
	if t.common == nil {
		return ""
	}
	var b strings.Builder
	for name, tmpl := range t.tmpl {
		if tmpl.tree == nil || tmpl.tree.root == nil {
			continue
		}
		if b.Len() == 0 {
			b.WriteString("; defined templates are: ")
		} else {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", name)
	}
	return b.String()
}

func (s *state) walk(dot reflect.Value, n node) {
	s.at(n)
	switch n := n.(type) {
	case *actionNode:
		val := s.evalPipeline(dot, n.pipe)
		if len(n.pipe.decl) == 0 {
			s.printValue(n, val)
		}
	case *breakNode:
		panic(walkBreak)
	case *continueNode:
		panic(walkContinue)
	case *commentNode:
	case *branchNode:
		switch n.keyword {
		case "range":
			s.walkRange(dot, n)
		default:
			s.walkIfOrWith(n.keyword, dot, n.pipe, n.list, n.elseList)
		}
	case *listNode:
		for _, c := range n.nodes {
			s.walk(dot, c)
		}
	case *templateNode:
		s.walkTemplate(dot, n)
	case *textNode:
		if _, err := io.WriteString(s.wr, n.text); err != nil {
			s.writeError(err)
		}
	default:
		s.errorf("unknown node: %s", n)
	}
}

func (s *state) walkIfOrWith(keyword string, dot reflect.Value, pipe *pipeNode, list, elseList *listNode) {
	defer s.pop(s.mark())
	val := s.evalPipeline(dot, pipe)
	truth, ok := isTrue(indirectInterface(val))
	if !ok {
		s.errorf("if/with can't use %v", val)
	}
	if truth {
		if keyword == "with" {
			s.walk(val, list)
		} else {
			s.walk(dot, list)
		}
	} else if elseList != nil {
		s.walk(dot, elseList)
	}
}

// IsTrue reports whether the value is 'true', in the sense of not the zero
// of its type, and whether the value has a meaningful truth value.
func IsTrue(val any) (truth, ok bool) { return isTrue(reflect.ValueOf(val)) }

func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return
	}
	return truth, true
}

func (s *state) walkRange(dot reflect.Value, r *branchNode) {
	s.at(r)
	defer func() {
		if e := recover(); e != nil && e != walkBreak {
			panic(e)
		}
	}()
	defer s.pop(s.mark())
	val, _ := indirect(s.evalPipeline(dot, r.pipe))
	mark := s.mark()
	oneIteration := func(index, elem reflect.Value) {
		if len(r.pipe.decl) > 0 {
			s.setTopVar(1, elem)
		}
		if len(r.pipe.decl) > 1 {
			s.setTopVar(2, index)
		}
		defer s.pop(mark)
		defer func() {
			if e := recover(); e != nil && e != walkContinue {
				panic(e)
			}
		}()
		s.walk(elem, r.list)
	}
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		if val.Len() == 0 {
			break
		}
		for i := 0; i < val.Len(); i++ {
			oneIteration(reflect.ValueOf(i), val.Index(i))
		}
		return
	case reflect.Map:
		if val.Len() == 0 {
			break
		}
		om := fmtsort.Sort(val)
		for i, key := range om.Key {
			oneIteration(key, om.Value[i])
		}
		return
	case reflect.Chan:
		if val.IsNil() {
			break
		}
		if val.Type().ChanDir() == reflect.SendDir {
			s.errorf("range over send-only channel %v", val)
			break
		}
		i := 0
		for ; ; i++ {
			elem, ok := val.Recv()
			if !ok {
				break
			}
			oneIteration(reflect.ValueOf(i), elem)
		}
		if i == 0 {
			break
		}
		return
	case reflect.Invalid:
		break
	default:
		s.errorf("range can't iterate over %v", val)
	}
	if r.elseList != nil {
		s.walk(dot, r.elseList)
	}
}

func (s *state) walkTemplate(dot reflect.Value, t *templateNode) {
	s.at(t)
	tmpl := s.tmpl.Lookup(t.name)
	if tmpl == nil {
		s.errorf("template %q not defined", t.name)
	}
	if s.depth == maxExecDepth {
		s.errorf("exceeded maximum template depth (%v)", maxExecDepth)
	}
	dot = s.evalPipeline(dot, t.pipe)
	ns := *s
	ns.depth++
	ns.tmpl = tmpl
	ns.vars = []variable{{"$", dot}}
	ns.walk(dot, tmpl.tree.root)
}

func (s *state) evalPipeline(dot reflect.Value, pipe *pipeNode) (value reflect.Value) {
	if pipe == nil {
		return
	}
	s.at(pipe)
	value = missingVal
	for _, cmd := range pipe.cmds {
		value = s.evalCommand(dot, cmd, value)
		if value.Kind() == reflect.Interface && value.Type().NumMethod() == 0 {
			value = reflect.ValueOf(value.Interface())
		}
	}
	for _, v := range pipe.decl {
		if pipe.isAssign {
			s.setVar(v.ident[0], value)
		} else {
			s.push(v.ident[0], value)
		}
	}
	return value
}

func (s *state) notAFunction(args []node, final reflect.Value) {
	if len(args) > 1 || !isMissing(final) {
		s.errorf("can't give argument to non-function %s", args[0])
	}
}

func (s *state) evalCommand(dot reflect.Value, cmd *commandNode, final reflect.Value) reflect.Value {
	first := cmd.args[0]
	switch n := first.(type) {
	case *fieldNode:
		return s.evalFieldNode(dot, n, cmd.args, final)
	case *chainNode:
		return s.evalChainNode(dot, n, cmd.args, final)
	case *identifierNode:
		return s.evalFunction(dot, n, cmd, cmd.args, final)
	case *pipeNode:
		s.notAFunction(cmd.args, final)
		return s.evalPipeline(dot, n)
	case *variableNode:
		return s.evalVariableNode(dot, n, cmd.args, final)
	}
	s.at(first)
	s.notAFunction(cmd.args, final)
	switch w := first.(type) {
	case *boolNode:
		return reflect.ValueOf(w.val)
	case *dotNode:
		return dot
	case *nilNode:
		s.errorf("nil is not a command")
	case *numberNode:
		return s.idealConstant(w)
	case *stringNode:
		return reflect.ValueOf(w.text)
	}
	s.errorf("can't evaluate command %q", first)
	return zero
}

func (s *state) idealConstant(c *numberNode) reflect.Value {
	s.at(c)
	isRune := len(c.text) > 0 && c.text[0] == '\''
	isHex := len(c.text) > 2 && c.text[0] == '0' && (c.text[1] == 'x' || c.text[1] == 'X') && !strings.ContainsAny(c.text, "pP")
	switch {
	case c.isComplex:
		return reflect.ValueOf(c.complex128)
	case c.isFloat && !isHex && !isRune && strings.ContainsAny(c.text, ".eEpP"):
		return reflect.ValueOf(c.float64)
	case c.isInt:
		n := int(c.int64)
		if int64(n) != c.int64 {
			s.errorf("%s overflows int", c.text)
		}
		return reflect.ValueOf(n)
	case c.isUint:
		s.errorf("%s overflows int", c.text)
	}
	return zero
}

func (s *state) evalFieldNode(dot reflect.Value, field *fieldNode, args []node, final reflect.Value) reflect.Value {
	s.at(field)
	return s.evalFieldChain(dot, dot, field, field.ident, args, final)
}

func (s *state) evalChainNode(dot reflect.Value, chain *chainNode, args []node, final reflect.Value) reflect.Value {
	s.at(chain)
	if _, ok := chain.node.(*nilNode); ok {
		s.errorf("indirection through explicit nil in %s", chain)
	}
	pipe := s.evalArg(dot, nil, chain.node)
	return s.evalFieldChain(dot, pipe, chain, chain.field, args, final)
}

func (s *state) evalVariableNode(dot reflect.Value, v *variableNode, args []node, final reflect.Value) reflect.Value {
	s.at(v)
	value := s.varValue(v.ident[0])
	if len(v.ident) == 1 {
		s.notAFunction(args, final)
		return value
	}
	return s.evalFieldChain(dot, value, v, v.ident[1:], args, final)
}

func (s *state) evalFieldChain(dot, receiver reflect.Value, n node, ident []string, args []node, final reflect.Value) reflect.Value {
	k := len(ident)
	for i := 0; i < k-1; i++ {
		receiver = s.evalField(dot, ident[i], n, nil, missingVal, receiver)
	}
	return s.evalField(dot, ident[k-1], n, args, final, receiver)
}

func (s *state) evalFunction(dot reflect.Value, n *identifierNode, cmd node, args []node, final reflect.Value) reflect.Value {
	s.at(n)
	fn, isBuiltin, ok := findFunction(n.name, s.tmpl)
	if !ok {
		s.errorf("%q is not a defined function", n.name)
	}
	return s.evalCall(dot, fn, isBuiltin, cmd, n.name, args, final)
}

func (s *state) evalField(dot reflect.Value, fieldName string, n node, args []node, final, receiver reflect.Value) reflect.Value {
	if !receiver.IsValid() {
		if s.tmpl.option.missingKey == mapError {
			s.errorf("nil data; no entry for key %q", fieldName)
		}
		return zero
	}
	typ := receiver.Type()
	receiver, isNil := indirect(receiver)
	if receiver.Kind() == reflect.Interface && isNil {
		s.errorf("nil pointer evaluating %s.%s", typ, fieldName)
		return zero
	}
	ptr := receiver
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	if method := ptr.MethodByName(fieldName); method.IsValid() {
		return s.evalCall(dot, method, false, n, fieldName, args, final)
	}
	hasArgs := len(args) > 1 || !isMissing(final)
	switch receiver.Kind() {
	case reflect.Struct:
		tField, ok := receiver.Type().FieldByName(fieldName)
		if ok {
			field, err := receiver.FieldByIndexErr(tField.Index)
			if !tField.IsExported() {
				s.errorf("%s is an unexported field of struct type %s", fieldName, typ)
			}
			if err != nil {
				s.errorf("%v", err)
			}
			if hasArgs {
				s.errorf("%s has arguments but cannot be invoked as function", fieldName)
			}
			return field
		}
	case reflect.Map:
		nameVal := reflect.ValueOf(fieldName)
		if nameVal.Type().AssignableTo(receiver.Type().Key()) {
			if hasArgs {
				s.errorf("%s is not a method but has arguments", fieldName)
			}
			result := receiver.MapIndex(nameVal)
			if !result.IsValid() {
				switch s.tmpl.option.missingKey {
				case mapInvalid:
				case mapZeroValue:
					result = reflect.Zero(receiver.Type().Elem())
				case mapError:
					s.errorf("map has no entry for key %q", fieldName)
				}
			}
			return result
		}
	case reflect.Pointer:
		etyp := receiver.Type().Elem()
		if etyp.Kind() == reflect.Struct {
			if _, ok := etyp.FieldByName(fieldName); !ok {
				break
			}
		}
		if isNil {
			s.errorf("nil pointer evaluating %s.%s", typ, fieldName)
		}
	}
	s.errorf("can't evaluate field %s in type %s", fieldName, typ)
	return zero
}

// goodFunc reports whether a function or method returns one value, or a
// value and an error.
func goodFunc(typ reflect.Type) bool {
	switch {
	case typ.NumOut() == 1:
		return true
	case typ.NumOut() == 2 && typ.Out(1) == errorType:
		return true
	}
	return false
}

func (s *state) evalCall(dot, fun reflect.Value, isBuiltin bool, n node, name string, args []node, final reflect.Value) reflect.Value {
	if args != nil {
		args = args[1:]
	}
	typ := fun.Type()
	numIn := len(args)
	if !isMissing(final) {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			s.errorf("wrong number of args for %s: want at least %d got %d", name, typ.NumIn()-1, len(args))
		}
	} else if numIn != typ.NumIn() {
		s.errorf("wrong number of args for %s: want %d got %d", name, typ.NumIn(), numIn)
	}
	if !goodFunc(typ) {
		s.errorf("can't call method/function %q with %d results", name, typ.NumOut())
	}
	unwrap := func(v reflect.Value) reflect.Value {
		if v.Type() == reflectValueType {
			v = v.Interface().(reflect.Value)
		}
		return v
	}
	if isBuiltin && (name == "and" || name == "or") {
		argType := typ.In(0)
		var v reflect.Value
		for _, arg := range args {
			v = s.evalArg(dot, argType, arg).Interface().(reflect.Value)
			if truth(v) == (name == "or") {
				return v
			}
		}
		if !isMissing(final) {
			v = unwrap(s.validateType(final, argType))
		}
		return v
	}
	argv := make([]reflect.Value, numIn)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		argv[i] = s.evalArg(dot, typ.In(i), args[i])
	}
	if typ.IsVariadic() {
		argType := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			argv[i] = s.evalArg(dot, argType, args[i])
		}
	}
	if !isMissing(final) {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		argv[i] = s.validateType(final, t)
	}
	v, err := safeCall(fun, argv)
	if err != nil {
		s.at(n)
		s.errorf("error calling %s: %w", name, err)
	}
	return unwrap(v)
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}

func (s *state) validateType(value reflect.Value, typ reflect.Type) reflect.Value {
	if !value.IsValid() {
		if typ == nil {
			return reflect.ValueOf(nil)
		}
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.errorf("invalid value; expected %s", typ)
	}
	if typ == reflectValueType && value.Type() != typ {
		return reflect.ValueOf(value)
	}
	if typ != nil && !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value
			}
		}
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			value = value.Elem()
			if !value.IsValid() {
				s.errorf("dereference of nil pointer of type %s", typ)
			}
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			value = value.Addr()
		default:
			s.errorf("wrong type for value; expected %s; got %s", typ, value.Type())
		}
	}
	return value
}

func (s *state) evalArg(dot reflect.Value, typ reflect.Type, n node) reflect.Value {
	s.at(n)
	switch arg := n.(type) {
	case *dotNode:
		return s.validateType(dot, typ)
	case *nilNode:
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.errorf("cannot assign nil to %s", typ)
	case *fieldNode:
		return s.validateType(s.evalFieldNode(dot, arg, []node{n}, missingVal), typ)
	case *variableNode:
		return s.validateType(s.evalVariableNode(dot, arg, nil, missingVal), typ)
	case *pipeNode:
		return s.validateType(s.evalPipeline(dot, arg), typ)
	case *identifierNode:
		return s.validateType(s.evalFunction(dot, arg, arg, nil, missingVal), typ)
	case *chainNode:
		return s.validateType(s.evalChainNode(dot, arg, nil, missingVal), typ)
	}
	switch typ.Kind() {
	case reflect.Bool:
		if b, ok := n.(*boolNode); ok {
			v := reflect.New(typ).Elem()
			v.SetBool(b.val)
			return v
		}
		s.errorf("expected bool; found %s", n)
	case reflect.Complex64, reflect.Complex128:
		if c, ok := n.(*numberNode); ok && c.isComplex {
			v := reflect.New(typ).Elem()
			v.SetComplex(c.complex128)
			return v
		}
		s.errorf("expected complex; found %s", n)
	case reflect.Float32, reflect.Float64:
		if c, ok := n.(*numberNode); ok && c.isFloat {
			v := reflect.New(typ).Elem()
			v.SetFloat(c.float64)
			return v
		}
		s.errorf("expected float; found %s", n)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if c, ok := n.(*numberNode); ok && c.isInt {
			v := reflect.New(typ).Elem()
			v.SetInt(c.int64)
			return v
		}
		s.errorf("expected integer; found %s", n)
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			return s.evalEmptyInterface(dot, n)
		}
	case reflect.Struct:
		if typ == reflectValueType {
			return reflect.ValueOf(s.evalEmptyInterface(dot, n))
		}
	case reflect.String:
		if str, ok := n.(*stringNode); ok {
			v := reflect.New(typ).Elem()
			v.SetString(str.text)
			return v
		}
		s.errorf("expected string; found %s", n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if c, ok := n.(*numberNode); ok && c.isUint {
			v := reflect.New(typ).Elem()
			v.SetUint(c.uint64)
			return v
		}
		s.errorf("expected unsigned integer; found %s", n)
	}
	s.errorf("can't handle %s for arg of type %s", n, typ)
	return zero
}

func (s *state) evalEmptyInterface(dot reflect.Value, n node) reflect.Value {
	s.at(n)
	switch n := n.(type) {
	case *boolNode:
		return reflect.ValueOf(n.val)
	case *dotNode:
		return dot
	case *fieldNode:
		return s.evalFieldNode(dot, n, nil, missingVal)
	case *identifierNode:
		return s.evalFunction(dot, n, n, nil, missingVal)
	case *nilNode:
		s.errorf("evalEmptyInterface: nil (can't happen)")
	case *numberNode:
		return s.idealConstant(n)
	case *stringNode:
		return reflect.ValueOf(n.text)
	case *variableNode:
		return s.evalVariableNode(dot, n, nil, missingVal)
	case *pipeNode:
		return s.evalPipeline(dot, n)
	}
	s.errorf("can't handle assignment of %s to empty interface argument", n)
	return zero
}

// indirect returns the item at the end of indirection, and a bool to
// indicate if it's nil.
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// indirectInterface returns the concrete value in an interface value, or
// else the zero reflect.Value.
func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

func (s *state) printValue(n node, v reflect.Value) {
	s.at(n)
	iface, ok := printableValue(v)
	if !ok {
		s.errorf("can't print %s of type %s", n, v.Type())
	}
	if _, err := fmt.Fprint(s.wr, iface); err != nil {
		s.writeError(err)
	}
}

func printableValue(v reflect.Value) (any, bool) {
	if v.Kind() == reflect.Pointer {
		v, _ = indirect(v)
	}
	if !v.IsValid() {
		return "<no value>", true
	}
	if !v.Type().Implements(errorType) && !v.Type().Implements(fmtStringerType) {
		if v.CanAddr() && (reflect.PointerTo(v.Type()).Implements(errorType) || reflect.PointerTo(v.Type()).Implements(fmtStringerType)) {
			v = v.Addr()
		} else {
			switch v.Kind() {
			case reflect.Chan, reflect.Func:
				return nil, false
			}
		}
	}
	return v.Interface(), true
}
