//go:build ignore

// Differential test: gort's text/template against Go's on a table of
// template sources (actions, pipelines, variables, control structures,
// functions, whitespace trimming, comments, delimiters, parse errors and
// execution errors) executed over the same data; output and error texts
// must be equal. Random templates are then assembled from fragments.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"regexp"
	"strconv"
	"strings"
	"text/template"

	otemplate "gortstd/text/template"
)

var fails int

var addr = regexp.MustCompile(`0xc[0-9a-f]{9}`)

func check(what string, got, want string) {
	// heap addresses differ between the two runs
	got, want = addr.ReplaceAllString(got, "0xADDR"), addr.ReplaceAllString(want, "0xADDR")
	if got != want {
		fails++
		if fails < 25 {
			fmt.Printf("%s:\n got  %q\n want %q\n", what, got, want)
		}
	}
}

type Inner struct {
	V    int
	S    string
	Ptr  *Inner
	List []int
}

func (i Inner) Double() int             { return i.V * 2 }
func (i *Inner) PtrMethod() string      { return "pm:" + i.S }
func (i Inner) Add(a, b int) int        { return i.V + a + b }
func (i Inner) Err(fail bool) (int, error) {
	if fail {
		return 0, errors.New("failed")
	}
	return 1, nil
}
func (i Inner) Variadic(p string, xs ...int) string { return p + fmt.Sprint(xs) }

type Data struct {
	Name    string
	N       int
	U       uint8
	F       float64
	B       bool
	Nil     *Inner
	In      Inner
	PIn     *Inner
	Map     map[string]int
	IMap    map[int]string
	AnyMap  map[string]any
	Slice   []string
	Empty   []int
	Iface   any
	NilIfac any
	Fn      func(int) int
	Ch      chan int
	Err     error
	private int
}

func data() Data {
	in := Inner{V: 3, S: "in", List: []int{1, 2, 3}}
	in.Ptr = &Inner{V: 9, S: "deep"}
	return Data{
		Name: "gort", N: 42, U: 200, F: 2.5, B: true, In: in, PIn: &in,
		Map: map[string]int{"b": 2, "a": 1, "c": 3}, IMap: map[int]string{3: "three", -1: "neg", 10: "ten"},
		AnyMap: map[string]any{"x": []int{1}, "y": map[string]string{"k": "v"}, "z": nil},
		Slice:  []string{"p", "q", "r"}, Empty: []int{}, Iface: 7, Fn: func(x int) int { return x + 1 },
		Err: errors.New("an error"), private: 1,
	}
}

