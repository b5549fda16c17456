// gort standard library: package reflect (calls, MakeFunc, method values).
//
// Calls use the VM's own calling convention (reflect/HACKING.md "Calls"):
// every parameter and result occupies 1-3 consecutive 8-byte slots in
// canonical form (narrow integers extended, float32 as the float64 of its
// value, strings/interfaces 2 words, slices 3, complex 2 float64 parts) and
// a struct or array is one slot holding a pointer to a fresh copy. Value.Call
// encodes the arguments into slot words and calls the func value through
// slotFunc (calltramp.go); MakeFunc returns a closure record whose code is
// the runtime's makeFuncTramp, which enters callReflect with the caller's
// argument slots; makeFuncRet stores the result words in the caller's slots.

package reflect

import (
	"math"
	"unsafe"
)

// slotCount returns how many VM slots a value of type t occupies in a call.
func slotCount(t *rtype) int {
	switch t.Kind() {
	case String, Interface, Complex64, Complex128:
		return 2
	case Slice:
		return 3
	}
	return 1
}

// putSlots writes the call-slot form of the value of type t at p into s.
// A struct or array is passed as a pointer to a fresh copy, which it
// returns (the caller keeps it alive until the words are used); else nil.
func putSlots(t *rtype, p unsafe.Pointer, s []uintptr) unsafe.Pointer {
	switch t.Kind() {
	case Bool, Uint8:
		s[0] = uintptr(*(*uint8)(p))
	case Int8:
		s[0] = uintptr(int64(*(*int8)(p)))
	case Int16:
		s[0] = uintptr(int64(*(*int16)(p)))
	case Uint16:
		s[0] = uintptr(*(*uint16)(p))
	case Int32:
		s[0] = uintptr(int64(*(*int32)(p)))
	case Uint32:
		s[0] = uintptr(*(*uint32)(p))
	case Float32:
		s[0] = uintptr(math.Float64bits(float64(*(*float32)(p))))
	case Complex64:
		s[0] = uintptr(math.Float64bits(float64(*(*float32)(p))))
		s[1] = uintptr(math.Float64bits(float64(*(*float32)(add(p, 4)))))
	case Complex128, String, Interface:
		s[0] = *(*uintptr)(p)
		s[1] = *(*uintptr)(add(p, 8))
	case Slice:
		s[0] = *(*uintptr)(p)
		s[1] = *(*uintptr)(add(p, 8))
		s[2] = *(*uintptr)(add(p, 16))
	case Struct, Array:
		c := unsafe_New(t)
		typedmemmove(t, c, p)
		s[0] = uintptr(c)
		return c
	default: // 64-bit integers, float64, pointer-shaped kinds
		s[0] = *(*uintptr)(p)
	}
	return nil
}

// valueFromSlots returns a Value of type t holding the call-slot words s
// (a struct or array word points to a fresh copy, which the Value takes).
func valueFromSlots(t *rtype, s []uintptr) Value {
	k := t.Kind()
	if k == Struct || k == Array {
		return Value{t, wordPtr(s[0]), flagIndir | flag(k)}
	}
	if !t.ifaceIndir() {
		return Value{t, wordPtr(s[0]), flag(k)}
	}
	p := unsafe_New(t)
	w := s[0]
	switch k {
	case Bool, Uint8, Int8:
		*(*uint8)(p) = uint8(w)
	case Int16, Uint16:
		*(*uint16)(p) = uint16(w)
	case Int32, Uint32:
		*(*uint32)(p) = uint32(w)
	case Float32:
		*(*float32)(p) = float32(math.Float64frombits(uint64(w)))
	case Complex64:
		*(*float32)(p) = float32(math.Float64frombits(uint64(w)))
		*(*float32)(add(p, 4)) = float32(math.Float64frombits(uint64(s[1])))
	case Complex128:
		*(*uintptr)(p) = w
		*(*uintptr)(add(p, 8)) = s[1]
	case String:
		*(*unsafe.Pointer)(p) = wordPtr(w)
		*(*uintptr)(add(p, 8)) = s[1]
	case Interface:
		// word 0 is a type descriptor or itab: static memory
		*(*uintptr)(p) = w
		*(*unsafe.Pointer)(add(p, 8)) = wordPtr(s[1])
	case Slice:
		*(*unsafe.Pointer)(p) = wordPtr(w)
		*(*uintptr)(add(p, 8)) = s[1]
		*(*uintptr)(add(p, 16)) = s[2]
	default:
		*(*uintptr)(p) = w
	}
	return Value{t, p, flagIndir | flag(k)}
}

