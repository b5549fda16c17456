// gort standard library: package errors.

// Package errors provides functions to create, wrap and inspect error values.
package errors

import "internal/reflectlite"

// New returns an error whose Error method returns text. Each call returns a
// distinct value, even for equal texts.
func New(text string) error {
	return &errorString{s: text}
}

// errorString is named and shaped like Go's so that %#v and %T print the
// same ("&errors.errorString{s:...}").
type errorString struct{ s string }

func (e *errorString) Error() string { return e.s }

// Unwrap returns the result of calling err's Unwrap method, when err has one
// returning error; otherwise nil.
func Unwrap(err error) error {
	w, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return w.Unwrap()
}

// Is reports whether some error in err's chain (err, Unwrap(err), ...) equals
// target or has an Is(error) bool method that reports true for target.
func Is(err, target error) bool {
	if target == nil {
		return err == target
	}
	canCompare := reflectlite.Comparable(target)
	for err != nil {
		if canCompare && err == target {
			return true
		}
		if m, ok := err.(interface{ Is(error) bool }); ok && m.Is(target) {
			return true
		}
		err = Unwrap(err)
	}
	return false
}

// As finds the first error in err's chain that is assignable to the value
// target points to, stores it there and reports true. An error whose
// As(any) bool method reports true for target also matches.
//
// As panics when target is nil, not a non-nil pointer, or points to a type
// that is neither an interface nor implements error.
func As(err error, target any) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	switch reflectlite.CheckAsTarget(target) {
	case 1:
		panic("errors: target must be a non-nil pointer")
	case 2:
		panic("errors: *target must be interface or implement error")
	}
	for err != nil {
		if reflectlite.AssignTo(err, target) {
			return true
		}
		if m, ok := err.(interface{ As(any) bool }); ok && m.As(target) {
			return true
		}
		err = Unwrap(err)
	}
	return false
}
