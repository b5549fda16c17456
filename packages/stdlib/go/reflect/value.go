// gort standard library: package reflect (values).

package reflect

import (
	"math"
	"unsafe"
)

// Value is the reflection interface to a Go value.
//
// ptr holds the value itself when the type is pointer-shaped (a direct
// interface type) and flagIndir is clear; otherwise it points to the value.
type Value struct {
	typ *rtype
	ptr unsafe.Pointer
	flag
}

type flag uintptr

const (
	flagKindWidth        = 5
	flagKindMask    flag = 1<<flagKindWidth - 1
	flagStickyRO    flag = 1 << 5 // reached through an unexported non-embedded field
	flagEmbedRO     flag = 1 << 6 // reached through an unexported embedded field
	flagIndir       flag = 1 << 7 // ptr points to the value
	flagAddr        flag = 1 << 8 // addressable (implies flagIndir)
	flagMethod      flag = 1 << 9 // a method value; the index is in the high bits
	flagMethodShift      = 10
	flagRO          flag = flagStickyRO | flagEmbedRO
)

func (f flag) kind() Kind { return Kind(f & flagKindMask) }

func (f flag) ro() flag {
	if f&flagRO != 0 {
		return flagStickyRO
	}
	return 0
}

// A ValueError occurs when a Value method is invoked on a Value that does
// not support it.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

// mustBe panics unless f's kind is expected; method names the Value
// method for the message (Go finds it on the call stack).
func (f flag) mustBe(expected Kind, method string) {
	if Kind(f&flagKindMask) != expected {
		panic(&ValueError{method, f.kind()})
	}
}

// mustBeExported panics if f is the zero Value or was obtained through an
// unexported field.
func (f flag) mustBeExported(method string) {
	if f == 0 {
		panic(&ValueError{method, Invalid})
	}
	if f&flagRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
}

// mustBeAssignable panics unless f is addressable and not read-only.
func (f flag) mustBeAssignable(method string) {
	if f == 0 {
		panic(&ValueError{method, Invalid})
	}
	if f&flagRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
	if f&flagAddr == 0 {
		panic("reflect: " + method + " using unaddressable value")
	}
}

// pointer returns the word held by a pointer-shaped value.
func (v Value) pointer() unsafe.Pointer {
	if v.flag&flagIndir != 0 {
		return *(*unsafe.Pointer)(v.ptr)
	}
	return v.ptr
}

// packEface converts v to the empty interface.
func packEface(v Value) any {
	t := v.typ
	var i any
	e := (*emptyInterface)(unsafe.Pointer(&i))
	switch {
	case t.ifaceIndir():
		if v.flag&flagIndir == 0 {
			panic("bad indir")
		}
		// The interface must hold its own copy.
		c := unsafe_New(t)
		typedmemmove(t, c, v.ptr)
		e.word = c
	case v.flag&flagIndir != 0:
		e.word = *(*unsafe.Pointer)(v.ptr)
	default:
		e.word = v.ptr
	}
	e.typ = t
	return i
}

// unpackEface converts the empty interface i to a Value.
func unpackEface(i any) Value {
	e := (*emptyInterface)(unsafe.Pointer(&i))
	t := e.typ
	if t == nil {
		return Value{}
	}
	f := flag(t.Kind())
	if t.ifaceIndir() {
		f |= flagIndir
	}
	return Value{t, e.word, f}
}

// ValueOf returns a new Value initialized to the concrete value stored in i.
func ValueOf(i any) Value {
	if i == nil {
		return Value{}
	}
	return unpackEface(i)
}

func (v Value) IsValid() bool { return v.flag != 0 }

func (v Value) Kind() Kind { return v.kind() }

func (v Value) Type() Type {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	if v.flag&flagMethod == 0 {
		return v.typ
	}
	i := int(v.flag) >> flagMethodShift
	if v.typ.Kind() == Interface {
		it := (*interfaceType)(unsafe.Pointer(v.typ))
		return toType(toRType(it.method(i).typ))
	}
	return toType(toRType(v.typ.uncommon().method(i).mtyp))
}

func (v Value) CanAddr() bool { return v.flag&flagAddr != 0 }

func (v Value) CanSet() bool { return v.flag&(flagAddr|flagRO) == flagAddr }

func (v Value) CanInterface() bool {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return v.flag&flagRO == 0
}

func (v Value) Interface() any { return valueInterface(v, true) }

func valueInterface(v Value, safe bool) any {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if safe && v.flag&flagRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	if v.flag&flagMethod != 0 {
		v = makeMethodValue(v)
	}
	if v.kind() == Interface {
		if v.NumMethod() == 0 {
			return *(*any)(v.ptr)
		}
		return *(*interface{ M() })(v.ptr)
	}
	return packEface(v)
}

func (v Value) Addr() Value {
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.Addr of unaddressable value")
	}
	fl := v.flag & flagRO
	return Value{ptrToType(v.typ), v.ptr, fl | flag(Pointer)}
}

func (v Value) UnsafeAddr() uintptr {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.UnsafeAddr", Invalid})
	}
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.UnsafeAddr of unaddressable value")
	}
	return uintptr(v.ptr)
}

// ---- scalar getters ----

func (v Value) Bool() bool {
	if v.kind() != Bool {
		v.panicNotBool()
	}
	return *(*bool)(v.ptr)
}

