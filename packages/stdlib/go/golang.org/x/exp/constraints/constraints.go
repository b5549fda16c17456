// gort standard library: package golang.org/x/exp/constraints

// Package constraints defines type constraints for generic code (golang.org/x/exp/constraints,
// shipped with gort).
package constraints

// Signed is any signed integer type.
type Signed interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

// Unsigned is any unsigned integer type.
type Unsigned interface {
	~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

// Integer is any integer type.
type Integer interface {
	Signed | Unsigned
}

// Float is any floating-point type.
type Float interface {
	~float32 | ~float64
}

// Complex is any complex numeric type.
type Complex interface {
	~complex64 | ~complex128
}

// Ordered is any type that supports < <= >= >.
type Ordered interface {
	Integer | Float | ~string
}
