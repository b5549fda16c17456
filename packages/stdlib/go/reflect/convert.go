// gort standard library: package reflect (conversions).

package reflect

// ---- conversion ----

func (v Value) CanConvert(t Type) bool {
	vt := v.Type()
	if !vt.ConvertibleTo(t) {
		return false
	}
	switch {
	case vt.Kind() == Slice && t.Kind() == Array:
		return t.Len() <= v.Len()
	case vt.Kind() == Slice && t.Kind() == Pointer && t.Elem().Kind() == Array:
		return t.Elem().Len() <= v.Len()
	}
	return true
}

func (v Value) Convert(t Type) Value {
	if v.flag&flagMethod != 0 {
		v = makeMethodValue(v)
	}
	op := convertOp(t.common(), v.typ)
	if op == nil {
		panic("reflect.Value.Convert: value of type " + v.typ.String() + " cannot be converted to type " + t.String())
	}
	return op(v, t)
}

// convertOp returns the conversion from a value of type src to type dst,
// or nil when the conversion is not allowed.
func convertOp(dst, src *rtype) func(Value, Type) Value {
	sk, dk := src.Kind(), dst.Kind()
	switch {
	case isIntKind(sk) || isUintKind(sk):
		switch {
		case isIntKind(dk) || isUintKind(dk):
			return cvtInt
		case dk == Float32 || dk == Float64:
			if isUintKind(sk) {
				return cvtUintFloat
			}
			return cvtIntFloat
		case dk == String:
			return cvtIntString
		}
	case sk == Float32 || sk == Float64:
		switch {
		case isIntKind(dk):
			return cvtFloatInt
		case isUintKind(dk):
			return cvtFloatUint
		case dk == Float32 || dk == Float64:
			return cvtFloat
		}
	case sk == Complex64 || sk == Complex128:
		if dk == Complex64 || dk == Complex128 {
			return cvtComplex
		}
	case sk == String:
		if dk == Slice && dst.elemType().PkgPath() == "" {
			switch dst.elemType().Kind() {
			case Uint8:
				return cvtStringBytes
			case Int32:
				return cvtStringRunes
			}
		}
	case sk == Slice:
		if dk == String && src.elemType().PkgPath() == "" {
			switch src.elemType().Kind() {
			case Uint8:
				return cvtBytesString
			case Int32:
				return cvtRunesString
			}
		}
		if dk == Pointer && dst.elemType().Kind() == Array && src.elemType() == dst.elemType().elemType() {
			return cvtSliceArrayPtr
		}
	case sk == Chan:
		if dk == Chan && specialChannelAssignability(dst, src) {
			return cvtDirect
		}
	}
	if haveIdenticalUnderlyingType(dst, src, false) {
		return cvtDirect
	}
	if dk == Pointer && dst.Name() == "" && sk == Pointer && src.Name() == "" &&
		haveIdenticalUnderlyingType(dst.elemType(), src.elemType(), false) {
		return cvtDirect
	}
	if implements(dst, src) {
		if sk == Interface {
			return cvtI2I
		}
		return cvtT2I
	}
	return nil
}

func isIntKind(k Kind) bool  { return k >= Int && k <= Int64 }
func isUintKind(k Kind) bool { return k >= Uint && k <= Uintptr }

// makeInt returns a Value of type t holding the low bits of bits.
func makeInt(f flag, bits uint64, t Type) Value {
	typ := t.common()
	ptr := unsafe_New(typ)
	switch typ.size {
	case 1:
		*(*uint8)(ptr) = uint8(bits)
	case 2:
		*(*uint16)(ptr) = uint16(bits)
	case 4:
		*(*uint32)(ptr) = uint32(bits)
	case 8:
		*(*uint64)(ptr) = bits
	}
	return Value{typ, ptr, f | flagIndir | flag(typ.Kind())}
}

func makeFloat(f flag, v float64, t Type) Value {
	typ := t.common()
	ptr := unsafe_New(typ)
	switch typ.size {
	case 4:
		*(*float32)(ptr) = float32(v)
	case 8:
		*(*float64)(ptr) = v
	}
	return Value{typ, ptr, f | flagIndir | flag(typ.Kind())}
}

func makeComplex(f flag, v complex128, t Type) Value {
	typ := t.common()
	ptr := unsafe_New(typ)
	switch typ.size {
	case 8:
		*(*complex64)(ptr) = complex64(v)
	case 16:
		*(*complex128)(ptr) = v
	}
	return Value{typ, ptr, f | flagIndir | flag(typ.Kind())}
}

