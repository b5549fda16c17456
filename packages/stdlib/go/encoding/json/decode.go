// gort standard library: package encoding/json (decoding).
//
// Unmarshal first checks the whole text (so a syntax error changes
// nothing), then walks it once with a cursor, storing through package
// reflect. Type mismatches are remembered (the first one is returned, with
// the struct and field path in effect) and decoding goes on, as in Go.

package json

import (
	"encoding"
	"encoding/base64"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Unmarshaler is implemented by types that can unmarshal a JSON description
// of themselves.
type Unmarshaler interface {
	UnmarshalJSON([]byte) error
}

// An UnmarshalTypeError describes a JSON value that was not appropriate
// for a value of a specific Go type.
type UnmarshalTypeError struct {
	Value  string       // description of JSON value - "bool", "array", "number -5"
	Type   reflect.Type // type of Go value it could not be assigned to
	Offset int64        // error occurred after reading Offset bytes
	Struct string       // name of the struct type containing the field
	Field  string       // the full path from root node to the field
}

func (e *UnmarshalTypeError) Error() string {
	if e.Struct != "" || e.Field != "" {
		return "json: cannot unmarshal " + e.Value + " into Go struct field " + e.Struct + "." + e.Field + " of type " + e.Type.String()
	}
	return "json: cannot unmarshal " + e.Value + " into Go value of type " + e.Type.String()
}

// An UnmarshalFieldError is no longer used (kept for compatibility).
type UnmarshalFieldError struct {
	Key   string
	Type  reflect.Type
	Field reflect.StructField
}

func (e *UnmarshalFieldError) Error() string {
	return "json: cannot unmarshal object key " + strconv.Quote(e.Key) + " into unexported field " + e.Field.Name + " of type " + e.Type.String()
}

// An InvalidUnmarshalError describes an invalid argument passed to Unmarshal.
type InvalidUnmarshalError struct {
	Type reflect.Type
}

func (e *InvalidUnmarshalError) Error() string {
	if e.Type == nil {
		return "json: Unmarshal(nil)"
	}
	if e.Type.Kind() != reflect.Pointer {
		return "json: Unmarshal(non-pointer " + e.Type.String() + ")"
	}
	return "json: Unmarshal(nil " + e.Type.String() + ")"
}

var textUnmarshalerType = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()

// Unmarshal parses the JSON-encoded data and stores the result in the value
// pointed to by v.
func Unmarshal(data []byte, v any) error {
	if err := checkValid(data); err != nil {
		return err
	}
	d := &decodeState{data: data}
	return d.unmarshal(v)
}

type decodeState struct {
	data                  []byte
	off                   int
	savedError            error
	errStruct             reflect.Type
	fieldStack            []string
	useNumber             bool
	disallowUnknownFields bool
}

func (d *decodeState) unmarshal(v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &InvalidUnmarshalError{reflect.TypeOf(v)}
	}
	if err := d.value(rv); err != nil {
		return d.addErrorContext(err)
	}
	return d.savedError
}

func (d *decodeState) addErrorContext(err error) error {
	if d.errStruct != nil || len(d.fieldStack) > 0 {
		if te, ok := err.(*UnmarshalTypeError); ok {
			if d.errStruct != nil {
				te.Struct = d.errStruct.Name()
			}
			te.Field = strings.Join(d.fieldStack, ".")
		}
	}
	return err
}

func (d *decodeState) saveError(err error) {
	if d.savedError == nil {
		d.savedError = d.addErrorContext(err)
	}
}

func (d *decodeState) skipSpace() {
	for d.off < len(d.data) && isSpace(d.data[d.off]) {
		d.off++
	}
}

// value decodes the value at d.off into v (skipping it when v is invalid).
func (d *decodeState) value(v reflect.Value) error {
	d.skipSpace()
	switch d.data[d.off] {
	case '{':
		if !v.IsValid() {
			d.off = valueEnd(d.data, d.off)
			return nil
		}
		return d.object(v)
	case '[':
		if !v.IsValid() {
			d.off = valueEnd(d.data, d.off)
			return nil
		}
		return d.array(v)
	}
	start := d.off
	d.off = valueEnd(d.data, d.off)
	if !v.IsValid() {
		return nil
	}
	return d.literalStore(d.data[start:d.off], v, false)
}

