// gort standard library: package reflect (types over gort's descriptors).

// Package reflect implements run-time reflection over the type descriptors
// that gort's compiler emits into the program image. The descriptor layout
// is specified in packages/stdlib/TYPEDESC.md; the structs below mirror it
// field for field. References inside descriptors are 32-bit addresses in
// linear memory (0 = none); addrOf turns one into an unsafe.Pointer.
package reflect

import "unsafe"

// A Kind is the specific kind of type that a Type represents.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name for the Pointer kind.
const Ptr = Pointer

var kindNames = []string{
	Invalid:       "invalid",
	Bool:          "bool",
	Int:           "int",
	Int8:          "int8",
	Int16:         "int16",
	Int32:         "int32",
	Int64:         "int64",
	Uint:          "uint",
	Uint8:         "uint8",
	Uint16:        "uint16",
	Uint32:        "uint32",
	Uint64:        "uint64",
	Uintptr:       "uintptr",
	Float32:       "float32",
	Float64:       "float64",
	Complex64:     "complex64",
	Complex128:    "complex128",
	Array:         "array",
	Chan:          "chan",
	Func:          "func",
	Interface:     "interface",
	Map:           "map",
	Pointer:       "ptr",
	Slice:         "slice",
	String:        "string",
	Struct:        "struct",
	UnsafePointer: "unsafe.Pointer",
}

// String returns the name of k.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind" + itoa(int(k))
}

// ChanDir represents a channel type's direction.
type ChanDir int

const (
	RecvDir ChanDir = 1 << iota
	SendDir
	BothDir = RecvDir | SendDir
)

func (d ChanDir) String() string {
	switch d {
	case SendDir:
		return "chan<-"
	case RecvDir:
		return "<-chan"
	case BothDir:
		return "chan"
	}
	return "ChanDir" + itoa(int(d))
}

// Type is the representation of a Go type.
type Type interface {
	Align() int
	FieldAlign() int
	Method(int) Method
	MethodByName(string) (Method, bool)
	NumMethod() int
	Name() string
	PkgPath() string
	Size() uintptr
	String() string
	Kind() Kind
	Implements(u Type) bool
	AssignableTo(u Type) bool
	ConvertibleTo(u Type) bool
	Comparable() bool
	Bits() int
	ChanDir() ChanDir
	IsVariadic() bool
	Elem() Type
	Field(i int) StructField
	FieldByIndex(index []int) StructField
	FieldByName(name string) (StructField, bool)
	FieldByNameFunc(match func(string) bool) (StructField, bool)
	In(i int) Type
	Key() Type
	Len() int
	NumField() int
	NumIn() int
	NumOut() int
	Out(i int) Type

	common() *rtype
	uncommon() *uncommonType
}

// Method represents a single method.
type Method struct {
	Name    string
	PkgPath string
	Type    Type
	Func    Value
	Index   int
}

// IsExported reports whether the method is exported.
func (m Method) IsExported() bool { return m.PkgPath == "" }

// ---- descriptor layout (TYPEDESC.md) ----

// tflag bits.
const (
	tflagUncommon      = 1
	tflagExtraStar     = 2
	tflagNamed         = 4
	tflagRegularMemory = 8
)

const (
	kindDirectIface = 0x20
	kindMask        = 0x1f
)

// rtype is the common header (packages/runtime/src/typedesc.ts, 32 bytes)
// followed by the uncommon word that every descriptor has.
type rtype struct {
	size       uint32
	ptrdata    uint32
	hash       uint32
	tflag      uint8
	align      uint8
	fieldAlign uint8
	kind       uint8
	equal      uint32 // function id; 0 = not comparable
	gcdata     uint32
	str        uint32 // string ref: the type as String prints it
	ptrToThis  uint32 // *T descriptor or 0
	xuncommon  uint32 // uncommonType or 0
}

type uncommonType struct {
	pkgPath uint32 // string ref
	name    uint32 // string ref: Name()
	mcount  uint16 // all methods
	xcount  uint16 // exported methods (the first xcount)
	methods uint32 // [mcount]method
}

type method struct {
	name    uint32 // string ref
	pkgPath uint32 // string ref, 0 for exported methods
	mtyp    uint32 // func type without receiver
	ftyp    uint32 // func type with the receiver as first parameter
	ifn     uint32 // function id called through interfaces (receiver = data word)
	tfn     uint32 // function id called directly (receiver by value)
}

