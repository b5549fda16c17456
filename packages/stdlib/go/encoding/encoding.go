// gort standard library: package encoding.

// Package encoding defines the interfaces shared by packages that convert
// data to and from byte-level and textual representations.
package encoding

// A BinaryMarshaler encodes its receiver into binary form.
type BinaryMarshaler interface {
	MarshalBinary() (data []byte, err error)
}

// A BinaryUnmarshaler decodes the binary form of itself (and must copy data
// if it keeps it).
type BinaryUnmarshaler interface {
	UnmarshalBinary(data []byte) error
}

// A TextMarshaler encodes its receiver into UTF-8 text.
type TextMarshaler interface {
	MarshalText() (text []byte, err error)
}

// A TextUnmarshaler decodes the textual form of itself (and must copy text
// if it keeps it).
type TextUnmarshaler interface {
	UnmarshalText(text []byte) error
}
