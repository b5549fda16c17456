// gort standard library: package reflect (type constructors, Select,
// VisibleFields).

package reflect

import "unsafe"

// SliceOf returns the slice type with element type t.
func SliceOf(t Type) Type { return toType(sliceOf(t.common())) }

// MapOf returns the map type with the given key and element types; it
// panics if the key type is not a valid map key type.
func MapOf(key, elem Type) Type {
	k := key.common()
	if !k.Comparable() {
		panic("reflect.MapOf: invalid key type " + k.String())
	}
	return toType(mapOf(k, elem.common()))
}

// ChanOf returns the channel type with the given direction and element type.
func ChanOf(dir ChanDir, t Type) Type {
	if dir != RecvDir && dir != SendDir && dir != BothDir {
		panic("reflect.ChanOf: invalid dir")
	}
	if t.Size() >= 1<<16 {
		panic("reflect.ChanOf: element size too large")
	}
	return toType(chanOf(int(dir), t.common()))
}

// ArrayOf returns the array type with the given length and element type.
func ArrayOf(length int, elem Type) Type {
	if length < 0 {
		panic("reflect: negative length passed to ArrayOf")
	}
	if elem.Size() > 0 && uintptr(length) > ^uintptr(0)/elem.Size() {
		panic("reflect.ArrayOf: array size would exceed virtual address space")
	}
	return toType(arrayOf(length, elem.common()))
}

// FuncOf returns the function type with the given argument and result
// types; variadic requires the last input to be a slice.
func FuncOf(in, out []Type, variadic bool) Type {
	if variadic && (len(in) == 0 || in[len(in)-1].Kind() != Slice) {
		panic("reflect.FuncOf: last arg of variadic func must be slice")
	}
	if len(in)+len(out) > 128 {
		panic("reflect.FuncOf: too many arguments")
	}
	ins := make([]*rtype, len(in))
	for i, t := range in {
		ins[i] = t.common()
	}
	outs := make([]*rtype, len(out))
	for i, t := range out {
		outs[i] = t.common()
	}
	return toType(funcOf(ins, outs, variadic))
}

// The runtime builds these descriptors (TYPEDESC.md layout, with equality
// and hash functions it owns) and caches them, so identical requests and
// types already in the image yield the same descriptor.
func sliceOf(elem *rtype) *rtype
func mapOf(key, elem *rtype) *rtype
func chanOf(dir int, elem *rtype) *rtype
func arrayOf(n int, elem *rtype) *rtype
func funcOf(in, out []*rtype, variadic bool) *rtype

// InterfaceData returns the two words of the interface value v.
//
// Deprecated: the memory representation of interface values is not
// compatible with safe use of InterfaceData.
func (v Value) InterfaceData() [2]uintptr {
	v.mustBe(Interface, "reflect.Value.InterfaceData")
	return *(*[2]uintptr)(v.ptr)
}

// ---- Select ----

// A SelectDir describes the communication direction of a select case.
type SelectDir int

const (
	_             SelectDir = iota
	SelectSend              // case Chan <- Send
	SelectRecv              // case <-Chan:
	SelectDefault           // default
)

// A SelectCase describes a single case in a select operation.
type SelectCase struct {
	Dir  SelectDir
	Chan Value
	Send Value
}

// runtimeSelect is one case as the runtime's select sees it.
type runtimeSelect struct {
	dir uintptr        // SelectSend, SelectRecv or SelectDefault
	typ *rtype         // channel type
	ch  unsafe.Pointer // channel (nil: case never ready)
	val unsafe.Pointer // send: value to send; recv: where to store
}

// rselect runs a select over cases (random choice among ready cases, as
// the select statement); it returns the chosen index and, for a receive,
// whether a value (not a close) was received. May park.
func rselect(cases []runtimeSelect) (chosen int, recvOK bool)