type arrayType struct {
	rtype
	elem  uint32
	slice uint32
	len   uint32
}

type chanType struct {
	rtype
	elem uint32
	dir  uint32
}

type funcType struct {
	rtype
	inCount  uint16
	outCount uint16 // high bit: variadic
	params   uint32 // [inCount+outCount]u32: in then out
}

type imethod struct {
	name    uint32 // string ref
	pkgPath uint32 // string ref, 0 for exported methods
	typ     uint32 // func type without receiver
}

type interfaceType struct {
	rtype
	pkgPath uint32
	mcount  uint32
	methods uint32 // [mcount]imethod
}

type mapType struct {
	rtype
	key        uint32
	elem       uint32
	bucket     uint32
	hasher     uint32 // function id: hash(key unsafe.Pointer, seed uintptr) uintptr
	keysize    uint8
	valuesize  uint8
	bucketsize uint16
	flags      uint32
}

type ptrType struct {
	rtype
	elem uint32
}

type sliceType struct {
	rtype
	elem uint32
}

type structField struct {
	name    uint32 // string ref
	typ     uint32
	offset  uint32
	tag     uint32 // string ref, 0 = none
	pkgPath uint32 // string ref, 0 for exported fields
	flags   uint32 // bit 0: embedded
}

type structType struct {
	rtype
	pkgPath uint32
	nfields uint32
	fields  uint32 // [nfields]structField
}

// addrOf turns a 32-bit linear-memory address into a pointer. gort keeps
// pointers as 8-byte words whose value is the low 32 bits, so the word is
// reinterpreted rather than converted (no uintptr-to-pointer conversion).
func addrOf(a uint32) unsafe.Pointer {
	w := uintptr(a)
	return *(*unsafe.Pointer)(unsafe.Pointer(&w))
}

func addrOf32(p unsafe.Pointer) uint32 { return uint32(uintptr(p)) }

func toRType(a uint32) *rtype { return (*rtype)(addrOf(a)) }

// loadString reads a string ref (the address of a Go string header).
func loadString(a uint32) string {
	if a == 0 {
		return ""
	}
	return *(*string)(addrOf(a))
}

func u32At(base uint32, i int) uint32 {
	return *(*uint32)(addrOf(base + uint32(i)*4))
}

func (t *rtype) common() *rtype { return t }

func (t *rtype) uncommon() *uncommonType {
	if t.xuncommon == 0 {
		return nil
	}
	return (*uncommonType)(addrOf(t.xuncommon))
}

func (u *uncommonType) method(i int) *method {
	return (*method)(addrOf(u.methods + uint32(i)*uint32(unsafe.Sizeof(method{}))))
}

func (t *rtype) Kind() Kind       { return Kind(t.kind & kindMask) }
func (t *rtype) String() string   { return loadString(t.str) }
func (t *rtype) Size() uintptr    { return uintptr(t.size) }
func (t *rtype) Align() int       { return int(t.align) }
func (t *rtype) FieldAlign() int  { return int(t.fieldAlign) }
func (t *rtype) pointers() bool   { return t.ptrdata != 0 }
func (t *rtype) ifaceIndir() bool { return t.kind&kindDirectIface == 0 }

func (t *rtype) Name() string {
	if t.tflag&tflagNamed == 0 {
		return ""
	}
	if u := t.uncommon(); u != nil {
		return loadString(u.name)
	}
	return ""
}

func (t *rtype) PkgPath() string {
	if t.tflag&tflagNamed == 0 {
		return ""
	}
	if u := t.uncommon(); u != nil {
		p := loadString(u.pkgPath)
		if p == "" && t.Kind() == UnsafePointer {
			// unsafe.Pointer itself: its uncommon record says ""
			return "unsafe"
		}
		return p
	}
	return ""
}

func (t *rtype) Bits() int {
	k := t.Kind()
	if k < Int || k > Complex128 {
		panic("reflect: Bits of non-arithmetic Type " + t.String())
	}
	return int(t.size) * 8
}