// wordPtr reinterprets a call-slot word as a pointer (the word came from a
// pointer slot of the calling convention).
func wordPtr(w uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&w)) }

// retDesc tells storeRets where each result word of a call goes.
type retDesc struct {
	n    int
	dst  [maxCallSlots]unsafe.Pointer
	code [maxCallSlots]uint8
}

// storeRets codes: how a result word is stored at its destination.
const (
	retPtr  = 1 // a pointer word (through the write barrier)
	retWord = 2 // a non-pointer 8-byte word
	retU8   = 3 // the low byte
	retU16  = 4 // the low 2 bytes
	retU32  = 5 // the low 4 bytes
	retF32  = 6 // a float64 narrowed to float32
)

func (d *retDesc) put(i int, p unsafe.Pointer, code uint8) {
	d.dst[i] = p
	d.code[i] = code
}

// retSlots describes the result words of a non-pointer-shaped value of
// type t stored at p, from word i; it returns the number of words.
func (d *retDesc) retSlots(t *rtype, p unsafe.Pointer, i int) int {
	switch t.Kind() {
	case Bool, Int8, Uint8:
		d.put(i, p, retU8)
	case Int16, Uint16:
		d.put(i, p, retU16)
	case Int32, Uint32:
		d.put(i, p, retU32)
	case Float32:
		d.put(i, p, retF32)
	case Complex64:
		d.put(i, p, retF32)
		d.put(i+1, add(p, 4), retF32)
		return 2
	case Complex128:
		d.put(i, p, retWord)
		d.put(i+1, add(p, 8), retWord)
		return 2
	case String:
		d.put(i, p, retPtr)
		d.put(i+1, add(p, 8), retWord)
		return 2
	case Interface:
		d.put(i, p, retWord)
		d.put(i+1, add(p, 8), retPtr)
		return 2
	case Slice:
		d.put(i, p, retPtr)
		d.put(i+1, add(p, 8), retWord)
		d.put(i+2, add(p, 16), retWord)
		return 3
	default:
		d.put(i, p, retWord)
	}
	return 1
}

func alignUp(x, a uintptr) uintptr { return (x + a - 1) &^ (a - 1) }

// keepAlive marks x as used up to this point.
//
//go:noinline
func keepAlive(x any) {}

