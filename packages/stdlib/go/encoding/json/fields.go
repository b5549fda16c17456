// gort standard library: package encoding/json (struct fields and tags).
//
// The fields of a struct type as JSON sees them: exported fields and the
// fields promoted from embedded structs (breadth first), named by their tag
// or Go name; among fields with the same name the shallowest wins, then the
// tagged one, and a tie hides them all (Go's documented rules).

package json

import (
	"reflect"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// field is one JSON-visible struct field.
type field struct {
	name      string
	nameBytes []byte // "name": pre-quoted (no HTML escaping) for the encoder
	tag       bool   // the name came from a tag
	index     []int  // path through embedded structs
	typ       reflect.Type
	omitEmpty bool
	quoted    bool // ",string"
}

type structFields struct {
	list   []field
	byName map[string]int
}

var fieldCache sync.Map // reflect.Type → *structFields

// tagOptions is the part of a json tag after the name.
type tagOptions string

func parseTag(tag string) (string, tagOptions) {
	if i := strings.Index(tag, ","); i >= 0 {
		return tag[:i], tagOptions(tag[i+1:])
	}
	return tag, ""
}

// Contains reports whether the comma-separated options contain name.
func (o tagOptions) Contains(name string) bool {
	s := string(o)
	for s != "" {
		var opt string
		if i := strings.Index(s, ","); i >= 0 {
			opt, s = s[:i], s[i+1:]
		} else {
			opt, s = s, ""
		}
		if opt == name {
			return true
		}
	}
	return false
}

// isValidTag reports whether a tag name may be used as a JSON key.
func isValidTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

func cachedFields(t reflect.Type) *structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*structFields)
	}
	sf := typeFields(t)
	fieldCache.Store(t, sf)
	return sf
}

// typeFields computes the JSON fields of struct type t.
func typeFields(t reflect.Type) *structFields {
	type level struct {
		typ   reflect.Type
		index []int
	}
	var fields []field
	current := []level{}
	next := []level{{typ: t}}
	visited := map[reflect.Type]bool{}
	// count: how many times each struct type of the current level was
	// embedded at the level above; nextCount: the same for the next level
	count := map[reflect.Type]int{}
	nextCount := map[reflect.Type]int{}
	for len(next) > 0 {
		current, next = next, nil
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, lv := range current {
			if visited[lv.typ] {
				continue
			}
			visited[lv.typ] = true
			for i := 0; i < lv.typ.NumField(); i++ {
				sf := lv.typ.Field(i)
				if sf.Anonymous {
					et := sf.Type
					if et.Kind() == reflect.Pointer {
						et = et.Elem()
					}
					if !sf.IsExported() && et.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts := parseTag(tag)
				if !isValidTag(name) {
					name = ""
				}
				index := make([]int, len(lv.index)+1)
				copy(index, lv.index)
				index[len(lv.index)] = i
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				quoted := false
				if opts.Contains("string") {
					switch ft.Kind() {
					case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
						reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
						reflect.Float32, reflect.Float64, reflect.String:
						quoted = true
					}
				}
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					tagged := name != ""
					if name == "" {
						name = sf.Name
					}
					f := field{name: name, tag: tagged, index: index, typ: ft, omitEmpty: opts.Contains("omitempty"), quoted: quoted}
					f.nameBytes = append(appendString(nil, f.name, false), ':')
					fields = append(fields, f)
					if count[lv.typ] > 1 {
						// two copies of the same embedded type at this level: the
						// duplicate makes the name ambiguous (it hides itself)
						fields = append(fields, fields[len(fields)-1])
					}
					continue
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, level{typ: ft, index: index})
				}
			}
		}
	}
	sort.SliceStable(fields, func(i, j int) bool {
		a, b := fields[i], fields[j]
		if a.name != b.name {
			return a.name < b.name
		}
		if len(a.index) != len(b.index) {
			return len(a.index) < len(b.index)
		}
		if a.tag != b.tag {
			return a.tag
		}
		return indexLess(a.index, b.index)
	})
	out := fields[:0:0]
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].name == fields[i].name {
			j++
		}
		group := fields[i:j]
		if len(group) == 1 || len(group[0].index) != len(group[1].index) || group[0].tag != group[1].tag {
			out = append(out, group[0])
		}
		i = j
	}
	sort.Slice(out, func(i, j int) bool { return indexLess(out[i].index, out[j].index) })
	byName := make(map[string]int, len(out))
	for i, f := range out {
		byName[f.name] = i
	}
	return &structFields{out, byName}
}

func indexLess(a, b []int) bool {
	for k, x := range a {
		if k >= len(b) {
			return false
		}
		if x != b[k] {
			return x < b[k]
		}
	}
	return len(a) < len(b)
}

// lookup finds the field for JSON key key: the exact name, else the first
// case-insensitive match.
func (sf *structFields) lookup(key string) *field {
	if i, ok := sf.byName[key]; ok {
		return &sf.list[i]
	}
	for i := range sf.list {
		if strings.EqualFold(sf.list[i].name, key) {
			return &sf.list[i]
		}
	}
	return nil
}
