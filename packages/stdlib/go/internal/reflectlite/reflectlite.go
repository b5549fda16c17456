// gort standard library: package internal/reflectlite.

// Package reflectlite holds the few reflective operations that errors and
// sort need. The functions have no Go bodies: gort's runtime supplies them
// natively (they must not depend on package reflect, which itself imports
// errors, sort and strconv). The differential checks substitute a shim built
// on the real reflect package (see ../../../scripts/shim).
package reflectlite

// Comparable reports whether the dynamic type of v is comparable.
func Comparable(v any) bool

// CheckAsTarget validates an errors.As target: 0 when it is a non-nil
// pointer to an interface type or to a type implementing error, 1 when it
// is not a non-nil pointer, 2 when the element type is unsuitable.
func CheckAsTarget(target any) int

// AssignTo stores err in *target and reports true when err's dynamic type is
// assignable to target's element type; otherwise it reports false.
func AssignTo(err error, target any) bool

// Len returns the length of a slice held in an interface; it panics when the
// value is not a slice.
func Len(slice any) int

// Swapper returns a function that swaps the elements at i and j of the slice
// held in slice; it panics when the value is not a slice.
func Swapper(slice any) func(i, j int)