// funcID returns the function id in the closure record of func value fv.
func funcID(fv unsafe.Pointer) uintptr { return uintptr(*(*uint32)(fv)) }

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
		panic("reflect.Value.Call: call of nil function")
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
	var words [maxCallSlots]uintptr
	var keep []unsafe.Pointer
	n = 0
	if rcvrT != nil {
		n = slotCount(rcvrT)
		if c := putSlots(rcvrT, rcvrP, words[:]); c != nil {
			keep = append(keep, c)
		}
	}
	for i := range args {
		x := args[i]
		x.mustBeExported("reflect.Value." + op)
		targ := ft.in(i)
		x = x.assignTo("reflect.Value.Call", targ, nil)
		args[i] = x
		k := slotCount(targ)
		if n+k > maxCallSlots {
			panic("reflect: " + op + " of a function with more than " + itoa(maxCallSlots) + " argument words (gort's limit)")
		}
		p := x.ptr
		if x.flag&flagIndir == 0 {
			p = unsafe.Pointer(&args[i].ptr)
		}
		if c := putSlots(targ, p, words[n:]); c != nil {
			keep = append(keep, c)
		}
		n += k
	}
	nout := ft.numOut()
	m := 0
	for i := 0; i < nout; i++ {
		m += slotCount(ft.out(i))
	}
	if m > maxCallSlots {
		panic("reflect: " + op + " of a function with more than " + itoa(maxCallSlots) + " result words (gort's limit)")
	}
	// Result storage is allocated before the call: storeRets writes into it
	// without allocating. Pointer-shaped results and the pointers to
	// aggregate results land in ptrs.
	desc := new(retDesc)
	ptrs := new([maxCallSlots]unsafe.Pointer)
	ret := make([]Value, nout)
	off := 0
	for i := range ret {
		t := ft.out(i)
		if k := t.Kind(); k == Struct || k == Array || !t.ifaceIndir() {
			desc.put(off, unsafe.Pointer(&ptrs[off]), retPtr)
			off++
			continue
		}
		p := unsafe_New(t)
		ret[i] = Value{t, p, flagIndir | flag(t.Kind())}
		off += desc.retSlots(t, p, off)
	}
	desc.n = off
	callSlots(fn, &words, desc)
	keepAlive(keep)
	keepAlive(args)
	off = 0
	for i := range ret {
		t := ft.out(i)
		switch k := t.Kind(); {
		case k == Struct || k == Array:
			ret[i] = Value{t, ptrs[off], flagIndir | flag(k)}
		case !t.ifaceIndir():
			ret[i] = Value{t, ptrs[off], flag(k)}
		}
		off += slotCount(t)
	}
	return ret
}

// makeFuncImpl is the closure record of a func value made by MakeFunc.
type makeFuncImpl struct {
	code  uintptr // word 0: function id of the runtime's makeFuncTramp
	entry uintptr // function id of callReflect (read by makeFuncTramp)
	nin   uintptr // slot words of the parameters (read by makeFuncTramp)
	ftyp  *funcType
	fn    func([]Value) []Value
}

// makeFuncTramp is the code of every MakeFunc closure record: it pushes a
// callReflect frame with the record and the caller's argument slots and
// continues there (a runtime native; reflect/HACKING.md "Calls").
func makeFuncTramp()

// makeFuncRet stores n result words r in the result slots of the caller of
// the callReflect frame that calls it (keep only keeps pointers alive).
func makeFuncRet(r *[maxCallSlots]uintptr, n int, keep []unsafe.Pointer)

// MakeFunc returns a new function of the given Type that wraps fn.
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value {
	if typ.Kind() != Func {
		panic("reflect: call of MakeFunc with non-Func type")
	}
	t := typ.common()
	ft := (*funcType)(unsafe.Pointer(t))
	nin := 0
	for i := 0; i < int(ft.inCount); i++ {
		nin += slotCount(ft.in(i))
	}
	nout := 0
	for i := 0; i < ft.numOut(); i++ {
		nout += slotCount(ft.out(i))
	}
	if nin > maxCallSlots || nout > maxCallSlots {
		panic("reflect: MakeFunc of a function with more than " + itoa(maxCallSlots) + " argument or result words (gort's limit)")
	}
	tramp, entry := makeFuncTramp, callReflect
	impl := &makeFuncImpl{
		code:  funcID(*(*unsafe.Pointer)(unsafe.Pointer(&tramp))),
		entry: funcID(*(*unsafe.Pointer)(unsafe.Pointer(&entry))),
		nin:   uintptr(nin),
		ftyp:  ft,
		fn:    fn,
	}
	return Value{t, unsafe.Pointer(impl), flag(Func)}
}

