// gort standard library: package internal/reflectlite.

// Package reflectlite holds the few reflective operations that errors and
// sort need, as a thin layer over package reflect. (gort's reflect imports
// only unsafe, math and unicode/utf8, so errors -> reflectlite -> reflect
// has no cycle; Go's own reflectlite duplicates reflect's internals
// instead.) The differential checks substitute a shim over Go's reflect
// (../../../scripts/shim), since gort's reflect needs gort's runtime.
package reflectlite

import "reflect"

var errorType = reflect.TypeOf((*error)(nil)).Elem()

// Comparable reports whether the dynamic type of v is comparable.
func Comparable(v any) bool { return reflect.TypeOf(v).Comparable() }

// CheckAsTarget validates an errors.As target: 0 when it is a non-nil
// pointer to an interface type or to a type implementing error, 1 when it
// is not a non-nil pointer, 2 when the element type is unsuitable.
func CheckAsTarget(target any) int {
	v := reflect.ValueOf(target)
	if !v.IsValid() || v.Kind() != reflect.Pointer || v.IsNil() {
		return 1
	}
	e := v.Type().Elem()
	if e.Kind() != reflect.Interface && !e.Implements(errorType) {
		return 2
	}
	return 0
}

// AssignTo stores err in *target and reports true when err's dynamic type is
// assignable to target's element type; otherwise it reports false.
func AssignTo(err error, target any) bool {
	v := reflect.ValueOf(target)
	e := v.Type().Elem()
	if reflect.TypeOf(err).AssignableTo(e) {
		v.Elem().Set(reflect.ValueOf(err))
		return true
	}
	return false
}

// Len returns the length of a slice held in an interface; it panics when the
// value is not a slice.
func Len(slice any) int { return reflect.ValueOf(slice).Len() }

// Swapper returns a function that swaps the elements at i and j of the slice
// held in slice; it panics when the value is not a slice.
func Swapper(slice any) func(i, j int) { return reflect.Swapper(slice) }
