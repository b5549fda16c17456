// gort standard library: package internal/fmtsort.

// Package fmtsort orders map entries for printing (fmt, text/template), so
// that maps print deterministically. The order: numbers, strings and bools
// by value (false < true; NaN below every other float; -0 == +0), complex
// numbers by real then imaginary part, pointers and channels by address,
// structs and arrays element by element, interfaces by the address of the
// concrete type's descriptor and then by value; nil sorts before non-nil.
package fmtsort

import (
	"reflect"
	"sort"
)

// SortedMap holds the keys and values of a map, sorted by key.
type SortedMap struct {
	Key   []reflect.Value
	Value []reflect.Value
}

func (o *SortedMap) Len() int           { return len(o.Key) }
func (o *SortedMap) Less(i, j int) bool { return compare(o.Key[i], o.Key[j]) < 0 }
func (o *SortedMap) Swap(i, j int) {
	o.Key[i], o.Key[j] = o.Key[j], o.Key[i]
	o.Value[i], o.Value[j] = o.Value[j], o.Value[i]
}

// Sort returns the entries of mapValue (a map) sorted by key. It returns
// nil for anything that is not a map.
func Sort(mapValue reflect.Value) *SortedMap {
	if mapValue.Type().Kind() != reflect.Map {
		return nil
	}
	n := mapValue.Len()
	key := make([]reflect.Value, 0, n)
	value := make([]reflect.Value, 0, n)
	iter := mapValue.MapRange()
	for iter.Next() {
		key = append(key, iter.Key())
		value = append(value, iter.Value())
	}
	sorted := &SortedMap{Key: key, Value: value}
	sort.Stable(sorted)
	return sorted
}

func sign64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func usign64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compare orders two values of the same type; values of different types
// compare as -1 (there is no right answer, but they are not equal).
func compare(a, b reflect.Value) int {
	if a.Type() != b.Type() {
		return -1
	}
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return sign64(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return usign64(a.Uint(), b.Uint())
	case reflect.String:
		as, bs := a.String(), b.String()
		switch {
		case as < bs:
			return -1
		case as > bs:
			return 1
		}
		return 0
	case reflect.Float32, reflect.Float64:
		return floatCompare(a.Float(), b.Float())
	case reflect.Complex64, reflect.Complex128:
		ac, bc := a.Complex(), b.Complex()
		if c := floatCompare(real(ac), real(bc)); c != 0 {
			return c
		}
		return floatCompare(imag(ac), imag(bc))
	case reflect.Bool:
		ab, bb := a.Bool(), b.Bool()
		switch {
		case ab == bb:
			return 0
		case ab:
			return 1
		}
		return -1
	case reflect.Pointer, reflect.UnsafePointer:
		return usign64(uint64(a.Pointer()), uint64(b.Pointer()))
	case reflect.Chan:
		if c, ok := nilable(a, b); ok {
			return c
		}
		return usign64(uint64(a.Pointer()), uint64(b.Pointer()))
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if c := compare(a.Field(i), b.Field(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Array:
		for i := 0; i < a.Len(); i++ {
			if c := compare(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Interface:
		if c, ok := nilable(a, b); ok {
			return c
		}
		// Concrete types first (by descriptor address), then values.
		if c := compare(reflect.ValueOf(a.Elem().Type()), reflect.ValueOf(b.Elem().Type())); c != 0 {
			return c
		}
		return compare(a.Elem(), b.Elem())
	}
	panic("bad type in compare: " + a.Type().String())
}

// nilable orders nil before non-nil; ok is false when neither is nil.
func nilable(a, b reflect.Value) (int, bool) {
	an, bn := a.IsNil(), b.IsNil()
	switch {
	case an && bn:
		return 0, true
	case an:
		return -1, true
	case bn:
		return 1, true
	}
	return 0, false
}

func floatCompare(a, b float64) int {
	switch {
	case a != a:
		return -1
	case b != b:
		return 1
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