func (t *rtype) elemType() *rtype {
	switch t.Kind() {
	case Array:
		return toRType((*arrayType)(unsafe.Pointer(t)).elem)
	case Chan:
		return toRType((*chanType)(unsafe.Pointer(t)).elem)
	case Map:
		return toRType((*mapType)(unsafe.Pointer(t)).elem)
	case Pointer:
		return toRType((*ptrType)(unsafe.Pointer(t)).elem)
	case Slice:
		return toRType((*sliceType)(unsafe.Pointer(t)).elem)
	}
	panic("reflect: Elem of invalid type " + t.String())
}

func (t *rtype) Elem() Type { return toType(t.elemType()) }

func (t *rtype) Key() Type {
	if t.Kind() != Map {
		panic("reflect: Key of non-map type " + t.String())
	}
	return toType(toRType((*mapType)(unsafe.Pointer(t)).key))
}

func (t *rtype) Len() int {
	if t.Kind() != Array {
		panic("reflect: Len of non-array type " + t.String())
	}
	return int((*arrayType)(unsafe.Pointer(t)).len)
}

func (t *rtype) ChanDir() ChanDir {
	if t.Kind() != Chan {
		panic("reflect: ChanDir of non-chan type " + t.String())
	}
	return ChanDir((*chanType)(unsafe.Pointer(t)).dir)
}

func (t *rtype) funcType() *funcType {
	if t.Kind() != Func {
		panic("reflect: In/Out/NumIn/NumOut/IsVariadic of non-func type " + t.String())
	}
	return (*funcType)(unsafe.Pointer(t))
}

func (f *funcType) in(i int) *rtype  { return toRType(u32At(f.params, i)) }
func (f *funcType) out(i int) *rtype { return toRType(u32At(f.params, int(f.inCount)+i)) }
func (f *funcType) numOut() int      { return int(f.outCount & (1<<15 - 1)) }
func (f *funcType) variadic() bool   { return f.outCount&(1<<15) != 0 }

func (t *rtype) IsVariadic() bool { return t.funcType().variadic() }
func (t *rtype) NumIn() int       { return int(t.funcType().inCount) }
func (t *rtype) NumOut() int      { return t.funcType().numOut() }

func (t *rtype) In(i int) Type {
	f := t.funcType()
	if i < 0 || i >= int(f.inCount) {
		panic("reflect: Function index out of range")
	}
	return toType(f.in(i))
}

func (t *rtype) Out(i int) Type {
	f := t.funcType()
	if i < 0 || i >= f.numOut() {
		panic("reflect: Function index out of range")
	}
	return toType(f.out(i))
}

// ---- structs ----