var sources = []string{
	`plain text`, `{{.Name}}`, `{{.N}} {{.U}} {{.F}} {{.B}}`, `{{.Nil}}`, `{{.In}}`, `{{.PIn}}`, `{{.PIn.Ptr.S}}`,
	`{{.Map}}`, `{{.Map.a}}`, `{{.Map.zz}}`, `{{.IMap}}`, `{{.AnyMap.y.k}}`, `{{.AnyMap.z}}`, `{{.AnyMap.z.q}}`,
	`{{.Slice}}`, `{{index .Slice 1}}`, `{{index .Slice 5}}`, `{{index .Map "b"}}`, `{{index .Map "nope"}}`, `{{index .IMap 3}}`,
	`{{index .AnyMap "y" "k"}}`, `{{index .In.List -1}}`, `{{index .Name 0}}`, `{{index nil 1}}`, `{{index .N 1}}`,
	`{{slice .Slice 1}}`, `{{slice .Slice 1 2}}`, `{{slice .Slice 0 1 2}}`, `{{slice .Name 1 3}}`, `{{slice .Name 1 2 3}}`, `{{slice .N}}`,
	`{{len .Slice}} {{len .Map}} {{len .Name}} {{len .Empty}}`, `{{len .N}}`, `{{len .Nil}}`,
	`{{.In.Double}} {{.In.Add 1 2}} {{.PIn.PtrMethod}} {{.In.PtrMethod}}`, `{{.In.Add 1}}`, `{{.In.Err false}}`, `{{.In.Err true}}`,
	`{{.In.Variadic "a"}} {{.In.Variadic "b" 1 2}} {{3 | .In.Variadic "c" 1}}`, `{{.In.Double 1}}`, `{{.Name.Foo}}`, `{{.private}}`,
	`{{.Missing}}`, `{{.Nil.V}}`, `{{.NilIfac.V}}`, `{{.Iface}}`, `{{.Fn}}`, `{{call .Fn 2}}`, `{{call .Fn}}`, `{{call .N}}`, `{{call nil}}`,
	`{{.Err}}`, `{{.Ch}}`, `{{printf "%d-%s-%v-%5.2f-%x" 1 "s" .B 3.14159 "hex"}}`, `{{print 1 2 "a" "b" 3}}`, `{{println 1 "x"}}`,
	`{{printf "%T" .In}}`, `{{printf "%v" nil}}`, `{{html .Name "<>" 1}}`, `{{js "a'b\"c<d>" 2}}`, `{{urlquery "a b&c" "/?"}}`,
	`{{if .B}}yes{{end}}`, `{{if .Empty}}y{{else}}n{{end}}`, `{{if .Nil}}y{{else if .N}}n{{else}}z{{end}}`, `{{if 0}}a{{else if ""}}b{{else if nil}}c{{else}}d{{end}}`,
	`{{with .In}}{{.V}}{{end}}`, `{{with .Empty}}x{{else}}empty{{end}}`, `{{with $x := .N}}{{$x}}{{$}}{{end}}`,
	`{{range .Slice}}[{{.}}]{{end}}`, `{{range $i, $s := .Slice}}{{$i}}={{$s}} {{end}}`, `{{range $k, $v := .Map}}{{$k}}{{$v}}{{end}}`,
	`{{range .IMap}}{{.}},{{end}}`, `{{range .Empty}}x{{else}}none{{end}}`, `{{range .Nil}}x{{else}}nilr{{end}}`, `{{range .N}}{{end}}`,
	`{{range $i, $e := .In.List}}{{if eq $e 2}}{{continue}}{{end}}{{$e}}{{end}}`, `{{range .In.List}}{{if gt . 1}}{{break}}{{end}}{{.}}{{end}}`,
	`{{$x := 1}}{{range .Slice}}{{$x = 2}}{{end}}{{$x}}`, `{{$x := "a"}}{{with .N}}{{$x := "b"}}{{$x}}{{end}}{{$x}}`,
	`{{and 1 2}} {{and 0 2}} {{or 0 ""}} {{or 0 3}} {{not 0}} {{not .In}}`, `{{and}}`, `{{not}}`, `{{and .Nil .Nil.V}}`, `{{or .N .Nil.V}}`,
	`{{eq 1 1}} {{eq 1 2 3 1}} {{eq "a" "a"}} {{eq .U 200}} {{eq .Nil nil}} {{eq .In .In}}`, `{{eq 1 "a"}}`, `{{eq}}`, `{{eq .Slice .Slice}}`,
	`{{ne 1 2}} {{lt 1 2}} {{le 2 2}} {{gt 2.5 1.5}} {{ge "b" "a"}} {{lt -1 .U}}`, `{{lt true false}}`, `{{lt 1 1.5}}`, `{{lt .Map .Map}}`,
	`{{1}} {{1.5}} {{1e3}} {{0x1F}} {{'a'}} {{-7}} {{"s"}} {{true}} {{1i}}`, `{{99999999999999999999}}`, `{{0x1p-2}}`, `{{nil}}`,
	`{{.N | printf "%d!"}}`, `{{"x" | printf "%s%s" "y"}}`, `{{. | len}}`, `{{(len .Slice) | print}}`, `{{(.In).V}}`, `{{(index .Slice 0).X}}`,
	`a {{- " b " -}} c`, "a\n {{- .N}}\n", "{{.N -}}\n\n b", `{{/* comment */}}x`, `{{- /* trimmed */ -}} y`, `x {{/* c */ -}} y`,
	`{{define "T"}}T({{.}}){{end}}{{template "T" .N}}{{template "T"}}`, `{{block "B" .Name}}b:{{.}}{{end}}`, `{{template "nope"}}`,
	`{{define "R"}}{{if .}}{{.}}{{template "R" (slice . 1)}}{{end}}{{end}}{{template "R" "abc"}}`,
	`{{.In.List.X}}`, `{{.Map.a.b}}`, `{{$}}`, `{{$.Name}}`, `{{$.In.Ptr.Ptr.V}}`, `{{.In.Ptr.Ptr.S}}`,
	// parse errors
	`{{`, `{{.Name`, `{{.Name}`, `{{end}}`, `{{else}}`, `{{if}}`, `{{if .B}}`, `{{range}}{{end}}`, `{{nosuch}}`, `{{$u}}`,
	`{{.A | 1}}`, `{{"unterminated}}`, "{{`raw}}", `{{'ab'}}`, `{{1a}}`, `{{.A.}}`, `{{(1}}`, `{{1)}}`, `{{define}}`, `{{define "x"}}`,
	`{{template}}`, `{{template 1}}`, `{{with}}{{end}}`, `{{$x := 1 2}}`, `{{$x, $y := .}}`, `{{range $a, $b, $c := .}}{{end}}`,
	`{{break}}`, `{{range .}}{{break 1}}{{end}}`, `{{/* x`, `{{/* x */ y}}`, `{{.X:=1}}`, `{{#}}`, `{{if .A}}{{else}}{{else}}{{end}}`,
	"{{if .A}}\n\n{{.B}", "line\n{{.A\n}}", `{{3.x}}`, `{{"a".b}}`, `{{nil.x}}`, `{{true.x}}`, `{{.X | "s"}}`,
}

