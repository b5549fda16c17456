// gort standard library: package js (JavaScript values).

// Package js gives Go programs run by gort access to JavaScript: gort's
// counterpart of cgo, with the API of Go's js/wasm port. JavaScript runs on
// a host thread of its own (its own event loop, so promises and timers
// settle while Go code runs); a Value names a JavaScript value by a handle
// into that thread's table, never holds it. See
// packages/runtime/src/jsvalue.ts for the design.
package js

import (
	"math"
	"runtime"
)

// ref names a JavaScript value:
//
//	0                          undefined (so the zero Value is undefined)
//	any other float64's bits   that number, except 0 and NaN
//	boxed: high word boxHead | tag<<16, low word an id in the host's table
//	    tag tagPlain: ids 0 NaN, 1 zero, 2 null, 3 true, 4 false
//	    tag tagObject, tagString, tagSymbol, tagFunction: table entries
//	    (id 5 is the global object), tagOther: other kinds (bigint)
//
// A boxed ref is a quiet NaN with payload, which no number ever is: the
// host turns every NaN into the plain NaN id. packages/runtime/src/jsvaluehost.ts
// encodes and decodes the same layout.
type ref uint64

const (
	boxMask = 0xFFF80000
	boxHead = 0x7FF80000
)

const (
	tagPlain = iota
	tagObject
	tagString
	tagSymbol
	tagFunction
	tagOther
)

func boxedRef(tag uint32, id uint32) ref {
	return ref(boxHead|tag<<16)<<32 | ref(id)
}

func (r ref) boxed() bool { return uint32(r>>32)&boxMask == boxHead }

func (r ref) tag() uint32 { return uint32(r>>48) & 7 }

var (
	refNaN    = boxedRef(tagPlain, 0)
	refZero   = boxedRef(tagPlain, 1)
	refNull   = boxedRef(tagPlain, 2)
	refTrue   = boxedRef(tagPlain, 3)
	refFalse  = boxedRef(tagPlain, 4)
	refGlobal = boxedRef(tagObject, 5)
)

// Value is a JavaScript value. The zero Value is undefined. Values are
// compared with Equal (== does not compile).
type Value struct {
	_     [0]func()
	ref   ref
	gcPtr *ref // table entries only: its finalizer releases the entry
}

// makeValue wraps a ref the host handed over; each hand-over of a table
// entry counts one reference, released when the Value is collected.
func makeValue(r ref) Value {
	if !r.boxed() || r.tag() == tagPlain {
		return Value{ref: r}
	}
	p := new(ref)
	*p = r
	runtime.SetFinalizer(p, releaseRef)
	return Value{ref: r, gcPtr: p}
}

func releaseRef(p *ref) { finalizeRef(*p) }

func keepAlive(v Value) { runtime.KeepAlive(v.gcPtr) }

// Error is a JavaScript exception thrown by Call, Invoke or New.
type Error struct {
	// Value is the thrown JavaScript value.
	Value
}

// Error implements the error interface.
func (e Error) Error() string {
	return "JavaScript error: " + e.Get("message").String()
}

// Undefined returns JavaScript's undefined.
func Undefined() Value { return Value{} }

// Null returns JavaScript's null.
func Null() Value { return Value{ref: refNull} }

// Global returns JavaScript's global object (globalThis of the host thread).
func Global() Value { return Value{ref: refGlobal} }

// Equal reports whether v === w in JavaScript.
func (v Value) Equal(w Value) bool { return v.ref == w.ref && v.ref != refNaN }

// IsUndefined reports whether v is undefined.
func (v Value) IsUndefined() bool { return v.ref == 0 }

// IsNull reports whether v is null.
func (v Value) IsNull() bool { return v.ref == refNull }

// IsNaN reports whether v is NaN.
func (v Value) IsNaN() bool { return v.ref == refNaN }

func numberValue(f float64) Value {
	switch {
	case f == 0:
		return Value{ref: refZero}
	case f != f:
		return Value{ref: refNaN}
	}
	return Value{ref: ref(math.Float64bits(f))}
}

// ValueOf returns x as a JavaScript value: a Value or Func as itself, nil
// as null, bools, integers and floats as booleans and numbers, strings as
// strings, []interface{} as a new Array and map[string]interface{} as a new
// Object (elements converted the same way). Other types panic.
func ValueOf(x any) Value {
	switch x := x.(type) {
	case Value:
		return x
	case Func:
		return x.Value
	case nil:
		return Null()
	case bool:
		if x {
			return Value{ref: refTrue}
		}
		return Value{ref: refFalse}
	case int:
		return numberValue(float64(x))
	case int8:
		return numberValue(float64(x))
	case int16:
		return numberValue(float64(x))
	case int32:
		return numberValue(float64(x))
	case int64:
		return numberValue(float64(x))
	case uint:
		return numberValue(float64(x))
	case uint8:
		return numberValue(float64(x))
	case uint16:
		return numberValue(float64(x))
	case uint32:
		return numberValue(float64(x))
	case uint64:
		return numberValue(float64(x))
	case uintptr:
		return numberValue(float64(x))
	case float32:
		return numberValue(float64(x))
	case float64:
		return numberValue(x)
	case string:
		return makeValue(stringVal(x))
	case []any:
		a := Global().Get("Array").New(len(x))
		for i, e := range x {
			a.SetIndex(i, e)
		}
		return a
	case map[string]any:
		o := Global().Get("Object").New()
		for k, e := range x {
			o.Set(k, e)
		}
		return o
	}
	panic("ValueOf: invalid value")
}

