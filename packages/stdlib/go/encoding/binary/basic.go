// gort standard library: package encoding/binary (Read and Write without
// reflect for basic values, pointers to them and slices of them).

package binary

import "math"

// basicSize returns the encoded size of data if it is a basic fixed-size
// value, a pointer to one or a slice of them, and 0 otherwise (also for an
// empty slice, which then goes through reflect).
func basicSize(data any) int {
	switch d := data.(type) {
	case bool, int8, uint8, *bool, *int8, *uint8:
		return 1
	case []bool:
		return len(d)
	case []int8:
		return len(d)
	case []uint8:
		return len(d)
	case int16, uint16, *int16, *uint16:
		return 2
	case []int16:
		return 2 * len(d)
	case []uint16:
		return 2 * len(d)
	case int32, uint32, *int32, *uint32, float32, *float32:
		return 4
	case []int32:
		return 4 * len(d)
	case []uint32:
		return 4 * len(d)
	case []float32:
		return 4 * len(d)
	case int64, uint64, *int64, *uint64, float64, *float64:
		return 8
	case []int64:
		return 8 * len(d)
	case []uint64:
		return 8 * len(d)
	case []float64:
		return 8 * len(d)
	}
	return 0
}

// decodeBasic stores bs into the pointer or slice data (basicSize != 0;
// plain values are ignored, as Go does).
func decodeBasic(bs []byte, o ByteOrder, data any) {
	switch d := data.(type) {
	case *bool:
		*d = bs[0] != 0
	case *int8:
		*d = int8(bs[0])
	case *uint8:
		*d = bs[0]
	case *int16:
		*d = int16(o.Uint16(bs))
	case *uint16:
		*d = o.Uint16(bs)
	case *int32:
		*d = int32(o.Uint32(bs))
	case *uint32:
		*d = o.Uint32(bs)
	case *float32:
		*d = math.Float32frombits(o.Uint32(bs))
	case *int64:
		*d = int64(o.Uint64(bs))
	case *uint64:
		*d = o.Uint64(bs)
	case *float64:
		*d = math.Float64frombits(o.Uint64(bs))
	case []bool:
		for i, x := range bs {
			d[i] = x != 0
		}
	case []int8:
		for i, x := range bs {
			d[i] = int8(x)
		}
	case []uint8:
		copy(d, bs)
	case []int16:
		for i := range d {
			d[i] = int16(o.Uint16(bs[2*i:]))
		}
	case []uint16:
		for i := range d {
			d[i] = o.Uint16(bs[2*i:])
		}
	case []int32:
		for i := range d {
			d[i] = int32(o.Uint32(bs[4*i:]))
		}
	case []uint32:
		for i := range d {
			d[i] = o.Uint32(bs[4*i:])
		}
	case []float32:
		for i := range d {
			d[i] = math.Float32frombits(o.Uint32(bs[4*i:]))
		}
	case []int64:
		for i := range d {
			d[i] = int64(o.Uint64(bs[8*i:]))
		}
	case []uint64:
		for i := range d {
			d[i] = o.Uint64(bs[8*i:])
		}
	case []float64:
		for i := range d {
			d[i] = math.Float64frombits(o.Uint64(bs[8*i:]))
		}
	}
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// encodeBasic writes data (basicSize != 0) into bs.
func encodeBasic(bs []byte, o ByteOrder, data any) {
	switch v := data.(type) {
	case bool:
		bs[0] = boolByte(v)
	case *bool:
		bs[0] = boolByte(*v)
	case []bool:
		for i, x := range v {
			bs[i] = boolByte(x)
		}
	case int8:
		bs[0] = byte(v)
	case *int8:
		bs[0] = byte(*v)
	case []int8:
		for i, x := range v {
			bs[i] = byte(x)
		}
	case uint8:
		bs[0] = v
	case *uint8:
		bs[0] = *v
	case []uint8:
		copy(bs, v)
	case int16:
		o.PutUint16(bs, uint16(v))
	case *int16:
		o.PutUint16(bs, uint16(*v))
	case []int16:
		for i, x := range v {
			o.PutUint16(bs[2*i:], uint16(x))
		}
	case uint16:
		o.PutUint16(bs, v)
	case *uint16:
		o.PutUint16(bs, *v)
	case []uint16:
		for i, x := range v {
			o.PutUint16(bs[2*i:], x)
		}
	case int32:
		o.PutUint32(bs, uint32(v))
	case *int32:
		o.PutUint32(bs, uint32(*v))
	case []int32:
		for i, x := range v {
			o.PutUint32(bs[4*i:], uint32(x))
		}
	case uint32:
		o.PutUint32(bs, v)
	case *uint32:
		o.PutUint32(bs, *v)
	case []uint32:
		for i, x := range v {
			o.PutUint32(bs[4*i:], x)
		}
	case float32:
		o.PutUint32(bs, math.Float32bits(v))
	case *float32:
		o.PutUint32(bs, math.Float32bits(*v))
	case []float32:
		for i, x := range v {
			o.PutUint32(bs[4*i:], math.Float32bits(x))
		}
	case int64:
		o.PutUint64(bs, uint64(v))
	case *int64:
		o.PutUint64(bs, uint64(*v))
	case []int64:
		for i, x := range v {
			o.PutUint64(bs[8*i:], uint64(x))
		}
	case uint64:
		o.PutUint64(bs, v)
	case *uint64:
		o.PutUint64(bs, *v)
	case []uint64:
		for i, x := range v {
			o.PutUint64(bs[8*i:], x)
		}
	case float64:
		o.PutUint64(bs, math.Float64bits(v))
	case *float64:
		o.PutUint64(bs, math.Float64bits(*v))
	case []float64:
		for i, x := range v {
			o.PutUint64(bs[8*i:], math.Float64bits(x))
		}
	}
}
