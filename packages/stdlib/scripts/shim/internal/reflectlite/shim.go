// gort standard library check shim: internal/reflectlite over the real
// reflect package, used only when the tree is verified with the Go toolchain.
package reflectlite

import "reflect"

var errorType = reflect.TypeOf((*error)(nil)).Elem()

func Comparable(v any) bool { return reflect.TypeOf(v).Comparable() }

func CheckAsTarget(target any) int {
	v := reflect.ValueOf(target)
	t := v.Type()
	if t.Kind() != reflect.Ptr || v.IsNil() {
		return 1
	}
	e := t.Elem()
	if e.Kind() != reflect.Interface && !e.Implements(errorType) {
		return 2
	}
	return 0
}

func AssignTo(err error, target any) bool {
	v := reflect.ValueOf(target)
	e := v.Type().Elem()
	if reflect.TypeOf(err).AssignableTo(e) {
		v.Elem().Set(reflect.ValueOf(err))
		return true
	}
	return false
}

func Len(slice any) int { return reflect.ValueOf(slice).Len() }

func Swapper(slice any) func(i, j int) { return reflect.Swapper(slice) }