// fragments for random templates
var frags = []string{"x", " ", "\n", "{{.N}}", "{{.Name}}", "{{if .B}}", "{{if .Nil}}", "{{else}}", "{{end}}", "{{range .Slice}}", "{{.}}",
	"{{with .In}}", "{{.V}}", "{{- ", " -}}", "{{$v := .N}}", "{{$v}}", "{{printf \"%d\" .N}}", "{{len .Map}}", "{{index .Slice 2}}",
	"{{/* c */}}", "{{template \"t\" .}}", "{{define \"t\"}}", "{{block \"b\" .}}", "{{break}}", "{{continue}}", "}}", "{{", "{{.Map.a}}",
	"{{eq .N 42}}", "{{lt .N 1}}", "{{.In.Add 1 2}}", "{{range $i, $e := .In.List}}", "{{$i}}", "{{$e}}", "{{not .B}}", "{{.Missing}}"}

func run(src string, delims bool) (string, string) {
	t := template.New("t1").Funcs(template.FuncMap{"up": strings.ToUpper})
	if delims {
		t.Delims("<<", ">>")
	}
	var out bytes.Buffer
	_, err := t.Parse(src)
	if err == nil {
		err = t.Execute(&out, data())
	}
	e := "<nil>"
	if err != nil {
		e = err.Error()
	}
	return out.String(), e
}

func orun(src string, delims bool) (string, string) {
	t := otemplate.New("t1").Funcs(otemplate.FuncMap{"up": strings.ToUpper})
	if delims {
		t.Delims("<<", ">>")
	}
	var out strings.Builder
	_, err := t.Parse(src)
	if err == nil {
		err = t.Execute(&out, data())
	}
	e := "<nil>"
	if err != nil {
		e = err.Error()
	}
	return out.String(), e
}

func main() {
	n := 3000
	if s := os.Getenv("GORTSTD_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	for _, src := range sources {
		wo, we := run(src, false)
		go_, ge := orun(src, false)
		check("output of "+src, go_, wo)
		check("error of "+src, ge, we)
		d := strings.NewReplacer("{{", "<<", "}}", ">>").Replace(src)
		wo, we = run(d, true)
		go_, ge = orun(d, true)
		check("delims output of "+d, go_, wo)
		check("delims error of "+d, ge, we)
	}
	seed := int64(1)
	if s := os.Getenv("GORTSTD_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	r := rand.New(rand.NewSource(seed))
	for i := 0; i < n; i++ {
		var b strings.Builder
		for k := r.Intn(12); k > 0; k-- {
			b.WriteString(frags[r.Intn(len(frags))])
		}
		src := b.String()
		wo, we := run(src, false)
		go_, ge := orun(src, false)
		check("random output of "+src, go_, wo)
		check("random error of "+src, ge, we)
	}
	if fails > 0 {
		fmt.Printf("template: %d mismatches\n", fails)
		os.Exit(1)
	}
	fmt.Println("template: ok")
}
