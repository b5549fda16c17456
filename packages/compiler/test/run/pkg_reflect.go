package main

import (
	"fmt"
	"reflect"
)

type T struct {
	A int
	B string
	c []byte
}

type Namer interface{ Name() string }

func (t T) Name() string { return t.B }

func main() {
	t := reflect.TypeOf(T{})
	fmt.Println(t, t.Kind(), t.NumField(), t.Field(1).Name, reflect.PtrTo(t), reflect.SliceOf(t))
	fmt.Println(reflect.PtrTo(reflect.TypeOf(0)), reflect.SliceOf(reflect.TypeOf("")), reflect.PtrTo(t) == reflect.TypeOf(&T{}))
	v := reflect.New(t).Elem()
	v.Field(0).SetInt(7)
	v.Field(1).SetString("seven")
	fmt.Printf("%+v\n", v.Interface())
	s := reflect.MakeSlice(reflect.TypeOf([]int{}), 2, 4)
	s = reflect.Append(s, reflect.ValueOf(5), reflect.ValueOf(6), reflect.ValueOf(7))
	fmt.Println(s.Len(), s.Cap(), s.Interface())
	dst := reflect.MakeSlice(reflect.TypeOf([]string{}), 3, 3)
	n := reflect.Copy(dst, reflect.ValueOf([]string{"x", "y"}))
	fmt.Println(n, dst.Interface())
	var nm Namer
	rv := reflect.ValueOf(&nm).Elem()
	rv.Set(reflect.ValueOf(T{B: "via iface"}))
	fmt.Println(nm.Name(), rv.Type(), rv.Elem().Type())
	arr := reflect.New(reflect.ArrayOf(3, reflect.TypeOf(byte(0)))).Elem()
	arr.Index(1).SetUint(9)
	fmt.Println(arr.Interface(), reflect.Zero(t).Interface())
	p := reflect.ValueOf(&T{A: 1}).Elem()
	p.Set(reflect.Zero(t))
	fmt.Println(p.Field(0).Int(), reflect.DeepEqual([]int{1, 2}, []int{1, 2}), reflect.DeepEqual(map[string]int{"a": 1}, map[string]int{"a": 2}))
}
