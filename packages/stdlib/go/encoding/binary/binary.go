// gort standard library: package encoding/binary (Go 1.19 API).
//
// Byte orders, fixed-size encoding of numbers, bools, and arrays, slices
// and structs of them (Read, Write, Size: basic values and slices of them
// directly, everything else through reflect), and varints (varint.go).
// Blank struct fields ("_") are skipped by Read and written as zeros.

package binary

import (
	"errors"
	"io"
	"math"
	"reflect"
)

// A ByteOrder converts byte slices to and from unsigned integers.
type ByteOrder interface {
	Uint16([]byte) uint16
	Uint32([]byte) uint32
	Uint64([]byte) uint64
	PutUint16([]byte, uint16)
	PutUint32([]byte, uint32)
	PutUint64([]byte, uint64)
	String() string
}

// AppendByteOrder appends unsigned integers to byte slices.
type AppendByteOrder interface {
	AppendUint16([]byte, uint16) []byte
	AppendUint32([]byte, uint32) []byte
	AppendUint64([]byte, uint64) []byte
	String() string
}

// LittleEndian is the little-endian ByteOrder and AppendByteOrder.
var LittleEndian littleEndian

// BigEndian is the big-endian ByteOrder and AppendByteOrder.
var BigEndian bigEndian

type littleEndian struct{}

func (littleEndian) Uint16(b []byte) uint16 {
	_ = b[1] // one bounds check
	return uint16(b[0]) | uint16(b[1])<<8
}

func (littleEndian) PutUint16(b []byte, v uint16) {
	_ = b[1]
	b[0] = byte(v)
	b[1] = byte(v >> 8)
}

func (littleEndian) AppendUint16(b []byte, v uint16) []byte {
	return append(b, byte(v), byte(v>>8))
}

func (littleEndian) Uint32(b []byte) uint32 {
	_ = b[3]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func (littleEndian) PutUint32(b []byte, v uint32) {
	_ = b[3]
	b[0] = byte(v)
	b[1] = byte(v >> 8)
	b[2] = byte(v >> 16)
	b[3] = byte(v >> 24)
}

func (littleEndian) AppendUint32(b []byte, v uint32) []byte {
	return append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
}

func (littleEndian) Uint64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func (littleEndian) PutUint64(b []byte, v uint64) {
	_ = b[7]
	for i := 0; i < 8; i++ {
		b[i] = byte(v >> (8 * i))
	}
}

func (littleEndian) AppendUint64(b []byte, v uint64) []byte {
	return append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24),
		byte(v>>32), byte(v>>40), byte(v>>48), byte(v>>56))
}

func (littleEndian) String() string   { return "LittleEndian" }
func (littleEndian) GoString() string { return "binary.LittleEndian" }

type bigEndian struct{}

func (bigEndian) Uint16(b []byte) uint16 {
	_ = b[1]
	return uint16(b[1]) | uint16(b[0])<<8
}

func (bigEndian) PutUint16(b []byte, v uint16) {
	_ = b[1]
	b[0] = byte(v >> 8)
	b[1] = byte(v)
}

func (bigEndian) AppendUint16(b []byte, v uint16) []byte {
	return append(b, byte(v>>8), byte(v))
}

func (bigEndian) Uint32(b []byte) uint32 {
	_ = b[3]
	return uint32(b[3]) | uint32(b[2])<<8 | uint32(b[1])<<16 | uint32(b[0])<<24
}

func (bigEndian) PutUint32(b []byte, v uint32) {
	_ = b[3]
	b[0] = byte(v >> 24)
	b[1] = byte(v >> 16)
	b[2] = byte(v >> 8)
	b[3] = byte(v)
}

func (bigEndian) AppendUint32(b []byte, v uint32) []byte {
	return append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

func (bigEndian) Uint64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[7]) | uint64(b[6])<<8 | uint64(b[5])<<16 | uint64(b[4])<<24 |
		uint64(b[3])<<32 | uint64(b[2])<<40 | uint64(b[1])<<48 | uint64(b[0])<<56
}

func (bigEndian) PutUint64(b []byte, v uint64) {
	_ = b[7]
	for i := 0; i < 8; i++ {
		b[i] = byte(v >> (56 - 8*i))
	}
}

