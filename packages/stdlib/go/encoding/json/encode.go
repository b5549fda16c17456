// gort standard library: package encoding/json (encoding).
//
// Marshal walks the value with package reflect and appends to one byte
// slice. Errors unwind by panic(jsonError{err}) to Marshal's recover, so the
// recursive encoders stay free of error plumbing; any other panic is
// re-raised.

package json

import (
	"encoding"
	"math"
	"reflect"
	"sort"
	"strconv"
	"unicode/utf8"
)

// Marshaler is implemented by types that can marshal themselves into valid JSON.
type Marshaler interface {
	MarshalJSON() ([]byte, error)
}

// An UnsupportedTypeError is returned by Marshal when attempting to encode
// an unsupported value type.
type UnsupportedTypeError struct {
	Type reflect.Type
}

func (e *UnsupportedTypeError) Error() string {
	return "json: unsupported type: " + e.Type.String()
}

// An UnsupportedValueError is returned by Marshal when attempting to encode
// an unsupported value.
type UnsupportedValueError struct {
	Value reflect.Value
	Str   string
}

func (e *UnsupportedValueError) Error() string {
	return "json: unsupported value: " + e.Str
}

// InvalidUTF8Error is no longer used (kept for compatibility, as in Go).
type InvalidUTF8Error struct {
	S string
}

func (e *InvalidUTF8Error) Error() string {
	return "json: invalid UTF-8 in string: " + strconv.Quote(e.S)
}

// A MarshalerError represents an error from calling a MarshalJSON or
// MarshalText method.
type MarshalerError struct {
	Type       reflect.Type
	Err        error
	sourceFunc string
}

func (e *MarshalerError) Error() string {
	src := e.sourceFunc
	if src == "" {
		src = "MarshalJSON"
	}
	return "json: error calling " + src + " for type " + e.Type.String() + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *MarshalerError) Unwrap() error { return e.Err }

var (
	marshalerType     = reflect.TypeOf((*Marshaler)(nil)).Elem()
	textMarshalerType = reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem()
)

// Marshal returns the JSON encoding of v.
func Marshal(v any) ([]byte, error) {
	e := &encodeState{escapeHTML: true}
	if err := e.marshal(v); err != nil {
		return nil, err
	}
	return e.buf, nil
}

// MarshalIndent is like Marshal but applies Indent to format the output.
func MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	b, err := Marshal(v)
	if err != nil {
		return nil, err
	}
	var out []byte
	out, err = appendIndent(make([]byte, 0, len(b)*2), b, prefix, indent)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// jsonError wraps an error raised inside the encoder.
type jsonError struct{ error }

// cycleDepth is the pointer nesting after which the encoder starts
// remembering pointers to detect cycles (cheap for ordinary data).
const cycleDepth = 1000

type encodeState struct {
	buf        []byte
	escapeHTML bool
	ptrLevel   int
	ptrSeen    map[any]bool
}

func (e *encodeState) marshal(v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if je, ok := r.(jsonError); ok {
				err = je.error
			} else {
				panic(r)
			}
		}
	}()
	e.value(reflect.ValueOf(v), false)
	return nil
}

func (e *encodeState) fail(err error) { panic(jsonError{err}) }