// callReflectSlots runs a MakeFunc call: s holds the argument slot words;
// it returns the result words, their count and the fresh copies they point
// to (kept alive until makeFuncRet has stored them).
func callReflectSlots(ctxt *makeFuncImpl, s *[maxCallSlots]uintptr) (*[maxCallSlots]uintptr, int, []unsafe.Pointer) {
	ft := ctxt.ftyp
	in := make([]Value, ft.inCount)
	off := 0
	for i := range in {
		t := ft.in(i)
		in[i] = valueFromSlots(t, s[off:])
		off += slotCount(t)
	}
	out := ctxt.fn(in)
	nout := ft.numOut()
	if len(out) != nout {
		panic("reflect: wrong return count from function created by MakeFunc")
	}
	r := new([maxCallSlots]uintptr)
	var keep []unsafe.Pointer
	n := 0
	for i, v := range out {
		typ := ft.out(i)
		if v.typ == nil {
			panic("reflect: function created by MakeFunc using " + funcName(ctxt.fn) + " returned zero Value")
		}
		if v.flag&flagRO != 0 {
			panic("reflect: function created by MakeFunc using " + funcName(ctxt.fn) + " returned value obtained from unexported field")
		}
		v = v.assignTo("reflect.MakeFunc", typ, nil)
		out[i] = v
		p := v.ptr
		if v.flag&flagIndir == 0 {
			p = unsafe.Pointer(&out[i].ptr)
		}
		if c := putSlots(typ, p, r[n:]); c != nil {
			keep = append(keep, c)
		}
		n += slotCount(typ)
	}
	keep = append(keep, unsafe.Pointer(&out))
	return r, n, keep
}

// funcName names the Go function behind func value f for MakeFunc's panics
// (Go prints the function's name; gort has no symbol table here).
func funcName(f func([]Value) []Value) string { return "unknown" }

// methodValueImpl is the closure record of a method value made by reflect
// (v.Method(i).Interface() and friends). Its code, the runtime's
// methodValueTramp, pushes the method's own frame (the itab-style ifn,
// receiver = interface data word) on top of the caller with the caller's
// argument slots, so no reflect frame sits between the caller and the
// method (recover inside the method works as for a direct call). The
// receiver is read at call time, as Go's are: mode 0 word = *addr, 1 an
// interface at addr (target from its itab), 2 word = addr (a pointer to an
// indirect receiver). A native target, a dropped method (target 0) or a nil
// interface use the MakeFunc closure in fallback.
type methodValueImpl struct {
	code     uintptr
	target   uintptr
	addr     unsafe.Pointer
	word     unsafe.Pointer
	nin      uintptr
	mode     uintptr
	index    uintptr
	fallback *makeFuncImpl
}

// methodValueTramp is the code of every methodValueImpl record (a runtime
// native; reflect/HACKING.md "Calls").
func methodValueTramp()

// makeMethodValue turns a method Value (flagMethod) into a real func value;
// like Go's, it reads the receiver when called.
func makeMethodValue(v Value) Value {
	if v.flag&flagMethod == 0 {
		panic("reflect: internal error: invalid use of makeMethodValue")
	}
	i := int(v.flag) >> flagMethodShift
	rcvr := Value{v.typ, v.ptr, v.flag&(flagIndir|flagRO) | flag(v.typ.Kind())}
	ft := v.Type()
	variadic := ft.IsVariadic()
	fv := MakeFunc(ft, func(args []Value) []Value {
		m := rcvr.Method(i)
		if variadic {
			return m.CallSlice(args)
		}
		return m.Call(args)
	})
	impl := (*makeFuncImpl)(fv.ptr)
	tramp := methodValueTramp
	rec := &methodValueImpl{
		code:     funcID(*(*unsafe.Pointer)(unsafe.Pointer(&tramp))),
		nin:      impl.nin,
		index:    uintptr(i),
		fallback: impl,
	}
	switch {
	case v.typ.Kind() == Interface:
		rec.mode = 1
		rec.addr = v.ptr
	default:
		rec.target = uintptr(v.typ.uncommon().method(i).ifn)
		switch {
		case v.typ.ifaceIndir():
			rec.mode = 2
			rec.addr = v.ptr
		case v.flag&flagIndir != 0:
			rec.addr = v.ptr
		default:
			rec.word = v.ptr
			rec.addr = unsafe.Pointer(&rec.word)
		}
	}
	return Value{fv.typ, unsafe.Pointer(rec), flag(Func) | v.flag.ro()}
}
