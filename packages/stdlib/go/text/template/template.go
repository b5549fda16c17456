// gort standard library: package text/template.
//
// Package template implements data-driven templates for generating textual
// output (Go 1.19's text/template API, written for gort): lex.go scans,
// parse.go builds trees, exec.go walks them with package reflect, funcs.go
// holds the predefined functions. See HACKING.md.

package template

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
)

// common holds the information shared by related templates.
type common struct {
	tmpl       map[string]*Template
	muTmpl     sync.RWMutex
	option     option
	muFuncs    sync.RWMutex
	parseFuncs FuncMap
	execFuncs  map[string]reflect.Value
}

// Template is the representation of a parsed template.
type Template struct {
	name string
	tree *tree
	*common
	leftDelim  string
	rightDelim string
}

// missingKeyAction defines how to respond to indexing a map with a key
// that is not present.
type missingKeyAction int

const (
	mapInvalid   missingKeyAction = iota // Return an invalid reflect.Value.
	mapZeroValue                         // Return the zero value for the map element.
	mapError                             // Error out
)

type option struct {
	missingKey missingKeyAction
}

// New allocates a new, undefined template with the given name.
func New(name string) *Template {
	t := &Template{name: name}
	t.init()
	return t
}

// Name returns the name of the template.
func (t *Template) Name() string { return t.name }

// New allocates a new, undefined template associated with the given one
// and with the same delimiters.
func (t *Template) New(name string) *Template {
	t.init()
	nt := &Template{name: name, common: t.common, leftDelim: t.leftDelim, rightDelim: t.rightDelim}
	return nt
}

func (t *Template) init() {
	if t.common == nil {
		c := new(common)
		c.tmpl = make(map[string]*Template)
		c.parseFuncs = make(FuncMap)
		c.execFuncs = make(map[string]reflect.Value)
		t.common = c
	}
}

// Clone returns a duplicate of the template, including all associated
// templates.
func (t *Template) Clone() (*Template, error) {
	nt := t.copy(nil)
	nt.init()
	if t.common == nil {
		return nt, nil
	}
	t.muTmpl.RLock()
	defer t.muTmpl.RUnlock()
	for k, v := range t.tmpl {
		if k == t.name {
			nt.tmpl[t.name] = nt
			continue
		}
		nt.tmpl[k] = v.copy(nt.common)
	}
	t.muFuncs.RLock()
	defer t.muFuncs.RUnlock()
	for k, v := range t.parseFuncs {
		nt.parseFuncs[k] = v
	}
	for k, v := range t.execFuncs {
		nt.execFuncs[k] = v
	}
	nt.option = t.option
	return nt, nil
}

func (t *Template) copy(c *common) *Template {
	return &Template{name: t.name, tree: t.tree, common: c, leftDelim: t.leftDelim, rightDelim: t.rightDelim}
}

// Templates returns a slice of defined templates associated with t.
func (t *Template) Templates() []*Template {
	if t.common == nil {
		return nil
	}
	t.muTmpl.RLock()
	defer t.muTmpl.RUnlock()
	m := make([]*Template, 0, len(t.tmpl))
	for _, v := range t.tmpl {
		m = append(m, v)
	}
	return m
}

// Delims sets the action delimiters to the specified strings.
func (t *Template) Delims(left, right string) *Template {
	t.init()
	t.leftDelim = left
	t.rightDelim = right
	return t
}

// Funcs adds the elements of the argument map to the template's function
// map. It panics if a value in the map is not a function with appropriate
// return type or if the name cannot be used syntactically as a function.
func (t *Template) Funcs(funcMap FuncMap) *Template {
	t.init()
	t.muFuncs.Lock()
	defer t.muFuncs.Unlock()
	addValueFuncs(t.execFuncs, funcMap)
	addFuncs(t.parseFuncs, funcMap)
	return t
}

// Lookup returns the template with the given name that is associated with
// t. It returns nil if there is no such template or the template has no
// definition.
func (t *Template) Lookup(name string) *Template {
	if t.common == nil {
		return nil
	}
	t.muTmpl.RLock()
	defer t.muTmpl.RUnlock()
	return t.tmpl[name]
}