// indirect walks down v through pointers (allocating nil ones) and
// non-nil interfaces holding pointers, stopping at a value implementing
// Unmarshaler or (unless decoding null) encoding.TextUnmarshaler.
func indirect(v reflect.Value, decodingNull bool) (Unmarshaler, encoding.TextUnmarshaler, reflect.Value) {
	v0 := v
	haveAddr := false
	if v.Kind() != reflect.Pointer && v.Type().Name() != "" && v.CanAddr() {
		haveAddr = true
		v = v.Addr()
	}
	for {
		if v.Kind() == reflect.Interface && !v.IsNil() {
			e := v.Elem()
			if e.Kind() == reflect.Pointer && !e.IsNil() && (!decodingNull || e.Elem().Kind() == reflect.Pointer) {
				haveAddr = false
				v = e
				continue
			}
		}
		if v.Kind() != reflect.Pointer {
			break
		}
		if decodingNull && v.CanSet() {
			break
		}
		if v.Elem().Kind() == reflect.Interface && v.Elem().Elem() == v {
			v = v.Elem()
			break
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		if v.Type().NumMethod() > 0 && v.CanInterface() {
			if u, ok := v.Interface().(Unmarshaler); ok {
				return u, nil, reflect.Value{}
			}
			if !decodingNull {
				if u, ok := v.Interface().(encoding.TextUnmarshaler); ok {
					return nil, u, reflect.Value{}
				}
			}
		}
		if haveAddr {
			v = v0
			haveAddr = false
		} else {
			v = v.Elem()
		}
	}
	return nil, nil, v
}

func (d *decodeState) array(v reflect.Value) error {
	u, ut, pv := indirect(v, false)
	start := d.off
	if u != nil {
		d.off = valueEnd(d.data, d.off)
		return u.UnmarshalJSON(d.data[start:d.off])
	}
	if ut != nil {
		d.saveError(&UnmarshalTypeError{Value: "array", Type: v.Type(), Offset: int64(d.off + 1)})
		d.off = valueEnd(d.data, d.off)
		return nil
	}
	v = pv
	switch v.Kind() {
	case reflect.Interface:
		if v.NumMethod() == 0 {
			x := d.arrayInterface()
			v.Set(reflect.ValueOf(x))
			return nil
		}
		fallthrough
	default:
		d.saveError(&UnmarshalTypeError{Value: "array", Type: v.Type(), Offset: int64(d.off + 1)})
		d.off = valueEnd(d.data, d.off)
		return nil
	case reflect.Array, reflect.Slice:
	}
	d.off++ // '['
	i := 0
	for {
		d.skipSpace()
		if d.data[d.off] == ']' {
			d.off++
			break
		}
		if v.Kind() == reflect.Slice {
			if i >= v.Cap() {
				newcap := v.Cap() + v.Cap()/2
				if newcap < 4 {
					newcap = 4
				}
				nv := reflect.MakeSlice(v.Type(), v.Len(), newcap)
				reflect.Copy(nv, v)
				v.Set(nv)
			}
			if i >= v.Len() {
				v.SetLen(i + 1)
			}
		}
		var err error
		if i < v.Len() {
			err = d.value(v.Index(i))
		} else {
			err = d.value(reflect.Value{})
		}
		if err != nil {
			return err
		}
		i++
		d.skipSpace()
		if d.data[d.off] == ',' {
			d.off++
		}
	}
	if i < v.Len() {
		if v.Kind() == reflect.Array {
			z := reflect.Zero(v.Type().Elem())
			for ; i < v.Len(); i++ {
				v.Index(i).Set(z)
			}
		} else {
			v.SetLen(i)
		}
	}
	if i == 0 && v.Kind() == reflect.Slice {
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	}
	return nil
}

// key reads an object key string and the ':' after it.
func (d *decodeState) key() (string, int) {
	d.skipSpace()
	start := d.off
	d.off = valueEnd(d.data, d.off)
	k, _ := unquote(d.data[start:d.off])
	d.skipSpace()
	d.off++ // ':'
	return k, start
}

func (d *decodeState) object(v reflect.Value) error {
	u, ut, pv := indirect(v, false)
	start := d.off
	if u != nil {
		d.off = valueEnd(d.data, d.off)
		return u.UnmarshalJSON(d.data[start:d.off])
	}
	if ut != nil {
		d.saveError(&UnmarshalTypeError{Value: "object", Type: v.Type(), Offset: int64(d.off + 1)})
		d.off = valueEnd(d.data, d.off)
		return nil
	}
	v = pv
	t := v.Type()
	if v.Kind() == reflect.Interface && v.NumMethod() == 0 {
		x := d.objectInterface()
		v.Set(reflect.ValueOf(x))
		return nil
	}
	var fields *structFields
	switch v.Kind() {
	case reflect.Map:
		switch t.Key().Kind() {
		case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		default:
			if !reflect.PointerTo(t.Key()).Implements(textUnmarshalerType) {
				d.saveError(&UnmarshalTypeError{Value: "object", Type: t, Offset: int64(d.off + 1)})
				d.off = valueEnd(d.data, d.off)
				return nil
			}
		}
		if v.IsNil() {
			v.Set(reflect.MakeMap(t))
		}
	case reflect.Struct:
		fields = cachedFields(t)
	default:
		d.saveError(&UnmarshalTypeError{Value: "object", Type: t, Offset: int64(d.off + 1)})
		d.off = valueEnd(d.data, d.off)
		return nil
	}
	origStruct, origDepth := d.errStruct, len(d.fieldStack)
	var mapElem reflect.Value
	d.off++ // '{'
	for {
		d.skipSpace()
		if d.data[d.off] == '}' {
			d.off++
			break
		}
		key, keyStart := d.key()
		var subv reflect.Value
		destring := false
		if v.Kind() == reflect.Map {
			et := t.Elem()
			if !mapElem.IsValid() {
				mapElem = reflect.New(et).Elem()
			} else {
				mapElem.Set(reflect.Zero(et))
			}
			subv = mapElem
		} else if f := fields.lookup(key); f != nil {
			subv = v
			destring = f.quoted
			for _, k := range f.index {
				if subv.Kind() == reflect.Pointer {
					if subv.IsNil() {
						if !subv.CanSet() {
							d.saveError(errors.New("json: cannot set embedded pointer to unexported struct: " + subv.Type().Elem().String()))
							subv = reflect.Value{}
							destring = false
							break
						}
						subv.Set(reflect.New(subv.Type().Elem()))
					}
					subv = subv.Elem()
				}
				subv = subv.Field(k)
			}
			d.fieldStack = append(d.fieldStack, f.name)
			d.errStruct = t
		} else if d.disallowUnknownFields {
			d.saveError(errors.New("json: unknown field " + strconv.Quote(key)))
		}
		d.skipSpace()
		if destring {
			vstart := d.off
			d.off = valueEnd(d.data, d.off)
			item := d.data[vstart:d.off]
			switch {
			case item[0] == '"':
				s, _ := unquote(item)
				if err := d.literalStore([]byte(s), subv, true); err != nil {
					return err
				}
			case string(item) == "null":
				if err := d.literalStore(item, subv, false); err != nil {
					return err
				}
			default:
				d.saveError(errors.New("json: invalid use of ,string struct tag, trying to unmarshal unquoted value into " + subv.Type().String()))
			}
		} else if err := d.value(subv); err != nil {
			return err
		}
		if v.Kind() == reflect.Map {
			kt := t.Key()
			var kv reflect.Value
			switch {
			case reflect.PointerTo(kt).Implements(textUnmarshalerType):
				kv = reflect.New(kt)
				if err := d.literalStore(d.data[keyStart:keyEndOf(d.data, keyStart)], kv, true); err != nil {
					return err
				}
				kv = kv.Elem()
			case kt.Kind() == reflect.String:
				kv = reflect.ValueOf(key).Convert(kt)
			default:
				switch kt.Kind() {
				case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
					n, err := strconv.ParseInt(key, 10, 64)
					if err != nil || reflect.Zero(kt).OverflowInt(n) {
						d.saveError(&UnmarshalTypeError{Value: "number " + key, Type: kt, Offset: int64(keyStart + 1)})
						break
					}
					kv = reflect.ValueOf(n).Convert(kt)
				default:
					n, err := strconv.ParseUint(key, 10, 64)
					if err != nil || reflect.Zero(kt).OverflowUint(n) {
						d.saveError(&UnmarshalTypeError{Value: "number " + key, Type: kt, Offset: int64(keyStart + 1)})
						break
					}
					kv = reflect.ValueOf(n).Convert(kt)
				}
			}
			if kv.IsValid() {
				v.SetMapIndex(kv, subv)
			}
		}
		d.skipSpace()
		if d.data[d.off] == ',' {
			d.off++
		}
		d.errStruct = origStruct
		d.fieldStack = d.fieldStack[:origDepth]
	}
	return nil
}

// keyEndOf returns the end of the key string starting at i, without quotes
// stripped (literalStore with fromQuoted unquotes nothing: it gets the text).
func keyEndOf(data []byte, i int) int { return valueEnd(data, i) }

// convertNumber converts the number literal s to a float64 or a Number.
func (d *decodeState) convertNumber(s string) (any, error) {
	if d.useNumber {
		return Number(s), nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, &UnmarshalTypeError{Value: "number " + s, Type: reflect.TypeOf(0.0), Offset: int64(d.off)}
	}
	return f, nil
}

func invalidStringUse(item []byte, t reflect.Type) error {
	return errors.New("json: invalid use of ,string struct tag, trying to unmarshal " + strconv.Quote(string(item)) + " into " + t.String())
}

// literalStore stores the literal item (null, true, false, a string with
// its quotes, or a number) in v. fromQuoted: item came from inside a
// ",string" field's string (or is a map key text for UnmarshalText).
func (d *decodeState) literalStore(item []byte, v reflect.Value, fromQuoted bool) error {
	if len(item) == 0 {
		d.saveError(invalidStringUse(item, v.Type()))
		return nil
	}
	isNull := item[0] == 'n'
	u, ut, pv := indirect(v, isNull)
	if u != nil {
		return u.UnmarshalJSON(item)
	}
	if ut != nil {
		if item[0] != '"' {
			if fromQuoted {
				d.saveError(invalidStringUse(item, v.Type()))
				return nil
			}
			val := "number"
			switch item[0] {
			case 'n':
				val = "null"
			case 't', 'f':
				val = "bool"
			}
			d.saveError(&UnmarshalTypeError{Value: val, Type: v.Type(), Offset: int64(d.off)})
			return nil
		}
		s, ok := unquote(item)
		if !ok {
			if fromQuoted {
				return invalidStringUse(item, v.Type())
			}
			panic("json: decoder out of sync")
		}
		return ut.UnmarshalText([]byte(s))
	}
	v = pv
	switch c := item[0]; c {
	case 'n':
		if fromQuoted && string(item) != "null" {
			d.saveError(invalidStringUse(item, v.Type()))
			break
		}
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice:
			v.Set(reflect.Zero(v.Type()))
		}
	case 't', 'f':
		value := item[0] == 't'
		if fromQuoted && string(item) != "true" && string(item) != "false" {
			d.saveError(invalidStringUse(item, v.Type()))
			break
		}
		switch v.Kind() {
		default:
			if fromQuoted {
				d.saveError(invalidStringUse(item, v.Type()))
			} else {
				d.saveError(&UnmarshalTypeError{Value: "bool", Type: v.Type(), Offset: int64(d.off)})
			}
		case reflect.Bool:
			v.SetBool(value)
		case reflect.Interface:
			if v.NumMethod() == 0 {
				v.Set(reflect.ValueOf(value))
			} else {
				d.saveError(&UnmarshalTypeError{Value: "bool", Type: v.Type(), Offset: int64(d.off)})
			}
		}
	case '"':
		s, ok := unquote(item)
		if !ok {
			if fromQuoted {
				return invalidStringUse(item, v.Type())
			}
			panic("json: decoder out of sync")
		}
		switch v.Kind() {
		default:
			d.saveError(&UnmarshalTypeError{Value: "string", Type: v.Type(), Offset: int64(d.off)})
		case reflect.Slice:
			if v.Type().Elem().Kind() != reflect.Uint8 {
				d.saveError(&UnmarshalTypeError{Value: "string", Type: v.Type(), Offset: int64(d.off)})
				break
			}
			b, err := decodeBase64(s)
			if err != nil {
				d.saveError(err)
				break
			}
			v.SetBytes(b)
		case reflect.String:
			if v.Type() == numberType && !isValidNumber(s) {
				return errors.New("json: invalid number literal, trying to unmarshal " + strconv.Quote(string(item)) + " into Number")
			}
			v.SetString(s)
		case reflect.Interface:
			if v.NumMethod() == 0 {
				v.Set(reflect.ValueOf(s))
			} else {
				d.saveError(&UnmarshalTypeError{Value: "string", Type: v.Type(), Offset: int64(d.off)})
			}
		}
	default: // number
		if c != '-' && (c < '0' || c > '9') {
			if fromQuoted {
				return invalidStringUse(item, v.Type())
			}
			panic("json: decoder out of sync")
		}
		s := string(item)
		switch v.Kind() {
		default:
			if v.Kind() == reflect.String && v.Type() == numberType {
				v.SetString(s)
				break
			}
			if fromQuoted {
				return invalidStringUse(item, v.Type())
			}
			d.saveError(&UnmarshalTypeError{Value: "number", Type: v.Type(), Offset: int64(d.off)})
		case reflect.Interface:
			n, err := d.convertNumber(s)
			if err != nil {
				d.saveError(err)
				break
			}
			if v.NumMethod() != 0 {
				d.saveError(&UnmarshalTypeError{Value: "number", Type: v.Type(), Offset: int64(d.off)})
				break
			}
			v.Set(reflect.ValueOf(n))
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil || v.OverflowInt(n) {
				d.saveError(&UnmarshalTypeError{Value: "number " + s, Type: v.Type(), Offset: int64(d.off)})
				break
			}
			v.SetInt(n)
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			n, err := strconv.ParseUint(s, 10, 64)
			if err != nil || v.OverflowUint(n) {
				d.saveError(&UnmarshalTypeError{Value: "number " + s, Type: v.Type(), Offset: int64(d.off)})
				break
			}
			v.SetUint(n)
		case reflect.Float32, reflect.Float64:
			n, err := strconv.ParseFloat(s, v.Type().Bits())
			if err != nil || v.OverflowFloat(n) {
				d.saveError(&UnmarshalTypeError{Value: "number " + s, Type: v.Type(), Offset: int64(d.off)})
				break
			}
			v.SetFloat(n)
		}
	}
	return nil
}