// Select executes a select operation described by the list of cases.
func Select(cases []SelectCase) (chosen int, recv Value, recvOK bool) {
	if len(cases) > 65536 {
		panic("reflect.Select: too many cases (max 65536)")
	}
	runcases := make([]runtimeSelect, len(cases))
	haveDefault := false
	for i, c := range cases {
		rc := &runcases[i]
		rc.dir = uintptr(c.Dir)
		switch c.Dir {
		default:
			panic("reflect.Select: invalid Dir")
		case SelectDefault:
			if haveDefault {
				panic("reflect.Select: multiple default cases")
			}
			haveDefault = true
			if c.Chan.IsValid() {
				panic("reflect.Select: default case has Chan value")
			}
			if c.Send.IsValid() {
				panic("reflect.Select: default case has Send value")
			}
		case SelectSend:
			ch := c.Chan
			if !ch.IsValid() {
				break
			}
			ch.mustBe(Chan, "unknown method")
			ch.mustBeExported("unknown method")
			tt := (*chanType)(unsafe.Pointer(ch.typ))
			if ChanDir(tt.dir)&SendDir == 0 {
				panic("reflect.Select: SendDir case using recv-only channel")
			}
			rc.ch = ch.pointer()
			rc.typ = &tt.rtype
			v := c.Send
			if !v.IsValid() {
				panic("reflect.Select: SendDir case missing Send value")
			}
			v.mustBeExported("unknown method")
			v = v.assignTo("reflect.Select", toRType(tt.elem), nil)
			if v.flag&flagIndir != 0 {
				rc.val = v.ptr
			} else {
				p := new(unsafe.Pointer)
				*p = v.ptr
				rc.val = unsafe.Pointer(p)
			}
		case SelectRecv:
			if c.Send.IsValid() {
				panic("reflect.Select: RecvDir case has Send value")
			}
			ch := c.Chan
			if !ch.IsValid() {
				break
			}
			ch.mustBe(Chan, "unknown method")
			ch.mustBeExported("unknown method")
			tt := (*chanType)(unsafe.Pointer(ch.typ))
			if ChanDir(tt.dir)&RecvDir == 0 {
				panic("reflect.Select: RecvDir case using send-only channel")
			}
			rc.ch = ch.pointer()
			rc.typ = &tt.rtype
			rc.val = unsafe_New(toRType(tt.elem))
		}
	}
	chosen, recvOK = rselect(runcases)
	if runcases[chosen].dir == uintptr(SelectRecv) {
		tt := (*chanType)(unsafe.Pointer(runcases[chosen].typ))
		t := toRType(tt.elem)
		p := runcases[chosen].val
		if t.ifaceIndir() {
			recv = Value{t, p, flag(t.Kind()) | flagIndir}
		} else {
			recv = Value{t, *(*unsafe.Pointer)(p), flag(t.Kind())}
		}
	}
	return chosen, recv, recvOK
}

// ---- VisibleFields ----

// VisibleFields returns all the visible fields in t, which must be a
// struct type: the fields of t and, depth first in declaration order, of
// its embedded structs, except those hidden by a shallower field of the
// same name or cancelled by another at the same depth. Each embedded
// struct field itself is included.
func VisibleFields(t Type) []StructField {
	if t == nil {
		panic("reflect: VisibleFields(nil)")
	}
	if t.Kind() != Struct {
		panic("reflect.VisibleFields of non-struct type " + t.String())
	}
	w := &visibleFieldsWalker{
		byName:  make(map[string]int),
		visited: make(map[*rtype]bool),
	}
	w.walk(t)
	// Drop fields cancelled by a duplicate at the same depth (marked with
	// a negative depth), keeping the order of discovery.
	j := 0
	for i := range w.fields {
		f := &w.fields[i]
		if f.Name == "" {
			continue
		}
		if i != j {
			w.fields[j] = *f
		}
		j++
	}
	return w.fields[:j]
}

type visibleFieldsWalker struct {
	byName  map[string]int // index in fields of the visible field with that name
	visited map[*rtype]bool
	fields  []StructField
	index   []int
}

func (w *visibleFieldsWalker) walk(t Type) {
	if w.visited[t.common()] {
		return
	}
	w.visited[t.common()] = true
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		w.index = append(w.index, i)
		add := true
		if old, ok := w.byName[f.Name]; ok {
			oldf := &w.fields[old]
			switch {
			case len(w.index) == len(oldf.Index):
				// Same depth: both are cancelled; the name stays taken.
				oldf.Name = ""
				add = false
			case len(w.index) < len(oldf.Index):
				// The shallower field wins.
				oldf.Name = ""
			default:
				add = false
			}
		}
		if add {
			f.Index = append([]int(nil), w.index...)
			w.byName[f.Name] = len(w.fields)
			w.fields = append(w.fields, f)
		}
		if f.Anonymous {
			ft := f.Type
			if ft.Kind() == Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == Struct {
				w.walk(ft)
			}
		}
		w.index = w.index[:len(w.index)-1]
	}
	delete(w.visited, t.common())
}
