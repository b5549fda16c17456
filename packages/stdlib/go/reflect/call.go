// gort standard library: package reflect (calls, MakeFunc, method values).
//
// Argument frames (NATIVES.md, reflectcall): the receiver (if any), then the
// parameters, each at its type's alignment, as the fields of a struct
// would be; the results start at the next multiple of 8, laid out the same
// way; the frame size is rounded up to 8. reflectcall and makeFuncStub
// follow the same layout, so the runtime maps it onto its own calling
// convention.

package reflect

import "unsafe"

func alignUp(x, a uintptr) uintptr { return (x + a - 1) &^ (a - 1) }

// funcLayout returns the offsets of the parameters and results of a call
// of ft (after a receiver of type rcvr when rcvr != nil) and the frame size.
func funcLayout(ft *funcType, rcvr *rtype) (argOff, retOff []uintptr, size uintptr) {
	off := uintptr(0)
	if rcvr != nil {
		off = uintptr(rcvr.size)
	}
	argOff = make([]uintptr, ft.inCount)
	for i := range argOff {
		t := ft.in(i)
		off = alignUp(off, uintptr(t.align))
		argOff[i] = off
		off += uintptr(t.size)
	}
	off = alignUp(off, 8)
	retOff = make([]uintptr, ft.numOut())
	for i := range retOff {
		t := ft.out(i)
		off = alignUp(off, uintptr(t.align))
		retOff[i] = off
		off += uintptr(t.size)
	}
	return argOff, retOff, alignUp(off, 8)
}

var unsafePointerType = TypeOf(unsafe.Pointer(nil))

// Call calls the function v with the input arguments in.
func (v Value) Call(in []Value) []Value {
	v.mustBe(Func, "reflect.Value.Call")
	v.mustBeExported("reflect.Value.Call")
	return v.call("Call", in)
}

// CallSlice calls the variadic function v, passing the last argument as
// the variadic slice.
func (v Value) CallSlice(in []Value) []Value {
	v.mustBe(Func, "reflect.Value.CallSlice")
	v.mustBeExported("reflect.Value.CallSlice")
	return v.call("CallSlice", in)
}

// methodReceiver returns what a call of method value v needs: the func
// value, the method's type, and the receiver's type and address.
func methodReceiver(v Value) (fn unsafe.Pointer, ft *funcType, rt *rtype, rp unsafe.Pointer) {
	i := int(v.flag) >> flagMethodShift
	if v.typ.Kind() == Interface {
		it := (*interfaceType)(unsafe.Pointer(v.typ))
		iface := (*nonEmptyInterface)(v.ptr)
		if iface.itab == nil {
			panic("reflect: Method on nil interface value")
		}
		ifn := *(*uint32)(add(unsafe.Pointer(iface.itab), 16+uintptr(i)*4))
		ft = (*funcType)(unsafe.Pointer(toRType(it.method(i).typ)))
		// Called through the itab: the receiver is the data word.
		return newFuncval(ifn), ft, unsafePointerType.common(), unsafe.Pointer(&iface.word)
	}
	m := v.typ.uncommon().method(i)
	ft = (*funcType)(unsafe.Pointer(toRType(m.mtyp)))
	if v.flag&flagIndir != 0 {
		rp = v.ptr
	} else {
		p := new(unsafe.Pointer)
		*p = v.ptr
		rp = unsafe.Pointer(p)
	}
	return newFuncval(m.tfn), ft, v.typ, rp
}