func makeString(f flag, v string, t Type) Value {
	ret := New(t).Elem()
	ret.SetString(v)
	ret.flag = ret.flag&^flagAddr | f
	return ret
}

func makeBytes(f flag, v []byte, t Type) Value {
	ret := New(t).Elem()
	ret.SetBytes(v)
	ret.flag = ret.flag&^flagAddr | f
	return ret
}

func makeRunes(f flag, v []rune, t Type) Value {
	ret := New(t).Elem()
	ret.setRunes(v)
	ret.flag = ret.flag&^flagAddr | f
	return ret
}

func cvtInt(v Value, t Type) Value {
	if isUintKind(v.kind()) {
		return makeInt(v.flag.ro(), v.Uint(), t)
	}
	return makeInt(v.flag.ro(), uint64(v.Int()), t)
}

func cvtIntFloat(v Value, t Type) Value  { return makeFloat(v.flag.ro(), float64(v.Int()), t) }
func cvtUintFloat(v Value, t Type) Value { return makeFloat(v.flag.ro(), float64(v.Uint()), t) }
func cvtFloatInt(v Value, t Type) Value  { return makeInt(v.flag.ro(), uint64(int64(v.Float())), t) }
func cvtFloatUint(v Value, t Type) Value { return makeInt(v.flag.ro(), uint64(v.Float()), t) }

func cvtFloat(v Value, t Type) Value {
	if v.Type().Kind() == Float32 && t.Kind() == Float32 {
		// Keep float32 bits exactly (NaN payloads).
		return makeFloat32Bits(v.flag.ro(), *(*uint32)(v.ptr), t)
	}
	return makeFloat(v.flag.ro(), v.Float(), t)
}

func makeFloat32Bits(f flag, bits uint32, t Type) Value {
	typ := t.common()
	ptr := unsafe_New(typ)
	*(*uint32)(ptr) = bits
	return Value{typ, ptr, f | flagIndir | flag(typ.Kind())}
}

func cvtComplex(v Value, t Type) Value { return makeComplex(v.flag.ro(), v.Complex(), t) }

func cvtIntString(v Value, t Type) Value {
	s := "\uFFFD"
	if isUintKind(v.kind()) {
		if x := v.Uint(); x <= 0x10FFFF {
			s = string(rune(x))
		}
	} else if x := v.Int(); int64(rune(x)) == x {
		s = string(rune(x))
	}
	return makeString(v.flag.ro(), s, t)
}

func cvtBytesString(v Value, t Type) Value {
	return makeString(v.flag.ro(), string(*(*[]byte)(v.ptr)), t)
}

func cvtStringBytes(v Value, t Type) Value {
	return makeBytes(v.flag.ro(), []byte(*(*string)(v.ptr)), t)
}

func cvtRunesString(v Value, t Type) Value {
	return makeString(v.flag.ro(), string(v.runes()), t)
}

func cvtStringRunes(v Value, t Type) Value {
	return makeRunes(v.flag.ro(), []rune(*(*string)(v.ptr)), t)
}

func cvtSliceArrayPtr(v Value, t Type) Value {
	n := t.Elem().Len()
	h := (*sliceHeader)(v.ptr)
	if n > h.Len {
		panic("reflect: cannot convert slice with length " + itoa(h.Len) + " to pointer to array with length " + itoa(n))
	}
	return Value{t.common(), h.Data, v.flag&^(flagIndir|flagAddr|flagKindMask) | flag(Pointer)}
}

func cvtDirect(v Value, typ Type) Value {
	f := v.flag
	if f&flagAddr != 0 {
		// Do not alias the original variable.
		c := unsafe_New(typ.common())
		typedmemmove(typ.common(), c, v.ptr)
		v.ptr = c
		f &^= flagAddr
	}
	return Value{typ.common(), v.ptr, v.flag.ro() | f}
}

func cvtT2I(v Value, typ Type) Value {
	target := unsafe_New(typ.common())
	x := valueInterface(v, false)
	if typ.NumMethod() == 0 {
		*(*any)(target) = x
	} else {
		ifaceE2I(typ.common(), x, target)
	}
	return Value{typ.common(), target, v.flag.ro() | flagIndir | flag(Interface)}
}

func cvtI2I(v Value, typ Type) Value {
	if v.IsNil() {
		ret := Zero(typ)
		ret.flag |= v.flag.ro()
		return ret
	}
	return cvtT2I(v.Elem(), typ)
}