// value appends the encoding of v; quoted is the ",string" option.
func (e *encodeState) value(v reflect.Value, quoted bool) {
	if !v.IsValid() {
		e.buf = append(e.buf, "null"...)
		return
	}
	t := v.Type()
	if t.Kind() != reflect.Pointer && v.CanAddr() && reflect.PointerTo(t).Implements(marshalerType) && !t.Implements(marshalerType) {
		e.marshaler(v.Addr(), t)
		return
	}
	if t.Implements(marshalerType) {
		e.marshaler(v, t)
		return
	}
	if t.Kind() != reflect.Pointer && v.CanAddr() && reflect.PointerTo(t).Implements(textMarshalerType) && !t.Implements(textMarshalerType) {
		e.textMarshaler(v.Addr(), t)
		return
	}
	if t.Implements(textMarshalerType) {
		e.textMarshaler(v, t)
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		if quoted {
			e.buf = append(e.buf, '"')
		}
		e.buf = strconv.AppendBool(e.buf, v.Bool())
		if quoted {
			e.buf = append(e.buf, '"')
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if quoted {
			e.buf = append(e.buf, '"')
		}
		e.buf = strconv.AppendInt(e.buf, v.Int(), 10)
		if quoted {
			e.buf = append(e.buf, '"')
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if quoted {
			e.buf = append(e.buf, '"')
		}
		e.buf = strconv.AppendUint(e.buf, v.Uint(), 10)
		if quoted {
			e.buf = append(e.buf, '"')
		}
	case reflect.Float32, reflect.Float64:
		e.float(v, quoted)
	case reflect.String:
		if t == numberType {
			e.number(v.String(), quoted)
			return
		}
		if quoted {
			inner := appendString(nil, v.String(), e.escapeHTML)
			e.buf = appendString(e.buf, string(inner), false)
			return
		}
		e.buf = appendString(e.buf, v.String(), e.escapeHTML)
	case reflect.Interface:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return
		}
		e.value(v.Elem(), false)
	case reflect.Pointer:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return
		}
		e.enter(v)
		e.value(v.Elem(), quoted)
		e.leave(v)
	case reflect.Struct:
		e.structValue(v)
	case reflect.Map:
		e.mapValue(v)
	case reflect.Slice:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return
		}
		et := t.Elem()
		if et.Kind() == reflect.Uint8 {
			pt := reflect.PointerTo(et)
			if !pt.Implements(marshalerType) && !pt.Implements(textMarshalerType) {
				e.buf = append(e.buf, '"')
				e.buf = appendBase64(e.buf, v.Bytes())
				e.buf = append(e.buf, '"')
				return
			}
		}
		e.enter(v)
		e.array(v)
		e.leave(v)
	case reflect.Array:
		e.array(v)
	default:
		e.fail(&UnsupportedTypeError{t})
	}
}

// enter and leave track pointer, map and slice nesting for cycle detection.
func (e *encodeState) enter(v reflect.Value) {
	e.ptrLevel++
	if e.ptrLevel <= cycleDepth {
		return
	}
	var key any
	if v.Kind() == reflect.Slice {
		key = struct {
			p uintptr
			n int
		}{v.Pointer(), v.Len()}
	} else {
		key = v.Pointer()
	}
	if e.ptrSeen == nil {
		e.ptrSeen = map[any]bool{}
	}
	if e.ptrSeen[key] {
		e.fail(&UnsupportedValueError{v, "encountered a cycle via " + v.Type().String()})
	}
	e.ptrSeen[key] = true
}

func (e *encodeState) leave(v reflect.Value) {
	if e.ptrLevel > cycleDepth {
		if v.Kind() == reflect.Slice {
			delete(e.ptrSeen, struct {
				p uintptr
				n int
			}{v.Pointer(), v.Len()})
		} else {
			delete(e.ptrSeen, v.Pointer())
		}
	}
	e.ptrLevel--
}

func (e *encodeState) marshaler(v reflect.Value, t reflect.Type) {
	if v.Kind() == reflect.Pointer && v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	m, ok := v.Interface().(Marshaler)
	if !ok {
		e.buf = append(e.buf, "null"...)
		return
	}
	b, err := m.MarshalJSON()
	if err == nil {
		var out []byte
		out, err = appendCompact(e.buf, b, e.escapeHTML)
		if err == nil {
			e.buf = out
			return
		}
	}
	e.fail(&MarshalerError{v.Type(), err, "MarshalJSON"})
}

func (e *encodeState) textMarshaler(v reflect.Value, t reflect.Type) {
	if v.Kind() == reflect.Pointer && v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	m, ok := v.Interface().(encoding.TextMarshaler)
	if !ok {
		e.buf = append(e.buf, "null"...)
		return
	}
	b, err := m.MarshalText()
	if err != nil {
		e.fail(&MarshalerError{v.Type(), err, "MarshalText"})
	}
	e.buf = appendString(e.buf, string(b), e.escapeHTML)
}

func (e *encodeState) float(v reflect.Value, quoted bool) {
	bits := v.Type().Bits()
	f := v.Float()
	if math.IsInf(f, 0) || math.IsNaN(f) {
		e.fail(&UnsupportedValueError{v, strconv.FormatFloat(f, 'g', -1, bits)})
	}
	if quoted {
		e.buf = append(e.buf, '"')
	}
	e.buf = appendFloat(e.buf, f, bits)
	if quoted {
		e.buf = append(e.buf, '"')
	}
}

// appendFloat formats f like ES6: plain decimal unless the exponent is
// below -6 or at least 21, with a minimal exponent ("1e-7", not "1e-07").
func appendFloat(b []byte, f float64, bits int) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