func (v Value) panicNotBool() { v.mustBe(Bool, "reflect.Value.Bool") }

func (v Value) CanInt() bool {
	switch v.kind() {
	case Int, Int8, Int16, Int32, Int64:
		return true
	}
	return false
}

func (v Value) Int() int64 {
	p := v.ptr
	switch v.kind() {
	case Int:
		return int64(*(*int)(p))
	case Int8:
		return int64(*(*int8)(p))
	case Int16:
		return int64(*(*int16)(p))
	case Int32:
		return int64(*(*int32)(p))
	case Int64:
		return *(*int64)(p)
	}
	panic(&ValueError{"reflect.Value.Int", v.kind()})
}

func (v Value) CanUint() bool {
	switch v.kind() {
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return true
	}
	return false
}

func (v Value) Uint() uint64 {
	p := v.ptr
	switch v.kind() {
	case Uint:
		return uint64(*(*uint)(p))
	case Uint8:
		return uint64(*(*uint8)(p))
	case Uint16:
		return uint64(*(*uint16)(p))
	case Uint32:
		return uint64(*(*uint32)(p))
	case Uint64:
		return *(*uint64)(p)
	case Uintptr:
		return uint64(*(*uintptr)(p))
	}
	panic(&ValueError{"reflect.Value.Uint", v.kind()})
}

func (v Value) CanFloat() bool { k := v.kind(); return k == Float32 || k == Float64 }

func (v Value) Float() float64 {
	switch v.kind() {
	case Float32:
		return float64(*(*float32)(v.ptr))
	case Float64:
		return *(*float64)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Float", v.kind()})
}

func (v Value) CanComplex() bool { k := v.kind(); return k == Complex64 || k == Complex128 }

func (v Value) Complex() complex128 {
	switch v.kind() {
	case Complex64:
		return complex128(*(*complex64)(v.ptr))
	case Complex128:
		return *(*complex128)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Complex", v.kind()})
}

// String returns the string v holds; for other kinds it returns
// "<T Value>" (and "<invalid Value>" for the zero Value), as Go does.
func (v Value) String() string {
	if v.kind() == String {
		return *(*string)(v.ptr)
	}
	if v.kind() == Invalid {
		return "<invalid Value>"
	}
	return "<" + v.Type().String() + " Value>"
}

func (v Value) Bytes() []byte {
	switch v.kind() {
	case Slice:
		if v.typ.elemType().Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte slice")
		}
		return *(*[]byte)(v.ptr)
	case Array:
		if v.typ.elemType().Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte array")
		}
		if !v.CanAddr() {
			panic("reflect.Value.Bytes of unaddressable byte array")
		}
		n := v.typ.Len()
		var s []byte
		h := (*sliceHeader)(unsafe.Pointer(&s))
		h.Data = v.ptr
		h.Len = n
		h.Cap = n
		return s
	}
	panic(&ValueError{"reflect.Value.Bytes", v.kind()})
}

func (v Value) runes() []rune {
	v.mustBe(Slice, "reflect.Value.Convert")
	if v.typ.elemType().Kind() != Int32 {
		panic("reflect.Value.Bytes of non-rune slice")
	}
	return *(*[]rune)(v.ptr)
}

// Pointer returns v's value as a uintptr.
func (v Value) Pointer() uintptr {
	switch v.kind() {
	case Pointer, Chan, Map, UnsafePointer:
		return uintptr(v.pointer())
	case Func:
		if v.flag&flagMethod != 0 {
			// Go returns the address of the method-value trampoline.
			return uintptr(unsafe.Pointer(v.typ))
		}
		p := v.pointer()
		if p != nil {
			// The code identity: the function id in the closure's first word.
			p = addrOf(uint32(*(*uintptr)(p)))
		}
		return uintptr(p)
	case Slice:
		return uintptr((*sliceHeader)(v.ptr).Data)
	}
	panic(&ValueError{"reflect.Value.Pointer", v.kind()})
}

// UnsafePointer returns v's value as an unsafe.Pointer.
func (v Value) UnsafePointer() unsafe.Pointer {
	switch v.kind() {
	case Pointer, Chan, Map, UnsafePointer:
		return v.pointer()
	case Func:
		return addrOf(uint32(v.Pointer()))
	case Slice:
		return (*sliceHeader)(v.ptr).Data
	}
	panic(&ValueError{"reflect.Value.UnsafePointer", v.kind()})
}

// ---- containers ----

type sliceHeader struct {
	Data unsafe.Pointer
	Len  int
	Cap  int
}

type stringHeader struct {
	Data unsafe.Pointer
	Len  int
}

// SliceHeader is the runtime representation of a slice.
type SliceHeader struct {
	Data uintptr
	Len  int
	Cap  int
}

// StringHeader is the runtime representation of a string.
type StringHeader struct {
	Data uintptr
	Len  int
}

func add(p unsafe.Pointer, x uintptr) unsafe.Pointer {
	return unsafe.Pointer(uintptr(p) + x)
}

func (v Value) Len() int {
	switch v.kind() {
	case Array:
		return int((*arrayType)(unsafe.Pointer(v.typ)).len)
	case Chan:
		return chanlen(v.pointer())
	case Map:
		return maplen(v.pointer())
	case Slice:
		return (*sliceHeader)(v.ptr).Len
	case String:
		return (*stringHeader)(v.ptr).Len
	case Pointer:
		if v.typ.elemType().Kind() == Array {
			return v.typ.elemType().Len()
		}
		panic("reflect: call of reflect.Value.Len on ptr to non-array Value")
	}
	panic(&ValueError{"reflect.Value.Len", v.kind()})
}

