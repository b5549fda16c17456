// reflect.MapOf, ChanOf, FuncOf, StructOf and ArrayOf: types built at run time by the
// runtime (reflectrt.ts), used to make maps, channels, funcs and values.
package main

import (
	"fmt"
	"reflect"
)

type K struct {
	a, b int32
	c    float64
}

func main() {
	mt := reflect.MapOf(reflect.TypeOf(K{}), reflect.TypeOf(true))
	m := reflect.MakeMap(mt)
	m.SetMapIndex(reflect.ValueOf(K{1, 2, 3}), reflect.ValueOf(true))
	fmt.Println(mt, m.Len(), m.MapIndex(reflect.ValueOf(K{1, 2, 3})))
	m2 := reflect.MakeMap(reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf([]int{})))
	m2.SetMapIndex(reflect.ValueOf("a"), reflect.ValueOf([]int{1}))
	fmt.Println(m2.Type(), m2.Interface())
	ct := reflect.ChanOf(reflect.BothDir, reflect.ChanOf(reflect.RecvDir, reflect.TypeOf(K{})))
	fmt.Println(ct, reflect.ChanOf(reflect.SendDir, reflect.TypeOf(0)), reflect.ChanOf(reflect.BothDir, reflect.TypeOf(0)) == reflect.TypeOf(make(chan int)))
	c := reflect.MakeChan(reflect.ChanOf(reflect.BothDir, reflect.TypeOf(K{})), 1)
	c.Send(reflect.ValueOf(K{c: 2}))
	fmt.Println(c.Recv())
	ft := reflect.FuncOf([]reflect.Type{reflect.TypeOf(0), reflect.TypeOf([]string{})}, []reflect.Type{reflect.TypeOf(K{}), reflect.TypeOf((*error)(nil)).Elem()}, true)
	fmt.Println(ft, ft.NumIn(), ft.Out(1), ft.IsVariadic())
	f := reflect.MakeFunc(ft, func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(K{c: float64(in[0].Int() + int64(in[1].Len()))}), reflect.Zero(ft.Out(1))}
	})
	fmt.Println(f.Call([]reflect.Value{reflect.ValueOf(3), reflect.ValueOf("x"), reflect.ValueOf("y")})[0])
	fmt.Println(reflect.FuncOf(nil, nil, false), reflect.FuncOf(nil, []reflect.Type{reflect.TypeOf(0)}, false) == reflect.TypeOf(func() int { return 0 }))
	st := reflect.StructOf([]reflect.StructField{
		{Name: "Name", Type: reflect.TypeOf(""), Tag: `json:"name"`},
		{Name: "Ptr", Type: reflect.TypeOf(new(int))},
		{Name: "Age", Type: reflect.TypeOf(int8(0))},
		{Name: "_", PkgPath: "main", Type: reflect.TypeOf(0)},
		{Name: "_", PkgPath: "main", Type: reflect.TypeOf(0)},
	})
	fmt.Println(st, st.Size(), st.NumField(), st.Field(0).Tag.Get("json"), st.Field(2).Offset, st.Field(3).IsExported())
	v := reflect.New(st).Elem()
	v.Field(0).SetString("gort")
	n := 5
	v.Field(1).Set(reflect.ValueOf(&n))
	v.Field(2).SetInt(-3)
	fmt.Printf("%v %v %v\n", v.Field(0), *v.Field(1).Interface().(*int), v.Field(2))
	arr := reflect.New(reflect.ArrayOf(3, reflect.SliceOf(reflect.TypeOf(uint64(0))))).Elem()
	fmt.Println(arr.Type(), arr.Len())
	// Comparable types built at run time: interface equality and map keys
	sct := reflect.StructOf([]reflect.StructField{{Name: "A", Type: reflect.TypeOf(0)}, {Name: "S", Type: reflect.TypeOf("")}})
	ca, cb := reflect.New(sct).Elem(), reflect.New(sct).Elem()
	ca.Field(1).SetString("x")
	cb.Field(1).SetString("x")
	fmt.Println(sct.Comparable(), ca.Interface() == cb.Interface(), reflect.ArrayOf(2, reflect.TypeOf([]int{})).Comparable())
	cm := reflect.MakeMap(reflect.MapOf(sct, reflect.TypeOf(0)))
	cm.SetMapIndex(ca, reflect.ValueOf(5))
	fmt.Println(cm.MapIndex(cb), cm.Len())
}
