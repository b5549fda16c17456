// recover() through reflect: a deferred reflect method value and a deferred
// MakeFunc func recover like direct deferred calls (no reflect frame is in
// the way), while a MakeFunc func called from ordinary code does not.
package main

import (
	"fmt"
	"reflect"
)

type T struct{ name string }

func (t *T) Catch() {
	fmt.Println(t.name, "recovered:", recover())
}

func (t T) ByValue(tag string) {
	fmt.Println(t.name, tag, "recovered:", recover())
}

type Catcher interface{ Catch() }

func viaMethodValue() {
	f := reflect.ValueOf(&T{"ptr"}).MethodByName("Catch").Interface().(func())
	defer f()
	panic("one")
}

func viaValueMethod() {
	f := reflect.ValueOf(T{"val"}).MethodByName("ByValue").Interface().(func(string))
	defer f("tagged")
	panic("two")
}

func viaInterface() {
	var c Catcher = &T{"iface"}
	f := reflect.ValueOf(&c).Elem().Method(0).Interface().(func())
	defer f()
	panic("three")
}

func viaMakeFunc() {
	f := reflect.MakeFunc(reflect.TypeOf(func() {}), func([]reflect.Value) []reflect.Value {
		fmt.Println("makefunc recovered:", recover())
		return nil
	}).Interface().(func())
	defer f()
	panic("four")
}

func notDirect() (err any) {
	defer func() { err = recover() }()
	inner := reflect.MakeFunc(reflect.TypeOf(func() {}), func([]reflect.Value) []reflect.Value {
		fmt.Println("indirect recover (must be nil):", recover())
		return nil
	}).Interface().(func())
	outer := reflect.MakeFunc(reflect.TypeOf(func(func()) {}), func(in []reflect.Value) []reflect.Value {
		in[0].Interface().(func())()
		return nil
	}).Interface().(func(func()))
	defer outer(inner)
	panic("five")
}

func main() {
	viaMethodValue()
	viaValueMethod()
	viaInterface()
	viaMakeFunc()
	fmt.Println("outer recovered:", notDirect())
}