func (v Value) Cap() int {
	switch v.kind() {
	case Array:
		return v.typ.Len()
	case Chan:
		return chancap(v.pointer())
	case Slice:
		return (*sliceHeader)(v.ptr).Cap
	case Pointer:
		if v.typ.elemType().Kind() == Array {
			return v.typ.elemType().Len()
		}
		panic("reflect: call of reflect.Value.Cap on ptr to non-array Value")
	}
	panic(&ValueError{"reflect.Value.Cap", v.kind()})
}

func (v Value) Index(i int) Value {
	switch v.kind() {
	case Array:
		at := (*arrayType)(unsafe.Pointer(v.typ))
		if uint(i) >= uint(at.len) {
			panic("reflect: array index out of range")
		}
		et := toRType(at.elem)
		fl := v.flag&(flagIndir|flagAddr) | v.flag.ro() | flag(et.Kind())
		if v.flag&flagIndir == 0 {
			// A pointer-shaped array has one element, held directly.
			return Value{et, v.ptr, fl}
		}
		return Value{et, add(v.ptr, uintptr(i)*uintptr(et.size)), fl}
	case Slice:
		s := (*sliceHeader)(v.ptr)
		if uint(i) >= uint(s.Len) {
			panic("reflect: slice index out of range")
		}
		et := v.typ.elemType()
		fl := flagAddr | flagIndir | v.flag.ro() | flag(et.Kind())
		return Value{et, add(s.Data, uintptr(i)*uintptr(et.size)), fl}
	case String:
		s := (*stringHeader)(v.ptr)
		if uint(i) >= uint(s.Len) {
			panic("reflect: string index out of range")
		}
		p := add(s.Data, uintptr(i))
		return Value{toRType(rtypeAddr(uint8Type)), p, v.flag.ro() | flag(Uint8) | flagIndir}
	}
	panic(&ValueError{"reflect.Value.Index", v.kind()})
}

var uint8Type = TypeOf(uint8(0))

func (v Value) Elem() Value {
	k := v.kind()
	switch k {
	case Interface:
		var eface any
		if v.typ.NumMethod() == 0 {
			eface = *(*any)(v.ptr)
		} else {
			eface = (any)(*(*interface{ M() })(v.ptr))
		}
		x := unpackEface(eface)
		if x.flag != 0 {
			x.flag |= v.flag.ro()
		}
		return x
	case Pointer:
		p := v.ptr
		if v.flag&flagIndir != 0 {
			p = *(*unsafe.Pointer)(p)
		}
		if p == nil {
			return Value{}
		}
		et := v.typ.elemType()
		fl := v.flag&flagRO | flagIndir | flagAddr | flag(et.Kind())
		return Value{et, p, fl}
	}
	panic(&ValueError{"reflect.Value.Elem", k})
}

func (v Value) IsNil() bool {
	switch v.kind() {
	case Chan, Func, Map, Pointer, UnsafePointer:
		if v.flag&flagMethod != 0 {
			return false
		}
		p := v.ptr
		if v.flag&flagIndir != 0 {
			p = *(*unsafe.Pointer)(p)
		}
		return p == nil
	case Interface, Slice:
		// Both hold a pointer in their first word.
		return *(*unsafe.Pointer)(v.ptr) == nil
	}
	panic(&ValueError{"reflect.Value.IsNil", v.kind()})
}

func (v Value) IsZero() bool {
	switch v.kind() {
	case Bool:
		return !v.Bool()
	case Int, Int8, Int16, Int32, Int64:
		return v.Int() == 0
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return v.Uint() == 0
	case Float32, Float64:
		return math.Float64bits(v.Float()) == 0
	case Complex64, Complex128:
		c := v.Complex()
		return math.Float64bits(real(c)) == 0 && math.Float64bits(imag(c)) == 0
	case Array:
		n := v.Len()
		for i := 0; i < n; i++ {
			if !v.Index(i).IsZero() {
				return false
			}
		}
		return true
	case Chan, Func, Interface, Map, Pointer, Slice, UnsafePointer:
		return v.IsNil()
	case String:
		return v.Len() == 0
	case Struct:
		n := v.NumField()
		for i := 0; i < n; i++ {
			if !v.Field(i).IsZero() {
				return false
			}
		}
		return true
	}
	panic(&ValueError{"reflect.Value.IsZero", v.Kind()})
}

func (v Value) NumField() int {
	v.mustBe(Struct, "reflect.Value.NumField")
	return v.typ.NumField()
}

func (v Value) Field(i int) Value {
	if v.kind() != Struct {
		panic(&ValueError{"reflect.Value.Field", v.kind()})
	}
	st := (*structType)(unsafe.Pointer(v.typ))
	if uint(i) >= uint(st.nfields) {
		panic("reflect: Field index out of range")
	}
	f := st.field(i)
	typ := toRType(f.typ)
	fl := v.flag&(flagStickyRO|flagIndir|flagAddr) | flag(typ.Kind())
	if f.pkgPath != 0 {
		if f.flags&1 != 0 {
			fl |= flagEmbedRO
		} else {
			fl |= flagStickyRO
		}
	}
	if v.flag&flagIndir == 0 {
		// A pointer-shaped struct has one pointer-shaped field.
		return Value{typ, v.ptr, fl}
	}
	return Value{typ, add(v.ptr, uintptr(f.offset)), fl}
}

