// syscall/js: values, properties, calls, conversions and errors (gort runs JavaScript on a host
// thread; expected output from GOOS=js GOARCH=wasm go build run by Go's wasm_exec_node.js).
package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"syscall/js"
)

func show(name string, v js.Value) {
	fmt.Printf("%-10s %-9v %v truthy=%v\n", name, v.Type(), v, v.Truthy())
}

func keys(o js.Value) string {
	ks := js.Global().Get("Object").Call("keys", o)
	var out []string
	for i := 0; i < ks.Length(); i++ {
		out = append(out, ks.Index(i).String())
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			fmt.Printf("%s: %T %v\n", name, r, e)
		} else {
			fmt.Printf("%s: %v\n", name, r)
		}
	}()
	f()
}

func main() {
	g := js.Global()
	math := g.Get("Math")
	fmt.Println("sqrt(2) =", math.Call("sqrt", 2).Float())
	fmt.Println("max =", math.Call("max", 3, 9.5, -1).Float(), "floor =", math.Call("floor", 7.9).Int())

	show("undefined", js.Undefined())
	show("null", js.Null())
	show("true", js.ValueOf(true))
	show("zero", js.ValueOf(0))
	show("int", js.ValueOf(42))
	show("float", js.ValueOf(-2.5))
	show("nan", math.Call("sqrt", -1))
	show("string", js.ValueOf("gort ✓"))
	show("empty", js.ValueOf(""))
	show("object", g.Get("Object").New())
	show("function", math.Get("abs"))
	show("symbol", g.Get("Symbol").Get("iterator"))
	fmt.Println("IsNaN:", math.Call("sqrt", -1).IsNaN(), "IsNull:", js.Null().IsNull(), "IsUndefined:", js.Value{}.IsUndefined())
	fmt.Println("NaN equals NaN:", js.ValueOf(g.Get("NaN")).Equal(g.Get("NaN")), "Math equals Math:", math.Equal(g.Get("Math")))
	fmt.Println("Type strings:", js.TypeUndefined, js.TypeNull, js.TypeBoolean, js.TypeNumber, js.TypeString, js.TypeSymbol, js.TypeObject, js.TypeFunction)

	// objects and arrays from Go values
	obj := js.ValueOf(map[string]any{
		"name":  "gopher",
		"age":   13,
		"tags":  []any{"go", "js", 3.5, false, nil},
		"inner": map[string]any{"ok": true},
	})
	fmt.Println("keys:", keys(obj))
	fmt.Println("name:", obj.Get("name").String(), "age:", obj.Get("age").Int(), "inner.ok:", obj.Get("inner").Get("ok").Bool())
	tags := obj.Get("tags")
	fmt.Println("tags:", tags.Length(), g.Get("JSON").Call("stringify", tags).String())
	tags.SetIndex(5, "new")
	fmt.Println("tags[5]:", tags.Index(5), "tags[9]:", tags.Index(9), "length:", tags.Length())
	obj.Set("age", 14)
	obj.Delete("inner")
	fmt.Println("after Set/Delete:", keys(obj), obj.Get("age").Int())
	fmt.Println("is Array:", tags.InstanceOf(g.Get("Array")), "is Map:", tags.InstanceOf(g.Get("Map")))

	// constructors, Invoke, methods on JavaScript objects
	m := g.Get("Map").New()
	m.Call("set", "a", 1)
	m.Call("set", "b", 2)
	fmt.Println("map size:", m.Get("size").Int(), "get b:", m.Call("get", "b").Int())
	parseInt := g.Get("parseInt")
	fmt.Println("parseInt:", parseInt.Invoke("ff", 16).Int())
	d := g.Get("Date").New(0)
	fmt.Println("date:", d.Call("toISOString").String())
	add := g.Get("Function").New("a", "b", "return a + b")
	fmt.Println("Function:", add.Invoke(2, 3).Int(), add.Invoke("x", "y").String())

	// process.env through JavaScript agrees with os.Getenv
	env := g.Get("process").Get("env")
	home := env.Get("HOME")
	fmt.Println("process.env.HOME agrees:", (home.IsUndefined() && os.Getenv("HOME") == "") || home.String() == os.Getenv("HOME"))
	env.Set("GORT_JS_DEMO", "set from Go")
	fmt.Println("process.env.GORT_JS_DEMO:", env.Get("GORT_JS_DEMO").String())

	// bytes
	u8 := g.Get("Uint8Array").New(5)
	fmt.Println("CopyBytesToJS:", js.CopyBytesToJS(u8, []byte("hello, world")), g.Get("Array").Call("from", u8).Call("join", "-").String())
	buf := make([]byte, 3)
	fmt.Println("CopyBytesToGo:", js.CopyBytesToGo(buf, u8), string(buf))
	big := make([]byte, 8)
	fmt.Println("CopyBytesToGo (short src):", js.CopyBytesToGo(big, u8), big)

	// errors
	try("JSON.parse", func() { g.Get("JSON").Call("parse", "{bad") })
	try("Call on number", func() { js.ValueOf(1).Call("x") })
	try("Call on string", func() { js.ValueOf("abc").Call("toUpperCase") })
	try("Call of non-function", func() { math.Call("PI") })
	try("Get on undefined", func() { js.Undefined().Get("x") })
	try("Int of string", func() { js.ValueOf("1").Int() })
	try("Bool of number", func() { js.ValueOf(1).Bool() })
	try("Invoke of object", func() { math.Invoke() })
	try("New of number", func() { js.ValueOf(2).New() })
	try("ValueOf(struct)", func() { js.ValueOf(struct{}{}) })
	try("CopyBytesToGo(array)", func() { js.CopyBytesToGo(buf, g.Get("Array").New()) })
	try("throw", func() { g.Get("Function").New("throw new TypeError('custom')").Invoke() })
	err := js.Error{Value: g.Get("Error").New("made in Go")}
	fmt.Println("js.Error:", err.Error())
	fmt.Println("ValueError:", (&js.ValueError{Method: "Value.Get", Type: js.TypeNumber}).Error())
}