// valueInterface decodes the value at d.off as any.
func (d *decodeState) valueInterface() any {
	d.skipSpace()
	switch d.data[d.off] {
	case '{':
		return d.objectInterface()
	case '[':
		return d.arrayInterface()
	}
	start := d.off
	d.off = valueEnd(d.data, d.off)
	return d.literalInterface(d.data[start:d.off])
}

func (d *decodeState) arrayInterface() []any {
	v := make([]any, 0)
	d.off++
	for {
		d.skipSpace()
		if d.data[d.off] == ']' {
			d.off++
			return v
		}
		v = append(v, d.valueInterface())
		d.skipSpace()
		if d.data[d.off] == ',' {
			d.off++
		}
	}
}

func (d *decodeState) objectInterface() map[string]any {
	m := make(map[string]any)
	d.off++
	for {
		d.skipSpace()
		if d.data[d.off] == '}' {
			d.off++
			return m
		}
		key, _ := d.key()
		m[key] = d.valueInterface()
		d.skipSpace()
		if d.data[d.off] == ',' {
			d.off++
		}
	}
}

func (d *decodeState) literalInterface(item []byte) any {
	switch c := item[0]; c {
	case 'n':
		return nil
	case 't', 'f':
		return c == 't'
	case '"':
		s, _ := unquote(item)
		return s
	}
	n, err := d.convertNumber(string(item))
	if err != nil {
		d.saveError(err)
	}
	return n
}