// A StructField describes a single field in a struct.
type StructField struct {
	Name      string
	PkgPath   string
	Type      Type
	Tag       StructTag
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool { return f.PkgPath == "" }

// A StructTag is the tag string in a struct field.
type StructTag string

// Get returns the value associated with key in the tag string.
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value associated with key in the tag string, and
// whether the key was present. The tag is a sequence of key:"value" pairs
// separated by spaces; a malformed pair ends the scan.
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	s := string(tag)
	for s != "" {
		i := 0
		for i < len(s) && s[i] == ' ' {
			i++
		}
		s = s[i:]
		if s == "" {
			break
		}
		i = 0
		for i < len(s) && s[i] > ' ' && s[i] != ':' && s[i] != '"' && s[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(s) || s[i] != ':' || s[i+1] != '"' {
			break
		}
		name := s[:i]
		s = s[i+1:]
		// The quoted value: scan to the closing quote, skipping escapes.
		i = 1
		for i < len(s) && s[i] != '"' {
			if s[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(s) {
			break
		}
		quoted := s[:i+1]
		s = s[i+1:]
		if name == key {
			v, err := unquote(quoted)
			if err != nil {
				break
			}
			return v, true
		}
	}
	return "", false
}

func (t *rtype) structType() *structType {
	if t.Kind() != Struct {
		panic("reflect: Field of non-struct type " + t.String())
	}
	return (*structType)(unsafe.Pointer(t))
}

func (s *structType) field(i int) *structField {
	return (*structField)(addrOf(s.fields + uint32(i)*uint32(unsafe.Sizeof(structField{}))))
}

func (t *rtype) NumField() int { return int(t.structType().nfields) }

func (t *rtype) Field(i int) StructField {
	s := t.structType()
	if i < 0 || i >= int(s.nfields) {
		panic("reflect: Field index out of bounds")
	}
	f := s.field(i)
	return StructField{
		Name:      loadString(f.name),
		PkgPath:   loadString(f.pkgPath),
		Type:      toType(toRType(f.typ)),
		Tag:       StructTag(loadString(f.tag)),
		Offset:    uintptr(f.offset),
		Index:     []int{i},
		Anonymous: f.flags&1 != 0,
	}
}

func (t *rtype) FieldByIndex(index []int) StructField {
	var f StructField
	var ft Type = t
	for i, x := range index {
		if i > 0 && ft.Kind() == Pointer && ft.Elem().Kind() == Struct {
			ft = ft.Elem()
		}
		f = ft.Field(x)
		ft = f.Type
	}
	f.Index = append([]int(nil), index...)
	return f
}

func (t *rtype) FieldByName(name string) (StructField, bool) {
	// Quick path: a direct field of that name wins at depth 0; without
	// embedded fields there is nothing else to search.
	st := t.structType()
	hasEmbeds := false
	for i := 0; i < int(st.nfields); i++ {
		f := st.field(i)
		if loadString(f.name) == name {
			return t.Field(i), true
		}
		if f.flags&1 != 0 {
			hasEmbeds = true
		}
	}
	if !hasEmbeds {
		return StructField{}, false
	}
	return t.FieldByNameFunc(func(s string) bool { return s == name })
}

// FieldByNameFunc searches breadth first through embedded structs: the
// shallowest depth with exactly one match wins; two matches at that depth
// (or one inside a struct embedded twice at that depth) cancel each other.
func (t *rtype) FieldByNameFunc(match func(string) bool) (StructField, bool) {
	t.structType()
	type entry struct {
		typ   *rtype
		index []int
	}
	var current []entry
	next := []entry{{typ: t}}
	nextCount := map[*rtype]int{t: 1}
	visited := map[*rtype]bool{}
	for len(next) > 0 {
		current, next = next, nil
		count := nextCount
		nextCount = map[*rtype]int{}
		var result StructField
		found := 0
		for _, e := range current {
			st := e.typ
			if visited[st] {
				continue
			}
			visited[st] = true
			s := (*structType)(unsafe.Pointer(st))
			for i := 0; i < int(s.nfields); i++ {
				f := s.field(i)
				var ntyp *rtype
				if f.flags&1 != 0 {
					ntyp = toRType(f.typ)
					if ntyp.Kind() == Pointer {
						ntyp = ntyp.elemType()
					}
				}
				if match(loadString(f.name)) {
					found += count[st]
					if found == 1 {
						result = st.Field(i)
						result.Index = append(append([]int(nil), e.index...), i)
					}
					continue
				}
				if found > 0 || ntyp == nil || ntyp.Kind() != Struct {
					continue
				}
				if nextCount[ntyp] > 0 {
					nextCount[ntyp] = 2
					continue
				}
				nextCount[ntyp] = count[st]
				idx := append(append([]int(nil), e.index...), i)
				next = append(next, entry{typ: ntyp, index: idx})
			}
		}
		if found == 1 {
			return result, true
		}
		if found > 1 {
			return StructField{}, false
		}
	}
	return StructField{}, false
}

// ---- methods ----

func (t *rtype) NumMethod() int {
	if t.Kind() == Interface {
		return int((*interfaceType)(unsafe.Pointer(t)).mcount)
	}
	u := t.uncommon()
	if u == nil {
		return 0
	}
	return int(u.xcount)
}

func (it *interfaceType) method(i int) *imethod {
	return (*imethod)(addrOf(it.methods + uint32(i)*uint32(unsafe.Sizeof(imethod{}))))
}

func (t *rtype) Method(i int) (m Method) {
	if t.Kind() == Interface {
		it := (*interfaceType)(unsafe.Pointer(t))
		if i < 0 || i >= int(it.mcount) {
			panic("reflect: Method index out of range")
		}
		p := it.method(i)
		m.Name = loadString(p.name)
		m.PkgPath = loadString(p.pkgPath)
		m.Type = toType(toRType(p.typ))
		m.Index = i
		return m
	}
	u := t.uncommon()
	if u == nil || i < 0 || i >= int(u.xcount) {
		panic("reflect: Method index out of range")
	}
	p := u.method(i)
	m.Name = loadString(p.name)
	m.PkgPath = loadString(p.pkgPath)
	m.Index = i
	ft := toRType(p.ftyp)
	m.Type = toType(ft)
	m.Func = Value{ft, newFuncval(p.tfn), flag(Func)}
	return m
}

func (t *rtype) MethodByName(name string) (Method, bool) {
	n := t.NumMethod()
	for i := 0; i < n; i++ {
		var mname string
		if t.Kind() == Interface {
			mname = loadString((*interfaceType)(unsafe.Pointer(t)).method(i).name)
		} else {
			mname = loadString(t.uncommon().method(i).name)
		}
		if mname == name {
			return t.Method(i), true
		}
	}
	return Method{}, false
}

// newFuncval makes a func value for a plain function id: a closure record
// whose first word is the id (TYPEDESC.md, "func values").
func newFuncval(fn uint32) unsafe.Pointer {
	p := unsafe_New(toRType(rtypeAddr(uintptrType)))
	*(*uintptr)(p) = uintptr(fn)
	return p
}

// ---- relations between types ----

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return implements(u.common(), t)
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	uu := u.common()
	return directlyAssignable(uu, t) || implements(uu, t)
}

func (t *rtype) ConvertibleTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.ConvertibleTo")
	}
	return convertOp(u.common(), t) != nil
}

