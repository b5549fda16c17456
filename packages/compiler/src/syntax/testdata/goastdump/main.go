// Command goastdump is a test helper (run by ../../goast.test.ts): it reads
// file names on stdin and prints, per file, "name<TAB>json" where json is the
// go/parser AST converted to gort's ast.ts shape (camelCase fields, kind =
// go/ast type name, token.Pos as plain numbers, tokens as strings). With
// COMMENTS=1 comments and doc/line comment fields are included.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"strings"
	"unicode"
)

var skip = map[string]bool{"Obj": true, "Scope": true, "Unresolved": true, "Comments": true, "Doc": true, "Comment": true}
var withComments = os.Getenv("COMMENTS") == "1"

func lc(s string) string {
	r := []rune(s)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

func conv(v reflect.Value) interface{} {
	switch v.Kind() {
	case reflect.Ptr, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return conv(v.Elem())
	case reflect.Slice:
		out := []interface{}{}
		for i := 0; i < v.Len(); i++ {
			out = append(out, conv(v.Index(i)))
		}
		return out
	case reflect.Struct:
		t := v.Type()
		m := map[string]interface{}{"kind": t.Name()}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name := f.Name
			if skip[name] && !(withComments && (name == "Doc" || name == "Comment" || name == "Comments")) {
				continue
			}
			fv := v.Field(i)
			key := lc(name)
			switch {
			case name == "NamePos" || name == "ValuePos":
				key = "pos"
			case name == "Kind" && t.Name() == "BasicLit":
				key = "litKind"
				m[key] = fv.Interface().(token.Token).String()
				continue
			case name == "Dir" && t.Name() == "ChanType":
				d := fv.Interface().(ast.ChanDir)
				s := "BOTH"
				if d == ast.SEND {
					s = "SEND"
				} else if d == ast.RECV {
					s = "RECV"
				}
				m[key] = s
				continue
			}
			if fv.Type() == reflect.TypeOf(token.Pos(0)) {
				m[key] = int(fv.Int())
				continue
			}
			if fv.Type() == reflect.TypeOf(token.Token(0)) {
				m[key] = fv.Interface().(token.Token).String()
				continue
			}
			m[key] = conv(fv)
		}
		return m
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int:
		return v.Int()
	}
	return fmt.Sprintf("<%s>", v.Kind())
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for sc.Scan() {
		fn := strings.TrimSpace(sc.Text())
		fset := token.NewFileSet()
		mode := parser.SkipObjectResolution
		if withComments {
			mode |= parser.ParseComments
		}
		f, err := parser.ParseFile(fset, fn, nil, mode)
		if err != nil {
			fmt.Fprintf(w, "%s\tERROR\n", fn)
			continue
		}
		b, _ := json.Marshal(conv(reflect.ValueOf(f)))
		fmt.Fprintf(w, "%s\t%s\n", fn, b)
	}
}