// Type is the JavaScript type of a Value.
type Type int

const (
	TypeUndefined Type = iota
	TypeNull
	TypeBoolean
	TypeNumber
	TypeString
	TypeSymbol
	TypeObject
	TypeFunction
)

var typeNames = [...]string{"undefined", "null", "boolean", "number", "string", "symbol", "object", "function"}

func (t Type) String() string {
	if t < 0 || int(t) >= len(typeNames) {
		panic("bad type")
	}
	return typeNames[t]
}

func (t Type) isObject() bool { return t == TypeObject || t == TypeFunction }

func (v Value) isNumber() bool {
	return v.ref == refZero || v.ref == refNaN || (v.ref != 0 && !v.ref.boxed())
}

// Type returns v's JavaScript type, as typeof does except that null is
// TypeNull.
func (v Value) Type() Type {
	switch v.ref {
	case 0:
		return TypeUndefined
	case refNull:
		return TypeNull
	case refTrue, refFalse:
		return TypeBoolean
	}
	if v.isNumber() {
		return TypeNumber
	}
	switch v.ref.tag() {
	case tagObject:
		return TypeObject
	case tagString:
		return TypeString
	case tagSymbol:
		return TypeSymbol
	case tagFunction:
		return TypeFunction
	}
	panic("bad type flag")
}

// settle finishes a request: while JavaScript calls Go functions during it,
// run them here (on the requesting goroutine, as JavaScript waits for each
// synchronously), then wait for the rest of the request.
func settle(r ref, st int) (ref, bool) {
	for st == stCallback {
		runCallback()
		r, st = resumeCall()
	}
	return r, st == stOK
}

const (
	stOK = iota
	stThrew
	stCallback
)

// must finishes a request whose exception is a Go panic of the thrown
// value (property access through a getter or proxy that throws).
func must(r ref, st int) Value {
	r, ok := settle(r, st)
	if !ok {
		panic(Error{makeValue(r)})
	}
	return makeValue(r)
}

func (v Value) checkObject(method string) {
	if t := v.Type(); !t.isObject() {
		panic(&ValueError{method, t})
	}
}

// Get returns v[p]. It panics if v is not an object or a function.
func (v Value) Get(p string) Value {
	v.checkObject("Value.Get")
	r := must(valueGet(v.ref, p))
	keepAlive(v)
	return r
}

// Set does v[p] = ValueOf(x). It panics if v is not an object or a function.
func (v Value) Set(p string, x any) {
	v.checkObject("Value.Set")
	xv := ValueOf(x)
	must(valueSet(v.ref, p, xv.ref))
	keepAlive(v)
	keepAlive(xv)
}

// Delete does delete v[p]. It panics if v is not an object or a function.
func (v Value) Delete(p string) {
	v.checkObject("Value.Delete")
	must(valueDelete(v.ref, p))
	keepAlive(v)
}

// Index returns v[i]. It panics if v is not an object or a function.
func (v Value) Index(i int) Value {
	v.checkObject("Value.Index")
	r := must(valueIndex(v.ref, i))
	keepAlive(v)
	return r
}

// SetIndex does v[i] = ValueOf(x). It panics if v is not an object or a
// function.
func (v Value) SetIndex(i int, x any) {
	v.checkObject("Value.SetIndex")
	xv := ValueOf(x)
	must(valueSetIndex(v.ref, i, xv.ref))
	keepAlive(v)
	keepAlive(xv)
}

// Length returns v.length as an int. It panics if v is not an object or a
// function. (The panic names Value.SetIndex, as Go 1.19's does.)
func (v Value) Length() int {
	v.checkObject("Value.SetIndex")
	n := must(valueLength(v.ref))
	keepAlive(v)
	if !n.isNumber() {
		return 0
	}
	return int(n.Float())
}

func argRefs(args []any) ([]Value, []ref) {
	vals := make([]Value, len(args))
	refs := make([]ref, len(args))
	for i, a := range args {
		vals[i] = ValueOf(a)
		refs[i] = vals[i].ref
	}
	return vals, refs
}