// Comparable reports whether values of type t are comparable: decided by
// kind, elements and fields as Go's spec says (types built at run time by
// StructOf/ArrayOf carry no equal function, so the descriptor's word is not
// the answer for them).
func (t *rtype) Comparable() bool {
	switch t.Kind() {
	case Func, Map, Slice:
		return false
	case Array:
		return t.Len() == 0 || t.Elem().Comparable()
	case Struct:
		for i := 0; i < t.NumField(); i++ {
			if !t.Field(i).Type.Comparable() {
				return false
			}
		}
	}
	return true
}

// methodOrder compares two method keys in the order descriptors keep them:
// exported names first, sorted by name; then unexported, by name and
// package path.
func methodOrder(aName, aPkg, bName, bPkg string) int {
	ae, be := aPkg == "", bPkg == ""
	if ae != be {
		if ae {
			return -1
		}
		return 1
	}
	if aName != bName {
		if aName < bName {
			return -1
		}
		return 1
	}
	if aPkg != bPkg {
		if aPkg < bPkg {
			return -1
		}
		return 1
	}
	return 0
}

// implements reports whether type v implements interface type t.
func implements(t, v *rtype) bool {
	if t.Kind() != Interface {
		return false
	}
	it := (*interfaceType)(unsafe.Pointer(t))
	if it.mcount == 0 {
		return true
	}
	if v.Kind() == Interface {
		vt := (*interfaceType)(unsafe.Pointer(v))
		j := 0
		for i := 0; i < int(it.mcount); i++ {
			tm := it.method(i)
			tn, tp := loadString(tm.name), loadString(tm.pkgPath)
			for ; j < int(vt.mcount); j++ {
				vm := vt.method(j)
				c := methodOrder(loadString(vm.name), loadString(vm.pkgPath), tn, tp)
				if c == 0 && vm.typ == tm.typ {
					break
				}
				if c > 0 {
					return false
				}
			}
			if j == int(vt.mcount) {
				return false
			}
			j++
		}
		return true
	}
	vu := v.uncommon()
	if vu == nil {
		return false
	}
	j := 0
	for i := 0; i < int(it.mcount); i++ {
		tm := it.method(i)
		tn, tp := loadString(tm.name), loadString(tm.pkgPath)
		for ; j < int(vu.mcount); j++ {
			vm := vu.method(j)
			c := methodOrder(loadString(vm.name), loadString(vm.pkgPath), tn, tp)
			if c == 0 && vm.mtyp == tm.typ {
				break
			}
			if c > 0 {
				return false
			}
		}
		if j == int(vu.mcount) {
			return false
		}
		j++
	}
	return true
}

// directlyAssignable reports whether a value of type V can be assigned to
// a variable of type T without an interface conversion.
func directlyAssignable(T, V *rtype) bool {
	if T == V {
		return true
	}
	if T.tflag&tflagNamed != 0 && V.tflag&tflagNamed != 0 || T.Kind() != V.Kind() {
		return false
	}
	if T.Kind() == Chan && specialChannelAssignability(T, V) {
		return true
	}
	return haveIdenticalUnderlyingType(T, V, true)
}

func specialChannelAssignability(T, V *rtype) bool {
	return ChanDir((*chanType)(unsafe.Pointer(V)).dir) == BothDir &&
		(T.Name() == "" || V.Name() == "") &&
		haveIdenticalType(T.elemType(), V.elemType(), true)
}

