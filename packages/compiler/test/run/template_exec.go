// text/template: define/template/block, else-if chains, methods with variadic
// args and errors, call, missingkey options, Delims, Clone, and parse/exec errors.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"text/template"
)

type User struct {
	Name   string
	Age    int
	Admin  bool
	Emails []string
	Meta   map[string]any
	Boss   *User
}

func (u User) Greeting(prefix string, rest ...string) string {
	return prefix + " " + u.Name + strings.Join(rest, "")
}
func (u User) Fail() (string, error) { return "", errors.New("boom") }
func (u *User) String() string       { return "User(" + u.Name + ")" }

func main() {
	boss := &User{Name: "Big", Age: 60}
	u := User{Name: "Ann", Age: 31, Emails: []string{"a@x", "b@y"}, Meta: map[string]any{"team": map[string]int{"size": 4}, "n": nil}, Boss: boss}
	tpl := `{{- define "row" -}}<{{.}}>{{- end -}}
{{- define "user" }}{{.Name}} ({{.Age}}){{if .Admin}} admin{{else if gt .Age 50}} senior{{else if gt .Age 30}} mid{{else}} junior{{end}}{{end -}}
A: {{template "user" .}} / {{template "user" .Boss}}
B: {{range $i, $e := .Emails}}{{if $i}}, {{end}}{{template "row" $e}}{{end}}
C: {{.Meta.team.size}} {{.Meta.n}} {{.Meta.missing}} {{index .Meta "team" | len}}
D: {{.Greeting "hi"}} | {{.Greeting "yo" "!" "?"}} | {{"pipe" | .Greeting "x"}}
E: {{.Boss}} {{.Boss.Name}} {{with .Boss}}{{.Age}}{{end}} {{.Boss.Boss}}
F: {{call .Fn 3 4}} {{printf "%05.1f|%x|%q" 3.14159 255 "q"}} {{print nil}} {{len .Emails | printf "%d emails"}}
G:   {{- "trimmed" -}}   .
H: {{range $k, $v := .Counts}}{{$k}}:{{$v}} {{end}}{{range .Ch}}{{.}}{{end}}
I: {{if not .Admin}}not admin{{end}} {{and 1 0 "x"}} {{or 0 "" nil}} {{and}}
`
	t, err := template.New("page").Funcs(template.FuncMap{"and": func() string { return "shadowed" }}).Parse(tpl)
	if err != nil {
		fmt.Println(err)
		return
	}
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	data := map[string]any{}
	_ = data
	type D struct {
		User
		Fn     func(a, b int) int
		Counts map[int]string
		Ch     chan int
	}
	err = t.Execute(os.Stdout, D{u, func(a, b int) int { return a * b }, map[int]string{3: "c", 1: "a", 2: "b"}, ch})
	fmt.Println("err:", err)
	fmt.Println(t.Lookup("row") != nil, t.Lookup("nope") == nil, len(t.Templates()))
	t.ExecuteTemplate(os.Stdout, "row", 42)
	fmt.Println()
	fmt.Println(t.ExecuteTemplate(os.Stdout, "zzz", nil))
	err = template.Must(template.New("f").Parse(`{{.Fail}}`)).Execute(os.Stdout, u)
	fmt.Println(err)
	var ee template.ExecError
	fmt.Println(errors.As(err, &ee), ee.Name)
	m := template.Must(template.New("mk").Option("missingkey=error").Parse(`{{.a}} {{.b}}`))
	fmt.Println(m.Execute(os.Stdout, map[string]int{"a": 1}))
	z := template.Must(template.New("mz").Option("missingkey=zero").Parse(`{{.a}} {{.b}}`))
	fmt.Println(z.Execute(os.Stdout, map[string]int{"a": 1}))
	dl := template.Must(template.New("dl").Delims("<<", ">>").Parse(`<<.>> {{.}} <<- " x " ->>!`))
	fmt.Println(dl.Execute(os.Stdout, "v"))
	c, _ := t.Clone()
	template.Must(c.New("row").Parse(`[{{.}}]`))
	c.ExecuteTemplate(os.Stdout, "row", 1)
	t.ExecuteTemplate(os.Stdout, "row", 1)
	fmt.Println()
	for _, src := range []string{"a\n{{if .}}\nb\n{{else}}\n{{end}}\n{{end}}", "x\n\n{{.A | }}", "{{range $a, $b, $c := .}}{{end}}", "{{with}}", "{{define \"a\"}}{{end}", "{{/* unclosed", "{{ .X  .Y }}{{ .X ( }}", "{{break}}", "{{$x := 1}}{{$x.y.z}}", "{{3.x}}", "{{@}}", "{{template .X}}", "{{.X}}{{end}}", "{{else}}", "{{range .}}{{else}}{{else}}{{end}}"} {
		_, err := template.New("bad").Parse(src)
		fmt.Println(err)
	}
	for _, src := range []string{`{{.Name.X}}`, `{{index .Emails "a"}}`, `{{.Emails 1}}`, `{{template "r" .}}{{define "r"}}{{.Nope}}{{end}}`, `{{nil}}`, `{{if .Ch}}{{end}}{{range 5}}{{end}}`, `{{.Boss.Boss.Name}}`, `{{slice .Emails 2 1}}`, `{{.Fn}}`} {
		var sb strings.Builder
		err := template.Must(template.New("x").Parse(src)).Execute(&sb, D{User: u, Fn: func(a, b int) int { return a }})
		fmt.Printf("%q %v\n", sb.String(), err)
	}
}
