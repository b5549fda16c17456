// gort standard library: package sync/atomic (typed values).

package atomic

import "unsafe"

// noCopy makes go vet's copylocks check flag copies of the types below.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// align64 documents 64-bit alignment (always true in gort's amd64 layout).
type align64 struct{}

func b32(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

// A Bool is an atomic boolean value.
type Bool struct {
	_ noCopy
	v uint32
}

func (x *Bool) Load() bool               { return LoadUint32(&x.v) != 0 }
func (x *Bool) Store(val bool)           { StoreUint32(&x.v, b32(val)) }
func (x *Bool) Swap(new bool) (old bool) { return SwapUint32(&x.v, b32(new)) != 0 }
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) {
	return CompareAndSwapUint32(&x.v, b32(old), b32(new))
}

// A Pointer is an atomic pointer of type *T.
type Pointer[T any] struct {
	_ [0]*T // Pointer[T1] does not convert to Pointer[T2]
	_ noCopy
	v unsafe.Pointer
}

func (x *Pointer[T]) Load() *T     { return (*T)(LoadPointer(&x.v)) }
func (x *Pointer[T]) Store(val *T) { StorePointer(&x.v, unsafe.Pointer(val)) }
func (x *Pointer[T]) Swap(new *T) (old *T) {
	return (*T)(SwapPointer(&x.v, unsafe.Pointer(new)))
}
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	return CompareAndSwapPointer(&x.v, unsafe.Pointer(old), unsafe.Pointer(new))
}

// An Int32 is an atomic int32.
type Int32 struct {
	_ noCopy
	v int32
}

func (x *Int32) Load() int32                 { return LoadInt32(&x.v) }
func (x *Int32) Store(val int32)             { StoreInt32(&x.v, val) }
func (x *Int32) Swap(new int32) (old int32)  { return SwapInt32(&x.v, new) }
func (x *Int32) Add(delta int32) (new int32) { return AddInt32(&x.v, delta) }
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool) {
	return CompareAndSwapInt32(&x.v, old, new)
}

// An Int64 is an atomic int64.
type Int64 struct {
	_ noCopy
	_ align64
	v int64
}

func (x *Int64) Load() int64                 { return LoadInt64(&x.v) }
func (x *Int64) Store(val int64)             { StoreInt64(&x.v, val) }
func (x *Int64) Swap(new int64) (old int64)  { return SwapInt64(&x.v, new) }
func (x *Int64) Add(delta int64) (new int64) { return AddInt64(&x.v, delta) }
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool) {
	return CompareAndSwapInt64(&x.v, old, new)
}

// A Uint32 is an atomic uint32.
type Uint32 struct {
	_ noCopy
	v uint32
}

func (x *Uint32) Load() uint32                  { return LoadUint32(&x.v) }
func (x *Uint32) Store(val uint32)              { StoreUint32(&x.v, val) }
func (x *Uint32) Swap(new uint32) (old uint32)  { return SwapUint32(&x.v, new) }
func (x *Uint32) Add(delta uint32) (new uint32) { return AddUint32(&x.v, delta) }
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool) {
	return CompareAndSwapUint32(&x.v, old, new)
}

// A Uint64 is an atomic uint64.
type Uint64 struct {
	_ noCopy
	_ align64
	v uint64
}

func (x *Uint64) Load() uint64                  { return LoadUint64(&x.v) }
func (x *Uint64) Store(val uint64)              { StoreUint64(&x.v, val) }
func (x *Uint64) Swap(new uint64) (old uint64)  { return SwapUint64(&x.v, new) }
func (x *Uint64) Add(delta uint64) (new uint64) { return AddUint64(&x.v, delta) }
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool) {
	return CompareAndSwapUint64(&x.v, old, new)
}

// A Uintptr is an atomic uintptr.
type Uintptr struct {
	_ noCopy
	v uintptr
}

func (x *Uintptr) Load() uintptr                   { return LoadUintptr(&x.v) }
func (x *Uintptr) Store(val uintptr)               { StoreUintptr(&x.v, val) }
func (x *Uintptr) Swap(new uintptr) (old uintptr)  { return SwapUintptr(&x.v, new) }
func (x *Uintptr) Add(delta uintptr) (new uintptr) { return AddUintptr(&x.v, delta) }
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool) {
	return CompareAndSwapUintptr(&x.v, old, new)
}