func (v Value) FieldByIndex(index []int) Value {
	if len(index) == 1 {
		return v.Field(index[0])
	}
	v.mustBe(Struct, "reflect.Value.FieldByIndex")
	for i, x := range index {
		if i > 0 && v.Kind() == Pointer && v.typ.elemType().Kind() == Struct {
			if v.IsNil() {
				panic("reflect: indirection through nil pointer to embedded struct")
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// FieldByIndexErr is FieldByIndex, returning an error instead of
// panicking on a nil embedded pointer.
func (v Value) FieldByIndexErr(index []int) (Value, error) {
	if len(index) == 1 {
		return v.Field(index[0]), nil
	}
	v.mustBe(Struct, "reflect.Value.FieldByIndexErr")
	for i, x := range index {
		if i > 0 && v.Kind() == Pointer && v.typ.elemType().Kind() == Struct {
			if v.IsNil() {
				return Value{}, errorString("reflect: indirection through nil pointer to embedded struct field " + v.typ.elemType().Name())
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, nil
}

type errorString string

func (e errorString) Error() string { return string(e) }

func (v Value) FieldByName(name string) Value {
	v.mustBe(Struct, "reflect.Value.FieldByName")
	if f, ok := v.typ.FieldByName(name); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

func (v Value) FieldByNameFunc(match func(string) bool) Value {
	if f, ok := v.typ.FieldByNameFunc(match); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

func (v Value) NumMethod() int {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.NumMethod", Invalid})
	}
	if v.flag&flagMethod != 0 {
		return 0
	}
	return v.typ.NumMethod()
}

func (v Value) Method(i int) Value {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Method", Invalid})
	}
	if v.flag&flagMethod != 0 || uint(i) >= uint(v.typ.NumMethod()) {
		panic("reflect: Method index out of range")
	}
	if v.typ.Kind() == Interface && v.IsNil() {
		panic("reflect: Method on nil interface value")
	}
	fl := v.flag.ro() | v.flag&flagIndir
	fl |= flag(Func)
	fl |= flag(i)<<flagMethodShift | flagMethod
	return Value{v.typ, v.ptr, fl}
}

func (v Value) MethodByName(name string) Value {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.MethodByName", Invalid})
	}
	if v.flag&flagMethod != 0 {
		panic("reflect: MethodByName of method value")
	}
	m, ok := v.typ.MethodByName(name)
	if !ok {
		return Value{}
	}
	return v.Method(m.Index)
}

// ---- maps ----

func (v Value) MapIndex(key Value) Value {
	v.mustBe(Map, "reflect.Value.MapIndex")
	tt := (*mapType)(unsafe.Pointer(v.typ))
	key = key.assignTo("reflect.Value.MapIndex", toRType(tt.key), nil)
	var k unsafe.Pointer
	if key.flag&flagIndir != 0 {
		k = key.ptr
	} else {
		k = unsafe.Pointer(&key.ptr)
	}
	e := mapaccess(v.typ, v.pointer(), k)
	if e == nil {
		return Value{}
	}
	typ := toRType(tt.elem)
	fl := (v.flag | key.flag).ro() | flag(typ.Kind())
	return copyVal(typ, fl, e)
}

// copyVal returns a Value holding a copy of the value at ptr.
func copyVal(typ *rtype, fl flag, ptr unsafe.Pointer) Value {
	if typ.ifaceIndir() {
		c := unsafe_New(typ)
		typedmemmove(typ, c, ptr)
		return Value{typ, c, fl | flagIndir}
	}
	return Value{typ, *(*unsafe.Pointer)(ptr), fl}
}

func (v Value) MapKeys() []Value {
	v.mustBe(Map, "reflect.Value.MapKeys")
	tt := (*mapType)(unsafe.Pointer(v.typ))
	keyType := toRType(tt.key)
	fl := v.flag.ro() | flag(keyType.Kind())
	m := v.pointer()
	mlen := 0
	if m != nil {
		mlen = maplen(m)
	}
	var it hiter
	mapiterinit(v.typ, m, &it)
	a := make([]Value, 0, mlen)
	for i := 0; i < mlen; i++ {
		k := it.key
		if k == nil {
			break
		}
		a = append(a, copyVal(keyType, fl, k))
		mapiternext(&it)
	}
	return a
}

// hiter is the map iterator the runtime fills (NATIVES.md): key and elem
// point into the map, nil at the end; the remaining words are the runtime's.
// Words 3-5 are pointers the collector must see (NATIVES.md): after a grow the
// iterator may hold the only reference to the old bucket array.
type hiter struct {
	key     unsafe.Pointer
	elem    unsafe.Pointer
	t       uintptr
	h       unsafe.Pointer
	buckets unsafe.Pointer
	bptr    unsafe.Pointer
	_       [6]uintptr // runtime-owned iteration state
}

// A MapIter is an iterator for ranging over a map.
type MapIter struct {
	m       Value
	hiter   hiter
	started bool
}

func (iter *MapIter) Key() Value {
	if !iter.started {
		panic("MapIter.Key called before Next")
	}
	if iter.hiter.key == nil {
		panic("MapIter.Key called on exhausted iterator")
	}
	t := (*mapType)(unsafe.Pointer(iter.m.typ))
	ktype := toRType(t.key)
	return copyVal(ktype, iter.m.flag.ro()|flag(ktype.Kind()), iter.hiter.key)
}

func (iter *MapIter) Value() Value {
	if !iter.started {
		panic("MapIter.Value called before Next")
	}
	if iter.hiter.key == nil {
		panic("MapIter.Value called on exhausted iterator")
	}
	t := (*mapType)(unsafe.Pointer(iter.m.typ))
	vtype := toRType(t.elem)
	return copyVal(vtype, iter.m.flag.ro()|flag(vtype.Kind()), iter.hiter.elem)
}

func (iter *MapIter) Next() bool {
	if !iter.m.IsValid() {
		panic("MapIter.Next called on an iterator that does not have an associated map Value")
	}
	if !iter.started {
		mapiterinit(iter.m.typ, iter.m.pointer(), &iter.hiter)
		iter.started = true
	} else {
		if iter.hiter.key == nil {
			panic("MapIter.Next called on exhausted iterator")
		}
		mapiternext(&iter.hiter)
	}
	return iter.hiter.key != nil
}

func (iter *MapIter) Reset(v Value) {
	if v.IsValid() {
		v.mustBe(Map, "unknown method")
	}
	iter.m = v
	iter.hiter = hiter{}
	iter.started = false
}

func (v Value) MapRange() *MapIter {
	if v.kind() != Map {
		panic(&ValueError{"reflect.Value.MapRange", v.kind()})
	}
	return &MapIter{m: v}
}

func (v Value) SetIterKey(iter *MapIter) {
	v.Set(iter.Key())
}

func (v Value) SetIterValue(iter *MapIter) {
	v.Set(iter.Value())
}

func (v Value) SetMapIndex(key, elem Value) {
	v.mustBe(Map, "reflect.Value.SetMapIndex")
	v.mustBeExported("reflect.Value.SetMapIndex")
	key.mustBeExported("reflect.Value.SetMapIndex")
	tt := (*mapType)(unsafe.Pointer(v.typ))
	key = key.assignTo("reflect.Value.SetMapIndex", toRType(tt.key), nil)
	var k unsafe.Pointer
	if key.flag&flagIndir != 0 {
		k = key.ptr
	} else {
		k = unsafe.Pointer(&key.ptr)
	}
	if elem.typ == nil {
		mapdelete(v.typ, v.pointer(), k)
		return
	}
	elem.mustBeExported("reflect.Value.SetMapIndex")
	elem = elem.assignTo("reflect.Value.SetMapIndex", toRType(tt.elem), nil)
	var e unsafe.Pointer
	if elem.flag&flagIndir != 0 {
		e = elem.ptr
	} else {
		e = unsafe.Pointer(&elem.ptr)
	}
	mapassign(v.typ, v.pointer(), k, e)
}

// ---- setters ----

func (v Value) Set(x Value) {
	v.mustBeAssignable("reflect.Value.Set")
	x.mustBeExported("reflect.Value.Set")
	var target unsafe.Pointer
	if v.kind() == Interface {
		target = v.ptr
	}
	x = x.assignTo("reflect.Set", v.typ, target)
	if x.flag&flagIndir != 0 {
		if x.ptr == unsafe.Pointer(&zeroVal[0]) {
			typedmemclr(v.typ, v.ptr)
		} else {
			typedmemmove(v.typ, v.ptr, x.ptr)
		}
	} else {
		*(*unsafe.Pointer)(v.ptr) = x.ptr
	}
}

func (v Value) SetBool(x bool) {
	v.mustBeAssignable("reflect.Value.SetBool")
	v.mustBe(Bool, "reflect.Value.SetBool")
	*(*bool)(v.ptr) = x
}

func (v Value) SetBytes(x []byte) {
	v.mustBeAssignable("reflect.Value.SetBytes")
	v.mustBe(Slice, "reflect.Value.SetBytes")
	if v.typ.elemType().Kind() != Uint8 {
		panic("reflect.Value.SetBytes of non-byte slice")
	}
	*(*[]byte)(v.ptr) = x
}

func (v Value) setRunes(x []rune) {
	v.mustBeAssignable("reflect.Value.Convert")
	v.mustBe(Slice, "reflect.Value.Convert")
	*(*[]rune)(v.ptr) = x
}

func (v Value) SetInt(x int64) {
	v.mustBeAssignable("reflect.Value.SetInt")
	switch k := v.kind(); k {
	case Int:
		*(*int)(v.ptr) = int(x)
	case Int8:
		*(*int8)(v.ptr) = int8(x)
	case Int16:
		*(*int16)(v.ptr) = int16(x)
	case Int32:
		*(*int32)(v.ptr) = int32(x)
	case Int64:
		*(*int64)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetInt", v.kind()})
	}
}

func (v Value) SetUint(x uint64) {
	v.mustBeAssignable("reflect.Value.SetUint")
	switch k := v.kind(); k {
	case Uint:
		*(*uint)(v.ptr) = uint(x)
	case Uint8:
		*(*uint8)(v.ptr) = uint8(x)
	case Uint16:
		*(*uint16)(v.ptr) = uint16(x)
	case Uint32:
		*(*uint32)(v.ptr) = uint32(x)
	case Uint64:
		*(*uint64)(v.ptr) = x
	case Uintptr:
		*(*uintptr)(v.ptr) = uintptr(x)
	default:
		panic(&ValueError{"reflect.Value.SetUint", v.kind()})
	}
}

func (v Value) SetFloat(x float64) {
	v.mustBeAssignable("reflect.Value.SetFloat")
	switch k := v.kind(); k {
	case Float32:
		*(*float32)(v.ptr) = float32(x)
	case Float64:
		*(*float64)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetFloat", v.kind()})
	}
}

func (v Value) SetComplex(x complex128) {
	v.mustBeAssignable("reflect.Value.SetComplex")
	switch k := v.kind(); k {
	case Complex64:
		*(*complex64)(v.ptr) = complex64(x)
	case Complex128:
		*(*complex128)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetComplex", v.kind()})
	}
}

func (v Value) SetString(x string) {
	v.mustBeAssignable("reflect.Value.SetString")
	v.mustBe(String, "reflect.Value.SetString")
	*(*string)(v.ptr) = x
}

func (v Value) SetPointer(x unsafe.Pointer) {
	v.mustBeAssignable("reflect.Value.SetPointer")
	v.mustBe(UnsafePointer, "reflect.Value.SetPointer")
	*(*unsafe.Pointer)(v.ptr) = x
}

func (v Value) SetLen(n int) {
	v.mustBeAssignable("reflect.Value.SetLen")
	v.mustBe(Slice, "reflect.Value.SetLen")
	s := (*sliceHeader)(v.ptr)
	if uint(n) > uint(s.Cap) {
		panic("reflect: slice length out of range in SetLen")
	}
	s.Len = n
}

func (v Value) SetCap(n int) {
	v.mustBeAssignable("reflect.Value.SetCap")
	v.mustBe(Slice, "reflect.Value.SetCap")
	s := (*sliceHeader)(v.ptr)
	if n < s.Len || n > s.Cap {
		panic("reflect: slice capacity out of range in SetCap")
	}
	s.Cap = n
}

func (v Value) OverflowInt(x int64) bool {
	switch v.kind() {
	case Int, Int8, Int16, Int32, Int64:
		bitSize := v.typ.size * 8
		trunc := (x << (64 - bitSize)) >> (64 - bitSize)
		return x != trunc
	}
	panic(&ValueError{"reflect.Value.OverflowInt", v.kind()})
}

func (v Value) OverflowUint(x uint64) bool {
	switch v.kind() {
	case Uint, Uintptr, Uint8, Uint16, Uint32, Uint64:
		bitSize := v.typ.size * 8
		trunc := (x << (64 - bitSize)) >> (64 - bitSize)
		return x != trunc
	}
	panic(&ValueError{"reflect.Value.OverflowUint", v.kind()})
}

func (v Value) OverflowFloat(x float64) bool {
	switch v.kind() {
	case Float32:
		return overflowFloat32(x)
	case Float64:
		return false
	}
	panic(&ValueError{"reflect.Value.OverflowFloat", v.kind()})
}

func (v Value) OverflowComplex(x complex128) bool {
	switch v.kind() {
	case Complex64:
		return overflowFloat32(real(x)) || overflowFloat32(imag(x))
	case Complex128:
		return false
	}
	panic(&ValueError{"reflect.Value.OverflowComplex", v.kind()})
}

func overflowFloat32(x float64) bool {
	if x < 0 {
		x = -x
	}
	return math.MaxFloat32 < x && x <= math.MaxFloat64
}

// ---- slicing ----

func (v Value) Slice(i, j int) Value {
	var cap int
	var typ *sliceType
	var base unsafe.Pointer
	switch kind := v.kind(); kind {
	case Array:
		if v.flag&flagAddr == 0 {
			panic("reflect.Value.Slice: slice of unaddressable array")
		}
		at := (*arrayType)(unsafe.Pointer(v.typ))
		cap = int(at.len)
		typ = arraySliceType(at)
		base = v.ptr
	case Slice:
		typ = (*sliceType)(unsafe.Pointer(v.typ))
		s := (*sliceHeader)(v.ptr)
		base = s.Data
		cap = s.Cap
	case String:
		s := (*stringHeader)(v.ptr)
		if i < 0 || j < i || j > s.Len {
			panic("reflect.Value.Slice: string slice index out of bounds")
		}
		t := new(stringHeader)
		if i < s.Len {
			t.Data = add(s.Data, uintptr(i))
		}
		t.Len = j - i
		return Value{v.typ, unsafe.Pointer(t), v.flag.ro() | flagIndir | flag(String)}
	default:
		panic(&ValueError{"reflect.Value.Slice", v.kind()})
	}
	if i < 0 || j < i || j > cap {
		panic("reflect.Value.Slice: slice index out of bounds")
	}
	s := new(sliceHeader)
	s.Len = j - i
	s.Cap = cap - i
	if cap-i > 0 {
		s.Data = add(base, uintptr(i)*uintptr(toRType(typ.elem).size))
	} else {
		s.Data = base
	}
	return Value{&typ.rtype, unsafe.Pointer(s), v.flag.ro() | flagIndir | flag(Slice)}
}

func (v Value) Slice3(i, j, k int) Value {
	var cap int
	var typ *sliceType
	var base unsafe.Pointer
	switch kind := v.kind(); kind {
	case Array:
		if v.flag&flagAddr == 0 {
			panic("reflect.Value.Slice3: slice of unaddressable array")
		}
		at := (*arrayType)(unsafe.Pointer(v.typ))
		cap = int(at.len)
		typ = arraySliceType(at)
		base = v.ptr
	case Slice:
		typ = (*sliceType)(unsafe.Pointer(v.typ))
		s := (*sliceHeader)(v.ptr)
		base = s.Data
		cap = s.Cap
	default:
		panic(&ValueError{"reflect.Value.Slice3", v.kind()})
	}
	if i < 0 || j < i || k < j || k > cap {
		panic("reflect.Value.Slice3: slice index out of bounds")
	}
	s := new(sliceHeader)
	s.Len = j - i
	s.Cap = k - i
	if k-i > 0 {
		s.Data = add(base, uintptr(i)*uintptr(toRType(typ.elem).size))
	} else {
		s.Data = base
	}
	return Value{&typ.rtype, unsafe.Pointer(s), v.flag.ro() | flagIndir | flag(Slice)}
}

// ---- channels ----

func (v Value) Close() {
	v.mustBe(Chan, "reflect.Value.Close")
	v.mustBeExported("reflect.Value.Close")
	chanclose(v.pointer())
}

func (v Value) Recv() (Value, bool) {
	v.mustBe(Chan, "reflect.Value.Recv")
	v.mustBeExported("reflect.Value.Recv")
	return v.recv(false)
}

func (v Value) TryRecv() (Value, bool) {
	v.mustBe(Chan, "reflect.Value.TryRecv")
	v.mustBeExported("reflect.Value.TryRecv")
	return v.recv(true)
}

func (v Value) recv(nb bool) (val Value, ok bool) {
	tt := (*chanType)(unsafe.Pointer(v.typ))
	if ChanDir(tt.dir)&RecvDir == 0 {
		panic("reflect: recv on send-only channel")
	}
	t := toRType(tt.elem)
	val = Value{t, nil, flag(t.Kind())}
	var p unsafe.Pointer
	if t.ifaceIndir() {
		p = unsafe_New(t)
		val.ptr = p
		val.flag |= flagIndir
	} else {
		p = unsafe.Pointer(&val.ptr)
	}
	selected, ok := chanrecv(v.pointer(), nb, p)
	if !selected {
		val = Value{}
	}
	return
}

func (v Value) Send(x Value) {
	v.mustBe(Chan, "reflect.Value.Send")
	v.mustBeExported("reflect.Value.Send")
	v.send(x, false)
}

func (v Value) TrySend(x Value) bool {
	v.mustBe(Chan, "reflect.Value.TrySend")
	v.mustBeExported("reflect.Value.TrySend")
	return v.send(x, true)
}

func (v Value) send(x Value, nb bool) bool {
	tt := (*chanType)(unsafe.Pointer(v.typ))
	if ChanDir(tt.dir)&SendDir == 0 {
		panic("reflect: send on recv-only channel")
	}
	x.mustBeExported("reflect.Value.Send")
	x = x.assignTo("reflect.Value.Send", toRType(tt.elem), nil)
	var p unsafe.Pointer
	if x.flag&flagIndir != 0 {
		p = x.ptr
	} else {
		p = unsafe.Pointer(&x.ptr)
	}
	return chansend(v.pointer(), p, nb)
}

// ---- assignment and conversion ----

// assignTo returns x converted for assignment to a variable of type dst.
// target, when not nil, is memory to hold an interface result.
func (v Value) assignTo(context string, dst *rtype, target unsafe.Pointer) Value {
	if v.flag&flagMethod != 0 {
		v = makeMethodValue(v)
	}
	switch {
	case directlyAssignable(dst, v.typ):
		fl := v.flag&(flagAddr|flagIndir) | v.flag.ro()
		fl |= flag(dst.Kind())
		return Value{dst, v.ptr, fl}
	case implements(dst, v.typ):
		if target == nil {
			target = unsafe_New(dst)
		}
		if v.Kind() == Interface && v.IsNil() {
			return Value{dst, nil, flag(Interface)}
		}
		x := valueInterface(v, false)
		if dst.NumMethod() == 0 {
			*(*any)(target) = x
		} else {
			ifaceE2I(dst, x, target)
		}
		return Value{dst, target, flagIndir | flag(Interface)}
	}
	panic(context + ": value of type " + v.typ.String() + " is not assignable to type " + dst.String())
}

// zeroVal backs Zero for large types (read-only).
var zeroVal [1024]byte

// Zero returns a Value representing the zero value for the specified type.
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	t := typ.common()
	fl := flag(t.Kind())
	if t.ifaceIndir() {
		var p unsafe.Pointer
		if t.size <= uint32(len(zeroVal)) {
			p = unsafe.Pointer(&zeroVal[0])
		} else {
			p = unsafe_New(t)
		}
		return Value{t, p, fl | flagIndir}
	}
	return Value{t, nil, fl}
}

// New returns a Value representing a pointer to a new zero value for typ.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	t := typ.common()
	pt := ptrToType(t)
	p := unsafe_New(t)
	return Value{pt, p, flag(Pointer)}
}

// NewAt returns a Value representing a pointer to a value of typ at p.
func NewAt(typ Type, p unsafe.Pointer) Value {
	t := typ.common()
	return Value{ptrToType(t), p, flag(Pointer)}
}

// Indirect returns the value that v points to (v itself if not a pointer).
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

// MakeSlice creates a new zero-initialized slice value.
func MakeSlice(typ Type, len, cap int) Value {
	if typ.Kind() != Slice {
		panic("reflect.MakeSlice of non-slice type")
	}
	if len < 0 {
		panic("reflect.MakeSlice: negative len")
	}
	if cap < 0 {
		panic("reflect.MakeSlice: negative cap")
	}
	if len > cap {
		panic("reflect.MakeSlice: len > cap")
	}
	s := &sliceHeader{unsafe_NewArray(typ.Elem().common(), cap), len, cap}
	return Value{typ.common(), unsafe.Pointer(s), flagIndir | flag(Slice)}
}

// MakeChan creates a new channel with the specified type and buffer size.
func MakeChan(typ Type, buffer int) Value {
	if typ.Kind() != Chan {
		panic("reflect.MakeChan of non-chan type")
	}
	if buffer < 0 {
		panic("reflect.MakeChan: negative buffer size")
	}
	if typ.ChanDir() != BothDir {
		panic("reflect.MakeChan: unidirectional channel type")
	}
	t := typ.common()
	return Value{t, makechan(t, buffer), flag(Chan)}
}

// MakeMap creates a new map with the specified type.
func MakeMap(typ Type) Value { return MakeMapWithSize(typ, 0) }

// MakeMapWithSize creates a new map with room for about n elements.
func MakeMapWithSize(typ Type, n int) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMapWithSize of non-map type")
	}
	t := typ.common()
	return Value{t, makemap(t, n), flag(Map)}
}

// Append appends the values x to a slice s and returns the resulting slice.
func Append(s Value, x ...Value) Value {
	s.mustBe(Slice, "unknown method")
	n := s.Len()
	s = s.extendSlice(len(x))
	for i, v := range x {
		s.Index(n + i).Set(v)
	}
	return s
}

// AppendSlice appends a slice t to a slice s and returns the result.
func AppendSlice(s, t Value) Value {
	s.mustBe(Slice, "unknown method")
	t.mustBe(Slice, "unknown method")
	if s.Type().Elem() != t.Type().Elem() {
		panic("reflect.AppendSlice: " + s.Type().Elem().String() + " != " + t.Type().Elem().String())
	}
	ns := s.Len()
	nt := t.Len()
	s = s.extendSlice(nt)
	Copy(s.Slice(ns, ns+nt), t)
	return s
}

// extendSlice returns a copy of the slice header of v grown by n elements,
// reallocating with the runtime's growth policy when needed.
func (v Value) extendSlice(n int) Value {
	v.mustBeExported("unknown method")
	v.mustBe(Slice, "unknown method")
	h := *(*sliceHeader)(v.ptr)
	if h.Len+n > h.Cap {
		h = growslice(v.typ.elemType(), h, h.Len+n)
	}
	h.Len += n
	p := new(sliceHeader)
	*p = h
	return Value{v.typ, unsafe.Pointer(p), flagIndir | flag(Slice)}
}

// Copy copies the contents of src into dst until either dst has been
// filled or src has been exhausted, and returns the number copied.
func Copy(dst, src Value) int {
	dk := dst.kind()
	if dk != Array && dk != Slice {
		panic(&ValueError{"reflect.Copy", dk})
	}
	if dk == Array {
		dst.mustBeAssignable("unknown method")
	}
	dst.mustBeExported("unknown method")
	sk := src.kind()
	var stringCopy bool
	if sk != Array && sk != Slice {
		stringCopy = sk == String && dst.typ.elemType().Kind() == Uint8
		if !stringCopy {
			panic(&ValueError{"reflect.Copy", sk})
		}
	}
	src.mustBeExported("unknown method")
	de := dst.typ.elemType()
	if !stringCopy {
		se := src.typ.elemType()
		if de != se && !haveIdenticalType(de, se, true) {
			panic("reflect.Copy: " + de.String() + " != " + se.String())
		}
	}
	var ds, ss sliceHeader
	if dk == Array {
		ds = sliceHeader{dst.ptr, dst.Len(), dst.Len()}
	} else {
		ds = *(*sliceHeader)(dst.ptr)
	}
	if sk == Array {
		ss = sliceHeader{src.ptr, src.Len(), src.Len()}
	} else if sk == Slice {
		ss = *(*sliceHeader)(src.ptr)
	} else {
		sh := *(*stringHeader)(src.ptr)
		ss = sliceHeader{sh.Data, sh.Len, sh.Len}
	}
	return typedslicecopy(de, ds, ss)
}

// arraySliceType returns the []elem descriptor for an array type.
func arraySliceType(at *arrayType) *sliceType {
	if at.slice != 0 {
		return (*sliceType)(addrOf(at.slice))
	}
	return (*sliceType)(unsafe.Pointer(sliceOf(toRType(at.elem))))
}

// ptrToType returns the *t descriptor, from the image when it has one.
func ptrToType(t *rtype) *rtype {
	if t.ptrToThis != 0 {
		return toRType(t.ptrToThis)
	}
	return ptrTo(t)
}
