// reflect.Value.Call, CallSlice, MakeFunc and method values over every
// argument shape of gort's calling convention (narrow ints, floats, complex,
// strings, slices, interfaces, structs, arrays, pointers, maps, funcs).
package main

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

type Pt struct {
	X, Y int16
	Name string
}

func (p Pt) Sum(k int8) int     { return (int(p.X) + int(p.Y)) * int(k) }
func (p *Pt) Move(dx, dy int16) { p.X += dx; p.Y += dy }
func (p Pt) String() string     { return fmt.Sprintf("%s(%d,%d)", p.Name, p.X, p.Y) }

type Shape interface{ Area() float64 }
type Sq float32

func (s Sq) Area() float64 { return float64(s * s) }

func mix(a int8, b uint16, c float32, d complex64, e string, f []int, g any, h Pt, i [3]byte, j *int, k map[string]int, fn func(int) int) (string, Pt, [3]byte, float32, complex128, error) {
	*j += 100
	k["seen"]++
	h.X *= 2
	i[0] = 'Z'
	s := fmt.Sprint(a, b, c, d, e, f, g, h, i, *j, fn(3))
	return s, h, i, c * 2, complex128(d) * 2, errors.New("mix-err")
}

func sum(base int, xs ...int) int {
	for _, x := range xs {
		base += x
	}
	return base
}

func main() {
	n := 5
	m := map[string]int{}
	out := reflect.ValueOf(mix).Call([]reflect.Value{
		reflect.ValueOf(int8(-3)), reflect.ValueOf(uint16(65535)), reflect.ValueOf(float32(1.25)),
		reflect.ValueOf(complex64(1 + 2i)), reflect.ValueOf("str"), reflect.ValueOf([]int{1, 2}),
		reflect.ValueOf(any(Sq(2))), reflect.ValueOf(Pt{1, 2, "p"}), reflect.ValueOf([3]byte{'a', 'b', 'c'}),
		reflect.ValueOf(&n), reflect.ValueOf(m), reflect.ValueOf(func(x int) int { return x * x }),
	})
	for _, o := range out {
		fmt.Printf("%v %T\n", o, o.Interface())
	}
	fmt.Println(n, m)

	sv := reflect.ValueOf(sum)
	fmt.Println(sv.Call([]reflect.Value{reflect.ValueOf(1)})[0].Int())
	fmt.Println(sv.Call([]reflect.Value{reflect.ValueOf(1), reflect.ValueOf(2), reflect.ValueOf(3)})[0].Int())
	fmt.Println(sv.CallSlice([]reflect.Value{reflect.ValueOf(10), reflect.ValueOf([]int{20, 30})})[0].Int())

	// methods by value and through a pointer, by index and by name
	p := &Pt{3, 4, "q"}
	pv := reflect.ValueOf(p)
	fmt.Println(pv.NumMethod(), pv.Elem().NumMethod())
	for i := 0; i < pv.NumMethod(); i++ {
		fmt.Println(i, pv.Type().Method(i).Name, pv.Type().Method(i).Type)
	}
	pv.MethodByName("Move").Call([]reflect.Value{reflect.ValueOf(int16(10)), reflect.ValueOf(int16(-1))})
	fmt.Println(*p, pv.MethodByName("Sum").Call([]reflect.Value{reflect.ValueOf(int8(2))})[0])
	fmt.Println(pv.MethodByName("String").Call(nil)[0])
	f := reflect.TypeOf(p).Method(0).Func
	f.Call([]reflect.Value{pv, reflect.ValueOf(int16(1)), reflect.ValueOf(int16(1))})
	fmt.Println(p.String())

	// a method value as an ordinary func (made with MakeFunc)
	mv := pv.Elem().MethodByName("Sum").Interface().(func(int8) int)
	p.X = 100
	fmt.Println(mv(1))
	var sh Shape = Sq(3)
	area := reflect.ValueOf(&sh).Elem().Method(0)
	fmt.Println(area.Call(nil)[0].Float(), area.Type())

	// MakeFunc: a generic swapper and a variadic joiner
	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var swapIS func(int, string) (string, int)
	var swapPt func(Pt, [2]float32) ([2]float32, Pt)
	reflect.ValueOf(&swapIS).Elem().Set(reflect.MakeFunc(reflect.TypeOf(swapIS), swap))
	reflect.ValueOf(&swapPt).Elem().Set(reflect.MakeFunc(reflect.TypeOf(swapPt), swap))
	fmt.Println(swapIS(1, "one"))
	fmt.Println(swapPt(Pt{7, 8, "s"}, [2]float32{0.5, 1.5}))
	join := reflect.MakeFunc(reflect.TypeOf(func(string, ...string) string { return "" }), func(in []reflect.Value) []reflect.Value {
		parts := in[1].Interface().([]string)
		return []reflect.Value{reflect.ValueOf(strings.Join(parts, in[0].String()))}
	}).Interface().(func(string, ...string) string)
	fmt.Println(join("-", "a", "b", "c"), join("+"))
	// a MakeFunc value called through reflect again, and returning an error interface
	failer := reflect.MakeFunc(reflect.TypeOf(func(int) error { return nil }), func(in []reflect.Value) []reflect.Value {
		if in[0].Int() > 0 {
			return []reflect.Value{reflect.ValueOf(fmt.Errorf("bad %d", in[0].Int()))}
		}
		return []reflect.Value{reflect.Zero(reflect.TypeOf((*error)(nil)).Elem())}
	})
	fmt.Println(failer.Call([]reflect.Value{reflect.ValueOf(2)})[0], failer.Call([]reflect.Value{reflect.ValueOf(0)})[0].IsNil())

	// panics from reflect calls
	for _, bad := range []func(){
		func() { sv.Call(nil) },
		func() { reflect.ValueOf(mix).Call([]reflect.Value{reflect.ValueOf(1)}) },
		func() { reflect.ValueOf(strings.ToUpper).Call([]reflect.Value{reflect.ValueOf(1)}) },
		func() { reflect.ValueOf(strings.ToUpper).CallSlice([]reflect.Value{reflect.ValueOf("x")}) },
		func() { reflect.ValueOf((func())(nil)).Call(nil) },
		func() { reflect.ValueOf(42).Call(nil) },
		func() {
			g := reflect.MakeFunc(reflect.TypeOf(func() int { return 0 }), func([]reflect.Value) []reflect.Value { return nil })
			g.Call(nil)
		},
		func() {
			g := reflect.MakeFunc(reflect.TypeOf(func() {}), func([]reflect.Value) []reflect.Value { panic("inside") })
			g.Interface().(func())()
		},
	} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			bad()
		}()
	}
}