func (e *encodeState) number(s string, quoted bool) {
	if s == "" {
		s = "0"
	}
	if !isValidNumber(s) {
		e.fail(&encodingError{"json: invalid number literal " + strconv.Quote(s)})
	}
	if quoted {
		e.buf = append(e.buf, '"')
	}
	e.buf = append(e.buf, s...)
	if quoted {
		e.buf = append(e.buf, '"')
	}
}

// isEmptyValue reports whether v is empty for omitempty.
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

func (e *encodeState) structValue(v reflect.Value) {
	fields := cachedFields(v.Type())
	e.buf = append(e.buf, '{')
	first := true
fieldLoop:
	for i := range fields.list {
		f := &fields.list[i]
		fv := v
		for _, k := range f.index {
			if fv.Kind() == reflect.Pointer {
				if fv.IsNil() {
					continue fieldLoop
				}
				fv = fv.Elem()
			}
			fv = fv.Field(k)
		}
		if f.omitEmpty && isEmptyValue(fv) {
			continue
		}
		if !first {
			e.buf = append(e.buf, ',')
		}
		first = false
		if e.escapeHTML {
			e.buf = appendString(e.buf, f.name, true)
			e.buf = append(e.buf, ':')
		} else {
			e.buf = append(e.buf, f.nameBytes...)
		}
		e.value(fv, f.quoted)
	}
	e.buf = append(e.buf, '}')
}

type mapKey struct {
	s string
	v reflect.Value // the element (a NaN key cannot be looked up again)
}

func (e *encodeState) mapValue(v reflect.Value) {
	t := v.Type()
	kt := t.Key()
	switch kt.Kind() {
	case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
	default:
		if !kt.Implements(textMarshalerType) {
			e.fail(&UnsupportedTypeError{t})
		}
	}
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.enter(v)
	keys := make([]mapKey, 0, v.Len())
	it := v.MapRange()
	for it.Next() {
		keys = append(keys, mapKey{e.keyName(it.Key(), t), it.Value()})
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].s < keys[j].s })
	e.buf = append(e.buf, '{')
	for i, kv := range keys {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		e.buf = appendString(e.buf, kv.s, e.escapeHTML)
		e.buf = append(e.buf, ':')
		e.value(kv.v, false)
	}
	e.buf = append(e.buf, '}')
	e.leave(v)
}

// keyName is the JSON object key for map key k.
func (e *encodeState) keyName(k reflect.Value, mt reflect.Type) string {
	if k.Kind() == reflect.String {
		return k.String()
	}
	if tm, ok := k.Interface().(encoding.TextMarshaler); ok {
		if k.Kind() == reflect.Pointer && k.IsNil() {
			return ""
		}
		b, err := tm.MarshalText()
		if err != nil {
			e.fail(&encodingError{"json: encoding error for type " + strconv.Quote(mt.String()) + ": " + strconv.Quote(err.Error())})
		}
		return string(b)
	}
	switch k.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(k.Int(), 10)
	}
	return strconv.FormatUint(k.Uint(), 10)
}

type encodingError struct{ s string }

func (e *encodingError) Error() string { return e.s }

func (e *encodeState) array(v reflect.Value) {
	e.buf = append(e.buf, '[')
	n := v.Len()
	for i := 0; i < n; i++ {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		e.value(v.Index(i), false)
	}
	e.buf = append(e.buf, ']')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string: '"', '\\' and control
// characters escaped (\n, \r, \t short), invalid UTF-8 as \ufffd, U+2028
// and U+2029 escaped, and with escapeHTML also '<', '>' and '&'.
func appendString(b []byte, s string, escapeHTML bool) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!escapeHTML || (c != '<' && c != '>' && c != '&')) {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

const base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// appendBase64 appends the standard (padded) base64 encoding of src.
func appendBase64(b []byte, src []byte) []byte {
	for len(src) >= 3 {
		v := uint(src[0])<<16 | uint(src[1])<<8 | uint(src[2])
		b = append(b, base64Chars[v>>18&63], base64Chars[v>>12&63], base64Chars[v>>6&63], base64Chars[v&63])
		src = src[3:]
	}
	switch len(src) {
	case 1:
		v := uint(src[0]) << 16
		b = append(b, base64Chars[v>>18&63], base64Chars[v>>12&63], '=', '=')
	case 2:
		v := uint(src[0])<<16 | uint(src[1])<<8
		b = append(b, base64Chars[v>>18&63], base64Chars[v>>12&63], base64Chars[v>>6&63], '=')
	}
	return b
}

func reflectTypeOfNumber() reflect.Type { return reflect.TypeOf(Number("")) }
