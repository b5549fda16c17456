// gort standard library: package runtime (run-time error values).
//
// A run-time panic (index out of range, nil dereference, division by
// zero, ...) is recorded by gort's VM as a kind and two operands
// (packages/runtime/src/vm/panic.ts). When recover() returns such a panic
// the VM boxes it as one of the types below, which it finds by name among
// the image's type descriptors: errorString (message after "runtime error:
// "), plainError (full message), boundsError (index and slice failures).
// The VM writes their fields directly, so their layouts are part of that
// contract: errorString and plainError are strings; boundsError is
// {x int64 @0, y int @8, signed bool @16, code uint8 @17}.

package runtime

// Error identifies a run-time error: every panic the runtime itself raises
// carries a value implementing it.
type Error interface {
	error

	// RuntimeError is a no-op that tells run-time errors from other errors.
	RuntimeError()
}

// errorString is a run-time error printed with the "runtime error: " prefix.
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string {
	return "runtime error: " + string(e)
}

// plainError is a run-time error printed as is (e.g. "send on closed channel").
type plainError string

func (e plainError) RuntimeError() {}

func (e plainError) Error() string {
	return string(e)
}

// boundsError is the failure of an index, slice or slice-to-array-pointer
// conversion check: x is the failing index (or the array length for a
// conversion), y the length, capacity or other bound.
type boundsError struct {
	x      int64
	y      int
	signed bool // x is signed (a negative x prints as such)
	code   boundsErrorCode
}

type boundsErrorCode uint8

// The check that failed (the VM's BC_* codes).
const (
	boundsIndex      boundsErrorCode = iota // s[x], 0 <= x < len(s) failed
	boundsSliceAlen                         // s[?:x], x <= len(s) failed
	boundsSliceAcap                         // s[?:x], x <= cap(s) failed
	boundsSliceB                            // s[x:y], x <= y failed
	boundsSlice3Alen                        // s[?:?:x], x <= len(s) failed
	boundsSlice3Acap                        // s[?:?:x], x <= cap(s) failed
	boundsSlice3B                           // s[?:x:y], x <= y failed
	boundsSlice3C                           // s[x:y:?], x <= y failed
	boundsConvert                           // (*[x]T)(s), x <= len(s) failed
)

func (e boundsError) RuntimeError() {}

func (e boundsError) Error() string {
	x := e.fmtX()
	y := itoa(int64(e.y))
	if e.signed && e.x < 0 {
		// a negative index: only the index is shown
		switch e.code {
		case boundsIndex:
			return "runtime error: index out of range [" + x + "]"
		case boundsSliceAlen, boundsSliceAcap:
			return "runtime error: slice bounds out of range [:" + x + "]"
		case boundsSliceB:
			return "runtime error: slice bounds out of range [" + x + ":]"
		case boundsSlice3Alen, boundsSlice3Acap:
			return "runtime error: slice bounds out of range [::" + x + "]"
		case boundsSlice3B:
			return "runtime error: slice bounds out of range [:" + x + ":]"
		case boundsSlice3C:
			return "runtime error: slice bounds out of range [" + x + "::]"
		}
	}
	switch e.code {
	case boundsIndex:
		return "runtime error: index out of range [" + x + "] with length " + y
	case boundsSliceAlen:
		return "runtime error: slice bounds out of range [:" + x + "] with length " + y
	case boundsSliceAcap:
		return "runtime error: slice bounds out of range [:" + x + "] with capacity " + y
	case boundsSliceB:
		return "runtime error: slice bounds out of range [" + x + ":" + y + "]"
	case boundsSlice3Alen:
		return "runtime error: slice bounds out of range [::" + x + "] with length " + y
	case boundsSlice3Acap:
		return "runtime error: slice bounds out of range [::" + x + "] with capacity " + y
	case boundsSlice3B:
		return "runtime error: slice bounds out of range [:" + x + ":" + y + "]"
	case boundsSlice3C:
		return "runtime error: slice bounds out of range [" + x + ":" + y + ":]"
	case boundsConvert:
		return "runtime error: cannot convert slice with length " + y + " to pointer to array with length " + x
	}
	return "runtime error: bounds check failed"
}

// fmtX formats the failing index: as a signed number, or as the uint64 it
// was when the index had an unsigned type.
func (e boundsError) fmtX() string {
	if e.signed {
		return itoa(e.x)
	}
	return utoa(uint64(e.x))
}

func itoa(v int64) string {
	if v < 0 {
		return "-" + utoa(uint64(-v))
	}
	return utoa(uint64(v))
}

func utoa(v uint64) string {
	var buf [20]byte
	i := len(buf)
	for v >= 10 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	i--
	buf[i] = byte('0' + v)
	return string(buf[i:])
}