// Option sets options for the template: "missingkey=default" or
// "missingkey=invalid", "missingkey=zero", "missingkey=error".
func (t *Template) Option(opt ...string) *Template {
	t.init()
	for _, s := range opt {
		t.setOption(s)
	}
	return t
}

func (t *Template) setOption(opt string) {
	if opt == "" {
		panic("empty option string")
	}
	if key, value, ok := strings.Cut(opt, "="); ok {
		switch key {
		case "missingkey":
			switch value {
			case "invalid", "default":
				t.option.missingKey = mapInvalid
				return
			case "zero":
				t.option.missingKey = mapZeroValue
				return
			case "error":
				t.option.missingKey = mapError
				return
			}
		}
	}
	panic("unrecognized option: " + opt)
}

// Must is a helper that wraps a call to a function returning (*Template,
// error) and panics if the error is non-nil.
func Must(t *Template, err error) *Template {
	if err != nil {
		panic(err)
	}
	return t
}

// Parse parses text as a template body for t. Named template definitions
// ({{define ...}} or {{block ...}} statements) in text define additional
// templates associated with t and are removed from the definition of t
// itself.
func (t *Template) Parse(text string) (*Template, error) {
	t.init()
	t.muFuncs.RLock()
	trees := make(map[string]*tree)
	err := parseTemplate(t.name, text, t.leftDelim, t.rightDelim, trees, t.parseFuncs, builtins())
	t.muFuncs.RUnlock()
	if err != nil {
		return nil, err
	}
	for name, tr := range trees {
		t.addParseTree(name, tr)
	}
	return t, nil
}

// addParseTree associates tree tr with the template called name.
func (t *Template) addParseTree(name string, tr *tree) *Template {
	t.init()
	t.muTmpl.Lock()
	defer t.muTmpl.Unlock()
	nt := t
	if name != t.name {
		nt = t.New(name)
	}
	if t.associate(nt, tr) || nt.tree == nil {
		nt.tree = tr
	}
	return nt
}

// associate installs the new template into the group of templates
// associated with t, unless it would replace a definition with an empty one.
func (t *Template) associate(nt *Template, tr *tree) bool {
	if nt.common != t.common {
		panic("internal error: associate not common")
	}
	if old := t.tmpl[nt.name]; old != nil && isEmptyTree(tr.root) && old.tree != nil {
		return false
	}
	t.tmpl[nt.name] = nt
	return true
}

// ParseFiles creates a new Template and parses the template definitions
// from the named files.
func ParseFiles(filenames ...string) (*Template, error) { return parseFiles(nil, filenames...) }

// ParseFiles parses the named files and associates the resulting templates
// with t.
func (t *Template) ParseFiles(filenames ...string) (*Template, error) {
	t.init()
	return parseFiles(t, filenames...)
}

func parseFiles(t *Template, filenames ...string) (*Template, error) {
	if len(filenames) == 0 {
		return nil, fmt.Errorf("template: no files named in call to ParseFiles")
	}
	for _, filename := range filenames {
		b, err := os.ReadFile(filename)
		if err != nil {
			return nil, err
		}
		s := string(b)
		name := filepath.Base(filename)
		var tmpl *Template
		if t == nil {
			t = New(name)
		}
		if name == t.Name() {
			tmpl = t
		} else {
			tmpl = t.New(name)
		}
		if _, err := tmpl.Parse(s); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// ParseGlob creates a new Template and parses the template definitions
// from the files identified by the pattern (filepath.Match syntax).
func ParseGlob(pattern string) (*Template, error) { return parseGlob(nil, pattern) }

// ParseGlob parses the template definitions in the files identified by the
// pattern and associates the resulting templates with t.
func (t *Template) ParseGlob(pattern string) (*Template, error) {
	t.init()
	return parseGlob(t, pattern)
}

func parseGlob(t *Template, pattern string) (*Template, error) {
	filenames, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	if len(filenames) == 0 {
		return nil, fmt.Errorf("template: pattern matches no files: %#q", pattern)
	}
	return parseFiles(t, filenames...)
}