// Call calls method m of v with the arguments converted by ValueOf. It
// panics if v has no method m, and with an Error if the method throws.
func (v Value) Call(m string, args ...any) Value {
	vals, refs := argRefs(args)
	r, ok := settle(valueCall(v.ref, m, refs))
	keepAlive(v)
	runtime.KeepAlive(vals)
	if !ok {
		if t := v.Type(); !t.isObject() {
			panic(&ValueError{"Value.Call", t})
		}
		if pt := v.Get(m).Type(); pt != TypeFunction {
			panic("syscall/js: Value.Call: property " + m + " is not a function, got " + pt.String())
		}
		panic(Error{makeValue(r)})
	}
	return makeValue(r)
}

// Invoke calls v with the arguments converted by ValueOf. It panics if v is
// not a function, and with an Error if the function throws.
func (v Value) Invoke(args ...any) Value {
	vals, refs := argRefs(args)
	r, ok := settle(valueInvoke(v.ref, refs))
	keepAlive(v)
	runtime.KeepAlive(vals)
	return v.invoked(r, ok)
}

// invoked is the result of Invoke or New: the value, or the panic of a
// failed call (Go 1.19 names Value.Invoke in both).
func (v Value) invoked(r ref, ok bool) Value {
	if !ok {
		if t := v.Type(); t != TypeFunction {
			panic(&ValueError{"Value.Invoke", t})
		}
		panic(Error{makeValue(r)})
	}
	return makeValue(r)
}

// New calls v as a constructor (JavaScript's new) with the arguments
// converted by ValueOf. It panics if v is not a function, and with an Error
// if the constructor throws. (The panic names Value.Invoke, as Go 1.19's
// does.)
func (v Value) New(args ...any) Value {
	vals, refs := argRefs(args)
	r, ok := settle(valueNew(v.ref, refs))
	keepAlive(v)
	runtime.KeepAlive(vals)
	return v.invoked(r, ok)
}

func (v Value) float(method string) float64 {
	if !v.isNumber() {
		panic(&ValueError{method, v.Type()})
	}
	switch v.ref {
	case refZero:
		return 0
	case refNaN:
		return math.NaN()
	}
	return math.Float64frombits(uint64(v.ref))
}

// Float returns v as a float64. It panics if v is not a number.
func (v Value) Float() float64 { return v.float("Value.Float") }

// Int returns v truncated to an int. It panics if v is not a number.
func (v Value) Int() int { return int(v.float("Value.Int")) }

// Bool returns v as a bool. It panics if v is not a boolean.
func (v Value) Bool() bool {
	switch v.ref {
	case refTrue:
		return true
	case refFalse:
		return false
	}
	panic(&ValueError{"Value.Bool", v.Type()})
}

// Truthy reports whether v is truthy in JavaScript: everything but false,
// 0, "", null, undefined and NaN.
func (v Value) Truthy() bool {
	switch v.Type() {
	case TypeUndefined, TypeNull:
		return false
	case TypeBoolean:
		return v.Bool()
	case TypeNumber:
		return v.ref != refNaN && v.ref != refZero
	case TypeString:
		return v.String() != ""
	}
	return true
}

// String returns v's text if v is a string. For other types it does not
// panic (Go's String convention) but returns "<T>" or "<T: V>": T the type,
// V the value for booleans and numbers.
func (v Value) String() string {
	switch t := v.Type(); t {
	case TypeString:
		s := valueString(v.ref)
		keepAlive(v)
		return s
	case TypeBoolean, TypeNumber:
		return "<" + t.String() + ": " + valueString(v.ref) + ">"
	default:
		return "<" + t.String() + ">"
	}
}

// InstanceOf reports whether v instanceof t.
func (v Value) InstanceOf(t Value) bool {
	r := must(valueInstanceOf(v.ref, t.ref))
	keepAlive(v)
	keepAlive(t)
	return r.ref == refTrue
}

// ValueError is the panic of a Value method called on a value of a type it
// does not support.
type ValueError struct {
	Method string
	Type   Type
}

func (e *ValueError) Error() string {
	return "syscall/js: call of " + e.Method + " on " + e.Type.String()
}

// CopyBytesToGo copies bytes of the Uint8Array or Uint8ClampedArray src
// into dst and returns how many: the smaller of the two lengths. It panics
// for any other src.
func CopyBytesToGo(dst []byte, src Value) int {
	n, ok := copyBytesToGo(dst, src.ref)
	keepAlive(src)
	if !ok {
		panic("syscall/js: CopyBytesToGo: expected src to be an Uint8Array or Uint8ClampedArray")
	}
	return n
}

// CopyBytesToJS copies bytes of src into the Uint8Array or
// Uint8ClampedArray dst and returns how many: the smaller of the two
// lengths. It panics for any other dst.
func CopyBytesToJS(dst Value, src []byte) int {
	n, ok := copyBytesToJS(dst.ref, src)
	keepAlive(dst)
	if !ok {
		panic("syscall/js: CopyBytesToJS: expected dst to be an Uint8Array or Uint8ClampedArray")
	}
	return n
}