func haveIdenticalType(T, V *rtype, cmpTags bool) bool {
	if cmpTags {
		return T == V
	}
	if T.Name() != V.Name() || T.Kind() != V.Kind() || T.PkgPath() != V.PkgPath() {
		return false
	}
	return haveIdenticalUnderlyingType(T, V, false)
}

func haveIdenticalUnderlyingType(T, V *rtype, cmpTags bool) bool {
	if T == V {
		return true
	}
	kind := T.Kind()
	if kind != V.Kind() {
		return false
	}
	if Bool <= kind && kind <= Complex128 || kind == String || kind == UnsafePointer {
		return true
	}
	switch kind {
	case Array:
		return T.Len() == V.Len() && haveIdenticalType(T.elemType(), V.elemType(), cmpTags)
	case Chan:
		return V.ChanDir() == T.ChanDir() && haveIdenticalType(T.elemType(), V.elemType(), cmpTags)
	case Func:
		t, v := (*funcType)(unsafe.Pointer(T)), (*funcType)(unsafe.Pointer(V))
		if t.outCount != v.outCount || t.inCount != v.inCount {
			return false
		}
		for i := 0; i < int(t.inCount); i++ {
			if !haveIdenticalType(t.in(i), v.in(i), cmpTags) {
				return false
			}
		}
		for i := 0; i < t.numOut(); i++ {
			if !haveIdenticalType(t.out(i), v.out(i), cmpTags) {
				return false
			}
		}
		return true
	case Interface:
		t, v := (*interfaceType)(unsafe.Pointer(T)), (*interfaceType)(unsafe.Pointer(V))
		if t.mcount != v.mcount {
			return false
		}
		for i := 0; i < int(t.mcount); i++ {
			a, b := t.method(i), v.method(i)
			if loadString(a.name) != loadString(b.name) || loadString(a.pkgPath) != loadString(b.pkgPath) || a.typ != b.typ {
				return false
			}
		}
		return true
	case Map:
		return haveIdenticalType(toRType((*mapType)(unsafe.Pointer(T)).key), toRType((*mapType)(unsafe.Pointer(V)).key), cmpTags) &&
			haveIdenticalType(T.elemType(), V.elemType(), cmpTags)
	case Pointer, Slice:
		return haveIdenticalType(T.elemType(), V.elemType(), cmpTags)
	case Struct:
		t, v := (*structType)(unsafe.Pointer(T)), (*structType)(unsafe.Pointer(V))
		if t.nfields != v.nfields || loadString(t.pkgPath) != loadString(v.pkgPath) {
			return false
		}
		for i := 0; i < int(t.nfields); i++ {
			a, b := t.field(i), v.field(i)
			if loadString(a.name) != loadString(b.name) || a.offset != b.offset || a.flags != b.flags {
				return false
			}
			if !haveIdenticalType(toRType(a.typ), toRType(b.typ), cmpTags) {
				return false
			}
			if cmpTags && loadString(a.tag) != loadString(b.tag) {
				return false
			}
		}
		return true
	}
	return false
}

// ---- TypeOf and friends ----

// emptyInterface is the layout of an interface{} value: descriptor, data.
type emptyInterface struct {
	typ  *rtype
	word unsafe.Pointer
}

// nonEmptyInterface is the layout of a non-empty interface value.
type nonEmptyInterface struct {
	itab *itab
	word unsafe.Pointer
}

// itab is the layout of an interface table (TYPEDESC.md).
type itab struct {
	inter uint32
	typ   uint32
	hash  uint32
	_     uint32
	fun   [1]uint32 // function ids (ifn), in the interface's method order
}

// TypeOf returns the dynamic type of i, or nil when i is nil.
func TypeOf(i any) Type {
	e := (*emptyInterface)(unsafe.Pointer(&i))
	return toType(e.typ)
}

func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

// PtrTo returns the pointer type with element t.
func PtrTo(t Type) Type { return PointerTo(t) }

// PointerTo returns the pointer type with element t.
func PointerTo(t Type) Type {
	return toType(ptrToType(t.common()))
}

func rtypeAddr(t Type) uint32 { return addrOf32(unsafe.Pointer(t.common())) }

var uintptrType = TypeOf(uintptr(0))