func (bigEndian) AppendUint64(b []byte, v uint64) []byte {
	return append(b, byte(v>>56), byte(v>>48), byte(v>>40), byte(v>>32),
		byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

func (bigEndian) String() string   { return "BigEndian" }
func (bigEndian) GoString() string { return "binary.BigEndian" }

// Read reads binary data from r into data, which must be a pointer to a
// fixed-size value or a slice of fixed-size values. Too little input gives
// io.EOF (nothing read) or io.ErrUnexpectedEOF.
func Read(r io.Reader, order ByteOrder, data any) error {
	if n := basicSize(data); n != 0 {
		bs := make([]byte, n)
		if _, err := io.ReadFull(r, bs); err != nil {
			return err
		}
		decodeBasic(bs, order, data)
		return nil
	}
	v := reflect.ValueOf(data)
	size := -1
	switch v.Kind() {
	case reflect.Pointer:
		v = v.Elem()
		size = dataSize(v)
	case reflect.Slice:
		size = dataSize(v)
	}
	if size < 0 {
		return errors.New("binary.Read: invalid type " + reflect.TypeOf(data).String())
	}
	c := &codec{order: order, buf: make([]byte, size)}
	if _, err := io.ReadFull(r, c.buf); err != nil {
		return err
	}
	c.decode(v)
	return nil
}

// Write writes the binary representation of data (a fixed-size value, a
// slice of them, or a pointer to either) to w.
func Write(w io.Writer, order ByteOrder, data any) error {
	if n := basicSize(data); n != 0 {
		bs := make([]byte, n)
		encodeBasic(bs, order, data)
		_, err := w.Write(bs)
		return err
	}
	v := reflect.Indirect(reflect.ValueOf(data))
	size := dataSize(v)
	if size < 0 {
		return errors.New("binary.Write: invalid type " + reflect.TypeOf(data).String())
	}
	c := &codec{order: order, buf: make([]byte, size)}
	c.encode(v)
	_, err := w.Write(c.buf)
	return err
}

// Size returns how many bytes Write would generate for v, or -1 when v is
// not a fixed-size value, a slice of them, or a pointer to either.
func Size(v any) int {
	return dataSize(reflect.Indirect(reflect.ValueOf(v)))
}

// dataSize is the encoded size of v (-1 if it has none); for a slice,
// the size of its elements.
func dataSize(v reflect.Value) int {
	if v.Kind() == reflect.Slice {
		if s := typeSize(v.Type().Elem()); s >= 0 {
			return s * v.Len()
		}
		return -1
	}
	return typeSize(v.Type())
}

// typeSize is the encoded size of values of type t, or -1 (int, uint,
// uintptr, strings, maps, pointers... have none).
func typeSize(t reflect.Type) int {
	switch t.Kind() {
	case reflect.Array:
		if s := typeSize(t.Elem()); s >= 0 {
			return s * t.Len()
		}
	case reflect.Struct:
		sum := 0
		for i, n := 0, t.NumField(); i < n; i++ {
			s := typeSize(t.Field(i).Type)
			if s < 0 {
				return -1
			}
			sum += s
		}
		return sum
	case reflect.Bool,
		reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return int(t.Size())
	}
	return -1
}

// codec walks a value with reflect, reading or writing buf in order.
type codec struct {
	order ByteOrder
	buf   []byte
	off   int
}

func (c *codec) next(n int) []byte {
	b := c.buf[c.off : c.off+n]
	c.off += n
	return b
}

func (c *codec) decode(v reflect.Value) {
	switch v.Kind() {
	case reflect.Array, reflect.Slice:
		for i, n := 0, v.Len(); i < n; i++ {
			c.decode(v.Index(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i, n := 0, v.NumField(); i < n; i++ {
			if f := v.Field(i); f.CanSet() || t.Field(i).Name != "_" {
				c.decode(f)
			} else {
				c.off += dataSize(f)
			}
		}
	case reflect.Bool:
		v.SetBool(c.next(1)[0] != 0)
	case reflect.Int8:
		v.SetInt(int64(int8(c.next(1)[0])))
	case reflect.Int16:
		v.SetInt(int64(int16(c.order.Uint16(c.next(2)))))
	case reflect.Int32:
		v.SetInt(int64(int32(c.order.Uint32(c.next(4)))))
	case reflect.Int64:
		v.SetInt(int64(c.order.Uint64(c.next(8))))
	case reflect.Uint8:
		v.SetUint(uint64(c.next(1)[0]))
	case reflect.Uint16:
		v.SetUint(uint64(c.order.Uint16(c.next(2))))
	case reflect.Uint32:
		v.SetUint(uint64(c.order.Uint32(c.next(4))))
	case reflect.Uint64:
		v.SetUint(c.order.Uint64(c.next(8)))
	case reflect.Float32:
		v.SetFloat(float64(math.Float32frombits(c.order.Uint32(c.next(4)))))
	case reflect.Float64:
		v.SetFloat(math.Float64frombits(c.order.Uint64(c.next(8))))
	case reflect.Complex64:
		re := math.Float32frombits(c.order.Uint32(c.next(4)))
		im := math.Float32frombits(c.order.Uint32(c.next(4)))
		v.SetComplex(complex(float64(re), float64(im)))
	case reflect.Complex128:
		re := math.Float64frombits(c.order.Uint64(c.next(8)))
		im := math.Float64frombits(c.order.Uint64(c.next(8)))
		v.SetComplex(complex(re, im))
	}
}

func (c *codec) encode(v reflect.Value) {
	switch v.Kind() {
	case reflect.Array, reflect.Slice:
		for i, n := 0, v.Len(); i < n; i++ {
			c.encode(v.Index(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i, n := 0, v.NumField(); i < n; i++ {
			if f := v.Field(i); f.CanSet() || t.Field(i).Name != "_" {
				c.encode(f)
			} else {
				b := c.next(dataSize(f)) // blank: zeros
				for j := range b {
					b[j] = 0
				}
			}
		}
	case reflect.Bool:
		if v.Bool() {
			c.next(1)[0] = 1
		} else {
			c.next(1)[0] = 0
		}
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.putUint(v.Type().Size(), uint64(v.Int()))
	case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		c.putUint(v.Type().Size(), v.Uint())
	case reflect.Float32:
		c.order.PutUint32(c.next(4), math.Float32bits(float32(v.Float())))
	case reflect.Float64:
		c.order.PutUint64(c.next(8), math.Float64bits(v.Float()))
	case reflect.Complex64:
		x := v.Complex()
		c.order.PutUint32(c.next(4), math.Float32bits(float32(real(x))))
		c.order.PutUint32(c.next(4), math.Float32bits(float32(imag(x))))
	case reflect.Complex128:
		x := v.Complex()
		c.order.PutUint64(c.next(8), math.Float64bits(real(x)))
		c.order.PutUint64(c.next(8), math.Float64bits(imag(x)))
	}
}

func (c *codec) putUint(size uintptr, x uint64) {
	switch size {
	case 1:
		c.next(1)[0] = byte(x)
	case 2:
		c.order.PutUint16(c.next(2), uint16(x))
	case 4:
		c.order.PutUint32(c.next(4), uint32(x))
	case 8:
		c.order.PutUint64(c.next(8), x)
	}
}