func (v Value) call(op string, in []Value) []Value {
	var fn unsafe.Pointer
	var ft *funcType
	var rcvrT *rtype
	var rcvrP unsafe.Pointer
	if v.flag&flagMethod != 0 {
		fn, ft, rcvrT, rcvrP = methodReceiver(v)
	} else {
		ft = (*funcType)(unsafe.Pointer(v.typ))
		fn = v.pointer()
	}
	if fn == nil {
		panic("reflect: call of nil function")
	}
	isSlice := op == "CallSlice"
	n := int(ft.inCount)
	isVariadic := ft.variadic()
	if isSlice {
		if !isVariadic {
			panic("reflect: CallSlice of non-variadic function")
		}
		if len(in) < n {
			panic("reflect: CallSlice with too few input arguments")
		}
		if len(in) > n {
			panic("reflect: CallSlice with too many input arguments")
		}
	} else {
		if isVariadic {
			n--
		}
		if len(in) < n {
			panic("reflect: Call with too few input arguments")
		}
		if !isVariadic && len(in) > n {
			panic("reflect: Call with too many input arguments")
		}
	}
	for _, x := range in {
		if x.Kind() == Invalid {
			panic("reflect: " + op + " using zero Value argument")
		}
	}
	for i := 0; i < n; i++ {
		if xt, targ := in[i].Type(), ft.in(i); !xt.AssignableTo(targ) {
			panic("reflect: " + op + " using " + xt.String() + " as type " + targ.String())
		}
	}
	args := make([]Value, len(in))
	copy(args, in)
	if !isSlice && isVariadic {
		m := len(in) - n
		st := ft.in(n)
		slice := MakeSlice(st, m, m)
		elem := st.elemType()
		for i := 0; i < m; i++ {
			x := in[n+i]
			if xt := x.Type(); !xt.AssignableTo(elem) {
				panic("reflect: cannot use " + xt.String() + " as type " + elem.String() + " in " + op)
			}
			slice.Index(i).Set(x)
		}
		args = append(args[:n], slice)
	}
	argOff, retOff, size := funcLayout(ft, rcvrT)
	// The frame is pointer-free memory: every pointer stored in it stays
	// reachable from args (converted arguments are kept there) and from the
	// result Values, which are allocated before the call so that copying
	// the results out allocates nothing.
	frame := unsafe_NewArray(uintptrType.common(), int(size/8)+1)
	if rcvrT != nil {
		typedmemmove(rcvrT, frame, rcvrP)
	}
	for i := range args {
		x := args[i]
		x.mustBeExported("reflect.Value." + op)
		targ := ft.in(i)
		x = x.assignTo("reflect.Value.Call", targ, nil)
		args[i] = x
		p := add(frame, argOff[i])
		if x.flag&flagIndir != 0 {
			typedmemmove(targ, p, x.ptr)
		} else {
			*(*unsafe.Pointer)(p) = x.ptr
		}
	}
	ret := make([]Value, len(retOff))
	for i := range ret {
		tv := ft.out(i)
		if tv.ifaceIndir() {
			ret[i] = Value{tv, unsafe_New(tv), flagIndir | flag(tv.Kind())}
		} else {
			ret[i] = Value{tv, nil, flag(tv.Kind())}
		}
	}
	reflectcall(fn, &ft.rtype, rcvrT, frame)
	for i := range ret {
		p := add(frame, retOff[i])
		if ret[i].flag&flagIndir != 0 {
			typedmemmove(ret[i].typ, ret[i].ptr, p)
		} else {
			ret[i].ptr = *(*unsafe.Pointer)(p)
		}
	}
	return ret
}

// makeFuncImpl is the context of a func value made by MakeFunc.
type makeFuncImpl struct {
	ftyp *funcType
	fn   func([]Value) []Value
}

// MakeFunc returns a new function of the given Type that wraps fn.
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value {
	if typ.Kind() != Func {
		panic("reflect: call of MakeFunc with non-Func type")
	}
	t := typ.common()
	impl := &makeFuncImpl{ftyp: (*funcType)(unsafe.Pointer(t)), fn: fn}
	return Value{t, makeFuncStub(t, unsafe.Pointer(impl)), flag(Func)}
}

// callReflect is called by the runtime when a func value made by
// makeFuncStub is called: frame holds the arguments (funcLayout) and
// receives the results. The runtime keeps the frame's pointers visible to
// the collector for the duration of the call.
func callReflect(ctxt *makeFuncImpl, frame unsafe.Pointer) {
	ft := ctxt.ftyp
	argOff, retOff, _ := funcLayout(ft, nil)
	in := make([]Value, ft.inCount)
	for i := range in {
		typ := ft.in(i)
		p := add(frame, argOff[i])
		v := Value{typ, nil, flag(typ.Kind())}
		if typ.ifaceIndir() {
			v.ptr = unsafe_New(typ)
			typedmemmove(typ, v.ptr, p)
			v.flag |= flagIndir
		} else {
			v.ptr = *(*unsafe.Pointer)(p)
		}
		in[i] = v
	}
	out := ctxt.fn(in)
	if len(out) != len(retOff) {
		panic("reflect: wrong return count from function created by MakeFunc")
	}
	for i, v := range out {
		typ := ft.out(i)
		if v.typ == nil {
			panic("reflect: function created by MakeFunc returned zero Value")
		}
		if v.flag&flagRO != 0 {
			panic("reflect: function created by MakeFunc returned value obtained from unexported field")
		}
		v = v.assignTo("reflect.MakeFunc", typ, nil)
		p := add(frame, retOff[i])
		if v.flag&flagIndir != 0 {
			typedmemmove(typ, p, v.ptr)
		} else {
			*(*unsafe.Pointer)(p) = v.ptr
		}
	}
}

// makeMethodValue turns a method Value (flagMethod) into a real func value
// bound to a copy of the receiver.
func makeMethodValue(v Value) Value {
	if v.flag&flagMethod == 0 {
		panic("reflect: internal error: invalid use of makeMethodValue")
	}
	i := int(v.flag) >> flagMethodShift
	rcvr := Value{v.typ, v.ptr, v.flag&(flagIndir|flagRO) | flag(v.typ.Kind())}
	if rcvr.flag&flagIndir != 0 {
		c := unsafe_New(v.typ)
		typedmemmove(v.typ, c, v.ptr)
		rcvr.ptr = c
	}
	ft := v.Type()
	variadic := ft.IsVariadic()
	fv := MakeFunc(ft, func(args []Value) []Value {
		m := rcvr.Method(i)
		if variadic {
			return m.CallSlice(args)
		}
		return m.Call(args)
	})
	fv.flag |= v.flag.ro()
	return fv
}
