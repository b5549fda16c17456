// text/template: actions, pipelines, variables, range/with/if/else, break and
// continue, FuncMap, comparison and escaping functions, and error messages.
package main

import (
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Item struct {
	Name  string
	Price float64
	Tags  []string
	Stock map[string]int
}

func (i Item) Total(n int) float64 { return i.Price * float64(n) }
func (i *Item) Upper() string      { return strings.ToUpper(i.Name) }

func main() {
	const src = `Hello {{.User}}!
{{range $i, $it := .Items -}}
  {{$i}}: {{$it.Name | printf "%-8s"}} {{printf "%.2f" .Price}} x3={{.Total 3}} tags={{len .Tags}}{{if .Tags}} [{{join .Tags ", "}}]{{else}} none{{end}}
{{end -}}
{{with .Missing}}never{{else}}no missing{{end}}
{{define "foot"}}-- {{.}} --{{end}}{{template "foot" "bye"}}
{{- /* a comment */ -}}
{{if and .User (gt (len .Items) 1)}} many{{end}} {{or "" "fallback"}} {{not true}} {{eq 1 2 1}} {{ne "a" "b"}} {{lt 1 2.5 | print}}
{{index .Items 1 | printf "%v"}} {{(index .Items 0).Name}} {{index .M "k"}} {{slice "abcdef" 1 3}}
{{html "<a href='x'>&</a>"}} {{js "it's \"q\" <b>"}} {{urlquery "a b&c=d/é"}}
{{$x := 5}}{{$x}} {{$x = 7}}{{$x}} {{print 1 2 "s" 3}} {{println "ln"}}{{.User | len}}
{{range .Empty}}x{{else}}empty range{{end}} {{range $k, $v := .M}}{{$k}}={{$v}};{{end}}
{{range .Items}}{{if eq .Name "b"}}{{break}}{{end}}{{.Name}}{{end}} {{range .Items}}{{if eq .Name "a"}}{{continue}}{{end}}{{.Name}}{{end}}
{{block "blk" .User}}block:{{.}}{{end}} {{'a'}} {{1.5}} {{0x10}} {{-3}} {{1e3}} {{true}} {{"str"}}
{{with $u := .User}}{{$u}}{{end}} {{$.User}} {{.Ptr.Upper}} {{.Ptr}}
`
	funcs := template.FuncMap{"join": strings.Join}
	t := template.Must(template.New("main").Funcs(funcs).Parse(src))
	data := map[string]any{
		"User":  "ann",
		"Items": []Item{{"a", 1.5, []string{"x", "y"}, nil}, {"b", 2, nil, nil}, {"c", 3, nil, nil}},
		"M":     map[string]int{"k": 1, "a": 0},
		"Empty": []int{},
		"Ptr":   &Item{Name: "ptr"},
	}
	if err := t.Execute(os.Stdout, data); err != nil {
		fmt.Println("ERR", err)
	}
	errs := []string{
		`{{.Nope.X}}`, `{{.User.Bad}}`, `{{index .Items 9}}`, `{{len 3}}`, `{{.User 1}}`, `{{template "zz"}}`,
		`{{nofunc 1}}`, `{{$y}}`, `{{if}}{{end}}`, `{{range .Items}}`, `{{end}}`, `{{.Items.Name}}`, `{{printf "%d" "x"}}`,
		"line1\n  {{.Ptr.Total}}", `{{lt 1 "a"}}`, `{{"unterminated}}`, `{{3 | printf "%d"}}`, `{{1 | 2}}`, `{{.Ptr.private}}`,
	}
	for _, e := range errs {
		tt, err := template.New("e").Funcs(funcs).Parse(e)
		if err != nil {
			fmt.Println("parse:", err)
			continue
		}
		var sb strings.Builder
		err = tt.Execute(&sb, data)
		fmt.Printf("exec: %q %v\n", sb.String(), err)
	}
}
