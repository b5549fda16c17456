// Reflection over structs: fields, tags, embedding, methods, type names and
// fmt's %T / %#v / %v of named types, plus the Value constructors and
// setters (New, Zero, Indirect, Make*, Append, Copy, Convert, DeepEqual,
// Swapper).
package main

import (
	"fmt"
	"reflect"
	"sort"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Base struct {
	ID      int `json:"id" db:"pk"`
	created string
}

func (b Base) Ident() int { return b.ID }

type Labels map[string]string

type Reading struct {
	Base
	*Extra
	Temp    Celsius            `json:"temp,omitempty" unit:"C"`
	Tags    []string           `json:"tags"`
	Labels  Labels             `json:"labels"`
	Ch      chan<- int         `json:"-"`
	Fn      func(int) error    `json:"fn"`
	Matrix  [2][3]int8         `json:"matrix"`
	Any     any                `json:"any"`
	Nested  struct{ A, B int } `json:"nested"`
	private bool
}

type Extra struct{ Note string }

func (r *Reading) Reset()          { r.Temp = 0 }
func (r Reading) Describe() string { return fmt.Sprint(r.ID, " ", r.Temp) }

type Stringer interface{ String() string }

func main() {
	r := Reading{Base: Base{7, "today"}, Temp: 21.5, Tags: []string{"a"}, Labels: Labels{"k": "v"}, Matrix: [2][3]int8{{1, 2, 3}}, Any: 3}
	t := reflect.TypeOf(r)
	fmt.Println(t, t.Name(), t.Kind(), t.NumField(), t.Size() > 0, t.PkgPath())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		j, ok := f.Tag.Lookup("json")
		fmt.Printf("%d %-7s %-22v anon=%-5v exported=%-5v json=%q(%v) unit=%q idx=%v\n", i, f.Name, f.Type, f.Anonymous, f.IsExported(), j, ok, f.Tag.Get("unit"), f.Index)
	}
	if f, ok := t.FieldByName("ID"); ok {
		fmt.Println("ID", f.Index, f.Tag.Get("db"), f.Type.Kind())
	}
	if f, ok := t.FieldByName("Note"); ok {
		fmt.Println("Note", f.Index, f.Type)
	}
	_, ok := t.FieldByName("missing")
	fmt.Println("missing", ok)
	for _, tt := range []reflect.Type{t, reflect.PointerTo(t)} {
		fmt.Print(tt, ":")
		for i := 0; i < tt.NumMethod(); i++ {
			fmt.Print(" ", tt.Method(i).Name, " ", tt.Method(i).Type)
		}
		fmt.Println()
	}
	st := reflect.TypeOf((*Stringer)(nil)).Elem()
	fmt.Println(st, st.Kind(), reflect.TypeOf(r.Temp).Implements(st), t.Implements(st), reflect.PointerTo(t).Implements(reflect.TypeOf((*interface{ Reset() })(nil)).Elem()))
	ft := t.Field(6).Type
	fmt.Println(ft, ft.NumIn(), ft.In(0), ft.NumOut(), ft.Out(0), ft.IsVariadic())
	fmt.Println(t.Field(5).Type.ChanDir(), t.Field(4).Type.Key(), t.Field(4).Type.Elem(), t.Field(7).Type.Len(), t.Field(7).Type.Elem().Elem())

	// fmt over the same values
	fmt.Printf("%T|%T|%T|%T\n", r, &r, r.Labels, r.Temp)
	fmt.Printf("%v\n%+v\n", r.Base, r.Nested)
	fmt.Printf("%#v\n", r.Base)
	fmt.Printf("%#v %#v %#v %#v\n", r.Labels, r.Tags, r.Temp, r.Matrix)
	fmt.Printf("%v %d %s\n", r.Temp, []Celsius{1, 2}, Celsius(3))

	// values: settability, setters, Elem/Indirect, FieldByName
	v := reflect.ValueOf(&r).Elem()
	fmt.Println(v.CanSet(), reflect.ValueOf(r).Field(0).CanSet(), v.FieldByName("private").CanSet(), v.FieldByName("private").CanInterface())
	v.FieldByName("ID").SetInt(99)
	v.FieldByName("Temp").SetFloat(-4.25)
	v.FieldByName("Tags").Set(reflect.Append(v.FieldByName("Tags"), reflect.ValueOf("b"), reflect.ValueOf("c")))
	v.FieldByName("Labels").SetMapIndex(reflect.ValueOf("x"), reflect.ValueOf("y"))
	v.FieldByName("Any").Set(reflect.ValueOf("now a string"))
	v.Field(9).Field(1).SetInt(5)
	v.FieldByName("Matrix").Index(1).Index(2).SetInt(-1)
	fmt.Println(r.ID, r.Temp, r.Tags, r.Labels, r.Any, r.Nested, r.Matrix)
	fmt.Println(v.FieldByName("Extra").IsNil())
	v.FieldByName("Extra").Set(reflect.New(reflect.TypeOf(Extra{})))
	v.FieldByName("Note").SetString("noted")
	fmt.Println(r.Note, reflect.Indirect(reflect.ValueOf(r.Extra)).Field(0))
	v.Addr().MethodByName("Reset").Call(nil)
	fmt.Println(r.Temp, v.MethodByName("Describe").Call(nil)[0])

	// constructors
	z := reflect.Zero(t)
	fmt.Println(z.Field(2).Float(), z.Field(3).IsNil(), reflect.New(reflect.TypeOf(0)).Elem().Interface())
	s := reflect.MakeSlice(reflect.TypeOf([]int{}), 2, 5)
	s.Index(0).SetInt(10)
	s = reflect.AppendSlice(s, reflect.ValueOf([]int{7, 8}))
	fmt.Println(s.Len(), s.Cap(), s.Interface())
	dst := reflect.MakeSlice(reflect.TypeOf([]int{}), 3, 3)
	fmt.Println(reflect.Copy(dst, s), dst.Interface())
	mp := reflect.MakeMap(reflect.TypeOf(map[string]int{}))
	mp.SetMapIndex(reflect.ValueOf("b"), reflect.ValueOf(2))
	mp.SetMapIndex(reflect.ValueOf("a"), reflect.ValueOf(1))
	keys := mp.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	fmt.Println(keys, mp.Len(), mp.MapIndex(reflect.ValueOf("b")))
	it := mp.MapRange()
	total := 0
	for it.Next() {
		total += int(it.Value().Int())
	}
	fmt.Println(total)
	ch := reflect.MakeChan(reflect.TypeOf(make(chan string)), 2)
	ch.Send(reflect.ValueOf("ping"))
	got, okr := ch.Recv()
	fmt.Println(got, okr, ch.Len(), ch.Cap(), ch.Type())

	// conversions and relations
	cv := reflect.ValueOf(65).Convert(reflect.TypeOf(""))
	fmt.Println(cv, reflect.ValueOf(3.9).Convert(reflect.TypeOf(int8(0))), reflect.ValueOf(Celsius(2)).Convert(reflect.TypeOf(0.0)).Type())
	fmt.Println(reflect.TypeOf(0).ConvertibleTo(reflect.TypeOf("")), reflect.TypeOf("").ConvertibleTo(reflect.TypeOf(0)),
		reflect.TypeOf(Celsius(0)).AssignableTo(reflect.TypeOf(0.0)), reflect.TypeOf(Labels{}).AssignableTo(reflect.TypeOf(map[string]string{})))
	fmt.Println(reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {1}}), reflect.DeepEqual([]int{}, []int(nil)), reflect.DeepEqual(r, r))
	xs := []string{"c", "a", "b"}
	sw := reflect.Swapper(xs)
	sw(0, 2)
	fmt.Println(xs)
	fmt.Println(reflect.ValueOf(nil).IsValid(), reflect.ValueOf((*int)(nil)).IsNil(), reflect.ValueOf(r).Field(4).Kind(), reflect.ValueOf(0).IsZero())
	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.ValueOf(r).Field(0).Field(0).SetInt(1)
}