// getu4 decodes the 4 hex digits after "\u" at s[0:4], or returns -1.
func getu4(s []byte) rune {
	if len(s) < 4 {
		return -1
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case '0' <= c && c <= '9':
			c = c - '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// unquote converts a quoted JSON string literal to its value: escapes
// decoded, surrogate pairs joined, lone surrogates and invalid UTF-8 made
// U+FFFD.
func unquote(s []byte) (string, bool) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", false
	}
	s = s[1 : len(s)-1]
	simple := true
	for _, c := range s {
		if c == '\\' || c == '"' || c < ' ' || c >= utf8.RuneSelf {
			simple = false
			break
		}
	}
	if simple {
		return string(s), true
	}
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			i++
			if i >= len(s) {
				return "", false
			}
			switch s[i] {
			case '"', '\\', '/', '\'':
				b = append(b, s[i])
				i++
			case 'b':
				b = append(b, '\b')
				i++
			case 'f':
				b = append(b, '\f')
				i++
			case 'n':
				b = append(b, '\n')
				i++
			case 'r':
				b = append(b, '\r')
				i++
			case 't':
				b = append(b, '\t')
				i++
			case 'u':
				i++
				r := getu4(s[i:])
				if r < 0 {
					return "", false
				}
				i += 4
				if utf16.IsSurrogate(r) {
					r2 := rune(-1)
					if i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
						r2 = getu4(s[i+2:])
					}
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						i += 6
						b = utf8.AppendRune(b, dec)
						break
					}
					r = utf8.RuneError
				}
				b = utf8.AppendRune(b, r)
			default:
				return "", false
			}
		case c == '"' || c < ' ':
			return "", false
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(s[i:])
			i += size
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b), true
}

// decodeBase64 decodes standard (padded) base64, '\r' and '\n' ignored, with
// base64.StdEncoding (so errors are its CorruptInputError).
func decodeBase64(s string) ([]byte, error) {
	b := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
	n, err := base64.StdEncoding.Decode(b, []byte(s))
	if err != nil {
		return nil, err
	}
	return b[:n], nil
}
